"""Substring search with LIKE that means what the user typed.

``%`` and ``_`` are LIKE wildcards: a search for "50%" or "a_b" must find those characters, not
everything. The pattern escapes them with a backslash, and every LIKE using it says
``ESCAPE '\\'`` (SQLite and PostgreSQL both honour it).
"""

from __future__ import annotations

#: Append to ``column LIKE :param`` when the parameter comes from :func:`contains`.
ESCAPE = " ESCAPE '\\'"


def contains(text: str) -> str:
    """The LIKE pattern that matches any value containing ``text`` literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
