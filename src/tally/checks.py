"""Checks of the election list and electorate before the vote (``tally validate``).

Pure: an Election and a RuleSet in, Findings out. Every comparison is in integers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from tally.domain.electorate import MajorityBase, majority_base, passes, threshold
from tally.domain.layout import ballot_layout
from tally.election import Contest, Election
from tally.engine import ElectionResult, PollOutcome
from tally.findings import Cited, Finding, finding, sort_findings
from tally.i18n import Cased, Msg, Param, majority_words, msg
from tally.kinds import FindingCode, Layout, ProblemCode
from tally.plan_checks import PLANNED_CHECKS, before_vote
from tally.registry import Registry
from tally.ruleset.models import RuleSet
from tally.shares import (
    at_least,
    at_most,
    format_share,
    more_than,
    most_within,
    needed,
    needed_more_than,
)
from tally.textnorm import name_key, nfc

if TYPE_CHECKING:
    from tally.config.loader import NotEntered


@dataclass(frozen=True)
class ContestPlan:
    """What a contest will look like on the day: list, layout, base and threshold."""

    contest: Contest
    layout: Layout  # "strike" (list with surplus) or "agree_disagree"
    base: MajorityBase
    threshold: int | None


@dataclass(frozen=True)
class ValidationReport:
    election: Election
    rules: RuleSet
    contests: tuple[ContestPlan, ...]
    findings: tuple[Finding, ...]


def _body(contest: Contest) -> Msg:
    """``Ban Chấp hành (bch)``: the body's name and the contest's id."""
    return msg("finding.body", body=msg(f"body.{contest.body}"), ids=contest.id)


def _short_after_withdrawal(
    election: Election, contest: Contest, seats: int, least: int, rule: tuple[str, Cited]
) -> Finding:
    """The ballot is shorter than the rule asks only because of an approved withdrawal."""
    people = election.people_by_id
    who = [
        msg(
            "finding.list_short_after_withdrawal.who",
            name=people[w.id].name if w.id in people else w.id,
            date=w.date.isoformat(),
            approved_by=w.approved_by,
        )
        for w in contest.withdrawn
    ]
    listed = who[0]
    for more in who[1:]:
        listed = msg("finding.list_short_after_withdrawal.and", head=listed, last=more)
    return finding(
        FindingCode.LIST_SHORT_AFTER_WITHDRAWAL,
        "warning",
        msg(
            "finding.list_short_after_withdrawal",
            body=_body(contest),
            n=len(contest.candidates),
            seats=seats,
            approved=len(contest.candidates) + len(contest.withdrawn),
            withdrawn=listed,
        ),
        rule=rule,
        contest=contest.id,
        person=contest.withdrawn[0].id,
        expected=f"≥ {least}",
        actual=len(contest.candidates),
    )


@dataclass(frozen=True)
class ListContext:
    """One contest's list, what every list check looks at (rules.md §3)."""

    election: Election
    rules: RuleSet
    contest: Contest
    poll: PollOutcome | None = None  # the counted nomination poll for the contest, if any

    @property
    def seats(self) -> int:
        return self.contest.seats or 0

    @property
    def approved(self) -> int:
        """The list as it was approved: a withdrawal after it was published (``withdrawn``)
        shortens the ballot, not the approved list, which is what the list checks count."""
        return len(self.contest.candidates) + len(self.contest.withdrawn)

    @property
    def surplus(self) -> int:
        return self.approved - self.seats

    @property
    def body(self) -> Msg:
        return _body(self.contest)


LIST_CHECKS: Registry[ListContext] = Registry("list")


def check_list(
    election: Election, rules: RuleSet, contest: Contest, poll: PollOutcome | None = None
) -> list[Finding]:
    """The list of one contest against the rule set (rules.md §3): the checks of
    :data:`LIST_CHECKS`, in the order they are registered below."""
    if contest.body == "nomination_poll" or contest.seats is None or contest.appointed:
        return []
    return LIST_CHECKS.run(ListContext(election, rules, contest, poll))


