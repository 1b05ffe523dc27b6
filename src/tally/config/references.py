"""Relations inside election.yaml that the models alone cannot check.

Every problem is collected (a board fixing a file wants the whole list at once) and located
at the key that is wrong. These are input errors (exit 2): the count cannot be trusted with
them. Rule checks on a well-formed file (surplus, slate, …) live in :mod:`tally.checks`.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from tally.config.models import CONFERENCE_BODIES, Contest, Election
from tally.errors import Issue, Location
from tally.kinds import MeetingKind
from tally.ruleset.models import RuleSet

Where = Callable[..., Location]

# Which electorate keys belong to which kind of meeting (design.md).
ELECTORATE_KEYS: dict[MeetingKind, tuple[str, ...]] = {
    "members_congress": (
        "summoned",
        "attached_elsewhere",
        "exempt_absent",
        "suspended_or_prosecuted",
        "absent_all_congress_approved",
        "present",
    ),
    "delegates_congress": ("summoned", "ex_officio", "absent_all_congress", "present"),
    "committee_conference": ("summoned", "present"),
    "constituency": ("registered",),
}
REQUIRED_KEY: dict[MeetingKind, str] = {
    "members_congress": "summoned",
    "delegates_congress": "summoned",
    "committee_conference": "summoned",
    "constituency": "registered",
}


def exclusions(election: Election) -> int:
    """People summoned who leave the base of a congress (rules.md §2)."""
    e = election.electorate
    if election.congress.kind == "delegates_congress":
        absent = e.absent_all_congress
        return (absent.ex_officio + absent.delegates_unreplaced) if absent else 0
    if election.congress.kind == "members_congress":
        return sum(
            x or 0
            for x in (
                e.attached_elsewhere,
                e.exempt_absent,
                e.suspended_or_prosecuted,
                e.absent_all_congress_approved,
            )
        )
    return 0


# Targets the plan can name without an attribute (rules.md §7); any other key counts the
# person attribute of the same name (or the one given by 'attribute').
BUILTIN_TARGETS: frozenset[str] = frozenset({"women", "youth", "ethnic_minority", "renewal"})


def meets_at_conference(election: Election, contest: Contest) -> bool:
    """Is this contest voted by the committee's conference (not by the congress)?"""
    if election.congress.kind == "committee_conference":
        return True
    if contest.at is not None:
        return contest.at == "conference"
    return contest.body in CONFERENCE_BODIES


def check_references(election: Election, rules: RuleSet, where: Where, folder: Path) -> list[Issue]:
    """Every inconsistency between parts of the file, located."""
    issues: list[Issue] = []

    def add(message: str, *path: str | int, hint: str | None = None) -> None:
        issues.append(Issue(message, where(*path), hint))

    kind = election.congress.kind
    _check_electorate(election, add)

    people: dict[str, int] = {}
    for i, person in enumerate(election.people):
        if person.id in people:
            add(
                f"duplicate person id '{person.id}' (also people[{people[person.id]}])",
                "people",
                i,
                "id",
            )
        people.setdefault(person.id, i)
        if person.support is not None and person.nominated_by == "committee":
            add("'support' is for floor nominees and self-nominees only", "people", i, "support")

    contests: dict[str, int] = {}
    for ci, contest in enumerate(election.contests):
        if contest.id in contests:
            add(f"duplicate contest id '{contest.id}'", "contests", ci, "id")
        contests.setdefault(contest.id, ci)

    named = _named_files(election, folder)
    for ci, contest in enumerate(election.contests):
        _check_contest(election, rules, ci, contest, people, contests, add, folder, named)

    if kind != "constituency" and any(c.body == "deputies" for c in election.contests):
        add(
            "'deputies' contests belong to a constituency (congress.kind: constituency)",
            "congress",
            "kind",
        )
    if kind == "constituency":
        for ci, contest in enumerate(election.contests):
            if contest.body != "deputies":
                add("a constituency elects 'deputies' only", "contests", ci, "body")
        if election.congress.assembly is None:
            add(
                "a constituency must say which assembly: national_assembly or peoples_council",
                "congress",
                hint="add 'assembly: peoples_council' under congress",
            )

    _check_chain(election, rules, add)
    _check_plan(election, people, add)
    return issues


