"""The smaller files: invitations, endorsements, recommendations, address-book contacts, positions.

Each row is keyed so that importing it again writes nothing (``ON CONFLICT DO NOTHING`` on the
schema's unique keys or a fingerprint of the row's identity).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from twoway.identity import full_name
from twoway.linkedin import kinds
from twoway.linkedin.cells import odd_url, scrub, url_left_out
from twoway.linkedin.context import ImportContext
from twoway.linkedin.csvfile import Table, blank
from twoway.linkedin.dates import FUTURE, latest_instant, parse_instant, parse_month
from twoway.linkedin.registry import name_key, profile_url
from twoway.linkedin.summary import KEPT_NO_DATE


def _getter(table: Table) -> Callable[..., str]:
    """``get(row, *names)``: the first named column's trimmed value, '' for blanks and NA placeholders."""
    def get(row: list[str], *names: str) -> str:
        i = table.col(*names)
        value = row[i].strip() if i is not None else ""
        return "" if blank(value) else value

    return get


def _url(table: Table, line: int, raw: str) -> str | None:
    """The normalised profile URL in ``raw``; an odd one is counted, noted and left out."""
    url = profile_url(raw)
    if url is None and odd_url(raw):
        url_left_out(table, line, raw)
    return url


def _instant(table: Table, line: int, raw: str) -> int | None:
    """``raw`` as epoch seconds; an unreadable date is counted, noted and left out (the row is kept)."""
    at = parse_instant(raw)
    if at is None and raw:
        table.skipped[KEPT_NO_DATE] += 1
        table.note(line, f"unreadable date {raw[:40]!r}; kept without it")
    return at


def fingerprint(*parts: object) -> str:
    return hashlib.blake2b("\x1f".join(str(p) for p in parts).encode(), digest_size=16).hexdigest()


@dataclass(slots=True)
class Invitation:
    line: int
    direction: str
    sent_at: int
    from_name: str
    to_name: str
    message: str
    inviter_url: str | None
    invitee_url: str | None


def read_invitations(table: Table) -> Iterator[Invitation]:
    """The invitations of one file, streamed (a million of them never sit in memory at once)."""
    get = _getter(table)
    latest = latest_instant()
    for line, row in table.rows():
        scrub(table, line, row)
        direction = get(row, "direction").upper()
        if direction not in ("INCOMING", "OUTGOING"):
            table.problem(line, f"Direction {direction[:20]!r} is neither INCOMING nor OUTGOING", "unknown direction")
            continue
        sent_at = parse_instant(get(row, "sentat"))
        if sent_at is None:
            table.problem(line, f"unreadable Sent At {get(row, 'sentat')[:40]!r}", "unreadable date")
            continue
        if sent_at > latest:
            table.problem(line, f"Sent At {get(row, 'sentat')[:40]!r} is after today; skipped", FUTURE)
            continue
        yield Invitation(line, "in" if direction == "INCOMING" else "out", sent_at, get(row, "from"),
                         get(row, "to"), get(row, "message"), _url(table, line, get(row, "inviterprofileurl")),
                         _url(table, line, get(row, "inviteeprofileurl")))


def write_invitations(ctx: ImportContext, tables: list[Table]) -> None:
    """Every invitation of ``tables``, read again and written in batches."""
    rows: list[dict[str, object]] = []
    for table in tables:
        for inv in read_invitations(table):
            rows.append(_invitation_row(ctx, inv))
            if len(rows) >= 5000:
                _insert_invitations(ctx, rows)
                rows = []
    _insert_invitations(ctx, rows)


def _invitation_row(ctx: ImportContext, inv: Invitation) -> dict[str, object]:
    people = ctx.people
    url, name = (inv.invitee_url, inv.to_name) if inv.direction == "out" else (inv.inviter_url, inv.from_name)
    if url and not ctx.is_owner(url, ""):
        pid: int | None = people.with_url(url, name)
    else:
        pid = people.match_name(name) if name else None
    return {
        "o": ctx.owner_id, "p": pid, "d": inv.direction, "t": inv.sent_at, "f": inv.from_name or None,
        "to": inv.to_name or None, "m": inv.message or None,
        "fp": fingerprint(inv.direction, inv.sent_at, url or name_key(name)), "s": ctx.source_id,
    }


def _insert_invitations(ctx: ImportContext, rows: list[dict[str, object]]) -> None:
    ctx.summary.invitations_added += ctx.bulk.many(
        "INSERT INTO invitations (owner_id, person_id, direction, sent_at, from_name, to_name, message, origin, "
        "fingerprint, source_id) VALUES (:o, :p, :d, :t, :f, :to, :m, 'import', :fp, :s) ON CONFLICT DO NOTHING",
        rows)


