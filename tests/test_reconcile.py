"""Blind double/triple entry: `tally reconcile` compares journals by serial."""

from __future__ import annotations

import itertools
import json
import random
import shutil
from pathlib import Path

import pytest

from clirun import ENV
from clirun import invoke as tally
from tally.ballots.csvfile import read_rows
from tally.config.loader import load_election
from tally.entry.journal import JournalError
from tally.entry.reconcile import align, reconcile, serial_key
from tally.entry.session import EntrySession, Marks, sheet_for
from test_cli_errors import vietnamese_then_english

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
    """Run tally; an error is read in Vietnamese first (no English in it), then in English."""
    result = vietnamese_then_english(tally(*args), list(args), ENV)
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
    assert entries[1]["versions"] == {a.name: "5 6", b.name: "5 7"}
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


def csv_of(pile: list[str]) -> str:
    """The ballots CSV that entering ``pile`` in order and exporting it gives."""
    out = ["ballot,struck,unmarked,invalid"]
    for i, line in enumerate(pile, start=1):
        invalid = line[1:] if line.startswith("!") else ""  # the pile spells the reason out
        struck = "" if invalid or line == "0" else line
        out.append(f"{i},{struck},,{invalid}")
    return "\n".join(out) + "\n"


def test_a_doubled_ballot_is_one_difference(election: Path) -> None:
    pile = paper_pile()
    a = enter_pile(election, "A", pile)
    b = enter_pile(election, "B", [*pile[:60], pile[59], *pile[60:]])  # B typed paper 60 twice
    result = reconcile([a, b])
    assert result.method == "marks" and result.agreed == 108
    [diff] = result.differences
    # B's #60 and #61 are the same paper: the first of them is taken as the extra one
    assert diff.serial == "59+1" and diff.serials == {a.name: None, b.name: "60"}
    code, stdout, _ = invoke("reconcile", str(a), str(b), "--lang", "en")
    assert code == 1
    assert f"  #59+1  A: (missing)   B: {pile[59]}" in stdout
    assert "A has nothing for B's #60; A's #60–#108 match B's #61–#109" in stdout
    code, stdout, _ = invoke("reconcile", str(a), str(b), "--lang", "vi")
    assert (
        "A không có phiếu ứng với phiếu #60 của B; các phiếu #60–#108 của A khớp với #61–#109 của B"
    ) in stdout
    assert "Khác nhau: 1." in stdout and "missing" not in stdout


def test_a_shift_and_real_differences_are_listed_one_by_one(election: Path) -> None:
    pile = paper_pile()
    a = enter_pile(election, "A", pile)
    typed = pile[:39] + pile[40:]  # paper 40 skipped …
    typed[69] = "1 2 3"  # … and paper 71 (B's #70) mistyped
    typed[99] = "!m"  # … and paper 101 (B's #100)
    b = enter_pile(election, "B", typed)
    result = reconcile([a, b])
    assert [(d.serial, d.kind) for d in result.differences] == [
        ("40", "missing"),
        ("71", "marks"),
        ("101", "marks"),
    ]
    assert [d.serials for d in result.differences][1] == {a.name: "71", b.name: "70"}
    shift = result.differences[0].shifts[0]
    assert (shift.lacking, shift.having, shift.serial) == (b.name, a.name, "40")
    assert (shift.lacking_run, shift.having_run) == (("40", "69"), ("41", "70"))
    assert result.differences[1].shifts == ()
    code, stdout, _ = invoke("reconcile", str(a), str(b), "--lang", "en")
    assert code == 1 and "Different: 3." in stdout
    assert f"  #71  A: {pile[70]}   B: 1 2 3" in stdout
    assert f"  #101  A: {pile[100]}   B: !marked" in stdout


