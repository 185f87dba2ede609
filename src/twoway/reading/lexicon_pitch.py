"""Sales, recruiting and spam phrases per language (conventions as in :mod:`twoway.reading.lexicon`).

``STRONG`` keys make a pitch on their own; ``SOFT`` keys only in pairs (a link or "opportunity"
alone is not a pitch: people share links to their talks and write about opportunities too).
Keys are the signal names callers show ("sales_offer", "call_to_book"...); the first seven are the
ones the old detector used, so reasons read the same. ``NEUTRAL`` keys read the same in any
language and are the only ones trusted when the language is unknown.
"""

from __future__ import annotations

from twoway.reading.lexicon import Table

STRONG: Table = {
    "call_to_book": {
        "en": (r"book (?:a|an|your|some)(?: quick| short| free| brief| discovery| intro)? (?:call|demo|meeting|chat|"
               r"slot|time)", r"schedule (?:a|an)(?: quick| short| free| brief)? (?:call|demo|meeting)",
               r"hop on a (?:quick )?(?:call|zoom)", r"\d+[- ]?min(?:ute)?s?(?: \w+)? (?:call|chat|meeting|demo|intro)",
               r"\d+[- ]?min(?:ute)?s? of your time", r"calendly\S*", r"(?:grab|find) (?:a|some) time on my calendar",
               r"(?:my|the) calendar link", r"book a time", r"free (?:strategy|discovery) (?:call|session)",
               r"when works for a"),
        "de": (r"(?:termin|gespräch|call|telefonat|demo) (?:vereinbaren|buchen)", r"kostenlose[sn]? (?:erstberatung|"
               r"beratung|erstgespräch|analyse|demo|strategiegespräch)", r"kurze demo"),
        "es": (r"(?:agendar|reservar|programar) (?:una )?(?:llamada|demo|reunión)", r"llamada gratuita",
               r"demo gratuita", r"consulta gratuita"),
        "fr": (r"(?:réserve[rz]?|planifier|caler) (?:un |votre )?(?:appel|créneau|démo|rendez-vous)",
               r"appel découverte", r"(?:courte|petite) démo", r"devis gratuit"),
        "pt": (r"(?:agendar|marcar) (?:uma )?(?:call|reunião|demo|demonstração)", r"consultoria gratuita",
               r"agende (?:uma|sua)"),
        "it": (r"(?:fissare|prenotare|prenota)(?: ora)? (?:una |la tua )?(?:call|chiamata|demo|consulenza)",
               r"consulenza gratuita", r"breve demo"),
        "nl": (r"(?:plan|boek)(?: nu)?(?: je| een)? (?:gratis )?(?:adviesgesprek|kennismakingsgesprek|demo|call)",
               r"gratis (?:adviesgesprek|demo|kennismaking)", r"korte demo", r"(?:demo|gesprek) (?:in)?plannen"),
    },
    "sales_offer": {
        "en": (r"(?:our|my) (?:services?|solutions?|agency|platform|software|product|tool|app|offer(?:ing)?|program"
               r"(?:me)?|system|proposal)(?! team)", r"(?:we|i) help (?:\w+ ){0,3}(?:companies|"
               r"businesses|brands|founders|agencies|teams|firms|startups|fintechs|coaches|agents|consultants|"
               r"you|b2b|saas|clients)", r"(?:companies|businesses|teams|startups) like yours",
               r"(?:generate|get|book|bring)(?: you)?(?: \d+\+?)?(?: more)?(?: qualified)? (?:b2b )?(?:leads|clients|"
               r"customers|sales|meetings|demos|appointments|listings)", r"lead gen(?:eration)?",
               r"grow your (?:business|revenue|sales|brand|agency|pipeline)", r"(?:increase|boost|double|triple|"
               r"\dx|scale) (?:your|their) (?:revenue|sales|roi|leads|profits?|traffic|conversions?|business|"
               r"income|organic \w+)", r"free (?:trial|audit|consultation|demo|quote|website audit|strategy "
               r"session|case study)", r"special (?:offer|price|discount)", r"\d+ ?% (?:off|discount)",
               r"discount", r"outsourc\w+", r"offshore", r"nearshore", r"white[- ]label",
               r"seo (?:services|company|agency)", r"(?:web|app|software) (?:design|development) (?:services|"
               r"company|agency|teams?)", r"software house", r"at (?:affordable|competitive|the best) (?:rates|"
               r"prices)", r"wholesale", r"catalogue", r"case study", r"(?:\$|€|£)\d+ ?(?:/|per) ?(?:hour|hr|h)\b",
               r"starting at (?:\$|€|£)?\d+", r"(?:open|interested) (?:to|in) (?:exploring )?(?:a )?partnership",
               r"(?:we|i) (?:offer|provide|build|manufacture|specialise|specialize|run)"
               r" (?:\w+ ){0,3}(?:services|teams|developers|agency|websites|stores|development)",
               r"i run a \w+ agency", r"(?:we|i) help (?:\w+ ){1,4}(?:to )?(?:reduce|cut|save|grow|increase|scale|"
               r"automate|get|generate|streamline|improve|hire|find|win|book|land|close|boost|double|raise)",
               r"(?:our|my) (?:consultancy|firm|company|startup|agency|team|platform|tool|solution|product|software) "
               r"(?:helps|enables|allows|lets)", r"(?:double|triple|\d+x|boost|skyrocket|supercharge) your \w+",
               r"(?:reduce|cut|lower|slash|reducing|cutting) your (?:\w+ ){0,2}(?:costs?|bills?|spend|churn)",
               r"pre-?vetted", r"we(?:'re| are) (?:a|an) (?:\w+ ){0,3}(?:agency|consultancy|software house|provider|"
               r"vendor|staffing (?:firm|company)|development (?:company|studio))", r"guest post", r"backlinks?",
               r"for (?:only|just) [$€£]?\d+"),
        "de": (r"wir sind (?:ein|eine|ihr) (?:\w+ )?[\w-]*(?:dienstleister|agentur|beratung|anbieter|softwarehaus)",
               r"(?:ihre|deine) kosten (?:senken|reduzieren)",
               r"wir (?:helfen|unterstützen|begleiten) (?:\w+ ){0,3}(?:unternehmen|firmen|kunden|mittelstand|"
               r"selbstständige|steuerberater|agenturen|teams|ihnen)", r"(?:mehr|neue) (?:qualifizierte )?"
               r"(?:leads|kunden|umsatz)", r"(?:leads|kunden) (?:zu )?(?:generieren|gewinnen)", r"(?:ihren|deinen) "
               r"umsatz", r"unsere[rmn]? (?:agentur|plattform|software|lösung|dienstleistung\w*|produkte?|angebot)",
               r"unser (?:angebot|produkt|tool|programm|coaching\w*)", r"kostenlose[sn]? (?:angebot|testphase)",
               r"(?:\d+ ?%|prozent) (?:rabatt|günstiger|der (?:üblichen )?kosten)", r"festpreis", r"webdesign",
               r"suchmaschinenoptimierung"),
        "es": (r"(?:ayudamos|ayudo) a (?:\w+ ){0,2}(?:empresas|negocios|marcas|emprendedores|pymes)",
               r"(?:más|nuevos) (?:clientes|leads|ventas)", r"generación de leads", r"(?:nuestra|mi) (?:agencia|"
               r"plataforma|consultora|solución|herramienta|propuesta)", r"(?:nuestro|mi) software",
               r"(?:nuestros|mis) servicios", r"servicios de (?:marketing|desarrollo|seo)", r"(?:duplicar|triplicar|"
               r"aumentar) (?:tus|sus) ventas", r"\d+ ?% de descuento", r"precios (?:muy )?competitivos",
               r"presupuesto gratis", r"reducir (?:tus|sus) cost(?:e|o)s", r"nuestra agencia"),
        "fr": (r"(?:nous aidons|j'aide|nous accompagnons|j'accompagne) (?:les )?(?:\w+ ){0,2}(?:entreprises|pme|"
               r"cabinets|marques|startups|dirigeants)", r"(?:plus de|nouveaux) (?:leads|clients|prospects)",
               r"génération de leads",
               r"(?:notre|ma) (?:agence|solution|plateforme|offre|méthode|logiciel|proposition)",
               r"(?:nos|mes) services", r"création de sites", r"à prix réduit", r"doublez votre", r"offshore",
               r"\d+ ?% de réduction", r"(?:réduire|réduit|réduisez|baisser) (?:vos|tes) coûts",
               r"une solution (?:qui|pour)"),
        "pt": (r"(?:ajudamos|ajudo) (?:\w+ ){0,2}(?:empresas|negócios|marcas)", r"(?:mais|novos) (?:leads|clientes|"
               r"vendas)", r"geração de leads", r"(?:nossa|minha) (?:agência|plataforma|solução|ferramenta|"
               r"consultoria)", r"(?:nossos|meus) serviços", r"(?:dobrar|triplicar|aumentar) (?:o faturamento|suas "
               r"vendas|as vendas)", r"\d+ ?% de desconto", r"reduzir (?:seus|os) custos"),
        "it": (r"(?:aiutiamo|aiuto) (?:le )?(?:\w+ ){0,2}(?:aziende|imprese|professionisti)", r"(?:più|nuovi) "
               r"(?:lead|clienti)", r"(?:la nostra|nostra) (?:agenzia|piattaforma|soluzione)", r"(?:i nostri|nostri) "
               r"servizi", r"raddoppiare il fatturato", r"sconto del \d+", r"preventivo gratuito",
               r"ridurre i (?:tuoi|suoi) costi"),
        "nl": (r"(?:wij helpen|ik help) (?:\w+ ){0,3}(?:bedrijven|ondernemers|organisaties|merken)",
               r"meer (?:gekwalificeerde )?(?:leads|klanten|omzet)", r"ons (?:bureau|platform|product|aanbod)",
               r"onze (?:tool|oplossing|diensten|software)", r"omzet (?:te )?verdubbelen", r"\d+ ?% korting",
               r"wij bieden", r"wij leveren", r"(?:je|uw) kosten (?:verlagen|besparen)"),
    },
    "money_scheme": {
        "xx": (r"(?:daily|weekly|monthly) (?:returns|profits?|income)", r"trading (?:community|signals|group|club)",
               r"business proposal", r"(?:benefit|profit) us both", r"passive income", r"crypto\w*", r"krypto\w*",
               r"cripto\w*", r"forex", r"bitcoin\w*", r"trading bot",
               r"investment (?:opportunit\w+|club)", r"guaranteed (?:returns?|profits?|income)", r"make money",
               r"financial freedom", r"mlm", r"earn \$?\d", r"\d+ ?% (?:weekly|monthly|daily)(?: profit)?",
               r"no experience (?:needed|required)", r"(?:making|made|earn) \$\d+",
               # network-marketing schemes: "a few hours a week to generate ongoing income", "7 to 12 percent profit"
               r"(?:ongoing|residual) income", r"\d+ ?(?:to|-) ?\d+ ?(?:%|percent) (?:profit|returns?)"),
        "de": (r"passive[sn]? einkommen", r"finanzielle freiheit", r"geld verdienen"),
        "es": (r"ingresos pasivos", r"gana dinero", r"libertad financiera"),
        "fr": (r"revenu passif", r"gagnez (?:de l'argent|un revenu)", r"devenez riche", r"liberté financière"),
        "pt": (r"renda passiva", r"ganhe dinheiro", r"liberdade financeira"),
        "it": (r"reddito passivo", r"guadagna(?:re)? (?:con|un)", r"libertà finanziaria"),
        "nl": (r"passief inkomen", r"verdien geld", r"financiële vrijheid"),
    },
    "price_per_hour": {
        "xx": (r"(?:vanaf|from|ab|desde|a partir de|da|starting at) [$€£]?\d+ ?(?:€|eur|euro|dollars?)? ?(?:/|per|pro|"
               r"por|par|all') ?(?:hour|hr|uur|stunde|hora|heure|ora)",),
    },
    "off_platform": {
        "xx": (r"whats ?app", r"telegram", r"t\.me/\S+", r"wechat", r"text me at",
               r"(?:e-?mail|contact) me (?:at|on) \S+@\S+"),
    },
    "recruiting": {
        "en": (r"i'?m (?:a |an )?(?:technical |tech |senior |executive )?(?:recruiter|headhunter|talent "
               r"(?:partner|acquisition)\w*)", r"(?:role|position|opportunity|opening)s? (?:that|which) "
               r"(?:matches|fits|aligns with) your", r"your (?:profile|background|experience) (?:stood out|caught my "
               r"eye|fits|matches)", r"(?:great|strong|good|perfect) fit for (?:a|an|the) \w+", r"(?:open|interested) "
               r"(?:to|in) (?:new |exploring )?(?:opportunities|a new (?:role|challenge|opportunity))",
               r"executive search", r"recruiting for", r"headhunter"),
        "de": (r"(?:ich bin|wir sind) (?:\w+ )?(?:recruiter\w*|personalberat\w*|headhunter|eine personalberatung)",
               r"für (?:einen |eine )?(?:unserer |unseren )?kunde\w* (?:suchen wir|einen)",
               r"(?:spannende|interessante) (?:position|stelle|vakanz|herausforderung)", r"(?:ihr|dein) profil passt",
               r"\((?:m/w/d|w/m/d|m/f/d)\)", r"vertrauliche[sn]? gespräch", r"wechselbereit"),
        "es": (r"(?:soy|somos) (?:\w+ )?(?:reclutador\w*|headhunter|consultor\w* de selección)",
               r"encaja con tu perfil", r"tu perfil encaja"),
        "fr": (r"(?:je suis|nous sommes) (?:\w+ )?(?:chargée? de recrutement|recruteu\w+|consultante? en recrutement|"
               r"chasseur de têtes)", r"correspond à (?:votre|ton) profil", r"à l'écoute du marché",
               r"à vous proposer"),
        "pt": (r"(?:sou|somos) (?:\w+ )?(?:recrutador\w*|headhunter|tech recruiter)",
               r"(?:combina|alinhada|compatível) (?:com|ao) (?:o )?seu perfil"),
        "it": (r"(?:sono|siamo) (?:un |una )?(?:recruiter|selezionat\w+|head ?hunter|società di selezione)",
               r"in linea con il tuo profilo"),
        "nl": (r"ik ben (?:\w+ )?(?:recruiter|headhunter|intercedent)", r"(?:bij je|bij jouw|bij uw) profiel past"),
    },
    "prospecting": {
        "en": (r"who (?:is|'s) (?:responsible|in charge) (?:for|of) (?:\w+ ){1,3}(?:at|in) your",
               r"(?:are|would) you (?:be )?the (?:right )?person (?:responsible|in charge)",
               r"who (?:handles|manages|runs) (?:\w+ ){1,2}(?:at|on) your",
               # channel-partner hunting: "we are looking for new partners who might have a company that needs..."
               r"(?:looking for|seeking|searching for) (?:new |channel |business |strategic |sales )"
               r"(?:partners|resellers|distributors|affiliates)",
               r"(?:looking for|seeking) (?:resellers|distributors)"),
        "es": (r"quién es la persona (?:indicada|responsable)",),
        "fr": (r"qui est (?:la personne )?en charge de",),
        "de": (r"wer ist bei (?:ihnen|euch) (?:für|zuständig)",),
    },
}

