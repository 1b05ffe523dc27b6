"""Counting: ballot rows → a Tally (valid/invalid by reason, votes, n_k). Pure and streaming.

Rules (rules.md §4): a strike-out ballot is valid when it keeps as many names as seats or
fewer; it is invalid when it keeps more (an untouched surplus ballot too), when it strikes
every name, or for a reason the counter saw on paper. On an agree/disagree ballot a row with
both boxes or neither gives that person no vote and the ballot stays valid, unless no row is
usable. Which of these cases invalidates is the rule set's choice.

Speed: a ballot file is read in blocks. A large plain block of a strike-out ballot is counted
as integer arrays (:mod:`tally.ballots.columns`, numpy): every position of the block parsed at
once, ``bincount`` for the names each ballot strikes and the positions struck. Otherwise the
block's identical lines are counted together and each distinct pattern is classified once
(:class:`_Count`). Memory does not grow with the ballots, nor with the distinct patterns.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import compress
from operator import add, and_, not_
from pathlib import Path

from tally.ballots import marks
from tally.ballots.csvfile import BallotFile, Block, EmptyRows, Row, Undecodable
from tally.ballots.figures import Tally
from tally.ballots.marks import DERIVED_REASONS, TYPED_REASONS
from tally.errors import BallotFileError, IssueLog
from tally.i18n import msg
from tally.kinds import INVALID_REASONS, InvalidReason, Layout
from tally.ruleset.models import InvalidRules

__all__ = ["DERIVED_REASONS", "TYPED_REASONS", "Layout"]  # re-exported: the reasons a count knows

_FLUSH = 20_000
# A plain strike-out block of this many lines or more is counted as arrays (numpy, whose
# import costs more than a small file takes to count by patterns).
BULK_LINES = 2_000
# A reason's text → the reason: reasons read from a file are str until looked up here.
_REASON: dict[str, InvalidReason] = {r: r for r in INVALID_REASONS}
MAX_INT_SERIAL = 50_000_000


@dataclass(frozen=True)
class BallotSpec:
    """What a valid ballot of one round looks like."""

    positions: int  # names on the ballot
    seats: int
    layout: Layout
    invalidating: frozenset[str]  # typed and derived cases that make a ballot invalid

    tokens: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "tokens", frozenset(str(i) for i in range(1, self.positions + 1)))

    @classmethod
    def from_rules(
        cls, positions: int, seats: int, layout: Layout, rules: InvalidRules
    ) -> BallotSpec:
        cases = {
            name
            for name in type(rules).model_fields
            if (param := getattr(rules, name)) is not None and param.value
        }
        return cls(positions, seats, layout, frozenset(cases))


_whole = marks.whole


class _Serials:
    """Detects a ballot serial used twice without keeping a string per ballot.

    Whole-number serials are bits of a bitmap (1.25 MB for ten million ballots); others, and
    very large numbers, a set. Serials are checked in batches: a batch of consecutive whole
    numbers in order (the usual entry numbering) is one range of the bitmap; anything else is
    checked one by one.
    """

    def __init__(self, path: Path | None, issues: IssueLog) -> None:
        self.path = path
        self.issues = issues
        self.bits = bytearray()
        self.others: set[str] = set()
        self.serials: list[str] = []
        self.lines: list[int] = []

    def _duplicate(self, serial: str, line: int) -> None:
        self.issues.extend(
            BallotFileError.at(
                msg("ballots.serial_twice", serial=serial),
                self.path,
                line,
                field="ballot",
                hint=msg("ballots.serial_twice.hint"),
            )
        )

    def _grow(self, n: int) -> None:
        size = (n >> 3) + 1
        if size > len(self.bits):
            self.bits.extend(bytes(max(size - len(self.bits), len(self.bits))))

    def _seen(self, n: int) -> bool:
        """Whether serial ``n`` was seen before; it is seen now."""
        self._grow(n)
        byte, bit = n >> 3, 1 << (n & 7)
        seen = bool(self.bits[byte] & bit)
        self.bits[byte] |= bit
        return seen

    def _range(self, a: int, b: int) -> bool:
        """Mark serials a..b seen, if none of them was; else False (nothing marked)."""
        self._grow(b)
        bits = self.bits
        lo, hi = (a + 7) >> 3, (b + 1) >> 3  # whole bytes lo..hi-1
        edges = list(range(a, b + 1)) if lo >= hi else [*range(a, lo << 3), *range(hi << 3, b + 1)]
        if any(bits[n >> 3] & (1 << (n & 7)) for n in edges):
            return False
        if lo < hi:
            if bits.count(0, lo, hi) != hi - lo:
                return False
            bits[lo:hi] = b"\xff" * (hi - lo)
        for n in edges:
            bits[n >> 3] |= 1 << (n & 7)
        return True

    def add(self, serial: str, line: int) -> None:
        """One ballot's serial (stripped, not empty), checked with the next batch."""
        self.serials.append(serial)
        self.lines.append(line)
        if len(self.serials) >= _FLUSH:
            self.flush()

    def block(self, first: int, raw: list[str]) -> None:
        """The serial fields of consecutive lines from ``first`` (as written: not stripped)."""
        self.flush()  # in line order: the later of two equal serials is the one reported
        if _whole(a := raw[0]) and _whole(b := raw[-1]) and int(b) < MAX_INT_SERIAL:
            lo, hi = int(a), int(b)
            run = hi - lo + 1 == len(raw) and raw == list(map(str, range(lo, hi + 1)))
            if run and self._range(lo, hi):
                return
        for line, serial in enumerate(map(str.strip, raw), first):
            if serial:
                self.add(serial, line)
        self.flush()

    def run(self, first: int, lo: int, hi: int) -> None:
        """The serials lo, lo+1, ..., hi of consecutive lines from ``first``."""
        self.flush()
        if hi >= MAX_INT_SERIAL or not self._range(lo, hi):
            self.block(first, list(map(str, range(lo, hi + 1))))

    def flush(self) -> None:
        serials, lines = self.serials, self.lines
        if not serials:
            return
        self.serials, self.lines = [], []
        first, last = serials[0], serials[-1]
        if _whole(first) and _whole(last) and int(last) < MAX_INT_SERIAL:
            a, b = int(first), int(last)
            run = b - a + 1 == len(serials) and serials == list(map(str, range(a, b + 1)))
            if run and self._range(a, b):
                return
        for serial, line in zip(serials, lines, strict=True):
            if _whole(serial) and (n := int(serial)) < MAX_INT_SERIAL:
                if self._seen(n):
                    self._duplicate(serial, line)
            else:
                key = str(int(serial)) if _whole(serial) else serial  # "007" is 7
                if key in self.others:
                    self._duplicate(serial, line)
                self.others.add(key)


