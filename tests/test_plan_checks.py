"""The pure checks of plan_checks.py: the result against the chain and the approved plan.

Most tests build an Election as data and hand ``after_vote`` what each body elected
(BodyResults made by hand), so no ballots are counted. rules.md §1 (the chain of bodies) and
§7 (the plan: seats, slate, posts, structure targets as aims, age cut-offs).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from plan_fixtures import (
    assert_texts,
    bodies,
    codes,
    contest,
    election,
    name,
    only,
    result,
    rules,
)
from tally.audit import audit
from tally.checks import validate
from tally.config.loader import load_election
from tally.election import Election, Person, Target
from tally.engine import count_election
from tally.plan_checks import (
    PlanReport,
    after_vote,
    age_on,
    before_vote,
    body_results,
    meets,
    target_kind,
    target_label,
)
from test_cli_errors import copy_example, edit

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
R190 = rules("qd-190-2024")
R244 = rules("qd-244-2014")
DAY = dt.date(2025, 7, 20)  # congress.date of every election built here
PLAN_CITE = "Đề án nhân sự (Ban Thường vụ Tỉnh ủy Thử Nghiệm, 28/05/2025)"


def members(n: int, prefix: str = "m") -> list[str]:
    return [f"{prefix}{i:02d}" for i in range(1, n + 1)]


def one_body(
    elected: list[str],
    targets: dict[str, Any] | None = None,
    people: dict[str, dict[str, Any]] | None = None,
    *,
    also_listed: list[str] | None = None,
    body_plan: dict[str, Any] | None = None,
    rules_id: str = "qd-190-2024",
) -> Election:
    """A committee of len(elected) seats whose list is the elected plus ``also_listed``."""
    plan_body = {"seats": len(elected), "targets": targets or {}, **(body_plan or {})}
    return election(
        [contest("committee", len(elected), [*elected, *(also_listed or [])])],
        {
            "approved_by": "Ban Thường vụ Tỉnh ủy Thử Nghiệm",
            "approved_on": "2025-05-28",
            "bodies": {"committee": plan_body},
        },
        people=people,
        rules_id=rules_id,
    )


def pauses(body: str, cid: str, text: str) -> bool:
    """The message says the election of ``body`` pauses (its contest id, if counted, named)."""
    return re.search(rf"→ the election of the {body}( \({cid}\))? pauses", text) is not None


def check_committee(e: Election, elected: list[str], rs: Any = R190, **kwargs: Any) -> PlanReport:
    return after_vote(e, rs, bodies(result("committee", elected, **kwargs)))


# --- people and targets ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "age"),
    [
        ("1985-07-19", 40),  # the 40th birthday was the day before the congress
        ("1985-07-20", 40),  # the 40th birthday is the congress day itself
        ("1985-07-21", 39),  # the 40th birthday is the day after
        ("1986-01-01", 39),
        ("1985-01-01", 40),
        ("2000-02-29", 25),
    ],
)
def test_age_on_the_congress_date(born: str, age: int) -> None:
    assert age_on(dt.date.fromisoformat(born), DAY) == age


def test_age_on_leap_day_birthday() -> None:
    born = dt.date(1984, 2, 29)
    assert age_on(born, dt.date(2024, 2, 28)) == 39
    assert age_on(born, dt.date(2024, 2, 29)) == 40


@pytest.mark.parametrize(
    ("key", "target", "kind"),
    [
        ("women", {"min": "15%"}, "women"),
        ("youth", {"min": "10%", "age_below": 40}, "youth"),
        ("under_35", {"min": 1, "age_below": 35}, "youth"),
        ("ethnic_minority", {"min": 1}, "ethnic_minority"),
        ("renewal", {"min": "1/3"}, "renewal"),
        ("sci_tech", {"min": "5%"}, "attribute"),
        ("khoa_hoc", {"min": 1, "attribute": "sci_tech"}, "attribute"),
    ],
)
def test_target_kind(key: str, target: dict[str, Any], kind: str) -> None:
    assert target_kind(key, Target.model_validate(target)) == kind


def _person(**fields: Any) -> Person:
    return Person.model_validate({"id": "p", "name": "Người Thử", **fields})


@pytest.mark.parametrize(
    ("born", "young"),
    [("1985-07-19", False), ("1985-07-20", False), ("1985-07-21", True), (None, None)],
)
def test_meets_youth_on_the_congress_date(born: str | None, young: bool | None) -> None:
    youth = Target.model_validate({"min": "10%", "age_below": 40})
    assert meets(_person(born=born), "youth", youth, DAY) is young


@pytest.mark.parametrize(
    ("ethnicity", "minority"),
    [
        ("Kinh", False),
        ("kinh", False),
        ("KINH", False),
        ("  Kinh ", False),
        ("Tày", True),
        ("Dao", True),
        ("Khmer", True),
        ("Hoa", True),
        (None, None),
    ],
)
def test_meets_ethnic_minority_is_anything_but_kinh(
    ethnicity: str | None, minority: bool | None
) -> None:
    target = Target.model_validate({"min": 1})
    assert meets(_person(ethnicity=ethnicity), "ethnic_minority", target, DAY) is minority


@pytest.mark.parametrize(("sex", "woman"), [("F", True), ("M", False), (None, None)])
def test_meets_women(sex: str | None, woman: bool | None) -> None:
    assert meets(_person(sex=sex), "women", Target.model_validate({"min": "15%"}), DAY) is woman


@pytest.mark.parametrize(("fields", "new"), [({"incumbent": True}, False), ({}, True)])
def test_meets_renewal_is_not_incumbent(fields: dict[str, Any], new: bool) -> None:
    assert meets(_person(**fields), "renewal", Target.model_validate({"min": "1/3"}), DAY) is new


def test_meets_attribute_by_key_or_explicit_attribute() -> None:
    sci = _person(attributes=["sci_tech"])
    other = _person(attributes=["khoa_hoc"])
    by_key = Target.model_validate({"min": "5%"})
    explicit = Target.model_validate({"min": 1, "attribute": "sci_tech"})
    assert meets(sci, "sci_tech", by_key, DAY) is True
    assert meets(other, "sci_tech", by_key, DAY) is False
    # With 'attribute:', the key is only a name: the attribute given is counted.
    assert meets(sci, "khoa_hoc", explicit, DAY) is True
    assert meets(other, "khoa_hoc", explicit, DAY) is False


# --- structure targets after the vote ------------------------------------------------------


@pytest.mark.parametrize(("new", "met"), [(2, False), (3, True), (4, True)])
def test_renewal_one_third_of_9_needs_3(new: int, met: bool) -> None:
    ids = members(9)
    people = {pid: {"incumbent": i >= new} for i, pid in enumerate(ids)}
    e = one_body(ids, {"renewal": {"min": "1/3"}}, people)
    report = check_committee(e, ids)
    (row,) = report.structure
    assert (row.count, row.of, row.needed, row.met) == (new, 9, 3, met)
    if met:
        assert report.findings == ()
    else:
        f = only(report.findings, "structure_short")
        assert (f.expected, f.actual, f.severity) == ("≥ 3", 2, "warning")
        assert "first-time members (renewal) 2 of 9" in f.en
        assert "at least 3 (1/3) — short by 1" in f.en


@pytest.mark.parametrize(
    ("minimum", "n", "needed"),
    [
        (2, 9, 2),  # a count is a count, whatever the size
        (2, 30, 2),
        ("10%", 9, 1),  # 0.9 → 1
        ("10%", 10, 1),
        ("10%", 11, 2),  # 1.1 → 2
        ("1/3", 9, 3),
        ("1/3", 10, 4),  # 3.33 → 4
        ("15%", 20, 3),
        ("15%", 21, 4),  # 3.15 → 4
    ],
)
def test_needed_count_vs_share(minimum: int | str, n: int, needed: int) -> None:
    ids = members(n)
    e = one_body(ids, {"renewal": {"min": minimum}}, {p: {"incumbent": True} for p in ids})
    report = check_committee(e, ids)
    (row,) = report.structure
    assert (row.count, row.of, row.needed, row.met) == (0, n, needed, False)
    f = only(report.findings, "structure_short")
    assert (f.expected, f.actual) == (f"≥ {needed}", 0)
    assert f"short by {needed}" in f.en


def test_count_target_message_has_no_share() -> None:
    ids = members(9)
    e = one_body(ids, {"ethnic_minority": {"min": 1}}, {p: {"ethnicity": "Kinh"} for p in ids})
    f = only(check_committee(e, ids).findings, "structure_short")
    assert (f.expected, f.actual) == ("≥ 1", 0)
    assert "ethnic minority 0 of 9; the plan wants at least 1 — short by 1" in f.en
    assert "dân tộc thiểu số 0/9; đề án ít nhất 1 người — thiếu 1" in f.vi
    assert "%" not in f.en.split("—")[0]


def test_ethnic_minority_kinh_in_any_case_does_not_count() -> None:
    ids = members(4)
    people = {
        "m01": {"ethnicity": "KINH"},
        "m02": {"ethnicity": "kinh"},
        "m03": {"ethnicity": "Kinh"},
        "m04": {"ethnicity": "Tày"},
    }
    e = one_body(ids, {"ethnic_minority": {"min": 2}}, people)
    report = check_committee(e, ids)
    (row,) = report.structure
    assert (row.count, row.needed, row.met, row.unknown) == (1, 2, False, 0)
    assert only(report.findings, "structure_short").actual == 1


@pytest.mark.parametrize(
    ("maximum", "count", "over"),
    [(2, 2, False), (2, 3, True), ("50%", 4, False), ("50%", 5, True), ("1/3", 3, False)],
)
def test_max_target(maximum: int | str, count: int, over: bool) -> None:
    ids = members(9)
    people = {pid: {"incumbent": i >= count} for i, pid in enumerate(ids)}
    e = one_body(ids, {"renewal": {"max": maximum}}, people)
    report = check_committee(e, ids)
    (row,) = report.structure
    assert (row.count, row.of, row.needed, row.met) == (count, 9, None, not over)
    assert "structure_short" not in codes(report.findings)
    if not over:
        assert report.findings == ()
        return
    f = only(report.findings, "structure_over")
    bound = "2" if maximum == 2 else "50%"
    assert (f.severity, f.body, f.contest, f.person) == ("warning", "committee", "bch", None)
    assert (f.expected, f.actual) == (f"≤ {bound}", count)
    assert f"{count} of 9; the plan allows at most {bound}" in f.en
    assert f"{count}/9; đề án tối đa {bound}" in f.vi


def test_min_and_max_on_one_target() -> None:
    ids = members(10)
    people = {pid: {"incumbent": i >= 6} for i, pid in enumerate(ids)}  # 6 new of 10
    e = one_body(ids, {"renewal": {"min": "1/3", "max": "1/2"}}, people)
    report = check_committee(e, ids)
    (row,) = report.structure
    assert (row.count, row.needed, row.met) == (6, 4, False)
    assert codes(report.findings) == ["structure_over"]
    assert only(report.findings, "structure_over").expected == "≤ 50%"


@pytest.mark.parametrize(
    ("born", "met"),
    [("1985-07-19", False), ("1985-07-20", False), ("1985-07-21", True)],
)
def test_youth_is_age_on_the_congress_date(born: str, met: bool) -> None:
    ids = ["y", "o1", "o2"]
    people = {"y": {"born": born}, "o1": {"born": "1970-01-01"}, "o2": {"born": "1960-01-01"}}
    e = one_body(ids, {"youth": {"min": 1, "age_below": 40}}, people)
    report = check_committee(e, ids)
    (row,) = report.structure
    assert (row.count, row.met, row.unknown) == (int(met), met, 0)
    if met:
        assert report.findings == ()
    else:
        f = only(report.findings, "structure_short")
        assert "under 40 0 of 3; the plan wants at least 1 — short by 1" in f.en
        assert "dưới 40 tuổi 0/3" in f.vi


def test_attribute_target_by_key_and_by_explicit_attribute() -> None:
    ids = members(4)
    people = {"m01": {"attributes": ["sci_tech"]}, "m02": {"attributes": ["khoa_hoc"]}}
    e = one_body(
        ids,
        {"sci_tech": {"min": 2}, "khoa_hoc": {"min": 1, "attribute": "sci_tech"}},
        people,
    )
    report = check_committee(e, ids)
    rows = {r.target: r for r in report.structure}
    assert (rows["sci_tech"].count, rows["sci_tech"].met) == (1, False)
    # 'khoa_hoc' counts the attribute sci_tech (m01), not people tagged khoa_hoc (m02).
    assert (rows["khoa_hoc"].count, rows["khoa_hoc"].met) == (1, True)
    f = only(report.findings, "structure_short")
    assert "attribute 'sci_tech' 1 of 4; the plan wants at least 2 — short by 1" in f.en
    assert "thuộc nhóm 'sci_tech' 1/4" in f.vi


def test_age_target_under_another_key_is_labelled_by_age() -> None:
    ids = ["a", "b", "c"]
    people = {p: {"born": "1970-01-01"} for p in ids}
    e = one_body(ids, {"under_35": {"min": 1, "age_below": 35}}, people)
    f = only(check_committee(e, ids).findings, "structure_short")
    assert "under 35 0 of 3" in f.en
    assert target_label("under_35", Target(min=1, age_below=35), "en") == "Under 35"


def test_structure_short_names_only_passed_candidates_who_match() -> None:
    elected = members(5)
    people: dict[str, dict[str, Any]] = {p: {"sex": "M"} for p in elected}
    people |= {"f1": {"sex": "F"}, "f2": {"sex": "F"}, "f3": {"sex": "F"}, "m06": {"sex": "M"}}
    e = one_body(elected, {"women": {"min": "40%"}}, people, also_listed=["f1", "m06", "f2", "f3"])
    # f3 did not pass the threshold, so she is not among the passed; m06 passed but is a man.
    report = check_committee(e, elected, passed=[("m06", 120), ("f1", 100), ("f2", 90)])
    f = only(report.findings, "structure_short")
    assert (f.expected, f.actual) == ("≥ 2", 0)
    assert f"would close it: {name('f1')} (100 votes), {name('f2')} (90 votes)" in f.en, f.en
    assert f"{name('f1')} (100 phiếu), {name('f2')} (90 phiếu)" in f.vi
    for absent in ("m06", "f3"):
        assert name(absent) not in f.en and name(absent) not in f.vi


def test_structure_short_says_when_nobody_would_close_it() -> None:
    elected = members(5)
    people = {p: {"sex": "M"} for p in [*elected, "m06"]}
    e = one_body(elected, {"women": {"min": 1}}, people, also_listed=["m06"])
    f = only(check_committee(e, elected, passed=[("m06", 120)]).findings, "structure_short")
    assert f.en.endswith("Nobody who passed the threshold and was not elected would close it")
    assert f.vi.endswith("Không có người nào đạt quá một nửa mà chưa trúng cử để bù")
    assert name("m06") not in f.en


# --- the age cut-offs ------------------------------------------------------------------------

AGE_LIMITS = {
    "reelection_born_from": {"M": "1966-01-01", "F": "1971-01-01"},
    "first_time_born_from": {"M": "1971-01-01", "F": "1976-01-01"},
}


@pytest.mark.parametrize(
    ("incumbent", "sex", "born", "cutoff"),
    [
        (True, "M", "1965-12-31", "1966-01-01"),
        (True, "M", "1966-01-01", None),  # born on the cut-off: inside
        (True, "F", "1970-12-31", "1971-01-01"),
        (True, "F", "1971-01-01", None),
        (True, "M", "1968-06-01", None),
        (True, "F", "1968-06-01", "1971-01-01"),  # the same birth date, the women's cut-off
        (False, "M", "1968-06-01", "1971-01-01"),  # the same man, first time
        (False, "M", "1970-12-31", "1971-01-01"),
        (False, "M", "1971-01-01", None),
        (False, "F", "1975-12-31", "1976-01-01"),
        (False, "F", "1976-01-01", None),
    ],
)
def test_age_limit_of_the_elected(incumbent: bool, sex: str, born: str, cutoff: str | None) -> None:
    ids = ["x", "y", "z"]
    people: dict[str, dict[str, Any]] = {p: {"sex": "M", "born": "1980-01-01"} for p in ("y", "z")}
    people["x"] = {"sex": sex, "born": born, "incumbent": incumbent}
    e = one_body(ids, None, people, body_plan={"age_limits": AGE_LIMITS})
    report = check_committee(e, ids)
    if cutoff is None:
        assert report.findings == ()
        return
    f = only(report.findings, "age_limit")
    assert codes(report.findings) == ["age_limit"]
    assert (f.severity, f.body, f.contest, f.person) == ("error", "committee", "bch", "x")
    assert (f.expected, f.actual) == (f"≥ {cutoff}", born)
    assert f.rule == "plan.age_limits"
    what = "re-election" if incumbent else "first-time membership"
    who = "men" if sex == "M" else "women"
    d = dt.date.fromisoformat(cutoff).strftime("%d/%m/%Y")
    assert f"is elected; the plan's cut-off for {what} of {who} is born on or after {d}" in f.en
    assert ("tái cử" if incumbent else "tham gia lần đầu") in f.vi
    assert "trúng cử" in f.vi
    # QĐ 190 era: re-election needs 48 months left; the first-time rule gives no months.
    assert ("(at least 48 months of working time left)" in f.en) is incumbent
    assert_texts(f, e)


@pytest.mark.parametrize(("incumbent", "months"), [(True, 30), (False, 60)])
def test_age_limit_months_under_244(incumbent: bool, months: int) -> None:
    ids = ["x", "y"]
    people = {"x": {"sex": "M", "born": "1950-01-01", "incumbent": incumbent}}
    people["y"] = {"sex": "M", "born": "1980-01-01"}
    e = one_body(ids, None, people, body_plan={"age_limits": AGE_LIMITS}, rules_id="qd-244-2014")
    f = only(check_committee(e, ids, R244).findings, "age_limit")
    assert f"(at least {months} months of working time left)" in f.en
    assert f"(còn ít nhất {months} tháng công tác)" in f.vi


def test_age_limits_for_one_kind_only() -> None:
    """A plan with re-election cut-offs only says nothing about first-time members."""
    ids = ["old_new", "old_again"]
    people = {
        "old_new": {"sex": "M", "born": "1950-01-01", "incumbent": False},
        "old_again": {"sex": "M", "born": "1950-01-01", "incumbent": True},
    }
    limits = {"reelection_born_from": {"M": "1966-01-01", "F": "1971-01-01"}}
    e = one_body(ids, None, people, body_plan={"age_limits": limits})
    report = check_committee(e, ids)
    assert codes(report.findings) == ["age_limit"]
    assert report.findings[0].person == "old_again"


def test_person_data_missing() -> None:
    ids = ["nosex", "noborn", "noeth", "full"]
    people = {
        "nosex": {"born": "1980-01-01", "ethnicity": "Kinh"},
        "noborn": {"sex": "F", "ethnicity": "Kinh"},
        "noeth": {"sex": "M", "born": "1980-01-01"},
        "full": {"sex": "F", "born": "1980-01-01", "ethnicity": "Tày"},
    }
    e = one_body(
        ids,
        {"women": {"min": 1}, "ethnic_minority": {"min": 1}},
        people,
        body_plan={"age_limits": AGE_LIMITS},
    )
    report = check_committee(e, ids)
    assert codes(report.findings) == ["person_data_missing"]
    f = report.findings[0]
    assert (f.severity, f.body, f.contest, f.person) == ("warning", "committee", "bch", None)
    assert f.actual == 3
    for who, field in (("nosex", "sex"), ("noborn", "born"), ("noeth", "ethnicity")):
        assert f"{name(who)}: {field}" in f.en
        assert f"{name(who)}: {field}" in f.vi
    assert name("full") not in f.en
    rows = {r.target: r for r in report.structure}
    assert (rows["women"].count, rows["women"].unknown, rows["women"].met) == (2, 1, True)
    assert (rows["ethnic_minority"].count, rows["ethnic_minority"].unknown) == (1, 1)


def test_person_data_missing_only_for_what_the_plan_needs() -> None:
    """No target and no cut-off needs the data: nothing is missing."""
    ids = ["a", "b"]
    e = one_body(ids, {"renewal": {"min": 1}}, {})
    assert "person_data_missing" not in codes(check_committee(e, ids).findings)


# --- the slate -------------------------------------------------------------------------------


def test_off_plan_elected_on_an_ordinary_body_is_a_warning() -> None:
    ids = ["a", "b", "e"]
    e = one_body(ids, None, {}, also_listed=["c", "d"], body_plan={"slate": ["a", "b", "c", "d"]})
    report = check_committee(e, ids)
    assert codes(report.findings) == [
        "off_plan_elected",
        "plan_member_not_elected",
        "plan_member_not_elected",
    ]
    f = only(report.findings, "off_plan_elected")
    assert (f.severity, f.body, f.contest, f.person) == ("warning", "committee", "bch", "e")
    assert f.rule == "plan.bodies.committee.slate"
    assert (f.cite, f.provenance) == (PLAN_CITE, "V")
    assert "is elected but not on the plan's slate" in f.en
    assert_texts(f, e)
    for pid in ("c", "d"):
        info = only(report.findings, "plan_member_not_elected", pid)
        assert (info.severity, info.body, info.contest) == ("info", "committee", "bch")
        assert "is on the plan's slate but was not elected" in info.en
        assert "có trong đề án nhưng không trúng cử" in info.vi
        assert_texts(info, e)


def test_plan_member_in_a_pending_tie() -> None:
    e = one_body(["a", "b", "c"], None, {}, also_listed=["d"], body_plan={"slate": ["a", "b", "c"]})
    report = check_committee(e, ["a", "b"], tied=["c", "d"], open_seats=1)
    info = only(report.findings, "plan_member_not_elected", "c")
    assert info.severity == "info"
    assert "is tied, a re-vote is due" in info.en
    assert "đang ngang phiếu, chờ bầu lại" in info.vi


def test_off_plan_elected_to_a_post_body_slate_is_an_error() -> None:
    e = election(
        [contest("secretary", 1, ["b"])],
        {"bodies": {"secretary": {"seats": 1, "slate": ["a"]}}},
        people={"a": {}},
    )
    report = after_vote(e, R190, bodies(result("secretary", ["b"])))
    f = only(report.findings, "off_plan_elected")
    assert (f.severity, f.body, f.contest, f.person) == ("error", "secretary", "bt", "b")
    assert_texts(f, e)
    assert only(report.findings, "plan_member_not_elected").person == "a"


# --- the chain of bodies and the planned posts ------------------------------------------------

CHAIN_PEOPLE = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]


def chain(
    *, at: str | None = None, posts: dict[str, Any] | None = None, plan: bool = True
) -> Election:
    """Committee 5 of 6; standing committee 3 of 4; secretary; deputy; inspection 3 of 4; chair."""
    secretary = contest("secretary", 1, ["a"], **({"at": at} if at else {}))
    contests = [
        contest("committee", 5, ["a", "b", "c", "d", "e", "f"]),
        contest("standing_committee", 3, ["a", "b", "c", "d"]),
        secretary,
        contest("deputy_secretary", 1, ["b"]),
        contest("inspection_committee", 3, ["e", "g", "h", "i"]),
        contest("inspection_chair", 1, ["g"]),
    ]
    the_plan = {
        "approved_by": "Ban Thường vụ Tỉnh ủy Thử Nghiệm",
        "approved_on": "2025-05-28",
        "posts": posts if posts is not None else {"secretary": "a", "deputy_secretary": ["b"]},
    }
    return election(contests, the_plan if plan else None)


def as_planned(**changes: Any) -> dict[str, Any]:
    """Everything elected as planned; ``changes`` replace one body's result."""
    out = bodies(
        result("committee", ["a", "b", "c", "d", "e"]),
        result("standing_committee", ["a", "b", "c"]),
        result("secretary", ["a"]),
        result("deputy_secretary", ["b"]),
        result("inspection_committee", ["e", "g", "h"]),
        result("inspection_chair", ["g"]),
    )
    for body, br in changes.items():
        if br is None:
            del out[body]
        else:
            out[body] = br
    return out


