"""The commands. Each parses its arguments, calls the core, renders, and returns an exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

import click

from tally.cli.base import (
    BadValue,
    allowed_outside,
    cli,
    election_argument,
    json_option,
    lang_option,
    terminal_environ,
)
from tally.errors import EXIT_OK, EXIT_RULE_FAILED, UsageError
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

    from tally.config.loader import NotEntered
    from tally.findings import Lang
    from tally.report.model import CountReport

# click hands a choice over as a str: these give it back as its closed set's member.
_OUTPUT_FORMAT: dict[str, OutputFormat] = {f: f for f in OUTPUT_FORMATS}
_MINUTES_FORMAT: dict[str, MinutesFormat] = {f: f for f in MINUTES_FORMATS}
_MINUTES_VIEW: dict[str, MinutesView] = {v: v for v in MINUTES_VIEWS}
_FAIL_ON: dict[str, FailOn] = {"error": "error", "warning": "warning"}


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
def schema() -> None:
    from tally.config.schema import election_schema
    from tally.report.jsondoc import dumps

    click.echo(dumps(election_schema()), nl=False)


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--rules", "rule_set", default="qd-190-2024", show_default=True)
@lang_option
def init(folder: Path, rule_set: str, lang: Lang) -> None:
    from tally.config.template import write_template

    written = write_template(folder, rule_set)
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
    from tally.app import count_report
    from tally.config.loader import load_election
    from tally.report.model import count_exit_code

    loaded = load_election(Path(election), allowed_outside())
    ids = [c.id for c in loaded.election.contests]
    if contest_id is not None and contest_id not in ids:
        raise BadValue(
            msg("engine.no_contest", contest=contest_id, known=", ".join(ids)),
            param_hint="--contest",
        )
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
    from tally.app import count_report
    from tally.config.loader import load_election
    from tally.errors import EXIT_NEEDS_VOTE, EXIT_NOT_RECONCILED
    from tally.minutes.write import format_of, minutes_of, rounds_of, write

    loaded = load_election(Path(election), allowed_outside())
    ids = [c.id for c in loaded.election.contests]
    if contest_id is not None and contest_id not in ids:
        raise BadValue(
            msg("engine.no_contest", contest=contest_id, known=", ".join(ids)),
            param_hint="--contest",
        )
    if view == "hall" and fmt not in (None, "html"):
        raise BadValue(msg("usage.hall_html"), param_hint="--view")
    report = count_report(loaded)
    counted = rounds_of(report)
    # Rounds whose ballots are not entered yet have no minutes: asked for, that is exit 4 (a
    # vote still due), with the file to write and how; in a folder run they are named on stderr.
    due = {
        c.id: c.not_entered
        for c in report.contests
        if c.not_entered is not None and c.body != "nomination_poll"
    }
    view_chosen = _MINUTES_VIEW[view]
    chosen: MinutesFormat | None
    jobs: list[tuple[str, int, str, Path]] = []
    skipped: list[tuple[str, NotEntered]] = []
    # Bodies appointed by decision have no vote and no counting minutes (issue 16): said on
    # stderr; asked for one, or a folder of nothing else, that is all there is to do (exit 0).
    appointed = [
        msg("minutes.appointed_skipped", contest=c.id, decision=c.appointed.decision).text(lang)
        for c in report.contests
        if c.appointed is not None and contest_id in (None, c.id)
    ]
    if appointed and (
        contest_id is not None
        or not any(c.appointed is None and c.body != "nomination_poll" for c in report.contests)
    ):
        for line in appointed:
            click.echo(line, err=True)
        if contest_id is None:
            click.echo(msg("minutes.all_appointed").text(lang), err=True)
        sys.exit(EXIT_OK)
    if contest_id is not None:
        mine = [r for r in counted if r[0] == contest_id]
        pending = due.get(contest_id)
        if pending and (round_no == pending.round or (round_no is None and not mine)):
            from tally.errors import Issue, NotEnteredError

            raise NotEnteredError(Issue(pending.message(lang), hint=pending.hint(lang)))
        if not mine:
            raise BadValue(msg("usage.no_counted", contest=contest_id), param_hint="--contest")
        if round_no is None and len(mine) > 1:
            raise BadValue(
                msg("usage.choose_round", contest=contest_id, rounds=len(mine)),
                param_hint="--round",
            )
        pick = [r for r in mine if round_no is None or r[1] == round_no]
        if not pick:
            raise BadValue(
                msg("usage.no_counted_round", contest=contest_id, round=str(round_no)),
                param_hint="--round",
            )
        to_stdout = str(output) == "-"
        chosen = _MINUTES_FORMAT[fmt] if fmt else "md" if to_stdout else format_of(output)
        if to_stdout and chosen == "docx":
            raise BadValue(msg("usage.docx_stdout"), param_hint="--output")
        if chosen is None:
            raise BadValue(msg("usage.minutes_format", name=output.name), param_hint="--output")
        if view == "hall":
            chosen = "html"
        jobs.append((pick[0][0], pick[0][1], pick[0][2], output))
    else:
        chosen = _MINUTES_FORMAT[fmt or ("html" if view == "hall" else "docx")]
        if output.exists() and not output.is_dir():
            raise BadValue(msg("usage.output_folder"), param_hint="--output")
        suffix = "-hall" if view == "hall" else ""
        for cid, rno, outcome in counted:
            if round_no is None or rno == round_no:
                jobs.append((cid, rno, outcome, output / f"{cid}-{rno}{suffix}.{chosen}"))
        skipped = [
            (cid, pending)
            for cid, pending in due.items()
            if round_no is None or pending.round == round_no
        ]
        if skipped and not jobs:
            from tally.errors import Issue, NotEnteredError

            raise NotEnteredError(
                [Issue(f"{cid}: {p.message(lang)}", hint=p.hint(lang)) for cid, p in skipped]
            )
        if not jobs and round_no is None:
            from tally.errors import UsageError

            raise UsageError.at(
                msg("usage.no_minutes"), loaded.path, hint=msg("usage.no_minutes.hint")
            )

        if not jobs:
            raise BadValue(msg("usage.nothing_counted"), param_hint="--round")

    rejected = False
    for cid, rno, outcome, path in jobs:
        m = minutes_of(loaded, report, cid, rno, lang, rehearsal=rehearsal)
        rejected |= outcome == "rejected"
        if str(path) == "-":
            from tally.minutes.write import render_text

            assert chosen != "docx"  # refused above: a .docx cannot go to stdout
            click.echo(render_text(m, chosen, view_chosen), nl=False)
            continue
        write(m, chosen, path, view_chosen, overwrite=force)
        click.echo(msg("wrote.file", path=path).text(lang), err=True)
    if contest_id is None:
        for cid, pending in skipped:
            hint = msg("cli.hint", text=pending.hint(lang)).text(lang)
            click.echo(f"{cid}: {pending.message(lang)}\n  {hint}", err=True)
        for line in appointed:
            click.echo(line, err=True)

    if rejected:
        sys.exit(EXIT_NOT_RECONCILED)
    sys.exit(EXIT_NEEDS_VOTE if contest_id is None and skipped else EXIT_OK)


@cli.command()
@click.argument(
    "election",
    required=False,
    type=click.Path(exists=True, file_okay=True, dir_okay=True, path_type=str),
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
    from tally.fingerprint import group_off, input_digests, matches, round_fingerprints

    loaded = load_election(Path(election), allowed_outside())
    digests = input_digests(loaded)
    rounds = round_fingerprints(loaded)
    found = next((r for r in rounds if matches(r.digest, given)), None)
    ok = found is not None
    # Not a match: a code that differs from one round's in one group only was most likely
    # misread from the paper; say which round's it would be.
    near = [(r, g) for r in rounds if (g := group_off(r.digest, given)) is not None]
    suggestion = near[0] if found is None and len(near) == 1 else None
    if as_json:
        emit_json(
            {
                "match": ok,
                "given": given,
                "contest": found.contest if found else None,
                "round": found.round if found else None,
                "fingerprint": found.digest if found else None,
                "short": found.short if found else None,
                "rounds": [
                    {
                        "contest": r.contest,
                        "round": r.round,
                        "fingerprint": r.digest,
                        "short": r.short,
                        "files": list(r.files),
                    }
                    for r in rounds
                ],
                "suggestion": {
                    "contest": suggestion[0].contest,
                    "round": suggestion[0].round,
                    "short": suggestion[0].short,
                    "group": suggestion[1],
                }
                if suggestion
                else None,
                "inputs": digests,
            }
        )
    elif found is not None:
        click.echo(
            msg(
                "table.verify.matches",
                short=found.short,
                contest=f"{found.name} ({found.contest})" if found.name else found.contest,
                round=found.round,
            ).text(lang)
        )
    else:
        if not rounds:
            say = msg("table.verify.no_rounds", given=given)
        elif len(rounds) == 1:
            say = msg("table.verify.differs.one", given=given)
        else:
            say = msg("table.verify.differs", given=given, n=len(rounds))
        click.echo(say.text(lang))
        for r in rounds:
            line = msg("table.verify.round", short=r.short, contest=r.contest, round=r.round)
            click.echo(f"  {line.text(lang)}")
        if suggestion is not None:
            r, group = suggestion
            hint = msg(
                "table.verify.typo", short=r.short, contest=r.contest, round=r.round, group=group
            )
            click.echo(hint.text(lang))
        click.echo(msg("table.verify.files").text(lang))
        for path, digest in sorted(digests.items()):
            click.echo(f"  {digest[:16]}  {path}")
    sys.exit(EXIT_OK if ok else EXIT_RULE_FAILED)