def _positions(text: str, n: int, path: Path | None, line: int, column: str) -> list[str]:
    """Parse the positions of one field slowly, with a precise message for each mistake."""
    try:
        return [str(pos) for pos in marks.positions(text, n)]
    except marks.MarkError as exc:
        raise BallotFileError.at(
            exc.file_message(), path, line, field=column, hint=exc.file_hint()
        ) from None


Classified = tuple[str, int, str]  # (derived invalid reason or "", names kept, missed text)
# In the missed text of an agree/disagree ballot a row with both boxes or neither is written
# with this prefix ("u3"), a row marked disagree bare ("3"): one Counter counts both.
UNMARKED = "u"
_CACHE_MAX = 1 << 16


def strike_invalid(kept: int, seats: int, cases: Collection[str]) -> str:
    """Why a strike-out ballot keeping ``kept`` names is invalid ("" if it is not): more names
    kept than seats, or every name struck, where the rule set makes those invalid (rules.md §4).
    The one judgement of a strike-out ballot, for a ballot alone, a pattern and a block's arrays."""
    if kept > seats and "too_many_kept" in cases:
        return "too_many_kept"
    if kept == 0 and "all_struck" in cases:
        return "all_struck"
    return ""


def _classify(
    struck: str, unmarked: str, spec: BallotSpec, path: Path | None, line: int
) -> Classified:
    """The marks of one ballot → (derived invalid reason, names voted for, positions missed)."""
    n = spec.positions
    cases = spec.invalidating
    # The usual form (positions separated by spaces) is checked in C; anything else (0, "3,5",
    # a mistake) goes through the grammar of tally.ballots.marks.
    s = struck.split()
    k = len(s)
    if k and (not spec.tokens.issuperset(s) or len(set(s)) != k):
        s = _positions(struck, n, path, line, "struck")
        k = len(s)
    if spec.layout == "strike":
        if unmarked.strip() and marks.tokens(unmarked):
            raise BallotFileError.at(
                msg("ballots.unmarked_strike"),
                path,
                line,
                field="unmarked",
            )
        kept = n - k
        if reason := strike_invalid(kept, spec.seats, cases):
            return (reason, kept, "")
        return ("", kept, " ".join(s))
    u = unmarked.split()
    if u and (not spec.tokens.issuperset(u) or len(set(u)) != len(u)):
        u = _positions(unmarked, n, path, line, "unmarked")
    both = sorted(set(u) & set(s), key=int)
    if both:
        raise BallotFileError.at(
            msg("ballots.struck_and_unmarked", row=both[0]),
            path,
            line,
            hint=msg("ballots.struck_and_unmarked.hint"),
        )
    no_choice = "no_choice_single" if n == 1 else "no_choice_all_rows"
    if u and len(u) == n and no_choice in cases:
        return ("no_choice", 0, "")
    agrees = n - k - len(u)
    if agrees > spec.seats and "too_many_kept" in cases:
        return ("too_many_kept", agrees, "")
    if agrees == 0 and n > 1 and "all_struck_no_surplus" in cases:
        return ("all_struck", 0, "")  # voted for nobody; valid on a one-name list
    return ("", agrees, " ".join(s + [UNMARKED + x for x in u]))


