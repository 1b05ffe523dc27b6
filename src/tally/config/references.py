"""Relations inside election.yaml that the models alone cannot check.

Every problem is collected (a board fixing a file wants the whole list at once) and located
at the key that is wrong. These are input errors (exit 2): the count cannot be trusted with
them. Rule checks on a well-formed file (surplus, slate, …) live in :mod:`tally.checks`.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

from tally.domain.bodies import BUILTIN_TARGETS, elected_from, meets_at_conference
from tally.domain.electorate import exclusions
from tally.election import Contest, Election, Round
from tally.errors import Issue, Location
from tally.i18n import Msg, msg, os_reason
from tally.kinds import MeetingKind
from tally.pydantic_errors import did_you_mean
from tally.ruleset.models import RuleSet
from tally.textnorm import closest, fold

Where = Callable[..., Location]

# Which electorate keys belong to which kind of meeting (design.md).
ELECTORATE_KEYS: dict[MeetingKind, tuple[str, ...]] = {
    "members_congress": (
        "summoned",
        "not_summoned",
        "attached_elsewhere",
        "exempt_absent",
        "suspended_or_prosecuted",
        "absent_all_congress_approved",
        "present",
    ),
    "delegates_congress": (
        "summoned",
        "not_summoned",
        "ex_officio",
        "appointed",
        "absent_all_congress",
        "present",
    ),
    "committee_conference": ("summoned", "present"),
    "constituency": ("registered",),
}
REQUIRED_KEY: dict[MeetingKind, str] = {
    "members_congress": "summoned",
    "delegates_congress": "summoned",
    "committee_conference": "summoned",
    "constituency": "registered",
}


def check_references(election: Election, rules: RuleSet, where: Where, folder: Path) -> list[Issue]:
    """Every inconsistency between parts of the file, located."""
    issues: list[Issue] = []

    def add(message: Msg, *path: str | int, hint: Msg | None = None) -> None:
        issues.append(Issue(message, where(*path), hint))

    kind = election.congress.kind
    _check_electorate(election, add)
    if election.electorate.not_summoned is not None and rules.decision.base.not_summoned is None:
        add(msg("ref.not_summoned_rules", rules=rules.id), "electorate", "not_summoned")

    people = People()
    for i, person in enumerate(election.people):
        if person.id in people:
            add(
                msg("ref.duplicate_person", id=person.id, other=people[person.id]),
                "people",
                i,
                "id",
            )
        people.setdefault(person.id, i)
        people.names.setdefault(person.name, person.id)
        if person.support is not None and person.nominated_by == "committee":
            add(msg("ref.support_floor"), "people", i, "support")

    contests: dict[str, int] = {}
    for ci, contest in enumerate(election.contests):
        if contest.id in contests:
            add(msg("ref.duplicate_contest", id=contest.id), "contests", ci, "id")
        contests.setdefault(contest.id, ci)

    named = _named_files(election, folder)
    for ci, contest in enumerate(election.contests):
        _check_contest(
            ContestRefs(election, rules, ci, contest, people, contests, folder, named, add)
        )

    if kind != "constituency" and any(c.body == "deputies" for c in election.contests):
        add(msg("ref.deputies_kind"), "congress", "kind")
    if kind == "constituency":
        for ci, contest in enumerate(election.contests):
            if contest.body != "deputies":
                add(msg("ref.deputies_only"), "contests", ci, "body")
        if election.congress.assembly is None:
            add(msg("ref.assembly"), "congress", hint=msg("ref.assembly.hint"))

    _check_chain(election, rules, add)
    _check_plan(election, people, add)
    _check_sessions(election, add)
    return issues


def _check_sessions(election: Election, add: Callable[..., None]) -> None:
    """A round's session (a re-vote at a later sitting) is not before its contest's meeting."""
    congress = election.congress
    conf_date = election.conference.date if election.conference else None
    for ci, contest in enumerate(election.contests):
        at_conf = congress.kind != "committee_conference" and meets_at_conference(election, contest)
        held = (conf_date or congress.date) if at_conf else congress.date
        for ri, rnd in enumerate(contest.rounds):
            day = rnd.session.date if rnd.session else None
            if day is not None and day < held:
                add(
                    msg(
                        "ref.session_before_meeting", date=day.isoformat(), meeting=held.isoformat()
                    ),
                    "contests",
                    ci,
                    "rounds",
                    ri,
                    "session",
                    "date",
                )


def _check_electorate(election: Election, add: Callable[..., None]) -> None:
    kind = election.congress.kind
    e = election.electorate
    allowed = ELECTORATE_KEYS[kind]
    for key in type(e).model_fields:
        if getattr(e, key) is not None and key not in allowed:
            add(msg("ref.not_for_kind", kind=kind, keys=", ".join(allowed)), "electorate", key)
    required = REQUIRED_KEY[kind]
    if getattr(e, required) is None:
        add(msg("ref.required_for", kind=kind), "electorate", required)
        return
    if kind == "constituency":
        return
    summoned = e.summoned or 0
    excluded = exclusions(election)
    if excluded > summoned:
        add(
            msg("ref.leave_more", excluded=excluded, summoned=summoned),
            "electorate",
            "summoned",
        )
    absent = e.absent_all_congress
    if absent and e.ex_officio is not None and absent.ex_officio > e.ex_officio:
        add(
            msg("ref.ex_officio_absent", absent=absent.ex_officio, ex_officio=e.ex_officio),
            "electorate",
            "absent_all_congress",
            "ex_officio",
        )
    if e.ex_officio is not None and e.ex_officio > summoned:
        add(
            msg("ref.ex_officio_more", ex_officio=e.ex_officio, summoned=summoned),
            "electorate",
            "ex_officio",
        )
    if e.appointed is not None and (e.ex_officio or 0) + e.appointed > summoned:
        # Vĩnh Long 2025: 500 summoned = 83 ex officio + 417 appointed (rules-2025.md §2.2)
        add(
            msg(
                "ref.appointed_more",
                ex_officio=e.ex_officio or 0,
                appointed=e.appointed,
                summoned=summoned,
            ),
            "electorate",
            "appointed",
        )
    if e.present is not None and e.present > summoned - excluded:
        add(
            msg("ref.present_more", present=e.present, summoned=summoned, excluded=excluded),
            "electorate",
            "present",
            hint=msg("ref.present_more.hint"),
        )
    conf = election.conference
    if (
        conf
        and conf.summoned is not None
        and conf.present is not None
        and conf.present > conf.summoned
    ):
        add(
            msg("ref.conf_present_more", present=conf.present, summoned=conf.summoned),
            "conference",
            "present",
        )
    if conf and conf.date is not None and conf.date < election.congress.date:
        # the new committee meets once the congress has elected it, not before
        add(
            msg(
                "ref.conference_before_congress",
                date=conf.date.isoformat(),
                congress=election.congress.date.isoformat(),
            ),
            "conference",
            "date",
        )


class People(dict[str, int]):
    """The people's ids (to their index), and their names for "did you mean"."""

    def __init__(self) -> None:
        super().__init__()
        self.names: dict[str, str] = {}


