"""Exact shares (``15%``, ``1/3``) and Vietnamese text: NFC and the name sort key."""

from __future__ import annotations

import unicodedata
from fractions import Fraction

import pytest
from pydantic import TypeAdapter, ValidationError

from tally.fields import Quantity, Share
from tally.shares import (
    at_least,
    at_most,
    format_quantity,
    format_share,
    more_than,
    most_within,
    needed,
    needed_more_than,
    parse_quantity,
    parse_share,
)
from tally.textnorm import name_key, nfc

# --------------------------------------------------------------------------- shares


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("15%", Fraction(3, 20)),
        ("12.5%", Fraction(1, 8)),
        ("30%", Fraction(3, 10)),
        (" 30 % ", Fraction(3, 10)),
        ("0%", Fraction(0)),
        ("100%", Fraction(1)),
        ("1/3", Fraction(1, 3)),
        ("3/10", Fraction(3, 10)),
        (" 2 / 3 ", Fraction(2, 3)),
        ("1/1", Fraction(1)),
    ],
)
def test_parse_share(text: str, value: Fraction) -> None:
    share = parse_share(text)
    assert share == value
    assert isinstance(share, Fraction)


def test_parse_share_passes_fraction_through() -> None:
    assert parse_share(Fraction(1, 2)) == Fraction(1, 2)


@pytest.mark.parametrize("text", ["abc", "", "15", "%", "15 %%", "1/0", "-5%", "1/3/4", "0.15"])
def test_parse_share_rejects_text(text: str) -> None:
    with pytest.raises(ValueError, match='must be a share like "15%" or "1/3"'):
        parse_share(text)


@pytest.mark.parametrize("text", ["150%", "100.5%", "4/3"])
def test_parse_share_rejects_more_than_100_percent(text: str) -> None:
    with pytest.raises(ValueError, match="cannot be more than 100%"):
        parse_share(text)


@pytest.mark.parametrize("value", [0.15, 1, None, True])
def test_parse_share_rejects_non_strings(value: object) -> None:
    with pytest.raises(ValueError, match="written as a string"):
        parse_share(value)


def test_share_in_a_model() -> None:
    adapter: TypeAdapter[Fraction] = TypeAdapter(Share)
    assert adapter.validate_python("15%") == Fraction(3, 20)
    assert adapter.dump_python(Fraction(3, 10)) == "30%"
    with pytest.raises(ValidationError):
        adapter.validate_python(0.15)
    with pytest.raises(ValidationError):
        adapter.validate_python("150%")


@pytest.mark.parametrize(
    ("share", "text"),
    [
        (Fraction(3, 10), "30%"),
        (Fraction(3, 20), "15%"),
        (Fraction(1, 8), "12.5%"),
        (Fraction(1, 3), "1/3"),
        (Fraction(1), "100%"),
        (Fraction(0), "0%"),
        (Fraction(1, 400), "0.25%"),
    ],
)
def test_format_share(share: Fraction, text: str) -> None:
    assert format_share(share) == text
    if "/" not in text:
        assert parse_share(text) == share


def test_quantity() -> None:
    assert parse_quantity(2) == 2
    assert isinstance(parse_quantity(2), int)
    assert parse_quantity("1/3") == Fraction(1, 3)
    for bad in (True, -1, 0.5):
        with pytest.raises(ValueError):
            parse_quantity(bad)
    assert format_quantity(2) == 2
    assert format_quantity(Fraction(3, 20)) == "15%"
    adapter: TypeAdapter[int | Fraction] = TypeAdapter(Quantity)
    assert adapter.validate_python(3) == 3
    assert adapter.validate_python("15%") == Fraction(3, 20)


@pytest.mark.parametrize(
    ("total", "minimum", "need"),
    [
        (15, Fraction(3, 10), 5),  # 4.5 → 5
        (9, Fraction(3, 20), 2),  # 1.35 → 2
        (20, Fraction(3, 20), 3),  # exactly 3
        (9, Fraction(1, 3), 3),
        (10, Fraction(1, 3), 4),  # 3.33 → 4
        (0, Fraction(1, 3), 0),
        (15, 2, 2),
        (15, 0, 0),
    ],
)
def test_needed(total: int, minimum: int | Fraction, need: int) -> None:
    assert needed(total, minimum) == need
    assert isinstance(needed(total, minimum), int)
    assert at_least(need, total, minimum)
    if need > 0:
        assert not at_least(need - 1, total, minimum)


def test_at_least_in_integers() -> None:
    assert at_least(3, 9, Fraction(1, 3))  # exactly a third reaches "at least 1/3"
    assert not at_least(2, 9, Fraction(1, 3))
    assert at_least(2, 9, Fraction(3, 20))
    assert not at_least(1, 9, Fraction(3, 20))
    assert at_least(1, 100, 1)
    assert not at_least(0, 100, 1)


@pytest.mark.parametrize(
    ("total", "share", "fewest"),
    [
        (290, Fraction(1, 2), 146),  # exactly half (145) is not more than half
        (293, Fraction(1, 2), 147),  # 146.5 → 147
        (10, Fraction(3, 10), 4),  # exactly 30% (3) is not more than 30%
        (7, Fraction(3, 10), 3),  # 2.1 → 3
        (9, Fraction(2, 3), 7),  # exactly two thirds (6) is not more
        (0, Fraction(1, 2), 1),
        (25, Fraction(0), 1),  # more than nothing: one
        (4, Fraction(1), 5),  # more than all: out of reach
    ],
)
def test_more_than_and_the_fewest_that_are(total: int, share: Fraction, fewest: int) -> None:
    assert needed_more_than(total, share) == fewest
    assert more_than(fewest, total, share)
    assert not more_than(fewest - 1, total, share)


