"""Mail and calendar imports: speed and peak memory against the floor a user's own tools set.

    python benchmarks/bench_sources.py                                  # 500,000 messages, 20,000 events
    python benchmarks/bench_sources.py --messages 50000 --events 5000    # a quick run

Mail: a generated folder of two mbox files (Sent.mbox from the owner, Inbox.mbox to them; 2,000
correspondents; 4% mailing-list mail; one message in eight with a 30 KB attachment: about 4 KB per message
on average, 2 GB at 500,000). Targets: first import ≤ 60 s with peak memory ≤ 500 MB, re-import unchanged
≤ 10 s. The floor is the standard library's ``mailbox.mbox`` iterating both files and reading each
message's From, To and Date (what any script over the same files does at the least).

Calendar: one .ics of 20,000 events (one in twenty a weekly series over a year, with attendees), the
target ≤ 5 s; the floor is ``icalendar`` parsing the file plus ``recurring-ical-events`` expanding it.

Each figure is a fresh child process (peak RSS from getrusage of that child alone). Files are generated
under a temporary folder and deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

OWNER = "sam@example.org"
START = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)

IMPORT_MAIL = """
import sys, time
from twoway.store import open_store
from twoway.mail import import_mail
store = open_store(sys.argv[1])
started = time.perf_counter()
s = import_mail(store, sys.argv[2], owner="Sam Owner")
print(f"{time.perf_counter() - started:.2f} added={s.interactions_added}")
"""
FLOOR_MAIL = """
import mailbox, sys, time
started = time.perf_counter()
n = 0
for name in ("Sent.mbox", "Inbox.mbox"):
    for msg in mailbox.mbox(sys.argv[2] + "/" + name, create=False):
        msg["From"], msg["To"], msg["Date"]
        n += 1
print(f"{time.perf_counter() - started:.2f} messages={n}")
"""
IMPORT_ICS = """
import sys, time
from twoway.store import open_store
from twoway.calendars import import_calendar
store = open_store(sys.argv[1])
started = time.perf_counter()
s = import_calendar(store, sys.argv[2], owner="Sam Owner")
print(f"{time.perf_counter() - started:.2f} added={s.interactions_added}")
"""
FLOOR_ICS = """
import sys, time
from datetime import datetime, UTC
import icalendar, recurring_ical_events
started = time.perf_counter()
cal = icalendar.Calendar.from_ical(open(sys.argv[2], "rb").read())
n = sum(1 for _ in recurring_ical_events.of(cal).between(datetime(2000, 1, 1), datetime(2026, 12, 1)))
print(f"{time.perf_counter() - started:.2f} occurrences={n}")
"""
PEAK = ("import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr[-2000:])\n"
        "print('peak_kb', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(r.returncode)\n")


def write_mail(folder: Path, messages: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    people = [f"Person {i} <p{i}@corp{i % 97}.example>" for i in range(2000)]
    attachment = ("QUJD" * 7500 + "\n") * 1  # 30 KB of base64, one line per 76 chars below
    att_lines = "\n".join(attachment[i:i + 76] for i in range(0, len(attachment), 76))
    size = 0
    with (folder / "Sent.mbox").open("w", encoding="utf-8") as sent, \
            (folder / "Inbox.mbox").open("w", encoding="utf-8") as inbox:
        for n in range(messages):
            when = START + timedelta(minutes=n * 3)
            other = rng.choice(people)
            outgoing = rng.random() < 0.4
            listy = not outgoing and rng.random() < 0.04
            frm, to = ("Sam Owner <" + OWNER + ">", other) if outgoing else (other, "Sam Owner <" + OWNER + ">")
            head = (f"From x {when.strftime('%a %b %d %H:%M:%S %Y')}\nFrom: {frm}\nTo: {to}\n"
                    f"Date: {when.strftime('%a, %d %b %Y %H:%M:%S +0000')}\nMessage-ID: <{n}@bench>\n"
                    f"Subject: note {n}\n" + ("List-Id: <news.corp.example>\n" if listy else ""))
            if rng.random() < 0.125:
                body = (f"{head}MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b{n}\n\n--b{n}\n"
                        f"Content-Type: text/plain\n\nCould we talk on Tuesday about item {n}?\n--b{n}\n"
                        f"Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n{att_lines}\n"
                        f"--b{n}--\n\n")
            else:
                body = f"{head}\nThanks, that helps. Could we talk on Tuesday about item {n}?\n\n"
            (sent if outgoing else inbox).write(body)
            size += len(body)
    return size


def write_ics(path: Path, events: int, seed: int = 2) -> None:
    rng = random.Random(seed)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN"]
    for n in range(events):
        when = START + timedelta(hours=n * 5)
        lines += ["BEGIN:VEVENT", f"UID:{n}@bench", f"DTSTAMP:{START.strftime('%Y%m%dT%H%M%SZ')}",
                  f"DTSTART:{when.strftime('%Y%m%dT%H%M%SZ')}",
                  f"DTEND:{(when + timedelta(hours=1)).strftime('%Y%m%dT%H%M%SZ')}", f"SUMMARY:Meeting {n}",
                  f"ORGANIZER:mailto:{OWNER}", f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{OWNER}"]
        for k in range(rng.randint(1, 4)):
            lines.append(f"ATTENDEE;PARTSTAT=ACCEPTED;CN=Person {k}:mailto:p{rng.randrange(2000)}@corp.example")
        if n % 20 == 0:
            lines.append("RRULE:FREQ=WEEKLY;COUNT=52")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


def run(code: str, *args: str) -> tuple[float, str, float]:
    """Wall seconds (as the child measured them), its report, and its peak RSS in MB."""
    out = subprocess.run([sys.executable, "-c", PEAK, sys.executable, "-c", code, *args],  # noqa: S603
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"child failed:\n{out.stdout}\n{out.stderr}")
    lines = out.stdout.strip().splitlines()
    seconds, _, report = lines[0].partition(" ")
    peak_kb = int(lines[-1].split()[1])
    return float(seconds), report, peak_kb / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--messages", type=int, default=500_000)
    ap.add_argument("--events", type=int, default=20_000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="twoway-bench-sources-"))
    try:
        print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {platform.node()} · {os.cpu_count()} cores · "
              f"Python {platform.python_version()}")
        mail = work / "mail"
        mail.mkdir()
        started = time.perf_counter()
        size = write_mail(mail, args.messages)
        print(f"mail: {args.messages:,} messages, {size / 2**30:.2f} GiB, generated in "
              f"{time.perf_counter() - started:.0f} s")
        db = str(work / "mail.db")
        for label, code in (("stdlib mailbox floor", FLOOR_MAIL), ("twoway import (first)", IMPORT_MAIL),
                            ("twoway import (again)", IMPORT_MAIL)):
            seconds, report, peak = run(code, db, str(mail))
            print(f"  {label:24} {seconds:7.1f} s  peak {peak:6.0f} MB  {report}")
        ics = work / "calendar.ics"
        write_ics(ics, args.events)
        print(f"calendar: {args.events:,} events ({args.events // 20:,} weekly series), "
              f"{ics.stat().st_size / 2**20:.1f} MiB")
        db = str(work / "ics.db")
        for label, code in (("icalendar + expansion floor", FLOOR_ICS), ("twoway import", IMPORT_ICS)):
            seconds, report, peak = run(code, db, str(ics))
            print(f"  {label:28} {seconds:6.1f} s  peak {peak:6.0f} MB  {report}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
