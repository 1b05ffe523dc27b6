"""The counting core as it was before the block-wise reader (issue 19): the reference.

A ballot file read one row at a time (csvfile.BallotFile.rows as it was) and counted one row
at a time (count.count_rows as it was). tests/test_block_count.py checks that the block-wise
core of tally.count gives exactly the same tally and the same located mistakes.
"""

# ruff: noqa
# mypy: ignore-errors

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from tally.ballots import marks
from tally.ballots.csvfile import EmptyRows, Row, _decode_error, _encoding, _header, _separator
from tally.ballots.marks import DERIVED_REASONS, TYPED_REASONS
from tally.ballots.figures import Tally
from tally.count import BallotSpec
from tally.errors import BallotFileError, Issue, IssueLog, Location
from tally.i18n import msg
from tally.kinds import INVALID_REASONS, InvalidReason
from tally.source import open_regular

_FLUSH = 20_000
_REASON = {r: r for r in INVALID_REASONS}
MAX_INT_SERIAL = 50_000_000
_whole = marks.whole


class BallotFile:
    """One ballot file being read: its rows, the empty rows skipped, the mistakes found.

    A malformed row is logged in ``issues`` and skipped, so that one run finds every mistake;
    the caller must raise ``issues`` before using anything counted from the rows. A file that
    cannot be read at all (missing, bad header, UTF-16 without a byte-order mark) raises
    BallotFileError at once.
    """

    def __init__(self, path: Path, issues: IssueLog | None = None) -> None:
        self.path = path
        self.issues = issues if issues is not None else IssueLog(path)
        self.empty = EmptyRows()

    def rows(self) -> Iterator[Row]:
        """Yield each ballot row of the file (line number, serial, struck, unmarked, invalid)."""
        path = self.path
        # A regular file only (a pipe would block), opened without blocking: tally.source.
        raw = open_regular(path, BallotFileError, "ballot file")
        try:
            head = raw.read(4096)
            raw.seek(0)
        except OSError as exc:
            raw.close()
            raise BallotFileError.at(
                msg("source.cannot_read", reason=os_reason(exc)), path
            ) from None
        try:
            encoding = _encoding(path, head)
        except BaseException:
            raw.close()
            raise
        lineno = 0
        with io.TextIOWrapper(raw, encoding=encoding, newline="") as f:
            try:
                first = f.readline()
                lineno = 1
                if not first.strip():
                    raise BallotFileError.at(
                        msg("csv.empty"),
                        path,
                        1,
                        hint="ballot,struck,unmarked,invalid",
                    )
                header = first.rstrip("\r\n")
                sep = _separator(header)
                width, i_serial, i_struck, i_unmarked, i_invalid = _header(path, header, sep)
                blank = sep + " \t\r\n"
                for line in f:
                    lineno += 1
                    # Fields keep a trailing newline at most; every field is stripped later.
                    if '"' in line:
                        try:
                            fields = next(csv.reader([line], delimiter=sep))
                        except csv.Error as exc:
                            self.issues.add(
                                Issue(msg("csv.malformed", reason=str(exc)), Location(path, lineno))
                            )
                            continue
                        if not any(x.strip() for x in fields):
                            self.empty.add(lineno)
                            continue
                    else:
                        fields = line.split(sep)
                    if len(fields) != width:
                        if not line.strip(blank):
                            self.empty.add(lineno)
                            continue
                        self.issues.add(
                            Issue(
                                msg("csv.width", width=width, found=len(fields)),
                                Location(path, lineno),
                                msg("csv.width.hint"),
                            )
                        )
                        continue
                    struck = fields[i_struck].rstrip()
                    if not struck and not line.strip(blank):
                        self.empty.add(lineno)
                        continue
                    yield (
                        lineno,
                        fields[i_serial].strip() if i_serial >= 0 else "",
                        struck,
                        fields[i_unmarked].rstrip() if i_unmarked >= 0 else "",
                        fields[i_invalid].strip() if i_invalid >= 0 else "",
                    )
            except UnicodeDecodeError as exc:
                self.issues.add(_decode_error(path, encoding, exc))


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
    return ("", agrees, " ".join(s + [UNMARKED + x for x in u]))


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


def count_file(path: Path, spec: BallotSpec) -> tuple[Tally, EmptyRows]:
    """Count a ballot file as before; raise BallotFileError with every mistake in it."""
    issues = IssueLog(path)
    reader = BallotFile(path, issues)
    tally = count_rows(reader.rows(), spec, path, issues)
    issues.raise_if_any()
    return tally, reader.empty
