"""Whose export this is: the name from Profile.csv, the profile URL inferred from their own activity.

Profile.csv never holds the owner's URL. It is the inviter URL of OUTGOING invitations, or the
URL the owner has in the messages (``whose.py``, which also finds the owner when Profile.csv is
missing). The owner is matched to one already in
the database by URL, else by name, else created (with a people row of their own, so that team
graphs can walk through them).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from twoway.errors import Conflict, InputError, NotFound
from twoway.identity import full_name
from twoway.linkedin.bulk import Bulk
from twoway.linkedin.cells import scrub
from twoway.linkedin.csvfile import Table, blank
from twoway.linkedin.extras import Invitation
from twoway.linkedin.registry import name_key
from twoway.linkedin.whose import PLACEHOLDER


@dataclass
class Profile:
    first: str = ""
    last: str = ""
    headline: str = ""
    summary: str = ""
    industry: str = ""
    location: str = ""

    @property
    def name(self) -> str:
        return full_name(self.first, self.last)


def read_profile(table: Table) -> Profile | None:
    """The owner's details from Profile.csv's first row, control characters removed (the name is shown on
    the terminal and the pages)."""
    for line, row in table.rows():
        scrub(table, line, row)
        def get(*names: str, row: list[str] = row) -> str:
            i = table.col(*names)
            value = row[i].strip() if i is not None else ""
            return "" if blank(value) else value

        return Profile(get("firstname"), get("lastname"), get("headline"), get("summary"), get("industry"),
                       get("geolocation", "location", "country"))
    return None


def inviter_url(invitations: list[Invitation]) -> str | None:
    """The owner's profile URL as their own (OUTGOING) invitations show it, or None."""
    votes = Counter(inv.inviter_url for inv in invitations if inv.direction == "out" and inv.inviter_url)
    return votes.most_common(1)[0][0] if votes else None


@dataclass
class OwnerRecord:
    id: int
    name: str
    profile_url: str | None
    person_id: int | None
    created: bool


def hinted_owner(bulk: Bulk, hint: str | None) -> tuple[str, bool] | None:
    """(name, by name) of the owner already in the database that ``hint`` (id, URL or name) names."""
    if not hint:
        return None
    for oid, name, url in bulk.rows("SELECT id, name, profile_url FROM owners ORDER BY id"):
        if hint.strip() in (str(oid), url):
            return str(name), False
        if str(name).casefold() == hint.strip().casefold():
            return str(name), True
    return None


def resolve_owner(bulk: Bulk, profile: Profile | None, url: str | None, hint: str | None,
                  created_at: str, name: str = "", placeholder: bool = False) -> OwnerRecord:
    """The owner this export belongs to, created when new; their profile details refreshed.

    ``name`` is the owner's name as the export shows it (Profile.csv's, or found in its files);
    a ``placeholder`` name goes to the database's only owner when there is one.
    """
    rows = bulk.rows("SELECT id, name, profile_url, person_id FROM owners ORDER BY id")
    name = profile.name if profile else name
    found = None
    if hint:
        found = next((r for r in rows if hint.strip() in (str(r[0]), r[2]) or
                      r[1].casefold() == hint.strip().casefold()), None)
    if found is None and placeholder and not hint and len(rows) == 1:
        found = rows[0]
    if found is None and url:
        found = next((r for r in rows if r[2] == url), None)
    if found is None and name:
        found = next((r for r in rows if name_key(r[1]) == name_key(name)), None)
    if found is None and placeholder and not hint and len(rows) == 1 and not _has_linkedin(bulk, rows[0][0]):
        found = rows[0]  # the only owner came from mail, a calendar or an address book: this export is theirs too
    if found is None and name and not placeholder and not hint and len(rows) == 1 and (not url or not rows[0][2]) \
            and (rows[0][1] == PLACEHOLDER or not _has_linkedin(bulk, rows[0][0])):
        # The database's only owner came from an export that did not say whose it was (or from mail, a calendar
        # or an address book, named after their From line): now a LinkedIn export does.
        oid, _old, _url, person_id = rows[0]
        first, _, last = name.partition(" ")
        bulk.run("UPDATE owners SET name = :n, first_name = :f, last_name = :l WHERE id = :id",
                 {"n": name, "f": (profile.first if profile else first) or None,
                  "l": (profile.last if profile else last) or None, "id": oid})
        if person_id is not None:
            bulk.run("UPDATE people SET full_name = :n, name_key = :k WHERE id = :p",
                     {"n": name, "k": name_key(name), "p": person_id})
        found = (oid, name, rows[0][2], person_id)
    if found is None and not name:
        if hint:
            name = hint.strip()
        elif len(rows) == 1:
            found = rows[0]
        else:
            raise InputError("the export has no Profile.csv to say whose it is; name the owner",
                             cli_hint="with --owner NAME")
    if found is not None:
        oid, old_name, old_url, person_id = found
        if url and not old_url and not any(r[2] == url for r in rows):
            bulk.run("UPDATE owners SET profile_url = :u WHERE id = :id", {"u": url, "id": oid})
            old_url = url
        return OwnerRecord(oid, old_name, old_url, person_id, False)
    p = profile or Profile()
    oid = bulk.insert_id(
        "INSERT INTO owners (name, first_name, last_name, profile_url, headline, summary, industry, location, "
        "created_at) VALUES (:n, :f, :l, :u, :h, :s, :i, :loc, :c)",
        {"n": name, "f": p.first or None, "l": p.last or None, "u": url, "h": p.headline or None,
         "s": p.summary or None, "i": p.industry or None, "loc": p.location or None, "c": created_at},
    )
    return OwnerRecord(oid, name, url, None, True)


