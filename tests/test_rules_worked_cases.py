"""The worked cases of rules.md that are arithmetic of one helper, not an election.

The worked cases that are elections (rules.md §2, §3 and §8 cases 1–8, the state tie rule) are
YAML files in tests/rule_cases/, run through the loader, engine, checks and CLI by
tests/test_rule_cases.py. What stays here tests the helpers themselves: the threshold and
the strict majority, and how percentages are cut.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

# test_party_electorate.py imports the §8 setup from here; it lives in tests/elections.py.
from elections import delegates_congress  # noqa: F401
from tally.decide import percent
from tally.domain.electorate import passes, threshold
from tally.ruleset.loader import load_ruleset

HALF = Fraction(1, 2)


@pytest.fixture(scope="module")
def r190():
    return load_ruleset("qd-190-2024")


@pytest.fixture(scope="module")
def r244():
    return load_ruleset("qd-244-2014")


@pytest.fixture(scope="module")
def rstate():
    return load_ruleset("luat-bau-cu-2015")


def test_section2_examples() -> None:
    # 11 full members, 1 absent all congress with approval → base 10 → 6 needed; 5 fails.
    assert threshold(10, HALF) == 6
    assert not passes(5, 10, HALF)
    assert passes(6, 10, HALF)
    # Base 290 → 146 needed; 145 is exactly half and fails.
    assert threshold(290, HALF) == 146
    assert not passes(145, 290, HALF)
    assert passes(146, 290, HALF)

    # §8: base 293 → 147; case 8: base 36 → 19.
    assert threshold(293, HALF) == 147
    assert threshold(36, HALF) == 19
    assert not passes(18, 36, HALF)
    assert passes(19, 36, HALF)


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
    assert percent(147, 293, 2, "truncate") == "50.17"  # §8 case 1
    assert percent(146, 293, 2, "truncate") == "49.82"
    assert percent(145, 288, 2, "half_up") == "50.35"  # §8 case 6


def test_percent_rounding_in_rule_sets(r190, r244, rstate) -> None:
    assert r190.report.percent.value.rounding == "truncate"
    assert r244.report.percent.value.rounding == "truncate"
    assert rstate.report.percent.value.rounding == "half_up"
    assert r190.report.percent.value.decimals == 2
