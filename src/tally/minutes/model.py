"""The minutes of one contest and round (biên bản kiểm phiếu), as plain data for the renderers.

Built from the round's part of the count report (:mod:`tally.report.model`), so every figure a
board signs is the figure the count printed: the renderers (Markdown, HTML, DOCX) only lay it
out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tally.config.models import Election
from tally.findings import Lang
from tally.kinds import CandidateStatus, Outcome
from tally.labels import BODY, FIGURE, REASON, STATUS, t, tr
from tally.report.model import CountReport
from tally.report.text import (
    assumption_text,
    base_sentence,
    decimal,
    outcome_sentence,
    problem_text,
    rule_label,
)

PARTY = ("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM")
STATE = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM")
STATE_MOTTO = ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness")


@dataclass(frozen=True)
class Figure:
    key: str  # stable: issued, collected, valid, invalid, invalid.<reason>, base, …
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


@dataclass(frozen=True)
class Minutes:
    lang: Lang
    family: str  # party | state
    header_left: tuple[str, ...]  # organisation, "BAN KIỂM PHIẾU"
    header_right: tuple[str, ...]  # party (or state) heading
    date_line: str  # "ngày 23 tháng 7 năm 2020"
    title: str  # BIÊN BẢN KIỂM PHIẾU
    election_title: str  # the contest's name, with the round
    congress: str
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
    footnotes: tuple[str, ...]  # one per I/U rule the result rests on
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


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _date_line(day: dt.date, locality: str | None, lang: Lang) -> str:
    where = f"{locality}, " if locality else ""
    if lang == "vi":
        return f"{where}ngày {day.day} tháng {day.month} năm {day.year}"
    return f"{where}{day.day} {MONTHS[day.month - 1]} {day.year}"


def build(
    report: CountReport,
    contest_id: str,
    round_no: int,
    election: Election,
    rules_title: str,
    family: str,
    fingerprint: str,
    fingerprint_short: str,
    lang: Lang,
    *,
    rehearsal: bool = False,
) -> Minutes:
    """The minutes of ``contest_id`` round ``round_no`` from the count report."""
    contest = next(c for c in report.contests if c.id == contest_id)
    rd = next(r for r in contest.rounds if r.number == round_no)
    congress = election.congress
    board = election.board
    body = tr(BODY, contest.body, lang)
    name = contest.name or t(lang, f"Bầu {body}", f"Election of the {body.lower()}")
    title_round = t(lang, f"(lần {round_no})", f"(round {round_no})")

    b = rd.ballots
    figures: list[Figure] = []
    if rd.registered is not None:
        figures.append(
            Figure("registered", t(lang, "Tổng số cử tri", "Registered voters"), rd.registered)
        )
    elif rd.base_parts:
        for key, count in rd.base_parts:
            figures.append(Figure(f"base.{key}", tr(FIGURE, key, lang), abs(count)))
    figures.append(
        Figure(
            "base",
            t(lang, "Số dùng làm cơ sở tính kết quả", "Base for the majority"),
            rd.base,
        )
    )
    figures.append(
        Figure(
            "threshold",
            t(lang, "Số phiếu cần để trúng cử", "Votes needed to be elected"),
            rd.threshold,
        )
    )
    if rd.present is not None:
        figures.append(Figure("present", t(lang, "Số có mặt", "Present"), rd.present))
    figures += [
        Figure("issued", t(lang, "Số phiếu phát ra", "Ballots issued"), b.issued),
        Figure("collected", t(lang, "Số phiếu thu vào", "Ballots collected"), b.collected),
        Figure("valid", t(lang, "Số phiếu hợp lệ", "Valid ballots"), b.valid),
        Figure("invalid", t(lang, "Số phiếu không hợp lệ", "Invalid ballots"), b.invalid),
    ]
    for reason, count in b.invalid_by_reason:
        figures.append(Figure(f"invalid.{reason}", "– " + tr(REASON, reason, lang), count))

    candidates = tuple(
        CandidateRow(
            c.position,
            c.name,
            c.votes,
            decimal(c.pct_of_base or "", lang),
            c.status,
            tr(STATUS, c.status, lang) if c.status else "",
        )
        for c in rd.candidates
    )
    votes = {c.id: c.votes for c in rd.candidates}
    elected = tuple((rd.name_of(pid), votes[pid]) for pid in rd.elected)
    if rd.base is not None and rd.base_parts:
        base_text = base_sentence(rd.base_parts, rd.base, lang)
    else:
        base_text = f"{tr(FIGURE, rd.base_kind, lang)} = {rd.base}"
    is_state = family == "state"
    return Minutes(
        lang=lang,
        family=family,
        header_left=tuple(
            x
            for x in (
                (congress.organisation or congress.convened_by or congress.name).upper()
                if not is_state
                else None,
                t(lang, "TỔ BẦU CỬ" if is_state else "BAN KIỂM PHIẾU", "COUNTING BOARD"),
            )
            if x
        ),
        header_right=(t(lang, *STATE), t(lang, *STATE_MOTTO)) if is_state else (t(lang, *PARTY),),
        date_line=_date_line(congress.date, congress.locality, lang),
        title=t(lang, "BIÊN BẢN KIỂM PHIẾU", "MINUTES OF THE COUNT"),
        election_title=f"{name} {title_round}",
        congress=congress.name,
        term=congress.term,
        place=congress.place,
        board_head=board.head if board else None,
        board_members=tuple(board.members) if board else (),
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
        footnotes=tuple(assumption_text(a, lang) for a in rd.assumptions),
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
    )
