"""Word lists for reading invitation notes, in the languages LinkedIn members write in (en de es fr pt it nl).

Every phrase is written *normalised* (see :func:`twoway.reading.notes.normalise`): lower case, accents
removed (``ß`` → ``ss``), hyphens and punctuation turned into spaces, curly apostrophes straight. So
``"Kommilitone"``, ``"ex-compañero"`` and ``"réseau"`` are written ``kommilitone``, ``ex companero`` and
``reseau``. Phrases are matched on whole words; a trailing ``*`` lets the last word run on
(``kolleg*`` meets *Kollege*, *Kollegin*, *Kollegen*).

The tables say *what* a note names; :mod:`twoway.reading.notes` decides what that makes the note.
"""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("en", "de", "es", "fr", "pt", "it", "nl")

# --- LinkedIn's own invitation texts ------------------------------------------------------------------
# Regular expressions over the normalised note. Each covers the formal and informal "you" and the
# variants LinkedIn has used over the years ("add you to my network", "join your network", "connect").
DEFAULT_TEXTS: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        r"i(?: d| would) like to add you to my (?:professional )?network(?: on linkedin)?",
        r"i want to add you to my (?:professional )?network(?: on linkedin)?",
        r"i(?: d| would) like to join your (?:linkedin |professional )?network(?: on linkedin)?",
        r"i(?: d| would) like to connect with you on linkedin",
        r"please add me to your (?:linkedin |professional )?network",
    ),
    "de": (
        r"(?:ich mochte|ich wurde|gerne? mochte ich) (?:sie|dich) (?:gerne? )?(?:zu|in) meinem (?:beruflichen |"
        r"professionellen )?netzwerk (?:auf|bei) linkedin hinzufugen",
        r"ich (?:mochte|wurde) (?:sie|dich) (?:gerne? )?(?:als kontakt )?(?:auf|bei) linkedin hinzufugen",
        r"(?:ich mochte|ich wurde|gerne? mochte ich) mich (?:gerne? )?(?:ihrem|deinem) (?:beruflichen |"
        r"professionellen )?(?:linkedin )?netzwerk (?:auf linkedin )?anschliessen",
        r"(?:ich mochte|ich wurde|gerne? mochte ich) mich (?:gerne? )?mit (?:ihnen|dir) (?:auf|bei|uber) linkedin "
        r"vernetzen",
        r"(?:ich mochte|ich wurde) mich (?:gerne? )?mit (?:ihnen|dir) vernetzen",
    ),
    "es": (
        r"me gustaria (?:anadir|agregar|sumar)(?:te|le|lo|la) (?:a|en) mi red (?:profesional )?(?:de|en) linkedin",
        r"me gustaria (?:unirme a|formar parte de|sumarme a) tu red (?:profesional )?(?:de|en) linkedin",
        r"me gustaria (?:conectar contigo|conectarme contigo|conectar con usted) en linkedin",
        r"quisiera (?:anadir|agregar)(?:te|le) a mi red (?:profesional )?(?:de|en) linkedin",
    ),
    "fr": (
        r"je vous invite a (?:faire partie de|rejoindre) mon reseau(?: professionnel)?(?: sur linkedin)?",
        r"je t invite a (?:faire partie de|rejoindre) mon reseau(?: professionnel)?(?: sur linkedin)?",
        r"(?:j aimerais|je souhaiterais|je voudrais|je souhaite) (?:rejoindre|faire partie de) (?:votre|ton) reseau"
        r" (?:linkedin|professionnel(?: sur linkedin)?)",
        r"(?:j aimerais|je souhaiterais|je voudrais|je souhaite) (?:vous|t) ajouter a mon reseau"
        r"(?: professionnel)?(?: sur linkedin)?",
        r"(?:j aimerais|je souhaiterais|je voudrais) (?:me connecter|entrer en contact) avec (?:vous|toi) sur linkedin",
    ),
    "pt": (
        r"gostaria de (?:adiciona (?:lo|la)|adicionar (?:voce|te|o|a)|te adicionar|o adicionar|a adicionar) (?:a|na|em)"
        r" minha rede(?: profissional)? (?:no|do|de) linkedin",
        r"gostaria de (?:participar|fazer parte) da (?:sua|tua) rede(?: profissional)? (?:no|do|de) linkedin",
        r"gostaria de (?:me conectar|conectar me|conectar) com (?:voce|o senhor|a senhora) (?:no|pelo) linkedin",
        r"convido (?:voce|te) a fazer parte da minha rede(?: profissional)? (?:no|do) linkedin",
    ),
    "it": (
        r"vorrei aggiunger(?:ti|la|lo) alla mia rete(?: professionale| di contatti)? (?:su|di) linkedin",
        r"vorrei (?:entrare a far parte|far parte) della (?:tua|sua) rete(?: professionale)? (?:su|di) linkedin",
        r"vorrei (?:collegarmi|connettermi) con (?:te|lei) su linkedin",
    ),
    "nl": (
        r"(?:ik wil|ik zou) (?:je|jou|u) graag (?:willen )?toevoegen aan mijn (?:professionele |zakelijke )?netwerk"
        r" op linkedin",
        r"graag (?:wil|zou) ik (?:je|jou|u) (?:willen )?toevoegen aan mijn (?:professionele |zakelijke )?netwerk"
        r" op linkedin",
        r"(?:ik wil|ik zou) graag (?:willen )?deel uitmaken van (?:je|jouw|uw) (?:linkedin )?netwerk(?: op linkedin)?",
        r"(?:ik wil|ik zou) graag (?:willen )?(?:met (?:je|jou|u) )?(?:connecten|verbinden) (?:met (?:je|jou|u) )?"
        r"op linkedin",
    ),
}

