"""Names of bodies, meetings and figures in the two report languages.

The words live in the message catalogue (:mod:`tally.i18n`, ids ``body.*``, ``meeting.*``,
``figure.*``, ``reason.*``, ``status.*``, ``outcome.*``); these tables are views of it, kept
for the renderers that look a name up by key.
"""

from __future__ import annotations

from tally.i18n import MESSAGES, t
from tally.kinds import Lang

__all__ = ["BODY", "FIGURE", "MEETING", "OUTCOME", "REASON", "STATUS", "t", "tr"]


def _table(prefix: str) -> dict[str, tuple[str, str]]:
    head = f"{prefix}."
    return {k.removeprefix(head): v for k, v in MESSAGES.items() if k.startswith(head)}


BODY = _table("body")
MEETING = _table("meeting")
FIGURE = _table("figure")
REASON = _table("reason")
STATUS = _table("status")
OUTCOME = _table("outcome")


def tr(table: dict[str, tuple[str, str]], key: str, lang: Lang) -> str:
    """The name of ``key`` in ``table``, in ``lang``; an unknown key is shown as it is."""
    vi, en = table.get(key, (key, key))
    return vi if lang == "vi" else en
