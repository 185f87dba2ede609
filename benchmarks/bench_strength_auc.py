"""Does relationship strength predict who answers? A replay of a real message log.

    python benchmarks/bench_strength_auc.py                 # everything, 1,000 bootstrap resamples
    python benchmarks/bench_strength_auc.py --quick         # 200 resamples, smaller tuning grid

Data: the UC Irvine messages log (KONECT opsahl-ucsocial, the same data as SNAP CollegeMsg:
59,835 private messages between 1,899 students, Apr-Oct 2004; Opsahl & Panzarasa, Social
Networks 2009), read from ``../shared/data/raw/konect-opsahl-ucsocial.tsv`` relative to the
repository. It is research data: it stays out of the package.

For every message A -> B sent at time t (whose 7-day window ends inside the log), the strength of
A's tie with B is computed at t from their messages before t only, with ``twoway.strength``'s own
batch core (the code the product runs, A in the owner's seat), and the question is whether B
writes back to A within 7 days. The ROC-AUC of the 0-100 score is reported next to two baselines
on exactly the same messages: recency only (time since the pair's last message) and frequency only
(the pair's messages so far); and next to the structural component (mutual contacts at t: people
both A and B had exchanged messages with before t), alone and added to the score.

Honest protocol: messages are split in time. Parameters (both half-lives, part weights, the weight
of structural) are chosen on the first half only, using labels that end before the split; every
AUC is reported on the second half, where each message's history may include everything before it.
Scores are the product's own: the weighted mean of the parts that have evidence for the tie (the others
left out and the weights renormalised, ``twoway.strength.combine``), rounded to 0-100.

The default combination is checked against its own parts on both halves: each part alone as the product
would score it (all the weight on that part: the same evidence rule and the same 0-100 rounding), and, for
the record, each part's unrounded value.
Confidence intervals: 95% percentile bootstrap resampling senders (all of a sender's messages go
together, since they are not independent), paired so that differences between scores are exact.
A ceiling is measured too: an unconstrained logistic regression over 28 pair features (fitted on the
first half, and, as an upper bound, fitted on the second half itself).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import numpy.typing as npt

from twoway.history import IN, OUT
from twoway.settings import Settings
from twoway.strength import PARTS, combine, score_batch

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
BOOL = npt.NDArray[np.bool_]

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "raw" / "konect-opsahl-ucsocial.tsv"
DAY = 86_400
WINDOW = 7 * DAY
SHORT_HALF_LIVES = (0.05, 0.25, 1.0, 3.0, 7.0, 30.0)
LONG_HALF_LIVES = (7, 14, 30, 60, 90, 180, 365)
MUTUAL_FULL = 50  # as compute_strengths scales mutual connections


def load(path: Path) -> I64:
    rows = [line.split() for line in path.open() if line.strip() and line[0] not in "%#"]
    data = np.array(rows, dtype=np.int64)[:, [0, 1, 3]]  # from, to, unix time
    return data[np.argsort(data[:, 2], kind="stable")]


def auc(scores: F64, labels: BOOL) -> float:
    """ROC-AUC by the Mann-Whitney statistic, ties counted as half."""
    return float(AucResampler(scores, labels).auc(np.ones(scores.size)))


class AucResampler:
    """ROC-AUC under observation weights, with the sort done once: a bootstrap resample is a weight vector."""

    def __init__(self, scores: F64, labels: BOOL) -> None:
        order = np.argsort(scores, kind="mergesort")
        s = scores[order]
        self.group = np.concatenate(([0], np.cumsum(np.diff(s) != 0)))
        self.n_groups = int(self.group[-1]) + 1 if s.size else 0
        self.order = order
        self.labels = labels[order].astype(np.float64)

    def auc(self, weights: F64) -> float:
        w = weights[self.order]
        pos = np.bincount(self.group, weights=w * self.labels, minlength=self.n_groups)
        neg = np.bincount(self.group, weights=w * (1.0 - self.labels), minlength=self.n_groups)
        below = np.cumsum(neg) - neg
        total = pos.sum() * neg.sum()
        return float((pos * (below + 0.5 * neg)).sum() / total) if total > 0 else float("nan")


class Replay:
    """Every message with its label and its pair's history before it, laid out for score_batch."""

    def __init__(self, data: I64) -> None:
        src, dst, ts = data[:, 0], data[:, 1], data[:, 2]
        self.ts, self.src, self.dst = ts, src, dst
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

    def layout(self, idx: I64) -> tuple[I64, npt.NDArray[np.int8], I64]:
        """Times, sides (from the sender's seat) and segment starts of the messages' histories."""
        lengths = self.k[idx]
        starts = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
        rows = np.repeat(self.p_start[idx], lengths) + np.arange(starts[-1], dtype=np.int64) - np.repeat(
            starts[:-1], lengths)
        owner = np.repeat(self.src[idx], lengths)
        side = np.where(self.p_src[rows] == owner, OUT, IN).astype(np.int8)
        return self.p_ts[rows], side, starts

    def scored(self, idx: I64, settings: Settings) -> tuple[F64, BOOL]:
        """The parts and which of them have evidence (rows = messages idx), by the product's batch core."""
        at, side, starts = self.layout(idx)
        channel = np.zeros(at.size, dtype=np.int8)
        batch = score_batch(at, side, channel, starts, self.ts[idx], settings=settings)
        return batch.parts, batch.used

    def parts(self, idx: I64, settings: Settings) -> F64:
        """The parts (rows = messages idx); 0 where a part has no evidence."""
        return self.scored(idx, settings)[0]

    def baselines(self, idx: I64) -> tuple[F64, F64]:
        k = self.k[idx]
        last = np.where(k > 0, self.p_ts[self.p_start[idx] + np.maximum(k - 1, 0)], -(10**12))
        return -(self.ts[idx] - last).astype(np.float64), k.astype(np.float64)

    def mutual_contacts(self) -> I64:
        """Per message: people both sides had exchanged messages with before it (not each other)."""
        contacts: defaultdict[int, set[int]] = defaultdict(set)
        out = np.zeros(self.ts.size, dtype=np.int64)
        for i, (a, b) in enumerate(zip(self.src.tolist(), self.dst.tolist(), strict=True)):
            ca, cb = contacts[a], contacts[b]
            out[i] = len(ca & cb) if len(ca) < len(cb) else len(cb & ca)
            ca.add(b)
            cb.add(a)
        return out


