"""A round's tally sheets must be distinct: a sheet counted twice silently changes who is elected.

xa-2025's first committee round split into two counting groups of 54 ballots each. Counted
properly it ties at the 9th seat; with group 1's sheet counted twice the 108 ballots still match
the 108 issued, so no figure check fires, and before this check the count said "all 9 seats
filled", exit 0.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import Result

from clirun import invoke

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# The two halves of examples/xa-2025/ballots/bch-1.csv (ballots 1–54 and 55–108), as the two
# counting groups would have written them on their sheets.
G1 = """\
group: 1
collected: 54
invalid: {marked: 1, too_many_kept: 1}
votes: {ttka: 48, lvb: 45, htd: 49, vvg: 42, nth: 41, pmh: 29, dvl: 46, stsl: 36, tvq: 38,
        mvta: 41, lqt: 22}
"""
G2 = """\
group: 2
collected: 54
votes: {ttka: 44, lvb: 50, htd: 52, vvg: 42, nth: 38, pmh: 35, dvl: 52, stsl: 37, tvq: 26,
        mvta: 47, lqt: 19}
"""


def run(*args: str | Path) -> Result:
    return invoke(*args)


def election(tmp_path: Path, listed: list[str], sheets: dict[str, str]) -> Path:
    """xa-2025 with the committee's first round counted from the ``listed`` tally sheets."""
    folder = tmp_path / "xa"
    shutil.copytree(EXAMPLES / "xa-2025", folder)
    (folder / "tallies").mkdir()
    for name, text in sheets.items():
        (folder / "tallies" / name).write_text(text, encoding="utf-8")
    yaml_path = folder / "election.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    assert text.count("ballots: ballots/bch-1.csv") == 1
    block = "tallies:\n" + "".join(f"          - tallies/{name}\n" for name in listed)
    yaml_path.write_text(text.replace("ballots: ballots/bch-1.csv\n", block), encoding="utf-8")
    return folder


def count(folder: Path) -> Result:
    return run("count", folder, "--contest", "bch", "--round", "1", "--lang", "en")


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_two_distinct_sheets_give_the_true_tie(tmp_path: Path) -> None:
    folder = election(tmp_path, ["g1.yaml", "g2.yaml"], {"g1.yaml": G1, "g2.yaml": G2})
    result = count(folder)
    assert result.exit_code == 4, result.output


def test_the_same_sheet_listed_twice_is_refused(tmp_path: Path) -> None:
    folder = election(tmp_path, ["g1.yaml", "g1.yaml"], {"g1.yaml": G1, "g2.yaml": G2})
    result = count(folder)
    assert result.exit_code == 2, result.output
    assert "seats filled" not in result.output
    yaml_path = folder / "election.yaml"
    first = line_of(yaml_path, "- tallies/g1.yaml")
    assert f"election.yaml:{first}" in result.stderr
    assert f"election.yaml:{first + 1}" in result.stderr
    assert "tallies/g1.yaml" in result.stderr
    assert "Traceback" not in result.output


def test_the_same_file_under_another_spelling_is_refused(tmp_path: Path) -> None:
    folder = election(tmp_path, ["g1.yaml", "../tallies/g1.yaml"], {"g1.yaml": G1})
    result = count(folder)
    assert result.exit_code == 2, result.output
    assert "listed twice" in result.stderr


def test_two_sheets_of_the_same_group_are_refused(tmp_path: Path) -> None:
    """A copy saved under another name: the same group, so the same pile counted twice."""
    sheets = {"g1.yaml": G1, "g1-copy.yaml": G1, "g2.yaml": G2}
    folder = election(tmp_path, ["g1.yaml", "g1-copy.yaml"], sheets)
    result = count(folder)
    assert result.exit_code == 2, result.output
    assert re.search(r"tallies/g1-copy\.yaml:1\b", result.stderr), result.stderr
    assert re.search(r"tallies/g1\.yaml:1\b", result.stderr), result.stderr
    assert "group 1" in result.stderr


def test_two_sheets_with_the_same_figures_are_refused(tmp_path: Path) -> None:
    """A copy whose group was renamed (and comments and layout changed): the figures give it
    away. The file bytes differ, so the check compares the figures, not the bytes."""
    renamed = "# nhóm 3\n" + G1.replace("group: 1", "group: 3").replace(
        "invalid: {marked: 1, too_many_kept: 1}",
        "invalid: {too_many_kept: 1, marked: 1, write_in: 0}",
    )
    sheets = {"g1.yaml": G1, "g2.yaml": G2, "g3.yaml": renamed}
    folder = election(tmp_path, ["g1.yaml", "g3.yaml"], sheets)
    result = count(folder)
    assert result.exit_code == 2, result.output
    g1 = line_of(folder / "tallies" / "g1.yaml", "collected")
    g3 = line_of(folder / "tallies" / "g3.yaml", "collected")
    assert re.search(rf"tallies/g1\.yaml:{g1}\b", result.stderr), result.stderr
    assert re.search(rf"tallies/g3\.yaml:{g3}\b", result.stderr), result.stderr
    assert "same figures" in result.stderr