# Words that may stand around a default text without making it a written note: greetings, titles,
# sign-offs. Names are recognised separately (a capitalised word, or the owner's name).
COURTESY_WORDS: Final = frozenset((
    "hi", "hello", "hey", "dear", "greetings", "good", "morning", "afternoon", "evening", "there", "hallo", "liebe",
    "lieber", "liebes", "sehr", "geehrte", "geehrter", "herr", "frau", "moin", "servus", "gruss", "gott", "guten",
    "tag", "hola", "buenas", "buenos", "dias", "tardes", "estimado", "estimada", "querido", "querida", "senor",
    "senora", "sr", "sra", "don", "dona", "bonjour", "bonsoir", "salut", "cher", "chere", "madame", "monsieur", "mme",
    "mr", "mrs", "ms", "mx", "dr", "prof", "ola", "oi", "prezado", "prezada", "caro", "cara", "sr", "sra", "ciao",
    "salve", "buongiorno", "buonasera", "gentile", "gentilissimo", "gentilissima", "egregio", "dott", "dottssa",
    "ssa", "dottoressa", "dottore", "sig", "sigra", "signora", "signor", "avv", "arch", "ing", "hoi", "beste",
    "geachte", "mevrouw", "meneer", "dhr", "mevr", "goedemorgen", "goedemiddag", "best", "regards", "kind", "warm",
    "many", "thanks", "thank", "you", "cheers", "sincerely", "yours", "all", "the", "viele", "beste", "freundliche",
    "freundlichen", "grusse", "grussen", "gruss", "lg", "mfg", "mit", "danke", "vielen", "herzliche", "saludos",
    "saludo", "un", "atentamente", "cordialmente", "abrazo", "gracias", "muchas", "cordialement", "bien", "a", "vous",
    "amities", "merci", "bonne", "journee", "atenciosamente", "abracos", "abraco", "obrigado", "obrigada",
    "cumprimentos", "saudacoes", "cordiali", "saluti", "distinti", "grazie", "saluto", "un", "caro", "met",
    "vriendelijke", "groet", "groeten", "groetjes", "hartelijke", "dank",
))

# --- What a personal note names -----------------------------------------------------------------------
# Each entry: mention key → phrases (normalised; ``*`` = the last word runs on).

