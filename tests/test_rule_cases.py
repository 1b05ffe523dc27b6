"""The rule cases of tests/rule_cases/*.yaml, each run through the real loader, engine and checks.

A case is an election (rule set, electorate, lists, ballots or tally sheets) and what must come
of it: who is elected, the base and threshold, the outcome, the findings, the exit code. The
format is in tests/rule_cases/README.md. Each case also runs through the CLI (``--json``), which
must end with the same exit code and report the same findings.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from clirun import invoke
from elections import ElectionBuilder
from tally.app import check_report, validate_report
from tally.config.loader import load_election
from tally.report.model import (
    CheckReport,
    RoundReport,
    ValidateContest,
    ValidateReport,
    check_exit_code,
    validate_exit_code,
)

CASES_DIR = Path(__file__).with_name("rule_cases")
CASE_KEYS = {"name", "source", "election", "command", "expect"}
FILE_KEYS = {"source", "election", "cases"}
EXPECT_KEYS = {"exit", "findings", "contests", "structure"}
# A finding item may match part of its sentence: ``says_en: "of 15"`` (either language).
SAYS = {"says_en": "en", "says_vi": "vi"}


def merged(base: Any, over: Any) -> Any:
    """``over`` on top of ``base``: mappings merged key by key, anything else replaced."""
    if isinstance(base, Mapping) and isinstance(over, Mapping):
        return {**base, **{k: merged(base.get(k), v) for k, v in over.items()}}
    return over


def load_cases() -> Iterator[Any]:
    for path in sorted(CASES_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(doc) <= FILE_KEYS, (path.name, set(doc) - FILE_KEYS)
        for case in doc["cases"]:
            assert set(case) <= CASE_KEYS, (path.name, case.get("name"), set(case) - CASE_KEYS)
            assert case.get("source") or doc.get("source"), (path.name, "a case names its source")
            full = {
                **case,
                "source": case.get("source", doc.get("source")),
                "election": merged(doc.get("election", {}), case.get("election", {})),
            }
            yield pytest.param(full, id=f"{path.stem}: {case['name']}")


CASES = list(load_cases())


# --- what a report shows, by the names the case files use -----------------------------------

Observed = dict[str, Callable[[Any], object]]

ROUND: Observed = {
    "seats": lambda r: r.seats,
    "candidates": lambda r: [c.id for c in r.candidates],
    "layout": lambda r: r.layout,
    "base": lambda r: r.base,
    "base_kind": lambda r: r.base_kind,
    "base_parts": lambda r: dict(r.base_parts),
    "threshold": lambda r: r.threshold,
    "collected": lambda r: r.ballots.collected,
    "valid": lambda r: r.ballots.valid,
    "invalid": lambda r: dict(r.ballots.invalid_by_reason),
    "kept": lambda r: dict(r.ballots.kept) if r.ballots.kept is not None else None,
    "votes": lambda r: [c.votes for c in r.candidates],
    "elected": lambda r: list(r.elected),
    "passed": lambda r: [c.id for c in r.candidates if c.passed],
    "status": lambda r: {c.id: c.status for c in r.candidates},
    "outcome": lambda r: r.outcome,
    "open_seats": lambda r: r.open_seats,
    "tie": lambda r: (
        None
        if r.tie is None
        else {
            "candidates": list(r.tie.candidates),
            "votes": r.tie.votes,
            "seats": r.tie.seats,
            "elected_by_age": list(r.tie.elected_by_age),
        }
    ),
    "problems": lambda r: sorted(p.code for p in r.problems),
}

CONTEST: Observed = {
    "elected": lambda c: list(c.elected),
    "outcome": lambda c: c.outcome,
}

VALIDATE_CONTEST: Observed = {
    "layout": lambda c: c.layout,
    "surplus": lambda c: c.surplus,
    "base": lambda c: c.base,
    "base_kind": lambda c: c.base_kind,
    "base_parts": lambda c: dict(c.base_parts),
    "threshold": lambda c: c.threshold,
    "present": lambda c: c.present,
}


def compare(where: str, seen: Observed, thing: object, expected: Mapping[str, Any]) -> None:
    unknown = set(expected) - set(seen)
    assert not unknown, f"{where}: the case expects unknown keys {sorted(unknown)}"
    for key, want in expected.items():
        got = seen[key](thing)
        if key == "status":  # only the people the case names
            assert isinstance(got, dict)
            got = {pid: got.get(pid) for pid in want}
        assert got == want, f"{where}.{key}: expected {want!r}, got {got!r}"


def check_findings(findings: tuple[Any, ...], expected: list[Any]) -> None:
    """Exactly these codes (as a multiset); a mapping item must match one finding's fields."""
    want = Counter(e if isinstance(e, str) else e["code"] for e in expected)
    assert Counter(f.code for f in findings) == want, [
        (f.code, f.severity, f.person, f.expected, f.actual) for f in findings
    ]
    for item in expected:
        if isinstance(item, Mapping):
            assert any(all(_matches(f, k, v) for k, v in item.items()) for f in findings), (
                item,
                [(f.code, f.severity, f.person, f.rule, f.expected, f.actual) for f in findings],
            )