def _person_hint(word: str, people: People) -> Msg | None:
    """An unknown person id: the id of the person so named ("Nguyen Van An" → nva), else the
    close id ("ntt" → nttb), else the id of the close name."""
    by_name = {fold(name): pid for name, pid in people.names.items()}
    if fold(word) in by_name:
        return msg("v.did_you_mean", close=by_name[fold(word)])
    hint = did_you_mean(word, people)
    if hint is None and (name := closest(word, people.names)) is not None:
        hint = msg("v.did_you_mean", close=people.names[name])
    return hint


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


def _check_appointed(contest: Contest, ci: int, people: People, add: Callable[..., None]) -> None:
    """An appointed body (chỉ định) lists its members and has no list or rounds; an elected
    one has a list and no members."""
    if contest.appointed is None:
        if contest.members:
            add(msg("ref.members_appointed_only"), "contests", ci, "members")
        if not contest.candidates:
            add(msg("v.required"), "contests", ci, "candidates")
        return
    if contest.body == "nomination_poll":
        add(msg("ref.appointed_poll"), "contests", ci, "appointed")
    if contest.candidates:
        add(msg("ref.appointed_candidates"), "contests", ci, "candidates")
    if contest.rounds:
        add(msg("ref.appointed_rounds"), "contests", ci, "rounds")
    if not contest.members:
        add(msg("ref.appointed_members"), "contests", ci, "appointed")
    elif contest.seats is not None and contest.seats != len(contest.members):
        add(
            msg("ref.appointed_seats", seats=contest.seats, members=len(contest.members)),
            "contests",
            ci,
            "seats",
        )
    seen: set[str] = set()
    for mi, pid in enumerate(contest.members):
        if pid not in people:
            add(
                msg("ref.no_person", id=pid),
                "contests",
                ci,
                "members",
                mi,
                hint=_person_hint(pid, people),
            )
        if pid in seen:
            add(msg("ref.twice_appointed", id=pid), "contests", ci, "members", mi)
        seen.add(pid)


