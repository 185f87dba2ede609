"""Message text as the rules see it: HTML and entities gone, whitespace collapsed, and a folded copy.

The folded copy is lower-case with accents removed and typographic punctuation made plain, so one
pattern matches "Félicitations", "felicitations" and "FELICITATIONS" alike (people type without
accents on phones). Patterns in the lexicon are folded the same way when they are compiled.
"""

from __future__ import annotations

import html
import re
import unicodedata

SPONSORED_MARK = "spinmail"  # LinkedIn's sponsored/InMail campaign editor leaves this in its markup

_BREAK = re.compile(r"<br\s*/?>|</p>|</div>|</li>|</h\d>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_SPACE = re.compile(r"[ \t\r\f\v\xa0\u2000-\u200b\u202f\u205f\u3000]+")
_LINES = re.compile(r"\s*\n\s*")
# A letter or digit in any script: a text without one is emoji, punctuation or nothing.
_WORDISH = re.compile(r"[^\W_]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in range(0xC0, 0x250):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if base != ch and base.isascii() and base:
            table[cp] = base.lower()
    table.update({ord("ß"): "ss", ord("ø"): "o", ord("æ"): "ae", ord("œ"): "oe", ord("ł"): "l", ord("đ"): "d",
                  ord("’"): "'", ord("‘"): "'", ord("´"): "'", ord("`"): "'", ord("“"): '"', ord("”"): '"',
                  ord("„"): '"', ord("«"): '"', ord("»"): '"', ord("–"): "-", ord("—"): "-", ord("‑"): "-",
                  ord("？"): "?", ord("！"): "!", ord("。"): ".", ord("，"): ",", ord("…"): "...",
                  ord("؟"): "?", ord("،"): ",", ord("؛"): ";"})
    # Arabic as its readers match it: short vowels and the stretching stroke off, every alef one alef, final
    # alef maqsura as ya ("شكراً" and "شكرا", "أهلا" and "اهلا" are one word).
    table.update(dict.fromkeys([*range(0x064B, 0x0660), 0x0670, 0x0640], None))
    table.update({ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ٱ"): "ا", ord("ى"): "ي"})
    return table


_FOLD = _fold_table()


def clean(raw: str) -> str:
    """``<p>Hi&nbsp;Ana,</p><p>thanks &amp; see you</p>`` → ``Hi Ana,\\nthanks & see you``.

    Same rules as the importer's plain text (tags only when they look like tags, entities last),
    plus whitespace collapsed so that texts differing only in spacing read, and deduplicate, as one.
    """
    text = raw
    if "<" in text:
        text = _TAG.sub("", _BREAK.sub("\n", text))
    if "&" in text:
        text = html.unescape(text)
    text = _SPACE.sub(" ", text)
    if "\n" in text:
        text = _LINES.sub("\n", text)
    return text.strip()


def fold(text: str) -> str:
    """Lower-case, accents off, plain quotes and dashes: what every pattern is matched against."""
    low = text.lower()
    return low if low.isascii() else low.translate(_FOLD)


def has_words(text: str) -> bool:
    """Whether the text holds any letter or digit (else it is emoji, punctuation or empty)."""
    return _WORDISH.search(text) is not None


def words(text: str) -> list[str]:
    """The words (letters only, apostrophes inside kept) of a text."""
    return _WORD.findall(text)


def is_sponsored(raw: str) -> bool:
    """Raw export markup from LinkedIn's sponsored-mail editor."""
    return SPONSORED_MARK in raw
