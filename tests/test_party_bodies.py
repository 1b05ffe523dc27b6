"""Issue 16, party bodies: bodies and delegates appointed by decision, the combined delegates
list, and the worked cases of rules-2025.md §7 not tested elsewhere.

Sources: rules-2025.md §2.2 (2025 merged provinces and new communes had their committees,
standing committees, secretaries, inspection committees and delegates appointed, chỉ định:
Thái Nguyên 22–24/9/2025, V for that congress; Vĩnh Long 500 = 83 ex officio + 417 appointed,
S); §1.4 (QĐ 190-QĐ/TW Điều 18: one combined list, official delegates first, S); §7 P1, P6,
P7, P9. P4 is tests/test_poll.py (87 of 290 fails, 88 passes); P5 is
tests/test_party_electorate.py (a counting-board member on the list).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from clirun import invoke
from tally.app import check_report, count_report, validate_report
from tally.config.loader import load_election
from tally.domain.electorate import majority_base

PEOPLE = [
    ("a1", "Nguyễn Văn An", "M"),
    ("a2", "Trần Thị Bình", "F"),
    ("a3", "Lê Văn Cường", "M"),
    ("a4", "Phạm Thị Dung", "F"),
    ("a5", "Hoàng Văn Em", "M"),
    ("a6", "Vũ Thị Giang", "F"),
    ("a7", "Đỗ Văn Hải", "M"),
]
DECISION = {"decision": "123-QĐ/TW", "date": "2025-09-20", "by": "Bộ Chính trị"}


def _people() -> list[dict[str, Any]]:
    return [
        {"id": pid, "name": name, "sex": sex, "born": "1975-01-01"} for pid, name, sex in PEOPLE
    ]


def appointed_congress() -> dict[str, Any]:
    """P9 (Thái Nguyên, 22–24/9/2025): every body and the delegation announced by decision."""
    return {
        "version": 1,
        "rules": "qd-190-2024",
        "congress": {
            "name": "Đại hội đại biểu Đảng bộ tỉnh Thái Nguyên lần thứ I",
            "kind": "delegates_congress",
            "date": "2025-09-22",
        },
        "electorate": {"summoned": 350, "ex_officio": 50, "appointed": 300, "present": 348},
        "people": _people(),
        "contests": [
            {"id": "bch", "body": "committee", "appointed": DECISION, "members": ["a1", "a2", "a3", "a4", "a5"]},
            {"id": "btv", "body": "standing_committee", "appointed": DECISION, "members": ["a1", "a2", "a3"]},
            {"id": "bt", "body": "secretary", "appointed": DECISION, "members": ["a1"]},
            {"id": "dbtw", "body": "delegates", "appointed": DECISION, "members": ["a1", "a6", "a7"]},
        ],
        "plan": {
            "bodies": {"committee": {"seats": 5, "targets": {"women": {"min": 2}}}},
            "posts": {"secretary": "a1"},
        },
    }  # fmt: skip


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    (tmp_path / "election.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return tmp_path


def _run(*args: str) -> Any:
    return invoke(*args)


# --- P9: a congress whose bodies are all appointed -----------------------------------------


def test_p9_every_command_exits_0_with_no_ballots(tmp_path: Path) -> None:
    folder = str(_write(tmp_path, appointed_congress()))
    for command in ("validate", "count", "check"):
        result = _run(command, folder)
        assert result.exit_code == 0, (command, result.output)
    out = tmp_path / "minutes"
    result = _run("minutes", folder, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert not out.exists() or not any(out.iterdir())  # no counting minutes written
    assert "123-QĐ/TW" in result.output  # and it says why, per body


def test_p9_count_shows_appointed_with_the_decision(tmp_path: Path) -> None:
    folder = str(_write(tmp_path, appointed_congress()))
    vi = _run("count", folder).output
    assert "CHỈ ĐỊNH theo Quyết định số 123-QĐ/TW ngày 20/09/2025 của Bộ Chính trị" in vi
    en = _run("count", folder, "--lang", "en").output
    assert "APPOINTED by decision 123-QĐ/TW of 20/09/2025 (Bộ Chính trị)" in en
    doc = json.loads(_run("count", folder, "--json").output)
    bch = doc["contests"][0]
    assert bch["outcome"] == "appointed" and bch["rounds"] == []
    assert bch["elected"] == ["a1", "a2", "a3", "a4", "a5"]
    assert bch["appointed"]["decision"] == "123-QĐ/TW"
    assert bch["appointed"]["date"] == "2025-09-20"
    assert bch["appointed"]["members"] == ["a1", "a2", "a3", "a4", "a5"]


def test_p9_one_appointed_contest_asked_for_its_minutes(tmp_path: Path) -> None:
    folder = str(_write(tmp_path, appointed_congress()))
    result = _run("minutes", folder, "--contest", "bch", "-o", str(tmp_path / "m.docx"))
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "m.docx").exists()


def test_plan_and_structure_checks_apply_to_appointed_members(tmp_path: Path) -> None:
    data = appointed_congress()
    # the secretary is not in the standing committee: the chain is broken
    data["contests"][2]["members"] = ["a5"]
    data["plan"]["bodies"]["committee"]["targets"]["women"] = {"min": 3}  # 2 women of 5
    loaded = load_election(_write(tmp_path, data))
    report = check_report(loaded)
    codes = {f.code for f in report.findings}
    assert "chain_violation" in codes  # a5 appointed secretary, not in the standing committee
    assert "post_not_elected" in codes or "off_plan_elected" in codes  # plan: secretary a1
    women = next(s for s in report.structure if s.target == "women")
    assert (women.count, women.of, women.met) == (2, 5, False)


def test_appointed_contest_shape_errors_exit_2(tmp_path: Path) -> None:
    data = appointed_congress()
    data["contests"][0]["candidates"] = ["a1"]  # an appointed body has no list
    data["contests"][1]["rounds"] = [{"issued": 3}]  # and no rounds
    data["contests"][2]["members"] = ["zz"]  # members are people
    result = _run("validate", str(_write(tmp_path, data)), "--lang", "en")
    assert result.exit_code == 2
    assert "has no election list" in result.output
    assert "no rounds and no ballots" in result.output
    assert "zz" in result.output


def test_appointed_delegates_add_up_in_the_summoned(tmp_path: Path) -> None:
    # Vĩnh Long, 2/10/2025: 500 official delegates = 83 ex officio + 417 appointed (S).
    data = appointed_congress()
    data["electorate"] = {"summoned": 500, "ex_officio": 83, "appointed": 417, "present": 500}
    assert _run("validate", str(_write(tmp_path, data))).exit_code == 0
    data["electorate"]["appointed"] = 418  # 83 + 418 = 501 > 500
    result = _run("validate", str(_write(tmp_path, data)), "--lang", "en")
    assert result.exit_code == 2
    assert "ex-officio (83) and appointed (418) delegates are more than those summoned" in (
        result.output
    )


def test_members_congress_with_not_summoned_and_an_appointed_body(tmp_path: Path) -> None:
    """Issue 16 'done when': a members congress with not_summoned and an appointed body. The
    chi bộ elects its committee; its secretary is appointed; 2 are not summoned (04-HD/TW)."""
    data = _p1_members_congress(tmp_path)
    data["electorate"]["not_summoned"] = 2
    data["contests"].append(
        {"id": "bt", "body": "secretary", "at": "congress", "appointed": DECISION, "members": "a1"}
    )
    loaded = load_election(_write(tmp_path, data))
    base = majority_base(loaded.election, loaded.rules, loaded.election.contests[0])
    assert base.value == 10 and [(p.key, p.sign * p.count) for p in base.parts][:2] == [
        ("roll.members", 13),
        ("not_summoned", -2),
    ]
    report = count_report(loaded)
    assert [c.outcome for c in report.contests] == ["complete", "appointed"]
    validated = validate_report(loaded)
    assert [c.id for c in validated.contests] == ["cu"]  # the appointed body has no base
    assert [f.code for f in validated.findings if f.contest == "bt"] == ["appointed"]
    result = _run("minutes", str(tmp_path), "-o", str(tmp_path / "m"), "--format", "md")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["cu-1.md"]
    assert "bt:" in result.output


# --- P1: members congress of a chi bộ (dangcongsan 76123; 190 Art. 30 cl. 2) --------------


def _p1_members_congress(tmp_path: Path) -> dict[str, Any]:
    """11 full members summoned, 1 absent all congress with an approved reason, 10 ballots.
    Votes 10, 9, 6, 5 for a chi ủy of 3: base 10, threshold 6."""
    rows = ["ballot,struck"] + [f"{i},4" for i in range(1, 6)]  # 5 strike D
    rows += [f"{i},3" for i in range(6, 10)] + ["10,2"]  # 4 strike C, 1 strikes B
    (tmp_path / "cu.csv").write_text("\n".join(rows) + "\n", "utf-8")
    return {
        "version": 1,
        "rules": "qd-190-2024",
        "congress": {"name": "Đại hội Chi bộ 1", "kind": "members_congress", "date": "2025-05-10"},
        "electorate": {"summoned": 11, "absent_all_congress_approved": 1, "present": 10},
        "people": _people(),
        "contests": [
            {
                "id": "cu",
                "body": "committee",
                "seats": 3,
                "candidates": ["a1", "a2", "a3", "a4"],
                "rounds": [{"issued": 10, "ballots": "cu.csv"}],
            }
        ],
    }


def test_p1_six_of_ten_is_elected_five_is_not(tmp_path: Path) -> None:
    loaded = load_election(_write(tmp_path, _p1_members_congress(tmp_path)))
    (contest,) = count_report(loaded).contests
    (rd,) = contest.rounds
    assert (rd.base, rd.threshold) == (10, 6)
    assert [c.votes for c in rd.candidates] == [10, 9, 6, 5]
    assert [c.status for c in rd.candidates] == ["elected", "elected", "elected", "not_elected"]


# --- P7: not summoned vs absent (04-HD/TW 31/12/2024) ---------------------------------------


def test_p7_not_summoned_leave_summoned_absent_leave_the_base(tmp_path: Path) -> None:
    data = appointed_congress()
    data["contests"] = [
        {"id": "bch", "body": "committee", "seats": 3, "candidates": ["a1", "a2", "a3", "a4"]}
    ]
    data["plan"] = None
    del data["plan"]
    # 300 on the roll; 2 prosecuted and 1 ex-officio member retired before the opening (not
    # summoned): 297 summoned; 4 ex officio and 3 delegates absent all congress, no alternate.
    data["electorate"] = {
        "summoned": 297,
        "not_summoned": 3,
        "ex_officio": 40,
        "absent_all_congress": {"ex_officio": 4, "delegates_unreplaced": 3},
    }  # fmt: skip
    loaded = load_election(_write(tmp_path, data))
    base = majority_base(loaded.election, loaded.rules, loaded.election.contests[0])
    assert (base.summoned, base.value) == (297, 290)
    assert validate_report(loaded).contests[0].threshold == 146


# --- P6: delegates from one combined list (190 Art. 18, S) ----------------------------------


def _p6_congress(tmp_path: Path, alternates: list[str]) -> Path:
    """Official seats 10, alternates 2, one list of 14 (p1…p14); 20 delegates vote. Every
    official ballot strikes p11–p14, so p1–p10 are elected officials; every alternate ballot
    keeps its first two names."""
    people = [{"id": f"p{i}", "name": f"Người Số {i}"} for i in range(1, 16)]
    official = [f"p{i}" for i in range(1, 15)]
    (tmp_path / "dbct.csv").write_text(
        "ballot,struck\n" + "".join(f"{i},11 12 13 14\n" for i in range(1, 21)), "utf-8"
    )
    (tmp_path / "dbdk.csv").write_text(
        "ballot,struck\n" + "".join(f"{i},3 4\n" for i in range(1, 21)), "utf-8"
    )
    data = {
        "version": 1,
        "rules": "qd-190-2024",
        "congress": {"name": "Đại hội đại biểu", "kind": "delegates_congress", "date": "2025-06-20"},
        "electorate": {"summoned": 20, "present": 20},
        "people": people,
        "contests": [
            {"id": "dbct", "body": "delegates", "seats": 10, "candidates": official,
             "rounds": [{"issued": 20, "ballots": "dbct.csv"}]},
            {"id": "dbdk", "body": "alternate_delegates", "seats": 2, "candidates": alternates,
             "rounds": [{"issued": 20, "ballots": "dbdk.csv"}]},
        ],
    }  # fmt: skip
    return _write(tmp_path, data)


def test_p6_the_alternates_are_the_rest_of_the_combined_list(tmp_path: Path) -> None:
    folder = _p6_congress(tmp_path, ["p11", "p12", "p13", "p14"])
    loaded = load_election(folder)
    report = check_report(loaded)
    assert [c.elected for c in report.count.contests] == [
        tuple(f"p{i}" for i in range(1, 11)),
        ("p11", "p12"),
    ]
    assert not [f for f in report.findings if f.severity == "error"]
    rule = loaded.rules.lists.delegates_combined_list
    assert rule is not None and rule.provenance == "S" and "Điều 18" in rule.cite
    # two separate minutes, one per contest (04-HD/TW Phụ lục 2)
    result = _run("minutes", str(folder), "-o", str(tmp_path / "m"), "--format", "md")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["dbct-1.md", "dbdk-1.md"]


def test_p6_an_elected_official_on_the_alternates_list_is_an_error(tmp_path: Path) -> None:
    folder = _p6_congress(tmp_path, ["p11", "p12", "p1", "p13"])
    result = _run("check", str(folder), "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "alternate_elected_official" in result.output
    doc = _run("check", str(folder), "--lang", "en", "--json").output
    assert "Người Số 1 was elected an official delegate (dbct)" in doc
    # before the vote nothing is known of who is elected: validate is clean
    assert _run("validate", str(folder)).exit_code == 0


def test_p6_an_alternate_not_on_the_combined_list_is_an_error(tmp_path: Path) -> None:
    folder = _p6_congress(tmp_path, ["p11", "p12", "p13", "p15"])
    result = _run("validate", str(folder), "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "alternate_not_on_combined_list" in result.output
    doc = _run("validate", str(folder), "--lang", "en", "--json").output
    assert "Người Số 15 is not on the combined delegates list (dbct)" in doc


def test_no_ballots_can_be_entered_for_an_appointed_body(tmp_path: Path) -> None:
    folder = str(_write(tmp_path, appointed_congress()))
    result = _run("enter", folder, "--contest", "bch", "--operator", "X", "--plain", "--lang", "en")
    assert result.exit_code == 2
    assert "appointed by decision 123-QĐ/TW" in result.output
