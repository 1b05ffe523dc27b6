"""Counting ballot rows: invalid reasons, malformed input with line numbers, merging,
reconciliation of the figures, and counting groups' tally sheets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tally.ballots.csvfile import read_rows
from tally.ballots.figures import Tally
from tally.config.loader import load_election
from tally.count import BallotSpec, count_rows
from tally.decide import reconcile
from tally.engine import count_election
from tally.errors import BallotFileError
from tally.kinds import INVALID_REASONS
from tally.ruleset.loader import load_ruleset

ALL18 = " ".join(str(i) for i in range(1, 19))


@pytest.fixture(scope="module")
def r190():
    return load_ruleset("qd-190-2024")


@pytest.fixture(scope="module")
def strike(r190) -> BallotSpec:
    """18 names, 15 seats: a list with surplus."""
    return BallotSpec.from_rules(18, 15, "strike", r190.ballot.invalid)


@pytest.fixture(scope="module")
def agree(r190) -> BallotSpec:
    """3 names, 3 seats: agree/disagree ballots."""
    return BallotSpec.from_rules(3, 3, "agree_disagree", r190.ballot.invalid)


def one(spec: BallotSpec, struck: str = "", unmarked: str = "", invalid: str = "") -> Tally:
    return count_rows([(2, "", struck, unmarked, invalid)], spec)


def raises_at(rows: list[tuple[int, str, str, str, str]], spec: BallotSpec, line: int) -> str:
    path = Path("ballots/x.csv")
    with pytest.raises(BallotFileError) as info:
        count_rows(rows, spec, path)
    issue = info.value.issues[0]
    assert issue.location.path == path
    assert issue.location.line == line
    assert info.value.exit_code == 2
    return str(info.value)


# --------------------------------------------------------------------------- reasons


@pytest.mark.parametrize("reason", ["not_issued", "write_in", "marked"])
def test_typed_reasons(strike: BallotSpec, reason: str) -> None:
    t = one(strike, "1 2 3", invalid=reason)  # marks would be valid; the typed reason wins
    assert t.collected == 1
    assert t.valid == 0
    assert t.invalid[reason] == 1
    assert t.invalid_total == 1
    assert t.votes == [0] * 18
    assert t.kept == {}


def test_derived_too_many_kept(strike: BallotSpec) -> None:
    assert one(strike, "1 2").invalid["too_many_kept"] == 1  # keeps 16
    assert one(strike, "").invalid["too_many_kept"] == 1  # untouched
    assert one(strike, "1 2 3").invalid_total == 0  # keeps 15


def test_derived_all_struck(strike: BallotSpec) -> None:
    t = one(strike, ALL18)
    assert t.invalid["all_struck"] == 1
    assert t.valid == 0


def test_derived_no_choice(agree: BallotSpec) -> None:
    assert one(agree, unmarked="1 2 3").invalid["no_choice"] == 1
    ok = one(agree, unmarked="1 2")
    assert ok.invalid_total == 0
    assert ok.votes == [0, 0, 1]
    disagree_all = one(agree, struck="1 2 3")
    assert disagree_all.invalid_total == 0
    assert disagree_all.kept == {0: 1}


def test_agree_layout_too_many_kept(r190) -> None:
    """An agree/disagree ballot for fewer seats than names: agreeing with too many."""
    spec = BallotSpec.from_rules(3, 2, "agree_disagree", r190.ballot.invalid)
    assert one(spec).invalid["too_many_kept"] == 1
    assert one(spec, struck="3").votes == [1, 1, 0]


def test_every_reason_counted_together(strike: BallotSpec) -> None:
    rows = [
        (2, "1", "1 2 3", "", "not_issued"),
        (3, "2", "", "", "write_in"),
        (4, "3", "4", "", "marked"),
        (5, "4", "1", "", ""),
        (6, "5", ALL18, "", ""),
        (7, "6", "1 2 3", "", ""),
    ]
    t = count_rows(rows, strike)
    assert {r: t.invalid[r] for r in INVALID_REASONS} == {
        "not_issued": 1,
        "too_many_kept": 1,
        "all_struck": 1,
        "write_in": 1,
        "marked": 1,
        "no_choice": 0,
    }
    assert t.valid == 1
    assert t.collected == 6


USER_RULES = """\
extends: qd-190-2024
id: local-no-all-struck
title: Local guidance without the all-struck rule
ballot:
  invalid:
    all_struck:
      value: false
      cite: Hướng dẫn 12-HD/ĐU (1/3/2025) of a local committee, mục 3
      provenance: U
