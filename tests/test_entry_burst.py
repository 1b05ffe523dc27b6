"""Keys that arrive in a burst are applied in order, and each Enter commits only its own line.

A terminal delivers keys typed while the app is busy (an fsync on a busy disk) together:
the driver reads them in one go and posts them to the app one after the other, without
the app getting a turn in between. These tests do the same: they post whole ballots as
key events without yielding, with the journal's fsync slowed on purpose, and compare the
journal on the disk line by line with what was typed.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from tally.config.loader import LoadedElection, load_election
from tally.entry import journal
from tally.entry.journal import read_journal
from tally.entry.session import EntrySession, Sheet, load_state, sheet_for
from tally.findings import Lang
from tally.tui.app import EntryApp, KeyHelp, PauseScreen
from test_entry_app import drive

ROOT = Path(__file__).resolve().parent.parent
NAMES = 55
SEATS = 53  # two names struck or more: valid, so short ballots are the likeliest to merge

# What a terminal driver posts for each character: (key, character).
CHARS: dict[str, tuple[str, str]] = {
    " ": ("space", " "),
    ".": ("full_stop", "."),
    "+": ("plus", "+"),
    "#": ("number_sign", "#"),
    "!": ("exclamation_mark", "!"),
    **{d: (d, d) for d in "0123456789"},
}
SPECIAL: dict[str, tuple[str, str | None]] = {
    "enter": ("enter", "\r"),
    "backspace": ("backspace", "\x7f"),
    "escape": ("escape", "\x1b"),
    "f2": ("f2", None),
    "f4": ("f4", None),
    "ctrl+z": ("ctrl+z", "\x1a"),
}


def keys(*parts: str) -> list[tuple[str, str | None]]:
    """Key events for text and named keys: keys("3 1", "enter") types 3, space, 1, Enter."""
    out: list[tuple[str, str | None]] = []
    for part in parts:
        out += [SPECIAL[part]] if part in SPECIAL else [CHARS[c] for c in part]
    return out


def burst(app: EntryApp, strokes: list[tuple[str, str | None]]) -> None:
    """Post every key at once, as the driver does with keys read while the app was busy."""
    for key, char in strokes:
        app.post_message(events.Key(key, char))


async def settle(app: EntryApp, pilot: Pilot[None], done: Callable[[], bool]) -> None:
    """Wait until ``done()``, or until nothing has moved for five seconds (a failure; a loaded
    machine can stall the app for a moment without anything being wrong)."""
    moved = time.monotonic()
    seen: object = None
    while not done() and time.monotonic() - moved < 5:
        now = (len(app.session.state.ballots), app.query_one("#line", Input).value)
        if now != seen:
            seen, moved = now, time.monotonic()
        await asyncio.sleep(0.002)


@pytest.fixture(scope="module")
def loaded() -> LoadedElection:
    return load_election(ROOT / "examples" / "xa-2025")


@pytest.fixture
def slow_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    fsync = journal.os.fsync

    def slow(fd: int) -> None:
        time.sleep(0.005)  # a busy disk: the app is blocked while keys keep coming
        fsync(fd)

    monkeypatch.setattr(journal.os, "fsync", slow)


def long_sheet(loaded: LoadedElection) -> Sheet:
    base = sheet_for(loaded, "bch", 1)
    return Sheet(
        base.election,
        "bch55",
        "Bầu Ban Chấp hành (55 người trong danh sách)",
        1,
        SEATS,
        "strike",
        tuple(f"p{i}" for i in range(1, NAMES + 1)),
        tuple(f"Ứng cử viên Số {i}" for i in range(1, NAMES + 1)),
        base.invalidating,
        600,
    )


def open_session(path: Path, sheet: Sheet) -> EntrySession:
    ticks = iter(range(10**6))
    return EntrySession.open(path, sheet, "Op", lambda: f"2025-06-14T08:00:{next(ticks)}", "vi")


def journal_ballots(path: Path) -> list[tuple[str, str]]:
    """(serial, marks) of every ballot line of the journal, in the order of the file."""
    state, _ = load_state(path)
    kinds = {e.kind for e in read_journal(path).entries}
    assert kinds <= {"open", "start", "ballot"}, kinds  # no undo, no correction: only ballots
    return [(serial, marks.text()) for serial, marks in state.ballots.items()]


def ballots_typed(rng: random.Random, n: int) -> Iterator[tuple[list[tuple[str, str | None]], str]]:
    """(keys, what the journal must hold) for n ballots an operator might type."""
    for _ in range(n):
        roll = rng.random()
        if roll < 0.04:
            key, reason = rng.choice((("f2", "!not_issued"), ("f4", "!marked")))
            yield keys(key), reason
            continue
        struck = rng.sample(range(1, NAMES + 1), 1 if roll < 0.1 else rng.randint(2, 5))
        sep = rng.choice((" ", " ", " ", ".", "+"))
        typed = sep.join(map(str, struck))
        strokes = keys(typed)
        if rng.random() < 0.1:  # a slip corrected at once
            strokes = keys(typed, "7", "backspace")
        strokes += keys("enter")
        if len(struck) == 1:  # keeps 54 of 53: invalid, committed by a second Enter
            strokes += keys("enter")
        yield strokes, " ".join(map(str, sorted(struck)))


def test_two_ballots_typed_in_one_burst(
    tmp_path: Path, loaded: LoadedElection, slow_fsync: None
) -> None:
    """The report: `3 1`⏎`1 4`⏎ typed fast recorded #2 and #3 both as `3 4 11`."""
    path = tmp_path / "j.jsonl"
    session = open_session(path, long_sheet(loaded))

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        burst(app, keys("5 6", "enter", "3 1", "enter", "1 4", "enter"))
        await settle(app, pilot, lambda: len(session.state.ballots) >= 3)
        await pilot.pause()
        assert app.query_one("#line", Input).value == ""

    drive(session, body)
    assert journal_ballots(path) == [("1", "5 6"), ("2", "1 3"), ("3", "1 4")]


