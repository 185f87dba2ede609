"""The Network page and its /api twins: degrees, mutuals, introductions, suggestions, over the same core as the CLI."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.graph.test_graph_network import Team, add_person, build_team, connect
from tests.web_support import XSS, WebClient, seed_network
from twoway import strength
from twoway.graph import cache, intros, network, stored
from twoway.people import owners
from twoway.store import Store, open_store
from twoway.web import create_app

ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def team(any_store: Store) -> Iterator[tuple[WebClient, Team]]:
    """Alice, Bob and Carol's merged exports; the dashboard speaks for Alice. Bob knows a hostile name."""
    cache.clear()
    built = build_team(any_store)
    with any_store.begin() as conn:
        built.people[XSS] = add_person(conn, XSS, company=XSS, position=XSS)
        connect(conn, built.owners["Bob Baker"], built.people[XSS])
        for owner_id in built.owners.values():  # what each member's import publishes of their ties
            strength.publish_bands(conn, owner_id)
    with WebClient(create_app(any_store.url, owner="Alice Archer")) as client:
        yield client, built
    cache.clear()


@pytest.fixture
def alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[WebClient, Store, dict[str, int]]]:
    """One member's export and no loaded graph."""
    monkeypatch.setenv("TWOWAY_TODAY", "2026-11-20")
    cache.clear()
    db = str(tmp_path / "one.db")
    store = open_store(db)
    ids = seed_network(store)
    with WebClient(create_app(db)) as client:
        yield client, store, ids
    store.close()
    cache.clear()


def main_of(html: str) -> str:
    return html[html.index("<main"):html.index("</main>")]


def test_degree_and_mutual_api_are_the_cli_core_answers(team: tuple[WebClient, Team]) -> None:
    client, t = team
    yuri = client.get("/api/people/lookup", params={"q": "Yuri Young"}).json()
    assert yuri["id"] == t.people["Yuri Young"]  # names go through the one search; every endpoint takes ids
    degree = client.get("/api/network/degree", params={"a": "me", "b": yuri["id"]}).json()
    assert degree["degree"] == 2
    assert degree["badge"] == "2nd"
    assert [m["name"] for m in degree["path"]] == ["Alice Archer", "Bob Baker", "Yuri Young"]
    mutual = client.get("/api/network/mutual", params={"a": "me", "b": t.people["Bob Baker"]}).json()
    assert [m["name"] for m in mutual["mutual"]] == ["Sam Shared"]
    assert mutual["count"] == 1
    with t.store.connect() as conn:
        alice = owners.get(conn, t.owners["Alice Archer"])
        assert mutual == network.mutual(conn, alice, "me", f"#{t.people['Bob Baker']}")
        # Alice knows Bob, Sam, Xena (1st); Bob's Yuri and hostile contact (2nd); Carol, through Yuri (3rd)
        assert mutual["a_network"] == {"first": 3, "second": 2, "third": 1}
    out = client.get("/api/network/degree", params={"a": "me", "b": 99_999_999})
    assert out.status_code == 404
    assert out.json()["error"]["code"] == "not_found"
    named = client.get("/api/network/degree", params={"a": "me", "b": "Yuri Young"})
    assert named.status_code == 400  # names are for /api/people/lookup only
    assert "/api/people/lookup" in named.json()["error"]["message"]
    assert client.get("/api/people/lookup", params={"q": "Nobody Atall"}).status_code == 404


def test_introductions_api_ranks_routes_with_strengths_states_and_drafts(team: tuple[WebClient, Team]) -> None:
    client, t = team
    got = client.get("/api/network/introductions",
                     params={"source": "me", "company": "acme", "about": "your data platform"}).json()
    with t.store.connect() as conn:
        alice = owners.get(conn, t.owners["Alice Archer"])
        assert got == intros.introductions(conn, alice, "me", company="acme", about="your data platform")
    assert got["routes_found"] >= 2
    targets = {r["path"][-1]["name"] for r in got["routes"]}
    assert targets <= {"Yuri Young", "Zoe Zhang"}
    assert "Yuri Young" in targets
    middle = {"weak": 17.5, "medium": 50.0, "strong": 82.5}  # another member's tie ranks as its band's middle
    weakest = [(r["hops"], -(r["weakest_link"] if r["weakest_link"] is not None else middle[r["weakest_band"]]))
               for r in got["routes"]]
    assert weakest == sorted(weakest)
    first = got["routes"][0]
    assert len(first["links"]) == first["hops"]
    assert {"strength", "band", "basis"} <= set(first["links"][0])
    others = [x for r in got["routes"] for x in r["links"] if x["basis"].endswith("(band only)")]
    assert others  # Bob's and Carol's ties: Alice sees their bands, never their scores
    assert all(x["strength"] is None and x["band"] in middle for x in others)
    assert "intermediary_state" in first
    assert "your data platform" in first["request"]
    assert "open to an introduction" in first["blurb"]
    missing = client.get("/api/network/introductions", params={"source": "me"})
    assert missing.status_code == 400
    assert "company" in missing.json()["error"]["message"]


