"""The full-screen entry app, driven headless with textual's Pilot.

Each test runs its async body with ``asyncio.run`` (no pytest-asyncio). What the screen says
is checked against the journal replayed from the disk, never against the app's own state.
"""

from __future__ import annotations

import asyncio
import errno
import itertools
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tally.config.loader import LoadedElection, load_election
from tally.entry.journal import Entry, read_journal
from tally.entry.session import EntrySession, Sheet, load_state, sheet_for
from tally.findings import Lang
from tally.tui.app import (
    BallotView,
    EntryApp,
    FixScreen,
    PauseScreen,
    ballot_grid,
    fit_name,
)

ROOT = Path(__file__).resolve().parent.parent
SIZE = (100, 30)


@pytest.fixture(scope="module")
def loaded() -> LoadedElection:
    return load_election(ROOT / "examples" / "xa-2025")


def make_clock() -> Callable[[], str]:
    ticks = itertools.count()

    def clock() -> str:
        tick = next(ticks)
        return f"2025-06-14T08:{tick // 60:02d}:{tick % 60:02d}"

    return clock


def open_session(path: Path, sheet: Sheet, lang: Lang = "vi", operator: str = "Op") -> EntrySession:
    return EntrySession.open(path, sheet, operator, make_clock(), lang)


def drive(
    session: EntrySession,
    body: Callable[[EntryApp, Pilot[None]], Awaitable[None]],
    size: tuple[int, int] = SIZE,
) -> EntryApp:
    app = EntryApp(session)

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await body(app, pilot)

    try:
        asyncio.run(main())
    finally:
        session.close()
    return app


async def enter(pilot: Pilot[None], text: str) -> None:
    """Put a line into the focused input and press Enter.

    The value is set rather than typed key by key: each simulated key costs tens of
    milliseconds, and typing itself is covered by the feedback test.
    """
    line = pilot.app.focused
    assert isinstance(line, Input)
    line.value = text
    await pilot.press("enter")


def shown(app: EntryApp, selector: str) -> str:
    """The plain text a widget of the main screen shows."""
    return str(app.query_one(selector).render())


def line_value(app: EntryApp) -> str:
    return app.query_one("#line", Input).value


def kinds(path: Path) -> list[str]:
    return [e.kind for e in read_journal(path).entries]


def entries(path: Path, kind: str) -> list[Entry]:
    return [e for e in read_journal(path).entries if e.kind == kind]


def ballots(path: Path) -> dict[str, str]:
    state, _ = load_state(path)
    return {serial: marks.text() for serial, marks in state.ballots.items()}


def test_ballots_typed_are_in_the_journal(tmp_path: Path, loaded: LoadedElection) -> None:
    path = tmp_path / "j.jsonl"
    session = open_session(path, sheet_for(loaded, "bch", 1))

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        await enter(pilot, "1 2")
        await enter(pilot, "3.4+5")  # the numeric keypad's separators
        await enter(pilot, "#17 10,11")
        assert line_value(app) == ""
        assert ballots(path) == {"1": "1 2", "2": "3 4 5", "17": "10 11"}
        assert re.search(r"✓ #17:? 10 11", shown(app, "#log"))
        assert "#18" in shown(app, "#prompt")

    drive(session, body)


def test_feedback_while_typing_and_refusals(tmp_path: Path, loaded: LoadedElection) -> None:
    path = tmp_path / "j.jsonl"
    session = open_session(path, sheet_for(loaded, "bch", 1))

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        ballot = app.query_one(BallotView)
        await pilot.press(*"3 5")
        assert "hợp lệ — giữ 9/11 tên" in shown(app, "#preview")
        assert ballot.struck == {3, 5}
        assert "✗" in shown(app, "#ballot")
        # out of range: refused, nothing written, the line kept to be corrected
        await pilot.press("backspace", "backspace", "backspace", *"12")
        assert "không có số 12" in shown(app, "#preview")
        assert ballot.struck == set()
        await pilot.press("enter")
        assert line_value(app) == "12"
        await pilot.press("backspace", "backspace", *"3 3", "enter")
        assert "số 3 gõ hai lần" in shown(app, "#log")
        assert line_value(app) == "3 3"
        assert "ballot" not in kinds(path)
        # too many kept: shown invalid before Enter, committed only on the second Enter
        await pilot.press("ctrl+u", "1")
        assert "KHÔNG HỢP LỆ" in shown(app, "#preview")
        assert ballot.struck == {1}
        await pilot.press("enter")
        assert line_value(app) == ""
        assert "Enter lần nữa" in shown(app, "#preview")
        assert app.query_one("#preview").has_class("-pending")
        assert "KHÔNG HỢP LỆ" in shown(app, "#prompt")
        assert ballot.struck == {1}  # the ballot awaiting confirmation stays shown
        assert "ballot" not in kinds(path)
        await pilot.press("enter")
        assert ballots(path) == {"1": "1"}
        assert not app.query_one("#preview").has_class("-pending")
        state, _ = load_state(path)
        assert state.tally().invalid["too_many_kept"] == 1

    drive(session, body)