def test_typed_serials_are_compared_by_serial(election: Path) -> None:
    pile = paper_pile()[:50]
    a = enter_pile(election, "A", [f"#{i} {m}" for i, m in enumerate(pile, start=1)])
    # B typed the wrong serials from paper 40 on: by serial, as before, every one differs
    b = enter_pile(election, "B", [f"#{i} {m}" for i, m in enumerate(pile[:39] + pile[40:], 1)])
    result = reconcile([a, b])
    assert result.method == "serial"
    assert len(result.differences) > 5 and all(not d.shifts for d in result.differences)
    code, stdout, _ = invoke("reconcile", str(a), str(b), "--lang", "en")
    assert code == 1 and "compared by the serials typed" in stdout and "has nothing" not in stdout
    # one journal with a typed serial is enough: its numbers may mean the paper's
    c = enter_pile(election, "C", [*pile[:10], "#12 1 2", *pile[11:]])
    d = enter_pile(election, "D", pile)
    assert reconcile([d, c]).method == "serial"


def test_entry_order_of_a_journal(election: Path) -> None:
    loaded = load_election(election)
    sheet = sheet_for(loaded, "bch", 1)
    s = EntrySession.open(election / "j.jsonl", sheet, "A", lambda: "t", "en")
    for line in ["1 2", "3 4", ":undo", "3 5", ":fix 1 9"]:
        s.submit(line)
    assert s.state.entry_order() and list(s.state.ballots) == ["1", "2"]
    s.submit("#7 1 2")
    assert not s.state.entry_order()
    s.submit(":undo")
    assert s.state.entry_order()  # the typed serial was taken back
    s.submit("#3 1 2")  # typed, even though it is the next number
    assert not s.state.entry_order()
    s.close()
    lines = (election / "j.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x).get("typed") for x in lines if '"kind":"ballot"' in x] == [
        None, None, None, True, True,
    ]  # fmt: skip


def test_three_journals_are_aligned_with_the_first(election: Path) -> None:
    pile = paper_pile()
    a = enter_pile(election, "A", pile[:29] + pile[30:])  # A skipped paper 30
    b = enter_pile(election, "B", pile)
    c = enter_pile(election, "C", pile[:79] + pile[80:])  # C skipped paper 80
    result = reconcile([a, b, c])
    assert result.method == "marks" and result.agreed == 106
    first, second = result.differences
    assert first.serial == "29+1" and first.serials == {a.name: None, b.name: "30", c.name: "30"}
    assert second.serial == "79" and second.serials == {a.name: "79", b.name: "80", c.name: None}
    code, stdout, _ = invoke("reconcile", str(a), str(b), str(c), "--lang", "en")
    assert code == 1 and "Different: 2." in stdout
    assert "A has nothing for B's #30; A's #30–#107 match B's #31–#108" in stdout
    assert "A has nothing for C's #30; A's #30–#78 match C's #31–#79" in stdout
    # C has the paper A skipped and lacks the one A has: after both, the numbers agree again
    assert "C has nothing for A's #79; C's #80–#107 match A's #80–#107" in stdout
    out = election / "agreed.csv"
    code, stdout, _ = invoke(
        "reconcile", str(a), str(b), str(c), "-o", str(out), "--by", "Chủ tịch",
        "--resolve", f"29+1={pile[29]}", "--resolve", f"79={pile[79]}", "--lang", "en",
    )  # fmt: skip
    assert code == 0, stdout
    assert out.read_text(encoding="utf-8") == csv_of(pile)


