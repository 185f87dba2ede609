"""What an invitation note says: blank, LinkedIn's default text, a personal note, a pitch or a recruiter.

:func:`read_note` is pure: the note and what is known about its reader (the owner's names, employers
and schools) in, a :class:`NoteReading` out. A personal note is read for what it *names* — the owner,
an event, a talk, a shared employer or school, a referral, a specific reason — because that is what
tells a note written for the owner from a note written for anyone. The words live in
:mod:`twoway.reading.notes_lexicon`, in every language LinkedIn members write in; pitch signals and
the language come from the message reader (:func:`twoway.reading.pitch_signals`,
:func:`twoway.reading.language_of`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from twoway.reading import language_of, pitch_signals
from twoway.reading import notes_lexicon as lex

BLANK, DEFAULT, PERSONAL, PITCH, RECRUITER = "blank", "default", "personal", "pitch", "recruiter"
KINDS = (BLANK, DEFAULT, PERSONAL, PITCH, RECRUITER)
UNKNOWN = "unknown"

#: What a personal note can name; all but ``owner_name`` and ``question`` are a context shared with the owner.
MENTIONS = ("owner_name", "event", "talk", "employer", "school", "alumni", "referral", "specific_reason", "question")
SHARED_CONTEXT = frozenset({"event", "talk", "employer", "school", "alumni", "referral", "specific_reason"})

_TOKEN = re.compile(r"[^\W_]+")
_LINK = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|co|net|org|ly|me|ai|app|example)"
                   r"(?:/\S*)?|\b[\w.+-]+@[\w-]+\.[\w.]+", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?¡¿\n]*[?]")
_LEGAL_FORMS = frozenset((
    "gmbh", "ag", "kg", "bv", "nv", "inc", "ltd", "llc", "plc", "sa", "sas", "sarl", "srl", "spa", "sl", "slu", "lda",
    "co", "corp", "corporation", "limited", "group", "the",
))
_MAX_EXTRA_WORDS = 10  # greeting, names and a sign-off around a default text


@dataclass(frozen=True, slots=True)
class NoteReading:
    """One invitation note, read."""

    kind: str  # blank | default | personal | pitch | recruiter
    language: str  # ISO 639-1 or "unknown"
    mentions: tuple[str, ...]  # what a personal note names (see MENTIONS)
    signals: tuple[str, ...]  # pitch / spam signals ("sales_offer", "link", ...)
    asks: bool  # proposes something to follow up: a call, a question, a meeting

    @property
    def shared(self) -> tuple[str, ...]:
        """The mentions that name a context shared with the owner (not just their name)."""
        return tuple(m for m in self.mentions if m in SHARED_CONTEXT)

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "language": self.language, "mentions": list(self.mentions),
                "shared": list(self.shared), "signals": list(self.signals), "asks": self.asks}


# --- text --------------------------------------------------------------------------------------------


def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(text: str | None) -> str:
    """Lower-case words without accents or punctuation, one space apart: what the lexicon is written in."""
    return " ".join(_fold_word(m.group(0)) for m in _TOKEN.finditer(text or ""))


@dataclass(frozen=True, slots=True)
class _Words:
    """A note's words as written and normalised, and the normalised text with each word's offset in it."""

    raw: tuple[str, ...]
    norm: tuple[str, ...]
    text: str
    starts: tuple[int, ...]
    spans: tuple[tuple[int, int], ...]  # each word's place in the note as written

    @classmethod
    def of(cls, note: str) -> _Words:
        found = list(_TOKEN.finditer(note))
        raw = tuple(m.group(0) for m in found)
        norm = tuple(_fold_word(w) for w in raw)
        starts, at = [], 0
        for w in norm:
            starts.append(at)
            at += len(w) + 1
        return cls(raw, norm, " ".join(norm), tuple(starts), tuple(m.span() for m in found))

    def index_at(self, offset: int) -> int:
        """The word that starts at or covers a character offset of :attr:`text`."""
        return max(bisect_right(self.starts, offset) - 1, 0)

    def span(self, match: re.Match[str]) -> range:
        return range(self.index_at(match.start()), self.index_at(max(match.end() - 1, match.start())) + 1)


@cache
def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One whole-word pattern for a phrase list; a trailing ``*`` lets the last word run on."""
    parts = sorted({re.escape(p.rstrip("*")) + (r"\w*" if p.endswith("*") else "") for p in phrases},
                   key=len, reverse=True)
    return re.compile(r"(?<!\S)(?:" + "|".join(parts) + r")(?!\S)")