@LIST_CHECKS.register(
    FindingCode.LIST_TOO_SHORT,
    FindingCode.LIST_SHORT_AFTER_WITHDRAWAL,
    rule="lists.surplus_required",
)
def _check_surplus_required(ctx: ListContext) -> list[Finding]:
    """A list with a surplus where the rules require one (more names than seats)."""
    lr = ctx.rules.lists
    if ctx.contest.body not in lr.surplus_required.value:
        return []
    seats, n = ctx.seats, ctx.approved
    rule = ("lists.surplus_required", lr.surplus_required)
    if ctx.surplus <= 0:
        return [
            finding(
                FindingCode.LIST_TOO_SHORT,
                "error",
                msg("finding.list_too_short", body=ctx.body, n=n, seats=seats),
                rule=rule,
                contest=ctx.contest.id,
                expected=f"> {seats}",
                actual=n,
            )
        ]
    if len(ctx.contest.candidates) <= seats:
        return [_short_after_withdrawal(ctx.election, ctx.contest, seats, seats + 1, rule)]
    return []


@LIST_CHECKS.register(
    FindingCode.LIST_TOO_SHORT,
    FindingCode.LIST_SHORT_AFTER_WITHDRAWAL,
    rule="lists.min_surplus_share",
)
def _check_min_surplus_share(ctx: ListContext) -> list[Finding]:
    """A least surplus as a share of the seats, rounded up (a mass organisation's rule: 15% of
    9 seats is 1.35, so at least 2 more, a list of 11). Counted on the approved list; a list
    short only because of a withdrawal after publication is a warning."""
    election, rules, contest = ctx.election, ctx.rules, ctx.contest
    lr = rules.lists
    rule = lr.min_surplus_share
    if rule is None or rule.value is None or contest.body not in rule.value.bodies:
        return []
    seats = contest.seats or 0
    share = rule.value.share
    more = needed(seats, share)  # rounded up, in integers
    n = len(contest.candidates) + len(contest.withdrawn)
    if n <= seats and contest.body in lr.surplus_required.value:
        return []  # list_too_short (surplus_required) says it already
    param = ("lists.min_surplus_share", rule)
    if n - seats < more:
        said = msg(
            "finding.list_too_short.min_surplus_share",
            body=_body(contest),
            share=share,
            more=more,
            least=seats + more,
            n=n,
            seats=seats,
        )
        return [
            finding(
                FindingCode.LIST_TOO_SHORT,
                "error",
                said,
                rule=param,
                contest=contest.id,
                expected=f"≥ {seats + more}",
                actual=n,
            )
        ]
    if len(contest.candidates) - seats < more:
        return [_short_after_withdrawal(election, contest, seats, seats + more, param)]
    return []


def _small_body(ctx: ListContext) -> bool:
    """The small-body cap applies to this contest (instead of the share cap)."""
    small = ctx.rules.lists.small_body.value
    return bool(small and ctx.contest.body in small.bodies and ctx.seats <= small.max_seats)


@LIST_CHECKS.register(FindingCode.SURPLUS_OVER_CAP, rule="lists.small_body")
def _check_small_body_cap(ctx: ListContext) -> list[Finding]:
    """A small body's list carries at most a few names more than its seats."""
    lr = ctx.rules.lists
    small = lr.small_body.value
    if small is None or not _small_body(ctx) or ctx.surplus <= small.max_surplus:
        return []
    seats, n = ctx.seats, ctx.approved
    said = msg(
        "finding.surplus_over_cap.small_body",
        body=ctx.body,
        seats=seats,
        most=small.max_surplus,
        n=n,
        surplus=ctx.surplus,
    )
    return [
        finding(
            FindingCode.SURPLUS_OVER_CAP,
            "error",
            said,
            rule=("lists.small_body", lr.small_body),
            contest=ctx.contest.id,
            expected=f"≤ {seats + small.max_surplus}",
            actual=n,
        )
    ]


@LIST_CHECKS.register(FindingCode.SURPLUS_OVER_CAP, rule="lists.surplus_max")
def _check_surplus_cap(ctx: ListContext) -> list[Finding]:
    """The list's surplus is at most the rule's share of the seats (where no small-body cap)."""
    lr = ctx.rules.lists
    cap = lr.surplus_max.value
    surplus, seats = ctx.surplus, ctx.seats
    if _small_body(ctx) or not cap or ctx.contest.body not in cap.bodies or surplus <= 0:
        return []
    share = cap.share
    if at_most(surplus, seats, share):
        return []
    most = most_within(seats, share)
    said = msg(
        "finding.surplus_over_cap",
        body=ctx.body,
        surplus=surplus,
        cap=share,
        seats=seats,
        most=most,
        longest=seats + most,
    )
    return [
        finding(
            FindingCode.SURPLUS_OVER_CAP,
            "error",
            said,
            rule=("lists.surplus_max", lr.surplus_max),
            contest=ctx.contest.id,
            expected=f"≤ {seats + most}",
            actual=ctx.approved,
        )
    ]


