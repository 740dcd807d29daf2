"""Japanese cue words for the text-dump segmenter (plain data; see ``lang/en/cues.py``).

Japanese is written without spaces, so the stopword density counts single characters:
``STOPWORDS`` holds the particles and auxiliary kana that make up much of running text.
"""

STOPWORDS = list("のにはをたがでてとしもなかれるいうだす")

BOILERPLATE = {
    "related": {"prefix": ["関連記事", "関連ニュース", "おすすめ記事"], "short": ["関連記事", "関連ニュース", "おすすめ記事"]},
    "share": {"prefix": ["シェアする"], "short": ["シェア", "シェアする"]},
    "disclaimer": {"prefix": ["無断転載"], "anywhere": ["無断転載"]},
}

COMMENTS_HEADER = ["コメント"]
