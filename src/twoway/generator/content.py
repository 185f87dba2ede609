"""What synthetic messages and invitation notes say.

Texts are precomputed per kind as (before, after) pairs around the counterpart's first name, so a
row costs two string joins. Bodies carry what real exports carry: HTML paragraphs and entities,
sponsored "spinmail" markup with unfilled placeholders, and, from 2026, real line breaks.
"""

from __future__ import annotations

# Message kinds, packed into each event next to its time and direction (see world.Event).
THANKS = 0
INTRO = 1
CHECKIN = 2
RETRY = 3
REPLY_IN = 4
REPLY_OUT = 5
CHAT_IN = 6
CHAT_OUT = 7
ASK = 8
PITCH = 9
CONGRATS = 10
THANKS_BACK = 11
RECRUITER = 12
EMPTY = 13
GROUP = 14
SPONSORED = 15
N_KINDS = 16

_TEXTS: dict[int, tuple[str, ...]] = {
    THANKS: (
        "Hi {first}, thanks for connecting! Great to meet you at the meetup last week.",
        "Thanks for accepting, {first}. I enjoyed our chat about data platforms &amp; would love to stay in touch.",
        "Hi {first},\nthank you for connecting. Let me know if I can ever help with anything.",
        "<p>Hi {first}, good to be connected here. Let&#39;s keep in touch.</p>",
    ),
    INTRO: (
        "Hi! Thanks for the add. Nice to meet you.",
        "Hello, glad we connected after the panel. I&#39;d love to hear more about your work.",
        "Thanks for connecting!\nLooking forward to following your updates.",
    ),
    CHECKIN: (
        "Hi {first}, it has been a while! How are things going on your side?",
        "Hey {first}, I was thinking about our last conversation. How is the new project going?",
        "Hi {first},\nhope you are well. Any news since we last spoke? Would love to catch up over coffee.",
        "<p>Hi {first}, checking in: how has this year been for you &amp; the team?</p>",
        "Hi {first}, what are you focusing on these days? I would love to hear what you are building.",
    ),
    RETRY: (
        "Hi {first}, just bumping this in case it got buried. No pressure!",
        "Hi {first}, following up on my note from last week. Would a quick call work?",
        "Hey {first},\nlast try from me: I would still love to catch up when you have time.",
    ),
    REPLY_IN: (
        "Hi! Great to hear from you. All good here, busy quarter.",
        "Thanks for reaching out, things are going well. How about you?",
        "So good to hear from you!\nWe just shipped the new release. Coffee next week?",
        "<p>Hey, sorry for the slow reply &#8211; yes, let&#39;s catch up!</p>",
        "Thanks! Doing well. Let me know when you are in town.",
    ),
    REPLY_OUT: (
        "Great to hear, {first}! Tuesday works for me.",
        "Thanks {first}, sounds good. Talk soon.",
        "Happy to help, {first}.\nI will send the details tomorrow.",
        "<p>Thanks {first} &#8211; congrats to the team!</p>",
    ),
    CHAT_IN: (
        "Sounds good, see you then.",
        "Sure, sending the deck over now.",
        "Haha, agreed. Let&#39;s do it.",
        "Quick question: do you know anyone working on pricing at a fintech?",
        "Thanks again for the intro!",
    ),
    CHAT_OUT: (
        "Perfect, {first}.",
        "Will do. Thanks {first}!",
        "Let me check and come back to you, {first}.",
        "Sure thing &amp; thanks for the pointer.",
    ),
    ASK: (
        "Hi, hope you are well! Are you still working on analytics? I have a question about hiring.",
        "Hello! I saw your post about the conference. Would you be open to a short call next week?",
        "Hi there,\nwe are organising a small roundtable next month and I would love to invite you.",
        "Hey! Long time. Could you share who leads partnerships at your company?",
    ),
    PITCH: (
        "Hi {first}, I help companies like yours cut cloud costs by 40%. Do you have 15 minutes this week?",
        "Hi {first}! Quick one: we generate qualified leads on autopilot. Interested in a free audit?",
        "<p>Hello {first}, our agency scales outbound with AI-personalised campaigns. Open to a demo?</p>",
        "Hi {first}, following up on my last message about cutting your cloud costs: would Thursday work "
        "for a 15-minute call?",
    ),
    CONGRATS: (
        "Congratulations on the new role, {first}! Well deserved.",
        "Congrats {first}! Exciting move, wishing you all the best.",
        "<p>Huge congrats on the new position, {first} &#127881;</p>",
    ),
    THANKS_BACK: (
        "Thank you so much! Very excited about it.",
        "Thanks! Still settling in, let&#39;s catch up soon.",
    ),
    RECRUITER: (
        "Hi {first}, I am hiring for a senior role that matches your background. Open to a conversation?",
        "Hello {first},\nyour profile stood out for a leadership opportunity with one of our clients.",
    ),
    EMPTY: ("",),
    GROUP: (
        "Hi all, shall we pick a date for the reunion?",
        "Works for me! Thursday evening?",
        "Thursday is good. I will book a table.",
        "Sharing the slides from today &amp; thanks everyone.",
        "Great seeing you all!",
    ),
    SPONSORED: (
        '<p class="spinmail-quill-editor__spin-break">Hi %FIRSTNAME%,</p><p class="spinmail-quill-editor__spin-break">'
        "Join our free webinar on modern data teams &#8211; seats are limited.</p>",
        '<p class="spinmail-quill-editor__spin-break">Hi {first}, discover how leading teams automate '
        "reporting. Download the 2025 benchmark report today.</p>",
        '<p class="spinmail-quill-editor__spin-break">Dear {first},</p><p>You are invited to an exclusive '
        "executive roundtable.</p>",
    ),
}

