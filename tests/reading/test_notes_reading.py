"""Reading invitation notes (default texts, what a personal note names, pitches, recruiters), and the words
that show what a note names. The triage decision built on a reading is tested with the rule, in
``tests/invitations/test_triage_rule.py``. Every note here is written for the tests; names and companies
are invented."""

from __future__ import annotations

import pytest

from twoway.reading import notes_lexicon as lex
from twoway.reading.notes import (
    BLANK,
    DEFAULT,
    PERSONAL,
    PITCH,
    RECRUITER,
    NoteReading,
    Reader,
    is_default_text,
    normalise,
    read_note,
)

OWNERS = {
    "en": {"owner_first": "Maya", "owner_last": "Chen", "owner_employers": ("Quillon", "Northwind Analytics"),
           "owner_schools": ("University of Edinburgh",)},
    "de": {"owner_first": "Jonas", "owner_last": "Albrecht", "owner_employers": ("Kranich Logistik GmbH",),
           "owner_schools": ("TU München",)},
    "es": {"owner_first": "Lucía", "owner_last": "Ferrer", "owner_employers": ("Ondas Energía",),
           "owner_schools": ("Universidad de Zaragoza",)},
    "fr": {"owner_first": "Camille", "owner_last": "Roux", "owner_employers": ("Boréal Conseil",),
           "owner_schools": ("INSA Lyon",)},
    "pt": {"owner_first": "Beatriz", "owner_last": "Santos", "owner_employers": ("Maré Digital",),
           "owner_schools": ("Universidade do Porto",)},
    "it": {"owner_first": "Giulia", "owner_last": "Moretti", "owner_employers": ("Lumen Data",),
           "owner_schools": ("Politecnico di Torino",)},
    "nl": {"owner_first": "Femke", "owner_last": "Jansen", "owner_employers": ("Tulpstroom BV",),
           "owner_schools": ("TU Delft",)},
}


def read(note: str | None, lang: str = "en") -> NoteReading:
    o = OWNERS[lang]
    return read_note(note, owner_first=str(o["owner_first"]), owner_last=str(o["owner_last"]),
                     owner_employers=o["owner_employers"], owner_schools=o["owner_schools"])


# --- LinkedIn's default texts -------------------------------------------------------------------------

DEFAULTS = [
    ("en", "I'd like to add you to my professional network on LinkedIn."),
    ("en", "I’d like to add you to my professional network on LinkedIn.\n\n- Ellen Marsh"),
    ("en", "Hey Maya, I'd like to join your LinkedIn network."),
    ("en", "Maya,\nI would like to join your LinkedIn network.\nRohan"),
    ("en", "Dear Maya Chen, I'd like to connect with you on LinkedIn. Best regards, Omar"),
    ("de", "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen."),
    ("de", "Hallo Jonas, ich möchte dich gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen. Grüße, Eva"),
    ("de", "Hallo Herr Albrecht, ich würde mich gerne Ihrem LinkedIn-Netzwerk anschließen."),
    ("de", "ICH MÖCHTE SIE GERNE ZU MEINEM BERUFLICHEN NETZWERK AUF LINKEDIN HINZUFÜGEN"),
    ("es", "Me gustaría añadirte a mi red profesional de LinkedIn."),
    ("es", "Hola, Lucía. Me gustaría unirme a tu red de LinkedIn. Un abrazo, Nerea"),
    ("es", "Me gustaria agregarte a mi red profesional en LinkedIn. Saludos, Andrés"),
    ("fr", "Je vous invite à faire partie de mon réseau professionnel sur LinkedIn."),
    ("fr", "Bonjour Camille, j’aimerais rejoindre votre réseau LinkedIn."),
    ("fr", "J'aimerais vous ajouter à mon réseau professionnel sur LinkedIn. Cordialement, Marc"),
    ("pt", "Gostaria de adicioná-lo à minha rede profissional no LinkedIn."),
    ("pt", "Oi Beatriz, gostaria de participar da sua rede no LinkedIn. Abraços, Caio"),
    ("pt", "Gostaria de me conectar com você no LinkedIn. Obrigado, Caio"),
    ("it", "Vorrei aggiungerti alla mia rete professionale su LinkedIn."),
    ("it", "Salve Giulia, vorrei entrare a far parte della tua rete su LinkedIn."),
    ("it", "Gentile Dott.ssa Moretti, vorrei aggiungerla alla mia rete professionale su LinkedIn. Saluti, Ugo"),
    ("nl", "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn."),
    ("nl", "Beste Femke, ik wil graag deel uitmaken van je LinkedIn-netwerk. Groet, Bram"),
    ("nl", "Ik wil u graag toevoegen aan mijn professionele netwerk op LinkedIn. Met vriendelijke groet, Willem"),
]


