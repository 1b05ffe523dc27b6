"""Golden outputs of `tally count` and `tally validate` for every example folder.

The expected outputs live in tests/golden/<example>/, the cases in tests/golden_cases.py;
`pytest tests/test_golden.py --update-golden` (or tests/update_golden.py) regenerates them
(on purpose only, then review `git diff tests/golden/`). Besides the byte-for-byte comparison,
the golden JSON documents are checked against the outcomes each example's README describes,
so a careless regeneration that changes a result still fails here.
"""

from __future__ import annotations

import difflib
import json
from typing import Any

import pytest

import golden_cases

CASES = [(example, case) for example in golden_cases.EXAMPLES for case in golden_cases.CASES]


def golden_text(example: str, case: str) -> str:
    path = golden_cases.golden_path(example, case)
    if not path.exists():
        pytest.fail(f"missing golden file {path}: run tests/golden_cases.py and review the diff")
    return path.read_bytes().decode("utf-8")


def golden_json(example: str, case: str = "count.json") -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(golden_text(example, case))
    return doc


@pytest.mark.parametrize(("example", "case"), CASES, ids=[f"{e}/{c}" for e, c in CASES])
def test_output_matches_golden(example: str, case: str, update_golden: bool) -> None:
    out = golden_cases.render(example, case)
    assert out.exit_code == golden_cases.EXIT_CODES.get((example, case), 0), out.stderr
    assert out.stderr == ""
    if update_golden:  # pytest --update-golden: today's output becomes the golden file
        golden_cases.write_golden(example, case, out.stdout)
    expected = golden_text(example, case)
    if out.stdout != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                out.stdout.splitlines(keepends=True),
                f"golden/{example}/{case}",
                "actual",
            )
        )
        pytest.fail(
            f"output differs from golden/{example}/{case}; if intended, run "
            f"tests/golden_cases.py and review the diff:\n{diff}"
        )


def test_every_golden_file_is_generated() -> None:
    """No stale golden file lingers after a case is renamed or removed."""
    expected = {golden_cases.golden_path(e, c) for e, c in CASES}
    present = {p for p in golden_cases.GOLDEN.rglob("*") if p.is_file()}
    assert present == expected


def contest(doc: dict[str, Any], contest_id: str) -> dict[str, Any]:
    found = [c for c in doc["contests"] if c["id"] == contest_id]
    assert len(found) == 1, contest_id
    return found[0]


def elected_of(rnd: dict[str, Any]) -> set[str]:
    return {c["id"] for c in rnd["candidates"] if c["status"] == "elected"}


def test_huyen_2020_outcomes() -> None:
    doc = golden_json("huyen-2020")
    assert doc["rules"] == "qd-244-2014"
    bch = contest(doc, "bch")
    (r1,) = bch["rounds"]
    assert (r1["outcome"], r1["base"], r1["threshold"]) == ("complete", 293, 147)
    assert len(bch["elected"]) == 15 and len(set(bch["elected"])) == 15
    assert "vtd" not in bch["elected"]
    vtd = next(c for c in r1["candidates"] if c["id"] == "vtd")
    assert (vtd["votes"], vtd["passed"], vtd["status"]) == (146, False, "not_elected")
    assert r1["ballots"]["invalid_by_reason"] == {"all_struck": 1, "marked": 1, "too_many_kept": 1}
    assert elected_of(r1) == set(bch["elected"])

    dbdk = contest(doc, "dbdk")
    assert [r["outcome"] for r in dbdk["rounds"]] == ["shortfall", "complete"]
    assert dbdk["rounds"][0]["open_seats"] == 1
    assert dbdk["rounds"][0]["elected"] == ["tthi"]
    assert dbdk["rounds"][1]["seats"] == 1
    assert dbdk["rounds"][1]["threshold"] == 147  # the base stays 293 with 288 present
    assert dbdk["rounds"][1]["present"] == 288
    assert dbdk["elected"] == ["tthi", "lvd"]
    assert dbdk["outcome"] == "complete"

    assert len(contest(doc, "dbct")["elected"]) == 10
    btv = contest(doc, "btv")
    assert btv["rounds"][0]["threshold"] == 8
    assert "tvc" not in btv["elected"]  # the plan's deputy secretary finishes 6th
    assert contest(doc, "bt")["elected"] == ["lmc"]
    pbt = contest(doc, "pbt")
    assert pbt["elected"] == ["hvb", "ntb"]
    assert pbt["rounds"][0]["ballots"]["invalid_by_reason"] == {"no_choice": 1}
    assert len(contest(doc, "ubkt")["elected"]) == 5
    assert contest(doc, "cnubkt")["elected"] == ["ndk"]


