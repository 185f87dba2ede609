"""Message bodies as the owner should read them: HTML turned into plain text, line breaks kept."""

from __future__ import annotations

import html
import re

_BREAK = re.compile(r"<br\s*/?>|</p>|</div>|</li>|</h\d>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_BLANK_RUNS = re.compile(r"\n{3,}")
SPONSORED_MARK = "spinmail"


def plain_text(raw: str) -> str:
    """``<p>Hi&nbsp;Ana,</p><p>thanks &amp; see you</p>`` → ``Hi Ana,\\nthanks & see you``.

    Tags are removed only when they look like tags, so ``a < b`` survives; entities are decoded
    last so an escaped ``&lt;p&gt;`` shows as the text ``<p>``.
    """
    text = raw
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text:
        text = _TAG.sub("", _BREAK.sub("\n", text))
        if "\n\n\n" in text:
            text = _BLANK_RUNS.sub("\n\n", text)
    if "&" in text:
        text = html.unescape(text).replace("\xa0", " ")
    return text.strip()


def is_sponsored(raw: str) -> bool:
    """LinkedIn's sponsored/InMail campaign mail is written in its 'spinmail' editor."""
    return SPONSORED_MARK in raw
