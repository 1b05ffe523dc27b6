"""Checks against the approved personnel plan (đề án nhân sự), before and after the vote.

Pure: an Election, a RuleSet and (after the vote) what each body elected go in; Findings and a
structure table come out. Every share is compared in integers (``100 * women >= 15 * elected``).
Targets are aims: a missed target is a warning and never changes who is elected (rules.md §7).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from tally.domain.bodies import BUILTIN_TARGETS, elected_from
from tally.election import BodyPlan, Contest, Election, Person, Plan, Target
from tally.findings import Finding, finding
from tally.i18n import MESSAGES, Cased, Msg, Param, msg, passed_words
from tally.kinds import BODIES, FindingCode, Lang
from tally.registry import Registry
from tally.ruleset.models import RuleSet
from tally.shares import at_least, at_most, format_quantity, needed
from tally.textnorm import nfc

if TYPE_CHECKING:
    from tally.engine import ElectionResult

POST_BODIES = ("secretary", "deputy_secretary", "inspection_chair")


@dataclass(frozen=True)
class BodyResult:
    """What the count says about one body, over all its contests and rounds."""

    body: str
    contests: tuple[str, ...]
    seats: int  # seats the contests set out to fill
    elected: tuple[str, ...]
    passed_not_elected: tuple[tuple[str, int], ...]  # (person, votes), most votes first
    tied: tuple[str, ...]  # straddling the last seat, a re-vote pending
    open_seats: int
    counted: bool  # every contest has an accepted count (not rejected, void or missing)

    def merge(self, other: BodyResult) -> BodyResult:
        return BodyResult(
            self.body,
            self.contests + other.contests,
            self.seats + other.seats,
            self.elected + other.elected,
            self.passed_not_elected + other.passed_not_elected,
            self.tied + other.tied,
            self.open_seats + other.open_seats,
            self.counted and other.counted,
        )


@dataclass(frozen=True)
class TargetRow:
    """One structure target of one body: what the plan asks and what was elected."""

    body: str
    target: str
    min: int | Fraction | None
    max: int | Fraction | None
    count: int  # elected who meet it
    of: int  # elected
    needed: int | None  # fewest that reach ``min``
    unknown: int  # elected whose data does not say
    met: bool
    spec: Target


@dataclass(frozen=True)
class PlanReport:
    findings: tuple[Finding, ...]
    structure: tuple[TargetRow, ...]


# --- people and targets ------------------------------------------------------------------


def age_on(born: dt.date, day: dt.date) -> int:
    """Whole years of age on ``day``."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


TargetKind = Literal["women", "youth", "ethnic_minority", "renewal", "attribute"]


def target_kind(key: str, target: Target) -> TargetKind:
    if key == "women":
        return "women"
    if key == "youth" or target.age_below is not None:
        return "youth"
    if key == "ethnic_minority":
        return "ethnic_minority"
    if key == "renewal":
        return "renewal"
    return "attribute"


def meets(person: Person, key: str, target: Target, day: dt.date) -> bool | None:
    """Does ``person`` count towards the target? None when the file does not say."""
    kind = target_kind(key, target)
    if kind == "women":
        return None if person.sex is None else person.sex == "F"
    if kind == "youth":
        if person.born is None or target.age_below is None:
            return None
        return age_on(person.born, day) < target.age_below
    if kind == "ethnic_minority":
        if person.ethnicity is None:
            return None
        return nfc(person.ethnicity).casefold() != "kinh"
    if kind == "renewal":
        return not person.incumbent
    return (target.attribute or key) in person.attributes


def target_message(key: str, target: Target) -> Msg:
    """The name of a structure target: ``Nữ``, ``Dưới 40 tuổi``, ``Thuộc nhóm 'sci_tech'``."""
    if target.age_below is not None:
        return msg("target.age_below", age=target.age_below)
    if key not in BUILTIN_TARGETS:
        return msg("target.attribute", attr=target.attribute or key)
    return msg(f"target.{key}")


def target_label(key: str, target: Target, lang: Lang) -> str:
    return target_message(key, target).text(lang)


def _bound(value: int | Fraction) -> str:
    return str(format_quantity(value))


