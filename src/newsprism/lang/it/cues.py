"""Italian cue words for the text-dump segmenter (plain data; see ``lang/en/cues.py``)."""

STOPWORDS = """
a ai al alla alle anche che chi ci come con da dal dalla dei del della delle di e è gli ha hanno ho i il in
io la le lo loro ma mi ne nel nella non o per più quando questo questa se si sono su sua suo tra un una
uno anche essere stato era sia
""".split()

BOILERPLATE = {
    "other": {  # advertisement labels left where an ad was (the words alone: "Advertising revenue …" is prose)
        "prefix": ['pubblicità:'],
        "short": ['pubblicità'],
    },
    "caption": {
        "prefix": ["foto:", "immagine:", "credit:", "fonte foto"],
        "short": ["foto", "immagine di repertorio", "foto di repertorio", "illustrazione"],
        "anywhere": ["(foto:", "foto ansa", "/ansa", "(ansa)", "foto di repertorio", "getty images", "(afp)"],
    },
    "donation": {
        "prefix": ["dona", "sostienici", "sostieni", "fai una donazione"],
        "short": ["dona", "sostienici", "donazione"],
        "anywhere": ["paypal", "patreon", "fai una donazione", "sostieni il nostro lavoro"],
    },
    "share": {
        "prefix": ["condividi", "condividi su", "stampa"],
        "short": ["condividi", "stampa", "invia"],
        "anywhere": ["condividi su facebook", "condividi questo articolo"],
    },
    "related": {
        "prefix": ["leggi anche", "leggi di più", "continua a leggere", "articoli correlati", "potrebbe interessarti",
                   "ti potrebbe interessare", "vedi anche", "altre notizie", "i più letti", "correlati"],
        "short": ["leggi anche", "leggi di più", "articoli correlati", "correlati"],
        "anywhere": [],
    },
    "navigation": {
        "prefix": ["vai al contenuto", "salta al contenuto", "menu", "cerca", "accedi", "registrati"],
        "short": ["home", "menu", "cerca", "contatti", "chi siamo", "privacy", "avanti", "indietro", "chiudi"],
        "anywhere": ["utilizza i cookie", "uso dei cookie", "accetta i cookie"],
    },
    "disclaimer": {
        "prefix": ["copyright", "©", "tutti i diritti riservati", "riproduzione riservata"],
        "short": ["riproduzione riservata", "tutti i diritti riservati"],
        "anywhere": ["tutti i diritti riservati", "riproduzione riservata", "©"],
    },
    "subscription": {
        "prefix": ["iscriviti", "abbonati", "newsletter", "seguici", "ricevi"],
        "short": ["iscriviti", "abbonati", "newsletter", "seguici"],
        "anywhere": ["iscriviti alla newsletter", "seguici su"],
    },
    "author_bio": {"prefix": ["sull'autore", "l'autore", "articoli di"], "short": [], "anywhere": []},
}

METADATA = {
    "byline": {"prefix": ["di ", "autore:", "scritto da", "a cura di"]},
    "outlet": {"prefix": ["fonte:", "fonti:", "pubblicato originariamente"]},
    "tags": {"prefix": ["tag:", "argomenti:", "categoria:", "categorie:", "sezione:"]},
    "dateline": {"prefix": ["pubblicato il", "aggiornato il", "data:"]},
}

COMMENTS_HEADER = ["commenti", "commento", "lascia un commento", "lascia una risposta", "risposte",
                   "scrivi un commento", "aggiungi un commento"]

COMMENT_ACTIONS = ["rispondi", "segnala", "mi piace", "cita", "commenti precedenti"]

SAYS = ["dice", "ha detto", "scrive", "ha scritto"]

BIO_NOUNS = ["professore", "professoressa", "giornalista", "editore", "redattore", "scrittore", "scrittrice",
             "autore", "autrice", "corrispondente", "analista", "ricercatore", "ricercatrice", "storico", "economista"]

COPULA = ["è", "era"]

MONTHS = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
          "novembre", "dicembre", "gen", "mag", "giu", "lug", "ago", "set", "ott", "dic", "lunedì", "martedì",
          "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "fa", "ieri", "oggi"]

# Words that turn a comments header into a sidebar widget title ("Recent comments").
RECENT = ["ultimi", "recenti", "più"]

# --- Metadata stage (see lang/en/cues.py) -------------------------------------------------
BYLINE_LEADS = ["autore"]
# "di" only in lower case: capitalised it starts surnames ("Di Maio").
BYLINE_LEADS_LOWER = ["di"]
NAME_END_WORDS = ["pubblicato"]
NAME_END_WORDS_LOWER = ["il"]
NAME_JOINERS = ["e", "o"]
ROLE_WORDS = ["giornalista", "corrispondente", "redazione"]
NAME_PARTICLES = ["di", "da", "della", "la"]
BIO_COPULA = ["è", "era"]
PRONOUNS = ["lui", "lei", "egli"]
HONORIFICS = ["dott"]
ORIGINAL_SOURCE_LEADS = ["fonte originale:", "pubblicato originariamente su", "pubblicato originariamente da"]
SOURCE_LEADS = ["fonte"]
RIGHTS_RESERVED = ["tutti i diritti riservati"]
BIO_OUTLET_ROLES = ["direttore", "fondatore", "caporedattore"]
BIO_OUTLET_PREPOSITIONS = ["di", "della", "dello"]
BIO_OUTLET_ENDS = ["e", "dal"]
LEADING_ARTICLES = ["il", "lo", "la", "l"]
