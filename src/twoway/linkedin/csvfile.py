"""Reading one export CSV faithfully: encoding, header, columns by name, field counts, limits.

LinkedIn writes UTF-8 with LF and minimal quoting, but some files are UTF-16 with tabs (2018,
2022), Connections.csv has a preamble before its header (2021+), messages.csv quotes every field
and holds multi-line content (2026+), and users feed Excel re-saves (BOM, CRLF, semicolons). The
header is found by scanning the first lines for a row a known kind recognises; each data row is
then checked against the header's width. Rows come out as lists of strings, streamed.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from typing import IO, Any

from twoway.errors import InputError
from twoway.linkedin import kinds
from twoway.linkedin.archive import ZIP_FAULTS

HEADER_SCAN_LINES = 10
_DELIMITERS = (",", "\t", ";")
_MISSING = frozenset({"NA", "N/A", "#N/A", "n/a", "NULL"})
ProgressFn = Callable[[int], None]
# An import is all or nothing: one field past the limit refuses the whole export, and the message says how on.
_NOTHING_IMPORTED = "nothing was imported. Shorten that field, or raise the setting if the file is genuine"


class _CountingReader(io.RawIOBase):
    """Counts the bytes read from the underlying (possibly compressed) stream, for progress."""

    def __init__(self, inner: IO[bytes], report: ProgressFn | None) -> None:
        self._inner = inner
        self._report = report
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        if self._report is not None:
            self._report(self.count)
        return n

    def close(self) -> None:
        self._inner.close()
        super().close()


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 read as cp1252: an Excel re-save can mix the two, line by line."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start:exc.end].decode("cp1252", errors="replace"), exc.end


MIXED_ERRORS = "twoway-utf8-else-cp1252"
codecs.register_error(MIXED_ERRORS, _cp1252_fallback)


def _sniff_encoding(head: bytes) -> str:
    """The encoding of a file from its first bytes: a BOM first, then the pattern of NULs ASCII leaves
    in UTF-32 and UTF-16; a stray NUL or two in a UTF-8 file (an odd cell) does not make it UTF-16."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = head[:1024]
    if b"\x00" in sample:
        # ASCII leaves three NULs beside each character in UTF-32, one in UTF-16.
        for name in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
            if _mostly_zero(sample, name):
                return name
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not merely a character cut at the sample's end
            return "cp1252"
    return "utf-8-sig"


def _mostly_zero(sample: bytes, encoding: str) -> bool:
    """Whether the bytes that would be the high bytes of ASCII characters in ``encoding`` are nearly all NUL."""
    if encoding.startswith("utf-32"):
        units = [sample[i:i + 4] for i in range(0, len(sample) - 3, 4)]
        high = [u[1:] if encoding.endswith("le") else u[:3] for u in units]
        zero = sum(1 for h in high if h == b"\x00\x00\x00")
    else:
        units = [sample[i:i + 2] for i in range(0, len(sample) - 1, 2)]
        zero = sum(1 for u in units if (u[1] if encoding.endswith("le") else u[0]) == 0)
    return bool(units) and zero >= 0.6 * len(units)


def blank(value: str) -> bool:
    return not value or value.isspace() or value in _MISSING