@LIST_CHECKS.register(FindingCode.SLATE_SURPLUS, rule="lists.slate_surplus")
def _check_slate(ctx: ListContext) -> list[Finding]:
    """The convening committee's own slate carries 10–15% surplus (190 Art. 14.1)."""
    election, rules, contest = ctx.election, ctx.rules, ctx.contest
    rng = rules.lists.slate_surplus.value
    seats = contest.seats or 0
    if rng is None or contest.body not in rng.bodies:
        return []
    plan_body = election.plan.bodies.get(contest.body) if election.plan else None
    if plan_body and plan_body.slate:
        slate = len(plan_body.slate)
    else:
        people = election.people_by_id
        marked = [people[p].nominated_by for p in contest.candidates if p in people]
        if not any(m is not None for m in marked):
            return []  # the file does not say who is on the committee's slate
        slate = sum(1 for m in marked if m == "committee")
    surplus = slate - seats
    small = rules.lists.small_body.value
    body = _body(contest)
    param = ("lists.slate_surplus", rules.lists.slate_surplus)
    if small and contest.body in small.bodies and seats <= small.max_seats:
        if 1 <= surplus <= small.max_surplus:
            return []
        return [
            finding(
                FindingCode.SLATE_SURPLUS,
                "error",
                msg("finding.slate_surplus.small_body", body=body, slate=slate, seats=seats),
                rule=param,
                contest=contest.id,
                expected=seats + 1,
                actual=slate,
            )
        ]
    lo, hi = rng.min, rng.max
    ok_lo = at_least(surplus, seats, lo)
    ok_hi = at_most(surplus, seats, hi)
    if ok_lo and ok_hi:
        return []
    least = needed(seats, lo)
    most = most_within(seats, hi)
    if least > most:
        return [
            finding(
                FindingCode.SLATE_SURPLUS,
                "warning",
                msg(
                    "finding.slate_surplus.no_whole",
                    body=body,
                    low=lo,
                    high=hi,
                    seats=seats,
                    slate=slate,
                    surplus=surplus,
                ),
                rule=param,
                contest=contest.id,
                expected=f"{least}–{most}",
                actual=surplus,
            )
        ]
    return [
        finding(
            FindingCode.SLATE_SURPLUS,
            "error",
            msg(
                "finding.slate_surplus",
                body=body,
                low=lo,
                high=hi,
                least=seats + least,
                most=seats + most,
                slate=slate,
            ),
            rule=param,
            contest=contest.id,
            expected=f"{seats + least}–{seats + most}",
            actual=slate,
        )
    ]


@LIST_CHECKS.register(
    FindingCode.LIST_TOO_SHORT, FindingCode.LIST_SHORT_AFTER_WITHDRAWAL, rule="lists.min_surplus"
)
def _check_min_surplus(ctx: ListContext) -> list[Finding]:
    """A constituency's list has at least the law's surplus over its seats (state elections)."""
    election, lr = ctx.election, ctx.rules.lists
    if election.congress.kind != "constituency" or not election.congress.assembly:
        return []
    seats, n = ctx.seats, ctx.approved
    for row in lr.min_surplus.value:
        if row.assembly != election.congress.assembly:
            continue
        if row.seats_up_to is not None and seats > row.seats_up_to:
            continue
        rule = ("lists.min_surplus", lr.min_surplus)
        if ctx.surplus < row.surplus:
            said = msg(
                "finding.list_too_short.min_surplus",
                body=ctx.body,
                more=row.surplus,
                n=n,
                seats=seats,
            )
            return [
                finding(
                    FindingCode.LIST_TOO_SHORT,
                    "error",
                    said,
                    rule=rule,
                    contest=ctx.contest.id,
                    expected=f"≥ {seats + row.surplus}",
                    actual=n,
                )
            ]
        if len(ctx.contest.candidates) - seats < row.surplus:
            least = seats + row.surplus
            return [_short_after_withdrawal(election, ctx.contest, seats, least, rule)]
        return []
    return []


