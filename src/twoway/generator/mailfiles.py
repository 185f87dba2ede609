"""Mail and calendar files as the programs that export them write them: mbox (``From `` lines, RFC 5322 headers,
encoded-word names through the standard library) and iCalendar (through ``icalendar``, the library the calendars
source reads with)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, formataddr
from pathlib import Path
from typing import Any, Protocol

from icalendar import Calendar, Event, vCalAddress, vRecur


@dataclass(frozen=True)
class Mail:
    sender: str
    sender_name: str
    to: str
    to_name: str
    at: int
    subject: str
    body: str
    nonce: int  # makes the Message-ID
    reply_to: str = ""  # the Message-ID answered
    list_id: str = ""  # a mailing list's (newsletters)
    automated: bool = False  # Auto-Submitted (no-reply notices)

    @property
    def message_id(self) -> str:
        return f"<{self.nonce:012x}.{self.at}@mail.demo.example>"


class Someone(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def email(self) -> str: ...


def _address(name: str, email: str) -> str:
    return formataddr((name, email))  # a name beyond ASCII becomes an RFC 2047 encoded word


def _one(m: Mail) -> str:
    when = datetime.fromtimestamp(m.at, UTC)
    lines = [f"From {m.sender} {when:%a %b %d %H:%M:%S %Y}", f"From: {_address(m.sender_name, m.sender)}",
             f"To: {_address(m.to_name, m.to)}", f"Subject: {m.subject}", f"Date: {format_datetime(when)}",
             f"Message-ID: {m.message_id}"]
    if m.reply_to:
        lines += [f"In-Reply-To: {m.reply_to}", f"References: {m.reply_to}"]
    if m.list_id:
        lines += [f"List-Id: <{m.list_id}>", "Precedence: bulk", f"List-Unsubscribe: <mailto:leave@{m.list_id}>"]
    if m.automated:
        lines.append("Auto-Submitted: auto-generated")
    lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
              "", m.body, "", ""]
    return "\n".join(lines)


def write_mbox(path: Path, mails: list[Mail]) -> None:
    """One mbox file, oldest message first (bodies never start a line with ``From ``)."""
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for m in sorted(mails, key=lambda m: m.at):
            f.write(_one(m))


def _attendee(p: Someone, answer: str) -> vCalAddress:
    who = vCalAddress(f"mailto:{p.email}")
    who.params["cn"] = p.name
    who.params["partstat"] = answer
    who.params["role"] = "REQ-PARTICIPANT"
    return who


def write_calendar(path: Path, events: list[dict[str, Any]], owner: Someone) -> None:
    """An .ics of the owner's events: the owner organises and attends each; ``declined`` is the owner's answer,
    ``cancelled`` the event's status, ``weekly`` a series with no end."""
    cal = Calendar()
    cal.add("prodid", "-//twoway demo//EN")
    cal.add("version", "2.0")
    for e in events:
        ev = Event()
        start = datetime.fromtimestamp(int(e["at"]), UTC)
        ev.add("uid", str(e["uid"]))
        ev.add("summary", str(e["summary"]))
        ev.add("dtstamp", start)
        ev.add("dtstart", start)
        ev.add("dtend", start + timedelta(minutes=30 if e.get("weekly") else 60))
        organiser = vCalAddress(f"mailto:{owner.email}")
        organiser.params["cn"] = owner.name
        ev.add("organizer", organiser)
        ev.add("attendee", _attendee(owner, "DECLINED" if e.get("declined") else "ACCEPTED"))
        for person, answer in e["attendees"]:
            ev.add("attendee", _attendee(person, answer))
        if e.get("cancelled"):
            ev.add("status", "CANCELLED")
        if e.get("weekly"):
            ev.add("rrule", vRecur(freq="WEEKLY"))
        cal.add_component(ev)
    path.write_bytes(cal.to_ical())
