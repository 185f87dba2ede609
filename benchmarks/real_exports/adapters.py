"""Adapters from twoway's CLI JSON to the few fields the benchmark measures.

The JSON of `week`, `states` and `prune` is about to change (a weekly budget, grouped items, `--all`, new state
names). Each command has one adapter here, so a shape change is a one-place fix; a missing field raises
`ShapeError` naming the adapter and the keys that were there, rather than reporting zeros.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any


class ShapeError(RuntimeError):
    """twoway's JSON lacks a field the benchmark needs."""


def need(obj: Any, key: str, where: str) -> Any:
    """OBJ[KEY], or a ShapeError that says which adapter to fix."""
    if not isinstance(obj, Mapping):
        raise ShapeError(f"{where}: expected an object holding {key!r}, got {type(obj).__name__}; "
                         "fix this adapter in benchmarks/real_exports/adapters.py")
    if key not in obj:
        raise ShapeError(f"{where}: field {key!r} missing (present: {sorted(obj)}); the JSON shape changed, "
                         "fix this adapter in benchmarks/real_exports/adapters.py")
    return obj[key]


def need_list(obj: Any, key: str, where: str) -> list[Any]:
    value = need(obj, key, where)
    if not isinstance(value, list):
        raise ShapeError(f"{where}: field {key!r} is {type(value).__name__}, expected a list")
    return value


def first_key(obj: Any, keys: tuple[str, ...], where: str) -> Any:
    """The first of KEYS present in OBJ (for fields being renamed), else a ShapeError."""
    if isinstance(obj, Mapping):
        for k in keys:
            if k in obj:
                return obj[k]
    present = sorted(obj) if isinstance(obj, Mapping) else type(obj).__name__
    raise ShapeError(f"{where}: none of {list(keys)} present (present: {present}); the JSON shape changed, "
                     "fix this adapter in benchmarks/real_exports/adapters.py")


def opt_date(raw: Any) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


# --- import ---------------------------------------------------------------------------------------------

@dataclass
class ImportResult:
    connections: int
    messages: int
    invitations: int
    seconds: float | None
    exported_on: str | None
    problems: int
    files: list[dict[str, Any]]   # kind, rows, skipped, encoding per file read (shapes only)


def import_result(doc: Any) -> ImportResult:
    w = "import --json"
    files = []
    for f in doc.get("files", []) if isinstance(doc, Mapping) else []:
        if isinstance(f, Mapping):
            files.append({k: f.get(k) for k in ("kind", "rows", "skipped", "encoding")})
    return ImportResult(
        connections=int(need(doc, "connections_total", w)),
        messages=int(need(doc, "messages_added", w)),
        invitations=int(need(doc, "invitations_added", w)),
        seconds=float(doc["seconds"]) if doc.get("seconds") is not None else None,
        exported_on=doc.get("exported_on"),
        problems=len(doc.get("problems") or []),
        files=files,
    )


# --- states ---------------------------------------------------------------------------------------------

@dataclass
class StateRow:
    person_id: int
    state: str
    reason: str
    attempts: int
    last_in: date | None
    last_out: date | None
    last_two_way: date | None

    @property
    def any_contact(self) -> bool:
        return self.last_in is not None or self.last_out is not None

    @property
    def history(self) -> bool:
        """Real history: a two-way exchange at some time (both sides wrote)."""
        return self.last_two_way is not None or (self.last_in is not None and self.last_out is not None)


def state_rows(doc: Any) -> list[StateRow]:
    w = "states --json (adapters.state_rows)"
    rows = first_key(doc, ("connections", "rows", "people"), w)
    out = []
    for r in rows:
        out.append(StateRow(
            person_id=int(need(r, "person_id", w)),
            state=str(need(r, "state", w)),
            reason=str(need(r, "reason", w)),
            attempts=int(r.get("attempts") or 0),
            last_in=opt_date(need(r, "last_in", w)),
            last_out=opt_date(need(r, "last_out", w)),
            last_two_way=opt_date(need(r, "last_two_way", w)),
        ))
    return out


def state_counts(doc: Any) -> dict[str, int]:
    counts = need(doc, "counts", "states --json (adapters.state_counts)")
    return {str(k): int(v) for k, v in counts.items()}


# --- week -----------------------------------------------------------------------------------------------

@dataclass
class PlanItem:
    person_id: int | None     # None for an item about several people that names none
    kind: str
    state: str | None
    reason: str
    draft: str
    group: int | None = None  # index of the grouped item this person belongs to


@dataclass
class Plan:
    items: list[PlanItem]            # one per person (grouped items expanded)
    shown: int                       # items the user sees (a grouped item counts once)
    kinds: dict[str, int]            # items shown by kind
    extra: dict[str, Any] = field(default_factory=dict)   # scalar facts (budget, quota, cut…) as given


GROUP_KEYS = ("members", "people", "persons")


def _item_person_id(it: Mapping[str, Any], where: str) -> int | None:
    if "person_id" in it and it["person_id"] is not None:
        return int(it["person_id"])
    person = it.get("person")
    if isinstance(person, Mapping) and person.get("id") is not None:
        return int(person["id"])
    if any(k in it for k in GROUP_KEYS):
        return None
    raise ShapeError(f"{where}: a plan item has neither person_id nor person.id nor {GROUP_KEYS} "
                     f"(present: {sorted(it)}); fix adapters.week_plan")