def _has(words: _Words, phrases: tuple[str, ...]) -> bool:
    return _phrases(phrases).search(words.text) is not None


def _names(value: str) -> tuple[str, ...]:
    return tuple(w for w in normalise(value).split() if len(w) > 1)


# --- LinkedIn's default texts ------------------------------------------------------------------------


@cache
def _default_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((lang, re.compile(r"(?<!\S)" + p + r"(?!\S)")) for lang, ps in lex.DEFAULT_TEXTS.items() for p in ps)


def _default_match(words: _Words, owner_names: Iterable[str] = ()) -> str | None:
    """The language of the LinkedIn default text this note is, give or take a greeting, names and a sign-off."""
    names = set(owner_names)
    for lang, pattern in _default_patterns():
        match = pattern.search(words.text)
        if not match:
            continue
        covered = set(words.span(match))
        extra = [i for i in range(len(words.norm)) if i not in covered]
        if len(extra) > _MAX_EXTRA_WORDS:
            continue
        if all(words.norm[i] in lex.COURTESY_WORDS or words.norm[i] in names or words.raw[i][:1].isupper()
               for i in extra):
            return lang
    return None


def is_default_text(note: str | None) -> bool:
    """LinkedIn's default invitation text in any supported language, with or without a greeting by name."""
    if not note or not note.strip():
        return False
    return _default_match(_Words.of(note)) is not None


# --- what a personal note names ----------------------------------------------------------------------


def _company_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in normalise(name).split() if w not in _LEGAL_FORMS)


def _sequence_at(words: _Words, wanted: Sequence[str]) -> range | None:
    """Where the words hold ``wanted`` in a row; long words may be inflected ("Stadtwerken")."""
    n = len(wanted)
    for i in range(len(words.norm) - n + 1 if n else 0):
        if all(words.norm[i + j] == w or (len(w) >= 5 and words.norm[i + j].startswith(w))
               for j, w in enumerate(wanted)):
            return range(i, i + n)
    return None


def _employer_at(words: _Words, employers: Sequence[str]) -> range | None:
    return next((at for e in employers if (at := _sequence_at(words, _company_words(e)))), None)


def _school_at(words: _Words, schools: Sequence[str], studied: bool) -> range | None:
    """A school named by its own words ("Leipzig", "Delft") next to a school word, or anywhere when the
    note speaks of studying (so "the Edinburgh Data Meetup" is not the University of Edinburgh)."""
    for school in schools:
        tokens = normalise(school).split()
        own = tuple(t for t in tokens if t not in lex.SCHOOL_WORDS) or tuple(tokens)
        if not own:
            continue
        for i, word in enumerate(words.norm):
            end = _follows(words.norm, i, own) if word == own[0] else None
            if end is None:
                continue
            near = words.norm[max(0, i - 3):i] + words.norm[end:end + 2]
            if studied or any((w in lex.SCHOOL_WORDS and len(w) > 3) or w in ("tu", "th", "fh", "ie", "uni")
                              for w in near):
                return range(i, end)
    return None


def _follows(norm: Sequence[str], start: int, wanted: Sequence[str]) -> int | None:
    """The index after ``wanted`` found in order from ``start``, skipping connecting words ("Federal *do* Sul")."""
    at = start
    for want in wanted:
        while at < len(norm) and norm[at] != want and norm[at] in lex.SCHOOL_WORDS and at - start <= len(wanted) + 2:
            at += 1
        if at >= len(norm) or norm[at] != want:
            return None
        at += 1
    return at


def _talk_at(words: _Words) -> range | None:
    """A talk, keynote or podcast that is not the sender's own ("my webinar" is advertising)."""
    for match in _phrases(lex.TALK).finditer(words.text):
        first = words.index_at(match.start())
        before = words.norm[max(0, first - 2):first]
        if not any(w in lex.FIRST_PERSON_POSSESSIVE for w in before):
            return words.span(match)
    return None


