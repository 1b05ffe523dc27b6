"""Splitting a ballot pile into counting groups' tally sheets gives the same result."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tally.ballots.figures import Tally
from tally.ballots.sheets import read_sheet
from tally.count import BallotSpec, count_rows
from tally.ruleset.loader import load_ruleset

RULES = load_ruleset("qd-190-2024")
N, SEATS = 6, 4
IDS = [f"c{i}" for i in range(1, N + 1)]


def ballots() -> st.SearchStrategy[list[tuple[str, str]]]:
    marks = st.sets(st.integers(1, N), max_size=N).map(lambda s: " ".join(map(str, sorted(s))))
    reason = st.sampled_from(["", "", "", "marked", "write_in"])
    return st.lists(st.tuples(marks, reason), min_size=1, max_size=60)


def sheet_of(tally: Tally, group: int) -> dict[str, object]:
    return {
        "group": group,
        "collected": tally.collected,
        "invalid": {r: c for r, c in tally.invalid.items() if c},
        "votes": dict(zip(IDS, tally.votes, strict=True)),
        "kept": tally.kept,
    }


@settings(max_examples=40, deadline=None)
@given(rows=ballots(), groups=st.integers(1, 4))
def test_group_sheets_sum_to_the_whole_pile(rows: list[tuple[str, str]], groups: int) -> None:
    spec = BallotSpec.from_rules(N, SEATS, "strike", RULES.ballot.invalid)
    numbered = [(i + 2, str(i + 1), s, "", r) for i, (s, r) in enumerate(rows)]
    whole = count_rows(numbered, spec)
    with tempfile.TemporaryDirectory() as tmp:
        merged: Tally | None = None
        for g in range(groups):
            pile = numbered[g::groups]
            if not pile:
                continue
            path = Path(tmp) / f"group{g}.yaml"
            path.write_text(
                yaml.safe_dump(sheet_of(count_rows(pile, spec), g + 1)), encoding="utf-8"
            )
            sheet = read_sheet(path, IDS)
            merged = sheet if merged is None else merged.merge(sheet)
    assert merged is not None
    assert (merged.collected, merged.invalid, merged.votes, merged.kept) == (
        whole.collected,
        whole.invalid,
        whole.votes,
        whole.kept,
    )