def test_chain_as_planned_has_no_findings() -> None:
    posts = {"secretary": "a", "deputy_secretary": ["b"], "inspection_chair": "g"}
    report = after_vote(chain(posts=posts), R190, as_planned())
    assert report.findings == ()
    assert report.structure == ()


def test_post_not_elected_to_the_committee() -> None:
    e = chain()
    results = {"committee": result("committee", ["b", "c", "d", "e", "f"])}
    report = after_vote(e, R190, results)
    assert codes(report.findings) == ["post_not_elected"]
    f = report.findings[0]
    assert (f.severity, f.body, f.contest, f.person) == ("error", "secretary", "bch", "a")
    assert (f.expected, f.actual) == ("secretary: a", "not elected to committee")
    assert (f.rule, f.provenance) == ("plan.post_not_elected", "S")
    assert f.en.startswith(
        f"{name('a')}, planned secretary, was not elected to the executive committee (bch) "
    )
    assert pauses("standing committee", "btv", f.en)
    assert f.en.endswith(
        "pauses: report to the higher standing committee and continue only on its direction"
    )
    assert "cuộc bầu Ban Thường vụ" in f.vi and "phải tạm dừng" in f.vi
    assert "(that election has been held" not in f.en
    assert_texts(f, e)


def test_post_not_elected_to_the_standing_committee() -> None:
    e = chain()
    results = as_planned(
        standing_committee=result("standing_committee", ["b", "c", "d"], passed=[("a", 8)]),
        secretary=None,
        deputy_secretary=None,
    )
    report = after_vote(e, R190, results)
    assert codes(report.findings) == ["post_not_elected"]
    f = report.findings[0]
    assert (f.severity, f.body, f.contest, f.person) == ("error", "secretary", "btv", "a")
    assert f.actual == "not elected to standing_committee"
    assert (
        "passed the threshold with 8 votes but ranked below the seats, was not elected to the "
        "standing committee (btv) → the election of the secretary"
    ) in f.en
    assert pauses("secretary", "bt", f.en)
    assert "đạt 8 phiếu (quá một nửa)" in f.vi
    assert_texts(f, e)