@pytest.mark.parametrize(("lang", "note"), DEFAULTS, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(DEFAULTS)])
def test_default_texts_in_every_language(lang: str, note: str) -> None:
    assert is_default_text(note)
    reading = read(note, lang)
    assert reading.kind == DEFAULT
    assert reading.language == lang
    assert not reading.asks
    assert not reading.signals


def test_every_supported_language_has_a_default_text_case() -> None:
    assert {lang for lang, _ in DEFAULTS} == set(OWNERS)


@pytest.mark.parametrize("note", [
    "I'd like to add you to my professional network on LinkedIn. We met at the Leeds analytics meetup.",
    "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen, da wir beide bei Kranich waren.",
    "Me gustaría añadirte a mi red profesional de LinkedIn porque me encantó tu charla en Valencia.",
    "I'd love to add you to my network, your post on data contracts was great.",
    "Let's connect!",
    "",
    None,
])
def test_a_note_with_words_of_its_own_is_not_the_default(note: str | None) -> None:
    assert not is_default_text(note)


def test_normalise_folds_case_accents_and_punctuation() -> None:
    assert normalise("Hallo, ich MÖCHTE – “gerne”! Straße") == "hallo ich mochte gerne strasse"
    assert normalise("J’aimerais rejoindre") == "j aimerais rejoindre"


# --- blank ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("note", [None, "", "   ", "\n\t", "…", "👋"])
def test_blank_notes(note: str | None) -> None:
    reading = read(note)
    assert reading == NoteReading(BLANK, "unknown", (), (), False)


# --- what a personal note names, per language ----------------------------------------------------------

PERSONAL_CUES = [
    # English
    ("en", "Hi Maya, I really enjoyed your talk on streaming joins at PyData Leeds.", {"owner_name", "talk"}),
    ("en", "Fellow alum here! Great to find you.", {"alumni"}),
    ("en", "We were both at Northwind Analytics, on the platform team.", {"employer"}),
    ("en", "Hi Maya, I'm a student at the University of Edinburgh.", {"school"}),
    ("en", "Daniel Price suggested I get in touch with you about the guild.", {"referral"}),
    ("en", "Thanks for answering my question about snapshots in the dbt Slack.", {"specific_reason"}),
    ("en", "Great meeting you at the breakfast this morning!", {"event"}),
    # German
    ("de", "Hallo Jonas, danke für deinen Vortrag beim Logistik-Forum.", {"owner_name", "talk"}),
    ("de", "Wir haben uns auf der Data-Night in München kennengelernt.", {"event"}),
    ("de", "Als ehemaliger Kommilitone wollte ich mich melden.", {"alumni"}),
    ("de", "Wir waren beide bei Kranich Logistik im Einkauf.", {"employer"}),
    ("de", "Katrin Vogel meinte, ich solle mich bei dir melden.", {"referral"}),
    ("de", "Ich bin Studentin an der TU München.", {"school"}),
    # Spanish
    ("es", "Hola Lucía, me encantó tu charla en el Congreso de Energía.", {"owner_name", "talk", "event"}),
    ("es", "Nos conocimos en el meetup de Zaragoza.", {"event"}),
    ("es", "Soy ex-alumno de la Universidad de Zaragoza.", {"alumni", "school"}),
    ("es", "Fuimos compañeras en Ondas Energía, en el equipo de ventas.", {"employer"}),
    ("es", "Marta Gil me recomendó contactarte.", {"referral"}),
    ("es", "Leí tu artículo sobre autoconsumo.", {"specific_reason"}),
    # French
    ("fr", "Bonjour Camille, j'ai aimé votre conférence au salon de Lyon.", {"owner_name", "talk", "event"}),
    ("fr", "Nous nous sommes rencontrés au meetup Lyon Data.", {"event"}),
    ("fr", "Ancien élève de l'INSA Lyon moi aussi !", {"alumni", "school"}),
    ("fr", "Nous étions collègues chez Boréal Conseil.", {"employer"}),
    ("fr", "Sophie Lambert m'a conseillé de vous contacter.", {"referral"}),
    # Portuguese
    ("pt", "Olá Beatriz, adorei a sua palestra no Porto.", {"owner_name", "talk"}),
    ("pt", "A gente se conheceu no workshop de UX em Braga.", {"event"}),
    ("pt", "Sou ex-aluno da Universidade do Porto.", {"alumni", "school"}),
    ("pt", "Trabalhámos juntas na Maré Digital em 2020.", {"employer"}),
    ("pt", "O João Pires indicou-me o seu nome.", {"referral"}),
    # Italian
    ("it", "Ciao Giulia, il tuo intervento al Forum di Milano era ottimo.", {"owner_name", "talk"}),
    ("it", "Ci siamo conosciuti al meetup di marzo.", {"event"}),
    ("it", "Ex allievo del Politecnico di Torino anch'io.", {"alumni", "school"}),
    ("it", "Eravamo colleghi in Lumen Data.", {"employer"}),
    ("it", "Luca Ferri mi ha suggerito di contattarti.", {"referral"}),
    # Dutch
    ("nl", "Hoi Femke, wat een goede lezing gaf je gisteren!", {"owner_name", "talk"}),
    ("nl", "We hebben elkaar ontmoet op de meetup in Amsterdam.", {"event"}),
    ("nl", "Oud-student van de TU Delft hier.", {"alumni", "school"}),
    ("nl", "We waren collega's bij Tulpstroom.", {"employer"}),
    ("nl", "Sanne de Boer raadde me aan om contact met je op te nemen.", {"referral"}),
]


