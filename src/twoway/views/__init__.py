"""What a screen shows: the compositions the CLI, the API and the pages all call, so the same question gives
the same answer (and the same JSON) on every face.

Each function takes a connection and the owner and returns a value with ``to_dict()``; the faces parse
input, call one of these (or one core function), and render.
"""

from twoway.views.imports import import_and_warm
from twoway.views.log import LogResult, record
from twoway.views.merges import MergeDone, MergeSuggestion, merge_suggestions, merges_done
from twoway.views.people import SORTS, PeoplePage, PeopleQuery, search
from twoway.views.person import person_detail, timeline
from twoway.views.states import StateRow, list_states, state_for
from twoway.views.strength import StrengthReport, ranking, strength_for
from twoway.views.tags import PersonNotes, TagChange, TagSummary, all_tags, note_person, tag_person
from twoway.views.workspace import Workspace

__all__ = [
    "SORTS",
    "LogResult",
    "MergeDone",
    "MergeSuggestion",
    "PeoplePage",
    "PeopleQuery",
    "PersonNotes",
    "StateRow",
    "StrengthReport",
    "TagChange",
    "TagSummary",
    "Workspace",
    "all_tags",
    "import_and_warm",
    "list_states",
    "merge_suggestions",
    "merges_done",
    "note_person",
    "person_detail",
    "ranking",
    "record",
    "search",
    "state_for",
    "strength_for",
    "tag_person",
    "timeline",
]
