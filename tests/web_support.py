"""Helpers for the web tests: an in-process client that speaks CSRF, and a small seeded network."""

from __future__ import annotations

import re
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection, text

from twoway import clock, identity
from twoway.store import Store

BASE = "http://127.0.0.1:8765"
XSS = "<script>alert(1)</script>"


class WebClient(TestClient):
    """A TestClient on 127.0.0.1 that fetches the CSRF token once and sends it with writes."""

    def __init__(self, app: FastAPI, **kwargs: Any) -> None:
        kwargs.setdefault("base_url", BASE)
        super().__init__(app, **kwargs)
        self._csrf: str | None = None

    @property
    def csrf(self) -> str:
        if self._csrf is None:
            self._csrf = str(self.get("/api/csrf").json()["token"])
        return self._csrf

    def api(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        headers = {"X-CSRF-Token": self.csrf, **kwargs.pop("headers", {})}
        return self.request(method, url, headers=headers, **kwargs)

    def form(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> httpx.Response:
        kwargs.setdefault("follow_redirects", False)
        return self.post(url, data={"csrf_token": self.csrf, **(data or {})}, **kwargs)


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
    at = clock.day_start_ts(clock.date.fromisoformat(on)) + 3600
    conn.execute(
        text("INSERT INTO invitations (owner_id, person_id, direction, sent_at, from_name, to_name, message,"
             " origin, fingerprint) VALUES (:o, :p, :d, :at, :f, :t, :m, 'import', :fp)"),
        {"o": owner_id, "p": person_id, "d": direction, "at": at, "m": message,
         "f": name if direction == "in" else "Olive Owner", "t": "Olive Owner" if direction == "in" else name,
         "fp": f"inv-{person_id}-{direction}-{at}"},
    )


def add_message(conn: Connection, owner_id: int, person_id: int, direction: str, on: str, content: str) -> None:
    at = clock.day_start_ts(clock.date.fromisoformat(on)) + 36000
    conn.execute(
        text("INSERT INTO interactions (owner_id, person_id, kind, channel, direction, at, content, origin,"
             " fingerprint) VALUES (:o, :p, 'message', 'linkedin', :d, :at, :c, 'import', :f)"),
        {"o": owner_id, "p": person_id, "d": direction, "at": at, "c": content,
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
        add_message(conn, owner, ids["ada"], "out", "2026-01-05", "Hello Ada, how are the engines?")
        add_message(conn, owner, ids["ada"], "in", "2026-01-06", "Running well, thanks!")
        add_message(conn, owner, ids["grace"], "in", "2026-11-10", "Could you look at my compiler?")
        add_message(conn, owner, ids["xss"], "in", "2026-06-01", XSS)
        for n in range(3):
            add_message(conn, owner, ids["silent"], "out", f"2026-0{3 + n * 2}-01", "Checking in")
        ids["stranger"] = add_stranger(conn, XSS + " Stranger", company="Spam Inc", position=XSS)
        add_invitation(conn, owner, ids["stranger"], "in", "2026-11-01", XSS + " buy now http://x.example",
                       XSS + " Stranger")
        ids["invitee"] = add_stranger(conn, "Ivy Invitee", company="Acme")
        add_invitation(conn, owner, ids["invitee"], "out", "2026-09-01", "Hi Ivy, we met at the meetup.",
                       "Ivy Invitee")
    return ids
