"""Blind double (or triple) entry: compare journals ballot by ballot, by serial.

Each operator enters the same pile into their own journal. The ballots are accepted only
when every journal holds the same marks for the same serials; every difference is listed
and must be resolved by a named person (looking at the paper ballot) before the agreed
ballots file is written. Resolutions go into their own hash-chained journal, so who decided
what, when, and between which versions, stays on record.

A resolution names the versions it chose between. If a journal changes afterwards (an
operator corrects the ballot), the resolution no longer matches and the difference is shown
again as stale rather than silently settled.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tally.ballots.csvfile import Row
from tally.entry.journal import JournalError, JournalWriter, Value, read_journal
from tally.entry.session import Clock, EntryState, Marks, Sheet, replay

ABSENT = "absent"  # a resolution: this serial is not a ballot (entered by mistake)


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
class Difference:
    serial: str
    versions: dict[str, Marks | None]  # journal label → its marks, None = not entered there
    resolution: Resolution | None
    stale: bool  # resolved, but the journals changed since

    @property
    def settled(self) -> bool:
        return self.resolution is not None and not self.stale

    @property
    def kind(self) -> str:
        return "missing" if any(m is None for m in self.versions.values()) else "marks"


@dataclass(frozen=True)
class Reconciliation:
    sources: tuple[Source, ...]
    serials: tuple[str, ...]  # every serial in any journal, in natural order
    agreed: int  # serials identical in every journal
    differences: tuple[Difference, ...]
    warnings: tuple[str, ...]

    @property
    def sheet(self) -> Sheet:
        return self.sources[0].sheet

    @property
    def unsettled(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if not d.settled)

    def rows(self) -> list[Row]:
        """The agreed ballots (after resolutions), in serial order; only when all settled."""
        if self.unsettled:
            raise ValueError("differences remain")
        resolved = {d.serial: d.resolution for d in self.differences}
        first = self.sources[0].state.ballots
        out: list[Row] = []
        for serial in self.serials:
            if serial in resolved:
                res = resolved[serial]
                assert res is not None
                if res.marks is None:
                    continue
                out.append(res.marks.row(serial, len(out) + 2))
            else:
                out.append(first[serial].row(serial, len(out) + 2))
        return out


def serial_key(serial: str) -> tuple[int, int, str]:
    """Natural order: 2 before 10, numbers before other serials."""
    if serial.isdigit() and len(serial) < 30:
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
        raise JournalError.at("reconcile needs two or three journals of the same ballots")
    seen: list[Path] = []
    for path in journals:
        if any(path.exists() and p.exists() and path.samefile(p) for p in seen):
            raise JournalError.at(
                "the same journal is given twice",
                path,
                hint="give each operator's own journal",
            )
        seen.append(path)
    sources: list[Source] = []
    for label, path in zip(_labels(journals), journals, strict=True):
        journal = read_journal(path)
        if journal.header.str_("purpose") == "resolutions":
            raise JournalError.at(
                "this is a resolutions file, not an entry journal",
                path,
                hint="pass it with --resolutions",
            )
        sheet = Sheet.from_header(journal.header)
        state = replay(sheet, journal.entries, path)
        sources.append(Source(label, path, tuple(state.operators), journal.head, state))
    first = sources[0]
    for other in sources[1:]:
        if not other.sheet.same_ballot(first.sheet):
            raise JournalError.at(
                f"this journal is for contest '{other.sheet.contest}' round {other.sheet.round} "
                f"({len(other.sheet.candidates)} names, {other.sheet.seats} seats); "
                f"{first.label} is for contest '{first.sheet.contest}' round {first.sheet.round} "
                f"({len(first.sheet.candidates)} names, {first.sheet.seats} seats)",
                other.path,
                1,
                hint="reconcile only journals of the same ballot",
            )
    return tuple(sources)


def read_resolutions(path: Path, sheet: Sheet) -> dict[str, Resolution]:
    """The latest resolution of each serial (a later one overrides an earlier one)."""
    journal = read_journal(path)
    header = journal.header
    if header.str_("purpose") != "resolutions":
        raise JournalError.at("not a resolutions file", path, 1)
    if not Sheet.from_header(header).same_ballot(sheet):
        raise JournalError.at("these resolutions are for another ballot", path, 1)
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


def compare(sources: tuple[Source, ...], resolutions: dict[str, Resolution]) -> Reconciliation:
    serials = sorted({s for source in sources for s in source.state.ballots}, key=serial_key)
    agreed = 0
    differences: list[Difference] = []
    for serial in serials:
        versions = {src.label: src.state.ballots.get(serial) for src in sources}
        if len(set(versions.values())) == 1:
            agreed += 1
            continue
        res = resolutions.get(serial)
        stale = res is not None and res.versions != {
            k: _version_text(v) for k, v in versions.items()
        }
        differences.append(Difference(serial, versions, res, stale))
    warnings: list[str] = []
    operators = [set(src.operators) for src in sources]
    for i, a in enumerate(operators):
        for j in range(i + 1, len(operators)):
            if a & operators[j]:
                who = ", ".join(sorted(a & operators[j]))
                warnings.append(
                    f"{sources[i].label} and {sources[j].label} were both entered by {who}: "
                    "blind double entry needs different operators"
                )
    return Reconciliation(
        tuple(sources), tuple(serials), agreed, tuple(differences), tuple(warnings)
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
