"""Which word starts can a lexicon pattern match at? Keys for the matcher's index.

Running hundreds of alternations over every position of every text is slow in Python's regex
engine (about 50 µs a text). Instead each pattern is filed under the first three characters it can
begin with, and tried, anchored, only at the words that begin that way. This module works out those
three-character starts for the small regex dialect the lexicon is written in: literals, escapes,
``(?:a|b)`` groups, lookarounds (ignored), ``[...]`` classes, ``\\d \\w \\S .`` and quantifiers.
A pattern outside the dialect raises ``ValueError`` when the package is imported, never later.
"""

from __future__ import annotations

from typing import TypeAlias

# An element is one character, or a marker for a class of characters.
DIGIT, WILD = "\x00digit", "\x00wild"
_SMALL_CLASS = 40
_MANY = 99  # an unbounded repeat: only the first few copies matter for a prefix

Elem = str
Prefix = tuple[Elem, ...]
# (atom, min, max): an atom is a set of elements (one character) or a group, a list of alternative sequences.
Item: TypeAlias = "tuple[frozenset[Elem] | list[list[Item]], int, int]"


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0

    def alternatives(self) -> list[list[Item]]:
        alts: list[list[Item]] = [[]]
        while self.i < len(self.p) and self.p[self.i] != ")":
            if self.p[self.i] == "|":
                self.i += 1
                alts.append([])
                continue
            atom = self.atom()
            lo, hi = self.quantifier()
            if atom is not None:
                alts[-1].append((atom, lo, hi))
        return alts

    def atom(self) -> frozenset[Elem] | list[list[Item]] | None:
        p, c = self.p, self.p[self.i]
        if c == "(":
            zero_width = p.startswith(("(?=", "(?!", "(?<=", "(?<!"), self.i)
            if p.startswith("(?:", self.i):
                self.i += 3
            elif zero_width:
                self.i = p.index("<", self.i) + 2 if p.startswith("(?<", self.i) else self.i + 3
            elif p.startswith("(?", self.i):
                raise ValueError(f"unsupported group in {p!r}")
            else:
                self.i += 1
            alts = self.alternatives()
            self.i += 1  # the closing parenthesis
            return None if zero_width else alts
        if c == "[":
            end = p.index("]", self.i + 2)
            body, self.i = p[self.i + 1 : end], end + 1
            return frozenset({WILD}) if body.startswith("^") else _class(body)
        self.i += 1
        if c == "\\":
            e = p[self.i]
            self.i += 1
            if e == "b":
                return None
            if e == "d":
                return frozenset({DIGIT})
            if e in "wWsSD":
                return frozenset({WILD})
            return frozenset({e})
        if c == ".":
            return frozenset({WILD})
        if c in "*+?{":
            raise ValueError(f"dangling quantifier in {p!r}")
        return frozenset({c})

    def quantifier(self) -> tuple[int, int]:
        p, lo, hi = self.p, 1, 1
        if self.i < len(p) and p[self.i] in "?*+":
            lo, hi = {"?": (0, 1), "*": (0, _MANY), "+": (1, _MANY)}[p[self.i]]
            self.i += 1
        elif self.i < len(p) and p[self.i] == "{":
            end = p.index("}", self.i)
            lo_s, _, hi_s = p[self.i + 1 : end].partition(",")
            lo = int(lo_s or 0)
            hi = lo if "," not in p[self.i + 1 : end] else (int(hi_s) if hi_s else _MANY)
            self.i = end + 1
        if self.i < len(p) and p[self.i] in "?+" and (lo, hi) != (1, 1):
            self.i += 1  # lazy or possessive: same starts
        return lo, hi


def _class(body: str) -> frozenset[Elem]:
    out: set[Elem] = set()
    k = 0
    while k < len(body):
        if body[k] == "\\":
            out |= {DIGIT} if body[k + 1] == "d" else {WILD} if body[k + 1] in "wWsS" else {body[k + 1]}
            k += 2
        elif k + 2 < len(body) and body[k + 1] == "-":
            out |= {chr(c) for c in range(ord(body[k]), ord(body[k + 2]) + 1)}
            k += 3
        else:
            out.add(body[k])
            k += 1
    return frozenset({WILD}) if len(out) > _SMALL_CLASS else frozenset(out)


def _concat(left: set[Prefix], right: set[Prefix], n: int) -> set[Prefix]:
    return {a if len(a) >= n else (a + b)[:n] for a in left for b in right}


def _seq(items: list[Item], n: int) -> set[Prefix]:
    out: set[Prefix] = {()}
    for atom, lo, hi in items:
        if all(len(a) >= n for a in out):
            break
        one: set[Prefix] = _alts(atom, n) if isinstance(atom, list) else {(e,) for e in atom}
        reps: set[Prefix] = set()
        for count in range(min(lo, n), min(hi, n) + 1):
            block: set[Prefix] = {()}
            for _ in range(count):
                block = _concat(block, one, n)
            reps |= block
        out = _concat(out, reps, n)
    return out


def _alts(alts: list[list[Item]], n: int) -> set[Prefix]:
    out: set[Prefix] = set()
    for items in alts:
        out |= _seq(items, n)
    return out


def starts(pattern: str, n: int = 3) -> set[Prefix]:
    """Every way (up to ``n`` elements) a match of ``pattern`` can begin; a shorter tuple: it can end there."""
    parser = _Parser(pattern)
    alts = parser.alternatives()
    if parser.i != len(pattern):
        raise ValueError(f"unbalanced parenthesis in {pattern!r}")
    found = _alts(alts, n)
    if () in found:
        raise ValueError(f"{pattern!r} can match nothing at all")
    return found
