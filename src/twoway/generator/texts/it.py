"""Italian message texts, invitation notes, InMail subjects and titles (see :mod:`.en` for placeholders)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, ...]] = {
    "thanks_out": (
        "Ciao {first}, grazie per il collegamento! È stato un piacere conoscerti al meetup la settimana scorsa.",
        "Grazie per aver accettato, {first}. Mi è piaciuta molto la chiacchierata sulle piattaforme dati &amp; "
        "mi farebbe piacere restare in contatto.",
        "Ciao {first},\ngrazie per il collegamento. Se posso esserti utile in qualcosa, fammi sapere.",
        "<p>Ciao {first}, felice di essere collegati anche qui. Restiamo in contatto.</p>",
        "Grazie per il collegamento, {first}!",
        "Felice di essere in contatto, {first} 🙂",
    ),
    "thanks_in": (
        "Grazie per il collegamento!",
        "Buongiorno {first}, grazie per aver accettato il mio invito.",
        "Grazie per aver accettato, {first}!",
        "Ciao {first}! Grazie per il collegamento. Piacere di conoscerti.",
        "Grazie mille per aver accettato la mia richiesta di collegamento. Un saluto.",
        "Piacere di essere in contatto 🙏",
    ),
    "greeting": ("Ciao", "Ciao {first}", "Ciao 👋", "Buongiorno {first}!", "Salve", "Buonasera {first}"),
    "ack": (
        "ok", "👍", "Perfetto!", "Ottimo, grazie!", "Va bene 🙂", "Grazie {first}!", "Ricevuto, grazie.",
        "Ahah, verissimo.", "Bene", "Grazie!", "Ci penso io.", "D&#39;accordo &amp; grazie per la dritta.",
    ),
    "thanks_back": (
        "Grazie mille!",
        "Grazie di cuore, {first}!",
        "Grazie 🙏",
        "Grazie per le belle parole, {first}!",
        "Grazie, {first}! Spero stia bene anche tu.",
    ),
    "thanks_job": (
        "Grazie! Sono davvero entusiasta della nuova sfida.",
        "Grazie! Mi sto ancora ambientando, sentiamoci presto.",
        "Grazie, {first}! Un bel cambiamento.",
    ),
    "congrats": (
        "Congratulazioni per il nuovo ruolo, {first}! Meritatissimo.",
        "Complimenti {first}! Bel passo, ti auguro il meglio.",
        "<p>Tantissimi complimenti per la nuova posizione, {first} &#127881;</p>",
        "Complimenti per il nuovo lavoro!",
        "Congratulazioni {first}! 🎉",
    ),
    "birthday": (
        "Buon compleanno, {first}!",
        "Tanti auguri! 🎂",
        "Buon compleanno {first}, goditi la giornata!",
        "Tanti auguri di buon compleanno e buon anno nuovo di vita!",
    ),
    "anniversary": (
        "Complimenti per l&#39;anniversario lavorativo, {first}!",
        "Buon anniversario di lavoro! 🎉",
        "Congratulazioni per l'anniversario in azienda, {first}, come vola il tempo!",
    ),
    "decline": (
        "Grazie, ma non sono interessato.",
        "Grazie per il messaggio, {first}. Al momento sto molto bene dove sono.",
        "Per ora non fa per noi, grazie.",
        "Grazie per aver pensato a me! Al momento non sto cercando, ma in bocca al lupo per la ricerca.",
    ),
    "empty": ("",),
    "checkin": (
        "Ciao {first}, quanto tempo! Come vanno le cose da te?",
        "Ciao {first}, ripensavo alla nostra ultima chiacchierata. Come procede il nuovo progetto?",
        "Ciao {first},\nspero tutto bene. Novità dall&#39;ultima volta? Mi farebbe piacere prendere un caffè.",
        "<p>Ciao {first}, com&#39;è andato quest&#39;anno per te &amp; il team?</p>",
        "Ciao {first}, su cosa ti stai concentrando in questo periodo? Mi piacerebbe sapere cosa state costruendo.",
    ),
    "retry": (
        "Ciao {first}, riporto su questo messaggio nel caso ti fosse sfuggito. Nessuna fretta!",
        "Ciao {first}, torno sul mio messaggio della settimana scorsa. Ti andrebbe una breve chiamata?",
        "Ciao {first},\nultimo tentativo da parte mia: mi farebbe ancora piacere sentirci quando hai un momento.",
    ),
    "ask": (
        "Ciao {first}, spero tutto bene! Lavori ancora nell'analytics? Avrei una domanda sulle assunzioni.",
        "Buongiorno {first}, ho visto il tuo post sulla conferenza. Avresti tempo la prossima settimana per una "
        "breve call?",
        "Ciao,\nil mese prossimo organizziamo una piccola tavola rotonda e mi piacerebbe invitarti. Ti va?",
        "Ciao {first}! Da quanto tempo. Sai chi segue le partnership da voi?",
        "Ciao {first}, conosci qualcuno che si occupa di pricing in una fintech? Un contatto mi aiuterebbe molto.",
        "Ciao {first}, state assumendo? Una mia ex collega cerca un nuovo ruolo.",
    ),
    "chat_q": (
        "Martedì alle 15 ti va bene?",
        "Un caffè la prossima settimana?",
        "Mi mandi il link?",
        "Che giorno ti viene meglio?",
        "Cosa ne pensi della proposta?",
    ),
    "late": (
        "Scusa per la risposta così in ritardo, {first}! L'ho visto solo ora. È ancora attuale?",
        "Scusami, questo messaggio si era perso nella casella. Ti serve ancora una mano?",
        "<p>Scusa il ritardo &#8211; ti va ancora di aggiornarci?</p>",
    ),
    "interested": (
        "Grazie per avermi scritto, {first}. Mi potresti indicare la RAL e se il ruolo è da remoto?",
        "Sembra interessante. Puoi mandarmi più dettagli via e-mail?",
        "Grazie! Quali sono le tempistiche?",
    ),
    "reply": (
        "Ciao! Che bello sentirti. Tutto bene qui, trimestre intenso.",
        "Grazie per avermi scritto, va tutto bene. Ci siamo appena trasferiti in un ufficio nuovo.",
        "Che piacere sentirti!\nAbbiamo appena rilasciato la nuova versione e il team è raddoppiato quest'anno.",
        "<p>Ciao, scusa il ritardo &#8211; tutto bene, in primavera sono passato al team piattaforma.</p>",
        "Sto bene, grazie! Il mese prossimo sono quasi sempre a Milano.",
        "Tutto bene! Di corsa per il lancio, ma da maggio si respira.",
    ),
    "answer": (
        "Sì, conosco bene il loro responsabile dati. Domani vi presento.",
        "Volentieri, {first}.\nDomani ti mando i dettagli.",
        "Certo, posso fare io le presentazioni. Prima le chiedo.",
        "Purtroppo al momento non stiamo assumendo, ma tengo gli occhi aperti.",
        "Martedì mi va bene, ti mando un invito.",
    ),
    "news": (
        "Ciao {first}, una novità: sono appena entrato in una nuova azienda come responsabile di prodotto.",
        "Ciao {first}, abbiamo appena chiuso il nostro round seed. Grazie ancora per i consigli all'inizio!",
        "Ciao {first}, volevo dirti che il mese prossimo mi trasferisco a Torino.",
        "Condivido il nostro report annuale, magari è utile al tuo team: abbiamo intervistato 400 responsabili "
        "dati.",
    ),
    "chat_n": (
        "Certo, ti mando subito la presentazione.",
        "Il 12 sono a Roma, dopo va bene qualsiasi giorno.",
        "Ecco il link al report di cui parlavamo.",
        "Controllo e ti faccio sapere, {first}.",
        "L'evento è stato spostato a giovedì sera.",
    ),
    "pitch": (
        "Ciao {first}, aiuto aziende come la tua a ridurre del 40% i costi cloud. Hai 15 minuti questa settimana?",
        "Ciao {first}! Velocissimo: generiamo lead qualificati in automatico. Ti interessa un audit gratuito?",
        "<p>Buongiorno {first}, la nostra agenzia scala la tua prospezione con campagne personalizzate con "
        "l&#39;IA. Ti va una demo?</p>",
        "Grazie per il collegamento, {first}! Sviluppiamo app white-label a metà del costo di un team interno. "
        "Ne parliamo?",
        "Ciao {first}, ho un&#39;opportunità di investimento in cripto con rendimenti mensili garantiti. Posso "
        "mandarti i dettagli su WhatsApp?",
    ),
    "pitch_followup": (
        "Ciao {first}, torno sul mio ultimo messaggio: giovedì andrebbe bene per una call di 15 minuti?",
        "Ciao {first}, riporto su il messaggio. Giovedì o venerdì per una chiamata veloce?",
        "Ciao {first}, so che sei molto impegnato. La lead generation è una priorità per voi in questo "
        "trimestre?",
    ),
    "pitch_last": (
        "Ciao {first}, ultimo messaggio da parte mia: se non è il momento giusto, dimmelo pure.",
        "Ciao {first}, non avendo avuto risposta immagino non sia il momento giusto. Scrivimi pure quando ti "
        "sarà utile.",
    ),
    "recruiter": (
        "Ciao {first}, sto cercando una figura senior che corrisponde molto al tuo profilo. Ti va di parlarne?",
        "Buongiorno {first},\nil suo profilo ha attirato la mia attenzione per una posizione manageriale presso "
        "un nostro cliente. Sarebbe disponibile per un colloquio riservato?",
        "Ciao {first}, sono recruiter in una fintech in forte crescita. Stiamo creando un nuovo team dati. Sei "
        "aperto a nuove opportunità?",
    ),
    "recruiter_followup": (
        "Ciao {first}, hai visto il mio messaggio sulla posizione senior? Ti racconto volentieri di più.",
        "Ciao {first}, torno a scriverti per l'opportunità di cui ti parlavo. Hai 10 minuti questa settimana?",
    ),
    "group_q": (
        "Ciao a tutti, fissiamo una data per la rimpatriata?",
        "Per me va bene! Giovedì sera?",
        "Chi viene a cena dopo il talk?",
    ),
    "group_n": (
        "Giovedì va bene. Prenoto un tavolo.",
        "Condivido le slide di oggi &amp; grazie a tutti.",
        "La sala è stata spostata al secondo piano.",
    ),
    "group_c": ("Bellissimo vedervi tutti!", "👍", "Grazie a tutti!"),
    "sponsored": (
        '<p class="spinmail-quill-editor__spin-break">Ciao %FIRSTNAME%,</p><p class="spinmail-quill-editor__'
        'spin-break">Partecipa al nostro webinar gratuito sui team dati moderni &#8211; posti limitati.</p>',
        '<p class="spinmail-quill-editor__spin-break">Ciao {first}, scopri come i team migliori automatizzano '
        "il reporting. Scarica oggi il report di benchmark 2025.</p>",
        '<p class="spinmail-quill-editor__spin-break">Gentile {first},</p><p>La invitiamo a una tavola rotonda '
        "esclusiva per executive.</p>",
    ),
}

NOTES: dict[str, tuple[str, ...]] = {
    "personal_out": (
        "Ciao {first}, ci siamo conosciuti martedì alla colazione dei responsabili dati. Mi è piaciuto il tuo "
        "punto sull'assumere analisti presto e mi farebbe piacere restare in contatto.",
        "Ciao {first}, {company} è venuta fuori la settimana scorsa parlando di software logistico. Guido un "
        "team simile e sarei felice di confrontarci.",
        "{first}, gran bell'intervento al meetup! La tua slide sulle curve di retention era la più chiara che "
        "abbia visto.",
    ),
    "personal_in": (
        "Ciao {owner}, eravamo nello stesso panel la primavera scorsa. Mi farebbe piacere restare in contatto.",
        "Buongiorno {owner}, una collega di {company} mi ha suggerito di contattarla per il suo lavoro sulle "
        "previsioni.",
    ),
    "default": (
        "Vorrei aggiungerti alla mia rete professionale su LinkedIn.",
        "Ciao {first}, vorrei entrare a far parte della tua rete su LinkedIn.",
    ),
    "pitch": (
        "Ciao {first}, aiuto i founder B2B a fissare più di 20 appuntamenti qualificati al mese. Ecco come: "
        "https://example.com/agenda",
        "Buongiorno {first}! Offriamo sviluppo white-label a metà prezzo. Colleghiamoci ed esploriamo sinergie.",
    ),
    "recruiter": (
        "Ciao {first}, mi occupo di selezione per ruoli senior in ambito dati e ingegneria e mi farebbe piacere "
        "averti nella mia rete.",
    ),
}

SUBJECTS: tuple[str, ...] = ("Opportunità in un'azienda in crescita", "Ruolo manageriale", "Una domanda veloce")
SPONSORED_TITLES: tuple[str, ...] = ("Invito al webinar", "Il tuo invito esclusivo")
GROUP_TITLES: tuple[str, ...] = ("Rimpatriata 2014", "Gilda piattaforma", "Club del libro")
