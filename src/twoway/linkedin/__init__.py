"""Reading LinkedIn data exports into the store: faithfully, fast and safely.

``import_export(store, path)`` is the one entry point; ``past_imports`` lists what was imported.
"""

from __future__ import annotations

from twoway.linkedin.history import past_imports
from twoway.linkedin.importer import import_export
from twoway.linkedin.summary import ImportSummary

__all__ = ["ImportSummary", "import_export", "past_imports"]
