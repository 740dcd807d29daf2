"""German cue words for the text-dump segmenter (plain data; see ``lang/en/cues.py``)."""

STOPWORDS = """
aber als also am an auch auf aus bei bin bis bist da damit dann das dass dem den denn der des die dies
diese dieser dieses doch dort du durch ein eine einem einen einer eines er es für gegen hat hatte haben
hier ich ihr ihre im in ist ja jedoch kann kein keine mit muss nach nicht noch nun nur ob oder ohne
sehr sein seine sich sie sind so soll über um und uns unter vom von vor war waren was weil wenn werden
wie wieder wird wir wurde zu zum zur zwischen man schon sowie
""".split()

BOILERPLATE = {
    "other": {  # advertisement labels left where an ad was (the words alone: "Advertising revenue …" is prose)
        "prefix": ['anzeige:', 'werbung:'],
        "short": ['anzeige', 'werbung'],
    },
    "caption": {
        "prefix": ["foto:", "fotos:", "bild:", "bildquelle:", "quelle: foto", "bildunterschrift", "symbolbild",
                   "titelbild:", "grafik:", "beitragsbild:"],
        "short": ["symbolbild", "foto", "bild", "archivbild", "illustration"],
        "anywhere": ["(foto:", "foto: ", "© foto", "bild: ", "dpa/", "/dpa", "(symbolbild)", "picture alliance",
                     "imago images", "foto: imago", "getty images"],
    },
    "donation": {
        "prefix": ["jetzt spenden", "spenden", "unterstützen sie", "unterstütze uns", "bitte unterstützen",
                   "spende", "förderer werden"],
        "short": ["spenden", "jetzt spenden", "unterstützen", "spende"],
        "anywhere": ["paypal", "patreon", "unterstützen sie unsere arbeit", "jetzt unterstützen", "spendenkonto"],
    },
    "share": {
        "prefix": ["teilen", "teilen mit", "diesen artikel teilen", "artikel teilen", "beitrag teilen", "jetzt teilen",
                   "teile diesen", "per e-mail", "drucken"],
        "short": ["teilen", "drucken", "e-mail", "mail", "twittern", "artikel teilen", "link kopieren"],
        "anywhere": ["klicken, um über", "klick, um über", "zum teilen", "diesen artikel teilen"],
    },
    "related": {
        "prefix": ["lesen sie auch", "lesen sie mehr", "lies auch", "mehr zum thema", "mehr dazu", "das könnte sie",
                   "das könnte dich", "ähnliche beiträge", "ähnliche artikel", "verwandte artikel", "weitere artikel",
                   "weiterlesen", "auch interessant", "empfehlungen", "siehe auch", "vorheriger artikel",
                   "nächster artikel", "vorheriger beitrag", "nächster beitrag", "meistgelesen", "weitere beiträge",
                   "neueste beiträge", "beliebte beiträge", "zum artikel", "mehr lesen", "passend dazu", "top-artikel",
                   "auch lesenswert"],
        "short": ["weiterlesen", "mehr", "mehr lesen", "ähnliche beiträge", "verwandte beiträge", "das könnte sie auch interessieren"],
        "anywhere": ["das könnte sie auch interessieren", "das könnte dich auch interessieren"],
    },
    "navigation": {
        "prefix": ["zum inhalt springen", "zum inhalt", "springe zum", "direkt zum", "zur navigation", "navigation",
                   "hauptmenü", "sie sind hier", "suche", "anmelden", "einloggen", "registrieren", "zurück zur"],
        "short": ["startseite", "home", "menü", "suche", "impressum", "datenschutz", "datenschutzerklärung", "kontakt",
                  "agb", "nach oben", "zurück", "weiter", "mehr", "schließen", "kategorien", "archiv", "schlagwörter",
                  "anmelden", "lade …", "lade...", "gefällt mir:", "liken", "barrierefreiheit", "cookie-einstellungen"],
        "anywhere": ["cookies", "cookie-einstellungen", "diese website verwendet cookies", "wir verwenden cookies"],
    },
    "disclaimer": {
        "prefix": ["haftungsausschluss", "copyright", "©", "alle rechte vorbehalten", "hinweis:", "disclaimer"],
        "short": ["alle rechte vorbehalten"],
        "anywhere": ["alle rechte vorbehalten", "©", "urheberrechtlich geschützt"],
    },
    "subscription": {
        "prefix": ["abonnieren", "newsletter", "jetzt abonnieren", "melden sie sich", "folgen sie uns", "folge uns",
                   "abonniere", "registrieren sie sich", "kostenlos registrieren", "jetzt anmelden", "abo"],
        "short": ["abonnieren", "newsletter", "abo", "jetzt abonnieren", "folgen"],
        "anywhere": ["newsletter abonnieren", "zum newsletter", "folgen sie uns auf", "jetzt abonnieren"],
    },
    "author_bio": {
        "prefix": ["über den autor", "über die autorin", "zum autor", "zur autorin", "alle beiträge von",
                   "zeige alle beiträge von", "weitere artikel von", "artikel von"],
        "short": ["über den autor", "über die autorin"],
        "anywhere": [],
    },
}

