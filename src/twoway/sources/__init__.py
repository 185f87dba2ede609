"""What every source beside the LinkedIn export shares (mail, calendars, address books): the import's record
(``imports``/``import_files``, all or nothing), the owner it goes to and their own addresses, people found by
e-mail address (with why), and interactions written with their reading.

``twoway.linkedin`` keeps its own faster machinery for million-row exports; these sources write through here.
"""

from __future__ import annotations

from twoway.sources.addresses import Address, normalise_email, parse_addresses
from twoway.sources.directory import Directory
from twoway.sources.fold import fold_person, undo_merge
from twoway.sources.merges import decide_merge
from twoway.sources.owners import owner_addresses, pick_owner, remember_owner_addresses
from twoway.sources.record import SourceImport, content_id, imported_before
from twoway.sources.summary import SourceSummary
from twoway.sources.writer import Interaction, write_interactions

__all__ = [
    "Address",
    "Directory",
    "Interaction",
    "SourceImport",
    "SourceSummary",
    "content_id",
    "decide_merge",
    "fold_person",
    "imported_before",
    "normalise_email",
    "owner_addresses",
    "parse_addresses",
    "pick_owner",
    "remember_owner_addresses",
    "undo_merge",
    "write_interactions",
]
