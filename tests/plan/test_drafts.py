"""Drafts are filled from what is known; unknown facts drop their lines; the owner's copies win."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from twoway.errors import NotFound
from twoway.plan import drafts
from twoway.plan.drafts import DraftContext, fill, how_met_from_note, render
from twoway.store import Store

FULL = DraftContext(
    full_name="Ada Lovelace", first_name="Ada", company="Analytical Engines", position="CTO",
    new_company="Babbage & Co", new_position="Chief Scientist", how_met="at PyCon 2023",
    connected_on=date(2021, 3, 9), last_contact=date(2023, 6, 1), last_subject="the compiler talk",
    last_attempt=date(2024, 3, 4), owner_first_name="Grace",
)


def test_fill_drops_lines_with_unknown_placeholders_and_collapses_gaps() -> None:
    template = "## a note\nHi {first_name},\n\nAt {company}?\n\n\nBye {owner_first_name}\n{typo}"
    assert fill(template, {"first_name": "Ada"}) == "Hi Ada,"
    assert fill(template, {"first_name": "Ada", "owner_first_name": "G"}) == "Hi Ada,\n\nBye G"


def test_fallback_lines_are_used_only_when_the_line_above_was_dropped() -> None:
    template = "A {x} and {y}\n| A {x}\n| A nothing\nNext"
    assert fill(template, {"x": "1", "y": "2"}) == "A 1 and 2\nNext"
    assert fill(template, {"x": "1"}) == "A 1\nNext"
    assert fill(template, {}) == "A nothing\nNext"


def test_literal_braces() -> None:
    assert fill("{{not a field}} {a}", {"a": "x"}) == "{not a field} x"


@pytest.mark.parametrize("kind", drafts.KINDS)
def test_every_default_template_fills_fully_and_never_leaves_braces(kind: str) -> None:
    full = render(kind, FULL)
    bare = render(kind, DraftContext(full_name="Ada Lovelace"))
    empty = render(kind, DraftContext())
    for draft in (full, bare, empty):
        assert "{" not in draft
        assert "}" not in draft
        assert draft.strip()
    assert "Ada" in full
    assert "Grace" in full
    assert "Analytical" not in bare
    assert "Grace" not in bare
    assert bare.startswith("Hi Ada,")  # first name falls back to the first word of the full name
    assert empty.startswith("Hi,")


@pytest.mark.parametrize("kind", drafts.KINDS)
def test_default_templates_only_use_known_placeholders(kind: str) -> None:
    assert drafts.unknown_placeholders(drafts.template_text(kind)) == []


def test_specific_facts_appear_where_known() -> None:
    assert "Chief Scientist at Babbage & Co" in render("congratulate", FULL)
    moved = render("congratulate", DraftContext(first_name="Bo", new_company="Acme"))
    assert "your move to Acme" in moved
    assert "Chief" not in moved
    assert "4 March" in render("second_attempt", FULL)
    assert "June 2023" in render("check_in", FULL)
    assert "the compiler talk" in render("check_in", FULL)
    assert "at PyCon 2023" in render("reconnect", FULL)


def test_newlines_in_values_cannot_split_a_draft() -> None:
    out = render("check_in", DraftContext(first_name="Ada", company="Evil\n\nInjected line"))
    assert "How are things at Evil Injected line?" in out


def test_how_met_notes() -> None:
    assert how_met_from_note("Met at PyCon 2023.") == "at PyCon 2023"
    assert how_met_from_note("How we met: through Linus") == "through Linus"
    assert how_met_from_note("We met on the train to Lyon\nmore") == "on the train to Lyon"
    assert how_met_from_note("Metrics person") is None
    assert how_met_from_note("") is None


def test_edited_copy_wins_and_copy_keeps_edits() -> None:
    folder, copied = drafts.copy_defaults()
    assert set(drafts.KINDS) <= {p.stem for p in copied}
    (folder / "check_in.txt").write_text("Yo {first_name}!\n", encoding="utf-8")
    assert render("check_in", FULL) == "Yo Ada!"
    _, again = drafts.copy_defaults()
    assert again == []  # edited copies are never overwritten
    sources = {row["kind"]: row["source"] for row in drafts.available()}
    assert sources["check_in"] == "edited"
    (folder / "intro_request.txt").write_text("Hi {first_name}", encoding="utf-8")
    assert render("intro_request", FULL) == "Hi Ada"
    with pytest.raises(NotFound):
        render("no_such_kind", FULL)


def test_contexts_from_the_database(any_store: Store) -> None:
    with any_store.begin() as conn:
        conn.execute(text(
            "INSERT INTO owners (id, name, first_name, created_at) VALUES (1, 'Grace Hopper', 'Grace', 'x')"))
        conn.execute(text(
            "INSERT INTO people (id, url, name_key, first_name, full_name, company, position, created_at) "
            "VALUES (10, 'u10', 'ada', 'Ada', 'Ada Lovelace', 'Engines', 'CTO', 'x'), "
            "(11, 'u11', 'bo', NULL, 'Bo Zhang', '', '', 'x')"))
        conn.execute(text(
            "INSERT INTO connections (owner_id, person_id, connected_on) VALUES (1, 10, '2021-03-09'), "
            "(1, 11, '2024-01-01')"))
        conn.execute(text(
            "INSERT INTO conversations (id, owner_id, external_id, title) VALUES (5, 1, 'c5', 'Compilers')"))
        day = 86400
        conn.execute(text(
            "INSERT INTO interactions (owner_id, person_id, conversation_id, direction, at, fingerprint) VALUES "
            f"(1, 10, 5, 'in', {1_685_000_000}, 'f1'), (1, 10, NULL, 'out', {1_685_000_000 + 30 * day}, 'f2')"))
        conn.execute(text(
            "INSERT INTO notes (owner_id, person_id, body, created_at) VALUES (1, 10, 'Met at PyCon 2023', 'x')"))
        contexts = drafts.contexts_for(conn, 1, [10, 11, 99], new_jobs={11: ("Acme", "")})
    ada, bo, ghost = contexts[10], contexts[11], contexts[99]
    assert ada.first_name == "Ada"
    assert ada.company == "Engines"
    assert ada.how_met == "at PyCon 2023"
    assert ada.connected_on == date(2021, 3, 9)
    assert ada.last_subject == "Compilers"  # the later message had no title: the last known one stands
    assert ada.last_attempt == date(2023, 6, 24)
    assert ada.last_contact == date(2023, 6, 24)
    assert ada.owner_first_name == "Grace"
    assert bo.company is None
    assert bo.new_company == "Acme"
    assert bo.new_position is None
    assert bo.last_contact is None
    assert ghost.full_name is None
    assert "Acme" in render("congratulate", bo)


def test_a_group_title_or_a_coarse_one_is_never_quoted(any_store: Store) -> None:
    # Seen on a real export: a check-in quoting a group chat's crude name as what the two "last spoke about".
    with any_store.begin() as conn:
        conn.execute(text("INSERT INTO owners (id, name, created_at) VALUES (1, 'Grace Hopper', 'x')"))
        conn.execute(text("INSERT INTO people (id, url, name_key, full_name, created_at) VALUES "
                          "(10, 'u10', 'ada', 'Ada Lovelace', 'x'), (11, 'u11', 'bo', 'Bo Zhang', 'x')"))
        conn.execute(text("INSERT INTO conversations (id, owner_id, external_id, title, kind) VALUES "
                          "(5, 1, 'c5', 'Compilers', 'direct'), (6, 1, 'c6', 'The Lads', 'group'), "
                          "(7, 1, 'c7', 'wtf is this', 'direct')"))
        conn.execute(text(
            "INSERT INTO interactions (owner_id, person_id, conversation_id, direction, at, fingerprint) VALUES "
            "(1, 10, 5, 'in', 1000, 'f1'), (1, 10, 6, 'in', 2000, 'f2'), (1, 11, 7, 'in', 3000, 'f3')"))
        contexts = drafts.contexts_for(conn, 1, [10, 11])
    assert contexts[10].last_subject == "Compilers"  # the later group message does not rename the topic
    assert contexts[11].last_subject is None
    assert 'about "' not in render("check_in", contexts[11])


@pytest.mark.parametrize(("raw", "quoted"), [
    ("Compilers", "Compilers"), ("  Re:   the  offsite ", "Re: the offsite"), ("", None), ("🙂🙂", None),
    ("x" * 81, None), ("Shitty week", None), ("Bitcoin talk", "Bitcoin talk"),
    ("Dickens reading group", "Dickens reading group"),
])
def test_quotable_topic(raw: str, quoted: str | None) -> None:
    assert drafts.quotable_topic(raw) == quoted