@dataclass(frozen=True)
class ContestRefs:
    """One contest of election.yaml and what its references are checked against: what every
    check of :data:`CONTEST_CHECKS` looks at."""

    election: Election
    rules: RuleSet
    ci: int  # its index under ``contests``, where its problems are located
    contest: Contest
    people: People  # person id → index under ``people`` (and names, for did-you-mean)
    contests: dict[str, int]  # contest id → index under ``contests``
    folder: Path
    named: frozenset[str]  # every data file a round names, normalised
    add: Callable[..., None]

    def at(self, message: Msg, *path: str | int, hint: Msg | None = None) -> None:
        """A problem located under this contest."""
        self.add(message, "contests", self.ci, *path, hint=hint)


def _contest_appointed(ref: ContestRefs) -> None:
    """An appointed body lists its members and has no list or rounds (:func:`_check_appointed`)."""
    _check_appointed(ref.contest, ref.ci, ref.people, ref.add)


def _contest_candidates(ref: ContestRefs) -> None:
    """Each name on the list is a person of the file, and on it once."""
    seen: dict[str, int] = {}
    for pi, pid in enumerate(ref.contest.candidates):
        if pid not in ref.people:
            ref.at(
                msg("ref.no_person", id=pid), "candidates", pi, hint=_person_hint(pid, ref.people)
            )
        if pid in seen:
            said = msg("ref.twice_on_list", id=pid, first=seen[pid] + 1, second=pi + 1)
            ref.at(said, "candidates", pi)
        seen.setdefault(pid, pi)


def _contest_withdrawn(ref: ContestRefs) -> None:
    """Each withdrawal names a person of the file, off the ballot, withdrawn once."""
    on_ballot = set(ref.contest.candidates)
    gone: set[str] = set()
    for wi, w in enumerate(ref.contest.withdrawn):
        if w.id not in ref.people:
            hint = _person_hint(w.id, ref.people)
            ref.at(msg("ref.no_person", id=w.id), "withdrawn", wi, "id", hint=hint)
        if w.id in on_ballot:
            ref.at(
                msg("ref.withdrawn_on_ballot", id=w.id),
                "withdrawn",
                wi,
                "id",
                hint=msg("ref.withdrawn_on_ballot.hint"),
            )
        if w.id in gone:
            ref.at(msg("ref.withdrawn_twice", id=w.id), "withdrawn", wi, "id")
        gone.add(w.id)


def _contest_poll_link(ref: ContestRefs) -> None:
    """A nomination poll names the contest it is for and has no seats; any other contest has
    seats and no ``for``."""
    contest = ref.contest
    if contest.body != "nomination_poll":
        if contest.for_ is not None:
            ref.at(msg("ref.for_poll_only"), "for")
        if contest.seats is None:
            ref.at(msg("v.required"), "seats")
        return
    if contest.for_ is None:
        ref.at(msg("ref.poll_for"), "body")
    elif (
        contest.for_ not in ref.contests
        or ref.election.contests[ref.contests[contest.for_]].body == "nomination_poll"
    ):
        others = [c for c in ref.contests if c != contest.id]
        hint = did_you_mean(contest.for_, others)
        ref.at(msg("ref.poll_no_contest", contest=contest.for_), "for", hint=hint)
    if contest.seats is not None:
        ref.at(msg("ref.poll_seats"), "seats")


def _contest_conference(ref: ContestRefs) -> None:
    """A state election has no conference to hold a contest at."""
    if ref.election.congress.kind == "constituency" and meets_at_conference(
        ref.election, ref.contest
    ):
        ref.at(msg("ref.no_conference"), "at")


