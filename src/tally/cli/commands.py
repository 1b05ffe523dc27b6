"""The commands. Each parses its arguments, calls the core, renders, and returns an exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

import click

from tally.cli.base import (
    BadValue,
    ExistingPath,
    allowed_outside,
    cli,
    election_argument,
    json_option,
    lang_option,
    terminal_environ,
)
from tally.errors import EXIT_OK, EXIT_RULE_FAILED, OptionError, UsageError
from tally.i18n import msg
from tally.kinds import (
    MINUTES_FORMATS,
    MINUTES_VIEWS,
    OUTPUT_FORMATS,
    FailOn,
    MinutesFormat,
    MinutesView,
    OutputFormat,
)

if TYPE_CHECKING:
    from rich.console import Console

    from tally.findings import Lang
    from tally.report.model import CountReport

# click hands a choice over as a str: these give it back as its closed set's member.
_OUTPUT_FORMAT: dict[str, OutputFormat] = {f: f for f in OUTPUT_FORMATS}
_MINUTES_FORMAT: dict[str, MinutesFormat] = {f: f for f in MINUTES_FORMATS}
_MINUTES_VIEW: dict[str, MinutesView] = {v: v for v in MINUTES_VIEWS}
_FAIL_ON: dict[str, FailOn] = {"error": "error", "warning": "warning"}


@contextmanager
def options_refused() -> Iterator[None]:
    """An option the application refuses, shown as click shows a bad option value."""
    try:
        yield
    except OptionError as exc:
        raise BadValue(exc.said, param_hint=exc.option) from None


def console() -> Console:
    from rich.console import Console

    environ = terminal_environ()  # a COLUMNS of "²" is ignored, not a crash
    width = int(environ["COLUMNS"]) if "COLUMNS" in environ else None
    return Console(
        width=width or (None if sys.stdout.isatty() else 100), highlight=False, _environ=environ
    )


def emit_json(doc: object) -> None:
    from tally.report.jsondoc import dumps

    click.echo(dumps(doc), nl=False)


def echo_warnings(report: CountReport, lang: Lang) -> None:
    """The rounds' warnings on stderr, for output that is not the terminal report."""
    from tally.report.text import problem_text

    for contest in report.contests:
        for rd in contest.rounds:
            for w in rd.warnings:
                click.echo(f"{msg('table.warning').text(lang)}: {problem_text(w, lang)}", err=True)


@cli.command()
@election_argument
@lang_option
@json_option
def validate(election: str, lang: Lang, as_json: bool) -> None:
    from tally.app import validate_report
    from tally.config.loader import load_election
    from tally.report.model import validate_exit_code

    report = validate_report(load_election(Path(election), allowed_outside()))
    if as_json:
        from tally.report.jsondoc import validation_doc

        emit_json(validation_doc(report, lang))
    else:
        from tally.report.rich_text import render_validation

        render_validation(console(), report, lang)
    sys.exit(validate_exit_code(report))


@cli.group()
def rules() -> None:
    pass


@rules.command("list")
@lang_option
@json_option
def rules_list(lang: Lang, as_json: bool) -> None:
    from tally.ruleset.loader import iter_builtin, iter_templates

    rulesets = list(iter_builtin())
    templates = list(iter_templates())  # shown apart: starting points, not verified law
    if as_json:
        emit_json(
            [
                {
                    "id": r.id,
                    "title": r.title,
                    "family": r.family,
                    "status": r.status,
                    "extends": r.extends,
                    "current": r.current,
                    "instruments": [i.model_dump(mode="json") for i in r.instruments],
                }
                for r in rulesets + templates
            ]
        )
        return
    from tally.report.rich_text import render_rules_list

    render_rules_list(console(), rulesets, lang, templates)


@rules.command("show")
@click.argument("rule_set")
@lang_option
@json_option
def rules_show(rule_set: str, lang: Lang, as_json: bool) -> None:
    from tally.ruleset.loader import load_ruleset

    rs = load_ruleset(rule_set, Path.cwd())
    if as_json:
        emit_json(rs.model_dump(mode="json"))
        return
    from tally.report.rich_text import render_rules_show

    render_rules_show(console(), rs, lang)


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@lang_option
def schema(output: Path | None, lang: Lang) -> None:
    from tally.config.schema import schema_text

    if output is None:
        click.echo(schema_text(), nl=False)
        return
    from tally.safefile import written_atomically

    with written_atomically(output) as tmp:  # a generated file: refreshed, never half-written
        tmp.write_text(schema_text(), encoding="utf-8", newline="\n")
    click.echo(msg("wrote.file", path=output).text(lang), err=True)


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--rules", "rule_set")
@click.option("--interactive/--no-interactive", default=None)
@lang_option
def init(folder: Path, rule_set: str | None, interactive: bool | None, lang: Lang) -> None:
    if interactive is None:  # asked on a terminal, the template otherwise (scripts, CI)
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if interactive:
        from tally.cli.guided import guided_init

        guided_init(folder, lang, rule_set)
        return
    from tally.config.template import write_template

    written = write_template(folder, rule_set or "qd-190-2024")
    for path in written:
        click.echo(msg("wrote.file", path=path).text(lang), err=True)
    then = msg("init.next", path=folder / "election.yaml", folder=folder)
    click.echo(then.text(lang), err=True)


