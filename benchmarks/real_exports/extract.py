"""Extract the LinkedIn export folders from fetched git mirrors into a folder outside the repository.

    python3 benchmarks/real_exports/extract.py LIST OUT [--mirror /work/.mirror]

LIST has one `owner/name commit` a line (e.g. /work/shared/research/real-exports-dev.txt); each repository must
already be fetched as a bare mirror at MIRROR/owner+name/repo. Export folders are found by their contents, never
by a hard-coded path: a folder holding Connections / messages / Invitations files (csv or an Excel re-save),
or a zip holding them. Each distinct export goes to OUT/<owner+name>__<folder>/; a folder whose relationship
files, or whose messages.csv, are byte-identical to those of a fuller folder is skipped as a copy (e.g. the same
export with Connections.csv re-saved by Excel). Nothing is written into the repository:
OUT must be outside it. Prints one line per export found (paths only) and the blobs that could not be read.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

# Files whose presence marks a folder as a LinkedIn export (lower-cased names).
MARKERS = frozenset({
    "connections.csv", "messages.csv", "invitations.csv",
    "connections.xlsx", "messages.xlsx", "invitations.xlsx",
})
# Files that identify an export's relationship data (for spotting copies).
RELATIONSHIP = ("connections", "messages", "invitations")
# Sub-folders that belong to an export (LinkedIn puts some files there).
EXPORT_SUBFOLDERS = frozenset({"jobs", "verifications", "services marketplace", "articles"})
DATA_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx", ".xls"})


@dataclass
class Found:
    """One export folder (or zip) inside a repository."""

    folder: str                      # path inside the repository ("" = root)
    files: dict[str, str] = field(default_factory=dict)  # relative path -> blob id
    zip_blob: str | None = None       # set when the export is a zip file


def git(git_dir: Path, *args: str) -> bytes:
    """Run a read-only git command against a bare mirror."""
    return subprocess.run(["git", f"--git-dir={git_dir}", *args],  # noqa: S603, S607
                          check=True, capture_output=True).stdout


def tree(git_dir: Path, commit: str) -> dict[str, str]:
    """Path -> blob id of every file at COMMIT."""
    out: dict[str, str] = {}
    raw = git(git_dir, "ls-tree", "-r", "-z", commit)
    for entry in raw.split(b"\0"):
        if not entry:
            continue
        meta, _, path = entry.partition(b"\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == b"blob":
            out[path.decode("utf-8", "surrogateescape")] = parts[2].decode()
    return out


def find_exports(files: dict[str, str]) -> list[Found]:
    """Folders holding marker files, with their data files; zips are returned as their own candidates."""
    by_dir: dict[str, list[str]] = {}
    for path in files:
        p = PurePosixPath(path)
        by_dir.setdefault(str(p.parent) if str(p.parent) != "." else "", []).append(path)
    export_dirs = {d for d, paths in by_dir.items() if any(PurePosixPath(x).name.lower() in MARKERS for x in paths)}
    found: list[Found] = []
    for d in sorted(export_dirs):
        f = Found(folder=d)
        prefix = f"{d}/" if d else ""
        for path, blob in files.items():
            if not path.startswith(prefix):
                continue
            rel = PurePosixPath(path[len(prefix):])
            if PurePosixPath(path).suffix.lower() not in DATA_SUFFIXES:
                continue
            parent = str(PurePosixPath(path).parent)
            in_subfolder = rel.parts[0].lower() in EXPORT_SUBFOLDERS and parent not in export_dirs
            if len(rel.parts) == 1 or in_subfolder:
                f.files[str(rel)] = blob
        found.append(f)
    for path, blob in files.items():
        if path.lower().endswith(".zip"):
            found.append(Found(folder=path, zip_blob=blob))
    return found


def fingerprint(files: Mapping[str, bytes | str]) -> tuple[tuple[str, str], ...]:
    """The relationship files' identities: equal fingerprints mean one export copied twice."""
    items = []
    for name, blob in files.items():
        stem = PurePosixPath(name).stem.lower()
        if stem in RELATIONSHIP and "/" not in name:
            items.append((stem, blob if isinstance(blob, str) else str(hash(blob))))
    return tuple(sorted(items))


def safe_name(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_.() " else "_" for c in text).strip() or "root"


def extract(list_file: Path, out: Path, mirror: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    seen: set[tuple[tuple[str, str], ...]] = set()
    seen_messages: set[str] = set()   # one messages.csv in two folders: one export (the other a re-saved copy)
    problems = 0
    for line in list_file.read_text().splitlines():
        if not line.strip():
            continue
        repo, commit = line.split()
        git_dir = mirror / repo.replace("/", "+") / "repo"
        if not git_dir.exists():
            print(f"MISSING mirror {git_dir} (fetch github:{repo} first)", file=sys.stderr)
            problems += 1
            continue
        files = tree(git_dir, commit)
        # Of two folders with the same relationship files, keep the fuller one (e.g. the one with Profile.csv).
        exports = sorted(find_exports(files), key=lambda f: -len(f.files))
        if not exports:
            print(f"{repo}: no export folder found")
        for f in exports:
            target = out / f"{repo.replace('/', '+')}__{safe_name(f.folder.replace('/', '_'))}"
            contents: dict[str, bytes] = {}
            if f.zip_blob is not None:
                try:
                    data = git(git_dir, "cat-file", "blob", f.zip_blob)
                    with zipfile.ZipFile(io.BytesIO(data)) as z:
                        for info in z.infolist():
                            name = PurePosixPath(info.filename)
                            if not info.is_dir() and name.suffix.lower() in DATA_SUFFIXES:
                                contents[str(name)] = z.read(info)
                except (subprocess.CalledProcessError, zipfile.BadZipFile) as exc:
                    print(f"{repo}: zip {f.folder!r} unreadable ({type(exc).__name__}: blob absent from the mirror "
                          "or not a zip)", file=sys.stderr)
                    problems += 1
                    continue
                if not any(PurePosixPath(n).name.lower() in MARKERS for n in contents):
                    print(f"{repo}: zip {f.folder!r} holds no LinkedIn relationship file; skipped")
                    continue
                key = fingerprint(contents)
            else:
                key = fingerprint(f.files)
            messages = [blob for stem, blob in key if stem == "messages"]
            if key in seen or (messages and messages[0] in seen_messages):
                print(f"{repo}: {f.folder or '(root)'} is a copy of a fuller export already extracted "
                      "(same messages.csv or relationship files); skipped")
                continue
            seen.add(key)
            seen_messages.update(messages)
            if f.zip_blob is None:
                for rel, blob in f.files.items():
                    try:
                        contents[rel] = git(git_dir, "cat-file", "blob", blob)
                    except subprocess.CalledProcessError:
                        print(f"{repo}: blob of {rel!r} absent from the mirror", file=sys.stderr)
                        problems += 1
            for rel, data in contents.items():
                dest = target / rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(data)
            print(f"{target.name}: {len(contents)} files")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("list_file", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args()
    repo_root = Path(__file__).resolve().parents[2]
    if args.out.resolve().is_relative_to(repo_root):
        parser.error(f"{args.out} is inside the repository; real exports must stay outside it")
    problems = extract(args.list_file, args.out, args.mirror)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