def _contest_rounds(ref: ContestRefs) -> None:
    """Each round: the checks of :data:`ROUND_CHECKS`, round after round."""
    for ri, rnd in enumerate(ref.contest.rounds):
        one = RoundRefs(ref, ri, rnd)
        for check in ROUND_CHECKS:
            if check(one) is STOP:
                break


# The checks of one contest, in the order their problems are reported. Plain functions over one
# context, not registered units (tally.registry): they raise located config errors (exit 2) on
# a file the count cannot be trusted with, not findings with a code, severity and rule.
CONTEST_CHECKS: tuple[Callable[[ContestRefs], None], ...] = (
    _contest_appointed,
    _contest_candidates,
    _contest_withdrawn,
    _contest_poll_link,
    _contest_conference,
    _contest_rounds,
)


def _check_contest(ref: ContestRefs) -> None:
    """Every check of :data:`CONTEST_CHECKS` on one contest."""
    for check in CONTEST_CHECKS:
        check(ref)


@dataclass(frozen=True)
class _Files:
    """A round's data files under one key: which are there, and why some cannot be used."""

    key: str  # "ballots" or "tallies"
    names: list[str]
    present: list[bool]
    unusable: dict[int, Msg]  # index → the system's reason (a name too long, …)


@dataclass(frozen=True)
class RoundRefs:
    """One round of a contest: what every check of :data:`ROUND_CHECKS` looks at."""

    of: ContestRefs
    ri: int
    rnd: Round

    def at(self, message: Msg, *path: str | int, hint: Msg | None = None) -> None:
        """A problem located under this round."""
        self.of.at(message, "rounds", self.ri, *path, hint=hint)

    @cached_property
    def files(self) -> list[_Files]:
        out: list[_Files] = []
        rnd = self.rnd
        for key, names in (
            ("ballots", [rnd.ballots] if rnd.ballots else []),
            ("tallies", rnd.tallies or []),
        ):
            present: list[bool] = []
            unusable: dict[int, Msg] = {}
            for fi, rel in enumerate(names):
                try:
                    present.append((self.of.folder / rel).is_file())
                except OSError as exc:
                    present.append(False)
                    unusable[fi] = os_reason(exc)
            out.append(_Files(key, names, present, unusable))
        return out


STOP = object()  # a round check's answer when the rest of the round's checks have nothing to see


def _round_both_files(r: RoundRefs) -> None:
    """A round reads ballots or tally sheets, not both."""
    if r.rnd.ballots is not None and r.rnd.tallies is not None:
        r.at(msg("ref.both_files"))


def _round_missing_files(r: RoundRefs) -> None:
    """Each named file that is not there: a typo, a folder, a missing sheet, or not entered yet
    (a new election: still due, not an error)."""
    folder = r.of.folder
    for files in r.files:
        for fi, rel in enumerate(files.names):
            if files.present[fi]:
                continue
            target = folder / rel
            path: tuple[str | int, ...] = (
                (files.key, fi) if files.key == "tallies" else ("ballots",)
            )
            if fi in files.unusable:  # a name too long for the file system, …
                r.at(msg("ref.cannot_use", reason=files.unusable[fi], length=len(rel)), *path)
                continue
            guess = misspelt(folder, rel, r.of.named)
            if guess is not None:
                r.at(msg("ref.not_found", rel=rel), *path, hint=msg("v.did_you_mean", close=guess))
            elif target.exists():
                r.at(msg("ref.not_a_file", rel=rel), *path, hint=msg("ref.looked", path=target))
            elif any(files.present):
                hint = msg("ref.other_sheets", path=target)
                r.at(msg("ref.not_found", rel=rel), *path, hint=hint)


def _round_issued(r: RoundRefs) -> None:
    """A round whose files are all written says how many ballots were issued."""
    written = all(all(f.present) for f in r.files)
    if (r.rnd.ballots or r.rnd.tallies) and written and r.rnd.issued is None:
        r.at(msg("ref.issued"), "issued")


def _round_first(r: RoundRefs) -> object:
    """The first round takes its seats and list from the contest (the rest is for later ones)."""
    if r.ri != 0:
        return None
    for key in ("seats", "candidates"):
        if getattr(r.rnd, key) is not None:
            r.at(msg("ref.first_round", key=key), key)
    return STOP


