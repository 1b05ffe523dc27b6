"""``tally``: the command group, shared options, and the one error handler.

Heavy imports (pydantic, yaml, rich) happen inside command bodies so that ``tally --help``
and shell completion stay fast. The commands' decorators carry no help text: every word of
``--help`` is in the catalogue (tally/helptext.py), worded in the chosen language.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from tally import __version__
from tally.cli.helpfmt import HelpGroup, env_lang
from tally.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, Issue, TallyError
from tally.i18n import Msg, msg
from tally.kinds import LANGS, Lang

F = TypeVar("F", bound=Callable[..., Any])


def terminal_environ() -> dict[str, str]:
    """The environment for a rich Console, without a COLUMNS or LINES it would crash on.

    rich reads them with ``str.isdigit()``, which is also true of "²"; ``int()`` refuses it.
    """
    return {
        k: v
        for k, v in os.environ.items()
        if k not in ("COLUMNS", "LINES") or (v.isascii() and v.isdigit() and len(v) < 6)
    }


def lang_from_args(args: list[str]) -> Lang:
    """The ``--lang`` a command line gives (the last one wins, as click reads it), else
    $TALLY_LANG, else Vietnamese. Read before the command runs, so that an error raised while
    loading (inside the command) is worded in the language the user asked for."""
    lang = env_lang()
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        if value in LANGS:
            lang = "en" if value == "en" else "vi"
    return lang


def current_lang() -> Lang:
    """The language of the running command line (see :func:`lang_from_args`)."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    lang = obj.get("lang") if isinstance(obj, dict) else None
    return lang if lang in ("vi", "en") else env_lang()


def print_error(exc: TallyError, lang: Lang | None = None) -> None:
    """Every issue of ``exc`` on stderr, each with its place and hint, in ``lang``."""
    lang = lang or current_lang()
    for issue in exc.issues:
        click.echo(msg("cli.error", text=issue.text(lang)).text(lang), err=True)


class BadValue(click.BadParameter):
    """click's BadParameter worded by the catalogue: its English is click's message as before,
    and a Vietnamese run shows the catalogue's Vietnamese (see :func:`print_click_error`)."""

    def __init__(self, said: Msg, param_hint: str | None = None) -> None:
        super().__init__(str(said), param_hint=param_hint)
        self.said = said


