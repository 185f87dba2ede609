"""Every setting, declared once with its default, type and help.

The CLI's ``twoway settings``, the web Settings page and the docs are all generated from
``SETTINGS``; the rules read values through :func:`load`. Values the owner changes are kept
in the ``settings`` table as JSON; anything not stored is the default.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from twoway import clock
from twoway.errors import InvalidSetting, NotFound

KINDS = ("int", "float", "str", "bool", "list", "map", "choice")


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    kind: str
    help: str
    group: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None

    def parse(self, raw: Any) -> Any:
        """Turn what a user typed (or a JSON value) into this setting's type, or explain why not."""
        try:
            value = self._coerce(raw)
        except (ValueError, TypeError, json.JSONDecodeError):
            raise InvalidSetting(f"{self.name}: {raw!r} is not a valid {self.kind_label()}") from None
        if self.kind in ("int", "float"):
            if self.minimum is not None and value < self.minimum:
                raise InvalidSetting(f"{self.name}: {value} is below the minimum {self.minimum:g}")
            if self.maximum is not None and value > self.maximum:
                raise InvalidSetting(f"{self.name}: {value} is above the maximum {self.maximum:g}")
        if self.kind == "choice" and value not in self.choices:
            raise InvalidSetting(f"{self.name}: {value!r} is not one of {', '.join(self.choices)}")
        return value

    def kind_label(self) -> str:
        labels = {
            "int": "whole number",
            "float": "number",
            "str": "text",
            "bool": "yes/no value",
            "list": "comma-separated list",
            "map": "list of name=number pairs",
            "choice": "choice (" + ", ".join(self.choices) + ")",
        }
        return labels[self.kind]

    def _coerce(self, raw: Any) -> Any:
        kind = self.kind
        if kind == "int":
            if isinstance(raw, bool):
                raise TypeError
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            if isinstance(raw, bool):
                return raw
            lowered = str(raw).strip().lower()
            if lowered in ("1", "true", "yes", "on", "y"):
                return True
            if lowered in ("0", "false", "no", "off", "n"):
                return False
            raise ValueError(raw)
        if kind == "list":
            if isinstance(raw, list):
                return [str(x).strip() for x in raw if str(x).strip()]
            text_ = str(raw).strip()
            if text_.startswith("["):
                return [str(x).strip() for x in json.loads(text_) if str(x).strip()]
            return [part.strip() for part in text_.split(",") if part.strip()]
        if kind == "map":
            if isinstance(raw, dict):
                return {str(k).strip(): float(v) for k, v in raw.items()}
            text_ = str(raw).strip()
            if text_.startswith("{"):
                return {str(k).strip(): float(v) for k, v in json.loads(text_).items()}
            pairs: dict[str, float] = {}
            for part in text_.split(","):
                if not part.strip():
                    continue
                key, _, number = part.partition("=")
                if not key.strip() or not number.strip():
                    raise ValueError(part)
                pairs[key.strip()] = float(number)
            return pairs
        return str(raw)


def _s(name: str, default: Any, kind: str, group: str, help: str, **extra: Any) -> Setting:
    return Setting(name=name, default=default, kind=kind, group=group, help=help, **extra)


