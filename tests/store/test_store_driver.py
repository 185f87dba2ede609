"""A database URL whose driver is not installed: a short message naming it, not a traceback."""

from __future__ import annotations

import sys

import pytest

from twoway.errors import StorageError
from twoway.store import open_store


def test_postgresql_url_without_psycopg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(StorageError) as caught:
        open_store("postgresql://nobody@127.0.0.1:1/none")
    assert "psycopg" in caught.value.message
    assert "not installed" in caught.value.message
