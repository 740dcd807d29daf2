"""Polish cue words for the text-dump segmenter (plain data; see ``lang/en/cues.py``)."""

STOPWORDS = """
a aby ale bez by był była było być ci co czy dla do gdy go i ich im jak jako jego jej jest jeszcze już
ma może na nad nie nich niż o od oraz po pod przez przy się są ta tak także te tego tej to tu w we więc
z za ze że który która które także tylko
""".split()

BOILERPLATE = {
    "other": {  # advertisement labels left where an ad was (the words alone: "Advertising revenue …" is prose)
        "prefix": ['reklama:'],
        "short": ['reklama'],
    },
    "caption": {
        "prefix": ["fot.", "foto:", "zdjęcie:", "ilustracja:", "źródło zdjęcia"],
        "short": ["zdjęcie ilustracyjne", "fot. ilustracyjne", "ilustracja"],
        "anywhere": ["(fot.", "fot. ", "/pap", "pap/", "getty images", "shutterstock", "zdjęcie ilustracyjne"],
    },
    "donation": {
        "prefix": ["wesprzyj", "wspieraj", "przekaż darowiznę"],
        "short": ["wesprzyj", "wesprzyj nas", "darowizna"],
        "anywhere": ["paypal", "patronite", "patreon", "wesprzyj nas", "przekaż darowiznę"],
    },
    "share": {
        "prefix": ["udostępnij", "podziel się", "drukuj"],
        "short": ["udostępnij", "drukuj", "wyślij", "podziel się"],
        "anywhere": ["udostępnij na facebooku"],
    },
    "related": {
        "prefix": ["czytaj także", "czytaj też", "czytaj więcej", "zobacz także", "zobacz też", "polecamy",
                   "powiązane artykuły", "podobne artykuły", "najczęściej czytane", "czytaj dalej"],
        "short": ["czytaj więcej", "czytaj dalej", "polecamy", "zobacz także"],
        "anywhere": [],
    },
    "navigation": {
        "prefix": ["przejdź do treści", "menu", "szukaj", "zaloguj"],
        "short": ["strona główna", "menu", "szukaj", "kontakt", "polityka prywatności", "dalej", "wstecz", "zamknij"],
        "anywhere": ["używa plików cookie", "pliki cookies", "plików cookies"],
    },
    "disclaimer": {
        "prefix": ["copyright", "©", "wszelkie prawa zastrzeżone"],
        "short": ["wszelkie prawa zastrzeżone"],
        "anywhere": ["wszelkie prawa zastrzeżone", "©"],
    },
    "subscription": {
        "prefix": ["subskrybuj", "zapisz się", "newsletter", "obserwuj nas"],
        "short": ["subskrybuj", "newsletter", "zapisz się"],
        "anywhere": ["zapisz się do newslettera", "obserwuj nas na"],
    },
    "author_bio": {"prefix": ["o autorze", "o autorce"], "short": [], "anywhere": []},
}

METADATA = {
    "byline": {"prefix": ["autor:", "autorka:", "autorzy:", "tekst:"]},
    "outlet": {"prefix": ["źródło:", "źródła:"]},
    "tags": {"prefix": ["tagi:", "kategoria:", "kategorie:", "tematy:", "dział:"]},
    "dateline": {"prefix": ["opublikowano", "aktualizacja:", "data:"]},
}

COMMENTS_HEADER = ["komentarze", "komentarz", "komentarzy", "dodaj komentarz", "zostaw komentarz", "odpowiedzi",
                   "dyskusja", "skomentuj"]

COMMENT_ACTIONS = ["odpowiedz", "zgłoś", "lubię to", "cytuj"]

SAYS = ["pisze", "napisał", "napisała", "mówi"]

BIO_NOUNS = ["profesor", "profesorka", "dziennikarz", "dziennikarka", "redaktor", "redaktorka", "pisarz",
             "pisarka", "autor", "autorka", "korespondent", "analityk", "badacz", "publicysta", "historyk",
             "ekonomista", "politolog"]

COPULA = ["jest", "był", "była"]

MONTHS = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
          "października", "listopada", "grudnia", "styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec",
          "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień", "temu", "wczoraj", "dzisiaj"]

# Words that turn a comments header into a sidebar widget title ("Recent comments").
RECENT = ["najnowsze", "ostatnie", "najczęściej"]

# --- Metadata stage (see lang/en/cues.py) -------------------------------------------------
BYLINE_LEADS = ["przez", "autor"]
NAME_JOINERS = ["i", "oraz"]
ROLE_WORDS = ["dziennikarz", "redakcja"]
BIO_COPULA = ["jest", "był", "była"]
PRONOUNS = ["on", "ona"]
SOURCE_LEADS = ["źródło"]
RIGHTS_RESERVED = ["wszelkie prawa zastrzeżone"]
BIO_OUTLET_ROLES = ["redaktor naczelny", "założyciel"]
BIO_OUTLET_ENDS = ["i", "od"]