@LIST_CHECKS.register(
    FindingCode.TOO_MANY_SEATS,
    FindingCode.LIST_TARGET_SHORT,
    rule=("lists.max_seats", "lists.list_targets"),
)
def _check_state_limits(ctx: ListContext) -> list[Finding]:
    """A constituency's seats and its list's make-up against the state law (warnings).

    At most 3 National Assembly or 5 People's Council deputies per constituency (Luật
    85/2015/QH13 Điều 10 khoản 4); the official lists' targets (35% women, 18% ethnic
    minorities), which the law sets for the lists as a whole: one constituency's list below
    them is worth a word, never an error. A target is left unchecked while any name on the
    list lacks the field (``person_data_missing`` says so elsewhere).
    """
    election, rules, contest = ctx.election, ctx.rules, ctx.contest
    assembly = election.congress.assembly
    if election.congress.kind != "constituency" or assembly is None:
        return []
    out: list[Finding] = []
    body = _body(contest)
    seats = contest.seats or 0
    lr = rules.lists
    if lr.max_seats is not None:
        for cap in lr.max_seats.value:
            if cap.assembly == assembly and seats > cap.seats:
                out.append(
                    finding(
                        FindingCode.TOO_MANY_SEATS,
                        "warning",
                        msg(
                            "finding.too_many_seats",
                            body=body,
                            assembly=msg(f"assembly.{assembly}"),
                            most=cap.seats,
                            seats=seats,
                        ),
                        rule=("lists.max_seats", lr.max_seats),
                        contest=contest.id,
                        expected=f"≤ {cap.seats}",
                        actual=seats,
                    )
                )
    if lr.list_targets is None:
        return out
    people = [election.people_by_id.get(pid) for pid in contest.candidates]
    n = len(people)
    for target in lr.list_targets.value:
        if target.assembly != assembly or n == 0:
            continue
        if target.group == "women":
            marks = [p.sex == "F" if p and p.sex else None for p in people]
        else:
            marks = [
                nfc(p.ethnicity).casefold() != "kinh" if p and p.ethnicity else None for p in people
            ]
        if any(m is None for m in marks):
            continue
        count = sum(1 for m in marks if m)
        share = target.share
        if at_least(count, n, share):
            continue
        least = needed(n, share)
        out.append(
            finding(
                FindingCode.LIST_TARGET_SHORT,
                "warning",
                msg(
                    "finding.list_target_short",
                    body=body,
                    count=count,
                    n=n,
                    group=msg(f"list_target.{target.group}"),
                    share=share,
                    least=least,
                ),
                rule=("lists.list_targets", lr.list_targets),
                contest=contest.id,
                expected=f"≥ {least}",
                actual=count,
            )
        )
    return out


@LIST_CHECKS.register(FindingCode.MAY_NOT_STAND, rule="lists.may_not_stand")
def _check_may_not_stand(ctx: ListContext) -> list[Finding]:
    """No one the rules bar (a probationary member, …) stands."""
    lr = ctx.rules.lists
    people = ctx.election.people_by_id
    banned = set(lr.may_not_stand.value)
    out: list[Finding] = []
    for pid in ctx.contest.candidates:
        person = people.get(pid)
        if person and person.membership in banned:
            membership = msg(f"membership.{person.membership}")
            said = msg(
                "finding.may_not_stand", body=ctx.body, name=person.name, membership=membership
            )
            out.append(
                finding(
                    FindingCode.MAY_NOT_STAND,
                    "error",
                    said,
                    rule=("lists.may_not_stand", lr.may_not_stand),
                    contest=ctx.contest.id,
                    person=pid,
                )
            )
    return out


@LIST_CHECKS.register(FindingCode.BALLOT_ORDER)
def _check_ballot_order(ctx: ListContext) -> list[Finding]:
    """Each list (the contest's and a later round's) in ballot order: the Vietnamese alphabet,
    given name first (:func:`tally.textnorm.name_key`), unless the contest says ``order:
    as_given``. A warning naming the first pair out of order; ids without a person are left to
    the loader."""
    contest = ctx.contest
    if contest.order == "as_given":
        return []
    people = ctx.election.people_by_id
    lists = [(0, contest.candidates)]
    lists += [(i + 1, r.candidates) for i, r in enumerate(contest.rounds) if r.candidates]
    out: list[Finding] = []
    for round_no, ids in lists:
        named = [people[pid] for pid in ids if pid in people]
        pair = next(
            ((a, b) for a, b in pairwise(named) if name_key(a.name) > name_key(b.name)),
            None,
        )
        if pair is None:
            continue
        later, earlier = pair
        params: dict[str, Param] = {"body": ctx.body, "later": later.name, "earlier": earlier.name}
        said = (
            msg("finding.ballot_order.round", round=round_no, **params)
            if round_no
            else msg("finding.ballot_order", **params)
        )
        out.append(
            finding(FindingCode.BALLOT_ORDER, "warning", said, contest=contest.id, person=later.id)
        )
    return out


