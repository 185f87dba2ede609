"""What a message asks of its reader: question / news / courtesy / pitch / automated (or empty).

`twoway.reading.read_message` is used when the checkout under test has it; until then a small keyword
classifier stands in (`fallback_kind`). The bench says which one it used.
"""

from __future__ import annotations

import html
import importlib
import re
import sys
from collections.abc import Callable
from pathlib import Path

KINDS = ("question", "news", "courtesy", "pitch", "automated", "empty")
SUBSTANTIVE = frozenset({"question", "news"})          # create an obligation to answer
NO_OBLIGATION = frozenset({"courtesy", "pitch", "automated", "empty"})

TAG = re.compile(r"<[^>]+>")
URL = re.compile(r"https?://|www\.", re.I)
EMOJI_ONLY = re.compile(r"^[\W_\s\d]*$")

AUTOMATED = re.compile(
    r"spinmail|%firstname%|unsubscribe|do not reply|no-reply|noreply|this is an automated|"
    r"you are receiving this|sponsored|linkedin (?:premium|learning|sales navigator)", re.I)
PITCH = re.compile(
    r"\b(?:our (?:services?|company|agency|platform|solution|team)|we (?:help|offer|provide|specialize)|"
    r"free (?:trial|demo|consultation|audit)|book a (?:call|demo|meeting)|schedule a (?:call|demo)|discount|"
    r"pricing|lead generation|outsourc\w*|increase your (?:sales|revenue)|grow your business|"
    r"(?:offshore|dedicated) (?:team|developers))\b", re.I)
COURTESY = re.compile(
    r"\b(?:(?:thanks?|thank you|thx)(?: (?:so|very) much)? for (?:the )?"
    r"(?:connecting|connection|accepting|add(?:ing me)?|invite|invitation|reaching out|your message|kind words|"
    r"wishes|birthday wishes)|"
    r"congrat\w* (?:on|for) (?:your|the) (?:new )?(?:role|position|job|promotion|anniversary|work anniversary)|"
    r"thanks?|thank you|thx|ty|tysm|many thanks|gracias|merci|danke|obrigad[oa]|grazie|dank je|tack|"
    r"congrat\w*|felicita\w*|felicidades|parab[eé]ns|f[eé]licitations|gl[uü]ckw[uü]nsch\w*|auguri|"
    r"happy (?:birthday|work anniversary|anniversary|new year|holidays|diwali|eid)|hbd|"
    r"feliz (?:cumplea[nñ]os|aniversario|navidad|a[nñ]o)|joyeux anniversaire|"
    r"(?:nice|great|glad|pleasure|happy) (?:to )?(?:connect\w*|be connected|meet\w*)|"
    r"welcome|ok|okay|okey|sure|noted|great|cool|perfect|awesome|you'?re welcome|no problem|"
    r"hi|hello|hey|hola|ol[aá]|bonjour|hallo|namaste|good (?:morning|afternoon|evening)|"
    r"how are you|how'?s it going|hope you(?:'re| are) (?:well|doing well))\b", re.I)
REQUEST = re.compile(
    r"\b(?:can you|could you|would you|will you|are you|do you|did you|have you|please|let me know|"
    r"looking for|interested in|would love to|i'?d like to|let'?s (?:meet|talk|catch up|connect|chat)|"
    r"send me|share (?:your|the)|help me|can i|could i|may i|puedes|podr[ií]as|pourriez|k[oö]nnten)\b", re.I)


def plain(text: str) -> str:
    """Message text without HTML tags or entities, whitespace collapsed."""
    return " ".join(html.unescape(TAG.sub(" ", text)).split())


def fallback_kind(text: str) -> str:
    """Keyword rules: courtesies and pleasantries, pitches, automated notices; '?' or a request verb is a
    question; anything else is news."""
    t = plain(text)
    if not t or EMOJI_ONLY.match(t):
        return "empty" if not t else "courtesy"
    if AUTOMATED.search(text):
        return "automated"
    words = len(t.split())
    if PITCH.search(t) or (URL.search(t) and words > 25 and "?" not in t):
        return "pitch"
    # A short message that is only pleasantries (thanks, congratulations, birthday wishes, hi, ok, how are you?).
    leftover = COURTESY.sub(" ", t)
    leftover_words = [w for w in re.split(r"[\W_]+", leftover) if len(w) > 2]
    asks = REQUEST.search(leftover)
    if words <= 25 and len(leftover_words) <= max(1, words // 4) and not asks:
        return "courtesy"
    if "?" in leftover or "¿" in leftover or asks:
        return "question"
    return "news"


def load_reader(repo: Path) -> tuple[Callable[[str], str], str]:
    """(classify, label): twoway.reading.read_message from REPO's src when it imports, else the fallback."""
    src = str(repo / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    try:
        module = importlib.import_module("twoway.reading")
        read_message = module.read_message
    except Exception as exc:  # any failure means "not there yet"
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:100]
        return fallback_kind, f"fallback keyword rules (twoway.reading unavailable: {reason})"

    def classify(text: str) -> str:
        if not plain(text):
            return "empty"
        kind = read_message(text).kind
        value = str(getattr(kind, "value", kind)).casefold()
        if value not in KINDS:
            raise SystemExit(f"twoway.reading.read_message returned kind {value!r}; the bench knows {KINDS}. "
                             "Update KINDS/SUBSTANTIVE in benchmarks/real_exports/classify.py.")
        return value

    return classify, "twoway.reading.read_message"