SUBJECTS = ("Opportunity at a fast-growing company", "Quick question", "Leadership role", "")
SPONSORED_TITLES = ("Webinar invitation", "Your exclusive invitation", "Special offer for you")
GROUP_TITLES = ("Class of 2014 reunion", "Platform guild", "Book club", "Conference speakers", "Alumni dinner")

#: (text before the name, text after it, whether the text names anyone)
Split = tuple[str, str, bool]


def pools(multiline: bool) -> list[tuple[Split, ...]]:
    """Per kind, texts split around ``{first}``; before 2026 exports never held a raw line break."""
    out: list[tuple[Split, ...]] = []
    for kind in range(N_KINDS):
        texts = _TEXTS[kind]
        split: list[Split] = []
        for t in texts:
            body = t if multiline else t.replace("\n", " ")
            before, found, after = body.partition("{first}")
            split.append((before, after, bool(found)))
        out.append(tuple(split))
    return out


def pick(pool: tuple[Split, ...], ts: int) -> Split:
    """A deterministic choice without a random generator: the time is as good as a die here."""
    return pool[(ts * 2654435761 >> 11) % len(pool)]


def text(split: Split, name: str) -> str:
    before, after, named = split
    return before + name + after if named else before


PERSONAL_NOTES = (
    "Hi {first}, we met at the data leaders breakfast on Tuesday. I enjoyed your point about hiring "
    "analysts early and would love to stay in touch.",
    "Hi {first}, {company} came up in a conversation about logistics software last week. I run a similar "
    "team and would be glad to compare notes some time.",
    "{first}, great talk at the meetup! Your slide on retention curves was the clearest I have seen.",
)
DEFAULT_NOTES = (
    "I'd like to add you to my professional network on LinkedIn.",
    "Hi {first}, I'd like to join your LinkedIn network.",
)
PITCH_NOTES = (
    "Hi {first}, I help B2B founders book 20+ qualified meetings a month with done-for-you outreach. "
    "Happy to share how: https://example.com/calendar",
    "Hello {first}! We offer white-label development at half the cost of in-house teams. Let's connect "
    "and explore synergies.",
)
INCOMING_PERSONAL = (
    "Hi {owner}, we were on the same panel last spring. I would love to stay connected.",
    "Hello {owner}, a colleague at {company} suggested I reach out about your work on forecasting.",
)


def fill_note(template: str, first: str, owner_first: str, company: str) -> str:
    """A note filled in and held to LinkedIn's 300-character limit."""
    note = template.replace("{first}", first).replace("{owner}", owner_first).replace(
        "{company}", company or "your company"
    )
    return note[:300]
