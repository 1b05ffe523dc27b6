"""``tally check``: count, then check the result against the chain and the personnel plan.

Exit codes (design.md, README): 0 no error · 1 an error finding (or a warning with
``--fail-on warning``) · 2 bad input · 3 the figures do not reconcile · 4 a tie or open seats
need a vote; the most serious wins, in the order 2 › 3 › 1 › 4 › 0.
Each test uses a copy of an example or a small members' congress written into ``tmp_path``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from plan_fixtures import write_folder
from test_cli_errors import (
    EXAMPLES,
    assert_error,
    assert_no_traceback,
    copy_example,
    edit,
    error_lines,
    run,
)
from test_config_loader import line_of

EXAMPLE_NAMES = ("huyen-2020", "xa-2025", "phuong-hdnd-2026")
DOC_KEYS = {
    "election",
    "rules",
    "tool",
    "inputs",
    "contests",
    "plan",
    "structure",
    "findings",
    "errors",
    "warnings",
    "infos",
}
FINDING_KEYS = {
    "code",
    "severity",
    "body",
    "contest",
    "person",
    "rule",
    "cite",
    "provenance",
    "expected",
    "actual",
    "message",
}
ROW_KEYS = {
    "body",
    "target",
    "label",
    "age_below",
    "attribute",
    "min",
    "max",
    "needed",
    "count",
    "of",
    "pct",
    "unknown",
    "met",
}

# A members' congress of 10: committee 3 of 4 (more than half of 10 → at least 6 votes), the
# secretary elected directly at the congress, a plan with a slate, a women target and a post.
SMALL = """\
version: 1
rules: qd-190-2024
congress:
  name: Đại hội Đảng bộ xã Thử Nghiệm lần thứ I
  kind: members_congress
  date: 2025-06-15
electorate:
  summoned: 10
  present: 10
people:
  - {id: a, name: Nguyễn Thị An, sex: F, born: 1980-01-01, ethnicity: Kinh, incumbent: true}
  - {id: b, name: Trần Văn Bình, sex: M, born: 1975-01-01, ethnicity: Tày, incumbent: true}
  - {id: c, name: Lê Văn Cường, sex: M, born: 1990-01-01, ethnicity: Kinh}
  - {id: d, name: Phạm Thị Dung, sex: F, born: 1985-01-01, ethnicity: Kinh}
contests:
  - id: bch
    body: committee
    seats: 3
    candidates: [a, b, c, d]
    rounds:
      - issued: 10
        ballots: ballots/bch-1.csv
  - id: bt
    body: secretary
    at: congress
    seats: 1
    candidates: [a]
    rounds:
      - issued: 10
        ballots: ballots/bt-1.csv
plan:
  approved_by: Ban Thường vụ Huyện ủy Thử Nghiệm
  approved_on: 2025-04-01
  bodies:
    committee:
      seats: 3
      slate: [a, b, c, d]
      targets:
        women: {min: 1/3}
        youth: {min: 1, age_below: 40}
  posts: {secretary: a}
