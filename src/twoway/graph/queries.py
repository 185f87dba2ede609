"""Bounded graph queries on a CSR: degree badges, mutual connections, network sizes, paths, suggestions.

Nothing here searches the whole graph per query. Degrees meet in the middle and stop at three hops
(LinkedIn's rule: beyond the 3rd degree a member is "out of network"); counts mark nodes in a reused
per-thread scratch array instead of building sets or calling ``np.unique``. Node ids are the CSR's
internal ints; ``sources`` and the faces translate them to people.
"""

from __future__ import annotations

import heapq
import threading
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from twoway.graph.csr import CSR, Int32s, Int64s

OUT = None  # the degree of a member more than three hops away: "out of network"
_HUBS_ALONE = 2  # largest neighbours scanned as plain slices before batching the rest
_FIRST_BATCH = 4096  # adjacency entries in the first batch of a 3-hop check; doubles after each miss
_THIRD_BATCH = 4_000_000  # entries per batch when sizing the 3rd degree, to bound temporary memory


@dataclass(frozen=True)
class Separation:
    degree: int | None  # 0 (same member), 1, 2, 3, or None for out of network
    path: tuple[int, ...]  # one shortest path, both ends included; () when out of network


@dataclass(frozen=True)
class Suggestion:
    node: int
    score: float  # Adamic–Adar: sum of 1/log(degree) over shared connections
    shared: int  # number of shared connections


@dataclass(frozen=True)
class Introduction:
    a: int
    b: int
    score: float
    shared: int


class _Scratch:
    """Arrays sized to the graph, reused by every query on one thread."""

    def __init__(self, n: int) -> None:
        self.stamp = np.zeros(n, dtype=np.int32)
        self.counter = 0
        self.mark = np.zeros(n, dtype=np.uint8)
        self.acc = np.zeros(n, dtype=np.float64)
        self.claim = np.zeros(n, dtype=np.int64)

    def next_stamp(self) -> int:
        if self.counter >= 2**31 - 2:
            self.stamp.fill(0)
            self.counter = 0
        self.counter += 1
        return self.counter


