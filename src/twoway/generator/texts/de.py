"""German message texts, invitation notes, InMail subjects and titles (see :mod:`.en` for placeholders)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, ...]] = {
    "thanks_out": (
        "Hallo {first}, danke für die Vernetzung! Schön, dass wir uns beim Meetup letzte Woche kennengelernt haben.",
        "Danke fürs Annehmen, {first}. Das Gespräch über Datenplattformen hat mir gefallen &amp; ich würde mich "
        "freuen, in Kontakt zu bleiben.",
        "Hallo {first},\nvielen Dank für die Vernetzung. Sag gerne Bescheid, wenn ich mal helfen kann.",
        "<p>Hallo {first}, schön, dass wir jetzt auch hier vernetzt sind. Lass uns in Kontakt bleiben.</p>",
        "Danke für die Vernetzung, {first}!",
        "Freut mich, dass wir vernetzt sind, {first} 🙂",
    ),
    "thanks_in": (
        "Danke für die Vernetzung!",
        "Hallo {first}, vielen Dank, dass Sie meine Einladung angenommen haben.",
        "Danke fürs Annehmen, {first}!",
        "Hallo {first}! Danke für die Vernetzung. Freut mich, Sie kennenzulernen.",
        "Vielen Dank für die Kontaktbestätigung. Ich freue mich auf den Austausch.",
        "Schön, dass wir vernetzt sind 🙏",
    ),
    "greeting": ("Hallo", "Hallo {first}", "Hi 👋", "Moin {first}!", "Guten Tag", "Guten Morgen {first}"),
    "ack": (
        "ok", "👍", "Passt!", "Super, danke!", "Perfekt 🙂", "Danke {first}!", "Alles klar, vielen Dank.",
        "Haha, stimmt.", "Top", "Danke dir!", "Mache ich.", "Klingt gut &amp; danke für den Tipp.",
    ),
    "thanks_back": (
        "Vielen Dank!",
        "Danke dir, {first}!",
        "Danke 🙏",
        "Vielen Dank für die lieben Worte, {first}!",
        "Danke, {first}! Ich hoffe, dir geht es auch gut.",
    ),
    "thanks_job": (
        "Danke! Ich freue mich sehr auf die neue Aufgabe.",
        "Danke! Bin noch am Ankommen, lass uns bald mal sprechen.",
        "Danke dir, {first}! Große Veränderung, aber eine gute.",
    ),
    "congrats": (
        "Herzlichen Glückwunsch zur neuen Position, {first}! Absolut verdient.",
        "Glückwunsch {first}! Spannender Schritt, alles Gute dafür.",
        "<p>Herzlichen Glückwunsch zum neuen Job, {first} &#127881;</p>",
        "Glückwunsch zum neuen Job!",
        "Herzlichen Glückwunsch {first}! 🎉",
    ),
    "birthday": (
        "Alles Gute zum Geburtstag, {first}!",
        "Herzlichen Glückwunsch zum Geburtstag! 🎂",
        "Alles Liebe zum Geburtstag, {first}, und einen schönen Tag!",
        "Happy Birthday! Ich wünsche dir ein tolles neues Lebensjahr.",
    ),
    "anniversary": (
        "Glückwunsch zum Firmenjubiläum, {first}!",
        "Herzlichen Glückwunsch zum Jubiläum! 🎉",
        "Gratulation zum Arbeitsjubiläum, {first}, die Zeit vergeht!",
    ),
    "decline": (
        "Danke, aber kein Interesse.",
        "Danke für die Nachricht, {first}. Ich bin momentan sehr zufrieden, wo ich bin.",
        "Aktuell nicht für uns, trotzdem danke.",
        "Danke, dass Sie an mich gedacht haben! Ich suche gerade nicht, aber viel Erfolg bei der Suche.",
    ),
    "empty": ("",),
    "checkin": (
        "Hallo {first}, lange nichts gehört! Wie läuft es bei dir?",
        "Hi {first}, ich musste an unser letztes Gespräch denken. Wie läuft das neue Projekt?",
        "Hallo {first},\nich hoffe, es geht dir gut. Gibt es Neuigkeiten? Ich würde mich über einen Kaffee freuen.",
        "<p>Hallo {first}, wie war das Jahr bisher für dich &amp; das Team?</p>",
        "Hallo {first}, woran arbeitest du gerade? Würde gerne hören, was ihr baut.",
    ),
    "retry": (
        "Hallo {first}, ich schiebe das nur kurz nach oben, falls es untergegangen ist. Kein Stress!",
        "Hallo {first}, ich komme auf meine Nachricht von letzter Woche zurück. Hättest du Zeit für ein kurzes "
        "Telefonat?",
        "Hi {first},\nletzter Versuch von mir: Ich würde mich immer noch über einen Austausch freuen.",
    ),
    "ask": (
        "Hallo {first}, ich hoffe, es geht dir gut! Arbeitest du noch im Bereich Analytics? Ich hätte eine Frage "
        "zum Recruiting.",
        "Guten Tag {first}, ich habe Ihren Beitrag zur Konferenz gesehen. Hätten Sie nächste Woche Zeit für ein "
        "kurzes Gespräch?",
        "Hallo zusammen,\nwir organisieren nächsten Monat einen kleinen Roundtable und ich würde dich gerne "
        "einladen. Hättest du Lust?",
        "Hi {first}! Lange her. Weißt du, wer bei euch die Partnerschaften verantwortet?",
        "Hallo {first}, kennst du jemanden, der bei einem Fintech am Pricing arbeitet? Ich würde mich über "
        "einen Kontakt freuen.",
        "Hallo {first}, stellt ihr gerade ein? Eine ehemalige Kollegin sucht eine neue Stelle.",
    ),
    "chat_q": (
        "Passt dir Dienstag um 15 Uhr?",
        "Wie wäre es mit einem Kaffee nächste Woche?",
        "Kannst du mir den Link schicken?",
        "Welcher Tag passt dir am besten?",
        "Was hältst du von dem Angebot?",
    ),
    "late": (
        "Entschuldige die sehr späte Antwort, {first}! Ich habe das gerade erst gesehen. Ist es noch aktuell?",
        "Sorry, das ist in meinem Postfach untergegangen. Suchst du noch Unterstützung dabei?",
        "<p>Sorry für die späte Antwort &#8211; hast du noch Lust auf einen Austausch?</p>",
    ),
    "interested": (
        "Danke für die Nachricht, {first}. Können Sie mir die Gehaltsspanne nennen und ob die Stelle remote ist?",
        "Klingt interessant. Können Sie mir mehr Details per E-Mail schicken?",
        "Danke! Wie sieht der Zeitplan aus?",
    ),
    "reply": (
        "Hi! Schön, von dir zu hören. Hier läuft alles gut, ein volles Quartal.",
        "Danke der Nachfrage, es läuft gut. Wir sind gerade in ein neues Büro gezogen.",
        "Wie schön, von dir zu hören!\nWir haben gerade das neue Release live gebracht und das Team hat sich "
        "dieses Jahr verdoppelt.",
        "<p>Hi, sorry für die späte Antwort &#8211; alles gut hier, ich bin im Frühjahr ins Plattform-Team "
        "gewechselt.</p>",
        "Mir geht es gut, danke! Ich bin nächsten Monat größtenteils in München.",
        "Alles gut! Viel los mit dem Launch, ab Mai wird es ruhiger.",
    ),
    "answer": (
        "Ja, den Head of Data dort kenne ich gut. Ich stelle euch morgen vor.",
        "Gerne, {first}.\nIch schicke dir morgen die Details.",
        "Klar, ich kann den Kontakt herstellen. Ich frage sie vorher kurz.",
        "Leider stellen wir gerade nicht ein, aber ich halte die Augen offen.",
        "Dienstag passt mir, ich schicke eine Einladung.",
    ),
    "news": (
        "Hallo {first}, kleine Neuigkeit: Ich habe gerade als Head of Product bei einem neuen Unternehmen "
        "angefangen.",
        "Hallo {first}, wir haben gerade unsere Seed-Runde abgeschlossen. Nochmals danke für deinen Rat am Anfang!",
        "Hallo {first}, ich wollte dir sagen, dass ich nächsten Monat nach Hamburg ziehe.",
        "Ich teile hier unseren Jahresbericht, vielleicht ist er für euer Team nützlich: Wir haben 400 "
        "Datenverantwortliche befragt.",
    ),
    "chat_n": (
        "Klar, ich schicke dir die Präsentation gleich.",
        "Ich bin am 12. in Berlin, danach passt jeder Tag.",
        "Hier ist der Link zum Bericht, über den wir gesprochen haben.",
        "Ich kläre das und melde mich bei dir, {first}.",
        "Das Event wurde auf Donnerstagabend verschoben.",
    ),
    "pitch": (
        "Hallo {first}, ich helfe Unternehmen wie Ihrem, die Cloud-Kosten um 40 % zu senken. Haben Sie diese "
        "Woche 15 Minuten Zeit?",
        "Hallo {first}! Kurze Frage: Wir generieren qualifizierte Leads vollautomatisch. Interesse an einem "
        "kostenlosen Audit?",
        "<p>Guten Tag {first}, unsere Agentur skaliert Ihren Vertrieb mit KI-personalisierten Kampagnen. "
        "Offen für eine Demo?</p>",
        "Danke für die Vernetzung, {first}! Wir entwickeln Apps als White-Label zum halben Preis eines "
        "internen Teams. Lohnt sich ein kurzer Austausch?",
        "Hallo {first}, ich habe eine Investmentmöglichkeit im Krypto-Mining mit garantierten monatlichen "
        "Renditen. Darf ich Ihnen die Details per WhatsApp schicken?",
    ),
    "pitch_followup": (
        "Hallo {first}, ich komme auf meine letzte Nachricht zurück: Hätten Sie am Donnerstag 15 Minuten für "
        "ein kurzes Gespräch?",
        "Hallo {first}, ich hole meine Nachricht nur kurz nach oben. Passt Ihnen Donnerstag oder Freitag für "
        "einen kurzen Call?",
        "Hallo {first}, ich weiß, Sie haben viel um die Ohren. Ist Leadgenerierung dieses Quartal ein Thema "
        "für Sie?",
    ),
    "pitch_last": (
        "Hallo {first}, letzte Nachricht von mir: Falls es gerade nicht passt, geben Sie mir einfach kurz "
        "Bescheid.",
        "Hallo {first}, da ich nichts von Ihnen gehört habe, passt der Zeitpunkt wohl nicht. Melden Sie sich "
        "gerne, wenn es für Sie interessant wird.",
    ),
    "recruiter": (
        "Hallo {first}, ich besetze gerade eine Senior-Position, die sehr gut zu Ihrem Profil passt. Wären Sie "
        "offen für ein Gespräch?",
        "Guten Tag {first},\nIhr Profil ist mir für eine Führungsposition bei einem unserer Kunden aufgefallen. "
        "Hätten Sie Interesse an einem vertraulichen Austausch?",
        "Hallo {first}, ich bin Recruiterin bei einem schnell wachsenden Fintech in Berlin. Wir bauen ein neues "
        "Datenteam auf. Sind Sie offen für neue Herausforderungen?",
    ),
    "recruiter_followup": (
        "Hallo {first}, haben Sie meine Nachricht zur Senior-Position gesehen? Ich erzähle Ihnen gerne mehr.",
        "Hallo {first}, ich melde mich noch einmal wegen der Position. Hätten Sie diese Woche 10 Minuten?",
    ),
    "group_q": (
        "Hallo zusammen, sollen wir einen Termin fürs Wiedersehen finden?",
        "Passt mir! Donnerstagabend?",
        "Wer kommt nach dem Vortrag mit zum Essen?",
    ),
    "group_n": (
        "Donnerstag passt. Ich reserviere einen Tisch.",
        "Hier die Folien von heute &amp; danke an alle.",
        "Der Raum ist jetzt im zweiten Stock.",
    ),
    "group_c": ("Schön war's mit euch!", "👍", "Danke euch allen!"),
    "sponsored": (
        '<p class="spinmail-quill-editor__spin-break">Hallo %FIRSTNAME%,</p><p class="spinmail-quill-editor__'
        'spin-break">Melden Sie sich jetzt zu unserem kostenlosen Webinar über moderne Datenteams an &#8211; '
        "die Plätze sind begrenzt.</p>",
        '<p class="spinmail-quill-editor__spin-break">Hallo {first}, erfahren Sie, wie führende Teams ihr '
        "Reporting automatisieren. Laden Sie jetzt den Benchmark-Report 2025 herunter.</p>",
        '<p class="spinmail-quill-editor__spin-break">Sehr geehrte/r {first},</p><p>wir laden Sie herzlich zu '
        "unserem exklusiven Executive Roundtable ein.</p>",
    ),
}

NOTES: dict[str, tuple[str, ...]] = {
    "personal_out": (
        "Hallo {first}, wir haben uns am Dienstag beim Data-Leaders-Frühstück kennengelernt. Dein Punkt zum "
        "frühen Einstellen von Analysten hat mir gefallen, lass uns in Kontakt bleiben.",
        "Hallo {first}, {company} kam letzte Woche in einem Gespräch über Logistiksoftware auf. Ich leite ein "
        "ähnliches Team und würde mich über einen Austausch freuen.",
        "{first}, toller Vortrag beim Meetup! Deine Folie zu Retention-Kurven war die klarste, die ich kenne.",
    ),
    "personal_in": (
        "Hallo {owner}, wir saßen im Frühjahr auf demselben Panel. Ich würde mich freuen, vernetzt zu bleiben.",
        "Guten Tag {owner}, eine Kollegin bei {company} hat mir empfohlen, Sie wegen Ihrer Arbeit an Prognosen "
        "zu kontaktieren.",
    ),
    "default": (
        "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
        "Hallo {first}, ich würde mich gerne mit Ihnen auf LinkedIn vernetzen.",
    ),
    "pitch": (
        "Hallo {first}, ich helfe B2B-Gründern, mit unserem Outreach-Service 20+ qualifizierte Termine pro Monat "
        "zu buchen. Mehr dazu: https://example.com/termin",
        "Guten Tag {first}, wir bieten White-Label-Entwicklung zum halben Preis eines internen Teams. Lassen Sie "
        "uns vernetzen und Synergien ausloten.",
    ),
    "recruiter": (
        "Hallo {first}, ich besetze Senior-Positionen im Daten- und Engineering-Bereich und würde mich gerne mit "
        "Ihnen vernetzen.",
    ),
}

SUBJECTS: tuple[str, ...] = ("Spannende Position bei einem Scale-up", "Führungsposition", "Kurze Frage")
SPONSORED_TITLES: tuple[str, ...] = ("Einladung zum Webinar", "Ihre persönliche Einladung")
GROUP_TITLES: tuple[str, ...] = ("Jahrgangstreffen 2014", "Plattform-Gilde", "Lesekreis")
