"""A candidate withdrawn after the list was published (issue 16; 2021 Hà Nội ĐV10, Kiên Giang
ĐV3): the list checks count the approved list, and the shorter ballot is a warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clirun import invoke

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "phuong-hdnd-2026"
BALLOT = "    candidates: [ntth, tqh, ltnl, pvm, dtp]\n"


def _folder(tmp_path: Path, contest_lines: str) -> Path:
    """The example constituency (3 seats) with its ballot list replaced by ``contest_lines``."""
    folder = tmp_path / "e"
    shutil.copytree(EXAMPLE, folder)
    path = folder / "election.yaml"
    text = path.read_text(encoding="utf-8")
    assert BALLOT in text
    path.write_text(text.replace(BALLOT, contest_lines), encoding="utf-8")
    return folder


def _run(folder: Path, *args: str) -> tuple[int, str]:
    result = invoke("validate", folder, *args)
    return result.exit_code, result.output


FOUR = "    candidates: [ntth, tqh, ltnl, pvm]\n"
WITHDRAWN = "    withdrawn: [{id: dtp, date: 2021-05-18, approved_by: Ủy ban bầu cử phường}]\n"


def test_one_name_short_after_an_approved_withdrawal_is_a_warning(tmp_path: Path) -> None:
    code, out = _run(_folder(tmp_path, FOUR + WITHDRAWN), "--lang", "en")
    assert code == 0, out
    assert "list_short_after_withdrawal" in out and "list_too_short" not in out
    flat = " ".join(out.split())
    for word in ("Đỗ Thị Phương", "2021-05-18", "Ủy ban bầu cử phường"):
        assert word in flat or word.split()[-1] in flat
    code, out = _run(_folder(tmp_path / "vi", FOUR + WITHDRAWN))
    assert code == 0 and "list_short_after_withdrawal" in out and "withdrew" not in out


def test_without_the_withdrawal_record_the_list_is_too_short(tmp_path: Path) -> None:
    code, out = _run(_folder(tmp_path, FOUR))
    assert code == 1, out
    assert "list_too_short" in out and "list_short_after_withdrawal" not in out


def test_a_withdrawal_that_still_leaves_the_approved_list_short_is_an_error(
    tmp_path: Path,
) -> None:
    # 3 on the ballot + 1 withdrawn = 4 approved for 3 seats: short of the 2 more required
    lines = "    candidates: [ntth, tqh, ltnl]\n" + WITHDRAWN
    code, out = _run(_folder(tmp_path, lines))
    assert code == 1, out
    assert "list_too_short" in out


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        (
            FOUR + "    withdrawn: [{id: nobody, date: 2021-05-18, approved_by: UBBC}]\n",
            ("no person with id 'nobody'", "withdrawn"),
        ),
        (
            BALLOT + "    withdrawn: [{id: dtp, date: 2021-05-18, approved_by: UBBC}]\n",
            ("'dtp' is recorded as withdrawn but is still in candidates",),
        ),
    ],
)
def test_withdrawn_reference_errors(tmp_path: Path, lines: str, words: tuple[str, ...]) -> None:
    code, out = _run(_folder(tmp_path, lines), "--lang", "en")
    assert code == 2, out
    flat = " ".join(out.split())
    for word in words:
        assert word in flat
    assert "election.yaml" in flat and "Traceback" not in out
    code, out = _run(_folder(tmp_path / "vi", lines))
    assert code == 2 and "withdrawn but" not in out and "no person" not in out
