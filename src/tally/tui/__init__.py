"""The full-screen ballot entry app of ``tally enter`` (textual), over :mod:`tally.entry.session`.

Only ``tally enter`` imports this package, so textual is never loaded by the other commands.
"""
