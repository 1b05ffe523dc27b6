"""Make the minutes of an election's contests and rounds and write them safely to disk.

A file is written beside its final name and moved into place only when complete, so an
interrupted run never leaves half a document; an existing file is never replaced unless the
caller says so (a signed paper's file must not be overwritten by accident).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from tally.config.loader import LoadedElection
from tally.findings import Lang
from tally.fingerprint import round_fingerprint, short
from tally.i18n import msg
from tally.kinds import MINUTES_FORMATS, MinutesFormat, MinutesView
from tally.minutes.model import Minutes, build
from tally.report.model import CountReport
from tally.safefile import refuse_overwrite, written_atomically

Format = MinutesFormat
View = MinutesView
FORMATS: tuple[Format, ...] = MINUTES_FORMATS
EXTENSIONS: dict[str, Format] = {".docx": "docx", ".html": "html", ".htm": "html", ".md": "md"}


def format_of(path: Path) -> Format | None:
    return EXTENSIONS.get(path.suffix.lower())


def rounds_of(report: CountReport) -> list[tuple[str, int, str]]:
    """Every counted (contest id, round, outcome), in report order."""
    return [
        (c.id, rd.number, rd.outcome)
        for c in report.contests
        if c.body != "nomination_poll"
        for rd in c.rounds
    ]


def minutes_of(
    loaded: LoadedElection,
    report: CountReport,
    contest_id: str,
    round_no: int,
    lang: Lang,
    *,
    rehearsal: bool = False,
) -> Minutes:
    """The minutes of one counted round, with that round's fingerprint (not the whole
    election's: a paper signed now must still verify when the evening's ballots are added)."""
    from tally.entry.journal import entry_span

    rules = loaded.rules
    full = round_fingerprint(loaded, contest_id, round_no)
    return build(
        report,
        contest_id,
        round_no,
        loaded.election,
        rules.title,
        full,
        short(full),
        lang,
        rehearsal=rehearsal,
        entered=entry_span(loaded.folder / "journals", contest_id, round_no),
    )


def render_text(m: Minutes, fmt: Literal["html", "md"], view: View = "paper") -> str:
    """The minutes as Markdown or HTML text."""
    if fmt == "md":
        from tally.minutes.markdown import render_markdown

        return render_markdown(m)
    from tally.minutes.html import render_html

    return render_html(m, view)


def write(m: Minutes, fmt: Format, path: Path, view: View = "paper", *, overwrite: bool) -> None:
    refuse_overwrite(
        path,
        overwrite,
        msg("write.exists.minutes"),
        msg("write.exists.minutes.hint"),
    )
    with written_atomically(path) as tmp:
        if fmt in ("md", "html"):
            tmp.write_text(render_text(m, fmt, view), encoding="utf-8", newline="\n")
        else:
            from tally.minutes.docx import render_docx

            render_docx(m, tmp)