@LIST_CHECKS.register(
    FindingCode.FLOOR_SUPPORT_UNKNOWN,
    FindingCode.FLOOR_SUPPORT,
    FindingCode.NOMINEE_NOT_ADMITTED,
    FindingCode.ADMITTED_NOT_ON_LIST,
    rule="lists.floor_nominee_support",
)
def _check_floor_support(ctx: ListContext) -> list[Finding]:
    """A floor nominee's or self-nominee's support, or, once a nomination poll is counted, who
    it admitted (rules.md §3)."""
    election, rules, contest = ctx.election, ctx.rules, ctx.contest
    poll = ctx.poll
    rule = rules.lists.floor_nominee_support.value
    if rule is None:
        return []
    if poll is not None:
        return _check_poll(election, rules, contest, poll)
    base = majority_base(election, rules, contest)
    attending = base.present if rule.of == "attending" else base.summoned
    out: list[Finding] = []
    people = election.people_by_id
    body = _body(contest)
    param = ("lists.floor_nominee_support", rules.lists.floor_nominee_support)
    share = rule.more_than
    for pid in contest.candidates:
        person = people.get(pid)
        if person is None or person.nominated_by not in ("floor", "self"):
            continue
        if person.support is None or attending is None:
            out.append(
                finding(
                    FindingCode.FLOOR_SUPPORT_UNKNOWN,
                    "warning",
                    msg("finding.floor_support_unknown", body=body, name=person.name),
                    rule=param,
                    contest=contest.id,
                    person=pid,
                )
            )
            continue
        if not more_than(person.support, attending, share):
            need = needed_more_than(attending, share)
            out.append(
                finding(
                    FindingCode.FLOOR_SUPPORT,
                    "error",
                    msg(
                        "finding.floor_support",
                        body=body,
                        name=person.name,
                        support=person.support,
                        attending=attending,
                        share=share,
                        need=need,
                    ),
                    rule=param,
                    contest=contest.id,
                    person=pid,
                    expected=f"≥ {need}",
                    actual=person.support,
                )
            )
    return out


def _check_poll(
    election: Election, rules: RuleSet, contest: Contest, poll: PollOutcome
) -> list[Finding]:
    """The list uses the poll's admitted nominees: a nominee not admitted may not be on it."""
    out: list[Finding] = []
    people = election.people_by_id
    body = _body(contest)
    param = ("lists.floor_nominee_support", rules.lists.floor_nominee_support)
    for pid in contest.candidates:
        if pid in poll.nominees and pid not in poll.admitted:
            name = people[pid].name if pid in people else pid
            out.append(
                finding(
                    FindingCode.NOMINEE_NOT_ADMITTED,
                    "error",
                    msg(
                        "finding.nominee_not_admitted",
                        body=body,
                        name=name,
                        poll=poll.poll,
                        needed=poll.needed,
                        attending=poll.attending,
                    ),
                    rule=param,
                    contest=contest.id,
                    person=pid,
                )
            )
    for pid in sorted(poll.admitted - set(contest.candidates)):
        name = people[pid].name if pid in people else pid
        out.append(
            finding(
                FindingCode.ADMITTED_NOT_ON_LIST,
                "warning",
                msg("finding.admitted_not_on_list", body=body, name=name, poll=poll.poll),
                rule=param,
                contest=contest.id,
                person=pid,
            )
        )
    return out


def _combined_rule(rules: RuleSet) -> tuple[str, Cited] | None:
    param = rules.lists.delegates_combined_list
    return ("lists.delegates_combined_list", param) if param is not None and param.value else None


def _official_delegates(election: Election) -> list[Contest]:
    return [c for c in election.contests if c.body == "delegates" and c.appointed is None]


