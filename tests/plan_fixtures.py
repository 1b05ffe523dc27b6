"""Builders shared by the personnel-plan tests (test_plan_checks.py, test_cli_check.py).

Elections are built as data on top of the §8 setup of tests/elections.py (a delegates
congress; people named "Nguyễn Văn <ID>"); the count is replaced by hand-made BodyResults,
so the plan checks are tested without ballots. ``write_folder`` writes an election folder
(YAML text and per-ballot CSV files) for the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from elections import delegates_congress
from tally.election import Election
from tally.findings import Finding
from tally.plan_checks import BodyResult
from tally.ruleset.loader import load_ruleset
from tally.ruleset.models import RuleSet

# The contest id each body gets in these tests (huyen-2020 uses the same ids).
CONTEST_ID: dict[str, str] = {
    "committee": "bch",
    "standing_committee": "btv",
    "secretary": "bt",
    "deputy_secretary": "pbt",
    "inspection_committee": "ubkt",
    "inspection_chair": "cn",
    "delegates": "dbct",
    "deputies": "hdnd",
}


@cache
def rules(rule_id: str = "qd-190-2024") -> RuleSet:
    return load_ruleset(rule_id)


def name(pid: str) -> str:
    """The name tests/elections.py gives a person."""
    return f"Nguyễn Văn {pid.upper()}"


def contest(body: str, seats: int, candidates: Sequence[str], **extra: Any) -> dict[str, Any]:
    return {
        "id": CONTEST_ID[body],
        "body": body,
        "seats": seats,
        "candidates": list(candidates),
        **extra,
    }


def election(
    contests: list[dict[str, Any]],
    plan: dict[str, Any] | None = None,
    *,
    people: dict[str, dict[str, Any]] | None = None,
    rules_id: str = "qd-190-2024",
    date: str = "2025-07-20",
) -> Election:
    """An Election with these contests; every candidate (and every key of ``people``) exists."""
    extra = people or {}
    ids = list(dict.fromkeys([*(p for c in contests for p in c["candidates"]), *extra]))
    data = delegates_congress(rules=rules_id, candidates=ids, people_extra=extra, plan=plan)
    data["congress"]["date"] = date
    data["contests"] = contests
    return Election.model_validate(data)


def result(
    body: str,
    elected: Iterable[str],
    *,
    seats: int | None = None,
    passed: Iterable[tuple[str, int]] = (),
    tied: Iterable[str] = (),
    open_seats: int = 0,
    counted: bool = True,
) -> BodyResult:
    """What the count says about one body (one contest, id from CONTEST_ID)."""
    chosen = tuple(elected)
    return BodyResult(
        body=body,
        contests=(CONTEST_ID[body],),
        seats=seats if seats is not None else len(chosen) + open_seats,
        elected=chosen,
        passed_not_elected=tuple(passed),
        tied=tuple(tied),
        open_seats=open_seats,
        counted=counted,
    )


def bodies(*results: BodyResult) -> dict[str, BodyResult]:
    return {r.body: r for r in results}


def codes(findings: Iterable[Finding]) -> list[str]:
    return sorted(f.code for f in findings)


def only(findings: Iterable[Finding], code: str, person: str | None = None) -> Finding:
    """The one finding with ``code`` (and ``person``, if given)."""
    found = [f for f in findings if f.code == code and (person is None or f.person == person)]
    assert len(found) == 1, (code, person, [(f.code, f.person, f.en) for f in findings])
    return found[0]


def assert_texts(f: Finding, election: Election) -> None:
    """Both languages say something, and name the person the finding is about."""
    assert f.vi.strip() and f.en.strip()
    assert f.vi != f.en
    if f.person is not None:
        who = election.person(f.person).name
        assert who in f.vi, (who, f.vi)
        assert who in f.en, (who, f.en)
    assert f.to_json("vi")["message"] == f.vi
    assert f.to_json("en")["message"] == f.en


def write_folder(folder: Path, yaml_text: str, ballots: dict[str, Sequence[str]]) -> Path:
    """election.yaml plus ballot files: each ballot is its ``struck`` field (positions)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "election.yaml").write_text(yaml_text, encoding="utf-8")
    for rel, rows in ballots.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = ["ballot,struck,unmarked,invalid"]
        lines += [f"{i},{struck},," for i, struck in enumerate(rows, 1)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