def test_post_not_elected_next_election_not_counted_yet() -> None:
    e = chain()
    results = as_planned(
        standing_committee=result("standing_committee", ["b", "c", "d"]),
        secretary=result("secretary", [], open_seats=1, counted=False),
        deputy_secretary=None,
    )
    f = only(after_vote(e, R190, results).findings, "post_not_elected")
    assert f.en.endswith(
        "→ the election of the secretary (bt) pauses: report to the higher standing committee "
        "and continue only on its direction"
    )
    assert "cuộc bầu này đã tiến hành" not in f.vi


def test_post_not_elected_when_the_next_election_was_held() -> None:
    """huyen-2020: the deputy secretary election went ahead with someone else."""
    e = chain(posts={"deputy_secretary": ["b"]})
    results = as_planned(
        standing_committee=result("standing_committee", ["a", "c", "d"], passed=[("b", 8)]),
        deputy_secretary=result("deputy_secretary", ["c"]),
    )
    report = after_vote(e, R190, results)
    assert codes(report.findings) == ["off_plan_elected", "post_not_elected"]
    f = only(report.findings, "post_not_elected")
    assert (f.body, f.contest, f.person) == ("deputy_secretary", "btv", "b")
    assert "the election of the deputy secretary (pbt) pauses" in f.en
    assert f.en.endswith("(that election has been held: the direction must be on file)")
    off = only(report.findings, "off_plan_elected")
    assert (off.severity, off.body, off.contest, off.person) == (
        "error",
        "deputy_secretary",
        "pbt",
        "c",
    )
    assert (off.expected, off.actual, off.rule) == ("b", "c", "plan.posts.deputy_secretary")
    assert f"{name('c')} is elected; the plan names {name('b')}" in off.en
    assert_texts(off, e)


