"""Turkish words for the metadata stage (plain data; see ``lang/en/cues.py``).

No segmenter cues yet: the names the segmenter reads would need benchmarking first.
"""

BYLINE_LEADS = ["yazar"]
NAME_JOINERS = ["ve"]
ROLE_WORDS = ["muhabir"]
PRONOUNS = ["o"]
SOURCE_LEADS = ["kaynak"]
RIGHTS_RESERVED = ["tüm hakları saklıdır"]
