"""Spanish cue words for the text-dump segmenter (plain data; see ``lang/en/cues.py``)."""

STOPWORDS = """
a al algo como con de del desde donde el ella ellos en entre era es esta este esto fue ha han hay la las le
les lo los más me mi muy no nos o para pero por que qué se sea ser si sin sobre su sus también te tiene
todo un una uno y ya son está están cuando porque según
""".split()

BOILERPLATE = {
    "other": {  # advertisement labels left where an ad was (the words alone: "Advertising revenue …" is prose)
        "prefix": ['publicidad:'],
        "short": ['publicidad'],
    },
    "caption": {
        "prefix": ["foto:", "fotografía:", "imagen:", "ilustración:", "crédito:"],
        "short": ["foto", "imagen ilustrativa", "foto ilustrativa", "ilustración"],
        "anywhere": ["(foto:", "foto: ", "/afp", "(efe)", "foto efe", "foto afp", "(ilustración)",
                     "imagen de archivo", "foto de archivo", "getty images"],
    },
    "donation": {
        "prefix": ["dona", "donar", "apóyanos", "apoya", "haz una donación", "contribuye"],
        "short": ["donar", "dona", "apóyanos", "donación"],
        "anywhere": ["paypal", "patreon", "haz una donación", "apoya nuestro trabajo", "hazte socio"],
    },
    "share": {
        "prefix": ["compartir", "comparte", "compartir en", "comparte este", "imprimir", "enviar por"],
        "short": ["compartir", "comparte", "imprimir", "enviar", "compartir esta noticia"],
        "anywhere": ["compartir en facebook", "compartir en twitter", "comparte esta noticia"],
    },
    "related": {
        "prefix": ["lee también", "leer más", "lea también", "te puede interesar", "le puede interesar",
                   "noticias relacionadas", "artículos relacionados", "contenido relacionado", "también te puede",
                   "más noticias", "lo más leído", "ver también", "relacionado", "relacionadas", "mira también",
                   "seguir leyendo", "más información"],
        "short": ["leer más", "ver más", "relacionado", "contenido relacionado", "seguir leyendo"],
        "anywhere": [],
    },
    "navigation": {
        "prefix": ["ir al contenido", "saltar al contenido", "inicio >", "inicio »", "menú", "buscar",
                   "iniciar sesión", "registrarse"],
        "short": ["inicio", "menú", "buscar", "contacto", "aviso legal", "política de privacidad", "siguiente",
                  "anterior", "volver", "cerrar", "portada"],
        "anywhere": ["utiliza cookies", "uso de cookies", "usamos cookies", "aceptar cookies"],
    },
    "disclaimer": {
        "prefix": ["aviso legal", "copyright", "©", "todos los derechos reservados", "descargo de responsabilidad"],
        "short": ["todos los derechos reservados"],
        "anywhere": ["todos los derechos reservados", "©", "prohibida su reproducción"],
    },
    "subscription": {
        "prefix": ["suscríbete", "suscribirse", "suscríbase", "regístrate", "boletín", "newsletter", "síguenos",
                   "recibe"],
        "short": ["suscríbete", "suscribirse", "newsletter", "boletín", "síguenos"],
        "anywhere": ["suscríbete a", "suscríbase a", "síguenos en", "recibe nuestro boletín"],
    },
    "author_bio": {
        "prefix": ["sobre el autor", "acerca del autor", "sobre la autora", "más artículos de"],
        "short": ["sobre el autor", "sobre la autora"],
        "anywhere": [],
    },
}

METADATA = {
    "byline": {"prefix": ["por ", "autor:", "autora:", "escrito por", "redacción"]},
    "outlet": {"prefix": ["fuente:", "fuentes:", "publicado originalmente", "publicado en"]},
    "tags": {"prefix": ["etiquetas:", "temas:", "tema:", "categoría:", "categorías:", "sección:", "archivado en",
                        "palabras clave"]},
    "dateline": {"prefix": ["publicado el", "publicado:", "actualizado:", "actualizado el", "fecha:"]},
}

COMMENTS_HEADER = ["comentarios", "comentario", "deja un comentario", "deja una respuesta", "dejar un comentario",
                   "respuestas", "opiniones", "escribe un comentario", "añadir comentario"]

COMMENT_ACTIONS = ["responder", "denunciar", "me gusta", "citar", "reportar", "comentarios anteriores"]

SAYS = ["dice", "dijo", "escribió", "comentó"]

BIO_NOUNS = ["profesor", "profesora", "periodista", "editor", "editora", "escritor", "escritora", "autor", "autora",
             "corresponsal", "analista", "investigador", "investigadora", "columnista", "historiador", "economista"]

COPULA = ["es", "era", "fue"]

MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
          "octubre", "noviembre", "diciembre", "ene", "abr", "ago", "dic", "lunes", "martes", "miércoles", "jueves",
          "viernes", "sábado", "domingo", "hace", "ayer", "hoy"]

# Words that turn a comments header into a sidebar widget title ("Recent comments").
RECENT = ["últimos", "recientes", "más", "populares"]

# --- Metadata stage (see lang/en/cues.py) -------------------------------------------------
BYLINE_LEADS = ["por", "autor", "autora", "texto"]
NAME_END_WORDS = ["publicado", "actualizado"]
NAME_END_WORDS_LOWER = ["el"]
NAME_JOINERS = ["y", "o"]
ROLE_WORDS = ["corresponsal", "redacción", "periodista", "cortesía"]
NAME_PARTICLES = ["de", "del", "la", "y"]
BIO_COPULA = ["es", "era", "ha sido"]
PRONOUNS = ["él", "ella"]
HONORIFICS = ["sr", "sra"]
ORIGINAL_SOURCE_LEADS = ["fuente original:", "publicado originalmente en", "publicado originalmente por"]
SOURCE_LEADS = ["fuente"]
RIGHTS_RESERVED = ["todos los derechos reservados"]
BIO_OUTLET_ROLES = ["redactor jefe", "redactora jefe", "director", "directora", "fundador", "fundadora"]
BIO_OUTLET_PREPOSITIONS = ["de", "del"]
BIO_OUTLET_ENDS = ["y", "desde"]
LEADING_ARTICLES = ["el", "la"]
