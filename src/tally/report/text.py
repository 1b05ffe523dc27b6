"""Sentences of the reports, in both languages, built from the typed reports (no rich).

The terminal report, the minutes and the exports all say the same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import assert_never

from tally.decide import Problem
from tally.findings import Lang
from tally.i18n import MESSAGES, msg
from tally.labels import FIGURE, t, tr
from tally.report.model import Assumption, RoundReport


def base_sentence(parts: Iterable[tuple[str, int]], value: int, lang: Lang) -> str:
    terms: list[str] = []
    for key, count in parts:
        label = tr(FIGURE, key, lang)
        terms.append(
            f"{'− ' if count < 0 else ''}{abs(count)} {label.lower()}"
            if terms
            else f"{count} {label.lower()}"
        )
    return (
        " ".join(terms[:1] + [x if x.startswith("−") else f"+ {x}" for x in terms[1:]])
        + f" = {value}"
    )


def names_of(rd: RoundReport, ids: Iterable[str]) -> str:
    return ", ".join(rd.name_of(i) for i in ids)


def rule_label(key: str, lang: Lang) -> str:
    """A rule-set parameter as a document names it: in Vietnamese in words ("Phiếu gạch hết
    tên không hợp lệ"), never its key; in English its key (``ballot.invalid.all_struck``), as
    the rule files and ``tally rules show`` spell it."""
    if lang == "en" or f"rule.{key}" not in MESSAGES:
        return key
    return msg(f"rule.{key}").text(lang)


def assumption_text(a: Assumption, lang: Lang | None = None) -> str:
    """``"U: decision.tie — QĐ 190-QĐ/TW … (note)"``: the rule, its citation and its note.

    Without ``lang``, the form the JSON documents quote (a contract: English, the key). With
    it, the form a document shows: the rule as :func:`rule_label` names it, the citation and
    the note in ``lang`` when the rule set gives them in both languages (else as written).
    """
    if lang is None:
        note = f" ({a.note})" if a.note else ""
        return f"{a.provenance}: {a.key} — {a.cite}{note}"
    vi = lang == "vi"
    cite = a.cite_vi if vi and a.cite_vi else a.cite
    text = a.note_vi if vi and a.note_vi else a.note
    note = f" ({text})" if text else ""
    return f"{a.provenance}: {rule_label(a.key, lang)} — {cite}{note}"


def problem_text(p: Problem, lang: Lang) -> str:
    return p.vi if lang == "vi" else p.en


def decimal(number: str, lang: Lang) -> str:
    """Vietnamese writes a decimal comma: 89,41."""
    return number.replace(".", ",") if lang == "vi" else number


def outcome_sentence(rd: RoundReport, lang: Lang) -> str:
    """One plain sentence for the outcome of a round."""
    outcome = rd.outcome
    if outcome == "rejected":
        return t(
            lang,
            "Các con số không khớp: kết quả không được công nhận. Ban kiểm phiếu kiểm tra lại.",
            "The figures do not reconcile: no result is accepted. The board must recheck.",
        )
    if outcome == "void":
        return t(
            lang,
            "Số cử tri đã bỏ phiếu không quá một nửa tổng số cử tri trong danh sách: phải bầu cử lại.",
            "Turnout is not above half of the registered voters: the election must be re-run.",
        )
    if rd.poll is not None:
        poll = rd.poll
        adm = names_of(rd, poll.admitted) or t(lang, "không ai", "nobody")
        text = t(
            lang,
            f"Cần hơn 30% của {poll.attending} đại biểu dự, tức ít nhất {poll.needed} phiếu đồng ý. "
            f"Được đưa vào danh sách: {adm}.",
            f"More than 30% of {poll.attending} attending needed, at least {poll.needed} agree marks. "
            f"Admitted to the list: {adm}.",
        )
        if poll.tied:
            text += t(
                lang,
                f" Ngang phiếu ở vị trí cuối: {names_of(rd, poll.tied)} — đại hội quyết định.",
                f" Tied at the cut: {names_of(rd, poll.tied)} — the congress decides.",
            )
        return text
    need = (
        t(
            lang,
            f"Cần quá 1/2 của {rd.base}, tức ít nhất {rd.threshold} phiếu. ",
            f"More than half of {rd.base} needed, at least {rd.threshold} votes. ",
        )
        if rd.threshold is not None
        else ""
    )
    tie = rd.tie
    if outcome == "tie":
        assert tie is not None  # a decided round tied across the last seat
        return need + t(
            lang,
            f"{names_of(rd, tie.candidates)} ngang nhau {tie.votes} phiếu cho {tie.seats} chỗ còn lại: "
            "đại hội bầu lại trong số những người này.",
            f"{names_of(rd, tie.candidates)} are tied on {tie.votes} votes for the {tie.seats} seat(s) left: "
            "the congress votes again among them.",
        )
    text = need
    if tie and tie.elected_by_age:
        text += t(
            lang,
            f"{names_of(rd, tie.candidates)} ngang nhau {tie.votes} phiếu; người nhiều tuổi hơn "
            f"({names_of(rd, tie.elected_by_age)}) trúng cử. ",
            f"{names_of(rd, tie.candidates)} are tied on {tie.votes} votes; the older "
            f"({names_of(rd, tie.elected_by_age)}) is elected. ",
        )
    if outcome == "shortfall":
        return text + t(
            lang,
            f"{rd.open_seats} ghế còn trống: đại hội quyết định bầu tiếp trong số những người chưa trúng cử.",
            f"{rd.open_seats} seat(s) open: the congress decides whether to vote again among those not elected.",
        )
    if outcome != "complete":
        assert_never(outcome)
    return text + t(
        lang,
        f"Đã bầu đủ {rd.seats} người; kết quả chờ cấp có thẩm quyền chuẩn y.",
        f"All {rd.seats} seat(s) filled; the result awaits confirmation by the competent committee.",
    )


def not_counted_sentence(lang: Lang) -> str:
    """A contest none of whose rounds names a ballot file or tally sheets yet."""
    return t(
        lang,
        "Chưa kiểm phiếu: election.yaml chưa ghi tệp phiếu bầu (ballots:) hay biên bản của các "
        "tổ (tallies:) cho vòng bầu nào.",
        "Not counted: election.yaml names no ballot file (ballots:) or tally sheets (tallies:) "
        "for any of its rounds.",
    )
