"""The terminal side of the guided ``tally init``: click.prompt answers tally.config.guided's
questions (with name completion where readline is there); the questions live below the CLI."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tally.config.guided import Question, election_text, imported_people, interview
from tally.config.template import write_election
from tally.findings import Lang
from tally.i18n import Msg, msg


def _complete_with(choices: tuple[str, ...]) -> None:
    """Tab completes ``choices`` at the next prompt, on a terminal that has readline."""
    if not sys.stdin.isatty():
        return
    try:
        import readline
    except ImportError:  # Windows without pyreadline: typing works, completion does not
        return
    words = sorted(choices)

    def complete(text: str, state: int) -> str | None:
        found = [w for w in words if w.casefold().startswith(text.casefold())]
        return found[state] if state < len(found) else None

    readline.set_completer_delims("")
    readline.set_completer(complete)
    readline.parse_and_bind("tab: complete")


def guided_init(folder: Path, lang: Lang, rule_set: str | None) -> None:
    people, replace = imported_people(folder / "election.yaml")

    def ask(question: Question) -> str:
        if question.problem is not None:
            said = msg("guided.problem", problem=question.problem).text(lang)
            click.echo(click.style(said, fg="red"), err=True)
        _complete_with(question.choices)
        answer: str = click.prompt(
            question.prompt.text(lang),
            default=question.default,
            show_default=bool(question.default),
            err=True,
        )
        return answer

    def tell(message: Msg) -> None:
        click.echo(message.text(lang), err=True)

    setup = interview(ask, tell, lang, people)
    if rule_set is not None:  # --rules: the user's choice over the date's
        setup.rules = rule_set
    for path in write_election(folder, election_text(setup, lang), replace):
        click.echo(msg("wrote.file", path=path).text(lang), err=True)
    first = setup.contests[0].body if setup.contests else "committee"
    from tally.config.guided import CONTEST_IDS

    click.echo(msg("guided.next", folder=folder, contest=CONTEST_IDS[first]).text(lang), err=True)