def test_suggestions_api_names_the_shared_connections(team: tuple[WebClient, Team]) -> None:
    client, t = team
    with t.store.begin() as conn:  # Carol knows Sam too: Bob could introduce Sam and Yuri, who both know Carol
        connect(conn, t.owners["Carol Cole"], t.people["Sam Shared"])
    got = client.get("/api/network/suggestions", params={"person": "me"}).json()
    names = {x["person"]["name"]: x for x in got["people_you_may_know"]}
    assert names["Yuri Young"]["shared_with"] == ["Bob Baker (Us)"]
    assert XSS in names
    bob = client.get("/api/network/suggestions", params={"person": t.people["Bob Baker"]}).json()
    pairs = {frozenset((i["a"]["name"], i["b"]["name"])) for i in bob["introductions"]}
    assert frozenset(("Yuri Young", "Sam Shared")) in pairs
    ground = next(i["common_ground"] for i in bob["introductions"] if i["a"]["name"] in ("Sam Shared", "Yuri Young"))
    assert any("Carol Cole" in g for g in ground)


def test_network_page_answers_each_question_and_escapes_names(team: tuple[WebClient, Team]) -> None:
    client, t = team
    start = client.get("/network")
    assert start.status_code == 200
    assert 'aria-current="page">Network' in start.text
    assert "What this page needs" not in start.text
    path = main_of(client.get("/network/path", params={"a": "me", "b": "Yuri Young"}).text)
    assert '<span class="badge degree">2nd</span>' in path
    assert f'<a href="/people/{t.people["Bob Baker"]}">Bob Baker</a>' in path
    assert "mutual connection" in path
    page = main_of(client.get("/network/intros", params={"source": "me", "target": "Yuri Young"}).text)
    assert page.count('class="plan-item route"') == 2
    assert page.count("data-copy=") == 4  # request and forwardable note for each route
    assert re.search(r'<pre class="draft" id="request-1"[^>]*>Hi (Bob|Carol),', page)
    assert "weaker link" in page
    assert 'value="Yuri Young"' in page  # the form keeps the question
    suggest = client.get("/network/suggest", params={"person": "me"}).text
    assert XSS not in suggest
    assert ESCAPED in suggest
    company = client.get("/network/intros", params={"source": "me", "company": "acme"}).text
    assert "anyone at acme" in company
    hostile = client.get("/network/path", params={"a": "me", "b": XSS})
    assert XSS not in hostile.text
    assert ESCAPED in hostile.text


def test_a_bad_name_is_said_next_to_the_form(team: tuple[WebClient, Team]) -> None:
    client, _t = team
    response = client.get("/network/path", params={"a": "me", "b": "Nobody Atall"})
    assert response.status_code == 404
    assert "nobody called" in response.text
    assert 'value="Nobody Atall"' in response.text
    blank = client.get("/network/path", params={"a": "me", "b": ""})
    assert blank.status_code == 200
    assert 'id="answer"' not in blank.text


def test_duplicates_page_and_api(team: tuple[WebClient, Team]) -> None:
    client, t = team
    with t.store.begin() as conn:
        twin = add_person(conn, "Yuri Young", url=None, company="Elsewhere")
        connect(conn, t.owners["Carol Cole"], twin)
    groups = client.get("/api/network/duplicates").json()
    assert [sorted(p["person_id"] for p in g["people"]) for g in groups] == [sorted([t.people["Yuri Young"], twin])]
    page = client.get("/network/duplicates").text
    assert f'href="/people/{twin}"' in page


def test_person_page_offers_path_mutuals_and_introductions(team: tuple[WebClient, Team]) -> None:
    client, t = team
    html = client.get(f"/people/{t.people['Sam Shared']}").text
    assert 'id="network-title"' in html
    assert f"/network/path?a=me&amp;b=%23{t.people['Sam Shared']}" in html
    assert f"/network/intros?source=me&amp;target=%23{t.people['Sam Shared']}" in html
    followed = client.get(f"/network/path?a=me&b=%23{t.people['Sam Shared']}")
    assert '<span class="badge degree">1st</span>' in followed.text


