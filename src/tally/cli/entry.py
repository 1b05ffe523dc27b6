"""``tally enter`` (ballot entry, its export and its log) and ``tally reconcile``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tally import textnorm
from tally.cli.base import allowed_outside, cli, election_argument, json_option, lang_option
from tally.errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_RULE_FAILED, TallyError, UsageError
from tally.i18n import msg
from tally.safefile import refuse_overwrite

if TYPE_CHECKING:
    from tally.config.loader import LoadedElection
    from tally.entry.reconcile import Reconciliation
    from tally.entry.session import EntrySession, Marks, Sheet
    from tally.findings import Lang


def now() -> str:
    """The wall-clock time entries are stamped with (local time with its UTC offset)."""
    from datetime import datetime  # entry only: not imported by `tally --help` or `count`

    return datetime.now().astimezone().isoformat(timespec="seconds")


def _ballots_target(loaded: LoadedElection, sheet: Sheet) -> tuple[Path, bool]:
    """Where the round's ballots CSV goes: the path election.yaml names, else a default."""
    contest = loaded.election.contest(sheet.contest)
    if sheet.round <= len(contest.rounds):
        named = contest.rounds[sheet.round - 1].ballots
        if named:
            return loaded.data_file(named), True
    return loaded.folder / "ballots" / f"{sheet.contest}-{sheet.round}.csv", False


def _write_log(
    journals: list[Path], resolutions: Path | None, out: Path, lang: Lang, force: bool
) -> None:
    from tally.entry.log import build_log, write_log

    refuse_overwrite(out, force)
    write_log(build_log(journals, resolutions), out, lang)
    click.echo(msg("wrote.entry_log", path=out).text(lang), err=True)


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