# A talk, keynote, podcast... the owner gave. Not counted when the sender's own ("my webinar").
TALK: Final = (
    "talk", "talks", "keynote", "presentation", "lecture", "panel", "webinar", "podcast", "episode", "speech",  # en
    "you spoke", "heard you speak", "heard you talk", "session", "sessions", "fireside chat", "round table",
    "roundtable", "masterclass",
    "vortrag*", "keynote", "prasentation", "vorlesung", "podcast*", "podium*", "impulsvortrag", "rede",  # de
    "habe dich gehort", "habe sie gehort", "dich sprechen horen", "sie sprechen horen",
    "charla", "ponencia", "conferencia", "presentacion", "mesa redonda", "te escuche", "le escuche", "te oi",  # es
    "le oi", "tu intervencion", "su intervencion",
    "conference", "intervention", "presentation", "table ronde", "expose", "webinaire", "je vous ai entendu",  # fr
    "je t ai entendu",
    "palestra", "apresentacao", "mesa redonda", "painel", "intervencao", "te ouvi", "ouvi voce", "ouvi te",  # pt
    "intervento", "presentazione", "relazione", "tavola rotonda", "seminario", "ti ho sentito", "ti ho sentita",  # it
    "sentito parlare", "sentita parlare", "l ho sentita", "l ho sentito",
    "lezing", "presentatie", "praatje", "paneldiscussie", "hoorde je spreken", "ik hoorde je", "jouw workshop",  # nl
    "je workshop", "uw workshop",
)
# Possessives that make a talk the sender's own (then it is advertising, not a shared context).
FIRST_PERSON_POSSESSIVE: Final = frozenset((
    "my", "our", "mein", "meine", "meinem", "meinen", "meiner", "unser", "unsere", "unserem", "unseren", "mi", "mis",
    "nuestro", "nuestra", "nuestros", "mon", "ma", "mes", "notre", "nos", "meu", "minha", "meus", "minhas", "nosso",
    "nossa", "mio", "mia", "miei", "mie", "nostro", "nostra", "mijn", "ons", "onze",
))

# Meeting in person or a shared event.
EVENT: Final = (
    "we met", "met you", "met at", "meeting you", "nice to meet", "great to meet", "good to meet",  # en
    "lovely to meet", "nice meeting", "great meeting", "good meeting", "lovely meeting", "great chatting",
    "nice chatting", "good chatting", "great talking", "nice talking", "good to see you", "great to see you",
    "nice to see you", "bumped into", "bump into", "ran into", "sat next to", "same panel", "meetup", "meet up",
    "conference", "summit", "hackathon", "workshop", "congress", "expo", "trade fair", "festival", "bootcamp",
    "user group", "offsite", "customer day", "leaving drinks", "cohort", "mentoring circle", "mentoring programme",
    "mentoring program", "reading group", "put a face to", "same table",
    "kennengelernt", "getroffen", "begegnet", "gesprochen", "konferenz", "kongress", "messe", "am selben tisch",  # de
    "am gleichen tisch", "tagung", "barcamp", "stammtisch", "forum", "veranstaltung",
    "nos conocimos", "conocimos", "coincidimos", "conocerte", "verte", "congreso", "feria", "foro", "jornada*",  # es
    "encuentro", "taller", "evento",
    "rencontre", "rencontres", "rencontree", "rencontrees", "nous nous sommes rencontres", "croise", "croisee",  # fr
    "revue", "revu", "salon", "congres", "atelier", "colloque", "soiree",
    "nos conhecemos", "se conheceu", "conhecemos", "conhecer te", "te conhecer", "encontramos", "congresso",  # pt
    "feira", "estivemos juntos", "estivemos juntas",
    "ci siamo conosciuti", "ci siamo conosciute", "conosciuti", "incontrati", "incontrate", "conoscerti",  # it
    "averti conosciuto", "convegno", "conferenza", "fiera", "salone", "evento",
    "ontmoet", "leren kennen", "te spreken", "gesproken", "congres", "conferentie", "beurs", "borrel",  # nl
    "evenement", "bijeenkomst",
)