def test_more_than_is_strict_at_exactly_the_share() -> None:
    assert not more_than(145, 290, Fraction(1, 2))  # exactly half
    assert more_than(146, 290, Fraction(1, 2))
    assert not more_than(3, 10, Fraction(3, 10))  # exactly 30%
    assert at_least(3, 10, Fraction(3, 10))  # ... which "at least" reaches


@pytest.mark.parametrize(
    ("total", "share", "most"),
    [
        (10, Fraction(3, 10), 3),  # exactly 30%: within
        (7, Fraction(3, 10), 2),  # 2.1 → 2
        (9, Fraction(1, 2), 4),  # 4.5 → 4
        (8, Fraction(1, 2), 4),  # exactly half
        (0, Fraction(1, 3), 0),
        (5, Fraction(0), 0),
    ],
)
def test_most_within(total: int, share: Fraction, most: int) -> None:
    assert most_within(total, share) == most
    assert at_most(most, total, share)
    assert not at_most(most + 1, total, share)


# --------------------------------------------------------------------------- NFC


def test_nfc_equalises_nfd() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn")
    assert len(nfd) == 8
    assert nfd != "Nguyễn"
    assert nfc(nfd) == "Nguyễn"
    assert len(nfc(nfd)) == 6
    assert nfc("Nguyễn") == "Nguyễn"


def test_name_key_same_for_nfd_and_nfc() -> None:
    name = "Nguyễn Thị Ánh Tuyết"
    assert name_key(unicodedata.normalize("NFD", name)) == name_key(name)


# --------------------------------------------------------------------------- name_key


def sort_names(names: list[str]) -> list[str]:
    return sorted(names, key=name_key)


def test_given_name_first() -> None:
    assert name_key("Đỗ Văn Ánh") < name_key("Lê Thị Bình")
    assert name_key("Nguyễn Văn An") < name_key("Anh Thị Bình")  # An < Bình, surname ignored first
    assert sort_names(["Lê Thị Bình", "Trần Văn Cường", "Đỗ Văn Ánh"]) == [
        "Đỗ Văn Ánh",
        "Lê Thị Bình",
        "Trần Văn Cường",
    ]


def test_same_given_name_then_surname_then_middle() -> None:
    assert sort_names(["Trần Văn An", "Lê Văn An", "Lê Thị An"]) == [
        "Lê Thị An",
        "Lê Văn An",
        "Trần Văn An",
    ]


def test_vietnamese_letter_order() -> None:
    # a < ă < â < b: unlike code points, where "Ă" (U+0102) sorts after "B".
    assert name_key("X An") < name_key("X Ăn") < name_key("X Ân") < name_key("X Bình")
    # d < đ < e: unlike code points, where "Đ" (U+0110) sorts after every ASCII letter.
    assert name_key("X Dũng") < name_key("X Đức") < name_key("X Em")
    # o < ô < ơ < p; u < ư < v
    assert name_key("X Oanh") < name_key("X Ông") < name_key("X Ơn") < name_key("X Phúc")
    assert name_key("X Uyên") < name_key("X Ưng") < name_key("X Vân")
    # e < ê
    assert name_key("X Em") < name_key("X Ên")
    assert sort_names(["Lê Đức", "Lê Em", "Lê Dũng", "Lê Ăn", "Lê Bình", "Lê An"]) == [
        "Lê An",
        "Lê Ăn",
        "Lê Bình",
        "Lê Dũng",
        "Lê Đức",
        "Lê Em",
    ]


def test_case_and_tone_do_not_change_the_letter() -> None:
    assert name_key("lê thị bình") == name_key("Lê Thị Bình")
    # A tone sorts after the plain letter, before the next letter.
    assert name_key("X An") < name_key("X Án") < name_key("X Ăn")
    assert name_key("X Đa") < name_key("X Đà") < name_key("X Đe")


def test_name_key_edge_cases() -> None:
    assert name_key("") == ()
    assert name_key("   ") == ()
    assert name_key("Bình") < name_key("Cúc")  # a one-word name sorts by that word
    assert name_key("  Lê   Thị  Bình ") == name_key("Lê Thị Bình")


def test_tones_sort_in_dictionary_order() -> None:
    from tally.textnorm import name_key

    # ngang, huyền, hỏi, ngã, sắc, nặng
    names = ["Lê Hạ", "Lê Hả", "Lê Há", "Lê Ha", "Lê Hã", "Lê Hà"]
    assert sorted(names, key=name_key) == ["Lê Ha", "Lê Hà", "Lê Hả", "Lê Hã", "Lê Há", "Lê Hạ"]


def test_the_tone_counts_only_after_the_letters_of_the_word() -> None:
    # Dictionaries (and ballots "theo vần A, B, C") order the letters of a word first and its
    # tone only between words of the same letters: Dũng before Duyên, Hà before Hai, Bạc
    # before Bách. A tone compared letter by letter put Duyên before Dũng.
    assert name_key("Phạm Quốc Dũng") < name_key("Vi Thị Duyên")
    assert name_key("X Hà") < name_key("X Hai") < name_key("X Hài")
    assert name_key("X Bạc") < name_key("X Bách")
    assert name_key("X Hòa") < name_key("X Hoan")
