"""CSV and XLSX exports of a count, built from the count report (no click, no rich).

Every figure exported is read from the count report, so it equals what ``--json`` prints:
nothing is recomputed here (a percentage is the report's string, never votes/base again).

- CSV: one row per candidate and round, with stable English column keys (:data:`COLUMNS`) and
  the document's machine values (``elected``, ``85.32``): a contract for scripts.
- Both are inert: a text cell that begins with ``= + - @``, a tab or a carriage return, which a
  spreadsheet would run as a formula (a name ``=HYPERLINK(…)`` opens a link, ``=cmd|…`` worse),
  is written as text with Excel's quote prefix in the XLSX and prefixed with ``'`` in the CSV
  (the OWASP advice on CSV injection). Only text cells: numbers stay numbers, negative too.
- XLSX: the layout counting boards keep in Excel — a summary sheet, then one sheet per contest
  with a block per round (figures, the candidate table, the outcome), labelled in the report
  language. The same document always gives the same file, byte for byte: the workbook's dates
  and the archive's timestamps are fixed.
"""

from __future__ import annotations

import csv
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from tally.documents.package import FixedTimeZip
from tally.findings import Lang
from tally.i18n import msg
from tally.labels import BODY, FIGURE, OUTCOME, REASON, STATUS, tr
from tally.report.model import CandidateLine, ContestReport, CountReport, RoundReport
from tally.report.text import base_sentence, names_of, outcome_sentence, problem_text
from tally.safefile import written_atomically

Row = dict[str, str | int | None]
CellValue = str | int | Decimal | None

COLUMNS: tuple[str, ...] = (
    "contest",
    "body",
    "round",
    "seats",
    "base",
    "threshold",
    "issued",
    "collected",
    "valid",
    "invalid",
    "position",
    "id",
    "name",
    "votes",
    "pct_of_base",
    "status",
    "outcome",
    # Added at the end, so that scripts reading the columns above by position keep working:
    # an agree/disagree ballot's agree, disagree and unmarked rows; empty on a strike-out
    # ballot, and where a tally sheet does not give them.
    "agree",
    "agree_pct",
    "disagree",
    "disagree_pct",
    "unmarked",
    "unmarked_pct",
)
ROW_FIGURES: tuple[str, ...] = ("agree", "disagree", "unmarked")


# What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection").
FORMULA_START: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")

# CSV columns holding text; the others hold numbers (pct_of_base is the document's decimal
# string) and are never prefixed.
TEXT_COLUMNS = frozenset({"contest", "body", "id", "name", "status", "outcome"})


