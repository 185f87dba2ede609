"""How people are keyed: a normalised LinkedIn profile URL, or a name when no URL is known."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

_PROFILE_PATH = re.compile(r"^/in/([^/?#]+)")
_UNSAFE = re.compile(r"[\s\x00-\x20\x7f-\x9f]")  # any Unicode space too (U+2028, U+3000)
_CREDENTIALS = re.compile(r",.*$")
_NON_WORD = re.compile(r"[^\w\s'-]+")
_SPACES = re.compile(r"\s+")


def normalise_url(raw: str | None) -> str | None:
    """``https://www.linkedin.com/in/<slug>`` for any spelling of a profile URL, else None.

    Scheme and host are lower-cased, a missing scheme is added (endorsement files omit it), query,
    fragment and trailing slash are dropped, and the slug is kept as written (percent-encoding
    included): it is what joins the export's files, and people's stored URLs keep the first spelling
    seen. Slugs are compared without regard to case (:func:`url_key`). Only ``linkedin.com`` and its
    subdomains are LinkedIn (``notlinkedin.com`` is not); anything malformed, with credentials, a
    port, whitespace or control characters, is not a key (never an exception). The bare placeholder
    ``https://www.linkedin.com/in`` of some 2023 exports has no slug and is not a key. Idempotent.
    """
    if not raw:
        return None
    value = raw.strip()
    if not value or _UNSAFE.search(value):
        return None
    if "://" not in value:
        value = "https://" + value.lstrip("/")
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. an unbalanced "[" reads as a broken IPv6 host
        return None
    if parts.scheme.lower() not in ("http", "https"):
        return None
    host = parts.netloc.lower()
    if "@" in host or (host != "linkedin.com" and not host.endswith(".linkedin.com")):
        return None
    match = _PROFILE_PATH.match(parts.path)
    if not match:
        return None
    slug = match.group(1)
    return f"https://www.linkedin.com/in/{slug}"


def url_key(url: str) -> str:
    """What two spellings of one normalised profile URL share: LinkedIn slugs ignore letter case."""
    return url.casefold()


def full_name(first: str | None, last: str | None) -> str:
    return " ".join(part.strip() for part in (first or "", last or "") if part and part.strip())


def name_key(name: str) -> str:
    """A forgiving key for matching names: no accents, case, credentials after a comma, or emoji."""
    base = _CREDENTIALS.sub("", name)
    base = unicodedata.normalize("NFKD", base)
    base = "".join(ch for ch in base if not unicodedata.combining(ch))
    base = _NON_WORD.sub(" ", base.casefold())
    return _SPACES.sub(" ", base).strip()
