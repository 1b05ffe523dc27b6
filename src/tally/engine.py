"""Count an election: every contest, round by round, from its files to its decision.

This is where the pure parts meet the files. Each round goes through three steps
(:func:`count_contest`): plan it (:func:`plan_round`: seats and list, checked against the
rounds before; layout; the base and the meeting whose rule makes it), tally it
(:func:`tally_round`: its ballot file or tally sheets → Tally), judge it (:func:`judge_round`:
reconcile the figures, the turnout, the decision or the nomination poll's admissions). Open
seats carry into the next round. The result is a plain data structure; rendering is elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from tally.ballots.csvfile import EmptyRows
from tally.ballots.figures import Tally
from tally.ballots.sheets import ListedSheet, read_sheets
from tally.config.loader import LoadedElection, NotEntered
from tally.count import BallotSpec, count_file
from tally.decide import (
    Decision,
    Problem,
    after_open_seats,
    cut_at_last_seat,
    decide,
    reconcile,
)
from tally.domain.electorate import MajorityBase, majority_base, threshold
from tally.domain.layout import layout_for, max_list_length
from tally.election import Contest, Round
from tally.errors import BallotFileError, ConfigError, Issue
from tally.i18n import Quoted, msg
from tally.kinds import Layout, Outcome, ProblemCode
from tally.ruleset.models import UNVERIFIED, RuleSet
from tally.shares import more_than, needed_more_than


@dataclass(frozen=True)
class RoundResult:
    number: int  # 1-based
    seats: int
    candidates: tuple[str, ...]
    layout: Layout
    base: MajorityBase
    base_value: int | None  # the base used (for the state law: the valid ballots)
    threshold: int | None
    issued: int | None
    present: int | None
    tally: Tally
    problems: tuple[Problem, ...]
    decision: Decision | None  # None when rejected or void
    outcome: Outcome
    rule_keys: tuple[str, ...]  # every rule-set parameter this round's result rests on
    poll: PollResult | None = None
    warnings: tuple[Problem, ...] = ()  # seen by the board, not rejecting the round
    rerun: bool = False  # state law: the re-run after a void round (bầu cử lại)


@dataclass(frozen=True)
class PollResult:
    """A nomination poll: who is admitted to the target contest's list (190 Art. 14.3)."""

    target: str
    attending: int
    needed: int  # fewest agree marks that are "more than 30%"
    slots: int | None  # places left on the list under the cap; None: no cap
    admitted: tuple[str, ...]
    tied: tuple[str, ...]  # tied at the cut: the congress decides


@dataclass(frozen=True)
class PollOutcome:
    """A counted nomination poll for a contest: who stood in it and who was admitted."""

    poll: str  # the poll contest's id
    nominees: frozenset[str]
    admitted: frozenset[str]
    needed: int
    attending: int


@dataclass
class ContestResult:
    contest: Contest
    rounds: list[RoundResult] = field(default_factory=list)
    # The next round to count when election.yaml names its files but they are not written yet:
    # the contest is still due. Rounds after it are not looked at.
    not_entered: NotEntered | None = None

    @property
    def elected(self) -> list[str]:
        if self.contest.appointed is not None:
            return list(self.contest.members)  # they hold the seats: the plan checks apply
        out: list[str] = []
        for r in self.rounds:
            if r.poll is not None:
                continue
            if r.decision is not None:
                out += [r.candidates[i] for i in r.decision.elected]
        return out

    @property
    def last(self) -> RoundResult | None:
        return self.rounds[-1] if self.rounds else None


@dataclass(frozen=True)
class ElectionResult:
    loaded: LoadedElection
    contests: tuple[ContestResult, ...]


def empty_rows_warning(file: str, empty: EmptyRows) -> Problem:
    """Rows with nothing in them were skipped: the board sees which lines."""
    n, lines = empty.count, empty.lines_text()
    code = "problem.empty_rows.one" if n == 1 else "problem.empty_rows"
    return Problem(ProblemCode.EMPTY_ROWS, msg(code, count=n, file=file, lines=lines), actual=n)


