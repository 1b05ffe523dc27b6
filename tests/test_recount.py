"""``tally recount``: every election below some folders, checked as ``tally check`` checks it.

The corpus is the three examples plus a small simulated province (``tally simulate``), with
folders broken on purpose. Each election's entry must hold exactly the document ``tally check
--json`` prints, a broken folder must get its own entry and exit code without stopping the
others, and the batch exits with the most serious code in the order 70 › 2 › 3 › 1 › 4 › 0.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tally.recount as recount_mod
from tally.recount import (
    EXIT_ORDER,
    ElectionRun,
    Problem,
    Settings,
    Target,
    discover,
    entry_json,
    most_serious,
    recount,
)
from tally.report.jsondoc import dumps
from tally.simulate import simulate, write_corpus
from test_cli_errors import EXAMPLES, assert_no_traceback, run, set_csv_line

SIMULATED = 24


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/ + 24 simulated elections + two broken folders + things to skip."""
    root = tmp_path_factory.mktemp("province")
    shutil.copytree(EXAMPLES, root / "examples")
    write_corpus(root / "simulated", simulate(11, SIMULATED), seed=11)
    # Malformed YAML: an unclosed bracket.
    bad_yaml = root / "broken" / "bad-yaml"
    shutil.copytree(EXAMPLES / "xa-2025", bad_yaml)
    text = (bad_yaml / "election.yaml").read_text(encoding="utf-8")
    (bad_yaml / "election.yaml").write_text(
        text.replace("  present: 108\n", "  present: [108\n"), encoding="utf-8"
    )
    # A ballot striking position 99 of an 11-name list, on line 3 of the file.
    bad_ballot = root / "broken" / "bad-position"
    shutil.copytree(EXAMPLES / "xa-2025", bad_ballot)
    set_csv_line(bad_ballot / "ballots" / "bch-1.csv", 3, "2,99,,")
    # Skipped: a hidden folder, and a symbolic link back up the tree (a loop).
    shutil.copytree(EXAMPLES / "xa-2025", root / ".trash" / "old")
    (root / "simulated" / "loop").symlink_to(root / "simulated", target_is_directory=True)
    return root


def recount_json(*args: str | Path) -> tuple[int, dict[str, Any], str]:
    result = run("recount", *args, "--json")
    assert_no_traceback(result)
    return result.exit_code, json.loads(result.stdout), result.stdout


def check_json(path: str, *args: str) -> tuple[int, str]:
    result = run("check", path, "--json", *args)
    assert_no_traceback(result)
    return result.exit_code, result.stdout


# --- the exit code of a batch ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ([], 0),
        ([0, 0], 0),
        ([0, 4], 4),
        ([4, 1, 0], 1),  # a failed check outranks a vote still due (as in tally check)
        ([1, 3, 4], 3),
        ([3, 2, 1], 2),
        ([0, 2, 70], 70),  # a bug outranks everything: nothing is known about that election
        ([0, 130], 130),  # an unknown code counts as a bug
    ],
)
def test_most_serious(codes: list[int], expected: int) -> None:
    assert most_serious(codes) == expected


def test_exit_order_is_documented() -> None:
    assert EXIT_ORDER == (70, 2, 3, 1, 4, 0)
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    assert "70 › 2 › 3 › 1 › 4 › 0" in readme
    result = run("recount", "--help")
    assert "70 › 2 › 3 › 1 › 4 › 0" in result.stdout


@given(st.lists(st.sampled_from(EXIT_ORDER)), st.lists(st.sampled_from(EXIT_ORDER)))
def test_most_serious_is_a_fold(a: list[int], b: list[int]) -> None:
    whole = most_serious(a + b)
    assert whole == most_serious([most_serious(a), most_serious(b)])  # per shard, then merged
    assert whole == most_serious(list(reversed(b + a)))
    assert whole in (a + b) or not (a + b)


# --- discovery -----------------------------------------------------------------------------


def test_discover_sorted_skips_hidden_and_loops(corpus: Path) -> None:
    found = discover([corpus])
    paths = [t.path.relative_to(corpus).as_posix() for t in found]
    assert len(paths) == 3 + SIMULATED + 2
    assert paths == sorted(paths, key=lambda p: tuple(p.split("/")))
    assert not any(p.startswith(".trash") or "/loop/" in p for p in paths)
    assert "examples/xa-2025" in paths and "broken/bad-yaml" in paths


