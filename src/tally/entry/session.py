"""Ballot entry: what the operator types → journal entries → the ballots entered so far.

One state machine serves the full-screen app, the line mode and the tests. Every ballot is
judged by the same code the count uses (:func:`tally.count.classify`), and the running
figures are the count itself (:func:`tally.count.count_rows` over the entered ballots), so
what the screen shows is what ``tally count`` will find.

What the operator types (one line per ballot; the app binds keys to the same commands):

- ``3 5 12``: the positions struck out (separated by spaces, ``.``, ``,`` or ``+``, so the
  numeric keypad is enough); ``0`` for a ballot with nothing struck.
- ``2 4 / 7`` on an agree/disagree ballot: rows marked disagree, then after ``/`` the rows
  with both boxes or neither.
- ``!n``, ``!w``, ``!m``: invalid as seen on paper (not issued, name written in, marked).
- ``#17 3 5``: give this ballot the serial 17 (the default is the next number).
- ``:undo`` · ``:fix 17 3 5`` (correct ballot 17) · ``:pause`` · ``:resume`` · ``:tally``
  (show or hide the running tally) · ``:quit``.

A ballot the count will find invalid from its marks (too many names kept, every name struck,
no usable row) is shown with its reason and needs a second Enter (an empty line) to commit.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from tally import __version__, textnorm
from tally.ballots import marks as grammar
from tally.ballots.csvfile import Row
from tally.ballots.figures import Tally
from tally.config.loader import LoadedElection
from tally.count import BallotSpec, Layout, classify, count_rows
from tally.domain.layout import layout_for
from tally.engine import round_list
from tally.entry.journal import (
    Entry,
    JournalError,
    JournalWriter,
    Kind,
    Value,
    check_head,
    group,
    normalise_head,
    read_journal,
)
from tally.errors import BallotFileError, ConfigError, Issue, Location
from tally.findings import Lang
from tally.i18n import Msg, msg
from tally.labels import REASON, tr
from tally.safefile import written_atomically
from tally.source import open_regular

Clock = Callable[[], str]

SHORT_REASONS = grammar.SHORT_REASONS  # the grammar of marks is shared with the ballot file
# A ballot's serial as typed after '#': ASCII only, so '²' or '١٢' can never pass for a number.
SERIAL = re.compile(r"[0-9A-Za-z][0-9A-Za-z./-]{0,23}")


@dataclass(frozen=True)
class Sheet:
    """The ballot of one round, as printed: what entry needs to judge a ballot."""

    election: str
    contest: str
    title: str
    round: int
    seats: int
    layout: Layout
    candidates: tuple[str, ...]
    names: tuple[str, ...]
    invalidating: frozenset[str]
    issued: int | None = None
    collected: int | None = None

    @property
    def spec(self) -> BallotSpec:
        return BallotSpec(len(self.candidates), self.seats, self.layout, self.invalidating)

    def header(self) -> dict[str, Value]:
        """The journal's ``open`` fields: enough to export and reconcile without the folder."""
        return {
            "election": self.election,
            "contest": self.contest,
            "title": self.title,
            "round": self.round,
            "seats": self.seats,
            "layout": self.layout,
            "candidates": list(self.candidates),
            "names": list(self.names),
            "invalidating": sorted(self.invalidating),
            "issued": self.issued,
            "collected": self.collected,
            "tool": f"tally {__version__}",
        }

    @classmethod
    def from_header(cls, entry: Entry) -> Sheet:
        layout = entry.str_("layout")
        return cls(
            entry.str_("election"),
            entry.str_("contest"),
            entry.str_("title"),
            entry.int_("round") or 1,
            entry.int_("seats") or 0,
            "agree_disagree" if layout == "agree_disagree" else "strike",
            tuple(_strs(entry.fields.get("candidates"))),
            tuple(_strs(entry.fields.get("names"))),
            frozenset(_strs(entry.fields.get("invalidating"))),
            entry.int_("issued"),
            entry.int_("collected"),
        )

    def paper(self) -> tuple[int, Msg] | None:
        """The board's figure the ballots entered (or scanned) are measured against: collected,
        else issued, with its word."""
        if self.collected is not None:
            return self.collected, msg("entry.paper.collected")
        if self.issued is not None:
            return self.issued, msg("entry.paper.issued")
        return None

    def same_ballot(self, other: Sheet) -> bool:
        return (self.contest, self.round, self.seats, self.layout, self.candidates) == (
            other.contest,
            other.round,
            other.seats,
            other.layout,
            other.candidates,
        )


