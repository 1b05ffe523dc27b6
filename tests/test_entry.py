"""Ballot entry: the journal (durable, chained, append-only), the session, the line mode."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from clirun import ENV
from clirun import invoke as tally
from tally.ballots.csvfile import read_rows
from tally.config.loader import load_election
from tally.count import count_rows
from tally.entry.journal import JournalError, JournalWriter, read_journal
from tally.entry.session import (
    EntryInputError,
    EntrySession,
    Marks,
    Sheet,
    default_journal,
    load_state,
    parse_line,
    sheet_for,
    slug,
)
from tally.errors import ConfigError
from test_cli_errors import vietnamese_then_english

ROOT = Path(__file__).resolve().parent.parent
XA = ROOT / "examples" / "xa-2025"


def clock() -> Callable[[], str]:
    tick = itertools.count()
    return lambda: f"2025-07-20T09:{next(tick) // 60:02d}:{next(tick) % 60:02d}+07:00"


@pytest.fixture
def election(tmp_path: Path) -> Path:
    folder = tmp_path / "xa"
    shutil.copytree(XA, folder)
    return folder


def bch(folder: Path = XA) -> Sheet:
    return sheet_for(load_election(folder), "bch", 1)  # 11 names, 9 seats: strike out


def bt(folder: Path = XA) -> Sheet:
    return sheet_for(load_election(folder), "bt", 1)  # 1 name, 1 seat: agree/disagree


def session(path: Path, sheet: Sheet | None = None, operator: str = "Op") -> EntrySession:
    return EntrySession.open(path, sheet or bch(), operator, clock(), "en")


def run(s: EntrySession, *lines: str) -> list[str]:
    return [s.submit(line).status for line in lines]


# -- parsing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "struck"),
    [("3 5 12", (3, 5)), ("5.3", (3, 5)), ("5+3", (3, 5)), ("3,5", (3, 5)), ("0", ())],
)
def test_positions_with_keypad_separators(text: str, struck: tuple[int, ...]) -> None:
    sheet = bch()
    if "12" in text:
        with pytest.raises(EntryInputError, match="there is no 12: the ballot has 11 names"):
            parse_line(text, sheet, "en")
        return
    cmd = parse_line(text, sheet, "en")
    assert cmd.action == "ballot" and cmd.marks == Marks(struck)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("3 3", "position 3 is typed twice"),
        ("0 3", "there is no 0"),
        ("x", "'x' is not a position"),
        ("1 / 2", "'/' is for agree/disagree ballots"),
        ("!z", "'!z' is not a reason"),
        (":nope", "no command ':nope'"),
        (":fix 17", "usage: :fix SERIAL MARKS"),
        ("# 3", "no serial after #"),
    ],
)
def test_refused_lines(text: str, message: str) -> None:
    with pytest.raises(EntryInputError, match=message.replace("(", r"\(")):
        parse_line(text, bch(), "en")


def test_commands_and_serials() -> None:
    sheet = bch()
    assert parse_line("#17 3 5", sheet, "en").serial == "17"
    fix = parse_line(":fix 17 !m", sheet, "en")
    assert (fix.action, fix.serial, fix.marks) == ("correct", "17", Marks(invalid="marked"))
    assert parse_line("", sheet, "en").action == "confirm"
    assert [parse_line(c, sheet, "en").action for c in (":u", ":pause", ":resume", ":t", ":q")] == [
        "undo",
        "pause",
        "resume",
        "tally",
        "quit",
    ]


def test_agree_disagree_marks() -> None:
    sheet = bt()
    assert sheet.layout == "agree_disagree"
    cmd = parse_line("0 / 1", sheet, "en")
    assert cmd.marks == Marks((), (1,))
    with pytest.raises(EntryInputError, match="row 1 is both"):
        parse_line("1 / 1", sheet, "en")


def test_slug() -> None:
    assert slug("Trần Thị Bình") == "tran-thi-binh"
    assert slug("Đỗ Đức  Độ") == "do-duc-do"
    assert slug("***") == "operator"


# -- the session ---------------------------------------------------------------------------


def test_entry_judges_like_the_count(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    s = session(path)
    assert s.preview("1 2").ok and "keeps 9 of 11" in s.preview("1 2").message
    assert not s.preview("3").ok and "More names kept than seats" in s.preview("3").message
    all_struck = " ".join(str(i) for i in range(1, 12))
    assert "Every name struck" in s.preview(all_struck).message
    assert run(s, "1 2", "3", "", all_struck, "", "!n", "!w", "!m", "10 11") == [
        "committed",
        "confirm",
        "committed",
        "confirm",
        "committed",
        "committed",
        "committed",
        "committed",
        "committed",
    ]
    s.close()
    state, _ = load_state(path)
    tally = state.tally()
    assert tally.collected == 7 and tally.valid == 2
    assert {k: v for k, v in tally.invalid.items() if v} == {
        "too_many_kept": 1,
        "all_struck": 1,
        "not_issued": 1,
        "write_in": 1,
        "marked": 1,
    }
    assert tally.votes == [1, 1, 2, 2, 2, 2, 2, 2, 2, 1, 1]


def test_a_refused_line_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    s = session(path)
    before = path.read_bytes()
    assert run(s, "12", "1 1", "x", "", ":resume", ":undo") == ["refused"] * 6
    assert path.read_bytes() == before
    s.close()


def test_confirmation_is_for_the_same_ballot_only(tmp_path: Path) -> None:
    s = session(tmp_path / "j.jsonl")
    assert run(s, "3") == ["confirm"]
    assert run(s, "1 2") == ["committed"]  # retyped: the pending invalid ballot is dropped
    assert run(s, "") == ["refused"]
    assert run(s, "3", "3") == ["confirm", "committed"]  # the same line twice also confirms
    assert list(s.state.ballots) == ["1", "2"]
    s.close()


def test_undo_and_correction_are_new_entries(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    s = session(path)
    run(s, "1 2", "3 4", ":fix 1 5 6", ":undo", ":undo", "7 8")
    s.close()
    kinds = [e.kind for e in read_journal(path).entries]
    assert kinds == ["open", "start", "ballot", "ballot", "correct", "undo", "undo", "ballot"]
    state, _ = load_state(path)
    assert state.ballots == {"1": Marks((1, 2)), "2": Marks((7, 8))}


def test_serials_duplicates_and_fix_of_unknown(tmp_path: Path) -> None:
    s = session(tmp_path / "j.jsonl")
    assert run(s, "#5 1 2", "1 2", "#5 3 4", ":fix 9 1 2") == [
        "committed",
        "committed",
        "refused",
        "refused",
    ]
    assert list(s.state.ballots) == ["5", "6"]
    out = s.submit("#6 1")
    assert "ballot #6 is already entered (1 2)" in out.message
    s.close()


def test_pause_and_tally_are_logged(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    s = session(path)
    assert run(s, ":pause", "1 2", ":resume", ":tally", ":tally", ":quit") == [
        "done",
        "refused",
        "done",
        "done",
        "done",
        "quit",
    ]
    s.close()
    kinds = [e.kind for e in read_journal(path).entries]
    assert kinds[2:] == ["pause", "resume", "show_tally", "hide_tally", "stop"]


def test_resume_continues_and_checks_the_ballot(tmp_path: Path, election: Path) -> None:
    path = tmp_path / "j.jsonl"
    s = session(path)
    run(s, "1 2", "3 4")
    s.close()
    again = session(path, operator="Other")
    assert again.resumed and again.state.next_serial() == "3"
    assert run(again, "5 6") == ["committed"]
    assert again.state.operators == ["Op", "Other"]
    again.close()
    with pytest.raises(ConfigError, match=r"not the ballot election\.yaml now describes"):
        EntrySession.open(path, bt(), "Op", clock(), "en")


def test_a_second_writer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    s = session(path)
    with pytest.raises(JournalError, match="open in another 'tally enter'"):
        session(path)
    s.close()


# -- the journal ---------------------------------------------------------------------------


def test_journal_is_chained_and_tamper_evident(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    s = session(path)
    run(s, "1 2", "3 4", "5 6")
    s.close()
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for entry in (json.loads(line) for line in lines):
        assert len(entry["hash"]) == 64
    # an edited ballot
    edited = tmp_path / "edited.jsonl"
    edited.write_text("".join(lines).replace('"struck":[3,4]', '"struck":[3,5]'), encoding="utf-8")
    with pytest.raises(JournalError, match=r"edited\.jsonl:4: the entry does not match its hash"):
        read_journal(edited)
    # a removed line
    removed = tmp_path / "removed.jsonl"
    removed.write_text("".join(lines[:3] + lines[4:]), encoding="utf-8")
    with pytest.raises(JournalError, match=r"removed\.jsonl:4: entry number 4 where 3"):
        read_journal(removed)
    # swapped lines
    swapped = tmp_path / "swapped.jsonl"
    swapped.write_text("".join([*lines[:2], lines[3], lines[2], *lines[4:]]), encoding="utf-8")
    with pytest.raises(JournalError, match=r"swapped\.jsonl:3:"):
        read_journal(swapped)
    # rewritten with a recomputed hash: the next entry's prev no longer matches
    obj = json.loads(lines[3])
    obj["struck"] = [3, 5]
    from tally.entry.journal import entry_hash

    obj["hash"] = entry_hash(obj)
    forged = tmp_path / "forged.jsonl"
    forged.write_text(
        "".join([*lines[:3], json.dumps(obj, ensure_ascii=False) + "\n", *lines[4:]]),
        encoding="utf-8",
    )
    with pytest.raises(JournalError, match=r"forged\.jsonl:5: the chain is broken"):
        read_journal(forged)


def test_a_torn_last_line_is_moved_aside_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    s = session(path)
    run(s, "1 2")
    s.close()
    with path.open("ab") as f:
        f.write(b'{"seq":3,"kind":"ballot","ser')  # the power failed mid-write
    assert read_journal(path).torn.startswith(b'{"seq":3')
    again = session(path)
    assert again.moved_aside is not None and len(again.state.ballots) == 1
    assert run(again, "3 4") == ["committed"]
    again.close()
    assert (tmp_path / "j.jsonl.torn-1").read_bytes().startswith(b'{"seq":3')
    state, _ = load_state(path)
    assert list(state.ballots) == ["1", "2"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the journal is empty"),
        (b"not json\n", "not a journal entry"),
        (b"\xff\xfe\n", "is not UTF-8"),
    ],
)
def test_unreadable_journals(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "j.jsonl"
    path.write_bytes(content)
    with pytest.raises(JournalError, match=message):
        read_journal(path)


def test_header_must_be_a_tally_journal(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    with JournalWriter.create(path, "t", {"format": "other"}):
        pass
    with pytest.raises(JournalError, match="not a tally entry journal"):
        read_journal(path)


# -- the command line ----------------------------------------------------------------------


def invoke(*args: str, stdin: str = "") -> tuple[int, str, str]:
    result = tally(*args, input=stdin)
    if result.exit_code == 2:  # an error: free of English, then read in English
        result = vietnamese_then_english(result, list(args), ENV)
    return result.exit_code, result.stdout, result.stderr


def test_plain_mode_export_and_count(election: Path) -> None:
    code, out, err = invoke(
        "enter", str(election), "--contest", "bch", "--operator", "Trần Thị Bình", "--plain",
        "--lang", "en",
        stdin="1 2\n3\n\n!m\n12\n:fix 1 4 5\n",
    )  # fmt: skip
    assert code == 0, err
    assert out.splitlines() == [
        "✓ #1: 1 2 — valid — keeps 9 of 11 names [entered 1/108 · valid 1 · invalid 0]",
        # stdin is not a terminal: invalid from its marks is recorded at once (issue 12)
        "✓ #2: 3 — INVALID: More names kept than seats [entered 2/108 · valid 1 · invalid 1]",
        "✗ type 0 for a ballot with nothing struck",
        "✓ #3: !marked — INVALID: Signed, marked or extra content [entered 3/108 · valid 1 · invalid 2]",
        "✗ there is no 12: the ballot has 11 names",
        "✓ corrected #1: 4 5 — valid — keeps 9 of 11 names [entered 3/108 · valid 1 · invalid 2]",
        "Entry stopped; the journal is saved.",
        "Entered 3 ballots (valid 1, invalid 2); 108 issued.",
    ]
    assert "1. Trần Thị Kim Anh" in err
    (journal,) = (election / "journals").glob("bch-r1-tran-thi-binh-*.jsonl")
    assert journal.exists()
    csv = election / "entered.csv"
    code, _, err = invoke(
        "enter", str(election), "--contest", "bch", "--operator", "Trần Thị Bình", "--export",
        "-o", str(csv), "--lang", "en",
    )  # fmt: skip
    assert code == 0, err
    assert (
        csv.read_text(encoding="utf-8")
        == "ballot,struck,unmarked,invalid\n1,4 5,,\n2,3,,\n3,,,marked\n"
    )
    tally = count_rows(read_rows(csv), bch(election).spec, csv)
    assert tally.valid == 1 and tally.invalid["marked"] == 1
    # never overwritten without --force
    code, _, err = invoke(
        "enter", str(election), "--contest", "bch", "--operator", "Trần Thị Bình", "--export",
        "-o", str(csv),
    )  # fmt: skip
    assert code == 2 and "already exists" in err


def test_export_defaults_to_the_rounds_ballots_file(election: Path) -> None:
    invoke("enter", str(election), "--contest", "bch", "--operator", "A", stdin="1 2\n")
    code, _, err = invoke("enter", str(election), "--contest", "bch", "--operator", "A", "--export")
    assert code == 2 and "already exists" in err  # the example's ballots/bch-1.csv
    code, _, err = invoke(
        "enter", str(election), "--contest", "bch", "--operator", "A", "--export", "--force"
    )
    assert code == 0, err
    assert (election / "ballots" / "bch-1.csv").read_text(encoding="utf-8").endswith("1,1 2,,\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--contest", "zzz", "--operator", "A"], "no contest 'zzz'"),
        (["--contest", "bch", "--round", "5", "--operator", "A"], "has no round 5"),
        (["--contest", "bch"], "--operator is required"),
        (["--contest", "bch", "--operator", "A", "-o", "x.csv"], "-o is for --export"),
        (["--contest", "bch", "--operator", "Nobody", "--export"], "journal not found"),
    ],
)
def test_enter_usage_errors(election: Path, args: list[str], message: str) -> None:
    code, _, err = invoke("enter", str(election), *args)
    assert code == 2 and message in err, err
    assert "Traceback" not in err


def test_a_broken_journal_is_refused_with_its_line(election: Path) -> None:
    invoke("enter", str(election), "--contest", "bch", "--operator", "A", stdin="1 2\n3 4\n")
    (journal,) = (election / "journals").glob("bch-r1-a-*.jsonl")
    journal.write_text(
        journal.read_text(encoding="utf-8").replace("[3,4]", "[3,5]"), encoding="utf-8"
    )
    code, _, err = invoke("enter", str(election), "--contest", "bch", "--operator", "A", stdin="")
    assert code == 2 and f"{journal.name}:4: the entry does not match its hash" in err


# -- kill -9 -------------------------------------------------------------------------------


def test_sigkill_loses_no_confirmed_ballot(election: Path) -> None:
    """Kill the entry process mid-way: every ballot it confirmed is in the journal and export."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    args = [sys.executable, "-m", "tally", "enter", str(election), "--contest", "bch",
            "--operator", "K", "--plain", "--lang", "en"]  # fmt: skip
    journal = default_journal(load_election(election), bch(election), "K")
    confirmed: dict[str, str] = {}  # serial → the line typed, as the screen confirmed it
    lines = [f"{a} {b}" for a, b in itertools.combinations(range(1, 12), 2)]
    for start, stop in ((0, 23), (23, 41)):  # two runs, each killed mid-way
        proc = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env, text=True, encoding="utf-8",
        )  # fmt: skip
        assert proc.stdin is not None and proc.stdout is not None
        for i, line in enumerate(lines[start:stop]):
            proc.stdin.write(line + "\n")
            proc.stdin.flush()
            if i == stop - start - 1:
                break  # the last line is typed but its confirmation is not awaited
            reply = proc.stdout.readline()
            assert reply.startswith("✓ #") and f": {line} — valid" in reply, reply
            confirmed[reply.split()[1].rstrip(":").lstrip("#")] = line
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL
    state, _ = load_state(journal)  # the chain verifies after two kills
    assert set(confirmed) <= set(state.ballots)
    assert len(confirmed) == 22 + 17
    for serial, line in confirmed.items():
        assert state.ballots[serial] == Marks(tuple(map(int, line.split())))
    csv = election / "k.csv"
    code, _, err = invoke(
        "enter", str(election), "--contest", "bch", "--journal", str(journal), "--export",
        "-o", str(csv),
    )  # fmt: skip
    assert code == 0, err
    exported = {row[1]: row[2] for row in read_rows(csv)}
    for serial, line in confirmed.items():
        assert exported[serial] == line
    # and entry resumes where it stopped
    code, out, _ = invoke(
        "enter", str(election), "--contest", "bch", "--operator", "K", "--plain", stdin="1 11\n"
    )
    assert code == 0 and out.startswith(f"✓ #{len(state.ballots) + 1}:")


