"""Chinese cue words for the text-dump segmenter (plain data; see ``lang/en/cues.py``).

Chinese is written without spaces, so the stopword density counts single characters:
``STOPWORDS`` holds the commonest function characters.
"""

STOPWORDS = list("的了是在和有我他她它这那也就都而及与着或不们个上到说为对于以将被把从但并等之其所已又很会能可还让给向由自此该")

BOILERPLATE = {
    "related": {"prefix": ["相关文章", "相关阅读", "相关新闻", "延伸阅读", "推荐阅读"],
                "short": ["相关文章", "相关阅读", "相关新闻", "延伸阅读", "推荐阅读"]},
    "share": {"prefix": ["分享到"], "short": ["分享", "分享到"]},
    "disclaimer": {"prefix": ["版权所有", "免责声明"], "anywhere": ["版权所有"]},
}

COMMENTS_HEADER = ["评论", "网友评论", "发表评论"]

# --- Metadata stage (see lang/en/cues.py) -------------------------------------------------
BYLINE_LEADS = ["作者", "记者"]
SOURCE_LEADS = ["来源", "來源"]
