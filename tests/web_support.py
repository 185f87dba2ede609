"""Helpers for the web tests: an in-process client that speaks CSRF, and a small seeded network."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection, text

from twoway import clock, identity
from twoway.reading import read_message
from twoway.store import Store, open_store
from twoway.web import create_app
from twoway.web.app import Web

BASE = "http://127.0.0.1:8765"
XSS = "<script>alert(1)</script>"


class WebClient(TestClient):
    """A TestClient on 127.0.0.1 that fetches the CSRF token once and sends it with writes."""

    def __init__(self, app: FastAPI, **kwargs: Any) -> None:
        kwargs.setdefault("base_url", BASE)
        super().__init__(app, **kwargs)
        self.fastapi_app = app
        self._csrf: str | None = None

    @property
    def web(self) -> Web:
        """The app's workspace (store, result cache, import jobs), as the routes see it."""
        web: Web = self.fastapi_app.state.web
        return web

    @property
    def csrf(self) -> str:
        if self._csrf is None:
            self._csrf = str(self.get("/api/csrf").json()["token"])
        return self._csrf

    def api(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        headers = {"X-CSRF-Token": self.csrf, **kwargs.pop("headers", {})}
        response: httpx.Response = self.request(method, url, headers=headers, **kwargs)
        return response

    def form(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> httpx.Response:
        kwargs.setdefault("follow_redirects", False)
        response: httpx.Response = self.post(url, data={"csrf_token": self.csrf, **(data or {})}, **kwargs)
        return response


def page_csrf(html: str) -> str:
    match = re.search(r'<meta name="csrf-token" content="([^"]+)"', html)
    assert match, "every page carries its CSRF token"
    return match.group(1)


def add_owner(conn: Connection, name: str = "Olive Owner") -> int:
    conn.execute(text("INSERT INTO owners (name, created_at) VALUES (:n, '2026-01-01')"), {"n": name})
    return int(conn.execute(text("SELECT MAX(id) FROM owners")).scalar_one())


def add_person(conn: Connection, owner_id: int, name: str, *, company: str = "Acme", position: str = "Engineer",
               url: str | None = None, connected_on: str = "2024-05-01", status: str = "connected") -> int:
    first, _, last = name.partition(" ")
    conn.execute(
        text("INSERT INTO people (url, name_key, first_name, last_name, full_name, company, position, created_at)"
             " VALUES (:u, :k, :f, :l, :n, :c, :p, '2026-01-01')"),
        {"u": url, "k": identity.name_key(name), "f": first, "l": last, "n": name, "c": company, "p": position},
    )
    pid = int(conn.execute(text("SELECT MAX(id) FROM people")).scalar_one())
    conn.execute(
        text("INSERT INTO connections (owner_id, person_id, connected_on, status) VALUES (:o, :p, :d, :s)"),
        {"o": owner_id, "p": pid, "d": connected_on, "s": status},
    )
    return pid


def add_stranger(conn: Connection, name: str, *, company: str = "", position: str = "") -> int:
    """A person who is not a connection (someone who only sent or received an invitation)."""
    first, _, last = name.partition(" ")
    conn.execute(
        text("INSERT INTO people (name_key, first_name, last_name, full_name, company, position, created_at)"
             " VALUES (:k, :f, :l, :n, :c, :p, '2026-01-01')"),
        {"k": identity.name_key(name), "f": first, "l": last, "n": name, "c": company, "p": position},
    )
    return int(conn.execute(text("SELECT MAX(id) FROM people")).scalar_one())


def add_invitation(conn: Connection, owner_id: int, person_id: int, direction: str, on: str, message: str,
                   name: str) -> None:
    at = clock.day_start_ts(date.fromisoformat(on)) + 3600
    conn.execute(
        text("INSERT INTO invitations (owner_id, person_id, direction, sent_at, from_name, to_name, message,"
             " origin, fingerprint) VALUES (:o, :p, :d, :at, :f, :t, :m, 'import', :fp)"),
        {"o": owner_id, "p": person_id, "d": direction, "at": at, "m": message,
         "f": name if direction == "in" else "Olive Owner", "t": "Olive Owner" if direction == "in" else name,
         "fp": f"inv-{person_id}-{direction}-{at}"},
    )


def add_message(conn: Connection, owner_id: int, person_id: int, direction: str, on: str, content: str) -> None:
    at = clock.day_start_ts(date.fromisoformat(on)) + 36000
    conn.execute(
        text("INSERT INTO interactions (owner_id, person_id, kind, channel, direction, at, content, reading, language,"
             " origin, fingerprint) VALUES (:o, :p, 'message', 'linkedin', :d, :at, :c, :r, :l, 'import', :f)"),
        {"o": owner_id, "p": person_id, "d": direction, "at": at, "c": content, "r": read_message(content).kind,
         "l": read_message(content).language,
         "f": f"{person_id}-{direction}-{at}-{len(content)}"},
    )


def seed_network(store: Store) -> dict[str, int]:
    """An owner with a handful of connections, including one whose every field is hostile markup."""
    with store.begin() as conn:
        owner = add_owner(conn)
        ids = {
            "owner": owner,
            "ada": add_person(conn, owner, "Ada Lovelace", company="Analytical Engines",
                              url="https://www.linkedin.com/in/ada-l", connected_on="2019-03-02"),
            "grace": add_person(conn, owner, "Grace Hopper", company="Navy", connected_on="2023-07-15"),
            "silent": add_person(conn, owner, "Silent Sam", company="Quiet Co", connected_on="2020-01-10"),
            "xss": add_person(conn, owner, XSS, company=XSS, position=XSS, connected_on="2022-02-02",
                              url="https://www.linkedin.com/in/x%3Cscript%3E"),
        }
        add_message(conn, owner, ids["ada"], "out", "2026-11-05", "Hello Ada, how are the engines?")
        add_message(conn, owner, ids["ada"], "in", "2026-11-06", "Running well, thanks! Are you still coming to the "
                    "meetup?")
        add_message(conn, owner, ids["grace"], "in", "2026-11-10", "Could you look at my compiler?")
        add_message(conn, owner, ids["xss"], "in", "2026-06-01", XSS)
        for n in range(3):
            add_message(conn, owner, ids["silent"], "out", f"2026-0{3 + n * 2}-01", "Checking in: how is Quiet Co?")
        ids["stranger"] = add_stranger(conn, XSS + " Stranger", company="Spam Inc", position=XSS)
        add_invitation(conn, owner, ids["stranger"], "in", "2026-11-01", XSS + " buy now http://x.example",
                       XSS + " Stranger")
        ids["invitee"] = add_stranger(conn, "Ivy Invitee", company="Acme")
        add_invitation(conn, owner, ids["invitee"], "out", "2026-09-01", "Hi Ivy, we met at the meetup.",
                       "Ivy Invitee")
    return ids


# -- The accessibility audit: axe-core (vendored, see tests/vendor/README.md) run in the real browser ----------

VENDOR = Path(__file__).parent / "vendor"
AXE_JS = VENDOR / "axe.min.js"
AXE_VERSION = "4.14.1"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices (landmarks, heading order, skip link).
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
BLOCKING_IMPACTS = frozenset({"serious", "critical"})
# Structure rules axe rates "moderate" that the dashboard promises all the same: a page is navigable by its
# landmarks and headings. A violation of one of these fails like a serious one.
STRUCTURE_RULES = frozenset({
    "heading-order", "page-has-heading-one", "empty-heading", "region", "landmark-one-main", "landmark-unique",
    "landmark-no-duplicate-main", "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo",
    "landmark-main-is-top-level", "landmark-banner-is-top-level", "landmark-contentinfo-is-top-level",
    "landmark-complementary-is-top-level", "skip-link", "empty-table-header",
})
# axe leaves one-character text (a <kbd>K</kbd>) and symbols (a sort arrow) "incomplete" rather than failing
# them, though it has measured both colours: those fail here when under 4.5:1 (text) or 3:1 (symbols, 1.4.11).
_RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                          resultTypes: ["violations", "incomplete"]});
  const node = n => ({target: n.target.join(" "), html: n.html.slice(0, 200), summary: n.failureSummary});
  const found = result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                                             nodes: v.nodes.map(node)}));
  for (const v of result.incomplete.filter(v => v.id === "color-contrast")) {
    const low = v.nodes.filter(n => {
      const d = (n.any[0] || {}).data || {};
      const need = d.messageKey === "nonBmp" ? 3 : parseFloat(d.expectedContrastRatio);
      return ["shortTextContent", "nonBmp"].includes(d.messageKey) && d.fgColor && d.bgColor
        && d.contrastRatio > 0 && d.contrastRatio < need;
    });
    if (low.length) found.push({id: "color-contrast", impact: "serious", help: v.help + " (short text or symbol)",
      helpUrl: v.helpUrl, nodes: low.map(n => { const d = n.any[0].data;
        return {...node(n), summary: `contrast ${d.contrastRatio}: ${d.fgColor} on ${d.bgColor}`}; })});
  }
  return found;
}"""


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Every violation that fails the audit on the page as it is now (serious, critical, or structural).

    axe is evaluated through the browser's debugging protocol, which the app's strict CSP does not govern, so the
    page is audited exactly as a user gets it. It needs JavaScript: a context with it disabled cannot run axe.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = page.evaluate(_RUN_AXE, list(AXE_TAGS))
    return [v for v in found if v["impact"] in BLOCKING_IMPACTS or v["id"] in STRUCTURE_RULES]


def describe_violations(where: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"{where}: {len(violations)} accessibility violation(s)"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"][:5]:
            lines.append(f"    at {node['target']}: {node['html']}")
            lines.extend(f"      {line}" for line in (node["summary"] or "").splitlines())
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more element(s)")
    return "\n".join(lines)


def assert_accessible(page: Any, where: str) -> None:
    """Fail, naming each rule, element and help URL, when axe finds a blocking violation on the page."""
    violations = axe_violations(page)
    assert not violations, describe_violations(where, violations)


# -- A live server and Debian's chromium, for the tests in a real browser ---------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
NO_CHROMIUM = "needs Debian's chromium at /usr/bin/chromium (apt-get install chromium); CI installs it"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


#: Browser tests skip on a machine without Chromium, never in CI: there a missing browser is a failure.
NO_BROWSER_HERE = not CHROMIUM.exists() and not in_ci()


def unavailable(reason: str) -> None:
    """Skip for a part this machine lacks (Chromium, PostgreSQL); in CI, where every part is installed, fail."""
    if in_ci():
        pytest.fail(f"CI must provide it: {reason}")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn in a thread, on a free port of 127.0.0.1."""

    def __init__(self, db: str, owner: str | None = None, **app_options: Any) -> None:
        import uvicorn

        self.port = free_port()
        self.app = create_app(db, owner=owner, **app_options)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


WebSetup = tuple[WebClient, Store, dict[str, int]]


@contextmanager
def seeded_web(db: str) -> Iterator[WebSetup]:
    """A client of the app over a freshly seeded network (the pages' and invitations' tests share it)."""
    store = open_store(db)
    ids = seed_network(store)
    with WebClient(create_app(db)) as client:
        yield client, store, ids
    store.close()
