"""Reading LinkedIn data exports into the store: faithfully, fast and safely.

``import_export(store, path)`` is the one entry point; ``past_imports`` lists what was imported;
``forget_import`` removes one import and recomputes from the rest.
"""

from __future__ import annotations

from twoway.linkedin.forget import Forgotten, forget_import
from twoway.linkedin.history import past_imports
from twoway.linkedin.importer import import_export
from twoway.linkedin.summary import ImportSummary

__all__ = ["Forgotten", "ImportSummary", "forget_import", "import_export", "past_imports"]
