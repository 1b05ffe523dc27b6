"""Standard streams: a closed pipe (`tally count … | head -1`) and an ASCII locale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_into_closed_pipe(*args: str) -> tuple[int, str]:
    """Run tally with stdout a pipe whose reader has already gone (as after ``head`` exits)."""
    read, write = os.pipe()
    os.close(read)  # nobody will ever read: the first write gets EPIPE
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "tally", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            timeout=120,
        )
    finally:
        os.close(write)
    return proc.returncode, proc.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("count", "examples/huyen-2020"), 0),
        (("count", "examples/xa-2025", "--json"), 0),
        (("check", "examples/huyen-2020", "--lang", "en"), 1),
        (("recount", "examples", "--json", "--jobs", "1"), 1),
        (("rules", "show", "qd-190-2024"), 0),
    ],
)
def test_a_closed_pipe_is_quiet_and_keeps_the_exit_code(args: tuple[str, ...], code: int) -> None:
    returncode, err = run_into_closed_pipe(*args)
    assert "internal error" not in err and "Traceback" not in err, err
    assert "Broken pipe" not in err and "BrokenPipe" not in err, err
    assert returncode == code, err


def test_text_output_works_in_an_ascii_locale() -> None:
    """Vietnamese goes out as UTF-8 even where the locale says ASCII (issue 13, 11)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "LC_ALL": "C", "LANG": "C"}
    env["PYTHONIOENCODING"] = "ascii"
    env.pop("PYTHONUTF8", None)
    proc = subprocess.run(
        [sys.executable, "-m", "tally", "count", "examples/xa-2025", "--contest", "bch"],
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert "Đại hội Đảng bộ xã Mỹ Hòa Đông" in proc.stdout.decode("utf-8")
