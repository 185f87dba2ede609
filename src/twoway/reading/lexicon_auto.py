"""Automated mail per language: auto-replies, mass mailings and system templates.

Conventions as in :mod:`twoway.reading.lexicon`. ``AUTO`` keys decide on their own: an
out-of-office phrase, a "do not reply" line, an unsubscribe footer. Mass mail is recognised by an
event or download word together with an impersonal call to action ("Join our free webinar ...
seats are limited", "Download the 2025 report today") — "I'd love to invite you to our dinner"
is a person writing, not a mailing. Placeholders (``%FIRSTNAME%``, ``{first_name}``, ``[Name]``)
are matched on the raw text and need no table.
"""

from __future__ import annotations

from twoway.reading.lexicon import Table

AUTO: Table = {
    "auto_reply": {
        "en": (r"out of (?:the )?office", r"ooo", r"auto(?:matic|mated)?[- ]?(?:reply|response)",
               r"(?:limited|no) access to (?:my )?(?:e-?mails?|messages|linkedin|the internet)",
               r"without access to (?:my )?(?:e-?mails?|messages|linkedin)", r"will (?:return|be back) on",
               r"not (?:be )?checking (?:linkedin|messages|e-?mail)",
               r"will (?:get back to you|respond|reply)(?: to you)? (?:within|as soon as|when i(?:'m| am) back|"
               r"upon my return|on my return|when i return)",
               r"(?:our|the) office (?:is|will be) closed", r"(?:respond|reply) to your (?:message|e-?mail)",
               r"(?:on|in) (?:parental|maternity|paternity) leave until", r"(?:i'?m|i am) (?:away|out|on "
               r"(?:holiday|vacation|leave)) until", r"for urgent (?:matters|requests)"),
        "de": (r"nicht im büro", r"keinen zugriff auf",
               r"automatische antwort", r"abwesenheitsnotiz", r"(?:im )?urlaub und habe keinen"),
        "es": (r"fuera de la oficina", r"respuesta automática", r"acceso limitado al correo",
               r"(?:estoy|estaré) de vacaciones hasta", r"responderé (?:a mi regreso|cuando vuelva)",
               r"en caso de urgencia"),
        "fr": (r"absente? du bureau", r"réponse automatique", r"(?:actuellement )?en congés? jusqu",
               r"je (?:vous )?répondrai (?:dès|à) mon retour", r"pas accès à mes e-?mails",
               r"je suis absente? jusqu"),
        "pt": (r"fora do escritório", r"resposta automática", r"acesso limitado ao e-?mail",
               r"(?:estou )?de férias até", r"respond(?:o|erei) (?:quando voltar|assim que possível|no meu retorno)",
               r"retorno no dia"),
        "it": (r"fuori ufficio", r"risposta automatica", r"accesso limitato alla posta", r"in ferie fino",
               r"risponderò al mio rientro"),
        "nl": (r"afwezig tot", r"automatisch antwoord", r"(?:beperkt|geen) toegang tot (?:mijn )?e-?mail",
               r"met vakantie tot", r"ik reageer na mijn terugkomst"),
    },
    "system": {
        "en": (r"unsubscribe", r"opt[- ]out", r"reply stop", r"do(?: not|n'?t) reply", r"no-?reply",
               r"automat(?:ed|ic|ically)(?: \w+)? (?:message|reply|response|e-?mail)",
               r"(?:sent|generated) automatically",
               r"automatically generated", r"you'?re receiving this", r"privacy policy", r"dear (?:linkedin )?member",
               r"you (?:have|'ve) been selected", r"save the date",
               r"register (?:now|today|here|early)", r"sign up (?:now|today|here)", r"(?:reserve|secure) your "
               r"(?:seat|spot|place)", r"rsvp", r"early[- ]bird", r"newsletter", r"(?:download|get) (?:the|our|your)"
               r"(?: free)?(?: \d{4})? (?:[\w-]+ ){0,3}(?:report|guide|e-?book|whitepaper|copy|benchmark|study)",
               r"your (?:free )?trial (?:is about to|will) expire", r"upgrade (?:now|to premium)",
               r"(?:your|the) application(?: \w+){0,4} (?:has been|was) received",
               r"we(?: have)? received your application",
               r"your (?:\w+ ){0,2}subscription (?:will|has|is)", r"(?:will|to) (?:auto-?)?renew",
               r"you have (?:a )?new (?:message|notification)s?", r"log ?in to (?:view|see|read|reply)",
               r"complete your profile"),
        "de": (r"automatisch\w* (?:generierte|erstellte)? ?nachricht", r"nicht (?:darauf )?antworten",
               r"jetzt (?:anmelden|lesen|herunterladen|registrieren)", r"sehr geehrte damen und herren,? wir laden",
               r"hier herunterladen", r"sichern sie sich ihren platz", r"newsletter",
               r"ihr abonnement", r"sehr geehrte kundin", r"sehr geehrter kunde"),
        "es": (r"mensaje automático", r"no responda", r"inscríbete(?: ya)?", r"descarga(?: gratis)?",
               r"estimado miembro"),
        "fr": (r"message automatique", r"ne pas (?:y )?répondre", r"inscrivez-vous", r"téléchargez",
               r"réservez votre place", r"livre blanc", r"cher membre"),
        "pt": (r"mensagem automática", r"não responda", r"baixe(?: gratuitamente)?", r"participe do nosso"),
        "it": (r"messaggio automatico", r"non rispondere", r"iscriviti", r"scarica", r"gentile utente",
               r"periodo di prova"),
        "nl": (r"automatisch bericht", r"niet (?:te )?(?:be)?antwoorden", r"meld je (?:nu )?aan",
               r"schrijf je (?:nu )?in", r"download (?:gratis|onze|ons)"),
    },
    "event": {
        "en": (r"webinar", r"masterclass", r"summit", r"roundtable", r"conference", r"workshop", r"forum",
               r"catalogue", r"course", r"report", r"e-?book", r"guide", r"event", r"tickets?",
               r"(?:hello|hi|dear) (?:all|everyone|everybody)"),
        "de": (r"webinar", r"online-event", r"whitepaper", r"konferenz", r"veranstaltung", r"hallo zusammen"),
        "es": (r"webinar", r"informe", r"jornada", r"curso", r"evento", r"guía", r"hola a todos"),
        "fr": (r"webinar", r"conférence", r"étude", r"événement", r"bonjour à tous"),
        "pt": (r"webinar", r"e-?book", r"guia", r"evento", r"olá a todos"),
        "it": (r"webinar", r"report", r"guida", r"evento", r"ciao a tutti"),
        "nl": (r"webinar", r"masterclass", r"rapport", r"gids", r"beste allemaal"),
        "xx": (r"دورة تدريبية", r"ورشة عمل", r"ندوة", r"مؤتمر", r"محاضرة", r"بث مباشر"),
    },
    "cta": {
        "en": (r"(?:you are|you'?re) invited", r"join (?:us|our)", r"register", r"sign up", r"enrol+(?: now)?",
               r"download", r"click (?:here|the link)", r"learn more", r"read (?:it|more) here",
               r"(?:seats|places|spots) (?:are )?limited", r"limited (?:seats|places|spots)",
               r"save \d+ ?%", r"discover"),
        "de": (r"melden sie sich", r"jetzt", r"laden (?:wir )?sie", r"herzlich (?:zu|ein)"),
        "es": (r"te invitamos", r"os invitamos", r"inscr[ií]b\w+", r"descarga", r"plazas limitadas"),
        "fr": (r"inscrivez-vous", r"téléchargez", r"vous êtes invitée?s?", r"réservez"),
        "pt": (r"participe", r"baixe", r"vagas limitadas", r"inscreva-se"),
        "it": (r"iscriviti", r"scarica", r"posti limitati"),
        "nl": (r"meld je aan", r"schrijf je in", r"download", r"plaatsen (?:zijn )?beperkt"),
        "xx": (r"تدعوكم", r"ندعوكم", r"رابط التسجيل", r"للتسجيل", r"سجل الان", r"لحضور"),
    },
}
