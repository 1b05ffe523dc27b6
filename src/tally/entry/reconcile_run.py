"""The application side of ``tally reconcile``: a request in (the journals, the decisions
typed with ``--resolve``, where to write), the comparison run, the agreed CSV and the entry
log written, and one result out for the CLI to render (report/reconciliation.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tally.entry.export import Written, ballots_target, write_entry_log
from tally.entry.reconcile import (
    ABSENT,
    Reconciliation,
    default_resolutions,
    load_sources,
    reconcile,
    record_resolution,
    split_resolutions,
)
from tally.entry.session import (
    EntryInputError,
    Marks,
    Sheet,
    check_recorded_head,
    parse_marks,
    write_ballots_csv,
)
from tally.errors import EXIT_OK, EXIT_RULE_FAILED, TallyError, UsageError
from tally.findings import Lang
from tally.i18n import msg
from tally.safefile import refuse_overwrite


@dataclass(frozen=True)
class ReconcileRequest:
    """What ``tally reconcile`` asks for. ``journals`` may hold the resolutions file too."""

    journals: tuple[Path, ...]
    resolves: tuple[str, ...] = ()  # SERIAL=MARKS, as typed
    by: str | None = None
    note: str = ""
    resolutions: Path | None = None
    output: Path | None = None
    log: Path | None = None
    heads: tuple[str, ...] = ()  # the head hashes the board wrote down, one per journal
    force: bool = False
    allow_outside: tuple[Path, ...] = ()


@dataclass(frozen=True)
class ReconcileRun:
    """The comparison (None when a journal no longer ends at its recorded head: nothing was
    compared or written), the head checks as sentences, and the files written."""

    result: Reconciliation | None
    heads: tuple[tuple[bool, str], ...]
    resolutions: Path | None
    written: Path | None
    log: Written | None

    @property
    def exit_code(self) -> int:
        """0 agreed (and written where there is a place to), 1 differences remain or a head
        does not match."""
        if self.result is None or self.result.unsettled:
            return EXIT_RULE_FAILED
        return EXIT_OK


def run_reconcile(request: ReconcileRequest, lang: Lang, now: Callable[[], str]) -> ReconcileRun:
    """Check the heads, record the typed decisions (stamped by ``now``), compare, and write
    the agreed CSV (only when nothing is unsettled) and the entry log."""
    paths, given = split_resolutions(list(request.journals))
    resolutions = request.resolutions
    if given:
        if len(given) > 1 or (resolutions is not None and not resolutions.samefile(given[0])):
            raise UsageError.at(
                msg("usage.resolutions_twice"), given[-1], hint=msg("usage.resolutions_twice.hint")
            )
        resolutions = given[0]
    if len(paths) > 3:
        raise UsageError.at(msg("usage.two_or_three"), hint=msg("usage.two_or_three.hint"))
    sheet = load_sources(paths)[0].sheet
    heads: tuple[tuple[bool, str], ...] = ()
    if request.heads:
        if len(request.heads) != len(paths):
            raise UsageError.at(
                msg("usage.heads", heads=len(request.heads), journals=len(paths)),
                hint=msg("usage.heads.hint"),
            )
        heads = tuple(
            check_recorded_head(p, h, lang) for p, h in zip(paths, request.heads, strict=True)
        )
        if not all(same for same, _ in heads):
            return ReconcileRun(None, heads, None, None, None)
    res_path = resolutions or default_resolutions(paths, sheet)
    if request.resolves:
        if not request.by:
            raise UsageError.at(msg("usage.resolve_by"), hint=msg("usage.resolve_by.hint"))
        result = reconcile(paths, res_path)
        for text in request.resolves:
            serial, marks = parse_resolution(text, sheet, lang)
            try:
                record_resolution(res_path, result, serial, marks, request.by, request.note, now)
            except ValueError:
                raise UsageError.at(msg("usage.resolve_same", serial=serial)) from None
    result = reconcile(paths, res_path)
    target = request.output or _default_output(paths, sheet, request.allow_outside)
    written = None
    if not result.unsettled and target is not None:
        refuse_overwrite(target, request.force)
        write_ballots_csv(result.rows(), target)
        written = target
    log = None
    if request.log is not None:
        resolved = res_path if res_path.exists() else None
        log = write_entry_log(paths, resolved, request.log, lang, force=request.force)
    return ReconcileRun(result, heads, res_path, written, log)


def parse_resolution(text: str, sheet: Sheet, lang: Lang) -> tuple[str, Marks | None]:
    """``17='3 5'`` → ("17", its marks); ``19=absent`` → ("19", None). UsageError otherwise."""
    serial, eq, marks = text.partition("=")
    serial = serial.strip().lstrip("#")
    if not eq or not serial:
        raise UsageError.at(
            msg("usage.resolve_form", text=text), hint=msg("usage.resolve_form.hint")
        )
    if marks.strip().lower() == ABSENT:
        return serial, None
    try:
        return serial, parse_marks(marks, sheet, lang)
    except EntryInputError as exc:
        raise UsageError.at(msg("usage.resolve_marks", serial=serial, detail=str(exc))) from None


def _default_output(
    paths: list[Path], sheet: Sheet, allow_outside: tuple[Path, ...]
) -> Path | None:
    """The round's ballots file of the election whose ``journals/`` folder holds the first
    journal; None when the journals are elsewhere (the CSV is then written only with -o)."""
    from tally.config.loader import load_election

    folder = paths[0].resolve().parent
    if folder.name != "journals" or not (folder.parent / "election.yaml").exists():
        return None
    try:
        loaded = load_election(folder.parent, allow_outside)
    except TallyError:
        return None
    try:
        return ballots_target(loaded, sheet)[0]
    except (KeyError, ValueError):
        return None
