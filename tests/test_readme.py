"""The README's examples run: every `tally …` line of its sh blocks, and its Python snippet."""

from __future__ import annotations

import contextlib
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from tally.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, flags=re.S)
COMMANDS = [
    line.split("#")[0].strip()
    for lang, body in BLOCKS
    if lang == "sh"
    for line in body.splitlines()
    if line.startswith("tally ")
]
# What each documented command is expected to end with (design.md's exit codes).
EXPECTED_EXIT = {
    "tally check examples/huyen-2020": 1,
    "tally count examples/xa-2025 --contest bch --round 1": 4,  # the tie: a re-vote is due
}


def test_readme_has_command_examples() -> None:
    assert len(COMMANDS) >= 4
    assert any(c.startswith("tally check ") for c in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(command: str) -> None:
    with contextlib.chdir(ROOT):
        result = CliRunner().invoke(cli, shlex.split(command)[1:], prog_name="tally")
    assert result.exc_info is None or result.exc_info[0] is SystemExit, result.exception
    assert result.exit_code == EXPECTED_EXIT.get(command, 0), result.output
    assert result.stdout.strip()


def test_readme_python_snippet_runs() -> None:
    snippets = [body for lang, body in BLOCKS if lang == "python"]
    assert snippets
    with contextlib.chdir(ROOT), contextlib.redirect_stdout(None):
        for code in snippets:
            exec(compile(code, "README.md", "exec"), {})