# --- fitting, on the first half only ---------------------------------------------------------------


def fit_logistic(x: F64, y: BOOL, *, nonnegative: bool, ridge: float = 1e-4) -> F64:
    """Logistic regression by Newton's method (weights without the intercept); with ``nonnegative``,
    an active set keeps every weight >= 0, so the fit stays a weighted mean of parts."""
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd = np.where(sd > 0, sd, 1.0)
    z = np.column_stack([np.ones(len(x)), (x - mu) / sd])
    t = y.astype(np.float64)
    w = np.zeros(z.shape[1])
    free = np.ones(z.shape[1], dtype=bool)
    reg = np.full(z.shape[1], ridge * len(x))
    reg[0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (p - t) + reg * w
        if nonnegative:
            free[1:] = (w[1:] > 0) | (grad[1:] < 0)
        f = np.flatnonzero(free)
        hess = (z[:, f] * (p * (1 - p))[:, None]).T @ z[:, f] + np.diag(reg[f])
        step = np.linalg.solve(hess, grad[f])
        new = w.copy()
        new[f] -= step
        if nonnegative:
            new[1:] = np.maximum(new[1:], 0.0)
        if np.max(np.abs(new - w)) < 1e-8:
            w = new
            break
        w = new
    result: F64 = w[1:] / sd
    return result


def integer_weights(raw: F64) -> dict[str, float]:
    """Fitted part weights as whole percentages, the way an owner would type them into settings."""
    pct = np.rint(100 * raw / raw.sum()) if raw.sum() > 0 else np.ones(raw.size)
    return {p: float(v) for p, v in zip(PARTS, pct, strict=True)}


def weights_vector(weights: dict[str, float]) -> F64:
    w = np.array([weights.get(p, 0.0) for p in PARTS], dtype=np.float64)
    normalised: F64 = w / w.sum()
    return normalised


def score(parts: F64, used: BOOL, weights: dict[str, float]) -> F64:
    """The product's 0-100 integer score: the weighted mean of the parts with evidence."""
    rounded: F64 = np.rint(combine(parts, used, weights_vector(weights)) * 100)
    return rounded


def single_parts(parts: F64, used: BOOL, labels: BOOL) -> dict[str, tuple[float, float]]:
    """Each part alone: (AUC as the product scores it with all the weight on it, AUC of its raw value)."""
    out = {}
    for j, p in enumerate(PARTS):
        alone = np.rint(np.where(used[:, j], parts[:, j], 0.0) * 100)
        out[p] = (auc(alone, labels), auc(parts[:, j], labels))
    return out


def check_defaults(replay: Replay, halves: dict[str, I64], defaults: Settings, rounds: int) -> None:
    """Does the default combination beat its own best single part on each half? (With paired 95% bootstrap
    intervals of the differences, resampling senders.)"""
    print("default settings, each part alone (as the product scores it / raw value) and combined:")
    for name, idx in halves.items():
        parts, used = replay.scored(idx, defaults)
        labels = replay.labels[idx]
        combined = auc(score(parts, used, dict(defaults.strength_weights)), labels)
        alone = single_parts(parts, used, labels)
        shown = ", ".join(f"{p} {a:.4f}/{r:.4f}" for p, (a, r) in alone.items())
        best = max(alone, key=lambda p: alone[p][0])
        best_raw = max(alone, key=lambda p: alone[p][1])
        j, j_raw = PARTS.index(best), PARTS.index(best_raw)
        boot = bootstrap({"combined": score(parts, used, dict(defaults.strength_weights)),
                          "best": np.rint(np.where(used[:, j], parts[:, j], 0.0) * 100),
                          "best raw": parts[:, j_raw]}, labels, replay.src[idx], rounds)
        lo, hi = np.percentile(boot["combined"] - boot["best"], [2.5, 97.5])
        lo_raw, hi_raw = np.percentile(boot["combined"] - boot["best raw"], [2.5, 97.5])
        print(f"  {name}: combined {combined:.4f}; {shown}")
        print(f"  {name}: combined minus its best part ({best}, product score) {combined - alone[best][0]:+.4f} "
              f"[{lo:+.4f}, {hi:+.4f}]; minus the best raw part ({best_raw}) "
              f"{combined - alone[best_raw][1]:+.4f} [{lo_raw:+.4f}, {hi_raw:+.4f}]")


def tune(replay: Replay, train: I64, base: Settings, shorts: tuple[float, ...], longs: tuple[int, ...]
         ) -> tuple[Settings, float]:
    """Both half-lives on a grid; for each pair, part weights by a non-negative logistic fit; the
    pair whose integer score ranks the training half best wins."""
    labels = replay.labels[train]
    best: tuple[float, Settings] = (-1.0, base)
    for long in longs:
        for short in shorts:
            if short > long:
                continue
            trial = base.with_values(strength_half_life_days=long, strength_short_half_life_days=short)
            parts, used = replay.scored(train, trial)
            weights = integer_weights(fit_logistic(parts, labels, nonnegative=True))
            value = auc(score(parts, used, weights), labels)
            if value > best[0]:
                best = (value, trial.with_values(strength_weights=weights))
    return best[1], best[0]


# --- a ceiling: what pair features could do without the shape of a strength score -------------------


def pair_features(replay: Replay, idx: I64) -> F64:
    """28 features of the pair before t: the parts at 8 horizon settings (including the long ones a
    strength uses) and who spoke last, plus log times since their last / your last word and counts."""
    columns: list[F64] = []
    for short, long in ((0.05, 7), (1.0, 30), (7.0, 180), (30.0, 365)):
        s = Settings().with_values(strength_half_life_days=long, strength_short_half_life_days=short)
        parts = replay.parts(idx, s)
        columns += [parts[:, j] for j in (0, 1, 2, 3)]
    at, side, starts = replay.layout(idx)
    n = idx.size
    seg = np.repeat(np.arange(n), np.diff(starts))
    now = replay.ts[idx]
    has = np.diff(starts) > 0
    for who in (IN, OUT):
        last = np.full(n, -1, dtype=np.int64)
        mine = side == who
        np.maximum.at(last, seg[mine], at[mine])
        columns += [np.where(last >= 0, np.log1p(now - last), 0.0), (last >= 0).astype(np.float64)]
        columns.append(np.log1p(np.bincount(seg, weights=mine, minlength=n)))
    last_side = np.full(n, -1)
    last_side[has] = side[starts[1:][has] - 1]
    columns += [(last_side == IN).astype(np.float64), has.astype(np.float64)]
    first = np.zeros(n)
    first[has] = at[starts[:-1][has]]
    columns.append(np.where(has, np.log1p(now - first), 0.0))
    columns += [np.log1p(np.bincount(seg, weights=(now[seg] - at) <= w, minlength=n)) for w in (3600, DAY, WINDOW)]
    return np.column_stack(columns)


# --- the run --------------------------------------------------------------------------------------


def bootstrap(scores: dict[str, F64], labels: BOOL, clusters: I64, rounds: int, seed: int = 2004
              ) -> dict[str, F64]:
    """AUC of every score under ``rounds`` resamples of the clusters (same resamples for all scores)."""
    rng = np.random.default_rng(seed)
    _, cluster = np.unique(clusters, return_inverse=True)
    n_clusters = int(cluster.max()) + 1
    resamplers = {name: AucResampler(s, labels) for name, s in scores.items()}
    out = {name: np.empty(rounds) for name in scores}
    for r in range(rounds):
        drawn = np.bincount(rng.integers(0, n_clusters, n_clusters), minlength=n_clusters).astype(np.float64)
        w = drawn[cluster]
        for name, resampler in resamplers.items():
            out[name][r] = resampler.auc(w)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--bootstrap", type=int, default=None, help="resamples (default 1000, --quick 200)")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"skipped: the UC Irvine message log is not at {args.data} (see ../shared/data/raw/README.md)")
        return 0
    started = time.perf_counter()
    rounds = args.bootstrap or (200 if args.quick else 1000)
    data = load(args.data)
    replay = Replay(data)
    usable = np.flatnonzero(replay.complete)
    split_time = replay.ts[usable[usable.size // 2]]
    train = usable[(replay.ts[usable] < split_time) & (replay.ts[usable] + WINDOW <= split_time)]
    test = usable[replay.ts[usable] >= split_time]
    y_train, y_test = replay.labels[train], replay.labels[test]
    print(f"{data.shape[0]} messages; train {train.size} (answered {y_train.mean():.1%}), "
          f"test {test.size} (answered {y_test.mean():.1%}, {np.mean(replay.k[test] == 0):.1%} with no "
          f"history); split at unix {split_time}")

    defaults = Settings()
    shorts = (0.25, 1.0, 30.0) if args.quick else SHORT_HALF_LIVES
    longs = (7, 30, 180) if args.quick else LONG_HALF_LIVES
    check_defaults(replay, {"train": train, "test": test}, defaults, rounds)
    tuned, train_auc = tune(replay, train, defaults, shorts, longs)
    shown = ", ".join(f"{k} {v:g}" for k, v in tuned.strength_weights.items() if v)
    print(f"tuned on the first half: half-lives {tuned.strength_short_half_life_days:g} and "
          f"{tuned.strength_half_life_days} days; weights {shown} (train AUC {train_auc:.4f})")

    recency, frequency = replay.baselines(test)
    parts_default, used_default = replay.scored(test, defaults)
    parts_tuned, used_tuned = replay.scored(test, tuned)
    strength_default = score(parts_default, used_default, dict(defaults.strength_weights))
    strength_tuned = score(parts_tuned, used_tuned, dict(tuned.strength_weights))

    mutual = replay.mutual_contacts()
    structural = np.minimum(1.0, np.log1p(mutual) / np.log1p(MUTUAL_FULL))
    train_parts, train_used = replay.scored(train, tuned)
    train_raw = combine(train_parts, train_used, weights_vector(dict(tuned.strength_weights)))
    best_share, best_train = 0.0, -1.0
    for share in (0.0, 0.05, 0.1, 0.2, 0.3, 0.5):  # structural's share of a combined 0-100 score
        value = auc(np.rint(100 * ((1 - share) * train_raw + share * structural[train])), y_train)
        if value > best_train + 1e-5:
            best_share, best_train = share, value
    test_raw = combine(parts_tuned, used_tuned, weights_vector(dict(tuned.strength_weights)))
    combined = np.rint(100 * ((1 - best_share) * test_raw + best_share * structural[test]))

    feats_train, feats_test = pair_features(replay, train), pair_features(replay, test)
    ceiling_w = fit_logistic(feats_train, y_train, nonnegative=False)
    in_sample_w = fit_logistic(feats_test, y_test, nonnegative=False)
    spoke_last_train = np.column_stack([train_parts, feats_train[:, 22]])
    spoke_last_w = fit_logistic(spoke_last_train, y_train, nonnegative=True)
    spoke_last_test = np.column_stack([parts_tuned, feats_test[:, 22]]) @ spoke_last_w

    scores: dict[str, F64] = {
        "recency only (baseline)": recency,
        "frequency only (baseline)": frequency,
        "strength, default settings": strength_default,
        "strength, tuned on the first half": strength_tuned,
        "structural alone (mutual contacts at t)": structural[test],
        f"tuned strength + structural ({best_share:.0%} share, tuned)": combined,
        "tuned parts + 'they spoke last' (fitted)": spoke_last_test,
        "ceiling: 28 pair features, logistic, fit on first half": feats_test @ ceiling_w,
        "upper bound: same, fit on the test half itself": feats_test @ in_sample_w,
    }
    boot = bootstrap(scores, y_test, replay.src[test], rounds)
    base_best = "frequency only (baseline)"
    print(f"ROC-AUC on the second half (does B answer A within 7 days?), 95% CI from {rounds} "
          "resamples of senders:")
    for name, values in scores.items():
        lo, hi = np.percentile(boot[name], [2.5, 97.5])
        print(f"  {name:<58} {auc(values, y_test):.4f}  [{lo:.3f}, {hi:.3f}]")
    for name in ("strength, default settings", "strength, tuned on the first half"):
        diff = boot[name] - np.maximum(boot[base_best], boot["recency only (baseline)"])
        lo, hi = np.percentile(diff, [2.5, 97.5])
        print(f"  {name} minus the better baseline: [{lo:+.3f}, {hi:+.3f}]")
    for label, parts in (("default", parts_default), ("tuned", parts_tuned)):
        alone = ", ".join(f"{p} {auc(parts[:, j], y_test):.3f}" for j, p in enumerate(PARTS))
        print(f"  parts alone ({label}): {alone}")
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