def _check_later_round(
    loaded: LoadedElection, ci: int, ri: int, result: ContestResult, seats: int, cands: list[str]
) -> None:
    """A later round fills the open seats, among those not yet elected (rules.md §5)."""
    rules = loaded.rules
    prev = result.rounds[-1]
    later = rules.decision.later_rounds
    where = loaded.where("contests", ci, "rounds", ri)
    if prev.outcome == "final":  # state law: never a second additional election
        raise ConfigError(
            Issue(
                msg("engine.after_final", round=ri + 1, cite=Quoted(later.cite, later.cite_vi)),
                where,
            )
        )
    if prev.outcome not in ("tie", "shortfall", "additional_due", "council_decides"):
        raise ConfigError(Issue(msg("engine.not_after", round=ri + 1, outcome=prev.outcome), where))
    if prev.decision is not None and seats != prev.decision.open_seats:
        raise ConfigError(
            Issue(
                msg(
                    "engine.open_seats",
                    round=ri + 1,
                    open=prev.decision.open_seats,
                    seats=seats,
                ),
                loaded.where("contests", ci, "rounds", ri, "seats"),
            )
        )
    if loaded.election.contests[ci].rounds[ri].rerun:
        raise ConfigError(Issue(msg("engine.rerun_not_after_void", round=ri + 1), where))
    elected = set(result.elected)
    first = result.rounds[0]
    for pi, pid in enumerate(cands):
        if pid in elected:
            raise ConfigError(
                Issue(
                    msg("engine.already_elected", id=pid),
                    loaded.where("contests", ci, "rounds", ri, "candidates", pi),
                )
            )
        if later.value.candidates == "first_round_not_elected" and pid not in first.candidates:
            raise ConfigError(
                Issue(
                    msg("engine.not_first_round", id=pid, cite=later.cite),
                    loaded.where("contests", ci, "rounds", ri, "candidates", pi),
                )
            )


def _check_rerun(
    loaded: LoadedElection, ci: int, ri: int, result: ContestResult, seats: int, cands: list[str]
) -> None:
    """A re-run after a void round elects every seat from the first election's list
    (Luật 85/2015/QH13 Điều 80 khoản 4)."""
    first = result.rounds[0]
    if seats != first.seats or sorted(cands) != sorted(first.candidates):
        turnout = loaded.rules.decision.turnout
        raise ConfigError(
            Issue(
                msg(
                    "engine.rerun_list",
                    round=ri + 1,
                    seats=first.seats,
                    cite=Quoted(turnout.cite, turnout.cite_vi),
                ),
                loaded.where("contests", ci, "rounds", ri),
            )
        )


def _rule_keys(
    rules: RuleSet, base: MajorityBase, layout: str, tally: Tally, decision: Decision | None
) -> list[str]:
    keys = ["decision.majority", f"decision.base.{base.param_key}", "decision.ranking"]
    for reason, count in tally.invalid.items():
        if count:
            keys.append(
                f"ballot.invalid.{reason}"
                if reason != "no_choice"
                else (
                    "ballot.invalid.no_choice_single"
                    if tally.positions == 1
                    else "ballot.invalid.no_choice_all_rows"
                )
            )
            if (
                reason == "all_struck"
                and layout == "agree_disagree"
                and rules.ballot.invalid.all_struck_no_surplus is not None
            ):
                keys[-1] = "ballot.invalid.all_struck_no_surplus"
    if layout == "agree_disagree":
        keys.append("ballot.row_both_or_neither")
    if decision is not None:
        if decision.tie is not None:
            keys.append("decision.tie")
        if decision.open_seats:
            keys.append("decision.later_rounds")
    keys.append("report.percent")
    return keys


