"""Synthetic election folders for board drills, tests and benchmarks: realistic and reproducible.

``simulate(seed, count)`` yields election folders as text (``election.yaml``, ballot CSVs,
counting groups' tally sheets) that ``tally validate``, ``count`` and ``check`` accept:

- members' congresses of a commune or ward (QĐ 190, or QĐ 244 for the 2020 round), some with
  the secretary elected directly at the congress; delegates' congresses; both with the first
  conference of the new committee (standing committee, secretary, deputies, inspection
  committee and its chair) once the committee is complete;
- committee conferences on their own (a by-election to the standing committee, a deputy
  secretary, an inspection chair);
- People's Council and National Assembly constituencies (Luật 85/2015/QH13): the older wins a
  tie; large constituencies are counted by polling area on tally sheets;
- lists that obey the rule set (surplus, the committee's slate of 10–15%, small bodies, floor
  nominees with more than 30% support), an approved personnel plan with targets and posts;
- ballots drawn one by one: most voters keep as many names as seats and strike the weaker
  candidates, a few strike more, a few percent are invalid (too many kept, all struck, a mark,
  a name written in);
- ties at the last seat and shortfalls at realistic rates, followed (mostly) by a second round
  among the tied or the not yet elected; otherwise the folder ends with a vote still due.

Everything is drawn from ``random.Random`` seeded with the seed and the election's number, in
integers only (no floating-point maths that could differ between machines), so the same seed
gives byte-identical files, and the first N elections of a larger corpus are the same as a
corpus of N. The simulator decides each round with :func:`tally.decide.decide`, so it knows
whom the next round and the conference may list; every folder's expected outcome is written to
the manifest ``.tally-simulate.json`` at the top of the corpus.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from tally import __version__
from tally.decide import Decision, after_open_seats, decide
from tally.errors import ConfigError
from tally.i18n import msg
from tally.kinds import MEETING_KINDS, MeetingKind
from tally.ruleset.loader import load_ruleset
from tally.safefile import written_atomically
from tally.textnorm import slug

if TYPE_CHECKING:
    from tally.ruleset.models import AdditionalPolicy, Assembly

MANIFEST = ".tally-simulate.json"
HALF = Fraction(1, 2)

# How often each kind of election appears in a default corpus (a province's round: mostly
# grassroots members' congresses).
KIND_WEIGHTS: dict[MeetingKind, int] = {
    "members_congress": 60,
    "delegates_congress": 12,
    "committee_conference": 14,
    "constituency": 14,
}

# Rates, in per mille, of the situations a board must know how to handle.
PLANT_TIE = 30  # a contest with a surplus where two candidates are pushed level at the cut
PLANT_SHORTFALL = 40  # a contest where voters strike more names than the surplus
SECOND_ROUND = 750  # a tie or a shortfall followed by another round in the same folder
POST_MISSED = 100  # a planned deputy secretary the conference is cool towards

Layout = Literal["strike", "agree_disagree"]


# --------------------------------------------------------------------------- names


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Surnames with their weight in the population (per cent, roughly).
_SURNAMES: tuple[tuple[str, int], ...] = tuple(
    (item.split(":")[0], int(item.split(":")[1]))
    for item in _words(
        "Nguyễn:38 Trần:11 Lê:9 Phạm:7 Hoàng:4 Huỳnh:3 Phan:4 Vũ:3 Võ:3 Đặng:2 Bùi:2 Đỗ:2 "
        "Hồ:1 Ngô:1 Dương:1 Lý:1 Đinh:1 Trương:1 Lương:1 Mai:1 Cao:1 Tạ:1 Châu:1 Lâm:1"
    )
)
_MIDDLE = {
    "M": _words("Văn Văn Văn Hữu Đức Minh Quốc Thanh Công Xuân Trọng"),
    "F": _words("Thị Thị Thị Thị Ngọc Thu Thanh Kim Mỹ Hồng Thùy"),
}
_GIVEN = {
    "M": _words(
        "An Bình Cường Dũng Đạt Hải Hùng Huy Khánh Lâm Long Minh Nam Phong Phúc Quân Quang "
        "Sơn Tài Thắng Thành Toàn Trung Tuấn Việt Vinh Hiếu Lộc Nghĩa Tâm Tiến Hòa Kiên Hưng"
    ),
    "F": _words(
        "Anh Bích Chi Dung Duyên Giang Hà Hạnh Hằng Hiền Hoa Hồng Hương Lan Liên Linh "
        "Loan Mai Nga Ngân Nhung Oanh Phương Quyên Thảo Thủy Trang Tuyết Vân Yến Huyền"
    ),
}
# Regions: the ethnic groups living there besides the Kinh, with their surnames.
_REGIONS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "delta": (),
    "north": (
        ("Tày", ("Hoàng", "Nông", "Lương", "Bế", "Lục", "Hà")),
        ("Nùng", ("Hoàng", "Lăng", "Vi", "Nông", "Lý")),
        ("Dao", ("Triệu", "Bàn", "Đặng", "Lý")),
        ("H'Mông", ("Giàng", "Vàng", "Sùng", "Thào", "Mùa")),
        ("Thái", ("Lò", "Cầm", "Lường", "Quàng")),
    ),
    "mekong": (("Khmer", ("Sơn", "Thạch", "Danh", "Kim", "Chau", "Lâm")),),
    "highlands": (
        ("Ê Đê", ("Niê", "Êban", "Mlô", "Byă")),
        ("Gia Rai", ("Ksor", "Rơ Châm", "Siu", "Rơ Mah")),
    ),
}
_PLACE_A = _words(
    "Tân Hòa Phú Long An Bình Đông Vĩnh Thạnh Mỹ Hưng Thanh Quảng Đại Cẩm Trung Phước Xuân Gia Yên"
)
_PLACE_B = _words(
    "Phú Lợi Hòa Thành Hưng An Bình Thịnh Lộc Sơn Điền Lâm Tiến Thuận Khánh Đông Tây Hải Phong Mỹ"
)
_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """``16`` → ``XVI`` (congresses are numbered in Roman numerals)."""
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _weighted(rng: random.Random, table: Sequence[tuple[str, int]]) -> str:
    r = rng.randrange(sum(w for _, w in table))
    for item, w in table:
        if r < w:
            return item
        r -= w
    raise AssertionError("unreachable")


def _permille(rng: random.Random, rate: int) -> bool:
    return rng.randrange(1000) < rate


# --------------------------------------------------------------------------- people


@dataclass
class Person:
    id: str
    name: str
    sex: Literal["M", "F"]
    born: dt.date
    ethnicity: str
    incumbent: bool = False
    nominated_by: Literal["committee", "floor"] | None = "committee"
    support: int | None = None

    def yaml(self) -> str:
        parts = [
            f"id: {self.id}",
            f"name: {_flow(self.name)}",
            f"sex: {self.sex}",
            f"born: {self.born.isoformat()}",
            f"ethnicity: {_flow(self.ethnicity)}",
            f"incumbent: {'true' if self.incumbent else 'false'}",
        ]
        if self.nominated_by is not None:
            parts.append(f"nominated_by: {self.nominated_by}")
        if self.support is not None:
            parts.append(f"support: {self.support}")
        return "{" + ", ".join(parts) + "}"


class People:
    """Everyone in one election folder, with unique ids made of their initials."""

    def __init__(self, rng: random.Random, region: str, day: dt.date) -> None:
        self.rng = rng
        self.region = region
        self.day = day
        self.all: list[Person] = []
        self.ids: set[str] = set()
        self.names: set[str] = set()

    def new(
        self,
        *,
        women_permille: int = 250,
        young_permille: int = 150,
        incumbent_permille: int = 0,
        minority_permille: int = 150,
        min_age: int = 28,
        max_age: int = 58,
    ) -> Person:
        rng = self.rng
        sex: Literal["M", "F"] = "F" if _permille(rng, women_permille) else "M"
        groups = _REGIONS[self.region]
        ethnicity = "Kinh"
        surname = _weighted(rng, _SURNAMES)
        if groups and _permille(rng, minority_permille):
            ethnicity, surnames = groups[rng.randrange(len(groups))]
            surname = surnames[rng.randrange(len(surnames))]
        for _ in range(20):
            if ethnicity in ("Ê Đê", "Gia Rai"):
                given = _GIVEN[sex][rng.randrange(len(_GIVEN[sex]))]
                name = f"Y {given} {surname}" if sex == "M" else f"H'{given} {surname}"
            else:
                middle = _MIDDLE[sex][rng.randrange(len(_MIDDLE[sex]))]
                given = _GIVEN[sex][rng.randrange(len(_GIVEN[sex]))]
                name = f"{surname} {middle} {given}"
            if name not in self.names:
                break
        self.names.add(name)
        age = (
            rng.randint(min_age, 39)
            if _permille(rng, young_permille) and min_age < 40
            else rng.randint(max(40, min_age), max_age)
        )
        born = dt.date(self.day.year - age - 1, 1, 1) + dt.timedelta(days=rng.randrange(365))
        base = "".join(word[0] for word in slug(name).split("-") if word) or "p"
        pid, k = base, 2
        while pid in self.ids:
            pid, k = f"{base}{k}", k + 1
        self.ids.add(pid)
        person = Person(pid, name, sex, born, ethnicity, _permille(rng, incumbent_permille))
        self.all.append(person)
        return person


# --------------------------------------------------------------------------- YAML text


_FLOW_UNSAFE = set(':#{}[],&*!|>"%@`')


def _flow(text: str) -> str:
    """A scalar as plain text where YAML allows it, else as a (JSON) double-quoted string."""
    if not text or text[0] in "'-?" or text != text.strip() or _FLOW_UNSAFE & set(text):
        return json.dumps(text, ensure_ascii=False)
    return text


def _block(text: str) -> str:
    """A scalar in block context: commas are fine there."""
    if not text or text[0] in "'-?" or set(':#{}[]&*!|>"%@`') & set(text):
        return json.dumps(text, ensure_ascii=False)
    return text


def _ids(ids: Sequence[str]) -> str:
    return "[" + ", ".join(ids) + "]"


# --------------------------------------------------------------------------- ballots


@dataclass
class Ballot:
    struck: tuple[int, ...]  # 0-based positions struck (agree/disagree: rows marked disagree)
    unmarked: tuple[int, ...] = ()  # agree/disagree: rows with both boxes or none
    invalid: str = ""  # the reason the tool will find: typed on paper or derived from marks
    typed: bool = False  # the reason is written in the file (seen on paper)


@dataclass
class Pile:
    """One round's ballots as drawn: everything the files and the decision need."""

    n: int
    seats: int
    layout: Layout
    ballots: list[Ballot]

    def valid(self) -> list[Ballot]:
        return [b for b in self.ballots if not b.invalid]

    def votes(self) -> list[int]:
        votes = [0] * self.n
        for b in self.ballots:
            if b.invalid:
                continue
            gone = set(b.struck) | set(b.unmarked)
            for i in range(self.n):
                if i not in gone:
                    votes[i] += 1
        return votes

    def kept(self, b: Ballot) -> int:
        return self.n - len(b.struck) - len(b.unmarked)


