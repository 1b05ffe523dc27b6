"""Agree/disagree rows counted exactly (issue 15): invariants over random ballots (hypothesis,
with the strategies of test_properties), and tally sheets that give or omit the figures."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clirun import invoke
from tally.ballots.figures import Tally
from tally.ballots.sheets import read_sheet
from tally.count import BallotSpec, count_rows
from tally.decide import reconcile
from tally.errors import BallotFileError
from test_properties import FAST, R190, Case, cases

ROOT = Path(__file__).resolve().parents[1]


def agree_cases(valid_only: bool) -> st.SearchStrategy[Case]:
    return cases(valid_only=valid_only).filter(lambda c: c.spec.layout == "agree_disagree")


@FAST
@given(agree_cases(valid_only=False))
def test_each_row_adds_up_to_the_valid_ballots(case: Case) -> None:
    t = count_rows(case.rows, case.spec)
    assert t.disagree is not None and t.unmarked is not None
    for agree, disagree, unmarked in zip(t.votes, t.disagree, t.unmarked, strict=True):
        assert min(agree, disagree, unmarked) >= 0
        assert agree + disagree + unmarked == t.valid


@FAST
@given(agree_cases(valid_only=True))
def test_the_sums_over_ballots_are_the_marks(case: Case) -> None:
    """Every ballot valid: the disagree rows are the struck marks, the unmarked rows the
    unmarked marks, the agree rows the rest, summed over the ballots."""
    t = count_rows(case.rows, case.spec)
    assert t.disagree is not None and t.unmarked is not None
    struck = sum(len(r[2].split()) for r in case.rows)
    unmarked = sum(len(r[3].split()) for r in case.rows)
    assert sum(t.disagree) == struck
    assert sum(t.unmarked) == unmarked
    assert sum(t.votes) == case.spec.positions * len(case.rows) - struck - unmarked


@FAST
@given(agree_cases(valid_only=False), st.randoms(use_true_random=False))
def test_permuting_the_ballots_changes_no_row(case: Case, rnd: random.Random) -> None:
    rows = list(case.rows)
    rnd.shuffle(rows)
    a, b = count_rows(rows, case.spec), count_rows(case.rows, case.spec)
    assert (a.disagree, a.unmarked, a.votes) == (b.disagree, b.unmarked, b.votes)


@FAST
@given(cases(valid_only=False))
def test_only_agree_disagree_ballots_have_rows(case: Case) -> None:
    t = count_rows(case.rows, case.spec)
    assert (t.disagree is None) == (case.spec.layout == "strike")
    assert (t.unmarked is None) == (case.spec.layout == "strike")


def test_merging_with_an_unknown_pile_is_unknown() -> None:
    known = Tally(2, 3, {}, [2, 1], {1: 3}, [1, 1], [0, 1])
    assert known.merge(known).disagree == [2, 2]
    assert known.merge(known).unmarked == [0, 2]
    unknown = Tally(2, 3, {}, [2, 1], {1: 3})
    assert known.merge(unknown).disagree is None
    assert unknown.merge(known).unmarked is None


def test_reconcile_finds_rows_that_do_not_add_up() -> None:
    t = Tally(2, 5, {}, [4, 3], None, [1, 1], [0, 0])  # position 2: 3 + 1 + 0 ≠ 5
    (problem,) = reconcile(t, 5, 2)
    assert problem.code == "rows_mismatch"
    assert (problem.expected, problem.actual) == (5, 4)
    assert "Vị trí 2" in problem.vi and "Position 2" in problem.en
    over = Tally(1, 5, {}, [4], None, [2], None)  # unmarked not known: 4 + 2 > 5
    (problem,) = reconcile(over, 5, 1)
    assert problem.code == "rows_mismatch" and problem.actual == 6
    assert reconcile(Tally(1, 5, {}, [4], None, [1], None), 5, 1) == []


# --- tally sheets ------------------------------------------------------------------------------

IDS = ["a", "b"]


def sheet(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_sheet_gives_the_rows(tmp_path: Path) -> None:
    text = (
        "group: 1\ncollected: 10\nvotes: {a: 7, b: 6}\n"
        "disagree: {a: 2, b: 4}\nunmarked: {a: 1, b: 0}\n"
    )
    t = read_sheet(sheet(tmp_path, text), IDS, "agree_disagree")
    assert (t.disagree, t.unmarked) == ([2, 4], [1, 0])
    assert reconcile(t, 10, 2) == []


def test_a_sheet_without_rows_leaves_them_unknown(tmp_path: Path) -> None:
    t = read_sheet(sheet(tmp_path, "group: 1\ncollected: 10\nvotes: {a: 7, b: 6}\n"), IDS)
    assert (t.disagree, t.unmarked) == (None, None)


@pytest.mark.parametrize(
    ("text", "layout", "said"),
    [
        ("disagree: {a: 1, b: 1}\n", "strike", "'disagree' is for agree/disagree ballots only"),
        ("unmarked: {a: 1}\n", "agree_disagree", "no 'unmarked' figure given for 'b'"),
        ("disagree: {a: 1, b: 1, c: 2}\n", "agree_disagree", "'c' is not on this round"),
    ],
)
def test_a_sheet_with_wrong_rows_is_refused(
    tmp_path: Path, text: str, layout: Any, said: str
) -> None:
    path = sheet(tmp_path, "group: 1\ncollected: 10\nvotes: {a: 7, b: 6}\n" + text)
    with pytest.raises(BallotFileError) as err:
        read_sheet(path, IDS, layout)
    assert said in str(err.value)


def count_sheets(tmp_path: Path, g1: str, g2: str) -> dict[str, Any]:
    folder = tmp_path / "xa"
    shutil.copytree(ROOT / "examples" / "xa-2025", folder)
    (folder / "tallies").mkdir()
    (folder / "tallies" / "bt-g1.yaml").write_text(g1, encoding="utf-8")
    (folder / "tallies" / "bt-g2.yaml").write_text(g2, encoding="utf-8")
    yaml_path = folder / "election.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(
        text.replace(
            "ballots: ballots/bt-1.csv", "tallies: [tallies/bt-g1.yaml, tallies/bt-g2.yaml]"
        ),
        encoding="utf-8",
    )
    result = invoke("count", folder, "--contest", "bt", "--json")
    assert result.exit_code in (0, 3), result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


G1 = "group: 1\ncollected: 60\ninvalid: {no_choice: 1}\nvotes: {htd: 55}\n"
G2 = "group: 2\ncollected: 48\nvotes: {htd: 43}\n"


def test_sheets_with_rows_give_them_in_the_json(tmp_path: Path) -> None:
    doc = count_sheets(
        tmp_path,
        G1 + "disagree: {htd: 4}\nunmarked: {htd: 0}\n",
        G2 + "disagree: {htd: 5}\nunmarked: {htd: 0}\n",
    )
    (cand,) = doc["contests"][0]["rounds"][0]["candidates"]
    assert cand["agree"] == {"count": 98, "pct_of_base": "89.09"}
    assert cand["disagree"] == {"count": 9, "pct_of_base": "8.18"}
    assert cand["unmarked"] == {"count": 0, "pct_of_base": "0.00"}


def test_a_sheet_without_rows_leaves_the_round_unknown(tmp_path: Path) -> None:
    doc = count_sheets(tmp_path, G1 + "disagree: {htd: 4}\nunmarked: {htd: 0}\n", G2)
    (cand,) = doc["contests"][0]["rounds"][0]["candidates"]
    assert cand["agree"]["count"] == 98
    assert cand["disagree"] is None and cand["unmarked"] is None  # never invented


def test_sheets_whose_rows_do_not_add_up_are_rejected(tmp_path: Path) -> None:
    doc = count_sheets(
        tmp_path,
        G1 + "disagree: {htd: 4}\nunmarked: {htd: 1}\n",
        G2 + "disagree: {htd: 5}\nunmarked: {htd: 0}\n",
    )
    rd = doc["contests"][0]["rounds"][0]
    assert rd["outcome"] == "rejected"
    assert [p["code"] for p in rd["problems"]] == ["rows_mismatch"]


def test_spec_is_unchanged() -> None:
    """The ballot spec the strategies draw from is the rule set's (a guard on the import)."""
    spec = BallotSpec.from_rules(2, 2, "agree_disagree", R190.ballot.invalid)
    assert spec.layout == "agree_disagree"