# Working together (the employer itself is matched against the owner's employers).
COLLEAGUE: Final = (
    "former colleague", "ex colleague", "old colleague", "former colleagues", "worked together", "we worked",  # en
    "worked with you", "same team", "overlapped",
    "ehemalige kolleg*", "ehemaliger kolleg*", "ex kolleg*", "zusammengearbeitet", "zusammen gearbeitet",  # de
    "gemeinsam gearbeitet",
    "ex companero", "ex companera", "excompanero", "excompanera", "companeros de trabajo", "trabajamos juntos",  # es
    "trabajamos juntas", "fuimos colegas", "fuimos companeros", "fuimos companeras", "ex colega",
    "ancien collegue", "ancienne collegue", "anciens collegues", "etions collegues", "travaille ensemble",  # fr
    "travaille avec vous", "travaille avec toi",
    "colegas de trabalho", "fomos colegas", "trabalhamos juntos", "trabalhamos juntas",  # pt
    "ex collega", "ex colleghi", "eravamo colleghi", "eravamo colleghe", "lavorato insieme",  # it
    "oud collega", "oud collega s", "waren collega s", "samengewerkt", "samen gewerkt",  # nl
)
# "We were both at X", "I was also at X": a cue that the employer (or school) named is shared.
SHARED: Final = (
    "we were", "we both", "we worked", "we overlapped", "we sat", "we shared", "both", "also", "too", "as well",
    "together", "former", "ex", "overlapped", "colleague*", "with you", "i was", "i worked", "i used to work",
    "shared a", "same team", "beide", "auch", "zusammen", "gemeinsam", "ehemalig*", "ich war", "mit dir", "mit ihnen",
    "wir waren", "arbeitete", "habe ich bei", "ich habe bei", "wir sassen", "ambos", "ambas", "los dos", "las dos",
    "tambien", "juntos", "juntas", "fuimos", "coincidimos", "estuve", "contigo", "estuvimos", "trabajaba", "trabaje",
    "aussi", "tous les deux", "toutes les deux", "ensemble", "egalement", "etions", "j etais", "avec toi",
    "avec vous", "je travaillais", "j ai travaille", "tambem", "juntos", "juntas", "fomos", "trabalhamos", "estive",
    "estivemos", "com voce", "contigo", "trabalhava", "trabalhei", "anche", "entrambi", "insieme", "eravamo", "ero",
    "con te", "lavoravo", "ho lavorato", "ook", "allebei", "samen", "waren", "ik was", "ik zat", "met je", "met jou",
    "werkte", "heb gewerkt",
)

# Studying together; counted with or without the school's name.
ALUMNI: Final = (
    "alum", "alumni", "alumnus", "alumna", "fellow grad", "fellow graduate", "classmate*", "class of",  # en
    "studied together", "we studied", "also studied", "same university", "same school", "same course",
    "alumni", "alumna", "alumnus", "kommiliton*", "zusammen studiert", "gemeinsam studiert", "absolvent*",  # de
    "studienkolleg*", "jahrgang",
    "ex alumno", "ex alumna", "exalumno", "exalumna", "ex alumnos", "antiguo alumno", "antigua alumna",  # es
    "antiguos alumnos", "antiguas alumnas", "companero de clase", "companera de clase", "companeros de clase",
    "companero de carrera", "companera de carrera", "companeros de carrera", "companero de promocion", "mi promocion",
    "de la promocion", "misma promocion", "estudiamos juntos", "estudiamos juntas", "egresado", "egresada",
    "ancien eleve", "ancienne eleve", "anciens eleves", "ancien etudiant", "ancienne etudiante", "ancien de",  # fr
    "ancienne de", "alumni", "camarade de promo", "camarade de classe", "meme promo", "de la promo", "ma promo",
    "notre promo", "la promo",
    "ex aluno", "ex aluna", "antigo aluno", "antiga aluna", "colegas de turma", "colega de turma",  # pt
    "estudamos juntos", "estudamos juntas", "da turma", "mesma turma", "minha turma",
    "ex allievo", "ex allieva", "ex alunno", "ex alunna", "ex studente", "ex studentessa", "compagni di corso",  # it
    "compagno di corso", "compagna di corso", "compagni di classe", "compagni di universita", "insieme il corso",
    "corso insieme", "stesso corso",
    "oud student", "oud studente", "oud studiegenoot", "studiegenoot", "studiegenote", "jaargenoot",  # nl
    "samen gestudeerd", "zaten samen in het jaar", "samen in het jaar",
)
# Words that say a school is meant when a town-named school ("Edinburgh") is mentioned.
STUDY: Final = (
    "student", "students", "studied", "study", "studying", "grad", "graduate", "graduated", "degree", "class",
    "minor", "major", "master", "masters", "bachelor", "mba", "phd", "erasmus", "exchange semester", "studiert",
    "studium", "studentin", "studenten", "studiere", "semester", "estudie", "estudiamos", "estudiante", "estudiaste",
    "carrera", "promocion", "grado", "licenciatura", "etudie", "etudiant", "etudiante", "etudiants", "promo",
    "diplome", "diplomee", "licence", "estudei", "estudamos", "estudante", "formado", "formada", "turma", "mestrado",
    "graduacao", "studiato", "studente", "studentessa", "laureato", "laureata", "corso", "laurea", "gestudeerd",
    "studeerde", "studente", "studeer", "studie", "opleiding",
)
# The head words of a school's name; the rest of the name ("Leipzig", "Delft") is what identifies it.
SCHOOL_WORDS: Final = frozenset((
    "university", "universities", "uni", "univ", "college", "school", "institute", "polytechnic", "academy",
    "universitat", "universitaet", "hochschule", "fachhochschule", "tu", "th", "fh", "akademie", "universidad",
    "universidade", "universita", "universite", "universiteit", "politecnico", "polytechnique", "ecole", "escuela",
    "escola", "scuola", "instituto", "istituto", "institut", "hogeschool", "academie", "business", "of", "the", "de",
    "del", "di", "da", "do", "der", "des", "la", "le", "el", "von",
))

