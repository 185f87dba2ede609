"""E-mail addresses as sources write them: ``"Ann Lee" <Ann@Example.com>``, encoded words, lists of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.header import decode_header, make_header
from email.utils import getaddresses

_VALID = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+$")
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)


@dataclass(frozen=True)
class Address:
    email: str
    name: str


def normalise_email(raw: str | None) -> str | None:
    """The lower-cased address, without ``mailto:`` or angle brackets; None when it is not an address."""
    if not raw:
        return None
    value = _MAILTO.sub("", raw.strip()).strip("<> \t").lower()
    return value if _VALID.match(value) else None


def decode_words(raw: str) -> str:
    """A header's text with its encoded words (``=?utf-8?q?...?=``) decoded; unknown charsets kept as written."""
    if "=?" not in raw:
        return raw.strip()
    try:
        return str(make_header(decode_header(raw))).strip()
    except (LookupError, ValueError, UnicodeDecodeError):
        return raw.strip()


def parse_addresses(*values: str | None) -> list[Address]:
    """Every readable address in these header values, once each, in order."""
    out: dict[str, Address] = {}
    for value in values:
        if not value:
            continue
        for name, email in getaddresses([str(value)]):
            key = normalise_email(email)
            if key and key not in out:
                out[key] = Address(key, decode_words(name).strip("'\" "))
    return list(out.values())


def name_from_email(email: str) -> str:
    """A stand-in name for someone known only by address: ``ann.lee@x.com`` → ``Ann Lee``."""
    local = email.split("@", 1)[0]
    parts = [p for p in re.split(r"[._\-+]+", local) if p and not p.isdigit()]
    return " ".join(p.capitalize() for p in parts) or email
