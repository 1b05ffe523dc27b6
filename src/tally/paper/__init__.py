"""Paper ballots: the ballots of a round as a print-ready PDF, and the test deck.

Geometry is data: :mod:`.layout` places every mark, row and name on the page in millimetres
(standard library only), and writes that placement as the layout document; :mod:`.pdf` draws
it with fpdf2 and segno (imported only when a ballot is printed); :mod:`.deck` marks the test
deck's ballots and writes the entry journal a scan of them must reproduce; :mod:`.run` is what
``tally ballots`` calls.
"""
