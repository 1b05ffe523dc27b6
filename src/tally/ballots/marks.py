"""The grammar of one ballot's marks, shared by the ballot file and ballot entry.

- Positions (1 = the first name on the ballot) are separated by spaces, ``.``, ``,`` or
  ``+`` (the numeric keypad is enough); ``0`` alone means nothing struck. An empty field of a
  ballot file means nothing struck too.
- A reason seen on paper is ``not_issued``, ``write_in`` or ``marked``, or its first letter
  ``n``, ``w``, ``m``, in any case, with or without the ``!`` that entry types before it.

The words of a mistake live here too: :meth:`MarkError.file_message` for a ballot file (a
catalogue message, worded in the reader's language when shown), :meth:`MarkError.entry_message`
for the operator typing, in the session's language.
"""

from __future__ import annotations

import re
from typing import Literal

from tally.findings import Lang
from tally.i18n import Msg, msg

SEPARATORS = re.compile(r"[\s,.+]+")
NOTHING = "0"
MAX_DIGITS = 6  # of a position: a ballot has at most a few hundred names
TYPED_REASONS: frozenset[str] = frozenset({"not_issued", "write_in", "marked"})
DERIVED_REASONS: frozenset[str] = frozenset({"too_many_kept", "all_struck", "no_choice"})
SHORT_REASONS = {"n": "not_issued", "w": "write_in", "m": "marked"}

MarkErrorKind = Literal["not_a_position", "out_of_range", "twice"]


class MarkError(ValueError):
    """A token that is not a position of this ballot, or a position given twice."""

    def __init__(self, kind: MarkErrorKind, token: str, names: int) -> None:
        self.kind: MarkErrorKind = kind
        self.token = token if len(token) <= 20 else f"{token[:20]}…"  # never echo a huge input
        self.names = names
        super().__init__(str(self.file_message()))

    def file_message(self) -> Msg:
        n = self.names
        if self.kind == "not_a_position":
            return msg("marks.not_a_position", token=self.token)
        if self.kind == "out_of_range":
            mid = "marks.out_of_range.one" if n == 1 else "marks.out_of_range"
            return msg(mid, token=self.token, names=n)
        return msg("marks.twice", token=self.token)

    def file_hint(self) -> Msg | None:
        if self.kind == "not_a_position":
            return msg("marks.not_a_position.hint")
        return None

    def entry_message(self, lang: Lang) -> str:
        token, n = self.token, self.names
        if self.kind == "not_a_position":
            return msg("entry.not_position", token=token).text(lang)
        if self.kind == "out_of_range":
            mid = "entry.out_of_range_one" if n == 1 else "entry.out_of_range"
            return msg(mid, token=token, n=n).text(lang)
        return msg("entry.position_typed_twice", token=token).text(lang)


def tokens(text: str) -> list[str]:
    """The positions of one field as written, unchecked; ``[]`` for ``""`` and ``"0"``."""
    out = [x for x in SEPARATORS.split(text) if x]
    return [] if out == [NOTHING] else out


def whole(text: str) -> bool:
    """ASCII digits of a sane length. ``str.isdigit()`` alone is also true of "²" and "٣"
    (which ``int()`` refuses or reads as 3) and of runs too long for ``int()``."""
    return text.isascii() and text.isdigit() and len(text) < 100


def positions(text: str, names: int) -> list[int]:
    """The positions of one field, in the order written; MarkError for the first mistake."""
    out: list[int] = []
    for token in tokens(text):
        # ASCII digits only: str.isdigit() takes '²' (which int() refuses) and '３' (which it
        # reads as 3); a typo either way, never a position.
        if not (token.isascii() and token.isdigit()):
            raise MarkError("not_a_position", token, names)
        if len(token) > MAX_DIGITS:  # no ballot is that long; int() of it may even refuse
            raise MarkError("out_of_range", token[:MAX_DIGITS] + "…", names)
        pos = int(token)
        if not 1 <= pos <= names:
            raise MarkError("out_of_range", str(pos), names)
        if pos in out:
            raise MarkError("twice", str(pos), names)
        out.append(pos)
    return out


def reason(text: str) -> str | None:
    """The typed reason ``text`` names (``""`` for none), or None if it names none."""
    if text in TYPED_REASONS:
        return text
    word = text.strip().removeprefix("!").strip().lower()
    if not word:
        return ""
    word = SHORT_REASONS.get(word, word)
    return word if word in TYPED_REASONS else None
