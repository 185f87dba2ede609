"""vCard 2.1, 3.0 and 4.0 cards: folded lines, quoted-printable values (2.1) in their own charset, escapes (3.0+).

Only what finds a person is read: names, e-mail addresses, organisation, title and web addresses.
"""

from __future__ import annotations

import quopri
import re
from dataclasses import dataclass, field

from twoway.errors import InputError
from twoway.identity import full_name

_ESCAPES = re.compile(r"\\([\\,;nN])")


@dataclass
class Card:
    line: int  # where the card starts, for messages about it
    name: str = ""
    emails: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    company: str = ""
    title: str = ""


def decode_bytes(data: bytes) -> tuple[str, str]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _unescape(value: str) -> str:
    return _ESCAPES.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Physical lines joined: folding (a leading space or tab) and 2.1's quoted-printable soft breaks."""
    out: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        if out and raw[:1] in (" ", "\t"):
            out[-1] = (out[-1][0], out[-1][1] + raw[1:])
        elif out and out[-1][1].endswith("=") and "QUOTED-PRINTABLE" in out[-1][1].split(":", 1)[0].upper():
            out[-1] = (out[-1][0], out[-1][1][:-1] + raw.lstrip())
        elif raw.strip():
            out.append((number, raw))
    return out


def _property(line: str) -> tuple[str, dict[str, str], str] | None:
    left, sep, value = line.partition(":")
    if not sep:
        return None
    parts = left.split(";")
    name = parts[0].rsplit(".", 1)[-1].upper()  # "item1.EMAIL" is EMAIL
    params: dict[str, str] = {}
    for p in parts[1:]:
        key, eq, val = p.partition("=")
        params[key.upper() if eq else "TYPE"] = val.strip('"') if eq else key
        if not eq and key.upper() in ("QUOTED-PRINTABLE", "BASE64", "B"):
            params["ENCODING"] = key
    encoding = params.get("ENCODING", "").upper()
    if encoding in ("BASE64", "B"):
        return None  # photos and keys: never needed
    if encoding == "QUOTED-PRINTABLE":
        raw = quopri.decodestring(value.encode("latin-1", "replace"))
        try:
            value = raw.decode(params.get("CHARSET", "utf-8"), "replace")
        except LookupError:
            value = raw.decode("latin-1")
        return name, params, value
    return name, params, value


def read_cards(text: str, file: str) -> list[Card]:
    cards: list[Card] = []
    card: Card | None = None
    given = family = ""
    for number, line in _logical_lines(text):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if card is not None:
                raise InputError(f"a card begins before the one from line {card.line} ends", file=file, line=number)
            card, given, family = Card(number), "", ""
            continue
        if upper == "END:VCARD":
            if card is None:
                raise InputError("END:VCARD without BEGIN:VCARD", file=file, line=number)
            if not card.name:
                card.name = full_name(given, family) or card.company
            cards.append(card)
            card = None
            continue
        if card is None:
            continue
        prop = _property(line)
        if prop is None:
            continue
        name, _, value = prop
        if name == "FN":
            card.name = _unescape(value).strip()
        elif name == "N":
            parts = [_unescape(p).strip() for p in re.split(r"(?<!\\);", value)] + ["", ""]
            family, given = parts[0], parts[1]
        elif name == "EMAIL":
            card.emails.append(_unescape(value).strip())
        elif name in ("URL", "X-SOCIALPROFILE"):
            card.urls.append(_unescape(value).strip())
        elif name == "ORG":
            card.company = _unescape(re.split(r"(?<!\\);", value)[0]).strip()
        elif name == "TITLE":
            card.title = _unescape(value).strip()
    if card is not None:
        raise InputError(f"the card from line {card.line} has no END:VCARD (a truncated file?)", file=file)
    return cards
