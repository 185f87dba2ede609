"""People and what the owner keeps about them: finding a person, owners, tags, notes and logged interactions.

``resolve`` finds the one person a query means, ``owners`` whose network a database holds (and who is
related to whom), ``tags`` and ``notes`` what the owner said about someone, ``interactions`` what the
owner logged by hand. Keys for names and profile URLs are in :mod:`twoway.identity`, below the importer.
"""

from twoway.people.resolve import PersonRef, get, resolve

__all__ = ["PersonRef", "get", "resolve"]