def test_post_not_elected_at_the_post_itself() -> None:
    e = chain()
    results = as_planned(secretary=result("secretary", [], open_seats=1))
    report = after_vote(e, R190, results)
    assert codes(report.findings) == ["post_not_elected"]
    f = report.findings[0]
    assert (f.severity, f.body, f.contest, f.person) == ("error", "secretary", "bt", "a")
    assert f.actual == "not elected to secretary"
    assert f.en == (
        f"{name('a')}, planned secretary, was not elected (bt) → report to the higher standing "
        "committee"
    )
    assert "pauses" not in f.en
    assert_texts(f, e)


def test_someone_else_elected_to_the_post() -> None:
    e = election(
        [
            contest("committee", 3, ["a", "b", "c", "d"]),
            contest("secretary", 1, ["b"], at="congress"),
        ],
        {"posts": {"secretary": "a"}},
    )
    results = bodies(result("committee", ["a", "b", "c"]), result("secretary", ["b"]))
    report = after_vote(e, R190, results)
    assert codes(report.findings) == ["off_plan_elected", "post_not_elected"]
    off = only(report.findings, "off_plan_elected")
    assert (off.severity, off.body, off.person, off.expected, off.actual) == (
        "error",
        "secretary",
        "b",
        "a",
        "b",
    )
    f = only(report.findings, "post_not_elected")
    assert (f.contest, f.actual) == ("bt", "not elected to secretary")