def round_list(contest: Contest, ri: int) -> tuple[int, list[str]]:
    """The seats and the ballot list of round ``ri`` (0-based) as election.yaml gives them."""
    rnd = contest.rounds[ri] if ri < len(contest.rounds) else None
    seats = rnd.seats if ri and rnd is not None else contest.seats
    cands = list(
        rnd.candidates if ri and rnd is not None and rnd.candidates else contest.candidates
    )
    if contest.body == "nomination_poll":
        seats = len(cands)
    assert seats is not None
    return seats, cands


def count_contest(loaded: LoadedElection, ci: int, only_round: int | None = None) -> ContestResult:
    """Count contest ``ci`` round by round, up to ``only_round`` if given: plan each round
    (:func:`plan_round`), tally its files (:func:`tally_round`), judge it (:func:`judge_round`).

    The rounds stop at the first one not voted yet, or whose files are named but not written
    (``not_entered``: the contest is still due), or after a round that was rejected or void.
    """
    contest = loaded.election.contests[ci]
    result = ContestResult(contest)
    base = majority_base(loaded.election, loaded.rules, contest)
    for ri, rnd in enumerate(contest.rounds):
        if only_round is not None and ri + 1 > only_round:
            break
        if rnd.ballots is None and rnd.tallies is None:
            break  # not voted yet
        plan = plan_round(loaded, ci, ri, result, base)
        if plan is None:
            break
        pending = loaded.pending(ci, ri)
        if pending is not None:
            result.not_entered = pending
            break
        tally, warnings = tally_round(loaded, plan)
        result.rounds.append(judge_round(loaded, plan, result, tally, warnings))
    return result


@dataclass(frozen=True)
class RoundPlan:
    """A round as known before its files are read: what it is counted and judged against."""

    ci: int  # the contest's index in election.yaml
    ri: int  # the round's index (0-based)
    contest: Contest
    round: Round
    seats: int
    candidates: tuple[str, ...]
    layout: Layout
    spec: BallotSpec
    base: MajorityBase  # the contest's base; ``param_key`` names the meeting whose rule applies
    present: int | None  # voters present: the round's own figure, else the meeting's


def plan_round(
    loaded: LoadedElection, ci: int, ri: int, result: ContestResult, base: MajorityBase
) -> RoundPlan | None:
    """Plan round ``ri`` of contest ``ci``: its seats and list, checked against the rounds
    counted before it (``result``), the ballot's layout and what makes a ballot invalid, the
    base and who is present.

    A later round must fill the open seats among those not elected, a re-run after a void
    round repeats the first list (ConfigError otherwise). None when the round before was
    rejected or void (and this is no re-run): a later round cannot be judged on figures that
    were not accepted.
    """
    contest = loaded.election.contests[ci]
    rnd = contest.rounds[ri]
    seats, cands = round_list(contest, ri)
    if ri:
        before = result.rounds[-1].outcome if result.rounds else None
        if before == "void" and rnd.rerun:
            _check_rerun(loaded, ci, ri, result, seats, cands)
        else:
            if before in ("rejected", "void"):
                return None
            _check_later_round(loaded, ci, ri, result, seats, cands)
    layout = layout_for(contest.body, len(cands), seats)
    spec = BallotSpec.from_rules(len(cands), seats, layout, loaded.rules.ballot.invalid)
    present = rnd.present if rnd.present is not None else base.present
    return RoundPlan(ci, ri, contest, rnd, seats, tuple(cands), layout, spec, base, present)


