"""The print kit: what every printed document of tally is made of.

One page skeleton and A4 stylesheet for HTML (:mod:`.html`), pipe tables for Markdown
(:mod:`.markdown`), paragraphs and tables for Word (:mod:`.docx`), one escaping function per
format at the strict strength (:mod:`.escape`), the signature block and the imprint
(:mod:`.parts`, laid out by each format's module) and the deterministic zip for DOCX and XLSX
(:mod:`.package`). The minutes and the entry log are a model plus a thin layout on this kit.
"""
