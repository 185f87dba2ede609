"""What every part of one import shares: the connection, the owner, the people index, the summary."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from twoway.identity import url_key
from twoway.linkedin.bulk import Bulk
from twoway.linkedin.registry import PeopleIndex, name_key
from twoway.linkedin.summary import ImportSummary


@dataclass
class ImportContext:
    bulk: Bulk
    people: PeopleIndex
    summary: ImportSummary
    import_id: int
    owner_id: int
    owner_name: str
    owner_url: str | None
    owner_person_id: int | None
    created_at: str
    source_id: int = 0
    # Every name key and URL the owner appears under in this export's messages.
    owner_keys: frozenset[str] = frozenset()
    owner_urls: frozenset[str] = frozenset()
    # Whether the member confirmed a suspicious import (`--yes`), and the share of connections (percent) a
    # newer export may mark removed without it.
    confirmed: bool = False
    max_removed_percent: float = 20.0

    @property
    def owner_key(self) -> str:
        return name_key(self.owner_name)

    def is_owner(self, url: str | None, name: str) -> bool:
        """Whether a sender/recipient is the owner: by URL when both are known, else by name."""
        if url:
            if url_key(url) in self.owner_url_keys:
                return True
            if self.owner_url and not self.owner_keys:
                return False
        return bool(name) and (name_key(name) == self.owner_key or name_key(name) in self.owner_keys)

    @cached_property
    def owner_url_keys(self) -> frozenset[str]:
        """The owner's profile URLs in this export, each as its case-insensitive key."""
        found = {url_key(u) for u in (*self.owner_urls, *([self.owner_url] if self.owner_url else []))}
        return frozenset(k for k in found if k)
