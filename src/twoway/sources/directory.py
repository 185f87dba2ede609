"""People found by e-mail address, profile URL or card: exact matches merge by themselves, with the reason
recorded (``person_emails.reason``); likely ones (the same name among the owner's connections) become
``merge_suggestions`` for the owner to confirm.

People met only in mail or a calendar are people without a connection: they count for strength and
introductions, never for the rotation (which reads ``connections``).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from twoway.identity import name_key, url_key
from twoway.sources.addresses import name_from_email, normalise_email
from twoway.sources.fold import FROM_CONNECTIONS, fold_person
from twoway.sources.summary import SourceSummary


class Directory:
    def __init__(self, conn: Connection, owner_id: int, source_id: int | None, created_at: str,
                 summary: SourceSummary) -> None:
        self.conn = conn
        self.owner_id = owner_id
        self.source_id = source_id
        self.created_at = created_at
        self.summary = summary
        # Addresses are each member's own: one member's mail never lands on a person by another's address book.
        self.by_email: dict[str, int] = {str(e): int(p) for p, e in conn.execute(
            text("SELECT person_id, email FROM person_emails WHERE owner_id = :o"), {"o": owner_id})}
        self.from_people: dict[str, int] = {}
        for pid, raw in conn.execute(text("SELECT person_id, email FROM connections WHERE owner_id = :o "
                                          "AND email IS NOT NULL ORDER BY person_id"), {"o": owner_id}):
            for part in str(raw).replace(";", ",").split(","):
                email = normalise_email(part)
                if email and email not in self.by_email:
                    self.from_people.setdefault(email, int(pid))
        self.by_url: dict[str, int] = {}
        for pid, url in conn.execute(text("SELECT id, url FROM people WHERE url IS NOT NULL ORDER BY id")):
            self.by_url.setdefault(url_key(str(url)), int(pid))
        # The owner's connections by name key, with their company: where likely matches are looked for.
        self.connected: dict[str, list[tuple[int, str]]] = {}
        for pid, key, company in conn.execute(text(
                "SELECT p.id, p.name_key, p.company FROM people p JOIN connections c ON c.person_id = p.id "
                "WHERE c.owner_id = :o ORDER BY p.id"), {"o": owner_id}):
            self.connected.setdefault(str(key), []).append((int(pid), str(company or "")))

    def known(self, email: str) -> int | None:
        """The person this address belongs to, if anyone (an address in Connections.csv is recorded now)."""
        pid = self.by_email.get(email)
        if pid is None and email in self.from_people:
            pid = self.from_people.pop(email)
            self._record(pid, email, FROM_CONNECTIONS)
            self.summary.matched(FROM_CONNECTIONS)
        return pid

    def find(self, email: str, name: str, reason: str) -> int:
        """The person with this address, or a new person (no connection) known by it for ``reason``."""
        pid = self.known(email)
        if pid is not None:
            return pid
        pid = self.create(name or name_from_email(email))
        self._record(pid, email, reason)
        return pid

    def create(self, full: str, *, url: str | None = None, company: str = "", position: str = "") -> int:
        """A new person; their addresses are the owner's to record (:meth:`attach`), never on the shared row."""
        first, _, last = full.strip().partition(" ")
        pid = int(self.conn.execute(text(
            "INSERT INTO people (url, name_key, first_name, last_name, full_name, company, position, "
            "low_confidence, source_id, created_at) VALUES (:u, :k, :f, :l, :n, :c, :p, :lc, :s, :t) "
            "RETURNING id"), {
                "u": url, "k": name_key(full), "f": first or None, "l": last or None, "n": full,
                "c": company or None, "p": position or None, "lc": 0 if url else 1, "s": self.source_id,
                "t": self.created_at}).scalar_one())
        if url:
            self.by_url[url_key(url)] = pid
        self.summary.people_added += 1
        return pid

    def attach(self, pid: int, email: str, reason: str) -> None:
        """Give ``pid`` this address; a mail-only person who had it is merged into ``pid``."""
        holder = self.known(email)
        if holder is None:
            self._record(pid, email, reason)
        elif holder != pid and not self.merge(pid, holder, reason):
            self.suggest(pid, holder, f"both have {email}")

    def merge(self, keep: int, gone: int, reason: str) -> bool:
        """Fold a person known only from mail or calendars into ``keep`` (recorded, so it can be undone); False
        when ``gone`` is more than that."""
        if fold_person(self.conn, keep, gone, reason, owner_id=self.owner_id) is None:
            return False
        for email, pid in list(self.by_email.items()):
            if pid == gone:
                self.by_email[email] = keep
        self.summary.matched(reason)
        return True

    def likely(self, pid: int, full: str, company: str = "") -> None:
        """A person new to this owner who shares a name (and maybe a company) with a connection: a suggestion for
        the owner to confirm, never a merge. Name variants meet through ``identity.name_key`` (accents, case,
        credentials after a comma)."""
        for other, their_company in self.connected.get(name_key(full), []):
            if other != pid:
                same_company = company and name_key(company) == name_key(their_company)
                self.suggest(other, pid, "same name and company" if same_company else "same name")

    def suggest(self, pid: int, other: int, reason: str) -> None:
        added = self.conn.execute(text(
            "INSERT INTO merge_suggestions (owner_id, person_id, other_id, reason, created_at) "
            "VALUES (:o, :p, :q, :r, :t) ON CONFLICT DO NOTHING"),
            {"o": self.owner_id, "p": pid, "q": other, "r": reason, "t": self.created_at}).rowcount
        self.summary.suggestions_added += max(int(added), 0)

    def _record(self, pid: int, email: str, reason: str) -> None:
        self.conn.execute(text(
            "INSERT INTO person_emails (owner_id, person_id, email, reason, source_id, created_at) "
            "VALUES (:o, :p, :e, :r, :s, :t) ON CONFLICT DO NOTHING"),
            {"o": self.owner_id, "p": pid, "e": email, "r": reason, "s": self.source_id, "t": self.created_at})
        self.by_email[email] = pid

