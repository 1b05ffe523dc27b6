"""The worked cases of rules.md §8 (1–8) and §3 (list checks), with the numbers of the text.

Setup of §8: delegates congress, 15 seats, list of 18; 300 summoned incl. 45 ex-officio;
4 ex-officio and 3 delegates (unreplaced) absent all congress; 3 more absent only at the
vote → base 293, threshold 147; 290 present, 290 issued, 290 collected.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from tally.ballots.csvfile import Row
from tally.checks import ballot_layout, check_list, validate
from tally.config.loader import load_election
from tally.config.models import Election
from tally.count import BallotSpec, count_rows
from tally.decide import decide, percent, reconcile
from tally.electorate import majority_base, passes, threshold
from tally.engine import count_election
from tally.ruleset.loader import load_ruleset

HALF = Fraction(1, 2)
IDS = [f"c{i:02d}" for i in range(1, 19)]  # 18 names on the list, ballot order


# --------------------------------------------------------------------------- helpers


def _people(ids: list[str], **extra: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"id": pid, "name": f"Nguyễn Văn {pid.upper()}", **extra.get(pid, {})} for pid in ids]


def delegates_congress(
    rules: str = "qd-190-2024",
    candidates: list[str] | None = None,
    seats: int = 15,
    people_extra: dict[str, dict[str, Any]] | None = None,
    plan: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The §8 setup as election.yaml data."""
    cands = candidates if candidates is not None else IDS
    data: dict[str, Any] = {
        "version": 1,
        "rules": rules,
        "congress": {
            "name": "Đại hội đại biểu",
            "kind": "delegates_congress",
            "date": "2025-07-20",
        },
        "electorate": {
            "summoned": 300,
            "ex_officio": 45,
            "absent_all_congress": {"ex_officio": 4, "delegates_unreplaced": 3},
            "present": 290,
        },
        "people": _people(cands, **(people_extra or {})),
        "contests": [{"id": "bch", "body": "committee", "seats": seats, "candidates": cands}],
    }
    if plan is not None:
        data["plan"] = plan
    return data


def strike_rows(votes: list[int], n_valid: int, seats: int, first_line: int = 2) -> list[Row]:
    """Valid strike-out ballots that give exactly ``votes`` (one entry per ballot position).

    The strikes of each name are dealt round-robin over the ballots, so no ballot strikes a
    name twice; each ballot keeps between 1 and ``seats`` names (checked).
    """
    n = len(votes)
    flat = [pos for pos in range(1, n + 1) for _ in range(n_valid - votes[pos - 1])]
    ballots: list[list[int]] = [[] for _ in range(n_valid)]
    for i, pos in enumerate(flat):
        ballots[i % n_valid].append(pos)
    for b in ballots:
        assert 0 < n - len(b) <= seats, "test setup: every ballot must be valid"
    return [
        (first_line + j, str(j + 1), " ".join(map(str, sorted(b))), "", "")
        for j, b in enumerate(ballots)
    ]