# --- helpers -----------------------------------------------------------------------------


def _body_name(body: str) -> Msg | str:
    return msg(f"body.{body}") if f"body.{body}" in MESSAGES else body


def _body_label(body: str, contests: Sequence[str] = ()) -> Msg | str:
    """``Ban Chấp hành (bch)``: the body and the contests that elect it."""
    if contests:
        return msg("finding.body", body=_body_name(body), ids=", ".join(contests))
    return _body_name(body)


def _listing(items: Sequence[Msg]) -> Msg:
    """Messages one after another, separated by commas (at least one)."""
    out: Msg = items[0]
    for item in items[1:]:
        out = msg("text.comma", head=out, last=item)
    return out


def _name(election: Election, pid: str) -> str:
    person = election.people_by_id.get(pid)
    return person.name if person else pid


def _names(election: Election, ids: Iterable[str]) -> str:
    return ", ".join(_name(election, p) for p in ids)


def _date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class _PlanSource:
    """The approved plan as the basis of a finding: cited by who approved it and when."""

    cite: str
    provenance: str


def plan_source(plan: Plan) -> _PlanSource:
    who = plan.approved_by or "cấp có thẩm quyền"
    when = f", {_date(plan.approved_on)}" if plan.approved_on else ""
    # The plan is a fact of the file, not a reading of a regulation: verified by definition.
    return _PlanSource(f"Đề án nhân sự ({who}{when})", "V")


def _contests_by_body(election: Election) -> dict[str, list[Contest]]:
    out: dict[str, list[Contest]] = {}
    for c in election.contests:
        if c.body != "nomination_poll":
            out.setdefault(c.body, []).append(c)
    return out


def _parent(election: Election, rules: RuleSet, contest: Contest) -> str | None:
    """The body this contest's candidates come from, if the election holds it."""
    have = _contests_by_body(election)
    for parent in elected_from(election, rules, contest):
        if parent in have:
            return parent
    return None


def _path(election: Election, rules: RuleSet, body: str) -> list[str]:
    """The bodies a person must be elected to, in order, to hold a post in ``body``.

    The post's own body need not be in the file (a congress-only folder still says that the
    planned secretary must first be elected to the committee).
    """
    have = _contests_by_body(election)
    path = [body]
    seen = {body}
    while True:
        here = path[0]
        if here in have:
            parent = _parent(election, rules, have[here][0])
        else:
            # keyed by Body; ``here`` is any body name, so look it up by value
            parents = next((ps for b, ps in rules.plan.elected_from.value.items() if b == here), [])
            parent = next((p for p in parents if p in have), None)
        if parent is None or parent in seen:
            return path
        path.insert(0, parent)
        seen.add(parent)


def _cutoff(bp: BodyPlan, person: Person) -> tuple[dt.date | None, bool]:
    """The plan's birth-date cut-off for this person, and whether it is the re-election one."""
    limits = bp.age_limits
    if limits is None or person.sex is None:
        return None, person.incumbent
    table = limits.reelection_born_from if person.incumbent else limits.first_time_born_from
    if table is None:
        return None, person.incumbent
    return (table.M if person.sex == "M" else table.F), person.incumbent


# --- before the vote ---------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedContext:
    """One body of the plan against its lists, before its vote: what every check of
    :data:`PLANNED_CHECKS` looks at."""

    election: Election
    rules: RuleSet
    body: str
    bp: BodyPlan
    contests: tuple[Contest, ...]
    src: _PlanSource

    @cached_property
    def ids(self) -> list[str]:
        return [c.id for c in self.contests]

    @cached_property
    def contest_seats(self) -> int:
        return sum(c.seats or 0 for c in self.contests)

    @cached_property
    def listed(self) -> list[str]:
        return list(dict.fromkeys(p for c in self.contests for p in c.listed))


PLANNED_CHECKS: Registry[PlannedContext] = Registry("planned")


