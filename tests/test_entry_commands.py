"""Commands as parse → run → render (issue 17): ``tally entry export|log``, the old
``tally enter --export|--log`` flags with their deprecation note, and the minutes plan as an
application function (no click)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tally.app import MinutesRequest, minutes_plan
from tally.config.loader import load_election
from tally.errors import OptionError, UsageError
from vietnamese import english_words

ROOT = Path(__file__).resolve().parent.parent
XA = ROOT / "examples" / "xa-2025"
Run = Callable[..., Result]


@pytest.fixture
def xa(tmp_path: Path, tally_cli: Run) -> Path:
    """The example commune with one operator's journal of three ballots of bch, round 1."""
    folder = tmp_path / "xa"
    shutil.copytree(XA, folder)
    entered = tally_cli(
        "enter", folder, "--contest", "bch", "--operator", "Trần Thị Bình", input="1 2\n3\n!m\n"
    )
    assert entered.exit_code == 0, entered.output
    return folder


JOURNAL = ("--contest", "bch", "--operator", "Trần Thị Bình")
CSV = "ballot,struck,unmarked,invalid\n1,1 2,,\n2,3,,\n3,,,marked\n"


def test_entry_export_writes_the_ballots_csv(xa: Path, tmp_path: Path, tally_cli: Run) -> None:
    out = tmp_path / "bch-1.csv"
    result = tally_cli("entry", "export", xa, *JOURNAL, "-o", out, lang="en")
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == CSV
    assert result.stderr == f"wrote 3 ballots to {out}\n"  # no deprecation note
    again = tally_cli("entry", "export", xa, *JOURNAL, "-o", out, lang="en")
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert tally_cli("entry", "export", xa, *JOURNAL, "-o", out, "--force").exit_code == 0


def test_entry_export_defaults_to_the_rounds_file(xa: Path, tally_cli: Run) -> None:
    result = tally_cli("entry", "export", xa, *JOURNAL, "--force")
    assert result.exit_code == 0, result.output
    assert (xa / "ballots" / "bch-1.csv").read_text(encoding="utf-8") == CSV


def test_entry_log_writes_the_entry_log(xa: Path, tmp_path: Path, tally_cli: Run) -> None:
    out = tmp_path / "log.md"
    result = tally_cli("entry", "log", xa, *JOURNAL, "-o", out, lang="en")
    assert result.exit_code == 0, result.output
    assert "Trần Thị Bình" in out.read_text(encoding="utf-8")
    assert "deprecated" not in result.stderr
    missing = tally_cli("entry", "log", xa, *JOURNAL, lang="en")
    assert missing.exit_code == 2 and "'-o' / '--output'" in missing.stderr


def test_entry_commands_need_a_journal(xa: Path, tmp_path: Path, tally_cli: Run) -> None:
    for command in ("export", "log"):
        result = tally_cli("entry", command, xa, "--contest", "bch", "-o", tmp_path / "x.md")
        assert result.exit_code == 2
        assert "--operator" in result.stderr and english_words(result.stderr) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_enter_export_still_works_with_a_deprecation_note(
    xa: Path, tmp_path: Path, tally_cli: Run, lang: str
) -> None:
    out = tmp_path / "old.csv"
    result = tally_cli("enter", xa, *JOURNAL, "--export", "-o", out, "--lang", lang)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == CSV
    note = result.stderr.splitlines()[0]
    assert "'tally entry export'" in note
    if lang == "en":
        assert note.startswith("note: 'tally enter --export' is deprecated")
    else:
        assert note.startswith("lưu ý:") and english_words(result.stderr) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_enter_log_still_works_with_a_deprecation_note(
    xa: Path, tmp_path: Path, tally_cli: Run, lang: str
) -> None:
    old, new = tmp_path / "old.html", tmp_path / "new.html"
    result = tally_cli("enter", xa, *JOURNAL, "--log", old, "--lang", lang)
    assert result.exit_code == 0, result.output
    note = result.stderr.splitlines()[0]
    assert "'tally entry log … -o FILE'" in note
    if lang == "en":
        assert note.startswith("note: 'tally enter --log FILE' is deprecated")
    else:
        assert note.startswith("lưu ý:") and english_words(result.stderr) == []
    assert tally_cli("entry", "log", xa, *JOURNAL, "-o", new, "--lang", lang).exit_code == 0
    assert old.read_text(encoding="utf-8") == new.read_text(encoding="utf-8")


def test_minutes_plan_without_the_cli(tmp_path: Path) -> None:
    """The application function chooses the rounds and files; a bad option is an
    OptionError naming the option (the CLI shows it as click's), never a click exception."""
    loaded = load_election(XA)
    plan = minutes_plan(loaded, MinutesRequest(None, None, tmp_path / "out", None), "en")
    assert plan.fmt == "docx" and plan.view == "paper"
    assert [(j.contest, j.round) for j in plan.jobs][:2] == [("bch", 1), ("bch", 2)]
    assert all(j.path == tmp_path / "out" / f"{j.contest}-{j.round}.docx" for j in plan.jobs)
    one = minutes_plan(loaded, MinutesRequest("bch", 2, Path("-"), None, "hall"), "en")
    assert one.fmt == "html" and [(j.contest, j.round, j.path) for j in one.jobs] == [
        ("bch", 2, None)
    ]
    with pytest.raises(OptionError) as refused:
        minutes_plan(loaded, MinutesRequest("zzz", None, tmp_path / "x.md", None), "en")
    assert refused.value.option == "--contest" and isinstance(refused.value, UsageError)
    with pytest.raises(OptionError) as refused:
        minutes_plan(loaded, MinutesRequest("bch", None, tmp_path / "x.md", None), "en")
    assert refused.value.option == "--round"  # bch has two counted rounds: say which


def test_renderers_of_reconcile_and_simulate_need_no_cli(
    xa: Path, tmp_path: Path, tally_cli: Run
) -> None:
    """The renderers live in report/ and work on the typed results alone."""
    from rich.console import Console

    from tally.entry.reconcile import reconcile
    from tally.report.reconciliation import comparison_doc, comparison_text
    from tally.report.rich_text import render_simulate
    from tally.simulate import simulate

    other = ("--contest", "bch", "--operator", "Lê Văn Cường")
    assert tally_cli("enter", xa, *other, input="1 2\n4\n!m\n").exit_code == 0
    journals = sorted((xa / "journals").glob("bch-r1-*.jsonl"))
    result = reconcile(journals, tmp_path / "none.jsonl")
    text = comparison_text(result, "vi")
    assert text.startswith("Đối chiếu 2 nhật ký") and english_words(text) == []
    doc = comparison_doc(result, None, tmp_path / "none.jsonl", "en")
    assert doc["unresolved"] == len(result.unsettled) > 0 and doc["resolutions"] is None
    console = Console(record=True, width=100)
    render_simulate(console, list(simulate(1, 2, ["committee_conference"])), "en")
    lines = console.export_text().splitlines()
    assert "Elections" in lines[0]
    assert lines[-1].split()[:2] == ["Total", "2"]