def bind_owner(bulk: Bulk, owner_id: int, profile: Profile | None, url: str | None, name: str) -> OwnerRecord:
    """The import lands in ``owner_id`` (a team member's own network): the export only fills in the name and the
    profile URL. An export whose profile URL is another owner's, or another than this owner's own, is refused."""
    rows = bulk.rows("SELECT id, name, profile_url, person_id FROM owners ORDER BY id")
    mine = next((r for r in rows if r[0] == owner_id), None)
    if mine is None:
        raise NotFound(f"no owner with id {owner_id}")
    if url and any(r[2] == url and r[0] != owner_id for r in rows):
        raise Conflict(f"this export is {url}'s, whose network is another member's in this team; "
                       "import your own export (nothing was imported)")
    if url and mine[2] and mine[2] != url:
        raise Conflict(f"this export is {url}'s, but your earlier exports were {mine[2]}'s; "
                       "import your own export (nothing was imported)")
    name = profile.name if profile else name
    current = str(mine[1])
    if name and name != PLACEHOLDER and name != current:
        first, _, last = name.partition(" ")
        bulk.run("UPDATE owners SET name = :n, first_name = :f, last_name = :l WHERE id = :id",
                 {"n": name, "f": (profile.first if profile else first) or None,
                  "l": (profile.last if profile else last) or None, "id": owner_id})
        if mine[3] is not None:
            bulk.run("UPDATE people SET full_name = :n, name_key = :k WHERE id = :p",
                     {"n": name, "k": name_key(name), "p": mine[3]})
        current = name
    if url and not mine[2]:
        bulk.run("UPDATE owners SET profile_url = :u WHERE id = :id", {"u": url, "id": owner_id})
    return OwnerRecord(owner_id, current, url or mine[2], mine[3], False)


def refresh_profile(bulk: Bulk, owner_id: int, profile: Profile) -> None:
    """A newer export's profile details replace the stored ones (never with blanks)."""
    bulk.run(
        "UPDATE owners SET headline = COALESCE(:h, headline), summary = COALESCE(:s, summary), "
        "industry = COALESCE(:i, industry), location = COALESCE(:loc, location) WHERE id = :id",
        {"h": profile.headline or None, "s": profile.summary or None, "i": profile.industry or None,
         "loc": profile.location or None, "id": owner_id},
    )


def describe_owner_person(bulk: Bulk, owner_id: int, person_id: int) -> None:
    """The owner's own people row shows their current job, as a connection's row shows theirs, so a
    teammate's introduction paths and suggestions can say who the owner is."""
    current = bulk.rows(
        "SELECT company, title FROM owner_positions WHERE owner_id = :o AND (finished_on IS NULL OR finished_on = '') "
        "ORDER BY started_on DESC", {"o": owner_id})
    if current:
        company, title = current[0]
        bulk.run("UPDATE people SET company = :c, position = :t WHERE id = :p",
                 {"c": company or None, "t": title or None, "p": person_id})


def _has_linkedin(bulk: Bulk, owner_id: int) -> bool:
    """Whether any LinkedIn export was imported for this owner already."""
    return bool(bulk.rows("SELECT 1 FROM imports WHERE owner_id = :o AND source = 'linkedin' LIMIT 1",
                          {"o": owner_id}))