def test_direct_secretary_comes_from_the_committee() -> None:
    """`at: congress`: the path is committee → secretary; the standing committee is not on it."""
    e = chain(at="congress")
    results = as_planned(
        standing_committee=result("standing_committee", ["b", "c", "d"], passed=[("a", 8)])
    )
    report = after_vote(e, R190, results)
    assert report.findings == ()

    results = as_planned(committee=result("committee", ["b", "c", "d", "e", "f"]))
    results = {k: v for k, v in results.items() if k == "committee"}
    f = only(after_vote(e, R190, results).findings, "post_not_elected")
    assert (f.contest, f.actual) == ("bch", "not elected to committee")
    assert pauses("secretary", "bt", f.en)


def test_post_not_elected_inspection_chair() -> None:
    e = chain(posts={"inspection_chair": "g"})
    results = as_planned(
        inspection_committee=result("inspection_committee", ["e", "h", "i"]),
        inspection_chair=None,
    )
    f = only(after_vote(e, R190, results).findings, "post_not_elected")
    assert (f.severity, f.body, f.contest, f.person) == (
        "error",
        "inspection_chair",
        "ubkt",
        "g",
    )
    assert f.actual == "not elected to inspection_committee"
    assert pauses("inspection committee chair", "cn", f.en)


def test_post_not_elected_planned_standing_committee_member() -> None:
    e = chain(posts={"standing_committee": ["a", "b", "c"]})
    results = {"committee": result("committee", ["a", "b", "d", "e", "f"])}
    f = only(after_vote(e, R190, results).findings, "post_not_elected")
    assert (f.body, f.contest, f.person, f.actual) == (
        "standing_committee",
        "bch",
        "c",
        "not elected to committee",
    )
    assert "planned standing committee" in f.en
    assert pauses("standing committee", "btv", f.en)


