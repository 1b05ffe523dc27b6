"""``tally import people``: the personnel list into election.yaml (issue 18).

Parses the arguments, calls :mod:`tally.importer`, and says what changed: the report on stdout
(it is the command's result), nothing written with ``--dry-run`` or when a row cannot be read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from tally.cli.base import ExistingPath, cli, lang_option
from tally.i18n import Msg, msg

if TYPE_CHECKING:
    from tally.importer.people import Outcome
    from tally.importer.sheet import SheetRead
    from tally.kinds import Lang


@cli.group("import")
def import_() -> None:
    pass


def _lines(read: SheetRead, outcome: Outcome, source: Path) -> list[Msg]:
    """What the import read and what it changes, one message a line."""
    out = [msg("import.read", n=len(read.rows), sheet=read.sheet, path=source)]
    if read.blank_rows:
        out.append(msg("import.blank_rows", rows=", ".join(str(r) for r in read.blank_rows)))
    if read.footer_rows:
        rows = ", ".join(f"{r} ({text})" for r, text in read.footer_rows)
        out.append(msg("import.footer_rows", rows=rows))
    if read.unread_columns:
        out.append(msg("import.unread_columns", columns=", ".join(read.unread_columns)))
    for row in read.rows:
        name = str(row.fields["name"])
        if row.year_only:
            out.append(
                msg("import.year_only", row=row.row, name=name, born=str(row.fields["born"]))
            )
        elif "born" in read.fields and "born" not in row.fields:
            out.append(msg("import.no_born", row=row.row, name=name))
    if outcome.added:
        out.append(msg("import.added", n=len(outcome.added)))
        out += [msg("import.added.one", id=i, name=n, row=r) for i, n, r in outcome.added]
    if outcome.changed:
        out.append(msg("import.changed", n=len(outcome.changed)))
        for pid, name, changes in outcome.changed:
            out.append(msg("import.changed.one", id=pid, name=name))
            out += [
                msg("import.changed.field", field=c.field, old=c.old, new=c.new) for c in changes
            ]
    if outcome.unchanged:
        out.append(msg("import.unchanged", n=outcome.unchanged))
    if outcome.not_in_sheet:
        out.append(msg("import.not_in_sheet", n=len(outcome.not_in_sheet)))
        out += [msg("import.not_in_sheet.one", id=i, name=n) for i, n in outcome.not_in_sheet]
    if outcome.sorted_contests:
        out.append(msg("import.sorted", contests=", ".join(outcome.sorted_contests)))
    return out


@import_.command("people")
@click.argument("file", type=ExistingPath(exists=True, dir_okay=False, path_type=Path))
@click.argument("election", type=click.Path(path_type=Path))
@click.option("--sheet", "sheet", metavar="NAME")
@click.option("--map", "maps", multiple=True, metavar="COLUMN=FIELD")
@click.option("--sort-ballot", is_flag=True)
@click.option("--dry-run", is_flag=True)
@lang_option
def people(
    file: Path,
    election: Path,
    sheet: str | None,
    maps: tuple[str, ...],
    sort_ballot: bool,
    dry_run: bool,
    lang: Lang,
) -> None:
    from tally.config.loader import ELECTION_FILE
    from tally.importer.people import merge_people, write_people
    from tally.importer.sheet import parse_map, read_sheet

    # A folder without election.yaml (or one not made yet) is a new election: it starts with
    # its people, and 'tally init' asks for the rest.
    named_file = election.suffix in (".yaml", ".yml") and not election.is_dir()
    target = election if named_file else election / ELECTION_FILE
    new = not target.exists() and not target.is_symlink()
    read = read_sheet(file, sheet, parse_map(maps))
    outcome = merge_people(target, read, sort_ballot=sort_ballot)
    for line in _lines(read, outcome, file):
        click.echo(line.text(lang))
    source = "" if new else target.read_text(encoding="utf-8-sig")
    if dry_run:
        click.echo(msg("import.dry_run", path=target).text(lang), err=True)
    elif outcome.text == source:
        click.echo(msg("import.nothing", path=target).text(lang), err=True)
    else:
        write_people(target, outcome.text)
        click.echo(msg("import.wrote", path=target).text(lang), err=True)
        if new:
            hint = msg("import.next_init", folder=target.parent).text(lang)
            click.echo(msg("cli.hint", text=hint).text(lang), err=True)
