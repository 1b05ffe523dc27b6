"""What the state law says after the count (issue 16; rules-2025.md §3.3 and §7 S1–S9).

Luật 85/2015/QH13 as amended by Luật 83/2025/QH15: Điều 78 (turnout, winner, ranking, older
wins), Điều 79 (bầu cử thêm: a People's Council holds one only when fewer than two thirds of the
seats are filled; for the National Assembly the National Election Council decides; never a second
one; within 07 days), Điều 80 (bầu cử lại: within 07 days, and the re-run stands whatever the
turnout). The exit codes are checked through the CLI, the Vietnamese output for English words.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from clirun import invoke
from tally.checks import validate
from tally.decide import after_open_seats, percent
from tally.election import Election
from tally.ruleset.loader import load_ruleset
from vietnamese import english_words

RULES = "luat-bau-cu-2015-sd-2025"
AGES = ["1960-01-01", "1965-01-01", "1970-01-01", "1975-01-01", "1980-01-01", "1985-01-01"]


def _people(n: int, born: list[str] | None = None) -> list[dict[str, Any]]:
    days = born or AGES
    return [
        {"id": f"p{i}", "name": f"Người Số {i + 1}", "born": days[i % len(days)]} for i in range(n)
    ]


def _sheet(votes: list[int], valid: int, **extra: Any) -> dict[str, Any]:
    return {
        "group": 1,
        "collected": valid,
        "invalid": {},
        "votes": {f"p{i}": v for i, v in enumerate(votes)},
        **extra,
    }


def _folder(
    tmp_path: Path,
    assembly: str,
    seats: int,
    rounds: list[tuple[dict[str, Any], dict[str, Any]]],
    *,
    names: int | None = None,
    registered: int = 1500,
    born: list[str] | None = None,
) -> Path:
    """A constituency; ``rounds``: (the round's election.yaml entry, its tally sheet)."""
    n = names if names is not None else seats + 2
    folder = tmp_path / "e"
    (folder / "t").mkdir(parents=True)
    entries = []
    for i, (entry, sheet) in enumerate(rounds, 1):
        rel = f"t/{i}.yaml"
        entries.append({**entry, "tallies": [rel]})
        (folder / rel).write_text(yaml.safe_dump(sheet, allow_unicode=True), encoding="utf-8")
    data = {
        "version": 1,
        "rules": RULES,
        "congress": {
            "name": "Bầu cử đại biểu, Đơn vị bầu cử số 1",
            "kind": "constituency",
            "assembly": assembly,
            "date": "2026-03-15",
        },
        "electorate": {"registered": registered},
        "people": _people(n, born),
        "contests": [
            {
                "id": "dv1",
                "body": "deputies",
                "seats": seats,
                "candidates": [f"p{i}" for i in range(n)],
                "rounds": entries,
            }
        ],
    }
    (folder / "election.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return folder


def _first(votes: list[int], valid: int = 1000) -> tuple[dict[str, Any], dict[str, Any]]:
    return {"issued": valid}, _sheet(votes, valid)


def _run(folder: Path, *args: str) -> tuple[int, str]:
    result = invoke(*args[:1], folder, *args[1:])
    return result.exit_code, result.output


def _count(folder: Path) -> tuple[int, dict[str, Any]]:
    code, out = _run(folder, "count", "--json")
    return code, json.loads(out)


def _round(doc: dict[str, Any], n: int = 1) -> dict[str, Any]:
    rd: dict[str, Any] = doc["contests"][0]["rounds"][n - 1]
    return rd


# --- Điều 79 as a pure rule ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seats", "elected", "outcome"),
    [
        # S4 (rules-2025.md §7, Điều 79 khoản 2): 3·elected < 2·seats → an additional election
        (3, 2, "final"),  # 6 = 6: two thirds filled
        (3, 1, "additional_due"),
        (5, 3, "additional_due"),  # 9 < 10
        (5, 4, "final"),  # 12 ≥ 10: one seat stays open
        (2, 1, "additional_due"),  # 3 < 4
        (1, 0, "additional_due"),
    ],
)
def test_peoples_council_two_thirds(seats: int, elected: int, outcome: str) -> None:
    assert after_open_seats("under_two_thirds", seats, elected, True) == outcome


def test_no_second_additional_election_and_the_council_decides() -> None:
    # Điều 79 khoản 3: "không tổ chức bầu cử thêm lần thứ hai"; khoản 1: HĐBCQG decides (S5)
    assert after_open_seats("under_two_thirds", 5, 0, False) == "final"
    assert after_open_seats("council_decides", 3, 2, True) == "council_decides"
    assert after_open_seats("council_decides", 3, 2, False) == "final"


def test_the_policy_is_rule_set_data() -> None:
    for rid in ("luat-bau-cu-2015", RULES):
        rules = load_ruleset(rid)
        later = rules.decision.later_rounds
        assert later.value.additional == {
            "national_assembly": "council_decides",
            "peoples_council": "under_two_thirds",
        }
        assert later.value.max_additional == 1 and later.value.within_days == 7
        assert "Điều 79" in later.cite and later.provenance == "V"
        turnout = rules.decision.turnout.value
        assert turnout is not None and turnout.rerun_within_days == 7 and turnout.except_rerun
    for rid in ("qd-190-2024", "qd-244-2014"):  # party rules: the congress decides, as before
        later_party = load_ruleset(rid).decision.later_rounds.value
        assert later_party.additional is None and later_party.within_days is None


# --- a round's outcome through the CLI -------------------------------------------------------


@pytest.mark.parametrize(
    ("assembly", "seats", "votes", "outcome", "code"),
    [
        # People's Council, 3 seats: 2 elected → final; 1 elected → due (issue 16, S4)
        ("peoples_council", 3, [600, 550, 400, 300, 200], "final", 0),
        ("peoples_council", 3, [600, 450, 400, 300, 200], "additional_due", 4),
        # 5 seats: 3 elected → due (3·3 < 2·5); 4 elected → final (S4)
        ("peoples_council", 5, [900, 800, 700, 300, 200, 100, 100], "additional_due", 4),
        ("peoples_council", 5, [900, 800, 700, 600, 300, 200, 100], "final", 0),
        # National Assembly, 3 seats, 2 elected → for the Council to decide (S5)
        ("national_assembly", 3, [600, 550, 400, 300, 200], "council_decides", 4),
    ],
)
def test_outcome_after_the_first_election(
    tmp_path: Path, assembly: str, seats: int, votes: list[int], outcome: str, code: int
) -> None:
    folder = _folder(tmp_path, assembly, seats, [_first(votes)])
    got, doc = _count(folder)
    assert got == code
    rd = _round(doc)
    assert rd["outcome"] == outcome and doc["contests"][0]["outcome"] == outcome
    assert rd["open_seats"] == seats - len(rd["elected"])
    assert rd.get("within_days") == (7 if code == 4 else None)
    assert "decision.later_rounds" in [r["rule"] for r in rd["rules_applied"]]


@pytest.mark.parametrize(
    ("assembly", "votes", "words_vi", "words_en"),
    [
        (
            "peoples_council",
            [600, 550, 400, 300, 200],
            "không tổ chức bầu cử thêm (Luật 85/2015/QH13 Điều 79",
            "no additional election is held (Luật 85/2015/QH13 Điều 79",
        ),
        (
            "peoples_council",
            [600, 450, 400, 300, 200],
            "phải tổ chức bầu cử thêm",
            "an additional election must be held",
        ),
        (
            "national_assembly",
            [600, 550, 400, 300, 200],
            "Hội đồng Bầu cử quốc gia xem xét, quyết định việc bầu cử thêm",
            "the National Election Council decides whether to hold an additional election",
        ),
    ],
)
def test_the_outcome_is_said_in_the_states_words(
    tmp_path: Path, assembly: str, votes: list[int], words_vi: str, words_en: str
) -> None:
    folder = _folder(tmp_path, assembly, 3, [_first(votes)])
    _, vi = _run(folder, "count")
    _, en = _run(folder, "count", "--lang", "en")
    flat_vi, flat_en = " ".join(vi.split()), " ".join(en.split())
    assert words_vi in flat_vi and words_en in flat_en
    assert "đại hội" not in flat_vi and "congress" not in flat_en
    assert english_words(vi) == []
    if "additional_due" in words_en or "must be held" in words_en:
        assert "chậm nhất là 7 ngày sau ngày bầu cử đầu tiên" in flat_vi


def test_minutes_say_the_outcome_and_the_credentials(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "peoples_council", 3, [_first([600, 550, 400, 300, 200])])
    out = tmp_path / "m"
    code, said = _run(folder, "minutes", "--format", "md", "-o", str(out))
    assert code == 0, said
    md = " ".join((out / "dv1-1.md").read_text(encoding="utf-8").split())
    assert "không tổ chức bầu cử thêm" in md
    assert "Tư cách người trúng cử chưa được xác nhận." in md
    assert "chuẩn y" not in md and "đại hội" not in md


def test_a_complete_state_result_awaits_the_credentials(tmp_path: Path) -> None:
    # Luật 85/2015/QH13 Điều 86–88: the National Election Council confirms the deputies
    folder = _folder(tmp_path, "national_assembly", 3, [_first([600, 550, 520, 300, 200])])
    code, vi = _run(folder, "count")
    assert code == 0
    flat = " ".join(vi.split())
    assert "Hội đồng Bầu cử quốc gia xác nhận tư cách người trúng cử" in flat
    assert "chuẩn y" not in flat


def test_an_unresolved_state_tie_is_not_a_congress_revote(tmp_path: Path) -> None:
    # S2 (Điều 78 khoản 4): the same birth date → the law does not say; no "congress" words
    votes = [700, 600, 600, 100]
    born = ["1960-01-01", "1970-05-05", "1970-05-05", "1980-01-01"]
    folder = _folder(tmp_path, "peoples_council", 2, [_first(votes)], names=4, born=born)
    code, vi = _run(folder, "count")
    assert code == 4
    flat = " ".join(vi.split())
    assert "không xác định được người nhiều tuổi hơn" in flat and "đại hội" not in flat
    assert english_words(vi) == []


# --- the additional election (the second round) ----------------------------------------------


def _additional(
    seats: int, candidates: list[str], votes: list[int], valid: int = 900
) -> tuple[dict[str, Any], dict[str, Any]]:
    sheet = {
        "group": 1,
        "collected": valid,
        "invalid": {},
        "votes": dict(zip(candidates, votes, strict=True)),
    }
    return {"seats": seats, "candidates": candidates, "issued": valid}, sheet


def test_national_assembly_additional_election_that_fills_nothing_is_final(
    tmp_path: Path,
) -> None:
    # issue 16: NA 3 seats, 2 elected → the Council decided an additional election; it elects
    # nobody → final, exit 0 (Điều 79 khoản 3: no second additional election)
    first = _first([600, 550, 400, 300, 200])
    second = _additional(1, ["p2", "p3", "p4"], [400, 300, 200])
    folder = _folder(tmp_path, "national_assembly", 3, [first, second])
    code, doc = _count(folder)
    assert code == 0
    assert [r["outcome"] for r in doc["contests"][0]["rounds"]] == ["council_decides", "final"]
    assert doc["contests"][0]["outcome"] == "final" and "within_days" not in _round(doc, 2)
    _, vi = _run(folder, "count")
    _, en = _run(folder, "count", "--lang", "en")
    assert "không tổ chức bầu cử thêm lần thứ hai" in " ".join(vi.split())
    assert "no second additional election is held" in " ".join(en.split())
    assert english_words(vi) == []


def test_peoples_council_additional_election_that_leaves_a_seat_open_is_final(
    tmp_path: Path,
) -> None:
    # S4: 5 seats, 3 elected → additional election for 2; it elects 1 → final, exit 0
    first = _first([900, 800, 700, 300, 200, 100, 100])
    second = _additional(2, ["p3", "p4", "p5", "p6"], [600, 300, 200, 100])
    folder = _folder(tmp_path, "peoples_council", 5, [first, second])
    code, doc = _count(folder)
    assert code == 0
    contest = doc["contests"][0]
    assert [r["outcome"] for r in contest["rounds"]] == ["additional_due", "final"]
    assert contest["elected"] == ["p0", "p1", "p2", "p3"]
    _, check = _run(folder, "check", "--json")
    assert json.loads(check)["contests"][0]["outcome"] == "final"


def test_no_round_after_a_final_result(tmp_path: Path) -> None:
    # PC 3 seats, 2 elected: final; a second round is refused, naming the rule (exit 2)
    first = _first([600, 550, 400, 300, 200])
    second = _additional(1, ["p2", "p3", "p4"], [600, 300, 200])
    folder = _folder(tmp_path, "peoples_council", 3, [first, second])
    code, vi = _run(folder, "count")
    assert code == 2
    assert "không tổ chức bầu cử thêm" in vi and "Điều 79" in vi
    assert english_words(vi) == []


def test_recount_sums_up_the_state_outcomes(tmp_path: Path) -> None:
    due = _folder(tmp_path / "a", "peoples_council", 3, [_first([600, 450, 400, 300, 200])])
    final = _folder(tmp_path / "b", "peoples_council", 3, [_first([600, 550, 400, 300, 200])])
    result = invoke("recount", due, final, "--json")
    assert result.exit_code == 4, result.output
    doc = json.loads(result.output)
    by = {Path(r["path"]).parent.name: r for r in doc["elections"]}
    assert by["a"]["outcome"] == "additional_due" and by["a"]["exit_code"] == 4
    assert by["b"]["outcome"] == "final" and by["b"]["exit_code"] == 0


# --- the worked cases S1, S3, S6–S9 of rules-2025.md §7 --------------------------------------


def test_s1_exactly_half_of_the_valid_ballots_fails(tmp_path: Path) -> None:
    # S1 (Điều 78 khoản 2): 10,000 valid; 5,001 elected, 5,000 not
    votes = [9000, 8000, 5001, 5000, 1000]
    folder = _folder(tmp_path, "national_assembly", 3, [_first(votes, 10_000)], registered=15_000)
    _, doc = _count(folder)
    rd = _round(doc)
    assert rd["threshold"] == 5001 and rd["elected"] == ["p0", "p1", "p2"]
    assert [c["status"] for c in rd["candidates"]][3] == "not_elected"


def test_s2_the_older_wins(tmp_path: Path) -> None:
    # S2 (Điều 78 khoản 4): A 7,000; B 6,000 (1975); C 6,000 (1970) of 10,000 → A and C
    born = ["1980-01-01", "1975-01-01", "1970-01-01", "1985-01-01"]
    first = _first([7000, 6000, 6000, 1000], 10_000)
    folder = _folder(tmp_path, "peoples_council", 2, [first], names=4, registered=15_000, born=born)
    code, doc = _count(folder)
    assert code == 0 and _round(doc)["elected"] == ["p0", "p2"]


@pytest.mark.parametrize(
    ("voted", "rerun", "outcome", "code"),
    [
        (500, False, "void", 4),  # not "quá một nửa" of 1,000 → re-run due, within 7 days
        (501, False, "complete", 0),
        (480, True, "complete", 0),  # the re-run stands whatever the turnout (Điều 80 khoản 4)
    ],
)
def test_s3_turnout_and_the_rerun(
    tmp_path: Path, voted: int, rerun: bool, outcome: str, code: int
) -> None:
    # S3 (Điều 78 khoản 1, Điều 80 as amended by Luật 83/2025)
    entry, sheet = _first([voted - 10, voted - 20, voted - 30, 5, 5], voted)
    if rerun:
        entry["rerun"] = True
    folder = _folder(tmp_path, "peoples_council", 3, [(entry, sheet)], registered=1000)
    got, doc = _count(folder)
    assert got == code
    rd = _round(doc)
    assert rd["outcome"] == outcome
    assert rd.get("within_days") == (7 if outcome == "void" else None)
    if outcome == "void":
        _, vi = _run(folder, "count")
        assert "phải bầu cử lại" in vi and "7 ngày" in vi


def _validate(assembly: str, seats: int, names: int) -> set[str]:
    election = Election.model_validate(
        {
            "version": 1,
            "rules": RULES,
            "congress": {
                "name": "Bầu cử",
                "kind": "constituency",
                "assembly": assembly,
                "date": "2026-03-15",
            },
            "electorate": {"registered": 1000},
            "people": _people(names),
            "contests": [
                {
                    "id": "dv1",
                    "body": "deputies",
                    "seats": seats,
                    "candidates": [f"p{i}" for i in range(names)],
                }
            ],
        }
    )
    report = validate(election, load_ruleset(RULES))
    return {f.code for f in report.findings if f.severity in ("error", "warning")}


@pytest.mark.parametrize(
    ("assembly", "seats", "names", "code"),
    [
        # S6 (Điều 57 khoản 6, Điều 58 khoản 3, Điều 10 khoản 4)
        ("national_assembly", 3, 4, "list_too_short"),
        ("national_assembly", 3, 5, None),
        ("national_assembly", 4, 6, "too_many_seats"),
        ("peoples_council", 2, 3, None),
        ("peoples_council", 3, 4, "list_too_short"),
        ("peoples_council", 3, 5, None),
        ("peoples_council", 5, 7, "list_too_short"),
        ("peoples_council", 5, 8, None),
        ("peoples_council", 6, 9, "too_many_seats"),
    ],
)
def test_s6_list_size(assembly: str, seats: int, names: int, code: str | None) -> None:
    found = _validate(assembly, seats, names) - {"list_target_short", "person_data_missing"}
    assert found == ({code} if code else set())


def test_s7_invalid_ballots(tmp_path: Path) -> None:
    # S7 (Điều 74): 3 seats, 5 names
    folder = _folder(tmp_path, "peoples_council", 3, [], registered=6)
    rows = [
        ("1 2 3 4 5", ""),  # every name struck → invalid
        ("", ""),  # none struck, 5 kept → invalid
        ("1", ""),  # 4 kept → invalid
        ("1 2", "write_in"),  # 3 kept with a name written in → invalid
        ("1 2 3", ""),  # 2 kept → valid: 2 votes
    ]
    (folder / "b.csv").write_text(
        "ballot,struck,invalid\n" + "".join(f"{i},{s},{r}\n" for i, (s, r) in enumerate(rows, 1)),
        encoding="utf-8",
    )
    data = yaml.safe_load((folder / "election.yaml").read_text(encoding="utf-8"))
    data["contests"][0]["rounds"] = [{"issued": 5, "ballots": "b.csv"}]
    (folder / "election.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    _, doc = _count(folder)
    b = _round(doc)["ballots"]
    assert (b["valid"], b["invalid"]) == (1, 4)
    assert b["invalid_by_reason"] == {"all_struck": 1, "too_many_kept": 2, "write_in": 1}
    assert [c["votes"] for c in _round(doc)["candidates"]] == [0, 0, 0, 1, 1]


def test_s8_percent_half_up() -> None:
    # S8 (HĐBCQG Q&A 2026): 22,566% → 22,57%
    assert percent(22_566, 100_000, 2, "half_up") == "22.57"
    rule = load_ruleset(RULES).report.percent
    assert "21/2025/TT-BNV" in rule.cite and "Hội đồng Bầu cử quốc gia" in rule.cite_in("vi")


@pytest.mark.parametrize(("total", "code"), [(390, 0), (389, 3)])
def test_s9_counting_by_ballot_type(tmp_path: Path, total: int, code: int) -> None:
    # S9 (HĐBCQG 2026): 100 ballots keeping 3, 40 keeping 2, 10 keeping 1 → 390 votes in all
    votes = [150, 120, total - 270, 0, 0]
    sheet = _sheet(votes, 150, kept={3: 100, 2: 40, 1: 10})
    folder = _folder(tmp_path, "peoples_council", 3, [({"issued": 150}, sheet)], registered=200)
    got, doc = _count(folder)
    assert got == code
    if code:
        assert "kept_mismatch" in [p["code"] for p in _round(doc)["problems"]]


def test_confirmation_and_targets_are_verified() -> None:
    # rules-2025.md §6: confirmation → V (Điều 86–88); plan and list targets → V
    rules = load_ruleset(RULES)
    assert rules.decision.confirmation.provenance == "V"
    assert "Điều 86, 87, 88" in rules.decision.confirmation.cite
    assert rules.plan.targets.provenance == "V"
    assert rules.lists.surplus_required.provenance == "V"
    assert rules.lists.min_surplus.provenance == "V"


# --- the re-run in the same contest (Điều 80 khoản 4) ----------------------------------------


Rounds = list[tuple[dict[str, Any], dict[str, Any]]]


def _void_then(entry: dict[str, Any], votes: list[int], voted: int) -> Rounds:
    """A first election with 500 of 1,000 voters (void), then ``entry`` with ``voted`` voters."""
    return [
        _first([490, 480, 470, 5, 5], 500),
        ({**entry, "issued": voted}, _sheet(votes, voted)),
    ]


def test_the_rerun_after_a_void_round_stands_whatever_the_turnout(tmp_path: Path) -> None:
    # S3: 1,000 registered, 500 voted → void; the re-run with 480 voters stands
    rerun = {"rerun": True, "seats": 3, "candidates": ["p0", "p1", "p2", "p3", "p4"]}
    rounds = _void_then(rerun, [470, 460, 300, 100, 50], 480)
    folder = _folder(tmp_path, "peoples_council", 3, rounds, registered=1000)
    code, doc = _count(folder)
    assert code == 0
    contest = doc["contests"][0]
    assert [r["outcome"] for r in contest["rounds"]] == ["void", "complete"]
    assert _round(doc, 2)["rerun"] is True and "rerun" not in _round(doc, 1)
    assert contest["elected"] == ["p0", "p1", "p2"]


def test_a_rerun_that_leaves_seats_open_may_still_call_an_additional_election(
    tmp_path: Path,
) -> None:
    # the re-run is the first election again: 1 of 3 elected → an additional election is due
    rerun = {"rerun": True, "seats": 3, "candidates": ["p0", "p1", "p2", "p3", "p4"]}
    rounds = _void_then(rerun, [470, 200, 190, 100, 50], 480)
    folder = _folder(tmp_path, "peoples_council", 3, rounds, registered=1000)
    code, doc = _count(folder)
    assert code == 4 and _round(doc, 2)["outcome"] == "additional_due"


@pytest.mark.parametrize(
    "entry",
    [
        {"rerun": True, "seats": 2, "candidates": ["p0", "p1", "p2", "p3", "p4"]},  # not all seats
        {"rerun": True, "seats": 3, "candidates": ["p0", "p1", "p2", "p3"]},  # not the same list
    ],
)
def test_a_rerun_elects_every_seat_from_the_first_list(
    tmp_path: Path, entry: dict[str, Any]
) -> None:
    folder = _folder(
        tmp_path,
        "peoples_council",
        3,
        _void_then(entry, [400, 300, 200, 100], 480),
        registered=1000,
    )
    code, vi = _run(folder, "count")
    assert code == 2 and "bầu cử lại" in vi and "Điều 80" in vi
    assert english_words(vi) == []


def test_rerun_only_after_a_void_round(tmp_path: Path) -> None:
    first = _first([600, 450, 400, 300, 200])  # additional_due
    second = _additional(2, ["p1", "p2", "p3", "p4"], [600, 500, 200, 100])
    second[0]["rerun"] = True
    folder = _folder(tmp_path, "peoples_council", 3, [first, second])
    code, out = _run(folder, "count", "--lang", "en")
    assert code == 2 and "not void" in out


def test_a_state_check_speaks_of_the_intended_structure_not_a_party_plan(tmp_path: Path) -> None:
    # Luật 85/2015 Điều 8, 9: the deputies' intended structure and composition; "đề án nhân sự"
    # is the party's personnel plan (issue 16: state words for state elections)
    folder = _folder(tmp_path, "peoples_council", 3, [_first([600, 450, 400, 300, 200])])
    code, out = _run(folder, "check")
    assert code == 4  # one of three seats filled: an additional election is due
    assert "dự kiến cơ cấu, thành phần" in out
    assert "đề án nhân sự" not in out
    code, out = _run(folder, "check", "--lang", "en")
    assert "intended structure and composition" in out
    assert "personnel plan" not in out


PHUONG = Path(__file__).resolve().parents[1] / "examples" / "phuong-hdnd-2026"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_state_check_speaks_of_the_expected_composition_not_a_plan(lang: str) -> None:
    """A state election has a "dự kiến cơ cấu, thành phần đại biểu" (Luật 85/2015 Điều 8–9),
    not a Party "đề án nhân sự": its findings and the table say so."""
    said = invoke("check", PHUONG, "--json", "--lang", lang)
    assert said.exit_code == 0, said.stderr
    (short,) = [f["message"] for f in json.loads(said.stdout)["findings"]]
    want = {
        "vi": "dự kiến cơ cấu ít nhất 1 người — thiếu 1",
        "en": "the expected composition wants at least 1 — short by 1",
    }
    assert want[lang] in short
    table = invoke("check", PHUONG, "--lang", lang).stdout
    assert {"vi": "Dự kiến", "en": "Expected"}[lang] in table
    for text in (said.stdout, table):
        assert "đề án" not in text.lower() and "plan wants" not in text
