"""A rule set: the parameters of one regulation, each with its citation and provenance.

Provenance (rules.md): **V** verified in the text, **S** verified from a secondary source,
**I** inferred, **U** an unverified default. Every outcome that rests on an I or U parameter
lists it in ``assumptions``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Generic, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from tally.fields import Count, PositiveInt, Share
from tally.kinds import Body, MeetingKind

Provenance = Literal["V", "S", "I", "U"]
UNVERIFIED: frozenset[str] = frozenset({"I", "U"})

T = TypeVar("T")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Param(_Strict, Generic[T]):
    """One rule parameter: its value, the article it comes from, and how sure we are.

    ``cite`` and ``note`` are written once when they read the same in both languages (a bare
    citation: "Luật 85/2015/QH13 Điều 78 khoản 2"), else as ``{vi: …, en: …}``. The English is
    kept in ``cite``/``note`` (the JSON documents quote it), the Vietnamese in
    ``cite_vi``/``note_vi``; a plain string in a user's rule file is shown as written in both
    languages (:meth:`cite_in`, :meth:`note_in`).
    """

    value: T
    cite: str = Field(min_length=1, description="instrument number, date and article")
    provenance: Provenance
    note: str | None = None
    cite_vi: str | None = Field(None, min_length=1, description="Vietnamese of cite")
    note_vi: str | None = Field(None, min_length=1, description="Vietnamese of note")

    @model_validator(mode="before")
    @classmethod
    def _bilingual(cls, data: object) -> object:
        """``cite: {vi: …, en: …}`` (and ``note``) into ``cite`` and ``cite_vi``."""
        if not isinstance(data, dict):
            return data
        out = dict(data)
        for key in ("cite", "note"):
            text = out.get(key)
            if isinstance(text, dict) and set(text) == {"vi", "en"}:
                if f"{key}_vi" in out:
                    raise ValueError(f"{key}: give {{vi, en}} or {key}_vi, not both")
                out[key], out[f"{key}_vi"] = text["en"], text["vi"]
        return out

    @model_serializer(mode="wrap")
    def _dump(self, handler: SerializerFunctionWrapHandler) -> object:
        """``cite_vi``/``note_vi`` only when given: a rule that reads the same in both languages
        dumps (``tally rules show --json``) as before they existed."""
        data = handler(self)
        if isinstance(data, dict):
            for key in ("cite_vi", "note_vi"):
                if data.get(key) is None:
                    data.pop(key, None)
        return data

    def cite_in(self, lang: str) -> str:
        return self.cite_vi if lang == "vi" and self.cite_vi else self.cite

    def note_in(self, lang: str) -> str | None:
        return self.note_vi if lang == "vi" and self.note_vi else self.note


BaseKind = Literal["summoned_minus_exclusions", "valid_ballots", "collected_ballots"]


class BaseRules(_Strict):
    """What the majority is measured against, per kind of meeting (rules.md §2)."""

    members_congress: Param[BaseKind]
    delegates_congress: Param[BaseKind]
    committee_conference: Param[BaseKind]
    constituency: Param[BaseKind]
    not_summoned: Param[bool] | None = Field(
        None, description="those not summoned are outside the base (electorate.not_summoned)"
    )

    def for_kind(self, kind: MeetingKind) -> Param[BaseKind]:
        param: Param[BaseKind] = getattr(self, kind)
        return param


class SurplusMax(_Strict):
    share: Share
    bodies: list[Body]


class SlateSurplus(_Strict):
    min: Share
    max: Share
    bodies: list[Body]


class SmallBody(_Strict):
    max_seats: PositiveInt
    max_surplus: Count
    bodies: list[Body]


class FloorSupport(_Strict):
    more_than: Share
    of: Literal["attending", "summoned"]


class MinSurplus(_Strict):
    assembly: Literal["national_assembly", "peoples_council"]
    seats_up_to: PositiveInt | None = Field(
        None, description="applies to contests up to this many seats"
    )
    surplus: Count


class MaxSeats(_Strict):
    assembly: Literal["national_assembly", "peoples_council"]
    seats: PositiveInt = Field(description="the most deputies one constituency elects")


class MinSurplusShare(_Strict):
    """A least surplus as a share of the seats, rounded up (a mass organisation's rule)."""

    share: Share = Field(description="the least surplus as a share of the seats, rounded up")
    bodies: list[Body]


class ListTarget(_Strict):
    assembly: Literal["national_assembly", "peoples_council"]
    group: Literal["women", "ethnic_minorities"]
    share: Share = Field(description="the least share of the official list")


class ListRules(_Strict):
    """The election list before the vote (rules.md §3)."""

    surplus_required: Param[list[Body]]
    surplus_max: Param[SurplusMax | None]
    slate_surplus: Param[SlateSurplus | None]
    small_body: Param[SmallBody | None]
    no_surplus_allowed: Param[list[Body]]
    floor_nominee_support: Param[FloorSupport | None]
    min_surplus: Param[list[MinSurplus]]
    may_not_stand: Param[list[Literal["probationary", "attached_elsewhere"]]]
    # state law only (a party rule set leaves them out): checked as warnings
    max_seats: Param[list[MaxSeats]] | None = None
    list_targets: Param[list[ListTarget]] | None = None
    counting_board_not_on_list: Param[bool] | None = Field(
        None, description="a counting board's members may not be on the election list"
    )
    # mass organisations (the templates under rules/templates): a least surplus as a share of
    # the seats, rounded up (9 seats at 15%: 1.35 → 2, so at least 11 names)
    min_surplus_share: Param[MinSurplusShare | None] | None = None
    delegates_combined_list: Param[bool] | None = Field(
        None,
        description="one list for official and alternate delegates: the officials are elected "
        "first, the alternates among the rest of that list",
    )


class InvalidRules(_Strict):
    """Which ballots are invalid (rules.md §4). ``true`` = this case makes a ballot invalid."""

    not_issued: Param[bool]
    too_many_kept: Param[bool]
    all_struck: Param[bool]
    write_in: Param[bool]
    marked: Param[bool]
    no_choice_single: Param[bool]
    no_choice_all_rows: Param[bool]
    # A ballot voting for nobody on a list without a surplus (agree/disagree, two names or
    # more) is invalid too; on a one-name list it stays valid (a vote against). Left out: such
    # a ballot is valid, as the party rules have it ("không bầu ai trong danh sách có số dư").
    all_struck_no_surplus: Param[bool] | None = None


class BallotRules(_Strict):
    invalid: InvalidRules
    row_both_or_neither: Param[Literal["no_vote"]]


Assembly = Literal["national_assembly", "peoples_council"]

# After a round that leaves seats open, under a state rule set (Luật 85/2015 Điều 79 as amended
# by Luật 83/2025): ``under_two_thirds`` — an additional election is due only when fewer than two
# thirds of the seats are filled (3·elected < 2·seats), else the seats stay open;
# ``council_decides`` — the National Election Council decides whether to hold one.
AdditionalPolicy = Literal["under_two_thirds", "council_decides"]


class LaterRounds(_Strict):
    max_additional: Count | None = Field(None, description="null: as many as decided")
    candidates: Literal["not_yet_elected", "first_round_not_elected"]
    additional: dict[Assembly, AdditionalPolicy] | None = Field(
        None,
        description="state law: whether an additional election follows open seats, per assembly; "
        "null: the meeting decides (party rules)",
    )
    within_days: PositiveInt | None = Field(
        None, description="the additional election is held within this many days"
    )


class Turnout(_Strict):
    more_than: Share
    of: Literal["registered"]
    except_rerun: bool
    rerun_within_days: PositiveInt | None = Field(
        None, description="the re-run is held within this many days"
    )


class PercentFormat(_Strict):
    decimals: Count = Field(le=6)
    rounding: Literal["truncate", "half_up"]


class DecisionRules(_Strict):
    """Deciding the winners (rules.md §5)."""

    majority: Param[Share]
    base: BaseRules
    ranking: Param[Literal["votes_desc_fill_seats"]]
    tie: Param[Literal["revote", "older_wins"]]
    later_rounds: Param[LaterRounds]
    turnout: Param[Turnout | None]
    quorum: Param[Share | None]
    confirmation: Param[bool]


class ReportRules(_Strict):
    percent: Param[PercentFormat]


class AgeRule(_Strict):
    """Working time left that the birth-date cut-offs of a plan stand for (display only)."""

    reelection_months_left: Count | None = None
    first_time_months_left: Count | None = None


class PlanRules(_Strict):
    """Checking a result against the approved personnel plan (rules.md §1 and §7)."""

    elected_from: Param[dict[Body, list[Body]]]
    post_not_elected: Param[Literal["pause_for_direction"] | None]
    targets: Param[Literal["aims"]]
    age_limits: Param[AgeRule | None]


class Instrument(_Strict):
    number: str
    date: dt.date | None = None  # always store number and date: numbers collide
    title: str | None = None
    note: str | None = Field(None, description="e.g. a collision with another instrument's number")
    note_vi: str | None = Field(None, min_length=1, description="Vietnamese of note")

    @model_validator(mode="before")
    @classmethod
    def _bilingual(cls, data: object) -> object:
        """``note: {vi: …, en: …}`` into ``note`` and ``note_vi``, as a parameter's."""
        if isinstance(data, dict) and isinstance(data.get("note"), dict):
            text = data["note"]
            if set(text) == {"vi", "en"}:
                return {**data, "note": text["en"], "note_vi": text["vi"]}
        return data

    @model_serializer(mode="wrap")
    def _dump(self, handler: SerializerFunctionWrapHandler) -> object:
        """The notes only when given: an instrument without one dumps as before."""
        data = handler(self)
        if isinstance(data, dict):
            for key in ("note", "note_vi"):
                if data.get(key) is None:
                    data.pop(key, None)
        return data


class RuleSet(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.\-_]*$")
    title: str
    family: Literal["party", "state", "mass_organisation"]
    instruments: list[Instrument] = Field(default_factory=list)
    extends: str | None = Field(None, description="a built-in rule set id or a path")
    current: str | None = Field(
        None, description="the id of the rule set to use now, when this one is kept for old files"
    )
    status: Literal["regulation", "template"] = Field(
        "regulation",
        description="template: a documented starting point to copy and edit, not verified law"
        " (never inherited through extends)",
    )
    lists: ListRules
    ballot: BallotRules
    decision: DecisionRules
    report: ReportRules
    plan: PlanRules

    def params(self) -> Iterator[tuple[str, Param[object]]]:
        """Every parameter with its dotted key, in file order."""

        def walk(prefix: str, model: BaseModel) -> Iterator[tuple[str, Param[object]]]:
            for name in type(model).model_fields:
                value = getattr(model, name)
                key = f"{prefix}.{name}" if prefix else name
                if isinstance(value, Param):
                    yield key, value
                elif isinstance(value, BaseModel):
                    yield from walk(key, value)

        for section in ("lists", "ballot", "decision", "report", "plan"):
            yield from walk(section, getattr(self, section))

    def param(self, key: str) -> Param[object]:
        """The parameter at a dotted key (``decision.tie``); KeyError if there is none.

        Follows the key field by field rather than walking :meth:`params` (reports look up
        every parameter of every round).
        """
        node: object = self
        for name in key.split("."):
            if not isinstance(node, BaseModel) or isinstance(node, Param):
                raise KeyError(key)
            if name not in type(node).model_fields:
                raise KeyError(key)
            node = getattr(node, name)
        if not isinstance(node, Param):
            raise KeyError(key)
        return node
