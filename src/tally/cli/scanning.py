"""``tally scan``: scanned ballots read into an entry journal (issue 20).

The reader's libraries (the ``scan`` extra) are imported only when the command runs, so
``tally --help`` stays fast and a laptop without them can do everything else.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tally.cli.base import allowed_outside, cli, election_argument, lang_option
from tally.errors import EXIT_OK, Issue, UsageError
from tally.i18n import msg

if TYPE_CHECKING:
    from tally.kinds import Lang


@cli.command()
@election_argument
@click.argument("images", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--contest", "contest_id", required=True)
@click.option("--round", "round_no", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--operator", required=True)
@click.option("--layout", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--journal", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rehearsal", is_flag=True)
@click.option("--review", is_flag=True)
@click.option("--html", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--plain", is_flag=True)
@lang_option
def scan(
    election: str,
    images: tuple[Path, ...],
    contest_id: str,
    round_no: int,
    operator: str,
    layout: Path | None,
    journal: Path | None,
    rehearsal: bool,
    review: bool,
    html: Path | None,
    plain: bool,
    lang: Lang,
) -> None:
    try:
        import cv2  # noqa: F401
        import numpy  # noqa: F401
        import PIL  # noqa: F401
        import pypdfium2  # noqa: F401
    except ImportError as exc:
        raise UsageError(Issue(msg("scan.no_extra", module=exc.name or "?"))) from None
    if not operator.strip():
        raise UsageError(Issue(msg("usage.operator")))
    if review and images:
        raise UsageError(Issue(msg("scan.review_no_images")))
    if not review and not images:
        raise UsageError(Issue(msg("scan.review_needs_images")))
    if review:
        from tally.cli.scan_review import run_review

        sys.exit(
            run_review(election, contest_id, round_no, operator.strip(), journal, html, plain, lang)
        )
    from tally.config.loader import load_election
    from tally.scan.run import ScanRequest, page_note, read_scans, scan_so_far, write_scan

    loaded = load_election(Path(election), allowed_outside())
    request = ScanRequest(
        contest_id, round_no, images, operator.strip(), layout, journal, rehearsal
    )
    tty = sys.stderr.isatty()

    def progress(pages: int) -> None:  # a long pile is not a hang: say how far it is
        if tty:
            click.echo("\r" + msg("scan.progress", pages=pages).text(lang), nl=False, err=True)

    so_far = scan_so_far(loaded, request)  # a later batch of the pile continues its journal
    try:
        sheet, pages = read_scans(loaded, request, progress, so_far)
    finally:
        if tty:
            click.echo("\r\033[K", nl=False, err=True)
    done = write_scan(loaded, request, sheet, pages, so_far)
    for page in done.pages:
        if page.marks is None:
            click.echo(page_note(page, lang), err=True)
    paper = sheet.paper()
    if paper is not None:  # a double feed, a page scanned twice, a sheet that is no ballot
        read = (so_far.pages if so_far is not None else 0) + len(done.pages)
        said = "scan.excess" if read > paper[0] else "scan.of_paper"
        click.echo(msg(said, pages=read, of=paper[0], paper=paper[1]).text(lang), err=True)
    aside = len(done.pages) - done.ballots
    click.echo(
        msg(
            "scan.done",
            pages=len(done.pages),
            ballots=done.ballots,
            aside=aside,
            journal=done.journal,
            folder=done.folder,
        ).text(lang),
        err=True,
    )
    sys.exit(EXIT_OK)
