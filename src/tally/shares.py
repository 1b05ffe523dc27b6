"""Shares and counts as exact numbers: ``15%``, ``1/3``, ``3/10`` or a whole count ``2``.

Every rule compares in integers (``10 * surplus <= 3 * seats``); a share is a Fraction and is
never turned into a float.
"""

from __future__ import annotations

import re
from fractions import Fraction

from tally.i18n import MsgError, msg, share_text

# ASCII digits only, a few of them: r"\d" would also take "١٥%" (Arabic-Indic) as 15%, and a
# share of thousands of digits is a typing accident, not a share.
_PERCENT = re.compile(r"^\s*([0-9]{1,9}(?:\.[0-9]{1,9})?)\s*%\s*$")
_RATIO = re.compile(r"^\s*([0-9]{1,9})\s*/\s*([0-9]{1,9})\s*$")

SHARE_PATTERN = r"^\s*(\d+(\.\d+)?\s*%|\d+\s*/\s*[1-9]\d*)\s*$"


def parse_share(value: object) -> Fraction:
    """Parse ``"15%"``, ``"12.5%"`` or ``"1/3"`` into an exact Fraction in [0, 1]."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, str):
        if m := _PERCENT.match(value):
            share = Fraction(m.group(1)) / 100
        elif (m := _RATIO.match(value)) and int(m.group(2)) != 0:
            share = Fraction(int(m.group(1)), int(m.group(2)))
        else:
            shown = value if len(value) <= 40 else f"{value[:20]}…"
            raise MsgError(msg("share.bad", got=shown))
        if share > 1:
            raise MsgError(msg("share.over", got=value))
        return share
    raise MsgError(msg("share.not_text", got=repr(value)))


def format_share(share: Fraction) -> str:
    """``Fraction(3, 10)`` → ``"30%"``; ``Fraction(1, 3)`` → ``"1/3"``."""
    return share_text(share)


def parse_quantity(value: object) -> int | Fraction:
    """A whole count (``2``) or a share (``"15%"``, ``"1/3"``)."""
    if isinstance(value, bool):
        raise MsgError(msg("quantity.bool"))
    if isinstance(value, int):
        if value < 0:
            raise MsgError(msg("quantity.negative", got=value))
        return value
    return parse_share(value)


def format_quantity(value: int | Fraction) -> str | int:
    return value if isinstance(value, int) else format_share(value)


def at_least(count: int, total: int, minimum: int | Fraction) -> bool:
    """``count`` of ``total`` reaches ``minimum`` (a count, or a share compared in integers)."""
    if isinstance(minimum, int):
        return count >= minimum
    return count * minimum.denominator >= minimum.numerator * total


def at_most(count: int, total: int, maximum: int | Fraction) -> bool:
    """``count`` of ``total`` stays within ``maximum`` (a count, or a share in integers)."""
    if isinstance(maximum, int):
        return count <= maximum
    return count * maximum.denominator <= maximum.numerator * total


def needed(total: int, minimum: int | Fraction) -> int:
    """The smallest count of ``total`` that reaches ``minimum``."""
    if isinstance(minimum, int):
        return minimum
    return -((-minimum.numerator * total) // minimum.denominator)  # ceiling, in integers


def more_than(count: int, total: int, share: Fraction) -> bool:
    """``count`` of ``total`` is strictly more than ``share``: ``den * count > num * total``.

    The majority (more than ½ of the base), the turnout of a state election (more than ½ of
    the voters), a floor nominee's support (more than 30% of those attending).
    """
    return count * share.denominator > share.numerator * total


def needed_more_than(total: int, share: Fraction) -> int:
    """The smallest count of ``total`` that is more than ``share``: ½ of 293 → 147, of 290 →
    146; 0 of anything → 1."""
    return (share.numerator * total) // share.denominator + 1


def most_within(total: int, share: Fraction) -> int:
    """The largest count of ``total`` that stays within ``share``: 30% of 7 → 2, of 10 → 3."""
    return (share.numerator * total) // share.denominator
