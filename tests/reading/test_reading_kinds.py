"""Reading single messages: each kind, the rules' order (an ask beats a thank-you, a pitch beats a
congratulation), the shapes messages arrive in (HTML, entities, spinmail, line breaks), and the detail
and noun that reasons are written from. Texts here are written for these tests, not taken from the
labelled sets."""

from __future__ import annotations

import pytest

from twoway.reading import KINDS, NOUNS, Reading, read_message


def kind(text: str | None, **kw: object) -> str:
    return read_message(text, **kw).kind  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "Thank you for connecting, Wilhelmina!", "Cheers 🙏", "Happy birthday Gustav!! 🎂", "Congrats on the new gig!",
    "ok", "👍", "Hi!", "", "   ", "Glad to be connected, Ingrid.", "Vielen Dank!", "¡Felicidades, Rocío!",
    "Merci beaucoup pour l'ajout", "Parabéns pela nova fase!", "Grazie mille!", "Dank je wel!",
])
def test_courtesies(text: str) -> None:
    assert kind(text) == "courtesy"


@pytest.mark.parametrize("text", [
    "Could you send me the slides from the offsite?", "are you free for lunch thursday",
    "Please share the contract draft when it is ready.", "Kannst du mir den Link schicken?",
    "¿Me recomiendas algún libro sobre liderazgo?", "Tu as le numéro de Julien ?", "Pode me ligar amanhã?",
    "Mi mandi il file?", "Kun je me het rapport sturen?",
])
def test_questions_and_requests(text: str) -> None:
    assert kind(text) == "question"


@pytest.mark.parametrize("text", [
    "I joined Klarna as a product lead in March, loving it so far.",
    "We shipped the migration last night and nothing broke.",
    "Ich habe im Mai bei Siemens angefangen und arbeite jetzt im Einkauf.",
])
def test_news(text: str) -> None:
    assert kind(text) == "news"


def test_a_message_that_thanks_and_asks_is_a_question() -> None:
    r = read_message("Thanks so much for the intro! Could you also send me Mia's email?")
    assert r.kind == "question"


def test_a_congratulation_that_sells_is_a_pitch() -> None:
    r = read_message("Congrats on the new role, Ana! We help new sales leaders grow their pipeline fast. "
                     "Open to a 15-minute call?")
    assert r.kind == "pitch"
    assert "sales_offer" in r.signals


def test_a_recruiter_writing_about_a_role_is_a_pitch_marked_recruiting() -> None:
    r = read_message("Hi Jonas, I'm a recruiter at Brightpath. Your background matches a Staff Engineer role "
                     "with a payments company in Lisbon. Interested?")
    assert (r.kind, r.detail, r.noun) == ("pitch", "recruiting", "a recruiter's message")
    assert "recruiting" in r.signals


def test_polite_sales_follow_up_is_a_pitch() -> None:
    r = read_message("Hi Theo, just bumping my previous note about our onboarding platform. Would Friday work for "
                     "a quick demo?")
    assert r.kind == "pitch"
    assert r.detail == "followup_pitch"


def test_a_personal_follow_up_is_not_a_pitch() -> None:
    r = read_message("Hi Theo, following up on my last message: did you get a chance to read the essay draft?")
    assert r.kind == "question"


@pytest.mark.parametrize(("text", "detail"), [
    ('<p class="spinmail-quill-editor__spin-break">Hi Ines,</p><p>Our new course is out.</p>', "sponsored"),
    ("Dear %FIRSTNAME%, our annual report is ready.", "template"),
    ("Hello {{first_name}}, your certificate is waiting.", "template"),
    ("I am out of the office until 3 June with no access to email.", "auto_reply"),
    ("Ich bin bis zum 3. Juni nicht im Büro und habe keinen Zugriff auf meine E-Mails.", "auto_reply"),
    ("Join our free webinar on cloud costs next Tuesday. Register now!", "mass"),
    ("This is an automated message, please do not reply.", "mass"),
])
def test_automated(text: str, detail: str) -> None:
    r = read_message(text)
    assert (r.kind, r.detail) == ("automated", detail)


def test_the_sponsored_flag_wins_over_what_the_text_says() -> None:
    assert read_message("Could you send me your CV?", sponsored=True).kind == "automated"
    assert read_message("Could you send me your CV?").kind == "question"


def test_html_and_entities_are_read_as_text() -> None:
    r = read_message("<p>Thanks &amp; congrats again!</p><p>&#128079;</p>")
    assert r.kind == "courtesy"
    assert read_message("<p>Could you send me the deck?</p>").kind == "question"


