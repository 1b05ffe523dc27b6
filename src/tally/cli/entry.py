"""``tally enter`` (ballot entry), ``tally entry export|log`` (the ballots CSV and the entry
log of a journal) and ``tally reconcile``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tally.cli.base import F, allowed_outside, cli, election_argument, json_option, lang_option
from tally.errors import EXIT_BAD_INPUT, EXIT_OK, UsageError
from tally.i18n import msg

if TYPE_CHECKING:
    from tally.config.loader import LoadedElection
    from tally.entry.export import Journal, Written
    from tally.entry.session import EntrySession, Sheet
    from tally.findings import Lang


def now() -> str:
    """The wall-clock time entries are stamped with (local time with its UTC offset)."""
    from datetime import datetime  # entry only: not imported by `tally --help` or `count`

    return datetime.now().astimezone().isoformat(timespec="seconds")


def sheet_banner(sheet: Sheet, lang: Lang) -> str:
    """The ballot as printed, for the line mode: one line per name."""
    layout = (
        msg("entry.strike_out_names").text(lang)
        if sheet.layout == "strike"
        else msg("entry.agree_disagree").text(lang)
    )
    lines = [
        sheet.election,
        f"{sheet.title} ({sheet.contest}) — "
        + msg("entry.round_seats", round=sheet.round, seats=sheet.seats, layout=layout).text(lang),
    ]
    width = len(str(len(sheet.names)))
    lines += [f"  {i:>{width}}. {name}" for i, name in enumerate(sheet.names, start=1)]
    return "\n".join(lines)


def _counts(session: EntrySession) -> str:
    lang = session.lang
    tally = session.state.tally()
    of = session.sheet.collected or session.sheet.issued
    entered = f"{tally.collected}/{of}" if of is not None else str(tally.collected)
    return msg(
        "entry.plain_counts", entered=entered, valid=tally.valid, invalid_total=tally.invalid_total
    ).text(lang)


def run_plain(session: EntrySession) -> int:
    """The line mode: one typed line in, one line out (after the journal has it on disk)."""
    lang = session.lang
    state = session.state
    click.echo(sheet_banner(session.sheet, lang), err=True)
    if session.resumed:
        last = state.last
        click.echo(
            msg("entry.plain_resumed", n_ballots=len(state.ballots)).text(lang)
            + (f", {msg('entry.last').text(lang)} #{last[0]} ({last[1].text()})" if last else ""),
            err=True,
        )
    if note := session.torn_note():
        click.echo(note, err=True)
    interactive = sys.stdin.isatty()
    session.confirm_invalid = interactive  # a script's next line is never taken as a retype
    while True:
        if interactive:
            click.echo(f"#{state.next_serial()}> ", nl=False, err=True)
        line = sys.stdin.readline()
        if not line:  # end of input: stop cleanly
            outcome = session.submit(":quit")
            click.echo(outcome.message)
            _summary(session)
            return EXIT_OK
        try:
            outcome = session.submit(line.rstrip("\r\n"))
        except OSError as exc:  # disk full, USB stick pulled: nothing was confirmed
            click.echo("✗ " + msg("entry.write_failed", reason=exc.strerror or str(exc)).text(lang))
            if session.writer.broken is not None:
                return EXIT_BAD_INPUT
            continue
        mark = {"refused": "✗ ", "confirm": "? "}.get(outcome.status, "")
        tail = f" {_counts(session)}" if outcome.status == "committed" else ""
        if (
            outcome.status == "done"
            and state.tally_shown
            and outcome.entry is not None
            and outcome.entry.kind == "show_tally"
        ):
            tally = state.tally()
            tail = "\n" + "\n".join(
                f"  {i}. {name}: {votes}"
                for i, (name, votes) in enumerate(
                    zip(session.sheet.names, tally.votes, strict=True), start=1
                )
            )
        click.echo(f"{mark}{outcome.message}{tail}")
        if outcome.status == "committed" and (warning := session.excess()):
            click.echo(warning, err=True)
        if outcome.status == "quit":
            _summary(session)
            return EXIT_OK


def _summary(session: EntrySession, err: bool = False) -> None:
    """Every run ends with the figures entered, a warning if they differ from paper, and the
    journal's head to write down (stdout in plain mode; stderr after the app)."""
    line, warning = session.summary()
    click.echo(line, err=err)
    if warning:
        click.echo(warning, err=True)
    click.echo(session.head_note(), err=True)


def journal_options(f: F) -> F:
    """The options that name a round's journal: ``tally enter`` and ``tally entry …``."""
    for option in reversed(
        [
            click.option("--contest", "contest_id", required=True),
            click.option(
                "--round", "round_no", type=click.IntRange(min=1), default=1, show_default=True
            ),
            click.option("--operator"),
            click.option("--journal", type=click.Path(dir_okay=False, path_type=Path)),
        ]
    ):
        f = option(f)
    return f


