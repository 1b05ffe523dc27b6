"""Fictional Vietnamese people and places, drawn from a seeded generator in integers only."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Literal

from tally.election import Person
from tally.textnorm import slug


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


def weighted(rng: random.Random, table: Sequence[tuple[str, int]]) -> str:
    """One item of ``table``, drawn with probability in proportion to its weight."""
    r = rng.randrange(sum(w for _, w in table))
    for item, w in table:
        if r < w:
            return item
        r -= w
    raise AssertionError("unreachable")


def permille(rng: random.Random, rate: int) -> bool:
    """True with probability ``rate``/1000."""
    return rng.randrange(1000) < rate


def region(rng: random.Random) -> str:
    """Where the election is held: the Red River delta mostly, else a region with minorities."""
    return weighted(rng, (("delta", 55), ("north", 20), ("mekong", 15), ("highlands", 10)))


def unit(rng: random.Random, district: bool) -> tuple[str, str, str]:
    """(the place, its level, the party committee's name) e.g. ("Tân Phú", "xã", "Đảng ủy xã")."""
    a = _PLACE_A[rng.randrange(len(_PLACE_A))]
    b = _PLACE_B[rng.randrange(len(_PLACE_B))]
    while b == a:
        b = _PLACE_B[rng.randrange(len(_PLACE_B))]
    place = f"{a} {b}"
    if district:
        return place, "huyện", "Huyện ủy"
    level = "phường" if permille(rng, 300) else "xã"
    return place, level, f"Đảng ủy {level}"


class People:
    """Everyone in one election folder (config :class:`Person` models), with unique ids made
    of their initials. ``replace`` swaps in a changed copy (the models are frozen)."""

    def __init__(self, rng: random.Random, where: str, day: dt.date) -> None:
        self.rng = rng
        self.region = where
        self.day = day
        self.all: list[Person] = []
        self.ids: set[str] = set()
        self.names: set[str] = set()

    def _name(self, sex: Literal["M", "F"], minority_permille: int) -> tuple[str, str]:
        rng = self.rng
        groups = _REGIONS[self.region]
        ethnicity = "Kinh"
        surname = weighted(rng, _SURNAMES)
        if groups and permille(rng, minority_permille):
            ethnicity, surnames = groups[rng.randrange(len(groups))]
            surname = surnames[rng.randrange(len(surnames))]
        name = ""
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
        return name, ethnicity

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
        """A new person on the committee's slate (``nominated_by: committee``)."""
        rng = self.rng
        sex: Literal["M", "F"] = "F" if permille(rng, women_permille) else "M"
        name, ethnicity = self._name(sex, minority_permille)
        age = (
            rng.randint(min_age, 39)
            if permille(rng, young_permille) and min_age < 40
            else rng.randint(max(40, min_age), max_age)
        )
        born = dt.date(self.day.year - age - 1, 1, 1) + dt.timedelta(days=rng.randrange(365))
        base = "".join(word[0] for word in slug(name).split("-") if word) or "p"
        pid, k = base, 2
        while pid in self.ids:
            pid, k = f"{base}{k}", k + 1
        self.ids.add(pid)
        person = Person(
            id=pid,
            name=name,
            sex=sex,
            born=born,
            ethnicity=ethnicity,
            incumbent=permille(rng, incumbent_permille),
            nominated_by="committee",
        )
        self.all.append(person)
        return person

    def replace(self, person: Person, **changes: object) -> Person:
        """The person with ``changes`` applied, in their place in the list."""
        changed = person.model_copy(update=changes)
        self.all[self.all.index(person)] = changed
        return changed

    def born(self, ids: Sequence[str]) -> list[dt.date | None]:
        """Birth dates in the order of ``ids`` (the state law's tie goes to the older)."""
        by_id = {p.id: p for p in self.all}
        return [by_id[pid].born for pid in ids]
