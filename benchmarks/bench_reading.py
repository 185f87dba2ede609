"""How well and how fast twoway.reading reads messages. Offline: only the labelled sets in tests/data.

Quality: macro-F1, per-kind precision/recall/F1 and language accuracy on a labelled set (the held-out
``messages_test.jsonl`` by default; ``--set dev`` for the development set), with the confusions listed
under ``-v``. Speed: ``read_many`` on ``--n`` texts (default 1,000,000) built from the labelled texts
with names substituted, twice:

- *deduplicated*: like a generated export, each labelled text appears with one of ``--names`` first
  names (default 4), so a million messages hold a few thousand distinct texts;
- *all distinct*: every text carries its own name (``Hi Ana417, ...``), like a real inbox where nothing
  repeats; this run measures the cost per distinct text. ``--distinct-n`` (default: ``--n``) bounds it.

Usage::

    python benchmarks/bench_reading.py                 # quality on the held-out set + both speed runs
    python benchmarks/bench_reading.py --set dev -v    # quality on the dev set, with the errors
    python benchmarks/bench_reading.py --n 200000 --distinct-n 50000 --skip-quality

Times are wall-clock (``time.perf_counter``) and CPU (``time.process_time``) of this process; on a
shared machine the CPU figure is the steadier one.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from twoway.reading import KINDS, read_many, read_message  # noqa: E402
from twoway.reading.language import identify  # noqa: E402

DATA = ROOT / "tests" / "data"
FIRST_NAMES = ("Ana", "Jonas", "Priya", "Marco", "Aiko", "Lena", "Tomás", "Fatima", "Kwame", "Sofia", "Mateus",
               "Chiara", "Daan", "Élodie", "Yusuf", "Hannah")


def load(name: str) -> list[dict[str, str]]:
    with open(DATA / f"messages_{name}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def quality(rows: list[dict[str, str]], verbose: bool) -> None:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    lang_ok = 0
    errors: list[str] = []
    for row in rows:
        got = read_message(row["text"])
        if got.kind == row["kind"]:
            tp[got.kind] += 1
        else:
            fp[got.kind] += 1
            fn[row["kind"]] += 1
            confusions[(row["kind"], got.kind)] += 1
            errors.append(f"  {row['kind']:>9} -> {got.kind:<9} {got.detail:<14} {row['text'][:90]!r}")
        if got.language == row["language"]:
            lang_ok += 1
        else:
            errors.append(f"  language {row['language']} -> {got.language}: {row['text'][:70]!r}")
    print(f"{'kind':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'n':>5}")
    f1s = []
    for k in KINDS:
        p = tp[k] / (tp[k] + fp[k]) if tp[k] + fp[k] else 0.0
        r = tp[k] / (tp[k] + fn[k]) if tp[k] + fn[k] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f1)
        print(f"{k:<10} {p:>9.3f} {r:>7.3f} {f1:>6.3f} {tp[k] + fn[k]:>5}")
    print(f"macro-F1 {sum(f1s) / len(f1s):.3f}; accuracy {sum(tp.values()) / len(rows):.3f}; "
          f"language accuracy {lang_ok / len(rows):.3f} ({len(rows)} messages)")
    if confusions:
        print("confusions (truth -> read):", ", ".join(f"{a}->{b} {n}" for (a, b), n in confusions.most_common()))
    if verbose:
        print(*errors, sep="\n")


def corpus(rows: list[dict[str, str]], n: int, names: int, distinct: bool, seed: int) -> list[str]:
    """``n`` texts from the labelled ones, each with a first name substituted in a greeting or sign-off."""
    rng = random.Random(seed)
    bodies = [r["text"] for r in rows]
    out = []
    for i in range(n):
        body = bodies[rng.randrange(len(bodies))]
        name = FIRST_NAMES[rng.randrange(len(FIRST_NAMES) if distinct else names)] + (str(i) if distinct else "")
        out.append(f"Hi {name}, {body}" if rng.random() < 0.5 else f"{body}\n{name}")
    return out


def timed(label: str, texts: list[str]) -> float:
    wall, cpu = time.perf_counter(), time.process_time()
    codes, langs = read_many(texts)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    distinct = len(set(texts))
    kinds = Counter(KINDS[c] for c in codes.tolist())
    print(f"{label}: {len(texts):,} texts, {distinct:,} distinct: {wall:.2f} s wall, {cpu:.2f} s CPU "
          f"({len(texts) / wall:,.0f} texts/s; {cpu / len(texts) * 1e6:.2f} µs CPU per text, "
          f"{cpu / distinct * 1e6:.1f} µs per distinct text)")
    print("  kinds:", ", ".join(f"{k} {kinds[k] / len(texts):.0%}" for k in KINDS),
          "| languages:", ", ".join(f"{lang} {n / len(langs):.0%}" for lang, n in Counter(langs).most_common(4)))
    return cpu / distinct


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--set", choices=("test", "dev"), default="test", help="labelled set for quality (default test)")
    ap.add_argument("--n", type=int, default=1_000_000, help="texts in each speed run (default 1,000,000)")
    ap.add_argument("--distinct-n", type=int, default=None, help="texts in the all-distinct run (default --n)")
    ap.add_argument("--names", type=int, default=4, help="first names in the deduplicated run (default 4)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every misread message")
    args = ap.parse_args()
    rows = load(args.set)
    t = time.perf_counter()
    identify("load the model")  # what the first message that needs the identifier pays, once per process
    print(f"language model load: {time.perf_counter() - t:.2f} s")
    if not args.skip_quality:
        quality(rows, args.verbose)
    if not args.skip_speed:
        pool = load("dev") + load("test")
        timed("deduplicated", corpus(pool, args.n, args.names, distinct=False, seed=args.seed))
        timed("all distinct", corpus(pool, args.distinct_n or args.n, args.names, distinct=True, seed=args.seed))


if __name__ == "__main__":
    main()
