"""Ukrainian words for the metadata stage (plain data; see ``lang/en/cues.py``).

No segmenter cues yet: the names the segmenter reads would need benchmarking first.
"""

BYLINE_LEADS = ["від", "автор"]
NAME_JOINERS = ["і"]
ROLE_WORDS = ["кореспондент", "журналіст", "редакція"]
BIO_COPULA = ["є", "був", "була"]
PRONOUNS = ["він", "вона"]
SOURCE_LEADS = ["джерело"]
BIO_OUTLET_ROLES = ["головний редактор", "засновник"]
BIO_OUTLET_PREPOSITIONS = ["видання"]
BIO_OUTLET_ENDS = ["з"]