def classify(struck: str, unmarked: str, spec: BallotSpec) -> tuple[str, int]:
    """The derived invalid reason ("" if valid) and the names voted for, for one ballot's marks.

    The same judgement the count makes, for ballot entry to show before a ballot is committed.
    Raises BallotFileError (without a file) for a position that does not exist or repeats.
    """
    derived, kept, _ = _classify(struck, unmarked, spec, None, 0)
    return derived, kept


class _Count:
    """The counting core: ballots → the figures of a Tally, a row or a block at a time.

    Ballots with the same marks are classified once and counted as a pattern. Row by row
    (:meth:`row`), a bounded memo maps marks to patterns; when full it is folded into the
    totals. A large plain strike-out block is counted as arrays (:meth:`_bulk`), its lines
    with a reason or marks in ``unmarked`` as patterns. Else a plain block of a file
    (:class:`tally.ballots.csvfile.Block`) has its lines counted by pattern: the strike-out patterns with nothing unusual (no
    reason, nothing in ``unmarked``, positions in the usual form) are classified together,
    by the number of names struck, and their struck positions counted in bulk; the others
    one by one. A block with any mistake in it is counted row by row instead, so that each
    mistake is reported at its line exactly as a row would be. Memory does not grow with
    the ballots, nor with the number of distinct patterns.
    """

    def __init__(self, spec: BallotSpec, path: Path | None, log: IssueLog) -> None:
        self.spec = spec
        self.path = path
        self.log = log
        self.invalid: dict[InvalidReason, int] = dict.fromkeys(INVALID_REASONS, 0)
        self.kept = [0] * (spec.positions + 1)
        self.missed: Counter[str] = Counter()
        self.serials = _Serials(path, log)
        self.memo: dict[str, int] = {}
        self.patterns: list[Classified] = []
        self.counts: list[int] = []
        self.collected = 0

    def fold(self) -> None:
        """Add the memo's patterns to the totals and empty it."""
        invalid, kept_hist, missed = self.invalid, self.kept, self.missed
        once: list[str] = []  # patterns seen once are counted in bulk, in C
        for (derived, kept, miss), c in zip(self.patterns, self.counts, strict=True):
            if not c:
                continue
            if derived:
                invalid[_REASON[derived]] += c
                continue
            kept_hist[kept] += c
            if c == 1:
                once.append(miss)
            else:
                for token in miss.split():
                    missed[token] += c
        missed.update(" ".join(once).split())
        self.memo.clear()
        self.patterns.clear()
        self.counts.clear()

    def row(self, line: int, serial: str, struck: str, unmarked: str, reason: str) -> None:
        """Count one ballot row; log its mistake, if any."""
        self.collected += 1
        if serial:
            self.serials.add(serial, line)
        key = f"{struck}|{unmarked}" if unmarked else struck
        slot = self.memo.get(key)
        if slot is None:
            if len(self.patterns) >= _CACHE_MAX:
                self.fold()
            try:
                classified = _classify(struck, unmarked, self.spec, self.path, line)
            except BallotFileError as exc:
                self.log.extend(exc)
                return
            slot = len(self.patterns)
            self.patterns.append(classified)
            self.counts.append(0)
            self.memo[key] = slot
        if reason:
            if reason not in TYPED_REASONS:
                typed = marks.reason(reason)  # Marked, m, !m: few ballots carry a reason
                if not typed:
                    self.log.extend(_unknown_reason(reason, self.path, line))
                    return
                reason = typed
            if reason in self.spec.invalidating:
                self.invalid[_REASON[reason]] += 1
                return
        self.counts[slot] += 1

    def block(self, block: Block) -> None:
        """Count a block of a ballot file: in bulk or as patterns when plain and free of
        mistakes, else row by row."""
        if self._bulk(block):
            return
        if block.count_patterns() and self._patterns(block):
            self.collected += block.size
            if block.serials is not None:
                self.serials.block(block.first, block.serials)
            return
        for row in block.rows():
            self.row(*row)

    def _bulk(self, block: Block) -> bool:
        """Count a plain strike-out block's usual lines as arrays (tally.ballots.columns),
        the others as patterns; False, counting nothing, if it declines or any is a mistake."""
        spec = self.spec
        if spec.layout != "strike" or block.text is None or block.size < BULK_LINES:
            return False
        try:
            from tally.ballots import columns  # numpy: imported only for a large file
        except ImportError:  # pragma: no cover - numpy is a dependency; patterns do as well
            return False
        lay = block.reader.layout
        counted = columns.count(block.text, columns.Layout(*lay), spec.positions)
        if counted is None:
            return False
        n, seats, cases = spec.positions, spec.seats, spec.invalidating
        invalid: Counter[str] = Counter()
        hist = [0] * (n + 1)
        missed: Counter[str] = Counter()
        for k, c in enumerate(counted.by_struck):
            kept = n - k
            if not c:
                continue
            if reason := strike_invalid(kept, seats, cases):
                invalid[reason] += c
            else:
                hist[kept] += c
                missed.update({str(p): s for p, s in enumerate(counted.struck[k]) if s})
        if counted.others:
            struck, unmarked, reasons = block.reader.fields(t for _, t in counted.others)
            ones = [1] * len(struck)
            if not self._one_by_one(struck, unmarked, reasons, ones, invalid, hist, missed):
                return False
        self._add(invalid, hist, missed)
        self.collected += counted.lines
        if counted.serial_run is not None:
            self.serials.run(block.first, *counted.serial_run)
        elif counted.serials is not None:
            self.serials.block(block.first, counted.serials)
        return True

    def _patterns(self, block: Block) -> bool:
        """Count a plain block's patterns; False, counting nothing, if any is a mistake."""
        spec = self.spec
        n, seats, cases = spec.positions, spec.seats, spec.invalidating
        struck, unmarked, reasons, counts = block.columns()
        invalid: Counter[str] = Counter()
        hist = [0] * (n + 1)
        missed: Counter[str] = Counter()
        others: Iterable[int] = range(len(struck))
        if spec.layout == "strike":
            # Patterns with no reason and nothing in "unmarked", classified together.
            usual = list(map(not_, map(add, reasons, map(str.strip, unmarked))))
            ss = list(compress(struck, usual))
            cc = list(compress(counts, usual))
            toks = list(map(str.split, ss))
            ks = list(map(len, toks))
            if all(map(spec.tokens.issuperset, toks)) and ks == list(map(len, map(set, toks))):
                others = list(compress(range(len(struck)), map(not_, usual)))
                by_k = [0] * (n + 1)
                for k, c in zip(ks, cc, strict=True):
                    by_k[k] += c
                bad: set[int] = set()
                for k, c in enumerate(by_k):
                    kept = n - k
                    if not c:
                        continue
                    if reason := strike_invalid(kept, seats, cases):
                        invalid[reason] += c
                    else:
                        hist[kept] += c
                        continue
                    bad.add(k)
                good = list(map(not_, map(bad.__contains__, ks)))
                once = compress(ss, map(and_, good, map((1).__eq__, cc)))
                missed.update(" ".join(once).split())
                for i in compress(range(len(cc)), map((1).__lt__, cc)):
                    if good[i]:
                        c = cc[i]
                        for token in toks[i]:
                            missed[token] += c
        if not self._one_by_one(struck, unmarked, reasons, counts, invalid, hist, missed, others):
            return False
        self._add(invalid, hist, missed)
        return True

    def _one_by_one(
        self,
        struck: list[str],
        unmarked: list[str],
        reasons: list[str],
        counts: list[int],
        invalid: Counter[str],
        hist: list[int],
        missed: Counter[str],
        which: Iterable[int] | None = None,
    ) -> bool:
        """Classify patterns (all, or ``which``) into the figures given; False at a mistake."""
        spec = self.spec
        cases = spec.invalidating
        for i in range(len(struck)) if which is None else which:
            try:
                derived, kept, miss = _classify(struck[i], unmarked[i], spec, None, 0)
            except BallotFileError:
                return False
            c = counts[i]
            if reason := reasons[i]:
                if reason not in TYPED_REASONS:
                    reason = marks.reason(reason) or ""
                    if not reason:
                        return False
                if reason in cases:
                    invalid[reason] += c
                    continue
            if derived:
                invalid[derived] += c
                continue
            hist[kept] += c
            for token in miss.split():
                missed[token] += c
        return True

    def _add(self, invalid: Counter[str], hist: list[int], missed: Counter[str]) -> None:
        """Add a block's figures to the totals."""
        for reason, c in invalid.items():
            self.invalid[_REASON[reason]] += c
        self.kept = list(map(add, self.kept, hist))
        self.missed.update(missed)

    def tally(self) -> Tally:
        """The figures counted (only meaningful when no mistake was logged)."""
        self.fold()
        self.serials.flush()
        spec, n, invalid, missed = self.spec, self.spec.positions, self.invalid, self.missed
        valid = self.collected - sum(invalid.values())
        n_k = {k: c for k, c in enumerate(self.kept) if c}
        if spec.layout == "strike":
            votes = [valid - missed.get(str(i), 0) for i in range(1, n + 1)]
            return Tally(n, self.collected, invalid, votes, n_k)
        disagree = [missed.get(str(i), 0) for i in range(1, n + 1)]
        neither = [missed.get(f"{UNMARKED}{i}", 0) for i in range(1, n + 1)]
        votes = [valid - d - u for d, u in zip(disagree, neither, strict=True)]
        return Tally(n, self.collected, invalid, votes, n_k, disagree, neither)


