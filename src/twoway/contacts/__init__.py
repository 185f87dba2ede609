"""Reading address books (vCard 2.1/3.0/4.0, Google Contacts CSV, Outlook CSV): people found by profile URL and
e-mail address, exact matches merged with their reason, likely ones left as suggestions.

``import_contacts(store, path)`` is the entry point; ``looks_like_contacts(path)`` recognises an address book.
"""

from __future__ import annotations

from twoway.contacts.importer import import_contacts, looks_like_contacts

__all__ = ["import_contacts", "looks_like_contacts"]
