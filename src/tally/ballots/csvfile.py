"""Streaming reader of per-ballot CSV files (design.md): structure only, one row at a time.

Columns: ``ballot`` (optional serial), ``struck``, ``unmarked``, ``invalid``, separated by
``,``, ``;`` or a tab (recognised from the header line, as Excel saves them). UTF-8 with or
without BOM, or UTF-16 with BOM (Excel's "Unicode Text"); anything else is refused with a
message saying how to save the file from Excel. The reader checks the header and the number
of fields; what the fields mean (positions, reasons) is checked by :mod:`tally.count`, which
knows the contest (:mod:`tally.ballots.marks` is the grammar of a field).

A row with nothing in it (Excel's trailing ``,,,``, or a blank line) is not a ballot: it is
skipped and remembered, so the count can say which lines it skipped. A malformed row is
logged and skipped so that one run reports every mistake of the file.

Memory does not grow with the file: rows are produced one at a time.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from tally.errors import BallotFileError, Issue, IssueLog, Location
from tally.i18n import msg, os_reason
from tally.source import open_regular

COLUMNS = ("ballot", "struck", "unmarked", "invalid")
REQUIRED = ("struck",)

# (line number, serial, struck, unmarked, invalid): raw text, stripped.
Row = tuple[int, str, str, str, str]


def _header(path: Path, line: str, sep: str) -> tuple[int, int, int, int, int]:
    names = [h.strip().lower() for h in next(csv.reader([line], delimiter=sep))]
    unknown = [n for n in names if n not in COLUMNS]
    if unknown:
        # Quote a column name, never a line of some other file (ballots: /etc/passwd).
        looks_like_a_name = len(unknown[0]) <= 24 and re.fullmatch(r"[\w .-]*", unknown[0])
        raise BallotFileError.at(
            msg("csv.unknown_column", column=unknown[0])
            if looks_like_a_name
            else msg("csv.not_a_header"),
            path,
            1,
            hint=msg("csv.columns.hint", columns=", ".join(COLUMNS)),
        )
    for required in REQUIRED:
        if required not in names:
            raise BallotFileError.at(
                msg("csv.missing_column", column=required),
                path,
                1,
                hint=msg("csv.missing_column.hint"),
            )
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise BallotFileError.at(msg("csv.column_twice", column=sorted(dupes)[0]), path, 1)
    index = {n: i for i, n in enumerate(names)}
    return (
        len(names),
        index.get("ballot", -1),
        index["struck"],
        index.get("unmarked", -1),
        index.get("invalid", -1),
    )


EXCEL_HINT = msg("csv.excel.hint")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
SEPARATORS = (",", ";", "\t")


def _encoding(path: Path, head: bytes) -> str:
    """The file's encoding from its first bytes: a byte-order mark, else UTF-8."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    if b"\x00" in head:
        raise BallotFileError.at(
            msg("csv.utf16_no_bom"),
            path,
            1,
            hint=EXCEL_HINT,
        )
    return "utf-8-sig"


def _decode_error(path: Path, encoding: str, exc: UnicodeDecodeError) -> Issue:
    """Name the line of the first byte the encoding cannot read (the decoder reads ahead)."""
    raw = path.read_bytes()
    try:
        raw.decode(encoding)
    except UnicodeDecodeError as first:
        exc = first
    line = raw[: exc.start].decode(encoding, errors="replace").count("\n") + 1
    byte = raw[exc.start : exc.start + 1].hex().upper()
    if encoding == "utf-16":
        message = msg("csv.not_utf16", reason=exc.reason)
    else:
        message = msg("csv.not_utf8", byte=byte)
    return Issue(message, Location(path, line), EXCEL_HINT)


def _separator(header: str) -> str:
    """The column separator the header uses: ',', ';' (Excel on a Vietnamese PC) or a tab."""
    counts = [header.count(sep) for sep in SEPARATORS]
    return SEPARATORS[counts.index(max(counts))] if max(counts) else ","


