"""Arabic words for the metadata stage (plain data; see ``lang/en/cues.py``).

No segmenter cues yet: the names the segmenter reads would need benchmarking first.
"""

BYLINE_LEADS = ["بقلم"]
# Transliterated Arabic name parts ("Abu Bakr al-Baghdadi"); compared in lower case.
NAME_PARTICLES = ["al", "el", "bin", "ibn"]
SOURCE_LEADS = ["المصدر"]
