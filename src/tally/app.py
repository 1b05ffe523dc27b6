"""The application: what a command asks for, run, and returned as one typed report.

``tally validate``, ``tally count``, ``tally check``, ``tally minutes`` and ``tally recount``
all get their results here, so a batch recount gives each election exactly the report a
single ``tally check`` gives, and no command computes a figure its own way. The reports
(:mod:`tally.report.model`) carry no language; the caller renders them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

# The engine and the checks by module, looked up at each call: a caller (or a test planting a
# bug) that substitutes one of their functions substitutes it for every command. The checks,
# the audit and the minutes are imported by the functions that use them, so that `tally
# count` does not load them (start-up, issue 19).
from tally import engine
from tally.config.loader import LoadedElection, NotEntered, not_entered
from tally.errors import (
    EXIT_NEEDS_VOTE,
    EXIT_NOT_RECONCILED,
    EXIT_OK,
    Issue,
    NotEnteredError,
    OptionError,
    UsageError,
)
from tally.findings import Lang
from tally.fingerprint import input_digests
from tally.i18n import msg
from tally.kinds import MinutesFormat, MinutesView
from tally.report import build
from tally.report.model import CheckReport, CountReport, ValidateReport

if TYPE_CHECKING:
    from tally.minutes.model import Minutes


def count_report(
    loaded: LoadedElection, contest_id: str | None = None, round_no: int | None = None
) -> CountReport:
    """Count every contest (or one), every round (or up to ``round_no``)."""
    result = engine.count_election(loaded, contest_id, round_no)
    return build.count_report(result, input_digests(loaded))


def check_report(loaded: LoadedElection) -> CheckReport:
    """Count, then check the result against the rules and the approved personnel plan."""
    from tally.audit import audit

    return build.check_report(audit(loaded), input_digests(loaded))


def validate_report(loaded: LoadedElection) -> ValidateReport:
    """The list and electorate checks before the vote (with any nomination poll counted)."""
    from tally import checks

    report = checks.validate(
        loaded.election, loaded.rules, engine.counted_polls(loaded), pending=not_entered(loaded)
    )
    return build.validate_report(report, input_digests(loaded))


def contest_chosen(loaded: LoadedElection, contest_id: str | None) -> None:
    """Refuse a ``--contest`` the election does not have (naming the ones it has)."""
    ids = [c.id for c in loaded.election.contests]
    if contest_id is not None and contest_id not in ids:
        raise OptionError(
            msg("engine.no_contest", contest=contest_id, known=", ".join(ids)), "--contest"
        )


@dataclass(frozen=True)
class MinutesRequest:
    """What ``tally minutes`` asks for: one round's minutes to a file (or ``-``, stdout), or
    with no contest every counted round's into the folder ``output``."""

    contest: str | None
    round: int | None
    output: Path
    fmt: MinutesFormat | None
    view: MinutesView = "paper"
    rehearsal: bool = False


@dataclass(frozen=True)
class MinutesJob:
    """One document to write: a counted round's minutes and where they go (None: stdout)."""

    contest: str
    round: int
    outcome: str
    path: Path | None


@dataclass(frozen=True)
class MinutesPlan:
    """The documents a minutes request writes, in one format, and the rounds it leaves out
    because their ballots are not entered yet (named on stderr, exit 4)."""

    report: CountReport
    fmt: MinutesFormat
    view: MinutesView
    jobs: tuple[MinutesJob, ...]
    skipped: tuple[tuple[str, NotEntered], ...]
    # Bodies appointed by decision (contest id, decision number): no vote, no counting minutes,
    # named on stderr; ``all_appointed``: the folder has nothing else (exit 0, nothing written).
    appointed: tuple[tuple[str, str], ...] = ()
    all_appointed: bool = False

    @property
    def exit_code(self) -> int:
        """3 if a round's figures do not reconcile, else 4 if a round is still due, else 0."""
        if any(job.outcome == "rejected" for job in self.jobs):
            return EXIT_NOT_RECONCILED
        return EXIT_NEEDS_VOTE if self.skipped else EXIT_OK