def test_a_failed_write_confirms_nothing_and_leaves_the_journal_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "j.jsonl"
    s = session(path)
    run(s, "1 2", "3")  # the second is invalid and waits for its confirmation
    real_fsync = os.fsync
    calls = {"n": 0}

    def failing_fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    size = path.stat().st_size
    with pytest.raises(OSError):
        s.submit("")  # the confirmation fails to write
    assert path.stat().st_size == size  # cut back: no half line left behind
    assert s.pending == "3"  # the confirmation is still waiting
    assert s.submit("").status == "committed"  # a retry writes it once
    s.close()
    state, _ = load_state(path)
    assert list(state.ballots) == ["1", "2"]


def test_when_the_journal_cannot_be_cut_back_no_more_entries_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "j.jsonl"
    s = session(path)
    run(s, "1 2")

    def failing(*args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing)
    monkeypatch.setattr(os, "ftruncate", failing)
    with pytest.raises(OSError):
        s.submit("3 4")
    monkeypatch.undo()
    with pytest.raises(JournalError, match="no more entries can be written"):
        s.submit("3 4")
    s.close()
    # The whole line reached the file though its fsync failed: on resume it is there, and
    # the resume message shows it as the last ballot, to be checked against the paper.
    again = session(path)
    assert list(again.state.ballots) == ["1", "2"] and again.state.last == ("2", Marks((3, 4)))
    again.close()


def test_preview_kinds(tmp_path: Path) -> None:
    s = session(tmp_path / "j.jsonl")
    run(s, "1 2")
    assert [s.preview(t).kind for t in ("", ":pau", "1 2", "3", "12", ":fix 1 x")] == [
        "none",
        "none",
        "valid",
        "invalid",
        "error",
        "error",
    ]
    fix = s.preview(":fix 1 5 6")
    assert (fix.kind, fix.struck) == ("valid", (5, 6))
    assert fix.message == "#1: 1 2 → 5 6 — valid — keeps 9 of 11 names"
    assert s.preview(":fix 9 5 6").message == "no ballot #9 yet"
    s.close()
