"""Reading mail (mbox files and Maildir folders) into the store: who wrote to whom and when, all or nothing.

``import_mail(store, path)`` is the entry point; ``looks_like_mail(path)`` tells whether there is mail there.
"""

from __future__ import annotations

from twoway.mail.importer import import_mail, looks_like_mail

__all__ = ["import_mail", "looks_like_mail"]