def test_off_plan_standing_committee_member_named_in_posts() -> None:
    e = chain(posts={"standing_committee": ["a", "b", "c"]})
    results = as_planned(standing_committee=result("standing_committee", ["a", "b", "d"]))
    report = after_vote(e, R190, results)
    assert codes(report.findings) == ["off_plan_elected", "post_not_elected"]
    off = only(report.findings, "off_plan_elected")
    assert (off.severity, off.body, off.person, off.rule) == (
        "error",
        "standing_committee",
        "d",
        "plan.posts.standing_committee",
    )
    assert only(report.findings, "post_not_elected").person == "c"


def test_post_holder_in_a_pending_tie_is_a_warning() -> None:
    e = chain()
    results = {
        "committee": result("committee", ["b", "c", "d", "e"], tied=["a", "f"], open_seats=1)
    }
    report = after_vote(e, R190, results)
    f = only(report.findings, "post_not_elected")
    assert (f.severity, f.body, f.contest, f.person, f.actual) == (
        "warning",
        "secretary",
        "bch",
        "a",
        "tie",
    )
    assert "is tied for the last seat of the executive committee (bch)" in f.en
    assert "đang ngang phiếu ở Ban Chấp hành (bch)" in f.vi
    assert_texts(f, e)


def tied_deputy() -> PlanReport:
    e = election(
        [
            contest("committee", 3, ["a", "b", "c", "d"]),
            contest("deputy_secretary", 2, ["a", "b", "c"]),
        ],
        {"posts": {"deputy_secretary": ["a", "b"]}},
    )
    results = bodies(
        result("committee", ["a", "b", "c"]),
        result("deputy_secretary", ["a"], tied=["b", "c"], open_seats=1),
    )
    return after_vote(e, R190, results)


def test_post_holder_tied_at_the_post_itself() -> None:
    report = tied_deputy()
    assert codes(report.findings) == ["post_not_elected"]  # nobody else is elected yet
    f = report.findings[0]
    assert (f.severity, f.body, f.contest, f.person, f.actual) == (
        "warning",
        "deputy_secretary",
        "pbt",
        "b",
        "tie",
    )
    assert f"{name('b')}, đề án: Phó Bí thư, đang ngang phiếu ở cuộc bầu Phó Bí thư (pbt)" in f.vi
    assert f.en.startswith(f"{name('b')}, planned deputy secretary, is tied in the election of")


def test_post_holder_tied_at_the_post_itself_english_wording() -> None:
    f = only(tied_deputy().findings, "post_not_elected")
    assert "is tied in the election of the deputy secretary (pbt)" in f.en