def test_discover_overlapping_arguments_and_a_file(corpus: Path) -> None:
    found = discover([corpus / "examples", corpus / "examples" / "xa-2025"])
    assert [t.path.name for t in found] == ["huyen-2020", "phuong-hdnd-2026", "xa-2025"]
    one = discover([corpus / "examples" / "xa-2025" / "election.yaml"])
    assert [t.path.name for t in one] == ["election.yaml"]


def test_discover_walks_a_folder_reached_twice_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Links to an election folder, to a folder above one, to an unreadable folder, and a link
    loop: each folder is found once, under the first path reached (the walk records only the
    folders that hold an election or other folders: the rest lead nowhere)."""
    shutil.copytree(EXAMPLES / "xa-2025", tmp_path / "d" / "xa")
    (tmp_path / "a-link-to-xa").symlink_to(tmp_path / "d" / "xa", target_is_directory=True)
    (tmp_path / "b-link-to-d").symlink_to(tmp_path / "d", target_is_directory=True)
    (tmp_path / "d" / "xa" / "ballots" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "empty").mkdir()
    (tmp_path / "c-link-to-empty").symlink_to(tmp_path / "empty", target_is_directory=True)
    found = discover([tmp_path])
    assert [t.path.relative_to(tmp_path).as_posix() for t in found] == ["a-link-to-xa"]
    (tmp_path / "locked").mkdir()
    (tmp_path / "e-link-to-locked").symlink_to(tmp_path / "locked")
    scandir = os.scandir

    def refuse(path: Any) -> Any:  # as for a folder without permission (root reads any)
        if os.path.realpath(path) == str((tmp_path / "locked").resolve()):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    found = discover([tmp_path])
    assert [t.path.name for t in found] == ["a-link-to-xa", "e-link-to-locked"]
    assert found[1].problem is not None


def test_nothing_to_recount(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("recount", tmp_path / "empty")
    assert result.exit_code == 2
    assert "no election.yaml below" in result.stderr
    assert_no_traceback(result)


# --- the documents ----------------------------------------------------------------------


def test_each_entry_is_the_check_document(corpus: Path) -> None:
    code, doc, text = recount_json(corpus, "--jobs", "2", "--lang", "en")
    entries = doc["elections"]
    assert len(entries) == 3 + SIMULATED + 2
    assert dumps(doc) == text  # one document, formatted like every other tally JSON
    for entry in entries:
        check_code, check_text = check_json(entry["path"], "--lang", "en")
        assert entry["exit_code"] == check_code, entry["path"]
        if entry["error"] is None:
            assert dumps(entry["check"]) == check_text, entry["path"]
            assert entry["election"] == entry["check"]["election"]
            assert entry["contests"] == len(entry["check"]["contests"])
            assert (entry["errors"], entry["warnings"]) == (
                entry["check"]["errors"],
                entry["check"]["warnings"],
            )
        else:
            assert entry["check"] is None
    assert code == 2 == doc["exit_code"]
    assert doc["exit_order"] == [70, 2, 3, 1, 4, 0]
    assert doc["summary"]["elections"] == len(entries)
    assert sum(doc["summary"]["by_exit_code"].values()) == len(entries)
    assert doc["summary"]["by_exit_code"]["2"] == 2


def test_broken_folders_do_not_stop_the_others(corpus: Path) -> None:
    code, doc, _ = recount_json(corpus / "broken", corpus / "examples")
    by_path = {Path(e["path"]).name: e for e in doc["elections"]}
    assert code == 2
    yaml_error = by_path["bad-yaml"]["error"]
    assert yaml_error["kind"] == "bad_input"
    (issue,) = yaml_error["issues"]
    assert issue["file"] == str(corpus / "broken" / "bad-yaml" / "election.yaml")
    assert issue["line"] is not None and issue["message"].startswith("not valid YAML")
    ballot_error = by_path["bad-position"]["error"]
    (issue,) = ballot_error["issues"]
    assert issue["file"].endswith("bch-1.csv") and issue["line"] == 3
    assert "position 99 is out of range" in issue["message"]
    assert by_path["bad-position"]["exit_code"] == 2
    # The examples are all there, with their own exit codes.
    assert by_path["huyen-2020"]["exit_code"] == 1
    assert by_path["xa-2025"]["exit_code"] == 0
    assert by_path["xa-2025"]["check"]["contests"]


def test_table_names_each_broken_folder(corpus: Path) -> None:
    result = run("recount", corpus / "broken", corpus / "examples" / "xa-2025", "--lang", "en")
    assert result.exit_code == 2
    assert_no_traceback(result)
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "Election",
        "Contests",
        "Outcome",
        "Errors",
        "/",
        "warnings",
        "Exit",
    ]
    bad = next(
        i for i, line in enumerate(lines) if line.startswith(str(corpus / "broken" / "bad-yaml"))
    )
    assert lines[bad].split()[-1] == "2" and "Bad input" in lines[bad]
    assert lines[bad + 1].startswith("  ↳ ") and "election.yaml:" in lines[bad + 1]
    assert any("position 99 is out of range" in line for line in lines)
    assert "→ exit code 2 (the most serious, in the order 70 › 2 › 3 › 1 › 4 › 0)" in result.stdout
    vi = run("recount", corpus / "examples")
    assert vi.stdout.splitlines()[0].startswith("Cuộc bầu cử")
    assert vi.exit_code == 1


def test_jobs_1_and_2_give_identical_output(corpus: Path) -> None:
    one = run("recount", corpus, "--json", "--jobs", "1")
    two = run("recount", corpus, "--json", "--jobs", "2")
    assert one.stdout == two.stdout
    assert one.exit_code == two.exit_code == 2
    assert run("recount", corpus, "-j", "1").stdout == run("recount", corpus, "-j", "2").stdout


def test_fail_on_warning(corpus: Path) -> None:
    examples = corpus / "examples"
    _, lenient, _ = recount_json(examples)
    code, strict, _ = recount_json(examples, "--fail-on", "warning")
    assert [e["exit_code"] for e in lenient["elections"]] == [1, 0, 0]
    # Every example has a warning (a missed target, an elected floor nominee).
    assert [e["exit_code"] for e in strict["elections"]] == [1, 1, 1]
    assert code == 1 and strict["fail_on"] == "warning"


# --- a bug, or a worker that dies, in one election ------------------------------------------


def _fail_on_xa(kind: str) -> Any:
    real = recount_mod.check_report

    def fake(loaded: Any) -> Any:
        if loaded.folder.name == "xa-2025":
            if kind == "die":
                os._exit(9)  # the worker process dies (killed, out of memory, a crash in C)
            raise ZeroDivisionError("planted")
        return real(loaded)

    return fake


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bug_in_one_election_is_exit_70(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    monkeypatch.setattr(recount_mod, "check_report", _fail_on_xa("raise"))
    code, doc, _ = recount_json(corpus / "examples", "--jobs", jobs)
    assert code == 70
    assert [e["exit_code"] for e in doc["elections"]] == [1, 0, 70]
    error = doc["elections"][2]["error"]
    assert error["kind"] == "internal"
    assert "ZeroDivisionError: planted" in error["issues"][0]["message"]
    assert "--debug" in error["issues"][0]["hint"]
    debug = run("--debug", "recount", corpus / "examples" / "xa-2025", "--jobs", jobs)
    assert "Traceback" in debug.stderr and "ZeroDivisionError" in debug.stderr


def test_a_worker_that_dies_takes_only_its_election(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recount_mod, "check_report", _fail_on_xa("die"))
    targets = discover([corpus / "examples", corpus / "simulated"])
    runs = list(recount(targets, Settings(), jobs=2))
    assert [r.path for r in runs] == [str(t.path) for t in targets]
    dead = [r for r in runs if r.exit_code == 70]
    assert [Path(r.path).name for r in dead] == ["xa-2025"]
    assert "died" in dead[0].problems[0].message
    assert all(r.error_kind is None for r in runs if r not in dead)


# --- the pieces of the JSON ---------------------------------------------------------------


def test_entry_json_splices_the_document_exactly() -> None:
    document = dumps({"contests": [{"id": "bch", "votes": [1, 2]}], "election": "Đại hội"})
    run_ = ElectionRun("a/b", 0, "Đại hội", "qd-190-2024", 1, "complete", 0, 0, document)
    text = entry_json(run_)
    parsed = json.loads(text)
    assert parsed["check"] == json.loads(document)
    assert dumps(parsed).rstrip("\n") == text
    broken = ElectionRun(
        "a/c", 2, error_kind="bad_input", problems=(Problem("bad", "a/c/election.yaml", 3),)
    )
    parsed = json.loads(entry_json(broken))
    assert parsed["check"] is None
    assert parsed["error"]["issues"][0] == {
        "file": "a/c/election.yaml",
        "line": 3,
        "column": None,
        "field": None,
        "message": "bad",
        "hint": None,
    }


def test_progress_is_reported_in_elections(corpus: Path) -> None:
    targets = discover([corpus / "simulated"])
    for jobs in (1, 2):
        seen: list[tuple[int, int]] = []

        def report(done: int, total: int, seen: list[tuple[int, int]] = seen) -> None:
            seen.append((done, total))

        runs = list(recount(targets, Settings(), jobs=jobs, progress=report))
        assert len(runs) == len(targets)
        assert seen[-1] == (len(targets), len(targets))
        assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_unreadable_folder_is_an_entry() -> None:
    run_ = recount_mod.check_one(
        Target(Path("x/y"), "cannot read the folder (Permission denied)"), Settings()
    )
    assert run_.exit_code == 2 and run_.error_kind == "bad_input"
    assert str(run_.problems[0]) == "x/y: cannot read the folder (Permission denied)"


def test_broken_folders_are_reported_in_the_chosen_language(corpus: Path, tmp_path: Path) -> None:
    """Issue 14: under a broken election, its error and its hint follow --lang."""
    from vietnamese import english_words

    shutil.copytree(corpus / "broken", tmp_path / "broken")
    bad_header = tmp_path / "broken" / "bad-header"
    shutil.copytree(EXAMPLES / "xa-2025", bad_header)
    set_csv_line(bad_header / "ballots" / "bch-1.csv", 1, "ballot,strack,unmarked,invalid")
    vi = run("recount", tmp_path / "broken", "--lang", "vi")
    assert vi.exit_code == 2
    notes = [line for line in vi.stdout.splitlines() if line.startswith("  ")]
    assert any("gợi ý:" in line for line in notes), vi.stdout
    assert not any("hint:" in line for line in notes), vi.stdout
    assert english_words("\n".join(notes)) == [], vi.stdout
    assert any("không có số thứ tự 99" in line for line in notes), vi.stdout
    en = run("recount", tmp_path / "broken", "--lang", "en")
    assert any(line.startswith("    hint: ") for line in en.stdout.splitlines()), en.stdout


def test_an_unreadable_folder_is_said_in_the_chosen_language() -> None:
    reason = recount_mod.os_reason("x")
    target = Target(Path("/nowhere"), recount_mod.msg("recount.cannot_read", reason=reason))

    run_ = recount_mod.check_one(target, Settings())
    (problem,) = run_.problems
    assert problem.message == "cannot read the folder (x)"
    assert problem.text("vi") == '/nowhere: không đọc được thư mục (hệ thống báo "x")'


# --- streamed output (issue 21) ----------------------------------------------------------


def _runs(n: int) -> list[ElectionRun]:
    return [
        ElectionRun(f"tinh/{i:02d}", 0, f"Đại hội {i}", "qd-190-2024", 1, "complete", 0, 0)
        for i in range(n)
    ]


def test_the_table_is_written_before_the_last_election_finishes() -> None:
    """Each row is on its way out before the next election is even asked for; the rows and
    the totals are those of the whole batch."""
    from io import StringIO

    from rich.console import Console

    from tally.recount import BatchSummary
    from tally.report.recount import write_table

    runs = _runs(5)
    out = StringIO()
    con = Console(file=out, width=100, color_system=None)
    written_before: list[str] = []

    def slow() -> Iterator[ElectionRun]:
        for run_ in runs:
            written_before.append(out.getvalue())  # what the table holds while this one runs
            yield run_

    summary = BatchSummary()
    write_table(
        slow(),
        [r.path for r in runs],
        summary,
        "en",
        lambda t: con.print(t, end="", soft_wrap=True),
    )
    lines = out.getvalue().splitlines()
    assert lines[0].split()[0] == "Election" and len(lines) == 2 + 5 + 1
    for i, before in enumerate(written_before):
        assert before.splitlines()[2:] == lines[2 : 2 + i]  # rows 0..i-1 out, not row i
    assert lines[-1].startswith("5 elections · exit 0: 5 → exit code 0")
    assert summary.elections == 5


def test_the_json_is_streamed_and_is_the_document(corpus: Path) -> None:
    """The pieces go out as the runs arrive, and together they are the one JSON document."""
    runs = list(recount(discover([corpus / "examples"]), Settings(documents=True)))
    pieces: list[str] = []

    def arriving() -> Iterator[ElectionRun]:
        for i, run_ in enumerate(runs):
            assert len(pieces) == 1 + i  # the opening and every earlier entry already out
            yield run_

    summary = recount_mod.BatchSummary()
    for piece in recount_mod.json_document(arriving(), Settings(), summary):
        pieces.append(piece)
    doc = json.loads("".join(pieces))
    assert [e["path"] for e in doc["elections"]] == [r.path for r in runs]
    assert dumps(doc) == "".join(pieces)
    assert doc["summary"]["elections"] == len(runs) == 3


# --- bounded work in flight ---------------------------------------------------------------


def test_a_slow_first_election_does_not_let_work_pile_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pool gets a bounded number of chunks at a time, and no more than that many ahead of
    the first election not yet written: a slow first election holds back the rest instead of
    letting finished results pile up. The slow one waits until the parent has nothing left to
    wait for but it (no clock involved)."""
    slow = tmp_path / "slow"
    shutil.copytree(EXAMPLES / "xa-2025", slow)
    go = tmp_path / "go"
    real_load = recount_mod.load_election

    def load(path: Path, **options: Any) -> object:
        if path.name == "slow":
            for _ in range(3000):  # 30 s at most, should the parent never say go
                if go.exists():
                    break
                time.sleep(0.01)
        return real_load(path, **options)

    in_flight: list[int] = []
    real_wait = recount_mod.wait

    def wait(fs: Any, **options: Any) -> Any:
        in_flight.append(len(fs))
        if len(fs) == 1:  # only the slow one left to wait for
            go.touch()
        return real_wait(fs, **options)

    monkeypatch.setattr(recount_mod, "load_election", load)
    monkeypatch.setattr(recount_mod, "wait", wait)
    jobs, total = 2, 400
    targets = [Target(str(slow))] + [Target(str(EXAMPLES / "xa-2025"))] * (total - 1)
    done: list[int] = []
    runs = recount(targets, Settings(), jobs=jobs, timeout=60, progress=lambda d, _: done.append(d))
    first = next(runs)
    size = recount_mod.chunk_size(total, jobs)
    window = recount_mod.IN_FLIGHT * jobs
    assert Path(first.path).name == "slow" and first.exit_code == 0
    # finished while the first was still out: at most the window, not the whole batch
    assert done[-1] <= window * size < total
    rest = list(runs)
    assert len(rest) == total - 1 and all(r.exit_code == 0 for r in rest)
    assert max(in_flight) <= window


def test_found_keeps_each_path_exactly() -> None:
    """The compact list of targets gives back each path as found, byte for byte."""
    from tally.i18n import msg
    from tally.recount import Found

    problem = msg("recount.cannot_read", reason="denied")
    targets = [
        Target(p)
        for p in ("a/b/c", "a/b/d", "x", "a/b/Đảng ủy", "a/\udcff/z", "/abs/p", "q/", "a/b/c")
    ]
    targets.append(Target("q/r", problem))
    found = Found(targets)
    assert len(found) == len(targets)
    assert list(found) == targets
    assert found[-1].problem is problem and found[0].problem is None
    assert found[2:4] == targets[2:4]
