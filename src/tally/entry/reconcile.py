"""Blind double (or triple) entry: compare journals ballot by ballot.

Each operator enters the same pile into their own journal. The ballots are accepted only
when every journal holds the same marks for the same ballots; every difference is listed
and must be resolved by a named person (looking at the paper ballot) before the agreed
ballots file is written. Resolutions go into their own hash-chained journal, so who decided
what, when, and between which versions, stays on record.

Which ballot is which: by serial when a serial was typed (``#17 3 5``), as on numbered
ballots. Party ballots carry no number (a mark on a secret ballot makes it invalid), so the
serial is usually only the entry order, and one paper skipped or entered twice would move
every later ballot by one: compared by serial, one slip would be dozens of differences. So
when every journal's serials are only entry order, the journals are aligned by their marks
(the least-cost edit alignment: a differing ballot, a missing one and an extra one cost one
each), and a skipped or doubled paper is one difference, with the shifted ballots after it
identical. Each difference is named on the first journal's numbering: ``40`` is its #40,
``39+1`` a ballot the first journal has nothing for, after its #39.

A resolution names the versions it chose between. If a journal changes afterwards (an
operator corrects the ballot), the resolution no longer matches and the difference is shown
again as stale rather than silently settled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tally.ballots.csvfile import Row
from tally.entry.journal import JournalError, JournalWriter, Value, read_journal
from tally.entry.session import Clock, EntryState, Marks, Sheet, replay
from tally.findings import Lang
from tally.i18n import msg

ABSENT = "absent"  # a resolution: this serial is not a ballot (entered by mistake)

# How the journals' ballots are paired: by serial, or (serials only entry order) by marks.
Method = Literal["serial", "marks"]


@dataclass(frozen=True)
class Source:
    """One journal, replayed."""

    label: str
    path: Path
    operators: tuple[str, ...]
    head: str
    state: EntryState

    @property
    def sheet(self) -> Sheet:
        return self.state.sheet


@dataclass(frozen=True)
class Resolution:
    serial: str
    marks: Marks | None  # None: the serial is not a ballot
    by: str
    time: str
    note: str
    versions: dict[str, str]  # journal label → marks as typed ("" = missing there)

    def text(self) -> str:
        return self.marks.text() if self.marks is not None else ABSENT


@dataclass(frozen=True)
class Aligned:
    """One ballot of the pile as each journal has it (or has nothing)."""

    key: str  # the serial, or with alignment a place on the first journal's numbering
    serials: dict[str, str | None]  # journal label → its serial here, None = nothing
    versions: dict[str, Marks | None]  # journal label → its marks, None = nothing

    @property
    def identical(self) -> bool:
        return None not in self.versions.values() and len(set(self.versions.values())) == 1


@dataclass(frozen=True)
class Shift:
    """A journal has nothing where another has a ballot; the ballots after it, shifted."""

    lacking: str  # the journal with nothing here
    having: str  # the journal with the ballot
    serial: str  # the ballot's serial in ``having``
    lacking_run: tuple[str, str] | None  # the identical ballots that follow: first, last serial
    having_run: tuple[str, str] | None  # the same ballots in ``having``


@dataclass(frozen=True)
class Difference:
    serial: str  # the key: resolved as ``--resolve SERIAL=…``
    versions: dict[str, Marks | None]  # journal label → its marks, None = not entered there
    resolution: Resolution | None
    stale: bool  # resolved, but the journals changed since
    serials: dict[str, str | None] | None = None  # journal label → its own serial here
    shifts: tuple[Shift, ...] = ()  # aligned by marks: a ballot one journal skipped or doubled

    @property
    def settled(self) -> bool:
        return self.resolution is not None and not self.stale

    @property
    def kind(self) -> str:
        return "missing" if any(m is None for m in self.versions.values()) else "marks"


@dataclass(frozen=True)
class Segment:
    """A run of identical ballots, or one difference: the alignment, in the pile's order."""

    spans: dict[str, tuple[str, str] | None]  # journal label → first and last serial (None: none)
    difference: Difference | None  # None: the run is identical in every journal
    count: int  # ballots in the run