@pytest.mark.parametrize(("lang", "note", "wanted"), PERSONAL_CUES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(PERSONAL_CUES)])
def test_personal_cues_per_language(lang: str, note: str, wanted: set[str]) -> None:
    reading = read(note, lang)
    assert reading.kind == PERSONAL, reading
    assert wanted <= set(reading.mentions), reading.mentions
    assert reading.shared or wanted == {"owner_name"}


def test_personal_cues_cover_every_language() -> None:
    assert {c[0] for c in PERSONAL_CUES} == set(OWNERS)


@pytest.mark.parametrize(("lang", "note"), [
    ("en", "Hi Maya, your profile really stands out and I would be glad to be in your network."),
    ("en", "Good afternoon, keen to connect with fellow professionals."),
    ("de", "Guten Tag Herr Albrecht, Ihr Werdegang ist beeindruckend, gerne vernetze ich mich."),
    ("es", "Buenas tardes, busco conectar con profesionales del sector."),
    ("fr", "Bonjour Camille, votre parcours m'inspire, au plaisir d'être en contact."),
    ("pt", "Bom dia, procuro conectar com profissionais inspiradores."),
    ("it", "Buongiorno, mi piacerebbe far parte dei tuoi contatti."),
    ("nl", "Goedemiddag, ik breid graag mijn netwerk uit."),
])
def test_a_generic_note_names_nothing_shared(lang: str, note: str) -> None:
    reading = read(note, lang)
    assert reading.kind == PERSONAL
    assert reading.shared == ()


def test_naming_the_owners_employer_is_not_sharing_it() -> None:
    alone = read("Hi Maya, saw you're at Quillon. Any tips for my application there?")
    theirs = read("Hi Maya, we're evaluating dbt and wonder how Quillon uses it.")
    shared = read("Hi Maya, we were both at Quillon in 2019.")
    worked = read("Ciao Giulia, lavoravo in Lumen Data nel team sensori.", "it")
    assert "employer" not in alone.mentions
    assert "employer" not in theirs.mentions
    assert "employer" in shared.mentions
    assert "employer" in worked.mentions


def test_a_town_named_school_needs_a_word_about_studying() -> None:
    assert "school" not in read("Hi Maya, I organise the Edinburgh Data Meetup.").mentions
    assert "school" in read("Hi Maya, I also studied in Edinburgh, class of 2014.").mentions
    assert "school" in read("Ich habe an der TU München studiert.", "de").mentions