def _strs(value: Value) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


@dataclass(frozen=True)
class Marks:
    """What is on one paper ballot, as entered."""

    struck: tuple[int, ...] = ()  # sorted positions struck (agree/disagree: disagree)
    unmarked: tuple[int, ...] = ()  # agree/disagree: both boxes or neither
    invalid: str = ""  # a reason seen on paper: not_issued, write_in, marked

    def text(self) -> str:
        """The marks as the operator would type them."""
        if self.invalid:
            return f"!{self.invalid}"
        out = " ".join(map(str, self.struck)) or "0"
        if self.unmarked:
            out += " / " + " ".join(map(str, self.unmarked))
        return out

    def fields(self) -> dict[str, Value]:
        return {
            "struck": list(self.struck),
            "unmarked": list(self.unmarked),
            "invalid": self.invalid,
        }

    @classmethod
    def of(cls, entry: Entry) -> Marks:
        return cls(
            tuple(entry.ints("struck")), tuple(entry.ints("unmarked")), entry.str_("invalid")
        )

    def row(self, serial: str, line: int = 0) -> Row:
        return (
            line,
            serial,
            " ".join(map(str, self.struck)),
            " ".join(map(str, self.unmarked)),
            self.invalid,
        )


class EntryInputError(ValueError):
    """A line that cannot be a ballot or a command; the message says why (already translated)."""


def parse_marks(text: str, sheet: Sheet, lang: Lang) -> Marks:
    """The marks of one ballot from what the operator typed; EntryInputError if impossible."""
    text = text.strip()
    if text.startswith("!"):
        reason = grammar.reason(text)
        if not reason:
            raise EntryInputError(msg("entry.not_a_reason", text=text).text(lang))
        return Marks(invalid=reason)
    if not text:
        raise EntryInputError(msg("entry.empty_line").text(lang))
    left, slash, right = text.partition("/")
    if slash and sheet.layout != "agree_disagree":
        raise EntryInputError(msg("entry.slash_on_strike").text(lang))
    struck = _positions(left, sheet, lang)
    unmarked = _positions(right, sheet, lang) if slash else ()
    both = sorted(set(struck) & set(unmarked))
    if both:
        raise EntryInputError(msg("entry.row_twice", both=both[0]).text(lang))
    return Marks(struck, unmarked)


def _positions(text: str, sheet: Sheet, lang: Lang) -> tuple[int, ...]:
    """The positions of one field, sorted, by the ballot file's grammar (``0`` alone: none)."""
    try:
        return tuple(sorted(grammar.positions(text, len(sheet.candidates))))
    except grammar.MarkError as exc:
        raise EntryInputError(exc.entry_message(lang)) from None


@dataclass(frozen=True)
class Judgement:
    """How the count will take a ballot: valid (names voted for) or invalid (why)."""

    reason: str  # "" valid; else the invalid reason (typed or derived)
    kept: int
    derived: bool  # the reason follows from the marks (needs a second Enter)

    def text(self, sheet: Sheet, lang: Lang) -> str:
        if not self.reason:
            if sheet.layout == "strike":
                return msg(
                    "entry.valid_keeps_names", kept=self.kept, n_candidates=len(sheet.candidates)
                ).text(lang)
            return msg("entry.valid_agrees_with", kept=self.kept).text(lang)
        return msg("entry.invalid").text(lang) + f": {tr(REASON, self.reason, lang)}"


def judge(marks: Marks, sheet: Sheet) -> Judgement:
    """The same judgement the count makes (typed reasons count only if the rules say so)."""
    spec = sheet.spec
    if marks.invalid and marks.invalid in spec.invalidating:
        return Judgement(marks.invalid, 0, False)
    try:
        derived, kept = classify(
            " ".join(map(str, marks.struck)), " ".join(map(str, marks.unmarked)), spec
        )
    except BallotFileError as exc:  # parse_marks refuses these first
        raise EntryInputError(str(exc)) from None
    return Judgement(derived, kept, bool(derived))


Action = Literal["ballot", "correct", "undo", "pause", "resume", "tally", "quit", "confirm"]


@dataclass(frozen=True)
class Command:
    action: Action
    serial: str | None = None
    marks: Marks | None = None


