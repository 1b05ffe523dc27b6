"""``tally enter`` (ballot entry), ``tally entry export|log`` (the ballots CSV and the entry
log of a journal) and ``tally reconcile``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tally.cli.main import F, allowed_outside, cli, election_argument, json_option, lang_option
from tally.errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_RULE_FAILED, TallyError, UsageError
from tally.i18n import msg
from tally.safefile import refuse_overwrite

if TYPE_CHECKING:
    from tally.config.loader import LoadedElection
    from tally.entry.export import Journal, Written
    from tally.entry.session import EntrySession, Marks, Sheet
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


def _parse_resolution(text: str, sheet: Sheet, lang: Lang) -> tuple[str, Marks | None]:
    from tally.entry.reconcile import ABSENT
    from tally.entry.session import EntryInputError, parse_marks

    serial, eq, marks = text.partition("=")
    serial = serial.strip().lstrip("#")
    if not eq or not serial:
        raise UsageError.at(
            msg("usage.resolve_form", text=text),
            hint=msg("usage.resolve_form.hint"),
        )
    if marks.strip().lower() == ABSENT:
        return serial, None
    try:
        return serial, parse_marks(marks, sheet, lang)
    except EntryInputError as exc:
        raise UsageError.at(msg("usage.resolve_marks", serial=serial, detail=str(exc))) from None


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
    from tally.entry.reconcile import (
        default_resolutions,
        load_sources,
        record_resolution,
        split_resolutions,
    )
    from tally.entry.reconcile import (
        reconcile as run_reconcile,
    )
    from tally.entry.session import write_ballots_csv

    paths, given = split_resolutions(list(journals))
    if given:
        if len(given) > 1 or (resolutions is not None and not resolutions.samefile(given[0])):
            raise UsageError.at(
                msg("usage.resolutions_twice"),
                given[-1],
                hint=msg("usage.resolutions_twice.hint"),
            )
        resolutions = given[0]
    if len(paths) > 3:
        raise UsageError.at(msg("usage.two_or_three"), hint=msg("usage.two_or_three.hint"))
    sources = load_sources(paths)
    sheet = sources[0].sheet
    head_checks: list[tuple[bool, str]] = []
    if heads:
        if len(heads) != len(paths):
            raise UsageError.at(
                msg("usage.heads", heads=len(heads), journals=len(paths)),
                hint=msg("usage.heads.hint"),
            )
        from tally.entry.session import check_recorded_head

        head_checks = [check_recorded_head(p, h, lang) for p, h in zip(paths, heads, strict=True)]
        if not all(same for same, _ in head_checks):
            if as_json:
                from tally.report.jsondoc import dumps

                heads_doc = {"heads": [{"match": m, "message": t} for m, t in head_checks]}
                click.echo(dumps(heads_doc), nl=False)
            else:
                for _, sentence in head_checks:
                    click.echo(sentence)
                click.echo(msg("entry.not_reconciled_head").text(lang))
            sys.exit(EXIT_RULE_FAILED)
    res_path = resolutions or default_resolutions(paths, sheet)
    if resolves:
        if not by:
            raise UsageError.at(msg("usage.resolve_by"), hint=msg("usage.resolve_by.hint"))
        result = run_reconcile(paths, res_path)
        for text in resolves:
            serial, marks = _parse_resolution(text, sheet, lang)
            try:
                record_resolution(res_path, result, serial, marks, by, note, now)
            except ValueError:
                raise UsageError.at(msg("usage.resolve_same", serial=serial)) from None
    result = run_reconcile(paths, res_path)
    target: Path | None = output
    if target is None:
        target = _default_output(paths, sheet)
    written = False
    if not result.unsettled and target is not None:
        refuse_overwrite(target, force)
        write_ballots_csv(result.rows(), target)
        written = True
    if log_file is not None:
        from tally.entry.export import write_entry_log

        resolved = res_path if res_path.exists() else None
        _said(write_entry_log(paths, resolved, log_file, lang, force=force), lang)
    if as_json:
        from tally.report.jsondoc import dumps
        from tally.report.reconciliation import reconciliation_doc

        doc = reconciliation_doc(result, target if written else None, res_path, lang)
        if head_checks:
            doc["heads"] = [{"match": m, "message": t} for m, t in head_checks]
        click.echo(dumps(doc), nl=False)
    else:
        for _, sentence in head_checks:
            click.echo(sentence)
        from tally.report.reconciliation import reconciliation_text

        click.echo(reconciliation_text(result, lang))
        if written and target is not None:
            n = len(result.rows())
            mid = "wrote.agreed.one" if n == 1 else "wrote.agreed"
            click.echo(msg(mid, n=n, path=target).text(lang))
        elif result.unsettled:
            first = result.unsettled[0]
            click.echo(
                msg("entry.unsettled", n_unsettled=len(result.unsettled), serial=first.serial).text(
                    lang
                )
            )
        else:
            click.echo(msg("entry.agreed_no_output").text(lang))
    if result.unsettled:
        sys.exit(EXIT_RULE_FAILED)
    sys.exit(EXIT_OK)


def _default_output(paths: list[Path], sheet: Sheet) -> Path | None:
    folder = paths[0].resolve().parent
    if folder.name != "journals" or not (folder.parent / "election.yaml").exists():
        return None
    from tally.config.loader import load_election

    try:
        loaded = load_election(folder.parent, allowed_outside())
    except TallyError:
        return None
    try:
        from tally.entry.export import ballots_target

        return ballots_target(loaded, sheet)[0]
    except (KeyError, ValueError):
        return None