def _questions(prose: str) -> list[str]:
    """The questions of a note's text (its links taken out: a "?" inside a web address asks nothing)."""
    return [normalise(q) for q in _SENTENCE.findall(prose) if normalise(q)]


def _mentions(note: str, words: _Words, *, owner_names: Sequence[str], employers: Sequence[str],
              schools: Sequence[str]) -> tuple[str, ...]:
    found: list[str] = []
    if owner_names and any(n in words.norm for n in owner_names):
        found.append("owner_name")
    if _has(words, lex.EVENT):
        found.append("event")
    if _talk_at(words):
        found.append("talk")
    shared = _has(words, lex.SHARED) or _has(words, lex.COLLEAGUE)
    if _has(words, lex.COLLEAGUE) or (shared and _employer_at(words, employers)):
        found.append("employer")
    alumni = _has(words, lex.ALUMNI)
    if _school_at(words, schools, studied=alumni or _has(words, lex.STUDY)):
        found.append("school")
    if alumni:
        found.append("alumni")
    if _has(words, lex.REFERRAL):
        found.append("referral")
    if _has(words, lex.SPECIFIC_REASON):
        found.append("specific_reason")
    if _has(words, lex.QUESTION) or any(not _phrases(lex.RHETORICAL).search(q) for q in _questions(note)):
        found.append("question")
    return tuple(found)


def _asks(note: str, words: _Words) -> bool:
    """Proposes something to follow up: a call, a coffee, a meeting, or asks a real (not rhetorical) question."""
    if _has(words, lex.ASKS):
        return True
    return any(not _phrases(lex.RHETORICAL).search(q) for q in _questions(note))


# --- pitches and recruiters --------------------------------------------------------------------------


def _pitch_signals(note: str, words: _Words) -> tuple[str, ...]:
    """Pitch and spam signals: the message reader's, this module's invitation phrases, and links."""
    found = list(dict.fromkeys(pitch_signals(note)))
    for key, phrases in lex.NOTE_PITCH.items():
        if key not in found and _has(words, phrases):
            found.append(key)
    if "link" not in found and _LINK.search(note):
        found.append("link")
    return tuple(found)


def _decisive(signals: Sequence[str]) -> bool:
    return any(s in lex.DECISIVE_PITCH or s in lex.NOTE_PITCH for s in signals)


def _soft_pitch(signals: Sequence[str], shared: bool) -> bool:
    """In a note naming nothing shared with the owner, two soft signals or a link (a stranger's bare link)."""
    soft = [s for s in signals if s not in lex.JOB_SIGNALS]
    return not shared and (len(soft) >= 2 or "link" in soft)


def is_recruiter_text(text: str | None) -> bool:
    """Someone recruiting (for a note or a headline): a recruiter's title, or a role offered to the reader."""
    words = _Words.of(text or "")
    return _has(words, lex.RECRUITER_SELF) or _has(words, lex.RECRUITER_ROLE)


def spam_signals(text: str | None) -> tuple[str, ...]:
    """Signals of spam in a short text about the sender (a headline): money schemes, messengers, links."""
    if not text or not text.strip():
        return ()
    words = _Words.of(text)
    found = [key for key in ("money_scheme", "off_platform") if _has(words, lex.NOTE_PITCH[key])]
    found += [s for s in pitch_signals(text) if s in ("money_scheme", "off_platform") and s not in found]
    if _LINK.search(text):
        found.append("link")
    return tuple(found)


def _language(note: str) -> str:
    lang = language_of(note)
    return lang if lang in lex.LANGUAGES else UNKNOWN


# --- the reading -------------------------------------------------------------------------------------


