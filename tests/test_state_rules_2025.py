"""The state election rules as they stand for 2026 (issue 16; rules-2025.md §3).

Luật 85/2015/QH13 Điều 78 (unchanged by Luật 83/2025/QH15): khoản 2 the winner rule, khoản 3
the ranking, khoản 4 the older-wins tie; the instruments of 2025–2026; the current id
``luat-bau-cu-2015-sd-2025`` beside the old one; and the warnings of Điều 10 khoản 4 (seats per
constituency) and Điều 8–9 (the official lists' targets).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from clirun import invoke
from tally.checks import validate
from tally.election import Election
from tally.ruleset.loader import load_ruleset

OLD, NEW = "luat-bau-cu-2015", "luat-bau-cu-2015-sd-2025"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "phuong-hdnd-2026"


@pytest.mark.parametrize("rid", [OLD, NEW])
@pytest.mark.parametrize(
    ("key", "clause"),
    [
        ("decision.majority", "Điều 78 khoản 2"),
        ("decision.ranking", "Điều 78 khoản 3"),
        ("decision.tie", "Điều 78 khoản 4"),
        ("lists.max_seats", "Điều 10 khoản 4"),
        ("lists.min_surplus", "Điều 57 khoản 6, Điều 58 khoản 3"),
    ],
)
def test_citations_name_the_right_clause(rid: str, key: str, clause: str) -> None:
    param = load_ruleset(rid).param(key)
    assert clause in param.cite and clause in param.cite_in("vi")
    assert param.provenance == "V"


@pytest.mark.parametrize("rid", [OLD, NEW])
def test_instruments_of_2025_2026(rid: str) -> None:
    dates = {i.number: i.date for i in load_ruleset(rid).instruments}
    assert dates["85/2015/QH13"] == dt.date(2015, 6, 25)
    assert dates["83/2025/QH15"] == dt.date(2025, 6, 24)
    assert dates["21/2025/TT-BNV"] == dt.date(2025, 10, 12)
    assert dates["199/2025/QH15"] == dt.date(2025, 5, 21)
    titles = {i.number: i.title or "" for i in load_ruleset(rid).instruments}
    assert "01/7/2025" in titles["83/2025/QH15"]
    assert "15/3/2026" in titles["199/2025/QH15"]


def test_current_id_is_the_old_rules_under_a_new_name() -> None:
    old, new = load_ruleset(OLD), load_ruleset(NEW)
    assert old.current == NEW and new.current is None
    assert new.extends == OLD
    assert "83/2025/QH15" in new.title
    assert list(old.params()) == list(new.params())
    assert old.instruments == new.instruments


@pytest.mark.parametrize(
    ("lang", "words"), [("vi", "hiện hành: luat-bau-cu-2015-sd-2025"), ("en", "current:")]
)
def test_rules_list_points_the_old_id_to_the_current(lang: str, words: str) -> None:
    res = invoke("rules", "list", "--lang", lang, columns=200)
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    at = next(i for i, line in enumerate(lines) if f"│ {OLD} " in line)
    assert words in lines[at + 1]
    assert words not in "".join(line for line in lines if f"│ {NEW} " in line)


def test_the_2026_example_names_the_current_id_and_draws_no_warning() -> None:
    res = invoke("validate", EXAMPLE, "--json")
    assert res.exit_code == 0, res.output
    assert f"rules: {NEW}" in (EXAMPLE / "election.yaml").read_text(encoding="utf-8")
    assert '"too_many_seats"' not in res.output and '"list_target_short"' not in res.output


def _election(
    assembly: str, seats: int, people: list[dict[str, Any]], rules: str = NEW
) -> Election:
    for i, p in enumerate(people):
        p.setdefault("id", f"p{i}")
        p.setdefault("name", f"Người {i}")
    return Election.model_validate(
        {
            "version": 1,
            "rules": rules,
            "congress": {
                "name": "Bầu cử",
                "kind": "constituency",
                "assembly": assembly,
                "date": "2026-03-15",
            },
            "electorate": {"registered": 1000},
            "people": people,
            "contests": [
                {
                    "id": "dv1",
                    "body": "deputies",
                    "seats": seats,
                    "candidates": [p["id"] for p in people],
                }
            ],
        }
    )


def _codes(assembly: str, seats: int, people: list[dict[str, Any]]) -> dict[str, Any]:
    election = _election(assembly, seats, people)
    report = validate(election, load_ruleset(election.rules))
    return {f.code: f for f in report.findings}


def _list(n: int, women: int, minorities: int = 0) -> list[dict[str, Any]]:
    return [
        {"sex": "F" if i < women else "M", "ethnicity": "Tày" if i < minorities else "Kinh"}
        for i in range(n)
    ]


@pytest.mark.parametrize(
    ("assembly", "seats", "warned"),
    [
        ("national_assembly", 3, False),
        ("national_assembly", 4, True),
        ("peoples_council", 5, False),
        ("peoples_council", 6, True),
    ],
)
def test_seats_per_constituency(assembly: str, seats: int, warned: bool) -> None:
    # Điều 10 khoản 4: at most 3 National Assembly, at most 5 People's Council deputies
    found = _codes(assembly, seats, _list(seats + 3, women=seats + 3, minorities=seats + 3))
    assert ("too_many_seats" in found) is warned
    if warned:
        f = found["too_many_seats"]
        assert f.severity == "warning"
        assert f.rule == "lists.max_seats"
        assert "Điều 10 khoản 4" in (f.cite or "")


@pytest.mark.parametrize(
    ("assembly", "women", "minorities", "warned"),
    [
        # 5 names: 35% → at least 2 women; 18% → at least 1 from an ethnic minority
        ("national_assembly", 2, 1, False),
        ("national_assembly", 1, 1, True),
        ("national_assembly", 2, 0, True),
        ("peoples_council", 2, 0, False),  # no ethnic target for People's Councils
        ("peoples_council", 1, 0, True),
    ],
)
def test_list_targets(assembly: str, women: int, minorities: int, warned: bool) -> None:
    seats = 3
    found = _codes(assembly, seats, _list(5, women, minorities))
    assert ("list_target_short" in found) is warned
    assert "list_too_short" not in found
    if warned:
        f = found["list_target_short"]
        assert f.severity == "warning" and f.rule == "lists.list_targets"
        assert f.expected in ("≥ 2", "≥ 1")


def test_list_target_words_in_both_languages() -> None:
    f = _codes("national_assembly", 3, _list(5, 1, 1))["list_target_short"]
    assert "1/5 người ứng cử là phụ nữ" in f.message.text("vi")
    assert "35%" in f.message.text("vi")
    assert "1 of 5 women" in f.message.text("en")


def test_a_target_is_not_checked_while_a_name_lacks_the_field() -> None:
    people = _list(5, 0, 1)
    del people[4]["sex"]
    assert "list_target_short" not in _codes("national_assembly", 3, people)


def test_party_rules_have_no_state_limits() -> None:
    rules = load_ruleset("qd-190-2024")
    assert rules.lists.max_seats is None and rules.lists.list_targets is None
    share = load_ruleset(NEW).lists.list_targets
    assert share is not None
    women, minorities = Fraction(35, 100), Fraction(18, 100)
    assert [t.share for t in share.value] == [women, minorities, women]
