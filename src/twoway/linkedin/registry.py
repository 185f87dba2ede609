"""Finding or creating the person behind a row: by profile URL, else by name with a low-confidence mark.

People are shared by every owner in the database (a team's graphs meet on them), keyed by the
normalised profile URL. A name alone (pre-2023 connections, recommendations, old messages) is
matched only among the people this owner already knows, and only when it is unambiguous;
otherwise a new person is created and marked low-confidence. When a URL later turns up for a
name-only person (a newer export), that person gets the URL instead of a duplicate being made.
Profile URLs are matched without regard to letter case (``identity.url_key``); a person keeps the
spelling first stored, and :meth:`PeopleIndex.spelling` gives every part of an import that spelling.
"""

from __future__ import annotations

from functools import lru_cache

from twoway.identity import name_key as _name_key
from twoway.identity import normalise_url, url_key
from twoway.linkedin.bulk import Bulk

_INSERT = (
    "INSERT INTO people (url, name_key, first_name, last_name, full_name, company, position, "
    "low_confidence, source_id, created_at) VALUES (:url, :name_key, :first_name, :last_name, :full_name, "
    ":company, :position, :low_confidence, :source_id, :created_at)"
)


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    return _name_key(name)


_PROFILE_PREFIX = "https://www.linkedin.com/in/"


def profile_url(raw: str) -> str | None:
    """:func:`twoway.identity.normalise_url`, with a shortcut for the canonical form LinkedIn writes."""
    if raw.startswith(_PROFILE_PREFIX):
        slug = raw[len(_PROFILE_PREFIX):]
        if slug and slug.isprintable() and " " not in slug and "/" not in slug and "?" not in slug \
                and "#" not in slug:
            return raw
    return normalise_url(raw)


def _split(full: str) -> tuple[str, str]:
    first, _, last = full.strip().partition(" ")
    return first, last


class PeopleIndex:
    def __init__(self, bulk: Bulk, owner_id: int | None, source_id: int | None, created_at: str) -> None:
        self.bulk = bulk
        self.source_id = source_id
        self.created_at = created_at
        # url_key -> person id, and url_key -> the spelling stored (or first seen in this import).
        self.by_url: dict[str, int] = {}
        self.spellings: dict[str, str] = {}
        for pid, url in bulk.rows("SELECT id, url FROM people WHERE url IS NOT NULL ORDER BY id"):
            key = url_key(url)
            self.by_url.setdefault(key, pid)
            self.spellings.setdefault(key, url)
        self.known_names: dict[str, list[int]] = {}
        self.name_only: dict[str, list[int]] = {}
        self.created = 0
        if owner_id is not None:
            self.load_owner(owner_id)

    def spelling(self, url: str | None) -> str | None:
        """The one spelling this database (or import) uses for ``url`` (a normalised URL)."""
        if url is None:
            return None
        return self.spellings.setdefault(url_key(url), url)

    def load_owner(self, owner_id: int) -> None:
        """Index by name the people this owner already has ties to."""
        rows = self.bulk.rows(
            "SELECT id, name_key, url FROM people WHERE id IN ("
            " SELECT person_id FROM connections WHERE owner_id = :o"
            " UNION SELECT cm.person_id FROM conversation_members cm"
            "   JOIN conversations c ON c.id = cm.conversation_id WHERE c.owner_id = :o"
            " UNION SELECT person_id FROM endorsements WHERE owner_id = :o"
            " UNION SELECT person_id FROM recommendations WHERE owner_id = :o"
            " UNION SELECT person_id FROM invitations WHERE owner_id = :o AND person_id IS NOT NULL"
            " UNION SELECT person_id FROM owners WHERE id = :o AND person_id IS NOT NULL)",
            {"o": owner_id},
        )
        for pid, key, url in rows:
            self._remember_name(key, pid, url is None)

    def _remember_name(self, key: str, pid: int, name_only: bool) -> None:
        ids = self.known_names.setdefault(key, [])
        if pid not in ids:
            ids.append(pid)
        if name_only:
            only = self.name_only.setdefault(key, [])
            if pid not in only:
                only.append(pid)

    def _create(self, url: str | None, full: str, first: str, last: str, *,
                company: str = "", position: str = "") -> int:
        key = name_key(full)
        pid = self.bulk.insert_id(_INSERT, {
            "url": url, "name_key": key, "first_name": first or None, "last_name": last or None,
            "full_name": full, "company": company or None,
            "position": position or None, "low_confidence": 0 if url else 1,
            "source_id": self.source_id, "created_at": self.created_at,
        })
        self.created += 1
        if url:
            self.by_url[url_key(url)] = pid
        self._remember_name(key, pid, url is None)
        return pid

    def create_named(self, full: str) -> int:
        """A new low-confidence person known only by name (never matched to anyone)."""
        first, last = _split(full)
        return self._create(None, full, first, last)

    def with_url(self, url: str, full: str, first: str = "", last: str = "", *,
                 company: str = "", position: str = "") -> int:
        """The person with this (normalised) profile URL, created if new."""
        key = url_key(url)
        pid = self.by_url.get(key)
        if pid is not None:
            return pid
        url = self.spellings.setdefault(key, url)
        if not full:
            full = url.rsplit("/", 1)[-1]
        if not first and not last:
            first, last = _split(full)
        nkey = name_key(full)
        candidates = self.name_only.get(nkey, [])
        if len(candidates) == 1 and self.known_names.get(nkey) == candidates:
            # A name-only person this owner knew gets their URL now (an older export met a newer one).
            pid = candidates.pop()
            self.bulk.run("UPDATE people SET url = :url, low_confidence = 0 WHERE id = :id AND url IS NULL",
                          {"url": url, "id": pid})
            self.by_url[key] = pid
            return pid
        return self._create(url, full, first, last, company=company, position=position)

    def match_name(self, full: str, *, exclude: set[int] | None = None) -> int | None:
        """The one known person with this name (not among ``exclude``), else None."""
        key = name_key(full)
        ids = [i for i in self.known_names.get(key, []) if not exclude or i not in exclude]
        if len(ids) == 1:
            return ids[0]
        # Several people share the name: a name-only person made for it before is the one meant.
        only = [i for i in self.name_only.get(key, []) if not exclude or i not in exclude]
        return only[0] if len(only) == 1 else None

    def with_name(self, full: str, first: str = "", last: str = "", *, exclude: set[int] | None = None,
                  company: str = "", position: str = "") -> int:
        """The known person with this name, or a new low-confidence one."""
        pid = self.match_name(full, exclude=exclude)
        if pid is not None:
            return pid
        if not first and not last:
            first, last = _split(full)
        return self._create(None, full, first, last, company=company, position=position)