def appointed_message(decision: str, date: dt.date, by: str | None, n: int) -> Msg:
    """``APPOINTED by decision 123-QĐ/TU of 20/09/2025 (…): 9 member(s); no vote, …``: the
    same words in validate, check, count and the minutes' note."""
    figures: dict[str, Param] = {"decision": decision, "date": date.strftime("%d/%m/%Y"), "n": n}
    if by:
        return msg("report.appointed.by", by=by, **figures)
    return msg("report.appointed", **figures)


def plan_contests(election: Election, rules: RuleSet) -> list[ContestPlan]:
    """The contests to be voted (an appointed body is not), each with its base and layout."""
    plans = []
    for contest in election.contests:
        if contest.appointed is not None:
            continue
        base = majority_base(election, rules, contest)
        thr = (
            threshold(base.value, rules.decision.majority.value) if base.value is not None else None
        )
        plans.append(ContestPlan(contest, ballot_layout(contest), base, thr))
    return plans


@dataclass(frozen=True)
class ElectionContext:
    """The whole election before the vote: what every check of :data:`ELECTION_CHECKS` looks
    at."""

    election: Election
    rules: RuleSet
    plans: tuple[ContestPlan, ...]
    polls: dict[str, PollOutcome]  # contest id → its counted nomination poll
    plan: bool  # the personnel plan's before-the-vote checks too
    pending: tuple[NotEntered, ...]  # rounds whose files are named but not written yet


ELECTION_CHECKS: Registry[ElectionContext] = Registry("election")


@ELECTION_CHECKS.register(FindingCode.NOT_ENTERED)
def _note_not_entered(ctx: ElectionContext) -> list[Finding]:
    """A note (severity info) for each round whose files are named but not written yet."""
    return [
        finding(
            FindingCode.NOT_ENTERED,
            "info",
            msg(
                "finding.not_entered",
                message=due.message_msg(),
                hint=Cased(due.hint_msg(), "capital"),
            ),
            contest=due.contest,
        )
        for due in ctx.pending
    ]


@ELECTION_CHECKS.register(FindingCode.APPOINTED)
def _note_appointed(ctx: ElectionContext) -> list[Finding]:
    """A note (severity info) for each body appointed by decision: nothing is voted for it."""
    out: list[Finding] = []
    for contest in ctx.election.contests:
        a = contest.appointed
        if a is None:
            continue
        sentence = appointed_message(a.decision, a.date, a.by, len(contest.members))
        out.append(
            finding(
                FindingCode.APPOINTED,
                "info",
                msg("finding.appointed", body=_body(contest), sentence=sentence),
                contest=contest.id,
                actual=a.decision,
            )
        )
    return out


@ELECTION_CHECKS.register(*LIST_CHECKS.codes, rule=LIST_CHECKS.rules)
def _check_lists(ctx: ElectionContext) -> list[Finding]:
    """Each contest's list: the checks of :data:`LIST_CHECKS` (:func:`check_list`)."""
    out: list[Finding] = []
    for contest in ctx.election.contests:
        out += check_list(ctx.election, ctx.rules, contest, ctx.polls.get(contest.id))
    return out


@ELECTION_CHECKS.register(FindingCode.NO_MAJORITY_POSSIBLE, rule="decision.majority")
def _check_majority_possible(ctx: ElectionContext) -> list[Finding]:
    """Enough are present for anyone to pass the majority (a warning)."""
    rules = ctx.rules
    out: list[Finding] = []
    maj = ("decision.majority", rules.decision.majority)
    majority = majority_words(rules.decision.majority.value)
    plans = ctx.plans
    for cp in plans:
        base = cp.base
        if base.value is None or base.present is None or cp.contest.body == "nomination_poll":
            continue
        present = base.present
        if not passes(present, base.value, rules.decision.majority.value):
            assert cp.threshold is not None  # the base is known
            out.append(
                finding(
                    FindingCode.NO_MAJORITY_POSSIBLE,
                    "warning",
                    msg(
                        "finding.no_majority_possible",
                        body=_body(cp.contest),
                        present=present,
                        majority=majority,
                        base=base.value,
                        threshold=cp.threshold,
                    ),
                    rule=maj,
                    contest=cp.contest.id,
                    expected=cp.threshold,
                    actual=present,
                )
            )
    return out


