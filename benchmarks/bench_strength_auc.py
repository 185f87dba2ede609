"""Does relationship strength predict who answers? A replay of a real message log.

    python benchmarks/bench_strength_auc.py            # defaults, tuning on the first half
    python benchmarks/bench_strength_auc.py --quick    # fewer tuning rounds

Data: the UC Irvine messages log (KONECT opsahl-ucsocial, the same data as SNAP CollegeMsg:
59,835 private messages between 1,899 students, Apr-Oct 2004; Opsahl & Panzarasa, Social
Networks 2009), read from ``../shared/data/raw/konect-opsahl-ucsocial.tsv`` relative to the
repository. It is research data: it stays out of the package.

For every message A -> B sent at time t (whose 7-day window ends inside the log), the strength of
A's tie with B is computed at t from their messages before t only, with ``twoway.strength``'s own
batch core (the code the product runs, A in the owner's seat), and the question is whether B
writes back to A within 7 days. The ROC-AUC of the score is reported next to two baselines:
recency only (time since the pair's last message) and frequency only (messages so far).

Honest protocol: messages are split in time. Parameters (part weights, half-life) are chosen
on the first half only, using labels that end before the split; the AUC is reported on the second
half, where each message's history may include everything before it.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

import numpy as np
import numpy.typing as npt

from twoway.history import IN, OUT
from twoway.settings import Settings
from twoway.strength import PARTS, score_batch

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "raw" / "konect-opsahl-ucsocial.tsv"
WINDOW = 7 * 86_400
TUNED = ("recency", "frequency", "reciprocity", "responsiveness", "duration")
HALF_LIVES = (7, 14, 30, 60, 90, 180, 365)


def load(path: Path) -> npt.NDArray[np.int64]:
    rows = [line.split() for line in path.open() if line.strip() and line[0] not in "%#"]
    data = np.array(rows, dtype=np.int64)[:, [0, 1, 3]]  # from, to, unix time
    return data[np.argsort(data[:, 2], kind="stable")]


def auc(scores: npt.NDArray[np.float64], labels: npt.NDArray[np.bool_]) -> float:
    """ROC-AUC by the Mann-Whitney statistic, ties counted as half."""
    order = np.argsort(scores, kind="mergesort")
    s = scores[order]
    ranks = np.empty(s.size, dtype=np.float64)
    cut = np.flatnonzero(np.diff(s)) + 1
    lo = np.concatenate(([0], cut))
    hi = np.concatenate((cut, [s.size]))
    ranks_sorted = np.repeat((lo + hi + 1) / 2.0, hi - lo)
    ranks[order] = ranks_sorted
    pos = labels.sum()
    neg = labels.size - pos
    return float((ranks[labels].sum() - pos * (pos + 1) / 2) / (pos * neg))


class Replay:
    """Every message with its label and its pair's history before it, laid out for score_batch."""

    def __init__(self, data: npt.NDArray[np.int64]) -> None:
        src, dst, ts = data[:, 0], data[:, 1], data[:, 2]
        self.ts, self.src = ts, src
        rel = ts - ts.min()  # < 2**31, so (key << 31) + rel orders by key, then time, exactly
        pair = np.minimum(src, dst) * 10_000 + np.maximum(src, dst)
        # Label: the recipient writes back to the sender within 7 days (strictly after t).
        directed = src * 10_000 + dst
        back = dst * 10_000 + src
        order = np.lexsort((ts, directed))
        combo = (directed[order] << 31) + rel[order]
        j = np.searchsorted(combo, (back << 31) + rel, side="right")
        ok = j < combo.size
        ok[ok] = directed[order][j[ok]] == back[ok]
        self.labels = np.zeros(ts.size, dtype=bool)
        self.labels[ok] = ts[order][j[ok]] - ts[ok] <= WINDOW
        self.complete = ts + WINDOW <= ts[-1]
        # History: the pair's messages strictly before t, from the sender's point of view.
        p_order = np.lexsort((ts, pair))
        p_keys = pair[p_order]
        self.p_ts, self.p_src = ts[p_order], src[p_order]
        self.p_start = np.searchsorted(p_keys, pair, side="left")
        self.k = np.searchsorted((p_keys << 31) + rel[p_order], (pair << 31) + rel, side="left") - self.p_start

    def batch(self, idx: npt.NDArray[np.int64], settings: Settings) -> npt.NDArray[np.float64]:
        """The parts (rows = messages idx) computed by the product's batch core."""
        lengths = self.k[idx]
        starts = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
        base = np.repeat(self.p_start[idx], lengths)
        offset = np.arange(starts[-1], dtype=np.int64) - np.repeat(starts[:-1], lengths)
        rows = base + offset
        owner = np.repeat(self.src[idx], lengths)
        side = np.where(self.p_src[rows] == owner, OUT, IN).astype(np.int8)
        channel = np.zeros(rows.size, dtype=np.int8)
        result = score_batch(self.p_ts[rows], side, channel, starts, self.ts[idx], settings=settings)
        return result.parts

    def baselines(self, idx: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        k = self.k[idx]
        last = np.where(k > 0, self.p_ts[self.p_start[idx] + np.maximum(k - 1, 0)], -(10**12))
        return -(self.ts[idx] - last).astype(np.float64), k.astype(np.float64)


def weights_vector(weights: dict[str, float]) -> npt.NDArray[np.float64]:
    w = np.array([weights.get(p, 0.0) for p in PARTS], dtype=np.float64)
    return w / w.sum()


def tune(replay: Replay, train: npt.NDArray[np.int64], base: Settings, rounds: int
         ) -> tuple[dict[str, float], int, float]:
    """Coordinate ascent over integer weights and a grid of half-lives, on the training half only."""
    labels = replay.labels[train]
    best: tuple[float, dict[str, float], int] = (-1.0, {}, 0)
    for half_life in HALF_LIVES:
        parts = replay.batch(train, base.with_values(strength_half_life_days=half_life))
        weights = dict(base.strength_weights)
        score = auc(parts @ weights_vector(weights), labels)
        for _ in range(rounds):
            improved = False
            for part, value in itertools.product(TUNED, (0, 5, 10, 20, 30, 45, 60)):
                trial = {**weights, part: float(value)}
                if sum(trial.values()) <= 0:
                    continue
                s = auc(parts @ weights_vector(trial), labels)
                if s > score + 1e-5:
                    score, weights, improved = s, trial, True
            if not improved:
                break
        if score > best[0]:
            best = (score, weights, half_life)
    return best[1], best[2], best[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"skipped: the UC Irvine message log is not at {args.data} (see ../shared/data/raw/README.md)")
        return 0
    started = time.perf_counter()
    data = load(args.data)
    replay = Replay(data)
    usable = np.flatnonzero(replay.complete)
    split_time = replay.ts[usable[usable.size // 2]]
    train = usable[(replay.ts[usable] < split_time) & (replay.ts[usable] + WINDOW <= split_time)]
    test = usable[replay.ts[usable] >= split_time]
    defaults = Settings()
    print(f"{data.shape[0]} messages; train {train.size} (answered {replay.labels[train].mean():.1%}), "
          f"test {test.size} (answered {replay.labels[test].mean():.1%}); split at unix {split_time}")
    labels = replay.labels[test]
    recency, frequency = replay.baselines(test)
    parts_default = replay.batch(test, defaults)
    w_default = weights_vector(dict(defaults.strength_weights))
    results = {
        "recency only (baseline)": auc(recency, labels),
        "frequency only (baseline)": auc(frequency, labels),
        "strength, default settings (0-100 score)": auc(np.rint(parts_default @ w_default * 100), labels),
    }
    for j, part in enumerate(PARTS):
        results[f"  part alone: {part}"] = auc(parts_default[:, j], labels)
    weights, half_life, train_auc = tune(replay, train, defaults, rounds=2 if args.quick else 4)
    tuned = defaults.with_values(strength_half_life_days=half_life, strength_weights=weights)
    parts_tuned = replay.batch(test, tuned)
    results["strength, tuned on the first half (0-100 score)"] = auc(
        np.rint(parts_tuned @ weights_vector(weights) * 100), labels)
    shown = ", ".join(f"{k}={v:g}" for k, v in weights.items() if v)
    print(f"tuned on train: half-life {half_life} days, weights {shown} (train AUC {train_auc:.4f})")
    print("ROC-AUC on the second half (does B answer A within 7 days?):")
    for name, value in results.items():
        print(f"  {name:<52} {value:.4f}")
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