def before_vote(election: Election, rules: RuleSet, skip: Iterable[str] = ()) -> list[Finding]:
    """The plan against the lists: the checks of :data:`PLANNED_CHECKS` on each planned body
    that has contests.

    ``skip`` names bodies already counted (their findings come from :func:`after_vote`).
    """
    plan = election.plan
    if plan is None:
        return []
    src = plan_source(plan)
    out: list[Finding] = []
    by_body = _contests_by_body(election)
    skipped = set(skip)
    for body, bp in plan.bodies.items():
        contests = by_body.get(body, [])
        if body in skipped or not contests:
            continue
        ctx = PlannedContext(election, rules, body, bp, tuple(contests), src)
        out += PLANNED_CHECKS.run(ctx)
    return out


@PLANNED_CHECKS.register(FindingCode.SEATS_MISMATCH, rule="plan.bodies.<body>.seats")
def _check_planned_seats(ctx: PlannedContext) -> list[Finding]:
    """The contests' seats are the seats the plan approved for the body."""
    return _seats_vs_plan(ctx.bp, ctx.body, ctx.ids, ctx.contest_seats, ctx.src)


@PLANNED_CHECKS.register(FindingCode.TARGET_UNREACHABLE, rule="plan.targets")
def _check_reachable(ctx: PlannedContext) -> list[Finding]:
    """Each structure minimum can still be met from the names on the list (a warning)."""
    people = ctx.election.people_by_id
    day = ctx.election.congress.date
    seats = ctx.bp.seats or ctx.contest_seats
    out: list[Finding] = []
    for key, target in ctx.bp.targets.items():
        if target.min is None:
            continue
        need = needed(seats, target.min)
        able = sum(1 for p in ctx.listed if p in people and meets(people[p], key, target, day))
        if able >= need:
            continue
        out.append(
            finding(
                FindingCode.TARGET_UNREACHABLE,
                "warning",
                msg(
                    "finding.target_unreachable",
                    body=_body_label(ctx.body, ctx.ids),
                    label=Cased(target_message(key, target), "lower"),
                    need=need,
                    seats=seats,
                    bound=_bound(target.min),
                    able=able,
                ),
                rule=("plan.targets", ctx.rules.plan.targets),
                contest=ctx.ids[0],
                body=ctx.body,
                expected=f"≥ {need}",
                actual=able,
            )
        )
    return out


@PLANNED_CHECKS.register(FindingCode.AGE_LIMIT, rule="plan.age_limits")
def _check_listed_age(ctx: PlannedContext) -> list[Finding]:
    """A listed candidate born before the plan's age cut-off (a warning before the vote)."""
    people = ctx.election.people_by_id
    out: list[Finding] = []
    for pid in ctx.listed:
        person = people.get(pid)
        if person is None or person.born is None:
            continue
        cutoff, again = _cutoff(ctx.bp, person)
        if cutoff is not None and person.born < cutoff:
            out.append(
                _age_finding(
                    ctx.election,
                    ctx.rules,
                    ctx.body,
                    ctx.ids,
                    person,
                    cutoff,
                    again,
                    "warning",
                    elected=False,
                )
            )
    return out


def _seats_vs_plan(
    bp: BodyPlan, body: str, ids: list[str], contest_seats: int, src: _PlanSource
) -> list[Finding]:
    if bp.seats is None or bp.seats == contest_seats:
        return []
    said = msg(
        "finding.seats_mismatch.list",
        body=_body_label(body, ids),
        seats=contest_seats,
        planned=bp.seats,
    )
    return [
        finding(
            FindingCode.SEATS_MISMATCH,
            "error",
            said,
            rule=(f"plan.bodies.{body}.seats", src),
            contest=ids[0],
            body=body,
            expected=bp.seats,
            actual=contest_seats,
        )
    ]


