"""The lexicon and its index: every pattern is in the dialect the index understands, the index finds a
phrase wherever it starts, and the pitch detector keeps the old detector's verdicts on the invitation notes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from twoway.reading import is_pitch, links, pitch_signals
from twoway.reading.lexicon import COURTESY
from twoway.reading.lexicon_ask import ASK
from twoway.reading.lexicon_auto import AUTO
from twoway.reading.lexicon_pitch import SOFT, STRONG
from twoway.reading.patterns import ORDER, scan
from twoway.reading.prefix import DIGIT, WILD, starts
from twoway.reading.text import clean, fold

DATA = Path(__file__).resolve().parents[1] / "data"
TABLES = {"courtesy": COURTESY, "ask": ASK, "auto": AUTO, "strong": STRONG, "soft": SOFT}


def test_prefix_starts() -> None:
    assert starts("(?:many )?thanks?") == {("m", "a", "n"), ("t", "h", "a")}
    assert starts("k+") == {("k",), ("k", "k"), ("k", "k", "k")}
    assert starts(r"\d+ years") == {(DIGIT, DIGIT, DIGIT), (DIGIT, " ", "y"), (DIGIT, DIGIT, " ")}
    assert starts(r"ja\w*") == {("j", "a"), ("j", "a", WILD)}
    assert starts("i'?m") == {("i", "'", "m"), ("i", "m")}
    assert starts("dzi[eę]k") == {("d", "z", "i")}
    with pytest.raises(ValueError, match="nothing"):
        starts("(?:a)?")
    with pytest.raises(ValueError, match="unsupported"):
        starts("(?P<x>a)")


@pytest.mark.parametrize("table", list(TABLES))
def test_every_pattern_compiles_and_is_lower_case(table: str) -> None:
    for concept, by_lang in TABLES[table].items():
        assert concept in ORDER
        for lang, pats in by_lang.items():
            assert re.fullmatch(r"[a-z]{2}", lang)
            for p in pats:
                re.compile(p.replace("{t1}", "").replace("{t}", ""))
                letters = re.sub(r"\\.", "", p)
                assert letters == letters.lower(), p
                assert starts(p.replace("{t1}", "").replace("{t}", "")), p


def test_the_index_finds_phrases_wherever_they_start() -> None:
    text = fold("Ok. So, many thanks for the kind words! Kudos to the team, and congrats on 5 years at Ardent.")
    hits = scan(text).hits
    assert {"ack", "thanks", "congrats", "anniversary"} <= set(hits)
    assert scan(fold("Thanksgiving dinner was great")).hits.get("thanks") is None


def test_a_folded_phrase_two_languages_share_votes_for_neither() -> None:
    assert scan(fold("Súper")).votes == {}
    assert scan(fold("De nada")).votes == {}
    assert scan(fold("Danke")).votes == {"de": 1}


def test_links() -> None:
    assert links("see https://example.org/a?b=1 and www.foo.com, or mail me at ana@example.com") == [
        "https://example.org/a?b=1", "www.foo.com", "ana@example.com"]
    assert links("No links here. Just words.") == []


def test_pitch_signals_on_invitation_notes_match_the_labels() -> None:
    """The notes of tests/data/invitation_notes.json that must read as a pitch do, and the others do not."""
    cases = json.loads((DATA / "invitation_notes.json").read_text(encoding="utf-8"))["cases"]
    wrong = [c["note"] for c in cases if ("pitch" in c.get("reasons", [])) != bool(is_pitch(c["note"]))]
    assert wrong == []


def test_pitch_signal_keys() -> None:
    seen = pitch_signals("We help SaaS founders book more demos. Book a call: calendly.com/x/15min. WhatsApp me!")
    assert seen[:3] == ["call_to_book", "sales_offer", "off_platform"]
    assert seen[-1] == "link"
    assert is_pitch("Loved your talk on pricing, would love to stay in touch.") == []
    assert is_pitch("Here is my talk: https://example.org/talk") == []  # a link alone is soft
    assert is_pitch(None) == []
    assert pitch_signals("") == []


def test_clean_keeps_line_breaks_and_decodes_entities() -> None:
    assert clean("<p>Hi&nbsp;Ana,</p><p>thanks &amp; see you</p>") == "Hi Ana,\nthanks & see you"
    assert clean("a < b") == "a < b"
