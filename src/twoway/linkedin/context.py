"""What every part of one import shares: the connection, the owner, the people index, the summary."""

from __future__ import annotations

from dataclasses import dataclass

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

    @property
    def owner_key(self) -> str:
        return name_key(self.owner_name)

    def is_owner(self, url: str | None, name: str) -> bool:
        """Whether a sender/recipient is the owner: by URL when both are known, else by name."""
        if url and self.owner_url:
            return url_key(url) == url_key(self.owner_url)
        return bool(name) and name_key(name) == self.owner_key
