"""English cue words for the text-dump segmenter and the metadata stage (plain data).

Matching is case-insensitive on the cleaned text of one block.  ``prefix`` cues must
open the block, ``short`` cues only count in short blocks (a few words: "Share",
"Read more"), ``anywhere`` cues count in any block of moderate length.
"""

STOPWORDS = """
a about after all also an and any are as at be been but by can could did do does for from
had has have he her his how i if in into is it its just more most my no not now of on one
only or other our out over said she so some than that the their them then there these they
this those to up was we were what when where which while who will with would you your
""".split()

BOILERPLATE = {
    "other": {  # advertisement labels left where an ad was (the words alone: "Advertising revenue …" is prose)
        "prefix": ['advertisement:', 'sponsored content'],
        "short": ['advertisement', 'advertising', 'sponsored', 'sponsored content'],
    },
    "caption": {
        "prefix": ["photo:", "photo credit", "image:", "picture:", "pictured:", "caption:", "file photo",
                   "illustrative image", "illustration:", "credit:", "source image"],
        "short": ["illustrative image", "illustration", "file photo", "stock photo", "screenshot"],
        "anywhere": ["(afp photo)", "afp photo", "reuters/", "(reuters)", "getty images", "/ap photo",
                     "(ap photo", "photo by", "photo courtesy", "(photo:", "(photo credit", "shutterstock",
                     "epa-efe", "(illustration)", "/afp", "afp via getty"],
    },
    "donation": {
        "prefix": ["donate", "support us", "please support", "consider supporting", "help us",
                   "do you like this content", "become a patron", "make a donation"],
        "short": ["donate", "donation", "support us", "consider helping us", "tip jar", "buy me a coffee"],
        "anywhere": ["paypal", "patreon", "please support the project", "support our work",
                     "support independent journalism", "make a donation", "donate now", "consider helping us",
                     "via bitcoin", "crypto donation"],
    },
    "share": {
        "prefix": ["share this", "share on", "share:", "note to readers: please click the share",
                   "tweet this", "email this", "print this", "click to share"],
        "short": ["share", "tweet", "facebook", "twitter", "whatsapp", "telegram", "linkedin", "pinterest",
                  "reddit", "email", "print", "share this article", "share this story", "copy link"],
        "anywhere": ["click the share buttons", "forward this article", "share this article",
                     "crosspost on your blog"],
    },
    "related": {
        "prefix": ["read more", "read also", "see also", "related:", "related posts", "related articles",
                   "related stories", "related content", "more from", "more on this", "recommended",
                   "you may also like", "you might also like", "also read", "previous post", "next post",
                   "previous article", "next article", "trending", "most read", "popular posts",
                   "more stories", "latest news", "further reading"],
        "short": ["related", "related posts", "related articles", "read more", "more", "continue reading",
                  "recent posts", "popular", "trending now"],
        "anywhere": [],
    },
    "navigation": {
        "prefix": ["skip to", "jump to", "back to top", "go to", "home >", "home »", "you are here",
                   "main menu", "search for:", "log in", "sign in", "sign up", "menu"],
        "short": ["home", "menu", "search", "login", "log in", "sign in", "next", "previous", "back",
                  "top", "more", "close", "sections", "contact", "about us", "imprint", "privacy policy",
                  "cookie policy", "terms of use", "sitemap", "archives", "categories", "tags", "loading..."],
        "anywhere": ["use of cookies", "we use cookies", "accept cookies", "cookie settings"],
    },
    "disclaimer": {
        "prefix": ["disclaimer", "copyright", "©", "(c) ", "all rights reserved", "terms and conditions",
                   "the views expressed", "the opinions expressed", "fair use", "this article may not be"],
        "short": ["all rights reserved"],
        "anywhere": ["all rights reserved", "contains copyrighted material", "views expressed in this article",
                     "opinions expressed in this article", "do not necessarily reflect", "sole responsibility of the author",
                     "without the express permission", "©"],
    },
    "subscription": {
        "prefix": ["subscribe", "sign up for", "join our", "become a member", "get our newsletter",
                   "newsletter", "follow us", "like us on", "get the latest", "enter your email",
                   "register now", "get notified"],
        "short": ["subscribe", "newsletter", "follow us", "sign up", "subscribe now", "join us"],
        "anywhere": ["subscribe to our newsletter", "sign up for our newsletter", "become a member of",
                     "enter your email address", "delivered to your inbox", "follow us on"],
    },
    "author_bio": {
        "prefix": ["about the author", "about the writer", "author bio", "articles by", "more articles by",
                   "view all posts by", "posts by"],
        "short": ["about the author"],
        "anywhere": [],
    },
}

METADATA = {
    "byline": {"prefix": ["by ", "written by", "author:", "authors:", "posted by", "reported by", "words by",
                          "articles by:"]},
    "outlet": {"prefix": ["source:", "sources:", "the original source of this article is", "originally published",
                          "this article was originally published", "first published", "republished from",
                          "via:", "published by"]},
    "tags": {"prefix": ["region:", "theme:", "tags:", "tag:", "topics:", "topic:", "category:", "categories:",
                        "in-depth report:", "filed under", "posted in", "keywords:", "section:"]},
    "dateline": {"prefix": ["published:", "published on", "updated:", "last updated", "posted on", "date:"]},
}