def test_the_senders_own_talk_is_not_a_shared_context() -> None:
    assert "talk" not in read("Hi Maya, join my webinar next week on data careers.").mentions
    assert "talk" in read("Hi Maya, I joined your webinar last week on data careers.").mentions


def test_words_inside_a_link_name_nothing() -> None:
    reading = read("Sign up for my course today: https://learn.example/keynote-alumni-meetup?ref=maya")
    assert reading.mentions == ()
    assert reading.kind == PITCH
    assert "link" in reading.signals


@pytest.mark.parametrize(("lang", "note", "asks"), [
    ("en", "Hi Maya, could I ask you a couple of questions about backfills?", True),
    ("en", "Great meeting you! Let's grab a coffee next week.", True),
    ("en", "Hi Maya, enjoyed your talk. Let's keep in touch!", False),
    ("de", "Hättest du nächste Woche Zeit für ein kurzes Telefonat?", True),
    ("de", "Danke für deinen Vortrag. Freue mich auf den Austausch!", False),
    ("es", "Nos conocimos en Zaragoza. ¿Te apetece tomar un café?", True),
    ("es", "Diego, ¿te acuerdas de mí? Estudiamos juntos en Sevilla.", False),
    ("fr", "On prend un café bientôt ?", True),
    ("fr", "Au plaisir d'échanger !", False),
    ("pt", "Podemos marcar uma chamada?", True),
    ("pt", "Trabalhámos juntas em 2020, lembras-te?", False),
    ("it", "Ti va di prendere un caffè una di queste settimane?", True),
    ("nl", "Zullen we binnenkort eens koffie drinken?", True),
    ("nl", "Leuk je gisteren te spreken. Tot snel!", False),
    ("nl", "We deden samen de minor in Delft. Hoe is het?", False),
    ("en", "Check the repo: https://example.org/x?ref=li", False),
])
def test_asks_is_a_proposal_not_a_courtesy(lang: str, note: str, asks: bool) -> None:
    assert read(note, lang).asks is asks


# --- pitches and recruiters -----------------------------------------------------------------------------

PITCHES = [
    ("en", "Hi Maya, we help SaaS companies generate more qualified leads. Open to a 15-minute call?"),
    ("en", "Hello dear, I made $4,000 last week trading bitcoin. Message me on WhatsApp."),
    ("en", "Check out my new course: https://bit.ly/3kQxYz"),
    ("en", "Hey Maya, loved your talk! We built an AI tool that cuts costs by 40% - can I send you a demo?"),
    ("de", "Hallo Jonas, unsere Agentur bietet Leadgenerierung für B2B – jetzt mit kostenloser Erstberatung!"),
    ("es", "Hola, ofrecemos servicios de diseño web con un 30% de descuento. Escríbeme por WhatsApp."),
    ("fr", "Bonjour Camille, nous aidons les cabinets à générer plus de leads grâce à notre solution."),
    ("pt", "Olá Beatriz, ajudamos empresas a triplicar as vendas com a nossa plataforma."),
    ("it", "Ciao, guadagna con le criptovalute da casa! Scrivimi su Telegram."),
    ("nl", "Hoi Femke, wij helpen energiebedrijven hun omzet te verdubbelen met onze software."),
]


@pytest.mark.parametrize(("lang", "note"), PITCHES, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(PITCHES)])
def test_pitches(lang: str, note: str) -> None:
    reading = read(note, lang)
    assert reading.kind == PITCH, reading
    assert reading.signals


def test_a_personal_note_with_a_link_is_personal_with_a_link_signal() -> None:
    reading = read("Hi Maya, loved your post on data contracts. I wrote a follow-up: https://example.org/contracts")
    assert reading.kind == PERSONAL
    assert "link" in reading.signals
    assert "specific_reason" in reading.mentions


RECRUITERS = [
    ("en", "Hi Maya, I'm a tech recruiter at Harlow Search with a Head of Analytics role that matches your profile."),
    ("de", "Hallo Herr Albrecht, ich bin Personalberaterin und habe eine Position als Head of Operations für Sie."),
    ("es", "Hola Lucía, soy reclutadora y tengo una vacante que encaja con tu perfil."),
    ("fr", "Bonjour Camille, je suis chasseuse de têtes et j'ai un poste qui pourrait vous intéresser."),
    ("pt", "Olá Beatriz, sou recrutadora e tenho uma vaga de Head of Design para você."),
    ("it", "Ciao Giulia, sono una recruiter e sto cercando un Data Engineering Manager per un cliente."),
    ("nl", "Hoi Femke, ik ben recruiter en heb een vacature als Teamlead Data voor je."),
]


