"""English message texts, invitation notes, InMail subjects and titles.

``{first}`` is the first name of whoever reads the message (the owner for incoming messages, the
other person for the owner's own); notes also know ``{owner}`` and ``{company}``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, ...]] = {
    "thanks_out": (
        "Hi {first}, thanks for connecting! Great to meet you at the meetup last week.",
        "Thanks for accepting, {first}. I enjoyed our chat about data platforms &amp; would love to stay in touch.",
        "Hi {first},\nthank you for connecting. Let me know if I can ever help with anything.",
        "<p>Hi {first}, good to be connected here. Let&#39;s keep in touch.</p>",
        "Thanks for connecting, {first}!",
        "Great to be connected, {first} 🙂",
    ),
    "thanks_in": (
        "Thanks for connecting!",
        "Hi {first}, thanks for accepting my invitation.",
        "Thanks for the add, {first}!",
        "Hi {first}! Thanks for connecting. Nice to meet you.",
        "Thank you for accepting my connection request. Looking forward to following your updates.",
        "Great to be connected 🙏",
    ),
    "greeting": ("Hi", "Hello {first}", "Hey 👋", "Hi {first}!", "Hello", "Good morning {first}"),
    "ack": (
        "ok", "👍", "Sounds good!", "Great, thanks!", "Perfect 🙂", "Thanks {first}!", "Noted, thank you.",
        "Haha, agreed.", "Cool", "Thank you!", "Will do.", "Sure thing &amp; thanks for the pointer.",
    ),
    "thanks_back": (
        "Thank you!",
        "Thanks so much, {first}!",
        "Thanks 🙏",
        "Thank you for the kind words, {first}!",
        "Thanks, {first}! Hope you are well too.",
    ),
    "thanks_job": (
        "Thanks a lot! Very excited about it.",
        "Thanks! Still settling in, let&#39;s catch up soon.",
        "Thank you, {first}! Big change, but a good one.",
    ),
    "congrats": (
        "Congratulations on the new role, {first}! Well deserved.",
        "Congrats {first}! Exciting move, wishing you all the best.",
        "<p>Huge congrats on the new position, {first} &#127881;</p>",
        "Congrats on the new job!",
        "Congratulations {first}! 🎉",
    ),
    "birthday": (
        "Happy birthday, {first}!",
        "Happy birthday! 🎂",
        "Happy birthday {first}, have a great day!",
        "HBD! Hope you have a wonderful year ahead.",
        "Wishing you a very happy birthday, {first} 🎉",
    ),
    "anniversary": (
        "Congrats on the work anniversary, {first}!",
        "Happy work anniversary! 🎉",
        "Congratulations on your work anniversary!",
        "Happy work anniversary {first}, time flies!",
    ),
    "decline": (
        "Thanks, but not interested.",
        "Thanks for reaching out, {first}. I&#39;m happy where I am at the moment.",
        "Not for us right now, thanks.",
        "Thanks for thinking of me! Not looking at the moment, but good luck with the search.",
        "No thank you.",
    ),
    "empty": ("",),
    "checkin": (
        "Hi {first}, it has been a while! How are things going on your side?",
        "Hey {first}, I was thinking about our last conversation. How is the new project going?",
        "Hi {first},\nhope you are well. Any news since we last spoke? Would love to catch up over coffee.",
        "<p>Hi {first}, checking in: how has this year been for you &amp; the team?</p>",
        "Hi {first}, what are you focusing on these days? I would love to hear what you are building.",
    ),
    "retry": (
        "Hi {first}, just bumping this in case it got buried. No pressure!",
        "Hi {first}, following up on my note from last week. Would a quick call work?",
        "Hey {first},\nlast try from me: I would still love to catch up when you have time.",
    ),
    "ask": (
        "Hi {first}, hope you are well! Are you still working on analytics? I have a question about hiring.",
        "Hello {first}! I saw your post about the conference. Would you be open to a short call next week?",
        "Hi there,\nwe are organising a small roundtable next month and I would love to invite you. Would you "
        "be interested?",
        "Hey {first}! Long time. Could you tell me who leads partnerships at your company?",
        "Hi {first}, do you know anyone working on pricing at a fintech? I would love an introduction.",
        "Hi {first}, are you hiring at the moment? A former colleague of mine is looking for a new role.",
        "Hi {first}, could you introduce me to someone on the data team at your company?",
    ),
    "chat_q": (
        "Does Tuesday at 3 work for you?",
        "Would coffee next week work?",
        "Could you send me the link?",
        "Which day suits you best?",
        "What did you think of the proposal?",
        "Do you still have the slides from the talk?",
    ),
    "late": (
        "So sorry for the very late reply, {first}! I just saw this. Is it still relevant?",
        "Apologies, this got buried in my inbox. Are you still looking for help with this?",
        "<p>Sorry for the slow reply &#8211; are you still up for catching up?</p>",
    ),
    "interested": (
        "Thanks for reaching out, {first}. Could you share the salary range and whether the role is remote?",
        "Sounds interesting. Can you send me more details by email?",
        "Thanks! What is the timeline for this?",
    ),
    "reply": (
        "Hi! Great to hear from you. All good here, busy quarter.",
        "Thanks for reaching out, things are going well. We just moved into a new office.",
        "So good to hear from you!\nWe just shipped the new release and the team doubled this year.",
        "<p>Hey, sorry for the slow reply &#8211; all good here, I moved to the platform team in spring.</p>",
        "Doing well, thanks! I am in London for most of next month.",
        "All good! Busy with the launch, but things get calmer in May.",
    ),
    "answer": (
        "Yes, I know their head of data well. I will introduce you tomorrow.",
        "Happy to help, {first}.\nI will send the details tomorrow.",
        "Sure, I can make the intro. Let me ask her first.",
        "Unfortunately we are not hiring right now, but I will keep an eye out.",
        "Tuesday works for me, I will send an invite.",
        "<p>Good question &#8211; we use a small in-house team for that, happy to share more.</p>",
    ),
    "news": (
        "Hi {first}, some news: I have just joined a new company as head of product.",
        "Hi {first}, we just closed our seed round. Thanks again for the early advice!",
        "Hi {first}, I wanted to let you know that I am moving to Lisbon next month.",
        "Sharing our annual report in case it is useful for your team: the survey covered 400 data leaders.",
        "Hi {first}, I finally published the article we talked about last year.",
    ),
    "chat_n": (
        "Sure, sending the deck over now.",
        "I will be in Berlin on the 12th, so any day after that works.",
        "Here is the link to the report we discussed.",
        "Let me check and come back to you, {first}.",
        "I spoke to the team and they are keen &amp; will reach out directly.",
        "The event moved to Thursday evening.",
    ),
    "pitch": (
        "Hi {first}, I help companies like yours cut cloud costs by 40%. Do you have 15 minutes this week?",
        "Hi {first}! Quick one: we generate qualified leads on autopilot. Interested in a free audit?",
        "<p>Hello {first}, our agency scales outbound with AI-personalised campaigns. Open to a demo?</p>",
        "Thanks for connecting, {first}! I noticed you lead a growing team. We build white-label apps at half "
        "the cost of an in-house team. Worth a chat?",
        "Hi {first}, I came across an investment opportunity in crypto mining with guaranteed monthly returns. "
        "Can I send you the details on WhatsApp?",
        "Hello {first}, we are a digital agency helping brands grow with SEO, web design and paid ads. Can I "
        "share a few case studies?",
        "Hi {first}, I run a coaching programme for founders who want to double their revenue. When is a good "
        "time for a quick chat?",
    ),
    "pitch_followup": (
        "Hi {first}, following up on my last message about cutting your cloud costs: would Thursday work for "
        "a 15-minute call?",
        "Hi {first}, just floating this to the top of your inbox. Would Thursday or Friday work for a quick "
        "call?",
        "Hi {first}, I know you are busy. Is lead generation a priority for you this quarter?",
    ),
    "pitch_last": (
        "{first}, last note from me: if now is not the right time, just let me know and I will close the "
        "loop.",
        "Hi {first}, I have not heard back, so I will assume the timing is not right. Feel free to reach out "
        "whenever it makes sense.",
    ),
    "recruiter": (
        "Hi {first}, I am hiring for a senior role that matches your background. Open to a conversation?",
        "Hello {first},\nyour profile stood out for a leadership opportunity with one of our clients. Would you "
        "be open to a confidential chat?",
        "Hi {first}, I am a recruiter at a fast-growing fintech. We are building a new data team and I think "
        "you would be a great fit. Are you open to new opportunities?",
        "Hi {first}, hope you are well! I have a fully remote contract role for 6 months. Would you be "
        "interested?",
    ),
    "recruiter_followup": (
        "Hi {first}, just checking whether you saw my message about the senior role. Happy to share more details.",
        "Hi {first}, following up on the opportunity I mentioned. Do you have 10 minutes this week?",
        "Hi again {first}, the client is moving fast on this one. Let me know if you would like to hear more.",
    ),
    "group_q": (
        "Hi all, shall we pick a date for the reunion?",
        "Works for me! Thursday evening?",
        "Who is in for dinner after the talk?",
    ),
    "group_n": (
        "Thursday is good. I will book a table.",
        "Sharing the slides from today &amp; thanks everyone.",
        "The venue moved to the second floor.",
    ),
    "group_c": ("Great seeing you all!", "👍", "Thanks everyone!"),
    "sponsored": (
        '<p class="spinmail-quill-editor__spin-break">Hi %FIRSTNAME%,</p><p class="spinmail-quill-editor__spin-break">'
        "Join our free webinar on modern data teams &#8211; seats are limited.</p>",
        '<p class="spinmail-quill-editor__spin-break">Hi {first}, discover how leading teams automate '
        "reporting. Download the 2025 benchmark report today.</p>",
        '<p class="spinmail-quill-editor__spin-break">Dear {first},</p><p>You are invited to an exclusive '
        "executive roundtable.</p>",
        '<p class="spinmail-quill-editor__spin-break">Hi {first}, ready for the next step in your career? '
        "Applications for our part-time Executive MBA close on Friday.</p>",
    ),
}

NOTES: dict[str, tuple[str, ...]] = {
    "personal_out": (
        "Hi {first}, we met at the data leaders breakfast on Tuesday. I enjoyed your point about hiring "
        "analysts early and would love to stay in touch.",
        "Hi {first}, {company} came up in a conversation about logistics software last week. I run a similar "
        "team and would be glad to compare notes some time.",
        "{first}, great talk at the meetup! Your slide on retention curves was the clearest I have seen.",
        "Hi {first}, we were on the same thread about hiring juniors. Would be good to stay connected.",
    ),
    "personal_in": (
        "Hi {owner}, we were on the same panel last spring. I would love to stay connected.",
        "Hello {owner}, a colleague at {company} suggested I reach out about your work on forecasting.",
        "Hi {owner}, I enjoyed your post on onboarding. Would be great to connect.",
    ),
    "default": (
        "I'd like to add you to my professional network on LinkedIn.",
        "Hi {first}, I'd like to join your LinkedIn network.",
    ),
    "pitch": (
        "Hi {first}, I help B2B founders book 20+ qualified meetings a month with done-for-you outreach. "
        "Happy to share how: https://example.com/calendar",
        "Hello {first}! We offer white-label development at half the cost of in-house teams. Let's connect "
        "and explore synergies.",
        "Hi {first}, I share daily crypto signals with a 90% win rate. Connect and I will send you the "
        "free group link.",
    ),
    "recruiter": (
        "Hi {first}, I recruit for senior data and engineering roles and would love to add you to my network.",
        "Hello {first}, I work with several fast-growing companies that are hiring. Let's connect!",
    ),
}

SUBJECTS: tuple[str, ...] = (
    "Opportunity at a fast-growing company", "Leadership role", "Quick question", "Senior role – fully remote",
)
SPONSORED_TITLES: tuple[str, ...] = ("Webinar invitation", "Your exclusive invitation", "Special offer for you")
GROUP_TITLES: tuple[str, ...] = (
    "Class of 2014 reunion", "Platform guild", "Book club", "Conference speakers", "Alumni dinner",
)
