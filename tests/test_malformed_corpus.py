"""Every malformed input is a clean exit: the generated corpus of tests/corpus.py.

Each mutant of the examples (see tests/corpus.py: deterministic mutations of election.yaml,
ballot CSVs and tally sheets) goes through ``validate``, ``count --json``, ``check --json`` and
``minutes`` in-process (CliRunner), and the whole corpus once through ``tally recount --json
--jobs 2`` in a subprocess. For every run:

- the exit code is 0, 1, 2, 3 or 4: never 70, never an exception escaping the command;
- exit 2 comes with a located message: every ``error:`` line names a file of the election,
  and (unless the file as a whole is wrong: cut, not UTF-8, empty) one gives a line number;
- a ``refused`` mutant exits 2 from every command that reads the mutated file (``validate``
  reads only election.yaml);
- a ``neutral`` mutant exits as the unmutated folder does, and its count document is the same
  apart from the input digests;
- a case that takes more than :data:`CASE_SECONDS` fails (an alarm), so a hang cannot stall CI;
- ``recount``'s per-election exit code is the one ``check`` gave for that folder.

All commands run on every mutant (a few milliseconds each); the minutes rotate between md,
html and docx by mutant. Failures that belong to work in progress elsewhere are listed in
:data:`PENDING` by mutant id (strict xfail: they fail loudly once fixed, to be removed).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from clirun import invoke
from corpus import Mutant, corpus, write
from tally.cli.main import cli

ENV = {"COLUMNS": "100", "TALLY_LANG": None, "FORCE_COLOR": None, "NO_COLOR": None}
CLEAN = {0, 1, 2, 3, 4}
CASE_SECONDS = 20
RECOUNT_SECONDS = 300
MUTANTS = corpus()
BY_ID = {m.id: m for m in MUTANTS}

# Failures in areas being changed on other branches, by mutant id (strict xfail: a case that
# starts passing fails, so its line is deleted after the merge).
# yaml-strict (yamlsrc.py, pydantic_errors.py, references.py): YAML 1.1 numbers (015,
# 1:48, 1_08, 0x6c, yes/no/on/true, 108.0) read as figures instead of refused; integers of
# thousands of digits and impossible dates (1984-02-30, month 13, year 0) exit 70; a control
# character in the YAML text reported without its line; a missing top-level key without a line;
# a control character written as an escape ("\a") reaches the DOCX minutes and exits 70.
PENDING_YAML_STRICT: list[str] = []
# fs-hardening (safefile.py, source*.py, file opening and paths): a data path outside the
# folder is read (and its content quoted), a name too long or holding NUL exits 70.
PENDING_FS_HARDENING: list[str] = []
PENDING: dict[str, str] = {
    **dict.fromkeys(PENDING_YAML_STRICT, "yaml-strict"),
    **dict.fromkeys(PENDING_FS_HARDENING, "fs-hardening"),
}

# check's exit code per folder, for the recount test to compare with.
CHECK_EXITS: dict[str, int] = {}


class CaseTimeout(BaseException):
    """Not an Exception: the CLI's handler for bugs must not turn it into exit 70."""


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise CaseTimeout(f"more than {seconds} s: a hang?")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("corpus")
    return write(root, MUTANTS)


def run(*args: str | Path) -> Result:
    return invoke(*args, env=ENV)


def debug_output(*args: str | Path) -> str:
    """The same command with --debug: the traceback for the failure message."""
    result = CliRunner(env=ENV).invoke(cli, ["--debug", *map(str, args)], prog_name="tally")
    return result.stderr[-3000:]


def without_digests(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k not in {"inputs", "fingerprint"}}


_baselines: dict[str, dict[str, Any]] = {}


def baseline(folder: Path) -> dict[str, Any]:
    """Exit codes and count document of an unmutated folder."""
    key = str(folder)
    if key not in _baselines:
        out: dict[str, Any] = {}
        for name, args in commands(folder, folder.parent / f"{folder.name}-minutes", "md"):
            result = run(*args)
            out[name] = result.exit_code
            if name == "count":
                out["doc"] = without_digests(json.loads(result.stdout))
        _baselines[key] = out
    return _baselines[key]


def commands(folder: Path, minutes: Path, fmt: str) -> list[tuple[str, list[str | Path]]]:
    return [
        ("validate", ["validate", folder, "--lang", "en"]),
        ("count", ["count", folder, "--json", "--lang", "en"]),
        ("check", ["check", folder, "--json", "--lang", "en"]),
        ("minutes", ["minutes", folder, "-o", minutes, "--format", fmt, "--lang", "en"]),
    ]


