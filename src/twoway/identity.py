"""How people are keyed: a normalised LinkedIn profile URL, or a name when no URL is known."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

_PROFILE_PATH = re.compile(r"^/in/([^/?#]+)")
_CREDENTIALS = re.compile(r",.*$")
_NON_WORD = re.compile(r"[^\w\s'-]+")
_SPACES = re.compile(r"\s+")


def normalise_url(raw: str | None) -> str | None:
    """``https://www.linkedin.com/in/<slug>`` for any spelling of a profile URL, else None.

    Scheme and host are lower-cased, a missing scheme is added (endorsement files omit it), query,
    fragment and trailing slash are dropped, and the slug is kept as written (percent-encoding
    included) because it is what joins the export's files. The bare placeholder
    ``https://www.linkedin.com/in`` of some 2023 exports has no slug and is not a key.
    """
    if not raw:
        return None
    value = raw.strip()
    if not value:
        return None
    if "://" not in value:
        value = "https://" + value.lstrip("/")
    parts = urlsplit(value)
    host = parts.netloc.lower()
    if not host.endswith("linkedin.com"):
        return None
    match = _PROFILE_PATH.match(parts.path)
    if not match:
        return None
    slug = match.group(1)
    return f"https://www.linkedin.com/in/{slug}"


def full_name(first: str | None, last: str | None) -> str:
    return " ".join(part.strip() for part in (first or "", last or "") if part and part.strip())


def name_key(name: str) -> str:
    """A forgiving key for matching names: no accents, case, credentials after a comma, or emoji."""
    base = _CREDENTIALS.sub("", name)
    base = unicodedata.normalize("NFKD", base)
    base = "".join(ch for ch in base if not unicodedata.combining(ch))
    base = _NON_WORD.sub(" ", base.casefold())
    return _SPACES.sub(" ", base).strip()