# Someone sent them: a named person suggested it, a mutual friend.
REFERRAL: Final = (
    "suggested i", "suggested that i", "suggested we", "suggested you", "recommended i", "recommended that i",  # en
    "recommended you", "recommended we", "mentioned you", "referred me", "pointed me to you", "introduced us",
    "told me to", "told me you", "speaks highly of you", "spoke highly of you", "mutual friend", "mutual colleague",
    "mutual colleagues", "thought we should connect", "asked me to reach out", "said you know", "said you were",
    "meinte ich solle", "meinte ich soll", "meinte dass", "hat mir empfohlen", "empfahl mir", "empfohlen",  # de
    "auf empfehlung", "hat mich an dich verwiesen", "hat mich an sie verwiesen", "hat mir geraten",
    "gemeinsame bekannte", "gemeinsamer bekannter", "bat mich",
    "me recomendo", "me sugirio", "me dijo que te", "me paso tu contacto", "por recomendacion",  # es
    "me hablo de ti", "amigo en comun", "amiga en comun", "amigos en comun",
    "m a conseille", "m a recommande", "m a suggere", "sur les conseils", "de la part de", "m a parle de vous",  # fr
    "m a parle de toi", "ami commun", "amie commune", "amis communs",
    "indicou me", "me indicou", "indicou", "recomendou", "sugeriu", "por indicacao", "falou de voce",  # pt
    "falou me de si", "amigo em comum", "amiga em comum",
    "mi ha suggerito", "mi ha consigliato", "mi ha indicato", "mi ha parlato di te", "mi ha parlato di lei",  # it
    "su suggerimento", "su consiglio", "amico in comune", "amica in comune",
    "raadde me aan", "raadde mij aan", "aangeraden", "tipte me", "tipte mij", "verwees me", "verwees mij",  # nl
    "op aanraden", "gemeenschappelijke kennis", "noemde je naam", "noemde uw naam", "kreeg ik je naam",
    "kreeg ik uw naam", "je naam door", "via via",
)

# A specific reason: something of theirs the sender read or used, help received, the same problem.
SPECIFIC_REASON: Final = (
    "i used your", "using your", "i use your", "your piece", "your essay", "your report", "your study",  # en
    "your posts", "your thread", "i follow your", "i ve been following your", "been following your work",
    "your article", "your post", "your paper", "your book", "your blog", "your newsletter", "your repo",
    "your library", "your research", "your thesis", "your course", "your write up", "your thread", "your answer",
    "thanks for answering", "thank you for answering", "thanks for your answer", "thanks for your help",
    "thank you for your help", "thanks for the tip", "thank you for mentoring", "thanks for mentoring",
    "you mentored", "same problem", "something similar", "a similar problem", "invite you to speak",
    "invite you to our", "organising", "organizing",
    "deinen artikel", "ihren artikel", "deinen beitrag", "ihren beitrag", "dein buch", "ihr buch",  # de
    "deinen blog", "ihren blog", "deine studie", "ihre studie", "deine beitrage", "ihre beitrage", "deinen beitragen",
    "ihren beitragen", "ich verfolge", "danke fur deine antwort", "danke fur ihre antwort", "danke fur deine hilfe",
    "danke fur ihre hilfe", "etwas ahnlichem", "gleiche problem", "gleichen problem",
    "tu articulo", "su articulo", "tu publicacion", "su publicacion", "tu libro", "su libro", "tu blog",  # es
    "tu post", "tus publicaciones", "te sigo", "le sigo", "gracias por tu respuesta", "gracias por tu ayuda",
    "algo parecido", "algo similar", "invitarte a",
    "votre article", "ton article", "votre billet", "votre livre", "ton livre", "votre blog", "ton blog",  # fr
    "votre publication", "vos publications", "vos affiches", "vos posts", "je suis vos", "votre reponse",
    "ta reponse", "merci pour votre aide", "vous m aviez aide", "vous m avez aide", "tu m as aide",
    "merci pour ton aide", "sujet tres proche", "sujet proche", "meme probleme",
    "seu artigo", "sua publicacao", "seu livro", "seu blog", "seu post", "sua pesquisa", "algo parecido",  # pt
    "acompanho seu", "acompanho o seu", "acompanho a sua", "suas publicacoes",
    "il tuo articolo", "tuo articolo", "il tuo paper", "tuo paper", "il tuo libro", "il tuo blog", "tuo post",  # it
    "grazie per la tua risposta", "seguo i tuoi", "i tuoi post", "i tuoi articoli", "grazie per il tuo aiuto",
    "la mia tesi", "qualcosa di simile",
    "je blog", "je artikel", "uw artikel", "je boek", "uw boek", "je post", "je paper", "je posts",  # nl
    "ik volg je", "ik volg uw", "iets vergelijkbaars", "iets soortgelijks",
)

