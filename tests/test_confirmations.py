"""What a command wrote is said on stderr in the chosen language (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clirun import invoke
from vietnamese import english_words

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "xa-2025"


def commands(tmp: Path) -> dict[str, list[str]]:
    return {
        "init": ["init", str(tmp / "new")],
        "csv": ["count", str(EXAMPLE), "--format", "csv", "-o", str(tmp / "c.csv")],
        "xlsx": ["count", str(EXAMPLE), "--format", "xlsx", "-o", str(tmp / "c.xlsx")],
        "minutes": [
            "minutes",
            str(EXAMPLE),
            "--contest",
            "bch",
            "--round",
            "1",
            "-o",
            str(tmp / "m.md"),
        ],
        "simulate": ["simulate", str(tmp / "sim"), "-n", "1", "--seed", "1"],
    }


@pytest.mark.parametrize("name", ["init", "csv", "xlsx", "minutes", "simulate"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_wrote_in_the_chosen_language(tmp_path: Path, name: str, lang: str) -> None:
    argv = [*commands(tmp_path)[name], "--lang", lang]
    result = invoke(*argv)
    assert result.exit_code in (0, 1, 4), (result.exit_code, result.stderr)
    said = [line for line in result.stderr.splitlines() if line.startswith(("đã ghi", "wrote"))]
    assert said, result.stderr
    if lang == "vi":
        assert not any(line.startswith("wrote") for line in result.stderr.splitlines())
        assert english_words(result.stderr) == [], result.stderr
    else:
        assert not any(line.startswith("đã ghi") for line in result.stderr.splitlines())
