"""The rules of the election itself, apart from counting and checking.

Bodies and their chain (:mod:`.bodies`), meetings (:mod:`.meetings`), the electorate base with
its exclusions (:mod:`.electorate`), the ballot layout and list caps (:mod:`.layout`). Pure
functions over the election and rule-set models; exact shares are in :mod:`tally.shares`.
"""
