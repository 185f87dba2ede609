"""Is this text a sales pitch, recruiting or spam? Signals in words, for messages and invitation notes alike.

Each signal is a short key naming what was seen (``sales_offer``, ``call_to_book``, ``recruiting``,
``link``...), so callers can show why and tests can check which rule fired. A single soft signal
("opportunity", a link, "following up on my last message") is not a pitch; a pitch has a strong
signal or two soft ones. When the language is unknown only signals that read the same in every
language count (crypto, WhatsApp...): a message is never a pitch for being unreadable.
"""

from __future__ import annotations

import re

from twoway.reading.lexicon_pitch import NEUTRAL, SOFT, STRONG
from twoway.reading.model import UNKNOWN
from twoway.reading.patterns import Scan, scan
from twoway.reading.text import clean, fold

STRONG_KEYS: tuple[str, ...] = tuple(STRONG)
SOFT_KEYS: tuple[str, ...] = (*SOFT, "link")
_STRONG_SET = frozenset(STRONG_KEYS)

# An address ends before trailing punctuation ("see www.foo.com, or..."); a bare domain is not the tail of an e-mail.
_LINK = re.compile(r"(?:https?://|www\.)\S+?(?=[.,;:!?)\]]*(?:\s|$))|(?<![@\w.-])[\w-]+\.(?:com|io|co|net|org|ly|me|ai|"
                   r"app|de|es|fr|nl|it|pt|example)(?:/\S*?)?(?=[.,;:!?)\]]*(?:\s|$))", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
# A cheap first look (a literal-led search) before the full patterns, which backtrack over every word.
_MAYBE_LINK = re.compile(r"://|www\.|@|\.(?:com|io|co|net|org|ly|me|ai|app|de|es|fr|nl|it|pt|example)\b", re.I)


def links(text: str) -> list[str]:
    """Web addresses and e-mail addresses in the text, as written."""
    if "." not in text or _MAYBE_LINK.search(text) is None:
        return []
    return [m.group(0) for m in _LINK.finditer(text)] + [m.group(0) for m in _EMAIL.finditer(text)]


def without_links(text: str) -> str:
    """The text with its web and e-mail addresses taken out (a "?" in a URL asks nothing)."""
    if "." not in text:
        return text
    return _EMAIL.sub(" ", _LINK.sub(" ", text))


def signals_of(found: Scan, text: str) -> list[str]:
    """Pitch signal keys in a scanned text: strong ones first, then soft ones, then ``link``."""
    hits = found.hits
    out = [k for k in STRONG_KEYS if k in hits] + [k for k in SOFT if k in hits]
    if links(text):
        out.append("link")
    return out


def verdict(seen: list[str], language: str) -> list[str]:
    """``seen`` when those signals make a pitch in a text of ``language``, else an empty list."""
    strong = [s for s in seen if s in _STRONG_SET and (language != UNKNOWN or s in NEUTRAL)]
    if strong:
        return seen
    soft = [s for s in seen if s not in _STRONG_SET]
    if language != UNKNOWN and len(soft) >= 2:
        return seen
    return []


def pitch_signals(text: str | None) -> list[str]:
    """Every pitch or spam signal seen, strong or soft, plus ``link`` for web or e-mail addresses."""
    if not text or not text.strip():
        return []
    plain = clean(text)
    return signals_of(scan(fold(plain)), plain)


def is_pitch(text: str | None) -> list[str]:
    """The signals that make this text a pitch, or an empty list when it is not one.

    Language-specific phrases count whatever the language of the rest of the text: an invitation
    note is too short to tell its language reliably, and a pitch phrase is a pitch phrase.
    """
    return verdict(pitch_signals(text), "any")
