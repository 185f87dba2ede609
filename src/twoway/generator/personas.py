"""Kinds of owners: how a network's owner accepts invitations, answers, and is written to.

Measured on 46 real exports: 91% of connections have no message at all; inboxes are mostly
courtesies; invitations are accepted in batches; many inbound messages are pitches and recruiters;
owners answer perhaps half of the real questions and few pitches; several languages. Each persona
is one plausible owner inside those shapes, and every number here is a default of the simulation,
not a measurement.
"""

from __future__ import annotations

from dataclasses import dataclass

from twoway.errors import InputError


@dataclass(frozen=True)
class Persona:
    name: str
    description: str
    #: Share of connections that came from the owner's own invitations (the others were accepted).
    out_share: float
    #: Days between the owner's sessions of accepting invitations (drawn uniformly; long gaps make big batches).
    accept_gap: tuple[int, int]
    #: Shares of connections by what they become: a real relationship, a tie that only ever
    #: exchanges courtesies, a connection that pitches, a recruiter who writes about jobs. The rest
    #: never exchange a word, unless a batch's thank-you flood or a birthday wish reaches them.
    real: float
    courtesy: float
    pitcher: float
    recruiter_ties: float
    #: Non-connections writing, per connection: recruiters' InMail, pitches through InMail.
    recruiter_inmail: float
    pitch_inmail: float
    #: A batch of at least 8 accepted invitations brings a thank-you flood with this chance; each
    #: accepted member then thanks with ``flood_rate``. ``thank_batch``: the owner thanks a batch.
    flood: float
    flood_rate: float
    thank_batch: float
    #: The owner thanks someone who accepted the owner's invitation.
    thank_accepted: float
    #: The owner's chance of answering, by the kind of message (question, news, courtesy, pitch, automated).
    answer: tuple[float, float, float, float, float]
    #: The owner's chance of answering a recruiter, and of thanking for wishes and congratulations.
    answer_recruiter: float
    answer_wish: float
    #: Share of the owner's answers that come months or years late; the owner's delays are multiplied by ``slowness``.
    late: float
    slowness: float
    #: Per year and real tie: the owner checks in; the owner retries an unanswered attempt.
    checkin: float
    persist: float
    #: The owner congratulates a tie on a new job; wishes a real tie a happy birthday (per year).
    congrats_out: float
    wishes_out: float
    #: Share of connected members (weak ties: close ones wish in their own threads) wishing the owner
    #: a happy birthday each year, congratulating them on a new job, and on a work anniversary.
    birthday_wishes: float
    job_wishes: float
    anniversary_wishes: float
    #: The owner follows up with a new connection of the last two weeks.
    follow_up_new: float
    #: For an owner who does not write in English: share of contacts written to in the owner's language.
    own_language: float = 0.0


PERSONAS: dict[str, Persona] = {
    p.name: p
    for p in (
        Persona(
            name="careful",
            description="a careful networker: checks in every year, answers most questions and many courtesies",
            out_share=0.55, accept_gap=(2, 40),
            real=0.05, courtesy=0.03, pitcher=0.012, recruiter_ties=0.004, recruiter_inmail=0.02, pitch_inmail=0.01,
            flood=0.5, flood_rate=0.22, thank_batch=0.1, thank_accepted=0.04,
            answer=(0.9, 0.7, 0.45, 0.06, 0.0), answer_recruiter=0.4, answer_wish=0.85, late=0.02, slowness=1.0,
            checkin=0.35, persist=0.8, congrats_out=0.3, wishes_out=0.06,
            birthday_wishes=0.001, job_wishes=0.004, anniversary_wishes=0.001, follow_up_new=0.75,
        ),
        Persona(
            name="neglectful",
            description="accepted hundreds of invitations in big batches and spoke to few; answers rarely, late",
            out_share=0.15, accept_gap=(20, 110),
            real=0.01, courtesy=0.015, pitcher=0.008, recruiter_ties=0.003, recruiter_inmail=0.012, pitch_inmail=0.003,
            flood=0.6, flood_rate=0.1, thank_batch=0.0, thank_accepted=0.02,
            answer=(0.3, 0.25, 0.12, 0.01, 0.0), answer_recruiter=0.15, answer_wish=0.3, late=0.2, slowness=4.0,
            checkin=0.08, persist=0.3, congrats_out=0.03, wishes_out=0.005,
            birthday_wishes=0.0015, job_wishes=0.004, anniversary_wishes=0.001, follow_up_new=0.1,
        ),
        Persona(
            name="recruiter_magnet",
            description="an in-demand specialist: recruiters' InMail every week, answers some of them",
            out_share=0.25, accept_gap=(5, 60),
            real=0.028, courtesy=0.025, pitcher=0.01, recruiter_ties=0.015, recruiter_inmail=0.04, pitch_inmail=0.006,
            flood=0.5, flood_rate=0.18, thank_batch=0.05, thank_accepted=0.04,
            answer=(0.55, 0.5, 0.3, 0.03, 0.0), answer_recruiter=0.4, answer_wish=0.6, late=0.08, slowness=2.0,
            checkin=0.3, persist=0.7, congrats_out=0.15, wishes_out=0.03,
            birthday_wishes=0.0015, job_wishes=0.006, anniversary_wishes=0.0015, follow_up_new=0.4,
        ),
        Persona(
            name="non_english",
            description="writes in German, Spanish, French, Portuguese, Italian or Dutch with some contacts, "
                        "in English with others",
            out_share=0.45, accept_gap=(4, 50),
            real=0.04, courtesy=0.03, pitcher=0.012, recruiter_ties=0.005, recruiter_inmail=0.02, pitch_inmail=0.01,
            flood=0.5, flood_rate=0.2, thank_batch=0.1, thank_accepted=0.05,
            answer=(0.6, 0.55, 0.35, 0.04, 0.0), answer_recruiter=0.3, answer_wish=0.7, late=0.06, slowness=1.5,
            checkin=0.35, persist=0.8, congrats_out=0.2, wishes_out=0.04,
            birthday_wishes=0.0015, job_wishes=0.006, anniversary_wishes=0.0015, follow_up_new=0.5,
            own_language=0.6,
        ),
    )
}
DEFAULT_PERSONA = "careful"


def persona(name: str) -> Persona:
    try:
        return PERSONAS[name]
    except KeyError:
        raise InputError(f"unknown owner persona {name!r}; choose one of {', '.join(PERSONAS)}") from None
