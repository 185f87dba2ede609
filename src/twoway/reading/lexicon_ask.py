"""Asks and offers per language: what turns a message into a question or request, or an offer of help.

Same conventions as :mod:`twoway.reading.lexicon`. A question mark is enough on its own; these
tables catch the asks people type without one ("can u share the recording pls", "wann bist du
wieder in berlin") and the requests that are not questions ("please send me the contract").
``STARTERS`` are question words that count only at the start of a sentence that does not end in
"!" or "." ("what time works for you tomorrow" asks; "what a week!" does not).
"""

from __future__ import annotations

from twoway.reading.lexicon import Table

ASK: Table = {
    "ask": {
        "en": (r"(?:could|can|would|will|won'?t|wouldn'?t) (?:you|u|ya)", r"(?:do|did|are|have|were) (?:you|u) "
               r"(?:know|have|want|still|think|mind|need|remember|happen|get|receive|free|available|around|going|"
               r"coming|open|interested|hiring|up for|ok)", r"mind if i", r"any chance", r"wondering (?:if|whether)",
               r"if you could", r"(?:can|could|may) i (?:ask|get|use|pick|borrow|have|send|call|forward)",
               r"is it ok(?:ay)? if", r"are we still on", r"u coming", r"r u", r"(?:let me|lmk) know (?!if (?:i|we) "
               r"can)(?:if|when|what|your|how|whether|which)", r"lmk",
               r"(?:please|pls|plz|kindly) (?:send|share|confirm|check|"
               r"resend|review|forward|call|reply|get back|advise|let me|introduce|connect|help)",
               r"(?:send|forward|share) (?:me|us)", r"i need your", r"(?:would|i'?d) (?:love|like|appreciate) "
               r"(?:your|to get your|to hear your) (?:advice|feedback|thoughts|input|help|opinion|take)",
               r"(?:i'?d|i(?:'?ll| will| would)?|we(?:'?d|'?ll| will| would)?) (?:really |greatly )?appreciate"
               r" (?:it )?if (?:you|u)", r"do you want to", r"wanna",
               r"(?:keen|eager|curious|love) to (?:hear|know|get) your (?:thoughts|take|feedback|view|opinion)",
               r"(?:ping|call|text|email|message) me (?:when|once|if|back)", r"drop me a (?:line|note|message)",
               r"let me know (?:when|what|if) (?!(?:i|we) can)",
               r"(?:i'?d|i would|would) (?:still )?love to (?:hear|learn|know) (?:more )?(?:about|what|how|from)",
               r"(?:i'?d|i would|we'?d|we would|would) (?:still )?love to (?:invite you|have you|catch up)"),
        "de": (r"(?:kannst|könntest|hast|hättest|weißt|bist|magst|willst|würdest|wärst) du",
               r"(?:können|könnten|haben|hätten|wissen|sind|würden|wären) sie", r"darf ich", r"gibt es",
               r"(?:gib|sag|gebt|sagt|geben sie|sagen sie) (?:mir|uns) (?:bitte )?(?:kurz )?bescheid",
               r"(?:schick|schicke|sende|schicken sie|senden sie) (?:mir|uns)", r"bitte (?:schick|schicken|sende|"
               r"senden|gib|geben|sag|sagen|melde|melden|bestätige|bestätigen|leite|ruf)"),
        "es": (r"podrías?(?: usted)?", r"puedes", r"tienes (?:tiempo|un rato|un hueco|"
               r"disponibilidad)", r"sabes (?:si|de|quién|cómo|dónde)", r"te importaría", r"me (?:pasas|puedes|"
               r"podrías|envías|mandas|recomiendas|ayudas)", r"avísame si (?!necesitas|puedo)",
               r"dime (?:si|qué|cuándo|dónde|cómo)",
               r"(?:qué|que|q) tal", r"te viene bien", r"me gustaría pedirte", r"envíame", r"mándame"),
        "fr": (r"pourrais-tu", r"pourriez-vous", r"peux-tu", r"pouvez-vous", r"tu (?:peux|pourrais|as|aurais|es "
               r"dispo|serais|sais|viens|rentres|passes)", r"vous (?:pouvez|pourriez|auriez|avez un moment)",
               r"est-ce que", r"as-tu", r"avez-vous", r"auriez-vous", r"serais-tu", r"seriez-vous", r"sais-tu",
               r"savez-vous", r"dis-moi", r"dites-moi", r"envoie-moi", r"envoyez-moi", r"tiens-moi au courant"),
        "pt": (r"(?:você|vc|tu) (?:poderia|pode|podes|tem|tens|sabe|sabes|vai|consegue|conhece|topa)",
               r"pode(?:ria)? me", r"consegue me", r"tem tempo", r"tens tempo", r"sabe se", r"me avisa",
               r"avise-me", r"me (?:manda|passa|envia|indica)", r"por favor,? (?:envie|mande|confirme)"),
        "it": (r"potresti", r"puoi", r"può", r"potrebbe", r"hai (?:tempo|modo|un minuto)", r"sai se",
               r"sapresti", r"mi (?:puoi|potresti|mandi|manderesti|dai|daresti|passi|invii)", r"fammi sapere",
               r"dimmi", r"ti va", r"le andrebbe", r"ti andrebbe"),
        "nl": (r"zou (?:je|jij|u)", r"(?:kun|kan|wil|heb|weet|ben) (?:je|jij)", r"(?:kunt|wilt|hebt|weet|bent) u",
               r"laat (?:me|mij) (?:even )?weten", r"stuur (?:me|mij)", r"graag (?:ontvang|hoor)"),
    },
    "starter": {
        "en": (r"what", r"when", r"where", r"who", r"how", r"why", r"which", r"is (?:it|there|the|your)",
               r"are (?:you|we|u)", r"do (?:you|u)", r"did (?:you|u)", r"can (?:we|i)", r"shall (?:we|i)",
               r"should (?:we|i)", r"have you", r"any (?:update|news|tips|idea)"),
        "de": (r"wann", r"wie", r"was", r"wo", r"wer", r"warum", r"welche[rsmn]?", r"habt ihr", r"seid ihr"),
        "es": (r"cuándo", r"cómo", r"dónde", r"quién", r"por qué", r"cuál", r"qué", r"q", r"vas a", r"vienes"),
        "fr": (r"quand", r"comment", r"où", r"qui", r"pourquoi", r"quel(?:le)?s?", r"tu"),
        "pt": (r"quando", r"como", r"onde", r"quem", r"por ?que", r"qual", r"vai", r"vais"),
        "it": (r"quando", r"come", r"dove", r"chi", r"perché", r"quale", r"sarai", r"hai"),
        "nl": (r"wanneer", r"hoe", r"waar", r"wie", r"waarom", r"welke", r"wat"),
        # Arabic question words (written as folded: no hamza, final ya): "hal" asks on its own.
        "xx": (r"هل", r"متي", r"كيف", r"ماذا", r"لماذا", r"اين", r"ممكن", r"ما رايك"),
    },
    "offer": {
        "en": (r"(?:i'?d be |i'?m |i am |i would be |we'?d be )?(?:happy|glad|more than happy) to (?:help|make|intro|"
               r"introduce|share|send|connect|chat|review|put you){t1}", r"if you (?:ever )?need{t}",
               r"let me know if (?:i|we) can{t}", r"count me in", r"feel free to (?:reach out|ping|contact|ask){t}",
               r"i'?m (?:around|here) if{t}", r"in case it helps", r"if (?:it'?s )?useful", r"if useful"),
        "de": (r"falls (?:du|sie) (?:mal |jemals )?\w+(?: \w+)? (?:brauchst|brauchen){t}",
               r"melde dich gerne{t}", r"sag einfach bescheid", r"(?:ich )?helfe (?:dir |ihnen )?gerne{t}"),
        "es": (r"si necesitas{t}", r"cuenta conmigo", r"avísame si (?:necesitas|puedo){t}",
               r"encantad[oa] de ayudar\w*{t}"),
        "fr": (r"si (?:tu as|vous avez) besoin{t}", r"n'hésite[zs]? pas{t}", r"je suis (?:là|dispo\w*){t}"),
        "pt": (r"se precisar{t}", r"(?:pode )?contar comigo", r"conta comigo", r"estou à disposição"),
        "it": (r"se (?:ti serve|hai bisogno){t}", r"conta (?:pure )?su di me", r"sono a (?:tua )?disposizione"),
        "nl": (r"als je (?:ooit )?\w+(?: \w+)? nodig hebt{t}", r"laat het (?:me|maar) weten",
               r"ik help (?:je )?graag"),
    },
    # Someone telling what happened or what they do: a courtesy that also says this is news.
    "news": {
        "en": (r"(?:i|we)(?:'ve| have)? (?:just |finally |recently |now |also )?(?:moved|started|joined|launched|close"
               r"d|"
               r"shipped|left|took|got|passed|hired|decided|lost|won|signed|raised|finished|published|welcomed|"
               r"accepted|landed|had|opened|sold|bought|completed|graduated|relocated|became|ended up|spoke|talked|"
               r"checked|sent|forwarded|shared|tried|used|saw|found|learned|wrapped)", r"(?:i'?m|i am|we'?re|we are) "
               r"(?:now|moving|leaving|joining|starting|expecting|relocating|taking|getting|back|no longer|still|headi"
               r"ng|"
               r"running|travelling|traveling|based|launching|hiring|going|off|in|at|on)", r"(?:i|we) use",
               r"(?:fyi|heads[- ]up|quick update|update|good news|bad news|btw|by the way|just so you know)",
               r"running (?:\w+ ){0,2}late", r"be (?:\w+ ){0,2}late",
               r"my (?:new|flight|talk|paper|book|team|company|startup|"
               r"article|thesis|first)", r"(?:i'?ll|i will) (?:be|send|make|share|forward|introduce|call)"),
        "de": (r"ich (?:bin|habe|hab|arbeite|ziehe|fange|starte|war|werde|nutze)", r"wir (?:haben|sind|hatten|werden|"
               r"ziehen|nutzen)", r"zur info", r"kurzes update", r"übrigens"),
        "es": (r"(?:he|hemos|acabo de|acabamos de|empecé|empezamos|me mudé|me cambié|me acaban|cerramos|lanzamos|"
               r"conseguí|estuve|usamos|hablé|acepté)", r"te cuento", r"para que sepas"),
        "fr": (r"(?:j'ai|je suis|nous avons|on a|on vient de|je viens de|j'étais|je quitte|je pars|nous sommes|on util"
          r"ise)",
               r"pour info", r"petite nouvelle"),
        "pt": (r"(?:comecei|mudei|fui|acabei|acabamos|lançamos|fechamos|consegui|estava|entrei|saí|falei|usamos)",
               r"novidade"),
        "it": (r"(?:ho|abbiamo) (?:appena |finalmente )?\w+", r"(?:sono|siamo) (?:appena |finalmente )?\w+",
               r"ti aggiorno", r"novità"),
        "nl": (r"(?:ik ben|ik heb|we hebben|wij hebben|we zijn|wij zijn|ik werk|ik begin|ik ga|we gebruiken)",
               r"nieuwtje", r"ter info"),
    },
}
