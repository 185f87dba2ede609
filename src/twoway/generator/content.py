"""What synthetic messages and invitation notes say, and what each one means (the ground truth).

Every message belongs to a *family* (a thank-you for connecting, a birthday wish, a check-in, a
pitch's follow-up...), and every family has one intended *kind*: the reading the product should
give it (question or request, news, courtesy, pitch, automated notice). Texts live per language in
:mod:`twoway.generator.texts`; they are precomputed as (before, after) pairs around the reader's
first name, so a row costs two string joins. Bodies carry what real exports carry: HTML paragraphs
and entities, sponsored "spinmail" markup with unfilled placeholders, and, from 2026, real line breaks.
"""

from __future__ import annotations

from functools import cache

from twoway.generator.texts import BY_LANGUAGE, LANGUAGES

#: The intended kinds, in the order their index is stored.
KINDS: tuple[str, ...] = ("question", "news", "courtesy", "pitch", "automated")
QUESTION, NEWS, COURTESY, PITCH_KIND, AUTOMATED = range(5)

#: (family, its kind); a family's index is packed into each event (see model.encode).
FAMILIES: tuple[tuple[str, int], ...] = (
    ("thanks_out", COURTESY),  # the owner thanks for connecting or accepting
    ("thanks_in", COURTESY),  # they thank the owner for connecting
    ("greeting", COURTESY),  # a bare "Hi"
    ("ack", COURTESY),  # ok, 👍, sounds good, thanks
    ("thanks_back", COURTESY),  # thanks for the (birthday, anniversary) wishes
    ("thanks_job", COURTESY),  # thanks for the congratulations on a new job
    ("congrats", COURTESY),  # congratulations on a new role
    ("birthday", COURTESY),
    ("anniversary", COURTESY),  # work anniversary
    ("decline", COURTESY),  # no, thanks (to a pitch or a recruiter)
    ("empty", COURTESY),  # an attachment, a GIF or a sticker: no text
    ("checkin", QUESTION),  # the owner's check-in
    ("retry", QUESTION),  # the owner's second or third attempt
    ("ask", QUESTION),  # a real question or request that opens a thread
    ("chat_q", QUESTION),  # a question inside a conversation
    ("late", QUESTION),  # an answer months or years late: is it still relevant?
    ("interested", QUESTION),  # the owner answers a recruiter or a pitch with a question
    ("reply", NEWS),  # an answer to "how are things?": news
    ("answer", NEWS),  # an answer to a question or a request
    ("news", NEWS),  # news nobody asked for
    ("chat_n", NEWS),  # information inside a conversation
    ("pitch", PITCH_KIND),  # agencies, lead generation, outsourcing, crypto
    ("pitch_followup", PITCH_KIND),  # "would Thursday work for a quick call?"
    ("pitch_last", PITCH_KIND),  # "last note from me": the seller closes the loop
    ("recruiter", PITCH_KIND),  # a recruiter's unsolicited job offer
    ("recruiter_followup", PITCH_KIND),
    ("group_q", QUESTION),
    ("group_n", NEWS),
    ("group_c", COURTESY),
    ("sponsored", AUTOMATED),  # LinkedIn's sponsored InMail templates
)
(THANKS_OUT, THANKS_IN, GREETING, ACK, THANKS_BACK, THANKS_JOB, CONGRATS, BIRTHDAY, ANNIVERSARY, DECLINE, EMPTY,
 CHECKIN, RETRY, ASK, CHAT_Q, LATE, INTERESTED, REPLY, ANSWER, NEWS_FAMILY, CHAT_N, PITCH, PITCH_FOLLOWUP, PITCH_LAST,
 RECRUITER, RECRUITER_FOLLOWUP, GROUP_Q, GROUP_N, GROUP_C, SPONSORED) = range(len(FAMILIES))
N_FAMILIES = len(FAMILIES)
FAMILY_NAMES: tuple[str, ...] = tuple(name for name, _ in FAMILIES)
#: A family's kind, indexable by family.
FAMILY_KIND: bytes = bytes(kind for _, kind in FAMILIES)
#: Invitation note kinds (the empty string is a blank invitation).
NOTE_KINDS: tuple[str, ...] = ("personal", "default", "pitch", "recruiter")

#: (text before the name, text after it, whether the text names anyone)
Split = tuple[str, str, bool]


@cache
def pools(multiline: bool) -> tuple[tuple[tuple[Split, ...], ...], ...]:
    """Per language, per family: texts split around ``{first}``; before 2026 no raw line breaks."""
    out: list[tuple[tuple[Split, ...], ...]] = []
    for module in BY_LANGUAGE:
        messages: dict[str, tuple[str, ...]] = module.MESSAGES
        per_family: list[tuple[Split, ...]] = []
        for name in FAMILY_NAMES:
            split: list[Split] = []
            for t in messages[name]:
                body = t if multiline else t.replace("\n", " ")
                before, found, after = body.partition("{first}")
                split.append((before, after, bool(found)))
            per_family.append(tuple(split))
        out.append(tuple(per_family))
    return tuple(out)


def pick(pool: tuple[Split, ...], ts: int) -> Split:
    """A deterministic choice without a random generator: the time is as good as a die here."""
    return pool[(ts * 2654435761 >> 11) % len(pool)]


def text(split: Split, name: str) -> str:
    before, after, named = split
    return before + name + after if named else before


def note_templates(lang: int, kind: str) -> tuple[str, ...]:
    """Invitation note templates of one kind (``personal_out``, ``personal_in``, ``default``...)."""
    notes: dict[str, tuple[str, ...]] = BY_LANGUAGE[lang].NOTES
    return notes[kind]


def subjects(lang: int) -> tuple[str, ...]:
    out: tuple[str, ...] = BY_LANGUAGE[lang].SUBJECTS
    return out


def sponsored_titles(lang: int) -> tuple[str, ...]:
    out: tuple[str, ...] = BY_LANGUAGE[lang].SPONSORED_TITLES
    return out


def group_titles(lang: int) -> tuple[str, ...]:
    out: tuple[str, ...] = BY_LANGUAGE[lang].GROUP_TITLES
    return out


def fill_note(template: str, first: str, owner_first: str, company: str) -> str:
    """A note filled in and held to LinkedIn's 300-character limit."""
    note = template.replace("{first}", first).replace("{owner}", owner_first).replace(
        "{company}", company or "your company"
    )
    return note[:300]


__all__ = ["FAMILIES", "FAMILY_KIND", "FAMILY_NAMES", "KINDS", "LANGUAGES", "NOTE_KINDS", "fill_note", "pick",
           "pools", "text"]