@pytest.mark.parametrize("state", ["missing", "not_counted"])
def test_no_post_finding_before_the_body_is_counted(state: str) -> None:
    e = chain()
    results = (
        {}
        if state == "missing"
        else {"committee": result("committee", [], open_seats=5, counted=False)}
    )
    assert after_vote(e, R190, results).findings == ()
    # Counted later: the same planned secretary is reported.
    results = {"committee": result("committee", ["b", "c", "d", "e", "f"])}
    assert codes(after_vote(e, R190, results).findings) == ["post_not_elected"]


def test_planned_secretary_not_elected_to_the_committee_of_a_congress_only_file() -> None:
    e = election([contest("committee", 3, ["a", "b", "c", "d"])], {"posts": {"secretary": "d"}})
    report = after_vote(e, R190, bodies(result("committee", ["a", "b", "c"])))
    f = only(report.findings, "post_not_elected")
    assert (f.severity, f.body, f.contest, f.person) == ("error", "secretary", "bch", "d")
    assert f.actual == "not elected to committee"


def test_chain_violation_secretary_not_in_the_standing_committee() -> None:
    e = chain(plan=False)
    results = as_planned(standing_committee=result("standing_committee", ["b", "c", "d"]))
    report = after_vote(e, R190, results)
    assert codes(report.findings) == ["chain_violation"]
    f = report.findings[0]
    assert (f.severity, f.body, f.contest, f.person) == ("error", "secretary", "bt", "a")
    assert (f.expected, f.actual) == ("in standing_committee", "a")
    assert f.rule == "plan.elected_from" and f.provenance == "V"
    assert "is elected but was not elected to the standing committee (btv)" in f.en
    assert "trúng cử nhưng không trúng cử Ban Thường vụ (btv)" in f.vi
    assert_texts(f, e)


def test_chain_violation_standing_committee_member_not_in_the_committee() -> None:
    e = chain(plan=False)
    results = as_planned(
        committee=result("committee", ["b", "c", "d", "e", "f"]),
        secretary=None,
    )  # 'a' is elected to the standing committee, not to the committee
    report = after_vote(e, R190, results)
    assert codes(report.findings) == ["chain_violation"]
    f = report.findings[0]
    assert (f.severity, f.body, f.contest, f.person) == ("error", "standing_committee", "btv", "a")
    assert (f.expected, f.actual) == ("in committee", "a")
    assert "was not elected to the executive committee (bch)" in f.en
    assert_texts(f, e)


def test_chain_violation_inspection_chair_not_in_the_inspection_committee() -> None:
    e = chain(plan=False)
    results = as_planned(inspection_committee=result("inspection_committee", ["e", "h", "i"]))
    report = after_vote(e, R190, results)
    assert codes(report.findings) == ["chain_violation"]
    f = report.findings[0]
    assert (f.severity, f.body, f.contest, f.person) == ("error", "inspection_chair", "cn", "g")
    assert f.expected == "in inspection_committee"
    assert_texts(f, e)


def test_chain_violation_direct_secretary_not_in_the_committee() -> None:
    e = chain(at="congress", plan=False)
    results = as_planned(
        committee=result("committee", ["b", "c", "d", "e", "f"]),
        standing_committee=None,
        deputy_secretary=None,
    )
    f = only(after_vote(e, R190, results).findings, "chain_violation")
    assert (f.body, f.contest, f.person, f.expected) == (
        "secretary",
        "bt",
        "a",
        "in committee",
    )


def test_no_chain_violation_while_the_parent_is_not_counted() -> None:
    e = chain(plan=False)
    results = as_planned(
        standing_committee=result("standing_committee", [], open_seats=3, counted=False)
    )
    assert after_vote(e, R190, results).findings == ()


def test_state_law_has_no_chain() -> None:
    e = election([contest("deputies", 2, ["a", "b", "c"])], None, rules_id="luat-bau-cu-2015")
    report = after_vote(e, rules("luat-bau-cu-2015"), bodies(result("deputies", ["a", "c"])))
    assert report.findings == ()


# --- seats -----------------------------------------------------------------------------------


def test_seats_mismatch_warning_when_seats_stay_open() -> None:
    ids = ["a", "b", "c", "d", "e", "f"]
    e = one_body(ids[:5], None, {}, also_listed=["f"])
    report = check_committee(e, ["a", "b", "c", "d"], tied=["e", "f"], open_seats=1)
    assert codes(report.findings) == ["seats_mismatch"]
    f = report.findings[0]
    assert (f.severity, f.body, f.contest, f.person) == ("warning", "committee", "bch", None)
    assert (f.expected, f.actual) == (5, 4)
    assert f.en == (
        f"Executive committee (bch): 4 of the 5 planned seats filled; 1 seat(s) open, "
        f"{name('e')}, {name('f')} tied: a re-vote is due"
    )
    assert "trúng cử 4/5 người theo đề án; còn 1 chỗ trống" in f.vi

    # A shortfall without a tie says only that seats are open.
    g = only(check_committee(e, ["a", "b", "c"], open_seats=2).findings, "seats_mismatch")
    assert (g.expected, g.actual) == (5, 3)
    assert g.en.endswith("3 of the 5 planned seats filled; 2 seat(s) open")


def test_all_seats_filled_no_mismatch() -> None:
    ids = members(5)
    assert check_committee(one_body(ids, None, {}), ids).findings == ()


# --- before the vote ------------------------------------------------------------------------


# The seats, reachable targets and age cut-offs against the lists, before the vote and after
# it, are rule cases: tests/rule_cases/s7-plan.yaml.