class EmptyRows:
    """Rows with nothing in them, skipped: how many, and their lines as ranges."""

    SHOWN = 20  # ranges kept for the message; memory does not grow with the file

    def __init__(self) -> None:
        self.count = 0
        self.ranges: list[list[int]] = []
        self.more = 0  # ranges not kept
        self._last = -1

    def add(self, line: int) -> None:
        self.count += 1
        follows = self._last == line - 1
        self._last = line
        if follows and not self.more:
            self.ranges[-1][1] = line
        elif not follows and len(self.ranges) < self.SHOWN:
            self.ranges.append([line, line])
        elif not follows:
            self.more += 1

    def lines_text(self) -> str:
        """``52, 111–113``, and ``…`` when more ranges were left out."""
        text = ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in self.ranges)
        return text + (", …" if self.more else "")


class BallotFile:
    """One ballot file being read: its rows, the empty rows skipped, the mistakes found.

    A malformed row is logged in ``issues`` and skipped, so that one run finds every mistake;
    the caller must raise ``issues`` before using anything counted from the rows. A file that
    cannot be read at all (missing, bad header, UTF-16 without a byte-order mark) raises
    BallotFileError at once.
    """

    def __init__(self, path: Path, issues: IssueLog | None = None) -> None:
        self.path = path
        self.issues = issues if issues is not None else IssueLog(path)
        self.empty = EmptyRows()

    def rows(self) -> Iterator[Row]:
        """Yield each ballot row of the file (line number, serial, struck, unmarked, invalid)."""
        path = self.path
        # A regular file only (a pipe would block), opened without blocking: tally.source.
        raw = open_regular(path, BallotFileError, "ballot file")
        try:
            head = raw.read(4096)
            raw.seek(0)
        except OSError as exc:
            raw.close()
            raise BallotFileError.at(
                msg("source.cannot_read", reason=os_reason(exc)), path
            ) from None
        try:
            encoding = _encoding(path, head)
        except BaseException:
            raw.close()
            raise
        lineno = 0
        with io.TextIOWrapper(raw, encoding=encoding, newline="") as f:
            try:
                first = f.readline()
                lineno = 1
                if not first.strip():
                    raise BallotFileError.at(
                        msg("csv.empty"),
                        path,
                        1,
                        hint="ballot,struck,unmarked,invalid",
                    )
                header = first.rstrip("\r\n")
                sep = _separator(header)
                width, i_serial, i_struck, i_unmarked, i_invalid = _header(path, header, sep)
                blank = sep + " \t\r\n"
                for line in f:
                    lineno += 1
                    # Fields keep a trailing newline at most; every field is stripped later.
                    if '"' in line:
                        try:
                            fields = next(csv.reader([line], delimiter=sep))
                        except csv.Error as exc:
                            self.issues.add(
                                Issue(msg("csv.malformed", reason=str(exc)), Location(path, lineno))
                            )
                            continue
                        if not any(x.strip() for x in fields):
                            self.empty.add(lineno)
                            continue
                    else:
                        fields = line.split(sep)
                    if len(fields) != width:
                        if not line.strip(blank):
                            self.empty.add(lineno)
                            continue
                        self.issues.add(
                            Issue(
                                msg("csv.width", width=width, found=len(fields)),
                                Location(path, lineno),
                                msg("csv.width.hint"),
                            )
                        )
                        continue
                    struck = fields[i_struck].rstrip()
                    if not struck and not line.strip(blank):
                        self.empty.add(lineno)
                        continue
                    yield (
                        lineno,
                        fields[i_serial].strip() if i_serial >= 0 else "",
                        struck,
                        fields[i_unmarked].rstrip() if i_unmarked >= 0 else "",
                        fields[i_invalid].strip() if i_invalid >= 0 else "",
                    )
            except UnicodeDecodeError as exc:
                self.issues.add(_decode_error(path, encoding, exc))


def read_rows(path: Path) -> Iterator[Row]:
    """Yield each ballot row of ``path``; then raise BallotFileError if any row was malformed.

    Empty rows are skipped; :class:`BallotFile` says which.
    """
    issues = IssueLog(path)
    yield from BallotFile(path, issues).rows()
    issues.raise_if_any()
