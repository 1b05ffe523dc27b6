"""The entry log ("Nhật ký nhập phiếu"): every action in the entry journals, printed for the dossier.

Who typed what, and when: each journal's summary (operators, first and last time, ballots
entered, corrections, undos, pauses and its head hash), then every entry in order with the
marks as typed and the count's judgement of them, then the resolutions of the differences
between journals, then room for signatures. With two or more journals, how they were
compared comes after the summary: which ballots of each journal are identical, shifted or
not (the alignment of :mod:`tally.entry.reconcile`, the same one ``tally reconcile`` makes).

Nothing is decided here: the journals are read and verified by
:func:`tally.entry.journal.read_journal` (a broken chain raises ``JournalError`` naming the
line), replayed by the entry state machine, and each ballot is judged by
:func:`tally.entry.session.judge`, the count's own rule. Pure: no clock, no terminal; the same
journals give the same bytes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal, assert_never

from tally import __version__
from tally.documents import html as html_kit
from tally.documents import markdown as md_kit
from tally.documents.html import esc as _e
from tally.documents.markdown import esc as _md  # no markup, no raw HTML, no new line or row
from tally.documents.parts import Closing, ImprintLine, Signature, sign_hint
from tally.entry.journal import Entry, JournalError, Kind, group, read_journal
from tally.entry.reconcile import (
    Reconciliation,
    Segment,
    Source,
    compare,
    counts_text,
    method_text,
    shift_text,
)
from tally.entry.session import (
    EntryInputError,
    EntryState,
    Judgement,
    Marks,
    Sheet,
    judge,
)
from tally.errors import UsageError
from tally.findings import Lang
from tally.i18n import msg
from tally.safefile import written_atomically

Format = Literal["html", "md"]
EXTENSIONS: dict[str, Format] = {".html": "html", ".htm": "html", ".md": "md"}
ABSENT = "absent"  # a resolution field: the serial is not a ballot (as in reconcile)


# ---------------------------------------------------------------------------------------------
# The model: what the journals say, without a language


@dataclass(frozen=True)
class Undone:
    """What an undo took back."""

    serial: str
    took_back: Marks | None  # the marks the undone entry had put in
    restored: Marks | None  # the marks back in place; None: the ballot is no longer entered
    undoes: int | None  # seq of the entry taken back


@dataclass(frozen=True)
class LogRow:
    """One journal entry as printed."""

    seq: int
    time: str
    operator: str
    kind: Kind
    serial: str = ""
    marks: Marks | None = None  # ballot and correct entries
    judgement: Judgement | None = None
    unjudged: str = ""  # why the marks could not be judged (a hand-made journal)
    was: str = ""  # correct: the marks before, as typed
    resumed: bool = False  # start: a later start of the same journal
    interrupted: bool = False  # start: the entry before it was not a stop (a crash or a kill)
    undone: Undone | None = None
    scanned: bool = False  # ballot: read by tally scan from an image
    reviewed: bool = False  # ballot: a page set aside, decided by a person (tally scan --review)
    review: bool = False  # start: a person's review of the pages a scan set aside


@dataclass(frozen=True)
class JournalLog:
    """One entry journal: its summary and every entry."""

    label: str  # the file name (the path if two journals share a name)
    path: Path
    operators: tuple[str, ...]
    first: str
    last: str
    ballots: int  # ballots entered at the end (after corrections and undos)
    invalid: int  # of those, judged invalid
    corrections: int
    undos: int
    pauses: int
    stopped: bool  # the last entry is a stop (not interrupted)
    head: str
    tool: str
    torn: int  # bytes of an unconfirmed half-written last line, not part of the journal
    rows: tuple[LogRow, ...]
    scan: bool = False  # written by tally scan: its own entries carry the congress's date


@dataclass(frozen=True)
class ResolutionRow:
    """One decision on a serial the journals disagree about."""

    seq: int
    time: str
    serial: str
    by: str
    marks: Marks | None  # None: the serial is not a ballot
    judgement: Judgement | None
    unjudged: str
    versions: tuple[tuple[str, str], ...]  # journal label → marks as typed ("" = not entered)
    note: str
    superseded_by: int | None  # seq of the next resolution of the same serial
    serials: tuple[tuple[str, str], ...] = ()  # aligned by marks: each journal's own serial


@dataclass(frozen=True)
class ResolutionLog:
    label: str
    path: Path
    head: str
    rows: tuple[ResolutionRow, ...]


@dataclass(frozen=True)
class EntryLog:
    """Everything the entry log prints, in both languages."""

    sheet: Sheet
    journals: tuple[JournalLog, ...]
    resolutions: ResolutionLog | None
    zone: str  # the UTC offset of the first entry ("+07:00"), "" if it has none
    tools: tuple[str, ...]  # the versions of tally that wrote the journals
    comparison: Reconciliation | None = None  # two or more journals: how their ballots pair

    @property
    def operators(self) -> tuple[str, ...]:
        out: list[str] = []
        for journal in self.journals:
            out += [x for x in journal.operators if x not in out]
        return tuple(out)


# ---------------------------------------------------------------------------------------------
# Building


def _labels(paths: list[Path]) -> list[str]:
    """File names, as reconcile labels its versions; whole paths if two names are the same."""
    names = [p.name for p in paths]
    return names if len(set(names)) == len(names) else [str(p) for p in paths]


def _judge(marks: Marks, sheet: Sheet) -> tuple[Judgement | None, str]:
    try:
        return judge(marks, sheet), ""
    except EntryInputError as exc:  # marks the entry screen refuses: only a hand-made journal
        return None, str(exc)


def _journal(label: str, path: Path) -> tuple[JournalLog, Source]:
    journal = read_journal(path)
    header = journal.header
    if header.str_("purpose") == "resolutions":
        raise JournalError.at(
            msg("journal.is_resolutions"), path, 1, hint=msg("journal.is_resolutions.log_hint")
        )
    sheet = Sheet.from_header(header)
    # The same replay as tally.entry.session.replay, one entry at a time, so that each undo
    # can say what it took back.
    state = EntryState(sheet, path=path)
    rows: list[LogRow] = [LogRow(0, header.time, header.str_("operator"), "open")]
    scan = header.str_("purpose") == "scan"
    previous: Entry = header
    corrections = undos = pauses = 0
    for entry in journal.entries[1:]:
        row = LogRow(entry.seq, entry.time, entry.str_("operator"), entry.kind)
        if entry.kind in ("ballot", "correct"):
            marks = Marks.of(entry)
            judgement, unjudged = _judge(marks, sheet)
            row = replace(
                row,
                serial=entry.str_("serial"),
                marks=marks,
                judgement=judgement,
                unjudged=unjudged,
                was=entry.str_("was"),
                reviewed=entry.fields.get("reviewed") is True,
                scanned=scan and entry.fields.get("reviewed") is not True,
            )
            corrections += entry.kind == "correct"
        elif entry.kind == "undo":
            undone = None
            if state.actions:  # else apply() below raises JournalError naming the line
                serial, before, seq = state.actions[-1]
                undone = Undone(serial, state.ballots.get(serial), before, seq)
            row = replace(
                row,
                serial=undone.serial if undone else entry.str_("serial"),
                undone=undone,
            )
            undos += 1
        elif entry.kind == "start":
            row = replace(
                row,
                resumed=entry.fields.get("resumed") is True,
                interrupted=previous.kind not in ("open", "stop"),
                review=entry.fields.get("review") is True,
            )
        elif entry.kind == "pause":
            pauses += 1
        state.apply(entry)
        rows.append(row)
        previous = entry
    invalid = sum(1 for m in state.ballots.values() if _invalid(*_judge(m, sheet)))
    return (
        JournalLog(
            label,
            path,
            tuple(state.operators),
            journal.entries[0].time,
            journal.entries[-1].time,
            len(state.ballots),
            invalid,
            corrections,
            undos,
            pauses,
            journal.entries[-1].kind == "stop",
            journal.head,
            header.str_("tool"),
            len(journal.torn),
            tuple(rows),
            scan,
        ),
        Source(label, path, tuple(state.operators), journal.head, state),
    )


def _invalid(judgement: Judgement | None, unjudged: str) -> bool:
    return bool(unjudged) or (judgement is not None and bool(judgement.reason))


def _resolutions(path: Path, sheet: Sheet) -> ResolutionLog:
    journal = read_journal(path)
    header = journal.header
    if header.str_("purpose") != "resolutions":
        raise JournalError.at(
            msg("journal.not_resolutions.purpose"),
            path,
            1,
            hint=msg("journal.not_resolutions.hint"),
        )
    if (header.str_("contest"), header.int_("round") or 1) != (sheet.contest, sheet.round):
        raise JournalError.at(
            msg(
                "journal.resolutions_for",
                contest=header.str_("contest"),
                round=header.int_("round") or 1,
                journals_contest=sheet.contest,
                journals_round=sheet.round,
            ),
            path,
            1,
            hint=msg("journal.resolutions_for.hint"),
        )
    entries = [e for e in journal.entries[1:] if e.kind == "resolve"]
    rows: list[ResolutionRow] = []
    for entry in entries:
        later = [
            e.seq for e in entries if e.seq > entry.seq and e.str_("serial") == entry.str_("serial")
        ]
        absent = entry.fields.get(ABSENT) is True
        marks = None if absent else Marks.of(entry)
        judgement, unjudged = _judge(marks, sheet) if marks is not None else (None, "")
        versions = entry.fields.get("versions")
        serials = entry.fields.get("serials")
        rows.append(
            ResolutionRow(
                entry.seq,
                entry.time,
                entry.str_("serial"),
                entry.str_("by"),
                marks,
                judgement,
                unjudged,
                tuple(versions.items()) if isinstance(versions, dict) else (),
                entry.str_("note"),
                later[0] if later else None,
                tuple(serials.items()) if isinstance(serials, dict) else (),
            )
        )
    return ResolutionLog(path.name, path, journal.head, tuple(rows))


def build_log(journals: list[Path], resolutions: Path | None = None) -> EntryLog:
    """Read and verify the journals (JournalError names the first broken line) → the log.

    The journals are printed in the order given; they must be of one ballot (one contest,
    one round), as the log is that ballot's record.
    """
    if not journals:
        raise JournalError.at(msg("journal.none"), hint=msg("journal.none.hint"))
    seen: list[Path] = []
    for path in journals:
        if any(path.exists() and p.exists() and path.samefile(p) for p in seen):
            raise JournalError.at(msg("journal.twice"), path)
        seen.append(path)
    logs: list[JournalLog] = []
    sources: list[Source] = []
    sheet: Sheet | None = None
    for label, path in zip(_labels(journals), journals, strict=True):
        log, source = _journal(label, path)
        found = source.sheet
        sources.append(source)
        if sheet is None:
            sheet = found
        elif not found.same_ballot(sheet):
            raise JournalError.at(
                msg(
                    "journal.other_ballot",
                    contest=found.contest,
                    round=found.round,
                    names=len(found.candidates),
                    seats=found.seats,
                    first=logs[0].label,
                    first_contest=sheet.contest,
                    first_round=sheet.round,
                    first_names=len(sheet.candidates),
                    first_seats=sheet.seats,
                ),
                path,
                1,
                hint=msg("journal.other_ballot.log_hint"),
            )
        logs.append(log)
    assert sheet is not None
    res = _resolutions(resolutions, sheet) if resolutions is not None else None
    first = _parse(logs[0].first)
    zone = _offset(first) if first is not None else ""
    tools: list[str] = []
    for log in logs:
        if log.tool and log.tool not in tools:
            tools.append(log.tool)
    # Compared without the resolutions: those are printed as recorded, in their own section.
    comparison = compare(tuple(sources), {}) if len(sources) > 1 else None
    return EntryLog(sheet, tuple(logs), res, zone, tuple(tools), comparison)


# ---------------------------------------------------------------------------------------------
# Words shared by both formats


def _parse(time: str) -> datetime | None:
    try:
        return datetime.fromisoformat(time)
    except ValueError:
        return None


def _offset(dt: datetime) -> str:
    off = dt.utcoffset()
    if off is None:
        return ""
    sign = "-" if off < timedelta(0) else "+"
    minutes = abs(int(off.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def when(time: str, zone: str, lang: Lang) -> str:
    """A journal time as a reader writes it: ``14/06/2025 08:30:05`` (vi) or ISO-like (en).

    The UTC offset is said once for the whole log; a time in another offset shows its own.
    A time that is not ISO 8601 is printed as it is.
    """
    dt = _parse(time)
    if dt is None:
        return time
    day = dt.strftime("%d/%m/%Y") if lang == "vi" else dt.strftime("%Y-%m-%d")
    out = f"{day} {dt.strftime('%H:%M:%S')}"
    own = _offset(dt)
    if own != zone:
        out += f" (UTC{own})" if own else msg("entry_log.local").text(lang)
    return out


def clean(text: str) -> str:
    """Control and direction-changing characters made visible: a name must print as typed.

    A right-to-left override in an operator's name would reorder what the paper shows.
    """
    out: list[str] = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Co", "Cn") or unicodedata.bidirectional(ch) in _BIDI_CONTROLS:
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


_BIDI_CONTROLS = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


def _layout(sheet: Sheet, lang: Lang) -> str:
    if sheet.layout == "strike":
        return msg("entry_log.strike_out_names").text(lang)
    return msg("entry_log.agree_disagree").text(lang)


def _title(lang: Lang) -> str:
    return msg("entry_log.ballot_entry_log").text(lang)


def _facts(log: EntryLog, lang: Lang) -> list[tuple[str, str]]:
    sheet = log.sheet
    facts = [
        (msg("entry_log.contest").text(lang), f"{sheet.title} ({sheet.contest})"),
        (msg("entry_log.round_heading").text(lang), str(sheet.round)),
        (msg("entry_log.seats").text(lang), str(sheet.seats)),
        (msg("entry_log.names_ballot").text(lang), str(len(sheet.candidates))),
        (msg("entry_log.ballot_layout").text(lang), _layout(sheet, lang)),
    ]
    if sheet.issued is not None:
        facts.append((msg("entry_log.ballots_issued").text(lang), str(sheet.issued)))
    if sheet.collected is not None:
        facts.append((msg("entry_log.ballots_collected").text(lang), str(sheet.collected)))
    return facts


def _zone_sentence(log: EntryLog, lang: Lang) -> str:
    said = (
        msg("entry_log.clock_zone", zone=log.zone).text(lang)
        if log.zone
        else msg("entry_log.clock").text(lang)
    )
    if any(j.scan for j in log.journals):
        said += " " + msg("entry_log.scan_times").text(lang)
    return said


def _summary_heads(lang: Lang) -> list[str]:
    return [
        msg("entry_log.journal_file").text(lang),
        msg("entry_log.operators").text(lang),
        msg("entry_log.first_entry").text(lang),
        msg("entry_log.last_entry").text(lang),
        msg("entry_log.ballots_entered").text(lang),
        msg("entry_log.corrections").text(lang),
        msg("entry_log.undos").text(lang),
        msg("entry_log.pauses").text(lang),
    ]


def _head_label(lang: Lang) -> str:
    return msg("entry_log.head_hash").text(lang)


def _hash_sentence(lang: Lang) -> str:
    return msg("entry_log.head_hash_note").text(lang) + " " + msg("entry_log.chain_note").text(lang)


def _ballots_cell(j: JournalLog, lang: Lang) -> str:
    if not j.invalid:
        return str(j.ballots)
    return msg("entry_log.invalid", ballots=j.ballots, invalid=j.invalid).text(lang)


def _journal_notes(j: JournalLog, lang: Lang) -> list[str]:
    notes: list[str] = []
    if not j.stopped:
        notes.append(msg("entry_log.no_stop").text(lang))
    if j.torn:
        notes.append(msg("entry_log.torn", torn=j.torn).text(lang))
    return notes


def _entry_heads(lang: Lang) -> list[str]:
    return [
        msg("entry_log.seq").text(lang),
        msg("entry_log.time").text(lang),
        msg("entry_log.operator_column").text(lang),
        msg("entry_log.action").text(lang),
        msg("entry_log.serial").text(lang),
        msg("entry_log.marks_typed").text(lang),
        msg("entry_log.judgement").text(lang),
    ]


def _marks_text(marks: Marks | None, lang: Lang) -> str:
    if marks is None:
        return msg("entry_log.none").text(lang)
    return marks.text()


def action(row: LogRow, lang: Lang) -> str:
    """What the entry did, in words."""
    kind = row.kind
    if kind == "open":
        return msg("entry_log.open").text(lang)
    if kind == "start":
        if row.review:
            return msg("entry_log.review_start").text(lang)
        if not row.resumed:
            return msg("entry_log.start").text(lang)
        text = msg("entry_log.resumed").text(lang)
        if row.interrupted:
            text += msg("entry_log.after_interruption").text(lang)
        return text
    if kind == "ballot":
        if row.reviewed:
            return msg("entry_log.ballot_reviewed").text(lang)
        if row.scanned:
            return msg("entry_log.ballot_scanned").text(lang)
        return msg("entry_log.ballot").text(lang)
    if kind == "correct":
        return (
            msg("entry_log.correction").text(lang)
            + f": {row.was or '?'} → {_marks_text(row.marks, lang)}"
        )
    if kind == "undo":
        text = msg("entry_log.undo").text(lang)
        u = row.undone
        if u is None:
            return text
        if u.undoes is not None:
            text += msg("entry_log.undoes", undoes=u.undoes).text(lang)
        took = _marks_text(u.took_back, lang)
        if u.restored is None:
            return text + msg("entry_log.removed_ballot", serial=u.serial, took=took).text(lang)
        back = u.restored.text()
        return text + msg("entry_log.ballot_back_from", serial=u.serial, took=took, back=back).text(
            lang
        )
    if kind == "pause":
        return msg("entry_log.pause").text(lang)
    if kind == "resume":
        return msg("entry_log.resume").text(lang)
    if kind == "show_tally":
        return msg("entry_log.tally_shown").text(lang)
    if kind == "hide_tally":
        return msg("entry_log.tally_hidden").text(lang)
    if kind == "stop":
        return msg("entry_log.stop").text(lang)
    if kind == "resolve":  # belongs in a resolutions file; printed if a journal has one
        return msg("entry_log.resolution").text(lang)
    assert_never(kind)


def _judgement(judgement: Judgement | None, unjudged: str, sheet: Sheet, lang: Lang) -> str:
    if judgement is not None:
        return judgement.text(sheet, lang)
    if unjudged:
        return msg("entry_log.cannot_be_judged").text(lang) + unjudged
    return ""


def _row_cells(row: LogRow, log: EntryLog, lang: Lang) -> list[str]:
    return [
        str(row.seq),
        when(row.time, log.zone, lang),
        clean(row.operator),
        clean(action(row, lang)),
        clean(row.serial),
        row.marks.text() if row.marks is not None else "",
        clean(_judgement(row.judgement, row.unjudged, log.sheet, lang)),
    ]


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _letters(log: EntryLog) -> dict[str, str]:
    """Journal label → its letter in the comparison, as ``tally reconcile`` prints it."""
    return {j.label: LETTERS[i % len(LETTERS)] for i, j in enumerate(log.journals)}


def _comparison_title(lang: Lang) -> str:
    return msg("entry_log.journals_compared").text(lang)


def _comparison_intro(result: Reconciliation, lang: Lang) -> list[str]:
    return [method_text(result.method, lang), counts_text(result, lang)]


def _comparison_heads(log: EntryLog, lang: Lang) -> list[str]:
    letters = _letters(log)
    return [
        msg("entry_log.difference").text(lang),
        *(f"{letters[j.label]}: {clean(j.label)}" for j in log.journals),
        msg("entry_log.note").text(lang),
    ]


def _span(span: tuple[str, str] | None) -> str:
    if span is None:
        return "—"
    first, last = span
    return f"#{first}" if first == last else f"#{first}–#{last}"


def _segment_cells(seg: Segment, log: EntryLog, lang: Lang) -> list[str]:
    """One row of the alignment: a run of identical ballots, or one difference."""
    labels = [j.label for j in log.journals]
    diff = seg.difference
    if diff is None:
        note = msg("entry_log.identical", count=seg.count).text(lang)
        return ["", *(_span(seg.spans[x]) for x in labels), note]
    cells = [clean(diff.serial)]
    for label in labels:
        marks = diff.versions[label]
        cells.append(
            msg("entry_log.nothing").text(lang)
            if marks is None
            else f"{_span(seg.spans[label])}: {marks.text()}"
        )
    if diff.shifts:
        note = " · ".join(shift_text(x, _letters(log), lang) for x in diff.shifts)
    else:
        note = msg("entry_log.marks_differ").text(lang)
    return [*cells, note]


def _resolution_heads(lang: Lang) -> list[str]:
    return [
        msg("entry_log.seq").text(lang),
        msg("entry_log.time").text(lang),
        msg("entry_log.serial").text(lang),
        msg("entry_log.versions_entered").text(lang),
        msg("entry_log.decision").text(lang),
        msg("entry_log.judgement").text(lang),
        msg("entry_log.decided_by").text(lang),
        msg("entry_log.note").text(lang),
    ]


def _resolution_cells(row: ResolutionRow, log: EntryLog, lang: Lang) -> list[str]:
    own = dict(row.serials)  # "a.jsonl #40: 3 5" when the journals were aligned by marks
    versions = "; ".join(
        f"{label}{f' #{own[label]}' if own.get(label) else ''}: "
        f"{text or msg('entry_log.not_entered').text(lang)}"
        for label, text in row.versions
    )
    decision = (
        row.marks.text()
        if row.marks is not None
        else msg("entry_log.not_ballot_serial_dropped").text(lang)
    )
    if row.superseded_by is not None:
        decision += msg("entry_log.replaced_by_entry", superseded_by=row.superseded_by).text(lang)
    return [
        str(row.seq),
        when(row.time, log.zone, lang),
        clean(row.serial),
        clean(versions),
        clean(decision),
        clean(_judgement(row.judgement, row.unjudged, log.sheet, lang)),
        clean(row.by),
        clean(row.note),
    ]


def _resolution_intro(lang: Lang) -> str:
    return msg("entry_log.resolutions_intro").text(lang)


def _imprint(log: EntryLog, lang: Lang) -> str:
    wrote = ", ".join(clean(x) for x in log.tools) or "?"
    return msg("entry_log.imprint", wrote=wrote, version=__version__).text(lang)


def _closing(log: EntryLog, lang: Lang) -> Closing:
    """Every operator signs, then the head of the counting board; then the imprint."""
    operator = msg("entry_log.operator").text(lang)
    head = msg("entry_log.head_counting_board").text(lang)
    signatures = [Signature(operator, (clean(x),), "operator") for x in log.operators or ("",)]
    signatures.append(Signature(head, ("",), "head"))
    return Closing(tuple(signatures), sign_hint(lang), (ImprintLine(_imprint(log, lang)),))


# ---------------------------------------------------------------------------------------------
# Markdown


def render_markdown(log: EntryLog, lang: Lang) -> str:
    """The entry log as Markdown (pipe tables), for the dossier and for review diffs."""
    out: list[str] = [f"# {_title(lang)}", "", f"## {_md(clean(log.sheet.election))}", ""]
    out += [f"- {_md(k)}: {_md(clean(v))}" for k, v in _facts(log, lang)]
    out += ["", _md(_zone_sentence(log, lang)), ""]

    out += [f"## I. {msg('entry_log.journals').text(lang)}", ""]
    out += md_kit.table(
        [*_summary_heads(lang), _head_label(lang)], [], ["---"] * 4 + ["---:"] * 4 + ["---"]
    )
    for j in log.journals:
        cells = [
            clean(j.label),
            ", ".join(clean(x) for x in j.operators),
            when(j.first, log.zone, lang),
            when(j.last, log.zone, lang),
            _ballots_cell(j, lang),
            str(j.corrections),
            str(j.undos),
            str(j.pauses),
        ]
        out.append(md_kit.row([*(_md(c) for c in cells), f"`{j.head}`"]))
    out += ["", _md(_hash_sentence(lang)), ""]
    for j in log.journals:
        out.append(f"- {_md(clean(j.label))}: `{group(j.head)}`")
    out.append("")

    number = iter(("II", "III", "IV"))
    if log.comparison is not None:
        out += [f"## {next(number)}. {_md(_comparison_title(lang))}", ""]
        out += [_md(x) for x in _comparison_intro(log.comparison, lang)] + [""]
        out += md_kit.table(
            _comparison_heads(log, lang),
            [_segment_cells(seg, log, lang) for seg in log.comparison.segments],
            ["---:"] + ["---"] * (len(log.journals) + 1),
        )
        out.append("")

    out += [f"## {next(number)}. {msg('entry_log.every_entry').text(lang)}", ""]
    for i, j in enumerate(log.journals, 1):
        who = ", ".join(clean(x) for x in j.operators)
        out += [f"### {i}. {_md(clean(j.label))}" + (f" — {_md(who)}" if who else ""), ""]
        for note in _journal_notes(j, lang):
            out += [f"> {_md(note)}", ""]
        out += md_kit.table(
            _entry_heads(lang),
            [_row_cells(r, log, lang) for r in j.rows],
            ["---:", "---", "---", "---", "---:", "---", "---"],
        )
        out.append("")

    if log.resolutions is not None:
        res = log.resolutions
        out += [f"## {next(number)}. {msg('entry_log.resolutions').text(lang)}", ""]
        out += [_md(_resolution_intro(lang)), ""]
        out += [f"- {msg('entry_log.file').text(lang)}: {_md(clean(res.label))}"]
        out += [f"- {_head_label(lang)}: `{res.head}`", f"  (`{group(res.head)}`)", ""]
        if res.rows:
            out += md_kit.table(
                _resolution_heads(lang),
                [_resolution_cells(r, log, lang) for r in res.rows],
                ["---:", "---", "---:", "---", "---", "---", "---", "---"],
            )
        else:
            out.append(msg("entry_log.no_resolutions_yet").text(lang))
        out.append("")

    out += md_kit.closing(_closing(log, lang))
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# HTML

_CSS = """\
h1 { margin: 0 0 1mm; }
.election { margin: 0 0 3mm; }
h3 { font-size: 12pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
.facts { display: grid; grid-template-columns: max-content 1fr; column-gap: 3mm; margin: 0 0 2mm; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; }
.zone { font-style: italic; font-size: 11pt; }
table { font-size: 10pt; }
th, td { padding: 0.5mm 1.5mm; }
th { background: #f0f0f0; }
tbody.journal { break-inside: avoid; page-break-inside: avoid; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.marks { white-space: nowrap; }
.entries td.operator { min-width: 30mm; }
.entries td.action { min-width: 35mm; }
.summary tr.hash td { font-size: 9pt; border-top: 0; }
.summary tr.main td { border-bottom: 0; }
.summary .full { font-size: 8.5pt; word-break: break-all; }
.summary .grouped { font-size: 9pt; }
.hash-note { font-size: 10.5pt; font-style: italic; }
.note { font-size: 10.5pt; border-left: 2px solid #000; padding-left: 2mm; }
.entries tr.undo td, .entries tr.correct td { font-style: italic; }
.entries tr.invalid td.judgement { font-weight: bold; }
.entries tr.session td { background: #f4f4f4; }
.resolutions .head { font-size: 10.5pt; }
.alignment tr.difference td { font-weight: bold; }
.alignment td.note { font-size: 10pt; }
/* A decision replaced by a later one stays legible (it is part of the record), in grey. */
.resolutions tr.superseded td { color: #555; font-style: italic; }
/* The closing takes the last rows of the table before it along. */
table.last tbody tr:nth-last-child(-n+3) { break-after: avoid; page-break-after: avoid; }
"""


def _time_cell(time: str, log: EntryLog, lang: Lang) -> str:
    return f'<td class="time">{_e(when(time, log.zone, lang))}</td>'


def _summary_html(log: EntryLog, lang: Lang) -> str:
    bodies: list[str] = []
    for j in log.journals:
        operators = "<br>".join(_e(clean(x)) for x in j.operators)
        bodies.append(
            '<tbody class="journal"><tr class="main">'
            f'<td class="file">{_e(clean(j.label))}</td><td class="operators">{operators}</td>'
            f"{_time_cell(j.first, log, lang)}{_time_cell(j.last, log, lang)}"
            f'<td class="num ballots">{_e(_ballots_cell(j, lang))}</td>'
            f'<td class="num">{j.corrections}</td><td class="num">{j.undos}</td>'
            f'<td class="num">{j.pauses}</td></tr>\n'
            f'<tr class="hash"><td colspan="8">{_e(_head_label(lang))}: '
            f'<span class="mono full head">{_e(j.head)}</span><br>'
            f'<span class="mono grouped">{_e(group(j.head))}</span></td></tr></tbody>'
        )
    return (
        f"<h2>I. {_e(msg('entry_log.journals').text(lang))}</h2>\n"
        f'<table class="summary">{html_kit.thead(_summary_heads(lang))}\n'
        + "\n".join(bodies)
        + "\n</table>\n"
        + f'<p class="hash-note">{_e(_hash_sentence(lang))}</p>\n'
    )


def _numbers(log: EntryLog) -> tuple[str, str]:
    """The numbers of the sections after the comparison (there is none for one journal)."""
    return ("III", "IV") if log.comparison is not None else ("II", "III")


def _comparison_html(log: EntryLog, lang: Lang) -> str:
    result = log.comparison
    if result is None:
        return ""
    rows: list[str] = []
    for seg in result.segments:
        cells = _segment_cells(seg, log, lang)
        cls = "identical" if seg.difference is None else "difference"
        middle = "".join(f'<td class="marks mono">{_e(c)}</td>' for c in cells[1:-1])
        rows.append(
            f'<tr class="{cls}"><td class="num serial">{_e(cells[0])}</td>{middle}'
            f'<td class="note">{_e(cells[-1])}</td></tr>'
        )
    intro = "".join(f"<p>{_e(x)}</p>" for x in _comparison_intro(result, lang))
    return (
        f"<h2>II. {_e(_comparison_title(lang))}</h2>\n"
        f'<section class="comparison">{intro}\n'
        f'<table class="alignment">{html_kit.thead(_comparison_heads(log, lang))}<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table>\n</section>\n"
    )


def _entries_html(log: EntryLog, lang: Lang) -> str:
    number = _numbers(log)[0]
    out = [f"<h2>{number}. {_e(msg('entry_log.every_entry').text(lang))}</h2>\n"]
    for i, j in enumerate(log.journals, 1):
        who = ", ".join(clean(x) for x in j.operators)
        out.append(
            f'<h3>{i}. <span class="file">{_e(clean(j.label))}</span>'
            + (f" — {_e(who)}" if who else "")
            + "</h3>\n"
        )
        out += [f'<p class="note">{_e(n)}</p>\n' for n in _journal_notes(j, lang)]
        rows: list[str] = []
        for r in j.rows:
            cells = _row_cells(r, log, lang)
            classes: list[str] = [r.kind]
            if r.kind in ("open", "start", "stop", "pause", "resume"):
                classes.append("session")
            if _invalid(r.judgement, r.unjudged):
                classes.append("invalid")
            rows.append(
                f'<tr class="{" ".join(classes)}" data-seq="{r.seq}">'
                f'<td class="num">{cells[0]}</td><td class="time">{_e(cells[1])}</td>'
                f'<td class="operator">{_e(cells[2])}</td><td class="action">{_e(cells[3])}</td>'
                f'<td class="num serial">{_e(cells[4])}</td>'
                f'<td class="marks mono">{_e(cells[5])}</td>'
                f'<td class="judgement">{_e(cells[6])}</td></tr>'
            )
        last = log.resolutions is None and i == len(log.journals)
        cls = "entries last" if last else "entries"  # the closing keeps its last rows
        out.append(
            f'<table class="{cls}">{html_kit.thead(_entry_heads(lang))}<tbody>\n'
            + "\n".join(rows)
            + "\n</tbody></table>\n"
        )
    return "".join(out)


def _resolutions_html(log: EntryLog, lang: Lang) -> str:
    res = log.resolutions
    if res is None:
        return ""
    out = [
        f"<h2>{_numbers(log)[1]}. {_e(msg('entry_log.resolutions').text(lang))}</h2>\n",
        f'<section class="resolutions"><p>{_e(_resolution_intro(lang))}</p>\n',
        f'<p class="head">{_e(msg("entry_log.file").text(lang))}: {_e(clean(res.label))} · '
        f"{_e(_head_label(lang))}: "
        f'<span class="mono">{_e(res.head)}</span><br>'
        f'<span class="mono">{_e(group(res.head))}</span></p>\n',
    ]
    if not res.rows:
        out.append(f"<p>{_e(msg('entry_log.no_resolutions_yet').text(lang))}</p>\n")
    else:
        rows: list[str] = []
        for r in res.rows:
            c = _resolution_cells(r, log, lang)
            cls = "resolve superseded" if r.superseded_by is not None else "resolve"
            rows.append(
                f'<tr class="{cls}" data-seq="{r.seq}"><td class="num">{c[0]}</td>'
                f'<td class="time">{_e(c[1])}</td><td class="num serial">{_e(c[2])}</td>'
                f'<td class="versions">{_e(c[3])}</td><td class="decision">{_e(c[4])}</td>'
                f'<td class="judgement">{_e(c[5])}</td><td class="by">{_e(c[6])}</td>'
                f'<td class="note">{_e(c[7])}</td></tr>'
            )
        out.append(
            f'<table class="resolutions last">{html_kit.thead(_resolution_heads(lang))}<tbody>\n'
            + "\n".join(rows)
            + "\n</tbody></table>\n"
        )
    out.append("</section>\n")
    return "".join(out)


def render_html(log: EntryLog, lang: Lang) -> str:
    """The entry log as one self-contained HTML5 page to print on A4 (no script, no link)."""
    sheet = log.sheet
    foot = f"{_title(lang).capitalize()} · {sheet.contest} · " + msg(
        "entry_log.round", round=sheet.round
    ).text(lang)
    css = html_kit.print_css(
        margin="15mm 12mm 16mm", size="12pt", page_word=msg("doc.page").text(lang), foot=clean(foot)
    )
    facts = "".join(f"<dt>{_e(k)}</dt><dd>{_e(clean(v))}</dd>" for k, v in _facts(log, lang))
    body = (
        f"<h1>{_e(_title(lang))}</h1>\n"
        f'<p class="election">{_e(clean(sheet.election))}</p>\n'
        f'<dl class="facts">{facts}</dl>\n'
        f'<p class="zone">{_e(_zone_sentence(log, lang))}</p>\n'
        + _summary_html(log, lang)
        + _comparison_html(log, lang)
        + _entries_html(log, lang)
        + _resolutions_html(log, lang)
        + html_kit.closing(_closing(log, lang))
    )
    title = f"{_title(lang)} — {clean(sheet.title)}"
    return html_kit.page(
        lang=lang,
        title=title,
        css=css + _CSS,
        body=f"<main>\n{body}</main>\n",
        generator=f"tally {__version__}",
        body_class="entry-log",
    )


# ---------------------------------------------------------------------------------------------
# Writing


def format_of(path: Path) -> Format | None:
    return EXTENSIONS.get(path.suffix.lower())


def write_log(log: EntryLog, path: Path, lang: Lang) -> None:
    """Write the log as HTML (.html, .htm) or Markdown (.md), atomically; UsageError otherwise."""
    fmt = format_of(path)
    if fmt is None:
        raise UsageError.at(msg("log.format", name=path.name), path, hint=msg("log.format.hint"))

    if fmt == "html":
        text = render_html(log, lang)
    elif fmt == "md":
        text = render_markdown(log, lang)
    else:
        assert_never(fmt)
    with written_atomically(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")