def test_a_shift_resolved_once_then_the_agreed_ballots(election: Path) -> None:
    pile = paper_pile()
    a = enter_pile(election, "A", [*pile[:99], "1 4", *pile[99:]])  # A doubled a phantom
    b = enter_pile(election, "B", pile[:39] + pile[40:])  # B skipped paper 40
    out = election / "agreed.csv"
    code, stdout, _ = invoke("reconcile", str(a), str(b), "-o", str(out), "--lang", "en")
    assert code == 1 and "Different: 2." in stdout
    assert "B has nothing for A's #40; B's #40–#98 match A's #41–#99" in stdout
    assert "B has nothing for A's #100; B's #99–#107 match A's #101–#109" in stdout
    assert not out.exists()
    code, stdout, _ = invoke(
        "reconcile", str(a), str(b), "-o", str(out), "--by", "Chủ tịch", "--note", "paper 40 seen",
        "--resolve", f"40={pile[39]}", "--resolve", "100=absent", "--lang", "en",
    )  # fmt: skip
    assert code == 0, stdout
    assert f"#40  A: {pile[39]}   B: (missing)  → resolved by Chủ tịch: {pile[39]}" in stdout
    assert "#100  A: 1 4   B: (missing)  → resolved by Chủ tịch: not a ballot" in stdout
    assert "Wrote 108 agreed ballots" in stdout
    assert out.read_text(encoding="utf-8") == csv_of(pile)  # the pile, in order, renumbered
    record = (election / "journals" / "bch-r1.resolutions.jsonl").read_text(encoding="utf-8")
    decided = [json.loads(line) for line in record.splitlines()][1:]
    assert decided[0]["serials"] == {a.name: "40", b.name: ""}
    assert decided[0]["versions"] == {a.name: pile[39], b.name: ""}
    # --json carries the alignment and the shift
    code, stdout, _ = invoke(
        "reconcile", str(a), str(b), "-o", str(out), "--force", "--json", "--lang", "en"
    )
    doc = json.loads(stdout)
    assert code == 0 and doc["aligned_by"] == "marks" and doc["unresolved"] == 0
    assert doc["differences"][0]["shifts"] == [
        {
            "lacking": b.name,
            "having": a.name,
            "serial": "40",
            "then": {b.name: ["40", "98"], a.name: ["41", "99"]},
        }
    ]
    assert [s["identical"] for s in doc["alignment"]] == [39, 0, 59, 0, 9]
    assert doc["alignment"][2]["serials"] == {a.name: ["41", "99"], b.name: ["40", "98"]}


def test_the_first_journal_skipped_a_ballot(election: Path) -> None:
    pile = paper_pile()[:20]
    a = enter_pile(election, "A", pile[1:])  # A skipped the first paper
    b = enter_pile(election, "B", pile)
    out = election / "agreed.csv"
    code, stdout, _ = invoke(
        "reconcile", str(a), str(b), "-o", str(out), "--by", "X", "--resolve", f"0+1={pile[0]}",
        "--lang", "en",
    )  # fmt: skip
    assert code == 0, stdout
    assert "A has nothing for B's #1; A's #1–#19 match B's #2–#20" in stdout
    assert out.read_text(encoding="utf-8") == csv_of(pile)


def test_alignment_is_a_least_cost_edit() -> None:
    """The banded alignment costs what the textbook Levenshtein distance says, and is valid."""
    rng = random.Random(12)

    def distance(a: list[int], b: list[int]) -> int:
        row = list(range(len(b) + 1))
        for i, x in enumerate(a, 1):
            prev, row[0] = row[0], i
            for j, y in enumerate(b, 1):
                prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
        return row[-1]

    for _ in range(300):
        a = [rng.randrange(4) for _ in range(rng.randrange(0, 40))]
        b = list(a)
        for _ in range(rng.randrange(0, 30)):
            op = rng.randrange(3)
            at = rng.randrange(len(b) + 1)
            if op == 0:
                b.insert(at, rng.randrange(4))
            elif b and op == 1:
                del b[min(at, len(b) - 1)]
            elif b:
                b[min(at, len(b) - 1)] = rng.randrange(4)
        pairs = align(a, b)
        assert [i for i, _ in pairs if i is not None] == list(range(len(a)))
        assert [j for _, j in pairs if j is not None] == list(range(len(b)))
        cost = sum(1 for i, j in pairs if i is None or j is None or a[i] != b[j])
        assert cost == distance(a, b), (a, b)
    # a lone differing item is a pair, not a gap on each side; an ambiguous gap comes first
    assert align([1, 2, 3], [1, 9, 3]) == [(0, 0), (1, 1), (2, 2)]
    assert align([1, 2, 2, 3], [1, 2, 3]) == [(0, 0), (1, None), (2, 1), (3, 2)]


def test_the_same_operator_twice_is_said_in_vietnamese(election: Path) -> None:
    a = enter(election, "A", "1 2")
    b = election / "journals" / "again.jsonl"
    args = ["enter", str(election), "--contest", "bch", "--operator", "A", "--journal", str(b)]
    assert tally(*args, input="1 2\n").exit_code == 0
    out = str(election / "agreed.csv")
    result = tally("reconcile", a, b, "-o", out)
    assert "đều do A nhập" in result.stdout
    assert "were both entered" not in result.stdout