def _check_electorate(election: Election, add: Callable[..., None]) -> None:
    kind = election.congress.kind
    e = election.electorate
    allowed = ELECTORATE_KEYS[kind]
    for key in type(e).model_fields:
        if getattr(e, key) is not None and key not in allowed:
            add(f"does not apply to a {kind} (its keys: {', '.join(allowed)})", "electorate", key)
    required = REQUIRED_KEY[kind]
    if getattr(e, required) is None:
        add(f"is required for a {kind}", "electorate", required)
        return
    if kind == "constituency":
        return
    summoned = e.summoned or 0
    excluded = exclusions(election)
    if excluded > summoned:
        add(
            f"those who leave the base ({excluded}) are more than the summoned ({summoned})",
            "electorate",
            "summoned",
        )
    absent = e.absent_all_congress
    if absent and e.ex_officio is not None and absent.ex_officio > e.ex_officio:
        add(
            f"more ex-officio delegates absent ({absent.ex_officio}) "
            f"than ex-officio delegates ({e.ex_officio})",
            "electorate",
            "absent_all_congress",
            "ex_officio",
        )
    if e.ex_officio is not None and e.ex_officio > summoned:
        add(
            f"ex-officio delegates ({e.ex_officio}) are more than the summoned ({summoned})",
            "electorate",
            "ex_officio",
        )
    if e.present is not None and e.present > summoned - excluded:
        add(
            f"present at the vote ({e.present}) is more than the summoned ({summoned}) minus "
            f"those absent all congress or excluded ({excluded})",
            "electorate",
            "present",
            hint="someone absent for the whole congress cannot be present at the vote",
        )
    conf = election.conference
    if (
        conf
        and conf.summoned is not None
        and conf.present is not None
        and conf.present > conf.summoned
    ):
        add(
            f"present ({conf.present}) is more than the summoned ({conf.summoned})",
            "conference",
            "present",
        )


def misspelt(folder: Path, rel: str, named: frozenset[str]) -> str | None:
    """The file a missing data file was probably meant to be, as election.yaml would name it.

    A close name (``bt1.csv`` for ``bt-1.csv``) in the same folder that no round names already:
    ``bch-2.csv`` is no typo of round 1's ``bch-1.csv`` but a round not voted yet.
    """
    target = folder / rel
    try:
        entries = [
            e
            for e in target.parent.iterdir()
            if not e.name.startswith(".")
            and e.name != "election.yaml"
            and os.path.normpath(e) not in named
            and e.is_file()
        ]
    except OSError:  # the folder does not exist (yet) or cannot be read
        return None
    by_key = {e.name.casefold(): e.name for e in entries}
    close = difflib.get_close_matches(target.name.casefold(), list(by_key), n=1, cutoff=0.8)
    if not close:
        return None
    return PurePosixPath(rel).with_name(by_key[close[0]]).as_posix()


def _named_files(election: Election, folder: Path) -> frozenset[str]:
    return frozenset(
        os.path.normpath(folder / rel)
        for contest in election.contests
        for rnd in contest.rounds
        for rel in [*([rnd.ballots] if rnd.ballots else []), *(rnd.tallies or [])]
    )


def _check_contest(
    election: Election,
    rules: RuleSet,
    ci: int,
    contest: Contest,
    people: dict[str, int],
    contests: dict[str, int],
    add: Callable[..., None],
    folder: Path,
    named: frozenset[str],
) -> None:
    seen: dict[str, int] = {}
    for pi, pid in enumerate(contest.candidates):
        if pid not in people:
            add(f"no person with id '{pid}' in people", "contests", ci, "candidates", pi)
        if pid in seen:
            add(
                f"'{pid}' is on the list twice (positions {seen[pid] + 1} and {pi + 1})",
                "contests",
                ci,
                "candidates",
                pi,
            )
        seen.setdefault(pid, pi)

    if contest.body == "nomination_poll":
        if contest.for_ is None:
            add("a nomination_poll needs 'for: <contest id>'", "contests", ci, "body")
        elif (
            contest.for_ not in contests
            or election.contests[contests[contest.for_]].body == "nomination_poll"
        ):
            add(f"no contest '{contest.for_}' to nominate for", "contests", ci, "for")
        if contest.seats is not None:
            add("a nomination_poll has no seats (the list's cap decides)", "contests", ci, "seats")
    else:
        if contest.for_ is not None:
            add("'for' belongs to nomination_poll contests", "contests", ci, "for")
        if contest.seats is None:
            add("is required", "contests", ci, "seats")
    if meets_at_conference(election, contest) and election.congress.kind == "constituency":
        add("a constituency has no conference", "contests", ci, "at")

    for ri, rnd in enumerate(contest.rounds):
        if rnd.ballots is not None and rnd.tallies is not None:
            add("give either 'ballots' or 'tallies', not both", "contests", ci, "rounds", ri)
        written = True
        for key, files in (
            ("ballots", [rnd.ballots] if rnd.ballots else []),
            ("tallies", rnd.tallies or []),
        ):
            present: list[bool] = []
            unusable: dict[int, str] = {}
            for fi, rel in enumerate(files):
                try:
                    present.append((folder / rel).is_file())
                except OSError as exc:
                    present.append(False)
                    unusable[fi] = exc.strerror or type(exc).__name__
            written = written and all(present)
            for fi, rel in enumerate(files):
                if present[fi]:
                    continue
                target = folder / rel
                path: tuple[str | int, ...] = ("contests", ci, "rounds", ri, key)
                if key == "tallies":
                    path = (*path, fi)
                if fi in unusable:  # a name too long for the file system, …
                    add(f"cannot use this path ({unusable[fi]}; {len(rel):,} characters)", *path)
                    continue
                guess = misspelt(folder, rel, named)
                if guess is not None:
                    add(f"file not found: {rel}", *path, hint=f"did you mean '{guess}'?")
                elif target.exists():
                    add(f"not a file: {rel}", *path, hint=f"looked for {target}")
                elif any(present):
                    add(
                        f"file not found: {rel}",
                        *path,
                        hint=f"looked for {target}; the round's other tally sheets are there: "
                        "write this one too, or take it off the list",
                    )
                # else: the round is not entered yet (a new election): still due, not an error
        if (rnd.ballots or rnd.tallies) and written and rnd.issued is None:
            add(
                "ballots issued is required once ballots are counted",
                "contests",
                ci,
                "rounds",
                ri,
                "issued",
            )
        if ri == 0:
            for key in ("seats", "candidates"):
                if getattr(rnd, key) is not None:
                    add(
                        f"the first round uses the contest's {key}; give {key} only in later rounds",
                        "contests",
                        ci,
                        "rounds",
                        ri,
                        key,
                    )
            continue
        if rnd.seats is None:
            add("a later round must say how many seats are open", "contests", ci, "rounds", ri)
        elif contest.seats is not None and rnd.seats > contest.seats:
            add(
                f"more seats ({rnd.seats}) than the contest has ({contest.seats})",
                "contests",
                ci,
                "rounds",
                ri,
                "seats",
            )
        if rnd.candidates is None:
            add("a later round must list its candidates", "contests", ci, "rounds", ri)
            continue
        for pi, pid in enumerate(rnd.candidates):
            if pid not in contest.candidates:
                add(
                    f"'{pid}' is not a candidate of contest '{contest.id}'",
                    "contests",
                    ci,
                    "rounds",
                    ri,
                    "candidates",
                    pi,
                    hint="a later round chooses among the contest's candidates not yet elected",
                )
        if len(set(rnd.candidates)) != len(rnd.candidates):
            add("a candidate is listed twice", "contests", ci, "rounds", ri, "candidates")
        max_more = rules.decision.later_rounds.value.max_additional
        if max_more is not None and ri > max_more:
            add(
                f"{rules.id} allows at most {max_more} later round(s) "
                f"({rules.decision.later_rounds.cite})",
                "contests",
                ci,
                "rounds",
                ri,
            )


