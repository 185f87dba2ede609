"""Reading one message: its kind, language and detail, by rules applied in order of what matters.

Automated mail first (sponsored markup, placeholders, auto-replies, mass mailings), then pitches,
then asks (a question mark, a request, a question word opening a sentence): a message that thanks
and asks is a question, one that congratulates and pitches is a pitch. What is left is a courtesy
when, once the courtesy phrases, greetings, sign-offs and a name are taken out, almost nothing
remains; otherwise it says something: news (or an offer of help).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from twoway.reading.language import decide
from twoway.reading.lexicon import EMOJI_DETAIL
from twoway.reading.model import AUTOMATED, COURTESY, NEWS, PITCH, QUESTION, UNKNOWN, Reading, reading
from twoway.reading.patterns import scan
from twoway.reading.pitch import signals_of, verdict, without_links
from twoway.reading.text import fold, has_words

_PLACEHOLDER = re.compile(
    r"%[A-Za-z_ ]{3,24}%|\{\{?\s*[A-Za-z_ ]{2,24}\}\}?|"
    r"\[(?:first |last |full |your )?(?:name|nombre|nom|nome|naam|vorname|prénom|first name)\]", re.I)
#: Question marks of every script twoway meets: Latin, Spanish opening, full-width (CJK), Arabic.
_QUESTION_MARKS = ("?", "¿", "？", "؟")
_NAME_WORDS = 2  # words left over that can be a name ("Hi Carla" → "carla")
_SHORT = 4  # a text of at most this many words that tells no news reads as a courtesy ("Enjoy the new role!")
_AROUND = 4  # words around a courtesy phrase that still leave it a courtesy ("congrats, the product looks great")
_CELEBRATIONS = ("birthday", "anniversary", "congrats", "wishes")
_CELEBRATION_WORDS = 16  # words beyond the courtesy phrases a congratulation or a wish may run to
_COURTESY_ORDER = ("connect_thanks", "birthday", "anniversary", "congrats", "thanks", "welcome", "wishes",
                   "pleasantry", "greeting", "ack")
_PITCH_DETAIL = (("recruiting", "recruiting"), ("job_terms", "recruiting"), ("money_scheme", "money_scheme"),
                 ("followup", "followup_pitch"))


def _emoji_detail(text: str) -> str:
    for ch in text:
        if ch in EMOJI_DETAIL:
            return EMOJI_DETAIL[ch]
    return "emoji"


def _courtesy_detail(hits: dict[str, list[str]], text: str) -> str:
    found = [c for c in hits if c in _COURTESY_ORDER]
    if not found:
        return _emoji_detail(text) if any(ch in EMOJI_DETAIL for ch in text) else "short"
    first = next((c for c in found if c != "greeting"), "greeting")
    if first == "thanks" and "connect_thanks" not in found:
        return "thanks"  # "thanks for the birthday wishes" thanks, it does not wish
    return min(found, key=_COURTESY_ORDER.index)


def _ours(langs: Sequence[str], language: str) -> bool:
    return any(lang in (language, "xx") for lang in langs) or (language == UNKNOWN and bool(langs))


def read_clean(text: str, sponsored: bool = False) -> Reading:
    """Read a cleaned text (:func:`twoway.reading.text.clean`); ``sponsored``: LinkedIn campaign mail."""
    if not text:
        return reading(AUTOMATED if sponsored else COURTESY, UNKNOWN, "sponsored" if sponsored else "empty",
                       ("sponsored",) if sponsored else ("empty",))
    if not has_words(text):
        if sponsored:
            return reading(AUTOMATED, UNKNOWN, "sponsored", ("sponsored",))
        return reading(COURTESY, UNKNOWN, _emoji_detail(text), ("emoji",))
    f = fold(text)
    found = scan(f)
    hits = found.hits
    language = decide(text, found.words, found.votes, found.greetings)
    if sponsored:
        return reading(AUTOMATED, language, "sponsored", ("sponsored",))
    if ("{" in text or "%" in text or "[" in text) and _PLACEHOLDER.search(text):
        return reading(AUTOMATED, language, "template", ("placeholder",))
    if "auto_reply" in hits:
        return reading(AUTOMATED, language, "auto_reply", ("auto_reply",))
    if "system" in hits or ("event" in hits and "cta" in hits):
        return reading(AUTOMATED, language, "mass", tuple(k for k in ("system", "event", "cta") if k in hits))
    pitched = verdict(signals_of(found, text), language)
    if pitched:
        detail = next((d for key, d in _PITCH_DETAIL if key in pitched), "sales")
        if detail == "recruiting" and "recruiting" not in pitched:
            pitched.append("recruiting")
        return reading(PITCH, language, detail, tuple(pitched))
    plain = without_links(text) if "?" in text else text
    if any(mark in plain for mark in _QUESTION_MARKS):
        return reading(QUESTION, language, "question", ("question_mark", *(k for k in ("ask",) if k in hits)))
    # Asks and question words count in the message's own language ("was" asks in German, not in English).
    asks = _ours(hits.get("ask", ()), language)
    if asks or _ours(found.starters, language):
        return reading(QUESTION, language, "request" if asks else "question", ("ask",) if asks else ("starter",))
    tells = "news" in hits or "offer" in hits
    courteous = any(c in hits for c in _COURTESY_ORDER)
    small = found.words <= _SHORT or (courteous and found.residual <= _AROUND)
    if not small and not tells and any(c in hits for c in _CELEBRATIONS):
        # Congratulations and wishes run long ("Many congratulations on the new role! Very best wishes and a happy
        # new year"): unless they tell news, they are still a courtesy.
        small = found.residual <= _CELEBRATION_WORDS
    if courteous and not tells and not small and "http" in text:
        # A link shared with a congratulation or a thank-you says nothing of its own: read the words only.
        small = scan(fold(without_links(text))).residual <= _AROUND
    if found.residual <= _NAME_WORDS or (not tells and small):
        detail = _courtesy_detail(hits, text)
        return reading(COURTESY, language, detail, tuple(c for c in hits if c in _COURTESY_ORDER) or (detail,))
    detail = "offer" if "offer" in hits else "news"
    return reading(NEWS, language, detail, (detail,))
