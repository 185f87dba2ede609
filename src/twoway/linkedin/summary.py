"""What one import did, for the person who ran it and for programs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

MAX_PROBLEMS = 10
#: Reasons that begin so are rows kept without a bad field (counted apart from the rows skipped).
KEPT = "kept: "
KEPT_NO_URL = KEPT + "unreadable profile URL left out"
KEPT_NO_DATE = KEPT + "unreadable date left out"
KEPT_CONTROL = KEPT + "control characters removed"


def rows_skipped(reasons: Mapping[str, int]) -> int:
    """How many rows were left out, from a file's counts by reason; rows kept without a bad field are not."""
    return sum(count for reason, count in reasons.items() if not reason.startswith(KEPT))


@dataclass
class ImportSummary:
    import_id: int = 0
    owner_id: int = 0
    owner_name: str = ""
    exported_on: str | None = None
    archive: str = ""
    people_added: int = 0
    connections_added: int = 0
    connections_removed: int = 0
    connections_total: int = 0
    date_only_rows: int = 0
    messages_added: int = 0
    sponsored_messages: int = 0
    group_messages: int = 0
    invitations_added: int = 0
    endorsements_added: int = 0
    recommendations_added: int = 0
    contacts_added: int = 0
    positions_added: int = 0
    job_changes: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    files: list[dict[str, Any]] = field(default_factory=list)
    older_than_previous: bool = False
    owner_found_by: str = ""
    ignored_files: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def skip(self, reason: str, count: int = 1) -> None:
        if not count:
            return
        if reason.startswith(KEPT):
            what = reason[len(KEPT):]
            self.kept[what] = self.kept.get(what, 0) + count
        else:
            self.skipped[reason] = self.skipped.get(reason, 0) + count

    def problem(self, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(message)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        """The summary in words, one fact per line."""
        when = f" exported {self.exported_on}" if self.exported_on else ""
        out = [f"Imported {self.archive}{when} for {self.owner_name} (import #{self.import_id})."]
        if self.older_than_previous:
            out.append("This export is older than one imported before: nothing was marked removed "
                       "and newer details were kept.")
        if self.owner_found_by:
            out.append(f"Owner: {self.owner_name}, {self.owner_found_by}")
        if self.ignored_files:
            out.append(f"Ignored beside Connections.csv: {', '.join(self.ignored_files)}")
        out += [
            f"People added: {self.people_added:,}",
            f"Connections: {self.connections_total:,} in this export, {self.connections_added:,} new, "
            f"{self.connections_removed:,} no longer there (marked removed)",
            f"Job changes: {self.job_changes:,}",
            f"Messages added: {self.messages_added:,} "
            f"({self.group_messages:,} in group chats; {self.sponsored_messages:,} sponsored or system messages "
            "kept apart)",
            f"Invitations added: {self.invitations_added:,}",
            f"Endorsements added: {self.endorsements_added:,}; recommendations added: "
            f"{self.recommendations_added:,}; address-book contacts added: {self.contacts_added:,}",
        ]
        if self.date_only_rows:
            out.append(f"Connections without name or profile (hidden by the member): {self.date_only_rows:,} "
                       "counted, not imported")
        if self.skipped:
            parts = ", ".join(f"{reason}: {count:,}" for reason, count in sorted(self.skipped.items()))
            out.append(f"Rows skipped: {parts}")
        if self.kept:
            parts = ", ".join(f"{reason}: {count:,}" for reason, count in sorted(self.kept.items()))
            out.append(f"Rows kept without a bad field: {parts}")
        out.extend(f"  {p}" for p in self.problems)
        out.append(f"Time taken: {self.seconds:.1f} s")
        return out
