"""One election folder under construction: contests held round by round, decided as they go.

The builder draws each round's ballots, writes its file, and decides it by the election's
rule set (majority share and tie rule read from it) so that it knows whom a later round or
the first conference may list. The folder comes out as a real :class:`Election` model,
written by the one YAML dumper, with the simulator's expected outcome of every contest.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tally.decide import Decision, after_open_seats, decide
from tally.election import Contest, Election, Round
from tally.kinds import MeetingKind
from tally.ruleset.models import Assembly, RuleSet
from tally.simulate.ballots import ballot_csv, draw_pile, plant_tie, sheets_from_pile
from tally.simulate.dump import Comments, dump_yaml
from tally.simulate.names import People, permille
from tally.simulate.rules import ruleset

# Rates, in per mille, of the situations a board must know how to handle.
PLANT_TIE = 30  # a contest with a surplus where two candidates are pushed level at the cut
PLANT_SHORTFALL = 40  # a contest where voters strike more names than the surplus
SECOND_ROUND = 750  # a tie or a shortfall followed by another round in the same folder
POST_MISSED = 100  # a planned deputy secretary the conference is cool towards


@dataclass
class ContestDraft:
    """A contest being held: the config fields so far, and what the simulator expects."""

    id: str
    body: str
    name: str
    seats: int
    candidates: list[str]
    at: str | None = None
    rounds: list[Round] = field(default_factory=list)
    comment: list[str] = field(default_factory=list)
    outcome: str = "not_counted"
    elected: list[str] = field(default_factory=list)

    def model(self) -> Contest:
        extra = {"at": self.at} if self.at else {}
        return Contest.model_validate(
            {
                "id": self.id,
                "body": self.body,
                "name": self.name,
                "seats": self.seats,
                "candidates": self.candidates,
                **extra,
                "rounds": self.rounds,
            }
        )


@dataclass(frozen=True)
class SimulatedElection:
    """One election folder as text, and what the simulator expects the count to say."""

    folder: str
    kind: MeetingKind
    rules: str
    files: tuple[tuple[str, str], ...]  # (relative path, text), election.yaml first
    ballots: int  # rows in ballot files
    outcomes: tuple[tuple[str, str], ...]  # (contest id, final outcome)
    rounds: int
    ties: int  # rounds that ended in a tie (under the state law: broken by age)
    shortfalls: int  # rounds that ended with open seats
    elected: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (contest id, elected over rounds)

    def manifest(self) -> dict[str, object]:
        return {
            "folder": self.folder,
            "kind": self.kind,
            "rules": self.rules,
            "ballots": self.ballots,
            "rounds": self.rounds,
            "ties": self.ties,
            "shortfalls": self.shortfalls,
            "outcomes": dict(self.outcomes),
        }


def dislikes(
    rng: random.Random, ids: Sequence[str], weak: Iterable[str], favourites: Iterable[str] = ()
) -> dict[str, int]:
    """How much voters strike each name: favourites least, the weak most."""
    out = {pid: 1 + rng.randrange(4) for pid in ids}
    for pid in weak:
        out[pid] = 9 + rng.randrange(22)
    for pid in favourites:
        out[pid] = 1
    return out


class Builder:
    """Builds one election folder, contest by contest, deciding each round as it goes."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.contests: list[ContestDraft] = []
        self.files: list[tuple[str, str]] = []
        self.header: list[str] = []
        self.notes: dict[tuple[str | int, ...], list[str]] = {}  # comments above a path
        self.ballot_rows = 0
        self.rounds = 0
        self.ties = 0
        self.shortfalls = 0
        self.people: People
        self.rule_id = "qd-190-2024"
        self.place = ""
        # State law: which assembly a constituency elects to; None for a party congress.
        self.assembly: Assembly | None = None

    @property
    def rules(self) -> RuleSet:
        return ruleset(self.rule_id)

    def add(self, contest: ContestDraft) -> ContestDraft:
        self.contests.append(contest)
        return contest

    # -- rounds -------------------------------------------------------------------------

    def _pile_rates(self, n: int, seats: int, dislike: list[int], plant: bool) -> tuple[bool, int]:
        """(plant a tie?, per mille of full ballots); a planted shortfall makes some strong
        names disliked and voters strike well beyond the surplus."""
        rng = self.rng
        tie_wanted = plant and n > seats and permille(rng, PLANT_TIE)
        full = 850 + rng.randrange(120)
        if plant and n > seats and not tie_wanted and permille(rng, PLANT_SHORTFALL):
            full = 250 + rng.randrange(300)
            strong = [i for i in range(n) if dislike[i] <= 4]
            for i in rng.sample(strong, min(len(strong), rng.randint(1, 2))):
                dislike[i] = 12 + rng.randrange(10)
        return tie_wanted, full

    def vote(
        self,
        contest: ContestDraft,
        candidates: list[str],
        seats: int,
        voters: int,
        base: int | None,
        dislike: list[int],
        *,
        plant: bool = True,
        sheets: int = 0,
    ) -> Decision:
        """Hold one round of ``contest``: draw its ballots, write its file, decide it."""
        rng = self.rng
        number = len(contest.rounds) + 1
        tie_wanted, full = self._pile_rates(len(candidates), seats, dislike, plant)
        collected = voters - (1 if permille(rng, 20) else 0)
        pile = draw_pile(
            rng,
            len(candidates),
            seats,
            collected,
            dislike,
            invalid_permille=rng.randrange(45),
            full_permille=full,
            body=contest.body,
        )
        if tie_wanted:
            plant_tie(pile, base)
        decision = self.decide(pile.votes(), seats, base, len(pile.valid()), candidates)
        stem = f"{contest.id}-{number}"
        later = {"seats": seats, "candidates": candidates} if number > 1 else {}
        fields: dict[str, object] = {**later, "issued": voters}
        if sheets:
            names = [f"tallies/{stem}-to{g}.yaml" for g in range(1, sheets + 1)]
            for rel, data in zip(names, sheets_from_pile(pile, candidates, sheets), strict=True):
                self.files.append((rel, dump_yaml(data)))
            fields["tallies"] = names
        else:
            rel = f"ballots/{stem}.csv"
            self.files.append((rel, ballot_csv(pile)))
            self.ballot_rows += len(pile.ballots)
            if permille(rng, 300):
                fields["collected"] = len(pile.ballots)
            fields["ballots"] = rel
        contest.rounds.append(Round.model_validate(fields))
        self.record(contest, candidates, decision)
        return decision

    def decide(
        self, votes: list[int], seats: int, base: int | None, valid: int, candidates: list[str]
    ) -> Decision:
        """The round's decision under the election's rule set (majority share, tie rule);
        without a base (the state law) the majority is of the valid ballots."""
        decision = self.rules.decision
        return decide(
            votes,
            seats,
            base if base is not None else valid,
            decision.majority.value,
            decision.tie.value,
            self.people.born(candidates),
        )

    def record(self, contest: ContestDraft, candidates: list[str], decision: Decision) -> None:
        self.rounds += 1
        contest.elected += [candidates[i] for i in decision.elected]
        contest.outcome = decision.outcome
        if decision.outcome == "shortfall":
            contest.outcome = self._after_open_seats(contest)
        if decision.tie is not None:
            self.ties += 1
        if decision.outcome == "shortfall":
            self.shortfalls += 1

    def _after_open_seats(self, contest: ContestDraft) -> str:
        """What follows open seats: under the state law the rule set's policy for the assembly
        (Luật 85/2015/QH13 Điều 79); a party congress decides itself ("shortfall")."""
        later = self.rules.decision.later_rounds.value
        policy = (later.additional or {}).get(self.assembly) if self.assembly else None
        if policy is None:
            return "shortfall"
        held = len(contest.rounds) - 1  # the rounds before this one
        left = later.max_additional is None or held < later.max_additional
        return after_open_seats(policy, contest.seats, len(contest.elected), left)

    def hold(
        self,
        contest: ContestDraft,
        voters: int,
        base: int | None,
        dislike: dict[str, int],
        *,
        sheets: int = 0,
    ) -> None:
        """Round 1 of a contest and, after a tie or a shortfall, mostly a second round."""
        cands = contest.candidates
        first = [dislike[c] for c in cands]
        decision = self.vote(contest, cands, contest.seats, voters, base, first, sheets=sheets)
        again = ("tie", "shortfall", "additional_due", "council_decides")
        if contest.outcome not in again or not permille(self.rng, SECOND_ROUND):
            return
        if decision.tie is not None and decision.outcome == "tie":
            later = [cands[i] for i in decision.tie.candidates]
            contest.comment.append(
                f"Lần 1: {len(later)} người ngang phiếu ở chỗ cuối → bầu lại lần 2 "
                f"cho {decision.open_seats} chỗ."
            )
        else:
            later = [c for c in cands if c not in contest.elected]
            contest.comment.append(
                f"Lần 1: còn {decision.open_seats} chỗ trống → bầu thêm lần 2 trong số "
                "những người chưa trúng cử."
            )
        if not later:
            return
        # The second ballot is held among people the hall knows well: fewer strike anyone.
        second = [max(1, dislike[c] // 2) for c in later]
        if len(later) <= decision.open_seats:
            second = [10 + self.rng.randrange(60) for _ in later]
        voters2 = max(1, voters - self.rng.randrange(3))
        self.vote(contest, later, decision.open_seats, voters2, base, second, plant=False)

    # -- the model ------------------------------------------------------------------------

    def election(self, fields: dict[str, object]) -> Election:
        """The folder's :class:`Election`: ``fields`` (congress, electorate, conference, plan)
        with the people and the contests held."""
        return Election.model_validate(
            {
                "version": 1,
                "rules": self.rule_id,
                **fields,
                "people": self.people.all,
                "contests": [c.model() for c in self.contests],
            }
        )

    def comments(self) -> Comments:
        """The notes written above a section, and above each contest that needed a second
        round."""
        notes: dict[tuple[str | int, ...], list[str]] = {
            ("contests", i): c.comment for i, c in enumerate(self.contests) if c.comment
        }
        return {**self.notes, **notes}