def parse_line(text: str, sheet: Sheet, lang: Lang) -> Command:
    """One typed line → a command; EntryInputError with the reason if it is not one."""
    text = text.strip()
    if not text:
        return Command("confirm")
    if text.startswith(":"):
        word, _, rest = text[1:].strip().partition(" ")
        word = word.lower()
        simple: dict[str, Action] = {
            "undo": "undo",
            "u": "undo",
            "pause": "pause",
            "resume": "resume",
            "tally": "tally",
            "t": "tally",
            "quit": "quit",
            "q": "quit",
        }
        if word in simple and not rest.strip():
            return Command(simple[word])
        if word in ("fix", "f"):
            target, _, marks = rest.strip().partition(" ")
            target = target.lstrip("#")
            if not target or not marks.strip():
                raise EntryInputError(
                    msg("entry.usage_fix_serial_marks").text(lang) + " (:fix 17 3 5)"
                )
            return Command("correct", target, parse_marks(marks, sheet, lang))
        raise EntryInputError(
            msg("entry.no_command", text=text).text(lang)
            + " (:undo :fix :pause :resume :tally :quit)"
        )
    serial: str | None = None
    if text.startswith("#"):
        serial, _, text = text[1:].partition(" ")
        if not serial:
            raise EntryInputError(msg("entry.no_serial_after").text(lang))
        if not SERIAL.fullmatch(serial):
            raise EntryInputError(msg("entry.not_a_serial", serial=serial[:30]).text(lang))
    return Command("ballot", serial, parse_marks(text, sheet, lang))


@dataclass
class EntryState:
    """The ballots entered so far: the journal replayed (entries in, never out)."""

    sheet: Sheet
    ballots: dict[str, Marks] = field(default_factory=dict)  # serial → marks, in entry order
    # undo stack: (serial, the marks before, the entry's seq); None = the ballot was new
    actions: list[tuple[str, Marks | None, int]] = field(default_factory=list)
    paused: bool = False
    tally_shown: bool = False
    last: tuple[str, Marks] | None = None
    operators: list[str] = field(default_factory=list)
    path: Path | None = None  # the journal, for messages
    typed: set[str] = field(default_factory=set)  # serials typed as #serial (not entry order)

    def apply(self, entry: Entry) -> None:
        kind = entry.kind
        if kind == "ballot":
            serial = entry.str_("serial")
            marks = Marks.of(entry)
            self.actions.append((serial, None, entry.seq))
            self.ballots[serial] = marks
            self.last = (serial, marks)
            if entry.fields.get("typed") is True:
                self.typed.add(serial)
        elif kind == "correct":
            serial = entry.str_("serial")
            marks = Marks.of(entry)
            self.actions.append((serial, self.ballots.get(serial), entry.seq))
            self.ballots[serial] = marks
            self.last = (serial, marks)
        elif kind == "undo":
            if not self.actions:
                raise JournalError.at(msg("journal.undo"), self.path, entry.line)
            serial, before, _ = self.actions.pop()
            if before is None:
                self.ballots.pop(serial, None)
                self.typed.discard(serial)
            else:
                self.ballots[serial] = before
            self.last = next(reversed(self.ballots.items()), None)
        elif kind == "pause":
            self.paused = True
        elif kind == "resume":
            self.paused = False
        elif kind == "show_tally":
            self.tally_shown = True
        elif kind in ("hide_tally", "start", "stop"):
            self.tally_shown = False
            if kind == "start":
                self.paused = False
                operator = entry.str_("operator")
                if operator and operator not in self.operators:
                    self.operators.append(operator)

    def entry_order(self) -> bool:
        """Are the serials only the order of entry (1, 2, 3 … as entered, none typed)?

        Party ballots carry no number, so the serial is where the paper was in the pile, and
        two journals of one pile are compared by their marks, not by these numbers. Journals
        written before ``typed`` was recorded count as entry order when their serials are
        1 … n in the order entered, which is what automatic numbering gives.
        """
        return not self.typed and all(
            serial == str(i) for i, serial in enumerate(self.ballots, start=1)
        )

    def next_serial(self) -> str:
        numbers = [int(s) for s in self.ballots if s.isascii() and s.isdigit() and len(s) < 12]
        n = max(numbers, default=0) + 1
        while str(n) in self.ballots:
            n += 1
        return str(n)

    def rows(self) -> Iterator[Row]:
        for i, (serial, marks) in enumerate(self.ballots.items(), start=2):
            yield marks.row(serial, i)

    def tally(self) -> Tally:
        """The count of the ballots entered so far, by the count's own code."""
        return count_rows(self.rows(), self.sheet.spec)