def elected_from(election: Election, rules: RuleSet, contest: Contest) -> tuple[str, ...]:
    """The bodies a contest's candidates come from, nearest first (rule ``plan.elected_from``).

    A secretary or deputy elected directly at the congress comes from the committee.
    """
    parents = tuple(rules.plan.elected_from.value.get(contest.body, ()))
    if contest.body in ("secretary", "deputy_secretary") and not meets_at_conference(
        election, contest
    ):
        return ("committee",)
    return parents


def _check_chain(election: Election, rules: RuleSet, add: Callable[..., None]) -> None:
    first: dict[str, tuple[int, Contest]] = {}
    for ci, contest in enumerate(election.contests):
        first.setdefault(contest.body, (ci, contest))
    for ci, contest in enumerate(election.contests):
        for parent in elected_from(election, rules, contest):
            if parent not in first:
                continue
            pci, pcontest = first[parent]
            for pi, pid in enumerate(contest.candidates):
                if pid not in pcontest.candidates:
                    add(
                        f"'{pid}' is not a candidate for the {parent} (contests[{pci}], '{pcontest.id}')",
                        "contests",
                        ci,
                        "candidates",
                        pi,
                        hint=f"the {contest.body} is elected from the {parent}",
                    )
            break


def _check_plan(election: Election, people: dict[str, int], add: Callable[..., None]) -> None:
    plan = election.plan
    if plan is None:
        return
    for body, bp in plan.bodies.items():
        for si, pid in enumerate(bp.slate):
            if pid not in people:
                add(f"no person with id '{pid}' in people", "plan", "bodies", body, "slate", si)
    posts = plan.posts
    for key, ids in (
        ("secretary", [posts.secretary] if posts.secretary else []),
        ("deputy_secretary", posts.deputy_secretary),
        ("inspection_chair", [posts.inspection_chair] if posts.inspection_chair else []),
        ("standing_committee", posts.standing_committee),
    ):
        for pi, pid in enumerate(ids):
            if pid not in people:
                path: tuple[str | int, ...] = ("plan", "posts", key)
                if key in ("deputy_secretary", "standing_committee"):
                    path = (*path, pi)
                add(f"no person with id '{pid}' in people", *path)
    for body, bp in plan.bodies.items():
        for key, target in bp.targets.items():
            if target.min is None and target.max is None:
                add(
                    f"target '{key}' sets neither 'min' nor 'max'",
                    "plan",
                    "bodies",
                    body,
                    "targets",
                    key,
                    hint="e.g. {min: 15%} or {min: 2}",
                )
            if key == "youth" and target.age_below is None:
                add(
                    "the youth target needs 'age_below' (age on congress.date)",
                    "plan",
                    "bodies",
                    body,
                    "targets",
                    key,
                    hint="e.g. youth: {min: 10%, age_below: 40}",
                )
            if target.attribute is not None and key in BUILTIN_TARGETS:
                add(
                    f"'{key}' is a built-in target and counts no attribute",
                    "plan",
                    "bodies",
                    body,
                    "targets",
                    key,
                    "attribute",
                    hint="other targets count a person attribute: sci_tech: {min: 5%, attribute: sci_tech}",
                )
