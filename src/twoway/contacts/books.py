"""Address books as CSV: Google Contacts (old and new headers) and Outlook, each row a card."""

from __future__ import annotations

import csv
import io

from twoway.contacts.vcard import Card
from twoway.identity import full_name


def csv_flavour(header: list[str]) -> str | None:
    """``google`` or ``outlook`` by the header's columns; None for anything else (LinkedIn's own CSVs)."""
    cols = {c.strip() for c in header}
    if "E-mail 1 - Value" in cols:
        return "google"
    if "E-mail Address" in cols and ("Job Title" in cols or "Middle Name" in cols) and "Connected On" not in cols:
        return "outlook"
    return None


def read_csv(text: str) -> tuple[str, list[Card]]:
    reader = csv.reader(io.StringIO(text))
    header = [h.strip() for h in next(reader, [])]
    flavour = csv_flavour(header) or ""
    col = {h: i for i, h in enumerate(header)}
    cards: list[Card] = []
    for number, row in enumerate(reader, 2):
        def get(name: str, row: list[str] = row) -> str:
            i = col.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        if flavour == "google":
            emails = [e.strip() for h in header if h.startswith("E-mail ") and h.endswith(" - Value")
                      for e in get(h).split(":::")]
            urls = [get(h) for h in header if h.startswith("Website ") and h.endswith(" - Value")]
            name = get("Name") or full_name(get("Given Name") or get("First Name"),
                                            get("Family Name") or get("Last Name"))
            company = get("Organization 1 - Name") or get("Organization Name")
            title = get("Organization 1 - Title") or get("Organization Title")
        else:
            emails = [get("E-mail Address"), get("E-mail 2 Address"), get("E-mail 3 Address")]
            urls = [get("Web Page")]
            name = full_name(get("First Name"), get("Last Name"))
            company, title = get("Company"), get("Job Title")
        cards.append(Card(number, name or company, [e for e in emails if e], [u for u in urls if u], company, title))
    return flavour, cards