def replay(sheet: Sheet, entries: tuple[Entry, ...], path: Path | None = None) -> EntryState:
    state = EntryState(sheet, path=path)
    for entry in entries[1:]:
        state.apply(entry)
    return state


Status = Literal["committed", "refused", "confirm", "done", "quit"]


@dataclass(frozen=True)
class Outcome:
    status: Status
    message: str
    entry: Entry | None = None


PreviewKind = Literal["none", "valid", "invalid", "error"]


@dataclass(frozen=True)
class Preview:
    """What the screen shows while a line is typed, before Enter.

    ``valid``/``invalid``: a ballot (or a correction) and how the count will take it;
    ``error``: Enter will refuse the line; ``none``: nothing to say (a command, or nothing).
    """

    kind: PreviewKind
    message: str
    struck: tuple[int, ...] = ()
    unmarked: tuple[int, ...] = ()

    @property
    def ok(self) -> bool:
        return self.kind in ("none", "valid")


class EntrySession:
    """Entry of one round into one journal by one operator."""

    def __init__(
        self, writer: JournalWriter, state: EntryState, operator: str, clock: Clock, lang: Lang
    ) -> None:
        self.writer = writer
        self.state = state
        self.sheet = state.sheet
        self.operator = operator
        self.clock = clock
        self.lang = lang
        self.pending: str | None = None  # a line judged invalid, awaiting a second Enter
        # Ask for a second Enter before committing a ballot that is invalid from its marks.
        # A person at the keyboard (the app, a terminal) is asked; a script is not: it gets
        # the ballot recorded at once, with its reason, so no line is ever taken as a retype.
        self.confirm_invalid = True
        self.resumed = False
        self.moved_aside: str | None = None
        self.torn = b""  # what was moved aside: the journal ended inside an entry

    @classmethod
    def open(
        cls, path: Path, sheet: Sheet, operator: str, clock: Clock, lang: Lang = "vi"
    ) -> EntrySession:
        """Start a journal, or resume one (after a stop or a crash) where it ended."""
        if path.exists():
            writer, journal = JournalWriter.resume(path)
            try:
                found = Sheet.from_header(journal.header)
                if not found.same_ballot(sheet):
                    raise ConfigError(
                        Issue(
                            msg(
                                "journal.changed_ballot",
                                contest=found.contest,
                                round=found.round,
                                names=len(found.candidates),
                                seats=found.seats,
                            ),
                            Location(path, 1),
                            msg("journal.changed_ballot.hint"),
                        )
                    )
                state = replay(found, journal.entries, path)
            except BaseException:
                writer.close()
                raise
            session = cls(writer, state, operator, clock, lang)
            session.resumed = True
            if writer.moved_to is not None:
                session.moved_aside = writer.moved_to.name
                session.torn = journal.torn
        else:
            header = {**sheet.header(), "operator": operator}
            writer = JournalWriter.create(path, clock(), header)
            session = cls(writer, EntryState(sheet, path=path), operator, clock, lang)
        start: dict[str, Value] = {"operator": operator, "resumed": session.resumed}
        session._append("start", start)
        return session

    def close(self) -> None:
        self.writer.close()

    def _append(self, kind: Kind, fields: dict[str, Value]) -> Entry:
        entry = self.writer.append(kind, self.clock(), {"operator": self.operator, **fields})
        self.state.apply(entry)
        return entry

    # -- what the screen shows before Enter ------------------------------------------------

    def preview(self, text: str) -> Preview:
        text = text.strip()
        if not text:
            if self.pending is not None:
                return Preview(
                    "invalid",
                    msg("entry.enter_again_commit_invalid").text(self.lang),
                )
            return Preview("none", "")
        try:
            command = parse_line(text, self.sheet, self.lang)
        except EntryInputError as exc:
            word = text[1:].strip().split(" ", 1)[0].lower() if text.startswith(":") else ""
            if text.startswith(":") and not (word in ("fix", "f") and " " in text.strip()):
                return Preview("none", "")  # a command being typed
            return Preview("error", str(exc))
        marks = command.marks
        if marks is None:
            return Preview("none", "")
        judgement = judge(marks, self.sheet)
        kind: PreviewKind = "invalid" if judgement.reason else "valid"
        message = judgement.text(self.sheet, self.lang)
        if command.action == "correct":
            serial = command.serial or ""
            before = self.state.ballots.get(serial)
            if before is None:
                return Preview("error", msg("entry.no_ballot_yet", serial=serial).text(self.lang))
            message = f"#{serial}: {before.text()} → {marks.text()} — {message}"
        return Preview(kind, message, marks.struck, marks.unmarked)

    # -- Enter -----------------------------------------------------------------------------

    def submit(self, text: str) -> Outcome:
        """Act on one typed line. A ballot is on the disk before this returns 'committed'.

        While a ballot awaits its second Enter, any other line is a retype: the pending
        ballot is not entered, and the answer says so.
        """
        pending = self.pending
        outcome = self._submit(text)
        if pending is not None and self.pending is None and text.strip() not in ("", pending):
            note = msg("entry.retyped", pending=pending).text(self.lang)
            outcome = Outcome(outcome.status, note + outcome.message, outcome.entry)
        return outcome

    def _submit(self, text: str) -> Outcome:
        try:
            command = parse_line(text, self.sheet, self.lang)
        except EntryInputError as exc:
            self.pending = None
            return Outcome("refused", str(exc))
        state = self.state
        if command.action == "confirm":
            if self.pending is None:
                return Outcome(
                    "refused",
                    msg("entry.empty_line").text(self.lang),
                )
            text = self.pending  # cleared once the ballot is written, not before
            command = parse_line(text, self.sheet, self.lang)
            return self._commit(command, confirmed=True, text=text)
        if state.paused and command.action not in ("resume", "quit"):
            return Outcome(
                "refused",
                msg("entry.paused_refused").text(self.lang),
            )
        if command.action in ("ballot", "correct"):
            return self._commit(command, confirmed=text.strip() == self.pending, text=text.strip())
        self.pending = None
        if command.action == "undo":
            if not state.actions:
                return Outcome("refused", msg("entry.nothing_undo").text(self.lang))
            serial, before, seq = state.actions[-1]
            now = state.ballots.get(serial, Marks())
            entry = self._append("undo", {"serial": serial, "undoes": seq})
            what = (
                msg("entry.removed_ballot", serial=serial, now=now.text()).text(self.lang)
                if before is None
                else msg("entry.ballot_back", serial=serial, before=before.text()).text(self.lang)
            )
            return Outcome("done", msg("entry.undone").text(self.lang) + what, entry)
        if command.action == "pause":
            if state.paused:
                return Outcome("refused", msg("entry.already_paused").text(self.lang))
            entry = self._append("pause", {})
            return Outcome(
                "done",
                msg("entry.paused_done").text(self.lang),
                entry,
            )
        if command.action == "resume":
            if not state.paused:
                return Outcome("refused", msg("entry.not_paused").text(self.lang))
            entry = self._append("resume", {})
            return Outcome("done", msg("entry.resumed").text(self.lang), entry)
        if command.action == "tally":
            toggle: Kind = "hide_tally" if state.tally_shown else "show_tally"
            entry = self._append(toggle, {})
            return Outcome(
                "done",
                msg("entry.running_tally_shown").text(self.lang)
                if toggle == "show_tally"
                else msg("entry.running_tally_hidden").text(self.lang),
                entry,
            )
        assert command.action == "quit"
        entry = self._append("stop", {})
        return Outcome(
            "quit",
            msg("entry.entry_stopped_journal_saved").text(self.lang),
            entry,
        )

    def _commit(self, command: Command, confirmed: bool, text: str) -> Outcome:
        state = self.state
        marks = command.marks
        assert marks is not None
        if command.action == "ballot":
            serial = command.serial or state.next_serial()
            if serial in state.ballots:
                self.pending = None
                return Outcome(
                    "refused",
                    msg(
                        "entry.already_entered", serial=serial, marks=state.ballots[serial].text()
                    ).text(self.lang),
                )
        else:
            serial = command.serial or ""
            if serial not in state.ballots:
                self.pending = None
                return Outcome("refused", msg("entry.no_ballot_yet", serial=serial).text(self.lang))
        judgement = judge(marks, self.sheet)
        if judgement.derived and not confirmed and self.confirm_invalid:
            self.pending = text
            return Outcome(
                "confirm",
                f"#{serial}: {judgement.text(self.sheet, self.lang)} — "
                + msg("entry.enter_again_commit_retype").text(self.lang),
            )
        fields: dict[str, Value] = {"serial": serial, **marks.fields()}
        if command.action == "ballot" and command.serial is not None:
            fields["typed"] = True  # a serial typed on purpose: reconcile compares by it
        if command.action == "correct":
            fields["was"] = state.ballots[serial].text()
        entry = self._append("ballot" if command.action == "ballot" else "correct", fields)
        self.pending = None
        verb = "✓" if command.action == "ballot" else msg("entry.corrected").text(self.lang)
        return Outcome(
            "committed",
            f"{verb} #{serial}: {marks.text()} — {judgement.text(self.sheet, self.lang)}",
            entry,
        )

    def torn_note(self) -> str | None:
        """Loud words for a journal that ended inside an entry (moved aside on resume).

        A power cut during a write leaves this only for an entry the screen never confirmed;
        a file cut by hand leaves the same bytes. The file cannot tell them apart, so the
        note names the entry and says how the board can tell.
        """
        if self.moved_aside is None:
            return None
        text = self.torn.decode("utf-8", "replace")
        seq = re.search(r'"seq":(\d+)', text)
        kind = re.search(r'"kind":"(\w+)"', text)
        serial = re.search(r'"serial":"([^"]{1,24})"', text)
        what = ""
        if kind and kind.group(1) in ("ballot", "correct") and serial:
            what = msg("entry.torn_ballot", serial=serial.group(1)).text(self.lang)
        number = f" {seq.group(1)}" if seq else ""
        return msg("entry.torn", number=number, what=what, moved_aside=self.moved_aside).text(
            self.lang
        )

    # -- the ballots entered against the board's figures ----------------------------------

    def _paper(self) -> tuple[int, Msg] | None:
        return self.sheet.paper()

    def excess(self) -> str | None:
        """A loud warning when more ballots are entered than were collected (or issued)."""
        paper = self._paper()
        entered = len(self.state.ballots)
        if paper is None or entered <= paper[0]:
            return None
        of, name = paper
        return msg("entry.excess", entered=entered, of=of, paper=name).text(self.lang)

    def head_note(self) -> str:
        """The head hash and ballot count to write on paper: the journal's outside anchor."""
        head = group(self.writer.last.hash[:16])
        n = len(self.state.ballots)
        return msg("entry.head_note", head=head, n=n).text(self.lang)

    def summary(self) -> tuple[str, str | None]:
        """The closing line of an entry run, and a warning when it differs from the paper."""
        tally = self.state.tally()
        entered = len(self.state.ballots)
        paper = self._paper()
        figures = msg(
            "entry.summary", entered=entered, valid=tally.valid, invalid_total=tally.invalid_total
        ).text(self.lang)
        if paper is None:
            return figures + ".", None
        of, name = paper
        line = figures + msg("entry.summary_paper", of=of, paper=name).text(self.lang)
        if entered > of:
            return line, self.excess()
        if entered < of:
            return line, msg(
                "entry.short", entered=entered, of=of, paper=name, missing=of - entered
            ).text(self.lang)
        return line, None


