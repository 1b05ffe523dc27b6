"""Counting groups' tally sheets (YAML): one per group, merged into the round's tally.

A round's sheets must be distinct. A pile counted twice is the one mistake the figure checks
cannot see when the doubled sheet replaces another (54 + 54 ballots still make the 108 issued),
and it changes who is elected; so the same file listed twice, two sheets of one group and two
sheets with the same figures are refused before anything is added up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tally.ballots.figures import Tally
from tally.ballots.marks import DERIVED_REASONS, TYPED_REASONS
from tally.errors import BallotFileError, Issue, Location
from tally.fields import Count
from tally.i18n import msg
from tally.kinds import INVALID_REASONS, InvalidReason, Layout
from tally.pydantic_errors import issues_from_validation
from tally.yamlsrc import SourceMap, load_yaml


class TallySheet(BaseModel):
    """One counting group's sheet. Every figure is a strict whole number: ``yes``, ``"12"``
    or ``12.0`` is refused, never read as 1 or 12."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    group: str | int = Field(description="the counting group's name or number")
    collected: Count
    invalid: dict[str, Count] = Field(default_factory=dict)
    votes: dict[str, Count]
    kept: dict[Count, Count] | None = Field(None, description="n_k: valid ballots keeping k names")
    disagree: dict[str, Count] | None = Field(
        None, description="agree/disagree ballots: valid ballots marking each person disagree"
    )
    unmarked: dict[str, Count] | None = Field(
        None,
        description="agree/disagree ballots: valid ballots with both boxes or neither per person",
    )


@dataclass(frozen=True)
class ListedSheet:
    """A tally sheet's file and the place in election.yaml that lists it."""

    name: str  # as election.yaml writes it
    path: Path
    listed_at: Location


@dataclass(frozen=True)
class _Read:
    listed: ListedSheet
    group: str  # as the sheet writes it
    key: str  # the group compared: `1` and `"1"`, `Tổ 1` and `tổ 1` are one group
    source: SourceMap
    tally: Tally


def _at(where: Location) -> str:
    """``path:line``: enough to find the other copy."""
    text = str(where.path) if where.path is not None else "?"
    return f"{text}:{where.line}" if where.line is not None else text


def read_sheets(
    sheets: Sequence[ListedSheet], candidates: list[str], layout: Layout = "strike"
) -> Tally:
    """The round's tally: every group's sheet added up, once each.

    Refused (BallotFileError, naming both places): one file listed twice (after resolving the
    path, so ``a.yaml`` and ``x/../a.yaml`` are one file), two sheets of the same ``group``, and
    two sheets with the same figures. Figures, not file bytes, are compared: a copy whose group
    was renamed, or whose comments, spacing, key order or zero entries differ, has other bytes
    but is the same pile counted twice.
    """
    issues: list[Issue] = []
    first_listed: dict[Path, ListedSheet] = {}
    for sheet in sheets:
        key = sheet.path.resolve()
        if key in first_listed:
            issues.append(
                Issue(
                    msg(
                        "sheets.listed_twice",
                        name=sheet.name,
                        other=_at(first_listed[key].listed_at),
                    ),
                    sheet.listed_at,
                    msg("sheets.listed_twice.hint"),
                )
            )
        else:
            first_listed[key] = sheet
    if issues:
        raise BallotFileError(issues)
    read: list[_Read] = []
    for sheet in sheets:
        parsed, source, tally = _read_one(sheet.path, candidates, layout)
        label = str(parsed.group).strip()
        read.append(_Read(sheet, label, label.casefold(), source, tally))
    by_group: dict[str, _Read] = {}
    by_figures: list[_Read] = []
    for this in read:
        other = by_group.setdefault(this.key, this)
        if other is not this:
            issues.append(
                Issue(
                    msg(
                        "sheets.second_sheet",
                        group=this.group,
                        other=_at(other.source.location(("group",))),
                    ),
                    this.source.location(("group",)),
                    msg("sheets.second_sheet.hint"),
                )
            )
            continue
        same = next((o for o in by_figures if o.tally == this.tally), None)
        if same is not None:
            issues.append(
                Issue(
                    msg(
                        "sheets.same_figures",
                        group=same.group,
                        other=_at(same.source.location(("collected",))),
                    ),
                    this.source.location(("collected",)),
                    msg("sheets.same_figures.hint"),
                )
            )
            continue
        by_figures.append(this)
    if issues:
        raise BallotFileError(issues)
    total = read[0].tally
    for this in read[1:]:
        total = total.merge(this.tally)
    return total


def read_sheet(path: Path, candidates: list[str], layout: Layout = "strike") -> Tally:
    """One group's sheet as a Tally over ``candidates`` (ballot order)."""
    return _read_one(path, candidates, layout)[2]


def _read_one(
    path: Path, candidates: list[str], layout: Layout
) -> tuple[TallySheet, SourceMap, Tally]:
    data, source = load_yaml(path, BallotFileError, kind="tally sheet")
    try:
        sheet = TallySheet.model_validate(data)
    except ValidationError as exc:
        raise BallotFileError(issues_from_validation(exc, source.location)) from None
    issues: list[Issue] = []
    for reason in sheet.invalid:
        if reason not in INVALID_REASONS:
            issues.append(
                Issue(
                    msg("sheets.reason", reason=reason, known=", ".join(INVALID_REASONS)),
                    source.location(("invalid", reason)),
                )
            )
    for pid in sheet.votes:
        if pid not in candidates:
            issues.append(
                Issue(msg("sheets.not_on_ballot", id=pid), source.location(("votes", pid)))
            )
    for pid in candidates:
        if pid not in sheet.votes:
            issues.append(Issue(msg("sheets.no_votes", id=pid), source.location(("votes",))))
    for key, given in (("disagree", sheet.disagree), ("unmarked", sheet.unmarked)):
        if given is None:
            continue
        if layout != "agree_disagree":
            issues.append(Issue(msg("sheets.rows_strike", key=key), source.location((key,))))
            continue
        for pid in given:
            if pid not in candidates:
                issues.append(
                    Issue(msg("sheets.not_on_ballot", id=pid), source.location((key, pid)))
                )
        for pid in candidates:
            if pid not in given:
                issues.append(
                    Issue(msg("sheets.no_rows", key=key, id=pid), source.location((key,)))
                )
    for k in sheet.kept or {}:
        if k > len(candidates):
            issues.append(Issue(msg("sheets.kept_range", k=k), source.location(("kept", k))))

    if issues:
        raise BallotFileError(issues)
    assert set(INVALID_REASONS) == TYPED_REASONS | DERIVED_REASONS
    invalid: dict[InvalidReason, int] = {r: sheet.invalid.get(r, 0) for r in INVALID_REASONS}
    kept = dict(sorted(sheet.kept.items())) if sheet.kept is not None else None
    tally = Tally(
        len(candidates),
        sheet.collected,
        invalid,
        [sheet.votes[pid] for pid in candidates],
        kept,
        [sheet.disagree[pid] for pid in candidates] if sheet.disagree is not None else None,
        [sheet.unmarked[pid] for pid in candidates] if sheet.unmarked is not None else None,
    )
    return sheet, source, tally