def _age_finding(
    election: Election,
    rules: RuleSet,
    body: str,
    ids: list[str],
    person: Person,
    cutoff: dt.date,
    again: bool,
    severity: Literal["error", "warning"],
    *,
    elected: bool,
) -> Finding:
    assert person.born is not None
    months = rules.plan.age_limits.value
    left = (
        (months.reelection_months_left if again else months.first_time_months_left)
        if months
        else None
    )
    words: dict[str, Param] = {
        "body": _body_label(body, ids),
        "name": person.name,
        "born": _date(person.born),
        "done": msg("age.elected" if elected else "age.listed"),
        "what": msg("age.reelection" if again else "age.first_time"),
        "sex": msg("age.M" if person.sex == "M" else "age.F"),
        "cutoff": _date(cutoff),
    }
    said = msg("finding.age_limit.months", months=left, **words) if left else None
    return finding(
        FindingCode.AGE_LIMIT,
        severity,
        said or msg("finding.age_limit", **words),
        rule=("plan.age_limits", rules.plan.age_limits),
        contest=ids[0],
        person=person.id,
        body=body,
        expected=f"≥ {cutoff.isoformat()}",
        actual=person.born.isoformat(),
    )


# --- after the vote ----------------------------------------------------------------------


def body_results(result: ElectionResult) -> dict[str, BodyResult]:
    """Gather the counted contests by body (a body may be elected in more than one contest)."""
    out: dict[str, BodyResult] = {}
    for cr in result.contests:
        c = cr.contest
        if c.body == "nomination_poll":
            continue
        elected = cr.elected
        passed: dict[str, int] = {}
        for rr in cr.rounds:
            if rr.decision is None:
                continue
            for i, pid in enumerate(rr.candidates):
                if rr.decision.passed[i] and pid not in elected:
                    passed[pid] = rr.tally.votes[i]
        last = cr.last
        decision = last.decision if last is not None else None
        tied = (
            tuple(last.candidates[i] for i in decision.tie.candidates)
            if last is not None and decision is not None and decision.tie is not None
            else ()
        )
        one = BodyResult(
            c.body,
            (c.id,),
            c.seats or 0,
            tuple(elected),
            tuple(sorted(passed.items(), key=lambda kv: -kv[1])),
            tied,
            0 if c.appointed is not None else decision.open_seats if decision else (c.seats or 0),
            # an appointed body holds its seats by decision: the plan checks apply to it as
            # to a counted one (issue 16)
            c.appointed is not None
            or (bool(cr.rounds) and all(r.decision is not None for r in cr.rounds)),
        )
        before = out.get(c.body)
        out[c.body] = one if before is None else before.merge(one)
    return out


@dataclass(frozen=True)
class ResultContext:
    """The counted bodies against the chain and the approved plan: what every check of
    :data:`AFTER_CHECKS` looks at."""

    election: Election
    rules: RuleSet
    bodies: dict[str, BodyResult]


AFTER_CHECKS: Registry[ResultContext] = Registry("after")


def after_vote(election: Election, rules: RuleSet, bodies: dict[str, BodyResult]) -> PlanReport:
    """The counted result against the rules of the chain and the approved plan: the checks of
    :data:`AFTER_CHECKS`, and each counted body's row for each structure target."""
    ctx = ResultContext(election, rules, bodies)
    rows = [row for body in _counted_bodies(ctx) for row in _target_rows(body)]
    return PlanReport(tuple(AFTER_CHECKS.run(ctx)), tuple(rows))


@dataclass(frozen=True)
class BodyContext:
    """One counted body against its part of the plan: what every body check after the vote
    looks at (the checks of :data:`BODY_CHECKS`)."""

    election: Election
    rules: RuleSet
    body: str
    bp: BodyPlan
    br: BodyResult
    src: _PlanSource

    @cached_property
    def ids(self) -> list[str]:
        return list(self.br.contests)

    @cached_property
    def label(self) -> Msg | str:
        return _body_label(self.body, self.ids)

    @cached_property
    def elected(self) -> list[Person]:
        people = self.election.people_by_id
        return [people[p] for p in self.br.elected if p in people]

    @cached_property
    def plan(self) -> Msg:
        """What the plan is called: a Party congress's "đề án", a state election's intended
        structure and composition ("dự kiến cơ cấu", Luật 85/2015 Điều 8–9)."""
        state = self.election.congress.kind == "constituency"
        return msg("plan.word.state" if state else "plan.word.party")


BODY_CHECKS: Registry[BodyContext] = Registry("body")