def count_rows(
    rows: Iterable[Row],
    spec: BallotSpec,
    path: Path | None = None,
    issues: IssueLog | None = None,
) -> Tally:
    """Count ballot rows into a Tally; raise BallotFileError naming every malformed row.

    Ballots with the same marks are classified once and counted as a pattern (:class:`_Count`).

    A malformed row is logged and skipped, so one run reports all of them (up to
    :data:`tally.errors.MAX_ISSUES`). Given ``issues``, the mistakes go there and the caller
    raises them (the file's reader logs its own there too); the Tally returned then counts
    only the rows that were well formed and must not be used if ``issues`` has any.
    """
    log = issues if issues is not None else IssueLog(path)
    count = _Count(spec, path, log)
    row = count.row
    for r in rows:
        row(*r)
    tally = count.tally()
    if issues is None:
        log.raise_if_any()
    return tally


def _unknown_reason(reason: str, path: Path | None, line: int) -> BallotFileError:
    hint = msg(
        "ballots.reason_derived.hint"
        if reason.strip().lower() in DERIVED_REASONS
        else "ballots.reason_unknown.hint"
    )
    return BallotFileError.at(
        msg("ballots.reason_unknown", reason=reason), path, line, field="invalid", hint=hint
    )


@dataclass(frozen=True)
class FileCount:
    """A ballot file counted: its tally, and the empty rows that were skipped (not ballots)."""

    tally: Tally
    empty: EmptyRows


def count_file(path: Path, spec: BallotSpec) -> FileCount:
    """Count a ballot file; raise BallotFileError with every mistake in it (nothing counted).

    The file is read in blocks (:meth:`BallotFile.blocks`); one with a byte its encoding
    cannot read is read again row by row, which reports it as :func:`read_rows` does.
    """
    issues = IssueLog(path)
    reader = BallotFile(path, issues)
    count = _Count(spec, path, issues)
    collecting = gc.isenabled()
    gc.disable()  # a block makes many short lists and no cycles: no use scanning them
    try:
        for block in reader.blocks():
            count.block(block)
        tally = count.tally()
    except Undecodable:
        issues = IssueLog(path)
        reader = BallotFile(path, issues)
        tally = count_rows(reader.rows(), spec, path, issues)
    finally:
        if collecting:
            gc.enable()
    issues.raise_if_any()
    return FileCount(tally, reader.empty)
