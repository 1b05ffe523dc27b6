"""Counting groups' tally sheets (YAML): one per group, merged into the round's tally."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tally.config.models import Count
from tally.config.pydantic_errors import issues_from_validation
from tally.count import DERIVED_REASONS, TYPED_REASONS, Tally
from tally.errors import BallotFileError, Issue
from tally.ruleset.models import INVALID_REASONS, InvalidReason
from tally.yamlsrc import load_yaml


class TallySheet(BaseModel):
    """One counting group's sheet. Every figure is a strict whole number: ``yes``, ``"12"``
    or ``12.0`` is refused, never read as 1 or 12."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    group: str | int = Field(description="the counting group's name or number")
    collected: Count
    invalid: dict[str, Count] = Field(default_factory=dict)
    votes: dict[str, Count]
    kept: dict[Count, Count] | None = Field(None, description="n_k: valid ballots keeping k names")


def read_sheet(path: Path, candidates: list[str]) -> Tally:
    """One group's sheet as a Tally over ``candidates`` (ballot order)."""
    data, source = load_yaml(path, BallotFileError)
    try:
        sheet = TallySheet.model_validate(data)
    except ValidationError as exc:
        raise BallotFileError(issues_from_validation(exc, source.location)) from None
    issues: list[Issue] = []
    for reason in sheet.invalid:
        if reason not in INVALID_REASONS:
            issues.append(
                Issue(
                    f"unknown invalid reason '{reason}' (known: {', '.join(INVALID_REASONS)})",
                    source.location(("invalid", reason)),
                )
            )
    for pid in sheet.votes:
        if pid not in candidates:
            issues.append(
                Issue(f"'{pid}' is not on this round's ballot", source.location(("votes", pid)))
            )
    for pid in candidates:
        if pid not in sheet.votes:
            issues.append(
                Issue(
                    f"no votes given for '{pid}' (write 0 if nobody voted for them)",
                    source.location(("votes",)),
                )
            )
    for k in sheet.kept or {}:
        if k > len(candidates):
            issues.append(Issue(f"n_k for k={k} is out of range", source.location(("kept", k))))
    if issues:
        raise BallotFileError(issues)
    assert set(INVALID_REASONS) == TYPED_REASONS | DERIVED_REASONS
    invalid: dict[InvalidReason, int] = {r: sheet.invalid.get(r, 0) for r in INVALID_REASONS}
    kept = dict(sorted(sheet.kept.items())) if sheet.kept is not None else None
    return Tally(
        len(candidates),
        sheet.collected,
        invalid,
        [sheet.votes[pid] for pid in candidates],
        kept,
    )
