"""The full-screen ballot entry app: the ballot as printed, one input line, running counts.

The app keeps no ballots of its own. Every line goes to :meth:`EntrySession.submit`, which
writes and fsyncs the journal before it answers "committed"; the screen says a ballot is in
only after that answer. Everything shown is read back from the session after each action,
so the screen and the journal cannot drift apart.

Layout, top to bottom (a 60-name ballot fits 80×24):

- two header lines: contest, round, seats, ballot layout; election, operator, journal;
- the ballot as printed, in as few columns as fit the height (more on wide, short
  terminals); the positions being typed are shown struck (✗) or unusable (?), and the votes
  beside the names when the board has chosen to show the running tally;
- the counts (entered against collected, valid, invalid by reason, the last ballot) beside
  a log of the last messages;
- an alert line while a ballot awaits its second Enter, or after a write failed;
- instant feedback on the line being typed, the input line, the keys.

Keys are applied one at a time, in the order they arrived, by the app itself
(:meth:`EntryApp.on_event`): textual would hand printable keys to the input line and send
Enter round the app, so keys typed while a ballot was being written (an fsync on a busy
disk) reached the line before the Enter typed ahead of them. Here Enter commits the line
and clears it before the next key is looked at; keys typed meanwhile wait in the queue.
"""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Callable, Sequence
from typing import ClassVar, Literal

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from tally.ballots.figures import Tally
from tally.count import Layout
from tally.entry.session import (
    EntrySession,
    Marks,
    Outcome,
    PreviewKind,
    Status,
    judge,
)
from tally.findings import Lang
from tally.i18n import MESSAGES, msg
from tally.labels import REASON, tr

Tone = Literal["ok", "info", "warn", "error", "muted"]

TONE_STYLE: dict[Tone, str] = {
    "ok": "$text-success",
    "info": "$text-primary",
    "warn": "bold $text-warning",
    "error": "bold $text-error",
    "muted": "$text-muted",
}

PREVIEW_TONE: dict[PreviewKind, Tone] = {
    "none": "muted",
    "valid": "ok",
    "invalid": "warn",  # a ballot the count will find invalid
    "error": "error",  # not a ballot at all: Enter refuses it
}

STATUS_TONE: dict[Status, Tone] = {
    "committed": "ok",
    "done": "info",
    "refused": "error",
    "confirm": "warn",
    "quit": "info",
}

# Each key: (long name, short name, the ids of its labels from the longest to the shortest).
# The footer uses the longest that fits: the short set fits 80 columns in both languages.
Key = tuple[str, str, tuple[str, str, str]]


def _labels(name: str) -> tuple[str, str, str]:
    return (f"tui.key.{name}", f"tui.key.{name}.short", f"tui.key.{name}.shortest")


KEYS: tuple[Key, ...] = (
    ("F2", "F2", _labels("not_issued")),
    ("F3", "F3", _labels("write_in")),
    ("F4", "F4", _labels("marked")),
    ("Esc", "Esc", _labels("clear")),
    ("Ctrl+Z", "^Z", _labels("undo")),
    ("Ctrl+F", "^F", _labels("fix")),
    ("Ctrl+P", "^P", _labels("pause")),
    ("Ctrl+T", "^T", _labels("tally")),
    ("Ctrl+Q", "^Q", _labels("quit")),
)
RESUME_KEYS: tuple[Key, ...] = (("Ctrl+P", "^P", _labels("resume")), KEYS[-1])
# (long key names?, label set, between a key and its label), tried in order; the last, keys
# run into their labels as in htop's footer ("^ZHoàn tác"), fits 80 columns in both languages
KEY_TIERS: tuple[tuple[bool, int, str], ...] = (
    (True, 0, " "),
    (True, 1, " "),
    (False, 1, " "),
    (False, 2, " "),
    (False, 2, ""),
)

LOG_LINES = 5
_SERIAL_ONLY = re.compile(r"#\S+")


