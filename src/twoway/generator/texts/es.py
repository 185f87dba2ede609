"""Spanish message texts, invitation notes, InMail subjects and titles (see :mod:`.en` for placeholders)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, ...]] = {
    "thanks_out": (
        "Hola {first}, ¡gracias por conectar! Un placer conocerte en el meetup de la semana pasada.",
        "Gracias por aceptar, {first}. Me gustó mucho la charla sobre plataformas de datos &amp; me encantaría "
        "seguir en contacto.",
        "Hola {first},\ngracias por conectar. Si alguna vez te puedo ayudar en algo, dímelo.",
        "<p>Hola {first}, me alegra estar conectados también por aquí. Seguimos en contacto.</p>",
        "¡Gracias por conectar, {first}!",
        "Encantado de conectar, {first} 🙂",
    ),
    "thanks_in": (
        "¡Gracias por conectar!",
        "Hola {first}, gracias por aceptar mi invitación.",
        "¡Gracias por aceptar, {first}!",
        "¡Hola {first}! Gracias por conectar. Encantada de conocerte.",
        "Muchas gracias por aceptar mi solicitud de contacto. Un saludo.",
        "Un placer conectar 🙏",
    ),
    "greeting": ("Hola", "Hola {first}", "Buenas 👋", "¡Hola {first}!", "Buenos días", "Buenos días {first}"),
    "ack": (
        "ok", "👍", "¡Perfecto!", "Genial, ¡gracias!", "Vale 🙂", "¡Gracias {first}!", "Entendido, muchas gracias.",
        "Jaja, totalmente.", "Genial", "¡Gracias!", "Hecho.", "Vale &amp; gracias por el dato.",
    ),
    "thanks_back": (
        "¡Muchas gracias!",
        "¡Mil gracias, {first}!",
        "Gracias 🙏",
        "¡Gracias por tus palabras, {first}!",
        "¡Gracias, {first}! Espero que tú también estés bien.",
    ),
    "thanks_job": (
        "¡Gracias! Muy ilusionado con el nuevo reto.",
        "¡Gracias! Todavía aterrizando, a ver si hablamos pronto.",
        "¡Gracias, {first}! Un cambio grande, pero bueno.",
    ),
    "congrats": (
        "¡Enhorabuena por el nuevo puesto, {first}! Muy merecido.",
        "¡Felicidades {first}! Qué buen paso, te deseo lo mejor.",
        "<p>¡Muchas felicidades por la nueva posición, {first}! &#127881;</p>",
        "¡Enhorabuena por el nuevo trabajo!",
        "¡Felicidades {first}! 🎉",
    ),
    "birthday": (
        "¡Feliz cumpleaños, {first}!",
        "¡Feliz cumple! 🎂",
        "¡Feliz cumpleaños {first}, que pases un gran día!",
        "¡Muchas felicidades! Que este año venga cargado de cosas buenas.",
    ),
    "anniversary": (
        "¡Enhorabuena por tu aniversario laboral, {first}!",
        "¡Feliz aniversario en la empresa! 🎉",
        "¡Felicidades por el aniversario, {first}! Cómo pasa el tiempo.",
    ),
    "decline": (
        "Gracias, pero no me interesa.",
        "Gracias por escribirme, {first}. Ahora mismo estoy muy a gusto donde estoy.",
        "De momento no, gracias.",
        "¡Gracias por pensar en mí! Ahora no estoy buscando, pero suerte con el proceso.",
    ),
    "empty": ("",),
    "checkin": (
        "Hola {first}, ¡cuánto tiempo! ¿Qué tal te va todo?",
        "Hola {first}, me acordé de nuestra última conversación. ¿Cómo va el nuevo proyecto?",
        "Hola {first},\nespero que estés bien. ¿Alguna novedad desde la última vez? Me encantaría tomar un café.",
        "<p>Hola {first}, ¿qué tal está siendo el año para ti &amp; el equipo?</p>",
        "Hola {first}, ¿en qué estás centrado últimamente? Me encantaría saber qué estáis construyendo.",
    ),
    "retry": (
        "Hola {first}, te reenvío esto por si se perdió entre tantos mensajes. ¡Sin prisa!",
        "Hola {first}, retomo mi mensaje de la semana pasada. ¿Te vendría bien una llamada corta?",
        "Hola {first},\núltimo intento por mi parte: me encantaría ponernos al día cuando tengas un rato.",
    ),
    "ask": (
        "Hola {first}, ¡espero que estés bien! ¿Sigues trabajando en analítica? Tengo una pregunta sobre "
        "contratación.",
        "Hola {first}, vi tu publicación sobre el congreso. ¿Tendrías un rato la semana que viene para una "
        "llamada corta?",
        "Hola,\nestamos organizando una mesa redonda el mes que viene y me encantaría invitarte. ¿Te apetece?",
        "¡Hola {first}! Cuánto tiempo. ¿Sabes quién lleva las alianzas en tu empresa?",
        "Hola {first}, ¿conoces a alguien que trabaje en pricing en una fintech? Me vendría genial un contacto.",
        "Hola {first}, ¿estáis contratando? Una antigua compañera busca un nuevo puesto.",
    ),
    "chat_q": (
        "¿Te va bien el martes a las 15:00?",
        "¿Un café la semana que viene?",
        "¿Me pasas el enlace?",
        "¿Qué día te viene mejor?",
        "¿Qué te pareció la propuesta?",
    ),
    "late": (
        "¡Perdona la respuesta tan tardía, {first}! Lo acabo de ver. ¿Sigue siendo relevante?",
        "Disculpa, esto se me quedó enterrado en la bandeja. ¿Sigues necesitando ayuda con esto?",
        "<p>Perdona por tardar tanto &#8211; ¿te sigue apeteciendo que nos pongamos al día?</p>",
    ),
    "interested": (
        "Gracias por escribirme, {first}. ¿Me podrías indicar la banda salarial y si el puesto es remoto?",
        "Suena interesante. ¿Me puedes mandar más detalles por correo?",
        "¡Gracias! ¿Cuáles son los plazos?",
    ),
    "reply": (
        "¡Hola! Qué alegría saber de ti. Todo bien por aquí, un trimestre movido.",
        "Gracias por escribir, todo va bien. Nos acabamos de mudar a una oficina nueva.",
        "¡Qué bien saber de ti!\nAcabamos de lanzar la nueva versión y el equipo se ha duplicado este año.",
        "<p>Hola, perdona la tardanza &#8211; todo bien, en primavera me pasé al equipo de plataforma.</p>",
        "¡Muy bien, gracias! El mes que viene estoy casi todo el tiempo en Madrid.",
        "¡Todo bien! Liados con el lanzamiento, pero a partir de mayo más tranquilos.",
    ),
    "answer": (
        "Sí, conozco bien a su responsable de datos. Mañana os presento.",
        "Encantado de ayudar, {first}.\nMañana te mando los detalles.",
        "Claro, te hago la presentación. Le pregunto antes a ella.",
        "Ahora mismo no estamos contratando, pero estaré atento.",
        "El martes me va bien, te mando una invitación.",
    ),
    "news": (
        "Hola {first}, una novedad: acabo de incorporarme a una nueva empresa como responsable de producto.",
        "Hola {first}, acabamos de cerrar nuestra ronda semilla. ¡Gracias otra vez por tus consejos al principio!",
        "Hola {first}, quería contarte que el mes que viene me mudo a Valencia.",
        "Te comparto nuestro informe anual por si le sirve a tu equipo: encuestamos a 400 responsables de datos.",
    ),
    "chat_n": (
        "Claro, te mando la presentación ahora.",
        "El día 12 estoy en Barcelona, a partir de ahí cualquier día me va bien.",
        "Aquí tienes el enlace al informe del que hablamos.",
        "Déjame que lo mire y te digo algo, {first}.",
        "El evento se ha movido al jueves por la tarde.",
    ),
    "pitch": (
        "Hola {first}, ayudo a empresas como la tuya a reducir un 40% sus costes de cloud. ¿Tienes 15 minutos "
        "esta semana?",
        "¡Hola {first}! Te escribo rápido: generamos leads cualificados en piloto automático. ¿Te interesa una "
        "auditoría gratuita?",
        "<p>Hola {first}, nuestra agencia escala tu prospección con campañas personalizadas con IA. ¿Te "
        "hago una demo?</p>",
        "¡Gracias por conectar, {first}! Desarrollamos apps en marca blanca a mitad de precio que un equipo "
        "interno. ¿Hablamos?",
        "Hola {first}, tengo una oportunidad de inversión en cripto con rentabilidad mensual garantizada. ¿Te "
        "paso los detalles por WhatsApp?",
    ),
    "pitch_followup": (
        "Hola {first}, retomo mi último mensaje: ¿te vendría bien el jueves para una llamada de 15 minutos?",
        "Hola {first}, subo esto de nuevo a tu bandeja. ¿Jueves o viernes para una llamada rápida?",
        "Hola {first}, sé que vas a tope. ¿Es la generación de leads una prioridad este trimestre?",
    ),
    "pitch_last": (
        "Hola {first}, último mensaje por mi parte: si ahora no es buen momento, dímelo y no te molesto más.",
        "Hola {first}, como no he tenido respuesta, entiendo que no es el momento. Escríbeme cuando te "
        "encaje.",
    ),
    "recruiter": (
        "Hola {first}, estoy buscando perfil para un puesto senior que encaja muy bien con tu experiencia. "
        "¿Te apetece que hablemos?",
        "Hola {first},\ntu perfil me ha llamado la atención para un puesto de liderazgo en uno de nuestros "
        "clientes. ¿Estarías abierto a una conversación confidencial?",
        "Hola {first}, soy recruiter en una fintech en pleno crecimiento. Estamos montando un equipo de datos "
        "nuevo. ¿Estás abierto a nuevas oportunidades?",
    ),
    "recruiter_followup": (
        "Hola {first}, ¿pudiste ver mi mensaje sobre el puesto senior? Te cuento más cuando quieras.",
        "Hola {first}, te escribo de nuevo por la oportunidad que te comenté. ¿Tienes 10 minutos esta semana?",
    ),
    "group_q": (
        "Hola a todos, ¿ponemos fecha para la reunión de antiguos alumnos?",
        "¡Me va bien! ¿El jueves por la noche?",
        "¿Quién se apunta a cenar después de la charla?",
    ),
    "group_n": (
        "El jueves me va bien. Reservo mesa.",
        "Os comparto las diapositivas de hoy &amp; gracias a todos.",
        "La sala ha cambiado a la segunda planta.",
    ),
    "group_c": ("¡Qué bien veros a todos!", "👍", "¡Gracias a todos!"),
    "sponsored": (
        '<p class="spinmail-quill-editor__spin-break">Hola %FIRSTNAME%,</p><p class="spinmail-quill-editor__'
        'spin-break">Únete a nuestro webinar gratuito sobre equipos de datos modernos &#8211; plazas limitadas.</p>',
        '<p class="spinmail-quill-editor__spin-break">Hola {first}, descubre cómo los mejores equipos '
        "automatizan sus informes. Descarga hoy el informe de referencia 2025.</p>",
        '<p class="spinmail-quill-editor__spin-break">Estimado/a {first},</p><p>Le invitamos a una mesa redonda '
        "exclusiva para directivos.</p>",
    ),
}

NOTES: dict[str, tuple[str, ...]] = {
    "personal_out": (
        "Hola {first}, nos conocimos el martes en el desayuno de responsables de datos. Me gustó tu idea de "
        "contratar analistas pronto y me encantaría seguir en contacto.",
        "Hola {first}, {company} salió en una conversación sobre software logístico la semana pasada. Llevo un "
        "equipo parecido y me encantaría intercambiar ideas.",
        "{first}, ¡gran charla en el meetup! Tu diapositiva sobre curvas de retención fue la más clara que he visto.",
    ),
    "personal_in": (
        "Hola {owner}, coincidimos en la misma mesa redonda la primavera pasada. Me encantaría seguir en contacto.",
        "Hola {owner}, una compañera de {company} me sugirió escribirte por tu trabajo en previsión de demanda.",
    ),
    "default": (
        "Me gustaría añadirte a mi red profesional en LinkedIn.",
        "Hola, {first}: Me gustaría unirme a tu red de LinkedIn.",
    ),
    "pitch": (
        "Hola {first}, ayudo a fundadores B2B a cerrar más de 20 reuniones cualificadas al mes. Te cuento cómo: "
        "https://example.com/agenda",
        "¡Hola {first}! Ofrecemos desarrollo en marca blanca a mitad de precio. Conectemos y exploremos sinergias.",
    ),
    "recruiter": (
        "Hola {first}, selecciono perfiles senior de datos e ingeniería y me encantaría sumarte a mi red.",
    ),
}

SUBJECTS: tuple[str, ...] = ("Oportunidad en una empresa en crecimiento", "Puesto de liderazgo", "Una pregunta")
SPONSORED_TITLES: tuple[str, ...] = ("Invitación a nuestro webinar", "Tu invitación exclusiva")
GROUP_TITLES: tuple[str, ...] = ("Promoción 2014", "Comunidad de plataforma", "Club de lectura")
