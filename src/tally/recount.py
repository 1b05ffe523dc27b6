"""Recount and re-check a batch of elections: every ``election.yaml`` below some folders.

Each election gets what ``tally check`` gives it — validate, count, check against the plan —
through the same function (:func:`tally.app.check_report`), so an election's entry holds byte
for byte the document ``tally check --json`` prints. A broken folder (bad
YAML, a ballot with a wrong position, an unreadable folder) becomes an entry with the error
and its exit code; a bug in tally on one election becomes an entry with exit 70. Neither stops
the others. Nor does an election that does not finish (a network drive that stops answering, a
file that never ends): each has a time limit, after which it becomes an entry of its own
(``timeout``, exit 2). The limit is an alarm inside the process checking it; a worker deaf to
the alarm (stuck inside the operating system) is killed once its whole chunk is overdue, and
its elections are retried one process each under the same limit.

Elections are checked in worker processes, handed out in chunks so that thousands of small
elections are not dominated by inter-process traffic, a few chunks per worker at a time
(:data:`IN_FLIGHT`) and never more than that many past the chunk of the first election not yet
released. Results come back in completion order and are released in the (sorted) order of
discovery as soon as every earlier one is in. So what is held — chunks handed out, results
waiting for an earlier one — is bounded by the number of workers, not of elections: a slow
election holds the others back (for at most its time limit) rather than letting finished
results pile up behind it. Progress is an observer: a callback ``(done, total)`` called as
chunks finish.

The exit code of a batch is the most serious among its elections, in the order
:data:`EXIT_ORDER`: 70 › 2 › 3 › 1 › 4 › 0 — a bug first (nothing is known about that
election), then input that cannot be read, figures that do not reconcile, a failed check, a
vote still due, and all well. The order among 2, 3, 1, 4, 0 is that of ``tally check``.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from dataclasses import field as _field  # Problem has a field named 'field'
from pathlib import Path
from typing import Literal, overload

from tally import __version__
from tally.app import check_report
from tally.config.loader import ELECTION_FILE, load_election
from tally.errors import (
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    EXIT_NEEDS_VOTE,
    EXIT_NOT_RECONCILED,
    EXIT_OK,
    EXIT_RULE_FAILED,
    TallyError,
)
from tally.findings import Lang
from tally.i18n import Msg, msg, os_reason
from tally.kinds import FailOn
from tally.report.jsondoc import check_doc, dumps
from tally.report.model import CheckReport, check_exit_code

# Most serious first. A bug outranks everything (the election's result is unknown); the rest
# is the order of ``tally check``: bad input › figures that do not reconcile › a failed check
# › a vote still due › all well.
EXIT_ORDER: tuple[int, ...] = (
    EXIT_INTERNAL,
    EXIT_BAD_INPUT,
    EXIT_NOT_RECONCILED,
    EXIT_RULE_FAILED,
    EXIT_NEEDS_VOTE,
    EXIT_OK,
)

# The outcome that sums up an election, most serious first (design.md outcomes, plus a
# contest not voted yet).
OUTCOME_ORDER: tuple[str, ...] = (
    "rejected",
    "void",
    "tie",
    "shortfall",
    "additional_due",
    "council_decides",
    "not_entered",
    "not_counted",
    "final",
    "complete",
    "appointed",  # by decision, no vote: nothing to count or wait for
)

Progress = Callable[[int, int], None]

DEFAULT_TIMEOUT = 120  # seconds per election; the largest simulated election takes under 2 s
GRACE_SECONDS = 10.0  # how long past its limit a worker may stay silent before it is killed
IN_FLIGHT = 3  # chunks handed to the pool at a time, per worker


def seriousness(code: int) -> int:
    """0 for the most serious exit code; an unknown code counts as a bug."""
    return EXIT_ORDER.index(code) if code in EXIT_ORDER else 0


def most_serious(codes: Iterable[int]) -> int:
    """The batch's exit code: the most serious of its elections' (0 for none)."""
    return min(codes, key=seriousness, default=EXIT_OK)


# --------------------------------------------------------------------------- discovery


@dataclass(frozen=True, slots=True)
class Target:
    """One election to check: its folder (as found), or a folder that could not be read.

    ``where`` is a string when :func:`discover` found it: a national round lists a few hundred
    thousand, and a Path holds its parts besides its text (about five times the memory)."""

    where: str | Path
    problem: Msg | None = None

    @property
    def path(self) -> Path:
        return Path(self.where)


def _sort_key(target: Target) -> str:
    # The order of the parts: the separator sorts before any character of a name.
    return str(target.where).replace(os.sep, "\0")


class Found(Sequence[Target]):
    """The targets found, in order, held compactly: a national round lists a few hundred
    thousand folders, and a list of Target objects costs about 170 bytes each.

    Each path is kept as its folder part (one string per folder, shared by the consecutive
    paths below it) and its last name, the names encoded in one bytes buffer; a target with a
    problem (rare) keeps it in a dict. About 40 bytes an election for a name of 30 characters.
    """

    def __init__(self, targets: Iterable[Target] = ()) -> None:
        self._folders: list[str] = []
        self._folder = array("I")  # index into _folders, per target
        self._names = bytearray()  # the last names, UTF-8 (undecodable bytes kept as is)
        self._ends = array("Q")  # where each name ends in _names
        self._problems: dict[int, Msg] = {}
        for target in targets:
            self.append(target.where, target.problem)

    def append(self, where: str | Path, problem: Msg | None = None) -> None:
        text = str(where)
        cut = text.rfind(os.sep) + 1
        folder, name = text[:cut], text[cut:]
        if not self._folders or self._folders[-1] != folder:
            self._folders.append(folder)
        self._folder.append(len(self._folders) - 1)
        self._names += name.encode("utf-8", "surrogateescape")
        self._ends.append(len(self._names))
        if problem is not None:
            self._problems[len(self._ends) - 1] = problem

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, i: int) -> Target: ...
    @overload
    def __getitem__(self, i: slice) -> list[Target]: ...
    def __getitem__(self, i: int | slice) -> Target | list[Target]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        start = self._ends[i - 1] if i else 0
        name = self._names[start : self._ends[i]].decode("utf-8", "surrogateescape")
        return Target(self._folders[self._folder[i]] + name, self._problems.get(i))


class _Seen:
    """The folders walked, by (device, inode), so that a walk meeting a loop stops there.

    An open-addressed table of inode numbers per device in an ``array('Q')``: 8 to 16 bytes a
    folder instead of about 80 in a set of Python ints. Only folders that hold an election or
    other folders need recording: walking an empty leaf twice finds nothing and leads nowhere
    (this leaves out the ``ballots`` folder of every election)."""

    def __init__(self) -> None:
        self._tables: dict[int, array[int]] = {}
        self._counts: dict[int, int] = {}
        self._zero: set[int] = set()  # devices whose inode 0 was seen (0 marks an empty slot)

    @staticmethod
    def _slot(table: array[int], ino: int) -> int:
        """Where ``ino`` is in ``table``, or the empty slot where it would go."""
        mask = len(table) - 1
        # Fibonacci hashing: the top bits of the 64-bit product spread consecutive inodes
        slot = (ino * 0x9E3779B97F4A7C15 & 0xFFFFFFFFFFFFFFFF) >> (65 - len(table).bit_length())
        while table[slot] not in (0, ino):
            slot = (slot + 1) & mask
        return slot

    def __contains__(self, key: tuple[int, int]) -> bool:
        dev, ino = key
        if ino == 0:
            return dev in self._zero
        table = self._tables.get(dev)
        return table is not None and table[self._slot(table, ino)] == ino

    def add(self, dev: int, ino: int) -> None:
        if ino == 0:
            self._zero.add(dev)
            return
        table = self._tables.get(dev)
        if table is None or 2 * (self._counts[dev] + 1) > len(table):  # at most half full
            old = table or array("Q")
            table = self._tables[dev] = array("Q", bytes(16 * len(old) or 8192))
            for held in old:
                if held:
                    table[self._slot(table, held)] = held
        slot = self._slot(table, ino)
        if table[slot] == 0:
            table[slot] = ino
            self._counts[dev] = self._counts.get(dev, 0) + 1


def discover(dirs: Sequence[Path]) -> Found:
    """Every folder holding an ``election.yaml`` below ``dirs`` (or the files given), sorted.

    Hidden folders (``.git``, ``.venv``…) are skipped; a folder reached twice (a symbolic
    link back up the tree, or two arguments that overlap) is checked once. A folder that
    cannot be listed becomes a target with a problem, so the batch reports it.

    One folder walked (names sorted, depth first) is already in sorted order; only several
    arguments, or a file among them, need the sort and the check by real path.
    """
    found = Found()
    seen = _Seen()
    for root in dirs:
        if root.is_file():
            found.append(str(root))
            continue
        stack = [str(root)]
        while stack:
            folder = stack.pop()
            st: os.stat_result | None = None
            try:
                st = os.stat(folder)
                if (st.st_dev, st.st_ino) in seen:
                    continue
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                if st is not None:  # reported once, however it is reached
                    seen.add(st.st_dev, st.st_ino)
                found.append(folder, msg("recount.cannot_read", reason=os_reason(exc)))
                continue
            subdirs: list[str] = []
            election = False
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if entry.name == ELECTION_FILE and not is_dir:
                    found.append(folder)
                    election = True
                elif is_dir:
                    subdirs.append(entry.name if folder == "." else entry.path)
            if subdirs or election:
                seen.add(st.st_dev, st.st_ino)
            stack.extend(reversed(subdirs))
    del seen
    if len(dirs) == 1 and not dirs[0].is_file():
        return found
    unique: dict[str, Target] = {}
    for target in sorted(found, key=_sort_key):
        where = os.path.realpath(target.where)
        if os.path.isfile(target.where):
            where = os.path.dirname(where)
        unique.setdefault(where, target)
    return Found(unique.values())


# --------------------------------------------------------------------------- one election


@dataclass(frozen=True)
class Problem:
    """One issue of a broken election, where it is: what the error entry of the JSON holds."""

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    hint: str | None = None
    # The message and hint as the catalogue words them (the English above is the JSON's).
    said: Msg | str | None = _field(default=None, compare=False, repr=False)
    said_hint: Msg | str | None = _field(default=None, compare=False, repr=False)

    @classmethod
    def of(
        cls,
        said: Msg,
        file: str | None = None,
        hint: Msg | None = None,
    ) -> Problem:
        """A problem worded by the catalogue, its English kept for the JSON."""
        return cls(
            str(said), file, hint=None if hint is None else str(hint), said=said, said_hint=hint
        )

    def text(self, lang: Lang) -> str:
        """Where and what, in ``lang``."""
        said = self.said if self.said is not None else self.message
        what = said if isinstance(said, str) else said.text(lang)
        where = str(replace(self, message="")).removesuffix(": ")
        return f"{where}: {what}" if where else what

    def hint_text(self, lang: Lang) -> str | None:
        """The hint in ``lang``, if there is one."""
        said = self.said_hint if self.said_hint is not None else self.hint
        if said is None:
            return None
        return said if isinstance(said, str) else said.text(lang)

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
        }

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
        if self.field:
            where = f"{where}: {self.field}" if where else self.field
        return f"{where}: {self.message}" if where else self.message


ErrorKind = Literal["bad_input", "not_reconciled", "internal", "timeout"]


@dataclass(frozen=True)
class ElectionRun:
    """What the batch learned about one election (small, picklable)."""

    path: str
    exit_code: int
    name: str | None = None  # congress.name
    rules: str | None = None
    contests: int | None = None
    outcome: str | None = None  # the most serious contest outcome (OUTCOME_ORDER)
    errors: int | None = None
    warnings: int | None = None
    document: str | None = None  # the ``tally check --json`` text, when asked for
    error_kind: ErrorKind | None = None
    problems: tuple[Problem, ...] = ()
    traceback: str | None = field(default=None, compare=False)  # for --debug, never in JSON

    @property
    def failed(self) -> bool:
        return self.error_kind is not None

    def entry(self) -> dict[str, object]:
        """The JSON entry, without the check document (see :func:`entry_json`)."""
        return {
            "path": self.path,
            "exit_code": self.exit_code,
            "election": self.name,
            "rules": self.rules,
            "contests": self.contests,
            "outcome": self.outcome,
            "errors": self.errors,
            "warnings": self.warnings,
            "error": (
                {"kind": self.error_kind, "issues": [p.to_json() for p in self.problems]}
                if self.error_kind is not None
                else None
            ),
        }


@dataclass(frozen=True)
class Settings:
    """How each election is checked: as ``tally check --lang L --fail-on F [--json]``."""

    lang: Lang = "vi"
    fail_on: FailOn = "error"
    documents: bool = False  # keep each election's check document (for --json)
    allow_outside: tuple[Path, ...] = ()  # folders data paths may lead to (--allow-outside)


def summary_outcome(report: CheckReport) -> str:
    """The most serious final outcome of an election's contests; a rejected round counts
    whatever followed it (as in ``count_exit_code``), a tie settled by a later round does not."""
    contests = report.count.contests
    seen: set[str] = {c.outcome for c in contests}
    if any(r.outcome == "rejected" for c in contests for r in c.rounds):
        seen.add("rejected")
    return next((o for o in OUTCOME_ORDER if o in seen), "complete")


class _TimeLimit(BaseException):
    """The alarm of :func:`_time_limit`: not an Exception, so no handler on the way eats it."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise _TimeLimit in the block after ``seconds`` (POSIX, main thread; else no limit).

    An alarm already set (by a caller) is put back, less the time the block took."""
    if (
        not seconds
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def ring(signum: int, frame: object) -> None:
        raise _TimeLimit

    old_handler = signal.signal(signal.SIGALRM, ring)
    old_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if old_delay:
            left = old_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))


def _timed_out(path: str, seconds: float) -> ElectionRun:
    return ElectionRun(
        path,
        EXIT_BAD_INPUT,
        error_kind="timeout",
        problems=(
            Problem.of(
                msg("recount.timeout", seconds=f"{seconds:g}"),
                path,
                hint=msg("recount.timeout.hint", path=path),
            ),
        ),
    )


def check_one(target: Target, settings: Settings, timeout: float | None = None) -> ElectionRun:
    """Check one election as ``tally check`` does; never raises for a broken folder, a bug,
    or an election that does not finish within ``timeout`` seconds."""
    try:
        with _time_limit(timeout):
            return _check_one(target, settings)
    except _TimeLimit:
        return _timed_out(str(target.path), timeout or 0)


def _check_one(target: Target, settings: Settings) -> ElectionRun:
    path = str(target.path)
    if target.problem is not None:
        return ElectionRun(
            path,
            EXIT_BAD_INPUT,
            error_kind="bad_input",
            problems=(Problem.of(target.problem, path),),
        )
    try:
        loaded = load_election(target.path, allow_outside=settings.allow_outside)
        report = check_report(loaded)
        return ElectionRun(
            path,
            check_exit_code(report, settings.fail_on),
            name=report.count.election,
            rules=report.count.rules,
            contests=len(report.count.contests),
            outcome=summary_outcome(report),
            errors=report.errors,
            warnings=report.warnings,
            document=dumps(check_doc(report, settings.lang)) if settings.documents else None,
        )
    except TallyError as exc:
        kind: ErrorKind = "not_reconciled" if exc.exit_code == EXIT_NOT_RECONCILED else "bad_input"
        return ElectionRun(
            path,
            exc.exit_code,
            error_kind=kind,
            problems=tuple(
                Problem(
                    i.message,
                    str(i.location.path) if i.location.path is not None else None,
                    i.location.line,
                    i.location.column,
                    i.location.field,
                    i.hint,
                    said=i.said,
                    said_hint=i.said_hint,
                )
                for i in exc.issues
            ),
        )
    except Exception as exc:  # a bug in tally: this election's entry says so, the batch goes on
        return _bug(path, f"{type(exc).__name__}: {exc}", traceback.format_exc())


def _bug(path: str, what: str, trace: str | None = None) -> ElectionRun:
    return ElectionRun(
        path,
        EXIT_INTERNAL,
        error_kind="internal",
        problems=(
            Problem.of(
                msg("recount.internal", what=what),
                path,
                hint=msg("recount.internal.hint", path=path),
            ),
        ),
        traceback=trace,
    )


def _check_chunk(
    targets: list[Target], settings: Settings, timeout: float | None
) -> list[ElectionRun]:
    return [check_one(t, settings, timeout) for t in targets]


# --------------------------------------------------------------------------- the batch


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def chunk_size(total: int, jobs: int) -> int:
    """Elections per task: about 8 tasks per worker for balance, at most 32 per task."""
    return max(1, min(32, total // (jobs * 8)))


def _context() -> multiprocessing.context.BaseContext:
    # fork: workers start in milliseconds with tally already imported. Elsewhere (macOS,
    # Windows) the platform's default.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def recount(
    targets: Sequence[Target],
    settings: Settings,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[ElectionRun]:
    """Check every target; yield the runs in the order of ``targets``.

    Longer than the ~80-line guide on purpose (issue 17): one loop owns the pool, the window of
    chunks in flight, the timeouts and the release in order; split, those would share their
    state through arguments and the order of the steps would be harder to follow.

    With ``jobs`` > 1 the elections are checked by that many worker processes, fed
    :data:`IN_FLIGHT` chunks per worker at a time. A worker that dies (killed, out of memory)
    takes only its own elections down: they are retried one at a time, and an election that
    kills its worker again gets exit 70. An election still running after ``timeout`` seconds
    is stopped and gets a ``timeout`` entry (exit 2).
    """
    total = len(targets)
    if jobs <= 1 or total <= 1:
        for i, target in enumerate(targets, 1):
            yield check_one(target, settings, timeout)
            if progress is not None:
                progress(i, total)
        return
    size = chunk_size(total, jobs)
    chunks = -(-total // size)
    workers = min(jobs, chunks)
    # At most `window` chunks handed out, none more than `window` past the chunk of the first
    # election not yet yielded: a slow election holds the others back (for at most its time
    # limit) instead of letting finished results pile up behind it.
    window = IN_FLIGHT * workers
    # No chunk finishing for this long means a worker the alarm cannot reach: every election
    # of a chunk has had its limit, one after the other, and then some.
    overdue = None if not timeout else timeout * size + GRACE_SECONDS
    ready: dict[int, ElectionRun] = {}  # finished before an earlier one: at most window × size
    in_flight: dict[Future[list[ElectionRun]], int] = {}  # the chunk each future checks
    next_out = next_chunk = done = 0
    pool: ProcessPoolExecutor | None = None

    def arrived(first: int, runs: Iterable[ElectionRun]) -> None:
        nonlocal done
        for i, run in enumerate(runs, first):
            ready[i] = run
            done += 1
        if progress is not None:
            progress(done, total)

    try:
        while next_out < total:
            if pool is None:
                pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context())
            while (
                next_chunk < chunks
                and len(in_flight) < window
                and next_chunk < next_out // size + window
            ):
                first = next_chunk * size
                batch = [targets[i] for i in range(first, min(first + size, total))]
                in_flight[pool.submit(_check_chunk, batch, settings, timeout)] = next_chunk
                next_chunk += 1
            finished, _ = wait(in_flight, timeout=overdue, return_when=FIRST_COMPLETED)
            lost: list[int] = []
            if not finished:  # stuck beyond the alarm: kill, then retry each one alone
                _kill_workers(pool)
                lost = list(in_flight.values())
                in_flight.clear()
            for fut in finished:
                chunk = in_flight.pop(fut)  # drop the future: its documents go with `ready`
                try:
                    arrived(chunk * size, fut.result())
                except BrokenProcessPool:  # the others fail too: the pool is done for
                    lost.append(chunk)
            if lost:
                for fut in wait(in_flight).done:  # settled at once in a broken pool
                    chunk = in_flight.pop(fut)
                    if fut.exception() is None:
                        arrived(chunk * size, fut.result())
                    else:
                        lost.append(chunk)
                pool.shutdown(wait=True, cancel_futures=True)
                pool = None
                for chunk in sorted(lost):
                    for i in range(chunk * size, min(chunk * size + size, total)):
                        arrived(i, [_isolated(targets[i], settings, timeout)])
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's processes (SIGKILL: one stuck in the kernel ignores anything milder)."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.kill()


def _isolated(target: Target, settings: Settings, timeout: float | None) -> ElectionRun:
    """Check one election in a process of its own (after a worker died or was stuck)."""
    pool = ProcessPoolExecutor(max_workers=1, mp_context=_context())
    try:
        future = pool.submit(check_one, target, settings, timeout)
        return future.result(timeout=None if not timeout else timeout + GRACE_SECONDS)
    except BrokenProcessPool:
        return _bug(str(target.path), "the process checking this election died")
    except FutureTimeout:
        _kill_workers(pool)
        return _timed_out(str(target.path), timeout or 0)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------------- the report


def entry_json(run: ElectionRun) -> str:
    """One election's JSON entry, its ``check`` document spliced in as ``tally check`` wrote it.

    Equal to ``dumps(entry)`` of the parsed entry: ``check`` is the first key in sorted order,
    and the document's lines are indented one level deeper.
    """
    rest = dumps(run.entry()).rstrip("\n")
    if run.document is None:
        return dumps({"check": None, **run.entry()}).rstrip("\n")
    document = run.document.rstrip("\n").replace("\n", "\n  ")
    return '{\n  "check": ' + document + ",\n" + rest[2:]


@dataclass
class BatchSummary:
    """The counts a batch report ends with."""

    elections: int = 0
    by_exit_code: dict[int, int] = field(default_factory=dict)
    by_outcome: dict[str, int] = field(default_factory=dict)

    def add(self, run: ElectionRun) -> None:
        self.elections += 1
        self.by_exit_code[run.exit_code] = self.by_exit_code.get(run.exit_code, 0) + 1
        key = run.outcome if run.outcome is not None else f"error:{run.error_kind}"
        self.by_outcome[key] = self.by_outcome.get(key, 0) + 1

    order = EXIT_ORDER

    @property
    def exit_code(self) -> int:
        return most_serious(self.by_exit_code)

    def counts(self) -> list[tuple[int, int]]:
        """(exit code, elections) for each code met, most serious first."""
        return [(c, self.by_exit_code[c]) for c in EXIT_ORDER if c in self.by_exit_code]


def json_document(
    runs: Iterable[ElectionRun], settings: Settings, into: BatchSummary
) -> Iterator[str]:
    """The batch's one JSON document, in pieces as the runs arrive (sorted keys, 2 spaces).

    ``elections`` sorts first among the top-level keys, so the entries stream out before the
    summary, which ``into`` collects on the way.
    """
    yield '{\n  "elections": ['
    first = True
    for run in runs:
        into.add(run)
        yield ("\n" if first else ",\n") + "    " + entry_json(run).replace("\n", "\n    ")
        first = False
    yield "\n  ]" if not first else "]"
    tail = {
        "exit_code": into.exit_code,
        "exit_order": list(EXIT_ORDER),
        "fail_on": settings.fail_on,
        "summary": {
            "elections": into.elections,
            "by_exit_code": {str(k): v for k, v in sorted(into.by_exit_code.items())},
            "by_outcome": dict(sorted(into.by_outcome.items())),
        },
        "tool": f"tally {__version__}",
    }
    yield ",\n" + dumps(tail)[2:]