def test_invalid_reason_hotkeys(tmp_path: Path, loaded: LoadedElection) -> None:
    path = tmp_path / "j.jsonl"
    session = open_session(path, sheet_for(loaded, "bch", 1))

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        await pilot.press("f2", "f3", "f4")
        await pilot.press(*"#9")
        await pilot.press("f4")  # with a serial typed first
        assert line_value(app) == ""

    drive(session, body)
    assert ballots(path) == {
        "1": "!not_issued",
        "2": "!write_in",
        "3": "!marked",
        "9": "!marked",
    }


def test_undo(tmp_path: Path, loaded: LoadedElection) -> None:
    path = tmp_path / "j.jsonl"
    session = open_session(path, sheet_for(loaded, "bch", 1))

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        await enter(pilot, "1 2")
        await enter(pilot, "3 4")
        await pilot.press("ctrl+z")
        assert ballots(path) == {"1": "1 2"}
        assert "Hoàn tác" in shown(app, "#log")
        await pilot.press("ctrl+z", "ctrl+z")
        assert ballots(path) == {}
        assert "không có gì để hoàn tác" in shown(app, "#log")

    drive(session, body)
    assert kinds(path).count("undo") == 2


def test_correction_with_ctrl_f(tmp_path: Path, loaded: LoadedElection) -> None:
    path = tmp_path / "j.jsonl"
    session = open_session(path, sheet_for(loaded, "bch", 1))

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        await enter(pilot, "1 2")
        await enter(pilot, "3 4")
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, FixScreen)
        await pilot.press("9")
        assert "chưa có phiếu #9" in str(app.screen.query_one("#fix-marks").render())
        await pilot.press("backspace", "1")
        assert "#1: 1 2" in str(app.screen.query_one("#fix-marks").render())
        await pilot.press("f2")  # no entry while the serial is asked for
        await pilot.press("enter")
        assert not isinstance(app.screen, FixScreen)
        assert line_value(app) == ":fix 1 1 2"
        await pilot.press("backspace", "backspace", "backspace", *"5 6")
        assert "#1: 1 2 → 5 6" in shown(app, "#preview")
        assert app.query_one(BallotView).struck == {5, 6}
        await pilot.press("enter")
        assert line_value(app) == ""
        # Esc leaves the line alone
        await pilot.press("ctrl+f", "2", "escape")
        assert line_value(app) == ""

    drive(session, body)
    assert ballots(path) == {"1": "5 6", "2": "3 4"}
    [fix] = entries(path, "correct")
    assert fix.fields["was"] == "1 2"


def test_pause_covers_the_screen_and_refuses_entry(tmp_path: Path, loaded: LoadedElection) -> None:
    path = tmp_path / "j.jsonl"
    session = open_session(path, sheet_for(loaded, "bch", 1))

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        await enter(pilot, "1 2")
        await pilot.press("ctrl+p")
        screen = app.screen
        assert isinstance(screen, PauseScreen)
        assert "TẠM DỪNG" in str(screen.query_one("#pause-title").render())
        assert not screen.query(BallotView)  # the ballot and the counts are hidden
        await pilot.press("f2", "ctrl+z", "ctrl+f")
        await enter(pilot, "3 4")
        assert "tạm dừng" in str(screen.query_one("#pause-msg").render())
        assert screen.query_one("#pause-line", Input).value == "3 4"
        assert ballots(path) == {"1": "1 2"}
        await enter(pilot, ":resume")
        assert not isinstance(app.screen, PauseScreen)
        await pilot.press("ctrl+p", "ctrl+p")  # pause and resume by the key
        assert not isinstance(app.screen, PauseScreen)
        await enter(pilot, "3 4")
        assert ballots(path) == {"1": "1 2", "2": "3 4"}

    drive(session, body)
    assert kinds(path).count("pause") == 2
    assert kinds(path).count("resume") == 2


