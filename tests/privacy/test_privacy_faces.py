"""Member B asks every API route, every page and every CLI command for member A's private data, with B's own
ids and with A's (and a shared person's): no marker A planted may come back, and B still learns that A knows
the shared person, as a band.

Routes are read from ``app.routes`` and commands from the click tree: a new one without an entry in the tables
below fails :func:`test_every_route_has_parameters` or :func:`test_every_command_has_arguments` until it is given
one (or a reason it is not asked).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from sqlalchemy import text
from starlette.routing import Mount

from tests.privacy.team import A_NAME, MAIL_EMAIL, MARK, SHARED_EMAIL, TODAY, World, as_member, build_world, leaks
from twoway.cli import cli
from twoway.graph import cache
from twoway.history import clear_cache
from twoway.store import Store
from twoway.strength import BANDS
from twoway.web import create_app

Request = dict[str, Any]  # path params, "query", "json" or "form"
PEOPLE = ("mine", "shared", "theirs")
INTRO_STEPS = ("accept", "decline", "forwarded", "agreed", "refused", "withdraw")


def _each_person(**extra: Any) -> list[Request]:
    return [{"person_id": f"{{{who}}}", **extra} for who in PEOPLE]


#: Every route with the requests B makes of it.
ROUTES: dict[tuple[str, str], list[Request]] = {
    ("GET", "/openapi.json"): [{}],
    ("GET", "/docs"): [{}],
    ("GET", "/api/csrf"): [{}],
    ("GET", "/api/owners"): [{}],
    ("GET", "/api/settings"): [{}],
    ("PUT", "/api/settings/{name}"): [{"name": "cadence_days", "json": {"value": 200}}],
    ("DELETE", "/api/settings/{name}"): [{"name": "owner_emails"}],
    ("POST", "/api/imports"): [{"files": {"file": ("export.zip", b"not a zip", "application/zip")}}],
    ("GET", "/api/imports/{job_id}"): [{"job_id": "nope"}],
    ("GET", "/api/imports"): [{}],
    ("GET", "/api/invitations"): [{}, {"query": {"all": "true"}}],
    ("POST", "/api/invitations/incoming/{person_id}/decision"): _each_person(json={"verdict": "accept"}),
    ("POST", "/api/invitations/outgoing/{person_id}/withdraw"): _each_person(json={"on": None}),
    ("GET", "/api/people"): [{}, {"query": {"status": "all"}}, {"query": {"tag": f"{MARK}-tag"}},
                             {"query": {"text": MARK}}, {"query": {"text": "a", "status": "all", "per_page": "200"}}],
    ("GET", "/api/people/lookup"): [{"query": {"q": "{shared_name}"}}, {"query": {"q": "{theirs_name}"}},
                                    {"query": {"q": SHARED_EMAIL}}],
    ("GET", "/api/people/{person_id}"): _each_person(),
    ("POST", "/api/people/{person_id}/tags"): _each_person(json={"tags": ["colleague"]}),
    ("DELETE", "/api/people/{person_id}/tags/{tag}"): _each_person(tag=f"{MARK}-tag"),
    ("POST", "/api/people/{person_id}/notes"): _each_person(json={"body": "B's note"}),
    ("PUT", "/api/people/{person_id}/notes/{note_id}"): _each_person(note_id="{a_note}", json={"body": "mine now"}),
    ("DELETE", "/api/people/{person_id}/notes/{note_id}"): _each_person(note_id="{a_note}"),
    ("POST", "/api/people/{person_id}/log"): _each_person(json={"kind": "message", "direction": "out"}),
    ("POST", "/api/people/{person_id}/snooze"): _each_person(json={"until": None}),
    ("POST", "/api/people/{person_id}/decision"): _each_person(json={"verdict": "keep"}),
    ("GET", "/api/week"): [{}, {"query": {"all": "true"}}],
    ("GET", "/api/dormant"): [{}],
    ("POST", "/api/dormant/hide"): [{"json": {"years": [2020]}}],
    ("GET", "/api/prune"): [{}],
    ("GET", "/api/overview"): [{}],
    ("GET", "/api/network"): [{}],
    ("GET", "/api/network/degree"): [{"query": {"a": "me", "b": "#{theirs}"}}, {"query": {"a": "me", "b": "#{a}"}}],
    ("GET", "/api/network/mutual"): [{"query": {"a": "me", "b": "{a_name}"}}],
    ("GET", "/api/network/introductions"): [{"query": {"source": "me", "target": "#{theirs}"}},
                                            {"query": {"source": "me", "target": "#{shared}"}}],
    ("GET", "/api/network/suggestions"): [{"query": {"person": "me"}}],
    ("GET", "/api/network/duplicates"): [{}],
    ("GET", "/api/merges"): [{}, {"query": {"all": "true"}}],
    ("POST", "/api/merges/{suggestion_id}/decision"): [{"suggestion_id": "{a_suggestion}",
                                                        "json": {"verdict": "accept"}}],
    ("GET", "/settings"): [{}],
    ("POST", "/settings/{name}"): [{"name": "owner_emails", "form": {"reset": "1"}}],
    ("GET", "/import"): [{}],
    ("POST", "/import"): [{"files": {"file": ("export.zip", b"not a zip", "application/zip")}}],
    ("GET", "/import/{job_id}"): [{"job_id": "nope"}],
    ("POST", "/login"): [{"form": {"token": "wrong"}}, {"form": {"email": "{a_email}", "password": "a guess"}}],
    ("GET", "/login"): [{}],
    #: Not asked here: it would end B's session for every route after it (tests/web/test_team_login.py).
    ("POST", "/logout"): [],
    ("GET", "/setup"): [{"query": {"code": "twi_nope"}}],
    ("POST", "/setup"): [{"form": {"code": "twi_nope", "password": "a long enough guess",
                                   "confirm": "a long enough guess"}}],
    ("GET", "/api/me"): [{}],
    ("GET", "/api/sessions"): [{}],
    ("DELETE", "/api/sessions/{session_id}"): [{"session_id": "{a_session}"}],
    ("GET", "/invitations"): [{}, {"query": {"all": "true"}}],
    ("POST", "/invitations/incoming/{person_id}/decision"): _each_person(form={"verdict": "accept"}),
    ("POST", "/invitations/outgoing/{person_id}/withdraw"): _each_person(form={}),
    ("GET", "/people"): [{}, {"query": {"status": "all", "per_page": "200"}}, {"query": {"tag": f"{MARK}-tag"}}],
    ("GET", "/people/{person_id}"): _each_person(),
    ("POST", "/people/{person_id}/tags"): _each_person(form={"tags": "colleague"}),
    ("POST", "/people/{person_id}/tags/remove"): _each_person(form={"tag": f"{MARK}-tag"}),
    ("POST", "/people/{person_id}/notes"): _each_person(form={"body": "B's note"}),
    ("POST", "/people/{person_id}/notes/{note_id}"): _each_person(note_id="{a_note}", form={"body": "mine now"}),
    ("POST", "/people/{person_id}/notes/{note_id}/delete"): _each_person(note_id="{a_note}", form={}),
    ("POST", "/people/{person_id}/log"): _each_person(form={"kind": "message", "direction": "out"}),
    ("POST", "/people/{person_id}/snooze"): _each_person(form={"until": ""}),
    ("POST", "/people/{person_id}/decision"): _each_person(form={"verdict": "keep"}),
    ("GET", "/week"): [{}, {"query": {"all": "1"}}],
    ("GET", "/prune"): [{}],
    ("GET", "/"): [{}],
    ("GET", "/network"): [{}],
    ("GET", "/network/path"): [{"query": {"a": "me", "b": "#{theirs}"}}],
    ("GET", "/network/intros"): [{"query": {"source": "me", "target": "#{theirs}"}},
                                 {"query": {"source": "me", "target": "{shared_name}"}}],
    ("GET", "/network/suggest"): [{"query": {"person": "me"}}],
    ("GET", "/network/duplicates"): [{}],
    ("GET", "/api/network/people"): [{"query": {"q": "{shared_name}"}}, {"query": {"q": "{theirs_name}"}},
                                     {"query": {"q": MARK}}],
    ("GET", "/api/merges/done"): [{}],
    ("POST", "/api/merges/{merge_id}/undo"): [{"merge_id": "{a_merge}"}],
    ("GET", "/merges"): [{}],
    ("POST", "/merges/{suggestion_id}/decision"): [{"suggestion_id": "{a_suggestion}", "form": {"verdict": "accept"}}],
    ("POST", "/merges/done/{merge_id}/undo"): [{"merge_id": "{a_merge}", "form": {}}],
    ("GET", "/api/intros"): [{}],
    ("GET", "/api/intros/log"): [{}],
    #: B's own asks: of C for C's friend, and of A for A's connection (asked already in the world: refused).
    ("POST", "/api/intros"): [{"json": {"person_id": "{c_target}", "via": "{c}", "about": "B's question"}},
                              {"json": {"person_id": "{theirs}", "via": "{a}"}}],
    #: Every step on A's request to C (not B's to take: the same answer as no such request), one on B's own.
    ("POST", "/api/intros/{request_id}/{action}"): [
        *({"request_id": "{a_intro}", "action": action, "json": {"note": "B was here"}} for action in INTRO_STEPS),
        {"request_id": "{b_intro}", "action": "accept"}],
    ("GET", "/intros"): [{}],
    ("POST", "/intros"): [{"form": {"person_id": "{theirs}", "via": "{a}", "about": "again"}},
                          {"form": {"person_id": "{c_target}", "via": "{c}", "message": "Hi Cyd"}}],
    ("POST", "/intros/{request_id}"): [{"request_id": "{a_intro}", "form": {"action": action, "note": "B"}}
                                       for action in INTRO_STEPS],
}
#: Mounted apps (no routes of their own to ask for data).
MOUNTS = {"/static": "vendored files"}

#: Every command with the arguments B gives it (``{…}`` names an id or a path; ``--json`` is tried too).
COMMANDS: dict[tuple[str, ...], list[list[str]]] = {
    ("backup",): [["{root}/b-backup.db"]],
    ("degree",): [["me", "#{theirs}"]],
    ("demo",): [["--db", "{root}/demo.db", "--connections", "20", "--years", "1", "--history-days", "0"]],
    ("dormant",): [[]],
    ("drafts",): [[]],
    ("drafts", "write"): [["check_in", "#{shared}"], ["check_in", "#{theirs}"], ["congratulate", "#{shared}"]],
    ("graph", "drop"): [["nothing-by-that-name"]],
    ("graph", "duplicates"): [[]],
    ("graph", "info"): [[]],
    ("graph", "load"): [["{root}/tiny.txt", "--name", "tiny"]],
    ("health",): [[], ["--html", "{root}/health.html"]],
    ("import",): [["{b_export}"]],
    ("imports",): [[]],
    ("imports", "forget"): [["{a_import}"]],
    ("invite", "check"): [["Hello!", "--to", "#{theirs}"]],
    ("invite", "draft"): [["#{theirs}"], ["#{shared}"]],
    ("invite", "log"): [["#{theirs}", "--received"]],
    ("invite", "stats"): [[]],
    ("invite", "withdraw"): [["#{theirs}"]],
    ("invites",): [[], ["--all"]],
    ("log",): [["#{theirs}", "--sent"], ["{theirs_name}", "--sent"]],
    ("merge",): [[], ["--all"], ["--done"], ["--undo", "{a_merge}"], ["--accept", "{a_suggestion}"]],
    ("export", "csv"): [[], ["--out", "{root}/b-export.csv"]],
    ("export", "vcard"): [[], ["--out", "{root}/b-export.vcf"]],
    ("intro", "ask"): [["#{c_target}", "--via", "{c}", "--about", "B's question"], ["#{theirs}", "--via", "{a}"]],
    ("intro", "requests"): [[]],
    ("intro", "show"): [["{a_intro}"], ["{b_intro}"]],
    **{("intro", step): [["{a_intro}", "--note", "B was here"]] for step in INTRO_STEPS},
    ("intro", "log"): [[]],
    ("message", "check"): [["Could you send me the slides?"]],
    ("mutual",): [["me", "{a_name}"]],
    ("note",): [["#{shared}"], ["#{theirs}"], ["#{shared}", "--history"], ["{theirs_name}"]],
    ("path",): [["me", "#{theirs}"]],
    ("people",): [[], ["--status", "all", "--all"], ["--search", MARK], ["--tag", f"{MARK}-tag"]],
    ("person",): [["#{shared}"], ["#{theirs}"], ["#{mine}"], ["{theirs_name}"], ["{shared_name}"]],
    ("prune",): [[], ["--csv", "{root}/prune.csv"]],
    ("restore",): [["{root}/no-such-backup.db"]],
    ("settings",): [[], ["owner_emails"]],
    ("snooze",): [["#{theirs}", "--until", "2099-02-01"]],
    ("state",): [["#{shared}"], ["#{theirs}"]],
    ("states",): [[], ["--all"]],
    ("strength",): [[], ["#{shared}"], ["#{theirs}"]],
    ("suggest",): [["me"]],
    ("tag",): [["#{theirs}", "colleague"]],
    ("tags",): [[], [f"{MARK}-tag"]],
    ("team", "add"): [["cy@example.org"]],
    ("team", "init"): [["--admin", "cy@example.org"]],
    ("team", "invite"): [["{a_email}"]],
    ("team", "list"): [[]],
    ("team", "password"): [["twi_nope"]],
    ("team", "remove"): [["{a_email}"], ["{a_email}", "--export-to", "{root}/a-data"]],
    ("team", "sessions"): [[], ["--revoke", "{a_session}"]],
    ("team", "token"): [[]],
    ("week",): [[], ["--all"], ["--ics", "{root}/week.ics"]],
    ("where",): [[]],
}
NOT_RUN = {("serve",): "starts a server: its pages and API are the routes above"}
#: Files commands write, read back for markers too.
WRITTEN = ("b-backup.db", "health.html", "prune.csv", "week.ics", "b-export.csv", "b-export.vcf")


def api_routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every route, included routers walked (HEAD aside: GET's twin)."""
    found: list[tuple[str, str]] = []

    def walk(routes: list[Any]) -> None:
        for r in routes:
            if isinstance(r, Mount):
                continue
            if hasattr(r, "original_router"):
                walk(list(r.original_router.routes))
            elif hasattr(r, "path"):
                found.extend((m, r.path) for m in sorted(getattr(r, "methods", None) or ()) if m != "HEAD")
    walk(list(app.routes))
    return found