def _matches(f: Any, key: str, want: Any) -> bool:
    if key in SAYS:
        return str(want) in getattr(f, SAYS[key])
    return bool(getattr(f, key) == want)


STRUCTURE: Observed = {
    key: (lambda line, key=key: getattr(line, key))
    for key in ("body", "target", "count", "of", "needed", "unknown", "met")
}


def check_structure(report: CheckReport | ValidateReport, expected: list[Any]) -> None:
    """After ``check``: each structure target's line, in order (body, target, count, of, …)."""
    assert isinstance(report, CheckReport), "structure is a result of check"
    lines = list(report.structure)
    assert len(lines) == len(expected), [(x.body, x.target) for x in lines]
    for n, (line, want) in enumerate(zip(lines, expected, strict=True), 1):
        compare(f"structure line {n}", STRUCTURE, line, want)


def by_id(items: tuple[Any, ...], cid: str) -> Any:
    found = [c for c in items if c.id == cid]
    assert found, f"no contest {cid!r}"
    return found[0]


def check_contests(report: CheckReport | ValidateReport, expected: Mapping[str, Any]) -> None:
    for cid, want in expected.items():
        if isinstance(report, ValidateReport):
            contest: ValidateContest = by_id(report.contests, cid)
            compare(cid, VALIDATE_CONTEST, contest, want)
            continue
        counted = by_id(report.count.contests, cid)
        rounds: list[RoundReport] = list(counted.rounds)
        compare(cid, CONTEST, counted, {k: v for k, v in want.items() if k != "rounds"})
        if "rounds" in want:
            assert len(rounds) == len(want["rounds"]), f"{cid}: {len(rounds)} rounds"
            for n, (rnd, wanted) in enumerate(zip(rounds, want["rounds"], strict=True), 1):
                compare(f"{cid} round {n}", ROUND, rnd, wanted)


@pytest.mark.parametrize("case", CASES)
def test_rule_case(case: dict[str, Any], election_builder: ElectionBuilder) -> None:
    expect = case["expect"]
    assert set(expect) <= EXPECT_KEYS, set(expect) - EXPECT_KEYS
    command = case.get("command", "check")
    folder = election_builder(case["election"])
    loaded = load_election(folder)
    report: CheckReport | ValidateReport
    if command == "validate":
        report = validate_report(loaded)
        code = validate_exit_code(report)
    else:
        assert command == "check", command
        report = check_report(loaded)
        code = check_exit_code(report, "error")
    check_contests(report, expect.get("contests", {}))
    check_findings(report.findings, expect.get("findings", []))
    if "structure" in expect:
        check_structure(report, expect["structure"])
    assert code == expect["exit"], (code, [f.code for f in report.findings])

    # The same through the CLI, as a user runs it.
    result = invoke(command, folder, "--json")
    assert result.exit_code == expect["exit"], result.stderr
    doc = json.loads(result.stdout)
    assert sorted(f["code"] for f in doc["findings"]) == sorted(f.code for f in report.findings)


def test_there_are_cases() -> None:
    assert len(CASES) >= 30