METADATA = {
    "byline": {"prefix": ["von ", "autor:", "autorin:", "autoren:", "text:", "ein beitrag von", "geschrieben von",
                          "verfasst von"]},
    "outlet": {"prefix": ["quelle:", "quellen:", "zuerst erschienen", "erstveröffentlichung", "dieser artikel erschien",
                          "der artikel erschien"]},
    "tags": {"prefix": ["schlagwörter:", "schlagworte:", "stichworte:", "tags:", "kategorie:", "kategorien:", "themen:",
                        "thema:", "rubrik:", "veröffentlicht in", "abgelegt unter", "dieser beitrag wurde unter"]},
    "dateline": {"prefix": ["veröffentlicht am", "veröffentlicht:", "aktualisiert am", "aktualisiert:", "stand:",
                            "erstellt am", "datum:"]},
}

COMMENTS_HEADER = ["kommentare", "kommentar", "leserkommentare", "antworten", "antwort", "reaktionen",
                   "schreibe einen kommentar", "hinterlasse einen kommentar", "kommentar schreiben",
                   "kommentar verfassen", "diskussion", "gedanken zu", "gedanke zu", "kommentieren",
                   "kommentare sind geschlossen", "kommentare anzeigen", "diskutieren sie mit"]

COMMENT_ACTIONS = ["antworten", "antwort", "melden", "zitieren", "gefällt mir", "bearbeiten", "löschen",
                   "kommentar melden", "auf diesen kommentar antworten", "ältere kommentare", "neuere kommentare",
                   "weitere kommentare", "mehr kommentare", "alle kommentare"]

SAYS = ["sagt", "schreibt", "meint", "schrieb", "antwortet"]

BIO_NOUNS = ["professor", "professorin", "journalist", "journalistin", "redakteur", "redakteurin", "autor",
             "autorin", "korrespondent", "korrespondentin", "publizist", "publizistin", "chefredakteur",
             "politologe", "historiker", "historikerin", "ökonom", "wissenschaftler", "wissenschaftlerin", "blogger"]

COPULA = ["ist", "war"]

MONTHS = ["januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "dezember", "jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "okt",
          "nov", "dez", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
          "vor", "gestern", "heute", "uhr"]

# Words that turn a comments header into a sidebar widget title ("Recent comments").
RECENT = ["neueste", "neuste", "letzte", "aktuelle", "meistkommentierte", "beliebteste", "neue"]

# --- Metadata stage (see lang/en/cues.py) -------------------------------------------------
BYLINE_LEADS = ["von", "autor", "autorin", "text"]
NAME_END_WORDS = ["veröffentlicht", "aktualisiert"]
NAME_END_WORDS_LOWER = ["am"]
NAME_JOINERS = ["und"]
ROLE_WORDS = ["redaktion", "redakteur", "korrespondent"]
# Lower-case words allowed inside a name ("Ursula von der Leyen"); compared in lower case.
NAME_PARTICLES = ["von", "der", "zu"]
BIO_COPULA = ["ist", "war"]
PRONOUNS = ["er", "sie"]
HONORIFICS = ["dr", "prof", "herr", "frau"]
ORIGINAL_SOURCE_LEADS = ["originalquelle:", "zuerst erschienen bei", "zuerst erschienen in", "zuerst erschienen auf"]
SOURCE_LEADS = ["quelle"]
RIGHTS_RESERVED = ["alle rechte vorbehalten"]
BIO_OUTLET_ROLES = ["chefredakteur", "chefredakteurin", "herausgeber", "herausgeberin", "gründer", "gründerin"]
BIO_OUTLET_PREPOSITIONS = ["von", "der"]
BIO_OUTLET_ENDS = ["und", "seit"]
LEADING_ARTICLES = ["der", "die", "das"]