def _counted_bodies(ctx: ResultContext) -> list[BodyContext]:
    """Each body of the plan whose contests are all counted, in the plan's order."""
    plan = ctx.election.plan
    if plan is None:
        return []
    src = plan_source(plan)
    out: list[BodyContext] = []
    for body, bp in plan.bodies.items():
        br = ctx.bodies.get(body)
        if br is not None and br.counted:
            out.append(BodyContext(ctx.election, ctx.rules, body, bp, br, src))
    return out


def _target_rows(ctx: BodyContext) -> list[TargetRow]:
    """Each structure target of the body: how many of the elected meet it, against the plan."""
    day = ctx.election.congress.date
    n = len(ctx.elected)
    rows: list[TargetRow] = []
    for key, target in ctx.bp.targets.items():
        verdicts = [meets(p, key, target, day) for p in ctx.elected]
        count = sum(1 for v in verdicts if v)
        unknown = sum(1 for v in verdicts if v is None)
        need = needed(n, target.min) if target.min is not None else None
        ok_min = target.min is None or at_least(count, n, target.min)
        ok_max = target.max is None or at_most(count, n, target.max)
        rows.append(
            TargetRow(
                ctx.body,
                key,
                target.min,
                target.max,
                count,
                n,
                need,
                unknown,
                ok_min and ok_max,
                target,
            )
        )
    return rows


@BODY_CHECKS.register(FindingCode.SEATS_MISMATCH, rule="plan.bodies.<body>.seats")
def _check_seats(ctx: BodyContext) -> list[Finding]:
    """The seats against the plan; fewer elected than planned while seats are open (a warning)."""
    bp, br = ctx.bp, ctx.br
    out = _seats_vs_plan(bp, ctx.body, ctx.ids, br.seats, ctx.src)
    n = len(ctx.elected)
    if bp.seats is None or bp.seats != br.seats or n == bp.seats:
        return out
    tails = [msg("finding.seats_mismatch.open", open=br.open_seats)] if br.open_seats else []
    if br.tied:
        tails.append(msg("finding.seats_mismatch.tied", names=_names(ctx.election, br.tied)))
    figures: dict[str, Param] = {"body": ctx.label, "n": n, "planned": bp.seats}
    said = msg("finding.seats_mismatch", **figures)
    if tails:
        tail = tails[0] if len(tails) == 1 else msg("text.join", first=tails[0], second=tails[1])
        said = msg("finding.seats_mismatch.tail", tail=tail, **figures)
    out.append(
        finding(
            FindingCode.SEATS_MISMATCH,
            "warning",
            said,
            rule=(f"plan.bodies.{ctx.body}.seats", ctx.src),
            contest=ctx.ids[0],
            body=ctx.body,
            expected=bp.seats,
            actual=n,
        )
    )
    return out


def _closers(ctx: BodyContext, key: str, target: Target) -> Msg:
    """Who passed the threshold, was not elected, and would close a missed target."""
    people, day = ctx.election.people_by_id, ctx.election.congress.date
    passed = passed_words(ctx.rules.decision.majority.value)
    closers = [
        (pid, votes)
        for pid, votes in ctx.br.passed_not_elected
        if pid in people and meets(people[pid], key, target, day)
    ]
    if not closers:
        return msg("close.none", passed=passed)
    who = [msg("close.who", name=_name(ctx.election, p), votes=v) for p, v in closers]
    return msg("close.some", passed=passed, who=_listing(who))


