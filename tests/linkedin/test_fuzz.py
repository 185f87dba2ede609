"""Fuzz targets for what reads untrusted bytes: the CSV reader, the URL normaliser and a whole import.

Coverage-guided by Hypothesis, bounded in the suite; for a long run raise the budget:
``TWOWAY_FUZZ_EXAMPLES=20000 python -m pytest tests/linkedin/test_fuzz.py``.
The contract: whatever the bytes, the reader yields rows or raises InputError (a message naming the file),
never another exception; an import that fails leaves the database as it was.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from twoway.errors import InputError
from twoway.identity import normalise_url, url_key
from twoway.linkedin import import_export
from twoway.linkedin.csvfile import Table
from twoway.store import Store, open_store

EXAMPLES = int(os.environ.get("TWOWAY_FUZZ_EXAMPLES", "500"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)

CONNECTIONS_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
ROW = "Ada,Lovelace,https://www.linkedin.com/in/ada,,Acme,Engineer,01 Jan 2024\r\n"

# Pieces that real and hostile files are made of, so random bytes reach past the first check.
_pieces = st.sampled_from([
    CONNECTIONS_HEADER, ROW, '"', '""', ",", ";", "\t", "\r\n", "\n", "\r", "\x00", "\ufeff", "é", "€", "\u202e",
    "Notes:\r\n", "https://[www.linkedin.com/in/x", "31 Feb 2024", "01 Jan 2099", "=cmd|' /C calc'!A0", "\x1b[2J",
])
_csv_bytes = st.one_of(
    st.binary(max_size=2048),
    st.lists(_pieces, max_size=40).map(lambda parts: "".join(parts).encode("utf-8")),
    st.tuples(st.lists(_pieces, max_size=30), st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1252", "latin-1"]))
    .map(lambda t: "".join(t[0]).encode(t[1], errors="replace")),
    st.tuples(st.binary(max_size=512), st.binary(max_size=512)).map(
        lambda t: t[0] + CONNECTIONS_HEADER.encode() + ROW.encode() + t[1]),
)

_hosts = st.sampled_from(["www.linkedin.com", "LinkedIn.com", "de.linkedin.com", "notlinkedin.com", "linkedin.com.evil",
                          "[www.linkedin.com", "user@www.linkedin.com", "www.linkedin.com:8080", ""])
_urls = st.one_of(
    st.text(max_size=80),
    st.builds(lambda scheme, host, path, tail: f"{scheme}{host}{path}{tail}",
              st.sampled_from(["https://", "http://", "HTTPS://", "//", "", "ftp://", "javascript:"]),
              _hosts,
              st.sampled_from(["/in/", "/IN/", "/in", "/pub/", "/in//", "/"]),
              st.text(max_size=30)),
)


@FUZZ
@given(raw=_urls)
def test_url_normaliser_never_raises_and_is_idempotent(raw: str) -> None:
    url = normalise_url(raw)
    if url is None:
        return
    assert url.startswith("https://www.linkedin.com/in/")
    assert len(url) > len("https://www.linkedin.com/in/")
    assert not any(c.isspace() or ord(c) < 32 for c in url)
    assert normalise_url(url) == url
    assert normalise_url(url.upper().replace("HTTPS://WWW.LINKEDIN.COM/IN/", "https://www.linkedin.com/in/")) \
        is not None
    assert url_key(url) == url_key(url_key(url))


@FUZZ
@given(data=_csv_bytes)
def test_csv_reader_yields_rows_or_a_named_error(data: bytes) -> None:
    try:
        table = Table("Connections.csv", lambda: io.BytesIO(data), max_field_chars=4096)
        rows = list(table.rows())
    except InputError as exc:
        refused = str(exc)
    else:
        refused = ""
    if refused:
        assert "Connections.csv" in refused
        return
    for line, row in rows:
        assert line >= 1
        assert all(isinstance(cell, str) for cell in row)


@settings(max_examples=max(10, EXAMPLES // 10), deadline=None, suppress_health_check=list(HealthCheck),
          database=None)
@given(data=_csv_bytes)
def test_an_import_of_any_connections_file_lands_whole_or_not_at_all(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:  # a fresh database per example (a fixture would be shared)
        base = Path(tmp)
        store = open_store(str(base / "t.db"))
        export = base / "export.zip"
        with zipfile.ZipFile(export, "w") as z:
            z.writestr("Connections.csv", data)
        before = _counts(store)
        try:
            import_export(store, export)
        except InputError:
            assert _counts(store) == before
        store.close()


def _counts(store: Store) -> tuple[int, int]:
    with store.connect() as conn:
        return (int(conn.execute(text("SELECT COUNT(*) FROM people")).scalar_one()),
                int(conn.execute(text("SELECT COUNT(*) FROM imports")).scalar_one()))