def import_endorsements(ctx: ImportContext, table: Table) -> None:
    get = _getter(table)
    given = table.kind == kinds.ENDORSEMENTS_GIVEN
    who = "endorsee" if given else "endorser"
    rows = []
    for line, row in table.rows():
        scrub(table, line, row)
        first, last = get(row, who + "firstname"), get(row, who + "lastname")
        name = full_name(first, last)
        url = _url(table, line, get(row, who + "publicurl"))
        skill = get(row, "skillname")
        if not skill or not (name or url):
            table.problem(line, "an endorsement without skill or person", "incomplete row")
            continue
        pid = ctx.people.with_url(url, name, first, last) if url else ctx.people.with_name(name, first, last)
        rows.append({"o": ctx.owner_id, "p": pid, "d": "out" if given else "in", "k": skill,
                     "t": _instant(table, line, get(row, "endorsementdate")),
                     "st": get(row, "endorsementstatus") or None,
                     "s": ctx.source_id})
    ctx.summary.endorsements_added += ctx.bulk.many(
        "INSERT INTO endorsements (owner_id, person_id, direction, skill, at, status, source_id) "
        "VALUES (:o, :p, :d, :k, :t, :st, :s) ON CONFLICT DO NOTHING", rows)


def import_recommendations(ctx: ImportContext, table: Table) -> None:
    get = _getter(table)
    given = table.kind == kinds.RECOMMENDATIONS_GIVEN
    rows = []
    for line, row in table.rows():
        scrub(table, line, row)
        first, last = get(row, "firstname"), get(row, "lastname")
        name = full_name(first, last)
        if not name:
            table.problem(line, "a recommendation without a name", "incomplete row")
            continue
        pid = ctx.people.with_name(name, first, last)
        rows.append({"o": ctx.owner_id, "p": pid, "d": "out" if given else "in", "b": get(row, "text") or None,
                     "c": get(row, "company") or None, "j": get(row, "jobtitle") or None,
                     "t": _instant(table, line, get(row, "creationdate")), "st": get(row, "status") or None,
                     "s": ctx.source_id})
    ctx.summary.recommendations_added += ctx.bulk.many(
        "INSERT INTO recommendations (owner_id, person_id, direction, body, company, job_title, at, status, "
        "source_id) VALUES (:o, :p, :d, :b, :c, :j, :t, :st, :s) ON CONFLICT DO NOTHING", rows)


def import_contacts(ctx: ImportContext, table: Table) -> None:
    get = _getter(table)
    rows = []
    for line, row in table.rows():
        scrub(table, line, row)
        name = get(row, "fullname") or " ".join(
            p for p in (get(row, "firstname"), get(row, "middlename"), get(row, "lastname")) if p)
        emails = get(row, "emails", "emailaddress")
        if not name and not emails:
            table.problem(line, "an address-book contact without name or e-mail", "incomplete row")
            continue
        companies, title, origin = get(row, "companies"), get(row, "title"), get(row, "source")
        rows.append({"o": ctx.owner_id, "n": name or emails, "k": name_key(name or emails), "e": emails or None,
                     "c": companies or None, "t": title or None, "g": origin or None,
                     "fp": fingerprint(name_key(name), emails.casefold(), companies, title), "s": ctx.source_id})
    ctx.summary.contacts_added += ctx.bulk.many(
        "INSERT INTO contacts (owner_id, full_name, name_key, emails, companies, title, origin, fingerprint, "
        "source_id) VALUES (:o, :n, :k, :e, :c, :t, :g, :fp, :s) ON CONFLICT DO NOTHING", rows)


def import_positions(ctx: ImportContext, table: Table, *, newest: bool) -> None:
    get = _getter(table)
    rows = []
    for line, row in table.rows():
        scrub(table, line, row)
        company, title = get(row, "companyname"), get(row, "title")
        if not company and not title:
            continue
        rows.append({"o": ctx.owner_id, "c": company, "t": title, "d": get(row, "description") or None,
                     "l": get(row, "location") or None, "a": parse_month(get(row, "startedon")) or "",
                     "f": parse_month(get(row, "finishedon")), "s": ctx.source_id})
    update = ("DO UPDATE SET finished_on = excluded.finished_on, description = excluded.description, "
              "location = excluded.location" if newest else "DO NOTHING")
    before = ctx.bulk.scalar("SELECT COUNT(*) FROM owner_positions WHERE owner_id = :o", {"o": ctx.owner_id})
    ctx.bulk.many(
        "INSERT INTO owner_positions (owner_id, company, title, description, location, started_on, finished_on, "
        "source_id) VALUES (:o, :c, :t, :d, :l, :a, :f, :s) "
        f"ON CONFLICT (owner_id, company, title, started_on) {update}", rows)
    after = ctx.bulk.scalar("SELECT COUNT(*) FROM owner_positions WHERE owner_id = :o", {"o": ctx.owner_id})
    ctx.summary.positions_added += int(after) - int(before)
