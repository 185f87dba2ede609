"""The lexicon compiled into one index, and a single pass over a text that reports what matched.

Patterns are filed by the two characters they can begin with (:mod:`twoway.reading.prefix`) and
tried, anchored, only at the words of the text that begin that way, so a text costs a few
microseconds however large the lexicon grows. Within one concept, each language's patterns form a
named group, so a hit also says which language's phrase it was (a vote for short texts).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from twoway.reading.lexicon import COURTESY, Table
from twoway.reading.lexicon_ask import ASK
from twoway.reading.lexicon_auto import AUTO
from twoway.reading.lexicon_pitch import SOFT, STRONG
from twoway.reading.prefix import DIGIT, WILD, starts
from twoway.reading.text import _FOLD

# The rest of a clause: up to six more words before punctuation ("thanks{t}" → "thanks for the kind words").
_TAIL = r"(?:[ ]\w[^\s.!?,;:()]*){0,6}"
_TAIL1 = r"(?:[ ]\w[^\s.!?,;:()]*){1,6}"  # at least one more word
_TOKEN = re.compile(r"\w+")
_END = re.compile(r"[.!?\n]")
#: Concepts whose phrases cover words that do not count as content (what is left decides courtesy vs news).
COVERING = frozenset(COURTESY)
# Concepts whose hits vote for a language.
_VOTING = frozenset(COURTESY) | {"ask", "offer", "news"}
_STARTER = "starter"

# Within one index key the concepts are tried in this order and the first that matches wins, so a
# specific phrase is listed before a general one that starts the same way ("thanks for connecting"
# before "thanks", "happy to help with..." as an offer before "happy to help" as a courtesy).
ORDER: tuple[str, ...] = (
    "auto_reply", "system", "recruiting", "prospecting", "money_scheme", "off_platform", "price_per_hour",
    "call_to_book", "sales_offer", "pleasantry", "offer", "ask", "news", "connect_thanks", "birthday",
    "anniversary", "congrats", "thanks", "welcome", "wishes", "greeting", "followup", "urgency", "dm_me",
    "short_call", "job_terms", "trigger", "event", "cta", "sales_words", "ack", "closing", _STARTER,
)
_Index = dict[str, "re.Pattern[str]"]
_Entry = tuple["re.Pattern[str] | None", "re.Pattern[str] | None"]  # (phrases, question words) at a key
_Group = tuple[str, str]  # (concept, language) of a named group


def _fold_pattern(p: str) -> str:
    return p.replace("{t1}", _TAIL1).replace("{t}", _TAIL).translate(_FOLD)


def _is_word(e: str) -> bool:
    return e.isalnum() or e == "_"


def _key(pre: tuple[str, ...]) -> tuple[int, str]:
    """Where a start is filed: 2, under a word's first three letters (or the whole word if shorter); 1, under
    the letters before a wildcard ("k+", "ja\\w*"); 0, searched in the whole text (it starts with a symbol)."""
    first = pre[0]
    if first == DIGIT:
        return 2, "0"
    if first == WILD or not _is_word(first):
        return 0, ""
    key = first
    for e in pre[1:]:
        if e in (DIGIT, WILD):
            return 1, key
        if not _is_word(e):
            break
        key += e
    return 2, key


def _build(tables: Iterable[Table]) -> tuple[list[_Group], dict[int, dict[str, dict[str, dict[str, list[str]]]]]]:
    """(concept, language) groups and, per index and key, concept -> language -> folded patterns."""
    found: dict[int, dict[str, dict[str, dict[str, list[str]]]]] = {0: {}, 1: {}, 2: {}}
    for table in tables:
        for concept, by_lang in table.items():
            if concept not in ORDER:
                raise ValueError(f"concept {concept!r} has no place in ORDER")
            # A phrase two languages share once folded ("súper", "super") tells neither: it is neutral.
            langs_of: dict[str, set[str]] = {}
            for lang, pats in by_lang.items():
                for raw in pats:
                    langs_of.setdefault(_fold_pattern(raw), set()).add(lang)
            for p, langs in langs_of.items():
                lang = langs.pop() if len(langs) == 1 else "xx"
                for pre in starts(p):
                    which, key = _key(pre)
                    target = found[which].setdefault(key, {}).setdefault(concept, {}).setdefault(lang, [])
                    if p not in target:
                        target.append(p)
    groups = sorted({(c, lang) for idx in found.values() for cs in idx.values() for c, ls in cs.items() for lang in ls},
                    key=lambda g: (ORDER.index(g[0]), g[1]))
    return groups, found


def _compile(concepts: dict[str, dict[str, list[str]]], number: dict[_Group, int], anchored: bool) -> re.Pattern[str]:
    parts = [f"(?P<g{number[(c, lang)]}>{'|'.join(concepts[c][lang])})"
             for c in sorted(concepts, key=ORDER.index) for lang in sorted(concepts[c])]
    return re.compile(("" if anchored else r"(?<!\w)") + f"(?:{'|'.join(parts)})" + r"(?!\w)")


def _indexes() -> tuple[list[_Group], dict[str, _Entry], _Index, list[re.Pattern[str]]]:
    groups, found = _build([COURTESY, ASK, STRONG, SOFT, AUTO])
    number = {g: i for i, g in enumerate(groups)}
    index: dict[str, _Entry] = {}
    for key, concepts in found[2].items():
        plain = {c: v for c, v in concepts.items() if c != _STARTER}
        index[key] = (_compile(plain, number, True) if plain else None,
                      _compile({_STARTER: concepts[_STARTER]}, number, True) if _STARTER in concepts else None)
    one = {key: _compile(concepts, number, True) for key, concepts in found[1].items()}
    # Patterns that start with a symbol ("$25/hour", "(m/w/d)"): searched once per text, per concept.
    anywhere = [_compile({c: v}, number, False) for c, v in found[0].get("", {}).items()]
    return groups, index, one, anywhere


_GROUPS, _INDEX, _ONE, _ANYWHERE = _indexes()
_SYMBOLS = re.compile(r"[^\w\s.,!?'\"-]")  # a symbol some pattern of _ANYWHERE could start with
# Per named group: its concept and language, whether it votes (for the language, or only as a greeting) and
# whether its phrase covers words that are not content.
_INFO: dict[str, tuple[str, str, bool, bool, bool]] = {
    f"g{i}": (c, lang, c in _VOTING and c != "greeting" and lang != "xx", c == "greeting" and lang != "xx",
              c in COVERING)
    for i, (c, lang) in enumerate(_GROUPS)
}


@dataclass(slots=True)
class Scan:
    """What one pass over a folded text found."""

    hits: dict[str, list[str]] = field(default_factory=dict)  # concept -> language of each hit, in text order
    votes: dict[str, int] = field(default_factory=dict)  # language -> its phrases seen (greetings apart)
    greetings: dict[str, int] = field(default_factory=dict)  # language -> its greetings ("hallo" is everyone's)
    words: int = 0  # words (tokens with a letter)
    residual: int = 0  # words not inside a courtesy phrase: the content
    starters: list[str] = field(default_factory=list)  # languages of question words opening a sentence that
    # does not end in "." or "!" ("what time works for you tomorrow"; "was" counts only in German)


def scan(f: str) -> Scan:
    """Match the whole lexicon against a folded text (see :func:`twoway.reading.text.fold`)."""
    hits: dict[str, list[str]] = {}
    votes: dict[str, int] = {}
    greetings: dict[str, int] = {}
    index, info, one = _INDEX, _INFO, _ONE
    covered_to = prev_end = words = residual = 0  # covered_to: end of the furthest courtesy phrase so far
    starters: list[str] = []
    for m in _TOKEN.finditer(f):
        pos = m.start()
        tok = m.group()
        digit = tok[0].isdigit()
        entry = index.get("0" if digit else tok[:3])
        hit = None
        if entry is not None:
            rx, srx = entry
            if rx is not None:
                hit = rx.match(f, pos)
            if srx is not None and _opens(f, prev_end, pos, covered_to):
                ask = srx.match(f, pos)
                if ask is not None:
                    end = _END.search(f, pos)
                    if end is None or end.group() in "?\n":
                        starters.append(info[ask.lastgroup or ""][1])
        if hit is None and one:
            for wide in (one.get(tok[:1]), one.get(tok[:2])):
                hit = wide.match(f, pos) if wide is not None else None
                if hit is not None:
                    break
        if hit is not None:
            concept, lang, votes_for, greets, covers = info[hit.lastgroup or ""]
            seen = hits.get(concept)
            if seen is None:
                hits[concept] = [lang]
            else:
                seen.append(lang)
            if votes_for:
                votes[lang] = votes.get(lang, 0) + 1
            elif greets:
                greetings[lang] = greetings.get(lang, 0) + 1
            if covers and hit.end() > covered_to:
                covered_to = hit.end()
        prev_end = m.end()
        if not digit:
            words += 1
            if pos >= covered_to:
                residual += 1
    for rx_any in _ANYWHERE if _SYMBOLS.search(f) else ():
        found = rx_any.search(f)
        if found is not None:
            hits.setdefault(info[found.lastgroup or ""][0], []).append(info[found.lastgroup or ""][1])
    return Scan(hits, votes, greetings, words, residual, starters)


def _opens(f: str, prev_end: int, pos: int, covered_to: int) -> bool:
    """Whether the word at ``pos`` opens a sentence, or follows nothing but a greeting or thanks."""
    if pos == 0 or any(ch in ".!?\n:;" for ch in f[prev_end:pos]):
        return True
    return 0 < covered_to <= pos and not f[covered_to:pos].strip(" ,")
