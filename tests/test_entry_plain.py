"""``tally enter --plain``: predictable for scripts (stdin not a terminal) and for people."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from clirun import invoke
from tally.config.loader import load_election
from tally.entry.session import EntrySession, load_state, sheet_for

ROOT = Path(__file__).resolve().parent.parent
XA = ROOT / "examples" / "xa-2025"  # bch: 11 names, 9 seats, 108 issued


@pytest.fixture
def election(tmp_path: Path) -> Path:
    folder = tmp_path / "xa"
    shutil.copytree(XA, folder)
    return folder


def enter(election: Path, stdin: str, *extra: str) -> tuple[int, list[str], str]:
    args = ("--contest", "bch", "--operator", "A", "--plain", "--lang", "en", *extra)
    result = invoke("enter", election, *args, input=stdin)
    return result.exit_code, result.stdout.splitlines(), result.stderr


def clock() -> Callable[[], str]:
    tick = itertools.count()
    return lambda: f"2025-07-20T09:00:{next(tick) % 60:02d}+07:00"


def test_a_script_never_drops_the_ballot_after_an_invalid_one(election: Path) -> None:
    """111 lines, one of them invalid from its marks, are 111 ballots in order (issue 12, 2)."""
    pairs = [f"{a} {b}" for a, b in itertools.combinations(range(1, 12), 2)]  # 55
    lines = [pairs[i % len(pairs)] for i in range(110)]
    lines.insert(40, "3")  # keeps 10 of 11 names for 9 seats: invalid from its marks
    code, out, err = enter(election, "".join(f"{line}\n" for line in lines))
    assert code == 0, err
    (journal,) = (election / "journals").glob("bch-r1-a-*.jsonl")
    state, _ = load_state(journal)
    assert len(state.ballots) == 111
    assert [m.text() for m in state.ballots.values()] == lines
    assert list(state.ballots) == [str(i) for i in range(1, 112)]
    invalid = out[40]
    assert invalid.startswith("✓ #41: 3 — INVALID: More names kept than seats"), invalid
    assert out[41].startswith("✓ #42: ")


def test_every_plain_run_ends_with_a_summary_and_warns_when_short(election: Path) -> None:
    code, out, err = enter(election, "1 2\n3\n!m\n")
    assert code == 0, err
    assert out[-1] == "Entered 3 ballots (valid 1, invalid 2); 108 issued."
    assert "warning: 3 ballots entered, 108 issued: 105 not entered" in err


def test_entry_past_the_collected_count_warns_loudly(election: Path) -> None:
    text = (election / "election.yaml").read_text(encoding="utf-8")
    (election / "election.yaml").write_text(
        text.replace("      - issued: 108\n", "      - issued: 108\n        collected: 2\n", 1),
        encoding="utf-8",
    )
    code, out, err = enter(election, "1 2\n3 4\n5 6\n")
    assert code == 0, err
    assert len([line for line in out if line.startswith("✓ #")]) == 3
    assert "WARNING: 3 ballots entered, more than the 2 collected" in err
    assert err.count("more than the 2 collected") == 2  # at ballot 3 and in the summary


def test_a_blank_line_in_a_script_is_refused_not_a_confirmation(election: Path) -> None:
    code, out, err = enter(election, "3\n\n1 2\n")
    assert code == 0, err
    assert out[0].startswith("✓ #1: 3 — INVALID")
    assert out[1].startswith("✗ ")
    assert out[2].startswith("✓ #2: 1 2 — valid")


def test_in_vietnamese_too(election: Path) -> None:
    result = invoke(
        "enter", election, "--contest", "bch", "--operator", "A", "--plain", input="1 2\n"
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].startswith("Đã nhập 1 phiếu (hợp lệ 1, không hợp lệ 0)")
    assert "cảnh báo:" in result.stderr


def test_on_a_terminal_a_retype_is_said_on_screen(tmp_path: Path) -> None:
    """The session asks for a second Enter (the app, a terminal); another line is a retype."""
    sheet = sheet_for(load_election(XA), "bch", 1)
    s = EntrySession.open(tmp_path / "j.jsonl", sheet, "A", clock(), "en")
    assert s.submit("3").status == "confirm"
    outcome = s.submit("1 2")
    assert outcome.status == "committed"
    assert "the pending ballot (3) was not entered" in outcome.message
    assert list(s.state.ballots) == ["1"]
    s.close()


def test_sessions_for_scripts_commit_invalid_ballots_at_once(tmp_path: Path) -> None:
    sheet = sheet_for(load_election(XA), "bch", 1)
    s = EntrySession.open(tmp_path / "j.jsonl", sheet, "A", clock(), "en")
    s.confirm_invalid = False
    assert [s.submit(x).status for x in ("3", "1 2")] == ["committed", "committed"]
    assert [m.text() for m in s.state.ballots.values()] == ["3", "1 2"]
    s.close()
