"""The local web dashboard and the JSON API (``twoway serve``): thin faces over the core."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(*args: Any, **kwargs: Any) -> FastAPI:
    """See :func:`twoway.web.server.create_app` (imported lazily so `import twoway.web` stays cheap)."""
    from twoway.web.server import create_app as build

    return build(*args, **kwargs)


__all__ = ["create_app"]
