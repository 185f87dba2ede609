"""Reading messages: what each one asks of its reader, and in which language.

Every message is read into exactly one kind — ``question`` (a question or request), ``news``
(substantive, no ask), ``courtesy`` (thanks, congratulations, wishes, ok, a greeting alone),
``pitch`` (sales, recruiting, spam) or ``automated`` (sponsored and mass mail, auto-replies) —
and a language (ISO 639-1 code, or ``unknown``). Questions and requests create an obligation to
reply; courtesies and pitches do not. See PRODUCT.md, "Reading messages".

The package is self-contained: modules import one way, from the data up
(``model`` ← ``text`` ← ``lexicon*`` ← ``prefix`` ← ``patterns`` ← ``language``, ``pitch`` ← ``kinds`` ←
``batch`` ← this file), and nothing from the rest of twoway.
"""

from __future__ import annotations

from twoway.reading.batch import read_many, read_raw
from twoway.reading.language import decide
from twoway.reading.model import KINDS, LANGUAGES, NOUNS, UNKNOWN, Reading
from twoway.reading.patterns import scan
from twoway.reading.pitch import is_pitch, links, pitch_signals, signals_of, verdict
from twoway.reading.text import clean, fold, has_words

__all__ = ["KINDS", "LANGUAGES", "NOUNS", "UNKNOWN", "Reading", "is_pitch", "language_of", "links",
           "pitch_signals", "read_many", "read_message"]


def read_message(text: str | None, *, subject: str | None = None, sponsored: bool = False) -> Reading:
    """Read one message as exported (HTML and entities are fine). ``sponsored``: LinkedIn campaign mail.

    A subject line ("Opportunity at a fast-growing company", "Automatic reply: ...") adds its pitch
    and auto-reply signals to the body's; the kind of an ordinary message is read from its body.
    """
    found = read_raw(text, sponsored)
    if not subject or found.kind in ("pitch", "automated"):
        return found
    head = clean(subject)
    head_scan = scan(fold(head))
    if "auto_reply" in head_scan.hits:
        return Reading("automated", found.language, "auto_reply", ("subject", "auto_reply"), NOUNS["auto_reply"])
    body = clean(text or "")
    seen = list(dict.fromkeys(signals_of(head_scan, head) + signals_of(scan(fold(body)), body)))
    pitched = verdict(seen, found.language)
    if not pitched:
        return found
    detail = "recruiting" if "recruiting" in pitched else "money_scheme" if "money_scheme" in pitched else "sales"
    return Reading("pitch", found.language, detail, ("subject", *pitched), NOUNS[detail])


def language_of(text: str | None) -> str:
    """The language of a message: ``"en"``, ``"de"``... or ``"unknown"`` (empty, emoji, unreadable)."""
    if not text:
        return UNKNOWN
    plain = clean(text)
    if not has_words(plain):
        return UNKNOWN
    found = scan(fold(plain))
    return decide(plain, found.words, found.votes, found.greetings)