def short(text: str, limit: int = 300) -> str:
    lines = [x if len(x) <= limit else x[:limit] + "…" for x in text.splitlines()[:12]]
    return "\n".join("    " + x for x in lines)


def unlocated(m: Mutant, folder: Path, result: Result) -> str | None:
    """Why an exit-2 message is not located, or None if it is."""
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    if not errors:
        return "exit 2 without an 'error:' line"
    prefix = f"error: {folder}{os.sep}"
    for line in errors:
        if not line.startswith(prefix):
            return "an error that names no file of the election"
    located = re.compile(rf"error: {re.escape(str(folder))}[^:]*:\d+")
    if m.line_level and not any(located.match(e) for e in errors):
        return "no line number"
    return None


def _params() -> list[Any]:
    unknown = set(PENDING) - set(BY_ID)
    assert not unknown, f"PENDING names mutants that no longer exist: {sorted(unknown)}"
    return [
        pytest.param(
            m,
            id=m.id,
            marks=[pytest.mark.xfail(reason=PENDING[m.id], strict=True)] if m.id in PENDING else [],
        )
        for m in MUTANTS
    ]


def test_the_corpus_is_large_and_varied() -> None:
    assert len(MUTANTS) >= 300
    for expect in ("neutral", "refused", "any"):
        assert sum(m.expect == expect for m in MUTANTS) >= 30, expect
    assert {m.base for m in MUTANTS} == {"xa", "huyen", "hdnd", "xa-tallies"}
    assert any(m.file.endswith(".csv") for m in MUTANTS)
    assert any(m.file.startswith("tallies/") for m in MUTANTS)
    assert corpus() == MUTANTS  # deterministic


@pytest.mark.parametrize("m", _params())
def test_mutant(m: Mutant, folders: dict[str, Path], tmp_path: Path) -> None:
    folder = folders[m.id]
    base = baseline(folder.parent / f"_base-{m.base}")
    fmt = ("md", "html", "docx")[zlib.crc32(m.id.encode()) % 3]
    problems: list[str] = []
    with deadline(CASE_SECONDS):
        for name, args in commands(folder, tmp_path / "minutes", fmt):
            result = run(*args)
            code = result.exit_code
            if name == "check":
                CHECK_EXITS[m.folder] = code
            escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
            if escaped or code not in CLEAN:
                problems.append(f"{name}: exit {code}\n{short(debug_output(*args)[-1500:])}")
                continue
            reads = name != "validate" or m.validate_reads
            if m.expect == "refused" and reads and code != 2:
                problems.append(f"{name}: exit {code}, expected 2 (bad input)")
            if m.expect == "neutral" and code != base[name]:
                problems.append(
                    f"{name}: exit {code}, unmutated {base[name]}\n{short(result.stderr)}"
                )
            if code == 2 and (why := unlocated(m, folder, result)):
                problems.append(f"{name}: {why}\n{short(result.stderr)}")
            elif name == "count":
                # Explained: the whole document, or (3, 4 raised early) an error that says why.
                if not result.stdout and "error: " not in result.stderr:
                    problems.append(f"count: exit {code} with neither document nor error")
                    continue
                doc = json.loads(result.stdout) if result.stdout else {}
                if m.expect == "neutral" and without_digests(doc) != base["doc"]:
                    problems.append("count: the document changed")
    assert not problems, f"{m.id} ({m.expect}):\n" + "\n".join(problems)


def test_recount_the_whole_corpus(folders: dict[str, Path]) -> None:
    root = next(iter(folders.values())).parent
    src = Path(__file__).resolve().parents[1] / "src"
    env = {**os.environ, "PYTHONPATH": str(src), "COLUMNS": "100"}
    env.pop("TALLY_LANG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "tally", "recount", str(root), "--json", "--jobs", "2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=RECOUNT_SECONDS,
        check=False,
    )
    doc = json.loads(proc.stdout)
    entries = {Path(e["path"]).name: e for e in doc["elections"]}
    assert {m.folder for m in MUTANTS} <= set(entries)
    pending = {BY_ID[i].folder for i in PENDING}
    crashed = {
        name: e["error"]["issues"][0]["message"][:200]
        for name, e in entries.items()
        if e["exit_code"] not in CLEAN and name not in pending
    }
    assert not crashed, crashed
    if not any(entries[name]["exit_code"] not in CLEAN for name in pending):
        assert proc.returncode in CLEAN, proc.stderr[-3000:]
    differ = {
        name: (entries[name]["exit_code"], code)
        for name, code in CHECK_EXITS.items()
        if entries[name]["exit_code"] != code and name not in pending
    }
    assert not differ, f"recount's exit code (left) is not check's (right): {differ}"