def tally_round(loaded: LoadedElection, plan: RoundPlan) -> tuple[Tally, tuple[Problem, ...]]:
    """The round's figures from its files: the ballot file counted, or the groups' tally
    sheets added up; with the warnings the board must see (empty rows skipped)."""
    ci, ri, rnd = plan.ci, plan.ri, plan.round
    if rnd.ballots:
        counted = count_file(loaded.data_file(rnd.ballots), plan.spec)
        if counted.empty.count:
            return counted.tally, (empty_rows_warning(rnd.ballots, counted.empty),)
        return counted.tally, ()
    if rnd.tallies:
        listed = [
            ListedSheet(
                rel,
                loaded.data_file(rel),
                loaded.where("contests", ci, "rounds", ri, "tallies", fi),
            )
            for fi, rel in enumerate(rnd.tallies)
        ]
        return read_sheets(listed, list(plan.candidates), plan.layout), ()
    raise ConfigError(
        Issue(
            msg("engine.nothing_to_count"),
            loaded.where("contests", ci, "rounds", ri),
            msg("engine.nothing_to_count.hint"),
        )
    )


def judge_round(
    loaded: LoadedElection,
    plan: RoundPlan,
    result: ContestResult,
    tally: Tally,
    warnings: tuple[Problem, ...],
) -> RoundResult:
    """Judge a tallied round: reconcile its figures (any problem rejects it), void it below a
    state election's turnout, else decide who is elected (for a nomination poll: who is
    admitted to the list); with every rule-set key the outcome rests on.

    ``result`` holds the contest's rounds before this one: what follows open seats depends on
    the additional elections already held.
    """
    rules, rnd = loaded.rules, plan.round
    problems = reconcile(tally, rnd.issued, plan.seats, rnd.collected, len(rnd.tallies or [1]))
    base_value = round_base(plan.base, tally)
    decision: Decision | None = None
    poll: PollResult | None = None
    outcome: Outcome
    if problems:
        outcome = "rejected"
    elif below_turnout(rules, plan, tally):
        outcome = "void"
    elif plan.contest.body == "nomination_poll":
        poll = _poll(loaded, plan.contest, list(plan.candidates), tally, plan.present)
        outcome = "tie" if poll.tied else "complete"
    else:
        decision = _decide(loaded, plan, tally, base_value)
        outcome = decision.outcome
        if outcome == "shortfall":
            outcome = _after_shortfall(loaded, result, decision, plan.seats)
    keys = _rule_keys(rules, plan.base, plan.layout, tally, decision)
    if outcome == "void":
        keys.append("decision.turnout")
    if poll is not None:
        keys.append("lists.floor_nominee_support")
    return RoundResult(
        plan.ri + 1,
        plan.seats,
        plan.candidates,
        plan.layout,
        plan.base,
        base_value,
        threshold(base_value, rules.decision.majority.value),
        rnd.issued,
        plan.present,
        tally,
        tuple(problems),
        decision,
        outcome,
        tuple(dict.fromkeys(keys)),
        poll,
        warnings,
        rnd.rerun,
    )


def round_base(base: MajorityBase, tally: Tally) -> int:
    """The base a round's winners are measured against: the electorate's figure when the
    rule set's base is made of it, else (and while that figure is unknown) the ballots: the
    valid ones for a base of valid ballots (state law), the collected ones otherwise."""
    if base.value is not None:
        return base.value
    if base.kind == "valid_ballots":
        return tally.valid
    return tally.collected


def below_turnout(rules: RuleSet, plan: RoundPlan, tally: Tally) -> bool:
    """The round is void: no more than the rule set's turnout share of the voters on the roll
    cast a ballot (state law; a re-run is exempt where the rule set says so)."""
    turnout = rules.decision.turnout.value
    summoned = plan.base.summoned
    if turnout is None or summoned is None or (plan.round.rerun and turnout.except_rerun):
        return False
    return not more_than(tally.collected, summoned, turnout.more_than)


def _decide(loaded: LoadedElection, plan: RoundPlan, tally: Tally, base: int) -> Decision:
    """Who this round elects: more than the majority of ``base``, the cut at the last seat and
    the rule set's tie rule (for the state law's older-wins, the candidates' birth dates)."""
    people = loaded.election.people_by_id
    born = [people[c].born if c in people else None for c in plan.candidates]
    decision = loaded.rules.decision
    return decide(tally.votes, plan.seats, base, decision.majority.value, decision.tie.value, born)


