"""The commands. Each parses its arguments, calls the core, renders, and returns an exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

import click

from tally.cli.main import (
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
    """Check the election list and electorate before the vote.

    Prints each contest's ballot layout, majority base and threshold, and every rule the
    lists break (surplus, the committee's slate, floor nominees' support, who may stand).
    Exit 0 fine, 1 a rule is broken, 2 bad input.
    """
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
    """The rule sets: built-in regulations with their citations and provenance."""


@rules.command("list")
@lang_option
@json_option
def rules_list(lang: Lang, as_json: bool) -> None:
    """List the built-in rule sets."""
    from tally.ruleset.loader import iter_builtin

    rulesets = list(iter_builtin())
    if as_json:
        emit_json(
            [
                {
                    "id": r.id,
                    "title": r.title,
                    "family": r.family,
                    "instruments": [i.model_dump(mode="json") for i in r.instruments],
                }
                for r in rulesets
            ]
        )
        return
    from tally.report.rich_text import render_rules_list

    render_rules_list(console(), rulesets, lang)


@rules.command("show")
@click.argument("rule_set")
@lang_option
@json_option
def rules_show(rule_set: str, lang: Lang, as_json: bool) -> None:
    """Show every parameter of RULE_SET (a built-in id or a rules YAML path).

    Each parameter carries its citation and provenance: V verified in the text, S verified
    from a secondary source, I inferred, U an unverified default.
    """
    from tally.ruleset.loader import load_ruleset

    rs = load_ruleset(rule_set, Path.cwd())
    if as_json:
        emit_json(rs.model_dump(mode="json"))
        return
    from tally.report.rich_text import render_rules_show

    render_rules_show(console(), rs, lang)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of election.yaml (for editors: yaml-language-server)."""
    from tally.config.schema import election_schema
    from tally.report.jsondoc import dumps

    click.echo(dumps(election_schema()), nl=False)


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--rules",
    "rule_set",
    default="qd-190-2024",
    show_default=True,
    help="Rule set id written into the new election.yaml.",
)
def init(folder: Path, rule_set: str) -> None:
    """Create FOLDER with a ready-to-edit election.yaml (comments in Vietnamese)."""
    from tally.config.template import write_template

    written = write_template(folder, rule_set)
    for path in written:
        click.echo(f"wrote {path}", err=True)
    click.echo(
        f"Next: edit {folder / 'election.yaml'}, then run 'tally validate {folder}'.", err=True
    )


@cli.command()
@election_argument
@click.option("--contest", "contest_id", help="Count only this contest (its id).")
@click.option("--round", "round_no", type=click.IntRange(min=1), help="Count rounds up to N only.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv", "xlsx"]),
    help="text (default), json (as --json), csv (one row per candidate and round) or xlsx "
    "(one sheet per contest, as boards keep them; needs -o).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the csv/xlsx export to this file instead of stdout.",
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
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
    """Count the ballots and decide who is elected.

    For each contest and round: the base and threshold, ballots issued, collected, valid and
    invalid by reason, votes and % of the base per candidate, the elected, and the outcome.
    Exit 0 all decided · 3 the figures do not reconcile · 4 a tie or open seats need a vote,
    or a round's ballots are not entered yet (its file is named but not written: the report
    says which file and how to enter it).
    """
    from tally.app import count_report
    from tally.config.loader import load_election
    from tally.report.model import count_exit_code

    loaded = load_election(Path(election), allowed_outside())
    ids = [c.id for c in loaded.election.contests]
    if contest_id is not None and contest_id not in ids:
        raise click.BadParameter(
            f"no contest '{contest_id}' (contests: {', '.join(ids)})", param_hint="--contest"
        )
    # A round not entered yet, or no round naming its files, is a vote still due (exit 4), as
    # 'tally check' and 'tally recount' say: the report names the files and how to enter them.
    report = count_report(loaded, contest_id, round_no)
    chosen = _OUTPUT_FORMAT[fmt or ("json" if as_json else "text")]
    if as_json and chosen != "json":
        raise click.BadParameter("--json and --format disagree", param_hint="--format")
    if chosen == "xlsx" and output is None:
        raise click.BadParameter("an xlsx export needs a file: -o result.xlsx", param_hint="-o")
    if output is not None and chosen not in ("csv", "xlsx"):
        raise click.BadParameter("-o is for --format csv or xlsx", param_hint="-o")
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
            click.echo(f"wrote {output}", err=True)
    elif chosen == "xlsx":
        from tally.report.export import write_xlsx

        assert output is not None
        write_xlsx(report, output, lang)
        click.echo(f"wrote {output}", err=True)
    elif chosen == "text":
        from tally.report.rich_text import render_count

        render_count(console(), report, lang)
    else:
        assert_never(chosen)
    sys.exit(count_exit_code(report))