@BODY_CHECKS.register(FindingCode.STRUCTURE_SHORT, FindingCode.STRUCTURE_OVER, rule="plan.targets")
def _check_targets(ctx: BodyContext) -> list[Finding]:
    """Structure targets are aims, so a missed one is a warning (rules.md §7)."""
    targets_rule = ("plan.targets", ctx.rules.plan.targets)
    out: list[Finding] = []
    for row in _target_rows(ctx):
        key, target, count, n = row.target, row.spec, row.count, row.of
        label = Cased(target_message(key, target), "lower")
        if target.min is not None and not at_least(count, n, target.min):
            assert row.needed is not None
            said = msg(
                "finding.structure_short",
                body=ctx.label,
                label=label,
                count=count,
                n=n,
                plan=ctx.plan,
                want=_wanted(target.min, row.needed),
                short=row.needed - count,
                close=_closers(ctx, key, target),
            )
            out.append(
                finding(
                    FindingCode.STRUCTURE_SHORT,
                    "warning",
                    said,
                    rule=targets_rule,
                    contest=ctx.ids[0],
                    body=ctx.body,
                    expected=f"≥ {row.needed}",
                    actual=count,
                )
            )
        if target.max is not None and not at_most(count, n, target.max):
            bound = _bound(target.max)
            said = msg(
                "finding.structure_over",
                body=ctx.label,
                label=label,
                count=count,
                n=n,
                plan=ctx.plan,
                bound=bound,
            )
            out.append(
                finding(
                    FindingCode.STRUCTURE_OVER,
                    "warning",
                    said,
                    rule=targets_rule,
                    contest=ctx.ids[0],
                    body=ctx.body,
                    expected=f"≤ {bound}",
                    actual=count,
                )
            )
    return out


@BODY_CHECKS.register(FindingCode.AGE_LIMIT, rule="plan.age_limits")
def _check_age(ctx: BodyContext) -> list[Finding]:
    """The age cut-offs: a standard of the plan, not an aim, so an error once elected."""
    out: list[Finding] = []
    for p in ctx.elected:
        if p.born is None:
            continue
        cutoff, again = _cutoff(ctx.bp, p)
        if cutoff is not None and p.born < cutoff:
            out.append(
                _age_finding(
                    ctx.election,
                    ctx.rules,
                    ctx.body,
                    ctx.ids,
                    p,
                    cutoff,
                    again,
                    "error",
                    elected=True,
                )
            )
    return out


def _missing_fields(ctx: BodyContext) -> dict[str, set[str]]:
    """Per elected person, the fields a target or the age cut-offs need but are not given."""
    day = ctx.election.congress.date
    missing: dict[str, set[str]] = {}
    for key, target in ctx.bp.targets.items():
        for p in ctx.elected:
            if meets(p, key, target, day) is None:
                missing.setdefault(p.id, set()).add(_needs_field(key, target))
    if ctx.bp.age_limits is not None:
        for p in ctx.elected:
            if p.born is None:
                missing.setdefault(p.id, set()).add("born")
            elif p.sex is None:
                missing.setdefault(p.id, set()).add("sex")
    return missing


@BODY_CHECKS.register(FindingCode.PERSON_DATA_MISSING)
def _check_data(ctx: BodyContext) -> list[Finding]:
    """An elected person's data a target or a cut-off needs is missing (a warning)."""
    missing = _missing_fields(ctx)
    if not missing:
        return []
    who = "; ".join(
        f"{_name(ctx.election, pid)}: {', '.join(sorted(fields))}"
        for pid, fields in sorted(missing.items())
    )
    return [
        finding(
            FindingCode.PERSON_DATA_MISSING,
            "warning",
            msg("finding.person_data_missing", body=ctx.label, plan=ctx.plan, who=who),
            contest=ctx.ids[0],
            body=ctx.body,
            expected="sex, born, ethnicity",
            actual=len(missing),
        )
    ]


@BODY_CHECKS.register(FindingCode.OFF_PLAN_ELECTED, rule="plan.bodies.<body>.slate")
def _check_off_slate(ctx: BodyContext) -> list[Finding]:
    """Elected but not on the slate: a warning in a body, an error in a post."""
    if not ctx.bp.slate:
        return []
    slate = set(ctx.bp.slate)
    return [
        finding(
            FindingCode.OFF_PLAN_ELECTED,
            "error" if ctx.body in POST_BODIES else "warning",
            msg("finding.off_plan_elected", body=ctx.label, name=p.name),
            rule=(f"plan.bodies.{ctx.body}.slate", ctx.src),
            contest=ctx.ids[0],
            person=p.id,
            body=ctx.body,
        )
        for p in ctx.elected
        if p.id not in slate
    ]