class ExistingPath(click.Path):
    """click.Path(exists=True) whose refusal of a missing path is a catalogue message."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            if os.path.lexists(os.fsdecode(value)):
                raise
            raise BadValue(msg("click.no_path", path=os.fsdecode(value))) from exc


def _param_hint(exc: click.UsageError) -> str:
    """How click names the parameter of an error ('ELECTION', '--round')."""
    if isinstance(exc, click.BadParameter | click.MissingParameter):
        if exc.param_hint is not None:
            hint = exc.param_hint
            return hint if isinstance(hint, str) else " / ".join(hint)
        if exc.param is not None:
            return exc.param.get_error_hint(exc.ctx) if exc.ctx else str(exc.param.name)
    return ""


# click.Path's refusals, by their English words: (pattern, catalogue id).
_PATH_SAID = (
    (re.compile(r"(?:File|Path) '(.+)' is a directory\."), "click.is_directory"),
    (re.compile(r"(?:Directory|Path) '(.+)' is a file\."), "click.is_file"),
    (re.compile(r"(?:File|Directory|Path) '(.+)' is not readable\."), "click.not_readable"),
    (re.compile(r"(?:File|Directory|Path) '(.+)' does not exist\."), "click.no_path"),
)


def _path_said(message: str) -> Msg:
    """click's words on a bad value: a path's refusal from the catalogue, else quoted."""
    for pattern, said in _PATH_SAID:
        if found := pattern.fullmatch(message):
            return msg(said, path=found[1])
    return msg("click.said", detail=message)


def click_issue(exc: click.UsageError) -> Issue:
    """click's usage error as an issue of the catalogue, with the command's --help as hint."""
    command = exc.ctx.command_path if exc.ctx is not None else "tally"
    hint = msg("click.help.hint", command=command)
    param = _param_hint(exc)
    command_name = re.fullmatch(r"No such command '(.+)'\.", exc.message)
    if isinstance(exc, click.NoSuchOption):
        said = msg("click.no_such_option", name=exc.option_name)
    elif command_name is not None:  # click has no class of its own for this one
        said = msg("click.no_such_command", name=command_name[1])
    elif isinstance(exc, click.MissingParameter):
        said = msg("click.missing", param=param or "?")
    elif isinstance(exc, BadValue):
        said = msg("click.bad_value", param=param, text=exc.said) if param else exc.said
    elif isinstance(exc, click.BadParameter):
        said = msg("click.bad_value", param=param, text=_path_said(exc.message))
    else:
        said = msg("click.said", detail=exc.message)
    return Issue(said, hint=hint)


def _usage_error(exc: click.UsageError, ctx: click.Context) -> None:
    """click's usage error in Vietnamese, from the catalogue (English: click's own words,
    as they always were, by returning and letting the caller re-raise)."""
    if current_lang() == "en":
        return
    click.echo(msg("cli.error", text=click_issue(exc).text("vi")).text("vi"), err=True)
    ctx.exit(exc.exit_code)


class TallyGroup(HelpGroup):
    """Turns every TallyError into its message and exit code; a bug into exit 70. Its help and
    its commands' are worded from the catalogue (:mod:`tally.cli.helpfmt`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.ensure_object(dict)["lang"] = lang_from_args(args)
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:  # `tally --bogus`: before any command is chosen
            _usage_error(exc, ctx)
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            _usage_error(exc, ctx)
            raise
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except TallyError as exc:
            print_error(exc)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo(msg("cli.interrupted").text(current_lang()), err=True)
            ctx.exit(130)
        except Exception as exc:  # a bug: never show a traceback unless asked
            if ctx.obj and ctx.obj.get("debug"):
                import traceback  # only for a bug, and only when asked: not at start-up

                traceback.print_exc()
            else:
                text = msg("cli.internal", kind=type(exc).__name__, detail=str(exc))
                click.echo(text.text(current_lang()), err=True)
            ctx.exit(EXIT_INTERNAL)


def lang_option(f: F) -> F:
    return click.option(
        "--lang",
        type=click.Choice(["vi", "en"]),
        default=lambda: os.environ.get("TALLY_LANG", "vi"),
        show_default="vi, or $TALLY_LANG",
    )(f)


def json_option(f: F) -> F:
    return click.option("--json", "as_json", is_flag=True)(f)


election_argument = click.argument(
    "election", type=ExistingPath(exists=True, file_okay=True, dir_okay=True, path_type=str)
)


@click.group(cls=TallyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tally")
@click.option("--debug", is_flag=True)
@click.option(
    "--allow-outside",
    "allow_outside",
    multiple=True,
    type=ExistingPath(exists=True, file_okay=False, path_type=Path),
    metavar="DIR",
)
@click.pass_context
def cli(ctx: click.Context, debug: bool, allow_outside: tuple[Path, ...]) -> None:
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["allow_outside"] = allow_outside


def allowed_outside() -> tuple[Path, ...]:
    """The folders ``tally --allow-outside DIR`` lets an election's data paths lead into."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    return tuple(obj.get("allow_outside", ())) if isinstance(obj, dict) else ()


class _PipeGuard:
    """stdout that survives its reader going away (``tally count … | head -1``).

    The first write into a closed pipe turns the stream's file descriptor into /dev/null, so
    the command runs to its end quietly and exits with its own code, as ``cat`` would, instead
    of dying halfway with an "internal error". Everything else is the real stream's.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def _to_devnull(self) -> None:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, self._stream.fileno())
        finally:
            os.close(devnull)

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except BrokenPipeError:
            self._to_devnull()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._to_devnull()
            self._stream.flush()  # what was buffered now goes to /dev/null

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _guard_stdout() -> None:
    """UTF-8 on stdout and stderr whatever the locale, and a stdout that a closed pipe spares."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(encoding="utf-8")
    try:
        sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): nothing to guard
    sys.stdout = _PipeGuard(sys.stdout)


def main() -> None:
    _guard_stdout()
    try:
        cli(prog_name="tally")
    except TallyError as exc:  # raised outside a command (should not happen)
        print_error(exc)
        sys.exit(EXIT_BAD_INPUT)