"""
SECRETARY_AGREES = [""] * 10  # every ballot keeps the one name: 10 votes
D_STRUCK = ["4"] * 10  # a, b, c 10 votes each; d 0
A_STRUCK = ["1"] * 10  # b, c, d elected; the planned secretary a is not
# a 7, b 7, c 8, d 8: c and d elected, a and b tied for the last seat (both above 6).
TIE = ["3", "3", "4", "4", "1", "1", "1", "2", "2", "2"]


def small(tmp_path: Path, committee: list[str], text: str = SMALL) -> Path:
    return write_folder(
        tmp_path / "xa-thu-nghiem",
        text,
        {"ballots/bch-1.csv": committee, "ballots/bt-1.csv": SECRETARY_AGREES},
    )


def check(*args: str | Path) -> Result:
    result = run("check", *args, columns=400)  # wide: no table cell wraps
    assert_no_traceback(result)
    return result


def check_json(*args: str | Path) -> tuple[Result, dict[str, Any]]:
    result = check(*args, "--json")
    assert result.stderr == ""
    return result, json.loads(result.stdout)


def findings(doc: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [f for f in doc["findings"] if f["code"] == code]


def one(doc: dict[str, Any], code: str) -> dict[str, Any]:
    found = findings(doc, code)
    assert len(found) == 1, (code, doc["findings"])
    return found[0]


def flat(text: str) -> str:
    """Terminal output with its table borders and line wrapping taken out."""
    return " ".join(re.sub(r"[│┃┏┓┗┛┡┩└┘━─┳┻╇┼┬┴╋╸╺]", " ", text).split())


# --- exit 0 ----------------------------------------------------------------------------------


def test_plan_met_exits_0(tmp_path: Path) -> None:
    folder = small(tmp_path, D_STRUCK)
    result = check(folder)
    assert result.exit_code == 0, result.stdout
    assert result.stderr == ""
    out = flat(result.stdout)
    assert "Đối chiếu kết quả với đề án nhân sự" in out
    assert "Đề án được phê duyệt: Ban Thường vụ Huyện ủy Thử Nghiệm, 01/04/2025" in out
    assert "Kết quả đúng đề án và quy chế." in out
    assert "1 ghi chú." in out  # d on the slate, not elected

    result, doc = check_json(folder)
    assert result.exit_code == 0
    assert (doc["errors"], doc["warnings"], doc["infos"]) == (0, 0, 1)
    (info,) = doc["findings"]
    assert (info["code"], info["severity"], info["person"], info["body"]) == (
        "plan_member_not_elected",
        "info",
        "d",
        "committee",
    )
    rows = {r["target"]: r for r in doc["structure"]}
    assert rows["women"] | {"label": None} == {
        "body": "committee",
        "target": "women",
        "label": None,
        "age_below": None,
        "attribute": None,
        "min": "1/3",
        "max": None,
        "needed": 1,
        "count": 1,
        "of": 3,
        "pct": "33.33",
        "unknown": 0,
        "met": True,
    }
    # Under 40 on congress.date (2025-06-15): only c (born 1990).
    assert (rows["youth"]["age_below"], rows["youth"]["count"], rows["youth"]["met"]) == (
        40,
        1,
        True,
    )
    # Infos never fail, even with --fail-on warning.
    assert check(folder, "--fail-on", "warning").exit_code == 0


def test_folder_without_a_plan(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "phuong-hdnd-2026")
    text = (folder / "election.yaml").read_text(encoding="utf-8")
    (folder / "election.yaml").write_text(text[: text.index("\nplan:")] + "\n", encoding="utf-8")
    result = check(folder)
    assert result.exit_code == 0, result.stdout
    out = flat(result.stdout)
    # a state election: the intended structure and composition, not a party personnel plan
    assert (
        "Không có dự kiến cơ cấu, thành phần (plan:) trong election.yaml: chỉ kiểm tra luật bầu cử."
        in out
    )
    assert "Không có lỗi." in out
    en = flat(check(folder, "--lang", "en").stdout)
    assert "No intended structure and composition (plan:) in election.yaml" in en

    result, doc = check_json(folder)
    assert result.exit_code == 0
    assert doc["plan"] is None
    assert doc["structure"] == [] and doc["findings"] == []
    assert (doc["errors"], doc["warnings"], doc["infos"]) == (0, 0, 0)
    assert [c["elected"] for c in doc["contests"]] == [["ntth", "ltnl", "tqh"]]


# --- exit 1 ----------------------------------------------------------------------------------


def test_huyen_2020_planned_deputy_not_elected_exits_1() -> None:
    result = check(EXAMPLES / "huyen-2020")
    assert result.exit_code == 1
    out = flat(result.stdout)
    assert "Trần Văn Cường, đề án: Phó Bí thư, đạt 8 phiếu (quá một nửa)" in out
    assert "2 lỗi" in out

    result, doc = check_json(EXAMPLES / "huyen-2020", "--lang", "en")
    assert result.exit_code == 1
    assert (doc["errors"], doc["warnings"], doc["infos"]) == (2, 1, 2)
    post = one(doc, "post_not_elected")
    assert (post["severity"], post["person"], post["body"], post["contest"]) == (
        "error",
        "tvc",
        "deputy_secretary",
        "btv",
    )
    assert (post["expected"], post["actual"]) == (
        "deputy_secretary: tvc",
        "not elected to standing_committee",
    )
    assert "Trần Văn Cường, planned deputy secretary" in post["message"]
    off = one(doc, "off_plan_elected")
    assert (off["severity"], off["person"], off["expected"], off["actual"]) == (
        "error",
        "ntb",
        "hvb, tvc",
        "ntb",
    )
    short = one(doc, "structure_short")
    assert (short["severity"], short["expected"], short["actual"]) == ("warning", "≥ 3", 2)


def test_planned_secretary_not_elected_and_chain_broken_exits_1(tmp_path: Path) -> None:
    folder = small(tmp_path, A_STRUCK)
    result, doc = check_json(folder, "--lang", "en")
    assert result.exit_code == 1
    assert sorted(f["code"] for f in doc["findings"]) == [
        "chain_violation",
        "plan_member_not_elected",
        "post_not_elected",
    ]
    chain = one(doc, "chain_violation")
    assert (chain["severity"], chain["body"], chain["contest"], chain["person"]) == (
        "error",
        "secretary",
        "bt",
        "a",
    )
    assert chain["rule"] == "plan.elected_from"
    assert (
        "Nguyễn Thị An is elected but was not elected to the executive committee (bch)"
        in (chain["message"])
    )
    post = one(doc, "post_not_elected")
    assert (post["severity"], post["body"], post["contest"], post["actual"]) == (
        "error",
        "secretary",
        "bch",
        "not elected to committee",
    )
    assert "the election of the secretary (bt) pauses" in post["message"]
    assert "(that election has been held: the direction must be on file)" in post["message"]


def test_secretary_from_outside_the_standing_committee(tmp_path: Path) -> None:
    """huyen-2020 with Trần Văn Cường (6th for the standing committee) elected secretary."""
    folder = copy_example(tmp_path, "huyen-2020")
    edit(folder / "election.yaml", "    candidates: [lmc]\n", "    candidates: [tvc]\n")
    result, doc = check_json(folder, "--lang", "en")
    assert result.exit_code == 1
    chain = one(doc, "chain_violation")
    assert (chain["severity"], chain["body"], chain["contest"], chain["person"]) == (
        "error",
        "secretary",
        "bt",
        "tvc",
    )
    assert (chain["expected"], chain["actual"]) == ("in standing_committee", "tvc")
    off = [f for f in findings(doc, "off_plan_elected") if f["body"] == "secretary"]
    assert [(f["person"], f["severity"], f["expected"]) for f in off] == [("tvc", "error", "lmc")]
    posts = {f["body"]: f for f in findings(doc, "post_not_elected")}
    assert posts["secretary"]["person"] == "lmc"
    assert posts["secretary"]["actual"] == "not elected to secretary"


def test_fail_on_warning(tmp_path: Path) -> None:
    """xa-2025: the floor nominee elected off the slate is a warning; no error."""
    result, doc = check_json(EXAMPLES / "xa-2025")
    assert result.exit_code == 0
    assert (doc["errors"], doc["warnings"]) == (0, 1)
    off = one(doc, "off_plan_elected")
    assert (off["severity"], off["person"], off["body"]) == ("warning", "pmh", "committee")
    assert check(EXAMPLES / "xa-2025", "--fail-on", "warning").exit_code == 1
    assert check(EXAMPLES / "xa-2025", "--fail-on", "error").exit_code == 0
    assert_error(run("check", EXAMPLES / "xa-2025", "--fail-on", "info"), 2, "--fail-on")


# --- exit 4 and 3, and which code wins --------------------------------------------------------


def test_tie_pending_exits_4(tmp_path: Path) -> None:
    text = SMALL.replace(
        "    candidates: [a]\n    rounds:\n      - issued: 10\n        ballots: ballots/bt-1.csv\n",
        "    candidates: [a]\n",
    )
    assert text != SMALL
    folder = small(tmp_path, TIE, text)
    result, doc = check_json(folder, "--lang", "en")
    assert result.exit_code == 4
    assert doc["errors"] == 0
    bch = doc["contests"][0]
    assert (bch["outcome"], sorted(bch["elected"])) == ("tie", ["c", "d"])
    post = one(doc, "post_not_elected")
    assert (post["severity"], post["person"], post["actual"]) == ("warning", "a", "tie")
    assert "is tied for the last seat of the executive committee (bch)" in post["message"]
    seats = one(doc, "seats_mismatch")
    assert (seats["severity"], seats["expected"], seats["actual"]) == ("warning", 3, 2)
    assert "Nguyễn Thị An, Trần Văn Bình tied: a re-vote is due" in seats["message"]
    assert check(folder, "--fail-on", "warning").exit_code == 1


def test_xa_2025_tie_before_the_second_round_exits_4(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "xa-2025")
    edit(
        folder / "election.yaml",
        "      - seats: 1\n        candidates: [pmh, tvq]\n        issued: 108\n"
        "        ballots: ballots/bch-2.csv\n",
        "",
    )
    result, doc = check_json(folder)
    assert result.exit_code == 4
    assert (doc["errors"], doc["warnings"]) == (0, 1)
    assert one(doc, "seats_mismatch")["actual"] == 8
    tied = [f for f in findings(doc, "plan_member_not_elected") if f["person"] == "tvq"]
    assert "đang ngang phiếu, chờ bầu lại" in tied[0]["message"]


def test_error_outranks_open_seats(tmp_path: Path) -> None:
    """huyen-2020 before the alternates' second round: a seat is open, and the plan fails."""
    folder = copy_example(tmp_path, "huyen-2020")
    edit(
        folder / "election.yaml",
        "      - seats: 1\n        candidates: [lvd, hvt]\n        present: 288\n"
        "        issued: 288\n        ballots: ballots/dbdk-2.csv\n",
        "",
    )
    result, doc = check_json(folder)
    assert next(c for c in doc["contests"] if c["id"] == "dbdk")["outcome"] == "shortfall"
    assert doc["errors"] == 2
    assert result.exit_code == 1


