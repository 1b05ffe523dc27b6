"""``tally scan --review`` full screen: the same walk as the line mode, one page at a time.

The walk (what a typed line does, what is written) is :class:`tally.scan.review.ReviewWalk`;
this app only shows the page on screen, the answers, and reads the line.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from tally.findings import Lang
from tally.i18n import msg
from tally.scan.review import ReviewWalk, page_lines

LOG_LINES = 4


class ReviewApp(App[None]):
    """The walk over the pages still set aside (the caller closes the walk and the journal)."""

    TITLE = "tally scan --review"
    ENABLE_COMMAND_PALETTE = False
    CSS = """
    #page { height: 1fr; padding: 0 1; }
    #log { height: auto; max-height: 5; padding: 0 1; border-top: hkey $panel-lighten-2; }
    #help { height: auto; padding: 0 1; color: $text-muted; }
    #line { border: none; height: 1; padding: 0 1; background: $boost; }
    #line:focus { border: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_line", show=False),
    ]

    def __init__(self, walk: ReviewWalk, html: Path) -> None:
        super().__init__()
        self.walk = walk
        self.html = html
        self.lang: Lang = walk.lang
        self.messages: deque[str] = deque(maxlen=LOG_LINES)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="scroll"):
            yield Static(id="page", markup=False)
        yield Static(id="log", markup=False)
        yield Static(msg("scan.review_howto").text(self.lang), id="help", markup=False)
        yield Input(id="line", placeholder="2 5 · 0 · !w · skip · :q")

    def on_mount(self) -> None:
        self.show_page()
        self.query_one("#line", Input).focus()

    def show_page(self) -> None:
        view = self.walk.current
        if view is None:
            return
        self.query_one("#page", Static).update("\n".join(page_lines(view, self.html, self.lang)))
        self.query_one("#scroll", VerticalScroll).scroll_home(animate=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.value = ""
        answer = self.walk.answer(event.value)
        if answer.status == "quit":
            self.exit()
            return
        if answer.status in ("refused", "confirm"):
            self.bell()
        self.messages.append(answer.message)
        self.query_one("#log", Static).update("\n".join(self.messages))
        if self.walk.current is None:
            self.exit()
            return
        self.show_page()

    def action_clear_line(self) -> None:
        self.query_one("#line", Input).value = ""


def run_review_app(walk: ReviewWalk, html: Path) -> None:
    ReviewApp(walk, html).run()