def inert_cell(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet runs: ``'`` before a formula's first character.

    A carriage return becomes a line feed: the writer quotes a field only for the characters
    of its own line ending (``\\n``), and a bare CR left unquoted ends the row in Excel.
    """
    prefix = "'" if text.startswith(FORMULA_START) else ""
    return prefix + text.replace("\r\n", "\n").replace("\r", "\n")


def export_rows(report: CountReport) -> list[Row]:
    """One row per candidate and round, in report order (contest, round, ballot position)."""
    rows: list[Row] = []
    for contest in report.contests:
        for rd in contest.rounds:
            ballots = rd.ballots
            for cand in rd.candidates:
                fields: Row = {
                    "contest": contest.id,
                    "body": contest.body,
                    "round": rd.number,
                    "seats": rd.seats,
                    "base": rd.base,
                    "threshold": rd.threshold,
                    "issued": ballots.issued,
                    "collected": ballots.collected,
                    "valid": ballots.valid,
                    "invalid": ballots.invalid,
                    "position": cand.position,
                    "id": cand.id,
                    "name": cand.name,
                    "votes": cand.votes,
                    "pct_of_base": cand.pct_of_base,
                    "status": cand.status,
                    "outcome": rd.outcome,
                }
                rows.append(fields | _row_fields(cand))
    return rows


def _row_fields(cand: CandidateLine) -> Row:
    out: Row = {}
    for key, row in zip(ROW_FIGURES, (cand.agree, cand.disagree, cand.unmarked), strict=True):
        out[key] = row.count if row is not None else None
        out[f"{key}_pct"] = row.pct_of_base if row is not None else None
    return out


def write_csv(report: CountReport, stream: TextIO) -> None:
    """The header row and :func:`export_rows`, ``\\n`` line endings; ``None`` is an empty field;
    text cells are made inert (:func:`inert_cell`)."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in export_rows(report):
        writer.writerow([_csv_field(key, row[key]) for key in COLUMNS])


def _csv_field(key: str, value: str | int | None) -> str | int:
    if value is None:
        return ""
    if isinstance(value, str) and key in TEXT_COLUMNS:
        return inert_cell(value)
    return value


# --- XLSX -------------------------------------------------------------------------------------

FIXED_TIME = datetime(2000, 1, 1)  # workbook created/modified: nothing variable in the file
SHEET_TITLE_MAX = 31
_SHEET_FORBIDDEN = set("[]:*?/\\")
NONE = "–"

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_INDENT = Alignment(indent=2)

# STT · Họ và tên · Số phiếu · Tỷ lệ % · Kết quả (· Không đồng ý · Tỷ lệ % · Cả hai ô/bỏ trống ·
# Tỷ lệ %: an agree/disagree round)
_CONTEST_WIDTHS = (8, 44, 12, 12, 22, 14, 12, 20, 12)
_SUMMARY_WIDTHS = (24, 66, 12, 12, 26)  # (file) · (SHA-256) fit in A and B


def summary_title(lang: Lang) -> str:
    return msg("table.summary").text(lang)


def outcome_label(outcome: str, lang: Lang) -> str:
    return tr(OUTCOME, outcome, lang)


def status_label(status: str | None, lang: Lang) -> str:
    return NONE if status is None else tr(STATUS, status, lang)


def sheet_title(raw: str, taken: set[str]) -> str:
    """A valid Excel sheet title for ``raw``, unique (case-insensitively) among ``taken``.

    Excel forbids ``[]:*?/\\``, a leading or trailing apostrophe, a blank title and more than
    31 characters; a clash gets ``~2``, ``~3``, … within those 31 characters.
    """
    base = "".join("_" if ch in _SHEET_FORBIDDEN else ch for ch in raw).strip("'").strip()
    base = base[:SHEET_TITLE_MAX] or "contest"
    title, n = base, 1
    while title.casefold() in taken:
        n += 1
        suffix = f"~{n}"
        title = base[: SHEET_TITLE_MAX - len(suffix)] + suffix
    taken.add(title.casefold())
    return title


def _put(ws: Worksheet, row: int, column: int, value: CellValue = None) -> Cell:
    """Every cell is written here: text a spreadsheet would run as a formula stays text
    (type ``s``, and Excel's quote prefix so that editing the cell does not revive it)."""
    if isinstance(value, str):  # a control character cannot be stored: show it, as the log does
        value = ILLEGAL_CHARACTERS_RE.sub(lambda m: f"<U+{ord(m.group()):04X}>", value)
    cell = ws.cell(row=row, column=column, value=value)
    assert isinstance(cell, Cell)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _figure(value: int | None) -> int | str:
    return NONE if value is None else value


def _pct(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def _widths(ws: Worksheet, widths: tuple[int, ...]) -> None:
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _header(ws: Worksheet, row: int, labels: list[str]) -> None:
    for col, label in enumerate(labels, 1):
        cell = _put(ws, row=row, column=col, value=label)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.border = _BOX


Figure = tuple[str, int | None, str | None, bool]  # label, value, note, indented


def _round_figures(rd: RoundReport, lang: Lang) -> list[Figure]:
    """The figures of a round in the order of the minutes; the invalid ballots by reason
    (indented) follow their total."""
    b = rd.ballots
    rows: list[Figure] = [(msg("table.seats_long").text(lang), rd.seats, None, False)]
    if rd.registered is not None:
        label = msg("table.registered_voters").text(lang)
        rows.append((label, rd.registered, None, False))
    if rd.present is not None:
        rows.append((msg("table.present").text(lang), rd.present, None, False))
    rows += [
        (msg("table.ballots_issued").text(lang), b.issued, None, False),
        (msg("table.ballots_collected").text(lang), b.collected, None, False),
        (msg("table.valid_ballots").text(lang), b.valid, None, False),
        (msg("table.invalid_ballots").text(lang), b.invalid, None, False),
    ]
    rows += [(tr(REASON, r, lang), n, None, True) for r, n in b.invalid_by_reason]
    if rd.base is not None and rd.base_parts:
        note = base_sentence(rd.base_parts, rd.base, lang)
    else:
        note = tr(FIGURE, rd.base_kind, lang)
    rows.append((msg("table.base").text(lang), rd.base, note, False))
    label = msg("table.votes_needed_be_elected").text(lang)
    rows.append((label, rd.threshold, None, False))
    return rows


def _contest_sheet(ws: Worksheet, contest: ContestReport, lang: Lang) -> None:
    _widths(ws, _CONTEST_WIDTHS)
    name = contest.name or tr(BODY, contest.body, lang)
    _put(ws, row=1, column=1, value=f"{name} ({contest.id})").font = _TITLE
    ws.freeze_panes = "A2"
    row = 2
    for rd in contest.rounds:
        row += 1
        _put(
            ws, row=row, column=1, value=f"{msg('table.round_heading').text(lang)} {rd.number}"
        ).font = _TITLE
        row += 1
        for label, value, note, indented in _round_figures(rd, lang):
            cell = _put(ws, row=row, column=2, value=label)
            if indented:
                cell.alignment = _INDENT
            _put(ws, row=row, column=3, value=_figure(value))
            if note:
                _put(ws, row=row, column=4, value=note)
            row += 1
        row += 1
        pct = msg("table.pct").text(lang)
        heads = [msg(f"table.{key}").text(lang) for key in ("number", "name", "votes")]
        heads += [pct, msg("table.result").text(lang)]
        # An agree/disagree ballot: the votes are the agree rows; the disagree rows and those
        # with both boxes or neither follow, after the columns every sheet has.
        shown = rd.layout == "agree_disagree"
        if shown:
            heads += [msg("table.disagree").text(lang), pct, msg("table.unmarked").text(lang), pct]
        _header(ws, row, heads)
        row += 1
        for cand in rd.candidates:
            values: list[CellValue] = [
                cand.position,
                cand.name,
                cand.votes,
                _pct(cand.pct_of_base),
                status_label(cand.status, lang),
            ]
            if shown:
                for fig in (cand.disagree, cand.unmarked):
                    values += [fig.count, _pct(fig.pct_of_base)] if fig else [NONE, None]
            for col, item in enumerate(values, 1):
                cell = _put(ws, row=row, column=col, value=item)
                cell.border = _BOX
                if col in (4, 7, 9):
                    cell.number_format = "0.00"
            row += 1
        row += 1
        if rd.elected:
            _put(
                ws,
                row=row,
                column=1,
                value=msg("table.elected_by_votes").text(lang) + names_of(rd, rd.elected),
            )
            row += 1
        for problem in rd.problems:
            _put(ws, row=row, column=1, value=f"✗ {problem.code}: {problem_text(problem, lang)}")
            row += 1
        _put(
            ws,
            row=row,
            column=1,
            value=f"{msg('table.outcome').text(lang)}: {outcome_label(rd.outcome, lang)}",
        ).font = _BOLD
        row += 1
        _put(ws, row=row, column=1, value=outcome_sentence(rd, lang))
        row += 1


def _summary_sheet(ws: Worksheet, report: CountReport, lang: Lang) -> None:
    _widths(ws, _SUMMARY_WIDTHS)
    _put(ws, row=1, column=1, value=report.election).font = _TITLE
    ws.freeze_panes = "A2"
    _put(ws, row=2, column=1, value=msg("table.rules").text(lang)).font = _BOLD
    _put(ws, row=2, column=2, value=report.rules)
    _put(ws, row=3, column=1, value=msg("table.tool").text(lang)).font = _BOLD
    _put(ws, row=3, column=2, value=report.tool)
    row = 5
    _header(
        ws,
        row,
        [
            msg("table.id").text(lang),
            msg("table.body").text(lang),
            msg("table.seats_long").text(lang),
            msg("table.elected_count").text(lang),
            msg("table.outcome").text(lang),
        ],
    )
    row += 1
    for contest in report.contests:
        values: list[CellValue] = [
            contest.id,
            tr(BODY, contest.body, lang),
            _figure(contest.seats),
            len(contest.elected),
            outcome_label(contest.outcome, lang),
        ]
        for col, item in enumerate(values, 1):
            _put(ws, row=row, column=col, value=item).border = _BOX
        row += 1
    row += 1
    _put(ws, row=row, column=1, value=msg("table.inputs").text(lang)).font = _BOLD
    row += 1
    _header(ws, row, [msg("table.file").text(lang), "SHA-256"])
    row += 1
    for path, digest in sorted(report.inputs):
        _put(ws, row=row, column=1, value=path).border = _BOX
        _put(ws, row=row, column=2, value=digest).border = _BOX
        row += 1


def build_workbook(report: CountReport, lang: Lang) -> Workbook:
    """The summary sheet, then one sheet per contest in document order."""
    wb = Workbook()
    summary = wb.active
    assert isinstance(summary, Worksheet)
    taken: set[str] = set()
    summary.title = sheet_title(summary_title(lang), taken)
    _summary_sheet(summary, report, lang)
    for contest in report.contests:
        _contest_sheet(wb.create_sheet(sheet_title(contest.id, taken)), contest, lang)
    props = wb.properties
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.creator = report.tool
    props.lastModifiedBy = report.tool
    props.title = report.election
    props.language = lang
    return wb


def write_xlsx(report: CountReport, path: Path, lang: Lang) -> None:
    """The workbook of the count at ``path``, written beside it and moved into place when whole.

    openpyxl's ``Workbook.save`` stamps the current time into the file; the workbook is written
    with its fixed dates instead, into an archive with fixed member timestamps.
    """
    wb = build_workbook(report, lang)
    with written_atomically(Path(path)) as tmp, tmp.open("xb") as f:
        archive = FixedTimeZip(f, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        ExcelWriter(wb, archive).save()  # closes the archive