def test_openapi_describes_the_network_twins(team: tuple[WebClient, Team]) -> None:
    client, _t = team
    spec = client.get("/openapi.json").json()
    for path in ("/api/network", "/api/network/degree", "/api/network/mutual", "/api/network/introductions",
                 "/api/network/suggestions", "/api/network/duplicates"):
        assert "get" in spec["paths"][path], path
        assert spec["paths"][path]["get"]["tags"] == ["network"]
    params = {p["name"] for p in spec["paths"]["/api/network/introductions"]["get"]["parameters"]}
    assert {"source", "target", "company", "about", "graph", "limit"} <= params


def test_one_owner_and_no_graph_says_what_it_needs(alone: tuple[WebClient, Store, dict[str, int]]) -> None:
    client, _store, ids = alone
    info = client.get("/api/network").json()
    assert info["ready"] is False
    assert "twoway graph load" in info["needs"]
    for url in ("/network", "/network/path?a=me&b=Ada+Lovelace", "/network/intros?source=me&company=Navy",
                "/network/suggest?person=me"):
        html = main_of(client.get(url).text)
        assert "What this page needs" in html, url
        assert "twoway graph load" in html
        assert "<table" not in html, url
        assert "<form" not in html, url
    person = client.get(f"/people/{ids['ada']}").text
    assert "/network/path?" not in person
    assert "twoway graph load" in person


def test_a_loaded_graph_is_asked_by_its_ids(alone: tuple[WebClient, Store, dict[str, int]], tmp_path: Path) -> None:
    client, store, _ids = alone
    edges = tmp_path / "ring.txt"
    edges.write_text("# a path 1-2-3-4 and a spur 2-5\n1 2\n2 3\n3 4\n2 5\n")
    with store.begin() as conn:
        stored.load_file(conn, edges, "ring")
    client.web.cache.bump()
    info = client.get("/api/network").json()
    assert info["ready"] is True
    assert info["graphs"] == ["ring"]
    assert client.get("/api/network/degree", params={"a": "1", "b": "4", "graph": "ring"}).json()["degree"] == 3
    page = main_of(client.get("/network/path", params={"a": "1", "b": "4", "graph": "ring"}).text)
    assert '<span class="badge degree">3rd</span>' in page
    assert 'href="/people/' not in page  # a loaded graph's ids are not people of this database
    suggest = client.get("/api/network/suggestions", params={"person": "1", "graph": "ring"}).json()
    assert {x["person"]["id"] for x in suggest["people_you_may_know"]} == {3, 5}
    with store.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM graphs")).scalar_one() == 1


def test_the_picker_finds_people_of_the_merged_network_by_name_and_asks_by_id(team: tuple[WebClient, Team]) -> None:
    client, t = team
    found = client.get("/api/network/people", params={"q": "  zHANG "}).json()
    assert found == [{"id": t.people["Zoe Zhang"], "name": "Zoe Zhang", "company": "Acme Corp",
                      "position": "Data Engineer", "url": None}]  # Carol's connection: in the merged network
    assert [p["name"] for p in client.get("/api/network/people", params={"q": "a"}).json()] == sorted(
        p for p in t.people if "a" in p.lower() and p != "Una Ude")  # Una's only link was removed
    with t.store.connect() as conn:
        assert [m.id for m in network.find_people(conn, "%")] == []  # what was typed, not a wildcard
    blank = client.get("/api/network/people", params={"q": " "})
    assert blank.status_code == 400
    assert blank.json()["error"]["code"] == "bad_input"
    page = main_of(client.get("/network", params={"find": "yuri"}).text)
    assert 'role="search"' in page
    assert 'value="yuri"' in page
    yuri = t.people["Yuri Young"]
    assert f'href="/network/intros?source=me&amp;target=%23{yuri}"' in page
    assert f'href="/network/path?a=me&amp;b=%23{yuri}"' in page
    hostile = main_of(client.get("/network", params={"find": "script"}).text)
    assert XSS not in hostile
    assert ESCAPED in hostile
    nobody = main_of(client.get("/network", params={"find": "Nobody Atall"}).text)
    assert "Nobody in the members' merged network" in nobody
    by_id = main_of(client.get("/network/intros", params={"source": "me", "target": f"#{yuri}"}).text)
    by_name = main_of(client.get("/network/intros", params={"source": "me", "target": "Yuri Young"}).text)
    assert by_id.count('class="plan-item route"') == by_name.count('class="plan-item route"') == 2
