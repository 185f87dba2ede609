"""French message texts, invitation notes, InMail subjects and titles (see :mod:`.en` for placeholders)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, ...]] = {
    "thanks_out": (
        "Bonjour {first}, merci pour la mise en relation ! Ravi de vous avoir rencontré au meetup la semaine "
        "dernière.",
        "Merci d&#39;avoir accepté, {first}. J&#39;ai beaucoup aimé notre échange sur les plateformes de données "
        "&amp; je serais ravi de rester en contact.",
        "Bonjour {first},\nmerci pour la connexion. N&#39;hésitez pas si je peux vous aider un jour.",
        "<p>Bonjour {first}, ravi d&#39;être connectés ici aussi. Restons en contact.</p>",
        "Merci pour la connexion, {first} !",
        "Ravi d'être connecté, {first} 🙂",
    ),
    "thanks_in": (
        "Merci pour la connexion !",
        "Bonjour {first}, merci d'avoir accepté mon invitation.",
        "Merci d'avoir accepté, {first} !",
        "Bonjour {first} ! Merci pour la mise en relation. Ravie de faire votre connaissance.",
        "Merci d'avoir accepté ma demande de connexion. Au plaisir d'échanger.",
        "Ravi d'être connecté 🙏",
    ),
    "greeting": ("Bonjour", "Bonjour {first}", "Salut 👋", "Bonjour {first} !", "Hello", "Bonsoir {first}"),
    "ack": (
        "ok", "👍", "Parfait !", "Super, merci !", "Top 🙂", "Merci {first} !", "C'est noté, merci.",
        "Haha, tout à fait.", "Génial", "Merci !", "Je m'en occupe.", "Ça marche &amp; merci pour l'info.",
    ),
    "thanks_back": (
        "Merci beaucoup !",
        "Merci mille fois, {first} !",
        "Merci 🙏",
        "Merci pour ce gentil message, {first} !",
        "Merci, {first} ! J'espère que tu vas bien aussi.",
    ),
    "thanks_job": (
        "Merci ! Très enthousiaste pour la suite.",
        "Merci ! Je prends mes marques, on se fait un café bientôt.",
        "Merci, {first} ! Un grand changement, mais un bon.",
    ),
    "congrats": (
        "Félicitations pour ce nouveau poste, {first} ! Bien mérité.",
        "Bravo {first} ! Belle évolution, je te souhaite plein de réussite.",
        "<p>Toutes mes félicitations pour ce nouveau poste, {first} &#127881;</p>",
        "Félicitations pour le nouveau job !",
        "Bravo {first} ! 🎉",
    ),
    "birthday": (
        "Joyeux anniversaire, {first} !",
        "Joyeux anniversaire ! 🎂",
        "Joyeux anniversaire {first}, passe une excellente journée !",
        "Bon anniversaire ! Je te souhaite une très belle année.",
    ),
    "anniversary": (
        "Félicitations pour ton anniversaire professionnel, {first} !",
        "Joyeux anniversaire de poste ! 🎉",
        "Bravo pour cet anniversaire dans l'entreprise, {first}, le temps passe vite !",
    ),
    "decline": (
        "Merci, mais ça ne m'intéresse pas.",
        "Merci pour votre message, {first}. Je suis très bien là où je suis pour le moment.",
        "Pas pour nous en ce moment, merci.",
        "Merci d'avoir pensé à moi ! Je ne suis pas en recherche, mais bonne chance pour le recrutement.",
    ),
    "empty": ("",),
    "checkin": (
        "Bonjour {first}, ça fait longtemps ! Comment ça se passe de ton côté ?",
        "Salut {first}, je repensais à notre dernière discussion. Comment avance le nouveau projet ?",
        "Bonjour {first},\nj&#39;espère que tu vas bien. Des nouvelles depuis la dernière fois ? Ça me ferait "
        "plaisir de prendre un café.",
        "<p>Bonjour {first}, comment se passe l&#39;année pour toi &amp; l&#39;équipe ?</p>",
        "Bonjour {first}, sur quoi travailles-tu en ce moment ? J'aimerais bien savoir ce que vous construisez.",
    ),
    "retry": (
        "Bonjour {first}, je remonte ce message au cas où il serait passé inaperçu. Aucune urgence !",
        "Bonjour {first}, je reviens vers toi suite à mon message de la semaine dernière. Un petit appel, ça "
        "te dirait ?",
        "Salut {first},\ndernière relance de ma part : j'aimerais toujours beaucoup qu'on échange quand tu auras "
        "un moment.",
    ),
    "ask": (
        "Bonjour {first}, j'espère que tu vas bien ! Tu travailles toujours dans l'analytics ? J'ai une question "
        "sur le recrutement.",
        "Bonjour {first}, j'ai vu votre publication sur la conférence. Seriez-vous disponible pour un court "
        "échange la semaine prochaine ?",
        "Bonjour,\nnous organisons une table ronde le mois prochain et j'aimerais beaucoup vous y inviter. Cela "
        "vous tenterait ?",
        "Salut {first} ! Ça fait un bail. Tu sais qui s'occupe des partenariats chez vous ?",
        "Bonjour {first}, connais-tu quelqu'un qui travaille sur le pricing dans une fintech ? Une mise en "
        "relation m'aiderait beaucoup.",
        "Bonjour {first}, vous recrutez en ce moment ? Une ancienne collègue cherche un nouveau poste.",
    ),
    "chat_q": (
        "Mardi à 15 h, ça te va ?",
        "Un café la semaine prochaine ?",
        "Tu peux m'envoyer le lien ?",
        "Quel jour t'arrange le mieux ?",
        "Qu'as-tu pensé de la proposition ?",
    ),
    "late": (
        "Désolé pour cette réponse très tardive, {first} ! Je viens seulement de voir ton message. C'est "
        "toujours d'actualité ?",
        "Toutes mes excuses, ce message s'était perdu dans ma boîte. Tu cherches toujours de l'aide là-dessus ?",
        "<p>Désolé pour le délai &#8211; partant pour qu&#39;on se donne des nouvelles ?</p>",
    ),
    "interested": (
        "Merci pour votre message, {first}. Pourriez-vous m'indiquer la fourchette de salaire et si le poste est "
        "en télétravail ?",
        "Ça a l'air intéressant. Pouvez-vous m'envoyer plus de détails par e-mail ?",
        "Merci ! Quel est le calendrier ?",
    ),
    "reply": (
        "Salut ! Ça fait plaisir d'avoir de tes nouvelles. Tout va bien ici, un trimestre chargé.",
        "Merci pour ton message, tout se passe bien. On vient d'emménager dans de nouveaux bureaux.",
        "Trop content d'avoir de tes nouvelles !\nOn vient de sortir la nouvelle version et l'équipe a doublé "
        "cette année.",
        "<p>Salut, désolé pour le délai &#8211; tout va bien, j&#39;ai rejoint l&#39;équipe plateforme au "
        "printemps.</p>",
        "Ça va très bien, merci ! Je suis à Lyon presque tout le mois prochain.",
        "Tout va bien ! Pas mal de boulot avec le lancement, ça se calme en mai.",
    ),
    "answer": (
        "Oui, je connais bien leur responsable data. Je vous mets en relation demain.",
        "Avec plaisir, {first}.\nJe t'envoie les détails demain.",
        "Bien sûr, je peux faire l&#39;intro. Je lui demande d&#39;abord.",
        "Malheureusement nous ne recrutons pas en ce moment, mais je garde ça en tête.",
        "Mardi me va, je t'envoie une invitation.",
    ),
    "news": (
        "Bonjour {first}, petite nouvelle : je viens de rejoindre une nouvelle entreprise en tant que "
        "responsable produit.",
        "Bonjour {first}, nous venons de boucler notre levée d'amorçage. Merci encore pour tes conseils au début !",
        "Bonjour {first}, je voulais te dire que je déménage à Bordeaux le mois prochain.",
        "Je partage notre rapport annuel au cas où il serait utile à ton équipe : nous avons interrogé 400 "
        "responsables data.",
    ),
    "chat_n": (
        "Bien sûr, je t'envoie la présentation tout de suite.",
        "Je suis à Paris le 12, n'importe quel jour après me va.",
        "Voici le lien vers le rapport dont on a parlé.",
        "Je vérifie et je reviens vers toi, {first}.",
        "L'événement a été déplacé au jeudi soir.",
    ),
    "pitch": (
        "Bonjour {first}, j'aide les entreprises comme la vôtre à réduire leurs coûts cloud de 40 %. Auriez-vous "
        "15 minutes cette semaine ?",
        "Bonjour {first} ! Rapidement : nous générons des leads qualifiés en pilote automatique. Intéressé par "
        "un audit gratuit ?",
        "<p>Bonjour {first}, notre agence booste votre prospection avec des campagnes personnalisées par "
        "l&#39;IA. Partant pour une démo ?</p>",
        "Merci pour la connexion, {first} ! Nous développons des applications en marque blanche à moitié prix "
        "d'une équipe interne. On en parle ?",
        "Bonjour {first}, j'ai une opportunité d'investissement dans le minage de crypto avec des rendements "
        "mensuels garantis. Je peux vous envoyer les détails sur WhatsApp ?",
    ),
    "pitch_followup": (
        "Bonjour {first}, je reviens vers vous suite à mon dernier message : jeudi, ça vous irait pour un "
        "appel de 15 minutes ?",
        "Bonjour {first}, je remonte mon message dans votre boîte. Jeudi ou vendredi pour un court appel ?",
        "Bonjour {first}, je sais que vous êtes très pris. La génération de leads est-elle une priorité ce "
        "trimestre ?",
    ),
    "pitch_last": (
        "Bonjour {first}, dernier message de ma part : si ce n'est pas le bon moment, dites-le-moi "
        "simplement.",
        "Bonjour {first}, sans nouvelles de votre part, je suppose que le moment n'est pas idéal. N'hésitez "
        "pas à revenir vers moi plus tard.",
    ),
    "recruiter": (
        "Bonjour {first}, je recrute pour un poste senior qui correspond très bien à votre parcours. Seriez-vous "
        "ouvert à un échange ?",
        "Bonjour {first},\nvotre profil a retenu mon attention pour un poste de direction chez l'un de nos "
        "clients. Seriez-vous disponible pour un échange confidentiel ?",
        "Bonjour {first}, je suis recruteuse dans une fintech en forte croissance. Nous montons une nouvelle "
        "équipe data. Êtes-vous ouvert à de nouvelles opportunités ?",
    ),
    "recruiter_followup": (
        "Bonjour {first}, avez-vous pu voir mon message sur le poste senior ? Je vous en dis plus volontiers.",
        "Bonjour {first}, je me permets de revenir vers vous au sujet de l'opportunité. Auriez-vous 10 minutes "
        "cette semaine ?",
    ),
    "group_q": (
        "Salut tout le monde, on fixe une date pour les retrouvailles ?",
        "Ça me va ! Jeudi soir ?",
        "Qui vient dîner après la conférence ?",
    ),
    "group_n": (
        "Jeudi, c'est bon. Je réserve une table.",
        "Voici les slides d'aujourd'hui &amp; merci à tous.",
        "La salle a changé, c'est au deuxième étage.",
    ),
    "group_c": ("Super de vous avoir tous vus !", "👍", "Merci à tous !"),
    "sponsored": (
        '<p class="spinmail-quill-editor__spin-break">Bonjour %FIRSTNAME%,</p><p class="spinmail-quill-editor__'
        'spin-break">Inscrivez-vous à notre webinar gratuit sur les équipes data modernes &#8211; places '
        "limitées.</p>",
        '<p class="spinmail-quill-editor__spin-break">Bonjour {first}, découvrez comment les meilleures équipes '
        "automatisent leur reporting. Téléchargez dès aujourd&#39;hui le baromètre 2025.</p>",
        '<p class="spinmail-quill-editor__spin-break">Cher/Chère {first},</p><p>Vous êtes invité(e) à une table '
        "ronde exclusive réservée aux dirigeants.</p>",
    ),
}

NOTES: dict[str, tuple[str, ...]] = {
    "personal_out": (
        "Bonjour {first}, nous nous sommes rencontrés mardi au petit-déjeuner des responsables data. J'ai aimé "
        "votre remarque sur le recrutement des analystes et serais ravi de rester en contact.",
        "Bonjour {first}, {company} a été cité la semaine dernière dans une discussion sur les logiciels "
        "logistiques. Je dirige une équipe similaire et serais ravi d'échanger.",
        "{first}, super intervention au meetup ! Ta slide sur les courbes de rétention était la plus claire que "
        "j'aie vue.",
    ),
    "personal_in": (
        "Bonjour {owner}, nous étions sur la même table ronde au printemps dernier. Je serais ravie de rester "
        "en contact.",
        "Bonjour {owner}, une collègue de {company} m'a conseillé de vous contacter au sujet de vos travaux sur "
        "la prévision.",
    ),
    "default": (
        "J'aimerais vous inclure dans mon réseau professionnel sur LinkedIn.",
        "Bonjour {first}, j'aimerais faire partie de votre réseau LinkedIn.",
    ),
    "pitch": (
        "Bonjour {first}, j'aide les fondateurs B2B à décrocher plus de 20 rendez-vous qualifiés par mois. "
        "Voici comment : https://example.com/rdv",
        "Bonjour {first} ! Nous proposons du développement en marque blanche à moitié prix. Connectons-nous pour "
        "explorer des synergies.",
    ),
    "recruiter": (
        "Bonjour {first}, je recrute des profils data et tech seniors et serais ravie de vous compter dans mon "
        "réseau.",
    ),
}

SUBJECTS: tuple[str, ...] = ("Opportunité dans une scale-up", "Poste de direction", "Petite question")
SPONSORED_TITLES: tuple[str, ...] = ("Invitation à notre webinar", "Votre invitation exclusive")
GROUP_TITLES: tuple[str, ...] = ("Promo 2014", "Guilde plateforme", "Club de lecture")