def load_state(path: Path) -> tuple[EntryState, str]:
    """Replay a journal (read only): its ballots and its head hash."""
    journal = read_journal(path)
    sheet = Sheet.from_header(journal.header)
    return replay(sheet, journal.entries, path), journal.head


def check_recorded_head(path: Path, head: str, lang: Lang) -> tuple[bool, str]:
    """Whether a journal still ends at the head the board wrote down, as one sentence.

    The journal's chain is verified first (a broken chain is a JournalError, exit 2).
    """
    journal = read_journal(path)
    check = check_head(journal, head)
    sheet = Sheet.from_header(journal.header)
    now = len(replay(sheet, journal.entries, path).ballots)
    written = group(normalise_head(head)[:16])
    name = path.name
    if check.status == "ends_there":
        return True, msg("entry.head_ends_there", name=name, written=written, now=now).text(lang)
    if check.status == "continues" and check.seq is not None:
        then = len(replay(sheet, journal.entries[: check.seq + 1], path).ballots)
        return False, msg(
            "entry.head_continues",
            name=name,
            after=check.after,
            written=written,
            then=then,
            now=now,
        ).text(lang)
    return False, msg(
        "entry.head_missing", name=name, written=written, now=now, head=group(journal.head[:16])
    ).text(lang)


def sheet_for(loaded: LoadedElection, contest_id: str, round_no: int) -> Sheet:
    """The ballot of a round of a contest, from election.yaml; ConfigError if there is none."""
    election = loaded.election
    ids = [c.id for c in election.contests]
    if contest_id not in ids:
        raise ConfigError(
            Issue(
                msg("engine.no_contest", contest=contest_id, known=", ".join(ids)),
                loaded.where("contests"),
            )
        )
    ci = ids.index(contest_id)
    contest = election.contests[ci]
    if contest.appointed is not None:  # no ballots to enter (issue 16)
        raise ConfigError(
            Issue(
                msg(
                    "minutes.appointed_skipped",
                    contest=contest_id,
                    decision=contest.appointed.decision,
                ),
                loaded.where("contests", ci, "appointed"),
            )
        )
    if round_no > max(len(contest.rounds), 1):
        raise ConfigError(
            Issue(
                msg("entry.no_round", contest=contest_id, round=round_no),
                loaded.where("contests", ci, "rounds"),
                msg("entry.no_round.hint"),
            )
        )
    seats, cands = round_list(contest, round_no - 1)
    rnd = contest.rounds[round_no - 1] if contest.rounds else None
    people = election.people_by_id
    spec = BallotSpec.from_rules(
        len(cands),
        seats,
        layout_for(contest.body, len(cands), seats),
        loaded.rules.ballot.invalid,
    )
    return Sheet(
        election.congress.name,
        contest.id,
        contest.name or contest.id,
        round_no,
        seats,
        spec.layout,
        tuple(cands),
        tuple(people[c].name if c in people else c for c in cands),
        spec.invalidating,
        rnd.issued if rnd is not None else None,
        rnd.collected if rnd is not None else None,
    )


