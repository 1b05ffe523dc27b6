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

import ctypes
import sys
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
MAX_SERIAL_DIGITS = 8  # serials parsed here: below tally.count.MAX_INT_SERIAL (5·10^7)
_NL, _SPACE, _ZERO = 10, 32, 48


def _keep_freed_memory() -> None:
    """Let glibc's malloc keep the memory of a block's arrays for the next block.

    Each block makes a few megabytes of arrays and frees them. By default glibc maps an array
    over 128 kB afresh and hands the top of its heap back to the system past 128 kB, so the
    next block touches new pages: about 100,000 page faults a million ballots, which cost
    more than the counting itself (issue 19). Up to 16 MB an array now comes from the heap,
    and up to 64 MB left free on top of it is kept; the peak memory barely moves, since the
    same megabytes are used again for each block. Elsewhere (not glibc) nothing is changed.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # pragma: no cover - a libc without mallopt
        return
    m_trim_threshold, m_mmap_threshold = -1, -3  # <malloc.h>
    mallopt(m_mmap_threshold, 16 << 20)
    mallopt(m_trim_threshold, 64 << 20)


_keep_freed_memory()


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
    tok = inside & ((b - _ZERO) < 10)  # the digits (uint8: bytes below "0" wrap round)
    if np.count_nonzero(inside) != np.count_nonzero(tok) + np.count_nonzero(inside & (b == _SPACE)):
        return None  # another separator, a letter, a tab: read as patterns
    # Each position's first digit, and whether a second, third and fourth follow (the block
    # ends with a newline, so clipping an index past it reads no digit).
    first = np.flatnonzero(tok[1:] > tok[:-1]) + 1
    two = tok[first + 1]
    three = two & tok.take(first + 2, mode="clip")
    if (three & tok.take(first + 3, mode="clip")).any():
        return None
    one_digit = b[first].astype(np.int64) - _ZERO
    two_digits = one_digit * 10 + b[first + 1] - _ZERO
    three_digits = two_digits * 10 + b.take(first + 2, mode="clip") - _ZERO
    pos = np.where(two, np.where(three, three_digits, two_digits), one_digit)
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
