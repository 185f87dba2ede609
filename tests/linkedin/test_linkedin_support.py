"""Small hand-written LinkedIn exports for the importer's tests (no tests here, only the builder).

Each quirk of the research (linkedin-export-format.md) is written byte for byte, so a test pins
exactly one behaviour. Names are invented.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping
from pathlib import Path

PREAMBLE = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. '
    'You will only see email addresses for connections who have allowed their connections to see or download '
    'their email address using this setting https://www.linkedin.com/psettings/privacy/email."\n\n'
)
CONNECTIONS_HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
MESSAGES_HEADER = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                   "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS"]
INVITATIONS_HEADER = ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"]
PROFILE_HEADER = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary",
                  "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"]
OWNER = ("Olga", "Owner")
OWNER_URL = "https://www.linkedin.com/in/olga-owner"
IN = "https://www.linkedin.com/in/"


def csv_text(header: list[str], rows: list[list[str]], *, quote_all: bool = False, newline: str = "\n") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def connection(first: str, last: str, slug: str | None, company: str = "", position: str = "",
               on: str = "05 Jun 2026") -> list[str]:
    return [first, last, IN + slug if slug else "", "", company, position, on]


def message(conv: str, sender: str, sender_slug: str | None, to: str, to_slugs: list[str], date: str,
            content: str, *, title: str = "", folder: str = "INBOX") -> list[str]:
    return [conv, title, sender, IN + sender_slug if sender_slug else "", to,
            ",".join(IN + s for s in to_slugs), date, "", content, folder, ""]


def default_files(connections: list[list[str]] | None = None, messages: list[list[str]] | None = None,
                  invitations: list[list[str]] | None = None) -> dict[str, str | bytes]:
    conns = connections if connections is not None else [
        connection("Ana", "Silva", "ana-silva", "Acme", "CTO"),
        connection("Bo", "Chen", "bochen", "Beta", "Engineer", "01 Jan 2025"),
        connection("Jane", "Doe, MBA", "jdoe", "Gamma, Inc", "VP", "03 Mar 2020"),
    ]
    msgs = messages if messages is not None else [
        message("2-aaa==", "Ana Silva", "ana-silva", "Olga Owner", ["olga-owner"], "2026-06-01 10:00:00 UTC",
                "<p>Thanks &amp; see you</p>"),
        message("2-aaa==", "Olga Owner", "olga-owner", "Ana Silva", ["ana-silva"], "2026-05-30 10:00:00 UTC",
                "Hi Ana"),
    ]
    invs = invitations if invitations is not None else [
        ["Olga Owner", "Ana Silva", "6/1/26, 2:37 PM", "", "OUTGOING", OWNER_URL, IN + "ana-silva"],
    ]
    return {
        "Connections.csv": PREAMBLE + csv_text(CONNECTIONS_HEADER, conns),
        "messages.csv": csv_text(MESSAGES_HEADER, msgs),
        "Invitations.csv": csv_text(INVITATIONS_HEADER, invs),
        "Profile.csv": csv_text(PROFILE_HEADER, [[*OWNER, "", "", "", "Builder of things", "", "Software", "",
                                                  "Berlin", "", "", ""]]),
    }


def write_export(dest: Path, files: Mapping[str, str | bytes], *, name: str = "Basic_LinkedInDataExport_06-07-2026",
                 as_zip: bool = False) -> Path:
    """Write ``files`` (name → text or bytes) as a folder or a zip called ``name``; return its path."""
    dest.mkdir(parents=True, exist_ok=True)
    if as_zip:
        path = dest / (name + ".zip")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for fname, content in files.items():
                zf.writestr(fname, content.encode("utf-8") if isinstance(content, str) else content)
        return path
    folder = dest / name
    folder.mkdir(parents=True, exist_ok=True)
    for fname, content in files.items():
        target = folder / fname
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return folder
