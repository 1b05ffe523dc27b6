"""A plain block of a strike-out ballot file counted as integer arrays, with numpy (issue 19).

When ballot patterns rarely repeat, counting them one by one costs a few string operations
per ballot. Here the block's text is read as bytes once: the separators and line ends give
each line's fields, the digits of the ``struck`` field give each position struck (1 to 3
digits), and ``numpy.bincount`` gives how many names each ballot strikes and how often each
position is struck on the valid ballots. Only the usual lines are counted so (nothing in
``unmarked`` or ``invalid``, positions written as digits separated by spaces, each once and
on the ballot): the others are returned by index for :mod:`tally.count` to classify as it
classifies any pattern. Anything this does not recognise declines the block (None), which
is then counted by patterns, or row by row, exactly as before.

Memory is a few arrays the size of the block, whatever the number of distinct patterns.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
MAX_SERIAL_DIGITS = 8  # serials parsed here: below tally.count.MAX_INT_SERIAL (5·10^7)
_NL, _SPACE, _ZERO = 10, 32, 48


@dataclass(frozen=True)
class Layout:
    """Where the columns are (tally.ballots.csvfile), and the ballot's shape."""

    sep: str
    width: int
    serial: int
    struck: int
    unmarked: int
    invalid: int


@dataclass(frozen=True)
class Counted:
    """A block's usual lines counted, and the lines left to classify one by one."""

    lines: int  # every line of the block
    by_struck: list[int]  # usual lines by how many names they strike (0..n)
    struck: list[list[int]]  # by how many names struck: how often each position (0..n) is
    others: list[tuple[int, str]]  # (index in the block, text) of the lines not counted
    serial_run: tuple[int, int] | None  # the serials, when they are lo, lo+1, ..., hi exactly
    serials: list[str] | None  # else each line's serial field as written (None: no column)


def _field(j: int, width: int, starts: Ints, ends: Ints, seps: Ints) -> tuple[Ints, Ints]:
    """Each line's field ``j`` as [lo, hi) byte offsets."""
    lo = starts if j == 0 else seps[:, j - 1] + 1
    hi = ends if j == width - 1 else seps[:, j]
    return lo, hi


def _spans(size: int, lo: Ints, hi: Ints) -> Bools:
    """Which bytes of ``size`` lie in one of the (disjoint, non-touching) spans [lo, hi)."""
    edge = np.zeros(size + 1, np.int8)
    edge[lo] += 1
    edge[hi] -= 1
    return np.cumsum(edge[:-1], dtype=np.int8).view(np.bool_)  # 0 or 1


def _serials(b: npt.NDArray[np.uint8], lo: Ints, hi: Ints) -> tuple[int, int] | None:
    """lo..hi when the serial fields are exactly the numbers lo, lo+1, ..., hi as str()."""
    size = hi - lo
    if not len(lo) or size.min() < 1 or size.max() > MAX_SERIAL_DIGITS:
        return None
    if ((b[lo] == _ZERO) & (size > 1)).any():
        return None  # a leading zero ("007" is 7): checked one by one
    value = np.zeros(len(lo), np.int64)
    for p in range(int(size.max())):
        has = size > p
        d = b[np.where(has, lo + p, lo)].astype(np.int64) - _ZERO
        if ((d < 0) | (d > 9))[has].any():
            return None
        value = np.where(has, value * 10 + d, value)
    start = int(value[0])
    if not (value == np.arange(start, start + len(value))).all():
        return None
    return start, int(value[-1])


def count(text: str, lay: Layout, positions: int) -> Counted | None:
    """Count a plain block (lines of the file's width, ``\\n``-separated, no trailing newline):
    None when the block has anything this does not count (then nothing is counted)."""
    if not text.isascii() or len(lay.sep) != 1:
        return None
    # A newline before the first line and after the last: line i runs from nl[i] + 1 to nl[i + 1].
    b = np.frombuffer(b"\n" + text.encode("ascii") + b"\n", np.uint8)
    nl = np.flatnonzero(b == _NL)
    starts, ends = nl[:-1] + 1, nl[1:]
    m = len(ends)
    w = lay.width
    seps: Ints = np.flatnonzero(b == ord(lay.sep))
    if len(seps) != (w - 1) * m:
        return None
    seps = seps.reshape(m, w - 1)
    if w > 1 and ((seps[:, 0] < starts).any() or (seps[:, -1] >= ends).any()):
        return None  # some line has more separators, another fewer
    usual = np.ones(m, np.bool_)
    for j in (lay.unmarked, lay.invalid):
        if j >= 0:
            lo, hi = _field(j, w, starts, ends, seps)
            usual &= lo == hi
    lo, hi = _field(lay.struck, w, starts, ends, seps)
    inside = _spans(len(b), lo[usual], hi[usual])
    tok = inside & (b != _SPACE)
    if len(marked := b[tok]) and (marked.min() < _ZERO or marked.max() > _ZERO + 9):
        return None  # another separator, a letter, a tab: read as patterns
    # Each position's first digit and the byte after its last: the edges of the digit runs.
    edges = np.flatnonzero(np.diff(tok.view(np.int8))) + 1
    first, length = edges[0::2], edges[1::2] - edges[0::2]
    if len(first) and length.max() > 3:
        return None
    pos = b[first].astype(np.int64) - _ZERO
    for p in (1, 2):
        more = length > p
        pos[more] = pos[more] * 10 + b[first[more] + p] - _ZERO
    if len(pos) and (pos.min() < 1 or pos.max() > positions):
        return None  # "0" (nothing struck), or a mistake the patterns report
    k = np.diff(np.searchsorted(first, nl))  # positions struck on each line
    n1 = positions + 1
    key = np.repeat(np.arange(0, m * n1, n1), k) + pos  # line and position
    if (np.diff(key) <= 0).any():  # not in increasing order: look for a repeat
        key.sort()
        if (key[1:] == key[:-1]).any():
            return None
    by_struck = np.bincount(k[usual], minlength=n1)
    # How often each position is struck, by how many names its ballot strikes: which of
    # these ballots are valid is the rule set's (tally.count).
    struck = np.bincount(np.repeat(k * n1, k) + pos, minlength=n1 * n1).reshape(n1, n1)
    others = [(i, text[s - 1 : e - 1]) for i, s, e in _where(~usual, starts, ends)]
    run: tuple[int, int] | None = None
    serials: list[str] | None = None
    if lay.serial >= 0:
        lo, hi = _field(lay.serial, w, starts, ends, seps)
        run = _serials(b, lo, hi)
        if run is None:
            serials = [text[a - 1 : z - 1] for a, z in zip(lo.tolist(), hi.tolist(), strict=True)]
    return Counted(m, by_struck.tolist(), struck.tolist(), others, run, serials)


def _where(mask: Bools, starts: Ints, ends: Ints) -> list[tuple[int, int, int]]:
    """(index, start, end) of the lines where ``mask`` is true."""
    i = np.flatnonzero(mask)
    return list(zip(i.tolist(), starts[i].tolist(), ends[i].tolist(), strict=True))
