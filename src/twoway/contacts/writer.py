"""Writing address-book cards (vCard 3.0, the version every address book imports) through ``vobject``: the
escaping, folding and encoding of names with commas, semicolons and accents are the library's, not ours."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import vobject


@dataclass(frozen=True)
class OutCard:
    full_name: str
    first_name: str = ""
    last_name: str = ""
    emails: list[str] = field(default_factory=list)
    company: str = ""
    title: str = ""
    url: str = ""
    note: str = ""


def vcard_text(cards: Iterable[OutCard]) -> str:
    """The cards as one .vcf text (CRLF lines, as RFC 2426 writes them)."""
    return "".join(_card(c).serialize() for c in cards)


def _card(c: OutCard) -> vobject.base.Component:
    card = vobject.vCard()
    card.add("fn").value = c.full_name
    given, family = c.first_name, c.last_name
    if not given and not family:
        given, _, family = c.full_name.partition(" ")
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    for email in c.emails:
        line = card.add("email")
        line.value = email
        line.type_param = "INTERNET"
    if c.company:
        card.add("org").value = [c.company]
    if c.title:
        card.add("title").value = c.title
    if c.url:
        card.add("url").value = c.url
    if c.note:
        card.add("note").value = c.note
    return card