def test_500_ballots_in_bursts_on_a_55_name_list(
    tmp_path: Path, loaded: LoadedElection, slow_fsync: None
) -> None:
    path = tmp_path / "j.jsonl"
    session = open_session(path, long_sheet(loaded))
    rng = random.Random(12)
    typed = list(ballots_typed(rng, 500))
    expected = [(str(i), text) for i, (_, text) in enumerate(typed, 1)]

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        sent = 0
        while sent < len(typed):
            size = rng.randint(1, 12)  # however many were typed while the disk was busy
            for strokes, _ in typed[sent : sent + size]:
                burst(app, strokes)
            sent += size
            target = min(sent, len(typed))
            await settle(app, pilot, lambda n=target: len(session.state.ballots) >= n)
        await pilot.pause()

    drive(session, body)
    assert journal_ballots(path) == expected


def test_keys_keep_their_order_across_the_fix_and_pause_screens(
    tmp_path: Path, loaded: LoadedElection, slow_fsync: None
) -> None:
    path = tmp_path / "j.jsonl"
    session = open_session(path, long_sheet(loaded))

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        burst(app, keys("5 6", "enter", "3 1", "enter"))
        # Ctrl+F, the serial and Enter, the marks edited and Enter: all typed ahead
        burst(app, [("ctrl+f", "\x06"), *keys("1", "enter")])
        burst(app, keys("backspace", "backspace", "backspace", "7 8", "enter"))
        # paused: the ballot typed after Ctrl+P is refused on the pause screen, kept there
        burst(app, [("ctrl+p", "\x10"), *keys("3 4", "enter")])
        await settle(app, pilot, lambda: isinstance(app.screen, PauseScreen))
        await settle(app, pilot, lambda: app.screen.query_one("#pause-line", Input).value != "")
        assert app.screen.query_one("#pause-line", Input).value == "3 4"
        burst(app, [*keys("escape"), ("ctrl+p", "\x10"), *keys("3 4", "enter")])
        await settle(app, pilot, lambda: len(session.state.ballots) >= 3)
        await pilot.pause()
        assert app.query_one("#line", Input).value == ""

    drive(session, body)
    state, _ = load_state(path)
    assert {s: m.text() for s, m in state.ballots.items()} == {"1": "7 8", "2": "1 3", "3": "3 4"}
    kinds = [e.kind for e in read_journal(path).entries]
    assert kinds[2:] == ["ballot", "ballot", "correct", "pause", "resume", "ballot"]


@pytest.mark.parametrize(
    ("lang", "hint", "quit_"),
    [("vi", "Esc: xoá dòng", "Thoát"), ("en", "Esc: clear the line", "Quit")],
)
def test_a_refused_line_rings_turns_red_and_esc_clears_it(
    tmp_path: Path, loaded: LoadedElection, lang: Lang, hint: str, quit_: str
) -> None:
    path = tmp_path / "j.jsonl"
    session = EntrySession.open(path, long_sheet(loaded), "Op", lambda: "2025-06-14T08:00", lang)
    rings: list[None] = []

    async def body(app: EntryApp, pilot: Pilot[None]) -> None:
        app.bell = lambda: rings.append(None)  # type: ignore[method-assign]
        line = app.query_one("#line", Input)
        burst(app, keys("63", "enter", "5 6"))  # 63 of 55: refused; what follows joins it
        await settle(app, pilot, lambda: line.value == "635 6")
        await pilot.pause()
        assert rings == [None]
        assert line.has_class("-refused")
        assert hint in str(app.query_one("#preview").render())
        footer = str(app.query_one(KeyHelp).render())
        assert "Esc" in footer and quit_ in footer and len(footer) <= 80
        burst(app, keys("escape", "5 6", "enter"))
        await settle(app, pilot, lambda: len(session.state.ballots) >= 1)
        await pilot.pause()
        assert line.value == "" and not line.has_class("-refused")

    drive(session, body, size=(80, 24))
    assert journal_ballots(path) == [("1", "5 6")]


def test_a_key_that_comes_while_the_app_closes_is_dropped_not_a_crash(
    tmp_path: Path, loaded: LoadedElection
) -> None:
    # Keys typed in a burst can still be queued when the app closes (or before its first
    # screen): with no screen on the stack there is no line to type into. Seen as textual's
    # "No screens on stack" raised from on_event under a loaded machine.
    path = tmp_path / "j.jsonl"
    session = open_session(path, long_sheet(loaded))
    app = EntryApp(session)
    before = path.read_bytes()
    for event in (events.Key("5", "5"), events.Key("enter", None), events.Paste("1 2")):
        asyncio.run(app.on_event(event))
    assert path.read_bytes() == before  # nothing typed, nothing written