# The note proposes something to follow up: a call, a coffee, a meeting, a question.
ASKS: Final = (
    "call", "a chat", "quick chat", "for a chat", "coffee", "lunch", "dinner", "catch up", "meet up", "grab a",  # en
    "could i ask", "can i ask", "may i ask", "pick your brain", "ask you", "compare notes", "invite you to speak",
    "when s good", "are you free", "would you be open", "would you be up", "would you have", "let s meet",
    "let s talk", "mind if i ask", "your advice", "your feedback", "ask you something", "your thoughts",
    "your opinion", "find a time", "find some time", "minutes of advice", "some advice", "for advice",
    "kaffee", "mittagessen", "mittag", "telefonat", "telefonieren", "quatschen", "treffen", "frage stellen",  # de
    "fragen stellen", "befragen", "zeit fur", "lust auf", "darf ich dich", "darf ich ihnen", "konnen wir",
    "wollen wir", "sollen wir", "hattest du", "hatten sie", "besprechen", "wann passt", "dich fragen", "sie fragen",
    "rat fragen", "etwas fragen",
    "un cafe", "tomar un cafe", "tomar algo", "comer", "almorzar", "cenar", "llamada", "charlar",  # es
    "hacerte una consulta", "una pregunta", "reunirnos", "quedar", "te apetece", "podriamos", "te viene bien",
    "lo hablamos", "un rato", "preguntarte", "preguntarle", "tu consejo", "su consejo",
    "un cafe", "on prend", "dejeuner", "un dej", "un appel", "discuter", "en discuter",  # fr
    "poser quelques questions", "vous poser", "te poser", "se voir", "pourrions nous", "on se fait",
    "disponible pour", "votre avis", "ton avis", "vous demander", "te demander", "accepteriez vous",
    "um cafe", "almoco", "almocar", "jantar", "uma chamada", "conversar", "continuar a conversa",  # pt
    "tirar uma duvida", "perguntar", "marcar", "podemos", "bora", "que tal", "topa", "sua opiniao", "a tua opiniao",
    "conselho",
    "un caffe", "prendere un caffe", "pranzo", "una call", "chiamata", "sentirci", "parlarne", "chiacchierata",  # it
    "una domanda", "domande", "incontrarci", "vederci", "ti va", "ti andrebbe", "potremmo", "rimpatriata",
    "chiederti", "chiederle", "un consiglio", "un parere",
    "koffie", "lunchen", "bellen", "bijpraten", "afspreken", "vragen stellen", "een vraag", "even spreken",  # nl
    "zullen we", "heb je tijd", "mag ik je", "mag ik u", "kunnen we", "sparren", "zin om", "je advies", "iets vragen",
    "iets te vragen", "je mening",
)
# A question that proposes nothing ("remember me?").
RHETORICAL: Final = (
    "remember me", "remember", "erinnerst du dich", "erinnern sie sich", "te acuerdas", "se acuerda",
    "tu te souviens", "vous vous souvenez", "lembras te", "lembra", "se lembra", "ti ricordi", "si ricorda",
    "ricordi", "te souviens tu", "vous souvenez vous", "weet je nog", "herinner je", "how are you", "how are things",
    "how have you been", "how s it going", "wie geht s", "wie gehts", "wie geht es dir", "wie geht es ihnen",
    "como estas", "que tal estas", "como va todo", "comment vas tu", "comment allez vous", "ca va", "tudo bem",
    "como vai", "come stai", "come va", "hoe is het", "hoe gaat het",
)
# Words that make a question about the note's subject rather than a proposal (question key).
QUESTION: Final = (
    "question", "questions", "could i ask", "can i ask", "may i ask", "ask you", "frage", "fragen", "pregunta",
    "preguntas", "consulta", "question", "questions", "poser", "duvida", "duvidas", "perguntar", "domanda", "domande",
    "vraag", "vragen",
)