def test_figures_that_do_not_reconcile_exit_3(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "huyen-2020")
    edit(
        folder / "election.yaml",
        "      - issued: 290\n        ballots: ballots/bch-1.csv",
        "      - issued: 280\n        ballots: ballots/bch-1.csv",
    )
    result, doc = check_json(folder)
    assert result.exit_code == 3  # although the plan has an error too
    assert doc["errors"] >= 1
    assert next(c for c in doc["contests"] if c["id"] == "bch")["outcome"] == "rejected"
    # The committee is not counted: no structure row and no structure finding for it.
    assert doc["structure"] == []
    assert findings(doc, "structure_short") == []
    assert check(folder, "--fail-on", "warning").exit_code == 3


def test_small_rejected_exits_3(tmp_path: Path) -> None:
    text = SMALL.replace("      - issued: 10\n", "      - issued: 9\n", 1)
    folder = small(tmp_path, D_STRUCK, text)
    result = check(folder)
    assert result.exit_code == 3
    assert "Ban Chấp hành (bch) 3 – số liệu không khớp" in flat(result.stdout)
    result, doc = check_json(folder)
    assert result.exit_code == 3
    (rnd,) = doc["contests"][0]["rounds"]
    assert (rnd["outcome"], [p["code"] for p in rnd["problems"]]) == (
        "rejected",
        ["collected_over_issued"],
    )
    # Nothing is judged on a committee that was not counted.
    assert doc["findings"] == [] and doc["structure"] == []


