"""Counting: ballot rows → a Tally (valid/invalid by reason, votes, n_k). Pure and streaming.

Rules (rules.md §4): a strike-out ballot is valid when it keeps as many names as seats or
fewer; it is invalid when it keeps more (an untouched surplus ballot too), when it strikes
every name, or for a reason the counter saw on paper. On an agree/disagree ballot a row with
both boxes or neither gives that person no vote and the ballot stays valid, unless no row is
usable. Which of these cases invalidates is the rule set's choice.

Speed: the per-ballot work is a few set operations in C; the positions a valid ballot did
not vote for are gathered as text and counted in bulk. Memory does not grow with ballots.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tally.ballots import marks
from tally.ballots.csvfile import BallotFile, EmptyRows, Row
from tally.ballots.marks import DERIVED_REASONS, TYPED_REASONS
from tally.errors import BallotFileError, IssueLog
from tally.i18n import msg
from tally.kinds import INVALID_REASONS, InvalidReason, Layout
from tally.ruleset.models import InvalidRules

__all__ = ["DERIVED_REASONS", "TYPED_REASONS", "Layout"]  # re-exported: the reasons a count knows

_FLUSH = 20_000
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


@dataclass
class Tally:
    """The counted figures of one round (or one counting group): mergeable by addition."""

    positions: int
    collected: int = 0
    invalid: dict[InvalidReason, int] = field(default_factory=dict)
    votes: list[int] = field(default_factory=list)  # by ballot position, 0-based
    kept: dict[int, int] | None = field(default_factory=dict)  # n_k; None when not known
    # Agree/disagree ballots only, by ballot position: the valid ballots whose row is marked
    # disagree, and those whose row has both boxes or neither. None on a strike-out ballot, or
    # when not known (a tally sheet that does not give them); never derived from the votes.
    disagree: list[int] | None = None
    unmarked: list[int] | None = None

    def __post_init__(self) -> None:
        if not self.votes:
            self.votes = [0] * self.positions
        for reason in INVALID_REASONS:
            self.invalid.setdefault(reason, 0)

    @property
    def invalid_total(self) -> int:
        return sum(self.invalid.values())

    @property
    def valid(self) -> int:
        return self.collected - self.invalid_total

    def merge(self, other: Tally) -> Tally:
        """The tally of both piles together (associative and commutative)."""
        if other.positions != self.positions:
            raise ValueError("cannot merge tallies of different lists")
        kept: dict[int, int] | None = None
        if self.kept is not None and other.kept is not None:
            kept = dict(Counter(self.kept) + Counter(other.kept))
            kept = {k: kept[k] for k in sorted(kept)}
        return Tally(
            self.positions,
            self.collected + other.collected,
            {r: self.invalid.get(r, 0) + other.invalid.get(r, 0) for r in INVALID_REASONS},
            [a + b for a, b in zip(self.votes, other.votes, strict=True)],
            kept,
            _add(self.disagree, other.disagree),
            _add(self.unmarked, other.unmarked),
        )


def _add(a: list[int] | None, b: list[int] | None) -> list[int] | None:
    """Two piles' figures by position; unknown when either pile's is."""
    if a is None or b is None:
        return None
    return [x + y for x, y in zip(a, b, strict=True)]


_whole = marks.whole


class _Serials:
    """Detects a ballot serial used twice without keeping a string per ballot.

    Serials are checked in batches: a batch of consecutive whole numbers in order (the usual
    entry numbering) is one slice of a bitmap; anything else is checked one by one.
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
        if n >= len(self.bits):
            self.bits.extend(bytes(max(n + 1 - len(self.bits), len(self.bits))))

    def flush(self) -> None:
        serials, lines = self.serials, self.lines
        if not serials:
            return
        self.serials, self.lines = [], []
        first, last = serials[0], serials[-1]
        if _whole(first) and _whole(last) and int(last) < MAX_INT_SERIAL:
            a, b = int(first), int(last)
            if b - a + 1 == len(serials) and serials == [str(i) for i in range(a, b + 1)]:
                self._grow(b)
                if self.bits.count(1, a, b + 1) == 0:
                    self.bits[a : b + 1] = b"\x01" * (b - a + 1)
                    return
        for serial, line in zip(serials, lines, strict=True):
            if _whole(serial) and (n := int(serial)) < MAX_INT_SERIAL:
                self._grow(n)
                if self.bits[n]:
                    self._duplicate(serial, line)
                self.bits[n] = 1
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
        if kept > spec.seats and "too_many_kept" in cases:
            return ("too_many_kept", kept, "")
        if kept == 0 and "all_struck" in cases:
            return ("all_struck", 0, "")
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


