"""The README's examples run: every `tally …` line of its sh blocks, and its Python snippet."""

from __future__ import annotations

import contextlib
import glob
import re
import shlex
import shutil
from pathlib import Path

import pytest

from clirun import invoke

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, flags=re.S)
# `tally …` lines, and `printf '…' | tally …` lines whose printf text is the command's stdin.
COMMANDS = [
    line.split(" # ")[0].strip()
    for lang, body in BLOCKS
    if lang == "sh"
    for line in body.splitlines()
    if line.startswith(("tally ", "printf "))
]
# What each documented command is expected to end with (design.md's exit codes).
EXPECTED_EXIT = {
    "tally check examples/huyen-2020": 1,
    "tally count examples/xa-2025 --contest bch --round 1": 4,  # the tie: a re-vote is due
    "tally count dai-hoi-moi --lang en": 4,  # a new election: round 1 not entered yet
    "tally reconcile examples/xa-2025/journals/bch-r1-*.jsonl --lang en": 1,  # they differ
    "tally reconcile shift/a.jsonl shift/b.jsonl --lang en": 1,  # a skipped paper
    "tally recount examples": 1,  # huyen-2020's plan is not met: the batch exits 1
    "tally recount drill examples --jobs 2 --json --lang en": 1,
}


def test_readme_has_command_examples() -> None:
    assert len(COMMANDS) >= 4
    assert any(c.startswith("tally check ") for c in COMMANDS)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the examples: the commands run in README order, and may write files."""
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", folder / "examples")
    return folder


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(command: str, workdir: Path) -> None:
    stdin = None
    line = command
    if command.startswith("printf "):
        printf, _, line = command.partition(" | ")
        stdin = shlex.split(printf)[1].replace("\\n", "\n")
    args: list[str] = []
    with contextlib.chdir(workdir):
        for arg in shlex.split(line)[1:]:
            args += sorted(glob.glob(arg)) if "*" in arg else [arg]
        result = invoke(*args, input=stdin)
    assert result.exit_code == EXPECTED_EXIT.get(command, 0), result.output
    assert result.stdout.strip() or result.stderr.strip()


def test_readme_python_snippet_runs() -> None:
    snippets = [body for lang, body in BLOCKS if lang == "python"]
    assert snippets
    with contextlib.chdir(ROOT), contextlib.redirect_stdout(None):
        for code in snippets:
            exec(compile(code, "README.md", "exec"), {})


def test_readme_shift_example_says_what_it_shows(tmp_path: Path) -> None:
    """The skipped-paper example prints the sentence its comment quotes, and then agrees."""
    block = next(body for lang, body in BLOCKS if lang == "sh" and "shift/a.jsonl" in body)
    lines = [x for x in block.splitlines() if x.startswith(("tally ", "printf "))]
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    outputs: list[tuple[int, str]] = []
    with contextlib.chdir(tmp_path):
        for line in lines:
            stdin = None
            if line.startswith("printf "):
                printf, _, line = line.partition(" | ")
                stdin = shlex.split(printf)[1].replace("\\n", "\n")
            args = shlex.split(line.split(" # ")[0])[1:]
            result = invoke(*args, input=stdin)
            outputs.append((result.exit_code, result.stdout))
        agreed = (tmp_path / "shift" / "agreed.csv").read_text(encoding="utf-8")
    shown = lines[2].split("# exit 1: ")[1]
    assert outputs[2][0] == 1 and shown in outputs[2][1]
    assert outputs[3][0] == 0
    assert (
        agreed == "ballot,struck,unmarked,invalid\n1,1 2,,\n2,3 4,,\n3,5 6,,\n4,7 8,,\n5,9 10,,\n"
    )