def test_running_tally_hidden_until_ctrl_t(tmp_path: Path, loaded: LoadedElection) -> None:
    path = tmp_path / "j.jsonl"
    session = open_session(path, sheet_for(loaded, "bch", 1))

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        await enter(pilot, "1 2")
        ballot = app.query_one(BallotView)
        assert ballot.votes is None
        assert "Kết quả tạm tính: ẩn" in shown(app, "#counts")
        assert not re.search(r"Kim Anh +\d", shown(app, "#ballot"))
        await pilot.press("ctrl+t")
        assert ballot.votes == (0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1)
        assert re.search(r"Kim Anh +0", shown(app, "#ballot"))
        assert re.search(r"Huỳnh Thanh Dũng +1", shown(app, "#ballot"))
        assert "Kết quả tạm tính: đang hiện" in shown(app, "#counts")
        await pilot.press("ctrl+t")
        assert ballot.votes is None

    drive(session, body)
    assert kinds(path)[-2:] == ["show_tally", "hide_tally"]


def test_quit_writes_stop_and_counts_match_the_journal(
    tmp_path: Path, loaded: LoadedElection
) -> None:
    path = tmp_path / "j.jsonl"
    session = open_session(path, sheet_for(loaded, "bch", 1))

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        for line in ("1 2", "3 4", "5", "", "!m", "1 2 3 4 5 6 7 8 9 10 11", "", "6 7"):
            await enter(pilot, line)
        tally = load_state(path)[0].tally()
        assert (tally.collected, tally.valid, tally.invalid_total) == (6, 3, 3)
        counts = shown(app, "#counts")
        assert "Phiếu đã nhập 6 / 108 phát ra" in counts
        assert f"Hợp lệ {tally.valid} · Không hợp lệ {tally.invalid_total}" in counts
        assert "quá số lượng 1 · gạch hết 1 · đánh dấu 1" in counts
        assert "Vừa ghi #6: 6 7" in counts
        await pilot.press("ctrl+q")

    app = drive(session, body)
    assert app.return_code == 0
    assert kinds(path)[-1] == "stop"


def test_resumed_session_says_so(tmp_path: Path, loaded: LoadedElection) -> None:
    path = tmp_path / "j.jsonl"
    sheet = sheet_for(loaded, "bch", 1)
    first = open_session(path, sheet)
    assert first.submit("1 2").status == "committed"
    assert first.submit("3 4").status == "committed"
    first.close()  # a crash: no stop, and half a line at the end
    with path.open("ab") as f:
        f.write(b'{"seq":5,"kind":"ballot"')
    session = open_session(path, sheet, lang="en")

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        log = shown(app, "#log")
        assert "Resumed: 2 ballots already in the journal, last #2 (3 4)" in log
        assert "ATTENTION: the journal ended inside entry 5" in log
        assert "moved aside to j.jsonl.torn-1" in log
        assert "Ballots entered 2" in shown(app, "#counts")
        assert "Ballot #3" in shown(app, "#prompt")

    drive(session, body)
    assert (tmp_path / "j.jsonl.torn-1").read_bytes() == b'{"seq":5,"kind":"ballot"'


def test_agree_disagree_ballot(tmp_path: Path, loaded: LoadedElection) -> None:
    path = tmp_path / "j.jsonl"
    session = open_session(path, sheet_for(loaded, "bt", 1), lang="en")

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        assert "Agree / disagree ballot" in shown(app, "#header")
        ballot = app.query_one(BallotView)
        await pilot.press(*"/ 1")
        assert ballot.unmarked == {1}
        assert "INVALID" in shown(app, "#preview")
        await pilot.press("enter", "enter")
        await enter(pilot, "1")
        await enter(pilot, "0")

    drive(session, body)
    assert ballots(path) == {"1": "0 / 1", "2": "1", "3": "0"}


