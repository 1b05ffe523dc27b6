"""``tally scan --review``: the walk over the pages the reader set aside, in the line mode.

The walk itself (what a typed line does, what is written) is :class:`tally.scan.review.
ReviewWalk`; this module finds the journal, writes the review page and reads the lines.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tally.errors import EXIT_OK, Issue, Location, UsageError
from tally.i18n import msg

if TYPE_CHECKING:
    from tally.config.loader import LoadedElection
    from tally.entry.session import Sheet
    from tally.kinds import Lang
    from tally.scan.review import ReviewWalk


def find_scan_journal(loaded: LoadedElection, sheet: Sheet) -> Path:
    """The round's scan journal in the election's journals/ (the one ``tally scan`` wrote
    there); UsageError when there is none or more than one."""
    from tally.entry.journal import JournalError, read_journal

    folder = loaded.folder / "journals"
    found: list[Path] = []
    for path in sorted(folder.glob("*.jsonl")):
        try:
            header = read_journal(path).header
        except JournalError:
            continue
        if header.str_("purpose") != "scan" or header.str_("contest") != sheet.contest:
            continue
        if (header.int_("round") or 1) == sheet.round:
            found.append(path)
    if len(found) == 1:
        return found[0]
    if not found:
        raise UsageError(
            Issue(
                msg(
                    "scan.review_no_journal",
                    contest=sheet.contest,
                    round=sheet.round,
                    folder=folder,
                ),
                hint=msg("scan.review_no_journal.hint"),
            )
        )
    raise UsageError(
        Issue(
            msg(
                "scan.review_many_journals",
                contest=sheet.contest,
                round=sheet.round,
                names=", ".join(p.name for p in found),
            ),
            hint=msg("scan.review_many_journals.hint"),
        )
    )


def run_review(
    election: str,
    contest_id: str,
    round_no: int,
    reviewer: str,
    journal: Path | None,
    html: Path | None,
    plain: bool,
    lang: Lang,
) -> int:
    from tally.cli.base import allowed_outside
    from tally.cli.entry import now
    from tally.config.loader import load_election
    from tally.entry.journal import JournalError, JournalWriter
    from tally.entry.session import Sheet, replay, sheet_for
    from tally.scan.review import Placer, ReviewWalk, is_scan, load_page, pending
    from tally.scan.review_page import default_html, render, write_page

    loaded = load_election(Path(election), allowed_outside())
    sheet = sheet_for(loaded, contest_id, round_no)
    path = journal or find_scan_journal(loaded, sheet)
    writer, read = JournalWriter.resume(path)
    try:
        if not is_scan(read):
            raise JournalError.at(msg("scan.review_not_scan"), path, 1)
        found = Sheet.from_header(read.header)
        if not found.same_ballot(sheet):
            raise UsageError(
                Issue(
                    msg("scan.review_other_ballot", contest=found.contest, round=found.round),
                    Location(path, 1),
                )
            )
        todo = pending(read, replay(found, read.entries, path))
        if not todo:
            click.echo(msg("scan.review_nothing", journal=path).text(lang), err=True)
            return EXIT_OK
        placer = Placer(loaded, found)
        views = [placer.view(a, load_page(loaded, a)) for a in todo]  # every image checked first
        page = html or default_html(path)
        write_page(page, render(views, found, path, lang))
        click.echo(msg("scan.review_wrote_page", html=page).text(lang), err=True)
        scanner = read.header.str_("operator")
        click.echo(
            msg("scan.review_who", reviewer=reviewer, scanner=scanner, pages=len(views)).text(lang),
            err=True,
        )
        if scanner == reviewer:
            click.echo(msg("scan.review_same_person", reviewer=reviewer).text(lang), err=True)
        click.echo(msg("scan.review_howto").text(lang), err=True)
        walk = ReviewWalk(writer, found, views, reviewer, now, lang)
        interactive = sys.stdin.isatty()
        walk.confirm_invalid = interactive  # a script's next line is never taken as a retype
        try:
            if plain or not (interactive and sys.stdout.isatty()):
                _walk(walk, page, interactive, lang)
            else:
                from tally.tui.review_app import run_review_app

                run_review_app(walk, page)
        finally:
            walk.close()
        left = len(walk.still_aside())
        click.echo(
            msg("scan.review_done", decided=walk.decided, left=left, journal=path).text(lang),
            err=True,
        )
    finally:
        writer.close()
    return EXIT_OK


def _walk(walk: ReviewWalk, html: Path, interactive: bool, lang: Lang) -> None:
    from tally.scan.review import page_lines

    shown = -1
    while (view := walk.current) is not None:
        if shown != walk.at:
            click.echo("\n".join(page_lines(view, html, lang)), err=True)
            shown = walk.at
        if interactive:
            click.echo(f"#{view.aside.serial}> ", nl=False, err=True)
        line = sys.stdin.readline()
        if not line:  # end of input: the rest stays set aside
            return
        answer = walk.answer(line)
        if answer.status == "quit":
            return
        click.echo(answer.message)
