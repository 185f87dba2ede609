"""Courtesy phrases per language: thanks, congratulations, wishes, greetings, acknowledgements.

Each table maps a concept to ``{language: patterns}``. Patterns are regular expressions written in
lower case, with accents as people write them (they are folded with the text before matching, so
"felicitações" also matches "felicitacoes"). ``{t}`` stands for the rest of the clause, a few words
up to the next punctuation ("thanks {t}" covers "thanks for the kind words"). Language ``xx`` is
language-neutral: words that do not tell the language, or courtesy words of languages the reader
does not otherwise read (a thank-you in Polish is still a thank-you, even though the language is
reported as unknown).
"""

from __future__ import annotations

Table = dict[str, dict[str, tuple[str, ...]]]

COURTESY: Table = {
    "connect_thanks": {
        "en": (r"(?:thanks|thank you|thx|ty)(?: so much| a lot)? for (?:connecting|the connect(?:ion)?|the add"
               r"|adding me|accepting|the invite|connecting with me|the connection request){t}",
               r"(?:great|nice|good|glad|happy|pleased|lovely|excited|pleasure) (?:to be |to |being )?"
               r"(?:connect(?:ed|ing)?|e-?meet(?:ing)?|meet(?:ing)?){t}",
               r"pleasure (?:connecting|to connect|meeting you)", r"good to be connected{t}",
               r"(?:glad|great|nice|good|happy) (?:that )?we (?:could |got to |finally )?(?:connect|met|meet)(?:ed)?{t"
               r"}",
               r"looking forward to (?:staying in touch|connecting|following|working|keeping in touch|"
               r"our collaboration|seeing you){t}", r"let'?s (?:keep|stay) (?:in touch|connected){t}",
               r"i'?d like to (?:add you to|join) (?:my|your) (?:professional )?(?:linkedin )?network{t}",
               r"thanks? for (?:accepting|the add){t}"),
        "de": (r"(?:danke|vielen dank|herzlichen dank)(?: dir| ihnen)? (?:fürs|für die|für das|für)"
               r" (?:vernetzen|vernetzung|connecten|kontaktanfrage|annahme|hinzufügen|bestätigen){t}",
               r"freut mich{t}", r"schön, dass wir (?:uns )?(?:vernetzt|verbunden) sind"),
        "es": (r"gracias por (?:conectar|la conexión|aceptar|agregarme|añadirme){t}",
               r"encantad[oa] de (?:conectar|conocerte){t}", r"un placer (?:conectar|conocerte){t}",
               r"mucho gusto"),
        "fr": (r"merci pour (?:la mise en relation|la connexion|l'ajout|l'invitation){t}",
               r"merci d'avoir accepté{t}", r"ravie? de (?:faire (?:ta|votre) connaissance|vous compter|te compter|"
               r"t'avoir|vous avoir|être en contact|se connecter){t}", r"ravie? d'être en contact{t}",
               r"enchantée?"),
        "pt": (r"(?:obrigad[oa]|valeu) (?:pela conexão|por (?:aceitar|conectar)){t}",
               r"prazer em (?:conectar|conhecer){t}"),
        "it": (r"grazie per (?:il collegamento|la connessione|aver accettato|l'invito){t}",
               r"piacere di conoscerti", r"piacere di essere in contatto"),
        "nl": (r"(?:bedankt|dank je(?: wel)?|dank u(?: wel)?) voor (?:de connectie|het connecten|het accepteren|"
               r"de uitnodiging|het verbinden){t}", r"leuk (?:om te connecten|je te ontmoeten|kennis te maken){t}"),
    },
    "birthday": {
        "en": (r"happy (?:belated )?(?:birthday|bday|b-day){t}", r"hbd", r"many happy returns{t}",
               r"birthday wishes", r"happy bday"),
        "de": (r"alles (?:gute|liebe) zum geburtstag{t}", r"geburtstag\w*"),
        "es": (r"feliz cumple(?:años)?{t}", r"felicidades en tu día"),
        "fr": (r"(?:joyeux|bon) anniversaire{t}",),
        "pt": (r"feliz aniversário{t}", r"parabéns pelo seu dia"),
        "it": (r"buon compleanno{t}", r"tanti auguri di buon compleanno"),
        "nl": (r"(?:fijne|gelukkige) verjaardag{t}", r"gefeliciteerd met je verjaardag{t}"),
        "xx": (r"grattis på födelsedagen", r"с днём рождения", r"wszystkiego najlepszego", r"doğum günün kutlu olsun"),
    },
    "anniversary": {
        "en": (r"(?:happy )?work anniversary{t}", r"(?:\d+|one|two|three|four|five|ten|twenty) years? (?:at|with){t}",
               r"anniversary{t}"),
        "de": (r"(?:\d+-?jährige[sn]? )?(?:dienst|firmen)?jubiläum{t}",),
        "es": (r"aniversario (?:en|laboral|con){t}", r"\d+ años en{t}"),
        "fr": (r"\d+ ans (?:chez|à|dans){t}", r"anniversaire professionnel"),
        "pt": (r"\d+ anos (?:de empresa|na|no|em){t}", r"aniversário de empresa"),
        "it": (r"\d+ anni (?:in|con|da){t}", r"anniversario di lavoro"),
        "nl": (r"(?:\d+-?jarig )?(?:werk)?jubileum{t}",),
    },
    "congrats": {
        "en": (r"congrat(?:s|ulations?|ulate\w*|z)?{t}", r"well[- ]deserved{t}", r"kudos{t}", r"way to go",
               r"so (?:happy|proud) (?:for|of) you", r"proud of you"),
        "de": (r"(?:herzlichen )?glückwunsch\w*{t}", r"gratuliere\w*{t}", r"gratulation\w*{t}",
               r"wohlverdient", r"toll gemacht"),
        "es": (r"felicidades{t}", r"felicitaciones{t}", r"enhorabuena{t}", r"te felicito{t}"),
        "fr": (r"félicitations{t}", r"toutes mes félicitations{t}", r"bien mérité"),
        "pt": (r"parabéns{t}", r"felicitações{t}", r"merecido", r"mandou bem"),
        "it": (r"congratulazioni{t}", r"complimenti{t}", r"auguroni{t}", r"ben meritato", r"te lo meriti"),
        "nl": (r"(?:van harte )?gefeliciteerd{t}", r"proficiat{t}", r"goed gedaan"),
        "xx": (r"bravo{t}", r"gratul\w*", r"grattis\w*", r"gratulerer", r"tillykke", r"onne\w*", r"tebrik\w*",
               r"поздравл\w*", r"felicit\w*", r"gratulál\w*", r"čestit\w*", r"συγχαρητήρια", r"おめでとう\w*",
               r"恭喜", r"축하(?:합니다|해요|드립니다)?", r"(?:الف )?مبروك", r"تهاني\w*", r"اهنئ\w*", r"مبارك",
               r"ما شاء الله", r"تبارك الله", r"تستاهل\w*", r"فخور\w* بك", r"बधाई(?: हो)?"),
    },
    "thanks": {
        "en": (r"(?:many |big |huge )?(?:thanks|thank you|thank u|thanx|thnx|thx|tnx|tks|ty|tysm)"
               r"(?: (?:so|very) much| a lot| a million| again| kindly)*(?: (?:for|on) \w+{t})?",
               r"(?:much|really|greatly) appreciated", r"(?:i |really )?appreciate (?:it|that|this|you|your \w+){t}",
               r"cheers"),
        "de": (r"(?:vielen|herzlichen|tausend|besten|lieben) dank{t}", r"danke(?:schön| schön| sehr| dir| euch| ihnen"
               r"| vielmals| nochmal)*{t}"),
        "es": (r"(?:muchas |mil )?gracias{t}", r"te lo agradezco", r"se agradece", r"muchísimas gracias{t}"),
        "fr": (r"merci(?: beaucoup| bien| mille fois| infiniment)?{t}", r"je (?:te|vous) remercie{t}",
               r"mille mercis"),
        "pt": (r"(?:muito )?obrigad[oa]s?{t}", r"valeu{t}", r"agradeço{t}"),
        "it": (r"grazie(?: mille| tante| infinite| ancora)?{t}", r"(?:ti|la|vi) ringrazio{t}"),
        "nl": (r"bedankt{t}", r"dank (?:je|u|jullie)(?: wel)?{t}", r"dankjewel{t}", r"dank voor{t}"),
        "xx": (r"dzi[eę]kuj[eę]\w*", r"dzięki", r"tack\w*", r"takk", r"kiitos\w*", r"teşekkür\w*", r"sa[gğ] ?ol",
               r"спасибо", r"дякую", r"děkuj\w*", r"díky", r"mul[tț]umesc", r"köszönöm", r"ευχαριστώ", r"ありがとう\w*",
               r"谢谢", r"感谢", r"감사합니다", r"شكر\w*", r"جزاك\w* الله خير\w*",
               r"(?:الله )?يبارك في\w*", r"بارك الله في\w*", r"يعطيك العافي\w*", r"مشكور\w*", r"благодар\w*",
               r"शुक्रिया", r"धन्यवाद", r"terima kasih", r"cảm ơn", r"hvala\w*", r"aitäh"),
    },
    "welcome": {
        "en": (r"you'?re (?:very |most )?welcome", r"ur welcome", r"no worries{t}", r"no problem{t}", r"np",
               r"my pleasure", r"any ?time", r"(?:happy|glad) (?:to|i could) help(?:ed)?{t}", r"don'?t mention it"),
        "de": (r"gern(?:e|e doch)?", r"gern geschehen", r"kein problem", r"keine ursache", r"bitte(?: schön| sehr)?"),
        "es": (r"de nada", r"no hay de qué", r"un placer(?: ayudarte)?", r"con gusto", r"a ti"),
        "fr": (r"de rien", r"avec plaisir", r"je (?:t'en|vous en) prie", r"pas de souci\w*", r"c'était un plaisir"),
        "pt": (r"de nada", r"por nada", r"imagina", r"(?:sempre )?às ordens", r"disponha"),
        "it": (r"prego", r"figurati", r"di niente", r"di nulla", r"non c'è di che"),
        "nl": (r"graag gedaan", r"geen probleem", r"geen dank"),
    },
    # What people add to be kind, asking nothing: a generic offer, staying in touch, having enjoyed a chat.
    "pleasantry": {
        "en": (r"let me know if (?:i|we) can (?:ever )?(?:help|be of (?:any )?help)"
               r"(?: (?:with anything|in any way|at all))?(?=[.!]|$)",
               r"(?:and )?if you (?:ever )?need anything(?: (?:else|at all|from me|from us))?,? (?:just )?"
               r"(?:let me know|give me a shout|reach out)(?=[.!]|$)",
               r"(?:i'?m |i am |we'?re |really |so )*looking forward to it(?=[.!,]|$)",
               r"(?:i'?d|i would|would) (?:love|like) to (?:stay|keep) in touch",
               r"(?:i )?(?:really )?enjoyed (?:our|the|your) (?:chat|conversation|talk|panel|session|exchange){t}",
               r"(?:so |great |good |nice |lovely )?(?:good |great |nice )?to hear from you{t}",
               # praise with nothing to answer: "This is a great initiative. God bless you!"
               r"(?:this is |that'?s |what )?(?:a |an )?(?:great|amazing|wonderful|fantastic|brilliant|inspiring)"
               r" (?:initiative|idea|post|article|work|job|achievement|news|project){t}",
               r"god bless(?: you)?{t}", r"(?:well|nicely) done{t}", r"keep (?:it )?up(?: the good work)?{t}"),
        "xx": (r"تشرفت بمعرفت\w*", r"سعد\w* بالتعرف عليك", r"سعيد\w* بالتواصل{t}", r"اتطلع (?:ل|الي )\S*{t}",
               r"很高兴认识你", r"जुड़कर खुशी हुई",
               # blessings answer kindness with kindness and ask nothing ("God honour you", "praise be to God")
               r"الحمد ?لله\w*(?: (?:علي كل حال|حتي يبلغ الحمد منتهاه|رب العالمين))?",
               r"(?:الله|ربنا) (?:يكرم|يسعد|يوفق|يخلي|يبارك|يحفظ|يجازي|يزيد)\w*", r"يا رب",
               r"و?(?:ربنا )?يتقبل\w*(?: منا ومنك\w*| منا جميعا)?", r"و?يزيدك من فضله", r"و?يبارك في\w*",
               r"كلامك (?:جميل|طيب|حلو)\w*(?: جدا)?",
               r"اسعد\w* الله\w*", r"يجازيك\w* (?:الله )?(?:كل )?خير\w*", r"متشكر\w*", r"تسلم\w*"),
    },
    "wishes": {
        "en": (r"happy (?:new year|holidays|friday|monday|easter|thanksgiving|diwali|eid|hanukkah|weekend){t}",
               r"merry (?:christmas|xmas){t}", r"season'?s greetings", r"(?:all the best|best of luck|good luck){t}",
               r"(?:have|enjoy) (?:a |the )?(?:(?:great|nice|good|lovely|wonderful|fantastic) )?(?:day|weekend|week"
               r"|evening|holiday|holidays|time|trip|break|vacation){t}", r"take care",
               r"wishing (?:you|him|her|them|everyone|the team|all of you){t}",
               r"get well soon", r"(?:a )?speedy recovery", r"(?:so )?sorry (?:to hear|for your loss){t}",
               r"thinking of you{t}", r"(?:my )?condolences", r"(?:i )?hope (?:you'?re|you are|you have|all is"
               r"|everything is|you had|you'?ve had){t}", r"(?:and )?(?:you|same to you) too", r"same to you",
               r"likewise", r"stay safe", r"see you (?:then|soon|there|tomorrow|next week){t}",
               r"talk (?:soon|later)", r"speak soon", r"catch you later", r"it (?:was|is) fun",
               r"great seeing you{t}", r"(?:it was )?(?:great|good|nice|lovely) (?:seeing|to see) you{t}",
               r"(?:i )?hope (?:the|your|this|all|everything|it|you)\b{t}", r"enjoy (?:the|your) \w+{t}",
               r"welcome (?:to the team|aboard|back|to \w+){t}", r"(?:it |that |you )?(?:really |totally )?made my day",
               r"(?:it |that )?means (?:a lot|so much|the world){t}", r"safe travels", r"bon voyage"),
        "de": (r"frohe (?:weihnachten|ostern|feiertage){t}", r"(?:einen )?guten rutsch{t}", r"frohes neues(?: jahr)?",
               r"(?:ein )?(?:schönes|erholsames) (?:wochenende|fest){t}", r"schöne feiertage", r"alles gute{t}",
               r"viel (?:erfolg|glück|spaß){t}", r"gute besserung", r"gute reise",
               r"(?:einen )?schönen (?:tag|abend|urlaub|feierabend|sonntag){t}", r"mein beileid",
               r"(?:dir|ihnen|euch) auch{t}",
               r"gleichfalls", r"bis (?:bald|dann|morgen|später)"),
        "es": (r"feliz navidad{t}", r"(?:próspero|feliz) año(?: nuevo)?{t}", r"felices fiestas{t}",
               r"(?:buen|feliz) fin de semana{t}", r"(?:mucho )?éxito{t}", r"(?:mucha )?suerte{t}",
               r"que te mejores", r"mis condolencias", r"igualmente", r"(?:tú|usted) también",
               r"hasta (?:pronto|luego|mañana)", r"felices vacaciones"),
        "fr": (r"joyeux noël{t}", r"bonne (?:année|fêtes|journée|soirée|semaine|continuation|chance|route){t}",
               r"bon (?:week-end|weekend|courage|rétablissement|vent){t}", r"meilleurs vœux{t}",
               r"(?:à toi|à vous|toi|vous) aussi", r"de même", r"à bientôt"),
        "pt": (r"feliz natal{t}", r"boas festas{t}", r"feliz ano novo{t}", r"bom fim de semana{t}",
               r"boa sorte{t}", r"(?:muito )?sucesso{t}", r"melhoras", r"meus pêsames", r"igualmente",
               r"(?:pra|para) (?:você|vc|ti) também", r"até (?:logo|mais|breve)"),
        "it": (r"buon natale{t}", r"buone feste{t}", r"(?:felice|buon) anno nuovo{t}",
               r"buon (?:fine settimana|weekend|lavoro|viaggio|proseguimento){t}",
               r"buona (?:giornata|serata|fortuna|continuazione){t}", r"in bocca al lupo", r"(?:tanti )?auguri{t}",
               r"anche a te", r"altrettanto", r"a presto"),
        "nl": (r"fijne (?:feestdagen|dag|avond|week|weekend|vakantie){t}", r"prettige feestdagen{t}",
               r"gelukkig nieuwjaar{t}", r"(?:veel )?succes{t}", r"sterkte", r"beterschap", r"jij ook",
               r"insgelijks", r"tot (?:snel|dan|ziens|morgen)"),
        "xx": (r"كل عام و\w* بخير", r"عساك\w* من عواده", r"رمضان (?:كريم|مبارك)", r"عيد\w* (?:مبارك|سعيد)\w*",
               r"عيد ميلاد سعيد", r"بالتوفيق\w*", r"ان شاء الله", r"اتمني لك{t}", r"başarılar\w*",
               r"शुभकामना\w*", r"удачи"),
    },
    "greeting": {
        "en": (r"hi(?: again| there)?", r"hello(?: again| there)?", r"hey(?: there)?", r"hiya", r"howdy",
               r"good (?:morning|afternoon|evening|day)", r"greetings", r"dear"),
        "de": (r"hallo", r"moin", r"servus", r"grüß gott", r"guten (?:morgen|tag|abend)", r"liebe[rs]?",
               r"sehr geehrte[rs]?(?: herr| frau)?"),
        "es": (r"hola", r"buen[oa]s(?: tardes| noches| días)?", r"estimad[oa]", r"querid[oa]"),
        "fr": (r"bonjour", r"bonsoir", r"salut", r"coucou", r"chère?"),
        "pt": (r"olá", r"oi", r"bom dia", r"boa (?:tarde|noite)", r"prezad[oa]", r"e aí"),
        "it": (r"ciao", r"salve", r"buongiorno", r"buonasera", r"gentile", r"car[oa]"),
        "nl": (r"hoi", r"hallo", r"goede(?:morgen|middag|navond)", r"beste", r"hee"),
        "xx": (r"السلام عليكم(?: ورحمه الله(?: وبركاته)?)?", r"وعليكم السلام\w*", r"اهلا(?: وسهلا| بك)?",
               r"مرحبا\w*", r"привет", r"здравствуйте", r"नमस्ते", r"你好", r"こんにちは", r"merhaba"),
    },
    "ack": {
        "en": (r"okie", r"ok(?:ay)? then", r"k+", r"sure(?: thing)?", r"sounds (?:good|great|perfect|like a plan)",
               r"got it", r"noted", r"understood", r"will do", r"agreed", r"absolutely", r"of course", r"definitely",
               r"great", r"awesome", r"cool", r"nice", r"excellent", r"fantastic", r"amazing",
               r"brilliant", r"wonderful", r"lovely", r"exactly", r"indeed", r"yes", r"yep", r"yeah", r"yup",
               r"right", r"(?:so )?true", r"fair enough", r"makes sense", r"love (?:it|that)", r"deal", r"done",
               r"all good", r"no rush", r"(?:i )?agree", r"same here", r"me too", r"good stuff", r"haha\w*", r"lol",
               r"lmao", r"hehe\w*", r"(?:great|good|nice) (?:one|point|idea|news|to hear)", r"perfect timing"),
        "de": (r"alles klar", r"passt(?: schon)?", r"perfekt", r"klasse", r"genau",
               r"stimmt", r"jawohl", r"(?:sehr )?gut", r"einverstanden", r"mach ich", r"wird gemacht",
               r"verstanden", r"klingt gut", r"sehr schön", r"(?:na )?klar", r"ja", r"jep"),
        "es": (r"vale", r"genial", r"perfecto", r"de acuerdo", r"entendido", r"claro(?: que sí)?", r"(?:muy )?bien",
               r"súper", r"ja(?:ja)+\w*", r"exacto", r"dale", r"listo", r"buenísimo", r"estupendo", r"cierto",
               r"me parece (?:bien|perfecto)"),
        "fr": (r"d'accord", r"parfait", r"génial", r"entendu", r"compris", r"ça marche", r"très bien",
               r"carrément", r"exactement", r"oui", r"c'est noté", r"bien reçu"),
        "pt": (r"combinado", r"(?:tá|está) bem", r"beleza", r"ótimo", r"perfeito", r"certo", r"k{3,}",
               r"sim", r"fechado", r"com certeza", r"verdade", r"massa", r"bacana"),
        "it": (r"va bene", r"perfetto", r"ottimo", r"certo", r"d'accordo", r"benissimo", r"ahah\w*",
               r"esatto", r"vero", r"giusto", r"fantastico", r"ricevuto", r"capito"),
        "nl": (r"(?:helemaal )?goed", r"oké", r"klopt(?: helemaal)?", r"precies", r"mooi",
               r"toppie", r"zeker", r"afgesproken", r"duidelijk", r"begrepen", r"geweldig", r"leuk"),
        "xx": (r"ok", r"okay", r"xd+", r"super", r"top", r"prima", r"perfect", r"cool", r"wow", r"sorry", r"ciao",
               r"s[uú]per", r"no problem"),
    },
    # Sign-offs and fillers: removed before judging what is left, never a detail of their own.
    "closing": {
        "en": (r"(?:best|kind|warm|warmest)(?: regards| wishes)?", r"regards", r"sincerely", r"br", r"cheers",
               r"again", r"so much", r"very much", r"really", r"here", r"too", r"as well", r"mate", r"my friend",
               r"everyone", r"to you(?: and your (?:family|team|loved ones))?", r"and your (?:family|team)"),
        "de": (r"(?:(?:viele|beste|liebe|freundliche|herzliche) )?grüße", r"gruß", r"lg", r"vg", r"mfg",
               r"(?:herr|frau) \w+"),
        "es": (r"(?:un )?saludos?(?: cordiales)?", r"(?:un )?abrazos?", r"atentamente"),
        "fr": (r"(?:bien )?cordialement", r"bises", r"amitiés", r"madame", r"monsieur"),
        "pt": (r"abraços?", r"atenciosamente"),
        "it": (r"(?:un )?salut[oi]", r"cordiali saluti", r"un abbraccio"),
        "nl": (r"(?:met )?(?:vriendelijke )?groet(?:en|jes)?", r"mvg", r"gr"),
    },
}

# Laughing and courtesy emoji say what an emoji-only message is.
EMOJI_DETAIL: dict[str, str] = {
    "🎂": "birthday", "🎈": "birthday", "🎉": "congrats", "🥳": "congrats", "👏": "congrats", "🙌": "congrats",
    "🏆": "congrats", "🍾": "congrats", "🥂": "congrats", "🙏": "thanks", "👍": "ack", "👌": "ack",
}
