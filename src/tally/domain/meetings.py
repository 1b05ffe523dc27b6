"""The meeting that votes each contest: the congress, or the first conference of the new committee.

A contest of the standing committee, the secretary, … is voted at the committee's first
conference (:func:`tally.domain.bodies.meets_at_conference`), not at the congress: its
minutes carry the conference's name, date, place and counting board. election.yaml gives them
under ``conference:``; what it leaves out is taken from the congress — the name is derived
("Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ … khóa …"), the date, place and locality are the
congress's — except the counting board, which the conference chooses itself: none is borrowed.

Values only, no language: a derived name is a catalogue message, worded when shown.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from tally.domain.bodies import meets_at_conference
from tally.election import Board, Contest, Election
from tally.i18n import Msg, msg
from tally.kinds import Lang, MeetingKind, Venue


@dataclass(frozen=True)
class Meeting:
    """A meeting that votes: what the minutes of its contests are headed and signed with."""

    at: Venue
    kind: MeetingKind  # whose words say who is present: committee_conference at the conference
    name: str | Msg  # as typed in election.yaml, or derived from the congress
    date: dt.date
    term: str | None
    place: str | None
    locality: str | None  # the place name before the date on the minutes
    board_head: str | None
    board_members: tuple[str, ...]

    def title(self, lang: Lang) -> str:
        """The meeting's name in ``lang`` (a typed name is shown as typed)."""
        return self.name if isinstance(self.name, str) else self.name.text(lang)


# "… Đảng bộ huyện Đông Lâm lần thứ XXII, …": the organisation and the congress's number, which
# is the number (khóa) of the committee it elects.
_ORGANISATION = re.compile(r"\b((?:Đảng|Chi) bộ\s.+?)(?=\s+lần thứ\b|\s*[,(–-]|$)", re.I)
_NUMBER = re.compile(r"\blần thứ\s+([IVXLCDM]+|\d+)\b", re.I)


def _board(board: Board | None) -> tuple[str | None, tuple[str, ...]]:
    return (board.head, tuple(board.members)) if board else (None, ())


def congress_meeting(election: Election) -> Meeting:
    """The congress (or, in a folder of kind ``committee_conference``, the conference itself)."""
    c = election.congress
    head, members = _board(election.board)
    return Meeting("congress", c.kind, c.name, c.date, c.term, c.place, c.locality, head, members)


def conference_name(election: Election) -> Msg:
    """The first conference's name derived from the congress's organisation and number."""
    congress = election.congress
    found = _ORGANISATION.search(congress.name)
    organisation = congress.organisation or (found.group(1) if found else None)
    number = _NUMBER.search(congress.name)
    if organisation is None:
        return msg("conference.first.bare")
    if number is None:
        return msg("conference.first.no_number", organisation=organisation)
    return msg("conference.first", organisation=organisation, number=number.group(1).upper())


def conference_meeting(election: Election) -> Meeting:
    """The first conference of the new committee, its blanks filled from the congress."""
    congress = election.congress
    conf = election.conference
    head, members = _board(conf.board if conf else None)
    return Meeting(
        "conference",
        "committee_conference",
        (conf.name if conf else None) or conference_name(election),
        (conf.date if conf else None) or congress.date,
        congress.term,
        (conf.place if conf else None) or congress.place,
        (conf.locality if conf else None) or congress.locality,
        head,
        members,
    )


def meeting_of(election: Election, contest: Contest, round_index: int | None = None) -> Meeting:
    """The meeting that votes ``contest`` or, given a round (0-based), that round.

    A round with a ``session:`` (a re-vote at a later sitting) is voted at the contest's meeting
    with the session's name, date, place, locality and board where it gives them.
    """
    if election.congress.kind != "committee_conference" and meets_at_conference(election, contest):
        held = conference_meeting(election)
    else:
        held = congress_meeting(election)
    rounds = contest.rounds
    session = (
        rounds[round_index].session
        if round_index is not None and round_index < len(rounds)
        else None
    )
    if session is None:
        return held
    head, members = (
        _board(session.board) if session.board else (held.board_head, held.board_members)
    )
    return replace(
        held,
        name=session.name or held.name,
        date=session.date or held.date,
        place=session.place or held.place,
        locality=session.locality or held.locality,
        board_head=head,
        board_members=members,
    )


def session_of(contest: Contest, round_index: int) -> bool:
    """Whether round ``round_index`` (0-based) of ``contest`` is voted at a session of its own."""
    rounds = contest.rounds
    return round_index < len(rounds) and rounds[round_index].session is not None
