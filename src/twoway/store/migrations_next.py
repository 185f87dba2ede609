"""Migrations from m011 on, appended to the one ordered list (``migrations.py`` holds m001–m010 and the rules).

The list is still one list: this module imports the first so its migrations always come after them.
"""

from __future__ import annotations

from twoway.store.migrations import MIGRATIONS, RECORDED_AS, Migration, migration

__all__ = ["MIGRATIONS", "RECORDED_AS", "Migration", "migration"]
