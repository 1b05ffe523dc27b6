"""Reading the personnel list (danh sách trích ngang) of a spreadsheet or a CSV file.

The organisation committee's sheet has title rows (often merged cells) above a header row; the
header names the columns in Vietnamese or English (Họ và tên, Giới tính or Nam / Nữ, Ngày sinh,
Dân tộc, Đảng viên chính thức / dự bị, Tái cử, Chức vụ …). Each column is mapped to a field of
a person by its heading (or by ``--map``); every row is read, and every cell that cannot be read
is an :class:`~tally.errors.Issue` naming the sheet, the row and the column. Nothing is returned
until all rows are read. Pure: a path in, rows and issues out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tally.errors import ConfigError, Issue, Location, UsageError
from tally.i18n import msg
from tally.source import read_regular
from tally.textnorm import ascii_fold, nfc

Value = str | bool | dt.date
FIELDS = ("id", "name", "sex", "born", "ethnicity", "incumbent", "membership", "post")

# Headings as the sheets write them, folded to ASCII lower case (see _fold).
HEADINGS: Mapping[str, str] = {
    "id": "id",
    "ma": "id",
    "ma so": "id",
    "ho va ten": "name",
    "ho ten": "name",
    "ho va ten khai sinh": "name",
    "name": "name",
    "full name": "name",
    "gioi tinh": "sex",
    "sex": "sex",
    "gender": "sex",
    "nam": "sex_m",
    "nu": "sex_f",
    "ngay sinh": "born",
    "nam sinh": "born",
    "ngay thang nam sinh": "born",
    "ngay, thang, nam sinh": "born",
    "born": "born",
    "date of birth": "born",
    "birth date": "born",
    "dan toc": "ethnicity",
    "ethnicity": "ethnicity",
    "dang vien": "membership",
    "dang vien chinh thuc / du bi": "membership",
    "dang vien chinh thuc/du bi": "membership",
    "membership": "membership",
    "tai cu": "incumbent",
    "incumbent": "incumbent",
    "chuc vu": "post",
    "chuc vu hien tai": "post",
    "chuc vu, don vi cong tac": "post",
    "post": "post",
    "position": "post",
}
# Columns every list has that carry no field of a person: the row number.
IGNORED = frozenset({"stt", "tt", "so tt", "so thu tu", "no", "no."})
# What a person's row has and a footer's (a total, "Người lập biểu", a signer) does not.
PERSON_DATA = frozenset({"id", "sex", "sex_m", "sex_f", "born", "ethnicity", "membership"})
_TOTAL = re.compile(r"(tong cong|tong so)\b|cong\s*[:\d]")  # not a name "Công …"


def _footer(
    row: Sequence[object],
    cells: Mapping[int, object],
    headings: Mapping[int, str],
    number_col: int | None,
    after_table: bool,
) -> str | None:
    """The row's text when it is the sheet's footer rather than a person, else None.

    A footer row has no row number and none of a person's data (sex, birth, ethnicity, …):
    a total ("Cộng: 11 người") anywhere, or any such row under the table (after a blank row
    that follows the people: "T/M BAN THƯỜNG VỤ", "Người lập biểu", the signers' names). A
    sheet with neither a number column nor a column of a person's data cannot tell a footer
    from a name, so only its totals are left out.
    """
    if (
        number_col is not None
        and number_col < len(row)
        and re.fullmatch(r"\d+", _text(row[number_col]).strip("."))
    ):
        return None  # a numbered row is a person's
    if any(headings[c] in PERSON_DATA for c in cells):
        return None
    texts = [_text(v) for v in row if v is not None and _text(v)]
    if not texts:
        return None
    name = next((_text(v) for c, v in cells.items() if headings[c] == "name"), "")
    if _TOTAL.match(_fold(name)):
        return texts[0]
    can_tell = number_col is not None or bool(PERSON_DATA & set(headings.values()))
    return texts[0] if after_table and can_tell else None


_SEX = {"nam": "M", "m": "M", "male": "M", "nu": "F", "f": "F", "female": "F"}
_YES = frozenset({"x", "co", "yes", "true", "1", "tai cu", "✓", "v"})
_NO = frozenset({"", "khong", "no", "false", "0", "lan dau", "moi"})
_MEMBERSHIP = {
    "chinh thuc": "full",
    "full": "full",
    "du bi": "probationary",
    "probationary": "probationary",
}


def _fold(text: object) -> str:
    """A heading or a word as compared: NFC, ASCII-folded, lower case, single spaces."""
    return " ".join(ascii_fold(nfc(str(text))).lower().split()).strip(" :*")


@dataclass(frozen=True)
class SheetRow:
    """One person as the sheet gives them: the row number and the fields read."""

    row: int
    fields: dict[str, Value]
    year_only: bool = False  # the date of birth gave only the year (written as 1 January)


@dataclass(frozen=True)
class SheetRead:
    """What a personnel list held: its people, and what was left aside."""

    sheet: str
    rows: tuple[SheetRow, ...]
    blank_rows: tuple[int, ...]
    unread_columns: tuple[str, ...]  # headings no field is taken from
    fields: tuple[str, ...]  # the fields the sheet gives, in FIELDS order
    issues: tuple[Issue, ...] = field(default=())
    footer_rows: tuple[tuple[int, str], ...] = ()  # (row, its first text) under the table


def parse_map(pairs: Iterable[str]) -> dict[str, str]:
    """``--map COLUMN=field``: the folded heading → the field (``ignore`` drops a column)."""
    out: dict[str, str] = {}
    for pair in pairs:
        heading, sep, name = pair.rpartition("=")
        name = name.strip()
        if not sep or not heading.strip() or name not in (*FIELDS, "ignore"):
            raise UsageError.at(
                msg("import.bad_map", got=pair, fields=", ".join((*FIELDS, "ignore"))),
                field="--map",
            )
        out[_fold(heading)] = name
    return out


def _cells(path: Path, sheet: str | None) -> tuple[str, list[list[object]]]:
    """The sheet's name and its rows of cell values (``None`` for an empty cell)."""
    if path.suffix.lower() == ".csv":
        raw = read_regular(path, ConfigError)
        text = raw.decode("utf-8-sig", errors="strict") if raw else ""
        first = text.splitlines()[0] if text else ""
        sep = ";" if first.count(";") > first.count(",") else ","
        rows: list[list[object]] = [
            [c if c.strip() else None for c in r]
            for r in csv.reader(io.StringIO(text), delimiter=sep)
        ]
        return path.name, rows
    import openpyxl  # only here: --help stays fast

    data = read_regular(path, ConfigError)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ConfigError.at(msg("import.not_workbook", reason=str(exc)), path) from None
    if sheet is not None and sheet not in book.sheetnames:
        raise UsageError.at(
            msg("import.no_sheet", sheet=sheet, sheets=", ".join(book.sheetnames)), path
        )
    ws = book[sheet] if sheet is not None else book.worksheets[0]
    rows = [list[object](r) for r in ws.iter_rows(values_only=True)]
    book.close()
    return ws.title, rows


def _heading_map(row: Sequence[object], mapping: Mapping[str, str]) -> dict[int, str]:
    out: dict[int, str] = {}
    for col, cell in enumerate(row):
        if cell is None:
            continue
        key = _fold(cell)
        name = mapping.get(key) or HEADINGS.get(key)
        if name and name != "ignore":
            out[col] = name
    return out


def _find_header(rows: list[list[object]], mapping: Mapping[str, str]) -> int | None:
    """The first row that names the person's name and at least one more field."""
    for i, row in enumerate(rows[:30]):
        found = set(_heading_map(row, mapping).values())
        if "name" in found and len(found) >= 2:
            return i
    return None


def column_letter(col: int) -> str:
    """0 → A, 26 → AA: the column as the spreadsheet shows it."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")


def read_born(value: object) -> tuple[dt.date, bool] | None:
    """A date of birth as the sheets write it: an Excel date, 05/07/1972, 5/7/1972, 5-7-1972,
    1972-07-05, or a year (1 January of it, said to the user). ``None``: not a date."""
    if isinstance(value, dt.datetime):
        return value.date(), False
    if isinstance(value, dt.date):
        return value, False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and 1900 <= int(value) <= 2100:
            return dt.date(int(value), 1, 1), True
        return None
    text = nfc(str(value)).strip()
    try:
        if m := _DATE.match(text):
            return dt.date(int(m[3]), int(m[2]), int(m[1])), False
        if m := _ISO.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3])), False
    except ValueError:
        return None
    if (m := _YEAR.match(text)) and 1900 <= int(m[1]) <= 2100:
        return dt.date(int(m[1]), 1, 1), True
    return None


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(nfc(str(value)).split())


class _RowReader:
    """Reads the cells of one row into fields, gathering what it cannot read."""

    def __init__(self, where: Location, titles: Mapping[int, str], row: int) -> None:
        self.where, self.titles, self.row = where, titles, row
        self.fields: dict[str, Value] = {}
        self.issues: list[Issue] = []
        self.year_only = False

    def bad(self, col: int, value: object, expected: str) -> None:
        """The cell at ``col`` cannot be read: its sheet, row and column, and what it should be."""
        place = Location(
            self.where.path, self.row, col + 1, f"{self.where.field}!{column_letter(col)}{self.row}"
        )
        said = msg(
            "import.bad_cell",
            column=self.titles.get(col, column_letter(col)),
            got=_text(value),
            expected=msg(f"import.expected.{expected}"),
        )
        self.issues.append(Issue(said, place))

    def cell(self, col: int, name: str, value: object) -> None:
        folded = _fold(value)
        if name in ("id", "name", "ethnicity", "post"):
            self.fields[name] = _text(value)
        elif name == "sex":
            if folded not in _SEX:
                return self.bad(col, value, "sex")
            self.fields["sex"] = _SEX[folded]
        elif name in ("sex_m", "sex_f"):
            sex = "M" if name == "sex_m" else "F"
            if "sex" in self.fields and self.fields["sex"] != sex:
                return self.bad(col, value, "one_sex")
            self.fields["sex"] = sex
            if folded not in _YES:  # the date of birth written under Nam or Nữ
                self.born(col, value)
        elif name == "born":
            self.born(col, value)
        elif name == "incumbent":
            if folded in _YES:
                self.fields["incumbent"] = True
            elif folded in _NO:
                self.fields["incumbent"] = False
            else:
                return self.bad(col, value, "yes_no")
        elif name == "membership":
            if folded not in _MEMBERSHIP:
                return self.bad(col, value, "membership")
            self.fields["membership"] = _MEMBERSHIP[folded]
        return None

    def born(self, col: int, value: object) -> None:
        read = read_born(value)
        if read is None:
            return self.bad(col, value, "date")
        self.fields["born"], self.year_only = read
        return None


def _title(rows: list[list[object]], header: int, start: int, col: int) -> str:
    """The heading a column is known by: its sub-heading (Nam, Nữ) if it has one."""
    sub = rows[start - 1] if start - 1 > header else []
    value = sub[col] if col < len(sub) and sub[col] is not None else rows[header][col]
    return _text(value)


def read_sheet(
    path: Path, sheet: str | None = None, mapping: Mapping[str, str] | None = None
) -> SheetRead:
    """Every person of the personnel list at ``path``; raises ConfigError (exit 2) with one
    issue per cell it cannot read, or when no header row names the columns."""
    mapping = mapping or {}
    title, rows = _cells(path, sheet)
    header = _find_header(rows, mapping)
    if header is None:
        raise ConfigError.at(
            msg("import.no_header", sheet=title), path, hint=msg("import.no_header.hint")
        )
    headings = _heading_map(rows[header], mapping)
    start = header + 1
    # A second header row under a merged "Ngày sinh": its Nam / Nữ name the columns below it.
    if start < len(rows):
        sub = _heading_map(rows[start], mapping)
        filled = sum(1 for c in rows[start] if c is not None and _text(c))
        if sub and set(sub.values()) <= {"sex_m", "sex_f"} and filled == len(sub):
            headings.update(sub)
            start += 1
    name_col = next(c for c, n in headings.items() if n == "name")
    unread = tuple(
        _text(c)
        for i, c in enumerate(rows[header])
        if c is not None and i not in headings and _fold(c) not in IGNORED
    )
    where = Location(path, field=title)
    titles = {c: _title(rows, header, start, c) for c in headings}
    number_col = next(
        (i for i, c in enumerate(rows[header]) if c is not None and _fold(c) in IGNORED), None
    )
    read: list[SheetRow] = []
    blank: list[int] = []
    footer: list[tuple[int, str]] = []
    issues: list[Issue] = []
    after_table = False  # a blank row has come after the people
    for i in range(start, len(rows)):
        row, number = rows[i], i + 1
        cells = {
            c: row[c] for c in headings if c < len(row) and row[c] is not None and _text(row[c])
        }
        if (said := _footer(row, cells, headings, number_col, after_table)) is not None:
            footer.append((number, said))
            continue
        if not cells:
            if not any(v is not None and _text(v) for v in row):
                blank.append(number)
                after_table = after_table or bool(read)
            continue
        name = cells.get(name_col)
        if name is None or re.fullmatch(r"\(?\d+\)?", _text(name)):
            if i == start and all(re.fullmatch(r"\(?\d+\)?", _text(v)) for v in cells.values()):
                continue  # the row numbering the columns: (1) (2) (3) …
            reader = _RowReader(where, titles, number)
            reader.bad(name_col, "", "name")
            issues += reader.issues
            continue
        reader = _RowReader(where, titles, number)
        for col, value in cells.items():
            reader.cell(col, headings[col], value)
        if "incumbent" in headings.values() and "incumbent" not in reader.fields:
            reader.fields["incumbent"] = False  # a column of marks: no mark is "no"
        issues += reader.issues
        read.append(SheetRow(number, reader.fields, reader.year_only))
    if issues:
        raise ConfigError(issues)
    given = {"sex" if n in ("sex_m", "sex_f") else n for n in headings.values()}
    if "sex_m" in headings.values() or "sex_f" in headings.values():
        given.add("born")
    return SheetRead(
        title,
        tuple(read),
        tuple(blank),
        unread,
        tuple(f for f in FIELDS if f in given),
        footer_rows=tuple(footer),
    )
