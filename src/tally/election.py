"""Pydantic models of ``election.yaml`` (the format of design.md).

The models check shape only: types, ranges, unknown keys. Relations between parts of the
file (candidate ids exist, rounds and bodies chain, figures add up) are checked by
:mod:`tally.config.references`, which reports every problem at once with its line.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from tally.fields import Count, PositiveInt, Quantity
from tally.i18n import MsgError, msg
from tally.kinds import Body, MeetingKind

# Bodies elected by the first conference of the new committee unless the contest says
# `at: congress` (rules.md §1).
CONFERENCE_BODIES: frozenset[Body] = frozenset(
    {
        "standing_committee",
        "secretary",
        "deputy_secretary",
        "inspection_committee",
        "inspection_chair",
        "inspection_vice_chair",
    }
)

Id = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$",
        max_length=64,
        description="A short identifier: letters, digits, '_', '-', '.'",
    ),
]


def _one_or_many(value: object) -> object:
    return [value] if isinstance(value, str) else value


IdList = Annotated[list[Id], BeforeValidator(_one_or_many)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Congress(Strict):
    name: str = Field(min_length=1, description="Full name of the congress, as on the minutes")
    kind: MeetingKind
    date: dt.date
    term: str | None = Field(None, description="Nhiệm kỳ, e.g. 2025–2030")
    place: str | None = None
    convened_by: str | None = Field(None, description="The convening committee (cấp ủy triệu tập)")
    organisation: str | None = Field(
        None, description="The party organisation, for the minutes' header: Đảng bộ huyện X"
    )
    locality: str | None = Field(
        None, description="The place name before the date on the minutes: 'Đông Lâm, ngày …'"
    )
    assembly: Literal["national_assembly", "peoples_council"] | None = Field(
        None, description="constituency only: which assembly the deputies sit in"
    )
    copies: PositiveInt | None = Field(
        None, description="copies of each minutes ('Biên bản được lập thành … bản')"
    )


class AbsentAllCongress(Strict):
    """Delegates congress: who is absent for the whole congress (rules.md §2)."""

    ex_officio: Count = 0
    delegates_unreplaced: Count = Field(
        0, description="official delegates absent all congress with no alternate replacing them"
    )


class Electorate(Strict):
    """The figures the majority base is computed from. Which keys apply depends on the kind."""

    summoned: Count | None = Field(None, description="full members / official delegates summoned")
    not_summoned: Count | None = Field(
        None,
        description="congress: members / delegates not summoned at all (04-HD/TW), outside "
        "'summoned'",
    )
    ex_officio: Count | None = Field(None, description="delegates congress: ex-officio delegates")
    absent_all_congress: AbsentAllCongress | None = None
    attached_elsewhere: Count | None = Field(
        None, description="members congress: temporarily attached to another organisation"
    )
    exempt_absent: Count | None = Field(
        None, description="members congress: exempted from activity and not present"
    )
    suspended_or_prosecuted: Count | None = Field(
        None, description="members congress: suspended, prosecuted, indicted or detained"
    )
    absent_all_congress_approved: Count | None = Field(
        None, description="members congress: absent all congress with an approved reason"
    )
    present: Count | None = Field(None, description="present at the vote")
    appointed: Count | None = Field(
        None,
        description="delegates congress: delegates appointed (chỉ định) rather than elected, "
        "counted in 'summoned' like the others",
    )
    registered: Count | None = Field(None, description="constituency: voters on the list")


class Person(Strict):
    id: Id
    name: str = Field(min_length=1)
    sex: Literal["M", "F"] | None = None
    born: dt.date | None = None
    ethnicity: str | None = Field(None, description="Kinh, Tày, Thái, …")
    incumbent: bool = Field(False, description="a member of the outgoing body (tái cử)")
    nominated_by: Literal["committee", "floor", "self"] | None = None
    support: Count | None = Field(
        None, description="floor nominee: delegates who agreed to introduce him or her"
    )
    membership: Literal["full", "probationary", "attached_elsewhere"] = "full"
    attributes: list[str] = Field(
        default_factory=list, description="other attributes a plan may target, e.g. sci_tech"
    )
    post: str | None = Field(
        None, description="current post (chức vụ hiện tại), as the personnel list gives it"
    )


def _clock_time(value: object) -> object:
    """``09:10``: hours 0–23 and minutes, as the board reads them off the wall clock."""
    if isinstance(value, str) and re.fullmatch(r"([01]?[0-9]|2[0-3]):[0-5][0-9]", value.strip()):
        hours, minutes = value.strip().split(":")
        return f"{int(hours):02d}:{minutes}"
    raise MsgError(msg("v.clock_time", got=f'"{value}"' if isinstance(value, str) else repr(value)))


ClockTime = Annotated[str, BeforeValidator(_clock_time)]


class Counted(Strict):
    """When the count of a round began and ended, typed when no entry journal records it."""

    model_config = ConfigDict(populate_by_name=True)

    from_: ClockTime | None = Field(None, alias="from", description="the count began, HH:MM")
    to: ClockTime | None = Field(None, description="the count ended, HH:MM")


class Session(Strict):
    """A later sitting that votes a round (a re-vote after a tie, …): its own name, date, place
    and counting board. What it leaves out is the contest's meeting's (the congress's, or the
    first conference's)."""

    name: str | None = Field(None, min_length=1, description="defaults to the meeting's name")
    date: dt.date | None = Field(None, description="defaults to the meeting's date")
    place: str | None = Field(None, description="defaults to the meeting's place")
    locality: str | None = Field(
        None, description="the place name before the date on the minutes; defaults to the meeting's"
    )
    board: Board | None = Field(None, description="its counting board; defaults to the meeting's")


class Round(Strict):
    seats: PositiveInt | None = Field(None, description="a later round: the open seats")
    candidates: IdList | None = Field(None, description="a later round: its ballot list")
    issued: Count | None = Field(None, description="ballots issued")
    collected: Count | None = Field(
        None, description="ballots collected as the board counted them; checked against the files"
    )
    present: Count | None = Field(None, description="present at this vote, if not the meeting's")
    ballots: str | None = Field(None, description="per-ballot CSV, relative to election.yaml")
    tallies: list[str] | None = Field(None, description="counting groups' tally sheets")
    rerun: bool = Field(False, description="constituency: a re-run (bầu cử lại)")
    counted: Counted | None = Field(
        None, description="when the count began and ended, if no entry journal records it"
    )
    session: Session | None = Field(
        None, description="a later sitting that votes this round: its name, date, place, board"
    )

    @property
    def data_files(self) -> list[str]:
        """The files this round is counted from: its ballot file or its tally sheets."""
        return [self.ballots] if self.ballots else list(self.tallies or [])


class Withdrawal(Strict):
    """A candidate withdrawn from the approved list after it was published, and who approved it."""

    id: Id = Field(description="the person withdrawn (on the approved list, not on the ballot)")
    date: dt.date
    approved_by: str = Field(min_length=1, description="who approved the withdrawal")


class Appointment(Strict):
    """A body (or a delegation) appointed by decision (chỉ định) instead of elected: the 2025
    committees and delegates of merged provinces and new communes (rules-2025.md §2.2)."""

    decision: str = Field(min_length=1, description="the decision's number, e.g. 123-QĐ/TU")
    date: dt.date = Field(description="the decision's date")
    by: str | None = Field(None, min_length=1, description="who decided, e.g. Bộ Chính trị")


class Contest(Strict):
    model_config = ConfigDict(populate_by_name=True)

    id: Id
    body: Body
    name: str | None = Field(None, description="Title shown on reports and minutes")
    seats: PositiveInt | None = Field(
        None,
        description="seats to fill (not for nomination_poll); appointed: defaults to the members",
    )
    candidates: IdList = Field(
        default_factory=list,
        description="ballot order: position 1 first (required unless the contest is appointed)",
    )
    appointed: Appointment | None = Field(
        None, description="appointed by decision, not elected: no ballots, no counting minutes"
    )
    members: IdList = Field(
        default_factory=list, description="appointed: the people appointed (ids of people)"
    )

    @model_validator(mode="before")
    @classmethod
    def _appointed_seats(cls, data: object) -> object:
        """An appointed body has as many seats as members, unless the file says otherwise."""
        if isinstance(data, dict) and data.get("appointed") is not None and "seats" not in data:
            members = data.get("members")
            n = 1 if isinstance(members, str) else len(members) if isinstance(members, list) else 0
            if n:
                return {**data, "seats": n}
        return data

    @property
    def listed(self) -> list[str]:
        """Who may hold its seats: the ballot list, or an appointed body's members."""
        return list(self.members) if self.appointed is not None else list(self.candidates)

    rounds: list[Round] = Field(default_factory=list)
    at: Literal["congress", "conference"] | None = None
    for_: Id | None = Field(None, alias="for", description="nomination_poll: the contest it feeds")
    withdrawn: list[Withdrawal] = Field(
        default_factory=list,
        description="withdrawn after the list was published: approved list = candidates + these",
    )
    order: Literal["alphabetical", "as_given"] = Field(
        "alphabetical",
        description="the lists' ballot order: Vietnamese alphabetical by given name (checked, "
        "and sorted by 'tally import people --sort-ballot'), or as_given: as written here",
    )


class Target(Strict):
    min: Quantity | None = None
    max: Quantity | None = None
    age_below: PositiveInt | None = Field(None, description="youth: age on congress.date")
    attribute: str | None = Field(None, description="a person attribute this target counts")


class BornFrom(Strict):
    M: dt.date | None = None
    F: dt.date | None = None


class AgeLimits(Strict):
    """Birth-date cut-offs by sex, as the guidance publishes them."""

    reelection_born_from: BornFrom | None = None
    first_time_born_from: BornFrom | None = None


class BodyPlan(Strict):
    seats: PositiveInt | None = None
    slate: IdList = Field(default_factory=list)
    targets: dict[str, Target] = Field(default_factory=dict)
    age_limits: AgeLimits | None = None


class Posts(Strict):
    secretary: Id | None = None
    deputy_secretary: IdList = Field(default_factory=list)
    inspection_chair: Id | None = None
    standing_committee: IdList = Field(default_factory=list)


class Plan(Strict):
    approved_by: str | None = None
    approved_on: dt.date | None = None
    bodies: dict[Body, BodyPlan] = Field(default_factory=dict)
    posts: Posts = Field(default_factory=Posts)


class Board(Strict):
    """The counting board (ban kiểm phiếu), for the minutes."""

    head: str | None = None
    members: list[str] = Field(default_factory=list)


class Conference(Strict):
    """The first conference of the new committee: its electorate, and the meeting itself.

    The conference votes the standing committee, the secretary, … (``CONFERENCE_BODIES``,
    or a contest's ``at: conference``); their minutes carry its name, date, place and
    counting board. Each defaults to the congress's, except the board: the conference
    chooses its own, so none is borrowed from the congress. In a folder whose
    ``congress.kind`` is ``committee_conference`` the ``congress`` block is the meeting and
    only ``summoned`` and ``present`` are read here.
    """

    summoned: Count | None = Field(None, description="defaults to the committee's seats")
    present: Count | None = None
    name: str | None = Field(
        None,
        min_length=1,
        description="as on the minutes; by default 'Hội nghị lần thứ nhất Ban Chấp hành "
        "<congress.organisation> khóa <the congress's number>'",
    )
    date: dt.date | None = Field(None, description="defaults to congress.date")
    place: str | None = Field(None, description="defaults to congress.place")
    locality: str | None = Field(
        None,
        description="the place name before the date on the minutes; defaults to the congress's",
    )
    board: Board | None = Field(None, description="the conference's own counting board")


def _format_version(value: object) -> object:
    """``version: true`` is not 1, although Python's True == 1."""
    if isinstance(value, bool):
        raise MsgError(msg("v.format_version"))
    return value


class Election(Strict):
    """One election folder's ``election.yaml``."""

    version: Annotated[Literal[1], BeforeValidator(_format_version)]
    rules: str = Field(min_length=1, description="built-in rule set id, or a path to a rules YAML")
    congress: Congress
    electorate: Electorate = Field(default_factory=Electorate)
    conference: Conference | None = None
    people: list[Person] = Field(default_factory=list)
    contests: list[Contest] = Field(default_factory=list)
    plan: Plan | None = None
    board: Board | None = None

    def person(self, person_id: str) -> Person:
        return self.people_by_id[person_id]

    @property
    def people_by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    def contest(self, contest_id: str) -> Contest:
        for c in self.contests:
            if c.id == contest_id:
                return c
        raise KeyError(contest_id)