# --- Recruiters -----------------------------------------------------------------------------------------
RECRUITER_SELF: Final = (
    "recruiter", "recruiting", "recruitment", "headhunter", "head hunter", "talent acquisition", "talent partner",
    "sourcer", "executive search", "recruiterin", "personalberater*", "personalvermittler*", "personaldienstleister",
    "reclutador", "reclutadora", "cazatalentos", "seleccion de personal", "recruteur", "recruteuse",
    "chasseur de tetes", "chasseuse de tetes", "charge de recrutement", "chargee de recrutement",
    "cabinet de recrutement", "recrutador", "recrutadora", "cacador de talentos", "cacadora de talentos",
    "selezionatore", "selezionatrice", "cacciatore di teste", "ricerca e selezione", "werver", "wervingsbureau",
)
RECRUITER_ROLE: Final = (
    "role that", "a role you", "roles you", "position that", "opportunity that", "opening that", "vacancy",  # en
    "your profile fits", "matches your profile", "fits your profile", "great fit", "perfect fit", "good fit",
    "open to new opportunities", "open to opportunities", "open to new roles", "for a client",
    "on behalf of a client", "we are hiring for", "we re hiring for", "opportunity for a", "exciting opportunity",
    "exciting role", "a role for you", "role for you",
    "stelle als", "position als", "zu ihrem profil", "zu deinem profil", "passt zu", "passt sehr gut",  # de
    "fur einen kunden", "fur unseren kunden", "offen fur neue", "neue herausforderung", "ich suche fur",
    "wir suchen fur", "vertraulichen gesprach", "vertrauliches gesprach",
    "vacante", "encaja con tu perfil", "encaja con su perfil", "para un cliente", "nuevas oportunidades",  # es
    "oportunidad laboral", "estamos buscando un", "estamos buscando una", "buscamos un", "buscamos una",
    "recursos humanos", "posicion de", "posicion abierta", "puesto de",
    "un poste", "pour un client", "aux opportunites", "nouvelles opportunites", "profils comme le votre",  # fr
    "opportunite de", "je recherche des profils",
    "uma vaga", "vaga de", "combina com o seu perfil", "combina com voce", "para um cliente",  # pt
    "estamos contratando", "novas oportunidades", "oportunidade de",
    "una posizione", "posizione da", "posizione come", "per un cliente", "per un nostro cliente",  # it
    "nuove opportunita", "sto cercando un", "sto cercando una", "selezioniamo", "stiamo selezionando", "ricerchiamo",
    "vacature", "voor een klant", "voor een opdrachtgever", "nieuwe uitdaging", "functie als",  # nl
)

# --- Pitches ------------------------------------------------------------------------------------------
#: Signals of the message reader (:func:`twoway.reading.pitch_signals`) that make a note a pitch on their
#: own. Its job signals are not among them: a recruiter's note goes to review, not to the bin.
DECISIVE_PITCH: Final = frozenset({"call_to_book", "sales_offer", "money_scheme", "off_platform", "prospecting",
                                   "price_per_hour"})
#: Its signals about jobs: they make a recruiter's note, never a pitch.
JOB_SIGNALS: Final = frozenset({"recruiting", "job_terms"})
RECRUITING_SIGNAL: Final = "recruiting"
#: Its soft signals: two of them make a pitch of a note that names nothing shared with the owner. A signal
#: name not listed anywhere here counts as soft.
SOFT_PITCH: Final = frozenset({"sales_words", "trigger", "short_call", "followup", "urgency", "dm_me", "link"})

