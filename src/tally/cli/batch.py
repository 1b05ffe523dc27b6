"""``tally recount`` and ``tally simulate``: many elections at once.

The core is :mod:`tally.recount` and :mod:`tally.simulate`; this module parses arguments,
shows progress on stderr (only on a terminal), hands the results to their renderer
(:mod:`tally.report.recount` writes the recount table a row at a time) and sets the exit code.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from tally.cli.base import (
    ExistingPath,
    allowed_outside,
    cli,
    json_option,
    lang_option,
    terminal_environ,
)
from tally.i18n import msg

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID
    from rich.text import Text

    from tally.findings import Lang
    from tally.recount import ElectionRun
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

    def above(self, out: Console) -> Callable[[Text], None]:
        """How to write to ``out`` (stdout) while the bar may show: on the bar's console, above
        the bar, when both are the same terminal (writing past the bar would tear it); else
        straight to ``out``."""
        same = self.enabled and _same_file(sys.stdout, sys.stderr)

        def write(text: Text) -> None:
            if same and self.progress is not None:
                self.progress.console.print(text, soft_wrap=True, end="")
            else:
                out.print(text, soft_wrap=True, end="")

        return write

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started


def _same_file(a: TextIO, b: TextIO) -> bool:
    try:
        return os.path.samestat(os.fstat(a.fileno()), os.fstat(b.fileno()))
    except (OSError, ValueError):  # no file descriptor (a test's buffer), or closed
        return False


@cli.command()
@click.argument(
    "dirs",
    nargs=-1,
    required=True,
    type=ExistingPath(exists=True, path_type=Path),
    metavar="DIR...",
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
    from tally.cli.commands import console
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
            from tally.report.recount import write_table

            write_table(runs, (str(t.where) for t in targets), summary, lang, bar.above(console()))
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
    from tally.cli.commands import console
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
        from tally.report.rich_text import render_simulate

        render_simulate(console(), written, lang)
    n = len(written)
    wrote = msg("wrote.elections.one" if n == 1 else "wrote.elections", n=n, path=out)
    click.echo(wrote.text(lang), err=True)