def _after_shortfall(
    loaded: LoadedElection, result: ContestResult, decision: Decision, seats: int
) -> Outcome:
    """What follows open seats: the rule set's additional-election policy for the election's
    assembly (state law), or ``shortfall`` (the meeting decides) where it has none.

    Every earlier decided round of the contest was an election that this one follows, so this
    round is an additional election once there is one before it.
    """
    later = loaded.rules.decision.later_rounds.value
    assembly = loaded.election.congress.assembly
    if later.additional is None or assembly is None or assembly not in later.additional:
        return "shortfall"
    held = sum(1 for r in result.rounds if r.decision is not None)
    left = later.max_additional is None or held < later.max_additional
    whole = result.contest.seats or seats
    elected = len(result.elected) + len(decision.elected)
    return after_open_seats(later.additional[assembly], whole, elected, left)


def _poll(
    loaded: LoadedElection, contest: Contest, cands: list[str], tally: Tally, attending: int | None
) -> PollResult:
    """Admit floor nominees with more than 30% support, by support, up to the list's cap."""
    rules = loaded.rules
    support_rule = rules.lists.floor_nominee_support.value
    target = loaded.election.contest(contest.for_ or "")
    share = Fraction(0) if support_rule is None or attending is None else support_rule.more_than
    att = attending or 0
    votes = tally.votes
    qualified = [
        i
        for i in sorted(range(len(cands)), key=lambda i: (-votes[i], i))
        if not share or more_than(votes[i], att, share)
    ]
    fixed = [p for p in target.candidates if p not in cands]
    slots = max_list_length(rules, target.body, target.seats or 0)
    if slots is not None:
        slots = max(slots - len(fixed), 0)
    cut = cut_at_last_seat(qualified, votes, len(qualified) if slots is None else slots)
    return PollResult(
        target.id,
        att,
        needed_more_than(att, share),  # 1 when no share is asked
        slots,
        tuple(cands[i] for i in cut.taken),
        tuple(cands[i] for i in cut.tied),
    )


def count_election(
    loaded: LoadedElection, contest_id: str | None = None, round_no: int | None = None
) -> ElectionResult:
    """Count every contest (or one), every round (or up to one)."""
    contests = []
    ids = [c.id for c in loaded.election.contests]
    if contest_id is not None and contest_id not in ids:
        raise ConfigError(
            Issue(
                msg("engine.no_contest", contest=contest_id, known=", ".join(ids)),
                loaded.where("contests"),
            )
        )
    mistakes: list[Issue] = []  # every ballot file's mistakes, reported in one run
    for ci, contest in enumerate(loaded.election.contests):
        if contest_id is not None and contest.id != contest_id:
            continue
        try:
            contests.append(count_contest(loaded, ci, round_no))
        except BallotFileError as exc:
            mistakes += exc.issues
    if mistakes:
        raise BallotFileError(mistakes)
    return ElectionResult(loaded, tuple(contests))


def unverified(rules: RuleSet, keys: tuple[str, ...]) -> list[str]:
    return [k for k in keys if rules.param(k).provenance in UNVERIFIED]


def counted_polls(loaded: LoadedElection) -> dict[str, PollOutcome]:
    """Count every nomination poll that has ballots: target contest id → its outcome."""
    out: dict[str, PollOutcome] = {}
    for ci, contest in enumerate(loaded.election.contests):
        if contest.body != "nomination_poll" or not contest.rounds:
            continue
        rnd = contest.rounds[0]
        if rnd.ballots is None and rnd.tallies is None:
            continue
        result = count_contest(loaded, ci, 1)
        poll = result.rounds[0].poll if result.rounds else None
        if poll is None:
            continue  # rejected or void: nothing admitted can be relied on
        out[poll.target] = PollOutcome(
            contest.id,
            frozenset(contest.candidates),
            frozenset(poll.admitted),
            poll.needed,
            poll.attending,
        )
    return out
