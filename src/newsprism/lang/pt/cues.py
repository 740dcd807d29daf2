"""Portuguese cue words for the text-dump segmenter (plain data; see ``lang/en/cues.py``)."""

STOPWORDS = """
a ao aos as com como da das de do dos e é ela ele eles em entre era essa esse está foi há isso já mais mas
me muito na nas não no nos o os ou para pela pelo por que se sem ser seu sua são também tem um uma
quando porque sobre
""".split()

BOILERPLATE = {
    "other": {  # advertisement labels left where an ad was (the words alone: "Advertising revenue …" is prose)
        "prefix": ['publicidade:'],
        "short": ['publicidade'],
    },
    "caption": {
        "prefix": ["foto:", "imagem:", "crédito:", "legenda:"],
        "short": ["foto", "imagem ilustrativa", "ilustração", "foto ilustrativa"],
        "anywhere": ["(foto:", "foto: ", "/afp", "(reprodução)", "foto de arquivo", "imagem ilustrativa",
                     "getty images", "agência brasil"],
    },
    "donation": {
        "prefix": ["doe", "apoie", "faça uma doação", "contribua"],
        "short": ["doe", "apoie", "doação"],
        "anywhere": ["paypal", "patreon", "faça uma doação", "apoie o nosso trabalho", "apoie nosso trabalho"],
    },
    "share": {
        "prefix": ["compartilhar", "compartilhe", "partilhar", "imprimir"],
        "short": ["compartilhar", "compartilhe", "partilhar", "imprimir", "enviar"],
        "anywhere": ["compartilhe esta", "compartilhar no facebook"],
    },
    "related": {
        "prefix": ["leia também", "leia mais", "veja também", "saiba mais", "notícias relacionadas",
                   "matérias relacionadas", "artigos relacionados", "mais lidas", "você também pode gostar",
                   "relacionadas"],
        "short": ["leia mais", "leia também", "veja também", "saiba mais", "relacionadas"],
        "anywhere": [],
    },
    "navigation": {
        "prefix": ["ir para o conteúdo", "pular para o conteúdo", "menu", "buscar", "pesquisar", "entrar"],
        "short": ["início", "home", "menu", "buscar", "contato", "política de privacidade", "próximo", "anterior",
                  "voltar", "fechar"],
        "anywhere": ["utiliza cookies", "usamos cookies", "uso de cookies", "aceitar cookies"],
    },
    "disclaimer": {
        "prefix": ["copyright", "©", "todos os direitos reservados", "aviso legal"],
        "short": ["todos os direitos reservados"],
        "anywhere": ["todos os direitos reservados", "©"],
    },
    "subscription": {
        "prefix": ["assine", "inscreva-se", "cadastre-se", "newsletter", "siga-nos", "receba"],
        "short": ["assine", "inscreva-se", "newsletter", "siga-nos"],
        "anywhere": ["assine a newsletter", "siga-nos no", "receba as notícias"],
    },
    "author_bio": {"prefix": ["sobre o autor", "sobre a autora"], "short": [], "anywhere": []},
}

METADATA = {
    "byline": {"prefix": ["por ", "autor:", "autora:", "escrito por"]},
    "outlet": {"prefix": ["fonte:", "fontes:", "publicado originalmente"]},
    "tags": {"prefix": ["tags:", "temas:", "tema:", "categoria:", "categorias:", "seção:", "editoria:"]},
    "dateline": {"prefix": ["publicado em", "atualizado em", "data:"]},
}

COMMENTS_HEADER = ["comentários", "comentário", "deixe um comentário", "deixe uma resposta", "respostas",
                   "escreva um comentário", "adicionar comentário"]

COMMENT_ACTIONS = ["responder", "denunciar", "curtir", "citar", "comentários anteriores"]

SAYS = ["diz", "disse", "escreveu", "comentou"]

BIO_NOUNS = ["professor", "professora", "jornalista", "editor", "editora", "escritor", "escritora", "autor",
             "autora", "correspondente", "analista", "pesquisador", "pesquisadora", "colunista", "historiador",
             "economista"]

COPULA = ["é", "era", "foi"]

MONTHS = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
          "novembro", "dezembro", "jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez",
          "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo", "há",
          "ontem", "hoje"]

# Words that turn a comments header into a sidebar widget title ("Recent comments").
RECENT = ["últimos", "recentes", "mais"]

# --- Metadata stage (see lang/en/cues.py) -------------------------------------------------
BYLINE_LEADS = ["por", "autor", "autora", "texto"]
NAME_END_WORDS = ["publicado"]
NAME_JOINERS = ["e", "ou"]
ROLE_WORDS = ["correspondente", "jornalista"]
NAME_PARTICLES = ["da", "das", "de", "do", "dos"]
BIO_COPULA = ["é", "era", "foi"]
PRONOUNS = ["ele", "ela"]
SOURCE_LEADS = ["fonte"]
RIGHTS_RESERVED = ["todos os direitos reservados"]
LEADING_ARTICLES = ["o", "a"]