def _strike_some(rng: random.Random, weights: Sequence[int], k: int) -> tuple[int, ...]:
    """``k`` distinct positions, each drawn with probability proportional to its weight."""
    w = list(weights)
    total = sum(w)
    out: list[int] = []
    for _ in range(k):
        r = rng.randrange(total)
        i = 0
        while r >= w[i]:
            r -= w[i]
            i += 1
        out.append(i)
        total -= w[i]
        w[i] = 0
    return tuple(sorted(out))


def draw_pile(
    rng: random.Random,
    n: int,
    seats: int,
    collected: int,
    dislike: Sequence[int],
    *,
    invalid_permille: int,
    full_permille: int,
) -> Pile:
    """Draw ``collected`` ballots for a list of ``n`` names and ``seats`` seats.

    ``dislike`` weighs each name: a strike-out ballot strikes names with probability in
    proportion to it; on an agree/disagree ballot it is the per-mille chance of *disagree*.
    ``full_permille`` of the valid strike-out ballots keep exactly ``seats`` names; the others
    strike one to three more.
    """
    layout: Layout = "strike" if n > seats else "agree_disagree"
    ballots: list[Ballot] = []
    for _ in range(collected):
        if _permille(rng, invalid_permille):
            ballots.append(_invalid_ballot(rng, n, seats, layout, dislike))
            continue
        if layout == "strike":
            keep = seats
            if not _permille(rng, full_permille) and seats > 1:
                keep = max(1, seats - rng.randint(1, 3))
            ballots.append(Ballot(_strike_some(rng, dislike, n - keep)))
            continue
        disagree: list[int] = []
        unmarked: list[int] = []
        for i in range(n):
            r = rng.randrange(1000)
            if r < 3 and n > 1:
                unmarked.append(i)  # both boxes or none on this row: no vote, still valid
            elif r < 3 + dislike[i]:
                disagree.append(i)
        if len(unmarked) == n:
            unmarked.pop()
        ballots.append(Ballot(tuple(disagree), tuple(unmarked)))
    return Pile(n, seats, layout, ballots)


