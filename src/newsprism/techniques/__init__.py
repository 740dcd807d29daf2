"""Persuasion techniques (issue 5): the SemEval-2023 Task 3 taxonomy and its training data.

Only the data layer lives here for now (:mod:`newsprism.techniques.data`: the 23 technique names
with plain-language definitions, the PTC → SemEval-2023 mapping, loaders and the fixed dev/test
split).  The pipeline stage that tags articles, and ``newsprism train techniques``, come in a later
session; nothing here is registered as a stage yet.
"""
