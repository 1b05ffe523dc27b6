"""The minutes of one contest and round (biên bản kiểm phiếu): the figures and the words.

Built from the round's part of the count report (:mod:`tally.report.model`), so every figure a
board signs is the figure the count printed. Every word is chosen here, once, from the message
catalogue (:mod:`tally.i18n`, the ``minutes.*`` ids): the title, the section heads, the table
heads, the roles, the figure labels and the imprint. The three layouts (Markdown, HTML, DOCX)
and the hall view only lay them out, so they cannot word the same minutes differently.

The words follow the meeting (``congress.kind``): a constituency of a state election is
counted by the election team (Tổ bầu cử, its head the Tổ trưởng, its electorate the voters),
a party congress by the counting board (Ban kiểm phiếu, its head the Trưởng ban), whose
electorate is the members (đảng viên) of a members' congress and the delegates (đại biểu) of a
delegates' congress.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tally.documents.parts import Closing, ImprintLine, Signature, sign_hint
from tally.election import Contest, Election
from tally.i18n import Param, msg
from tally.kinds import CandidateStatus, Lang, MeetingKind, Outcome
from tally.labels import BODY, FIGURE, REASON, STATUS, tr
from tally.report.model import CountReport, RoundReport
from tally.report.text import (
    base_sentence,
    decimal,
    outcome_sentence,
    problem_text,
    rule_label,
)
from tally.ruleset.models import UNVERIFIED

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_ROMAN = ("I", "II", "III", "IV", "V", "VI")


@dataclass(frozen=True)
class Figure:
    key: str  # stable: seats, issued, collected, valid, invalid, invalid.<reason>, base, …
    label: str
    value: int | None


@dataclass(frozen=True)
class CandidateRow:
    position: int
    name: str
    votes: int
    pct: str  # of the base, as the rule set prints it (decimal comma in Vietnamese)
    status: CandidateStatus | None
    status_label: str
    # Agree/disagree ballots only: the disagree rows and the rows with both boxes or neither,
    # with their shares as ``pct``; None when not known (a tally sheet that does not give them).
    disagree: int | None = None
    disagree_pct: str = ""
    unmarked: int | None = None
    unmarked_pct: str = ""

    @property
    def row_figures(self) -> tuple[str, str, str, str]:
        """The disagree and unmarked rows and their shares as printed; ``—`` when not known."""
        return (
            "—" if self.disagree is None else str(self.disagree),
            self.disagree_pct if self.disagree is not None else "",
            "—" if self.unmarked is None else str(self.unmarked),
            self.unmarked_pct if self.unmarked is not None else "",
        )


@dataclass(frozen=True)
class Clock:
    """A time of the count as the minutes print it: ``HH:MM`` on the wall clock, with its day
    when that is not the day the sentence assumes (the meeting's, or the day the count began)."""

    hhmm: str
    day: dt.date | None = None


@dataclass(frozen=True)
class Note:
    """A reading the result rests on that the text does not state (an I or U rule): printed
    once, as a numbered note under the rules, the rule's row carrying its number."""

    rule: str  # the rule as the rules table names it
    provenance: str  # I | U
    reading: str | None  # the rule set's note, in the minutes' language when it gives one


@dataclass(frozen=True)
class Minutes:
    lang: Lang
    family: str  # party | state: from the meeting's kind
    header_left: tuple[str, ...]  # organisation, "BAN KIỂM PHIẾU"
    header_right: tuple[str, ...]  # party (or state) heading
    date_line: str  # "ngày 23 tháng 7 năm 2020"
    title: str  # BIÊN BẢN KIỂM PHIẾU
    election_title: str  # the contest's name, with the round
    congress: str  # the name of the meeting that votes: the congress, or the conference
    term: str | None
    place: str | None
    board_head: str | None
    board_members: tuple[str, ...]
    seats: int
    base: int | None
    threshold: int | None
    base_text: str
    figures: tuple[Figure, ...]
    candidates: tuple[CandidateRow, ...]
    elected: tuple[tuple[str, int], ...]  # (name, votes), most votes first
    outcome: Outcome
    outcome_text: str
    problems: tuple[str, ...]  # figures that do not reconcile, then warnings (empty rows)
    rules: tuple[tuple[str, str, str], ...]  # (rule key, citation, provenance)
    notes: tuple[Note, ...]  # one per I/U rule the result rests on, in the rules' order
    pending_confirmation: bool
    rehearsal: bool
    tool: str
    rules_id: str
    rules_title: str
    fingerprint: str
    fingerprint_short: str
    inputs: tuple[tuple[str, str], ...]  # (path, sha256)
    contest_id: str
    round: int
    # An agree/disagree ballot: the candidates' table gives each person's agree, disagree and
    # unmarked rows (the votes are the agree rows).
    rows_shown: bool = False
    began: Clock | None = None  # None: a blank to fill in by hand
    ended: Clock | None = None
    copies: int | None = None

    # --- the words, from the catalogue in the minutes' language

    def word(self, id: str, /, **params: Param) -> str:
        return msg(id, **params).text(self.lang)

    @property
    def header_mark(self) -> str:
        """The star under the issuing body of a Party paper (HD 36-HD/VPTW); none for the State."""
        return "*" if self.family == "party" else ""

    @property
    def congress_line(self) -> str:
        if self.term and self.term not in self.congress:
            return self.word("minutes.congress_term", congress=self.congress, term=self.term)
        return self.congress

    @property
    def place_line(self) -> str | None:
        return self.word("minutes.place", place=self.place) if self.place else None

    @property
    def board_intro(self) -> str | None:
        """The sentence before the board's names; None when the election names no board."""
        if not (self.board_head or self.board_members):
            return None
        return self.word(f"minutes.board_intro.{self.family}")

    @property
    def board_lines(self) -> tuple[str, ...]:
        head = self.word(f"minutes.role.head.{self.family}")
        member = self.word("minutes.role.member")
        people = [(self.board_head, head)] if self.board_head else []
        people += [(name, member) for name in self.board_members]
        return tuple(self.word("minutes.board_line", name=n, role=r) for n, r in people)

    def _sections(self) -> list[str]:
        keys = ["figures", "votes", "elected"]
        keys += ["rules"] if self.rules else []
        return keys

    def heading(self, key: str) -> str:
        """The numbered head of a section (figures, votes, elected, rules)."""
        number = _ROMAN[self._sections().index(key)]
        return self.word(
            "minutes.section", number=number, title=self.word(f"minutes.section.{key}")
        )

    def heads(self, *ids: str) -> tuple[str, ...]:
        """Table heads by their catalogue ids (``minutes.head.<id>``)."""
        return tuple(self.word(f"minutes.head.{x}") for x in ids)

    @property
    def candidate_heads(self) -> tuple[str, ...]:
        """The heads of the candidates' table: on an agree/disagree ballot each row's three
        figures with their shares, else the votes and their share."""
        if self.rows_shown:
            return self.heads(
                "no", "name", "agree", "pct", "disagree", "pct", "unmarked", "pct", "result"
            )
        return self.heads("no", "name", "votes", "pct", "result")

    @property
    def figure_rows(self) -> tuple[Figure, ...]:
        """The seats to fill, then the figures of the round."""
        return (Figure("seats", self.word("minutes.fig.seats"), self.seats), *self.figures)

    @property
    def base_line(self) -> str:
        return self.word("minutes.base", text=self.base_text)

    @property
    def elected_rows(self) -> tuple[tuple[int, str, int], ...]:
        return tuple((i, name, votes) for i, (name, votes) in enumerate(self.elected, 1))

    @property
    def pending_line(self) -> str:
        """Party rules: the result awaits approval (chuẩn y); state law: the credentials of those
        elected await confirmation (xác nhận tư cách, Luật 85/2015/QH13 Điều 86–88)."""
        return self.word("minutes.pending.state" if self.family == "state" else "minutes.pending")

    @property
    def outcome_line(self) -> str:
        return self.word("minutes.outcome", text=self.outcome_text)

    @property
    def rule_rows(self) -> tuple[tuple[str, str, str], ...]:
        """(key, citation, provenance): an I or U rule marked ``*``, and the number of its note
        when the rule set says how it reads it."""
        numbers = {note.rule: i for i, note in enumerate(self._read, 1)}
        rows = []
        for key, cite, prov in self.rules:
            mark = ""
            if prov in UNVERIFIED:
                n = numbers.get(key)
                mark = "*" + (str(n).translate(_SUPERSCRIPT) if n else "")
            rows.append((key, cite, prov + mark))
        return tuple(rows)

    @property
    def rule_lines(self) -> tuple[str, ...]:
        """The rules applied, a line each: the rule in words, its citation, its provenance."""
        return tuple(
            self.word("minutes.rule", rule=key, cite=cite, source=prov)
            for key, cite, prov in self.rule_rows
        )

    @property
    def _read(self) -> tuple[Note, ...]:
        return tuple(note for note in self.notes if note.reading)

    @property
    def footnotes(self) -> tuple[str, ...]:
        """The numbered notes: each reading once, as a sentence (the rule, its citation and
        its provenance are in the row that carries the note's number)."""
        return tuple(
            self.word("minutes.note", reading=n.reading[:1].upper() + n.reading[1:])
            for n in self._read
            if n.reading
        )

    def _at(self, clock: Clock | None) -> str:
        if clock is None:
            return self.word("minutes.clock.blank")
        hours, minutes = clock.hhmm.split(":")
        at = self.word("minutes.clock", hours=hours, minutes=minutes)
        if clock.day is None:
            return at
        return self.word("minutes.clock.day", clock=at, date=_date_line(clock.day, None, self.lang))

    @property
    def began_line(self) -> str:
        """When the count began, from the entry journal or election.yaml, else a blank."""
        return self.word("minutes.began", at=self._at(self.began))

    @property
    def ended_line(self) -> str:
        return self.word("minutes.ended", at=self._at(self.ended))

    @property
    def copies_line(self) -> str:
        """``Biên bản được lập thành … bản``: the number from election.yaml, else a blank."""
        if self.copies is None:
            return self.word("minutes.copies.blank")
        return self.word("minutes.copies", copies=self.copies)

    @property
    def closing(self) -> Closing:
        """When the count ended and the copies, the signatures of the board's head and members,
        and the imprint: all on the page that is signed."""
        members = self.board_members or ("", "")
        return Closing(
            (
                Signature(
                    self.word(f"minutes.sign.head.{self.family}"), (self.board_head or "",), "head"
                ),
                Signature(self.word("minutes.sign.members"), members, "member", wide=True),
            ),
            sign_hint(self.lang),
            self.imprint,
            (self.ended_line, self.copies_line),
        )

    @property
    def imprint(self) -> tuple[ImprintLine, ...]:
        lead = self.word(
            "minutes.imprint", tool=self.tool, rules=self.rules_id, title=self.rules_title
        )
        return (
            ImprintLine(lead, self.fingerprint_short, "fingerprint"),
            ImprintLine(self.word("minutes.imprint.full"), self.fingerprint, "full"),
        )

    @property
    def hall_ballots(self) -> str:
        """The ballots issued, collected, valid and invalid, on one line of the hall screen."""
        value = {f.key: "—" if f.value is None else str(f.value) for f in self.figures}
        return self.word(
            "minutes.hall.ballots",
            issued=value.get("issued", "—"),
            collected=value.get("collected", "—"),
            valid=value.get("valid", "—"),
            invalid=value.get("invalid", "—"),
        )

    @property
    def fingerprint_line(self) -> str:
        """``Mã kiểm tra XXXX-…``: at the foot of every printed page and on the hall screen."""
        return f"{self.word('doc.fingerprint')} {self.fingerprint_short}"

    def needed(self, threshold: int) -> str:
        return self.word("minutes.needed", threshold=threshold)


def _date_line(day: dt.date, locality: str | None, lang: Lang) -> str:
    where = msg("doc.date.where", locality=locality).text(lang) if locality else ""
    month = msg(f"doc.month.{day.month}")
    return msg("doc.date", where=where, day=day.day, month=month, year=day.year).text(lang)


def _count_times(
    contest: Contest | None,
    round_no: int,
    entered: tuple[dt.datetime, dt.datetime] | None,
    meeting_day: dt.date,
) -> tuple[Clock | None, Clock | None]:
    """When the count began and ended: the journal's times, else the typed ones, else blanks.

    A day is printed only where it is not the one the sentence assumes: the meeting's day for
    the beginning, the beginning's day for the end (a count that went on past midnight).
    """
    if entered is not None:
        first, last = entered
        began = Clock(f"{first:%H:%M}", None if first.date() == meeting_day else first.date())
        ended = Clock(f"{last:%H:%M}", None if last.date() == first.date() else last.date())
        return began, ended
    rounds = contest.rounds if contest is not None else []
    typed = rounds[round_no - 1].counted if 0 < round_no <= len(rounds) else None
    if typed is None:
        return None, None
    return (
        Clock(typed.from_) if typed.from_ else None,
        Clock(typed.to) if typed.to else None,
    )


def family_of(kind: MeetingKind) -> str:
    """Whose words the minutes speak: the state's for a constituency, else the party's."""
    return "state" if kind == "constituency" else "party"


def _figures(rd: RoundReport, meeting: MeetingKind, lang: Lang) -> list[Figure]:
    """The round's figures, in the order the minutes list them: the base's parts (or the
    registered voters), the base and threshold, who is present, the ballots, and each reason a
    ballot was invalid."""

    def word(id: str, /, **params: Param) -> str:
        return msg(id, **params).text(lang)

    b = rd.ballots
    figures: list[Figure] = []
    if rd.registered is not None:
        figures.append(Figure("registered", word("minutes.fig.registered"), rd.registered))
    elif rd.base_parts:
        for key, count in rd.base_parts:
            figures.append(Figure(f"base.{key}", tr(FIGURE, key, lang), abs(count)))
    figures.append(Figure("base", word("minutes.fig.base"), rd.base))
    figures.append(Figure("threshold", word("minutes.fig.threshold"), rd.threshold))
    if rd.present is not None:
        figures.append(Figure("present", word(f"minutes.fig.present.{meeting}"), rd.present))
    figures += [
        Figure(key, word(f"minutes.fig.{key}"), value)
        for key, value in (
            ("issued", b.issued),
            ("collected", b.collected),
            ("valid", b.valid),
            ("invalid", b.invalid),
        )
    ]
    for reason, count in b.invalid_by_reason:
        label = word("minutes.fig.reason", reason=tr(REASON, reason, lang))
        figures.append(Figure(f"invalid.{reason}", label, count))
    return figures


def _candidate_rows(rd: RoundReport, lang: Lang) -> tuple[CandidateRow, ...]:
    """One row per name on the ballot: votes, share of the base, status (and the agree/disagree
    rows' other figures)."""
    return tuple(
        CandidateRow(
            c.position,
            c.name,
            c.votes,
            decimal(c.pct_of_base or "", lang),
            c.status,
            tr(STATUS, c.status, lang) if c.status else "",
            c.disagree.count if c.disagree else None,
            decimal(c.disagree.pct_of_base or "", lang) if c.disagree else "",
            c.unmarked.count if c.unmarked else None,
            decimal(c.unmarked.pct_of_base or "", lang) if c.unmarked else "",
        )
        for c in rd.candidates
    )


def build(
    report: CountReport,
    contest_id: str,
    round_no: int,
    election: Election,
    rules_title: str,
    fingerprint: str,
    fingerprint_short: str,
    lang: Lang,
    *,
    rehearsal: bool = False,
    entered: tuple[dt.datetime, dt.datetime] | None = None,
) -> Minutes:
    """The minutes of ``contest_id`` round ``round_no`` from the count report.

    ``entered`` is when the round's ballots were entered (its entry journals' first and last
    entries): the time the count began and ended. Without it, the times typed on the round in
    election.yaml (``counted``), else blanks to fill in by hand.
    """
    contest = next(c for c in report.contests if c.id == contest_id)
    rd = next(r for r in contest.rounds if r.number == round_no)
    congress = election.congress
    family = family_of(congress.kind)
    # The meeting that votes the contest heads and signs its minutes, and who is present is
    # said in its words: the committee's conference for the standing committee, the
    # secretary, …, else the congress. A round voted at a session of its own (a re-vote at a later sitting)
    # carries that session's name, date, place and board.
    held = rd.meeting or contest.meeting
    meeting: MeetingKind = held.kind

    def word(id: str, /, **params: Param) -> str:
        return msg(id, **params).text(lang)

    body = tr(BODY, contest.body, lang)
    name = contest.name or word("minutes.contest", body=body if lang == "vi" else body.lower())

    figures = _figures(rd, meeting, lang)
    candidates = _candidate_rows(rd, lang)
    votes = {c.id: c.votes for c in rd.candidates}
    elected = tuple((rd.name_of(pid), votes[pid]) for pid in rd.elected)
    if rd.base is not None and rd.base_parts:
        base_text = base_sentence(rd.base_parts, rd.base, lang)
    else:
        base_text = word(
            "minutes.base_equals", label=tr(FIGURE, rd.base_kind, lang), base=str(rd.base)
        )
    config = next((c for c in election.contests if c.id == contest_id), None)
    began, ended = _count_times(config, round_no, entered, held.date)
    is_state = family == "state"
    organisation = (congress.organisation or congress.convened_by or congress.name).upper()
    return Minutes(
        lang=lang,
        family=family,
        header_left=(
            (word("minutes.board.state"),)
            if is_state
            else (organisation, word("minutes.board.party"))
        ),
        header_right=(
            (word("minutes.header.state"), word("minutes.header.motto"))
            if is_state
            else (word("minutes.header.party"),)
        ),
        date_line=_date_line(held.date, held.locality, lang),
        title=word("minutes.title"),
        election_title=word("minutes.election", name=name, round=round_no),
        congress=held.title(lang),
        term=held.term,
        place=held.place,
        board_head=held.board_head,
        board_members=held.board_members,
        seats=rd.seats,
        base=rd.base,
        threshold=rd.threshold,
        base_text=base_text,
        figures=tuple(figures),
        candidates=candidates,
        elected=elected,
        outcome=rd.outcome,
        outcome_text=outcome_sentence(rd, lang),
        problems=tuple(problem_text(p, lang) for p in (*rd.problems, *rd.warnings)),
        rules=tuple(
            (
                rule_label(r.key, lang),
                r.cite_vi if lang == "vi" and r.cite_vi else r.cite,
                r.provenance,
            )
            for r in rd.rules_applied
        ),
        notes=tuple(
            Note(
                rule_label(a.key, lang),
                a.provenance,
                (a.note_vi if lang == "vi" and a.note_vi else a.note or "").rstrip(". ") or None,
            )
            for a in rd.assumptions
        ),
        pending_confirmation=rd.pending_confirmation,
        rehearsal=rehearsal,
        tool=report.tool,
        rules_id=report.rules,
        rules_title=rules_title,
        fingerprint=fingerprint,
        fingerprint_short=fingerprint_short,
        inputs=tuple(sorted(report.inputs)),
        contest_id=contest_id,
        round=round_no,
        rows_shown=rd.layout == "agree_disagree",
        began=began,
        ended=ended,
        copies=congress.copies,
    )
