"""Count an election: every contest, round by round, from its files to its decision.

This is where the pure parts meet the files: it reads each round's ballots or tally sheets,
reconciles the figures, applies the rule set's base and majority, and carries open seats
into the next round. The result is a plain data structure; rendering is elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from tally.ballots.csvfile import EmptyRows
from tally.ballots.figures import Tally
from tally.ballots.sheets import ListedSheet, read_sheets
from tally.config.loader import LoadedElection, NotEntered
from tally.count import BallotSpec, count_file
from tally.decide import Decision, Problem, after_open_seats, decide, reconcile
from tally.domain.electorate import MajorityBase, majority_base, threshold
from tally.domain.layout import layout_for, max_list_length
from tally.election import Contest, Round
from tally.errors import BallotFileError, ConfigError, Issue
from tally.i18n import Quoted, msg
from tally.kinds import Layout, Outcome, ProblemCode
from tally.ruleset.models import UNVERIFIED, RuleSet


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


def _round_tally(
    loaded: LoadedElection, ci: int, ri: int, rnd: Round, spec: BallotSpec, cands: list[str]
) -> tuple[Tally, tuple[Problem, ...]]:
    if rnd.ballots:
        counted = count_file(loaded.data_file(rnd.ballots), spec)
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
        return read_sheets(listed, cands, spec.layout), ()
    raise ConfigError(
        Issue(
            msg("engine.nothing_to_count"),
            loaded.where("contests", ci, "rounds", ri),
            msg("engine.nothing_to_count.hint"),
        )
    )


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
    election, rules = loaded.election, loaded.rules
    contest = election.contests[ci]
    result = ContestResult(contest)
    majority: Fraction = rules.decision.majority.value
    base = majority_base(election, rules, contest)
    people = election.people_by_id
    for ri, rnd in enumerate(contest.rounds):
        if only_round is not None and ri + 1 > only_round:
            break
        if rnd.ballots is None and rnd.tallies is None:
            break  # not voted yet
        seats, cands = round_list(contest, ri)
        if ri:
            if result.rounds and result.rounds[-1].outcome == "void" and rnd.rerun:
                _check_rerun(loaded, ci, ri, result, seats, cands)
            else:
                if result.rounds and result.rounds[-1].outcome in ("rejected", "void"):
                    break  # cannot judge a later round on figures that were not accepted
                _check_later_round(loaded, ci, ri, result, seats, cands)
        pending = loaded.pending(ci, ri)
        if pending is not None:
            result.not_entered = pending
            break
        layout = layout_for(contest.body, len(cands), seats)
        spec = BallotSpec.from_rules(len(cands), seats, layout, rules.ballot.invalid)
        tally, warnings = _round_tally(loaded, ci, ri, rnd, spec, cands)
        problems = reconcile(tally, rnd.issued, seats, rnd.collected, len(rnd.tallies or [1]))
        present = rnd.present if rnd.present is not None else base.present
        if base.value is not None:
            base_value: int | None = base.value
        elif base.kind == "valid_ballots":
            base_value = tally.valid
        else:
            base_value = tally.collected
        thr = threshold(base_value, majority) if base_value is not None else None
        decision: Decision | None = None
        poll: PollResult | None = None
        outcome: Outcome
        turnout = rules.decision.turnout.value
        if problems:
            outcome = "rejected"
        elif (
            turnout is not None
            and not (rnd.rerun and turnout.except_rerun)
            and base.summoned is not None
            and not tally.collected * turnout.more_than.denominator
            > turnout.more_than.numerator * base.summoned
        ):
            outcome = "void"
        elif contest.body == "nomination_poll":
            poll = _poll(loaded, contest, cands, tally, present)
            outcome = "tie" if poll.tied else "complete"
        else:
            assert base_value is not None
            born = [people[c].born if c in people else None for c in cands]
            decision = decide(
                tally.votes, seats, base_value, majority, rules.decision.tie.value, born
            )
            outcome = decision.outcome
            if outcome == "shortfall":
                outcome = _after_shortfall(loaded, result, decision, seats)
        keys = _rule_keys(rules, base, layout, tally, decision)
        if outcome == "void":
            keys.append("decision.turnout")
        if poll is not None:
            keys.append("lists.floor_nominee_support")
        result.rounds.append(
            RoundResult(
                ri + 1,
                seats,
                tuple(cands),
                layout,
                base,
                base_value,
                thr,
                rnd.issued,
                present,
                tally,
                tuple(problems),
                decision,
                outcome,
                tuple(dict.fromkeys(keys)),
                poll,
                warnings,
                rnd.rerun,
            )
        )
    return result


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
    needed = (share.numerator * att) // share.denominator + 1 if share else 1
    qualified = [
        i
        for i in sorted(range(len(cands)), key=lambda i: (-tally.votes[i], i))
        if tally.votes[i] * share.denominator > share.numerator * att or not share
    ]
    fixed = [p for p in target.candidates if p not in cands]
    slots = max_list_length(rules, target.body, target.seats or 0)
    if slots is not None:
        slots = max(slots - len(fixed), 0)
    if slots is None or len(qualified) <= slots:
        return PollResult(target.id, att, needed, slots, tuple(cands[i] for i in qualified), ())
    cut = tally.votes[qualified[slots - 1]] if slots else None
    if slots and tally.votes[qualified[slots]] == cut:
        above = [i for i in qualified if tally.votes[i] > (cut or 0)]
        tied = [i for i in qualified if tally.votes[i] == cut]
        return PollResult(
            target.id,
            att,
            needed,
            slots,
            tuple(cands[i] for i in above),
            tuple(cands[i] for i in tied),
        )
    return PollResult(target.id, att, needed, slots, tuple(cands[i] for i in qualified[:slots]), ())


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
