"""The journal under hostile conditions (issue 13): creation that cannot leave a 0-byte file,
write failures as bad input (exit 2), one journal per operator, serials that are numbers."""

from __future__ import annotations

import errno
import itertools
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from clirun import invoke
from tally.config.loader import load_election
from tally.entry import journal as journal_mod
from tally.entry.journal import JournalError, JournalWriter
from tally.entry.session import EntryInputError, EntrySession, parse_line, sheet_for

ROOT = Path(__file__).resolve().parent.parent
XA = ROOT / "examples" / "xa-2025"


@pytest.fixture
def election(tmp_path: Path) -> Path:
    folder = tmp_path / "xa"
    shutil.copytree(XA, folder)
    return folder


def clock() -> Callable[[], str]:
    tick = itertools.count()
    return lambda: f"2025-07-20T09:00:{next(tick) % 60:02d}+07:00"


def enter(election: Path, operator: str, stdin: str = "1 2\n") -> tuple[int, str, str]:
    result = invoke(
        "enter", election, "--contest", "bch", "--operator", operator, "--lang", "en", input=stdin
    )
    return result.exit_code, result.stdout, result.stderr


def test_a_full_disk_at_creation_leaves_no_journal_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal_mod.os, "fsync", full)
    path = tmp_path / "journals" / "j.jsonl"
    with pytest.raises(JournalError, match="No space left on device"):
        JournalWriter.create(path, "t", {"a": 1})
    monkeypatch.setattr(journal_mod.os, "fsync", real_fsync)
    assert not path.exists()
    assert list(path.parent.iterdir()) == []  # nor a temporary file
    with JournalWriter.create(path, "t", {"a": 1}) as w:  # the operator is not locked out
        assert w.last.kind == "open"


def test_a_read_only_election_folder_is_exit_2(election: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    election.chmod(0o555)
    try:
        code, _, err = enter(election, "A")
    finally:
        election.chmod(0o755)
    assert code == 2 and "journals" in err and "Traceback" not in err, err


def test_journals_where_a_file_stands_is_exit_2(election: Path) -> None:
    (election / "journals").write_text("not a folder", encoding="utf-8")
    code, _, err = enter(election, "A")
    assert code == 2, err
    assert "journals" in err and "internal error" not in err


def test_two_operators_whose_names_fold_alike_get_two_journals(election: Path) -> None:
    code, _, err_an = enter(election, "Nguyễn Văn An", "1 2\n")
    assert code == 0, err_an
    code, _, err_an2 = enter(election, "Nguyễn Văn Ân", "3 4\n5 6\n")
    assert code == 0, err_an2
    journals = sorted((election / "journals").glob("bch-r1-*.jsonl"))
    assert len(journals) == 2
    assert all(p.name.startswith("bch-r1-nguyen-van-an-") for p in journals)
    assert "is another operator's journal" in err_an2 and "Nguyễn Văn An" in err_an2
    # each resumes their own
    code, out, _ = enter(election, "Nguyễn Văn An", "7 8\n")
    assert code == 0 and out.startswith("✓ #2:")
    code, out, _ = enter(election, "Nguyễn Văn Ân", "7 8\n")
    assert code == 0 and out.startswith("✓ #3:")
    # the same person typed in decomposed Unicode is the same operator
    import unicodedata

    code, out, _ = enter(election, unicodedata.normalize("NFD", "Nguyễn Văn Ân"), "9 10\n")
    assert code == 0 and out.startswith("✓ #4:")


@pytest.mark.parametrize("serial", ["²", "١٢", "1²", "x" * 40, "1,2", "ab#"])
def test_a_serial_must_be_a_plain_number_or_code(serial: str) -> None:
    sheet = sheet_for(load_election(XA), "bch", 1)
    with pytest.raises(EntryInputError):
        parse_line(f"#{serial} 3 5", sheet, "en")


def test_a_journal_with_a_unicode_digit_serial_still_opens(tmp_path: Path) -> None:
    """A journal written before serials were checked (#²) resumes instead of crashing."""
    sheet = sheet_for(load_election(XA), "bch", 1)
    path = tmp_path / "j.jsonl"
    s = EntrySession.open(path, sheet, "A", clock(), "en")
    s.writer.append("ballot", "t", {"operator": "A", "serial": "²", "struck": [1, 2],
                                     "unmarked": [], "invalid": ""})  # fmt: skip
    s.close()
    s = EntrySession.open(path, sheet, "A", clock(), "en")
    assert s.submit("3 4").status == "committed"
    assert list(s.state.ballots) == ["²", "1"]
    s.close()


def test_a_recorded_head_says_whether_the_journal_still_ends_there(tmp_path: Path) -> None:
    from tally.entry.journal import check_head, group, read_journal

    sheet = sheet_for(load_election(XA), "bch", 1)
    path = tmp_path / "j.jsonl"
    s = EntrySession.open(path, sheet, "A", clock(), "en")
    s.submit("1 2")
    s.submit("3 4")
    head = s.writer.last.hash
    assert "2 ballots" in s.head_note() and group(head[:16]) in s.head_note()
    s.submit("5 6")
    s.close()
    journal = read_journal(path)
    assert check_head(journal, journal.head).status == "ends_there"
    later = check_head(journal, group(head[:16]).upper())  # as copied from paper
    assert (later.status, later.after) == ("continues", 1)
    assert check_head(journal, "0123456789ab").status == "not_found"
    assert check_head(journal, head[:8]).status == "not_found"  # too short to trust
    # lines cut off the end: the chain still verifies, only the recorded head shows it
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:-1]))
    cut = read_journal(path)
    assert check_head(cut, journal.head).status == "not_found"


