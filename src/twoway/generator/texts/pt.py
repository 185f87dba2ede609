"""Portuguese message texts, invitation notes, InMail subjects and titles (see :mod:`.en` for placeholders)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, ...]] = {
    "thanks_out": (
        "Oi {first}, obrigado por conectar! Foi ótimo te conhecer no meetup semana passada.",
        "Obrigado por aceitar, {first}. Gostei muito da conversa sobre plataformas de dados &amp; adoraria "
        "manter contato.",
        "Olá {first},\nobrigado pela conexão. Se eu puder ajudar em algo, é só falar.",
        "<p>Oi {first}, que bom estarmos conectados por aqui também. Vamos manter contato.</p>",
        "Obrigado pela conexão, {first}!",
        "Que bom estarmos conectados, {first} 🙂",
    ),
    "thanks_in": (
        "Obrigado por conectar!",
        "Olá {first}, obrigada por aceitar meu convite.",
        "Valeu por aceitar, {first}!",
        "Oi {first}! Obrigado pela conexão. Prazer em te conhecer.",
        "Muito obrigado por aceitar minha solicitação de conexão. Um abraço.",
        "Prazer em conectar 🙏",
    ),
    "greeting": ("Oi", "Olá {first}", "Oi 👋", "Oi {first}!", "Bom dia", "Boa tarde {first}"),
    "ack": (
        "ok", "👍", "Combinado!", "Ótimo, obrigado!", "Perfeito 🙂", "Valeu {first}!", "Anotado, obrigado.",
        "Haha, verdade.", "Show", "Obrigada!", "Pode deixar.", "Beleza &amp; obrigado pela dica.",
    ),
    "thanks_back": (
        "Muito obrigado!",
        "Obrigadão, {first}!",
        "Obrigada 🙏",
        "Obrigado pelas palavras, {first}!",
        "Valeu, {first}! Espero que você esteja bem também.",
    ),
    "thanks_job": (
        "Obrigada! Muito animada com o novo desafio.",
        "Valeu! Ainda me adaptando, vamos conversar em breve.",
        "Obrigado, {first}! Mudança grande, mas boa.",
    ),
    "congrats": (
        "Parabéns pelo novo cargo, {first}! Muito merecido.",
        "Parabéns {first}! Que passo incrível, desejo muito sucesso.",
        "<p>Parabéns pela nova posição, {first} &#127881;</p>",
        "Parabéns pelo novo trabalho!",
        "Parabéns {first}! 🎉",
    ),
    "birthday": (
        "Feliz aniversário, {first}!",
        "Parabéns pelo seu dia! 🎂",
        "Feliz aniversário {first}, tenha um ótimo dia!",
        "Parabéns! Muita saúde e sucesso neste novo ciclo.",
    ),
    "anniversary": (
        "Parabéns pelo aniversário de empresa, {first}!",
        "Feliz aniversário de trabalho! 🎉",
        "Parabéns por mais um ano na empresa, {first}! O tempo voa.",
    ),
    "decline": (
        "Obrigado, mas não tenho interesse.",
        "Obrigada pela mensagem, {first}. No momento estou muito feliz onde estou.",
        "Agora não é para nós, obrigado.",
        "Obrigado por lembrar de mim! Não estou procurando no momento, mas boa sorte com a vaga.",
    ),
    "empty": ("",),
    "checkin": (
        "Oi {first}, quanto tempo! Como estão as coisas por aí?",
        "Oi {first}, lembrei da nossa última conversa. Como está o projeto novo?",
        "Olá {first},\nespero que esteja tudo bem. Alguma novidade desde a última vez? Adoraria tomar um café.",
        "<p>Oi {first}, como está sendo o ano pra você &amp; o time?</p>",
        "Oi {first}, no que você está focado hoje em dia? Queria saber o que vocês estão construindo.",
    ),
    "retry": (
        "Oi {first}, só subindo essa mensagem caso tenha se perdido. Sem pressa!",
        "Oi {first}, retomando minha mensagem da semana passada. Topa uma ligação rápida?",
        "Olá {first},\núltima tentativa da minha parte: ainda adoraria conversar quando você tiver um tempo.",
    ),
    "ask": (
        "Oi {first}, tudo bem? Você ainda trabalha com analytics? Tenho uma dúvida sobre contratação.",
        "Olá {first}, vi seu post sobre a conferência. Você teria um tempo semana que vem para uma conversa rápida?",
        "Olá,\nestamos organizando uma mesa-redonda no mês que vem e eu adoraria te convidar. Topa?",
        "Oi {first}! Quanto tempo. Você sabe quem cuida de parcerias aí na empresa?",
        "Oi {first}, você conhece alguém que trabalhe com pricing em uma fintech? Uma apresentação ajudaria muito.",
        "Oi {first}, vocês estão contratando? Uma ex-colega está procurando uma nova posição.",
    ),
    "chat_q": (
        "Terça às 15h funciona pra você?",
        "Que tal um café semana que vem?",
        "Pode me mandar o link?",
        "Qual dia fica melhor pra você?",
        "O que achou da proposta?",
    ),
    "late": (
        "Desculpa a demora enorme, {first}! Só vi agora. Ainda faz sentido?",
        "Perdão, essa mensagem se perdeu na minha caixa. Você ainda precisa de ajuda com isso?",
        "<p>Desculpa a demora &#8211; ainda topa colocar o papo em dia?</p>",
    ),
    "interested": (
        "Obrigado pelo contato, {first}. Pode me passar a faixa salarial e se a vaga é remota?",
        "Parece interessante. Pode me mandar mais detalhes por e-mail?",
        "Obrigada! Qual é o prazo do processo?",
    ),
    "reply": (
        "Oi! Que bom ter notícias suas. Tudo certo por aqui, trimestre corrido.",
        "Obrigado por escrever, está tudo indo bem. Acabamos de mudar para um escritório novo.",
        "Que bom ter notícias suas!\nAcabamos de lançar a nova versão e o time dobrou este ano.",
        "<p>Oi, desculpa a demora &#8211; tudo bem por aqui, mudei para o time de plataforma na primavera.</p>",
        "Tudo ótimo, obrigada! Vou passar boa parte do mês que vem em São Paulo.",
        "Tudo certo! Correria com o lançamento, mas a partir de maio acalma.",
    ),
    "answer": (
        "Sim, conheço bem o head de dados de lá. Faço a apresentação amanhã.",
        "Claro, {first}.\nTe mando os detalhes amanhã.",
        "Posso fazer a apresentação, sim. Só vou perguntar para ela antes.",
        "Infelizmente não estamos contratando agora, mas fico de olho.",
        "Terça funciona pra mim, vou mandar um convite.",
    ),
    "news": (
        "Oi {first}, uma novidade: acabei de entrar em uma nova empresa como head de produto.",
        "Oi {first}, acabamos de fechar nossa rodada seed. Obrigado de novo pelos conselhos no começo!",
        "Oi {first}, queria te contar que vou me mudar para Lisboa no mês que vem.",
        "Compartilho nosso relatório anual, caso seja útil para o seu time: entrevistamos 400 líderes de dados.",
    ),
    "chat_n": (
        "Claro, já te mando a apresentação.",
        "Estou em Curitiba no dia 12, depois disso qualquer dia serve.",
        "Aqui está o link do relatório que comentamos.",
        "Vou verificar e te retorno, {first}.",
        "O evento mudou para quinta à noite.",
    ),
    "pitch": (
        "Olá {first}, ajudo empresas como a sua a reduzir em 40% os custos de nuvem. Você tem 15 minutos esta "
        "semana?",
        "Oi {first}! Rapidinho: geramos leads qualificados no piloto automático. Tem interesse em uma auditoria "
        "gratuita?",
        "<p>Olá {first}, nossa agência escala sua prospecção com campanhas personalizadas por IA. Topa uma "
        "demonstração?</p>",
        "Obrigado por conectar, {first}! Desenvolvemos apps white-label pela metade do custo de um time interno. "
        "Vamos conversar?",
        "Olá {first}, tenho uma oportunidade de investimento em cripto com retorno mensal garantido. Posso te "
        "mandar os detalhes pelo WhatsApp?",
    ),
    "pitch_followup": (
        "Olá {first}, retomando minha última mensagem: quinta-feira funciona para uma ligação de 15 minutos?",
        "Oi {first}, só trazendo isso de volta para o topo da sua caixa. Quinta ou sexta para uma call "
        "rápida?",
        "Oi {first}, sei que você está na correria. Geração de leads é prioridade para vocês neste trimestre?",
    ),
    "pitch_last": (
        "Olá {first}, última mensagem da minha parte: se não for o momento, é só me avisar.",
        "Olá {first}, como não tive retorno, imagino que não seja o momento. Fico à disposição quando fizer "
        "sentido.",
    ),
    "recruiter": (
        "Olá {first}, estou recrutando para uma posição sênior que combina muito com o seu perfil. Topa conversar?",
        "Olá {first},\nseu perfil chamou minha atenção para uma posição de liderança em um de nossos clientes. "
        "Teria interesse em uma conversa confidencial?",
        "Oi {first}, sou recrutadora em uma fintech em rápido crescimento. Estamos montando um novo time de "
        "dados. Você está aberto a novas oportunidades?",
    ),
    "recruiter_followup": (
        "Olá {first}, conseguiu ver minha mensagem sobre a vaga sênior? Posso passar mais detalhes.",
        "Oi {first}, voltando a falar da oportunidade que mencionei. Você teria 10 minutos esta semana?",
    ),
    "group_q": (
        "Oi pessoal, vamos marcar uma data para o reencontro?",
        "Pra mim funciona! Quinta à noite?",
        "Quem topa jantar depois da palestra?",
    ),
    "group_n": (
        "Quinta está ótimo. Vou reservar uma mesa.",
        "Compartilhando os slides de hoje &amp; obrigado a todos.",
        "A sala mudou para o segundo andar.",
    ),
    "group_c": ("Foi ótimo ver vocês!", "👍", "Obrigado, pessoal!"),
    "sponsored": (
        '<p class="spinmail-quill-editor__spin-break">Olá %FIRSTNAME%,</p><p class="spinmail-quill-editor__'
        'spin-break">Participe do nosso webinar gratuito sobre times de dados modernos &#8211; vagas limitadas.</p>',
        '<p class="spinmail-quill-editor__spin-break">Olá {first}, descubra como os melhores times automatizam '
        "seus relatórios. Baixe hoje o relatório de referência 2025.</p>",
        '<p class="spinmail-quill-editor__spin-break">Prezado(a) {first},</p><p>Você está convidado(a) para uma '
        "mesa-redonda exclusiva para executivos.</p>",
    ),
}

NOTES: dict[str, tuple[str, ...]] = {
    "personal_out": (
        "Oi {first}, nos conhecemos na terça no café da manhã de líderes de dados. Gostei do seu ponto sobre "
        "contratar analistas cedo e adoraria manter contato.",
        "Olá {first}, a {company} apareceu numa conversa sobre software de logística semana passada. Lidero um "
        "time parecido e adoraria trocar ideias.",
        "{first}, ótima palestra no meetup! Seu slide sobre curvas de retenção foi o mais claro que já vi.",
    ),
    "personal_in": (
        "Olá {owner}, estivemos no mesmo painel na primavera passada. Adoraria manter contato.",
        "Oi {owner}, uma colega da {company} sugeriu que eu falasse com você sobre seu trabalho com previsão.",
    ),
    "default": (
        "Gostaria de adicioná-lo à minha rede profissional no LinkedIn.",
        "Olá, {first}! Gostaria de participar da sua rede no LinkedIn.",
    ),
    "pitch": (
        "Olá {first}, ajudo fundadores B2B a agendar mais de 20 reuniões qualificadas por mês. Veja como: "
        "https://example.com/agenda",
        "Oi {first}! Oferecemos desenvolvimento white-label pela metade do preço. Vamos nos conectar e explorar "
        "sinergias.",
    ),
    "recruiter": (
        "Olá {first}, recruto profissionais sêniores de dados e engenharia e adoraria ter você na minha rede.",
    ),
}

SUBJECTS: tuple[str, ...] = ("Oportunidade em empresa em crescimento", "Posição de liderança", "Uma pergunta rápida")
SPONSORED_TITLES: tuple[str, ...] = ("Convite para webinar", "Seu convite exclusivo")
GROUP_TITLES: tuple[str, ...] = ("Turma de 2014", "Guilda de plataforma", "Clube do livro")
