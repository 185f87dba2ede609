"""Network health as data: size against career stage, then quality first.

Figures: size against the owner's career stage (ranges from PRODUCT.md); the share of connections
that are two-way (they answered within the cadence), unresponsive, never contacted; replies owed;
check-in coverage this calendar year (an outgoing message or a two-way contact since 1 January);
reply rates both ways (of their turns in a conversation, the share you answered, and of yours,
the share they answered), overall and per year; new connections per year and per month; and the
states breakdown. Acceptance rates of invitations come from :mod:`twoway.invitation_stats` when
that module exists (it provides ``health_section(conn, owner_id, *, today) -> dict``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Connection, text

from twoway import clock, history
from twoway import settings as settings_mod
from twoway.history import BOTH, IN, OUT, History
from twoway.invitations.stats import acceptance_summary
from twoway.settings import Settings
from twoway.states import STATES, Verdict, compute_states, count_by_state

CAREER_STAGES: dict[str, tuple[str, int, int | None]] = {
    "student": ("student", 50, 100),
    "graduate": ("recent graduate", 100, 300),
    "young": ("young professional", 300, 500),
    "established": ("established professional", 500, 1000),
    "executive": ("executive", 1000, None),
}


@dataclass(frozen=True)
class Rate:
    answered: int
    of: int

    @property
    def rate(self) -> float | None:
        return self.answered / self.of if self.of else None

    def to_dict(self) -> dict[str, Any]:
        return {"answered": self.answered, "of": self.of, "rate": None if self.rate is None else round(self.rate, 4)}


@dataclass
class Health:
    as_of: date
    size: int
    stage: str
    stage_label: str
    stage_range: tuple[int, int | None]
    size_verdict: str  # below | within | above
    size_text: str
    states: dict[str, int]
    shares: dict[str, float]
    replies_owed: int
    coverage: dict[str, Any]
    you_answer: Rate
    they_answer: Rate
    rates_by_year: dict[int, tuple[Rate, Rate]]
    per_year: dict[int, int]
    per_month: dict[str, int]
    extra_sections: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["as_of"] = self.as_of.isoformat()
        out["shares"] = {k: round(v, 4) for k, v in self.shares.items()}  # as the invitation rates are
        out["stage_range"] = list(self.stage_range)
        out["you_answer"] = self.you_answer.to_dict()
        out["they_answer"] = self.they_answer.to_dict()
        out["rates_by_year"] = {
            str(y): {"you_answer": a.to_dict(), "they_answer": b.to_dict()} for y, (a, b) in self.rates_by_year.items()
        }
        out["per_year"] = {str(y): n for y, n in self.per_year.items()}
        return out


def size_against_stage(size: int, stage: str) -> tuple[str, str]:
    """('below'|'within'|'above', a sentence) for a network of ``size`` at career ``stage``."""
    label, low, high = CAREER_STAGES[stage]
    span = f"{low:,}–{high:,}" if high is not None else f"{low:,} or more"
    label = ("an " if label[:1].lower() in "aeiou" else "a ") + label
    if size < low:
        return "below", f"{size:,} connections, below the usual {span} for {label}"
    if high is not None and size > high:
        return "above", f"{size:,} connections, above the usual {span} for {label}: quality matters more"
    return "within", f"{size:,} connections, within the usual {span} for {label}"


def reply_rates(h: History) -> tuple[Rate, Rate, dict[int, tuple[Rate, Rate]]]:
    """Of their conversation turns, how many you answered; of yours, how many they answered.

    A *turn* is a run of messages from one side; it is answered when the next run in the same
    conversation history comes from the other side (a meeting or call answers either side).
    """
    if h.event_count == 0:
        return Rate(0, 0), Rate(0, 0), {}
    side = h.side.astype(np.int64)
    seg = h.segment_ids()
    new_run = np.ones(side.size, dtype=bool)
    new_run[1:] = (seg[1:] != seg[:-1]) | (side[1:] != side[:-1])
    starts = np.flatnonzero(new_run)
    run_side, run_seg, run_at = side[starts], seg[starts], h.at[starts]
    nxt_side = np.full(starts.size, -1, dtype=np.int64)
    same = run_seg[1:] == run_seg[:-1]
    nxt_side[:-1] = np.where(same, run_side[1:], -1)
    years = run_at.astype("datetime64[s]").astype("datetime64[Y]").astype(np.int64) + 1970
    theirs, yours = run_side == IN, run_side == OUT
    you_answered = theirs & ((nxt_side == OUT) | (nxt_side == BOTH))
    they_answered = yours & ((nxt_side == IN) | (nxt_side == BOTH))
    by_year: dict[int, tuple[Rate, Rate]] = {}
    for year in sorted(set(years.tolist())):
        in_year = years == year
        by_year[int(year)] = (
            Rate(int((you_answered & in_year).sum()), int((theirs & in_year).sum())),
            Rate(int((they_answered & in_year).sum()), int((yours & in_year).sum())),
        )
    return (Rate(int(you_answered.sum()), int(theirs.sum())), Rate(int(they_answered.sum()), int(yours.sum())),
            by_year)


def _growth(conn: Connection, owner_id: int, today: date) -> tuple[dict[int, int], dict[str, int]]:
    per_year: dict[int, int] = {}
    per_month: dict[str, int] = {}
    first_month = (today.replace(day=1) - timedelta(days=730)).replace(day=1).isoformat()[:7]
    for month, n in conn.execute(
        text("SELECT SUBSTR(connected_on, 1, 7), COUNT(*) FROM connections WHERE owner_id = :o "
             "AND connected_on IS NOT NULL AND connected_on <> '' GROUP BY SUBSTR(connected_on, 1, 7)"),
        {"o": owner_id},
    ):
        if not month or len(month) < 7 or not month[:4].isdigit():
            continue
        per_year[int(month[:4])] = per_year.get(int(month[:4]), 0) + int(n)
        if first_month <= month <= today.isoformat()[:7]:
            per_month[month] = int(n)
    months: dict[str, int] = {}
    cursor = date.fromisoformat(first_month + "-01")
    while cursor <= today:
        key = cursor.isoformat()[:7]
        months[key] = per_month.get(key, 0)
        cursor = (cursor + timedelta(days=32)).replace(day=1)
    return dict(sorted(per_year.items())), months


def _extra_sections(conn: Connection, owner_id: int, settings: Settings, today: date) -> list[dict[str, Any]]:
    """Sections beyond the states: the invitation acceptance rates.

    A section is ``{"title": str, "lines": [str], "table": {"columns": [...], "rows": [[...]]}}``
    and may carry the raw figures under ``"data"``.
    """
    return [invitation_section(acceptance_summary(conn, owner_id, settings=settings, today=today))]


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def invitation_section(summary: dict[str, Any]) -> dict[str, Any]:
    """The acceptance figures of :func:`twoway.invitation_stats.acceptance_summary` as a report section."""
    out = summary.get("outgoing", {})
    by_note = summary.get("by_note", {})
    incoming = summary.get("incoming", {})
    lines = [f"{out.get('accepted', 0)} of {out.get('sent', 0)} invitations you sent were accepted "
             f"({_rate(out.get('rate'))}; {_rate(out.get('settled_rate'))} of those no longer pending)."]
    if incoming:
        lines.append(f"{incoming.get('received', 0)} invitations received; {incoming.get('accepted_then_silent', 0)} "
                     "accepted and never followed up.")
    rows = [
        [group, g.get("sent", 0), g.get("accepted", 0), _rate(g.get("rate")),
         "–" if g.get("median_days_to_accept") is None else f"{g['median_days_to_accept']:g}"]
        for group, g in by_note.items()
    ]
    return {
        "title": "Invitations: personalised against blank notes",
        "lines": lines,
        "table": {"columns": ["note", "sent", "accepted", "acceptance", "median days to accept"], "rows": rows},
        "data": {k: v for k, v in summary.items() if k in ("outgoing", "by_note", "incoming")},
    }


def compute_health(
    conn: Connection, owner_id: int, *, settings: Settings | None = None, today: date | None = None
) -> Health:
    settings = settings or settings_mod.load(conn, owner_id)
    today = today or clock.today()
    hist = history.load_history(conn, owner_id, today=today)
    verdicts = compute_states(conn, owner_id, settings=settings, today=today, hist=hist)
    return summarise(verdicts, hist, settings=settings, today=today,
                     growth=_growth(conn, owner_id, today), extra=_extra_sections(conn, owner_id, settings, today))


def summarise(
    verdicts: dict[int, Verdict],
    hist: History,
    *,
    settings: Settings,
    today: date,
    growth: tuple[dict[int, int], dict[str, int]] = ({}, {}),
    extra: list[dict[str, Any]] | None = None,
) -> Health:
    """The figures from states and history (pure: testable without a database)."""
    current = [v for v in verdicts.values() if v.state != "removed"]
    size = len(current)
    stage = str(settings.career_stage)
    label, low, high = CAREER_STAGES[stage]
    verdict, sentence = size_against_stage(size, stage)
    counts = count_by_state(verdicts)
    # Two-way within the cadence: the state's own next check-in date is still ahead.
    two_way = sum(1 for v in current if v.last_two_way is not None and v.due_on is not None and v.due_on > today)
    jan1 = date(today.year, 1, 1)
    reached = sum(1 for v in current if (v.last_out is not None and v.last_out >= jan1)
                  or (v.last_two_way is not None and v.last_two_way >= jan1))

    def share(n: int) -> float:
        return n / size if size else 0.0

    you, they, by_year = reply_rates(hist)
    return Health(
        as_of=today, size=size, stage=stage, stage_label=label, stage_range=(low, high),
        size_verdict=verdict, size_text=sentence,
        states={s: counts.get(s, 0) for s in STATES},
        shares={"two_way": share(two_way), "unresponsive": share(counts["unresponsive"]),
                "never_contacted": share(counts["never_contacted"])},
        replies_owed=counts["owe_reply"],
        coverage={"year": today.year, "reached": reached, "of": size, "share": share(reached)},
        you_answer=you, they_answer=they, rates_by_year=by_year,
        per_year=growth[0], per_month=growth[1], extra_sections=list(extra or []),
    )
