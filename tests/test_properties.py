"""Properties of counting and deciding, over random ballots (hypothesis, kept small and fast)."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from functools import reduce

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tally.ballots.figures import Tally
from tally.count import BallotSpec, count_rows
from tally.decide import decide, percent, reconcile
from tally.domain.electorate import passes, threshold
from tally.ruleset.loader import load_ruleset

R190 = load_ruleset("qd-190-2024")
HALF = Fraction(1, 2)
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
Row = tuple[int, str, str, str, str]


@dataclass(frozen=True)
class Case:
    spec: BallotSpec
    rows: list[Row]

    @property
    def seats(self) -> int:
        return self.spec.seats


@st.composite
def ballot_spec(draw: st.DrawFn) -> BallotSpec:
    layout = draw(st.sampled_from(["strike", "agree_disagree"]))
    if layout == "strike":
        n = draw(st.integers(2, 9))
        seats = draw(st.integers(1, n - 1))
    else:
        n = draw(st.integers(1, 6))
        seats = draw(st.integers(max(1, n - 1), n + 1))
    return BallotSpec.from_rules(n, seats, layout, R190.ballot.invalid)  # type: ignore[arg-type]


@st.composite
def marks(draw: st.DrawFn, spec: BallotSpec, valid_only: bool) -> tuple[str, str]:
    """(struck, unmarked) of one ballot; positions written in or out of order."""
    n = spec.positions
    if spec.layout == "strike":
        states = draw(st.lists(st.integers(0, 1), min_size=n, max_size=n))  # 1 = struck
        if valid_only:  # keep between 1 and seats names
            if all(states):
                states[draw(st.integers(0, n - 1))] = 0
            kept = [i for i, s in enumerate(states) if s == 0]
            for i in kept[spec.seats :]:
                states[i] = 1
    else:
        # 0 agree, 1 disagree (struck), 2 both boxes or neither (unmarked)
        states = draw(st.lists(st.integers(0, 2), min_size=n, max_size=n))
        if valid_only:
            if all(s == 2 for s in states):
                states[0] = 1
            agrees = [i for i, s in enumerate(states) if s == 0]
            for i in agrees[spec.seats :]:
                states[i] = 1
    positions = list(range(1, n + 1))
    if draw(st.booleans()):
        positions.reverse()
    struck = [str(p) for p in positions if states[p - 1] == 1]
    unmarked = [str(p) for p in positions if states[p - 1] == 2]
    return " ".join(struck), " ".join(unmarked)


@st.composite
def cases(draw: st.DrawFn, valid_only: bool = True, max_rows: int = 30) -> Case:
    spec = draw(ballot_spec())
    count = draw(st.integers(0, max_rows))
    with_serials = draw(st.booleans())
    rows: list[Row] = []
    for i in range(count):
        struck, unmarked = draw(marks(spec, valid_only))
        reason = (
            ""
            if valid_only
            else draw(st.sampled_from(["", "", "", "marked", "not_issued", "write_in"]))
        )
        rows.append((i + 2, str(i + 1) if with_serials else "", struck, unmarked, reason))
    return Case(spec, rows)


def reference_count(spec: BallotSpec, rows: list[Row]) -> Tally:
    """A slow, obvious count of the same rows (rules.md §4, all of qd-190-2024's cases on)."""
    n, seats = spec.positions, spec.seats
    invalid: Counter[str] = Counter()
    votes = [0] * n
    disagree, neither = [0] * n, [0] * n  # agree/disagree ballots: rows marked so
    kept: Counter[int] = Counter()
    for _, _, struck, unmarked, reason in rows:
        s = {int(x) for x in struck.split()}
        u = {int(x) for x in unmarked.split()}
        chosen = set(range(1, n + 1)) - s - u
        if reason:
            invalid[reason] += 1
        elif spec.layout == "strike" and len(chosen) > seats:
            invalid["too_many_kept"] += 1
        elif spec.layout == "strike" and not chosen:
            invalid["all_struck"] += 1
        elif spec.layout == "agree_disagree" and len(u) == n:
            invalid["no_choice"] += 1
        elif len(chosen) > seats:
            invalid["too_many_kept"] += 1
        else:
            kept[len(chosen)] += 1
            for p in chosen:
                votes[p - 1] += 1
            for p in s:
                disagree[p - 1] += 1
            for p in u:
                neither[p - 1] += 1
    if spec.layout == "strike":
        return Tally(n, len(rows), dict(invalid), votes, dict(kept))  # type: ignore[arg-type]
    return Tally(n, len(rows), dict(invalid), votes, dict(kept), disagree, neither)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- counting


@FAST
@given(cases(valid_only=False))
def test_count_matches_reference(case: Case) -> None:
    assert count_rows(case.rows, case.spec) == reference_count(case.spec, case.rows)


@FAST
@given(cases(), st.randoms(use_true_random=False))
def test_shuffling_rows_changes_nothing(case: Case, rnd: random.Random) -> None:
    rows = list(case.rows)
    rnd.shuffle(rows)
    assert count_rows(rows, case.spec) == count_rows(case.rows, case.spec)


@FAST
@given(cases(valid_only=False), st.lists(st.integers(0, 40), max_size=5))
def test_merging_chunks_equals_counting_all(case: Case, cuts: list[int]) -> None:
    bounds = sorted({0, len(case.rows), *(min(c, len(case.rows)) for c in cuts)})
    chunks = [case.rows[a:b] for a, b in itertools.pairwise(bounds)] or [[]]
    parts = [count_rows(chunk, case.spec) for chunk in chunks]
    merged = reduce(Tally.merge, parts)
    assert merged == count_rows(case.rows, case.spec)
    assert reduce(Tally.merge, reversed(parts)) == merged


@FAST
@given(cases(valid_only=False))
def test_figures_add_up(case: Case) -> None:
    t = count_rows(case.rows, case.spec)
    assert t.kept is not None
    assert t.collected == len(case.rows)
    assert t.valid + t.invalid_total == t.collected
    assert all(0 <= v <= t.valid for v in t.votes)
    assert sum(t.votes) == sum(k * c for k, c in t.kept.items())
    assert sum(t.kept.values()) == t.valid
    assert all(0 <= k <= case.seats for k in t.kept)
    assert sum(t.votes) <= case.seats * t.valid


@FAST
@given(cases(valid_only=False))
def test_reconcile_of_a_count_finds_nothing(case: Case) -> None:
    t = count_rows(case.rows, case.spec)
    assert reconcile(t, len(case.rows), case.seats, len(case.rows)) == []
    assert reconcile(t, len(case.rows) + 3, case.seats) == []


@FAST
@given(cases(valid_only=True))
def test_valid_ballots_are_all_valid(case: Case) -> None:
    t = count_rows(case.rows, case.spec)
    assert t.invalid_total == 0
    assert t.valid == len(case.rows)


@FAST
@given(
    cases(), st.integers(1, 90), st.sampled_from(["marked", "not_issued", "write_in", "derived"])
)
def test_an_invalid_ballot_never_changes_who_is_elected(case: Case, base: int, kind: str) -> None:
    spec = case.spec
    before = count_rows(case.rows, spec)
    if kind == "derived":
        # strike: an untouched ballot keeps every name; agree/disagree: both boxes on every row
        all_rows = " ".join(str(p) for p in range(1, spec.positions + 1))
        extra: Row = (999, "", "", all_rows if spec.layout == "agree_disagree" else "", "")
    else:
        extra = (999, "", "1", "", kind)
    after = count_rows([*case.rows, extra], spec)
    assert after.collected == before.collected + 1
    assert after.invalid_total == before.invalid_total + 1
    assert after.votes == before.votes
    d1 = decide(before.votes, spec.seats, base, HALF, R190.decision.tie.value)
    d2 = decide(after.votes, spec.seats, base, HALF, R190.decision.tie.value)
    assert d1 == d2


# --------------------------------------------------------------------------- deciding


@FAST
@given(
    st.lists(st.integers(0, 30), min_size=1, max_size=12),
    st.integers(1, 8),
    st.integers(0, 50),
)
def test_decide_invariants(votes: list[int], seats: int, base: int) -> None:
    d = decide(votes, seats, base, HALF, "revote")
    elected = set(d.elected)
    assert len(d.elected) <= seats
    assert d.open_seats == seats - len(d.elected)
    assert all(passes(votes[i], base, HALF) for i in d.elected)
    assert all(2 * votes[i] > base for i in d.elected)
    assert list(d.elected) == sorted(d.elected, key=lambda i: (-votes[i], i))
    for x in range(len(votes)):
        if x not in elected:
            assert all(votes[x] <= votes[e] for e in d.elected)
    assert sorted(d.order) == list(range(len(votes)))
    for i, s in enumerate(d.status):
        assert (s == "elected") == (i in elected)

    passers = sorted(
        (i for i in range(len(votes)) if passes(votes[i], base, HALF)), key=lambda i: -votes[i]
    )
    straddles = len(passers) > seats and votes[passers[seats - 1]] == votes[passers[seats]]
    assert (d.tie is not None) == straddles
    assert (d.outcome == "tie") == straddles
    if d.tie is not None:
        tied = [i for i in passers if votes[i] == d.tie.votes]
        assert list(d.tie.candidates) == sorted(tied)
        assert len(tied) > d.tie.seats >= 1
        assert len(d.elected) + d.tie.seats == seats
        assert all(votes[e] > d.tie.votes for e in d.elected)
        assert all(d.status[i] == "tie" for i in tied)
    elif len(passers) >= seats:
        assert len(d.elected) == seats
        assert d.outcome == "complete"
    else:
        assert set(d.elected) == set(passers)
        assert d.outcome == ("shortfall" if d.open_seats else "complete")


@FAST
@given(st.lists(st.integers(0, 30), min_size=1, max_size=10), st.integers(1, 6), st.integers(0, 50))
def test_older_wins_fills_seats_or_leaves_a_tie(votes: list[int], seats: int, base: int) -> None:
    born = [dt.date(1960 + i, 1, 1) for i in range(len(votes))]  # all different
    d = decide(votes, seats, base, HALF, "older_wins", born)
    passers = [i for i in range(len(votes)) if passes(votes[i], base, HALF)]
    assert d.outcome != "tie"
    assert len(d.elected) == min(seats, len(passers))
    if d.tie is not None:
        assert set(d.tie.resolved_by_age) <= set(d.tie.candidates)
        assert len(d.tie.resolved_by_age) == d.tie.seats
        # the older (earlier-born, here: lower position) win
        assert list(d.tie.resolved_by_age) == sorted(d.tie.candidates)[: d.tie.seats]


@FAST
@given(st.integers(0, 10**6))
def test_threshold_is_the_fewest_votes_that_pass(base: int) -> None:
    t = threshold(base, HALF)
    assert passes(t, base, HALF)
    assert not passes(t - 1, base, HALF)


# --------------------------------------------------------------------------- percentages


@FAST
@given(st.integers(0, 10**5), st.integers(1, 10**5), st.integers(0, 4))
def test_percent_truncation_never_exceeds_exact(votes: int, base: int, decimals: int) -> None:
    exact = Fraction(100 * votes, base)
    unit = Fraction(1, 10**decimals)
    trunc = Fraction(percent(votes, base, decimals, "truncate"))
    assert trunc <= exact < trunc + unit
    half = Fraction(percent(votes, base, decimals, "half_up"))
    assert -unit / 2 < half - exact <= unit / 2  # a half rounds up
    assert half >= trunc
    text = percent(votes, base, decimals, "truncate")
    assert ("." in text) == (decimals > 0)
    if decimals:
        assert len(text.split(".")[1]) == decimals
