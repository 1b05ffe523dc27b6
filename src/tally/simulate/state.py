"""State elections (Luật 85/2015/QH13 as amended): a constituency of a People's Council or of
the National Assembly. The list's surplus is the least the law requires (read from the rule
set); a tie goes by the rule set's tie rule (the older wins); large constituencies are
counted by polling area on tally sheets drawn as figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tally.election import Round
from tally.ruleset.models import Assembly
from tally.simulate.ballots import sheet
from tally.simulate.dump import dump_yaml
from tally.simulate.election import PLANT_TIE, Builder, ContestDraft, dislikes
from tally.simulate.names import People, permille, region, unit
from tally.simulate.rules import min_surplus

STATE_RULES = "luat-bau-cu-2015-sd-2025"  # the current state rule set (Luật 83/2025)


@dataclass(frozen=True)
class _Seat:
    """The constituency drawn: its assembly, seats, voters, polling areas and names."""

    assembly: Assembly
    seats: int
    registered: int
    groups: int
    name: str
    title: str


def _draw(e: Builder, place: str, level: str, term: str, na_term: str) -> _Seat:
    rng = e.rng
    national = permille(rng, 120)
    number = rng.randint(1, 12)
    if national:
        seats = rng.choice((2, 3, 3))
        registered = rng.randint(150_000, 450_000)
        groups = rng.randint(20, 60)
        name = f"Bầu cử đại biểu Quốc hội khóa {na_term}, Đơn vị bầu cử số {number} tỉnh {place}"
        title = f"Bầu đại biểu Quốc hội khóa {na_term}"
        return _Seat("national_assembly", seats, registered, groups, name, title)
    province = permille(rng, 150)
    seats = rng.choice((2, 3, 3, 4, 5))
    if province:
        registered = rng.randint(30_000, 90_000)
        groups = rng.randint(8, 25)
        council = f"tỉnh {place}"
    else:
        registered = rng.randint(500, 2_500)
        groups = 0 if permille(rng, 550) else rng.randint(2, 5)
        council = f"{level} {place}"
    name = f"Bầu cử đại biểu Hội đồng nhân dân {council} nhiệm kỳ {term}, Đơn vị bầu cử số {number}"
    title = f"Bầu đại biểu Hội đồng nhân dân {council}"
    return _Seat("peoples_council", seats, registered, groups, name, title)


def constituency(e: Builder) -> dict[str, object]:
    """A constituency of a People's Council (or of the National Assembly) under the state law."""
    rng = e.rng
    e.rule_id = STATE_RULES
    if permille(rng, 500):
        day, term, na_term = dt.date(2026, 3, 15), "2026–2031", "XVI"
    else:
        day, term, na_term = dt.date(2021, 5, 23), "2021–2026", "XV"
    place, level, _ = unit(rng, False)
    e.place = place
    e.people = people = People(rng, region(rng), day)
    s = _draw(e, place, level, term, na_term)
    e.assembly = s.assembly
    surplus = min_surplus(e.rules, s.assembly, s.seats)
    ids = []
    for _ in range(s.seats + surplus):
        p = people.new(
            women_permille=400, young_permille=200, incumbent_permille=300, min_age=25, max_age=62
        )
        # State candidates are introduced by the Front, not on a committee's slate.
        ids.append(people.replace(p, nominated_by=None).id)
    collected = s.registered - (s.registered * rng.randint(3, 40)) // 1000
    issued = collected + rng.randrange(4)
    cid = "dbqh" if s.assembly == "national_assembly" else "hdnd"
    contest = e.add(ContestDraft(cid, "deputies", s.title, s.seats, ids))
    dislike = dislikes(rng, ids, rng.sample(ids, surplus))
    if s.groups and s.registered > 20_000:
        _aggregate_sheets(e, contest, collected, issued, s.groups, dislike)
    else:
        e.hold(contest, collected, None, dislike, sheets=s.groups)
        # Some voters took a ballot and did not put it in the box.
        first = contest.rounds[0]
        contest.rounds[0] = first.model_copy(update={"issued": issued})
    out: dict[str, object] = {
        "congress": {
            "name": s.name,
            "kind": "constituency",
            "date": day,
            "term": term,
            "locality": place,
            "assembly": s.assembly,
        },
        "electorate": {"registered": s.registered},
    }
    if permille(rng, 500):
        out["plan"] = _plan(e, place, day, s.seats)
    return out


def _plan(e: Builder, place: str, day: dt.date, seats: int) -> dict[str, object]:
    """The council's plan for the constituency: targets of women (and youth)."""
    targets: dict[str, object] = {"women": {"min": "1/3" if seats >= 3 else 1}}
    if seats >= 4:
        targets["youth"] = {"min": 1, "age_below": 40}
    return {
        "approved_by": f"Thường trực Hội đồng nhân dân {place}",
        "approved_on": day - dt.timedelta(days=60 + e.rng.randrange(40)),
        "bodies": {"deputies": {"seats": seats, "targets": targets}},
    }


def _group_figures(
    e: Builder, c: int, keep: list[int], seats: int
) -> tuple[dict[str, int], list[int]]:
    """One polling area's invalid ballots and votes: Σ votes ≤ seats × valid holds."""
    rng = e.rng
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
    return invalid, votes


def _aggregate_sheets(
    e: Builder,
    contest: ContestDraft,
    collected: int,
    issued: int,
    groups: int,
    dislike: dict[str, int],
) -> None:
    """A large constituency: one tally sheet per polling area, drawn as figures (no ballots)."""
    rng = e.rng
    ids, seats, n = contest.candidates, contest.seats, len(contest.candidates)
    # Share of valid ballots that keep each name, in per mille; the total stays under the
    # seats, so Σ votes ≤ seats × valid holds in every group.
    total_dislike = sum(dislike[c] for c in ids)
    strikes = (n - seats) * 1000 + rng.randrange(150)
    keep = [max(50, 1000 - (strikes * dislike[c]) // total_dislike) for c in ids]
    tie = permille(rng, PLANT_TIE * 2)
    sheets: list[tuple[int, dict[str, int], list[int]]] = []
    left = collected
    for g in range(groups):
        c = left if g == groups - 1 else collected // groups + rng.randint(-50, 50)
        left -= c
        sheets.append((c, *_group_figures(e, c, keep, seats)))
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
    names = []
    for g, (c, invalid, votes) in enumerate(sheets, 1):
        rel = f"tallies/khu-vuc-{g:02d}.yaml"
        names.append(rel)
        figures = sheet(
            f"Khu vực bỏ phiếu số {g}", c, invalid, dict(zip(ids, votes, strict=True)), None
        )
        e.files.append((rel, dump_yaml(figures)))
    contest.rounds.append(Round(issued=issued, tallies=names))
    e.record(contest, ids, e.decide(totals, seats, None, valid_total, ids))