def minutes_plan(loaded: LoadedElection, request: MinutesRequest, lang: Lang) -> MinutesPlan:
    """Count, then choose the rounds and the files of their minutes.

    Refuses what cannot be written (:class:`OptionError`, :class:`UsageError`); a round asked
    for whose ballots are not entered is a vote still due (:class:`NotEnteredError`, exit 4),
    worded in ``lang`` with the file to write and how.
    """
    from tally.minutes.write import rounds_of

    contest_chosen(loaded, request.contest)
    if request.view == "hall" and request.fmt not in (None, "html"):
        raise OptionError(msg("usage.hall_html"), "--view")
    report = count_report(loaded)
    counted = rounds_of(report)
    due = {
        c.id: c.not_entered
        for c in report.contests
        if c.not_entered is not None and c.body != "nomination_poll"
    }
    appointed = tuple(
        (c.id, c.appointed.decision)
        for c in report.contests
        if c.appointed is not None and request.contest in (None, c.id)
    )
    elected = any(c.appointed is None and c.body != "nomination_poll" for c in report.contests)
    if appointed and (request.contest is not None or not elected):
        # An appointed body asked for, or a folder of nothing else: nothing to write (exit 0).
        fmt = request.fmt or "md"
        return MinutesPlan(report, fmt, request.view, (), (), appointed, request.contest is None)
    if request.contest is not None:
        fmt, job = _one_round(request, counted, due.get(request.contest), lang)
        return MinutesPlan(report, fmt, request.view, (job,), ())
    plan = _every_round(loaded, request, report, counted, due, lang)
    return replace(plan, appointed=appointed)


def _one_round(
    request: MinutesRequest,
    counted: list[tuple[str, int, str]],
    pending: NotEntered | None,
    lang: Lang,
) -> tuple[MinutesFormat, MinutesJob]:
    """The one round ``--contest`` (and ``--round``) name, and its format: ``--format``, else
    the file's extension, else Markdown on stdout; ``--view hall`` is HTML."""
    from tally.minutes.write import format_of

    contest, round_no, output = request.contest, request.round, request.output
    assert contest is not None
    mine = [r for r in counted if r[0] == contest]
    if pending and (round_no == pending.round or (round_no is None and not mine)):
        raise NotEnteredError(Issue(pending.message(lang), hint=pending.hint(lang)))
    if not mine:
        raise OptionError(msg("usage.no_counted", contest=contest), "--contest")
    if round_no is None and len(mine) > 1:
        raise OptionError(msg("usage.choose_round", contest=contest, rounds=len(mine)), "--round")
    pick = [r for r in mine if round_no is None or r[1] == round_no]
    if not pick:
        raise OptionError(
            msg("usage.no_counted_round", contest=contest, round=str(round_no)), "--round"
        )
    to_stdout = str(output) == "-"
    fmt = request.fmt or ("md" if to_stdout else format_of(output))
    if to_stdout and fmt == "docx":
        raise OptionError(msg("usage.docx_stdout"), "--output")
    if fmt is None:
        raise OptionError(msg("usage.minutes_format", name=output.name), "--output")
    if request.view == "hall":
        fmt = "html"
    cid, rno, outcome = pick[0]
    return fmt, MinutesJob(cid, rno, outcome, None if to_stdout else output)


def _every_round(
    loaded: LoadedElection,
    request: MinutesRequest,
    report: CountReport,
    counted: list[tuple[str, int, str]],
    due: dict[str, NotEntered],
    lang: Lang,
) -> MinutesPlan:
    """Every counted round (of ``--round``, if given) into the folder ``output``, one file
    each (``bch-1.docx``, ``bch-1-hall.html``); the rounds not entered yet are skipped."""
    round_no, output = request.round, request.output
    fmt: MinutesFormat = request.fmt or ("html" if request.view == "hall" else "docx")
    if output.exists() and not output.is_dir():
        raise OptionError(msg("usage.output_folder"), "--output")
    suffix = "-hall" if request.view == "hall" else ""
    jobs = tuple(
        MinutesJob(cid, rno, outcome, output / f"{cid}-{rno}{suffix}.{fmt}")
        for cid, rno, outcome in counted
        if round_no is None or rno == round_no
    )
    skipped = tuple(
        (cid, pending)
        for cid, pending in due.items()
        if round_no is None or pending.round == round_no
    )
    if skipped and not jobs:
        raise NotEnteredError(
            [Issue(f"{cid}: {p.message(lang)}", hint=p.hint(lang)) for cid, p in skipped]
        )
    if not jobs and round_no is None:
        raise UsageError.at(msg("usage.no_minutes"), loaded.path, hint=msg("usage.no_minutes.hint"))
    if not jobs:
        raise OptionError(msg("usage.nothing_counted"), "--round")
    return MinutesPlan(report, fmt, request.view, jobs, skipped)


def minutes_documents(
    loaded: LoadedElection, plan: MinutesPlan, lang: Lang, *, rehearsal: bool = False
) -> Iterator[tuple[MinutesJob, Minutes]]:
    """Each job of the plan with its minutes, made one at a time as they are written."""
    from tally.minutes.write import minutes_of

    for job in plan.jobs:
        yield (
            job,
            minutes_of(loaded, plan.report, job.contest, job.round, lang, rehearsal=rehearsal),
        )
