"""The checks are declared units (issue 17): each registered with its codes and the rule it
rests on, and held to what it declares when it runs."""

from __future__ import annotations

import pytest

from tally import checks, plan_checks
from tally.findings import CODES, Finding, finding
from tally.i18n import msg
from tally.kinds import FindingCode
from tally.registry import REGISTRIES, Registry
from tally.ruleset.loader import load_ruleset


def test_the_list_and_body_checks_are_registered_in_their_order() -> None:
    assert [c.name for c in checks.LIST_CHECKS.checks] == [
        "_check_surplus_required",
        "_check_min_surplus_share",
        "_check_small_body_cap",
        "_check_surplus_cap",
        "_check_slate",
        "_check_min_surplus",
        "_check_state_limits",
        "_check_may_not_stand",
        "_check_ballot_order",
        "_check_floor_support",
    ]
    assert [c.name for c in plan_checks.BODY_CHECKS.checks] == [
        "_check_seats",
        "_check_targets",
        "_check_age",
        "_check_data",
        "_check_off_slate",
        "_check_slate_elected",
    ]
    assert [c.name for c in plan_checks.PLANNED_CHECKS.checks] == [
        "_check_planned_seats",
        "_check_reachable",
        "_check_listed_age",
    ]
    assert [c.name for c in plan_checks.AFTER_CHECKS.checks] == [
        "_check_chain",
        "_check_bodies",
        "_check_posts_elected",
        "_check_posts_held",
        "_check_not_yet_voted",
    ]
    assert [c.name for c in checks.ELECTION_CHECKS.checks] == [
        "_note_not_entered",
        "_note_appointed",
        "_check_lists",
        "_check_majority_possible",
        "_check_quorum",
        "_check_issued",
        "_check_board",
        "_check_combined_list",
        "_check_plan_before",
    ]
    assert [c.name for c in checks.COUNTED_CHECKS.checks] == [
        "_check_alternates_after",
        "_note_count_warnings",
    ]


def test_every_finding_code_is_given_by_a_registered_check() -> None:
    given = {c.value for r in REGISTRIES for check in r.checks for c in check.codes}
    assert set(FindingCode) <= given
    assert "empty_rows" in given


def test_every_function_that_makes_a_finding_is_a_registered_check() -> None:
    """A finding made outside a unit would escape the registry: each module's ``finding(`` calls
    sit in registered checks or in helpers that only they call."""
    import ast
    import inspect

    from tally import audit

    units = {check.run.__name__ for r in REGISTRIES for check in r.checks}
    helpers = {"_short_after_withdrawal", "_check_poll", "_seats_vs_plan", "_age_finding"}
    helpers |= {"_post_finding"}
    for module in (checks, plan_checks, audit):
        tree = ast.parse(inspect.getsource(module))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            calls = [
                n
                for n in ast.walk(node)
                if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "finding"
            ]
            if calls:
                assert node.name in units | helpers, f"{module.__name__}.{node.name}"


def test_every_check_declares_finding_codes_a_rule_and_a_description() -> None:
    rules = load_ruleset("qd-190-2024")
    for registry in REGISTRIES:
        for check in registry.checks:
            assert check.codes and all(c.value in CODES for c in check.codes), check.name
            assert check.run.__doc__, f"{check.name} has no docstring"
            assert all(d.text("vi") and d.text("en") for d in check.descriptions)
            assert check.severities
            for key in check.rules:  # a rule-set parameter that exists, or a key of the plan
                group, _, name = key.partition(".")
                assert group == "plan" or name in type(getattr(rules, group)).model_fields, key


def test_a_check_that_gives_a_code_it_does_not_declare_is_a_bug() -> None:
    family: Registry[int] = Registry("test")
    try:

        @family.register(FindingCode.APPOINTED)
        def _wrong(ctx: int) -> list[Finding]:
            """Gives another code than it declares."""
            return [finding(FindingCode.NOT_ENTERED, "info", msg("code.not_entered"))]

        with pytest.raises(ValueError, match="_wrong gave not_entered"):
            family.run(0)
    finally:
        REGISTRIES.remove(family)