def test_validate_makes_the_plan_checks_unless_told_not_to() -> None:
    """``tally check`` leaves them to the counted result (``validate(plan=False)``)."""
    people = {"old": {"sex": "F", "born": "1969-03-01", "incumbent": True}}
    e = election(
        [contest("committee", 2, ["old", "young", "x"])],
        {"bodies": {"committee": {"seats": 2, "age_limits": AGE_LIMITS}}},
        people=people,
    )
    with_plan = [x for x in validate(e, R190).findings if x.code == "age_limit"]
    assert [(x.person, x.severity) for x in with_plan] == [("old", "warning")]
    assert not [x for x in validate(e, R190, plan=False).findings if x.code == "age_limit"]


def test_before_vote_skips_counted_bodies_and_bodies_without_contests() -> None:
    e = election(
        [contest("committee", 14, members(16))],
        {"bodies": {"committee": {"seats": 15}, "standing_committee": {"seats": 5}}},
    )
    assert codes(before_vote(e, R190)) == ["seats_mismatch"]
    assert before_vote(e, R190, skip=["committee"]) == []


def test_after_vote_checks_uncounted_bodies_before_their_vote() -> None:
    e = election(
        [contest("committee", 5, members(6)), contest("standing_committee", 3, members(4))],
        {
            "bodies": {
                "committee": {"seats": 5, "targets": {"renewal": {"min": 1}}},
                "standing_committee": {"seats": 2},
            }
        },
    )
    report = after_vote(e, R190, bodies(result("committee", members(5))))
    f = only(report.findings, "seats_mismatch")
    assert (f.body, f.contest, f.severity, f.expected, f.actual) == (
        "standing_committee",
        "btv",
        "error",
        2,
        3,
    )
    assert [r.body for r in report.structure] == ["committee"]


def test_no_plan_no_plan_findings() -> None:
    e = election([contest("committee", 3, ["a", "b", "c", "d"])], None)
    assert before_vote(e, R190) == []
    report = after_vote(e, R190, bodies(result("committee", ["a", "b", "c"])))
    assert report == PlanReport((), ())


# --- the plan never changes who is elected -------------------------------------------------


def test_after_vote_changes_nobody_elected() -> None:
    e = chain(posts={"secretary": "a", "deputy_secretary": ["b"]})
    results = as_planned(
        standing_committee=result("standing_committee", ["c", "d", "b"], passed=[("a", 9)]),
        secretary=result("secretary", ["c"]),
    )
    before = copy.deepcopy(results)
    report = after_vote(e, R190, results)
    assert results == before
    assert {"post_not_elected", "off_plan_elected"} <= set(codes(report.findings))
    assert set(vars(report)) == {"findings", "structure"}


def test_audit_reports_the_plan_without_changing_the_count() -> None:
    loaded = load_election(EXAMPLES / "huyen-2020")
    counted = {c.contest.id: c.elected for c in count_election(loaded).contests}
    done = audit(loaded)
    assert {c.contest.id: c.elected for c in done.result.contests} == counted
    assert "tvc" not in counted["btv"] and "ntb" in counted["pbt"]
    post = only(done.findings, "post_not_elected")
    assert (post.person, post.body, post.contest, post.severity) == (
        "tvc",
        "deputy_secretary",
        "btv",
        "error",
    )
    off = only(done.findings, "off_plan_elected")
    assert (off.person, off.body, off.severity) == ("ntb", "deputy_secretary", "error")
    short = only(done.findings, "structure_short")
    assert (short.body, short.expected, short.actual) == ("committee", "≥ 3", 2)
    # Sorted: errors first, then warnings, then infos.
    assert [f.severity for f in done.findings] == sorted(
        (f.severity for f in done.findings), key=["error", "warning", "info"].index
    )


# --- body_results from a real count ---------------------------------------------------------


def test_body_results_of_huyen_2020() -> None:
    results = body_results(count_election(load_election(EXAMPLES / "huyen-2020")))
    assert set(results) == {
        "committee",
        "delegates",
        "alternate_delegates",
        "standing_committee",
        "secretary",
        "deputy_secretary",
        "inspection_committee",
        "inspection_chair",
    }
    btv = results["standing_committee"]
    assert btv.contests == ("btv",) and btv.seats == 5
    assert set(btv.elected) == {"lmc", "hvb", "ntb", "ndk", "cvt"}
    assert btv.passed_not_elected == (("tvc", 8),)
    assert (btv.tied, btv.open_seats, btv.counted) == ((), 0, True)
    alt = results["alternate_delegates"]  # a shortfall, then a second round
    assert (alt.contests, alt.seats, alt.elected) == (("dbdk",), 2, ("tthi", "lvd"))
    assert (alt.open_seats, alt.counted) == (0, True)
    committee = results["committee"]
    assert len(committee.elected) == 15 and committee.passed_not_elected == ()


def test_body_results_pending_tie() -> None:
    loaded = load_election(EXAMPLES / "xa-2025")
    bch = body_results(count_election(loaded, round_no=1))["committee"]
    assert len(bch.elected) == 8
    assert set(bch.tied) == {"pmh", "tvq"}
    assert (bch.open_seats, bch.seats, bch.counted) == (1, 9, True)
    assert dict(bch.passed_not_elected) == {"pmh": 64, "tvq": 64}


def test_body_results_rejected_count_is_not_counted(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, "huyen-2020")
    edit(
        folder / "election.yaml",
        "      - issued: 290\n        ballots: ballots/bch-1.csv",
        "      - issued: 280\n        ballots: ballots/bch-1.csv",
    )
    results = body_results(count_election(load_election(folder)))
    assert results["committee"].counted is False
    assert results["committee"].elected == ()
    assert results["standing_committee"].counted is True
    # Nothing is said about the committee or the posts on the way through it.
    report = after_vote(load_election(folder).election, R244, results)
    assert not [f for f in report.findings if f.code in ("structure_short", "post_not_elected")]
    assert [r.body for r in report.structure] == []
