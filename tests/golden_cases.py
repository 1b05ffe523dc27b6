"""The golden cases: which command, on which example, pinned in which file of tests/golden/.

tests/test_golden.py compares the CLI's output with them byte for byte (and checks the key
outcomes of the golden JSON). Regenerate them ON PURPOSE only, when an output change is
intended, with either of:

    python -m pytest tests/test_golden.py --update-golden
    python tests/update_golden.py            # the same; --check reports, writes nothing
"""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from pathlib import Path

from clirun import invoke

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
        result = invoke(*args, env=ENV)
    return Output(result.exit_code, result.stdout, result.stderr)


def golden_path(example: str, case: str) -> Path:
    return GOLDEN / example / case


def write_golden(example: str, case: str, text: str) -> bool:
    """Write ``text`` as the golden file of ``case``; False when it already held exactly that."""
    path = golden_path(example, case)
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


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
            if check:
                differs = not path.exists() or path.read_bytes() != out.stdout.encode("utf-8")
            else:
                differs = write_golden(example, case, out.stdout)
            if differs:
                changed += 1
                print(f"{'differs' if check else 'updated'}: {path.relative_to(ROOT)}")
    print(
        f"{changed} golden file(s) {'differ' if check else 'written'}; review: git diff tests/golden/"
    )
    return 1 if check and changed else 0
