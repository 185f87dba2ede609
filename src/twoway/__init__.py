"""twoway: keep a professional network two-way.

The library is the product; the command line (:mod:`twoway.cli`) and the web dashboard
(:mod:`twoway.web`) are thin faces over it. Open a database with :func:`twoway.store.open_store`,
import an export with :func:`twoway.linkedin.import_export`, then ask the core modules:
``states``, ``strength``, ``plan``, ``prune``, ``health``, ``invitations``, ``triage``, ``intros``.
"""

__version__ = "0.1.0"