def test_verify_and_reconcile_check_the_recorded_head(election: Path) -> None:
    def run(*args: str) -> tuple[int, str, str]:
        result = invoke(*args, "--lang", "en")
        return result.exit_code, result.stdout, result.stderr

    enter(election, "A", "1 2\n3 4\n")
    enter(election, "B", "1 2\n3 4\n")
    a, b = sorted((election / "journals").glob("bch-r1-*.jsonl"))
    from tally.entry.journal import group, read_journal

    head_a, head_b = read_journal(a).head, read_journal(b).head
    written = group(head_a[:16])  # as the board copies it from the screen
    code, out, _ = run("verify", "--journal", str(a), "--head", written)
    assert code == 0 and "still ends at the recorded head" in out and "(2 ballots)" in out
    # lines cut off the end: the chain verifies, the recorded head does not
    lines = a.read_bytes().splitlines(keepends=True)
    a.write_bytes(b"".join(lines[:-2]))
    code, out, _ = run("verify", "--journal", str(a), "--head", written)
    assert code == 1 and "does not contain the recorded head" in out
    code, out, _ = run("reconcile", str(a), str(b), "--head", written, "--head", head_b[:16])
    assert code == 1 and "Not reconciled" in out
    code, _, err = run("reconcile", str(a), str(b), "--head", written)
    assert code == 2 and "1 --head for 2 journals" in err
    code, _, err = run("verify", "--journal", str(a))
    assert code == 2 and "--journal and --head go together" in err
    # entries after the head: said with the ballots then and now
    b_head_then = group(head_b[:16])
    enter(election, "B", "5 6\n")
    code, out, _ = run("verify", "--journal", str(b), "--head", b_head_then)
    assert code == 1 and "more entries after the recorded head" in out and "2 ballots when" in out


def test_a_cut_inside_the_last_entry_is_said_loudly(election: Path) -> None:
    enter(election, "A", "1 2\n3 4\n")
    (journal,) = (election / "journals").glob("bch-r1-a-*.jsonl")
    lines = journal.read_bytes().splitlines(keepends=True)
    ballot = next(i for i, line in enumerate(lines) if b'"serial":"2"' in line)
    journal.write_bytes(b"".join(lines[:ballot]) + lines[ballot][:-20])  # cut inside ballot #2
    code, _, err = enter(election, "A", "")
    assert code == 0, err
    assert f"ATTENTION: the journal ended inside entry {ballot} (ballot #2)" in err
    assert "If the screen did confirm it, the journal was cut" in err
    assert (journal.parent / f"{journal.name}.torn-1").exists()
