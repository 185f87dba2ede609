"""The graph engine against networkx: CSR build, degrees, mutual counts, network sizes, paths, Adamic–Adar."""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twoway.graph import csr as csr_mod
from twoway.graph.csr import from_edges, graph_from_labelled_edges, unique_sorted
from twoway.graph.queries import Engine

RAW = Path(__file__).resolve().parents[3] / "shared" / "data" / "raw"


def _reference(n: int, edges: list[tuple[int, int]]) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from((a, b) for a, b in edges if a != b)
    return g


def _engine(n: int, edges: list[tuple[int, int]]) -> Engine:
    a = np.array([e[0] for e in edges], dtype=np.int64)
    b = np.array([e[1] for e in edges], dtype=np.int64)
    return Engine(from_edges(a, b, n))


def _distance(g: nx.Graph, s: int, t: int) -> int | None:
    try:
        d = nx.shortest_path_length(g, s, t)
    except nx.NetworkXNoPath:
        return None
    return d if d <= 3 else None


graphs = st.integers(min_value=2, max_value=40).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=n * 4),
    )
)


@settings(max_examples=150, deadline=None)
@given(graphs)
def test_every_query_matches_networkx_on_random_graphs(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, edges = case
    ref = _reference(n, edges)
    eng = _engine(n, edges)
    assert eng.csr.edges == ref.number_of_edges()
    for v in range(n):
        assert eng.neighbors(v).tolist() == sorted(ref[v])
    for s in range(n):
        lengths = nx.single_source_shortest_path_length(ref, s)
        sizes = eng.network_sizes(s)
        assert sizes == tuple(sum(1 for d in lengths.values() if d == k) for k in (1, 2, 3))
        assert eng.second_degree_size(s) == sizes[1]
        for t in range(n):
            sep = eng.separation(s, t)
            assert sep.degree == _distance(ref, s, t)
            if sep.degree is not None:
                assert sep.path[0] == s
                assert sep.path[-1] == t
                assert len(sep.path) == sep.degree + 1
                assert all(ref.has_edge(p, q) for p, q in zip(sep.path, sep.path[1:], strict=False))
            if s != t:
                assert eng.mutual(s, t).tolist() == sorted(nx.common_neighbors(ref, s, t))


@settings(max_examples=60, deadline=None)
@given(graphs)
def test_suggestions_are_adamic_adar_ranked_like_networkx(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, edges = case
    ref = _reference(n, edges)
    eng = _engine(n, edges)
    for s in range(n):
        candidates = [(s, v) for v in range(n) if v != s and not ref.has_edge(s, v)]
        expected = {v: score for _, v, score in nx.adamic_adar_index(ref, candidates) if score > 0}
        got = eng.suggest(s, limit=n)
        assert {x.node for x in got} == set(expected)
        for x in got:
            assert x.score == pytest.approx(expected[x.node])
            assert x.shared == len(list(nx.common_neighbors(ref, s, x.node)))
        scores = [x.score for x in got]
        assert scores == sorted(scores, reverse=True)
        top = eng.suggest(s, limit=3)
        assert [x.score for x in top] == pytest.approx(scores[:3])


@settings(max_examples=60, deadline=None)
@given(graphs)
def test_paths_and_introductions_are_complete(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, edges = case
    ref = _reference(n, edges)
    eng = _engine(n, edges)
    for s in range(min(n, 8)):
        for t in range(n):
            if s == t:
                continue
            direct = set(nx.common_neighbors(ref, s, t))
            expected = {
                (u, v)
                for u in ref[s] for v in ref[t]
                if ref.has_edge(u, v) and u != t and v != s and u not in direct and v not in direct
            }
            assert set(eng.three_hop_pairs(s, t)) == expected
        expected_intros = {}
        for x in ref[s]:
            for y in ref[s]:
                if x < y and not ref.has_edge(x, y):
                    shared = [z for z in nx.common_neighbors(ref, x, y) if z != s]
                    score = sum(1 / math.log(ref.degree(z)) for z in shared)
                    if score > 0:
                        expected_intros[(x, y)] = (score, len(shared))
        got = eng.introductions(s, limit=10_000)
        assert {(i.a, i.b) for i in got} == set(expected_intros)
        for i in got:
            assert i.score == pytest.approx(expected_intros[(i.a, i.b)][0])
            assert i.shared == expected_intros[(i.a, i.b)][1]


def test_build_in_buckets_gives_the_same_csr(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(7)
    a = rng.integers(0, 300, 5000)
    b = rng.integers(0, 300, 5000)
    whole = from_edges(a, b, 300)
    monkeypatch.setattr(csr_mod, "_BUCKET_ENTRIES", 101)
    pieces = from_edges(a, b, 300)
    assert np.array_equal(whole.indptr, pieces.indptr)
    assert np.array_equal(whole.indices, pieces.indices)
    assert whole.indices.dtype == np.int32
    assert whole.nbytes <= 4 * whole.entries + 8 * 301


def test_labelled_graph_maps_ids_both_ways() -> None:
    g = graph_from_labelled_edges(np.array(["b", "x", "a"]), np.array(["a", "a", "zz"]), name="t")
    assert g.labels is not None
    assert g.labels.tolist() == ["a", "b", "x", "zz"]
    assert g.label(g.node("zz")) == "zz"
    assert g.find("nobody") is None
    assert sorted(g.labels_of(g.csr.neighbors(g.node("a")))) == ["b", "x", "zz"]
    assert unique_sorted(np.array([3, 1, 3, 2, 1])).tolist() == [1, 2, 3]


def _load_raw(name: str) -> tuple[np.ndarray, np.ndarray]:
    path = RAW / name
    if not path.exists():
        pytest.skip(f"real graphs not found at {RAW} (the shared data folder is absent)")
    rows = np.loadtxt(path, dtype=np.int64, comments=("#", "%"), usecols=(0, 1))
    if rows.shape[0] and rows[0, 1] == rows.shape[0] - 1 and rows[0, 0] > 1:
        rows = rows[1:]  # the carrier's "n m" header
    return rows[:, 0], rows[:, 1]


@pytest.mark.parametrize(
    "name", ["snap-ego-facebook.txt", "snap-ca-grqc.txt", "snap-email-eu-core.txt", "snap-soc-epinions.txt"]
)
def test_real_graphs_match_networkx(name: str) -> None:
    a, b = _load_raw(name)
    g = graph_from_labelled_edges(a, b, name=name)
    eng = Engine(g.csr)
    ref = nx.Graph()
    ref.add_edges_from((int(x), int(y)) for x, y in zip(a.tolist(), b.tolist(), strict=True) if x != y)
    assert g.edges == ref.number_of_edges()
    rng = np.random.default_rng(11)
    nodes = list(ref.nodes)
    for _ in range(40):
        s, t = (int(v) for v in rng.choice(nodes, 2))
        got = eng.separation(g.node(s), g.node(t))
        assert got.degree == _distance(ref, s, t)
        assert len(eng.mutual(g.node(s), g.node(t))) == len(list(nx.common_neighbors(ref, s, t)))
    for s in (int(v) for v in rng.choice(nodes, 5)):
        lengths = nx.single_source_shortest_path_length(ref, s, cutoff=3)
        expected = tuple(sum(1 for d in lengths.values() if d == k) for k in (1, 2, 3))
        assert eng.network_sizes(g.node(s)) == expected
        for sug in eng.suggest(g.node(s), limit=5):
            target = g.label(sug.node)
            [(_, _, score)] = nx.adamic_adar_index(ref, [(s, target)])
            assert sug.score == pytest.approx(score)
