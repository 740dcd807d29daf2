"""Dutch cue words for the text-dump segmenter (plain data; see ``lang/en/cues.py``)."""

STOPWORDS = """
aan al als bij dan dat de deze die dit door een en er had heb heeft het hij hoe in is ja je kan maar me
met mijn na naar niet nog nu of om ook op over te tegen toen tot uit van veel voor was wat we wel werd
wij worden zal ze zich zijn zo zou
""".split()

BOILERPLATE = {
    "other": {  # advertisement labels left where an ad was (the words alone: "Advertising revenue …" is prose)
        "prefix": ['advertentie:'],
        "short": ['advertentie'],
    },
    "caption": {
        "prefix": ["foto:", "beeld:", "afbeelding:"],
        "short": ["foto", "illustratie", "archiefbeeld"],
        "anywhere": ["(foto:", "foto: ", "beeld: ", "anp/", "/anp", "getty images", "(archieffoto)"],
    },
    "donation": {
        "prefix": ["doneer", "steun ons", "steun"],
        "short": ["doneer", "steun ons", "donatie"],
        "anywhere": ["paypal", "patreon", "steun ons werk", "word donateur"],
    },
    "share": {
        "prefix": ["delen", "deel dit", "deel op", "printen"],
        "short": ["delen", "deel", "printen", "mail"],
        "anywhere": ["deel dit artikel"],
    },
    "related": {
        "prefix": ["lees ook", "lees meer", "lees verder", "gerelateerde artikelen", "gerelateerd", "meer over",
                   "bekijk ook", "meest gelezen", "ook interessant"],
        "short": ["lees meer", "lees verder", "gerelateerd", "meer"],
        "anywhere": [],
    },
    "navigation": {
        "prefix": ["ga naar de inhoud", "naar inhoud", "menu", "zoeken", "inloggen"],
        "short": ["home", "menu", "zoeken", "contact", "privacybeleid", "volgende", "vorige", "terug", "sluiten"],
        "anywhere": ["gebruikt cookies", "maakt gebruik van cookies", "cookies accepteren"],
    },
    "disclaimer": {
        "prefix": ["copyright", "©", "alle rechten voorbehouden", "disclaimer"],
        "short": ["alle rechten voorbehouden"],
        "anywhere": ["alle rechten voorbehouden", "©"],
    },
    "subscription": {
        "prefix": ["abonneer", "schrijf je in", "meld je aan", "nieuwsbrief", "volg ons", "word lid"],
        "short": ["abonneren", "nieuwsbrief", "volg ons"],
        "anywhere": ["meld je aan voor", "volg ons op", "schrijf je in voor"],
    },
    "author_bio": {"prefix": ["over de auteur", "over de schrijver"], "short": [], "anywhere": []},
}

METADATA = {
    "byline": {"prefix": ["door ", "auteur:", "geschreven door"]},
    "outlet": {"prefix": ["bron:", "bronnen:", "oorspronkelijk gepubliceerd"]},
    "tags": {"prefix": ["tags:", "trefwoorden:", "categorie:", "categorieën:", "onderwerpen:", "rubriek:"]},
    "dateline": {"prefix": ["gepubliceerd op", "gepubliceerd:", "bijgewerkt op", "datum:"]},
}

COMMENTS_HEADER = ["reacties", "reactie", "laat een reactie achter", "plaats een reactie", "geef een reactie",
                   "reageren", "discussie"]

COMMENT_ACTIONS = ["beantwoorden", "antwoord", "reageer", "melden", "vind ik leuk", "oudere reacties"]

SAYS = ["zegt", "schreef", "schrijft"]

BIO_NOUNS = ["hoogleraar", "professor", "journalist", "journaliste", "redacteur", "schrijver", "schrijfster",
             "auteur", "correspondent", "analist", "onderzoeker", "columnist", "historicus", "econoom"]

COPULA = ["is", "was"]

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
          "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "geleden", "gisteren",
          "vandaag"]

# Words that turn a comments header into a sidebar widget title ("Recent comments").
RECENT = ["recente", "laatste", "nieuwste", "meest"]

# --- Metadata stage (see lang/en/cues.py) -------------------------------------------------
BYLINE_LEADS = ["door"]
NAME_JOINERS = ["en"]
ROLE_WORDS = ["redactie", "verslaggever"]
NAME_PARTICLES = ["van", "der", "den", "de", "ter"]
BIO_COPULA = ["is", "was", "is een", "was een"]
PRONOUNS = ["hij", "zij"]
SOURCE_LEADS = ["bron"]
LEADING_ARTICLES = ["de", "het"]