@ELECTION_CHECKS.register(FindingCode.BELOW_QUORUM, rule="decision.quorum")
def _check_quorum(ctx: ElectionContext) -> list[Finding]:
    """Those present reach the quorum of those summoned (a warning)."""
    rules, election = ctx.rules, ctx.election
    out: list[Finding] = []
    quorum = rules.decision.quorum.value
    e = election.electorate
    if (
        quorum is not None
        and e.summoned is not None
        and e.present is not None
        and not at_least(e.present, e.summoned, quorum)
    ):
        out.append(
            finding(
                FindingCode.BELOW_QUORUM,
                "warning",
                msg("finding.below_quorum", present=e.present, summoned=e.summoned, quorum=quorum),
                rule=("decision.quorum", rules.decision.quorum),
                expected=f"≥ {format_share(quorum)}",
                actual=e.present,
            )
        )
    return out


@ELECTION_CHECKS.register(FindingCode.ISSUED_OVER_PRESENT)
def _check_issued(ctx: ElectionContext) -> list[Finding]:
    """No round issues more ballots than voters are present (a warning)."""
    out: list[Finding] = []
    plans = ctx.plans
    for cp in plans:
        for ri, rnd in enumerate(cp.contest.rounds):
            round_present = rnd.present if rnd.present is not None else cp.base.present
            if rnd.issued is not None and round_present is not None and rnd.issued > round_present:
                out.append(
                    finding(
                        FindingCode.ISSUED_OVER_PRESENT,
                        "warning",
                        msg(
                            "finding.issued_over_present",
                            body=_body(cp.contest),
                            round=ri + 1,
                            issued=rnd.issued,
                            present=round_present,
                        ),
                        contest=cp.contest.id,
                        expected=f"≤ {round_present}",
                        actual=rnd.issued,
                    )
                )
    return out


@ELECTION_CHECKS.register(FindingCode.BOARD_MEMBER_ON_LIST, rule="lists.counting_board_not_on_list")
def _check_board(ctx: ElectionContext) -> list[Finding]:
    """A counting board's member on an election list (QĐ 190 Điều 8 khoản 1): an error naming
    the person, once per list. Names are matched in NFC, as typed on any keyboard."""
    election, rules = ctx.election, ctx.rules
    param = rules.lists.counting_board_not_on_list
    if param is None or not param.value:
        return []
    boards: list[tuple[Msg, list[str]]] = []
    for board, where in (
        (election.board, msg("board.congress")),
        (election.conference.board if election.conference else None, msg("board.conference")),
    ):
        if board is not None:
            boards.append((where, [board.head or "", *board.members]))
    for contest in election.contests:
        for ri, rnd in enumerate(contest.rounds):
            if rnd.session is not None and rnd.session.board is not None:
                b = rnd.session.board
                boards.append((msg("board.round", round=ri + 1), [b.head or "", *b.members]))
    on_board: dict[str, Msg] = {}
    for where, names in boards:
        for name in names:
            if name.strip():
                on_board.setdefault(nfc(name).strip(), where)
    out: list[Finding] = []
    people = election.people_by_id
    for contest in election.contests:
        for pid in dict.fromkeys(contest.candidates):
            person = people.get(pid)
            if person is None or nfc(person.name).strip() not in on_board:
                continue
            out.append(
                finding(
                    FindingCode.BOARD_MEMBER_ON_LIST,
                    "error",
                    msg(
                        "finding.board_member_on_list",
                        body=_body(contest),
                        name=person.name,
                        board=on_board[nfc(person.name).strip()],
                    ),
                    rule=("lists.counting_board_not_on_list", param),
                    contest=contest.id,
                    person=pid,
                )
            )
    return out


@ELECTION_CHECKS.register(
    FindingCode.ALTERNATE_NOT_ON_COMBINED_LIST, rule="lists.delegates_combined_list"
)
def _check_combined_list(ctx: ElectionContext) -> list[Finding]:
    """Official and alternate delegates come from one combined list (QĐ 190 Điều 18): the
    official delegates' list is that list, so an alternate not on it is an error."""
    election, rules = ctx.election, ctx.rules
    rule = _combined_rule(rules)
    officials = _official_delegates(election)
    if rule is None or not officials:
        return []
    combined = {p for c in officials for p in (*c.candidates, *(w.id for w in c.withdrawn))}
    ids = ", ".join(c.id for c in officials)
    people = election.people_by_id
    out: list[Finding] = []
    for contest in election.contests:
        if contest.body != "alternate_delegates" or contest.appointed is not None:
            continue
        for pid in contest.candidates:
            if pid in combined:
                continue
            name = people[pid].name if pid in people else pid
            out.append(
                finding(
                    FindingCode.ALTERNATE_NOT_ON_COMBINED_LIST,
                    "error",
                    msg(
                        "finding.alternate_not_on_combined_list",
                        body=_body(contest),
                        name=name,
                        official=ids,
                    ),
                    rule=rule,
                    contest=contest.id,
                    person=pid,
                )
            )
    return out