def test_line_breaks_and_all_lowercase() -> None:
    assert kind("hey mira\nthanks for connecting\ncheers, bo") == "courtesy"
    assert kind("hey mira\ncan u send me the figures\nthx") == "question"


def test_a_question_mark_inside_a_link_asks_nothing() -> None:
    assert kind("Slides from the talk: https://example.org/slides?id=42") != "question"


def test_unknown_language_is_never_a_pitch_on_its_own() -> None:
    r = read_message("Szanowni Państwo, nasza firma oferuje usługi księgowe dla małych firm w całej Polsce.")
    assert r.language == "unknown"
    assert r.kind == "news"
    assert read_message("Dziękuję!").kind == "courtesy"


def test_unknown_language_with_signals_every_language_shares_is_a_pitch() -> None:
    r = read_message("Zarabiaj na bitcoin każdego dnia, napisz do mnie na WhatsApp")
    assert (r.kind, r.language) == ("pitch", "unknown")
    assert {"money_scheme", "off_platform"} <= set(r.signals)


def test_courtesy_details_and_nouns() -> None:
    cases = {
        "Thanks for connecting!": ("connect_thanks", "thanks for connecting"),
        "Happy birthday, Rosa!": ("birthday", "birthday wishes"),
        "Happy work anniversary!": ("anniversary", "work-anniversary wishes"),
        "Congratulations on the promotion!": ("congrats", "congratulations"),
        "Thank you!": ("thanks", "a thank-you"),
        "Thanks for the birthday wishes!": ("thanks", "a thank-you"),
        "You're welcome!": ("welcome", "a you're-welcome"),
        "ok": ("ack", "an ok"),
        "Hello Rosa": ("greeting", "a greeting"),
        "🎂": ("birthday", "birthday wishes"),
        "": ("empty", "an empty message"),
    }
    for text, (detail, noun) in cases.items():
        r = read_message(text)
        assert (r.kind, r.detail, r.noun) == ("courtesy", detail, noun), text


def test_every_reading_is_well_formed() -> None:
    for text in ("Thanks!", "Are you free?", "We moved to Oslo last month and love it.", "Buy crypto now on Telegram",
                 "Out of office until Monday, no access to email.", None):
        r = read_message(text)
        assert isinstance(r, Reading)
        assert r.kind in KINDS
        assert r.noun == NOUNS[r.detail]
        assert r.signals
        assert all(isinstance(s, str) and s for s in r.signals)


def test_a_subject_line_adds_its_signals() -> None:
    body = "Hi Lena, would you have time for a conversation this week?"
    assert read_message(body).kind == "question"
    r = read_message(body, subject="Executive search: CFO role at a listed retailer, your profile fits")
    assert (r.kind, r.detail) == ("pitch", "recruiting")
    assert read_message("Back on Monday.", subject="Automatic reply: offsite").kind == "automated"


def test_reading_is_frozen() -> None:
    r = read_message("Thanks!")
    with pytest.raises(AttributeError):
        r.kind = "news"  # type: ignore[misc]


def test_hunting_for_channel_partners_is_a_pitch_but_a_team_search_is_not() -> None:
    sell = ("Great to connect! We are looking for new partners whose clients could use our fraud-detection "
            "software. Would that be of interest?")
    assert read_message(sell).kind == "pitch"
    assert read_message("We are looking for partners to run the charity 10k with us, are you in?").kind == "question"


@pytest.mark.parametrize("text", ["Pls check your mail for me", "Kindly send me the slides",
                                  "I will appreciate if u can give it a last look"])
def test_requests_written_short_or_formally_ask(text: str) -> None:
    assert read_message(text).kind == "question"


def test_an_offer_to_help_and_looking_forward_close_a_conversation() -> None:
    assert read_message("Great, no worries at all! Looking forward to it, and if you need anything from me, "
                        "just let me know!").kind == "courtesy"
    assert read_message("Looking forward to it because the whole team moves to the new office in Lyon next month "
                        "and we start hiring.").kind == "news"


def test_a_network_marketing_scheme_is_a_pitch_but_a_side_income_is_news() -> None:
    scheme = ("We connect makers straight to buyers and skip the ads; whatever sells through our channels earns us "
              "5 to 9 percent profit. Most of us keep our day jobs and give a few hours a week to an ongoing income.")
    assert read_message(scheme).kind == "pitch"
    assert read_message("My side income from tutoring paid for the trip, we just got back from Lisbon!").kind == "news"