@cli.command()
@election_argument
@click.option("--contest", "contest_id")
@click.option("--round", "round_no", type=click.IntRange(min=1))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "xlsx"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True)
@lang_option
@json_option
def count(
    election: str,
    contest_id: str | None,
    round_no: int | None,
    fmt: str | None,
    output: Path | None,
    force: bool,
    lang: Lang,
    as_json: bool,
) -> None:
    from tally.app import contest_chosen, count_report
    from tally.config.loader import load_election
    from tally.report.model import count_exit_code

    loaded = load_election(Path(election), allowed_outside())
    with options_refused():
        contest_chosen(loaded, contest_id)
    # A round not entered yet, or no round naming its files, is a vote still due (exit 4), as
    # 'tally check' and 'tally recount' say: the report names the files and how to enter them.
    report = count_report(loaded, contest_id, round_no)
    chosen = _OUTPUT_FORMAT[fmt or ("json" if as_json else "text")]
    if as_json and chosen != "json":
        raise BadValue(msg("usage.json_format"), param_hint="--format")
    if chosen == "xlsx" and output is None:
        raise BadValue(msg("usage.xlsx_file"), param_hint="-o")
    if output is not None and chosen not in ("csv", "xlsx"):
        raise BadValue(msg("usage.o_format"), param_hint="-o")
    if output is not None:
        from tally.safefile import refuse_overwrite

        refuse_overwrite(
            output,
            force,
            msg("write.exists.export"),
            msg("write.exists.export.hint"),
        )
    if chosen != "text":
        echo_warnings(report, lang)
    if chosen == "json":
        from tally.report.jsondoc import count_doc

        emit_json(count_doc(report, lang))
    elif chosen == "csv":
        from tally.report.export import write_csv

        if output is None:
            write_csv(report, sys.stdout)
        else:
            from tally.safefile import written_atomically

            with (
                written_atomically(output) as tmp,
                tmp.open("w", encoding="utf-8", newline="") as f,
            ):
                write_csv(report, f)
            click.echo(msg("wrote.file", path=output).text(lang), err=True)
    elif chosen == "xlsx":
        from tally.report.export import write_xlsx

        assert output is not None
        write_xlsx(report, output, lang)
        click.echo(msg("wrote.file", path=output).text(lang), err=True)
    elif chosen == "text":
        from tally.report.rich_text import render_count

        render_count(console(), report, lang)
    else:
        assert_never(chosen)
    sys.exit(count_exit_code(report))


@cli.command()
@election_argument
@click.option(
    "--fail-on", type=click.Choice(["error", "warning"]), default="error", show_default=True
)
@lang_option
@json_option
def check(election: str, fail_on: str, lang: Lang, as_json: bool) -> None:
    from tally.app import check_report
    from tally.config.loader import load_election
    from tally.report.model import check_exit_code

    report = check_report(load_election(Path(election), allowed_outside()))
    if as_json:
        from tally.report.jsondoc import check_doc

        echo_warnings(report.count, lang)
        emit_json(check_doc(report, lang))
    else:
        from tally.report.rich_text import render_check

        render_check(console(), report, lang)
    sys.exit(check_exit_code(report, _FAIL_ON[fail_on]))


