"""Every word a user sees comes from the catalogue: no bilingual pair is written inline (issue 14).

The source is read as Python (``ast``), not grepped, so a comment or a docstring that quotes
``t(lang, "…", "…")`` is not a finding, and a call split over lines is still one.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "tally"
# i18n.py holds the catalogue and defines t(); labels.py re-exports it for older callers;
# helptext.py (--help) and rulenames.py (each rule in words) are parts of the catalogue.
HOME = {SRC / "i18n.py", SRC / "labels.py", SRC / "helptext.py", SRC / "rulenames.py"}
VIETNAMESE = re.compile(
    r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.I
)


def _text(node: ast.AST) -> str | None:
    """The literal text of a string or an f-string (its fixed parts), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    return None


def _is_lang(node: ast.AST) -> bool:
    return (isinstance(node, ast.Name) and node.id == "lang") or (
        isinstance(node, ast.Attribute) and node.attr == "lang"
    )


def _pair(vi: ast.AST, en: ast.AST) -> bool:
    """Two literals that read as a Vietnamese text and its English."""
    a, b = _text(vi), _text(en)
    return a is not None and b is not None and bool(VIETNAMESE.search(a)) and b.isascii()


def inline_pairs(source: str) -> list[tuple[int, str]]:
    """(line, what) for each bilingual pair written in ``source`` instead of a catalogue id."""
    found: list[tuple[int, str]] = []
    tree = ast.parse(source)
    # ``x in ("Ê Đê", "Gia Rai")`` is a set of values to match, not words to show
    members = {
        id(c)
        for n in ast.walk(tree)
        if isinstance(n, ast.Compare) and isinstance(n.ops[0], ast.In | ast.NotIn)
        for c in n.comparators
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func, args = node.func, node.args
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            texts = [a for a in args if _text(a) is not None]
            if name in ("t", "_t", "_pick", "tr") and len(texts) >= 2:
                found.append((node.lineno, f"{name}(…) with two literals"))
        elif isinstance(node, ast.IfExp) and isinstance(node.test, ast.Compare):
            sides = [node.test.left, *node.test.comparators]
            if any(_is_lang(s) for s in sides) and _pair(node.body, node.orelse):
                found.append((node.lineno, "'…' if lang == 'vi' else '…'"))
        elif (
            isinstance(node, ast.Tuple)
            and id(node) not in members
            and len(node.elts) == 2
            and _pair(*node.elts)
        ):
            found.append((node.lineno, "a (vi, en) tuple"))
    return found


def test_the_scan_finds_each_way_a_pair_was_written() -> None:
    """The scan sees the six ways bilingual text was made before the catalogue."""
    source = """
x = t(lang, "Hợp lệ", "Valid")
y = _t(
    lang,
    f"đã ghi {n} phiếu",
    f"wrote {n} ballots",
)
z = self.t("Tiếp tục.", "Resumed.")
w = _pick(("Phiếu", "Ballot"), lang)
v = "Khớp" if lang == "vi" else "Matches"
WORDS = {"valid": ("Hợp lệ", "Valid")}
"""
    assert sorted({line for line, _ in inline_pairs(source)}) == [2, 3, 8, 9, 10, 11]


def test_the_scan_leaves_catalogue_calls_and_formats_alone() -> None:
    source = '''
"""A docstring may quote t(lang, "Hợp lệ", "Valid")."""
x = msg("tui.valid").text(lang)  # t(lang, "Hợp lệ", "Valid") in a comment
day = d.strftime("%d/%m/%Y") if lang == "vi" else d.isoformat()
locale = "vi-VN" if lang == "vi" else "en-GB"
names = ("Tân Phú", "xã")
if ethnicity in ("Ê Đê", "Gia Rai"):
    pass
'''
    assert inline_pairs(source) == []


@pytest.mark.parametrize(
    "path",
    sorted(p for p in SRC.rglob("*.py") if p not in HOME),
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_no_inline_bilingual_pair_outside_the_catalogue(path: Path) -> None:
    found = inline_pairs(path.read_text(encoding="utf-8"))
    where = [f"{path.relative_to(SRC.parent)}:{line}: {what}" for line, what in found]
    assert where == [], "give these words an id in tally/i18n.py:\n" + "\n".join(where)