"""


def test_all_struck_turned_off_by_user_rules(tmp_path: Path) -> None:
    path = tmp_path / "local.yaml"
    path.write_text(USER_RULES, encoding="utf-8")
    rules = load_ruleset(str(path))
    assert rules.ballot.invalid.all_struck.value is False
    assert rules.ballot.invalid.all_struck.provenance == "U"
    spec = BallotSpec.from_rules(18, 15, "strike", rules.ballot.invalid)
    assert "all_struck" not in spec.invalidating
    t = count_rows([(2, "1", ALL18, "", ""), (3, "2", "1 2 3", "", "")], spec)
    assert t.invalid_total == 0
    assert t.valid == 2
    assert t.kept == {0: 1, 15: 1}
    assert t.votes == [0, 0, 0] + [1] * 15
    assert reconcile(t, 2, 15) == []


def test_typed_reason_turned_off_counts_marks(tmp_path: Path) -> None:
    path = tmp_path / "lenient.yaml"
    path.write_text(
        "extends: qd-190-2024\nid: lenient\nballot:\n  invalid:\n    marked:\n"
        "      value: false\n      cite: local charter art. 9\n      provenance: I\n",
        encoding="utf-8",
    )
    spec = BallotSpec.from_rules(18, 15, "strike", load_ruleset(str(path)).ballot.invalid)
    t = count_rows([(2, "", "1 2 3", "", "marked")], spec)
    assert t.invalid_total == 0
    assert t.votes == [0, 0, 0] + [1] * 15


# --------------------------------------------------------------------------- malformed rows


def test_position_out_of_range(strike: BallotSpec) -> None:
    msg = raises_at([(2, "1", "1 2 3", "", ""), (3, "2", "4 19", "", "")], strike, 3)
    assert "position 19 is out of range: the ballot has 18 names" in msg


def test_position_zero_out_of_range(strike: BallotSpec) -> None:
    assert "position 0 is out of range" in raises_at([(7, "1", "0 1 2", "", "")], strike, 7)


def test_position_twice(strike: BallotSpec) -> None:
    assert "position 3 is given twice" in raises_at([(4, "", "3 1 3", "", "")], strike, 4)


def test_non_numeric_token(strike: BallotSpec) -> None:
    msg = raises_at([(5, "", "1 a 2", "", "")], strike, 5)
    assert "'a' is not a ballot position" in msg
    msg = raises_at([(6, "", "1;2", "", "")], strike, 6)  # "1,2" is 1 and 2, as in entry
    assert "'1;2' is not a ballot position" in msg


def test_unknown_reason(strike: BallotSpec) -> None:
    msg = raises_at([(2, "", "1 2 3", "", ""), (3, "", "1 2 3", "", "spoiled")], strike, 3)
    assert "unknown invalid reason 'spoiled'" in msg
    assert "not_issued, write_in or marked" in msg


@pytest.mark.parametrize("reason", ["too_many_kept", "all_struck", "no_choice"])
def test_derived_reason_typed_by_hand(strike: BallotSpec, reason: str) -> None:
    msg = raises_at([(9, "", "1 2 3", "", reason)], strike, 9)
    assert f"'{reason}'" in msg
    assert "derives this from the marks" in msg


def test_duplicate_serial_numeric(strike: BallotSpec) -> None:
    rows = [(2, "1", "1 2 3", "", ""), (3, "2", "1 2 3", "", ""), (4, "1", "4 5 6", "", "")]
    assert "ballot serial '1' appears twice" in raises_at(rows, strike, 4)


def test_duplicate_serial_text(strike: BallotSpec) -> None:
    rows = [(2, "A-1", "1 2 3", "", ""), (3, "A-2", "", "", ""), (4, "A-1", "4 5 6", "", "")]
    assert "ballot serial 'A-1' appears twice" in raises_at(rows, strike, 4)


def test_duplicate_serial_across_batches(strike: BallotSpec) -> None:
    """A serial repeated far apart (after a flush of the in-order batch) is still caught."""
    rows = [(i + 2, str(i + 1), "1 2 3", "", "") for i in range(25_000)]
    rows.append((25_002, "7", "1 2 3", "", ""))
    assert "ballot serial '7' appears twice" in raises_at(rows, strike, 25_002)


def test_serials_unique_and_empty_ok(strike: BallotSpec) -> None:
    rows = [(2, "", "1 2 3", "", ""), (3, "", "1 2 3", "", ""), (4, "3", "1 2 3", "", "")]
    assert count_rows(rows, strike).valid == 3


def test_unmarked_on_strike_ballot(strike: BallotSpec) -> None:
    msg = raises_at([(3, "", "1 2 3", "4", "")], strike, 3)
    assert "'unmarked' is for agree/disagree ballots" in msg


def test_row_both_struck_and_unmarked(agree: BallotSpec) -> None:
    msg = raises_at([(2, "", "1", "3", ""), (3, "", "1 2", "2", "")], agree, 3)
    assert "row 2 is both 'struck' (disagree) and 'unmarked'" in msg


def test_unmarked_out_of_range(agree: BallotSpec) -> None:
    assert "position 4 is out of range" in raises_at([(8, "", "", "4", "")], agree, 8)


# --------------------------------------------------------------------------- read_rows


def write(tmp_path: Path, content: str | bytes, name: str = "b.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def read_error(path: Path) -> BallotFileError:
    with pytest.raises(BallotFileError) as info:
        list(read_rows(path))
    assert info.value.issues[0].location.path == path
    return info.value


def test_read_rows_basic(tmp_path: Path) -> None:
    path = write(tmp_path, 'ballot,struck,unmarked,invalid\n1,1 2 3,,\n2,"4 5",,marked\n')
    assert list(read_rows(path)) == [(2, "1", "1 2 3", "", ""), (3, "2", "4 5", "", "marked")]


def test_read_rows_column_order_and_optional_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "Invalid,Struck\n not_issued ,2\n")
    assert list(read_rows(path)) == [(2, "", "2", "", "not_issued")]


def test_read_rows_bom_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffballot,struck,unmarked,invalid\r\n1,1 2,,\r\n")
    assert list(read_rows(path)) == [(2, "1", "1 2", "", "")]


def test_read_rows_blank_lines_skipped_lines_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "ballot,struck,unmarked,invalid\n1,1,,\n\n   \n2,2,,\n")
    assert list(read_rows(path)) == [(2, "1", "1", "", ""), (5, "2", "2", "", "")]


def test_missing_struck_column(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, "ballot,unmarked,invalid\n1,,\n"))
    assert err.issues[0].location.line == 1
    assert "missing column 'struck'" in str(err)


def test_unknown_column(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, "ballot,struck,votes\n1,2,3\n"))
    assert err.issues[0].location.line == 1
    assert "unknown column 'votes'" in str(err)


def test_duplicate_column(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, "struck,struck\n1,2\n"))
    assert "column 'struck' appears twice" in str(err)


def test_wrong_number_of_fields(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, "ballot,struck,unmarked,invalid\n1,1,,\n2,1,2,,\n"))
    assert err.issues[0].location.line == 3
    assert "expected 4 fields, found 5" in str(err)


def test_empty_file(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, ""))
    assert "the file is empty" in str(err)


NOT_UTF8 = b"ballot,struck,unmarked,invalid\n1,1,,\n2,2,,\n" + "3,3,,Lê\n".encode("cp1252")


def test_non_utf8(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, NOT_UTF8))
    assert "is not UTF-8 text" in str(err)
    hint = err.issues[0].hint or ""
    assert hint.startswith("save the file as CSV UTF-8") and "in Excel: File › Save As" in hint


def test_non_utf8_names_the_line(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, NOT_UTF8))
    assert err.issues[0].location.line == 4


def test_file_not_found(tmp_path: Path) -> None:
    err = read_error(tmp_path / "missing.csv")
    assert "file not found" in str(err)


def test_count_from_file_error_names_file_and_line(tmp_path: Path, strike: BallotSpec) -> None:
    path = write(tmp_path, "ballot,struck,unmarked,invalid\n1,1 2 3,,\n\n2,1 2 44,,\n")
    with pytest.raises(BallotFileError) as info:
        count_rows(read_rows(path), strike, path)
    loc = info.value.issues[0].location
    assert (loc.path, loc.line, loc.field) == (path, 4, "struck")
    assert str(info.value).startswith(f"{path}:4: struck: position 44 is out of range")


# --------------------------------------------------------------------------- Tally.merge


def test_tally_merge() -> None:
    a = Tally(3, 10, {"marked": 1, "too_many_kept": 2}, [5, 6, 7], {2: 4, 3: 3})
    b = Tally(3, 5, {"marked": 1, "no_choice": 1}, [1, 2, 3], {1: 1, 2: 2})
    m = a.merge(b)
    assert m.collected == 15
    assert m.invalid == {
        "not_issued": 0,
        "too_many_kept": 2,
        "all_struck": 0,
        "write_in": 0,
        "marked": 2,
        "no_choice": 1,
    }
    assert m.invalid_total == 5
    assert m.valid == 10
    assert m.votes == [6, 8, 10]
    assert m.kept == {1: 1, 2: 6, 3: 3}
    assert list(m.kept) == [1, 2, 3]
    assert b.merge(a) == m
    # the operands are not changed
    assert a.votes == [5, 6, 7]
    assert a.kept == {2: 4, 3: 3}


def test_tally_merge_unknown_kept_and_mismatch() -> None:
    a = Tally(2, 1, {}, [1, 0], None)
    b = Tally(2, 1, {}, [0, 1], {1: 1})
    assert a.merge(b).kept is None
    assert b.merge(a).kept is None
    with pytest.raises(ValueError, match="different lists"):
        a.merge(Tally(3))


def test_empty_tally_defaults() -> None:
    t = Tally(4)
    assert t.votes == [0, 0, 0, 0]
    assert t.invalid == dict.fromkeys(INVALID_REASONS, 0)
    assert t.valid == 0
    assert t.kept == {}


# --------------------------------------------------------------------------- reconcile


def problem_codes(*args: Any, **kw: Any) -> list[str]:
    return [p.code for p in reconcile(*args, **kw)]


def test_reconcile_clean() -> None:
    t = Tally(3, 10, {"marked": 1}, [9, 8, 1], {2: 9})
    assert reconcile(t, 10, 2, 10) == []


def test_collected_over_issued() -> None:
    t = Tally(3, 11, {}, [1, 1, 0], {0: 9, 1: 2})
    problems = reconcile(t, 10, 2)
    assert [(p.code, p.expected, p.actual) for p in problems] == [("collected_over_issued", 10, 11)]
    assert "exceed ballots issued (10)" in problems[0].en


def test_collected_mismatch() -> None:
    t = Tally(3, 10, {}, [1, 1, 0], {0: 8, 1: 2})
    problems = reconcile(t, 10, 2, declared_collected=9)
    assert [(p.code, p.expected, p.actual) for p in problems] == [("collected_mismatch", 9, 10)]
    assert "ballot file" in problems[0].en
    groups = reconcile(t, 10, 2, declared_collected=9, groups=2)
    assert "groups’ sum" in groups[0].en


def test_invalid_over_collected_stops_there() -> None:
    t = Tally(2, 3, {"marked": 4}, [99, 99], {5: 5})
    assert problem_codes(t, 10, 1) == ["invalid_over_collected"]


def test_votes_over_valid() -> None:
    t = Tally(3, 10, {"marked": 2}, [9, 1, 0], None)
    problems = reconcile(t, 10, 2)
    assert [(p.code, p.expected, p.actual) for p in problems] == [("votes_over_valid", 8, 9)]
    assert problems[0].en.startswith("Position 1: 9 votes")


def test_negative_votes() -> None:
    t = Tally(2, 4, {}, [-1, 2], None)
    problems = reconcile(t, 4, 1)
    assert [p.code for p in problems] == ["votes_over_valid"]
    assert "negative votes (-1)" in problems[0].en


def test_votes_over_seats() -> None:
    t = Tally(3, 4, {}, [4, 4, 1], None)  # 9 > 2 × 4
    problems = reconcile(t, 4, 2)
    assert [(p.code, p.expected, p.actual) for p in problems] == [("votes_over_seats", 8, 9)]


def test_kept_mismatch() -> None:
    t = Tally(3, 4, {}, [3, 2, 1], {1: 2, 2: 2})  # Σ k·n_k = 6 == 6 ok; change votes
    assert reconcile(t, 4, 2) == []
    t = Tally(3, 4, {}, [3, 2, 2], {1: 2, 2: 2})
    problems = reconcile(t, 4, 2)
    assert [(p.code, p.expected, p.actual) for p in problems] == [("kept_mismatch", 6, 7)]


def test_kept_count_mismatch() -> None:
    t = Tally(3, 5, {}, [2, 2, 2], {2: 3})  # Σ n_k = 3 ≠ 5 valid; 6 == 2·3
    problems = reconcile(t, 5, 2)
    assert [(p.code, p.expected, p.actual) for p in problems] == [("kept_count_mismatch", 5, 3)]


def test_kept_over_seats() -> None:
    t = Tally(3, 1, {}, [1, 1, 1], {3: 1})
    assert "kept_over_seats" in problem_codes(t, 1, 2)


def test_kept_unknown_skips_kept_checks() -> None:
    t = Tally(3, 5, {}, [2, 2, 2], None)
    assert reconcile(t, 5, 2) == []


def test_several_problems_at_once() -> None:
    t = Tally(2, 12, {"marked": 2}, [11, 11], {1: 3})
    assert problem_codes(t, 10, 1, 11) == [
        "collected_over_issued",
        "collected_mismatch",
        "votes_over_valid",
        "votes_over_valid",
        "votes_over_seats",
        "kept_mismatch",
        "kept_count_mismatch",
    ]


# --------------------------------------------------------------------------- tally sheets


CANDS = ["a", "b", "c", "d"]


def sheet_election(
    tmp_path: Path, sheets: dict[str, dict[str, Any]], collected: int | None
) -> Path:
    rnd: dict[str, Any] = {"issued": 60, "tallies": list(sheets)}
    if collected is not None:
        rnd["collected"] = collected
    data = {
        "version": 1,
        "rules": "qd-190-2024",
        "congress": {"name": "Đại hội chi bộ", "kind": "members_congress", "date": "2025-05-01"},
        "electorate": {"summoned": 62, "attached_elsewhere": 2, "present": 60},
        "people": [{"id": p, "name": f"Trần Văn {p.upper()}"} for p in CANDS],
        "contests": [
            {"id": "cu", "body": "committee", "seats": 3, "candidates": CANDS, "rounds": [rnd]}
        ],
    }
    (tmp_path / "election.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    for rel, sheet in sheets.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(yaml.safe_dump(sheet, sort_keys=False), encoding="utf-8")
    return tmp_path


GROUP1 = {
    "group": 1,
    "collected": 30,
    "invalid": {"marked": 1, "too_many_kept": 1},
    "votes": {"a": 27, "b": 20, "c": 25, "d": 10},
    "kept": {3: 26, 2: 2},
}
GROUP2 = {
    "group": "Tổ 2",
    "collected": 30,
    "invalid": {"all_struck": 1},
    "votes": {"a": 28, "b": 11, "c": 26, "d": 15},
    "kept": {2: 7, 3: 22},
}


def test_tally_sheets_sum_to_round(tmp_path: Path) -> None:
    folder = sheet_election(tmp_path, {"t/g1.yaml": GROUP1, "t/g2.yaml": GROUP2}, 60)
    rnd = count_election(load_election(folder)).contests[0].rounds[0]
    t = rnd.tally
    assert t.collected == 60
    assert t.invalid_total == 3
    assert t.invalid["marked"] == 1
    assert t.invalid["too_many_kept"] == 1
    assert t.invalid["all_struck"] == 1
    assert t.valid == 57
    assert t.votes == [55, 31, 51, 25]
    assert t.kept == {2: 9, 3: 48}
    assert rnd.problems == ()
    assert rnd.base_value == 60
    assert rnd.threshold == 31
    assert rnd.decision is not None
    assert rnd.decision.passed == (True, True, True, False)  # 2·31 > 60; 2·25 ≤ 60
    assert rnd.decision.elected == (0, 2, 1)  # by votes: 55, 51, 31
    assert rnd.outcome == "complete"


def test_tally_sheets_declared_collected_mismatch(tmp_path: Path) -> None:
    folder = sheet_election(tmp_path, {"t/g1.yaml": GROUP1, "t/g2.yaml": GROUP2}, 61)
    rnd = count_election(load_election(folder)).contests[0].rounds[0]
    assert [p.code for p in rnd.problems] == ["collected_mismatch"]
    assert rnd.outcome == "rejected"
    assert rnd.decision is None


def test_tally_sheet_unknown_person(tmp_path: Path) -> None:
    bad = {**GROUP2, "votes": {**GROUP2["votes"], "zz": 3}}
    folder = sheet_election(tmp_path, {"t/g1.yaml": GROUP1, "t/g2.yaml": bad}, None)
    loaded = load_election(folder)
    with pytest.raises(BallotFileError) as info:
        count_election(loaded)
    issue = info.value.issues[0]
    assert "'zz' is not on this round's ballot" in issue.message
    assert issue.location.path == folder / "t/g2.yaml"
    text = (folder / "t/g2.yaml").read_text(encoding="utf-8").splitlines()
    assert text[issue.location.line - 1].strip() == "zz: 3"


def test_serials_compare_as_numbers(tmp_path: Path, strike: BallotSpec) -> None:
    path = write(tmp_path, "ballot,struck,unmarked,invalid\n000000007,1 2 3,,\n7,1 2 3,,\n")
    with pytest.raises(BallotFileError) as info:
        count_rows(read_rows(path), strike, path)
    assert info.value.issues[0].location.line == 3