@ELECTION_CHECKS.register(*PLANNED_CHECKS.codes, rule=PLANNED_CHECKS.rules)
def _check_plan_before(ctx: ElectionContext) -> list[Finding]:
    """The personnel plan against the lists (:func:`tally.plan_checks.before_vote`), unless
    left to the counted result (``tally check``)."""
    return before_vote(ctx.election, ctx.rules) if ctx.plan else []


@dataclass(frozen=True)
class CountedContext:
    """The counted election: what every check of :data:`COUNTED_CHECKS` looks at."""

    election: Election
    rules: RuleSet
    result: ElectionResult


COUNTED_CHECKS: Registry[CountedContext] = Registry("counted")


def check_counted(election: Election, rules: RuleSet, result: ElectionResult) -> list[Finding]:
    """The checks of :data:`COUNTED_CHECKS` on the counted result (``tally check``)."""
    return COUNTED_CHECKS.run(CountedContext(election, rules, result))


@COUNTED_CHECKS.register(
    FindingCode.ALTERNATE_ELECTED_OFFICIAL, rule="lists.delegates_combined_list"
)
def _check_alternates_after(ctx: CountedContext) -> list[Finding]:
    """After the count: nobody elected an official delegate stands on the alternates' list
    (QĐ 190 Điều 18: the official delegates first, the rest of the list for alternates)."""
    election, rules = ctx.election, ctx.rules
    elected = {cr.contest.id: cr.elected for cr in ctx.result.contests}
    rule = _combined_rule(rules)
    if rule is None:
        return []
    official: dict[str, str] = {}
    for c in _official_delegates(election):
        for pid in elected.get(c.id, []):
            official.setdefault(pid, c.id)
    people = election.people_by_id
    out: list[Finding] = []
    for contest in election.contests:
        if contest.body != "alternate_delegates" or contest.appointed is not None:
            continue
        for pid in dict.fromkeys(contest.candidates):
            if pid not in official:
                continue
            out.append(
                finding(
                    FindingCode.ALTERNATE_ELECTED_OFFICIAL,
                    "error",
                    msg(
                        "finding.alternate_elected_official",
                        body=_body(contest),
                        name=people[pid].name if pid in people else pid,
                        official=official[pid],
                    ),
                    rule=rule,
                    contest=contest.id,
                    person=pid,
                    body=contest.body,
                )
            )
    return out


@COUNTED_CHECKS.register(ProblemCode.EMPTY_ROWS)
def _note_count_warnings(ctx: CountedContext) -> list[Finding]:
    """What the count warned about (empty rows skipped in a ballot file), as a warning."""
    return [
        finding(
            ProblemCode(w.code), "warning", w.message, contest=cr.contest.id, body=cr.contest.body
        )
        for cr in ctx.result.contests
        for rr in cr.rounds
        for w in rr.warnings
    ]


def validate(
    election: Election,
    rules: RuleSet,
    polls: dict[str, PollOutcome] | None = None,
    *,
    plan: bool = True,
    pending: Sequence[NotEntered] = (),
) -> ValidationReport:
    """Everything that can be checked before the vote: the checks of :data:`ELECTION_CHECKS`.

    ``polls`` maps a contest id to its counted nomination poll: the list is then checked
    against who the poll admitted instead of each nominee's ``support`` figure. ``plan=False``
    leaves out the personnel-plan checks (``tally check`` makes them on the counted result).
    ``pending``: the rounds whose files are not written yet, noted (not an error).
    """
    plans = plan_contests(election, rules)
    ctx = ElectionContext(election, rules, tuple(plans), polls or {}, plan, tuple(pending))
    findings = ELECTION_CHECKS.run(ctx)
    bodies = {c.id: c.body for c in election.contests}
    findings = [
        replace(f, body=bodies.get(f.contest)) if f.body is None and f.contest else f
        for f in findings
    ]
    return ValidationReport(election, rules, tuple(plans), tuple(sort_findings(findings)))
