"""The file system as an adversary (issue 13, points 5, 6, 7 and 11).

Special files (a FIFO, a device) are refused instead of read, so nothing hangs; sizes are
checked before reading; every write failure is exit 2 naming the path and the system's reason;
data paths stay inside the election folder; ``tally recount`` stops an election that does not
finish. A hang on today's code would stop the test run, so every test that could block runs
under an alarm that fails it instead.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from clirun import invoke
from tally.errors import TallyError

ROOT = Path(__file__).resolve().parent.parent
XA = ROOT / "examples" / "xa-2025"
ENV = {"COLUMNS": "100", "TALLY_LANG": "en", "FORCE_COLOR": None, "NO_COLOR": None}

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and signals are POSIX")


class Hung(BaseException):
    """Raised by the alarm: not an Exception, so no handler of tally's can swallow it."""


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    def ring(signum: int, frame: object) -> None:
        raise Hung("the command blocked (a special file read as if it were regular?)")

    old = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, 10)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def run(*args: str | Path) -> Result:
    return invoke(*args, env=ENV)


@pytest.fixture
def xa(tmp_path: Path) -> Path:
    folder = tmp_path / "xa"
    shutil.copytree(XA, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def fifo(path: Path) -> Path:
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    return path


# --------------------------------------------------------------------------- point 5


def test_a_fifo_as_election_yaml_is_refused(xa: Path) -> None:
    fifo(xa / "election.yaml")
    result = run("validate", xa)
    assert result.exit_code == 2, result.output
    assert f"{xa / 'election.yaml'}: not a regular file (a named pipe)" in result.stderr


def test_a_fifo_as_the_rule_file_is_refused(xa: Path) -> None:
    edit(xa / "election.yaml", "rules: qd-190-2024", "rules: ./local.yaml")
    fifo(xa / "local.yaml")
    result = run("count", xa)
    assert result.exit_code == 2, result.output
    assert "local.yaml: not a regular file (a named pipe)" in result.stderr


def test_a_device_as_election_yaml_is_refused(xa: Path) -> None:
    (xa / "election.yaml").unlink()
    (xa / "election.yaml").symlink_to("/dev/null")
    result = run("validate", xa)
    assert result.exit_code == 2, result.output
    assert "not a regular file (a device)" in result.stderr


@pytest.mark.parametrize("reader", ["csv", "sheet", "journal", "sha256", "operator"])
def test_every_reader_refuses_a_fifo_without_blocking(tmp_path: Path, reader: str) -> None:
    """The loader checks the data files first, but a file may be swapped after that check."""
    from tally.ballots.csvfile import read_rows
    from tally.ballots.sheets import ListedSheet, read_sheets
    from tally.entry.journal import read_journal
    from tally.entry.session import journal_operator
    from tally.errors import Location
    from tally.fingerprint import sha256

    path = fifo(tmp_path / "x")
    if reader == "operator":
        assert journal_operator(path) is None
        return
    with pytest.raises(TallyError, match=r"not a regular file \(a named pipe\)"):
        if reader == "csv":
            list(read_rows(path))
        elif reader == "sheet":
            read_sheets([ListedSheet("x", path, Location())], ["a"])
        elif reader == "journal":
            read_journal(path)
        else:
            sha256(path)


# --------------------------------------------------------------------------- recount time limit


def _stall(seconds: float, block_signals: bool = False) -> object:
    from tally.config.loader import load_election

    def load(path: Path, **options: Any) -> object:
        if path.name == "stuck":
            if block_signals:
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(seconds)
        return load_election(path, **options)

    return load


@pytest.mark.parametrize("jobs", [1, 2])
def test_recount_stops_an_election_that_does_not_finish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    from tally import recount as rc

    for name in ("a", "stuck", "z"):
        shutil.copytree(XA, tmp_path / name)
    monkeypatch.setattr(rc, "load_election", _stall(30))
    targets = rc.discover([tmp_path])
    started = time.monotonic()
    runs = list(rc.recount(targets, rc.Settings(lang="en"), jobs=jobs, timeout=1))
    assert time.monotonic() - started < 8
    assert [Path(r.path).name for r in runs] == ["a", "stuck", "z"]
    assert [r.exit_code for r in runs] == [0, 2, 0]
    stuck = runs[1]
    assert stuck.error_kind == "timeout"
    assert "did not finish within 1 s" in stuck.problems[0].message
    assert "--timeout" in (stuck.problems[0].hint or "")


def test_recount_kills_an_election_deaf_to_the_alarm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stuck where no signal reaches (a hung network drive): the worker is killed."""
    from tally import recount as rc

    for name in ("a", "stuck"):
        shutil.copytree(XA, tmp_path / name)
    monkeypatch.setattr(rc, "load_election", _stall(30, block_signals=True))
    monkeypatch.setattr(rc, "GRACE_SECONDS", 0.5)
    runs = list(rc.recount(rc.discover([tmp_path]), rc.Settings(lang="en"), jobs=2, timeout=1))
    assert [r.exit_code for r in runs] == [0, 2]
    assert runs[1].error_kind == "timeout"


def test_recount_timeout_option(tmp_path: Path) -> None:
    shutil.copytree(XA, tmp_path / "a")
    result = run("recount", tmp_path, "--timeout", "60", "-j", "1")
    assert result.exit_code == 0, result.output
    assert run("recount", tmp_path, "--timeout", "0").exit_code == 2
    assert "--timeout" in run("recount", "--help").stdout


# --------------------------------------------------------------------------- point 11: sizes


def test_size_is_checked_before_reading(xa: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tally import source

    path = xa / "election.yaml"
    with path.open("r+b") as f:
        f.truncate(5 * 1024 * 1024 * 1024)  # a sparse 5 GiB: reading it would take 5 GB
    result = run("validate", xa)
    assert result.exit_code == 2, result.output
    assert f"{path}: the file is larger than the limit for election.yaml (" in result.stderr
    assert source.LIMITS["election.yaml"] < 64 * 1024 * 1024


def test_a_tally_sheet_over_its_limit_is_refused(tmp_path: Path) -> None:
    from tally import source
    from tally.ballots.sheets import ListedSheet, read_sheets
    from tally.errors import Location

    path = tmp_path / "g1.yaml"
    path.write_text("group: 1\n" + "#" * source.LIMITS["tally sheet"], encoding="utf-8")
    with pytest.raises(TallyError, match="larger than the limit for a tally sheet"):
        read_sheets([ListedSheet("g1.yaml", path, Location())], ["a"])


@pytest.mark.parametrize("kind", ["folder", "fifo", "symlink to a fifo", "device"])
def test_force_replaces_only_regular_files(xa: Path, tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out.md"
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        fifo(target)
    elif kind == "device":
        target.symlink_to("/dev/null")
    else:
        target.symlink_to(fifo(tmp_path / "pipe"))
    result = run("minutes", xa, "--contest", "bt", "--format", "md", "-o", target, "--force")
    assert result.exit_code == 2, result.output
    assert str(target) in result.stderr
    assert "--force replaces only a regular file" in result.stderr
    assert target.is_dir() if kind == "folder" else not target.is_file()


def test_force_still_replaces_a_regular_file(xa: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")
    assert (
        run("minutes", xa, "--contest", "bt", "--format", "md", "-o", target, "--force").exit_code
        == 0
    )
    assert target.read_text(encoding="utf-8") != "old"


# --------------------------------------------------------------------------- point 6: writes


def _full_disk(monkeypatch: pytest.MonkeyPatch, err: int = errno.ENOSPC) -> None:
    from tally import safefile

    def fail(src: object, dst: object) -> None:
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(safefile.os, "replace", fail)


@pytest.mark.parametrize(
    "args",
    [
        ("minutes", "{xa}", "--contest", "bt", "--format", "md", "-o", "{out}.md"),
        ("minutes", "{xa}", "--contest", "bt", "--format", "docx", "-o", "{out}.docx"),
        ("count", "{xa}", "--format", "csv", "-o", "{out}.csv"),
        ("count", "{xa}", "--format", "xlsx", "-o", "{out}.xlsx"),
    ],
)
@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EROFS])
def test_a_write_failure_is_exit_2_with_the_reason(
    xa: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], err: int
) -> None:
    _full_disk(monkeypatch, err)
    out = tmp_path / "out"
    argv = [a.format(xa=xa, out=out) for a in args]
    result = run(*argv)
    assert result.exit_code == 2, result.output
    assert f"{argv[-1]}: cannot write the file ({os.strerror(err)})" in result.stderr
    assert not list(tmp_path.glob(".out*")), "the temporary file is left behind"


def test_output_into_a_folder_is_exit_2(xa: Path, tmp_path: Path) -> None:
    result = run("count", xa, "--format", "csv", "-o", tmp_path)
    assert result.exit_code == 2, result.output
    assert str(tmp_path) in result.stderr and "is a directory" in result.stderr
    (tmp_path / "out.md").mkdir()
    result = run("minutes", xa, "--contest", "bt", "--format", "md", "-o", tmp_path / "out.md")
    assert result.exit_code == 2, result.output
    assert f"{tmp_path / 'out.md'}: is a folder" in result.stderr


def test_output_under_a_regular_file_is_exit_2(xa: Path, tmp_path: Path) -> None:
    (tmp_path / "somefile").write_text("x", encoding="utf-8")
    target = tmp_path / "somefile" / "x.docx"
    result = run("minutes", xa, "--contest", "bt", "-o", target)
    assert result.exit_code == 2, result.output
    assert f"{target}: cannot write the file (" in result.stderr
    assert f"({tmp_path / 'somefile'} is a file, not a folder)" in result.stderr


def _journals(xa: Path) -> list[Path]:
    for operator in ("A", "B"):
        result = invoke(
            "enter",
            xa,
            "--contest",
            "bch",
            "--operator",
            operator,
            "--lang",
            "en",
            input="1 2\n3\n",
        )
        assert result.exit_code == 0, result.output
    return sorted((xa / "journals").glob("*.jsonl"))


def test_enter_export_and_log_write_failures_are_exit_2(
    xa: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journals = _journals(xa)
    _full_disk(monkeypatch)
    common = ["enter", xa, "--contest", "bch", "--operator", "A", "--lang", "en"]
    result = run(*common, "--export", "-o", tmp_path / "b.csv")
    assert result.exit_code == 2, result.output
    assert "b.csv: cannot write the file (No space left on device)" in result.stderr
    result = run(*common, "--log", tmp_path / "log.md")
    assert result.exit_code == 2, result.output
    assert "log.md: cannot write the file (No space left on device)" in result.stderr
    result = run("reconcile", *journals, "-o", tmp_path / "r.csv")
    assert result.exit_code == 2, result.output
    assert "r.csv: cannot write the file (No space left on device)" in result.stderr


def test_init_write_failure_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "somefile").write_text("x", encoding="utf-8")
    target = tmp_path / "somefile" / "new"
    result = run("init", target)
    assert result.exit_code == 2, result.output
    assert f"{target}: cannot write the file ({tmp_path / 'somefile'} is a file, not a folder)" in (
        result.stderr
    )


def test_simulate_write_failure_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _full_disk(monkeypatch, errno.EROFS)
    result = run("simulate", tmp_path / "corpus", "-n", "1")
    assert result.exit_code == 2, result.output
    assert "cannot write the file (Read-only file system)" in result.stderr


# --------------------------------------------------------------------------- point 7: paths


@pytest.mark.parametrize(
    ("spelling", "kind"),
    [("../elsewhere.csv", "relative"), ("{abs}", "absolute"), ("ballots/link.csv", "symlink")],
)
def test_a_ballot_path_outside_the_folder_is_refused(
    xa: Path, tmp_path: Path, spelling: str, kind: str
) -> None:
    outside = tmp_path / "elsewhere.csv"
    shutil.copy(xa / "ballots" / "bt-1.csv", outside)
    (xa / "ballots" / "link.csv").symlink_to(outside)
    yaml_path = xa / "election.yaml"
    edit(yaml_path, "ballots: ballots/bt-1.csv", f"ballots: {spelling.format(abs=outside)}")
    line = line_of(yaml_path, "ballots: " + spelling.format(abs=outside))
    result = run("count", xa)
    assert result.exit_code == 2, result.output
    assert f"election.yaml:{line}:" in result.stderr
    assert "outside the election folder" in result.stderr
    assert "--allow-outside" in result.stderr
    # The named folder is allowed, as an option of the command group.
    allowed = run("--allow-outside", tmp_path, "count", xa)
    assert allowed.exit_code == 0, allowed.output


def test_a_rule_file_outside_the_folder_is_refused(xa: Path, tmp_path: Path) -> None:
    shutil.copy(ROOT / "rules" / "qd-190-2024.yaml", tmp_path / "shared.yaml")
    yaml_path = xa / "election.yaml"
    edit(yaml_path, "rules: qd-190-2024", "rules: ../shared.yaml")
    result = run("validate", xa)
    assert result.exit_code == 2, result.output
    assert f"election.yaml:{line_of(yaml_path, 'rules: ../shared.yaml')}:" in result.stderr
    assert "outside the election folder" in result.stderr
    assert run("--allow-outside", tmp_path, "validate", xa).exit_code == 0


def test_a_local_rule_file_extending_outside_is_refused(xa: Path, tmp_path: Path) -> None:
    shutil.copy(ROOT / "rules" / "qd-190-2024.yaml", tmp_path / "shared.yaml")
    (xa / "local.yaml").write_text("extends: ../shared.yaml\nid: local\n", encoding="utf-8")
    edit(xa / "election.yaml", "rules: qd-190-2024", "rules: local.yaml")
    result = run("validate", xa)
    assert result.exit_code == 2, result.output
    assert "local.yaml:1:" in result.stderr and "outside the election folder" in result.stderr


def test_a_built_in_rule_file_by_path_is_not_outside(xa: Path) -> None:
    rules = ROOT / "rules" / "qd-190-2024.yaml"
    edit(xa / "election.yaml", "rules: qd-190-2024", f"rules: {rules}")
    result = run("validate", xa)
    assert result.exit_code == 0, result.output


def test_the_allowed_folder_in_recount(tmp_path: Path) -> None:
    shutil.copy(ROOT / "rules" / "qd-190-2024.yaml", tmp_path / "shared.yaml")
    shutil.copytree(XA, tmp_path / "elections" / "xa")
    edit(
        tmp_path / "elections" / "xa" / "election.yaml",
        "rules: qd-190-2024",
        "rules: ../../shared.yaml",
    )
    refused = run("recount", tmp_path / "elections", "-j", "1")
    assert refused.exit_code == 2 and "outside the election folder" in refused.stdout
    assert run("--allow-outside", tmp_path, "recount", tmp_path / "elections").exit_code == 0


def test_a_ballot_file_that_is_no_csv_is_not_quoted(xa: Path, tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    shutil.copy(secret, xa / "ballots" / "bt-1.csv")
    result = run("count", xa)
    assert result.exit_code == 2, result.output
    assert "root:x" not in result.output and "/bin/bash" not in result.output
    assert "the first line is not a ballot file header" in result.stderr


def test_a_misspelt_column_is_still_named(xa: Path) -> None:
    path = xa / "ballots" / "bt-1.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("struck", "strack", 1), encoding="utf-8")
    result = run("count", xa)
    assert result.exit_code == 2, result.output
    assert "unknown column 'strack'" in result.stderr


# --------------------------------------------------------------------------- point 11: tests


def test_the_suite_imports_tally_from_src() -> None:
    import tally

    assert Path(tally.__file__).resolve().is_relative_to(ROOT / "src")
    assert os.environ["PYTHONPATH"].split(os.pathsep)[0] == str(ROOT / "src")
