"""How right are twoway's verdicts on real LinkedIn exports? Offline; not part of the test suite.

Run:  python3 benchmarks/bench_real_exports.py /work/real-exports [--json /tmp/real-exports.json]

MIRROR_ROOT holds one folder per extracted export (benchmarks/real_exports/extract.py makes it, OUTSIDE the
repository; real exports, and any row, name or message from them, never go into the repository). For each
export: "today" is its download date (the `MM-DD-YYYY` in its folder name, else the latest date in its files);
it is imported into a fresh temporary SQLite database by `python3 -m twoway` run from the checkout
(PYTHONPATH=<repo>/src, TWOWAY_TODAY=today; when the export is refused for want of Profile.csv, again with
`--owner NAME`, the name inferred from messages.csv or Invitations.csv), and measured through the CLI's JSON:
`states`, `week`, `prune`, `invites --all`, and `person` for the people whose last messages must be read.

Prints one row per export (short ids, no names), then the median and max over the exports that have the data,
and the exports that failed and why. `--json FILE` writes every figure (ids only, no names or text).
`--dump ID --people N` prints N message-rich people of one export, each verdict beside the whole message
history, for a hand-check in the terminal (never write that output into the repository).

Other options: --only ID (repeatable), --repo PATH (the checkout to run; default: this one), --list (ids and
folder names, terminal only), --last N (--dump shows each person's last N messages), --reader PATH|fallback
(whose twoway.reading classifies the messages; default: the checkout under test, else the bench's fallback).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_exports import adapters as ad
from real_exports.classify import NO_OBLIGATION, SUBSTANTIVE, fallback_kind, load_reader, plain
from real_exports.exports import Export, discover, export_today, find_file, infer_owner

REPO = Path(__file__).resolve().parents[1]
COURTESY = "courtesy"
RETRY_WINDOW_DAYS = 60      # PRODUCT.md: a retry is offered for 60 days after an attempt
#: The plan's check-in slots: ties with history get a check-in or a reconnect, the never-spoken-with a re-introduction.
CHECK_IN_KINDS = ("check_in", "reconnect", "reintroduce")


class CliError(RuntimeError):
    """A twoway command failed; the message is the first line of what it printed."""


def first_line(text: str) -> str:
    """The error's first line; for a crash, the exception line that ends the traceback."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return "(no message)"
    if lines[0].startswith("Traceback"):
        return f"crash: {lines[-1][:200]}"
    return lines[0][:200]


@dataclass
class Twoway:
    """`python3 -m twoway` against one temporary database, run from the checkout under test."""

    repo: Path
    home: Path
    today: date
    owner: str | None = None

    @property
    def db(self) -> Path:
        return self.home / "twoway.db"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(self.repo / "src")
        env["TWOWAY_TODAY"] = self.today.isoformat()
        env["TWOWAY_HOME"] = str(self.home)
        env.pop("TWOWAY_DB", None)
        return env

    def run(self, *args: str, owner: str | None = None) -> tuple[Any, float]:
        """(parsed JSON, wall seconds) of `twoway [--owner O] ARGS --json`; CliError on failure."""
        cmd = [sys.executable, "-m", "twoway", "--db", str(self.db)]
        if owner:
            cmd += ["--owner", owner]
        cmd += [*args, "--json"]
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=self.env(),  # noqa: S603
                              cwd=self.home, timeout=1800, check=False)
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            raise CliError(f"{args[0]}: {first_line(proc.stderr or proc.stdout)}")
        try:
            return json.loads(proc.stdout), seconds
        except json.JSONDecodeError:
            raise CliError(f"`twoway {args[0]} --json` printed no JSON: {first_line(proc.stdout)}") from None

    def people(self, ids: Iterable[int]) -> dict[int, Any]:
        """`person #ID --all --json` for many people: one child process drives the CLI for all of them
        (the same command, without a process start each); falls back to one process per person."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        proc = subprocess.run([sys.executable, "-c", PERSON_BATCH, str(self.db)],  # noqa: S603
                              input="\n".join(map(str, wanted)), capture_output=True, text=True,
                              env=self.env(), cwd=self.home, timeout=1800, check=False)
        out: dict[int, Any] = {}
        if proc.returncode == 0:
            for line in proc.stdout.splitlines():
                rec = json.loads(line)
                if not rec["ok"]:
                    raise CliError(f"person #{rec['id']}: {rec['error']}")
                out[int(rec["id"])] = rec["doc"]
            return out
        for pid in wanted:
            out[pid], _ = self.run("person", f"#{pid}", "--all")
        return out


PERSON_BATCH = r"""
import contextlib, io, json, sys
from twoway.cli import cli
db = sys.argv[1]
for line in sys.stdin:
    pid = line.strip()
    if not pid:
        continue
    buf, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(err):
            cli.main(["--db", db, "person", "#" + pid, "--all", "--json"], prog_name="twoway",
                     standalone_mode=False)
        print(json.dumps({"id": int(pid), "ok": True, "doc": json.loads(buf.getvalue())}))
    except BaseException as exc:
        msg = (str(exc) or err.getvalue() or type(exc).__name__).strip().splitlines()
        print(json.dumps({"id": int(pid), "ok": False, "error": (msg[0] if msg else type(exc).__name__)[:200]}))
