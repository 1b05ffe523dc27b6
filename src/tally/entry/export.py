"""What is made from entry journals once the paper is entered: the ballots CSV that
``tally count`` reads, and the printable entry log (Nhật ký nhập phiếu).

The application side of ``tally entry export`` and ``tally entry log`` (and of the old
``tally enter --export`` / ``--log`` flags): each takes a small request, writes its file
and returns what to say. No click, no terminal: the CLI words and prints the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tally import textnorm
from tally.config.loader import LoadedElection
from tally.entry.session import (
    Sheet,
    default_journal,
    load_state,
    namesakes,
    sheet_for,
    write_ballots_csv,
)
from tally.errors import UsageError
from tally.findings import Lang
from tally.i18n import Msg, msg
from tally.safefile import refuse_overwrite


@dataclass(frozen=True)
class JournalRequest:
    """Which journal: a contest's round and either its file or the operator whose it is."""

    contest: str
    round: int
    operator: str | None = None
    journal: Path | None = None


@dataclass(frozen=True)
class Journal:
    """The journal a request names, and notes to show about it (other operators' journals
    whose file names read the same)."""

    sheet: Sheet
    path: Path
    operator: str | None
    notes: tuple[Msg, ...] = ()


@dataclass(frozen=True)
class Written:
    """A file written: what to say about it, and (for a CSV election.yaml does not name yet)
    how to name it there."""

    path: Path
    said: Msg
    then: Msg | None = None


def find_journal(loaded: LoadedElection, request: JournalRequest) -> Journal:
    """The journal of ``request``: ``journal`` as given, else the operator's default one in
    ``journals/``. Without either, a UsageError that says to name the operator."""
    sheet = sheet_for(loaded, request.contest, request.round)
    if request.journal is not None:
        return Journal(sheet, request.journal, request.operator)
    if not request.operator:
        raise UsageError.at(msg("usage.operator"), hint=msg("usage.operator.hint"))
    operator = textnorm.nfc(request.operator.strip())
    path = default_journal(loaded, sheet, operator)
    notes: tuple[Msg, ...] = ()
    if not path.exists():
        notes = tuple(
            msg(
                "entry.namesake", name=other.name, owner=owner, operator=operator, journal=path.name
            )
            for other, owner in namesakes(path, operator)
        )
    return Journal(sheet, path, operator, notes)


def ballots_target(loaded: LoadedElection, sheet: Sheet) -> tuple[Path, bool]:
    """Where a round's ballots CSV goes, and whether election.yaml names it: the path it
    names, else ``ballots/<contest>-<round>.csv``."""
    contest = loaded.election.contest(sheet.contest)
    if sheet.round <= len(contest.rounds):
        named = contest.rounds[sheet.round - 1].ballots
        if named:
            return loaded.data_file(named), True
    return loaded.folder / "ballots" / f"{sheet.contest}-{sheet.round}.csv", False


def export_ballots(
    loaded: LoadedElection, journal: Journal, output: Path | None, *, force: bool
) -> Written:
    """Write the journal's ballots as the round's CSV (``output``, else the file election.yaml
    names, else a default one to name there). Refuses a journal of another ballot, and an
    existing file without ``force``."""
    state, _ = load_state(journal.path)
    sheet = journal.sheet
    if not state.sheet.same_ballot(sheet):
        raise UsageError.at(
            msg("usage.journal_for", contest=state.sheet.contest, round=state.sheet.round),
            journal.path,
            1,
        )
    target, named = (output, True) if output is not None else ballots_target(loaded, sheet)
    refuse_overwrite(target, force)
    n = write_ballots_csv(list(state.rows()), target)
    said = msg("wrote.ballots.one" if n == 1 else "wrote.ballots", n=n, path=target)
    then = None
    if not named:
        then = msg(
            "entry.add_ballots_hint",
            path=target.relative_to(loaded.folder).as_posix(),
            round_no=sheet.round,
            contest_id=sheet.contest,
        )
    return Written(target, said, then)


def write_entry_log(
    journals: list[Path], resolutions: Path | None, output: Path, lang: Lang, *, force: bool
) -> Written:
    """Verify the journals (and the resolutions file) and write their entry log, as HTML or
    Markdown by the extension of ``output``, in ``lang``."""
    from tally.entry.log import build_log, write_log

    refuse_overwrite(output, force)
    write_log(build_log(journals, resolutions), output, lang)
    return Written(output, msg("wrote.entry_log", path=output))
