"""The ``tally recount`` table, written a row at a time as the elections finish.

One line per election, sorted by folder, and under a broken one its error (file, line,
message, hint); then the counts by exit code and the batch's exit code. Nothing is kept per
election: the column widths are fixed before the first row from what is known then — the
paths found, the headers, and every word the outcome column can hold in the chosen language —
so memory stays flat however many elections the batch holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

from rich.cells import cell_len
from rich.text import Text

from tally.findings import Lang
from tally.i18n import msg
from tally.labels import OUTCOME, tr
from tally.report.columns import Columns


# What the table reads of a batch (tally.recount's ElectionRun and BatchSummary): described here
# as protocols, so that the renderers do not import the application layer above them.
class Problem(Protocol):
    def text(self, lang: Lang) -> str: ...
    def hint_text(self, lang: Lang) -> str | None: ...


class ElectionRun(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def exit_code(self) -> int: ...
    @property
    def failed(self) -> bool: ...
    @property
    def error_kind(self) -> str | None: ...
    @property
    def outcome(self) -> str | None: ...
    @property
    def contests(self) -> int | None: ...
    @property
    def errors(self) -> int | None: ...
    @property
    def warnings(self) -> int | None: ...
    @property
    def problems(self) -> Iterable[Problem]: ...


R_contra = TypeVar("R_contra", bound=ElectionRun, contravariant=True)
R = TypeVar("R", bound=ElectionRun)


class BatchSummary(Protocol[R_contra]):
    @property
    def elections(self) -> int: ...
    @property
    def exit_code(self) -> int: ...
    @property
    def order(self) -> Iterable[int]: ...
    def counts(self) -> Iterable[tuple[int, int]]: ...
    def add(self, run: R_contra, /) -> None: ...


Write = Callable[[Text], None]

RIGHT = frozenset({1, 3, 4})  # contests, errors / warnings, exit code


def kind_labels(lang: Lang) -> dict[str, str]:
    """What the outcome column says of an election that could not be checked, by error kind."""
    return {
        "internal": msg("table.bug").text(lang),
        "not_reconciled": msg("table.figures_do_not_reconcile").text(lang),
        "bad_input": msg("table.bad_input").text(lang),
        "timeout": msg("table.timed_out").text(lang),
    }


class RecountTable:
    """The table of a batch whose paths are known: :meth:`head`, :meth:`row` per election in
    order, :meth:`tail`."""

    def __init__(self, paths: Iterable[str], lang: Lang) -> None:
        self.lang = lang
        self.kind_label = kind_labels(lang)
        header = (
            msg("table.election").text(lang),
            msg("table.contests").text(lang),
            msg("table.outcome").text(lang),
            msg("table.errors_warnings").text(lang),
            msg("table.exit").text(lang),
        )
        width = [cell_len(h) for h in header]
        width[0] = max([width[0], *(cell_len(p) for p in paths)])
        words = [*self.kind_label.values(), *(tr(OUTCOME, o, lang) for o in OUTCOME)]
        width[2] = max([width[2], *(cell_len(w) for w in words)])
        # contests, "errors / warnings" and the exit code are numbers narrower than their header
        self.columns = Columns(header, width, RIGHT)

    def head(self) -> Text:
        return self.columns.head()

    def row(self, run: ElectionRun) -> Text:
        lang = self.lang
        code_style = (
            "green" if run.exit_code == 0 else "yellow" if run.exit_code in (1, 4) else "bold red"
        )
        if run.failed:
            cells: tuple[str, ...] = (
                run.path,
                "–",
                self.kind_label[run.error_kind or "bad_input"],
                "–",
                str(run.exit_code),
            )
            styles: tuple[str, ...] = ("", "", "bold red", "", code_style)
        else:
            outcome = run.outcome or "complete"
            cells = (
                run.path,
                str(run.contests),
                tr(OUTCOME, outcome, lang),
                f"{run.errors} / {run.warnings}",
                str(run.exit_code),
            )
            outcome_style = {"complete": "green", "rejected": "bold red"}.get(outcome, "yellow")
            styles = ("", "", outcome_style, "", code_style)
        notes: list[tuple[str, str]] = []
        for problem in run.problems:
            notes.append((f"  ↳ {problem.text(lang)}", "red"))
            hint = problem.hint_text(lang)
            if hint:
                notes.append((f"    {msg('cli.hint', text=hint).text(lang)}", "dim"))
        return self.columns.row(cells, styles, notes)

    def tail(self, summary: BatchSummary[R]) -> Text:
        """The counts by exit code, most serious first, and the batch's exit code."""
        lang = self.lang
        counts_line = " · ".join(
            f"{msg('table.exit_short').text(lang)} {code}: {n}" for code, n in summary.counts()
        )
        order = " › ".join(str(c) for c in summary.order)
        said = msg(
            "table.batch_summary",
            elections=summary.elections,
            counts_line=counts_line,
            exit_code=summary.exit_code,
            order=order,
        ).text(lang)
        return Text(said + "\n")


def write_table(
    runs: Iterable[R],
    paths: Iterable[str],
    summary: BatchSummary[R],
    lang: Lang,
    write: Write,
) -> None:
    """The table of ``runs`` (in the order of ``paths``): the head at once, each row as its
    election arrives, the tail at the end; ``summary`` collects the counts on the way."""
    table = RecountTable(paths, lang)
    write(table.head())
    for run in runs:
        summary.add(run)
        write(table.row(run))
    write(table.tail(summary))