def _round_seats(r: RoundRefs) -> None:
    """A later round names its seats, no more than the contest's."""
    contest_seats = r.of.contest.seats
    if r.rnd.seats is None:
        r.at(msg("ref.later_seats"))
    elif contest_seats is not None and r.rnd.seats > contest_seats:
        r.at(msg("ref.more_seats", seats=r.rnd.seats, contest_seats=contest_seats), "seats")


def _round_candidates(r: RoundRefs) -> object:
    """A later round names its candidates: each from the contest's list, each once."""
    names = r.rnd.candidates
    if names is None:
        r.at(msg("ref.later_candidates"))
        return STOP
    contest = r.of.contest
    for pi, pid in enumerate(names):
        if pid not in contest.candidates:
            r.at(
                msg("ref.not_candidate_of", id=pid, contest=contest.id),
                "candidates",
                pi,
                hint=did_you_mean(pid, contest.candidates) or msg("ref.not_candidate_of.hint"),
            )
    if len(set(names)) != len(names):
        r.at(msg("ref.listed_twice"), "candidates")
    return None


def _round_max_rounds(r: RoundRefs) -> None:
    """No more additional rounds than the rule set allows."""
    rules = r.of.rules
    max_more = rules.decision.later_rounds.value.max_additional
    # a re-run after a void round (Điều 80) is not an additional election
    additional = sum(1 for x in r.of.contest.rounds[1 : r.ri + 1] if not x.rerun)
    if max_more is not None and not r.rnd.rerun and additional > max_more:
        said = msg(
            "ref.max_rounds.one" if max_more == 1 else "ref.max_rounds",
            rules=rules.id,
            most=max_more,
            cite=rules.decision.later_rounds.cite,
        )
        r.at(said)


# The checks of one round, in order; one answering STOP ends the round's checks.
ROUND_CHECKS: tuple[Callable[[RoundRefs], object], ...] = (
    _round_both_files,
    _round_missing_files,
    _round_issued,
    _round_first,
    _round_seats,
    _round_candidates,
    _round_max_rounds,
)


def _check_chain(election: Election, rules: RuleSet, add: Callable[..., None]) -> None:
    first: dict[str, tuple[int, Contest]] = {}
    for ci, contest in enumerate(election.contests):
        first.setdefault(contest.body, (ci, contest))
    for ci, contest in enumerate(election.contests):
        for parent in elected_from(election, rules, contest):
            if parent not in first:
                continue
            pci, pcontest = first[parent]
            # an appointed parent's members are its list; an appointed child is checked
            # after the fact (plan_checks: chain_violation), as an elected body's winners are
            for pi, pid in enumerate(contest.candidates):
                if pid not in pcontest.listed:
                    add(
                        msg("ref.chain", id=pid, parent=parent, index=pci, contest=pcontest.id),
                        "contests",
                        ci,
                        "candidates",
                        pi,
                        hint=msg("ref.chain.hint", body=contest.body, parent=parent),
                    )
            break


def _check_plan(election: Election, people: People, add: Callable[..., None]) -> None:
    plan = election.plan
    if plan is None:
        return
    for body, bp in plan.bodies.items():
        for si, pid in enumerate(bp.slate):
            if pid not in people:
                add(
                    msg("ref.no_person", id=pid),
                    *("plan", "bodies", body, "slate", si),
                    hint=_person_hint(pid, people),
                )
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
                add(msg("ref.no_person", id=pid), *path, hint=_person_hint(pid, people))
    for body, bp in plan.bodies.items():
        for key, target in bp.targets.items():
            if target.min is None and target.max is None:
                add(
                    msg("ref.no_bound", key=key),
                    "plan",
                    "bodies",
                    body,
                    "targets",
                    key,
                    hint=msg("ref.no_bound.hint"),
                )
            if key == "youth" and target.age_below is None:
                add(
                    msg("ref.youth_age"),
                    "plan",
                    "bodies",
                    body,
                    "targets",
                    key,
                    hint=msg("ref.youth_age.hint"),
                )
            if target.attribute is not None and key in BUILTIN_TARGETS:
                add(
                    msg("ref.builtin_target", key=key),
                    "plan",
                    "bodies",
                    body,
                    "targets",
                    key,
                    "attribute",
                    hint=msg("ref.builtin_target.hint"),
                )