_INVALID_STRIKE = (
    ("too_many_kept", 45),
    ("marked", 25),
    ("write_in", 15),
    ("all_struck", 12),
    ("not_issued", 3),
)
_INVALID_AGREE = (("no_choice", 50), ("marked", 35), ("write_in", 15))


def _invalid_ballot(
    rng: random.Random, n: int, seats: int, layout: Layout, dislike: Sequence[int]
) -> Ballot:
    if layout == "strike":
        reason = _weighted(rng, _INVALID_STRIKE)
        if reason == "too_many_kept":  # struck fewer than the surplus (or nothing at all)
            return Ballot(_strike_some(rng, dislike, rng.randrange(n - seats)), invalid=reason)
        if reason == "all_struck":
            return Ballot(tuple(range(n)), invalid=reason)
        return Ballot(_strike_some(rng, dislike, n - seats), invalid=reason, typed=True)
    reason = _weighted(rng, _INVALID_AGREE)
    if reason == "no_choice":
        return Ballot((), tuple(range(n)), invalid=reason)
    return Ballot((), invalid=reason, typed=True)


def plant_tie(pile: Pile, base: int | None) -> bool:
    """Bring the last elected and the first runner-up level, moving marks between ballots.

    A swap on a ballot that keeps one and strikes the other keeps the ballot's number of
    names, so it stays valid. Returns False when the two are not both above the threshold.
    """
    if pile.layout != "strike":
        return False
    votes = pile.votes()
    order = sorted(range(pile.n), key=lambda i: (-votes[i], i))
    a, b = order[pile.seats - 1], order[pile.seats]
    valid = pile.valid()
    cut = base if base is not None else len(valid)
    if not 2 * votes[b] > cut + 2:
        return False
    diff = votes[a] - votes[b]
    for ballot in valid:
        if diff < 2:
            break
        if b in ballot.struck and a not in ballot.struck:
            ballot.struck = tuple(sorted({*ballot.struck, a} - {b}))
            diff -= 2
    if diff == 1:
        for ballot in valid:
            if a not in ballot.struck and pile.kept(ballot) >= 2:
                ballot.struck = tuple(sorted({*ballot.struck, a}))
                diff = 0
                break
    return diff == 0


def ballot_csv(pile: Pile) -> str:
    """The ballot file of design.md: ``ballot,struck,unmarked,invalid``, one row per ballot."""
    lines = ["ballot,struck,unmarked,invalid"]
    for serial, b in enumerate(pile.ballots, 1):
        struck = " ".join(str(i + 1) for i in b.struck)
        unmarked = " ".join(str(i + 1) for i in b.unmarked)
        lines.append(f"{serial},{struck},{unmarked},{b.invalid if b.typed else ''}")
    return "\n".join(lines) + "\n"