SOFT: Table = {
    "sales_words": {
        "en": (r"opportunit(?:y|ies)", r"roi", r"scale", r"partnership", r"clients?", r"pricing", r"demo",
               r"solution", r"leads", r"revenue", r"synerg\w+", r"hearing more",
               r"(?:intro|discovery) call", r"quick video", r"worth a (?:quick )?(?:chat|look|call)",
               r"interested", r"automat\w+", r"(?:save|cut|reduce|cutting|reducing) (?:\w+ ){0,2}(?:costs?|hours|"
               r"bill|churn|spend)", r"offer"),
        "de": (r"demo", r"lösung", r"kunden", r"umsatz", r"rabatt", r"angebot", r"interesse",
               r"kurze[sn]? (?:call|gespräch|telefonat)"),
        "es": (r"demo", r"solución", r"clientes", r"ventas", r"descuento", r"propuesta", r"te interesa"),
        "fr": (r"démo", r"solution", r"clients", r"chiffre d'affaires", r"offre", r"intéressée?"),
        "pt": (r"demo", r"demonstração", r"solução", r"clientes", r"vendas", r"desconto", r"proposta", r"interesse"),
        "it": (r"demo", r"soluzione", r"clienti", r"fatturato", r"sconto", r"preventivo", r"(?:ti|le) interessa"),
        "nl": (r"demo", r"oplossing", r"klanten", r"omzet", r"korting", r"offerte", r"interesse"),
    },
    "job_terms": {
        "xx": (r"(?:fully )?remote(?:-friendly| first)?", r"(?:up to )?[$€£]\d+k",
               r"\d+k(?:\+| base| salary| ote| equity)",
               r"[$€£]?\d+(?:k|\.000)? ?(?:-|to) ?[$€£]?\d+k", r"hybrid"),
        "en": (r"(?:i'?m|we'?re|i am|we are) (?:currently )?(?:recruiting|hiring)", r"salary", r"equity",
               r"(?:senior|lead|principal|staff|head of) \w+ (?:role|position|opening)",
               r"(?:role|position)s? (?:at|with|in) (?:a|an) (?:\w+ ){0,2}(?:startup|scale-up|company|firm|bank|fintec"
               r"h)"),
        "de": (r"gehalt", r"festanstellung"), "es": (r"salario",), "fr": (r"salaire", r"cdi"), "pt": (r"salário",),
        "it": (r"stipendio", r"ral"), "nl": (r"salaris",),
    },
    "trigger": {
        "en": (r"(?:i )?(?:noticed|saw|see) (?:that )?(?:you(?:'re| are)|your (?:company|team) (?:is|are)) (?:hiring|g"
               r"rowing|"
               r"expanding|scaling|raising)",),
        "nl": (r"ik zag dat (?:jullie|je) (?:groeien|groeit|aan het groeien)",),
        "de": (r"ich habe gesehen, dass (?:ihr|sie) (?:wachst|wachsen)",),
    },
    "short_call": {
        "en": (r"\d+ min(?:ute)?s", r"(?:fifteen|ten|twenty) minutes"),
        "de": (r"\d+ minuten",), "es": (r"\d+ minutos",), "fr": (r"\d+ minutes",), "pt": (r"\d+ minutos",),
        "it": (r"\d+ minuti",), "nl": (r"\d+ minuten",),
    },
    "followup": {
        "en": (r"(?:just )?(?:bumping|circling back|following up|checking in again|floating)",
               r"(?:my|the) (?:previous|last|earlier) (?:note|message|email|messages)",
               r"did you (?:get|have) a chance to", r"not sure if my (?:last |previous )?(?:message|note)s?",
               r"last (?:follow-up|try|attempt)", r"top of your inbox", r"did you see my"),
        "de": (r"(?:melde mich|komme) (?:noch einmal|nochmal|erneut)", r"meine[rn]? (?:letzte[rn]?|vorherige[rn]?) "
               r"(?:nachricht|anfrage|mail)", r"kurze nachfrage"),
        "es": (r"(?:te|le) escribo de nuevo", r"(?:hacer|hago) seguimiento", r"mi (?:último|anterior) mensaje",
               r"por si no viste"),
        "fr": (r"je me permets de (?:vous|te) relancer", r"je reviens vers vous",
               r"(?:mon|ma) (?:précédent|dernier|dernière) (?:message|proposition|mail)"),
        "pt": (r"(?:retomando|voltando (?:a|à))", r"minha (?:última|anterior) mensagem"),
        "it": (r"(?:le|ti) riscrivo", r"torno sul mio", r"messaggio precedente", r"(?:il )?mio ultimo messaggio"),
        "nl": (r"(?:ik )?kom (?:even )?terug op", r"mijn (?:vorige|laatste) bericht"),
    },
    "urgency": {
        "en": (r"limited time", r"act now", r"don'?t miss", r"only \d+ (?:spots|places|seats)(?: left)?",
               r"urgent", r"ends (?:on )?(?:friday|soon|tonight|today)", r"this (?:week|month) only",
               r"last chance"),
        "de": (r"nur noch", r"begrenzt"), "es": (r"plazas limitadas", r"última oportunidad"),
        "fr": (r"places limitées", r"dernière chance"), "pt": (r"vagas limitadas",), "it": (r"posti limitati",),
        "nl": (r"beperkt",),
    },
    "dm_me": {
        "en": (r"dm me", r"message me", r"inbox me", r"reply yes", r"reply for (?:more )?details"),
        "de": (r"schreib(?:en sie)? mir",), "es": (r"escríbeme", r"contáctame"), "fr": (r"écri(?:s|vez)-moi",
                                                                                    r"contactez-moi"),
        "pt": (r"me chama",), "it": (r"scrivimi",), "nl": (r"stuur me een bericht",),
    },
}

NEUTRAL: frozenset[str] = frozenset({"money_scheme", "off_platform", "price_per_hour"})