@pytest.mark.parametrize(("lang", "note"), RECRUITERS, ids=[lang for lang, _ in RECRUITERS])
def test_recruiters(lang: str, note: str) -> None:
    assert read(note, lang).kind == RECRUITER


def test_every_signal_of_the_message_reader_is_classified_here() -> None:
    from twoway.reading.pitch import SOFT_KEYS, STRONG_KEYS

    known = lex.DECISIVE_PITCH | lex.JOB_SIGNALS | lex.SOFT_PITCH
    assert set(STRONG_KEYS) - lex.JOB_SIGNALS <= lex.DECISIVE_PITCH, "a new strong signal: decisive for notes?"
    assert set(SOFT_KEYS) <= known, "a new soft signal: a pitch, or a job signal?"


def test_a_job_seekers_note_is_neither_a_pitch_nor_a_recruiter() -> None:
    note = "Hello Maya, I'm searching for new opportunities in analytics and hope to grow my network."
    assert read(note).kind == PERSONAL  # "opportunities" is a soft sign at most
    assert read(note).shared == ()


# --- who reads it, and the words that show what it names -------------------------------------------


def test_a_reader_reads_as_read_note_does() -> None:
    o = OWNERS["es"]
    reader = Reader(str(o["owner_first"]), str(o["owner_last"]), tuple(o["owner_employers"]),
                    tuple(o["owner_schools"]))
    for note in ("Fuimos compañeras en Ondas Energía, en el equipo de ventas.", "Soy ex-alumno de la Universidad de "
                 "Zaragoza.", None, "Me gustaría añadirte a mi red profesional de LinkedIn."):
        assert reader.read(note) == read(note, "es")


@pytest.mark.parametrize(("lang", "note", "key", "words"), [
    ("en", "Hi Maya, I enjoyed your talk at PyData Berlin on streaming pipelines.", "talk",
     "I enjoyed your talk at PyData Berlin on streaming pipelines"),
    ("en", "We were both at Northwind Analytics, on the platform team.", "employer",
     "We were both at Northwind Analytics"),
    ("en", "Hi Maya, I'm a student at the University of Edinburgh.", "school",
     "I'm a student at the University of Edinburgh"),
    ("en", "Great meeting you! Let's grab a coffee next week.", "asks", "Let's grab a coffee next week"),
    ("en", "Hi Maya, quick one - is the dbt meetup still on? Hope so", "question", "is the dbt meetup still on"),
    ("en", "Check out my new course: https://bit.ly/3kQxYz", "link", "https://bit.ly/3kQxYz"),
    ("en", "Hello Maya - I read your article on feature stores and it changed how our team thinks about data.",
     "specific_reason", "I read your article on feature stores and it changed how our team…"),
    ("de", "Katrin Vogel meinte, ich solle mich bei dir melden.", "referral",
     "Katrin Vogel meinte, ich solle mich bei dir melden"),
    ("fr", "Bonjour Camille, j'ai aimé votre conférence au salon de Lyon.", "event",
     "j'ai aimé votre conférence au salon de Lyon"),
    ("nl", "Hoi Femke, ik ben recruiter en heb een vacature als Teamlead Data voor je.", "recruiter",
     "ik ben recruiter en heb een vacature als Teamlead Data voor je"),
    ("en", "Hi Maya, let's connect!", "event", ""),
    ("en", None, "talk", ""),
])
def test_quote_gives_the_words_that_show_a_mention(lang: str, note: str | None, key: str, words: str) -> None:
    o = OWNERS[lang]
    reader = Reader(str(o["owner_first"]), str(o["owner_last"]), tuple(o["owner_employers"]),
                    tuple(o["owner_schools"]))
    assert reader.quote(note, key) == words


def test_a_reading_as_plain_data() -> None:
    data = read("Hi Maya, I enjoyed your talk at PyData. Coffee next week?").to_dict()
    assert data == {"kind": PERSONAL, "language": "en", "mentions": ["owner_name", "talk", "question"],
                    "shared": ["talk"], "signals": [], "asks": True}