def week_plan(doc: Any) -> Plan:
    """The week as the user sees it by default. A grouped item (e.g. a batch of accepted invitations) counts
    once in `shown` and `kinds`, and each of its people appears in `items`."""
    w = "week --json (adapters.week_plan)"
    raw = need_list(doc, "items", w)
    items: list[PlanItem] = []
    kinds: dict[str, int] = {}
    for gi, it in enumerate(raw):
        kind = str(need(it, "kind", w))
        kinds[kind] = kinds.get(kind, 0) + 1
        pid = _item_person_id(it, w)
        # A grouped item lists its people; a single person's item may carry an empty list.
        members = next((it[k] for k in GROUP_KEYS if isinstance(it.get(k), list) and it[k]), None)
        if members is None:
            items.append(PlanItem(pid, kind, it.get("state"), str(it.get("reason") or it.get("why_now") or ""),
                                  str(it.get("draft") or "")))
            continue
        for m in members:
            mid = _item_person_id(m, w) if isinstance(m, Mapping) else int(m)
            mm = m if isinstance(m, Mapping) else {}
            items.append(PlanItem(mid, kind, mm.get("state", it.get("state")),
                                  str(mm.get("reason") or it.get("reason") or ""),
                                  str(mm.get("draft") or it.get("draft") or ""), group=gi))
    extra = {k: v for k, v in doc.items() if k != "items" and isinstance(v, int | float | str | bool)}
    return Plan(items=items, shown=len(raw), kinds=kinds, extra=extra)


# --- prune ----------------------------------------------------------------------------------------------

@dataclass
class PruneCandidate:
    person_id: int
    codes: list[str]
    texts: list[str]
    suspicious: bool


def prune_candidates(doc: Any) -> list[PruneCandidate]:
    w = "prune --json (adapters.prune_candidates)"
    out = []
    for c in need_list(doc, "candidates", w):
        reasons = need_list(c, "reasons", w)
        codes = [str(first_key(r, ("code", "reason", "key"), w)) for r in reasons]
        texts = [str(r.get("text", "")) for r in reasons if isinstance(r, Mapping)]
        out.append(PruneCandidate(
            person_id=int(need(c, "person_id", w)),
            codes=codes,
            texts=texts,
            suspicious=bool(c.get("suspicious")) or "suspicious" in codes,
        ))
    return out


# --- invites --------------------------------------------------------------------------------------------

@dataclass
class Invitation:
    person_id: int | None
    status: str
    recommendation: str
    blank: bool
    stranger: bool
    reason_keys: list[str]


def incoming_invitations(doc: Any) -> list[Invitation]:
    w = "invites --all --json (adapters.incoming_invitations)"
    out = []
    for i in need_list(doc, "incoming", w):
        reasons = i.get("reasons") or []
        keys = [str(r.get("key")) for r in reasons if isinstance(r, Mapping)]
        note_kind = i.get("note_kind")
        message = i.get("message")
        blank = note_kind == "blank" if note_kind is not None else not (message or "").strip()
        out.append(Invitation(
            person_id=i.get("person_id"),
            status=str(need(i, "status", w)),
            recommendation=str(need(i, "recommendation", w)),
            blank=blank,
            stranger="stranger" in keys,
            reason_keys=keys,
        ))
    return out


# --- person ---------------------------------------------------------------------------------------------

@dataclass
class Message:
    at: str
    direction: str          # "in" / "out" (as twoway says)
    text: str
    conversation_kind: str | None


@dataclass
class PersonView:
    person_id: int
    state: str | None
    reason: str | None
    strength: int | None
    messages: list[Message]   # newest first


def person_view(doc: Any) -> PersonView:
    w = "person --json (adapters.person_view)"
    person = need(doc, "person", w)
    state = doc.get("state") if isinstance(doc.get("state"), Mapping) else {}
    strength = doc.get("strength") if isinstance(doc.get("strength"), Mapping) else {}
    msgs: list[Message] = []
    if "interactions" in doc:
        for it in need_list(doc, "interactions", w):
            if need(it, "kind", w) != "message":
                continue
            msgs.append(Message(str(need(it, "at", w)), str(need(it, "direction", w)), str(it.get("content") or ""),
                                it.get("conversation_kind")))
    else:
        for it in need_list(doc, "timeline", w):
            if it.get("kind") != "message":
                continue
            msgs.append(Message(str(need(it, "at", w)), str(need(it, "direction", w)), str(it.get("text") or ""),
                                None))
    msgs.sort(key=lambda m: m.at, reverse=True)
    score = strength.get("score") if strength else None
    return PersonView(
        person_id=int(need(person, "id", w)),
        state=state.get("state") if state else None,
        reason=state.get("reason") if state else None,
        strength=int(score) if score is not None else None,
        messages=msgs,
    )


def last(messages: list[Message], direction: str) -> Iterator[Message]:
    """Messages in DIRECTION, newest first (direct conversations before group ones at equal footing)."""
    return (m for m in messages if m.direction == direction)