def _journal(
    election: str,
    contest_id: str,
    round_no: int,
    operator: str | None,
    journal: Path | None,
    lang: Lang,
) -> tuple[LoadedElection, Journal]:
    """The election and the journal the options name; notes about namesakes on stderr."""
    from tally.config.loader import load_election
    from tally.entry.export import JournalRequest, find_journal

    loaded = load_election(Path(election), allowed_outside())
    found = find_journal(loaded, JournalRequest(contest_id, round_no, operator, journal))
    for note in found.notes:
        click.echo(note.text(lang), err=True)
    return loaded, found


def _said(written: Written, lang: Lang) -> None:
    click.echo(written.said.text(lang), err=True)
    if written.then is not None:
        click.echo(written.then.text(lang), err=True)


@cli.command()
@election_argument
@journal_options
@click.option("--plain", is_flag=True)
@click.option("--export", "export", is_flag=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--log", "log_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True)
@lang_option
def enter(
    election: str,
    contest_id: str,
    round_no: int,
    operator: str | None,
    journal: Path | None,
    plain: bool,
    export: bool,
    output: Path | None,
    log_file: Path | None,
    force: bool,
    lang: Lang,
) -> None:
    from tally.entry.session import EntrySession

    loaded, found = _journal(election, contest_id, round_no, operator, journal, lang)
    if output is not None and not export:
        raise UsageError.at(msg("usage.o_export"), hint=msg("usage.o_export.hint"))
    if export or log_file is not None:
        # The old spelling of 'tally entry export' and 'tally entry log': still works.
        from tally.entry.export import export_ballots, write_entry_log

        if export:
            click.echo(msg("cli.deprecated.export").text(lang), err=True)
            _said(export_ballots(loaded, found, output, force=force), lang)
        if log_file is not None:
            click.echo(msg("cli.deprecated.log").text(lang), err=True)
            _said(write_entry_log([found.path], None, log_file, lang, force=force), lang)
        sys.exit(EXIT_OK)
    if not found.operator:
        raise UsageError.at(msg("usage.operator_enter"), hint=msg("usage.operator_enter.hint"))
    session = EntrySession.open(found.path, found.sheet, found.operator, now, lang)
    try:
        click.echo(msg("entry.journal", journal=found.path).text(lang), err=True)
        if plain or not (sys.stdin.isatty() and sys.stdout.isatty()):
            code = run_plain(session)
        else:
            from tally.tui.app import run_app

            run_app(session)
            _summary(session, err=True)  # left on the terminal once the app has closed
            code = EXIT_OK
    except KeyboardInterrupt:
        if session.writer.broken is None:
            session.submit(":quit")
        code = 130
    finally:
        session.close()
    sys.exit(code)


@cli.group()
def entry() -> None:
    pass


@entry.command("export")
@election_argument
@journal_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True)
@lang_option
def entry_export(
    election: str,
    contest_id: str,
    round_no: int,
    operator: str | None,
    journal: Path | None,
    output: Path | None,
    force: bool,
    lang: Lang,
) -> None:
    from tally.entry.export import export_ballots

    loaded, found = _journal(election, contest_id, round_no, operator, journal, lang)
    _said(export_ballots(loaded, found, output, force=force), lang)
    sys.exit(EXIT_OK)


@entry.command("log")
@election_argument
@journal_options
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True)
@lang_option
def entry_log(
    election: str,
    contest_id: str,
    round_no: int,
    operator: str | None,
    journal: Path | None,
    output: Path,
    force: bool,
    lang: Lang,
) -> None:
    from tally.entry.export import write_entry_log

    _, found = _journal(election, contest_id, round_no, operator, journal, lang)
    _said(write_entry_log([found.path], None, output, lang, force=force), lang)
    sys.exit(EXIT_OK)


@cli.command()
@click.argument(
    "journals", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path)
)
@click.option("--resolve", "resolves", multiple=True, metavar="SERIAL=MARKS")
@click.option("--by", "by")
@click.option("--note", default="")
@click.option("--resolutions", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--log", "log_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--head", "heads", multiple=True, metavar="HASH")
@click.option("--force", is_flag=True)
@lang_option
@json_option
def reconcile(
    journals: tuple[Path, ...],
    resolves: tuple[str, ...],
    by: str | None,
    note: str,
    resolutions: Path | None,
    output: Path | None,
    log_file: Path | None,
    heads: tuple[str, ...],
    force: bool,
    lang: Lang,
    as_json: bool,
) -> None:
    from tally.entry.reconcile_run import ReconcileRequest, run_reconcile

    request = ReconcileRequest(
        journals, resolves, by, note, resolutions, output, log_file, heads, force, allowed_outside()
    )
    run = run_reconcile(request, lang, now)
    if run.log is not None:
        _said(run.log, lang)
    if as_json:
        from tally.cli.commands import emit_json
        from tally.report.reconciliation import reconciliation_doc

        emit_json(reconciliation_doc(run, lang))
    else:
        from tally.report.reconciliation import reconciliation_text

        click.echo(reconciliation_text(run, lang))
    sys.exit(run.exit_code)