@cli.command()
@election_argument
@click.option("--contest", "contest_id")
@click.option("--round", "round_no", type=click.IntRange(min=1))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["docx", "html", "md"]))
@click.option("--view", type=click.Choice(["paper", "hall"]), default="paper", show_default=True)
@click.option("--rehearsal", is_flag=True)
@click.option("--force", is_flag=True)
@lang_option
def minutes(
    election: str,
    contest_id: str | None,
    round_no: int | None,
    output: Path,
    fmt: str | None,
    view: str,
    rehearsal: bool,
    force: bool,
    lang: Lang,
) -> None:
    from tally.app import MinutesRequest, minutes_documents, minutes_plan
    from tally.config.loader import load_election
    from tally.minutes.write import render_text, write

    loaded = load_election(Path(election), allowed_outside())
    request = MinutesRequest(
        contest_id,
        round_no,
        output,
        _MINUTES_FORMAT[fmt] if fmt else None,
        _MINUTES_VIEW[view],
        rehearsal,
    )
    with options_refused():
        plan = minutes_plan(loaded, request, lang)
    for job, m in minutes_documents(loaded, plan, lang, rehearsal=rehearsal):
        if job.path is None:
            assert plan.fmt != "docx"  # refused by minutes_plan: a .docx cannot go to stdout
            click.echo(render_text(m, plan.fmt, plan.view), nl=False)
            continue
        write(m, plan.fmt, job.path, plan.view, overwrite=force)
        click.echo(msg("wrote.file", path=job.path).text(lang), err=True)
    for cid, pending in plan.skipped:
        hint = msg("cli.hint", text=pending.hint(lang)).text(lang)
        click.echo(f"{cid}: {pending.message(lang)}\n  {hint}", err=True)
    # Bodies appointed by decision have no vote and no counting minutes (issue 16).
    for cid, decision in plan.appointed:
        click.echo(
            msg("minutes.appointed_skipped", contest=cid, decision=decision).text(lang), err=True
        )
    if plan.all_appointed:
        click.echo(msg("minutes.all_appointed").text(lang), err=True)
    sys.exit(plan.exit_code)


@cli.command()
@election_argument
@click.option("--contest", "contest_id")
@click.option("--round", "round_no", type=click.IntRange(min=1))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--paper", type=click.Choice(["a5", "a4"]), default="a5", show_default=True)
@click.option("--copies", type=click.IntRange(min=1, max=10_000))
@click.option("--rehearsal", is_flag=True)
@click.option("--test-deck", is_flag=True)
@click.option("--force", is_flag=True)
@lang_option
def ballots(
    election: str,
    contest_id: str | None,
    round_no: int | None,
    output: Path,
    paper: str,
    copies: int | None,
    rehearsal: bool,
    test_deck: bool,
    force: bool,
    lang: Lang,
) -> None:
    from datetime import datetime

    from tally.config.loader import load_election
    from tally.paper.run import BallotsRequest, print_ballots

    loaded = load_election(Path(election), allowed_outside())
    request = BallotsRequest(
        contest_id,
        round_no,
        output,
        "a4" if paper == "a4" else "a5",
        rehearsal,
        copies,
        test_deck,
        force,
    )
    with options_refused():
        time = datetime.now().astimezone().isoformat(timespec="seconds")
        written = print_ballots(loaded, request, lang, time)
    click.echo(msg("wrote.file", path=written.pdf).text(lang), err=True)
    if written.copies_from is not None:
        click.echo(written.copies_from.text(lang), err=True)
    click.echo(msg("wrote.file", path=written.layout).text(lang), err=True)
    if written.journal is not None:
        click.echo(
            msg("ballot.wrote_deck", ballots=written.ballots, journal=written.journal).text(lang),
            err=True,
        )
    click.echo(msg("ballot.layout_sha", sha=written.sha256).text(lang), err=True)


@cli.command()
@click.argument(
    "election",
    required=False,
    type=ExistingPath(exists=True, file_okay=True, dir_okay=True, path_type=str),
)
@click.option("--fingerprint", "given")
@click.option("--journal", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--head")
@lang_option
@json_option
def verify(
    election: str | None,
    given: str | None,
    journal: Path | None,
    head: str | None,
    lang: Lang,
    as_json: bool,
) -> None:
    if (journal is None) != (head is None):
        raise UsageError.at(msg("usage.journal_head"), hint=msg("usage.journal_head.hint"))
    if (election is None) != (given is None):
        raise UsageError.at(
            msg("usage.election_fingerprint"),
            hint=msg("usage.election_fingerprint.hint"),
        )
    if (journal is None) == (election is None):
        raise UsageError.at(
            msg("usage.verify_one"),
            hint=msg("usage.verify_one.hint"),
        )
    if journal is not None and head is not None:
        from tally.entry.session import check_recorded_head

        same, sentence = check_recorded_head(journal, head, lang)
        if as_json:
            emit_json({"journal": str(journal), "head": head, "match": same, "message": sentence})
        else:
            click.echo(sentence)
        sys.exit(EXIT_OK if same else EXIT_RULE_FAILED)
    assert election is not None and given is not None
    from tally.config.loader import load_election
    from tally.fingerprint import look_up

    check = look_up(load_election(Path(election), allowed_outside()), given)
    if as_json:
        from tally.report.verification import verification_doc

        emit_json(verification_doc(check))
    else:
        from tally.report.verification import verification_text

        click.echo(verification_text(check, lang))
    sys.exit(check.exit_code)