@dataclass(frozen=True)
class SharedOperator:
    """Two journals entered by the same person: the entry is not blind."""

    first: str
    second: str
    who: str

    def text(self, lang: Lang) -> str:
        return msg(
            "entry.shared_operator", first=self.first, second=self.second, who=self.who
        ).text(lang)


@dataclass(frozen=True)
class Reconciliation:
    sources: tuple[Source, ...]
    serials: tuple[str, ...]  # every key, in the pile's order (serials: natural order)
    agreed: int  # ballots identical in every journal
    differences: tuple[Difference, ...]
    warnings: tuple[SharedOperator, ...]
    method: Method = "serial"
    aligned: tuple[Aligned, ...] = ()
    segments: tuple[Segment, ...] = ()

    @property
    def sheet(self) -> Sheet:
        return self.sources[0].sheet

    @property
    def unsettled(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if not d.settled)

    def rows(self) -> list[Row]:
        """The agreed ballots (after resolutions), in the pile's order; only when all settled.

        Aligned by marks, the serials are the entry order again: 1 … n of the agreed pile.
        """
        if self.unsettled:
            raise ValueError("differences remain")
        resolved = {d.serial: d.resolution for d in self.differences}
        out: list[Row] = []
        for row in self.aligned:
            if row.key in resolved:
                res = resolved[row.key]
                assert res is not None
                if res.marks is None:
                    continue
                marks = res.marks
            else:
                marks = next(m for m in row.versions.values() if m is not None)
            serial = str(len(out) + 1) if self.method == "marks" else row.key
            out.append(marks.row(serial, len(out) + 2))
        return out


def serial_key(serial: str) -> tuple[int, int, str]:
    """Natural order: 2 before 10, numbers before other serials."""
    if serial.isascii() and serial.isdigit() and len(serial) < 30:
        return (0, int(serial), serial)
    return (1, 0, serial)


def _labels(paths: list[Path]) -> list[str]:
    names = [p.name for p in paths]
    return names if len(set(names)) == len(names) else [str(p) for p in paths]