class Table:
    """One CSV file of the export with its header found and its columns mapped by normalised name."""

    def __init__(
        self,
        name: str,
        opener: Callable[[], IO[bytes]],
        *,
        max_field_chars: int,
        progress: ProgressFn | None = None,
    ) -> None:
        self.name = name
        self.max_field_chars = max_field_chars
        # A physical line may hold a few long fields, never more: longer lines are refused before they are built.
        self.max_line_chars = 2 * max_field_chars + 4096
        self.kind: str | None = None
        self.columns: dict[str, int] = {}
        self.header: list[str] = []
        self.header_line = 0
        self.first_line_text = ""
        self.first_line = 1
        self.delimiter = ","
        self.encoding = "utf-8-sig"
        self.rows_read = 0
        self.skipped: Counter[str] = Counter()
        self.problems: list[str] = []
        self._opener = opener
        self.progress = progress
        self._scan()

    # -- opening -----------------------------------------------------------------------------

    def _open_text(self, report: ProgressFn | None = None) -> tuple[io.TextIOWrapper, _CountingReader]:
        raw = self._opener()
        counting = _CountingReader(raw, report)
        buffered = io.BufferedReader(counting, buffer_size=1 << 20)
        head = buffered.peek(4096)[:4096]
        self.encoding = _sniff_encoding(head)
        if self.encoding.startswith(("utf-16", "utf-32")):
            return io.TextIOWrapper(buffered, encoding=self.encoding, errors="replace", newline=""), counting
        # UTF-8 wherever the bytes are UTF-8, cp1252 for the bytes that are not (mixed re-saves).
        return io.TextIOWrapper(buffered, encoding="utf-8-sig", errors=MIXED_ERRORS, newline=""), counting

    def _guard(self, line: int) -> _Guard:
        return _Guard(self, line)

    def _scan(self) -> None:
        """Find the header among the first lines and the delimiter that makes it a known kind."""
        csv.field_size_limit(self.max_field_chars)
        with self._guard(1):
            text, _ = self._open_text()
            with text:
                head = [line for _, line in zip(range(HEADER_SCAN_LINES), self._lines(text), strict=False)]
        self._guess_header_row(head)
        for delimiter in _DELIMITERS:
            reader = csv.reader(head, delimiter=delimiter)
            previous = 0
            try:
                for row in reader:
                    start, previous = previous + 1, reader.line_num
                    names = [kinds.norm(cell) for cell in row]
                    kind = kinds.identify(set(names), self.name)
                    if kind is not None:
                        self.kind, self.delimiter, self.header_line = kind, delimiter, start
                        self.header = [cell.strip().strip('"') for cell in row]
                        # First occurrence wins when a header repeats a name (Ad_Targeting.csv).
                        self.columns = {}
                        for i, n in enumerate(names):
                            self.columns.setdefault(n, i)
                        return
            except csv.Error:
                continue

    def _guess_header_row(self, head: list[str]) -> None:
        """For messages about an unknown header: the first line that splits into several columns with
        some delimiter (a preamble's note and sentence do not), else the first line with anything on it."""
        found: list[int] = []
        for delimiter in _DELIMITERS:
            reader = csv.reader(head, delimiter=delimiter)
            previous = 0
            try:
                for row in reader:
                    start, previous = previous + 1, reader.line_num
                    if sum(1 for cell in row if cell.strip()) >= 2:
                        found.append(start)
                        break
            except csv.Error:
                continue
        written = [n for n, line in enumerate(head, start=1) if line.strip()]
        number = min(found) if found else (written[0] if written else 1)
        self.first_line = number
        self.first_line_text = head[number - 1].strip()[:120] if number <= len(head) else ""

    def _lines(self, text: io.TextIOWrapper) -> Iterator[str]:
        """The physical lines of ``text``, each read with a bound: a longer line is refused, never built."""
        limit = self.max_line_chars
        for number, piece in enumerate(iter(partial(text.readline, limit), ""), start=1):
            if len(piece) >= limit and piece[-1] not in "\r\n":
                raise InputError(
                    f"the line is longer than {limit:,} characters (the setting import_max_field_chars allows "
                    f"{self.max_field_chars:,} per field); {_NOTHING_IMPORTED}",
                    file=self.name, line=number)
            yield piece

    # -- reading -----------------------------------------------------------------------------

    def col(self, *names: str) -> int | None:
        """Index of the first of ``names`` (normalised) the header has, else None."""
        for n in names:
            if n in self.columns:
                return self.columns[n]
        return None

    def problem(self, line: int, message: str, reason: str) -> None:
        """A row skipped for ``reason``; the first few are described."""
        self.skipped[reason] += 1
        self.note(line, message)

    def note(self, line: int, message: str) -> None:
        if len(self.problems) < 5:
            self.problems.append(f"{self.name}, line {line}: {message}")

    def rows(self, *, record: bool = True) -> Iterator[tuple[int, list[str]]]:
        """(line where the row starts, fields) for each data row; wrong-width rows are counted and skipped.

        ``record=False`` reads without counting rows or problems (a look-ahead pass).
        """
        if self.kind is None:
            return
        width = len(self.header)
        csv.field_size_limit(self.max_field_chars)
        line = 0
        with self._guard(1) as guard:
            text, _ = self._open_text(self.progress if record else None)
            with text:
                reader = csv.reader(self._lines(text), delimiter=self.delimiter)
                guard.reader = reader
                for row in reader:
                    start = line + 1
                    line = reader.line_num
                    if start <= self.header_line:
                        continue
                    if len(row) != width:
                        fitted = self._fit(row, width, start, line, record)
                        if fitted is None:
                            continue
                        row = fitted
                    if record:
                        self.rows_read += 1
                    yield start, row


    def _fit(self, row: list[str], width: int, start: int, line: int, record: bool) -> list[str] | None:
        """A row of the wrong width made right (trailing commas), or None to skip it (blank, or counted as a
        problem); a quote left open across lines refuses the file rather than lose the rows it swallowed."""
        if not row or (len(row) == 1 and not row[0].strip()):
            return None  # blank line
        if len(row) > width and not any(cell.strip() for cell in row[width:]):
            return row[:width]  # trailing commas
        if line - start >= 2 and any('"' in cell or "\n" in cell for cell in row):
            raise InputError(
                f"a quote opened on this line is not closed until line {line} "
                f"({line - start + 1} lines read as one row of {len(row)} fields, "
                f"expected {width}); fix the quote or export again",
                file=self.name, line=start)
        if record:
            self.problem(start, f"expected {width} fields as in the header, found {len(row)}", "wrong field count")
        return None


class _Guard:
    """Turns low-level read failures into one InputError naming the file and the line."""

    def __init__(self, table: Table, line: int) -> None:
        self.table = table
        self._line = line
        self.reader: Any = None

    @property
    def line(self) -> int:
        """The line being read when something failed."""
        return int(self.reader.line_num) if self.reader is not None else self._line

    def __enter__(self) -> _Guard:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if exc is None or isinstance(exc, InputError | GeneratorExit):
            return
        name = self.table.name
        if isinstance(exc, csv.Error):
            if "field larger than field limit" in str(exc):
                raise InputError(
                    f"a field is longer than {self.table.max_field_chars:,} characters (the setting "
                    f"import_max_field_chars); {_NOTHING_IMPORTED}",
                    file=name, line=self.line,
                ) from None
            raise InputError(f"cannot read this CSV row ({exc})", file=name, line=self.line) from None
        if isinstance(exc, UnicodeDecodeError):
            raise InputError(f"the text is not valid {self.table.encoding}", file=name, line=self.line) from None
        if isinstance(exc, ZIP_FAULTS):
            raise InputError(
                f"the archive is corrupt or truncated here ({str(exc) or type(exc).__name__}); "
                "download the export again", file=name, line=self.line,
            ) from None
