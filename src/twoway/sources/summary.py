"""What one import of mail, a calendar or an address book did, in words and for programs."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

MAX_PROBLEMS = 10


@dataclass
class SourceSummary:
    source: str = ""  # mail | calendar | contacts
    archive: str = ""
    import_id: int = 0
    owner_id: int = 0
    owner_name: str = ""
    owner_emails: dict[str, str] = field(default_factory=dict)  # address -> how it is known to be the owner's
    files: list[dict[str, Any]] = field(default_factory=list)
    people_added: int = 0
    people_matched: dict[str, int] = field(default_factory=dict)  # reason -> people found by it
    interactions_added: int = 0
    emails_added: int = 0
    meetings_added: int = 0
    automated_kept_apart: int = 0
    contacts_added: int = 0
    suggestions_added: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def skip(self, reason: str, count: int = 1) -> None:
        if count:
            self.skipped[reason] = self.skipped.get(reason, 0) + count

    def matched(self, reason: str) -> None:
        self.people_matched[reason] = self.people_matched.get(reason, 0) + 1

    def problem(self, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(message)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        out = [f"Imported {self.source} {self.archive} for {self.owner_name} (import #{self.import_id})."]
        if self.owner_emails:
            used = ", ".join(f"{email} ({why})" for email, why in sorted(self.owner_emails.items()))
            out.append(f"Your addresses: {used}")
        out.append(f"People added: {self.people_added:,}")
        if self.source == "mail":
            out.append(f"E-mails added: {self.emails_added:,} ({self.automated_kept_apart:,} newsletters, "
                       "mailing lists and automated mail kept apart)")
        elif self.source == "calendar":
            out.append(f"Meetings added: {self.meetings_added:,} (one line per attendee; a recurring series "
                       "counts at most once a month)")
        else:
            out.append(f"Address-book cards added: {self.contacts_added:,}")
        if self.people_matched:
            out.append("Matched to people already known: " + ", ".join(
                f"{why}: {n:,}" for why, n in sorted(self.people_matched.items())))
        if self.suggestions_added:
            out.append(f"Likely the same person, for you to confirm (`twoway merge`): {self.suggestions_added:,}")
        if self.skipped:
            out.append("Skipped: " + ", ".join(f"{why}: {n:,}" for why, n in sorted(self.skipped.items())))
        out.extend(f"  {p}" for p in self.problems)
        out.append(f"Time taken: {self.seconds:.1f} s")
        return out
