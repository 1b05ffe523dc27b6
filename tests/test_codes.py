"""The README's table of codes equals the codes the code base defines (issue 14).

The codes are listed once, in :mod:`tally.kinds`; the checks and the count are read (as
Python syntax, not as text) for the codes they emit, so a new code that is not in the list,
or a listed code that nothing emits any more, fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tally.kinds import FINDING_CODES, PROBLEM_CODES

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "tally"


def readme_codes() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n### Codes\n", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)` \| ([a-z ()]+?) \|", section, flags=re.M)
    assert rows, "no table under ### Codes"
    return dict(rows)


def emitted(function: str) -> set[str]:
    """The literal codes passed first to ``function(...)`` anywhere in the source."""
    codes: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            first = node.args[0]
            if name == function and isinstance(first, ast.Constant):
                codes.add(str(first.value))
    return codes


def test_the_readme_table_lists_every_code_once() -> None:
    table = readme_codes()
    assert set(table) == set(FINDING_CODES) | set(PROBLEM_CODES)
    assert {c for c, kind in table.items() if kind == "finding"} == set(FINDING_CODES)
    assert {c for c, kind in table.items() if kind != "finding"} == set(PROBLEM_CODES)


def test_the_list_is_what_the_checks_and_the_count_emit() -> None:
    assert emitted("finding") == set(FINDING_CODES)
    assert emitted("Problem") | emitted("_problem") == set(PROBLEM_CODES)
    assert len(set(FINDING_CODES)) == len(FINDING_CODES) and not set(FINDING_CODES) & set(
        PROBLEM_CODES
    )
