"""Dutch message texts, invitation notes, InMail subjects and titles (see :mod:`.en` for placeholders)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, ...]] = {
    "thanks_out": (
        "Hoi {first}, bedankt voor het connecten! Leuk je vorige week op de meetup te hebben ontmoet.",
        "Dank voor het accepteren, {first}. Ik vond ons gesprek over dataplatforms erg leuk &amp; wil graag "
        "in contact blijven.",
        "Hoi {first},\nbedankt voor de connectie. Laat het gerust weten als ik ergens mee kan helpen.",
        "<p>Hoi {first}, leuk dat we nu ook hier verbonden zijn. Laten we contact houden.</p>",
        "Bedankt voor het connecten, {first}!",
        "Leuk om verbonden te zijn, {first} 🙂",
    ),
    "thanks_in": (
        "Bedankt voor het connecten!",
        "Hallo {first}, bedankt voor het accepteren van mijn uitnodiging.",
        "Dank voor het accepteren, {first}!",
        "Hoi {first}! Bedankt voor de connectie. Leuk kennis te maken.",
        "Hartelijk dank voor het accepteren van mijn connectieverzoek. Groet!",
        "Leuk om te connecten 🙏",
    ),
    "greeting": ("Hoi", "Hallo {first}", "Hey 👋", "Hoi {first}!", "Goedemorgen", "Goedemiddag {first}"),
    "ack": (
        "ok", "👍", "Prima!", "Top, bedankt!", "Perfect 🙂", "Dank je {first}!", "Genoteerd, dank je wel.",
        "Haha, helemaal mee eens.", "Mooi", "Dank je!", "Komt goed.", "Prima &amp; bedankt voor de tip.",
    ),
    "thanks_back": (
        "Dank je wel!",
        "Heel erg bedankt, {first}!",
        "Dank 🙏",
        "Bedankt voor de lieve woorden, {first}!",
        "Dank je, {first}! Hopelijk gaat het met jou ook goed.",
    ),
    "thanks_job": (
        "Dank je! Heb er echt zin in.",
        "Dank! Nog aan het inwerken, laten we snel bijpraten.",
        "Dank je, {first}! Grote stap, maar een goede.",
    ),
    "congrats": (
        "Gefeliciteerd met je nieuwe rol, {first}! Dik verdiend.",
        "Gefeliciteerd {first}! Mooie stap, heel veel succes.",
        "<p>Van harte gefeliciteerd met je nieuwe functie, {first} &#127881;</p>",
        "Gefeliciteerd met je nieuwe baan!",
        "Gefeliciteerd {first}! 🎉",
    ),
    "birthday": (
        "Gefeliciteerd met je verjaardag, {first}!",
        "Fijne verjaardag! 🎂",
        "Hartelijk gefeliciteerd {first}, maak er een mooie dag van!",
        "Van harte! Een heel mooi nieuw levensjaar gewenst.",
    ),
    "anniversary": (
        "Gefeliciteerd met je werkjubileum, {first}!",
        "Fijn werkjubileum! 🎉",
        "Gefeliciteerd met weer een jaar bij het bedrijf, {first}, de tijd vliegt!",
    ),
    "decline": (
        "Dank je, maar geen interesse.",
        "Bedankt voor je bericht, {first}. Ik zit op dit moment prima op mijn plek.",
        "Op dit moment niet voor ons, bedankt.",
        "Leuk dat je aan me dacht! Ik ben nu niet op zoek, maar succes met de zoektocht.",
    ),
    "empty": ("",),
    "checkin": (
        "Hoi {first}, lang niet gesproken! Hoe gaat het aan jouw kant?",
        "Hey {first}, ik moest aan ons laatste gesprek denken. Hoe loopt het nieuwe project?",
        "Hoi {first},\nik hoop dat alles goed gaat. Nog nieuws sinds de vorige keer? Zin in een kop koffie?",
        "<p>Hoi {first}, hoe is dit jaar tot nu toe voor jou &amp; het team?</p>",
        "Hoi {first}, waar ben je tegenwoordig mee bezig? Ik hoor graag wat jullie aan het bouwen zijn.",
    ),
    "retry": (
        "Hoi {first}, ik zet dit even bovenaan voor het geval het is ondergesneeuwd. Geen haast!",
        "Hoi {first}, ik kom terug op mijn bericht van vorige week. Zou een kort belletje schikken?",
        "Hey {first},\nlaatste poging van mijn kant: ik zou nog steeds graag bijpraten als je tijd hebt.",
    ),
    "ask": (
        "Hoi {first}, hoop dat alles goed is! Werk je nog in analytics? Ik heb een vraag over werving.",
        "Hallo {first}, ik zag je bericht over de conferentie. Heb je volgende week tijd voor een kort gesprek?",
        "Hoi,\nvolgende maand organiseren we een kleine rondetafel en ik zou je graag uitnodigen. Heb je zin?",
        "Hey {first}! Lang geleden. Weet jij wie bij jullie partnerships doet?",
        "Hoi {first}, ken jij iemand die bij een fintech aan pricing werkt? Een introductie zou erg helpen.",
        "Hoi {first}, zijn jullie aan het werven? Een oud-collega zoekt een nieuwe baan.",
    ),
    "chat_q": (
        "Past dinsdag om 15.00 uur?",
        "Koffie volgende week?",
        "Kun je me de link sturen?",
        "Welke dag komt jou het beste uit?",
        "Wat vond je van het voorstel?",
    ),
    "late": (
        "Sorry voor de hele late reactie, {first}! Ik zie dit nu pas. Is het nog actueel?",
        "Excuses, dit was ondergesneeuwd in mijn inbox. Zoek je hier nog hulp bij?",
        "<p>Sorry voor de late reactie &#8211; heb je nog zin om bij te praten?</p>",
    ),
    "interested": (
        "Bedankt voor je bericht, {first}. Kun je de salarisrange delen en of de rol remote is?",
        "Klinkt interessant. Kun je me meer details per mail sturen?",
        "Dank! Wat is de planning?",
    ),
    "reply": (
        "Hoi! Leuk om van je te horen. Alles goed hier, druk kwartaal.",
        "Bedankt voor je bericht, het gaat goed. We zijn net naar een nieuw kantoor verhuisd.",
        "Wat leuk om van je te horen!\nWe hebben net de nieuwe release live gezet en het team is dit jaar "
        "verdubbeld.",
        "<p>Hoi, sorry voor de late reactie &#8211; alles goed, ik ben in het voorjaar naar het platformteam "
        "gegaan.</p>",
        "Gaat goed, dank je! Ik ben volgende maand het grootste deel in Rotterdam.",
        "Alles goed! Druk met de lancering, vanaf mei wordt het rustiger.",
    ),
    "answer": (
        "Ja, hun hoofd data ken ik goed. Ik stel jullie morgen aan elkaar voor.",
        "Graag gedaan, {first}.\nIk stuur je morgen de details.",
        "Zeker, ik kan jullie aan elkaar voorstellen. Ik vraag het haar eerst even.",
        "Helaas werven we nu niet, maar ik houd mijn ogen open.",
        "Dinsdag komt me goed uit, ik stuur een uitnodiging.",
    ),
    "news": (
        "Hoi {first}, even een update: ik ben net begonnen als head of product bij een nieuw bedrijf.",
        "Hoi {first}, we hebben net onze seedronde afgerond. Nogmaals dank voor je advies in het begin!",
        "Hoi {first}, ik wilde je laten weten dat ik volgende maand naar Utrecht verhuis.",
        "Ik deel ons jaarverslag, misschien handig voor je team: we hebben 400 datamanagers ondervraagd.",
    ),
    "chat_n": (
        "Zeker, ik stuur je de presentatie zo.",
        "Ik ben de 12e in Amsterdam, daarna kan elke dag.",
        "Hier is de link naar het rapport waar we het over hadden.",
        "Ik check het even en kom bij je terug, {first}.",
        "Het evenement is verplaatst naar donderdagavond.",
    ),
    "pitch": (
        "Hoi {first}, ik help bedrijven zoals het jouwe om cloudkosten met 40% te verlagen. Heb je deze week "
        "15 minuten?",
        "Hoi {first}! Even kort: wij genereren gekwalificeerde leads op de automatische piloot. Interesse in een "
        "gratis audit?",
        "<p>Hallo {first}, ons bureau schaalt je outbound met door AI gepersonaliseerde campagnes. Zin in een "
        "demo?</p>",
        "Bedankt voor het connecten, {first}! Wij bouwen white-label apps voor de helft van de kosten van een "
        "intern team. Even sparren?",
        "Hoi {first}, ik heb een investeringskans in cryptomining met gegarandeerd maandelijks rendement. Mag ik "
        "je de details via WhatsApp sturen?",
    ),
    "pitch_followup": (
        "Hoi {first}, ik kom terug op mijn vorige bericht: zou donderdag passen voor een call van 15 minuten?",
        "Hoi {first}, ik zet dit even bovenaan je inbox. Donderdag of vrijdag voor een kort belletje?",
        "Hoi {first}, ik weet dat je het druk hebt. Is leadgeneratie dit kwartaal een prioriteit voor jullie?",
    ),
    "pitch_last": (
        "Hoi {first}, laatste bericht van mijn kant: als het nu niet uitkomt, laat het me dan gewoon weten.",
        "Hoi {first}, ik heb niets van je gehoord, dus de timing is vast niet goed. Laat gerust van je horen "
        "als het wel past.",
    ),
    "recruiter": (
        "Hoi {first}, ik werf voor een seniorfunctie die heel goed bij je achtergrond past. Sta je open voor "
        "een gesprek?",
        "Beste {first},\nje profiel viel me op voor een leidinggevende functie bij een van onze klanten. Sta je "
        "open voor een vertrouwelijk gesprek?",
        "Hoi {first}, ik ben recruiter bij een snelgroeiende fintech. We bouwen een nieuw datateam op. Sta je "
        "open voor nieuwe kansen?",
    ),
    "recruiter_followup": (
        "Hoi {first}, heb je mijn bericht over de seniorfunctie gezien? Ik vertel je graag meer.",
        "Hoi {first}, ik kom nog even terug op de vacature. Heb je deze week 10 minuten?",
    ),
    "group_q": (
        "Hoi allemaal, zullen we een datum prikken voor de reünie?",
        "Kan ik! Donderdagavond?",
        "Wie gaat er mee eten na de talk?",
    ),
    "group_n": (
        "Donderdag is goed. Ik reserveer een tafel.",
        "Hierbij de slides van vandaag &amp; bedankt allemaal.",
        "De zaal is verplaatst naar de tweede verdieping.",
    ),
    "group_c": ("Leuk jullie allemaal te zien!", "👍", "Bedankt allemaal!"),
    "sponsored": (
        '<p class="spinmail-quill-editor__spin-break">Hoi %FIRSTNAME%,</p><p class="spinmail-quill-editor__'
        'spin-break">Doe mee aan ons gratis webinar over moderne datateams &#8211; beperkt aantal plaatsen.</p>',
        '<p class="spinmail-quill-editor__spin-break">Hoi {first}, ontdek hoe toonaangevende teams hun '
        "rapportages automatiseren. Download vandaag het benchmarkrapport 2025.</p>",
        '<p class="spinmail-quill-editor__spin-break">Beste {first},</p><p>U bent uitgenodigd voor een exclusieve '
        "rondetafel voor bestuurders.</p>",
    ),
}

NOTES: dict[str, tuple[str, ...]] = {
    "personal_out": (
        "Hoi {first}, we ontmoetten elkaar dinsdag op het ontbijt voor dataleiders. Je punt over vroeg analisten "
        "aannemen sprak me aan, ik blijf graag in contact.",
        "Hoi {first}, {company} kwam vorige week ter sprake in een gesprek over logistieke software. Ik leid een "
        "vergelijkbaar team en wissel graag ervaringen uit.",
        "{first}, sterke talk op de meetup! Je slide over retentiecurves was de duidelijkste die ik ken.",
    ),
    "personal_in": (
        "Hoi {owner}, we zaten afgelopen voorjaar in hetzelfde panel. Ik blijf graag verbonden.",
        "Hallo {owner}, een collega bij {company} raadde me aan je te benaderen over je werk aan forecasting.",
    ),
    "default": (
        "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn.",
        "Hallo {first}, ik wil graag deel uitmaken van je netwerk op LinkedIn.",
    ),
    "pitch": (
        "Hoi {first}, ik help B2B-oprichters aan 20+ gekwalificeerde afspraken per maand. Zo werkt het: "
        "https://example.com/afspraak",
        "Hallo {first}! Wij bieden white-label development voor de helft van de prijs. Laten we connecten en "
        "synergieën verkennen.",
    ),
    "recruiter": (
        "Hoi {first}, ik werf voor senior data- en engineeringrollen en voeg je graag toe aan mijn netwerk.",
    ),
}

SUBJECTS: tuple[str, ...] = ("Kans bij een snelgroeiend bedrijf", "Leidinggevende rol", "Korte vraag")
SPONSORED_TITLES: tuple[str, ...] = ("Uitnodiging voor ons webinar", "Jouw exclusieve uitnodiging")
GROUP_TITLES: tuple[str, ...] = ("Jaarclub 2014", "Platformgilde", "Leesclub")
