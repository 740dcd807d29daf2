"""French cue words for the text-dump segmenter (plain data; see ``lang/en/cues.py``)."""

STOPWORDS = """
a afin ai aussi au aux avec avait ce cela ces cet cette comme dans de des du elle elles en est et été
être il ils je la le les leur leurs lui mais même ne nous on ont ou où par pas plus pour qu que qui sa
sans se ses si son sont sur ta te tout tous très un une vous y ainsi été c d l n s qu'il
""".split()

BOILERPLATE = {
    "other": {  # advertisement labels left where an ad was (the words alone: "Advertising revenue …" is prose)
        "prefix": ['publicité:'],
        "short": ['publicité'],
    },
    "caption": {
        "prefix": ["photo :", "photo:", "crédit photo", "crédit :", "illustration :", "image :",
                   "légende :", "carte :"],
        "short": ["illustration", "photo d'illustration", "image d'illustration"],
        "anywhere": ["(afp photo)", "(photo afp)", "/afp", "(illustration)", "photo d'illustration",
                     "crédit photo", "© afp", "(photo :", "getty images"],
    },
    "donation": {
        "prefix": ["faire un don", "soutenez", "soutenir", "aidez-nous", "faites un don"],
        "short": ["faire un don", "soutenir", "don", "soutenez-nous"],
        "anywhere": ["paypal", "patreon", "faire un don", "soutenez-nous", "soutenez notre travail"],
    },
    "share": {
        "prefix": ["partager", "partagez", "partager cet article", "partager sur", "imprimer", "envoyer par"],
        "short": ["partager", "partager cet article", "imprimer", "envoyer", "partagez"],
        "anywhere": ["partager cet article", "partagez cet article"],
    },
    "related": {
        "prefix": ["lire plus", "lire aussi", "lire la suite", "à lire aussi", "voir aussi", "sur le même sujet",
                   "articles liés", "articles similaires", "articles connexes", "à voir aussi", "dans la même rubrique",
                   "les plus lus", "à lire également", "en savoir plus", "article précédent", "article suivant",
                   "vous aimerez aussi", "pour aller plus loin"],
        "short": ["lire plus", "lire la suite", "articles liés", "voir plus", "en savoir plus"],
        "anywhere": [],
    },
    "navigation": {
        "prefix": ["aller au contenu", "passer au contenu", "accueil >", "accueil »", "menu", "rechercher",
                   "se connecter", "connexion", "retour"],
        "short": ["accueil", "menu", "rechercher", "recherche", "connexion", "contact", "mentions légales",
                  "haut de page", "suivant", "précédent", "retour", "fermer", "plan du site"],
        "anywhere": ["utilise des cookies", "utilisation des cookies", "accepter les cookies"],
    },
    "disclaimer": {
        "prefix": ["avertissement", "copyright", "©", "tous droits réservés", "clause de non-responsabilité"],
        "short": ["tous droits réservés"],
        "anywhere": ["tous droits réservés", "©", "n'engagent que leur auteur"],
    },
    "subscription": {
        "prefix": ["abonnez-vous", "s'abonner", "inscrivez-vous", "newsletter", "lettre d'information",
                   "suivez-nous", "recevez"],
        "short": ["s'abonner", "abonnez-vous", "newsletter", "suivez-nous"],
        "anywhere": ["abonnez-vous à", "inscrivez-vous à notre newsletter", "suivez-nous sur"],
    },
    "author_bio": {
        "prefix": ["à propos de l'auteur", "l'auteur", "sur l'auteur", "articles de"],
        "short": ["à propos de l'auteur"],
        "anywhere": [],
    },
}

METADATA = {
    "byline": {"prefix": ["par ", "auteur :", "auteur:", "rédigé par", "publié par", "propos recueillis par"]},
    "outlet": {"prefix": ["source :", "source:", "sources :", "publié initialement", "article paru"]},
    "tags": {"prefix": ["mots-clés", "mots clés", "tags :", "catégorie :", "catégories :", "rubrique :", "thème :",
                        "thèmes :", "région :"]},
    "dateline": {"prefix": ["publié le", "mis à jour le", "modifié le", "date :"]},
}

COMMENTS_HEADER = ["commentaires", "commentaire", "réactions", "réaction", "laisser un commentaire",
                   "laissez un commentaire", "ajouter un commentaire", "réagir", "réponses", "vos réactions",
                   "écrire un commentaire"]

COMMENT_ACTIONS = ["répondre", "signaler", "j'aime", "citer", "modifier", "supprimer", "commentaires plus anciens"]

SAYS = ["dit", "a dit", "écrit", "a écrit"]

BIO_NOUNS = ["professeur", "professeure", "journaliste", "rédacteur", "rédactrice", "écrivain", "écrivaine",
             "auteur", "autrice", "correspondant", "correspondante", "analyste", "chercheur", "chercheuse",
             "chroniqueur", "chroniqueuse", "historien", "historienne", "économiste", "politologue"]

COPULA = ["est", "était"]

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "lundi", "mardi",
          "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "il y a", "hier", "aujourd'hui"]

# Words that turn a comments header into a sidebar widget title ("Recent comments").
RECENT = ["derniers", "dernières", "récents", "populaires", "plus"]

# --- Metadata stage (see lang/en/cues.py) -------------------------------------------------
BYLINE_LEADS = ["par", "auteur", "texte"]
NAME_END_WORDS = ["publié", "mis à jour"]
NAME_END_WORDS_LOWER = ["le"]
NAME_JOINERS = ["et", "ou"]
ROLE_WORDS = ["correspondant", "journaliste", "envoyé spécial", "envoyée spéciale", "rédaction", "rédacteur",
              "courtoisie"]
# Lower-case words allowed inside a name ("Charles de Gaulle"); compared in lower case.
NAME_PARTICLES = ["de", "du", "des", "la", "le"]
BIO_COPULA = ["est", "était", "a été"]
PRONOUNS = ["il", "elle", "ils"]
HONORIFICS = ["mme", "m"]
ORIGINAL_SOURCE_LEADS = [
    "source originale:",
    "publié initialement par", "publié initialement sur", "publié initialement dans",
    "publié à l'origine par", "publié à l'origine sur", "publié à l'origine dans",
    "publié originellement par", "publié originellement sur", "publié originellement dans",
    "publié d'abord par", "publié d'abord sur", "publié d'abord dans",
]
SOURCE_LEADS = ["source", "sources"]
RIGHTS_RESERVED = ["tous droits réservés"]
BIO_OUTLET_ROLES = ["rédacteur en chef", "rédactrice en chef", "fondateur", "fondatrice", "a fondé", "directeur",
                    "directrice"]
BIO_OUTLET_PREPOSITIONS = ["de la", "de l'", "de l’", "du", "des", "de"]
BIO_OUTLET_ENDS = ["et", "en", "depuis"]
LEADING_ARTICLES = ["le", "la", "les", "l"]
