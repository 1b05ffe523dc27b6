"""The README's table of codes is the registry of codes (issues 14 and 17).

Every code is registered once, in :data:`tally.findings.CODES` (its kind, severities and a
one-line description from the catalogue); the README's table under "Codes" must list exactly
the registered codes, each with its kind and the registry's English description. The checks
and the count are read (as Python syntax) for the codes they emit: always a constant of
:class:`~tally.kinds.FindingCode` or :class:`~tally.kinds.ProblemCode`, never a string.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tally.findings import CODES, finding
from tally.i18n import msg
from tally.kinds import FINDING_CODES, PROBLEM_CODES, FindingCode

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "tally"
EMITTERS = {"finding": "FindingCode", "Problem": "ProblemCode", "_problem": "ProblemCode"}


def readme_codes() -> dict[str, tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n### Codes\n", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)` \| ([a-z ()]+?) \| (.+) \|$", section, flags=re.M)
    assert rows, "no table under ### Codes"
    return {code: (kind, when) for code, kind, when in rows}


def registered_row(code: str) -> tuple[str, str]:
    spec = CODES[code]
    kind = spec.kind
    if kind == "problem" and spec.severities == ("warning",):
        kind = "problem (warning)"
    return kind, spec.description.text("en")


def emitted() -> dict[str, set[str]]:
    """The first argument of every call to an emitter, unparsed: ``FindingCode.AGE_LIMIT``."""
    found: dict[str, set[str]] = {name: set() for name in EMITTERS}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name in found and not (name == "Problem" and path.name == "recount.py"):
                # recount.Problem is another class: an error of one election in a batch
                found[name].add(ast.unparse(node.args[0]))
    return found


def test_the_readme_table_is_the_registry() -> None:
    table = readme_codes()
    assert sorted(table) == sorted(CODES), (
        "a code is registered but not in the README, or vice versa"
    )
    for code, row in table.items():
        assert row == registered_row(code), code


def test_the_registry_is_the_two_closed_sets() -> None:
    assert [c for c, s in CODES.items() if s.kind == "finding"] == list(FINDING_CODES)
    assert [c for c, s in CODES.items() if s.kind == "problem"] == list(PROBLEM_CODES)
    assert not set(FINDING_CODES) & set(PROBLEM_CODES)
    for spec in CODES.values():
        assert spec.severities and spec.description.text("vi") != spec.description.text("en")


def test_the_checks_and_the_count_name_codes_by_constant() -> None:
    calls = emitted()
    findings = {f"FindingCode.{c.upper()}" for c in FINDING_CODES}
    problems = {f"ProblemCode.{c.upper()}" for c in PROBLEM_CODES}
    # audit.py makes a finding of the count's warnings: ProblemCode(w.code)
    assert calls["finding"] == findings | {"ProblemCode(w.code)"}
    assert calls["Problem"] | calls["_problem"] == problems | {"code"}


def test_a_code_at_a_severity_it_is_not_registered_for_is_a_bug() -> None:
    said = msg("code.appointed")
    assert finding(FindingCode.APPOINTED, "info", said).code == "appointed"
    assert type(finding(FindingCode.APPOINTED, "info", said).code) is str
    with pytest.raises(ValueError, match="appointed"):
        finding(FindingCode.APPOINTED, "error", said)