SETTINGS: tuple[Setting, ...] = (
    # Relationships and the three-attempt rule
    _s("cadence_days", 365, "int", "relationships",
       "Days between check-ins with each connection (the yearly check-in).", minimum=7, maximum=3650),
    _s("tag_cadences", {"inner circle": 90}, "map", "relationships",
       "Shorter or longer cadences for tagged connections, as tag=days pairs."),
    _s("attempt_gap_days", 7, "int", "relationships",
       "Outgoing messages closer together than this many days count as one attempt.", minimum=1, maximum=90),
    _s("attempts_to_unresponsive", 3, "int", "relationships",
       "Unanswered attempts after which a connection is unresponsive.", minimum=1, maximum=10),
    _s("new_connection_days", 14, "int", "relationships",
       "A connection made within this many days, with nothing said yet, is new.", minimum=1, maximum=90),
    _s("owe_reply_after_days", 2, "int", "relationships",
       "Their last message older than this many days, unanswered, means you owe a reply.",
       minimum=0, maximum=60),
    _s("reply_window_days", 30, "int", "relationships",
       "You owe a reply to a question or news for this many days; after that the thread is over and the next "
       "check-in owns up to it.", minimum=3, maximum=365),
    _s("retry_window_days", 60, "int", "relationships",
       "A retry is offered from a week after an unanswered attempt until this many days after it; then the "
       "attempt stays counted and the next attempt is the next check-in.", minimum=8, maximum=730),
    _s("answer_window_days", 60, "int", "relationships",
       "Their message counts as an answer to yours (and yours to theirs), making the contact two-way, only "
       "within this many days.", minimum=1, maximum=730),
    _s("protected_tags", ["family", "mentor"], "list", "relationships",
       "Tags whose connections are never suggested for pruning."),
    # Strength
    _s("strength_weights",
       {"recency": 25, "frequency": 35, "reciprocity": 5, "responsiveness": 25, "duration": 0,
        "endorsements": 5, "channels": 5},
       "map", "strength",
       "Relative weight of each part of the relationship strength score (scaled to 100)."),
    _s("strength_half_life_days", 180, "int", "strength",
       "Long horizon of strength, in days: a message this old counts half in recency, frequency, "
       "reciprocity and responsiveness.", minimum=7, maximum=3650),
    _s("strength_short_half_life_days", 30.0, "float", "strength",
       "Short horizon of the recency part of strength, in days (may be a fraction): recency is the mean "
       "of their last word's weight over the short and the long horizon.", minimum=0.01, maximum=3650),
    # The weekly plan
    _s("weekly_checkins", 0, "int", "plan",
       "Check-ins to plan each week; 0 spreads the whole network evenly over the cadence (about N/52).",
       minimum=0, maximum=5000),
    _s("weekly_items", 25, "int", "plan",
       "Items in one week's plan, filled by value: replies owed, new connections, retries, check-ins, "
       "congratulations. The rest waits (`twoway week --all`).", minimum=1, maximum=10000),
    _s("never_contacted_share", 0.2, "float", "plan",
       "Most share of the week's check-ins that go to connections you never spoke with (as a re-introduction).",
       minimum=0.0, maximum=1.0),
    _s("new_batch_size", 5, "int", "plan",
       "New connections made on one day from this many on are one grouped item (a batch of accepted "
       "invitations), with the strongest few named.", minimum=2, maximum=1000),
    _s("plan_workdays", 5, "int", "plan",
       "Check-ins are spread over this many days from the start of the week (5 = Monday to Friday).",
       minimum=1, maximum=7),
    _s("congratulate_within_days", 30, "int", "plan",
       "A new role first seen within this many days, not yet answered by a message, gets a congratulation.",
       minimum=1, maximum=365),
    _s("congratulate_min_strength", 30, "int", "plan",
       "Congratulate a new role only for ties at least this strong (0-100).", minimum=0, maximum=100),
    # Pruning and health
    _s("dormant_years", 3, "int", "prune",
       "Connections never spoken with, made more than this many years ago, are grouped in the dormant review.",
       minimum=1, maximum=30),
    _s("focus_keywords", [], "list", "prune",
       "Fields and keywords of your focus; connections and invitations outside them rank lower."),
    _s("career_stage", "established", "choice", "health",
       "Your career stage, to compare the size of your network with.",
       choices=("student", "graduate", "young", "established", "executive")),
    # Invitations
    _s("invite_note_limit", 300, "int", "invitations",
       "Longest invitation note LinkedIn accepts (200 for free accounts in newer reports).",
       minimum=50, maximum=2000),
    _s("invite_weekly_budget", 100, "int", "invitations",
       "Invitations you allow yourself in any 7 days.", minimum=1, maximum=1000),
    _s("invite_budget_warn_share", 0.8, "float", "invitations",
       "Warn when this share of the weekly budget is used.", minimum=0.1, maximum=1.0),
    _s("invite_withdraw_after_days", 21, "int", "invitations",
       "Pending sent invitations older than this are flagged to withdraw.", minimum=1, maximum=365),
    _s("invite_reinvite_block_days", 21, "int", "invitations",
       "After withdrawing, LinkedIn blocks inviting the same person again for this long.",
       minimum=0, maximum=365),
    _s("invite_expire_days", 183, "int", "invitations",
       "Pending invitations older than this have probably expired.", minimum=30, maximum=730),
    _s("invite_review_mutuals", 3, "int", "invitations",
       "A stranger's invitation with at least this many known mutual connections is worth a look.",
       minimum=1, maximum=1000),
    _s("invite_copy_paste_senders", 3, "int", "invitations",
       "The same note from at least this many different senders is a copy-paste.", minimum=2, maximum=100),
    # Import safety
    _s("import_max_unpacked_mb", 4096, "int", "import",
       "Refuse archives that would unpack to more than this many megabytes.", minimum=1, maximum=1_000_000),
    _s("import_max_removed_percent", 20, "int", "import",
       "A newer export that would mark more than this share of connections removed (from 10 removals on) is "
       "refused unless confirmed with --yes.", minimum=1, maximum=100),
    _s("import_max_field_chars", 1_000_000, "int", "import",
       "Refuse fields longer than this many characters.", minimum=1000, maximum=100_000_000),
    _s("owner_emails", [], "list", "import",
       "Your own e-mail addresses, so imported mail and calendars know which side is you (added to those inferred "
       "from the mail you sent)."),
    # Degrees and introductions
    _s("intro_unknown_strength", 50, "int", "graph",
       "Strength (0-100) assumed for a link on an introduction path when no member's history covers it; "
       "such links are shown as 'unknown'.", minimum=0, maximum=100),
    _s("intro_max_paths", 10, "int", "graph",
       "Most introduction paths listed for one request.", minimum=1, maximum=1000),
    # Team servers: how long a login lasts
    _s("session_idle_minutes", 720, "int", "team",
       "A team member's login ends after this many minutes without a request.", minimum=5, maximum=43200),
    _s("session_max_days", 30, "int", "team",
       "A team member's login ends this many days after it began, however active.", minimum=1, maximum=365),
    _s("team_invite_days", 7, "int", "team",
       "An invitation to set a password can be used once, within this many days.", minimum=1, maximum=90),
)

BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


def declaration(name: str) -> Setting:
    try:
        return BY_NAME[name]
    except KeyError:
        raise NotFound(f"no setting called {name!r}", cli_hint="`twoway settings` lists them") from None


class Settings(Mapping[str, Any]):
    """A snapshot of every setting's value: ``settings["cadence_days"]`` or ``settings.cadence_days``."""

    def __init__(self, stored: Mapping[str, Any] | None = None) -> None:
        self._stored = dict(stored or {})

    def __getitem__(self, name: str) -> Any:
        if name in self._stored:
            return self._stored[name]
        return declaration(name).default

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except NotFound:
            raise AttributeError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(BY_NAME)

    def __len__(self) -> int:
        return len(BY_NAME)

    def is_changed(self, name: str) -> bool:
        return name in self._stored

    def with_values(self, **values: Any) -> Settings:
        """A copy with some values replaced (validated), for tests and what-if previews."""
        merged = dict(self._stored)
        for name, raw in values.items():
            merged[name] = declaration(name).parse(raw)
        return Settings(merged)


# The only member there is speaks for the database (single-user mode reads and writes as before); with none
# or several, a caller that names no member reads and writes the database's own row (owner 0).
_SOLE_OWNER = "SELECT MIN(id) FROM owners HAVING COUNT(*) = 1"


def _member(conn: Connection, owner_id: int | None) -> tuple[int, bool]:
    """(whose rows, whether they are the database's only member)."""
    sole = conn.execute(text(_SOLE_OWNER)).scalar()
    if owner_id is None:
        return (int(sole), True) if sole is not None else (0, False)
    return owner_id, sole is not None and int(sole) == owner_id


def load(conn: Connection, owner_id: int | None = None) -> Settings:
    """One member's settings: the database's own (owner 0) with the member's over them."""
    member, _ = _member(conn, owner_id)
    stored: dict[str, Any] = {}
    for key, value in conn.execute(text("SELECT key, value FROM settings WHERE owner_id IN (0, :o) "
                                        "ORDER BY owner_id"), {"o": member}):
        if key in BY_NAME:
            try:
                stored[key] = BY_NAME[key].parse(json.loads(value))
            except InvalidSetting:
                continue  # a value from an older version that no longer fits falls back to the default
    return Settings(stored)


def _forget(conn: Connection, name: str, owner_id: int | None) -> int:
    member, sole = _member(conn, owner_id)
    # The only member owns the database's row too: their change or reset must not leave it underneath.
    conn.execute(text("DELETE FROM settings WHERE key = :k AND (owner_id = :o OR (owner_id = 0 AND :sole = 1))"),
                 {"k": name, "o": member, "sole": int(sole)})
    return member


def set_value(conn: Connection, name: str, raw: Any, owner_id: int | None = None) -> Any:
    value = declaration(name).parse(raw)
    member = _forget(conn, name, owner_id)
    conn.execute(
        text("INSERT INTO settings (owner_id, key, value, updated_at) VALUES (:o, :k, :v, :t)"),
        {"o": member, "k": name, "v": json.dumps(value), "t": clock.now().isoformat(timespec="seconds")},
    )
    return value


def reset(conn: Connection, name: str, owner_id: int | None = None) -> None:
    declaration(name)
    _forget(conn, name, owner_id)


def describe(current: Settings) -> list[dict[str, Any]]:
    """Every setting with its default, current value and help, in declaration order."""
    return [
        {
            "name": s.name,
            "group": s.group,
            "kind": s.kind,
            "type": s.kind_label(),
            "default": s.default,
            "value": current[s.name],
            "changed": current.is_changed(s.name),
            "help": s.help,
            "choices": list(s.choices),
        }
        for s in SETTINGS
    ]
