"""``tally recount`` and ``tally simulate``: many elections at once.

The core is :mod:`tally.recount` and :mod:`tally.simulate`; this module parses arguments,
shows progress on stderr (only on a terminal), renders the summary and sets the exit code.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tally.cli.base import allowed_outside, cli, json_option, lang_option, terminal_environ
from tally.i18n import msg

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID
    from rich.text import Text

    from tally.findings import Lang
    from tally.recount import BatchSummary, ElectionRun
    from tally.simulate import SimulatedElection


# config.models.MEETING_KINDS, spelled out so that `tally --help` need not import pydantic
# (tests/test_simulate.py keeps the two equal).
KINDS = ("members_congress", "delegates_congress", "committee_conference", "constituency")


class _Bar:
    """A progress bar on stderr, only when stderr is a terminal (and stdout is not the same
    stream being written). It starts on the first report: by then the worker processes have
    been forked, so no display thread exists while they fork."""

    def __init__(self, label: str, enabled: bool) -> None:
        self.label = label
        self.enabled = enabled
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.progress is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True, _environ=terminal_environ()),
                transient=True,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self.progress.start()
            self.task = self.progress.add_task(self.label, total=total)
        assert self.task is not None
        self.progress.update(self.task, completed=done)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started


@cli.command()
@click.argument(
    "dirs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path), metavar="DIR..."
)
@click.option("-j", "--jobs", type=click.IntRange(min=1))
@click.option(
    "--fail-on", type=click.Choice(["error", "warning"]), default="error", show_default=True
)
@click.option(
    "--timeout", type=click.IntRange(min=1), default=120, show_default=True, metavar="SECONDS"
)
@lang_option
@json_option
@click.pass_context
def recount(
    ctx: click.Context,
    dirs: tuple[Path, ...],
    jobs: int | None,
    fail_on: str,
    timeout: int,
    lang: Lang,
    as_json: bool,
) -> None:
    from tally.errors import ConfigError
    from tally.recount import BatchSummary, Settings, default_jobs, discover, json_document
    from tally.recount import recount as run_batch

    targets = discover(list(dirs))
    if not targets:
        raise ConfigError.at(
            msg("recount.none", dirs=", ".join(str(d) for d in dirs)),
            hint=msg("recount.none.hint"),
        )
    settings = Settings(
        lang,
        "warning" if fail_on == "warning" else "error",
        documents=as_json,
        allow_outside=allowed_outside(),
    )
    streaming_to_terminal = as_json and sys.stdout.isatty()
    bar = _Bar(
        msg("table.recounting").text(lang), sys.stderr.isatty() and not streaming_to_terminal
    )
    debug = bool(ctx.obj and ctx.obj.get("debug"))
    summary = BatchSummary()
    runs = _tracebacks(
        run_batch(targets, settings, jobs=jobs or default_jobs(), progress=bar, timeout=timeout),
        debug,
    )
    try:
        if as_json:
            for piece in json_document(runs, settings, summary):
                click.echo(piece, nl=False)
        else:
            rows = []
            for run in runs:
                summary.add(run)
                rows.append(run)
            bar.close()
            _render_recount(rows, summary, lang)
        sys.stdout.flush()
    finally:
        bar.close()
    if bar.enabled:
        from tally.report.text import decimal

        n, secs = summary.elections, f"{bar.seconds:.1f}"
        click.echo(
            msg("table.checked_elections", n=n, secs=decimal(secs, lang)).text(lang),
            err=True,
        )
    sys.exit(summary.exit_code)


def _tracebacks(runs: Iterable[ElectionRun], debug: bool) -> Iterator[ElectionRun]:
    """With --debug, the traceback of an election that hit a bug goes to stderr."""
    for run in runs:
        if debug and run.traceback:
            click.echo(f"{run.path}:\n{run.traceback}", err=True)
        yield run


def _columns(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    right: Collection[int],
    styles: Sequence[Sequence[str]] | None = None,
    notes: Sequence[Sequence[tuple[str, str]]] | None = None,
) -> Text:
    """Aligned columns in one rich Text: a bold header, a rule, the rows (each cell with its
    style), and under a row its notes (text, style). A rich Table measures every cell and takes
    a second for a province's 2,000 elections; this takes a few hundredths."""
    from rich.cells import cell_len
    from rich.text import Text

    widths = [max(cell_len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def pad(text: str, i: int) -> str:
        gap = " " * (widths[i] - cell_len(text))
        return gap + text if i in right else text + gap

    out = Text()
    out.append("  ".join(pad(h, i) for i, h in enumerate(header)).rstrip(), style="bold")
    out.append("\n" + "─" * (sum(widths) + 2 * (len(widths) - 1)) + "\n")
    last = len(header) - 1
    for n, row in enumerate(rows):
        for i, cell in enumerate(row):
            text = pad(cell, i) if i < last else pad(cell, i).rstrip()
            out.append(text, style=styles[n][i] if styles else "")
            out.append("  " if i < last else "\n")
        for text, style in notes[n] if notes else ():
            out.append(text + "\n", style=style)
    return out


def _render_recount(rows: list[ElectionRun], summary: BatchSummary, lang: Lang) -> None:
    """One line per election, and under a broken one its error (file, line, message, hint)."""
    from tally.cli.commands import console
    from tally.labels import OUTCOME, tr
    from tally.recount import EXIT_ORDER

    kind_label = {
        "internal": msg("table.bug").text(lang),
        "not_reconciled": msg("table.figures_do_not_reconcile").text(lang),
        "bad_input": msg("table.bad_input").text(lang),
        "timeout": msg("table.timed_out").text(lang),
    }
    header = (
        msg("table.election").text(lang),
        msg("table.contests").text(lang),
        msg("table.outcome").text(lang),
        msg("table.errors_warnings").text(lang),
        msg("table.exit").text(lang),
    )
    cells: list[tuple[str, ...]] = []
    styles: list[tuple[str, ...]] = []
    notes: list[list[tuple[str, str]]] = []
    for run in rows:
        code_style = (
            "green" if run.exit_code == 0 else "yellow" if run.exit_code in (1, 4) else "bold red"
        )
        if run.failed:
            cells.append(
                (run.path, "–", kind_label[run.error_kind or "bad_input"], "–", str(run.exit_code))
            )
            styles.append(("", "", "bold red", "", code_style))
        else:
            outcome = run.outcome or "complete"
            cells.append(
                (
                    run.path,
                    str(run.contests),
                    tr(OUTCOME, outcome, lang),
                    f"{run.errors} / {run.warnings}",
                    str(run.exit_code),
                )
            )
            outcome_style = {"complete": "green", "rejected": "bold red"}.get(outcome, "yellow")
            styles.append(("", "", outcome_style, "", code_style))
        lines: list[tuple[str, str]] = []
        for problem in run.problems:
            lines.append((f"  ↳ {problem.text(lang)}", "red"))
            hint = problem.hint_text(lang)
            if hint:
                lines.append((f"    {msg('cli.hint', text=hint).text(lang)}", "dim"))

        notes.append(lines)
    out = _columns(header, cells, {1, 3, 4}, styles, notes)
    con = console()
    con.print(out, soft_wrap=True, end="")
    counts_line = " · ".join(
        f"{msg('table.exit_short').text(lang)} {code}: {summary.by_exit_code[code]}"
        for code in EXIT_ORDER
        if code in summary.by_exit_code
    )
    order = " › ".join(str(c) for c in EXIT_ORDER)
    con.print(
        msg(
            "table.batch_summary",
            elections=summary.elections,
            counts_line=counts_line,
            exit_code=summary.exit_code,
            order=order,
        ).text(lang),
        soft_wrap=True,
    )


@cli.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("-n", "--elections", type=click.IntRange(1, 100_000), default=20, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--kind", "kinds", type=click.Choice(KINDS), multiple=True)
@click.option("--force", is_flag=True)
@lang_option
@json_option
def simulate(
    out: Path,
    elections: int,
    seed: int,
    kinds: tuple[str, ...],
    force: bool,
    lang: Lang,
    as_json: bool,
) -> None:
    from tally.kinds import MEETING_KINDS
    from tally.simulate import prepare_output, write_corpus
    from tally.simulate import simulate as draw

    chosen = [k for k in MEETING_KINDS if k in kinds] if kinds else list(MEETING_KINDS)
    prepare_output(out, force=force)
    bar = _Bar(msg("table.simulating").text(lang), sys.stderr.isatty())
    count = 0

    def advance(_: SimulatedElection) -> None:
        nonlocal count
        count += 1
        bar(count, elections)

    try:
        written = write_corpus(out, draw(seed, elections, chosen), seed=seed, progress=advance)
    finally:
        bar.close()
    if as_json:
        from tally.simulate import MANIFEST

        click.echo((out / MANIFEST).read_text(encoding="utf-8"), nl=False)
    else:
        _render_simulate(written, lang)
    n = len(written)
    wrote = msg("wrote.elections.one" if n == 1 else "wrote.elections", n=n, path=out)
    click.echo(wrote.text(lang), err=True)


def _render_simulate(written: list[SimulatedElection], lang: Lang) -> None:
    from tally.cli.commands import console
    from tally.labels import MEETING, tr

    # a counted round calls for another vote (not a contest simply not voted yet)
    vote_due = ("tie", "shortfall", "void", "additional_due", "council_decides")

    header = [
        msg(f"table.simulated.{column}").text(lang)
        for column in (
            "kind",
            "elections",
            "contests",
            "rounds",
            "ballots",
            "ties",
            "shortfalls",
            "vote_due",
        )
    ]
    rows: list[list[str]] = []
    totals = [0] * 7
    for kind in KINDS:
        mine = [s for s in written if s.kind == kind]
        if not mine:
            continue
        row = [
            len(mine),
            sum(len(s.outcomes) for s in mine),
            sum(s.rounds for s in mine),
            sum(s.ballots for s in mine),
            sum(s.ties for s in mine),
            sum(s.shortfalls for s in mine),
            sum(1 for s in mine if any(o in vote_due for _, o in s.outcomes)),
        ]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        rows.append([tr(MEETING, kind, lang), *(f"{v:,}" for v in row)])
    rows.append([msg("table.total").text(lang), *(f"{v:,}" for v in totals)])
    styles = [[""] * 8 for _ in rows[:-1]] + [["bold"] * 8]
    console().print(_columns(header, rows, set(range(1, 8)), styles), soft_wrap=True, end="")
