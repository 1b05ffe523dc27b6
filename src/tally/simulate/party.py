"""Party elections (QĐ 190, or QĐ 244 for the 2020 round): members' and delegates' congresses
with the first conference of the new committee, and committee conferences on their own.

List lengths, the slate's surplus and a floor nominee's support come from the rule set
(:mod:`tally.simulate.rules`); the sizes of bodies and the plan's targets are drawn here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tally.election import Person
from tally.simulate.election import POST_MISSED, Builder, ContestDraft, dislikes
from tally.simulate.names import People, permille, region, roman, unit
from tally.simulate.rules import floor_support, slate_surplus, surplus_cap

_MINORITY = {"delta": 20, "north": 450, "mekong": 250, "highlands": 400}


@dataclass
class _Congress:
    """What the contests of one congress need to know about it."""

    delegates: bool
    district: bool
    day: dt.date
    term: str
    place: str
    org: str
    unit_title: str
    nth: int
    region: str
    seats: int = 0
    base: int = 0
    present: int = 0
    fields: dict[str, object] = field(default_factory=dict)

    @property
    def minority(self) -> int:
        return _MINORITY[self.region]


def _party_round(e: Builder) -> tuple[str, dt.date, str]:
    """(rule set, congress date, term): mostly the 2025–2030 round."""
    r = e.rng
    if permille(r, 200):
        return "qd-244-2014", dt.date(2020, 4, 1) + dt.timedelta(days=r.randrange(120)), "2020–2025"
    return "qd-190-2024", dt.date(2025, 4, 1) + dt.timedelta(days=r.randrange(150)), "2025–2030"


def _open(e: Builder, delegates: bool) -> _Congress:
    rng = e.rng
    e.rule_id, day, term = _party_round(e)
    district = delegates and e.rule_id == "qd-244-2014"
    place, level, committee_name = unit(rng, district)
    e.place = place
    where = region(rng)
    e.people = People(rng, where, day)
    first = delegates and e.rule_id == "qd-190-2024" and permille(rng, 500)
    nth = 1 if first else rng.randint(14, 26)
    title = f"{committee_name} {place}" if not district else f"Huyện ủy {place}"
    org = f"Đảng bộ {level} {place}"
    return _Congress(delegates, district, day, term, place, org, title, nth, where)


def _electorate(e: Builder, c: _Congress) -> tuple[str, dict[str, object]]:
    """The congress's name and electorate; sets its seats, base and attendance."""
    rng = e.rng
    if c.delegates:
        name = f"Đại hội đại biểu {c.org} lần thứ {roman(c.nth)}, nhiệm kỳ {c.term}"
        sizes = (15, 17, 19, 21, 25, 27, 33, 35) if c.district or c.nth == 1 else (15, 17, 19, 21)
        c.seats = rng.choice(sizes)
        summoned = rng.randint(110, 300)
        ex_officio = c.seats + rng.randint(-4, 4)
        absent = (rng.randint(0, 2), rng.randint(0, 3))
        c.base = summoned - sum(absent)
        electorate: dict[str, object] = {
            "summoned": summoned,
            "ex_officio": ex_officio,
            "absent_all_congress": {"ex_officio": absent[0], "delegates_unreplaced": absent[1]},
        }
    else:
        name = f"Đại hội {c.org} lần thứ {roman(c.nth)}, nhiệm kỳ {c.term}"
        c.seats = rng.choice((5, 7, 9, 9, 9, 15))
        summoned = rng.randint(35, 130)
        excl = [rng.randint(0, 3), rng.randint(0, 2), int(permille(rng, 150)), rng.randint(0, 4)]
        c.base = summoned - sum(excl)
        electorate = {
            "summoned": summoned,
            "attached_elsewhere": excl[0],
            "exempt_absent": excl[1],
            "suspended_or_prosecuted": excl[2],
            "absent_all_congress_approved": excl[3],
        }
    c.present = c.base - rng.randint(0, max(1, c.base // 40))
    electorate["present"] = c.present
    return name, electorate


def _committee_list(e: Builder, c: _Congress) -> tuple[list[Person], list[str]]:
    """The committee's list: the outgoing committee's slate (its surplus as the rule set asks)
    plus, now and then, floor nominees up to the list cap, each with just over the support
    the rule set requires. Returns (the slate, the ballot order)."""
    rng, people, rules = e.rng, e.people, e.rules
    slate_n = c.seats + slate_surplus(rules, "committee", c.seats)
    slate = [
        people.new(
            women_permille=230,
            young_permille=170,
            incumbent_permille=600,
            minority_permille=c.minority,
        )
        for _ in range(slate_n)
    ]
    floor: list[Person] = []
    room = surplus_cap(rules, "committee", c.seats) - (slate_n - c.seats)
    if room > 0 and permille(rng, 250):
        least = floor_support(rules, c.present, c.base)
        for _ in range(rng.randint(1, room)):
            p = people.new(women_permille=200, young_permille=250, minority_permille=c.minority)
            more = rng.randrange(max(1, c.present // 4))
            support = {"support": least + more} if least else {}
            floor.append(people.replace(p, nominated_by="floor", **support))
    listed = slate + floor
    rng.shuffle(listed)
    return slate, [p.id for p in listed]


def _delegates(e: Builder, c: _Congress, secretary: str, ids: list[str]) -> None:
    """Delegates to the higher congress (and their alternates): leaders plus others. Their
    list carries a surplus between the slate's least share and the list cap of the rule set."""
    rng, people = e.rng, e.people
    d_seats = rng.randint(8, 20) if c.delegates else rng.randint(2, 6)
    lists = e.rules.lists
    low, high = lists.slate_surplus.value, lists.surplus_max.value
    lo = (low.min * 100) if low else 0
    hi = (high.share * 100) if high else lo
    pct = int(lo) + rng.randrange(int(hi - lo) + 1)
    d_surplus = max(1, (d_seats * pct) // 100)
    from_bch = [secretary, *[p for p in ids if p != secretary][: max(0, d_seats // 2 - 1)]]
    fresh = [
        people.new(women_permille=300, minority_permille=c.minority).id
        for _ in range(d_seats + d_surplus - len(from_bch))
    ]
    d_ids = from_bch + fresh
    rng.shuffle(d_ids)
    dbct = e.add(
        ContestDraft(
            "dbct",
            "delegates",
            "Bầu đại biểu chính thức dự Đại hội Đảng bộ cấp trên",
            d_seats,
            d_ids,
        )
    )
    weak = rng.sample(fresh, min(len(fresh), d_surplus))
    e.hold(dbct, c.present, c.base, dislikes(rng, d_ids, weak))
    if permille(rng, 500):
        a_seats = rng.randint(1, 3 if c.delegates else 2)
        a_ids = [people.new(women_permille=350, young_permille=300).id for _ in range(a_seats + 1)]
        name = "Bầu đại biểu dự khuyết dự Đại hội Đảng bộ cấp trên"
        dbdk = e.add(ContestDraft("dbdk", "alternate_delegates", name, a_seats, a_ids))
        e.hold(dbdk, c.present, c.base, dislikes(rng, a_ids, [a_ids[-1]]))


def party_congress(e: Builder, delegates: bool) -> dict[str, object]:
    """A members' or delegates' congress, and (mostly) the first conference of its committee."""
    rng = e.rng
    c = _open(e, delegates)
    name, electorate = _electorate(e, c)
    slate, ids = _committee_list(e, c)
    incumbents = [p.id for p in slate if p.incumbent] or [slate[0].id]
    secretary = incumbents[rng.randrange(len(incumbents))]
    others = [p.id for p in slate if p.id != secretary]
    rng.shuffle(others)
    deputies = others[: (2 if c.seats >= 15 else 1)]
    chair = others[len(deputies)]
    posts = [secretary, *deputies, chair]
    weak_pool = [p for p in ids if p not in posts]
    weak = rng.sample(weak_pool, min(len(weak_pool), len(ids) - c.seats))
    dislike = dislikes(rng, ids, weak, [secretary])
    bch_name = f"Bầu Ban Chấp hành {c.org} khóa {roman(c.nth)}"
    bch = e.add(ContestDraft("bch", "committee", bch_name, c.seats, ids))
    groups = rng.randint(3, 5) if delegates and permille(rng, 250) else 0
    e.hold(bch, c.present, c.base, dislike, sheets=groups)

    direct = not delegates and e.rule_id == "qd-190-2024" and permille(rng, 300)
    if direct:
        title = f"Bầu trực tiếp Bí thư {c.unit_title} tại đại hội"
        bt = e.add(ContestDraft("bt", "secretary", title, 1, [secretary], at="congress"))
        e.hold(bt, c.present, c.base, {secretary: 10 + rng.randrange(80)})
    _delegates(e, c, secretary, ids)

    bodies: dict[str, object] = {"committee": _committee_plan(c, slate)}
    post_fields: dict[str, object] = {"secretary": secretary, "deputy_secretary": deputies}
    fields: dict[str, object] = {}
    if bch.outcome == "complete" and permille(rng, 700):
        conference, more, chair_ok = first_conference(e, bch, posts, direct, c)
        fields["conference"] = conference
        e.notes[("conference",)] = ["Hội nghị lần thứ nhất Ban Chấp hành khóa mới."]
        bodies.update(more)
        if chair_ok:
            post_fields["inspection_chair"] = chair
    return {
        "congress": _congress_fields(c, name),
        "electorate": electorate,
        **fields,
        "plan": {
            "approved_by": (
                "Ban Thường vụ Tỉnh ủy" if c.district else "Ban Thường vụ Đảng ủy cấp trên"
            ),
            "approved_on": c.day - dt.timedelta(days=40 + rng.randrange(60)),
            "bodies": bodies,
            "posts": post_fields,
        },
    }


def _committee_plan(c: _Congress, slate: list[Person]) -> dict[str, object]:
    """The approved plan for the committee: its seats, slate and targets."""
    targets: dict[str, object] = {
        "women": {"min": "15%"},
        "youth": {"min": "10%" if c.seats >= 9 else 1, "age_below": 40},
        "renewal": {"min": "1/3"},
    }
    if c.region != "delta":
        targets["ethnic_minority"] = {"min": 1}
    return {"seats": c.seats, "slate": [p.id for p in slate], "targets": targets}


def _congress_fields(c: _Congress, name: str) -> dict[str, object]:
    convener = (
        f"Ban Chấp hành {c.org} khóa {roman(c.nth - 1)}"
        if c.nth > 1
        else f"Ban Chấp hành lâm thời {c.org} (chỉ định)"
    )
    return {
        "name": name,
        "kind": "delegates_congress" if c.delegates else "members_congress",
        "date": c.day,
        "term": c.term,
        "convened_by": convener,
        "organisation": c.org,
        "locality": c.place,
    }


def _standing_committee(
    e: Builder, bch: ContestDraft, posts: list[str], c: _Congress, present: int
) -> tuple[dict[str, object], list[str] | None]:
    """The standing committee, listed from the new committee (its slate's surplus from the
    rule set). Returns its plan and those it elected (None: it is not complete)."""
    rng = e.rng
    secretary, *deputies, _ = posts
    elected = bch.elected
    seats = 3 if bch.seats < 15 else (5 if bch.seats < 25 else rng.choice((7, 9)))
    listed = seats + slate_surplus(e.rules, "standing_committee", seats)
    favourites = [p for p in [secretary, *deputies] if p in elected]
    pool = [p for p in elected if p not in favourites]
    rng.shuffle(pool)
    ids = (favourites + pool)[:listed]
    rng.shuffle(ids)
    # Now and then the hall does not follow the plan for a deputy secretary.
    missed = [d for d in deputies if d in ids and permille(rng, POST_MISSED)]
    weak = [p for p in ids if p not in favourites] + missed[:1]
    dislike = dislikes(rng, ids, weak, [secretary])
    title = f"Bầu Ban Thường vụ {c.unit_title} khóa {roman(c.nth)}"
    btv = e.add(ContestDraft("btv", "standing_committee", title, seats, ids))
    e.hold(btv, present, bch.seats, dislike)
    plan: dict[str, object] = {"standing_committee": {"seats": seats, "slate": ids}}
    return plan, (btv.elected if btv.outcome == "complete" else None)


def first_conference(
    e: Builder, bch: ContestDraft, posts: list[str], direct: bool, c: _Congress
) -> tuple[dict[str, object], dict[str, object], bool]:
    """The new committee's first conference: standing committee, secretary, deputies,
    inspection committee and chair, each listed from those the previous vote elected.
    Returns (the conference, plan bodies, whether the planned inspection chair may stand)."""
    rng = e.rng
    secretary, *deputies, chair = posts
    summoned = bch.seats
    present = summoned - (1 if permille(rng, 200) else 0)
    conference: dict[str, object] = {"summoned": summoned, "present": present}
    plan: dict[str, object] = {}
    parent = bch.elected
    if bch.seats >= 9:
        plan, standing = _standing_committee(e, bch, posts, c, present)
        if standing is None:
            return conference, plan, False
        parent = standing
    if not direct and secretary in parent:
        bt = e.add(ContestDraft("bt", "secretary", f"Bầu Bí thư {c.unit_title}", 1, [secretary]))
        e.hold(bt, present, summoned, {secretary: 5 + rng.randrange(60)})
    ready = [d for d in deputies if d in parent]
    if ready and len(ready) == len(deputies):
        title = f"Bầu Phó Bí thư {c.unit_title}"
        pbt = e.add(ContestDraft("pbt", "deputy_secretary", title, len(ready), ready))
        e.hold(pbt, present, summoned, {d: 10 + rng.randrange(90) for d in ready})
    elif ready != deputies:
        e.header.append(
            "Phó Bí thư theo đề án không trúng cử cơ quan trước đó: cuộc bầu Phó Bí thư tạm "
            "dừng, chờ ý kiến chỉ đạo của cấp trên."
        )
    chair_ok = chair in bch.elected
    if chair_ok:
        _inspection(e, bch, posts, c, present)
    return conference, plan, chair_ok


def _inspection(
    e: Builder, bch: ContestDraft, posts: list[str], c: _Congress, present: int
) -> None:
    """The inspection committee (the planned chair and a committee member among others) and,
    when it is complete with the chair in it, its chair."""
    rng = e.rng
    secretary, *deputies, chair = posts
    elected = bch.elected
    seats = 3 if bch.seats < 15 else 5
    members = [chair, *[p for p in elected if p not in (secretary, chair, *deputies)][:1]]
    outsiders = [
        e.people.new(women_permille=300, young_permille=150).id
        for _ in range(seats + 1 - len(members))
    ]
    ids = members + outsiders
    rng.shuffle(ids)
    title = f"Bầu Ủy ban Kiểm tra {c.unit_title} khóa {roman(c.nth)}"
    ubkt = e.add(ContestDraft("ubkt", "inspection_committee", title, seats, ids))
    e.hold(ubkt, present, bch.seats, dislikes(rng, ids, [outsiders[-1]], [chair]))
    if chair in ubkt.elected and ubkt.outcome == "complete":
        title = f"Bầu Chủ nhiệm Ủy ban Kiểm tra {c.unit_title}"
        cn = e.add(ContestDraft("cnubkt", "inspection_chair", title, 1, [chair]))
        e.hold(cn, present, bch.seats, {chair: 10 + rng.randrange(80)})


def committee_conference(e: Builder) -> dict[str, object]:
    """A committee meeting on its own: a by-election to the standing committee, a deputy
    secretary or the inspection chair (bầu bổ sung)."""
    rng = e.rng
    day = dt.date(2025, 9, 1) + dt.timedelta(days=rng.randrange(200))
    place, level, committee_name = unit(rng, False)
    e.place = place
    e.people = People(rng, region(rng), day)
    summoned = rng.choice((9, 11, 13, 15, 15, 19, 25, 33))
    present = summoned - rng.randint(0, max(1, summoned // 8))
    title = f"{committee_name} {place}"
    bodies, posts = _by_election(e, title, present, summoned)
    out: dict[str, object] = {
        "congress": {
            "name": f"Hội nghị {title} (bầu bổ sung), nhiệm kỳ 2025–2030",
            "kind": "committee_conference",
            "date": day,
            "term": "2025–2030",
            "organisation": f"Đảng bộ {level} {place}",
            "locality": place,
        },
        "electorate": {"summoned": summoned, "present": present},
    }
    if bodies or posts:
        approved = day - dt.timedelta(days=10 + rng.randrange(30))
        plan: dict[str, object] = {
            "approved_by": "Ban Thường vụ Đảng ủy cấp trên",
            "approved_on": approved,
        }
        if bodies:
            plan["bodies"] = bodies
        if posts:
            plan["posts"] = posts
        out["plan"] = plan
    return out


def _by_election(
    e: Builder, title: str, present: int, summoned: int
) -> tuple[dict[str, object], dict[str, object]]:
    """One by-election (or two): returns the plan's bodies and posts."""
    rng, people = e.rng, e.people
    choice = rng.randrange(3)
    if choice == 0:
        seats = 1 + int(permille(rng, 300))
        ids = [people.new(incumbent_permille=1000).id for _ in range(seats + 1)]
        name = f"Bầu bổ sung Ủy viên Ban Thường vụ {title}"
        btv = e.add(ContestDraft("btv", "standing_committee", name, seats, ids))
        e.hold(btv, present, summoned, dislikes(rng, ids, [ids[-1]]))
        bodies: dict[str, object] = {"standing_committee": {"seats": seats, "slate": ids}}
        if btv.outcome == "complete" and permille(rng, 600):
            deputy = btv.elected[0]
            name = f"Bầu bổ sung Phó Bí thư {title}"
            pbt = e.add(ContestDraft("pbt", "deputy_secretary", name, 1, [deputy]))
            e.hold(pbt, present, summoned, {deputy: 10 + rng.randrange(90)})
            return bodies, {"deputy_secretary": [deputy]}
        return bodies, {}
    if choice == 1:
        deputy = people.new(incumbent_permille=1000).id
        name = f"Bầu bổ sung Phó Bí thư {title}"
        pbt = e.add(ContestDraft("pbt", "deputy_secretary", name, 1, [deputy]))
        e.hold(pbt, present, summoned, {deputy: 10 + rng.randrange(120)})
        return {}, {"deputy_secretary": [deputy]}
    chair = people.new(incumbent_permille=1000).id
    name = f"Bầu bổ sung Chủ nhiệm Ủy ban Kiểm tra {title}"
    cn = e.add(ContestDraft("cnubkt", "inspection_chair", name, 1, [chair]))
    e.hold(cn, present, summoned, {chair: 10 + rng.randrange(120)})
    return {}, {"inspection_chair": chair}
