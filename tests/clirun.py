"""Running ``tally`` in-process as a user would: the one CliRunner helper of the tests.

``conftest.py`` hands :func:`invoke` out as the ``tally_cli`` fixture; module-level helpers
(which fixtures cannot reach) import it directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from click.testing import CliRunner, Result

from tally.cli.main import cli
from tally.kinds import Lang

# A stable terminal: 100 columns, no colour, no language taken from the caller's shell.
ENV: dict[str, str | None] = {
    "COLUMNS": "100",
    "TALLY_LANG": None,
    "FORCE_COLOR": None,
    "NO_COLOR": None,
}


def invoke(
    *args: str | Path,
    lang: Lang | None = None,
    input: str | bytes | None = None,
    env: Mapping[str, str | None] | None = None,
    columns: int | None = None,
) -> Result:
    """``tally ARGS`` with ``input`` on stdin; exit code, stdout and stderr kept apart.

    ``lang`` sets $TALLY_LANG (every command, even one without ``--lang``); ``env`` adds to or
    overrides :data:`ENV`. A crash (any exception but ``SystemExit``) fails the test at once.
    """
    full = {**ENV, **(env or {})}
    if lang is not None:
        full["TALLY_LANG"] = lang
    if columns is not None:
        full["COLUMNS"] = str(columns)
    argv = [str(a) for a in args]
    result = CliRunner(env=full).invoke(cli, argv, input=input, prog_name="tally")
    if result.exc_info is not None and result.exc_info[0] is not SystemExit:
        raise AssertionError(f"tally {' '.join(argv)} crashed") from result.exception
    return result