def mounts(app: FastAPI) -> set[str]:
    return {r.path for r in app.routes if isinstance(r, Mount)}


def leaf_commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            if command.invoke_without_command:
                yield (*path, name)
            yield from leaf_commands(command, (*path, name))
        else:
            yield (*path, name)


@pytest.fixture
def world(any_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("TWOWAY_TODAY", TODAY.isoformat())
    cache.clear()
    clear_cache()
    w = build_world(any_store, tmp_path)
    with any_store.connect() as conn:
        names = dict(conn.execute(text("SELECT id, full_name FROM people WHERE id IN (:s, :t)"),
                                  {"s": w.shared, "t": w.theirs}).all())
    w.ids.update(shared_name=names[w.shared], theirs_name=names[w.theirs], a_name=A_NAME,
                 b_export=str(w.b_export))
    (tmp_path / "tiny.txt").write_text("1 2\n2 3\n")
    yield w
    cache.clear()
    clear_cache()


def test_every_route_has_parameters(tmp_path: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path}/routes.db")
    assert set(api_routes(app)) - set(ROUTES) == set(), "give the new route its requests in ROUTES"
    assert mounts(app) <= set(MOUNTS)


def test_every_command_has_arguments() -> None:
    assert set(leaf_commands(cli)) - set(COMMANDS) - set(NOT_RUN) == set(), "give the new command its arguments"


def _ask(client: Any, method: str, path: str, request: Request, world: World) -> Any:
    params = {k: world.fill(str(v)) for k, v in request.items() if k not in ("query", "json", "form", "files")}
    url = path.format(**params)
    query = {k: world.fill(v) for k, v in request.get("query", {}).items()}
    if "form" in request:
        return client.form(url, {k: world.fill(v) for k, v in request["form"].items()}, params=query)
    if "files" in request:
        return client.request(method, url, files=request["files"], headers={"X-CSRF-Token": client.csrf})
    if method == "GET":
        return client.get(url, params=query)
    return client.api(method, url, params=query,
                      **({"json": _fill_json(request["json"], world)} if "json" in request else {}))


def _fill_json(body: dict[str, Any], world: World) -> dict[str, Any]:
    """A JSON body's ``{…}`` strings made the ids they name (numbers where the whole string was one)."""
    out: dict[str, Any] = {}
    for key, value in body.items():
        filled = world.fill(value) if isinstance(value, str) else value
        out[key] = int(filled) if isinstance(value, str) and value.startswith("{") and filled.isdigit() else filled
    return out


def _said(request: Request, world: World) -> list[str]:
    """The strings B sent: a response may echo them."""
    said = [world.fill(str(v)) for k, v in request.items() if isinstance(v, str)]
    for part in ("query", "form"):
        said += [world.fill(str(v)) for v in request.get(part, {}).values()]
    return said


def test_no_route_or_page_shows_b_what_is_as(world: World) -> None:
    found = []
    with as_member(world, "B").client() as client:
        app = client.fastapi_app
        for method, path in api_routes(app):
            for request in ROUTES[(method, path)]:
                response = _ask(client, method, path, request, world)
                where = f"{method} {path} {request}"
                if response.status_code >= 500:
                    found.append(f"{where}: {response.status_code}")
                found += [f"{where}: {leak!r}" for leak in leaks(response.text, _said(request, world))]
    assert not found, "\n".join(found)
    with world.store.connect() as conn:  # B's writes to A's ids changed nothing of A's
        body = conn.execute(text("SELECT body FROM notes WHERE id = :n"), {"n": world.a_note}).scalar_one()
        assert body.startswith(f"{MARK}-note")
        assert conn.execute(text("SELECT status FROM merge_suggestions WHERE id = :s"),
                            {"s": world.a_suggestion}).scalar_one() == "open"
        assert conn.execute(text("SELECT revoked_at FROM member_sessions WHERE id = :s"),  # A is still logged in
                            {"s": int(world.ids["a_session"])}).scalar_one() is None
    _a_intro_and_merge_stand(world)


def _a_intro_and_merge_stand(world: World) -> None:
    """B's steps on A's request, B's verdict on A's suggestion and B's undo of A's merge changed none of them."""
    with world.store.connect() as conn:
        assert conn.execute(text("SELECT status FROM merge_suggestions WHERE id = :s"),
                            {"s": world.a_suggestion}).scalar_one() == "open"
        assert conn.execute(text("SELECT status FROM intro_requests WHERE id = :r"),
                            {"r": world.a_intro}).scalar_one() == "accepted"
        assert conn.execute(text("SELECT COUNT(*) FROM intro_log WHERE request_id = :r"),
                            {"r": world.a_intro}).scalar_one() == 2
        assert conn.execute(text("SELECT undone_at FROM merges_done WHERE id = :m"),
                            {"m": world.a_merge}).scalar_one() is None


def test_b_sees_only_that_a_knows_a_person_and_how_well(world: World) -> None:
    with as_member(world, "B").client() as client:
        for who in ("shared", "theirs"):
            detail = client.get(f"/api/people/{world.ids[who]}").json()
            known = {k["name"]: k for k in detail["known_by"]}
            assert set(known[A_NAME]) == {"owner_id", "name", "band"}  # no score, no parts
            assert known[A_NAME]["band"] in {name for _, name in BANDS}
        theirs = client.get(f"/api/people/{world.theirs}").json()
        assert theirs["related"] is False
        assert theirs["person"]["email"] is None
        assert theirs["person"]["url"] is None
        assert theirs["interactions"] == theirs["notes"] == theirs["jobs"] == theirs["timeline"] == []
        shared = client.get(f"/api/people/{world.shared}").json()
        assert [n["body"] for n in shared["notes"]] == ["Ben's own note on P"]  # B's own side, only
        assert shared["person"]["emails"] == []
        page = client.get(f"/people/{world.theirs}").text
        assert A_NAME in page
        assert leaks(page) == []
    # The same questions as A show A's own data: the markers are there to be found.
    with as_member(world, "A").client() as client:
        own = client.get(f"/api/people/{world.shared}").json()
        assert own["person"]["emails"] == [SHARED_EMAIL, MAIL_EMAIL]
        assert any(n["body"].startswith(f"{MARK}-note") for n in own["notes"])
        assert any(j["company"] == f"{MARK}-company" for j in own["jobs"])
        assert leaks(client.get("/api/intros").text)  # A's request to C, and C's note on it
        assert leaks(client.get("/intros").text)
        assert leaks(client.get("/api/merges/done").text)  # the person A's merge folded in


def test_no_command_shows_b_what_is_as(world: World) -> None:
    member = as_member(world, "B")
    runner = CliRunner()
    # Before B does anything: A's connection is known to B only as A's, with a band.
    first = runner.invoke(cli, [*member.cli_args, "person", f"#{world.theirs}", "--json"])
    assert first.exit_code == 0, first.output
    seen = json.loads(first.output)
    assert seen["related"] is False
    assert [(k["name"], k["band"] in {name for _, name in BANDS}) for k in seen["known_by"]] == [(A_NAME, True)]
    # A name finds only B's own people: which names A knows is A's to tell (an introduction reaches them by id).
    by_name = runner.invoke(cli, [*member.cli_args, "note", world.ids["theirs_name"]])
    assert by_name.exit_code == 3, by_name.output
    assert "nobody called" in by_name.output
    found = []
    for command, variants in sorted(COMMANDS.items(), key=lambda c: c[0] == ("restore",)):
        for extra in variants:
            for json_flag in ([], ["--json"]):
                args = [*member.cli_args, *command, *[world.fill(a) for a in extra], *json_flag]
                result = runner.invoke(cli, args, catch_exceptions=True)
                if json_flag and result.exit_code == 2 and "No such option: --json" in result.output:
                    continue
                where = f"twoway {' '.join(args[4:])}"
                if result.exit_code == 70 or (result.exception is not None
                                              and not isinstance(result.exception, SystemExit)):
                    found.append(f"{where}: {result.exit_code} {result.exception!r} {result.output[-300:]}")
                found += [f"{where}: {leak!r}" for leak in leaks(result.output, [world.fill(a) for a in extra])]
    for name in WRITTEN[1:]:
        path = world.root / name
        if path.exists():
            found += [f"{name}: {leak!r}" for leak in leaks(path.read_text(encoding="utf-8", errors="replace"))]
    assert not found, "\n".join(found)
    with world.store.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM imports WHERE id = :i"), {"i": world.a_import}).scalar_one()
        assert conn.execute(text("SELECT COUNT(*) FROM members")).scalar_one() == 3  # B removed nobody
        assert conn.execute(text("SELECT revoked_at FROM member_sessions WHERE id = :s"),
                            {"s": int(world.ids["a_session"])}).scalar_one() is None
    _a_intro_and_merge_stand(world)
    # The same commands as A show A's own: the markers are there to be found.
    a_args = as_member(world, "A").cli_args
    for kind in ("vcard", "csv"):
        assert SHARED_EMAIL in runner.invoke(cli, [*a_args, "export", kind]).output
    assert f"{MARK}-intro message" in runner.invoke(cli, [*a_args, "intro", "show", world.ids["a_intro"]]).output
    assert f"{MARK} Merged Person" in runner.invoke(cli, [*a_args, "merge", "--done"]).output
    own = json.loads(runner.invoke(cli, [*as_member(world, "A").cli_args, "settings", "owner_emails",
                                          "--json"]).output)
    assert own[0]["value"] == [f"{MARK}-self@example.org"]