def write_election(folder: Path, data: dict[str, Any], sheets: dict[str, dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "election.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    for rel, sheet in sheets.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(yaml.safe_dump(sheet, allow_unicode=True), encoding="utf-8")
    return folder


def codes(findings: list[Any]) -> list[str]:
    return [f.code for f in findings]


@pytest.fixture(scope="module")
def r190():
    return load_ruleset("qd-190-2024")


@pytest.fixture(scope="module")
def r244():
    return load_ruleset("qd-244-2014")


@pytest.fixture(scope="module")
def rstate():
    return load_ruleset("luat-bau-cu-2015")


# --------------------------------------------------------------------------- §8 setup


@pytest.mark.parametrize("rules_id", ["qd-244-2014", "qd-190-2024"])
def test_setup_base_293_threshold_147(rules_id: str) -> None:
    election = Election.model_validate(delegates_congress(rules_id))
    rules = load_ruleset(rules_id)
    base = majority_base(election, rules, election.contests[0])
    assert base.kind == "summoned_minus_exclusions"
    assert base.value == 293
    assert base.present == 290
    assert base.summoned == 300
    assert [(p.key, p.count, p.sign) for p in base.parts] == [
        ("summoned", 300, 1),
        ("absent_all_congress.ex_officio", 4, -1),
        ("absent_all_congress.delegates_unreplaced", 3, -1),
    ]
    assert threshold(293, rules.decision.majority.value) == 147
    assert rules.decision.majority.value == HALF


def test_section2_examples() -> None:
    # 11 full members, 1 absent all congress with approval → base 10 → 6 needed; 5 fails.
    assert threshold(10, HALF) == 6
    assert not passes(5, 10, HALF)
    assert passes(6, 10, HALF)
    # Base 290 → 146 needed; 145 is exactly half and fails.
    assert threshold(290, HALF) == 146
    assert not passes(145, 290, HALF)
    assert passes(146, 290, HALF)


def test_section2_members_congress_eleven(r190) -> None:
    data = {
        "version": 1,
        "rules": "qd-190-2024",
        "congress": {"name": "Chi bộ", "kind": "members_congress", "date": "2025-05-01"},
        "electorate": {"summoned": 11, "absent_all_congress_approved": 1, "present": 10},
        "people": _people(["a", "b"]),
        "contests": [
            {"id": "bt", "body": "secretary", "at": "congress", "seats": 1, "candidates": ["a"]}
        ],
    }
    election = Election.model_validate(data)
    base = majority_base(election, r190, election.contests[0])
    assert base.value == 10
    assert threshold(base.value, HALF) == 6


# --------------------------------------------------------------------------- case 1


def test_case1_147_elected_146_not_ballot_level(r190) -> None:
    """147 is elected, 146 is not — although 146 of 288 valid ballots is above half of them."""
    election = Election.model_validate(delegates_congress())
    contest = election.contests[0]
    base = majority_base(election, r190, contest)
    votes = [250] * 13 + [147, 146] + [40, 40, 40]
    rows = strike_rows(votes, 288, 15)
    rows.append((290, "289", "", "", ""))  # untouched ballot: keeps 18 > 15
    rows.append((291, "290", "1 2 3", "", "marked"))
    spec = BallotSpec.from_rules(18, 15, "strike", r190.ballot.invalid)
    tally = count_rows(rows, spec)
    assert tally.collected == 290
    assert tally.valid == 288
    assert tally.invalid["too_many_kept"] == 1
    assert tally.invalid["marked"] == 1
    assert tally.votes == votes
    assert reconcile(tally, 290, 15, 290) == []

    assert tally.valid < 2 * 146  # above half of the valid ballots …
    assert not passes(146, base.value, HALF)  # … but not more than half of the base 293
    d = decide(tally.votes, 15, base.value, HALF, "revote")
    assert d.elected == tuple(range(14))
    assert d.status[13] == "elected"  # 147
    assert d.status[14] == "not_elected"  # 146
    assert d.passed[13] and not d.passed[14]
    assert d.open_seats == 1
    assert d.outcome == "shortfall"
    assert percent(147, 293, 2, "truncate") == "50.17"
    assert percent(146, 293, 2, "truncate") == "49.82"


def test_case1_end_to_end_with_ballot_file(tmp_path: Path) -> None:
    votes = [250] * 13 + [147, 146] + [40, 40, 40]
    rows = strike_rows(votes, 288, 15)
    lines = ["ballot,struck,unmarked,invalid"]
    lines += [f"{serial},{struck},," for _, serial, struck, _, _ in rows]
    lines += ["289,,,", "290,,,marked"]
    data = delegates_congress()
    data["contests"][0]["rounds"] = [{"issued": 290, "ballots": "ballots/bch-1.csv"}]
    write_election(tmp_path, data, {})
    (tmp_path / "ballots").mkdir()
    (tmp_path / "ballots" / "bch-1.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = count_election(load_election(tmp_path))
    rnd = result.contests[0].rounds[0]
    assert rnd.layout == "strike"
    assert rnd.base_value == 293
    assert rnd.threshold == 147
    assert rnd.problems == ()
    assert rnd.tally.valid == 288
    assert rnd.tally.votes == votes
    assert rnd.outcome == "shortfall"
    assert result.contests[0].elected == IDS[:14]


# --------------------------------------------------------------------------- cases 2, 3


@pytest.mark.parametrize(
    ("struck", "reason"),
    [
        ("1 2", "too_many_kept"),  # keeps 16 of 18
        ("", "too_many_kept"),  # strikes none: keeps 18
        (" ".join(map(str, range(1, 19))), "all_struck"),  # case 3
    ],
)
@pytest.mark.parametrize("rules_id", ["qd-244-2014", "qd-190-2024"])
def test_case2_case3_invalid(rules_id: str, struck: str, reason: str) -> None:
    rules = load_ruleset(rules_id)
    spec = BallotSpec.from_rules(18, 15, "strike", rules.ballot.invalid)
    tally = count_rows([(2, "1", struck, "", "")], spec)
    assert tally.collected == 1
    assert tally.valid == 0
    assert tally.invalid[reason] == 1
    assert tally.invalid_total == 1
    assert tally.votes == [0] * 18
    assert tally.kept == {}


def test_case2_keeping_15_or_fewer_is_valid(r190) -> None:
    spec = BallotSpec.from_rules(18, 15, "strike", r190.ballot.invalid)
    tally = count_rows([(2, "1", "1 2 3", "", ""), (3, "2", "4 5 6 7 8 9 10 11 12", "", "")], spec)
    assert tally.valid == 2
    assert tally.invalid_total == 0
    assert tally.kept == {9: 1, 15: 1}
    assert tally.votes == [1] * 12 + [2] * 6


def test_case3_base_and_threshold_do_not_move(r190) -> None:
    election = Election.model_validate(delegates_congress())
    contest = election.contests[0]
    spec = BallotSpec.from_rules(18, 15, "strike", r190.ballot.invalid)
    votes = [250] * 13 + [147, 146] + [40, 40, 40]
    rows = strike_rows(votes, 288, 15)
    all18 = " ".join(map(str, range(1, 19)))
    with_all_struck = [*rows, (290, "289", all18, "", ""), (291, "290", all18, "", "")]
    t = count_rows(with_all_struck, spec)
    assert t.invalid["all_struck"] == 2
    assert t.valid == 288
    base = majority_base(election, r190, contest)
    assert base.value == 293  # not 290 collected, not 288 valid
    d = decide(t.votes, 15, base.value, HALF, "revote")
    assert d.elected == tuple(range(14))


# --------------------------------------------------------------------------- case 4


def test_case4_tie_at_last_seat() -> None:
    votes = [250] * 14 + [160, 160] + [40, 40]
    d = decide(votes, 15, 293, HALF, "revote")
    assert d.elected == tuple(range(14))
    assert d.open_seats == 1
    assert d.outcome == "tie"
    assert d.tie is not None
    assert d.tie.candidates == (14, 15)
    assert d.tie.votes == 160
    assert d.tie.seats == 1
    assert d.tie.resolved_by_age == ()
    assert d.status[14] == d.status[15] == "tie"
    assert d.status[16] == d.status[17] == "not_elected"


def test_case4_party_tie_ignores_birth_dates() -> None:
    votes = [250] * 14 + [160, 160] + [40, 40]
    born = [dt.date(1970, 1, 1)] * 18
    born[15] = dt.date(1960, 1, 1)
    d = decide(votes, 15, 293, HALF, "revote", born)
    assert d.outcome == "tie"
    assert len(d.elected) == 14


def test_case4_tie_not_at_last_seat_changes_only_order() -> None:
    votes = [250] * 12 + [200, 200] + [170, 160] + [40, 40]
    d = decide(votes, 15, 293, HALF, "revote")
    assert d.tie is None
    assert d.outcome == "complete"
    assert d.elected == tuple(range(15))


# --------------------------------------------------------------------------- case 5


def test_case5_shortfall_then_next_round(tmp_path: Path) -> None:
    """13 reach 147: 13 elected, 2 open; round 2 among the 5 others, threshold still 147."""
    r1_votes = [200] * 13 + [146, 140, 120, 100, 90]
    others = IDS[13:]
    r2_votes = [147, 146, 145, 20, 10]
    data = delegates_congress()
    data["contests"][0]["rounds"] = [
        {"issued": 290, "tallies": ["t/r1.yaml"]},
        {"seats": 2, "candidates": others, "issued": 290, "tallies": ["t/r2.yaml"]},
    ]
    sheets = {
        "t/r1.yaml": {
            "group": 1,
            "collected": 290,
            "invalid": {"too_many_kept": 1, "all_struck": 1},
            "votes": dict(zip(IDS, r1_votes, strict=True)),
        },
        "t/r2.yaml": {
            "group": 1,
            "collected": 290,
            "invalid": {"too_many_kept": 2},
            "votes": dict(zip(others, r2_votes, strict=True)),
        },
    }
    write_election(tmp_path, data, sheets)
    result = count_election(load_election(tmp_path)).contests[0]
    first, second = result.rounds
    assert first.threshold == 147
    assert first.decision is not None
    assert first.decision.elected == tuple(range(13))
    assert first.decision.open_seats == 2
    assert first.outcome == "shortfall"
    assert second.seats == 2
    assert second.candidates == tuple(others)
    assert second.base_value == 293
    assert second.threshold == 147
    assert second.decision is not None
    assert second.decision.elected == (0,)
    assert second.outcome == "shortfall"
    assert result.elected == [*IDS[:13], IDS[13]]


def test_case5_decide_only_13_pass() -> None:
    votes = [200] * 13 + [146, 140, 120, 100, 90]
    d = decide(votes, 15, 293, HALF, "revote")
    assert len(d.elected) == 13
    assert d.open_seats == 2
    assert d.outcome == "shortfall"
    assert d.tie is None
    assert [i for i, s in enumerate(d.status) if s == "not_elected"] == [13, 14, 15, 16, 17]


# --------------------------------------------------------------------------- case 6


def test_case6_state_law_base_is_valid_ballots(rstate) -> None:
    assert rstate.decision.base.constituency.value == "valid_ballots"
    assert threshold(288, rstate.decision.majority.value) == 145
    votes = [250] * 11 + [147, 146, 145, 144] + [40, 40, 40]
    d = decide(votes, 15, 288, HALF, rstate.decision.tie.value)
    assert d.elected == tuple(range(14))
    assert d.status[14] == "not_elected"  # 144 of 288 is exactly half
    # Under the party rule the same votes elect only up to 147.
    party = decide(votes, 15, 293, HALF, "revote")
    assert party.elected == tuple(range(12))


def test_case6_state_law_end_to_end(tmp_path: Path) -> None:
    votes = [250] * 11 + [147, 146, 145, 144] + [40, 40, 40]
    data = {
        "version": 1,
        "rules": "luat-bau-cu-2015",
        "congress": {
            "name": "Bầu cử đại biểu",
            "kind": "constituency",
            "date": "2026-03-15",
            "assembly": "national_assembly",
        },
        "electorate": {"registered": 300},
        "people": _people(IDS),
        "contests": [
            {
                "id": "dbqh",
                "body": "deputies",
                "seats": 15,
                "candidates": IDS,
                "rounds": [{"issued": 290, "tallies": ["t/1.yaml"]}],
            }
        ],
    }
    sheet = {
        "group": 1,
        "collected": 290,
        "invalid": {"too_many_kept": 1, "all_struck": 1},
        "votes": dict(zip(IDS, votes, strict=True)),
    }
    write_election(tmp_path, data, {"t/1.yaml": sheet})
    loaded = load_election(tmp_path)
    rnd = count_election(loaded).contests[0].rounds[0]
    assert rnd.base.value is None
    assert rnd.base_value == 288
    assert rnd.threshold == 145
    assert rnd.decision is not None
    assert rnd.decision.elected == tuple(range(14))
    # 14 of 15 National Assembly seats: the National Election Council decides whether to hold an
    # additional election (Luật 85/2015/QH13 Điều 79 khoản 1; issue 16), no longer "shortfall"
    assert rnd.outcome == "council_decides"
    assert loaded.rules.report.percent.value.rounding == "half_up"
    assert percent(145, 288, 2, "half_up") == "50.35"


# --------------------------------------------------------------------------- case 7


def _conference_election() -> Election:
    return Election.model_validate(
        {
            "version": 1,
            "rules": "qd-190-2024",
            "congress": {
                "name": "Hội nghị BCH",
                "kind": "committee_conference",
                "date": "2025-07-21",
            },
            "electorate": {"summoned": 15, "present": 15},
            "people": _people(["a", "b"]),
            "contests": [
                {"id": "pbt", "body": "deputy_secretary", "seats": 2, "candidates": ["a", "b"]}
            ],
        }
    )


def test_case7_conference_base_and_layout(r190) -> None:
    election = _conference_election()
    contest = election.contests[0]
    assert ballot_layout(contest) == "agree_disagree"
    base = majority_base(election, r190, contest)
    assert base.value == 15
    assert threshold(base.value, HALF) == 8
    assert check_list(election, r190, contest) == []
    assert "deputy_secretary" in r190.lists.no_surplus_allowed.value


@pytest.mark.parametrize("rules_id", ["qd-244-2014", "qd-190-2024"])
def test_case7_both_boxes_on_a_agree_on_b(rules_id: str) -> None:
    rules = load_ruleset(rules_id)
    spec = BallotSpec.from_rules(2, 2, "agree_disagree", rules.ballot.invalid)
    # A: both boxes (→ unmarked), B: agree (no mark in struck/unmarked).
    t = count_rows([(2, "1", "", "1", "")], spec)
    assert t.valid == 1
    assert t.invalid_total == 0
    assert t.votes == [0, 1]
    assert t.kept == {1: 1}


@pytest.mark.parametrize("rules_id", ["qd-244-2014", "qd-190-2024"])
def test_case7_both_boxes_on_every_row_invalid(rules_id: str) -> None:
    rules = load_ruleset(rules_id)
    spec = BallotSpec.from_rules(2, 2, "agree_disagree", rules.ballot.invalid)
    t = count_rows([(2, "1", "", "1 2", "")], spec)
    assert t.valid == 0
    assert t.invalid["no_choice"] == 1
    assert t.votes == [0, 0]


def test_case7_disagree_and_both_is_valid_with_no_vote(r190) -> None:
    spec = BallotSpec.from_rules(2, 2, "agree_disagree", r190.ballot.invalid)
    t = count_rows([(2, "1", "1", "2", ""), (3, "2", "", "", "")], spec)
    assert t.valid == 2
    assert t.invalid_total == 0
    assert t.votes == [1, 1]
    assert t.kept == {0: 1, 2: 1}


def test_case7_one_candidate_both_or_neither_invalid(r190) -> None:
    spec = BallotSpec.from_rules(1, 1, "agree_disagree", r190.ballot.invalid)
    t = count_rows([(2, "", "", "1", ""), (3, "", "1", "", ""), (4, "", "", "", "")], spec)
    assert t.invalid["no_choice"] == 1
    assert t.valid == 2
    assert t.votes == [1]


# --------------------------------------------------------------------------- case 8


def test_case8_members_congress_base_36(r190) -> None:
    election = Election.model_validate(
        {
            "version": 1,
            "rules": "qd-190-2024",
            "congress": {
                "name": "Đại hội chi bộ",
                "kind": "members_congress",
                "date": "2025-05-01",
            },
            "electorate": {
                "summoned": 40,
                "attached_elsewhere": 3,
                "suspended_or_prosecuted": 1,
                "present": 34,  # 2 more absent only at the vote: they stay in the base
            },
            "people": _people(IDS[:10]),
            "contests": [{"id": "cu", "body": "committee", "seats": 9, "candidates": IDS[:10]}],
        }
    )
    base = majority_base(election, r190, election.contests[0])
    assert base.value == 36
    assert base.present == 34
    assert threshold(base.value, HALF) == 19
    assert not passes(18, 36, HALF)
    assert passes(19, 36, HALF)
    assert {p.key: p.count * p.sign for p in base.parts} == {
        "summoned": 40,
        "attached_elsewhere": -3,
        "suspended_or_prosecuted": -1,
    }


# --------------------------------------------------------------------------- §3 lists


@pytest.mark.parametrize("rules_id", ["qd-244-2014", "qd-190-2024"])
@pytest.mark.parametrize(("names", "over"), [(16, False), (18, False), (19, False), (20, True)])
def test_surplus_cap_15_seats(rules_id: str, names: int, over: bool) -> None:
    ids = [f"p{i}" for i in range(names)]
    election = Election.model_validate(delegates_congress(rules_id, ids))
    found = check_list(election, load_ruleset(rules_id), election.contests[0])
    caps = [f for f in found if f.code == "surplus_over_cap"]
    if over:
        assert len(caps) == 1
        assert caps[0].severity == "error"
        assert caps[0].expected == "≤ 19"
        assert caps[0].actual == 20
        assert caps[0].rule == "lists.surplus_max"
    else:
        assert caps == []


@pytest.mark.parametrize(
    ("seats", "names", "over"), [(10, 13, False), (10, 14, True), (20, 26, False), (20, 27, True)]
)
def test_surplus_cap_exactly_30_percent_is_allowed(
    r190, seats: int, names: int, over: bool
) -> None:
    ids = [f"p{i}" for i in range(names)]
    election = Election.model_validate(delegates_congress(candidates=ids, seats=seats))
    found = codes(check_list(election, r190, election.contests[0]))
    assert ("surplus_over_cap" in found) == over


def test_list_must_be_longer_than_seats(r190) -> None:
    ids = [f"p{i}" for i in range(15)]
    election = Election.model_validate(delegates_congress(candidates=ids))
    assert "list_too_short" in codes(check_list(election, r190, election.contests[0]))


@pytest.mark.parametrize(("slate", "ok"), [(16, False), (17, True), (18, False)])
def test_slate_surplus_15_seats(r190, slate: int, ok: bool) -> None:
    plan = {"bodies": {"committee": {"slate": IDS[:slate]}}}
    election = Election.model_validate(delegates_congress(plan=plan))
    found = [
        f for f in check_list(election, r190, election.contests[0]) if f.code == "slate_surplus"
    ]
    if ok:
        assert found == []
    else:
        assert len(found) == 1
        assert found[0].severity == "error"
        assert found[0].expected == "17–17"
        assert found[0].actual == slate


def test_slate_from_nominated_by(r190) -> None:
    extra = {pid: {"nominated_by": "committee"} for pid in IDS[:16]}
    election = Election.model_validate(delegates_congress(people_extra=extra))
    found = [
        f for f in check_list(election, r190, election.contests[0]) if f.code == "slate_surplus"
    ]
    assert [(f.expected, f.actual) for f in found] == [("17–17", 16)]


@pytest.mark.parametrize(("names", "over"), [(6, False), (7, True)])
def test_small_body_5_seats_surplus_at_most_1(r190, names: int, over: bool) -> None:
    ids = [f"p{i}" for i in range(names)]
    election = Election.model_validate(delegates_congress(candidates=ids, seats=5))
    caps = [
        f for f in check_list(election, r190, election.contests[0]) if f.code == "surplus_over_cap"
    ]
    if over:
        assert [(f.rule, f.expected, f.actual) for f in caps] == [("lists.small_body", "≤ 6", 7)]
    else:
        assert caps == []


def test_small_body_3_seats_may_have_1_surplus(r190) -> None:
    """30% of 3 rounds down to 0; the small-body rule still allows a surplus of 1."""
    ids = ["p1", "p2", "p3", "p4"]
    election = Election.model_validate(delegates_congress(candidates=ids, seats=3))
    assert "surplus_over_cap" not in codes(check_list(election, r190, election.contests[0]))


@pytest.mark.parametrize(("support", "ok"), [(87, False), (88, True)])
def test_floor_nominee_support_290_attending(r190, support: int, ok: bool) -> None:
    extra = {"c18": {"nominated_by": "floor", "support": support}}
    election = Election.model_validate(delegates_congress(people_extra=extra))
    found = [
        f for f in check_list(election, r190, election.contests[0]) if f.code.startswith("floor_")
    ]
    if ok:
        assert found == []
    else:
        assert len(found) == 1
        f = found[0]
        assert (f.code, f.severity, f.person, f.expected, f.actual) == (
            "floor_support",
            "error",
            "c18",
            "≥ 88",
            87,
        )


def test_floor_support_rule_absent_in_244(r244) -> None:
    extra = {"c18": {"nominated_by": "floor", "support": 1}}
    election = Election.model_validate(delegates_congress("qd-244-2014", people_extra=extra))
    assert not any(
        f.code.startswith("floor_") for f in check_list(election, r244, election.contests[0])
    )


def test_validate_worked_setup_is_clean(r190) -> None:
    report = validate(Election.model_validate(delegates_congress()), r190)
    assert [f for f in report.findings if f.severity == "error"] == []
    assert report.contests[0].threshold == 147
    assert report.contests[0].layout == "strike"


# --------------------------------------------------------------------------- percentages


def test_percent_truncated_and_half_up() -> None:
    assert percent(5, 35, 2, "truncate") == "14.28"
    assert percent(5, 35, 2, "half_up") == "14.29"
    assert percent(22566, 100000, 2, "half_up") == "22.57"
    assert percent(22566, 100000, 2, "truncate") == "22.56"
    assert percent(1, 8, 2, "half_up") == "12.50"
    assert percent(1, 8, 0, "half_up") == "13"  # exactly half rounds up
    assert percent(1, 8, 0, "truncate") == "12"
    assert percent(1, 800, 2, "half_up") == "0.13"
    assert percent(1, 800, 2, "truncate") == "0.12"
    assert percent(1, 3, 0, "truncate") == "33"
    assert percent(2, 3, 0, "half_up") == "67"
    assert percent(293, 293, 2, "truncate") == "100.00"
    assert percent(1, 0, 2, "truncate") == ""


def test_percent_rounding_in_rule_sets(r190, r244, rstate) -> None:
    assert r190.report.percent.value.rounding == "truncate"
    assert r244.report.percent.value.rounding == "truncate"
    assert rstate.report.percent.value.rounding == "half_up"
    assert r190.report.percent.value.decimals == 2


# --------------------------------------------------------------------------- state tie rule


def test_state_tie_older_wins(rstate) -> None:
    assert rstate.decision.tie.value == "older_wins"
    votes = [200, 150, 150, 10]
    born = [dt.date(1970, 1, 1), dt.date(1980, 5, 5), dt.date(1975, 3, 3), dt.date(1990, 1, 1)]
    d = decide(votes, 2, 288, HALF, "older_wins", born)
    assert d.elected == (0, 2)
    assert d.outcome == "complete"
    assert d.open_seats == 0
    assert d.tie is not None
    assert d.tie.resolved_by_age == (2,)
    assert d.status == ("elected", "not_elected", "elected", "not_elected")


def test_state_tie_same_birth_date_unresolved() -> None:
    votes = [200, 150, 150, 10]
    same = dt.date(1975, 3, 3)
    born = [dt.date(1970, 1, 1), same, same, dt.date(1990, 1, 1)]
    d = decide(votes, 2, 288, HALF, "older_wins", born)
    assert d.elected == (0,)
    assert d.outcome == "tie"
    assert d.open_seats == 1
    assert d.tie is not None
    assert d.tie.resolved_by_age == ()
    assert d.status[1] == d.status[2] == "tie"


def test_state_tie_missing_birth_date_unresolved() -> None:
    votes = [200, 150, 150]
    d = decide(votes, 2, 288, HALF, "older_wins", [dt.date(1970, 1, 1), None, dt.date(1960, 1, 1)])
    assert d.outcome == "tie"
    assert d.elected == (0,)


def test_state_tie_three_way_two_seats_older_two() -> None:
    votes = [150, 150, 150]
    born = [dt.date(1980, 1, 1), dt.date(1960, 1, 1), dt.date(1970, 1, 1)]
    d = decide(votes, 2, 288, HALF, "older_wins", born)
    assert d.elected == (1, 2)
    assert d.outcome == "complete"
    assert d.status == ("not_elected", "elected", "elected")