@cli.command()
@election_argument
@click.option("--contest", "contest_id", required=True)
@click.option("--round", "round_no", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--operator")
@click.option("--journal", type=click.Path(dir_okay=False, path_type=Path))
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
    from tally.config.loader import load_election
    from tally.entry.session import (
        EntrySession,
        default_journal,
        load_state,
        namesakes,
        sheet_for,
        write_ballots_csv,
    )

    loaded = load_election(Path(election), allowed_outside())
    sheet = sheet_for(loaded, contest_id, round_no)
    if journal is None:
        if not operator:
            raise UsageError.at(
                msg("usage.operator"),
                hint=msg("usage.operator.hint"),
            )
        operator = textnorm.nfc(operator.strip())
        journal = default_journal(loaded, sheet, operator)
        if not journal.exists():
            for other, owner in namesakes(journal, operator):
                click.echo(
                    msg(
                        "entry.namesake",
                        name=other.name,
                        owner=owner,
                        operator=operator,
                        journal=journal.name,
                    ).text(lang),
                    err=True,
                )
    if output is not None and not export:
        raise UsageError.at(msg("usage.o_export"), hint=msg("usage.o_export.hint"))
    if export or log_file is not None:
        if export:
            state, _ = load_state(journal)
            if not state.sheet.same_ballot(sheet):
                raise UsageError.at(
                    msg("usage.journal_for", contest=state.sheet.contest, round=state.sheet.round),
                    journal,
                    1,
                )
            target, named = (output, True) if output is not None else _ballots_target(loaded, sheet)
            refuse_overwrite(target, force)
            n = write_ballots_csv(list(state.rows()), target)
            wrote = msg("wrote.ballots.one" if n == 1 else "wrote.ballots", n=n, path=target)
            click.echo(wrote.text(lang), err=True)
            if not named:
                click.echo(
                    msg(
                        "entry.add_ballots_hint",
                        path=target.relative_to(loaded.folder).as_posix(),
                        round_no=round_no,
                        contest_id=contest_id,
                    ).text(lang),
                    err=True,
                )
        if log_file is not None:
            _write_log([journal], None, log_file, lang, force)
        sys.exit(EXIT_OK)
    if not operator:
        raise UsageError.at(msg("usage.operator_enter"), hint=msg("usage.operator_enter.hint"))
    session = EntrySession.open(journal, sheet, operator, now, lang)
    try:
        click.echo(msg("entry.journal", journal=journal).text(lang), err=True)
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


def render_reconciliation(result: Reconciliation, lang: Lang) -> str:
    from tally.entry.reconcile import counts_text, method_text, shift_text

    sheet = result.sheet
    letters = "ABCDEFGHIJ"
    lines = [
        msg("entry.reconciling_journals", n_sources=len(result.sources)).text(lang)
        + f" — {sheet.title} ({sheet.contest}), "
        + msg("entry.round", round=sheet.round).text(lang),
    ]
    for letter, src in zip(letters, result.sources, strict=False):
        lines.append(
            f"  {letter}  {src.label}  {', '.join(src.operators) or '—'}  "
            + msg("entry.ballots", n_ballots=len(src.state.ballots)).text(lang)
            + f"  {msg('entry.head').text(lang)} {src.head[:16]}"
        )
    label_of = {src.label: letter for letter, src in zip(letters, result.sources, strict=False)}
    lines.append(method_text(result.method, lang))
    lines.append(counts_text(result, lang))
    missing = msg("entry.missing").text(lang)
    for diff in result.differences:
        versions = "   ".join(
            f"{label_of[k]}: {v.text() if v is not None else missing}"
            for k, v in diff.versions.items()
        )
        line = f"  #{diff.serial}  {versions}"
        res = diff.resolution
        if res is not None and not diff.stale:
            chosen = (
                res.marks.text() if res.marks is not None else msg("entry.not_ballot").text(lang)
            )
            line += "  → " + msg("entry.resolved_by", by=res.by, chosen=chosen).text(lang)
        elif res is not None:
            line += "  → " + msg("entry.resolution_stale", by=res.by).text(lang)
        lines.append(line)
        lines += [f"        {shift_text(shift, label_of, lang)}" for shift in diff.shifts]
    for warning in result.warnings:
        lines.append(msg("entry.warning").text(lang) + warning.text(lang))
    return "\n".join(lines)


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
        _write_log(paths, res_path if res_path.exists() else None, log_file, lang, force)
    if as_json:
        from tally.report.jsondoc import dumps

        doc = _reconcile_doc(result, target if written else None, res_path, lang)
        if head_checks:
            doc["heads"] = [{"match": m, "message": t} for m, t in head_checks]
        click.echo(dumps(doc), nl=False)
    else:
        for _, sentence in head_checks:
            click.echo(sentence)
        click.echo(render_reconciliation(result, lang))
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
        return _ballots_target(loaded, sheet)[0]
    except (KeyError, ValueError):
        return None


def _reconcile_doc(
    result: Reconciliation, written: Path | None, res_path: Path, lang: Lang
) -> dict[str, object]:
    from tally.entry.reconcile import ABSENT

    def marks(m: object) -> str | None:
        from tally.entry.session import Marks

        return m.text() if isinstance(m, Marks) else None

    return {
        "contest": result.sheet.contest,
        "round": result.sheet.round,
        "journals": [
            {
                "path": str(s.path),
                "label": s.label,
                "operators": list(s.operators),
                "ballots": len(s.state.ballots),
                "head": s.head,
            }
            for s in result.sources
        ],
        "ballots": len(result.serials),
        "identical": result.agreed,
        "aligned_by": result.method,
        "alignment": [
            {
                "identical": seg.count if seg.difference is None else 0,
                "difference": None if seg.difference is None else seg.difference.serial,
                "serials": {k: list(v) if v is not None else None for k, v in seg.spans.items()},
            }
            for seg in result.segments
        ],
        "differences": [
            {
                "serial": d.serial,
                "kind": d.kind,
                "serials": d.serials,
                "shifts": [
                    {
                        "lacking": x.lacking,
                        "having": x.having,
                        "serial": x.serial,
                        "then": None
                        if x.lacking_run is None or x.having_run is None
                        else {x.lacking: list(x.lacking_run), x.having: list(x.having_run)},
                    }
                    for x in d.shifts
                ],
                "versions": {k: marks(v) for k, v in d.versions.items()},
                "resolution": None
                if d.resolution is None
                else {
                    "marks": d.resolution.marks.text()
                    if d.resolution.marks is not None
                    else ABSENT,
                    "by": d.resolution.by,
                    "time": d.resolution.time,
                    "note": d.resolution.note,
                    "stale": d.stale,
                },
            }
            for d in result.differences
        ],
        "unresolved": len(result.unsettled),
        "resolutions": str(res_path) if res_path.exists() else None,
        "written": str(written) if written is not None else None,
        "warnings": [w.text(lang) for w in result.warnings],
    }