COMMENTS_HEADER = ["comments", "comment", "responses", "response", "replies", "reader comments",
                   "leave a reply", "leave a comment", "post a comment", "add a comment", "join the discussion",
                   "discussion", "thoughts on", "thought on", "reactions", "what do you think",
                   "comments are closed", "show comments", "view comments", "load comments"]

COMMENT_ACTIONS = ["reply", "report", "like", "likes", "dislike", "flag", "share", "quote", "permalink",
                   "edit", "delete", "log in to reply", "reply ↓", "load more comments", "show more replies",
                   "view replies", "hide replies", "older comments", "newer comments", "upvote", "downvote"]

SAYS = ["says", "said", "wrote", "writes", "replied", "commented"]

BIO_NOUNS = ["professor", "journalist", "editor", "writer", "author", "correspondent", "analyst", "researcher",
             "reporter", "columnist", "contributor", "fellow", "lecturer", "director", "founder", "blogger",
             "specialist", "historian", "economist", "commentator"]

COPULA = ["is", "was", "has been"]

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "ago", "yesterday",
          "today"]

# Words that turn a comments header into a sidebar widget title ("Recent comments").
RECENT = ["recent", "latest", "most", "top", "popular", "new"]

# --- Metadata stage (newsprism.metadata) -------------------------------------------------
# Matched case-insensitively unless said otherwise (the *_LOWER lists, NAME_JOINERS); a space
# matches any whitespace run, a phrase ending in ":" allows spaces before the colon ("Source originale :").

# Lead-ins of a byline before the names ("By Jane Doe", "Author: …"); a colon may follow.
BYLINE_LEADS = ["by", "article by", "articles by", "written by", "posted by", "reporting by", "reported by",
                "story by", "words by", "text by", "author"]

# Where a byline's name list stops ("Jane Doe, published 12 March").
NAME_END_WORDS = ["published", "updated", "posted"]
# The same, lower case only: capitalised they start names ("Le Pen", "El-Sisi").
NAME_END_WORDS_LOWER = ["on"]

# Words between two names, lower case only (an initial like "E." is not a conjunction).
NAME_JOINERS = ["and", "or"]

# A name-list part holding one of these (as a word start) is a role, not a name ("Staff Writer").
ROLE_WORDS = ["staff", "writer", "correspondent", "reporter", "editor", "contributor", "journalist", "columnist",
              "analyst", "producer", "special to", "courtesy", "news desk", "newsroom"]

# An author bio opens with the name and one of these verbs ("Scott Lucas is Professor of …").
# Not the segmenter's COPULA: that one only needs to suggest a bio next to a BIO_NOUN.
BIO_COPULA = ["is", "was", "has been"]

# Candidates that are pronouns, not names (compared after newsprism.metadata.text.normalise).
PRONOUNS = ["he", "she", "they", "we", "this", "the author"]

# Titles removed before a name ("Dr. Jane Doe"); an optional dot may follow.
HONORIFICS = ["dr", "prof", "professor", "mr", "mrs", "ms"]

# Lines naming the source a republished article comes from (not its publisher); anywhere in a line.
ORIGINAL_SOURCE_LEADS = [
    "original source of this article is", "original source of this story is", "original source of this post is",
    "originally published in", "originally published on", "originally published by", "originally published at",
    "originally appeared in", "originally appeared on", "originally appeared by", "originally appeared at",
    "originally posted in", "originally posted on", "originally posted by", "originally posted at",
    "first published in", "first published on", "first published by", "first published at",
    "first appeared in", "first appeared on", "first appeared by", "first appeared at",
    "first posted in", "first posted on", "first posted by", "first posted at",
]

# Labels of a "Source: Outlet" line (a colon follows).
SOURCE_LEADS = ["source", "sources"]

# Words between a copyright sign and its holder ("© 2021 by Outlet").
COPYRIGHT_HOLDER_LEADS = ["by"]

# Noise around a copyright holder's name.
RIGHTS_RESERVED = ["all rights reserved"]

# Roles in a bio that make the outlet named next the author's own ("editor-in-chief of EA WorldView");
# not "writer for": bios also list papers the author once wrote for.
BIO_OUTLET_ROLES = ["editor-in-chief", "editor in chief", "managing editor", "executive editor", "founding editor",
                    "editor", "founder", "co-founder", "cofounder", "founded", "co-founded", "cofounded", "publisher"]
# Words between such a role and the outlet's name.
BIO_OUTLET_PREPOSITIONS = ["of", "at", "for", "to"]
# Words ending the outlet's name in a bio ("… of EA WorldView since 2011").
BIO_OUTLET_ENDS = ["and", "in", "since", "from", "until"]

# Articles dropped from an outlet's name before looking it up, in normalise()d form ("The Guardian").
LEADING_ARTICLES = ["the"]