def split_resolutions(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Separate entry journals from resolutions files (so ``journals/*.jsonl`` just works)."""
    journals: list[Path] = []
    resolutions: list[Path] = []
    for path in paths:
        is_res = path.exists() and read_journal(path).header.str_("purpose") == "resolutions"
        (resolutions if is_res else journals).append(path)
    return journals, resolutions


def load_sources(journals: list[Path]) -> tuple[Source, ...]:
    if len(journals) < 2:
        raise JournalError.at(msg("reconcile.too_few"))
    seen: list[Path] = []
    for path in journals:
        if any(path.exists() and p.exists() and path.samefile(p) for p in seen):
            raise JournalError.at(msg("journal.twice"), path, hint=msg("journal.twice.hint"))
        seen.append(path)
    sources: list[Source] = []
    for label, path in zip(_labels(journals), journals, strict=True):
        journal = read_journal(path)
        if journal.header.str_("purpose") == "resolutions":
            raise JournalError.at(
                msg("journal.is_resolutions"), path, hint=msg("journal.is_resolutions.hint")
            )
        sheet = Sheet.from_header(journal.header)
        state = replay(sheet, journal.entries, path)
        sources.append(Source(label, path, tuple(state.operators), journal.head, state))
    first = sources[0]
    for other in sources[1:]:
        if not other.sheet.same_ballot(first.sheet):
            raise JournalError.at(
                msg(
                    "journal.other_ballot",
                    contest=other.sheet.contest,
                    round=other.sheet.round,
                    names=len(other.sheet.candidates),
                    seats=other.sheet.seats,
                    first=first.label,
                    first_contest=first.sheet.contest,
                    first_round=first.sheet.round,
                    first_names=len(first.sheet.candidates),
                    first_seats=first.sheet.seats,
                ),
                other.path,
                1,
                hint=msg("journal.other_ballot.hint"),
            )
    return tuple(sources)


def read_resolutions(path: Path, sheet: Sheet) -> dict[str, Resolution]:
    """The latest resolution of each serial (a later one overrides an earlier one)."""
    journal = read_journal(path)
    header = journal.header
    if header.str_("purpose") != "resolutions":
        raise JournalError.at(msg("journal.not_resolutions"), path, 1)
    if not Sheet.from_header(header).same_ballot(sheet):
        raise JournalError.at(msg("journal.resolutions_other"), path, 1)

    out: dict[str, Resolution] = {}
    for entry in journal.entries[1:]:
        if entry.kind != "resolve":
            continue
        versions = entry.fields.get("versions")
        out[entry.str_("serial")] = Resolution(
            entry.str_("serial"),
            None if entry.fields.get(ABSENT) is True else Marks.of(entry),
            entry.str_("by"),
            entry.time,
            entry.str_("note"),
            dict(versions) if isinstance(versions, dict) else {},
        )
    return out


def _version_text(marks: Marks | None) -> str:
    return marks.text() if marks is not None else ""


def align(a: Sequence[object], b: Sequence[object]) -> list[tuple[int | None, int | None]]:
    """The least-cost edit alignment of two sequences: (i, j) pairs, None where one has nothing.

    A pair of unequal items, an item only in ``a`` and an item only in ``b`` cost one each
    (Levenshtein), so one item missing from ``b`` costs 1 where pairing by position would cost
    one for every later item; a lone differing ballot stays a pair (1 rather than 2). Of
    equally good alignments the one with pairs is taken, then a gap as early as possible, so
    the same journals always give the same alignment.

    Banded: an alignment of cost d never strays more than d from the diagonal, so a band is
    doubled until the cost found fits in it (O((n + m)·d), d the number of slips).
    """
    n, m = len(a), len(b)
    codes: dict[object, int] = {}
    xa = [codes.setdefault(x, len(codes)) for x in a]
    xb = [codes.setdefault(x, len(codes)) for x in b]
    band = abs(n - m) + 8
    while True:
        cost, pairs = _banded(xa, xb, band)
        if cost <= band or band >= max(n, m):
            return pairs
        band *= 2


def _banded(
    a: list[int], b: list[int], band: int
) -> tuple[int, list[tuple[int | None, int | None]]]:
    n, m = len(a), len(b)
    width = 2 * band + 1
    far = n + m + 1  # more than any alignment costs: outside the band
    table = [[far] * width for _ in range(n + 1)]  # table[i][j - i + band]: cost of a[:i], b[:j]
    table[0][band] = 0
    for i in range(n + 1):
        row = table[i]
        above = table[i - 1] if i else row
        for j in range(max(0, i - band), min(m, i + band) + 1):
            k = j - i + band
            if i == 0 and j == 0:
                continue
            best = far
            if i and j:
                best = above[k] + (a[i - 1] != b[j - 1])
            if i and k + 1 < width and above[k + 1] + 1 < best:
                best = above[k + 1] + 1
            if j and k and row[k - 1] + 1 < best:
                best = row[k - 1] + 1
            row[k] = best
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        k = j - i + band
        here = table[i][k]
        if i and j and table[i - 1][k] + (a[i - 1] != b[j - 1]) == here:
            i, j = i - 1, j - 1
            pairs.append((i, j))
        elif i and k + 1 < width and table[i - 1][k + 1] + 1 == here:
            i -= 1
            pairs.append((i, None))
        else:
            j -= 1
            pairs.append((None, j))
    pairs.reverse()
    return table[n][m - n + band], pairs


def _by_serial(sources: tuple[Source, ...]) -> list[Aligned]:
    serials = sorted({s for source in sources for s in source.state.ballots}, key=serial_key)
    return [
        Aligned(
            serial,
            {src.label: serial if serial in src.state.ballots else None for src in sources},
            {src.label: src.state.ballots.get(serial) for src in sources},
        )
        for serial in serials
    ]


def _by_marks(sources: tuple[Source, ...]) -> list[Aligned]:
    """Every other journal aligned with the first; a place is named on the first's numbering."""
    first = sources[0]
    a_serials = list(first.state.ballots)
    a = list(first.state.ballots.values())
    n = len(a)
    matched: list[dict[str, int]] = [{} for _ in range(n)]  # first's ballot → label → index
    extra: list[dict[str, list[int]]] = [{} for _ in range(n + 1)]  # after first's #g
    for src in sources[1:]:
        gap = 0
        for i, j in align(a, list(src.state.ballots.values())):
            if i is None:
                assert j is not None
                extra[gap].setdefault(src.label, []).append(j)
            else:
                gap = i + 1
                if j is not None:
                    matched[i][src.label] = j
    serials = {src.label: list(src.state.ballots) for src in sources}
    marks = {src.label: list(src.state.ballots.values()) for src in sources}
    out: list[Aligned] = []
    for gap in range(n + 1):
        for k in range(max((len(v) for v in extra[gap].values()), default=0)):
            key = str(n + k + 1) if gap == n else f"{gap}+{k + 1}"
            at = {
                src.label: extra[gap][src.label][k]
                if k < len(extra[gap].get(src.label, ()))
                else None
                for src in sources
            }
            out.append(_row(key, at, serials, marks))
        if gap < n:
            at = {src.label: matched[gap].get(src.label) for src in sources}
            at[first.label] = gap
            out.append(_row(a_serials[gap], at, serials, marks))
    return out


def _row(
    key: str,
    at: dict[str, int | None],
    serials: dict[str, list[str]],
    marks: dict[str, list[Marks]],
) -> Aligned:
    return Aligned(
        key,
        {label: None if i is None else serials[label][i] for label, i in at.items()},
        {label: None if i is None else marks[label][i] for label, i in at.items()},
    )


def _shifts(rows: list[Aligned], r: int, first: str) -> tuple[Shift, ...]:
    """Row r, where a journal has nothing: which journal, and what matches after it, shifted.

    Told against the first journal: "B has nothing for A's #40; B's #40–#107 match A's
    #41–#108", or, when the first journal is the one lacking, "A has nothing for B's #40".
    """
    row = rows[r]
    out: list[Shift] = []
    for label, serial in row.serials.items():
        if label == first:
            continue
        pair = (label, first) if serial is None else (first, label)
        lacking, having = pair
        there = row.serials[having]
        if row.serials[lacking] is not None or there is None:
            continue
        run: list[tuple[str, str]] = []
        for later in rows[r + 1 :]:
            mine, theirs = later.serials[lacking], later.serials[having]
            if mine is None and theirs is None:
                continue  # a ballot only a third journal has
            if mine is None or theirs is None or later.versions[lacking] != later.versions[having]:
                break
            run.append((mine, theirs))
        out.append(
            Shift(
                lacking,
                having,
                there,
                (run[0][0], run[-1][0]) if run else None,
                (run[0][1], run[-1][1]) if run else None,
            )
        )
    return tuple(out)


def _segments(
    rows: list[Aligned], differences: dict[str, Difference], labels: list[str]
) -> tuple[Segment, ...]:
    out: list[Segment] = []
    run: list[Aligned] = []

    def close() -> None:
        if run:
            spans: dict[str, tuple[str, str] | None] = {}
            for label in labels:
                mine = [s for s in (x.serials[label] for x in run) if s is not None]
                spans[label] = (mine[0], mine[-1]) if mine else None
            out.append(Segment(spans, None, len(run)))
            run.clear()

    for row in rows:
        diff = differences.get(row.key)
        if diff is None:
            run.append(row)
            continue
        close()
        out.append(
            Segment({k: None if s is None else (s, s) for k, s in row.serials.items()}, diff, 1)
        )
    close()
    return tuple(out)


def shift_text(shift: Shift, name: dict[str, str], lang: Lang) -> str:
    """ "B has nothing for A's #40; B's #40–#107 match A's #41–#108" (journals by ``name``)."""
    lacking, having = name[shift.lacking], name[shift.having]
    text = msg("entry.shift.lacking", lacking=lacking, serial=shift.serial, having=having).text(
        lang
    )
    if shift.lacking_run is None or shift.having_run is None:
        return text
    (l1, l2), (h1, h2) = shift.lacking_run, shift.having_run
    if l1 == l2:
        return text + msg("entry.shift.one", l1=l1, lacking=lacking, h1=h1, having=having).text(
            lang
        )
    return text + msg(
        "entry.shift.range", l1=l1, l2=l2, lacking=lacking, h1=h1, h2=h2, having=having
    ).text(lang)


def method_text(method: Method, lang: Lang) -> str:
    """How the ballots of the journals were paired, in one sentence."""
    if method == "marks":
        return msg("entry.method.entry_order").text(lang)
    return msg("entry.method.typed").text(lang)


def counts_text(result: Reconciliation, lang: Lang) -> str:
    return msg("entry.counts", agreed=result.agreed, n_differences=len(result.differences)).text(
        lang
    )


def method_of(sources: tuple[Source, ...]) -> Method:
    """By marks when every journal's serials are only the entry order; else by serial."""
    return "marks" if all(src.state.entry_order() for src in sources) else "serial"


def compare(sources: tuple[Source, ...], resolutions: dict[str, Resolution]) -> Reconciliation:
    method = method_of(sources)
    rows = _by_marks(sources) if method == "marks" else _by_serial(sources)
    agreed = 0
    differences: list[Difference] = []
    for r, row in enumerate(rows):
        if row.identical:
            agreed += 1
            continue
        versions = row.versions
        res = resolutions.get(row.key)
        stale = res is not None and res.versions != {
            k: _version_text(v) for k, v in versions.items()
        }
        shifts = _shifts(rows, r, sources[0].label) if method == "marks" else ()
        differences.append(Difference(row.key, versions, res, stale, row.serials, shifts))
    warnings: list[SharedOperator] = []
    operators = [set(src.operators) for src in sources]
    for i, a in enumerate(operators):
        for j in range(i + 1, len(operators)):
            if a & operators[j]:
                who = ", ".join(sorted(a & operators[j]))
                warnings.append(SharedOperator(sources[i].label, sources[j].label, who))
    return Reconciliation(
        tuple(sources),
        tuple(row.key for row in rows),
        agreed,
        tuple(differences),
        tuple(warnings),
        method,
        tuple(rows),
        _segments(rows, {d.serial: d for d in differences}, [src.label for src in sources]),
    )


def reconcile(journals: list[Path], resolutions: Path | None = None) -> Reconciliation:
    sources = load_sources(journals)
    found = (
        read_resolutions(resolutions, sources[0].sheet)
        if resolutions is not None and resolutions.exists()
        else {}
    )
    return compare(sources, found)


def default_resolutions(journals: list[Path], sheet: Sheet) -> Path:
    return journals[0].parent / f"{sheet.contest}-r{sheet.round}.resolutions.jsonl"


def record_resolution(
    path: Path,
    result: Reconciliation,
    serial: str,
    marks: Marks | None,
    by: str,
    note: str,
    clock: Clock,
) -> Resolution:
    """Append a resolution (durably) for a serial that differs; ValueError if it does not."""
    diff = next((d for d in result.differences if d.serial == serial), None)
    if diff is None:
        raise ValueError(serial)
    versions = {k: _version_text(v) for k, v in diff.versions.items()}
    fields: dict[str, Value] = {"serial": serial, "by": by, "note": note, "versions": versions}
    if result.method == "marks" and diff.serials is not None:
        # Aligned by marks, each journal's own serial of the ballot decided is on record too.
        fields["serials"] = {k: v or "" for k, v in diff.serials.items()}
    if marks is None:
        fields[ABSENT] = True
    else:
        fields.update(marks.fields())
    if path.exists():
        writer, _ = JournalWriter.resume(path)
    else:
        header = {**result.sheet.header(), "purpose": "resolutions"}
        writer = JournalWriter.create(path, clock(), header)
    with writer:
        entry = writer.append("resolve", clock(), fields)
    return Resolution(serial, marks, by, entry.time, note, versions)
