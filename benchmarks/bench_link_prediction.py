"""People-you-may-know quality: the published link-prediction figure on ego-Facebook, with our engine.

Hide 10% of the edges at random, score the hidden edges and as many random non-edges with the
engine's Adamic–Adar (also common neighbours and resource allocation for context), report ROC-AUC
(Mann–Whitney over all positive/negative pairs, ties count half), and precision@10 of the actual
suggestion lists: of each member's top 10 suggestions on the reduced graph, the share that are
hidden edges (averaged over members who lost at least one edge). networkx's adamic_adar_index is
run on the same split as a cross-check. Anchor (research/graph-anchors.md): AA 0.9935 ± 0.0004.

Run: python benchmarks/bench_link_prediction.py [--file ../shared/data/raw/snap-ego-facebook.txt] [--seeds 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import networkx as nx
import numpy as np

from twoway.graph.csr import graph_from_labelled_edges
from twoway.graph.edgelist import read_edge_list
from twoway.graph.queries import Engine

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "raw" / "snap-ego-facebook.txt"


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    scores = np.concatenate([pos, neg])
    order = scores.argsort(kind="stable")
    ranks = np.empty(scores.shape[0], dtype=np.float64)
    ranks[order] = np.arange(1, scores.shape[0] + 1)
    # average ranks of ties
    sorted_scores = scores[order]
    starts = np.flatnonzero(np.r_[True, sorted_scores[1:] != sorted_scores[:-1]])
    ends = np.r_[starts[1:], scores.shape[0]]
    for s, e in zip(starts, ends, strict=True):
        if e - s > 1:
            ranks[order[s:e]] = (s + 1 + e) / 2
    r_pos = ranks[: pos.shape[0]].sum()
    return float((r_pos - pos.shape[0] * (pos.shape[0] + 1) / 2) / (pos.shape[0] * neg.shape[0]))


def run(path: Path, seed: int) -> dict[str, float]:
    a, b = read_edge_list(path)
    full = graph_from_labelled_edges(a, b)
    n = full.n
    src = np.repeat(np.arange(n, dtype=np.int64), np.diff(full.csr.indptr))
    dst = full.csr.indices.astype(np.int64)
    upper = src < dst
    edges = np.stack([src[upper], dst[upper]], axis=1)
    rng = np.random.default_rng(seed)
    perm = rng.permutation(edges.shape[0])
    hidden_count = edges.shape[0] // 10
    hidden, kept = edges[perm[:hidden_count]], edges[perm[hidden_count:]]
    train = graph_from_labelled_edges(
        np.concatenate([kept[:, 0], np.arange(n)]), np.concatenate([kept[:, 1], np.arange(n)])
    )  # self-loops keep every node (dropped by the build) so ids stay 0..n-1
    eng = Engine(train.csr)
    existing = set(map(tuple, edges.tolist()))
    negatives: list[tuple[int, int]] = []
    while len(negatives) < hidden_count:
        u, v = (int(x) for x in rng.integers(0, n, 2))
        if u != v and (min(u, v), max(u, v)) not in existing:
            negatives.append((u, v))
    deg = train.csr.degrees()

    def scores(pairs: list[tuple[int, int]] | np.ndarray) -> dict[str, np.ndarray]:
        aa, cn, ra = [], [], []
        for u, v in pairs:
            shared = eng.mutual(int(u), int(v))
            cn.append(shared.shape[0])
            aa.append(float(eng.inv_log_degree[shared].sum()))
            ra.append(float((1.0 / deg[shared]).sum()) if shared.shape[0] else 0.0)
        return {"aa": np.array(aa), "cn": np.array(cn, dtype=float), "ra": np.array(ra)}

    t0 = time.perf_counter()
    pos, neg = scores(hidden), scores(negatives)
    scoring = time.perf_counter() - t0
    ref = nx.Graph()
    ref.add_nodes_from(range(n))
    ref.add_edges_from(kept.tolist())
    nx_pos = np.array([s for _, _, s in nx.adamic_adar_index(ref, hidden.tolist())])
    assert np.allclose(nx_pos, pos["aa"]), "engine and networkx disagree on Adamic–Adar"
    lost: dict[int, set[int]] = {}
    for u, v in hidden.tolist():
        lost.setdefault(u, set()).add(v)
        lost.setdefault(v, set()).add(u)
    t0 = time.perf_counter()
    precisions = []
    for u, gone in lost.items():
        top = [s.node for s in eng.suggest(u, 10)]
        precisions.append(sum(1 for x in top if x in gone) / 10)
    suggest_ms = (time.perf_counter() - t0) / len(lost) * 1e3
    return {"aa": auc(pos["aa"], neg["aa"]), "cn": auc(pos["cn"], neg["cn"]), "ra": auc(pos["ra"], neg["ra"]),
            "p10": float(np.mean(precisions)), "members": len(lost), "scoring_s": scoring,
            "suggest_ms": suggest_ms}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    results = [run(args.file, seed) for seed in range(args.seeds)]
    for seed, r in enumerate(results):
        print(f"seed {seed}: AA {r['aa']:.4f}  CN {r['cn']:.4f}  RA {r['ra']:.4f}  precision@10 {r['p10']:.4f} "
              f"over {r['members']} members; scoring {r['scoring_s']:.2f} s, suggest {r['suggest_ms']:.2f} ms/member")
    for key in ("aa", "cn", "ra", "p10"):
        values = np.array([r[key] for r in results])
        print(f"{key}: mean {values.mean():.4f} ± {values.std():.4f} (std over {len(values)} seeds)")


if __name__ == "__main__":
    main()