@BODY_CHECKS.register(FindingCode.PLAN_MEMBER_NOT_ELECTED, rule="plan.bodies.<body>.slate")
def _check_slate_elected(ctx: BodyContext) -> list[Finding]:
    """On the slate, not elected (a note; it says so when the person is in a tie)."""
    chosen = set(ctx.br.elected)
    out: list[Finding] = []
    for pid in ctx.bp.slate:
        if pid in chosen:
            continue
        case = ".tied" if pid in ctx.br.tied else ""
        said = msg(
            f"finding.plan_member_not_elected{case}",
            body=ctx.label,
            name=_name(ctx.election, pid),
        )
        out.append(
            finding(
                FindingCode.PLAN_MEMBER_NOT_ELECTED,
                "info",
                said,
                rule=(f"plan.bodies.{ctx.body}.slate", ctx.src),
                contest=ctx.ids[0],
                person=pid,
                body=ctx.body,
            )
        )
    return out


def _wanted(minimum: int | Fraction, need: int) -> Msg:
    """ "ít nhất 3 người (15%)" for a share, "ít nhất 1 người" for a count."""
    if isinstance(minimum, int):
        return msg("want.count", need=need)
    return msg("want.share", need=need, bound=_bound(minimum))


def _needs_field(key: str, target: Target) -> str:
    kind = target_kind(key, target)
    return {"women": "sex", "youth": "born", "ethnic_minority": "ethnicity"}.get(kind, kind)


@AFTER_CHECKS.register(FindingCode.CHAIN_VIOLATION, rule="plan.elected_from")
def _check_chain(ctx: ResultContext) -> list[Finding]:
    """Each body is elected from the one before it: the elected must sit in the elected parent."""
    election, rules, bodies = ctx.election, ctx.rules, ctx.bodies
    out: list[Finding] = []
    rule = ("plan.elected_from", rules.plan.elected_from)
    for contest in election.contests:
        br = bodies.get(contest.body)
        parent = _parent(election, rules, contest)
        if br is None or parent is None:
            continue
        pr = bodies.get(parent)
        if pr is None or not pr.counted:
            continue
        label_of_body = _body_label(contest.body, [contest.id])
        label_of_parent = _body_label(parent, list(pr.contests))
        for pid in br.elected:
            if pid in pr.elected or pid not in contest.listed:
                continue
            name = _name(election, pid)
            out.append(
                finding(
                    FindingCode.CHAIN_VIOLATION,
                    "error",
                    msg(
                        "finding.chain_violation",
                        body=label_of_body,
                        name=name,
                        parent=Cased(label_of_parent, "running"),
                    ),
                    rule=rule,
                    contest=contest.id,
                    person=pid,
                    body=contest.body,
                    expected=f"in {parent}",
                    actual=pid,
                )
            )
    return out


@AFTER_CHECKS.register(*BODY_CHECKS.codes, rule=BODY_CHECKS.rules)
def _check_bodies(ctx: ResultContext) -> list[Finding]:
    """Each counted body against its part of the plan: the checks of :data:`BODY_CHECKS`."""
    return [f for body in _counted_bodies(ctx) for f in BODY_CHECKS.run(body)]


def _planned_posts(plan: Plan) -> list[tuple[str, str]]:
    """(post, person) for each post the plan names someone to."""
    posts = plan.posts
    planned: list[tuple[str, str]] = []
    if posts.secretary:
        planned.append(("secretary", posts.secretary))
    planned += [("deputy_secretary", p) for p in posts.deputy_secretary]
    if posts.inspection_chair:
        planned.append(("inspection_chair", posts.inspection_chair))
    planned += [("standing_committee", p) for p in posts.standing_committee]
    return planned


@AFTER_CHECKS.register(FindingCode.POST_NOT_ELECTED, rule="plan.post_not_elected")
def _check_posts_elected(ctx: ResultContext) -> list[Finding]:
    """A planned secretary, deputy, inspection chair (or standing-committee member) not elected
    to the post, or to a body on the way to it."""
    election, rules, bodies = ctx.election, ctx.rules, ctx.bodies
    if election.plan is None:
        return []
    out: list[Finding] = []
    for post, pid in _planned_posts(election.plan):
        path = _path(election, rules, post)
        for step, body in enumerate(path):
            br = bodies.get(body)
            if br is None or not br.counted:
                break  # not voted yet: nothing to say
            if pid in br.elected:
                continue
            out.append(
                _post_finding(election, rules, post, pid, body, br, path[step + 1 :], bodies)
            )
            break
    return out