class Engine:
    """Queries over one CSR. Safe to share between threads: each thread gets its own scratch arrays."""

    def __init__(self, csr: CSR) -> None:
        self.csr = csr
        self._local = threading.local()
        degree = csr.degrees().astype(np.float64)
        with np.errstate(divide="ignore"):
            weight = 1.0 / np.log(degree)
        # A member with one connection is never a *shared* connection; avoid 1/log(1) = inf.
        weight[degree < 2] = 0.0
        self.inv_log_degree: NDArray[np.float64] = weight

    @property
    def scratch(self) -> _Scratch:
        s: _Scratch | None = getattr(self._local, "scratch", None)
        if s is None:
            s = _Scratch(self.csr.n)
            self._local.scratch = s
        return s

    def neighbors(self, v: int) -> Int32s:
        return self.csr.neighbors(v)

    def _volume(self, nodes: Int32s) -> Int64s:
        ip = self.csr.indptr
        return ip[nodes + 1] - ip[nodes]

    def gather(self, nodes: Int32s) -> tuple[Int32s, Int64s]:
        """All neighbours of ``nodes`` concatenated (with repeats), and each node's count."""
        ip = self.csr.indptr
        starts = ip[nodes]
        lens = ip[nodes + 1] - starts
        total = int(lens.sum())
        if total == 0:
            return np.zeros(0, dtype=np.int32), lens
        offsets = np.repeat(starts - (np.cumsum(lens) - lens), lens)
        offsets += np.arange(total, dtype=np.int64)
        return self.csr.indices[offsets], lens

    # -- degrees ---------------------------------------------------------------------------

    def separation(self, s: int, t: int) -> Separation:
        """1st, 2nd, 3rd degree or out of network, with one path; a two-sided search bounded at 3 hops."""
        if s == t:
            return Separation(0, (s,))
        ns, nt = self.neighbors(s), self.neighbors(t)
        if ns.shape[0] == 0 or nt.shape[0] == 0:
            return Separation(OUT, ())
        # Mark the side with more adjacency behind it: expanding the other hits it soonest.
        flipped = int(self._volume(ns).sum()) > int(self._volume(nt).sum())
        x, nx_, y, ny = (t, nt, s, ns) if flipped else (s, ns, t, nt)
        # One byte per member (1 MB for a million) stays in cache better than an int32 stamp array.
        mark = self.scratch.mark
        mark[ny] = 1
        try:
            if mark[x]:
                return self._oriented((x, y), flipped)
            hit = nx_[mark[nx_] == 1]
            if hit.shape[0]:
                return self._oriented((x, int(hit[0]), y), flipped)
            found = self._edge_into_marked(nx_)
        finally:
            mark[ny] = 0
        if found is None:
            return Separation(OUT, ())
        u, v = found
        return self._oriented((x, u, v, y), flipped)

    @staticmethod
    def _oriented(path: tuple[int, ...], flipped: bool) -> Separation:
        ordered = tuple(reversed(path)) if flipped else path
        return Separation(len(ordered) - 1, tuple(int(p) for p in ordered))

    def _edge_into_marked(self, frontier: Int32s) -> tuple[int, int] | None:
        """Some (u, v) with u in ``frontier`` and v marked; largest neighbours first, early exit."""
        ip, ind, mark = self.csr.indptr, self.csr.indices, self.scratch.mark
        lens = self._volume(frontier)
        order = np.argsort(-lens, kind="stable")
        for u in frontier[order[:_HUBS_ALONE]]:
            row = ind[ip[u] : ip[u + 1]]
            hit = row[mark[row] == 1]
            if hit.shape[0]:
                return int(u), int(hit[0])
        rest = frontier[order[_HUBS_ALONE:]]
        start, budget = 0, _FIRST_BATCH
        cumulative = np.cumsum(lens[order[_HUBS_ALONE:]])
        while start < rest.shape[0]:
            done = int(cumulative[start - 1]) if start else 0
            stop = max(int(np.searchsorted(cumulative, done + budget, side="right")), start + 1)
            batch = rest[start:stop]
            values, counts = self.gather(batch)
            hits = np.flatnonzero(mark[values] == 1)
            if hits.shape[0]:
                owner = int(np.searchsorted(np.cumsum(counts), hits[0], side="right"))
                return int(batch[owner]), int(values[hits[0]])
            start, budget = stop, budget * 2
        return None

    # -- mutual connections and network sizes ------------------------------------------------

    def mutual(self, a: int, b: int) -> Int32s:
        """Shared connections of a and b, sorted."""
        na, nb = self.neighbors(a), self.neighbors(b)
        if na.shape[0] > nb.shape[0]:
            na, nb = nb, na
        mark = self.scratch.mark
        mark[nb] = 1
        shared: Int32s = na[mark[na] == 1]
        mark[nb] = 0
        return shared

    def second_degree_size(self, s: int) -> int:
        """Members exactly two hops from s."""
        n1 = self.neighbors(s)
        values, _ = self.gather(n1)
        mark = self.scratch.mark
        mark[values] = 1
        mark[n1] = 0
        mark[s] = 0
        size = int(np.count_nonzero(mark))
        mark[values] = 0
        return size

    def network_sizes(self, s: int) -> tuple[int, int, int]:
        """Sizes of s's 1st, 2nd and 3rd degree networks.

        The 3rd degree is the only query here that can touch most of the graph; it reads the
        adjacency of whichever side is smaller, the 2nd-degree members or the members still unseen.
        """
        n1 = self.neighbors(s)
        mark = self.scratch.mark
        try:
            values, _ = self.gather(n1)
            mark[values] = 1  # 1 = 2nd degree, 2 = self or 1st, 3 = 3rd degree
            mark[n1] = 2
            mark[s] = 2
            second = np.flatnonzero(mark == 1).astype(np.int32)
            del values
            unseen = np.flatnonzero(mark == 0).astype(np.int32)
            if int(self._volume(second).sum()) <= int(self._volume(unseen).sum()):
                self._mark_third_from_second(second)
            else:
                self._mark_third_from_unseen(unseen)
            return n1.shape[0], second.shape[0], int(np.count_nonzero(mark == 3))
        finally:
            mark.fill(0)

    def _batches(self, nodes: Int32s) -> list[Int32s]:
        cumulative = np.cumsum(self._volume(nodes))
        if cumulative.shape[0] == 0:
            return []
        cuts = np.searchsorted(cumulative, np.arange(_THIRD_BATCH, int(cumulative[-1]), _THIRD_BATCH))
        return [part for part in np.split(nodes, np.unique(cuts)) if part.shape[0]]

    def _mark_third_from_second(self, second: Int32s) -> None:
        mark = self.scratch.mark
        for part in self._batches(second):
            values, _ = self.gather(part)
            mark[values[mark[values] == 0]] = 3

    def _mark_third_from_unseen(self, unseen: Int32s) -> None:
        mark = self.scratch.mark
        unseen = unseen[self._volume(unseen) > 0]
        for part in self._batches(unseen):
            values, counts = self.gather(part)
            touches = (mark[values] == 1).astype(np.int64)
            starts = np.cumsum(counts) - counts
            near = np.add.reduceat(touches, starts) > 0
            mark[part[near]] = 3

    # -- paths -------------------------------------------------------------------------------

    def three_hop_pairs(self, s: int, t: int, limit: int = 10_000) -> list[tuple[int, int]]:
        """Links (u, v) with u a connection of s and v a connection of t: paths s-u-v-t.

        Pairs where u already knows t, or v already knows s, are left out: those members can
        introduce directly (2-hop). At most ``limit`` pairs, in adjacency order.
        """
        ns, nt = self.neighbors(s), self.neighbors(t)
        sc = self.scratch
        st_s = sc.next_stamp()
        stamp = sc.stamp
        stamp[ns] = st_s
        direct = nt[stamp[nt] == st_s]
        inner_s = ns[(ns != t)]
        # Members who know both ends are 2-hop intermediaries, not first or second links of a 3-hop path.
        mark = sc.mark
        mark[direct] = 1
        inner_s = inner_s[mark[inner_s] == 0]
        inner_t = nt[(nt != s) & (mark[nt] == 0)]
        mark[direct] = 0
        if inner_s.shape[0] == 0 or inner_t.shape[0] == 0:
            return []
        flipped = int(self._volume(inner_s).sum()) > int(self._volume(inner_t).sum())
        expand, target = (inner_t, inner_s) if flipped else (inner_s, inner_t)
        st = sc.next_stamp()
        stamp[target] = st
        values, counts = self.gather(expand)
        hits = np.flatnonzero(stamp[values] == st)[:limit]
        owners = expand[np.searchsorted(np.cumsum(counts), hits, side="right")]
        far = values[hits]
        if flipped:
            return [(int(v), int(u)) for u, v in zip(owners, far, strict=True)]
        return [(int(u), int(v)) for u, v in zip(owners, far, strict=True)]

    # -- link prediction ---------------------------------------------------------------------

    def adamic_adar(self, a: int, b: int) -> float:
        return float(self.inv_log_degree[self.mutual(a, b)].sum())

    def suggest(self, s: int, limit: int = 20) -> list[Suggestion]:
        """People-you-may-know for s: 2nd-degree members ranked by Adamic–Adar, best first."""
        n1 = self.neighbors(s)
        values, counts = self.gather(n1)
        if values.shape[0] == 0:
            return []
        sc = self.scratch
        acc, claim = sc.acc, sc.claim
        np.add.at(acc, values, np.repeat(self.inv_log_degree[n1], counts))
        acc[n1] = 0.0
        acc[s] = 0.0
        positions = np.arange(values.shape[0], dtype=np.int64)
        claim[values] = positions  # the last write wins: exactly one position per distinct node
        distinct = values[claim[values] == positions]
        scores = acc[distinct]
        acc[distinct] = 0.0
        keep = scores > 0
        distinct, scores = distinct[keep], scores[keep]
        if distinct.shape[0] > limit:
            top = np.argpartition(-scores, limit - 1)[:limit]
            distinct, scores = distinct[top], scores[top]
        ranked = sorted(zip(scores.tolist(), distinct.tolist(), strict=True), key=lambda p: (-p[0], p[1]))
        st = sc.next_stamp()
        sc.stamp[n1] = st
        out = []
        for score, node in ranked:
            row = self.neighbors(node)
            out.append(Suggestion(node, score, int(np.count_nonzero(sc.stamp[row] == st))))
        return out

    def introductions(self, s: int, limit: int = 20, budget: int = 20_000_000) -> list[Introduction]:
        """Pairs of s's connections who do not know each other, ranked by Adamic–Adar over their
        shared connections other than s (s is common to every pair and says nothing).

        Reads the 2-hop neighbourhood of each connection, least connected first; on a huge graph it
        stops after ``budget`` adjacency entries and ranks the pairs seen so far.
        """
        n1 = self.neighbors(s)
        if n1.shape[0] < 2:
            return []
        n1 = n1[np.argsort(self._volume(n1), kind="stable")]
        spent = 0
        sc = self.scratch
        st = sc.next_stamp()
        stamp, acc, claim = sc.stamp, sc.acc, sc.claim
        stamp[n1] = st
        best: list[tuple[float, int, int, int]] = []  # min-heap of (score, -a, -b, shared)
        for x in n1.tolist():
            middle = self.neighbors(x)
            middle = middle[middle != s]
            spent += int(self._volume(middle).sum())
            if spent > budget:
                break
            values, counts = self.gather(middle)
            weights = np.repeat(self.inv_log_degree[middle], counts)
            inside = (stamp[values] == st) & (values > x)
            values, weights = values[inside], weights[inside]
            if values.shape[0] == 0:
                continue
            np.add.at(acc, values, weights)
            acc[self.neighbors(x)] = 0.0  # already connected: nothing to introduce
            positions = np.arange(values.shape[0], dtype=np.int64)
            claim[values] = positions
            distinct = values[claim[values] == positions]
            scores = acc[distinct]
            acc[distinct] = 0.0
            shared = np.bincount(np.searchsorted(distinct_sorted := np.sort(distinct), values),
                                 minlength=distinct_sorted.shape[0])
            shared_of = dict(zip(distinct_sorted.tolist(), shared.tolist(), strict=True))
            for score, y in zip(scores.tolist(), distinct.tolist(), strict=True):
                if score <= 0:
                    continue
                item = (score, -x, -y, shared_of[y])
                if len(best) < limit:
                    heapq.heappush(best, item)
                elif item > best[0]:
                    heapq.heapreplace(best, item)
        ranked = sorted(best, key=lambda i: (-i[0], -i[1], -i[2]))
        return [Introduction(-a, -b, score, shared) for score, a, b, shared in ranked]