def test_rejected_count_is_not_called_a_match(tmp_path: Path) -> None:
    text = SMALL.replace("      - issued: 10\n", "      - issued: 9\n", 1)
    folder = small(tmp_path, D_STRUCK, text)
    vi = check(folder)
    en = check(folder, "--lang", "en")
    assert vi.exit_code == en.exit_code == 3
    assert "Kết quả đúng đề án và quy chế." not in vi.stdout
    assert "The result matches the plan and the rules." not in en.stdout


# --- exit 2: bad input -------------------------------------------------------------------------


def test_missing_folder() -> None:
    result = run("check", EXAMPLES / "nope")
    assert_error(result, 2, "does not exist", "Usage: tally check")
    assert result.stdout == ""


def test_folder_without_election_yaml(tmp_path: Path) -> None:
    assert_error(run("check", tmp_path), 2, "no election.yaml here")


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            "youth: {min: 1, age_below: 40}",
            "youth: {min: 1}",
            "youth: {min: 1}",
            "plan.bodies.committee.targets.youth: the youth target needs 'age_below'",
        ),
        (
            "women: {min: 1/3}",
            "women: {age_below: 40}",
            "women: {age_below: 40}",
            "plan.bodies.committee.targets.women: target 'women' sets neither 'min' nor 'max'",
        ),
        (
            "slate: [a, b, c, d]",
            "slate: [a, b, c, x]",
            "slate: [a, b, c, x]",
            "plan.bodies.committee.slate[3]: no person with id 'x' in people",
        ),
        (
            "posts: {secretary: a}",
            "posts: {secretary: z}",
            "posts: {secretary: z}",
            "plan.posts.secretary: no person with id 'z' in people",
        ),
        (
            "women: {min: 1/3}",
            "women: {min: 1/3, attribute: female}",
            "women: {min: 1/3, attribute: female}",
            "plan.bodies.committee.targets.women.attribute: 'women' is a built-in target",
        ),
    ],
)
def test_malformed_plan_names_file_and_line(
    tmp_path: Path, old: str, new: str, needle: str, message: str
) -> None:
    assert SMALL.count(old) == 1
    text = SMALL.replace(old, new)
    folder = small(tmp_path, D_STRUCK, text)
    result = run("check", folder)
    assert_error(result, 2, message)
    (line,) = error_lines(result)
    path = re.escape(str(folder / "election.yaml"))
    assert re.match(rf"error: {path}:{line_of(text, needle)}:\d+: ", line), line
    assert result.stdout == ""


