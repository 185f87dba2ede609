"""Opening an export safely: a zip, an unpacked folder (even one still called ``….zip``) or one CSV.

Nothing is ever extracted to disk: entries are streamed straight from the zip. Even so, an archive
with entries that climb out of their folder (``../``, absolute paths) is refused outright, since
no LinkedIn export has them and a tool that later unpacks it would be attacked. Archives whose
entries would unpack past the ``import_max_unpacked_mb`` setting are refused before reading.
"""

from __future__ import annotations

import lzma
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import IO

from twoway.errors import InputError


@dataclass(frozen=True)
class Entry:
    """One CSV file of the export."""

    name: str
    size: int
    open: Callable[[], IO[bytes]]
    crc: int | None = None  # CRC-32 of the content when the zip's directory gives it


class Archive:
    """The CSV files of one export, found in a zip, a folder (searched recursively) or a single file."""

    def __init__(self, path: Path, entries: list[Entry], zip_file: zipfile.ZipFile | None = None) -> None:
        self.path = path
        self.name = path.name
        self.entries = sorted(entries, key=lambda e: e.name.casefold())
        self._zip = zip_file

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _open_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> IO[bytes]:
    return zf.open(info)


def _open_file(path: Path) -> IO[bytes]:
    return path.open("rb")


def _is_csv(name: str) -> bool:
    return name.casefold().endswith(".csv")


def _escapes(name: str) -> bool:
    """Whether a zip entry name would land outside the folder it is unpacked into."""
    normal = name.replace("\\", "/")
    if normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        return True
    return ".." in PurePosixPath(normal).parts


#: Compression methods Python reads; LinkedIn uses Deflate. Deflate64 (9) and the rest are refused by name.
_READABLE = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "Deflate", zipfile.ZIP_BZIP2: "bzip2",
             zipfile.ZIP_LZMA: "LZMA"}
_METHOD_NAMES = {9: "Deflate64", 10: "PKWARE DCL Implode", 6: "Implode", 93: "Zstandard", 95: "XZ", 98: "PPMd",
                 99: "AES encryption"}
#: Failures a damaged zip raises while its directory or a member is read.
ZIP_FAULTS: tuple[type[BaseException], ...] = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError,
                                               NotImplementedError, struct.error, UnicodeDecodeError)
_OPEN_FAULTS: tuple[type[BaseException], ...] = (*ZIP_FAULTS, ValueError, IndexError)
#: Most a member may unpack to per byte stored; CSV compresses about ten to one, a padded bomb a thousand.
MAX_RATIO = 100
#: Members smaller than this unpacked are never refused for their ratio (a tiny file compresses oddly).
RATIO_FLOOR = 8 * 1024 * 1024


def _open_zip(path: Path, max_unpacked_mb: int) -> Archive:
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        with path.open("rb") as f:
            magic = f.read(4)
        if magic.startswith(b"PK"):
            raise InputError(
                "the zip archive is truncated or corrupt (its table of contents is missing); "
                "download the export again", file=path.name,
            ) from None
        raise InputError("not a zip archive or a folder; expected the LinkedIn export "
                         "(…LinkedInDataExport_….zip, or the folder it unpacks to)", file=path.name) from None
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror or exc})", file=path.name) from None
    except _OPEN_FAULTS as exc:
        raise InputError(f"the zip archive is damaged ({str(exc) or type(exc).__name__}); download the export "
                         "again, or unzip it with another tool and import the folder", file=path.name) from None
    try:
        infos = zf.infolist()
        size = path.stat().st_size
        for info in infos:
            if not info.filename:
                raise InputError("an entry has an empty name; the archive is damaged (download the export again)",
                                 file=path.name)
            if not 0 <= info.header_offset <= size - 30:
                raise InputError(f"the entry {info.filename!r} points outside the archive (offset "
                                 f"{info.header_offset:,} of {size:,} bytes); the archive is damaged, "
                                 "download the export again", file=path.name)
            if _escapes(info.filename):
                raise InputError(
                    f"the entry {info.filename!r} points outside the export's folder; "
                    "refusing this archive (a LinkedIn export never does this)", file=path.name,
                )
        total = sum(info.file_size for info in infos)
        limit = max_unpacked_mb * 1024 * 1024
        if total > limit:
            raise InputError(
                f"the archive would unpack to {total / 1048576:,.0f} MB, more than the limit of "
                f"{max_unpacked_mb:,} MB (the setting import_max_unpacked_mb)", file=path.name,
            )
        entries = []
        for info in infos:
            if not info.filename or info.is_dir() or not _is_csv(info.filename):
                continue
            if info.flag_bits & 0x1:
                raise InputError(f"the entry {info.filename!r} is encrypted", file=path.name)
            if info.compress_type not in _READABLE:
                method = _METHOD_NAMES.get(info.compress_type, f"method {info.compress_type}")
                raise InputError(
                    f"{info.filename} is compressed with {method}, which twoway cannot read; unzip the archive "
                    "with another tool and import the folder", file=path.name)
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
                raise InputError(
                    f"{info.filename} would unpack to {info.file_size / 1048576:,.0f} MB from "
                    f"{info.compress_size / 1048576:,.1f} MB ({ratio:,.0f} times; a LinkedIn export's files "
                    f"compress less than {MAX_RATIO} times); refusing a likely zip bomb", file=path.name)
            entries.append(Entry(info.filename, info.file_size, partial(_open_member, zf, info), info.CRC))
    except BaseException:
        zf.close()
        raise
    return Archive(path, entries, zf)


def _open_folder(path: Path) -> Archive:
    entries = []
    for file in path.rglob("*"):
        if file.is_file() and _is_csv(file.name):
            rel = file.relative_to(path).as_posix()
            entries.append(Entry(rel, file.stat().st_size, partial(_open_file, file)))
    return Archive(path, entries)


def open_archive(path: str | Path, *, max_unpacked_mb: int) -> Archive:
    """The export at ``path``: a zip, a folder, or one CSV file taken as a one-file export."""
    p = Path(path).expanduser()
    if p.is_dir():
        return _open_folder(p)
    if not p.exists():
        raise InputError("no such file or folder", file=str(path))
    if _is_csv(p.name):
        single = Archive(p, [Entry(p.name, p.stat().st_size, partial(_open_file, p))])
        return single
    return _open_zip(p, max_unpacked_mb)
