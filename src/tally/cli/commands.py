"""The commands. Each parses its arguments, calls the core, renders, and returns an exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tally.cli.main import cli, election_argument, json_option, lang_option
from tally.errors import EXIT_OK, EXIT_RULE_FAILED

if TYPE_CHECKING:
    from rich.console import Console

    from tally.config.loader import LoadedElection
    from tally.findings import Lang


def console() -> Console:
    from rich.console import Console

    width = int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else None
    return Console(width=width or (None if sys.stdout.isatty() else 100), highlight=False)


def emit_json(doc: object) -> None:
    from tally.report.jsondoc import dumps

    click.echo(dumps(doc), nl=False)


def input_digests(loaded: LoadedElection) -> dict[str, str]:
    """SHA-256 of election.yaml and of every data file it names, keyed by relative path."""
    from tally.report.jsondoc import sha256

    digests = {"election.yaml": sha256(loaded.path)}
    for contest in loaded.election.contests:
        for rnd in contest.rounds:
            for rel in [rnd.ballots] if rnd.ballots else rnd.tallies or []:
                digests[rel] = sha256(loaded.data_file(rel))
    return digests


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
    from tally.checks import validate as run_validate
    from tally.config.loader import load_election

    loaded = load_election(Path(election))
    report = run_validate(loaded.election, loaded.rules)
    if as_json:
        from tally.report.jsondoc import validation_doc

        emit_json(validation_doc(report, lang, input_digests(loaded)))
    else:
        from tally.report.rich_text import render_validation

        render_validation(console(), report, lang)
    failed = any(f.severity == "error" for f in report.findings)
    sys.exit(EXIT_RULE_FAILED if failed else EXIT_OK)


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
