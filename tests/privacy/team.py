"""Two members in one database, A with a marker planted in everything private, and how to act as one of them.

Both members' networks are generated exports (``twoway.generator``); three of A's connections are copied into B's
``Connections.csv`` so they share people. A's private facts carry the string ``MARK``: a note, a tag, a message
and its subject, an invitation text, a snooze and a decision note, a merge suggestion's address, the e-mail A's
export gives a shared person, an address of A's own mail, a job change A's export saw, A's own settings, an
introduction A asked of a third member C (its message, what it is about, C's note), a merge A made (the name of the
person folded in, their address) and so A's vCard and CSV exports. Nothing of them may reach B.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import quote, quote_plus

from sqlalchemy import text

from tests.web_support import WebClient
from twoway import accounts, introductions
from twoway import settings as settings_mod
from twoway.generator import generate_export
from twoway.graph import cache as graph_cache
from twoway.people import owners
from twoway.people.interactions import log_interaction
from twoway.people.notes import add_note
from twoway.people.tags import add_tags
from twoway.plan import snooze
from twoway.prune.decisions import decide
from twoway.sources import decide_merge
from twoway.store import Store
from twoway.views.imports import import_and_warm
from twoway.web import create_app

TODAY = date(2026, 6, 1)
MARK = "qzmark"
A_NAME, B_NAME, C_NAME = "Ada Member", "Ben Member", "Cyd Member"
#: The address A's export carries for a person both know, and the one A's own mail found for them.
SHARED_EMAIL = f"{MARK}-shared@example.org"
MAIL_EMAIL = f"{MARK}-mail@example.org"
SHARED_ROWS = 3
PASSWORD = "a long enough password"  # noqa: S105 - the test members' own


@dataclass
class World:
    store: Store
    root: Path
    a: int
    b: int
    mine: int  # a connection of B's only
    shared: int  # P: a connection of both
    theirs: int  # a connection of A's only
    a_note: int  # A's note on P
    a_suggestion: int
    a_import: int
    b_export: Path
    a_intro: int  # A asked C for an introduction: theirs alone
    a_merge: int  # a merge A made
    ids: dict[str, str] = field(default_factory=dict)
    #: Each member's (e-mail, API token) on this team server.
    logins: dict[str, tuple[str, str]] = field(default_factory=dict)

    def fill(self, value: str) -> str:
        """``{shared}``, ``{theirs}``… in a parameter made the id it names."""
        return value.format(**self.ids)


@dataclass(frozen=True)
class Member:
    """Acting as one member of the team server: logged in to the dashboard with their password, and giving their
    API token to the command line (this is the one place)."""

    name: str
    store: Store
    email: str
    token: str

    @contextmanager
    def client(self) -> Iterator[WebClient]:
        with WebClient(create_app(self.store.url)) as client:
            done = client.form("/login", {"email": self.email, "password": PASSWORD})
            assert done.status_code == 303, done.text
            yield client

    @property
    def cli_args(self) -> list[str]:
        return ["--db", self.store.url, "--token", self.token]


def as_member(world: World, who: str) -> Member:
    email, token = world.logins[who]
    return Member({"A": A_NAME, "B": B_NAME, "C": C_NAME}[who], world.store, email, token)


def _split_connections(path: Path) -> tuple[str, list[str], list[list[str]]]:
    raw = path.read_text(encoding="utf-8")
    start = raw.index("First Name,")
    rows = list(csv.reader(io.StringIO(raw[start:])))
    return raw[:start], rows[0], [r for r in rows[1:] if r]


def _write_connections(path: Path, preamble: str, header: list[str], rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    path.write_text(preamble + out.getvalue(), encoding="utf-8")


def build_world(store: Store, root: Path) -> World:
    a_export = generate_export(root / "a", seed=11, connections=40, years=3, owner_name=A_NAME, as_zip=False,
                               today=TODAY).path
    b_export = generate_export(root / "b", seed=12, connections=40, years=3, owner_name=B_NAME, as_zip=False,
                               today=TODAY).path
    pre_a, header, rows_a = _split_connections(a_export / "Connections.csv")
    pre_b, _, rows_b = _split_connections(b_export / "Connections.csv")
    url, email = header.index("URL"), header.index("Email Address")
    shared_rows = [list(r) for r in rows_a[:SHARED_ROWS]]
    rows_a[0][email] = SHARED_EMAIL  # A's export knows P's address; B's does not
    for r in shared_rows:
        r[email] = ""
    _write_connections(a_export / "Connections.csv", pre_a, header, rows_a)
    _write_connections(b_export / "Connections.csv", pre_b, header, [*rows_b, *shared_rows])
    import_and_warm(store, a_export)
    import_and_warm(store, b_export)

    with store.begin() as conn:
        a = owners.current(conn, A_NAME).id
        b = owners.current(conn, B_NAME).id

        def person(profile: str) -> int:
            return int(conn.execute(text("SELECT id FROM people WHERE lower(url) = lower(:u)"),
                                    {"u": profile.rstrip("/")}).scalar_one())

        shared, theirs = person(rows_a[0][url]), person(rows_a[SHARED_ROWS][url])
        mine = int(conn.execute(text(
            "SELECT person_id FROM connections WHERE owner_id = :b AND person_id NOT IN "
            "(SELECT person_id FROM connections WHERE owner_id = :a) ORDER BY person_id"), {"a": a, "b": b}).first()[0])
        a_import = int(conn.execute(text("SELECT MIN(id) FROM imports WHERE owner_id = :a"), {"a": a}).scalar_one())
        a_note = add_note(conn, a, shared, f"{MARK}-note: wants to move to Lisbon").id
        add_note(conn, a, theirs, f"{MARK}-note on someone only A knows")
        add_tags(conn, a, shared, [f"{MARK}-tag"])
        log_interaction(conn, a, shared, "message", "out", on=date(2026, 5, 20), note=f"{MARK}-logged message")
        conn.execute(text(
            "INSERT INTO interactions (owner_id, person_id, kind, channel, direction, at, subject, content, origin, "
            "fingerprint, reading, language) VALUES (:o, :p, 'message', 'linkedin', 'in', :at, :s, :c, 'import', "
            "'qz-1', 'question', 'en')"),
            {"o": a, "p": shared, "at": 1779300000, "s": f"{MARK}-subject", "c": f"{MARK}-message: can you help?"})
        conn.execute(text(
            "INSERT INTO invitations (owner_id, person_id, direction, sent_at, from_name, to_name, message, origin, "
            "fingerprint) VALUES (:o, :p, 'in', :at, 'Someone', :to, :m, 'import', 'qz-inv')"),
            {"o": a, "p": theirs, "at": 1779000000, "to": A_NAME, "m": f"{MARK}-invitation text"})
        # A job change only A's exports recorded (job history is each member's own).
        conn.execute(text("INSERT INTO jobs (owner_id, person_id, company, position, first_seen, last_seen) "
                          "VALUES (:o, :p, :c, 'Chief of Staff', '2026-05-25', '2026-05-25')"),
                     {"o": a, "p": shared, "c": f"{MARK}-company"})
        snooze(conn, a, shared, date(2099, 1, 1), note=f"{MARK}-snooze", today=TODAY)
        decide(conn, a, theirs, "soured", note=f"{MARK}-decision")
        settings_mod.set_value(conn, "owner_emails", [f"{MARK}-self@example.org"], a)
        # A's own mail met P under another address, and a namesake A may merge (an address of A's own).
        conn.execute(text("INSERT INTO person_emails (owner_id, person_id, email, reason, created_at) "
                          "VALUES (:o, :p, :e, 'from mail', '2026-05-01')"), {"o": a, "p": shared, "e": MAIL_EMAIL})
        other = int(conn.execute(text(
            "INSERT INTO people (name_key, full_name, low_confidence, created_at) "
            "VALUES ('namesake', 'Namesake Person', 1, '2026-05-01') RETURNING id")).scalar_one())
        conn.execute(text("INSERT INTO person_emails (owner_id, person_id, email, reason, created_at) "
                          "VALUES (:o, :p, :e, 'from mail', '2026-05-01')"),
                     {"o": a, "p": other, "e": f"{MARK}-namesake@example.org"})
        conn.execute(text(
            "INSERT INTO interactions (owner_id, person_id, kind, channel, direction, at, content, origin, "
            "fingerprint) VALUES (:o, :p, 'email', 'email', 'in', :at, 'hello', 'import', 'qz-2')"),
            {"o": a, "p": other, "at": 1779100000})
        a_suggestion = int(conn.execute(text(
            "INSERT INTO merge_suggestions (owner_id, person_id, other_id, reason, created_at) "
            "VALUES (:o, :p, :q, 'same name', '2026-05-01') RETURNING id"),
            {"o": a, "p": theirs, "q": other}).scalar_one())
        add_note(conn, b, shared, "Ben's own note on P")
        # A merge A made: a person A's mail met, folded into A's connection (the record keeps their name).
        merged = int(conn.execute(text(
            "INSERT INTO people (name_key, full_name, low_confidence, created_at) "
            f"VALUES ('merged', '{MARK} Merged Person', 1, '2026-05-01') RETURNING id")).scalar_one())
        conn.execute(text("INSERT INTO person_emails (owner_id, person_id, email, reason, created_at) "
                          "VALUES (:o, :p, :e, 'from mail', '2026-05-01')"),
                     {"o": a, "p": merged, "e": f"{MARK}-merged@example.org"})
        merge_suggestion = int(conn.execute(text(
            "INSERT INTO merge_suggestions (owner_id, person_id, other_id, reason, created_at) "
            "VALUES (:o, :p, :q, 'same name', '2026-05-01') RETURNING id"), {"o": a, "p": theirs, "q": merged}
        ).scalar_one())
        decide_merge(conn, a, merge_suggestion, "accept")
        a_merge = int(conn.execute(text("SELECT MAX(id) FROM merges_done WHERE owner_id = :a"),
                                   {"a": a}).scalar_one())
        # C, a third member, knows someone neither A nor B does.
        c = int(conn.execute(text("INSERT INTO owners (name, created_at) VALUES (:n, '2026-05-01') RETURNING id"),
                             {"n": C_NAME}).scalar_one())
        c_target = int(conn.execute(text(
            "INSERT INTO people (url, name_key, first_name, last_name, full_name, created_at) VALUES "
            "('https://www.linkedin.com/in/cyds-friend', 'cyd friend', 'Cyd', 'Friend', 'Cyd Friend', "
            "'2026-05-01') RETURNING id")).scalar_one())
        conn.execute(text("INSERT INTO connections (owner_id, person_id, connected_on, status) "
                          "VALUES (:o, :p, '2025-01-01', 'connected')"), {"o": c, "p": c_target})
    graph_cache.clear()  # C's connection came in by hand, not by an import
    with store.begin() as conn:
        # A asks C for an introduction (A's and C's alone); B asks A for one to a person only A knows (B's own).
        a_owner, b_owner, c_owner = (owners.get(conn, o) for o in (a, b, c))
        a_intro = introductions.ask(conn, a_owner, f"#{c_target}", str(c), message=f"{MARK}-intro message",
                                    about=f"{MARK}-intro about").id
        introductions.act(conn, c_owner, a_intro, "accept", f"{MARK}-intro note from C")
        b_intro = introductions.ask(conn, b_owner, f"#{theirs}", str(a), about="B's own question").id
    # A team server: A (an admin) and B log in; A has a session of their own for B to try to end.
    logins: dict[str, tuple[str, str]] = {}
    with store.begin() as conn:
        accounts.mark_team(conn)
        for who, owner_id, email in (("A", a, "ada@example.org"), ("B", b, "ben@example.org"),
                                     ("C", c, "cyd@example.org")):
            member, code = accounts.add_member(conn, email, admin=who == "A", owner_id=owner_id)
            accounts.set_password(conn, code, PASSWORD)
            logins[who] = (email, accounts.issue_token(conn, member.id, "privacy test"))
    _member, a_session_token = accounts.login(store, logins["A"][0], PASSWORD, client="10.0.0.1")
    found = accounts.by_session(store, a_session_token)
    assert found is not None
    ids = {"mine": mine, "shared": shared, "theirs": theirs, "a_note": a_note, "a_suggestion": a_suggestion,
           "a_import": a_import, "a": a, "b": b, "root": str(root), "a_email": logins["A"][0],
           "a_session": found[1], "a_intro": a_intro, "b_intro": b_intro, "a_merge": a_merge, "c": c,
           "c_target": c_target}
    world = World(store, root, a, b, mine, shared, theirs, a_note, a_suggestion, a_import, b_export, a_intro,
                  a_merge, logins=logins)
    world.ids = {k: str(v) for k, v in ids.items()}
    return world


def leaks(body: str, asked: Iterable[str] = ()) -> list[str]:
    """What of A's private data a response shows: any marker (every planted private fact carries one) beyond
    what B asked with (a search for a marker may say what it searched for)."""
    for said in sorted(set(asked), key=len, reverse=True):
        for form in (said, html.escape(said), json.dumps(said)[1:-1], quote_plus(said), quote(said)):
            body = body.replace(form, "")
    lowered = body.casefold()
    found = []
    at = lowered.find(MARK)
    while at >= 0 and len(found) < 5:
        found.append(body[max(0, at - 40): at + 60])
        at = lowered.find(MARK, at + 1)
    return found
