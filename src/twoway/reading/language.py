"""Which language a message is written in: ISO 639-1 code of a language the lexicon reads, or ``unknown``.

py3langid, because on the dev set it was as accurate as lingua's high-accuracy mode (297 vs 296 of 308
texts with words) at a tenth of its time (~15-30 µs vs ~230 µs a text; lingua's low-accuracy mode 272 at
~50 µs, langdetect 282 at 2.4 ms and random unless seeded), deterministic, with its model inside the wheel.
It is restricted to the languages read here plus common neighbours, so a Polish or Swedish message comes
out as that neighbour and is reported ``unknown`` rather than forced into Dutch or German. Phrases from
the lexicon decide first when they are unambiguous ("Danke!" is German, "Gracias" Spanish); "ok" or an
emoji alone tells nothing: ``unknown``.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from typing import ClassVar

import numpy as np
import numpy.typing as npt
from py3langid.langid import MODEL_FILE, LanguageIdentifier, visit_counts

from twoway.reading.model import LANGUAGES, UNKNOWN

# Neighbours the identifier may answer so that it is not forced to pick one of ours.
_OTHERS: tuple[str, ...] = ("pl", "sv", "da", "no", "fi", "tr", "ru", "uk", "cs", "sk", "ro", "hu", "hr", "sl",
                            "el", "ca", "gl", "af", "id", "ja", "zh", "ko", "ar", "he", "hi", "vi", "th", "et",
                            "lv", "lt", "eu", "la", "lb", "mt", "sq")
_SHORT_WORDS = 4  # up to this many words the lexicon's votes decide
_SHORT_CONFIDENCE = 0.7  # below this a short text without lexicon votes is unknown
_SAMPLE = 160  # characters: enough to tell a language, and keeps long messages cheap (the cost is per byte)
_SURE = 2  # phrases of one language, and none of another, that settle a longer text without the identifier
_FEW_WORDS = 12  # up to this many words one such phrase is enough


class _Model:
    """py3langid's model, read from its wheel on first use (0.5 s that commands reading no message skip).

    Scored here rather than through ``LanguageIdentifier.classify``: the same byte n-gram features
    (py3langid's own DFA walk) and the same naive Bayes sums, over a contiguous float32 table of just our
    languages and their neighbours, which halves the time per text. A static resource, not a cache.
    """

    nextmove: ClassVar[Sequence[int]] = ()
    rowbase: ClassVar[Sequence[int]] = ()
    output: ClassVar[Sequence[int]] = ()
    table: ClassVar[npt.NDArray[np.float32]] = np.zeros((0, 0), dtype=np.float32)
    prior: ClassVar[npt.NDArray[np.float32]] = np.zeros(0, dtype=np.float32)
    labels: ClassVar[Sequence[str]] = ()

    @classmethod
    def load(cls) -> None:
        ident = LanguageIdentifier.from_model_file(MODEL_FILE)
        ident.set_languages([*LANGUAGES, *_OTHERS])
        cls.nextmove, cls.output = ident.tk_nextmove, ident.tk_output
        cls.rowbase = [r << 8 for r in ident.tk_row]
        cls.table = np.ascontiguousarray(ident.nb_ptc, dtype=np.float32)
        cls.prior = np.asarray(ident.nb_pc, dtype=np.float32)
        cls.labels = tuple(ident.nb_classes)


def identify(text: str) -> tuple[str, float]:
    """The most likely language among ours and the neighbours, with its probability (as py3langid's
    ``norm_probs``: a softmax over scores scaled by the square root of the length in bytes)."""
    if not _Model.labels:
        _Model.load()
    sample = text[:_SAMPLE]
    data = unicodedata.normalize("NFC", sample.lower() if sample.isupper() else sample).encode("utf8", "surrogatepass")
    counts = visit_counts(_Model.nextmove, _Model.rowbase, _Model.output, data)
    if not counts:
        return UNKNOWN, 0.0
    idx = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
    weight = np.log1p(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
    scores = weight @ _Model.table[idx] + _Model.prior
    best = int(scores.argmax())
    scaled = (scores - scores[best]) * (1.0 / math.sqrt(len(data)))
    return _Model.labels[best], float(1.0 / np.exp(scaled).sum())


def decide(text: str, words: int, votes: dict[str, int], greetings: dict[str, int] | None = None) -> str:
    """The language of a cleaned text with ``words`` words, given the lexicon's votes per language.

    Greetings ("Hi", "Hallo", "Ciao" are written in every language) count only in short texts.
    """
    if words == 0:
        return UNKNOWN
    short = words <= _SHORT_WORDS
    if short and greetings:
        votes = {lang: votes.get(lang, 0) + greetings.get(lang, 0) for lang in {*votes, *greetings}}
    if votes:
        best = max(votes.values())
        leaders = [lang for lang, n in votes.items() if n == best]
        # Phrases of one language and none of another settle it: one in a text of a few words ("Danke für
        # alles!"), two in a longer one ("Danke dir, schönes Wochenende und bis bald").
        if len(leaders) == 1 and (short or (len(votes) == 1 and (best >= _SURE or words <= _FEW_WORDS))):
            return leaders[0]
    code, p = identify(text)
    if code not in LANGUAGES:
        return UNKNOWN
    if words <= _SHORT_WORDS and (p < _SHORT_CONFIDENCE or (votes and code not in votes)):
        return UNKNOWN
    return code