def test_a_failed_write_is_shown_and_the_line_kept(
    tmp_path: Path, loaded: LoadedElection, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "j.jsonl"
    session = open_session(path, sheet_for(loaded, "bch", 1))
    append = session.writer.append

    def disk_full(*args: object, **kwargs: object) -> Entry:
        raise OSError(errno.ENOSPC, "No space left on device")

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        monkeypatch.setattr(session.writer, "append", disk_full)
        await enter(pilot, "1 2")
        assert line_value(app) == "1 2"
        alert = shown(app, "#alert")
        assert "LỖI GHI NHẬT KÝ" in alert and "No space left on device" in alert
        assert "thử lại" in alert  # nothing reached the file: a retry is safe
        assert "✓" not in shown(app, "#log")
        assert "ballot" not in kinds(path)
        monkeypatch.setattr(session.writer, "append", append)
        await pilot.press("enter")
        assert line_value(app) == ""
        assert shown(app, "#alert") == ""
        assert ballots(path) == {"1": "1 2"}

    drive(session, body)


def test_a_half_written_line_stops_all_writing(
    tmp_path: Path, loaded: LoadedElection, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "j.jsonl"
    session = open_session(path, sheet_for(loaded, "bch", 1))

    def torn(*args: object, **kwargs: object) -> Entry:
        with path.open("ab") as f:
            f.write(b'{"seq":2,')
        raise OSError(errno.EIO, "Input/output error")

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        await pilot.press(*"1")
        await pilot.press("enter")  # awaiting confirmation
        monkeypatch.setattr(session.writer, "append", torn)
        await pilot.press("enter")
        assert line_value(app) == "1"  # the consumed confirmation is given back as a line
        assert "thoát (Ctrl+Q)" in shown(app, "#alert")
        await pilot.press("enter")  # refused by the app: no write after a torn line
        await pilot.press("ctrl+q")  # and no 'stop' either

    drive(session, body)
    assert path.read_bytes().endswith(b'{"seq":2,')


def test_sixty_names_fit_80x24(tmp_path: Path, loaded: LoadedElection) -> None:
    base = sheet_for(loaded, "bch", 1)
    families = ["Nguyễn Thị", "Trần Văn", "Lê Hoàng", "Phạm Minh", "Võ Thị Kim"]
    names = tuple(
        f"{a} {b} {c}"
        for a, b, c in itertools.islice(
            itertools.product(families, ["Thanh", "Quốc", "Ngọc"], ["Anh", "Bảy", "Dũng", "Hằng"]),
            60,
        )
    )
    sheet = Sheet(
        base.election,
        "dh",
        "Bầu đại biểu đi dự Đại hội cấp trên",
        1,
        45,
        "strike",
        tuple(f"p{i}" for i in range(60)),
        names,
        base.invalidating,
        300,
    )
    session = open_session(tmp_path / "j.jsonl", sheet)

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        ballot = app.query_one(BallotView)
        text = shown(app, "#ballot")
        assert len(text.splitlines()) <= ballot.content_size.height
        assert all(len(line) <= ballot.content_size.width for line in text.splitlines())
        numbers = [int(n) for n in re.findall(r"(?<![\w.])(\d+)(?=[ ✗?])", text)]
        assert sorted(numbers) == list(range(1, 61))
        assert "Thoát" in str(app.screen.query_one("KeyHelp").render())
        await pilot.resize_terminal(160, 50)
        assert "Nguyễn Thị Thanh Anh" in shown(app, "#ballot")  # whole names when wide

    drive(session, body, size=(80, 24))


def test_fit_name_keeps_the_given_name() -> None:
    assert fit_name("Nguyễn Thị Kim Anh", 30) == "Nguyễn Thị Kim Anh"
    assert fit_name("Nguyễn Thị Kim Anh", 15) == "Nguyễn T.K. Anh"
    assert fit_name("Nguyễn Thị Kim Anh", 12) == "N.T.K. Anh"
    assert fit_name("Nguyễn Thị Kim Anh", 9) == "N.T.K.Anh"
    assert fit_name("Nguyễn Thị Kim Anh", 8) == "N.T.K.A…"
    assert fit_name("Trương Văn Quang", 5) == "T.V.…"
    assert fit_name("Anh", 0) == ""


def test_ballot_grid() -> None:
    assert ballot_grid(11, 20, fits=1) == (1, 11)  # one column, as printed
    assert ballot_grid(60, 12, fits=3) == (5, 12)  # 80×24: as many columns as needed
    assert ballot_grid(60, 40, fits=6) == (3, 20)  # wide and tall: short columns
    assert ballot_grid(60, 40, fits=1) == (2, 30)


def test_entry_past_the_collected_count_is_loud(tmp_path: Path, loaded: LoadedElection) -> None:
    """More ballots than the board collected: a bell, a red alert line, a log line (issue 12)."""
    import dataclasses

    sheet = dataclasses.replace(sheet_for(loaded, "bch", 1), collected=2)
    session = open_session(tmp_path / "j.jsonl", sheet, lang="en")

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        for ballot in ("1 2", "3 4"):
            await pilot.press(*ballot, "enter")
        assert "WARNING" not in shown(app, "#alert")
        await pilot.press(*"5 6", "enter")
        assert "WARNING: 3 ballots entered, more than the 2 collected" in shown(app, "#alert")
        assert "more than the 2 collected" in shown(app, "#log")

    drive(session, body)