def short_reason(reason: str, lang: Lang) -> str:
    """An invalid reason in the few words the counts line has room for."""
    mid = f"tui.reason.{reason}"
    return msg(mid).text(lang) if mid in MESSAGES else tr(REASON, reason, lang)


def layout_label(layout: Layout, lang: Lang) -> str:
    if layout == "strike":
        return msg("tui.strike_out_ballot").text(lang)
    if layout == "agree_disagree":
        return msg("tui.agree_disagree_ballot").text(lang)
    raise AssertionError(layout)


def fit_name(name: str, width: int) -> str:
    """A name in ``width`` cells: middle names to initials first, the given name kept whole.

    "Nguyễn Thị Kim Anh" → "Nguyễn T.K. Anh" → "N.T.K. Anh" → "N.T.K.Anh" → "N.T.K.A…".
    Vietnamese people go by the given name (the last word), so it is the last to be cut.
    """
    if width <= 0:
        return ""
    parts = name.split()
    initials = "".join(p[0] + "." for p in parts[:-1])
    candidates = [name]
    if len(parts) >= 3:
        candidates.append(f"{parts[0]} {''.join(p[0] + '.' for p in parts[1:-1])} {parts[-1]}")
    if len(parts) >= 2:
        candidates += [f"{initials} {parts[-1]}", f"{initials}{parts[-1]}"]
    for candidate in candidates:
        if len(candidate) <= width:
            return candidate
    return candidates[-1][: width - 1] + "…"