def read_note(
    note: str | None,
    *,
    owner_first: str = "",
    owner_last: str = "",
    owner_employers: Sequence[str] = (),
    owner_schools: Sequence[str] = (),
) -> NoteReading:
    """Read one invitation note for its kind, language, what it names, its pitch signals and whether it asks."""
    if not note or not normalise(note):
        return NoteReading(BLANK, UNKNOWN, (), (), False)
    words = _Words.of(note)
    owner_names = _names(owner_first) + _names(owner_last)
    default_lang = _default_match(words, owner_names)
    if default_lang is not None:
        named = ("owner_name",) if any(n in words.norm for n in owner_names) else ()
        return NoteReading(DEFAULT, default_lang, named, (), False)
    prose = _LINK.sub(" ", note)  # what the note names is in its words, not in its web addresses
    said = _Words.of(prose)
    mentions = _mentions(prose, said, owner_names=owner_names, employers=owner_employers, schools=owner_schools)
    signals = _pitch_signals(note, words)
    shared = any(m in SHARED_CONTEXT for m in mentions)
    if _decisive(signals):
        kind = PITCH  # a sales or money pitch, whatever else it names
    elif lex.RECRUITING_SIGNAL in signals or is_recruiter_text(note):
        kind = RECRUITER
    elif _soft_pitch(signals, shared):
        kind = PITCH  # soft signals, or a stranger's bare link
    else:
        kind = PERSONAL
    return NoteReading(kind, _language(note), mentions, signals, _asks(prose, said))


# --- who reads it, and the words that show what it names ---------------------------------------------

_QUOTED = {"event": lex.EVENT, "alumni": lex.ALUMNI, "referral": lex.REFERRAL, "specific_reason": lex.SPECIFIC_REASON,
           "asks": lex.ASKS, "question": lex.QUESTION, "recruiter": lex.RECRUITER_SELF + lex.RECRUITER_ROLE}
_CLAUSE_END = re.compile(r"[.!?¡¿;:\n,()]|\s[-–—]\s")
_QUOTE_WIDTH = 70


@dataclass(frozen=True, slots=True)
class Reader:
    """Whom a note is for (the owner, or whoever the owner writes to): the names, employers and schools it may name."""

    first: str = ""
    last: str = ""
    employers: tuple[str, ...] = ()
    schools: tuple[str, ...] = ()

    def read(self, note: str | None) -> NoteReading:
        return read_note(note, owner_first=self.first, owner_last=self.last, owner_employers=self.employers,
                         owner_schools=self.schools)

    def quote(self, note: str | None, key: str) -> str:
        """The words of ``note`` that show ``key`` (a mention, ``asks``, ``recruiter`` or ``link``), or ""."""
        if not note:
            return ""
        if key == "link":
            return next((m.group(0) for m in _LINK.finditer(note)), "")
        prose = _LINK.sub(" ", note)
        words = _Words.of(prose)
        at = (_talk_at(words) if key == "talk"
              else _located(words, lex.COLLEAGUE) or _employer_at(words, self.employers) if key == "employer"
              else _school_at(words, self.schools, studied=True) if key == "school"
              else _located(words, _QUOTED[key]) if key in _QUOTED else None)
        if at is not None:
            return _clause(prose, words.spans[at.start][0], words.spans[at.stop - 1][1])
        if key in ("asks", "question"):
            asked = [m for m in _SENTENCE.finditer(prose) if normalise(m.group(0))
                     and not _phrases(lex.RHETORICAL).search(normalise(m.group(0)))]
            return _clause(prose, asked[0].end() - 1, asked[0].end() - 1) if asked else ""  # the clause before "?"
        return ""


def _located(words: _Words, phrases: tuple[str, ...]) -> range | None:
    match = _phrases(phrases).search(words.text)
    return words.span(match) if match else None


def _clause(text: str, start: int, end: int) -> str:
    """The clause of ``text`` around ``text[start:end]``, cut to about :data:`_QUOTE_WIDTH` characters."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    stop = _CLAUSE_END.search(text, end)
    right = stop.start() if stop else len(text)
    lo, hi = left, right
    if right - left > _QUOTE_WIDTH:  # a window around the words, cut at spaces
        space = text.rfind(" ", left, max(left, start - 20))
        lo = space + 1 if start - left > 20 and space >= 0 else left
        hi = right if right - lo <= _QUOTE_WIDTH else max(end, text.rfind(" ", end, lo + _QUOTE_WIDTH))
    quoted = " ".join(text[lo:hi].split())
    return ("…" if lo > left else "") + quoted + ("…" if hi < right else "")
