"""Persian words for the metadata stage (plain data; see ``lang/en/cues.py``).

No segmenter cues yet: the names the segmenter reads would need benchmarking first.
"""

SOURCE_LEADS = ["منبع"]
