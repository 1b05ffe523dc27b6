"""Rule-set templates for the mass organisations (issue 16): the Youth Union (doan-tncs-hcm)
and the Trade Union (cong-doan-vn), and the general parameters they need.

Sources: rules-2025.md Q4 and §7 cases Y1 (a Youth Union branch's local "thể lệ bầu cử": the
base is the ballots collected, valid or not; a ballot voting for nobody is invalid unless the
list has one name; no third round) and Y2 (Hồng Bàng International University 2018: a
surplus of at least 15%, so a committee of 9 needs at least 11 names). Both S (local).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from clirun import invoke
from tally.ballots.figures import Tally
from tally.count import BallotSpec, count_rows
from tally.ruleset.loader import (
    builtin_ids,
    iter_templates,
    load_ruleset,
    load_ruleset_files,
    template_dir,
    template_ids,
)
from tally.ruleset.models import RuleSet

TEMPLATES = ["cong-doan-vn", "doan-tncs-hcm"]
ENV = {"COLUMNS": "200", "TALLY_LANG": None}


@pytest.fixture(scope="module")
def youth() -> RuleSet:
    return load_ruleset("doan-tncs-hcm")


def run(*args: str | Path) -> tuple[int, str, str]:
    result = invoke(*args, env=ENV)
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout, result.stderr


# ------------------------------------------------------------------------- the templates


def test_templates_are_shipped_apart_from_the_regulations() -> None:
    assert template_ids() == TEMPLATES
    assert not set(TEMPLATES) & set(builtin_ids())
    for rs in iter_templates():
        assert rs.status == "template"
        assert rs.family == "mass_organisation"
        assert rs.extends in builtin_ids()
    for rid in builtin_ids():
        assert load_ruleset(rid).status == "regulation"


@pytest.mark.parametrize("rid", TEMPLATES)
def test_every_template_parameter_cites_its_own_source_s_or_u(rid: str) -> None:
    """Documented starting points, not verified law: every parameter is written in the
    template itself (none inherits the party's citation) and is S or U."""
    rs = load_ruleset(rid)
    own = yaml.safe_load((template_dir() / f"{rid}.yaml").read_text(encoding="utf-8"))
    for key, param in rs.params():
        assert param.provenance in {"S", "U"}, key
        node = own
        for part in key.split("."):
            node = node[part]
        assert node["cite"], key


def test_a_users_rules_extending_a_template_are_not_a_template(tmp_path: Path) -> None:
    path = tmp_path / "chi-doan.yaml"
    path.write_text(
        "id: chi-doan-x\ntitle: Thể lệ bầu cử Chi đoàn X\nextends: doan-tncs-hcm\n",
        encoding="utf-8",
    )
    rs, files = load_ruleset_files(str(path))
    assert rs.status == "regulation"
    assert rs.decision.base.members_congress.value == "collected_ballots"
    assert files[1] == template_dir() / "doan-tncs-hcm.yaml"


def test_a_copied_template_loads_by_path(tmp_path: Path) -> None:
    copy = tmp_path / "doan-tncs-hcm.yaml"
    copy.write_text(
        (template_dir() / "doan-tncs-hcm.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert load_ruleset(str(copy)) == load_ruleset("doan-tncs-hcm")


# ------------------------------------------------------------------ tally rules list | show


@pytest.mark.parametrize(
    ("lang", "regulations", "templates"),
    [
        ("vi", "Bộ quy tắc theo văn bản quy định", "Mẫu bộ quy tắc cho các tổ chức"),
        ("en", "Rule sets of the regulations", "Rule-set templates for the mass organisations"),
    ],
)
def test_rules_list_shows_the_templates_in_a_section_of_their_own(
    lang: str, regulations: str, templates: str
) -> None:
    code, out, _ = run("rules", "list", "--lang", lang)
    assert code == 0
    lines = out.splitlines()
    at_regs = next(i for i, line in enumerate(lines) if regulations in line)
    at_templates = next(i for i, line in enumerate(lines) if templates in line)
    assert at_regs < at_templates
    for rid in builtin_ids():
        found = [i for i, line in enumerate(lines) if f"│ {rid} " in line]
        assert found and at_regs < found[0] < at_templates, rid
    for rid in TEMPLATES:
        found = [i for i, line in enumerate(lines) if f"│ {rid} " in line]
        assert found and found[0] > at_templates, rid


def test_rules_list_json_says_which_are_templates() -> None:
    code, out, _ = run("rules", "list", "--json")
    assert code == 0
    doc = json.loads(out)
    status = {r["id"]: r["status"] for r in doc}
    assert status == {
        **dict.fromkeys(builtin_ids(), "regulation"),
        **dict.fromkeys(TEMPLATES, "template"),
    }
    assert {r["id"]: r["extends"] for r in doc if r["status"] == "template"} == {
        "cong-doan-vn": "qd-190-2024",
        "doan-tncs-hcm": "qd-190-2024",
    }


@pytest.mark.parametrize(("lang", "words"), [("vi", "Đây là mẫu"), ("en", "This is a template")])
def test_rules_show_says_it_is_a_template(lang: str, words: str) -> None:
    code, out, _ = run("rules", "show", "doan-tncs-hcm", "--lang", lang)
    assert code == 0
    assert words in out
    assert "lists.min_surplus_share" in out and "ballot.invalid.all_struck_no_surplus" in out
    code, out, _ = run("rules", "show", "qd-190-2024", "--lang", lang)
    assert words not in out
    doc = json.loads(run("rules", "show", "doan-tncs-hcm", "--json")[1])
    assert doc["status"] == "template"
    assert doc["lists"]["min_surplus_share"]["value"] == {
        "share": "15%",
        "bodies": ["committee", "standing_committee"],
    }


# ----------------------------------------------------- Y1: who voted for nobody (ballots)


def _one(spec: BallotSpec, struck: str) -> Tally:
    return count_rows([(2, "", struck, "", "")], spec)


def test_y1_voting_for_nobody_is_invalid_on_a_list_of_several_names(youth: RuleSet) -> None:
    """Y1 ("Phiếu không bầu ai (trừ trường hợp danh sách bầu có 1 người)"): a list of 3 for 3
    seats (agree/disagree), every row disagree → invalid; a list of 4 for 3, all struck → invalid."""
    agree = BallotSpec.from_rules(3, 3, "agree_disagree", youth.ballot.invalid)
    t = _one(agree, "1 2 3")
    assert (t.valid, t.invalid["all_struck"]) == (0, 1)
    t = _one(agree, "1 2")
    assert (t.valid, t.votes) == (1, [0, 0, 1])
    strike = BallotSpec.from_rules(4, 3, "strike", youth.ballot.invalid)
    assert _one(strike, "1 2 3 4").invalid["all_struck"] == 1


def test_y1_voting_for_nobody_is_valid_on_a_one_name_list(youth: RuleSet) -> None:
    one = BallotSpec.from_rules(1, 1, "agree_disagree", youth.ballot.invalid)
    t = _one(one, "1")
    assert (t.valid, t.invalid_total, t.votes) == (1, 0, [0])


def test_party_rules_unchanged_voting_for_nobody_on_a_list_without_surplus_is_valid() -> None:
    """QĐ 244 Điều 17 khoản 2 invalidates "không bầu ai trong danh sách bầu cử có số dư" only."""
    for rid in ("qd-190-2024", "qd-244-2014"):
        rules = load_ruleset(rid)
        assert rules.ballot.invalid.all_struck_no_surplus is None
        agree = BallotSpec.from_rules(3, 3, "agree_disagree", rules.ballot.invalid)
        t = _one(agree, "1 2 3")
        assert (t.valid, t.invalid_total) == (1, 0)


# ------------------------------------------------- a Youth Union congress, driven by the CLI

PEOPLE = [
    ("an", "Nguyễn Văn An"),
    ("binh", "Trần Thị Bình"),
    ("cuong", "Lê Văn Cường"),
    ("dung", "Phạm Thị Dung"),
    ("em", "Võ Thị Em"),
    ("giang", "Đặng Văn Giang"),
    ("ha", "Hồ Thị Hà"),
    ("hung", "Bùi Văn Hùng"),
    ("khoa", "Đỗ Minh Khoa"),
    ("lan", "Ngô Thị Lan"),
    ("long", "Dương Văn Long"),
    ("mai", "Lý Thị Mai"),
]


def _election(
    folder: Path,
    rules: str,
    candidates: int,
    seats: int,
    rows: list[str],
    issued: int = 19,
    rounds: str = "",
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ballots").mkdir(exist_ok=True)
    people = "\n".join(f"  - {{id: {pid}, name: {name}}}" for pid, name in PEOPLE[:candidates])
    ids = ", ".join(pid for pid, _ in PEOPLE[:candidates])
    (folder / "election.yaml").write_text(
        f"""version: 1
rules: {rules}
congress:
  name: Đại hội Chi đoàn Kỹ thuật phần mềm K20, nhiệm kỳ 2025–2026
  kind: members_congress
  date: 2025-10-10
electorate:
  summoned: 20
  present: 19
people:
{people}
contests:
  - id: bch
    body: committee
    seats: {seats}
    candidates: [{ids}]
    rounds:
      - issued: {issued}
        ballots: ballots/bch-1.csv
{rounds}""",
        encoding="utf-8",
    )
    (folder / "ballots" / "bch-1.csv").write_text(
        "ballot,struck,invalid\n" + "".join(f"{i},{r}\n" for i, r in enumerate(rows, 1)),
        encoding="utf-8",
    )
    return folder


# 19 issued, 18 collected: 16 valid, 2 invalid (one votes for nobody, one marked); 3 seats, a
# list of 4: An 10 · Bình 16 · Cường 12 · Dũng 10.
Y1_ROWS = ["4,"] * 6 + ["3,"] * 4 + ["1,"] * 6 + ["1 2 3 4,", "4,marked"]


def test_youth_union_congress_needs_more_than_half_of_the_ballots_collected(
    tmp_path: Path,
) -> None:
    """Issue 16 / Y1: 19 ballots issued, 18 collected, 16 valid → needs 10 (more than half of
    18), not 9 (of 16 valid) nor 11 (of 20 summoned)."""
    folder = _election(tmp_path / "e", "doan-tncs-hcm", 4, 3, Y1_ROWS)
    code, out, err = run("count", folder, "--json")
    assert code == 4, err  # An and Dũng tie at 10 for the last seat: the congress re-votes
    rd = json.loads(out)["contests"][0]["rounds"][0]
    assert rd["ballots"]["issued"] == 19
    assert (rd["ballots"]["collected"], rd["ballots"]["valid"]) == (18, 16)
    assert rd["ballots"]["invalid_by_reason"]["all_struck"] == 1
    assert (rd["base"], rd["threshold"]) == (18, 10)
    passed = {c["id"]: c["passed"] for c in rd["candidates"]}
    assert passed == {"an": True, "binh": True, "cuong": True, "dung": True}
    assert rd["elected"] == ["binh", "cuong"] and rd["outcome"] == "tie"

    for lang, need, base in (
        ("vi", "tức ít nhất 10 phiếu", "phiếu thu vào = 18"),
        ("en", "at least 10 votes", "ballots collected = 18"),
    ):
        code, out, _ = run("count", folder, "--lang", lang)
        flat = " ".join(out.split())
        assert code == 4
        assert need in flat, flat
        assert base in flat.lower(), flat


def test_the_base_of_ballots_collected_is_not_worded_as_the_summoned(tmp_path: Path) -> None:
    """Bug seen while building the template: the terminal said "20 được triệu tập = 18" (the
    summoned figure set equal to the ballots collected) for a base of ballots collected."""
    folder = _election(tmp_path / "e", "doan-tncs-hcm", 4, 3, Y1_ROWS)
    _, out, _ = run("count", folder)
    assert "20 được triệu tập = 18" not in " ".join(out.split())
    doc = json.loads(run("count", folder, "--json")[1])
    assert doc["contests"][0]["rounds"][0]["base_parts"] == {}


# An 11 · Bình 16 · Cường 12 · Dũng 9 (of the same 18 collected, 16 valid)
PASS_ROWS = ["4,"] * 7 + ["3,"] * 4 + ["1,"] * 5 + ["1 2 3 4,", "4,marked"]


def test_youth_union_check_passes_with_one_more_vote(tmp_path: Path) -> None:
    """An with 11 (Dũng 9, below 10): three elected, nothing open → count and check exit 0."""
    folder = _election(tmp_path / "e", "doan-tncs-hcm", 4, 3, PASS_ROWS)
    code, out, err = run("count", folder, "--json")
    assert code == 0, err
    rd = json.loads(out)["contests"][0]["rounds"][0]
    assert (rd["threshold"], rd["elected"]) == (10, ["binh", "cuong", "an"])
    code, _, err = run("check", folder)
    assert code == 0, err


def test_y1_no_third_round(tmp_path: Path) -> None:
    """Y1: "Nếu Đại hội tiến hành bầu lần thứ hai mà vẫn thiếu … thì không tiến hành bầu tiếp
    nữa" — later_rounds.max_additional: 1, so a third round is refused (exit 2)."""
    later = "".join(
        f"      - seats: 1\n        candidates: [an, dung]\n        issued: 19\n"
        f"        ballots: ballots/bch-{n}.csv\n"
        for n in (2, 3)
    )
    folder = _election(tmp_path / "e", "doan-tncs-hcm", 4, 3, Y1_ROWS, rounds=later)
    for n in (2, 3):
        (folder / "ballots" / f"bch-{n}.csv").write_text("ballot,struck\n1,1\n", encoding="utf-8")
    code, _, err = run("count", folder, "--lang", "en")
    assert code == 2
    assert "rounds[2]" in err


# ---------------------------------------------------------------- Y2: the least surplus


@pytest.mark.parametrize(("names", "code"), [(10, 1), (11, 0), (12, 0)])
def test_y2_committee_of_9_needs_at_least_11_names(tmp_path: Path, names: int, code: int) -> None:
    """Y2 (HIU 2018, S local): at least 15% surplus, rounded up: 9 × 15% = 1.35 → 2 → 11."""
    folder = _election(tmp_path / "e", "doan-tncs-hcm", names, 9, ["1,"], issued=1)
    got, out, _ = run("validate", folder, "--json")
    assert got == code, out
    findings = [f for f in json.loads(out)["findings"] if f["code"] == "list_too_short"]
    if code:
        assert findings[0]["rule"] == "lists.min_surplus_share"
        assert (findings[0]["expected"], findings[0]["actual"]) == ("≥ 11", 10)
    else:
        assert findings == []


def test_y2_short_list_in_words(tmp_path: Path) -> None:
    folder = _election(tmp_path / "e", "doan-tncs-hcm", 10, 9, ["1,"], issued=1)
    for lang, words in (
        ("vi", "ít nhất 15% số lượng cần bầu, làm tròn lên: ít nhất 2 người"),
        ("en", "at least 15% of the seats, rounded up: at least 2 more names"),
    ):
        _, out, _ = run("validate", folder, "--lang", lang, "--json")
        (said,) = [f["message"] for f in json.loads(out)["findings"]]
        assert words in said


# ------------------------------------------------------------ a Trade Union congress


def test_trade_union_congress_counts_on_the_valid_ballots(tmp_path: Path) -> None:
    """cong-doan-vn: "quá 1/2 so với số phiếu bầu" (HD 03/HD-TLĐ 20/2/2020, S old) read as the
    valid ballots (U): 18 collected, 16 valid → needs 9, where the Youth Union template needs
    10 of the same ballots; Dũng's 9 passes but comes fourth."""
    folder = _election(tmp_path / "e", "cong-doan-vn", 4, 3, PASS_ROWS)
    code, out, err = run("count", folder, "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["rules"] == "cong-doan-vn"
    rd = doc["contests"][0]["rounds"][0]
    assert (rd["base"], rd["threshold"]) == (16, 9)
    assert rd["elected"] == ["binh", "cuong", "an"]
    assert {c["id"]: c["passed"] for c in rd["candidates"]}["dung"] is True
    code, out, _ = run("count", folder, "--lang", "en")
    assert code == 0
    assert "at least 9 votes" in " ".join(out.split())
    code, _, err = run("check", folder)
    assert code == 0, err


def test_trade_union_one_name_struck_is_valid(tmp_path: Path) -> None:
    """HD 03/HD-TLĐ (20/2/2020, S old): a one-name ballot with the name struck is valid."""
    rules = load_ruleset("cong-doan-vn")
    one = BallotSpec.from_rules(1, 1, "agree_disagree", rules.ballot.invalid)
    assert _one(one, "1").valid == 1
    several = BallotSpec.from_rules(3, 3, "agree_disagree", rules.ballot.invalid)
    assert _one(several, "1 2 3").valid == 1  # all_struck_no_surplus: false (U)


@pytest.mark.parametrize(
    ("lang", "need", "wrong"),
    [("vi", "> 1/2 phiếu thu vào", "phiếu hợp lệ"), ("en", "> 1/2 of collected", "of valid")],
)
def test_validate_says_the_majority_is_of_the_ballots_collected(
    tmp_path: Path, lang: str, need: str, wrong: str
) -> None:
    """Bug seen while building the template: before the vote, validate's table said the
    threshold was "> 1/2 phiếu hợp lệ" (of the valid ballots) for a base of ballots collected."""
    folder = _election(tmp_path / "e", "doan-tncs-hcm", 4, 3, Y1_ROWS)
    code, out, _ = run("validate", folder, "--lang", lang)
    assert code == 0
    row = next(line for line in out.splitlines() if "(bch)" in line)
    assert need in row and wrong not in row, row