def sheets_from_pile(pile: Pile, candidates: Sequence[str], groups: int) -> list[str]:
    """Split a pile among counting groups and write each group's tally sheet (with n_k)."""
    size = -(-len(pile.ballots) // groups)
    out = []
    for g in range(groups):
        part = Pile(pile.n, pile.seats, pile.layout, pile.ballots[g * size : (g + 1) * size])
        invalid: dict[str, int] = {}
        kept: dict[int, int] = {}
        for b in part.ballots:
            if b.invalid:
                invalid[b.invalid] = invalid.get(b.invalid, 0) + 1
            else:
                k = part.kept(b)
                kept[k] = kept.get(k, 0) + 1
        out.append(
            _sheet(
                f"Tổ {g + 1}",
                len(part.ballots),
                invalid,
                dict(zip(candidates, part.votes(), strict=True)),
                kept,
            )
        )
    return out


def _sheet(
    group: str,
    collected: int,
    invalid: dict[str, int],
    votes: dict[str, int],
    kept: dict[int, int] | None,
) -> str:
    lines = [
        f"group: {_block(group)}",
        f"collected: {collected}",
        "invalid: {" + ", ".join(f"{r}: {c}" for r, c in sorted(invalid.items()) if c) + "}",
        "votes: {" + ", ".join(f"{pid}: {v}" for pid, v in votes.items()) + "}",
    ]
    if kept is not None:
        lines.append("kept: {" + ", ".join(f"{k}: {c}" for k, c in sorted(kept.items())) + "}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- one election


@dataclass
class RoundText:
    issued: int
    seats: int | None = None  # later rounds
    candidates: list[str] | None = None  # later rounds
    ballots: str | None = None
    tallies: list[str] | None = None
    collected: int | None = None


@dataclass
class ContestText:
    id: str
    body: str
    name: str
    seats: int
    candidates: list[str]
    at: str | None = None
    rounds: list[RoundText] = field(default_factory=list)
    comment: list[str] = field(default_factory=list)
    outcome: str = "not_counted"
    elected: list[str] = field(default_factory=list)


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


class _Election:
    """Builds one election folder, contest by contest, deciding each round as it goes."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.contests: list[ContestText] = []
        self.files: list[tuple[str, str]] = []
        self.header: list[str] = []
        self.ballot_rows = 0
        self.rounds = 0
        self.ties = 0
        self.shortfalls = 0
        self.tie_rule: Literal["revote", "older_wins"] = "revote"
        self.people: People
        self.rules = "qd-190-2024"
        self.place = ""
        # State law: what follows open seats, from the rule set (Luật 85/2015 Điều 79); None:
        # the meeting decides (a party congress).
        self.additional: AdditionalPolicy | None = None
        self.max_additional: int | None = None

    # -- rounds -------------------------------------------------------------------------

    def vote(
        self,
        contest: ContestText,
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
        n = len(candidates)
        number = len(contest.rounds) + 1
        tie_wanted = plant and n > seats and _permille(rng, PLANT_TIE)
        full = 850 + rng.randrange(120)
        if plant and n > seats and not tie_wanted and _permille(rng, PLANT_SHORTFALL):
            full = 250 + rng.randrange(300)  # voters strike well beyond the surplus
            strong = [i for i in range(n) if dislike[i] <= 4]
            for i in rng.sample(strong, min(len(strong), rng.randint(1, 2))):
                dislike[i] = 12 + rng.randrange(10)
        collected = voters - (1 if _permille(rng, 20) else 0)
        pile = draw_pile(
            rng,
            n,
            seats,
            collected,
            dislike,
            invalid_permille=rng.randrange(45),
            full_permille=full,
        )
        if tie_wanted:
            plant_tie(pile, base)
        votes = pile.votes()
        valid = len(pile.valid())
        people = {p.id: p for p in self.people.all}
        decision = decide(
            votes,
            seats,
            base if base is not None else valid,
            HALF,
            self.tie_rule,
            [people[c].born for c in candidates],
        )
        stem = f"{contest.id}-{number}"
        rnd = RoundText(voters, seats if number > 1 else None, candidates if number > 1 else None)
        if sheets:
            rnd.tallies = []
            for g, text in enumerate(sheets_from_pile(pile, candidates, sheets), 1):
                rel = f"tallies/{stem}-to{g}.yaml"
                rnd.tallies.append(rel)
                self.files.append((rel, text))
        else:
            rnd.ballots = f"ballots/{stem}.csv"
            self.files.append((rnd.ballots, ballot_csv(pile)))
            self.ballot_rows += len(pile.ballots)
            if _permille(rng, 300):
                rnd.collected = len(pile.ballots)
        contest.rounds.append(rnd)
        self._record(contest, candidates, decision)
        return decision

    def _record(self, contest: ContestText, candidates: list[str], decision: Decision) -> None:
        self.rounds += 1
        contest.elected += [candidates[i] for i in decision.elected]
        contest.outcome = decision.outcome
        if decision.outcome == "shortfall" and self.additional is not None:
            held = len(contest.rounds) - 1  # the rounds before this one
            left = self.max_additional is None or held < self.max_additional
            contest.outcome = after_open_seats(
                self.additional, contest.seats, len(contest.elected), left
            )
        if decision.tie is not None:
            self.ties += 1
        if decision.outcome == "shortfall":
            self.shortfalls += 1

    def hold(
        self,
        contest: ContestText,
        voters: int,
        base: int | None,
        dislike: dict[str, int],
        *,
        sheets: int = 0,
    ) -> None:
        """Round 1 of a contest and, after a tie or a shortfall, mostly a second round."""
        cands = contest.candidates
        decision = self.vote(
            contest,
            cands,
            contest.seats,
            voters,
            base,
            [dislike[c] for c in cands],
            sheets=sheets,
        )
        if contest.outcome not in (
            "tie",
            "shortfall",
            "additional_due",
            "council_decides",
        ) or not _permille(self.rng, SECOND_ROUND):
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

    # -- text ---------------------------------------------------------------------------

    def contests_yaml(self) -> list[str]:
        lines = ["contests:"]
        for c in self.contests:
            for note in c.comment:
                lines.append(f"  # {note}")
            lines += [
                f"  - id: {c.id}",
                f"    body: {c.body}",
                f"    name: {_block(c.name)}",
                f"    seats: {c.seats}",
                f"    candidates: {_ids(c.candidates)}",
            ]
            if c.at:
                lines.append(f"    at: {c.at}")
            if c.rounds:
                lines.append("    rounds:")
            for r in c.rounds:
                head = "      - "
                if r.seats is not None:
                    lines.append(f"{head}seats: {r.seats}")
                    head = "        "
                if r.candidates is not None:
                    lines.append(f"{head}candidates: {_ids(r.candidates)}")
                    head = "        "
                lines.append(f"{head}issued: {r.issued}")
                head = "        "
                if r.collected is not None:
                    lines.append(f"{head}collected: {r.collected}")
                if r.ballots is not None:
                    lines.append(f"{head}ballots: {r.ballots}")
                if r.tallies is not None:
                    lines.append(f"{head}tallies: {_ids(r.tallies)}")
            lines.append("")
        return lines

    def people_yaml(self) -> list[str]:
        return ["people:", *(f"  - {p.yaml()}" for p in self.people.all), ""]


def _dislikes(
    rng: random.Random, ids: Sequence[str], weak: Iterable[str], favourites: Iterable[str] = ()
) -> dict[str, int]:
    """How much voters strike each name: favourites least, the weak most."""
    out = {pid: 1 + rng.randrange(4) for pid in ids}
    for pid in weak:
        out[pid] = 9 + rng.randrange(22)
    for pid in favourites:
        out[pid] = 1
    return out


def _slate_surplus(seats: int) -> int:
    """The surplus of the committee's own slate: 1 for a body of 3–5, else 10–15% (190 Art. 14.1)."""
    if seats <= 5:
        return 1
    least = -(-seats // 10)
    return max(least, 1)


def _surplus_cap(seats: int) -> int:
    """The list's surplus may not exceed 30% of the seats (1 for a body of 3–5)."""
    return 1 if seats <= 5 else (3 * seats) // 10


def _unit(rng: random.Random, district: bool) -> tuple[str, str, str]:
    """(the place, its level, the party committee's name) e.g. ("Tân Phú", "xã", "Đảng ủy xã")."""
    a = _PLACE_A[rng.randrange(len(_PLACE_A))]
    b = _PLACE_B[rng.randrange(len(_PLACE_B))]
    while b == a:
        b = _PLACE_B[rng.randrange(len(_PLACE_B))]
    place = f"{a} {b}"
    if district:
        return place, "huyện", "Huyện ủy"
    level = "phường" if _permille(rng, 300) else "xã"
    return place, level, f"Đảng ủy {level}"


def _party_round(rng: random.Random) -> tuple[str, dt.date, str]:
    """(rule set, congress date, term): mostly the 2025–2030 round."""
    if _permille(rng, 200):
        return (
            "qd-244-2014",
            dt.date(2020, 4, 1) + dt.timedelta(days=rng.randrange(120)),
            "2020–2025",
        )
    return "qd-190-2024", dt.date(2025, 4, 1) + dt.timedelta(days=rng.randrange(150)), "2025–2030"


def _region(rng: random.Random) -> str:
    return _weighted(rng, (("delta", 55), ("north", 20), ("mekong", 15), ("highlands", 10)))


def _party_congress(e: _Election, delegates: bool) -> list[str]:
    """A members' or delegates' congress, and (mostly) the first conference of its committee."""
    rng = e.rng
    e.rules, day, term = _party_round(rng)
    district = delegates and e.rules == "qd-244-2014"
    place, level, committee_name = _unit(rng, district)
    e.place = place
    region = _region(rng)
    e.people = people = People(rng, region, day)
    minority = {"delta": 20, "north": 450, "mekong": 250, "highlands": 400}[region]
    nth = (
        1
        if (delegates and e.rules == "qd-190-2024" and _permille(rng, 500))
        else rng.randint(14, 26)
    )
    org = f"Đảng bộ {level} {place}"
    if delegates:
        name = f"Đại hội đại biểu {org} lần thứ {roman(nth)}, nhiệm kỳ {term}"
        seats = rng.choice(
            (15, 17, 19, 21, 25, 27, 33, 35) if district or nth == 1 else (15, 17, 19, 21)
        )
        summoned = rng.randint(110, 300)
        ex_officio = seats + rng.randint(-4, 4)
        absent = (rng.randint(0, 2), rng.randint(0, 3))
        base = summoned - sum(absent)
        electorate = [
            f"  summoned: {summoned}",
            f"  ex_officio: {ex_officio}",
            f"  absent_all_congress: {{ex_officio: {absent[0]}, delegates_unreplaced: {absent[1]}}}",
        ]
    else:
        name = f"Đại hội {org} lần thứ {roman(nth)}, nhiệm kỳ {term}"
        seats = rng.choice((5, 7, 9, 9, 9, 15))
        summoned = rng.randint(35, 130)
        excl = [rng.randint(0, 3), rng.randint(0, 2), int(_permille(rng, 150)), rng.randint(0, 4)]
        base = summoned - sum(excl)
        electorate = [
            f"  summoned: {summoned}",
            f"  attached_elsewhere: {excl[0]}",
            f"  exempt_absent: {excl[1]}",
            f"  suspended_or_prosecuted: {excl[2]}",
            f"  absent_all_congress_approved: {excl[3]}",
        ]
    present = base - rng.randint(0, max(1, base // 40))
    electorate.append(f"  present: {present}")

    # The committee's list: the outgoing committee's slate (10–15% over the seats) plus, now
    # and then, a floor nominee with the support of more than 30% of those attending.
    slate_n = seats + _slate_surplus(seats)
    slate = [
        people.new(
            women_permille=230,
            young_permille=170,
            incumbent_permille=600,
            minority_permille=minority,
        )
        for _ in range(slate_n)
    ]
    floor: list[Person] = []
    room = _surplus_cap(seats) - (slate_n - seats)
    if room > 0 and _permille(rng, 250):
        for _ in range(rng.randint(1, room)):
            p = people.new(women_permille=200, young_permille=250, minority_permille=minority)
            p.nominated_by = "floor"
            p.support = (3 * present) // 10 + 1 + rng.randrange(max(1, present // 4))
            floor.append(p)
    listed = slate + floor
    rng.shuffle(listed)
    ids = [p.id for p in listed]
    incumbents = [p.id for p in slate if p.incumbent] or [slate[0].id]
    secretary = incumbents[rng.randrange(len(incumbents))]
    others = [p.id for p in slate if p.id != secretary]
    rng.shuffle(others)
    deputies = others[: (2 if seats >= 15 else 1)]
    chair = others[len(deputies)]
    posts = [secretary, *deputies, chair]
    weak_pool = [p for p in ids if p not in posts]
    weak = rng.sample(weak_pool, min(len(weak_pool), len(listed) - seats))
    dislike = _dislikes(rng, ids, weak, [secretary])
    unit_title = f"{committee_name} {place}" if not district else f"Huyện ủy {place}"
    bch = ContestText(
        "bch",
        "committee",
        f"Bầu Ban Chấp hành {org} khóa {roman(nth)}",
        seats,
        ids,
    )
    e.contests.append(bch)
    groups = rng.randint(3, 5) if delegates and _permille(rng, 250) else 0
    e.hold(bch, present, base, dislike, sheets=groups)

    direct = not delegates and e.rules == "qd-190-2024" and _permille(rng, 300)
    if direct:
        bt = ContestText(
            "bt",
            "secretary",
            f"Bầu trực tiếp Bí thư {unit_title} tại đại hội",
            1,
            [secretary],
            at="congress",
        )
        e.contests.append(bt)
        e.hold(bt, present, base, {secretary: 10 + rng.randrange(80)})

    # Delegates to the higher congress (and their alternates): leaders plus others.
    d_seats = rng.randint(8, 20) if delegates else rng.randint(2, 6)
    d_surplus = max(1, (d_seats * (10 + rng.randrange(21))) // 100)
    from_bch = [secretary, *[p for p in ids if p != secretary][: max(0, d_seats // 2 - 1)]]
    fresh = [
        people.new(women_permille=300, minority_permille=minority).id
        for _ in range(d_seats + d_surplus - len(from_bch))
    ]
    d_ids = from_bch + fresh
    rng.shuffle(d_ids)
    dbct = ContestText(
        "dbct",
        "delegates",
        "Bầu đại biểu chính thức dự Đại hội Đảng bộ cấp trên",
        d_seats,
        d_ids,
    )
    e.contests.append(dbct)
    e.hold(
        dbct, present, base, _dislikes(rng, d_ids, rng.sample(fresh, min(len(fresh), d_surplus)))
    )
    if _permille(rng, 500):
        a_seats = rng.randint(1, 3 if delegates else 2)
        a_ids = [people.new(women_permille=350, young_permille=300).id for _ in range(a_seats + 1)]
        dbdk = ContestText(
            "dbdk",
            "alternate_delegates",
            "Bầu đại biểu dự khuyết dự Đại hội Đảng bộ cấp trên",
            a_seats,
            a_ids,
        )
        e.contests.append(dbdk)
        e.hold(dbdk, present, base, _dislikes(rng, a_ids, [a_ids[-1]]))

    plan_bodies = [
        "    committee:",
        f"      seats: {seats}",
        f"      slate: {_ids([p.id for p in slate])}",
        "      targets:",
        "        women: {min: 15%}",
        "        youth: {min: 10%, age_below: 40}"
        if seats >= 9
        else "        youth: {min: 1, age_below: 40}",
        "        renewal: {min: 1/3}",
    ]
    if region != "delta":
        plan_bodies.append("        ethnic_minority: {min: 1}")
    post_lines = [f"    secretary: {secretary}", f"    deputy_secretary: {_ids(deputies)}"]
    conference_lines: list[str] = []
    if bch.outcome == "complete" and _permille(rng, 700):
        conference_lines, more_bodies, chair_ok = _first_conference(
            e, bch, secretary, deputies, chair, direct, unit_title, nth
        )
        plan_bodies += more_bodies
        if chair_ok:
            post_lines.append(f"    inspection_chair: {chair}")

    approver = "Ban Thường vụ Tỉnh ủy" if district else "Ban Thường vụ Đảng ủy cấp trên"
    convener = (
        f"Ban Chấp hành {org} khóa {roman(nth - 1)}"
        if nth > 1
        else f"Ban Chấp hành lâm thời {org} (chỉ định)"
    )
    approved = day - dt.timedelta(days=40 + rng.randrange(60))
    kind = "delegates_congress" if delegates else "members_congress"
    return [
        "congress:",
        f"  name: {_block(name)}",
        f"  kind: {kind}",
        f"  date: {day.isoformat()}",
        f"  term: {term}",
        f"  convened_by: {_block(convener)}",
        f"  organisation: {_block(org)}",
        f"  locality: {_block(place)}",
        "",
        "electorate:",
        *electorate,
        "",
        *conference_lines,
        *e.people_yaml(),
        *e.contests_yaml(),
        "plan:",
        f"  approved_by: {_block(approver)}",
        f"  approved_on: {approved.isoformat()}",
        "  bodies:",
        *plan_bodies,
        "  posts:",
        *post_lines,
    ]


def _first_conference(
    e: _Election,
    bch: ContestText,
    secretary: str,
    deputies: list[str],
    chair: str,
    direct: bool,
    unit_title: str,
    nth: int,
) -> tuple[list[str], list[str], bool]:
    """The new committee's first conference: standing committee, secretary, deputies,
    inspection committee and chair, each listed from those the previous vote elected."""
    rng = e.rng
    summoned = bch.seats
    present = summoned - (1 if _permille(rng, 200) else 0)
    elected = bch.elected
    plan_bodies: list[str] = []
    parent = elected
    if bch.seats >= 9:
        b_seats = 3 if bch.seats < 15 else (5 if bch.seats < 25 else rng.choice((7, 9)))
        b_list = b_seats + _slate_surplus(b_seats)
        favourites = [p for p in [secretary, *deputies] if p in elected]
        pool = [p for p in elected if p not in favourites]
        rng.shuffle(pool)
        b_ids = (favourites + pool)[:b_list]
        rng.shuffle(b_ids)
        missed = [d for d in deputies if d in b_ids and _permille(rng, POST_MISSED)]
        # Now and then the hall does not follow the plan for a deputy secretary.
        dislike = _dislikes(
            rng, b_ids, [p for p in b_ids if p not in favourites] + missed[:1], [secretary]
        )
        btv = ContestText(
            "btv",
            "standing_committee",
            f"Bầu Ban Thường vụ {unit_title} khóa {roman(nth)}",
            b_seats,
            b_ids,
        )
        e.contests.append(btv)
        e.hold(btv, present, summoned, dislike)
        plan_bodies += [
            "    standing_committee:",
            f"      seats: {b_seats}",
            f"      slate: {_ids(b_ids)}",
        ]
        if btv.outcome != "complete":
            return _conference_yaml(summoned, present), plan_bodies, False
        parent = btv.elected
    if not direct and secretary in parent:
        bt = ContestText("bt", "secretary", f"Bầu Bí thư {unit_title}", 1, [secretary])
        e.contests.append(bt)
        e.hold(bt, present, summoned, {secretary: 5 + rng.randrange(60)})
    ready = [d for d in deputies if d in parent]
    if ready and len(ready) == len(deputies):
        pbt = ContestText(
            "pbt", "deputy_secretary", f"Bầu Phó Bí thư {unit_title}", len(ready), ready
        )
        e.contests.append(pbt)
        e.hold(pbt, present, summoned, {d: 10 + rng.randrange(90) for d in ready})
    elif ready != deputies:
        e.header.append(
            "Phó Bí thư theo đề án không trúng cử cơ quan trước đó: cuộc bầu Phó Bí thư tạm "
            "dừng, chờ ý kiến chỉ đạo của cấp trên."
        )
    chair_ok = chair in elected
    if chair_ok:
        u_seats = 3 if bch.seats < 15 else 5
        members = [chair, *[p for p in elected if p not in (secretary, chair, *deputies)][:1]]
        outsiders = [
            e.people.new(women_permille=300, young_permille=150).id
            for _ in range(u_seats + 1 - len(members))
        ]
        u_ids = members + outsiders
        rng.shuffle(u_ids)
        ubkt = ContestText(
            "ubkt",
            "inspection_committee",
            f"Bầu Ủy ban Kiểm tra {unit_title} khóa {roman(nth)}",
            u_seats,
            u_ids,
        )
        e.contests.append(ubkt)
        e.hold(ubkt, present, summoned, _dislikes(rng, u_ids, [outsiders[-1]], [chair]))
        if chair in ubkt.elected and ubkt.outcome == "complete":
            cn = ContestText(
                "cnubkt",
                "inspection_chair",
                f"Bầu Chủ nhiệm Ủy ban Kiểm tra {unit_title}",
                1,
                [chair],
            )
            e.contests.append(cn)
            e.hold(cn, present, summoned, {chair: 10 + rng.randrange(80)})
    return _conference_yaml(summoned, present), plan_bodies, chair_ok


def _conference_yaml(summoned: int, present: int) -> list[str]:
    return [
        "# Hội nghị lần thứ nhất Ban Chấp hành khóa mới.",
        f"conference: {{summoned: {summoned}, present: {present}}}",
        "",
    ]


def _committee_conference(e: _Election) -> list[str]:
    """A committee meeting on its own: a by-election to the standing committee, a deputy
    secretary or the inspection chair (bầu bổ sung)."""
    rng = e.rng
    day = dt.date(2025, 9, 1) + dt.timedelta(days=rng.randrange(200))
    place, level, committee_name = _unit(rng, False)
    e.place = place
    e.people = people = People(rng, _region(rng), day)
    summoned = rng.choice((9, 11, 13, 15, 15, 19, 25, 33))
    present = summoned - rng.randint(0, max(1, summoned // 8))
    title = f"{committee_name} {place}"
    plan_bodies: list[str] = []
    posts: list[str] = []
    choice = rng.randrange(3)
    if choice == 0:
        seats = 1 + int(_permille(rng, 300))
        b_ids = [people.new(incumbent_permille=1000).id for _ in range(seats + 1)]
        btv = ContestText(
            "btv", "standing_committee", f"Bầu bổ sung Ủy viên Ban Thường vụ {title}", seats, b_ids
        )
        e.contests.append(btv)
        e.hold(btv, present, summoned, _dislikes(rng, b_ids, [b_ids[-1]]))
        plan_bodies = [
            "    standing_committee:",
            f"      seats: {seats}",
            f"      slate: {_ids(b_ids)}",
        ]
        if btv.outcome == "complete" and _permille(rng, 600):
            deputy = btv.elected[0]
            pbt = ContestText(
                "pbt", "deputy_secretary", f"Bầu bổ sung Phó Bí thư {title}", 1, [deputy]
            )
            e.contests.append(pbt)
            e.hold(pbt, present, summoned, {deputy: 10 + rng.randrange(90)})
            posts.append(f"    deputy_secretary: [{deputy}]")
    elif choice == 1:
        deputy = people.new(incumbent_permille=1000).id
        pbt = ContestText("pbt", "deputy_secretary", f"Bầu bổ sung Phó Bí thư {title}", 1, [deputy])
        e.contests.append(pbt)
        e.hold(pbt, present, summoned, {deputy: 10 + rng.randrange(120)})
        posts.append(f"    deputy_secretary: [{deputy}]")
    else:
        chair = people.new(incumbent_permille=1000).id
        cn = ContestText(
            "cnubkt",
            "inspection_chair",
            f"Bầu bổ sung Chủ nhiệm Ủy ban Kiểm tra {title}",
            1,
            [chair],
        )
        e.contests.append(cn)
        e.hold(cn, present, summoned, {chair: 10 + rng.randrange(120)})
        posts.append(f"    inspection_chair: {chair}")
    lines = [
        "congress:",
        f"  name: {_block(f'Hội nghị {title} (bầu bổ sung), nhiệm kỳ 2025–2030')}",
        "  kind: committee_conference",
        f"  date: {day.isoformat()}",
        "  term: 2025–2030",
        f"  organisation: {_block(f'Đảng bộ {level} {place}')}",
        f"  locality: {_block(place)}",
        "",
        "electorate:",
        f"  summoned: {summoned}",
        f"  present: {present}",
        "",
        *e.people_yaml(),
        *e.contests_yaml(),
    ]
    if plan_bodies or posts:
        lines += [
            "plan:",
            f"  approved_by: {_block('Ban Thường vụ Đảng ủy cấp trên')}",
            f"  approved_on: {(day - dt.timedelta(days=10 + rng.randrange(30))).isoformat()}",
        ]
        if plan_bodies:
            lines += ["  bodies:", *plan_bodies]
        if posts:
            lines += ["  posts:", *posts]
    return lines


def _constituency(e: _Election) -> list[str]:
    """A constituency of a People's Council (or of the National Assembly) under the state law."""
    rng = e.rng
    e.rules = "luat-bau-cu-2015-sd-2025"  # the current state rule set (Luật 83/2025)
    e.tie_rule = "older_wins"
    if _permille(rng, 500):
        day, term, na_term = dt.date(2026, 3, 15), "2026–2031", "XVI"
    else:
        day, term, na_term = dt.date(2021, 5, 23), "2021–2026", "XV"
    place, level, _ = _unit(rng, False)
    e.place = place
    e.people = people = People(rng, _region(rng), day)
    national = _permille(rng, 120)
    number = rng.randint(1, 12)
    assembly: Assembly
    if national:
        assembly = "national_assembly"
        seats = rng.choice((2, 3, 3))
        surplus = 2
        registered = rng.randint(150_000, 450_000)
        groups = rng.randint(20, 60)
        name = f"Bầu cử đại biểu Quốc hội khóa {na_term}, Đơn vị bầu cử số {number} tỉnh {place}"
        title = f"Bầu đại biểu Quốc hội khóa {na_term}"
    else:
        assembly = "peoples_council"
        province = _permille(rng, 150)
        seats = rng.choice((2, 3, 3, 4, 5))
        surplus = 1 if seats <= 2 else (2 if seats == 3 else 3)
        if province:
            registered = rng.randint(30_000, 90_000)
            groups = rng.randint(8, 25)
            council = f"tỉnh {place}"
        else:
            registered = rng.randint(500, 2_500)
            groups = 0 if _permille(rng, 550) else rng.randint(2, 5)
            council = f"{level} {place}"
        name = (
            f"Bầu cử đại biểu Hội đồng nhân dân {council} nhiệm kỳ {term}, "
            f"Đơn vị bầu cử số {number}"
        )
        title = f"Bầu đại biểu Hội đồng nhân dân {council}"
    n = seats + surplus
    cands = [
        people.new(
            women_permille=400, young_permille=200, incumbent_permille=300, min_age=25, max_age=62
        )
        for _ in range(n)
    ]
    for p in cands:
        p.nominated_by = None  # state candidates are introduced by the Front, not a slate
    ids = [p.id for p in cands]
    later = load_ruleset(e.rules).decision.later_rounds.value
    e.additional = (later.additional or {}).get(assembly)
    e.max_additional = later.max_additional
    collected = registered - (registered * rng.randint(3, 40)) // 1000
    issued = collected + rng.randrange(4)
    contest = ContestText("hdnd" if not national else "dbqh", "deputies", title, seats, ids)
    e.contests.append(contest)
    weak = rng.sample(ids, surplus)
    dislike = _dislikes(rng, ids, weak)
    if groups and registered > 20_000:
        _aggregate_sheets(e, contest, collected, issued, groups, dislike)
    else:
        e.hold(contest, collected, None, dislike, sheets=groups)
        # Some voters took a ballot and did not put it in the box.
        contest.rounds[0].issued = issued
    plan: list[str] = []
    if _permille(rng, 500):
        plan = [
            "plan:",
            f"  approved_by: {_block(f'Thường trực Hội đồng nhân dân {place}')}",
            f"  approved_on: {(day - dt.timedelta(days=60 + rng.randrange(40))).isoformat()}",
            "  bodies:",
            "    deputies:",
            f"      seats: {seats}",
            "      targets:",
            "        women: {min: 1/3}" if seats >= 3 else "        women: {min: 1}",
        ]
        if seats >= 4:
            plan.append("        youth: {min: 1, age_below: 40}")
    return [
        "congress:",
        f"  name: {_block(name)}",
        "  kind: constituency",
        f"  assembly: {assembly}",
        f"  date: {day.isoformat()}",
        f"  term: {term}",
        f"  locality: {_block(place)}",
        "",
        "electorate:",
        f"  registered: {registered}",
        "",
        *e.people_yaml(),
        *e.contests_yaml(),
        *plan,
    ]


def _aggregate_sheets(
    e: _Election,
    contest: ContestText,
    collected: int,
    issued: int,
    groups: int,
    dislike: dict[str, int],
) -> None:
    """A large constituency: one tally sheet per polling area, drawn as figures (no ballots)."""
    rng = e.rng
    ids = contest.candidates
    seats = contest.seats
    n = len(ids)
    # Share of valid ballots that keep each name, in per mille; the total stays under the
    # seats, so Σ votes ≤ seats × valid holds in every group.
    total_dislike = sum(dislike[c] for c in ids)
    strikes = (n - seats) * 1000 + rng.randrange(150)
    keep = [max(50, 1000 - (strikes * dislike[c]) // total_dislike) for c in ids]
    tie = _permille(rng, PLANT_TIE * 2)
    sheets: list[tuple[int, dict[str, int], list[int]]] = []
    left = collected
    for g in range(groups):
        c = left if g == groups - 1 else collected // groups + rng.randint(-50, 50)
        left -= c
        invalid = {
            "too_many_kept": (c * rng.randrange(15)) // 1000,
            "all_struck": (c * rng.randrange(4)) // 1000,
            "write_in": (c * rng.randrange(3)) // 1000,
            "marked": (c * rng.randrange(3)) // 1000,
        }
        valid = c - sum(invalid.values())
        votes = [min(valid, max(0, (valid * k) // 1000 + rng.randint(-3, 3))) for k in keep]
        while sum(votes) > seats * valid:
            votes[votes.index(max(votes))] -= 1
        sheets.append((c, invalid, votes))
    totals = [sum(s[2][i] for s in sheets) for i in range(n)]
    if tie:  # level the last elected with the first runner-up (taking votes off never breaks Σ)
        order = sorted(range(n), key=lambda i: (-totals[i], i))
        a, b = order[seats - 1], order[seats]
        diff = totals[a] - totals[b]
        for _, _, votes in sheets:
            take = min(diff, votes[a])
            votes[a] -= take
            diff -= take
        totals = [sum(s[2][i] for s in sheets) for i in range(n)]
    valid_total = sum(c - sum(inv.values()) for c, inv, _ in sheets)
    people = {p.id: p for p in e.people.all}
    decision = decide(totals, seats, valid_total, HALF, "older_wins", [people[c].born for c in ids])
    rnd = RoundText(issued, tallies=[])
    for g, (c, invalid, votes) in enumerate(sheets, 1):
        rel = f"tallies/khu-vuc-{g:02d}.yaml"
        assert rnd.tallies is not None
        rnd.tallies.append(rel)
        e.files.append(
            (
                rel,
                _sheet(
                    f"Khu vực bỏ phiếu số {g}", c, invalid, dict(zip(ids, votes, strict=True)), None
                ),
            )
        )
    contest.rounds.append(rnd)
    e._record(contest, ids, decision)


_BUILDERS: dict[MeetingKind, Callable[[_Election], list[str]]] = {
    "members_congress": lambda e: _party_congress(e, delegates=False),
    "delegates_congress": lambda e: _party_congress(e, delegates=True),
    "committee_conference": _committee_conference,
    "constituency": _constituency,
}
_FOLDER_PREFIX: dict[MeetingKind, str] = {
    "members_congress": "dai-hoi",
    "delegates_congress": "dai-hoi-dai-bieu",
    "committee_conference": "hoi-nghi",
    "constituency": "bau-cu",
}


def simulate_one(
    seed: int, index: int, kinds: Sequence[MeetingKind], width: int = 4
) -> SimulatedElection:
    """Election number ``index`` (1-based) of the corpus drawn from ``seed``."""
    rng = random.Random(f"tally-simulate/{seed}/{index}")
    pick = _weighted(rng, [(k, KIND_WEIGHTS[k]) for k in kinds])
    kind = next(k for k in kinds if k == pick)
    e = _Election(rng)
    body = _BUILDERS[kind](e)
    folder = f"{index:0{width}d}-{_FOLDER_PREFIX[kind]}-{slug(e.place)}"
    head = [
        f"# Bầu cử mô phỏng số {index} (tally simulate --seed {seed}): tên người, tên địa phương",
        "# đều là hư cấu; dùng để tập huấn ban kiểm phiếu, kiểm thử và đo tốc độ.",
        *(f"# {line}" for line in e.header),
        "version: 1",
        f"rules: {e.rules}",
        "",
    ]
    text = "\n".join(head + body).rstrip("\n") + "\n"
    files = (("election.yaml", text), *e.files)
    return SimulatedElection(
        folder,
        kind,
        e.rules,
        files,
        e.ballot_rows,
        tuple((c.id, c.outcome) for c in e.contests),
        e.rounds,
        e.ties,
        e.shortfalls,
    )


def simulate(
    seed: int, count: int, kinds: Sequence[MeetingKind] = MEETING_KINDS
) -> Iterator[SimulatedElection]:
    """The corpus of ``count`` elections drawn from ``seed``, one election at a time."""
    if not kinds:
        raise ValueError("at least one kind of election is needed")
    width = max(4, len(str(count)))
    for index in range(1, count + 1):
        yield simulate_one(seed, index, kinds, width)


# --------------------------------------------------------------------------- writing


def _manifest_of(out: Path) -> dict[str, object] | None:
    path = out / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def prepare_output(out: Path, *, force: bool) -> None:
    """Refuse a non-empty OUT, or (with ``force``) clear a corpus tally simulate wrote there."""
    if out.exists() and not out.is_dir():
        raise ConfigError.at(msg("simulate.is_file"), out)
    if not out.exists() or not any(out.iterdir()):
        return
    manifest = _manifest_of(out)
    if not force:
        raise ConfigError.at(
            msg("simulate.not_empty"),
            out,
            hint=msg("simulate.not_empty.force_hint" if manifest else "simulate.not_empty.hint"),
        )
    if manifest is None:
        raise ConfigError.at(
            msg("simulate.not_a_corpus", manifest=MANIFEST),
            out,
            hint=msg("simulate.not_a_corpus.hint"),
        )

    entries = manifest.get("elections")
    for entry in entries if isinstance(entries, list) else []:
        name = entry.get("folder") if isinstance(entry, dict) else None
        target = out / name if isinstance(name, str) else None
        if target is not None and target.parent == out and not target.name.startswith("."):
            shutil.rmtree(target, ignore_errors=True)
    (out / MANIFEST).unlink(missing_ok=True)


def write_corpus(
    out: Path,
    elections: Iterable[SimulatedElection],
    *,
    seed: int,
    progress: Callable[[SimulatedElection], None] | None = None,
) -> list[SimulatedElection]:
    """Write each election's files under ``out`` (each file atomically), then the manifest.

    Returns the elections written, without their file texts (to keep memory flat).
    """
    written: list[SimulatedElection] = []
    for sim in elections:
        folder = out / sim.folder
        for rel, text in sim.files:
            path = folder / rel
            with written_atomically(path) as tmp:
                tmp.write_text(text, encoding="utf-8", newline="\n")
        if progress is not None:
            progress(sim)
        written.append(
            SimulatedElection(
                sim.folder,
                sim.kind,
                sim.rules,
                (),
                sim.ballots,
                sim.outcomes,
                sim.rounds,
                sim.ties,
                sim.shortfalls,
            )
        )
    manifest = {
        "tool": f"tally {__version__}",
        "seed": seed,
        "elections": [s.manifest() for s in written],
    }
    with written_atomically(out / MANIFEST) as tmp:
        tmp.write_text(
            json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n",
            encoding="utf-8",
            newline="\n",
        )
    return written