def test_xa_2025_outcomes() -> None:
    doc = golden_json("xa-2025")
    bch = contest(doc, "bch")
    r1, r2 = bch["rounds"]
    assert (r1["base"], r1["threshold"]) == (110, 56)
    assert r1["outcome"] == "tie"
    assert r1["tie"]["candidates"] == ["pmh", "tvq"]
    assert r1["tie"]["votes"] == 64
    assert r1["tie"]["resolution"] == "revote"
    assert r1["tie"]["elected_by_age"] == []
    assert len(r1["elected"]) == 8
    assert {c["id"] for c in r1["candidates"] if c["status"] == "tie"} == {"pmh", "tvq"}
    assert r2["outcome"] == "complete"
    assert r2["elected"] == ["pmh"]
    assert r2["candidates"][0]["votes"] == 63
    assert bch["elected"][-1] == "pmh" and len(bch["elected"]) == 9
    assert "tvq" not in bch["elected"]
    bt = contest(doc, "bt")
    assert bt["elected"] == ["htd"]
    assert bt["rounds"][0]["base"] == 110  # direct election at the congress
    assert bt["rounds"][0]["candidates"][0]["votes"] == 98
    assert len(contest(doc, "dbct")["elected"]) == 5
    assert "cvn" not in contest(doc, "dbct")["elected"]


def test_phuong_hdnd_2026_outcomes() -> None:
    doc = golden_json("phuong-hdnd-2026")
    assert doc["rules"] == "luat-bau-cu-2015-sd-2025"
    hdnd = contest(doc, "hdnd")
    (r1,) = hdnd["rounds"]
    assert r1["base_kind"] == "valid_ballots"
    assert (r1["base"], r1["threshold"]) == (2251, 1126)
    assert r1["ballots"]["issued"] == 2310
    assert r1["ballots"]["collected"] == 2300
    assert r1["ballots"]["invalid_by_reason"] == {
        "all_struck": 12,
        "too_many_kept": 31,
        "write_in": 6,
    }
    assert r1["outcome"] == "complete"
    assert r1["tie"]["candidates"] == ["tqh", "pvm"]
    assert r1["tie"]["votes"] == 1219
    assert r1["tie"]["resolution"] == "older_wins"
    assert r1["tie"]["elected_by_age"] == ["tqh"]
    assert hdnd["elected"] == ["ntth", "ltnl", "tqh"]
    status = {c["id"]: c["status"] for c in r1["candidates"]}
    assert status == {
        "ntth": "elected",
        "tqh": "elected",
        "ltnl": "elected",
        "pvm": "not_elected",
        "dtp": "not_elected",
    }


@pytest.mark.parametrize("example", golden_cases.EXAMPLES)
def test_golden_validate_json_has_no_findings(example: str) -> None:
    doc = golden_json(example, "validate.json")
    assert doc["errors"] == 0
    assert doc["findings"] == []


@pytest.mark.parametrize("example", golden_cases.EXAMPLES)
def test_golden_terminal_outputs_are_in_their_language(example: str) -> None:
    vi, en = golden_text(example, "count.vi.txt"), golden_text(example, "count.en.txt")
    assert "Trúng cử" in vi and "Elected" not in vi
    assert "Elected" in en and "Trúng cử" not in en
    assert max(len(line) for line in vi.splitlines()) <= 100
    assert max(len(line) for line in en.splitlines()) <= 100