def default_journal(loaded: LoadedElection, sheet: Sheet, operator: str) -> Path:
    """``journals/<contest>-r<round>-<operator>-<digest>.jsonl`` in the election folder.

    The slug is for people; the digest of the exact (NFC) name keeps two operators whose
    names fold alike ("Nguyễn Văn Ân", "Nguyễn Văn An") in two journals. A journal of the
    older name without the digest is still used by the operator who wrote it.
    """
    name = textnorm.nfc(operator.strip())
    stem = f"{sheet.contest}-r{sheet.round}-{slug(name)}"
    folder = loaded.folder / "journals"
    legacy = folder / f"{stem}.jsonl"
    if journal_operator(legacy) == name:
        return legacy
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return folder / f"{stem}-{digest}.jsonl"


def journal_operator(path: Path) -> str | None:
    """The operator named in a journal's header, without verifying it (None if unreadable)."""
    try:
        with open_regular(path, JournalError, "journal") as f:
            first = f.readline(1 << 20)
        header = json.loads(first)
    except (OSError, ValueError, JournalError):
        return None
    operator = header.get("operator") if isinstance(header, dict) else None
    return textnorm.nfc(operator.strip()) if isinstance(operator, str) else None


def namesakes(path: Path, operator: str) -> list[tuple[Path, str]]:
    """Other operators' journals whose file names fold to the same readable name as ``path``."""
    name = textnorm.nfc(operator.strip())
    stem = path.name.removesuffix(".jsonl").rsplit("-", 1)[0]
    found: list[tuple[Path, str]] = []
    for other in sorted(path.parent.glob(f"{stem}*.jsonl")):
        owner = journal_operator(other)
        if other != path and owner is not None and owner != name:
            rest = other.name.removesuffix(".jsonl")[len(stem) :]
            if rest == "" or (rest.startswith("-") and len(rest) == 9):
                found.append((other, owner))
    return found


def slug(name: str) -> str:
    """The operator's part of a journal's file name: 'Trần Thị Bình' → 'tran-thi-binh'."""
    return textnorm.slug(name) or "operator"


def write_ballots_csv(rows: Iterator[Row] | list[Row], path: Path) -> int:
    """The ballots CSV of design.md, written atomically; returns the number of ballots."""
    n = 0
    with written_atomically(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as f:
        f.write("ballot,struck,unmarked,invalid\n")
        for _, serial, struck, unmarked, invalid in rows:
            f.write(f"{serial},{struck},{unmarked},{invalid}\n")
            n += 1
    return n