@cli.command()
@election_argument
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    default="error",
    show_default=True,
    help="Exit 1 on errors only, or on warnings too (for CI on sample elections).",
)
@lang_option
@json_option
def check(election: str, fail_on: str, lang: Lang, as_json: bool) -> None:
    """Count, then check the result against the rules and the approved personnel plan.

    Findings, grouped by body: planned seats (seats_mismatch), structure targets
    (structure_short: who passed the threshold and would close the gap), planned post-holders
    not elected (post_not_elected: the next election pauses), elected off the plan
    (off_plan_elected), the chain committee → standing committee → secretary
    (chain_violation), age cut-offs (age_limit), and the list rules of 'tally validate'.
    Exit 0 no error · 1 an error (or a warning with --fail-on warning) · 2 bad input ·
    3 the figures do not reconcile · 4 a tie or open seats need a vote, or ballots are not
    entered yet.
    """
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
@click.option("--contest", "contest_id", help="The contest (its id); without it, every contest.")
@click.option("--round", "round_no", type=click.IntRange(min=1), help="The round (1 is the first).")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="The file (with --contest) or the folder to write into.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "html", "md"]),
    help="The format; by default from the file's extension, or docx for a folder.",
)
@click.option(
    "--view",
    type=click.Choice(["paper", "hall"]),
    default="paper",
    show_default=True,
    help="html only: the printable minutes, or a large-type view to project in the hall.",
)
@click.option("--rehearsal", is_flag=True, help="Mark every page DIỄN TẬP (a drill).")
@click.option("--force", is_flag=True, help="Replace files that already exist.")
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
    """Write the minutes of the count (biên bản kiểm phiếu): DOCX, HTML or Markdown.

    With --contest, one document for that contest and round (--round is needed when the
    contest had more than one); without it, one document per contest and round into the
    folder OUTPUT, named CONTEST-ROUND.EXT. '-o -' prints Markdown (or HTML) to stdout. Each document carries the tool version, the rule
    set and the fingerprint of the inputs ('tally verify' checks it). Existing files are
    never replaced without --force. Exit 0 written · 2 bad input · 3 a round's figures do
    not reconcile (its minutes say so and must not be signed) · 4 the round's ballots are not
    entered yet (without --contest: the others are written, those rounds named).
    """
    from tally.app import count_report
    from tally.config.loader import load_election
    from tally.errors import EXIT_NEEDS_VOTE, EXIT_NOT_RECONCILED
    from tally.fingerprint import fingerprint
    from tally.minutes.write import format_of, minutes_of, rounds_of, write

    loaded = load_election(Path(election), allowed_outside())
    ids = [c.id for c in loaded.election.contests]
    if contest_id is not None and contest_id not in ids:
        raise click.BadParameter(
            f"no contest '{contest_id}' (contests: {', '.join(ids)})", param_hint="--contest"
        )
    if view == "hall" and fmt not in (None, "html"):
        raise click.BadParameter("the hall view is HTML only", param_hint="--view")
    report = count_report(loaded)
    full = fingerprint(dict(report.inputs))
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
    if contest_id is not None:
        mine = [r for r in counted if r[0] == contest_id]
        pending = due.get(contest_id)
        if pending and (round_no == pending.round or (round_no is None and not mine)):
            from tally.errors import Issue, NotEnteredError

            raise NotEnteredError(Issue(pending.message(lang), hint=pending.hint(lang)))
        if not mine:
            raise click.BadParameter(
                f"contest '{contest_id}' has no counted round yet", param_hint="--contest"
            )
        if round_no is None and len(mine) > 1:
            raise click.BadParameter(
                f"contest '{contest_id}' has {len(mine)} rounds: choose one with --round",
                param_hint="--round",
            )
        pick = [r for r in mine if round_no is None or r[1] == round_no]
        if not pick:
            raise click.BadParameter(
                f"contest '{contest_id}' has no counted round {round_no}", param_hint="--round"
            )
        to_stdout = str(output) == "-"
        chosen = _MINUTES_FORMAT[fmt] if fmt else "md" if to_stdout else format_of(output)
        if to_stdout and chosen == "docx":
            raise click.BadParameter(
                "a .docx cannot go to stdout: name a file", param_hint="--output"
            )
        if chosen is None:
            raise click.BadParameter(
                f"cannot tell the format of '{output.name}': use .docx, .html or .md, or --format",
                param_hint="--output",
            )
        if view == "hall":
            chosen = "html"
        jobs.append((pick[0][0], pick[0][1], pick[0][2], output))
    else:
        chosen = _MINUTES_FORMAT[fmt or ("html" if view == "hall" else "docx")]
        if output.exists() and not output.is_dir():
            raise click.BadParameter(
                "without --contest, OUTPUT is a folder (one document per contest and round)",
                param_hint="--output",
            )
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
                "no contest has a counted round: there are no minutes to write",
                loaded.path,
                hint="list the contests and their rounds under 'contests:', then count",
            )
        if not jobs:
            raise click.BadParameter("no counted round to write minutes for", param_hint="--round")
    rejected = False
    for cid, rno, outcome, path in jobs:
        m = minutes_of(loaded, report, full, cid, rno, lang, rehearsal=rehearsal)
        rejected |= outcome == "rejected"
        if str(path) == "-":
            from tally.minutes.write import render_text

            assert chosen != "docx"  # refused above: a .docx cannot go to stdout
            click.echo(render_text(m, chosen, view_chosen), nl=False)
            continue
        write(m, chosen, path, view_chosen, overwrite=force)
        click.echo(f"wrote {path}", err=True)
    if contest_id is None:
        for cid, pending in skipped:
            click.echo(f"{cid}: {pending.message(lang)}\n  hint: {pending.hint(lang)}", err=True)
    if rejected:
        sys.exit(EXIT_NOT_RECONCILED)
    sys.exit(EXIT_NEEDS_VOTE if contest_id is None and skipped else EXIT_OK)