# --- the JSON document and the languages -------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_json_document_keys(example: str) -> None:
    _, doc = check_json(EXAMPLES / example)
    assert set(doc) == DOC_KEYS
    assert doc["tool"] == "tally 0.1.0"
    assert "election.yaml" in doc["inputs"]
    assert all(re.fullmatch(r"[0-9a-f]{64}", v) for v in doc["inputs"].values())
    assert set(doc["plan"]) == {"approved_by", "approved_on", "bodies"}
    for f in doc["findings"]:
        assert set(f) == FINDING_KEYS
        assert f["severity"] in ("error", "warning", "info")
        assert f["message"]
    for row in doc["structure"]:
        assert set(row) == ROW_KEYS
    for key, severity in (("errors", "error"), ("warnings", "warning"), ("infos", "info")):
        assert doc[key] == sum(1 for f in doc["findings"] if f["severity"] == severity)
    # The count document is all there: the contests of `tally count --json`.
    counted = json.loads(run("count", EXAMPLES / example, "--json").stdout)
    assert doc["contests"] == counted["contests"]
    assert {k: doc[k] for k in ("election", "rules", "tool", "inputs")} == {
        k: counted[k] for k in ("election", "rules", "tool", "inputs")
    }


def test_json_plan_section() -> None:
    _, doc = check_json(EXAMPLES / "huyen-2020")
    assert doc["plan"] == {
        "approved_by": "Ban Thường vụ Tỉnh ủy Bắc Sơn",
        "approved_on": "2020-05-28",
        "bodies": ["committee"],
    }
    assert [r["target"] for r in doc["structure"]] == [
        "women",
        "youth",
        "ethnic_minority",
        "renewal",
    ]


def test_lang_changes_the_messages_only() -> None:
    _, vi = check_json(EXAMPLES / "huyen-2020")
    _, en = check_json(EXAMPLES / "huyen-2020", "--lang", "en")
    strip = ("message",)
    assert [{k: v for k, v in f.items() if k not in strip} for f in vi["findings"]] == [
        {k: v for k, v in f.items() if k not in strip} for f in en["findings"]
    ]
    for fv, fe in zip(vi["findings"], en["findings"], strict=True):
        assert fv["message"] != fe["message"]
    post_vi, post_en = one(vi, "post_not_elected"), one(en, "post_not_elected")
    assert "đề án: Phó Bí thư" in post_vi["message"]
    assert "planned deputy secretary" in post_en["message"]
    assert vi["structure"][0]["label"] == "Nữ"
    assert en["structure"][0]["label"] == "Women"


def test_text_report_default_vietnamese_and_english() -> None:
    vi = check(EXAMPLES / "huyen-2020")
    en = check(EXAMPLES / "huyen-2020", "--lang", "en")
    assert vi.exit_code == en.exit_code == 1
    assert vi.stderr == en.stderr == ""
    v, e = flat(vi.stdout), flat(en.stdout)
    assert v.startswith("Đối chiếu kết quả với đề án nhân sự")
    assert e.startswith("The result against the personnel plan")
    # Grouped by body, with the structure table of the committee.
    assert "Ban Chấp hành" in v and "Phó Bí thư" in v
    assert "Deputy secretary" in e and "post_not_elected" in e
    assert "Women ≥ 15% 3 2/15 13.33 no" in e
    assert "2 error(s), 1 warning(s)." in e
    assert "2 note(s)." in e


def test_json_stdout_only_and_byte_identical(tmp_path: Path) -> None:
    first = check(EXAMPLES / "huyen-2020", "--json")
    second = check(EXAMPLES / "huyen-2020", "--json")
    assert first.stderr == ""
    assert first.stdout == second.stdout
    json.loads(first.stdout)


def test_help_mentions_fail_on_and_exit_codes() -> None:
    out = run("check", "--help").stdout
    assert "--fail-on [error|warning]" in out
    assert "--json" in out and "--lang" in out
    assert "3 the figures do not reconcile" in " ".join(out.split())