@AFTER_CHECKS.register(FindingCode.OFF_PLAN_ELECTED, rule="plan.posts.<post>")
def _check_posts_held(ctx: ResultContext) -> list[Finding]:
    """Someone else in a planned post: a deviation from the plan, whatever led to it."""
    election, plan = ctx.election, ctx.election.plan
    if plan is None:
        return []
    planned = _planned_posts(plan)
    src = plan_source(plan)
    out: list[Finding] = []
    for post in (*POST_BODIES, "standing_committee"):
        names = {p for b, p in planned if b == post}
        br = ctx.bodies.get(post)
        slate = plan.bodies[post].slate if post in plan.bodies else []
        if not names or br is None or not br.counted or slate:
            continue
        for pid in br.elected:
            if pid in names:
                continue
            said = msg(
                "finding.off_plan_elected.post",
                post=_body_name(post),
                ids=", ".join(br.contests),
                name=_name(election, pid),
                planned=_names(election, sorted(names)),
            )
            out.append(
                finding(
                    FindingCode.OFF_PLAN_ELECTED,
                    "error",
                    said,
                    rule=(f"plan.posts.{post}", src),
                    contest=br.contests[0],
                    person=pid,
                    body=post,
                    expected=", ".join(sorted(names)),
                    actual=pid,
                )
            )
    return out


@AFTER_CHECKS.register(*PLANNED_CHECKS.codes, rule=PLANNED_CHECKS.rules)
def _check_not_yet_voted(ctx: ResultContext) -> list[Finding]:
    """The bodies not counted yet against the plan, as before their vote (:func:`before_vote`)."""
    counted = {b for b, br in ctx.bodies.items() if br.counted}
    return before_vote(ctx.election, ctx.rules, skip=counted)


def _post_finding(
    election: Election,
    rules: RuleSet,
    post: str,
    pid: str,
    body: str,
    br: BodyResult,
    after: list[str],
    bodies: dict[str, BodyResult],
) -> Finding:
    name = _name(election, pid)
    label_of_body = _body_label(body, list(br.contests))
    tie = pid in br.tied
    votes = dict(br.passed_not_elected).get(pid)
    head: Msg
    if body == post and not tie:
        head = msg(
            "post.head.own",
            name=name,
            post=Cased(_body_name(post), "running"),
            ids=", ".join(br.contests),
        )
    else:
        if body == post:
            state = msg("post.state.tied_own")
        elif tie:
            state = msg("post.state.tied")
        elif votes is not None:
            passed = passed_words(rules.decision.majority.value)
            state = msg("post.state.passed", votes=votes, passed=passed)
        else:
            state = msg("post.state.not_elected")
        head = msg(
            "post.head",
            name=name,
            post=Cased(_body_name(post), "running"),
            state=state,
            body=Cased(label_of_body, "running"),
        )
    rule = rules.plan.post_not_elected
    if after and rule.value == "pause_for_direction":
        nxt = after[0]
        nb = bodies.get(nxt)
        held = ".held" if nb is not None and nb.counted else ""
        tail = msg(
            f"post.pause{held}",
            next=Cased(_body_label(nxt, list(nb.contests) if nb else []), "running"),
        )
    else:
        tail = msg("post.report")
    return finding(
        FindingCode.POST_NOT_ELECTED,
        "warning" if tie else "error",
        msg("finding.post_not_elected", head=head, tail=tail),
        rule=("plan.post_not_elected", rule),
        contest=br.contests[0],
        person=pid,
        body=post,
        expected=f"{post}: {pid}",
        actual="tie" if tie else f"not elected to {body}",
    )


def ordered_bodies(bodies: Iterable[str]) -> list[str]:
    """Bodies in the order they are elected (committee first)."""
    rank: dict[str, int] = {b: i for i, b in enumerate(BODIES)}
    return sorted(set(bodies), key=lambda b: rank.get(b, len(rank)))