def count_rows(
    rows: Iterable[Row],
    spec: BallotSpec,
    path: Path | None = None,
    issues: IssueLog | None = None,
) -> Tally:
    """Count ballot rows into a Tally; raise BallotFileError naming every malformed row.

    Ballots with the same marks are classified once and counted as a pattern: at a congress
    most ballots repeat a handful of patterns, so the per-ballot work is one dictionary
    lookup and one increment. The memo is bounded; when full it is folded into the totals.

    A malformed row is logged and skipped, so one run reports all of them (up to
    :data:`tally.errors.MAX_ISSUES`). Given ``issues``, the mistakes go there and the caller
    raises them (the file's reader logs its own there too); the Tally returned then counts
    only the rows that were well formed and must not be used if ``issues`` has any.
    """
    log = issues if issues is not None else IssueLog(path)
    n = spec.positions
    cases = spec.invalidating
    invalid: dict[InvalidReason, int] = dict.fromkeys(INVALID_REASONS, 0)
    kept_hist = [0] * (n + 1)
    missed: Counter[str] = Counter()
    serials = _Serials(path, log)
    memo: dict[str, int] = {}
    patterns: list[Classified] = []
    counts: list[int] = []
    collected = 0

    def fold() -> None:
        once: list[str] = []  # patterns seen once are counted in bulk, in C
        for (derived, kept, miss), c in zip(patterns, counts, strict=True):
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
        memo.clear()
        patterns.clear()
        counts.clear()

    for line, serial, struck, unmarked, reason in rows:
        collected += 1
        if serial:
            serials.serials.append(serial)
            serials.lines.append(line)
            if len(serials.serials) >= _FLUSH:
                serials.flush()
        key = f"{struck}|{unmarked}" if unmarked else struck
        slot = memo.get(key)
        if slot is None:
            if len(patterns) >= _CACHE_MAX:
                fold()
            try:
                classified = _classify(struck, unmarked, spec, path, line)
            except BallotFileError as exc:
                log.extend(exc)
                continue
            slot = len(patterns)
            patterns.append(classified)
            counts.append(0)
            memo[key] = slot
        if reason:
            if reason not in TYPED_REASONS:
                typed = marks.reason(reason)  # Marked, m, !m: few ballots carry a reason
                if not typed:
                    log.extend(_unknown_reason(reason, path, line))
                    continue
                reason = typed
            if reason in cases:
                invalid[_REASON[reason]] += 1
                continue
        counts[slot] += 1
    fold()
    serials.flush()
    if issues is None:
        log.raise_if_any()

    valid = collected - sum(invalid.values())
    n_k = {k: c for k, c in enumerate(kept_hist) if c}
    if spec.layout == "strike":
        votes = [valid - missed.get(str(i), 0) for i in range(1, n + 1)]
        return Tally(n, collected, invalid, votes, n_k)
    disagree = [missed.get(str(i), 0) for i in range(1, n + 1)]
    neither = [missed.get(f"{UNMARKED}{i}", 0) for i in range(1, n + 1)]
    votes = [valid - d - u for d, u in zip(disagree, neither, strict=True)]
    return Tally(n, collected, invalid, votes, n_k, disagree, neither)


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
    """Count a ballot file; raise BallotFileError with every mistake in it (nothing counted)."""
    issues = IssueLog(path)
    reader = BallotFile(path, issues)
    tally = count_rows(reader.rows(), spec, path, issues)
    issues.raise_if_any()
    return FileCount(tally, reader.empty)
