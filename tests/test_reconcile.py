"""Blind double/triple entry: `tally reconcile` compares journals by serial."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tally.ballots.csvfile import read_rows
from tally.cli.main import cli
from tally.config.loader import load_election
from tally.entry.journal import JournalError
from tally.entry.reconcile import reconcile, serial_key
from tally.entry.session import EntrySession, Marks, sheet_for

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def election(tmp_path: Path) -> Path:
    folder = tmp_path / "xa"
    shutil.copytree(ROOT / "examples" / "xa-2025", folder)
    return folder


def enter(folder: Path, operator: str, *lines: str, contest: str = "bch") -> Path:
    loaded = load_election(folder)
    sheet = sheet_for(loaded, contest, 1)
    path = folder / "journals" / f"{contest}-r1-{operator.lower()}.jsonl"
    tick = itertools.count()
    s = EntrySession.open(
        path, sheet, operator, lambda: f"2025-07-20T10:00:{next(tick):02d}+07:00", "en"
    )
    for line in lines:
        assert s.submit(line).status in ("committed", "done", "confirm"), line
    s.close()
    return path


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


PILE = ["1 2", "3 4", "5 6", "!m", "7 8"]


def test_agreement_writes_the_ballots(election: Path) -> None:
    a = enter(election, "A", *PILE)
    b = enter(election, "B", "1 2", "3 4", "9", "", ":undo", "6 5", "!m", "8.7")  # same pile
    out = election / "agreed.csv"
    code, stdout, err = invoke("reconcile", str(a), str(b), "-o", str(out), "--lang", "en")
    assert code == 0, err
    assert "Identical: 5 ballots. Different: 0." in stdout
    assert f"Wrote 5 agreed ballots to {out}" in stdout
    rows = [(r[1], r[2], r[4]) for r in read_rows(out)]
    assert rows == [
        ("1", "1 2", ""),
        ("2", "3 4", ""),
        ("3", "5 6", ""),
        ("4", "", "marked"),
        ("5", "7 8", ""),
    ]


def test_three_journals_and_the_default_output(election: Path) -> None:
    paths = [enter(election, name, *PILE) for name in ("A", "B", "C")]
    code, _, err = invoke("reconcile", *map(str, paths), "--lang", "en")
    assert code == 2 and "already exists" in err  # the example's ballots/bch-1.csv
    code, _, err = invoke("reconcile", *map(str, paths), "--force", "--lang", "en")
    assert code == 0, err
    assert (
        (election / "ballots" / "bch-1.csv")
        .read_text(encoding="utf-8")
        .startswith("ballot,struck,unmarked,invalid\n1,1 2,,\n")
    )


def test_a_differing_and_a_missing_ballot(election: Path) -> None:
    a = enter(election, "A", *PILE)
    b = enter(election, "B", "1 2", "3 4", "5 7", "!m")  # #3 differs, #5 missing
    out = election / "agreed.csv"
    code, stdout, _ = invoke("reconcile", str(a), str(b), "-o", str(out), "--lang", "en")
    assert code == 1
    assert "Identical: 3 ballots. Different: 2." in stdout
    assert "  #3  A: 5 6   B: 5 7" in stdout
    assert "  #5  A: 7 8   B: (missing)" in stdout
    assert "No ballots file written: 2 difference(s) remain" in stdout
    assert not out.exists()
    result = reconcile([a, b])
    assert [(d.serial, d.kind) for d in result.differences] == [("3", "marks"), ("5", "missing")]


def test_resolution_is_recorded_and_then_the_file_is_written(election: Path) -> None:
    a = enter(election, "A", *PILE)
    b = enter(election, "B", "1 2", "3 4", "5 7", "!m", "7 8", "1 3")  # #6: a phantom ballot
    out = election / "agreed.csv"
    code, stdout, _ = invoke(
        "reconcile", str(a), str(b), "-o", str(out), "--resolve", "3=5 7", "--by", "Chủ tịch",
        "--note", "checked the paper", "--lang", "en",
    )  # fmt: skip
    assert code == 1 and "#3  A: 5 6   B: 5 7  → resolved by Chủ tịch: 5 7" in stdout
    assert not out.exists()
    code, stdout, _ = invoke(
        "reconcile", str(a), str(b), "-o", str(out), "--resolve", "6=absent", "--by", "Chủ tịch",
        "--lang", "en",
    )  # fmt: skip
    assert code == 0, stdout
    assert "#6  A: (missing)   B: 1 3  → resolved by Chủ tịch: not a ballot" in stdout
    rows = [(r[1], r[2]) for r in read_rows(out)]
    assert rows == [("1", "1 2"), ("2", "3 4"), ("3", "5 7"), ("4", ""), ("5", "7 8")]
    record = (election / "journals" / "bch-r1.resolutions.jsonl").read_text(encoding="utf-8")
    entries = [json.loads(line) for line in record.splitlines()]
    assert [e["kind"] for e in entries] == ["open", "resolve", "resolve"]
    assert entries[1]["by"] == "Chủ tịch" and entries[1]["note"] == "checked the paper"
    assert entries[1]["versions"] == {"bch-r1-a.jsonl": "5 6", "bch-r1-b.jsonl": "5 7"}
    # a glob over the folder picks the resolutions up by itself
    journals = sorted(str(p) for p in (election / "journals").glob("*.jsonl"))
    code, stdout, _ = invoke("reconcile", *journals, "-o", str(out), "--force", "--json")
    doc = json.loads(stdout)
    assert code == 0 and doc["unresolved"] == 0 and len(doc["differences"]) == 2
    assert doc["differences"][0]["resolution"]["by"] == "Chủ tịch"


def test_a_resolution_goes_stale_when_a_journal_changes(election: Path) -> None:
    a = enter(election, "A", *PILE)
    b = enter(election, "B", "1 2", "3 4", "5 7", "!m", "7 8")
    invoke(
        "reconcile",
        str(a),
        str(b),
        "--resolve",
        "3=5 7",
        "--by",
        "X",
        "-o",
        str(election / "o.csv"),
    )
    s = EntrySession.open(b, sheet_for(load_election(election), "bch", 1), "B", lambda: "t", "en")
    assert s.submit(":fix 3 5 8").status == "committed"
    s.close()
    code, stdout, _ = invoke(
        "reconcile", str(a), str(b), "-o", str(election / "p.csv"), "--lang", "en"
    )
    assert code == 1 and "X's resolution is stale" in stdout


def test_resolution_errors(election: Path) -> None:
    a = enter(election, "A", *PILE)
    b = enter(election, "B", "1 2", "3 4", "5 7", "!m", "7 8")
    for args, message in [
        (["--resolve", "3=5 7"], "--resolve needs --by"),
        (["--resolve", "1=1 2", "--by", "X"], "ballot #1 does not differ"),
        (["--resolve", "3", "--by", "X"], "is not SERIAL=MARKS"),
        (["--resolve", "3=99", "--by", "X"], "there is no 99"),
    ]:
        code, _, err = invoke("reconcile", str(a), str(b), *args, "--lang", "en")
        assert code == 2 and message in err, (args, err)


def test_journals_of_different_ballots_or_the_same_file(election: Path) -> None:
    a = enter(election, "A", *PILE)
    other = enter(election, "B", "0 / 1", contest="bt")
    code, _, err = invoke("reconcile", str(a), str(other))
    assert code == 2 and "reconcile only journals of the same ballot" in err
    code, _, err = invoke("reconcile", str(a), str(a))
    assert code == 2 and "the same journal is given twice" in err
    code, _, err = invoke("reconcile", str(a))
    assert code == 2 and "two or three journals" in err
    with pytest.raises(JournalError):
        reconcile([a, election / "nope.jsonl"])


def test_the_same_operator_twice_is_a_warning(election: Path) -> None:
    a = enter(election, "A", *PILE)
    b = election / "journals" / "copy.jsonl"
    s = EntrySession.open(b, sheet_for(load_election(election), "bch", 1), "A", lambda: "t", "en")
    for line in PILE:
        s.submit(line)
    s.close()
    code, stdout, _ = invoke(
        "reconcile", str(a), str(b), "-o", str(election / "o.csv"), "--lang", "en"
    )
    assert code == 0 and "blind double entry needs different operators" in stdout


def test_natural_serial_order() -> None:
    assert sorted(["10", "2", "b", "1", "a"], key=serial_key) == ["1", "2", "10", "a", "b"]
    assert Marks((1,), (), "").text() == "1"


# -- Entry-order serials: the journals are aligned by their marks --------------------------


def paper_pile() -> list[str]:
    """The 108 ballots of the example, as an operator types them (the serial is entry order)."""
    rows = read_rows(ROOT / "examples" / "xa-2025" / "ballots" / "bch-1.csv")
    return [f"!{r[4]}" if r[4] else (r[2] or "0") for r in rows]


def enter_pile(folder: Path, operator: str, lines: list[str]) -> Path:
    """A journal typed line by line; a ballot invalid from its marks gets its second Enter."""
    loaded = load_election(folder)
    path = folder / "journals" / f"bch-r1-{operator.lower()}.jsonl"
    tick = itertools.count()
    s = EntrySession.open(
        path, sheet_for(loaded, "bch", 1), operator, lambda: f"t{next(tick)}", "en"
    )
    for line in lines:
        outcome = s.submit(line)
        if outcome.status == "confirm":
            outcome = s.submit("")
        assert outcome.status in ("committed", "done"), (line, outcome.message)
    s.close()
    return path


def test_a_skipped_ballot_is_one_difference(election: Path) -> None:
    pile = paper_pile()
    a = enter_pile(election, "A", pile)
    b = enter_pile(election, "B", pile[:39] + pile[40:])  # B skipped the 40th paper
    code, stdout, _ = invoke(
        "reconcile", str(a), str(b), "-o", str(election / "o.csv"), "--lang", "en"
    )
    assert code == 1
    assert "Identical: 107 ballots. Different: 1." in stdout, stdout
    assert f"  #40  A: {pile[39]}   B: (missing)" in stdout
    assert "B has nothing for A's #40; B's #40–#107 match A's #41–#108" in stdout
