"""Unicode normalisation and the Vietnamese sort key.

Vietnamese text arrives in NFC or NFD depending on the keyboard (Unikey, macOS, Windows):
"Nguyễn" may be 6 or 8 code points. Every string is NFC-normalised at the boundary, so that
ids and names compare equal however they were typed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

# The Vietnamese alphabet order; tones sort after the base letter, in this order.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
# Dictionary order of the tones: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư)


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def _letter_key(ch: str) -> tuple[int, int]:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base = "".join(c for c in decomposed if c not in _TONES)
    tone = next((_TONES[c] for c in decomposed if c in _TONES), 0)
    letter = unicodedata.normalize("NFC", base)
    if letter == "đ":
        return (_ALPHABET.index("đ"), tone)
    if letter in _ALPHABET:
        return (_ALPHABET.index(letter), tone)
    plain = "".join(c for c in base if c not in _LETTER_MARKS)
    return (len(_ALPHABET) + ord(plain[:1] or " "), tone)


WordKey = tuple[tuple[int, ...], tuple[int, ...]]


def _word_key(word: str) -> WordKey:
    """The word's letters first, its tone only between words of the same letters: dictionaries
    put Dũng before Duyên and Hà before Hai (a tone is not a letter)."""
    keys = [_letter_key(ch) for ch in word]
    return (tuple(k[0] for k in keys), tuple(k[1] for k in keys))


def name_key(full_name: str) -> tuple[WordKey, ...]:
    """Sort key for a Vietnamese full name: given name first, then surname, then middle names.

    "Nguyễn Văn An" sorts under "An", as lists "theo vần A, B, C" are ordered. Each word sorts
    by its letters in the order of the Vietnamese alphabet, then by its tone.
    """
    words = nfc(full_name).split()
    if not words:
        return ()
    ordered = [words[-1], words[0], *words[1:-1]]
    return tuple(_word_key(w) for w in ordered)


def ascii_fold(text: str) -> str:
    """``Nguyễn Đức`` → ``Nguyen Duc``: for ids and file names."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def slug(text: str) -> str:
    """An ASCII file-name part: ``Trần Thị Bình`` → ``tran-thi-binh`` ("" if nothing is left)."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")


def fold(text: str) -> str:
    """The form names and ids are compared in for "did you mean": NFC, no diacritics, no case,
    single spaces (``Trần  thị Bình`` and ``tran thi binh`` are the same)."""
    return " ".join(ascii_fold(nfc(text)).casefold().split())


def closest(word: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The one of ``known`` that ``word`` was probably meant to be, or None.

    Compared without diacritics or case, so ``Tran Thi Binh`` finds ``Trần Thị Bình``; a word that
    is already one of ``known`` is no typo of another."""
    by_fold: dict[str, str] = {}
    for k in known:
        by_fold.setdefault(fold(k), k)
    if not by_fold or word in by_fold.values():
        return None
    close = difflib.get_close_matches(fold(word), list(by_fold), n=1, cutoff=cutoff)
    return by_fold[close[0]] if close else None
