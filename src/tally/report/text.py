"""Sentences of the reports, in both languages, built from the typed reports (no rich).

The terminal report, the minutes and the exports all say the same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import assert_never

from tally.decide import Problem
from tally.findings import Lang
from tally.i18n import MESSAGES, Msg, Param, Quoted, Ratio, majority_words, msg
from tally.labels import FIGURE, tr
from tally.report.model import AppliedRule, AppointedReport, Assumption, RoundReport


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
    return p.text(lang)


def decimal(number: str, lang: Lang) -> str:
    """Vietnamese writes a decimal comma: 89,41."""
    return number.replace(".", ",") if lang == "vi" else number


def outcome_messages(rd: RoundReport) -> list[Msg]:
    """The sentences that say the outcome of a round, with the rule set's own values."""
    outcome = rd.outcome
    if outcome == "rejected":
        return [msg("report.rejected")]
    if outcome == "void":
        turnout = rd.turnout if rd.turnout is not None else Fraction(1, 2)
        said = [msg("report.void", turnout=majority_words(turnout, "share.half.words"))]
        return said + _within(rd)
    if rd.poll is not None:
        poll = rd.poll
        admitted: Param = names_of(rd, poll.admitted) or msg("report.nobody")
        said = [
            msg(
                "report.poll",
                share=Ratio(poll.more_than),
                attending=poll.attending,
                needed=poll.needed,
                admitted=admitted,
            )
        ]
        if poll.tied:
            said.append(msg("report.poll.tied", names=names_of(rd, poll.tied)))
        return said
    said = []
    if rd.threshold is not None:
        said.append(need_message(rd.majority, rd.base or 0, rd.threshold))
    tie = rd.tie
    if outcome == "tie":
        assert tie is not None  # a decided round tied across the last seat
        names = names_of(rd, tie.candidates)
        if tie.resolution == "revote" and rd.assembly is not None:  # state law: age cannot tell
            cite = _cited(rd, "decision.tie")
            return [
                *said,
                msg("report.tie.state", names=names, votes=tie.votes, seats=tie.seats, cite=cite),
            ]
        return [*said, msg("report.tie", names=names, votes=tie.votes, seats=tie.seats)]
    if tie and tie.elected_by_age:
        older = names_of(rd, tie.elected_by_age)
        names = names_of(rd, tie.candidates)
        said.append(msg("report.tie.by_age", names=names, votes=tie.votes, older=older))
    if outcome == "shortfall":
        return [*said, msg("report.shortfall", open=rd.open_seats)]
    if outcome == "additional_due" or outcome == "council_decides":
        cite = _cited(rd, "decision.later_rounds")
        return [*said, msg(f"report.{outcome}", open=rd.open_seats, cite=cite), *_within(rd)]
    if outcome == "final":
        # the first election left two thirds filled, or the additional election is spent
        # (a re-run is a first election again)
        additional = rd.number > 1 and not rd.rerun
        reason = "report.final.no_more" if additional else "report.final.two_thirds"
        return [*said, msg(reason, open=rd.open_seats, cite=_cited(rd, "decision.later_rounds"))]
    if outcome != "complete":
        assert_never(outcome)
    if rd.assembly is not None:  # state law: who confirms the credentials (Điều 86–88)
        return [*said, msg(f"report.complete.{rd.assembly}", seats=rd.seats)]
    return [*said, msg("report.complete", seats=rd.seats)]


def _cited(rd: RoundReport, key: str) -> Quoted:
    """The citation of the rule ``key`` the round rests on, in the rule set's own words."""
    rule: AppliedRule | None = next((r for r in rd.rules_applied if r.key == key), None)
    return Quoted(rule.cite, rule.cite_vi) if rule is not None else Quoted(key)


def _within(rd: RoundReport) -> list[Msg]:
    """When the vote this round calls for must be held, if the rule set says."""
    return [msg("report.within_days", days=rd.within_days)] if rd.within_days else []


def need_message(majority: Fraction, base: int, threshold: int) -> Msg:
    """``Cần quá 1/2 của 110, tức ít nhất 56 phiếu.``: the rule's share of the base."""
    return msg("report.need", majority=majority_words(majority), base=base, threshold=threshold)


def outcome_sentence(rd: RoundReport, lang: Lang) -> str:
    """One plain sentence for the outcome of a round."""
    return " ".join(m.text(lang) for m in outcome_messages(rd))


def appointed_sentence(a: AppointedReport, lang: Lang) -> str:
    """A body appointed by decision, in the words of ``tally validate``'s note."""
    from tally.checks import appointed_message  # only for an appointed body: not on count's path

    return appointed_message(a.decision, a.date, a.by, len(a.members)).text(lang)


def not_counted_sentence(lang: Lang) -> str:
    """A contest none of whose rounds names a ballot file or tally sheets yet."""
    return msg("report.not_counted").text(lang)