def ballot_grid(n: int, height: int, fits: int, comfortable: int = 20) -> tuple[int, int]:
    """(columns, rows) for ``n`` names in ``height`` rows, ``fits`` full-width columns.

    The fewest columns whose rows fit the height (a short list stays one column, as
    printed); a long list on a wide screen gets more columns, to keep each column short.
    """
    height = max(height, 1)
    columns = max(1, -(-n // height))
    if fits > columns:
        columns = min(fits, max(columns, -(-n // comfortable)))
    return columns, -(-max(n, 1) // columns)


def two_sided(left: str, right: str, width: int, left_style: str, right_style: str) -> Content:
    """One line: ``left`` cut to leave ``right`` whole at the right edge."""
    room = width - len(right) - 1
    if room < 8:  # too narrow for both: the right side yields
        return Content.assemble((fit_text(left, width), left_style))
    return Content.assemble(
        (fit_text(left, room).ljust(room), left_style), " ", (right, right_style)
    )


def fit_text(text: str, width: int) -> str:
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: width - 1] + "…"


class HeaderBar(Widget):
    """What is being entered, by whom, into which journal."""

    DEFAULT_CSS = """
    HeaderBar { height: 2; background: $panel; padding: 0 1; }
    """

    def __init__(self, session: EntrySession) -> None:
        super().__init__(id="header")
        self.session = session

    def render(self) -> Content:
        session, sheet, lang = self.session, self.session.sheet, self.session.lang
        width = self.content_size.width
        facts = " · ".join(
            (
                f"{msg('tui.round').text(lang)} {sheet.round}",
                f"{msg('tui.seats').text(lang)} {sheet.seats}",
                layout_label(sheet.layout, lang),
            )
        )
        who = (
            f"{msg('tui.operator').text(lang)}: {session.operator} · "
            f"{msg('tui.journal').text(lang)}: {session.writer.path.name}"
        )
        return Content("\n").join(
            (
                two_sided(sheet.title, facts, width, "bold", "bold $text-accent"),
                two_sided(sheet.election, who, width, "$text-muted", ""),
            )
        )


class BallotView(Widget):
    """The ballot as printed: positions and names, in columns that fit the screen."""

    DEFAULT_CSS = """
    BallotView { height: 1fr; padding: 0 1; }
    """

    def __init__(self, names: Sequence[str], layout: Layout, lang: Lang) -> None:
        super().__init__(id="ballot")
        self.names = tuple(names)
        self.ballot_layout = layout
        self.lang = lang
        self.struck: frozenset[int] = frozenset()
        self.unmarked: frozenset[int] = frozenset()
        self.votes: tuple[int, ...] | None = None  # shown only when the board allows

    def show(
        self, struck: Sequence[int], unmarked: Sequence[int], votes: Sequence[int] | None
    ) -> None:
        self.struck, self.unmarked = frozenset(struck), frozenset(unmarked)
        self.votes = tuple(votes) if votes is not None else None
        self.refresh()

    def legend(self) -> str:
        lang = self.lang
        if self.ballot_layout == "strike":
            text = msg("tui.ballot_name_struck_out").text(lang)
        else:
            text = msg("tui.ballot_disagree_both_boxes").text(lang)
        if self.votes is not None:
            text += msg("tui.right_running_tally").text(lang)
        return text

    def render(self) -> Content:
        names, n = self.names, len(self.names)
        width, height = self.content_size.width, self.content_size.height
        digits = len(str(n))
        vote_width = len(str(max(self.votes, default=0))) + 1 if self.votes is not None else 0
        natural = digits + 1 + max((len(x) for x in names), default=0) + vote_width
        columns, rows = ballot_grid(n, height, max(1, (width + 2) // (natural + 2)))
        gap = 2 if columns * (natural + 2) - 2 <= width else 1
        cell = max(digits + 2, min(natural, (width - gap * (columns - 1)) // columns))
        name_width = cell - digits - 1 - vote_width
        margin = " " * max(0, (width - columns * (cell + gap) + gap) // 2)
        lines: list[Content] = []
        if height >= rows + 2:  # room for the heading, as on the paper
            legend = fit_text(self.legend(), width)
            lines += [Content.styled(legend.center(width).rstrip(), "bold $text-muted"), Content()]
        for r in range(rows):
            parts: list[str | tuple[str, str]] = [margin]
            for c in range(columns):
                i = c * rows + r
                if i >= n:
                    break
                pos = i + 1
                if c:
                    parts.append(" " * gap)
                if pos in self.struck:
                    mark, style = "✗", "strike $text-error on $error-muted"
                elif pos in self.unmarked:
                    mark, style = "?", "$text-warning on $warning-muted"
                else:
                    mark, style = " ", ""
                name = fit_name(names[i], name_width)
                parts += [
                    (f"{pos:>{digits}}", "$text-muted"),
                    (mark, style.replace("strike ", "bold ")),
                    (name, style),
                    " " * (name_width - len(name)),
                ]
                if self.votes is not None:
                    parts.append((f"{self.votes[i]:>{vote_width}}", "bold $text-accent"))
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines)


class KeyHelp(Widget):
    """The keys, with names and labels as long as the width allows."""

    DEFAULT_CSS = """
    KeyHelp { height: 1; background: $footer-background; }
    """

    def __init__(self, lang: Lang, keys: Sequence[Key] = KEYS) -> None:
        super().__init__()
        self.lang = lang
        self.keys = keys

    def render(self) -> Content:
        width = self.content_size.width
        line = Content()
        for long_names, labels, space in KEY_TIERS:
            for gap in ("  ", " "):
                parts: list[str | tuple[str, str]] = []
                for long_key, short_key, texts in self.keys:
                    if parts:
                        parts.append(gap)
                    key = long_key if long_names else short_key
                    parts += [(key, "bold reverse"), f"{space}{msg(texts[labels]).text(self.lang)}"]
                line = Content.assemble(*parts)
                if line.cell_length <= width:
                    return line
        return line


class EntryLine(Input):
    """An input line whose Enter is acted on at once, before the next key is applied.

    Textual's Input posts a message on Enter and lets the screen act on it later, after
    the keys already waiting; here ``on_enter`` runs while the Enter is being applied.
    """

    DEFAULT_CSS = """
    EntryLine.-refused { background: $error-muted; color: $text-error; text-style: bold; }
    """

    def __init__(
        self,
        on_enter: Callable[[EntryLine], None],
        *,
        placeholder: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.on_enter = on_enter

    async def action_submit(self) -> None:
        self.on_enter(self)

    def clear_line(self) -> None:
        self.value = ""
        self.cursor_position = 0
        self.remove_class("-refused")

    def refused(self) -> None:
        """Red until the refused text is gone (the app rings the bell)."""
        self.add_class("-refused")

    def watch_value(self, value: str) -> None:
        if not value:
            self.remove_class("-refused")


class PauseScreen(Screen[None]):
    """Covers the ballot and the counts; the only thing to do is to resume (or quit)."""

    DEFAULT_CSS = """
    PauseScreen { align: center middle; }
    PauseScreen #pause-box {
        width: 60; max-width: 100%; height: auto; border: heavy $warning;
        padding: 1 2; background: $panel;
    }
    PauseScreen #pause-title { width: 100%; text-align: center; text-style: bold; color: $text-warning; }
    PauseScreen #pause-hint { width: 100%; text-align: center; margin: 1 0; }
    PauseScreen #pause-line { border: none; height: 1; padding: 0 1; background: $boost; }
    PauseScreen #pause-msg { width: 100%; height: auto; }
    PauseScreen KeyHelp { dock: bottom; }
    """

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="pause-box"):
            yield Static(msg("tui.paused").text(self.lang), id="pause-title")
            yield Static(msg("tui.paused_hint").text(self.lang), id="pause-hint")
            yield EntryLine(self.enter_line, placeholder=":resume", id="pause-line")
            yield Static("", id="pause-msg")
        yield KeyHelp(self.lang, RESUME_KEYS)

    def enter_line(self, line: EntryLine) -> None:
        app = self.app
        assert isinstance(app, EntryApp)
        outcome = app.run_line(line.value)
        if outcome is not None and outcome.status == "refused":
            self.say(outcome.message, "error")
            line.refused()
        elif outcome is not None:
            line.clear_line()

    def say(self, message: str, tone: Tone) -> None:
        self.query_one("#pause-msg", Static).update(Content.styled(message, TONE_STYLE[tone]))


class FixScreen(ModalScreen[str | None]):
    """Asks for the serial of the ballot to correct and shows what it holds now."""

    DEFAULT_CSS = """
    FixScreen { align: center middle; }
    FixScreen #fix-box {
        width: 64; max-width: 100%; height: auto; border: thick $accent;
        padding: 0 1; background: $panel;
    }
    FixScreen #fix-title { text-style: bold; }
    FixScreen #fix-serial { border: none; height: 1; padding: 0 1; background: $boost; margin: 1 0 0 0; }
    FixScreen #fix-marks { height: auto; margin: 1 0 0 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(self, session: EntrySession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        lang = self.session.lang
        with Vertical(id="fix-box"):
            yield Static(msg("tui.fix_title").text(lang), id="fix-title")
            yield Static(Content.styled(msg("tui.fix_hint").text(lang), "$text-muted"))
            yield EntryLine(
                self.enter_line, placeholder=msg("tui.fix_placeholder").text(lang), id="fix-serial"
            )
            yield Static("", id="fix-marks")

    def _found(self, text: str) -> tuple[str, Marks | None]:
        serial = text.strip().lstrip("#").strip()
        return serial, self.session.state.ballots.get(serial)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        serial, marks = self._found(event.value)
        out = self.query_one("#fix-marks", Static)
        if not serial:
            out.update("")
        elif marks is None:
            out.update(Content.styled(self._missing(serial), TONE_STYLE["error"]))
        else:
            sheet, lang = self.session.sheet, self.session.lang
            out.update(
                Content.assemble(
                    (f"#{serial}: {marks.text()}", "bold"),
                    f" — {judge(marks, sheet).text(sheet, lang)}",
                )
            )

    def enter_line(self, line: EntryLine) -> None:
        serial, marks = self._found(line.value)
        if marks is not None:
            self.dismiss(serial)
        elif serial:
            line.refused()
            self.app.bell()
            self.query_one("#fix-marks", Static).update(
                Content.styled(self._missing(serial), TONE_STYLE["error"])
            )

    def _missing(self, serial: str) -> str:
        return msg("tui.no_ballot_yet", serial=serial).text(self.session.lang)

    def action_cancel(self) -> None:
        self.dismiss(None)


class EntryApp(App[None]):
    """Ballot entry for one open :class:`EntrySession` (the caller opens and closes it)."""

    TITLE = "tally enter"
    ENABLE_COMMAND_PALETTE = False  # frees Ctrl+P for pause
    CSS = """
    #bottom { height: 5; }
    #counts { width: 40; padding: 0 1; }
    #log { width: 1fr; padding: 0 1; border-left: vkey $panel-lighten-2; }
    #counts, #log, #preview { text-wrap: nowrap; text-overflow: ellipsis; }
    #alert { display: none; height: auto; padding: 0 1; text-style: bold; }
    #alert.-error { display: block; background: $error; color: $text; }
    #preview { height: 1; padding: 0 1; }
    #preview.-pending { background: $warning-muted; color: $text-warning; text-style: bold; }
    #entry { height: 1; background: $boost; }
    #prompt { width: auto; padding: 0 1; text-style: bold; background: $primary-muted; }
    #entry.-pending #prompt { background: $warning; color: $text; }
    #line { border: none; height: 1; padding: 0 1; width: 1fr; }
    #line:focus { border: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "reason('n')", show=False, priority=True),
        Binding("f3", "reason('w')", show=False, priority=True),
        Binding("f4", "reason('m')", show=False, priority=True),
        Binding("ctrl+z", "line(':undo')", show=False, priority=True),
        Binding("ctrl+f", "fix", show=False, priority=True),
        Binding("ctrl+p", "pause", show=False, priority=True),
        Binding("ctrl+t", "line(':tally')", show=False, priority=True),
        # Not a priority: on the Ctrl+F screen, Esc is its own 'cancel'.
        Binding("escape", "clear_line", show=False),
        # Ctrl+Q is textual's own quit binding; action_quit below makes it ':quit'.
    ]

    def __init__(self, session: EntrySession) -> None:
        super().__init__()
        self.session = session
        self.lang: Lang = session.lang
        self.messages: deque[tuple[str, Tone]] = deque(maxlen=LOG_LINES)
        self.error: str | None = None  # the last write failure, until an action succeeds
        self.halted = False  # a failed write may have left a partial line: no more writes
        self.pending_message = ""
        self.pause_screen: PauseScreen | None = None
        self.ready = False  # set once mounted: the widgets exist
        # The count of the ballots so far, by the journal's last ballot, correction or undo:
        # counted again after each of those, not after each key (a key must stay cheap when
        # hundreds of ballots are in, or the app falls behind the typist).
        self._counted: tuple[tuple[int, int | None], Tally] | None = None

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        sheet = self.session.sheet
        yield HeaderBar(self.session)
        yield BallotView(sheet.names, sheet.layout, self.lang)
        with Horizontal(id="bottom"):
            yield Static(id="counts")
            yield Static(id="log")
        yield Static(id="alert")
        yield Static(id="preview")
        with Horizontal(id="entry"):
            yield Label(id="prompt")
            yield EntryLine(
                self.enter_line, id="line", placeholder="3 5 12 · 0 · !m · #17 3 5 · :fix 17 3 5"
            )
        yield KeyHelp(self.lang)

    def on_mount(self) -> None:
        session = self.session
        if session.resumed:
            n = len(session.state.ballots)
            last = session.state.last
            tail = (
                f", {msg('tui.last_ballot').text(self.lang)} #{last[0]} ({last[1].text()})"
                if last
                else ""
            )
            self.log_message(
                msg("tui.resumed_one" if n == 1 else "tui.resumed", n=n, tail=tail).text(self.lang),
                "info",
            )
        else:
            self.log_message(
                msg("tui.new_journal").text(self.lang) + session.writer.path.name, "info"
            )
        if note := session.torn_note():
            self.log_message(note, "error")
        self.ready = True
        self.main.query_one("#line", Input).focus()
        self.refresh_view()

    @property
    def main(self) -> Screen[object]:
        """The entry screen (queried even while the pause or the fix screen is on top)."""
        return self.screen_stack[0]

    # -- acting on a line --------------------------------------------------------------------

    def run_line(self, text: str) -> Outcome | None:
        """Submit one line; None if the session raised (the error is on the screen)."""
        session = self.session
        if self.halted:
            self.show_error(msg("tui.halted").text(self.lang))
            return None
        pending = session.pending
        size = self._journal_size()
        try:
            outcome = session.submit(text)
        except Exception as exc:  # a full disk, a pulled USB stick, a bug: say it, keep the line
            self._failed(exc, size, text, pending)
            return None
        if outcome.entry is not None:  # the journal took a write: the failure is over
            self.error = None
        if outcome.status == "refused":
            self.bell()
        excess = session.excess() if outcome.status == "committed" else None
        self.pending_message = outcome.message if outcome.status == "confirm" else ""
        self.log_message(outcome.message, STATUS_TONE[outcome.status])
        if excess is not None:  # more ballots than paper: loud, every time
            self.bell()
            self.log_message(excess, "error")
        if outcome.status == "quit":
            self.exit()
            return outcome
        self.refresh_view()
        if self.pause_screen is not None and outcome.status == "refused":
            self.pause_screen.say(outcome.message, "error")
        return outcome

    def _journal_size(self) -> int | None:
        try:
            return os.stat(self.session.writer.path).st_size
        except OSError:
            return None

    def _failed(self, exc: Exception, size: int | None, text: str, pending: str | None) -> None:
        detail = f"{type(exc).__name__}: {exc}"
        after = self._journal_size()
        # A retry is safe only if nothing reached the file: a partial line followed by a
        # whole one would break the journal in the middle, not at its (recoverable) end.
        self.halted = size is None or after != size
        advice = msg("tui.halted" if self.halted else "tui.retry").text(self.lang)
        message = f"{msg('tui.write_failed').text(self.lang)}: {detail} — {advice}"
        self.log_message(message, "error")
        self.show_error(message)
        line = self.main.query_one("#line", Input)
        if not text.strip() and pending is not None and not line.value:
            line.value = pending  # the confirmation was consumed: keep the line to retry
        self.refresh_view()

    def show_error(self, message: str) -> None:
        self.error = message
        self.refresh_view()
        if self.pause_screen is not None:
            self.pause_screen.say(message, "error")

    def log_message(self, message: str, tone: Tone) -> None:
        self.messages.append((message, tone))
        if self.ready:
            self._show_log()

    def enter_line(self, line: EntryLine) -> None:
        """Enter on the main line: act on exactly what it holds, then empty it."""
        outcome = self.run_line(line.value)
        if outcome is not None and outcome.status in ("committed", "done", "confirm"):
            line.clear_line()
        elif outcome is not None and outcome.status == "refused":
            line.refused()
        self.refresh_view()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "line":
            self.refresh_view()

    # -- keys --------------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Apply each key to the focused line here, one at a time, in the order they came.

        Textual would check the app's keys (F2…) here but post the others to the line and
        let Enter travel up to the app, so a key typed after Enter could reach the line
        before the Enter was acted on. Here a key is done with, an Enter's ballot written and
        its line emptied, before the next key is taken from the queue.
        """
        typed = isinstance(event, (events.Key, events.Paste))
        if typed and not self.screen_stack:
            return  # before the first screen or while closing: there is no line to type into
        line = self.focused if typed else None
        if isinstance(event, events.Key) and not event.is_forwarded and isinstance(line, Input):
            self.app_focus = True
            await self.type_key(line, event)
        elif isinstance(event, events.Paste) and not event.is_forwarded and isinstance(line, Input):
            if event.text:  # the first line, as Input does, but in order with the keys
                line.insert_text_at_cursor(event.text.splitlines()[0])
        else:
            await super().on_event(event)

    async def type_key(self, line: Input, event: events.Key) -> None:
        # textual's binding chain, as it runs it: the app's priority keys (F2, Ctrl+Z…), then
        # the line's own (Backspace, Enter…), its screen's and the app's other keys
        if await self._check_bindings(event.key, priority=True):
            return
        if event.is_printable and event.character is not None:
            if line.selection.is_empty:
                line.insert_text_at_cursor(event.character)
            else:
                line.replace(event.character, *line.selection)
            return
        await self._check_bindings(event.key)

    def action_clear_line(self) -> None:
        """Esc: empty the line being typed (a refused one, or one to start again)."""
        line = self.focused
        if isinstance(line, EntryLine) and line.id in ("line", "pause-line"):
            line.clear_line()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the serial is asked for, only pause and quit act on the journal.
        return not (isinstance(self.screen, FixScreen) and action in ("reason", "line", "fix"))

    def action_reason(self, code: str) -> None:
        """F2/F3/F4: this ballot is invalid as seen on paper; committed at once."""
        line = self.main.query_one("#line", Input)
        typed = line.value.strip()
        text = f"{typed} !{code}" if _SERIAL_ONLY.fullmatch(typed) else f"!{code}"
        outcome = self.run_line(text)
        if outcome is not None and outcome.status == "committed":
            line.value = ""

    def action_line(self, text: str) -> None:
        self.run_line(text)

    def action_pause(self) -> None:
        self.run_line(":resume" if self.session.state.paused else ":pause")

    def action_fix(self) -> None:
        if self.session.state.paused:
            self.show_refusal(msg("tui.paused_refuse").text(self.lang))
            return
        self.push_screen(FixScreen(self.session), self._fix_chosen)

    def _fix_chosen(self, serial: str | None) -> None:
        if serial is None or serial not in self.session.state.ballots:
            return
        line = self.main.query_one("#line", Input)
        line.value = f":fix {serial} {self.session.state.ballots[serial].text()}"
        line.cursor_position = len(line.value)
        line.focus()

    def show_refusal(self, message: str) -> None:
        self.bell()
        self.log_message(message, "error")
        if self.pause_screen is not None:
            self.pause_screen.say(message, "error")

    async def action_quit(self) -> None:
        if self.halted:  # no more writes: the journal is checked when it is opened again
            self.log_message(msg("tui.halted_quit").text(self.lang), "warn")
            self.exit()
            return
        self.run_line(":quit")

    def action_help_quit(self) -> None:
        """Ctrl+C (textual's hint, in the operator's language)."""
        self.log_message(
            msg("tui.ctrl_q_quit_every").text(self.lang),
            "info",
        )

    # -- what the screen shows ---------------------------------------------------------------

    def refresh_view(self) -> None:
        if not self.ready or not self.screen_stack:  # not mounted yet, or shutting down
            return
        self._sync_pause()
        session, lang = self.session, self.lang
        state = session.state
        line = self.main.query_one("#line", Input)
        text = line.value
        tally = self.tally()

        # The ballot: what is being typed, else the ballot awaiting its second Enter.
        shown = text if text.strip() else (session.pending or "")
        struck, unmarked, tone, message = self._feedback(shown)
        self.main.query_one(BallotView).show(
            struck, unmarked, tally.votes if state.tally_shown else None
        )
        # Under it: the feedback on the line, or the ballot awaiting its second Enter.
        awaiting = session.pending is not None and not text.strip()
        preview = self.main.query_one("#preview", Static)
        preview.set_class(awaiting, "-pending")
        if awaiting:
            preview.update("⚠ " + (self.pending_message or session.preview("").message))
        else:
            if line.has_class("-refused"):
                message = f"{message} · {msg('tui.clear_hint').text(lang)}"
            preview.update(Content.styled(message, TONE_STYLE[tone]) if message else "")
        self.main.query_one("#entry", Horizontal).set_class(awaiting, "-pending")
        alert = self.main.query_one("#alert", Static)
        loud = self.error or session.excess()  # a failed write, or more ballots than paper
        alert.set_class(loud is not None, "-error")
        alert.update(loud or "")

        prompt = self.main.query_one("#prompt", Label)
        if awaiting:
            prompt.update(msg("tui.confirm_prompt").text(lang))
        else:
            prompt.update(f"{msg('tui.ballot').text(lang)} #{state.next_serial()} ›")
        self._show_counts(tally)
        self._show_log()

    def tally(self) -> Tally:
        actions = self.session.state.actions
        key = (len(actions), actions[-1][2] if actions else None)
        if self._counted is None or self._counted[0] != key:
            self._counted = (key, self.session.state.tally())
        return self._counted[1]

    def _show_counts(self, tally: Tally) -> None:
        """Entered against collected (or issued), valid, invalid by reason, the last ballot."""
        session, lang = self.session, self.lang
        state = session.state
        entered = len(state.ballots)
        target = ""
        if session.sheet.collected is not None:
            target = f" / {session.sheet.collected} {msg('tui.collected').text(lang)}"
        elif session.sheet.issued is not None:
            target = f" / {session.sheet.issued} {msg('tui.issued').text(lang)}"
        reasons = " · ".join(f"{short_reason(r, lang)} {k}" for r, k in tally.invalid.items() if k)
        last = state.last
        last_text = (
            f"#{last[0]}: {last[1].text()} — {judge(last[1], session.sheet).text(session.sheet, lang)}"
            if last is not None
            else msg("tui.none_yet").text(lang)
        )
        counts = (
            Content.assemble(
                (f"{msg('tui.entered').text(lang)} ", "bold"),
                (f"{entered}", "bold $text-accent"),
                target,
            ),
            Content.assemble(
                f"{msg('tui.valid').text(lang)} ",
                (str(tally.valid), "bold $text-success"),
                f" · {msg('tui.invalid').text(lang)} ",
                (str(tally.invalid_total), "bold $text-error" if tally.invalid_total else "bold"),
            ),
            Content.styled(f"  {reasons}" if reasons else "", "$text-muted"),
            Content.assemble(f"{msg('tui.last').text(lang)} ", (last_text, "bold")),
            Content.assemble(
                f"{msg('tui.tally').text(lang)}: ",
                (
                    msg("tui.tally_shown" if state.tally_shown else "tui.tally_hidden").text(lang),
                    "bold $text-accent" if state.tally_shown else "$text-muted",
                ),
            ),
        )
        self.main.query_one("#counts", Static).update(Content("\n").join(counts))

    def _show_log(self) -> None:
        lines = [Content.styled(m, TONE_STYLE[tone]) for m, tone in self.messages]
        self.main.query_one("#log", Static).update(Content("\n").join(lines))

    def _feedback(self, text: str) -> tuple[tuple[int, ...], tuple[int, ...], Tone, str]:
        """Positions to show struck and unusable, and the message, for a typed line."""
        preview = self.session.preview(text)
        return preview.struck, preview.unmarked, PREVIEW_TONE[preview.kind], preview.message

    def _sync_pause(self) -> None:
        paused = self.session.state.paused
        if paused and self.pause_screen is None:
            self.pause_screen = PauseScreen(self.lang)
            self.push_screen(self.pause_screen)
        elif not paused and self.pause_screen is not None:
            screen, self.pause_screen = self.pause_screen, None
            if self.screen is screen:  # nothing can open above it: Ctrl+F is refused
                self.pop_screen()


def run_app(session: EntrySession) -> None:
    """Run the entry app full screen until the operator quits (the caller closes the session)."""
    EntryApp(session).run()