# Invitation phrases the message reader may not know. Each key is a signal name, and decisive: a note with one
# of these is a pitch whatever else it says.
NOTE_PITCH: Final[dict[str, tuple[str, ...]]] = {
    "sales_offer": (
        "we help companies", "we help businesses", "we help brands", "we help saas", "we help hospitals",  # en
        "we help data teams", "our agency", "our platform", "our software", "our services", "our solution",
        "our product", "our offshore", "i help b2b", "i help founders", "i specialise in lead generation",
        "i specialize in lead generation", "more clients", "more leads", "qualified leads", "free consultation",
        "double their revenue", "double your revenue", "can i send you a demo", "send you our pricing",
    "our new", "we ve helped", "we have helped", "teams like yours", "companies like yours", "in the market for",
    "seo", "paid ads", "google ads", "introduce our", "introduce you to our",
        "wir helfen", "unsere agentur", "unsere plattform", "unsere software", "unsere losung", "wir bieten",  # de
        "leadgenerierung", "kostenlose erstberatung", "kostenlose analyse", "kostenloses erstgesprach",
        "kostenlosen termin", "ihnen unser", "ihnen unsere", "ihnen unseren", "unser neues", "unsere neue",
        "kostenlos*", "gern unser*", "gerne unser*",
        "ayudamos a", "ofrecemos", "nuestra plataforma", "nuestra agencia", "nuestro software",  # es
        "nuestros servicios", "nuestra solucion", "aumentar sus ventas", "aumenta tus ventas", "consulta gratis",
        "agendamos una demo", "de descuento", "nuestro nuevo", "nuestra nueva", "posicionar", "primera pagina",
        "presentarte nuestr*", "presentarle nuestr*",
        "nous aidons", "notre solution", "notre agence", "notre plateforme", "notre logiciel", "nos services",  # fr
        "boostez", "audit gratuit", "generer plus de leads", "une demo", "de reduction", "decouvrez notre",
        "notre nouveau", "notre nouvelle", "offerte", "offert", "gratuite", "gratuit", "vous presenter notre",
        "vous presenter nos", "te presenter notre",
        "ajudamos empresas", "ajudamos", "oferecemos", "nossa plataforma", "nossa agencia",  # pt
        "a nossa plataforma", "somos uma agencia", "consultoria gratuita", "enviar uma proposta", "de desconto",
        "triplicar as vendas", "somos especialistas", "as suas vendas", "suas vendas", "trafego pago", "nosso novo",
        "nossa nova", "apresentar a nossa", "apresentar o nosso", "apresentar nossa", "apresentar nosso", "gratuito",
        "gratuita",
        "la nostra agenzia", "la nostra piattaforma", "il nostro software", "i nostri servizi", "offriamo",  # it
        "aiutiamo", "listino prezzi", "di sconto", "demo gratuita", "aumenta le vendite", "aumentare il fatturato",
        "un agenzia", "possiamo aiutarvi", "possiamo aiutarti", "raddoppiare le vendite", "il nostro nuovo",
        "presentarti il nostro", "presentarti la nostra", "presentarle il nostro", "presentarle la nostra",
        "la nostra nuova", "gratuito", "gratuita",
        "wij helpen", "wij bieden", "onze software", "onze oplossing", "ons platform", "ons bureau",  # nl
        "gratis advies", "korting", "demo inplannen", "plan direct", "omzet te verdubbelen", "onze nieuwe",
        "kennismaken met onze", "een demo", "gratis",
    ),
    "money_scheme": (
        "passive income", "passives einkommen", "passief inkomen", "ingresos pasivos", "revenus passifs",
        "renda passiva", "renda extra", "reddito passivo", "guadagna", "guadagnare", "verdien", "gana dinero",
        "ganhe", "krypto", "crypto", "criptomonedas", "criptomoedas", "criptovalute", "bitcoin", "forex",
        "rentabilidad garantizada", "retorno garantido", "rendement garanti", "garantierte rendite",
        "guaranteed returns", "guaranteed", "garantizada", "garantis", "garantiert",
    ),
    "off_platform": (
        "whatsapp", "whats app", "telegram", "wechat", "signal me",
    ),
}
