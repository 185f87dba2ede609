"""Is this text a sales pitch or spam? Signals in words, for invitation notes and messages alike.

Each signal is a short key naming what was seen (``sales_offer``, ``call_to_book``, ``link``...), so
callers can show why and tests can check which rule fired. A single soft phrase ("opportunity")
is not a pitch; :func:`is_pitch` answers only when a strong signal or two soft ones are present.
"""

from __future__ import annotations

import re

# Strong: one is enough. Each pattern is matched case-insensitively on word boundaries.
_STRONG: dict[str, tuple[str, ...]] = {
    "call_to_book": (
        r"book (?:a|an|your) (?:quick |short |free |brief )?(?:call|demo|meeting|chat|slot)",
        r"schedule (?:a|an) (?:quick |short |free |brief )?(?:call|demo|meeting)",
        r"hop on a (?:quick )?(?:call|zoom)",
        r"(?:\d+|fifteen|ten|twenty)[- ]min(?:ute)?s?(?: call| chat| meeting| of your time)",
        r"calendly", r"grab (?:a|some) time on my calendar",
    ),
    "sales_offer": (
        r"(?:our|my) (?:services|solutions?|agency|platform|software|product|offer(?:ing)?)\b",
        r"we help (?:companies|businesses|brands|founders|agencies|teams|firms|you)",
        r"i help (?:companies|businesses|brands|founders|agencies|coaches|b2b)",
        r"(?:generate|get) (?:more )?(?:leads|clients|customers|sales)",
        r"lead generation", r"grow your (?:business|revenue|sales|brand|agency)",
        r"(?:increase|boost|double|triple) your (?:revenue|sales|roi|leads|profits?|traffic|conversions?)",
        r"free (?:trial|audit|consultation|demo|quote)", r"special (?:offer|price|discount)",
        r"\d+ ?% (?:off|discount)", r"outsourc(?:e|ing)", r"white[- ]label",
        r"seo services", r"web (?:design|development) services",
    ),
    "money_scheme": (
        r"passive income", r"crypto(?:currency)?", r"forex", r"bitcoin", r"investment opportunity",
        r"guaranteed (?:returns?|profits?|income)", r"work from home and earn", r"make money",
        r"financial freedom", r"\bmlm\b",
    ),
    "off_platform": (
        r"whats ?app", r"telegram", r"text me at", r"\bwechat\b",
        r"(?:e-?mail|contact) me (?:at|on) \S+@\S+",
    ),
}

# Soft: two together make a pitch.
_SOFT: dict[str, tuple[str, ...]] = {
    "sales_words": (
        r"\bopportunit(?:y|ies)\b", r"\broi\b", r"\bscale\b", r"\bpartnership\b", r"\bclients?\b",
        r"\bpricing\b", r"\bdemo\b", r"\bsolution\b", r"\bleads\b", r"\brevenue\b", r"\bsynerg(?:y|ies)\b",
    ),
    "urgency": (r"limited time", r"act now", r"don'?t miss", r"only \d+ (?:spots|places|seats)", r"\burgent\b"),
    "dm_me": (r"\bdm me\b", r"\bmessage me\b", r"\bping me\b", r"\binbox me\b"),
}

_LINK = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|io|co|net|org|ly|me|ai|app)(?:/\S*)?\b", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")


def _compile(table: dict[str, tuple[str, ...]]) -> dict[str, re.Pattern[str]]:
    return {key: re.compile("|".join(f"(?:{p})" for p in patterns), re.I) for key, patterns in table.items()}


_STRONG_RE = _compile(_STRONG)
_SOFT_RE = _compile(_SOFT)


def links(text: str) -> list[str]:
    """Web addresses and e-mail addresses in the text, as written."""
    return [m.group(0) for m in _LINK.finditer(text)] + [m.group(0) for m in _EMAIL.finditer(text)]


def signals(text: str | None) -> list[str]:
    """Every pitch or spam signal seen, strong or soft, plus ``link`` for web or e-mail addresses."""
    if not text or not text.strip():
        return []
    found = [key for key, rx in _STRONG_RE.items() if rx.search(text)]
    found += [key for key, rx in _SOFT_RE.items() if rx.search(text)]
    if links(text):
        found.append("link")
    return found


def is_pitch(text: str | None) -> list[str]:
    """The signals that make this text a pitch, or an empty list when it is not one.

    A pitch has a strong signal, or two soft ones (a link counts as soft here: people share
    links to their own talks and papers too).
    """
    seen = signals(text)
    strong = [s for s in seen if s in _STRONG_RE]
    soft = [s for s in seen if s not in _STRONG_RE]
    if strong:
        return seen
    if len(soft) >= 2:
        return seen
    return []