@cli.command()
@click.argument(
    "election",
    required=False,
    type=click.Path(exists=True, file_okay=True, dir_okay=True, path_type=str),
)
@click.option(
    "--fingerprint",
    "given",
    help="The fingerprint printed on the minutes (the short form is enough).",
)
@click.option(
    "--journal",
    type=click.Path(dir_okay=False, path_type=Path),
    help="An entry journal whose recorded head to check (with --head).",
)
@click.option(
    "--head",
    help="The journal's head hash as the board wrote it down (16 hex digits or more; spaces allowed).",
)
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
    """Check that files are the ones a signed paper was made from.

    \b
    tally verify ELECTION --fingerprint XXXX-XXXX-XXXX-XXXX
      Recomputes the fingerprint of election.yaml, every ballot and tally file and the rule
      set (a local rule file, every file it extends, a built-in rule set by its content), and
      compares it with the one printed on the minutes.
    tally verify --journal FILE --head HASH
      Says whether an entry journal still ends at the head hash the board wrote down when
      entry stopped: the one check that shows a deliberate edit or lines cut off the end.
    Exit 0 it matches · 1 it does not · 2 bad input.
    """
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
    from tally.fingerprint import fingerprint, input_digests, matches, short

    loaded = load_election(Path(election), allowed_outside())
    digests = input_digests(loaded)
    full = fingerprint(digests)
    ok = matches(full, given)
    if as_json:
        emit_json(
            {
                "match": ok,
                "given": given,
                "fingerprint": full,
                "short": short(full),
                "inputs": digests,
            }
        )
    else:
        if ok:
            click.echo(msg("table.verify.matches", short=short(full)).text(lang))
        else:
            click.echo(msg("table.verify.differs", given=given, short=short(full)).text(lang))
            for path, digest in sorted(digests.items()):
                click.echo(f"  {digest[:16]}  {path}")
    sys.exit(EXIT_OK if ok else EXIT_RULE_FAILED)