"""


# --- one export ---------------------------------------------------------------------------------------------

@dataclass
class Loaded:
    """An export imported and read through the CLI."""

    tw: Twoway
    today_source: str
    owner_source: str
    imported: ad.ImportResult
    import_seconds: float
    states: list[ad.StateRow]
    state_counts: dict[str, int]
    plan: ad.Plan
    week_seconds: float
    prune: list[ad.PruneCandidate]
    incoming: list[ad.Invitation]
    notes: list[str] = field(default_factory=list)


def load(export: Export, repo: Path, home: Path) -> Loaded:
    """Import EXPORT into a fresh database under HOME and read states, week, prune and invitations."""
    today, today_source = export_today(export)
    if today is None:
        # Import anyway (as of the real today) so that an export twoway cannot read says why.
        today, today_source = date.today(), "none"
    tw = Twoway(repo, home, today)
    has_profile = find_file(export.path, "profile") is not None
    owner_source = f"no --owner needed ({'with' if has_profile else 'without'} Profile.csv)"
    start = time.perf_counter()
    try:
        doc, _ = tw.run("import", str(export.path))
    except CliError as exc:
        if "--owner" not in str(exc):   # refused for another reason: that is the figure
            raise
        name, owner_source = infer_owner(export.path)
        if name is None:
            name, owner_source = "Owner", "placeholder (no messages or invitations to infer it from)"
        tw.db.unlink(missing_ok=True)
        start = time.perf_counter()
        doc, _ = tw.run("import", str(export.path), owner=name)
        tw.owner = name
    import_seconds = time.perf_counter() - start
    if today_source == "none":
        raise CliError("imported, but no date was found in the folder name or the files to set TWOWAY_TODAY")
    imported = ad.import_result(doc)
    states_doc, _ = tw.run("states")
    week_doc, week_seconds = tw.run("week")
    prune_doc, _ = tw.run("prune")
    invites_doc, _ = tw.run("invites", "--all")
    return Loaded(
        tw=tw, today_source=today_source, owner_source=owner_source, imported=imported,
        import_seconds=import_seconds, states=ad.state_rows(states_doc), state_counts=ad.state_counts(states_doc),
        plan=ad.week_plan(week_doc), week_seconds=week_seconds, prune=ad.prune_candidates(prune_doc),
        incoming=ad.incoming_invitations(invites_doc),
    )


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def measure(export: Export, repo: Path, classify: Callable[[str], str], max_people: int) -> dict[str, Any]:
    """Every figure of one export (ids and numbers only)."""
    row: dict[str, Any] = {"id": export.id}
    with tempfile.TemporaryDirectory(prefix="twoway-real-") as tmp:
        try:
            ld = load(export, repo, Path(tmp))
        except CliError as exc:
            # The export's folder name may hold its owner's name: never let it into a figure.
            message = str(exc).replace(str(export.path), "<export>").replace(export.folder, "<export>")
            row["status"] = f"failed: {message}"
            return row
        row.update(figures(ld, classify, max_people))
    return row


def figures(ld: Loaded, classify: Callable[[str], str], max_people: int) -> dict[str, Any]:
    tw, today = ld.tw, ld.tw.today
    by_id = {s.person_id: s for s in ld.states}
    connected = [s for s in ld.states if s.state not in ("removed",)]
    n = len(connected)
    f: dict[str, Any] = {
        "status": "ok",
        "today": today.isoformat(), "today_from": ld.today_source, "owner_from": ld.owner_source,
        "exported_on_by_twoway": ld.imported.exported_on,
        "connections": ld.imported.connections, "messages": ld.imported.messages,
        "invitations": ld.imported.invitations, "import_problems": ld.imported.problems,
        "files": ld.imported.files, "states": ld.state_counts,
        "contact_share": share(sum(s.any_contact for s in connected), n),
        "history_share": share(sum(s.history for s in connected), n),
    }
    # prune
    prune_ids = {c.person_id for c in ld.prune}
    reasons = Counter(code for c in ld.prune for code in dict.fromkeys(c.codes))
    f.update({
        "prune": len(ld.prune), "prune_share": share(len(ld.prune), n),
        "prune_reasons": dict(reasons.most_common()),
        "suspicious": sum(c.suspicious for c in ld.prune),
        "suspicious_share": share(sum(c.suspicious for c in ld.prune), n),
    })
    # plan
    plan_ids = {i.person_id for i in ld.plan.items if i.person_id is not None}
    f.update({
        "plan_items": ld.plan.shown, "plan_people": len(plan_ids), "plan_kinds": ld.plan.kinds,
        "plan_extra": ld.plan.extra, "plan_and_prune": len(plan_ids & prune_ids),
    })
    # check-ins in the plan: real history vs never contacted
    checkins = [by_id.get(i.person_id) for i in ld.plan.items
                if i.kind in CHECK_IN_KINDS and i.person_id is not None]
    chk = [s for s in checkins if s is not None]
    f.update({
        "checkins": len(chk),
        "checkin_history_share": share(sum(s.history for s in chk), len(chk)),
        "checkin_never_share": share(sum(not s.any_contact for s in chk), len(chk)),
        "due_with_history": sum(1 for s in connected if s.state == "due" and s.history),
        "history_ties": sum(1 for s in connected if s.history),
    })
    # replies owed and awaiting: read their messages through `person`
    owed = [s for s in connected if s.state == "owe_reply"]
    waiting = [s for s in connected if s.state == "awaiting_reply"]
    to_read = [s.person_id for s in owed + waiting]
    sampled = len(to_read) > max_people
    if sampled:
        step = len(to_read) / max_people
        to_read = [to_read[int(i * step)] for i in range(max_people)]
    views = {pid: ad.person_view(doc) for pid, doc in tw.people(to_read).items()}
    owed_kinds: Counter[str] = Counter()
    for s in owed:
        v = views.get(s.person_id)
        if v is None:
            continue
        last_in = next(ad.last(v.messages, "in"), None)
        owed_kinds[classify(last_in.text) if last_in else "no message"] += 1
    owed_ages = [(today - s.last_in).days for s in owed if s.last_in is not None]
    read = sum(owed_kinds.values())
    f.update({
        "owed": len(owed), "owed_kinds": dict(owed_kinds.most_common()),
        "owed_substantive_share": share(sum(owed_kinds[k] for k in SUBSTANTIVE), read),
        "owed_no_obligation_share": share(sum(owed_kinds[k] for k in NO_OBLIGATION), read),
        "owed_over_30d_share": share(sum(a > 30 for a in owed_ages), len(owed_ages)),
        "owed_over_90d_share": share(sum(a > 90 for a in owed_ages), len(owed_ages)),
        "owed_max_age_days": max(owed_ages) if owed_ages else None,
        "owed_in_plan": sum(1 for s in owed if s.person_id in plan_ids),
    })
    wait_kinds: Counter[str] = Counter()
    for s in waiting:
        v = views.get(s.person_id)
        if v is None:
            continue
        last_out = next(ad.last(v.messages, "out"), None)
        wait_kinds[classify(last_out.text) if last_out else "no message"] += 1
    wait_ages = [(today - s.last_out).days for s in waiting if s.last_out is not None]
    f.update({
        "awaiting": len(waiting), "awaiting_last_attempt_kinds": dict(wait_kinds.most_common()),
        "awaiting_over_60d_share": share(sum(a > RETRY_WINDOW_DAYS for a in wait_ages), len(wait_ages)),
        "awaiting_courtesy_share": share(wait_kinds[COURTESY], sum(wait_kinds.values())),
        "unresponsive": sum(1 for s in connected if s.state == "unresponsive"),
        "people_read_sampled": sampled,
    })
    # invitations received
    inc = ld.incoming
    pending = [i for i in inc if i.status == "pending"]
    blank_strangers = [i for i in pending if i.blank and i.stranger]
    settled_blank = [i for i in inc if i.blank and i.status in ("accepted", "ignored", "pending", "expired")]
    f.update({
        "invites_in": len(inc), "invites_in_pending": len(pending),
        "invites_in_recommendations": dict(Counter(i.recommendation for i in inc).most_common()),
        "invites_pending_recommendations": dict(Counter(i.recommendation for i in pending).most_common()),
        "blank_stranger_pending": len(blank_strangers),
        "blank_stranger_ignore_share": share(sum(i.recommendation == "ignore" for i in blank_strangers),
                                             len(blank_strangers)),
        "blank_in_accept_rate": share(sum(i.status == "accepted" for i in settled_blank), len(settled_blank)),
        "import_seconds": round(ld.import_seconds, 2), "import_seconds_reported": ld.imported.seconds,
        "week_seconds": round(ld.week_seconds, 2),
    })
    return f


# --- output -------------------------------------------------------------------------------------------------

# (header, key, format) of the table; "p" = percent, "i" = integer, "f" = seconds
COLUMNS: list[tuple[str, str, str]] = [
    ("conn", "connections", "i"), ("msg%", "contact_share", "p"), ("hist%", "history_share", "p"),
    ("prune%", "prune_share", "p"), ("plan", "plan_items", "i"), ("pl∩pr", "plan_and_prune", "i"),
    ("owed", "owed", "i"), ("ow-sub%", "owed_substantive_share", "p"), ("ow>30d", "owed_over_30d_share", "p"),
    ("ow>90d", "owed_over_90d_share", "p"), ("ow-max", "owed_max_age_days", "i"), ("await", "awaiting", "i"),
    ("aw>60d", "awaiting_over_60d_share", "p"), ("aw-crt%", "awaiting_courtesy_share", "p"),
    ("chk", "checkins", "i"), ("chk-hist", "checkin_history_share", "p"), ("chk-nev", "checkin_never_share", "p"),
    ("due-h", "due_with_history", "i"), ("susp%", "suspicious_share", "p"), ("inv-in", "invites_in", "i"),
    ("bl-str-ign", "blank_stranger_ignore_share", "p"), ("bl-acc", "blank_in_accept_rate", "p"),
    ("imp s", "import_seconds", "f"), ("week s", "week_seconds", "f"),
]


def fmt(value: Any, kind: str) -> str:
    if value is None:
        return "–"
    if kind == "p":
        return f"{100 * value:.0f}%"
    if kind == "f":
        return f"{value:.2f}"
    return f"{value:,.0f}" if isinstance(value, int | float) else str(value)


def summary(rows: list[dict[str, Any]]) -> dict[str, dict[str, float | int | None]]:
    """Median and max of each table figure over the exports that have it (and the count)."""
    out: dict[str, dict[str, float | int | None]] = {}
    for _, key, _ in COLUMNS:
        vals = [r[key] for r in rows if r.get("status") == "ok" and r.get(key) is not None]
        out[key] = {"n": len(vals), "median": round(statistics.median(vals), 4) if vals else None,
                    "max": max(vals) if vals else None}
    return out


def print_table(rows: list[dict[str, Any]], stats: dict[str, dict[str, float | int | None]]) -> None:
    heads = ["id", *[h for h, _, _ in COLUMNS]]
    body = []
    for r in rows:
        if r.get("status") != "ok":
            continue
        body.append([r["id"], *[fmt(r.get(k), t) for _, k, t in COLUMNS]])
    body.append(["median", *[fmt(stats[k]["median"], t) for _, k, t in COLUMNS]])
    body.append(["max", *[fmt(stats[k]["max"], t) for _, k, t in COLUMNS]])
    body.append(["n", *[str(stats[k]["n"]) for _, k, _ in COLUMNS]])
    widths = [max(len(str(x[i])) for x in [heads, *body]) for i in range(len(heads))]
    line = "  ".join(h.rjust(w) for h, w in zip(heads, widths, strict=True))
    print(line)
    print("-" * len(line))
    for i, b in enumerate(body):
        if i == len(body) - 3:
            print("-" * len(line))
        print("  ".join(str(x).rjust(w) for x, w in zip(b, widths, strict=True)))


def print_details(rows: list[dict[str, Any]]) -> None:
    print("\nPer export: plan by kind | prune reasons | owed: kind of their last message | awaiting: kind of "
          "your last attempt | pending invitations by recommendation | today from | owner from")
    for r in rows:
        if r.get("status") != "ok":
            continue
        def kv(d: dict[str, Any]) -> str:
            return ",".join(f"{k}:{v}" for k, v in d.items()) or "–"
        print(f"  {r['id']}  plan[{kv(r['plan_kinds'])}]  prune[{kv(r['prune_reasons'])}]  "
              f"owed[{kv(r['owed_kinds'])}]  await[{kv(r['awaiting_last_attempt_kinds'])}]  "
              f"inv[{kv(r['invites_pending_recommendations'])}]  today:{r['today']}({r['today_from']})  "
              f"owner:{r['owner_from']}{'  (people sampled)' if r['people_read_sampled'] else ''}")


# --- dump ---------------------------------------------------------------------------------------------------

def dump(export: Export, repo: Path, classify: Callable[[str], str], n_people: int, width: int,
         last_n: int = 0) -> None:
    """N message-rich people with every verdict beside their whole history: terminal only."""
    with tempfile.TemporaryDirectory(prefix="twoway-real-") as tmp:
        ld = load(export, repo, Path(tmp))
        contact = [s for s in ld.states if s.any_contact]
        views = {pid: ad.person_view(doc) for pid, doc in ld.tw.people(s.person_id for s in contact).items()}
        plan = {i.person_id: i for i in ld.plan.items if i.person_id is not None}
        prune = {c.person_id: c for c in ld.prune}
        categories: list[tuple[str, Callable[[ad.StateRow], bool]]] = [
            ("owe_reply", lambda s: s.state == "owe_reply"),
            ("awaiting_reply", lambda s: s.state == "awaiting_reply"),
            ("plan check-in", lambda s: getattr(plan.get(s.person_id), "kind", None) in CHECK_IN_KINDS),
            ("prune", lambda s: s.person_id in prune),
            ("unresponsive", lambda s: s.state == "unresponsive"),
            ("plan other", lambda s: s.person_id in plan),
            ("two_way", lambda s: s.state == "two_way"),
            ("due", lambda s: s.state == "due"),
            ("other", lambda s: True),
        ]
        def richness(s: ad.StateRow) -> int:
            v = views.get(s.person_id)
            return len(v.messages) if v else 0
        pools = [(name, sorted((s for s in contact if test(s) and richness(s) > 0), key=richness, reverse=True))
                 for name, test in categories]
        picked: list[tuple[str, ad.StateRow]] = []
        seen: set[int] = set()
        while len(picked) < n_people and any(pool for _, pool in pools):
            for name, pool in pools:
                while pool and pool[0].person_id in seen:
                    pool.pop(0)
                if pool and len(picked) < n_people:
                    s = pool.pop(0)
                    seen.add(s.person_id)
                    picked.append((name, s))
        print(f"export {export.id}: today {ld.tw.today} ({ld.today_source}); owner {ld.owner_source}; "
              f"{len(contact)} people with any contact; showing {len(picked)}\n")
        for k, (cat, s) in enumerate(picked, 1):
            v = views[s.person_id]
            print(f"=== {k}/{len(picked)}  #{s.person_id}  [{cat}]  state={s.state}  attempts={s.attempts}  "
                  f"strength={v.strength}  last_in={s.last_in}  last_out={s.last_out}  last_two_way={s.last_two_way}")
            print(f"    reason: {s.reason}")
            item = plan.get(s.person_id)
            if item is not None:
                print(f"    PLAN: {item.kind}: {item.reason}")
                if item.draft:
                    print(textwrap.indent(textwrap.fill(plain(item.draft), width - 12), "      draft: "))
            c = prune.get(s.person_id)
            if c is not None:
                for code, text in zip(c.codes, c.texts, strict=False):
                    print(f"    PRUNE: {code}: {text}")
            history = sorted(v.messages, key=lambda m: m.at)
            if last_n and len(history) > last_n:
                print(f"    … {len(history) - last_n} earlier messages not shown (--last)")
                history = history[-last_n:]
            for m in history:
                kind = classify(m.text)
                head = f"    {m.at[:10]} {m.direction:>3} {(m.conversation_kind or '')[:6]:6} {kind:9} "
                body = plain(m.text) or "(empty)"
                print(textwrap.fill(body, width, initial_indent=head, subsequent_indent=" " * len(head)))
            print()


# --- main ---------------------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mirror_root", type=Path, metavar="MIRROR_ROOT", help="folder of extracted exports")
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout whose src/ is run (default: this one)")
    parser.add_argument("--reader", metavar="PATH|fallback",
                        help="checkout whose twoway.reading.read_message classifies messages (default: --repo), "
                             "or 'fallback' for the bench's keyword rules")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every figure (ids only) to FILE")
    parser.add_argument("--only", action="append", metavar="ID", help="measure only this export (repeatable)")
    parser.add_argument("--list", action="store_true", help="print export ids and folder names (terminal only)")
    parser.add_argument("--dump", metavar="ID", help="print people of this export beside their histories")
    parser.add_argument("--people", type=int, default=20, help="how many people --dump shows")
    parser.add_argument("--width", type=int, default=160, help="line width of --dump")
    parser.add_argument("--last", type=int, default=0, metavar="N",
                        help="--dump shows only each person's last N messages (default: the whole history)")
    parser.add_argument("--max-people-read", type=int, default=3000,
                        help="read at most this many people's messages per export (evenly sampled beyond)")
    args = parser.parse_args()
    # twoway code imported into this process (twoway.reading) gets a throwaway data folder, never the user's.
    os.environ["TWOWAY_HOME"] = tempfile.mkdtemp(prefix="twoway-bench-home-")
    atexit.register(shutil.rmtree, os.environ["TWOWAY_HOME"], True)
    repo: Path = args.repo.resolve()
    if not (repo / "src" / "twoway").is_dir():
        parser.error(f"{repo} has no src/twoway")
    exports = discover(args.mirror_root)
    if args.list:
        for e in exports:
            print(e.id, e.folder)
        return
    if args.reader == "fallback":
        classify, classifier = fallback_kind, "fallback keyword rules (--reader fallback)"
    else:
        reader_repo = Path(args.reader).resolve() if args.reader else repo
        classify, classifier = load_reader(reader_repo)
        if args.reader:
            classifier += f" from {reader_repo}"
    if args.dump:
        chosen = [e for e in exports if e.id == args.dump]
        if not chosen:
            parser.error(f"no export {args.dump}; see --list")
        print(f"classifier: {classifier}")
        dump(chosen[0], repo, classify, args.people, args.width, args.last)
        return
    if args.only:
        exports = [e for e in exports if e.id in set(args.only)]
    print(f"checkout: {repo}   classifier: {classifier}   exports: {len(exports)}", flush=True)
    rows: list[dict[str, Any]] = []
    for e in exports:
        t0 = time.perf_counter()
        try:
            row = measure(e, repo, classify, args.max_people_read)
        except ad.ShapeError as exc:
            raise SystemExit(f"{e.id}: {exc}") from None
        rows.append(row)
        print(f"  {e.id}: {row['status']} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr, flush=True)
    stats = summary(rows)
    print()
    print_table(rows, stats)
    print_details(rows)
    failed = [r for r in rows if r.get("status") != "ok"]
    print(f"\n{len(rows) - len(failed)} of {len(rows)} exports measured; {len(failed)} failed:")
    for r in failed:
        print(f"  {r['id']}: {r['status']}")
    print("\nmsg% = connections with any dated interaction either way (states last_in/last_out); hist% = both "
          "ways at some time; ow-sub% = owed replies whose last incoming message is a question/news; "
          "chk-hist/chk-nev = plan check-ins going to ties with history / never contacted; bl-str-ign = pending "
          "blank invitations from strangers recommended ignore; bl-acc = blank invitations received that the "
          "owner accepted (ignored ones may have left the export: an upper bound); imp s / week s = wall seconds of "
          f"the CLI process, Python start included. Classifier: {classifier}")
    if args.json:
        commit = ""
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            commit = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"],  # noqa: S603, S607
                                    capture_output=True, text=True, check=False).stdout.strip()
        args.json.write_text(json.dumps({"checkout": commit or str(repo), "classifier": classifier,
                                         "exports": rows, "summary": stats}, indent=1, default=str))
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
