"""Regenerate the golden files in tests/golden/ — run this ON PURPOSE only.

The golden files pin what `tally count`, `validate`, `check` and `minutes` (Markdown) print for each example folder
(terminal output in Vietnamese and English at 100 columns, and the JSON documents).
tests/test_golden.py compares the CLI's output with them byte for byte.

When an output change is intended (new wording, a new JSON key, a layout fix):

    cd /work/main && .venv/bin/python tests/update_golden.py
    git diff tests/golden/        # review EVERY changed line before committing

Never run it just to make a failing test pass: a golden diff you did not mean is a bug.
tests/test_golden.py also checks the key outcomes of the golden JSON (who is elected, ties,
shortfalls), so a regenerated file that changes a result still fails.

    .venv/bin/python tests/update_golden.py --check   # report differences, write nothing
"""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from tally.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLES = ("huyen-2020", "xa-2025", "phuong-hdnd-2026")

# Golden file name → the command's arguments ({dir} is the example folder, relative to ROOT).
CASES: dict[str, tuple[str, ...]] = {
    "count.vi.txt": ("count", "{dir}"),
    "count.en.txt": ("count", "{dir}", "--lang", "en"),
    "count.json": ("count", "{dir}", "--json"),
    "validate.vi.txt": ("validate", "{dir}"),
    "validate.en.txt": ("validate", "{dir}", "--lang", "en"),
    "validate.json": ("validate", "{dir}", "--json"),
    "check.vi.txt": ("check", "{dir}"),
    "check.en.txt": ("check", "{dir}", "--lang", "en"),
    "check.json": ("check", "{dir}", "--json"),
    "minutes.vi.md": ("minutes", "{dir}", "--contest", "{contest}", "--round", "1", "-o", "-"),
    "minutes.en.md": (
        "minutes",
        "{dir}",
        "--contest",
        "{contest}",
        "--round",
        "1",
        "-o",
        "-",
        "--lang",
        "en",
    ),
}

# The contest whose first-round minutes are pinned for each example.
MINUTES_CONTEST = {"huyen-2020": "bch", "xa-2025": "bch", "phuong-hdnd-2026": "hdnd"}

# The exit code each case must end with (0 unless listed): huyen-2020's planned deputy
# secretary is not elected, a plan deviation, so `tally check` fails there on purpose.
EXIT_CODES: dict[tuple[str, str], int] = {
    ("huyen-2020", "check.vi.txt"): 1,
    ("huyen-2020", "check.en.txt"): 1,
    ("huyen-2020", "check.json"): 1,
}

# A stable environment: 100 columns, no colour, no language from the caller's shell.
ENV: dict[str, str | None] = {
    "COLUMNS": "100",
    "LINES": "50",
    "TALLY_LANG": None,
    "FORCE_COLOR": None,
    "NO_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
}


@dataclass(frozen=True)
class Output:
    exit_code: int
    stdout: str
    stderr: str


def render(example: str, case: str) -> Output:
    """Run one golden case in-process, from the repository root (paths stay relative)."""
    args = [
        a.replace("{dir}", f"examples/{example}").replace("{contest}", MINUTES_CONTEST[example])
        for a in CASES[case]
    ]
    with contextlib.chdir(ROOT):
        result = CliRunner(env=ENV).invoke(cli, args, prog_name="tally")
    if result.exc_info is not None and result.exc_info[0] is not SystemExit:
        raise RuntimeError(f"tally {' '.join(args)} crashed") from result.exception
    return Output(result.exit_code, result.stdout, result.stderr)


def golden_path(example: str, case: str) -> Path:
    return GOLDEN / example / case


def main(argv: list[str]) -> int:
    check = "--check" in argv
    changed = 0
    for example in EXAMPLES:
        for case in CASES:
            out = render(example, case)
            if out.exit_code != EXIT_CODES.get((example, case), 0) or out.stderr:
                print(
                    f"warning: {example}/{case}: exit {out.exit_code}, stderr: {out.stderr!r}",
                    file=sys.stderr,
                )
            path = golden_path(example, case)
            old = path.read_bytes().decode("utf-8") if path.exists() else None
            if old == out.stdout:
                continue
            changed += 1
            print(f"{'differs' if check else 'updated'}: {path.relative_to(ROOT)}")
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(out.stdout.encode("utf-8"))
    print(
        f"{changed} golden file(s) {'differ' if check else 'written'}; review: git diff tests/golden/"
    )
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
