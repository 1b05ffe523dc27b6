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
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import repeat
from operator import add, itemgetter
from pathlib import Path
from typing import NamedTuple

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


class _Layout(NamedTuple):
    """The columns of one file, from its header line."""

    sep: str
    width: int
    serial: int  # column index, -1 when absent
    struck: int
    unmarked: int
    invalid: int


# Lines as ``for line in f`` gives them with ``newline=""``: ended by \r\n, \r or \n.
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
BLOCK = 1 << 18  # characters read at a time by BallotFile.blocks


class Block:
    """Consecutive lines of a ballot file, read together (BallotFile.blocks).

    A *plain* block has no quote, no lone carriage return and no empty row: ``text`` is its
    lines joined by ``\\n`` (no trailing newline), for the count to read in bulk
    (:mod:`tally.ballots.columns`) or by pattern (:meth:`count_patterns`). Any other block,
    or a plain one with a row of the wrong width, is read row by row (:meth:`rows`), exactly
    as :meth:`BallotFile.rows` reads a line.
    """

    def __init__(
        self, reader: BallotFile, first: int, lines: list[str] | None, text: str | None = None
    ) -> None:
        self.reader = reader
        self.first = first  # line number of the first line
        self._lines = lines
        self.text = text  # a plain block's text; None: read row by row
        self.size = len(lines) if lines is not None else (text or "").count("\n") + 1
        self.serials: list[str] | None = None  # raw serial field of each line (count_patterns)
        self.patterns: Counter[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = (self.text or "").split("\n")
        return self._lines

    def count_patterns(self) -> bool:
        """Of a plain block, count its lines with the serial field emptied (``patterns``), so
        that identical ballots are counted together, and keep the serials (``serials``);
        False if a row has the wrong width (the block is then read row by row)."""
        if self.text is None:
            return False
        lay = self.reader.layout
        text, lines = self.text, self.lines
        sep, width, j = lay.sep, lay.width, lay.serial
        serials = None
        patterns: Counter[str]
        if j < 0:
            patterns = Counter(lines)
        elif text.count(sep) != (width - 1) * len(lines):
            return False
        elif j == 0 or j == width - 1:  # the serial first or last: split it off in C
            parts = list(map(str.partition if j == 0 else str.rpartition, lines, repeat(sep)))
            serials = list(map(itemgetter(2 if j else 0), parts))
            rest = map(itemgetter(0 if j else 2), parts)
            # The pattern keeps the serial's field, empty. Each line has the file's width:
            # each pattern has (checked below), and the block's separators add up.
            patterns = Counter(map(add, rest, repeat(sep)) if j else map(add, repeat(sep), rest))
        else:
            fields = list(map(str.split, lines, repeat(sep)))
            if any(len(f) != width for f in fields):
                return False
            serials = list(map(itemgetter(j), fields))
            patterns = Counter(sep.join([*f[:j], "", *f[j + 1 :]]) for f in fields)
        if any(p.count(sep) != width - 1 for p in patterns):
            return False
        self.serials, self.patterns = serials, patterns
        return True

    def columns(self) -> tuple[list[str], list[str], list[str], list[int]]:
        """Of a block whose patterns are counted, each distinct pattern's struck, unmarked and
        invalid fields (stripped as :meth:`BallotFile.rows` strips them) and how many lines
        have it."""
        assert self.patterns is not None
        return (*self.reader.fields(self.patterns), list(self.patterns.values()))

    def rows(self) -> Iterator[Row]:
        """The block's rows one at a time (logging malformed and empty rows as they come)."""
        row = self.reader.row
        for lineno, line in enumerate(self.lines, self.first):
            r = row(line, lineno)
            if r is not None:
                yield r


class BallotFile:
    """One ballot file being read: its rows, the empty rows skipped, the mistakes found.

    A malformed row is logged in ``issues`` and skipped, so that one run finds every mistake;
    the caller must raise ``issues`` before using anything counted from the rows. A file that
    cannot be read at all (missing, bad header, UTF-16 without a byte-order mark) raises
    BallotFileError at once.

    :meth:`rows` reads a line at a time; :meth:`blocks` reads large blocks of lines, for the
    count (``tally.count.count_file``). Both read every line the same way (:meth:`row`).
    """

    def __init__(self, path: Path, issues: IssueLog | None = None) -> None:
        self.path = path
        self.issues = issues if issues is not None else IssueLog(path)
        self.empty = EmptyRows()
        self.layout = _Layout(",", 1, -1, 0, -1, -1)

    def _open(self) -> tuple[io.TextIOWrapper, str]:
        """The file opened as text, its header line read (``self.layout``); and its encoding."""
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
        f = io.TextIOWrapper(raw, encoding=encoding, newline="")
        try:
            first = f.readline()
            if not first.strip():
                raise BallotFileError.at(
                    msg("csv.empty"),
                    path,
                    1,
                    hint="ballot,struck,unmarked,invalid",
                )
            header = first.rstrip("\r\n")
            sep = _separator(header)
            self.layout = _Layout(sep, *_header(path, header, sep))
        except UnicodeDecodeError as exc:
            f.close()
            self.issues.add(_decode_error(path, encoding, exc))
            raise _Unreadable from None
        except BaseException:
            f.close()
            raise
        return f, encoding

    def fields(self, lines: Iterable[str]) -> tuple[list[str], list[str], list[str]]:
        """The struck, unmarked and invalid fields of well-formed lines (of the file's width,
        without quotes or newline), stripped as :meth:`row` strips them."""
        lay = self.layout
        fields = list(map(str.split, lines, repeat(lay.sep)))
        n = len(fields)
        struck = list(map(str.rstrip, map(itemgetter(lay.struck), fields)))
        unmarked = (
            list(map(str.rstrip, map(itemgetter(lay.unmarked), fields)))
            if lay.unmarked >= 0
            else [""] * n
        )
        invalid = (
            list(map(str.strip, map(itemgetter(lay.invalid), fields)))
            if lay.invalid >= 0
            else [""] * n
        )
        return struck, unmarked, invalid

    def row(self, line: str, lineno: int) -> Row | None:
        """One line of the file as a ballot row; None for an empty row or a malformed one
        (logged)."""
        path = self.path
        sep, width, i_serial, i_struck, i_unmarked, i_invalid = self.layout
        # Fields keep a trailing newline at most; every field is stripped later.
        if '"' in line:
            try:
                fields = next(csv.reader([line], delimiter=sep))
            except csv.Error as exc:
                self.issues.add(
                    Issue(msg("csv.malformed", reason=str(exc)), Location(path, lineno))
                )
                return None
            if not any(x.strip() for x in fields):
                self.empty.add(lineno)
                return None
        else:
            fields = line.split(sep)
        blank = sep + " \t\r\n"
        if len(fields) != width:
            if not line.strip(blank):
                self.empty.add(lineno)
                return None
            self.issues.add(
                Issue(
                    msg("csv.width", width=width, found=len(fields)),
                    Location(path, lineno),
                    msg("csv.width.hint"),
                )
            )
            return None
        struck = fields[i_struck].rstrip()
        if not struck and not line.strip(blank):
            self.empty.add(lineno)
            return None
        return (
            lineno,
            fields[i_serial].strip() if i_serial >= 0 else "",
            struck,
            fields[i_unmarked].rstrip() if i_unmarked >= 0 else "",
            fields[i_invalid].strip() if i_invalid >= 0 else "",
        )

    def rows(self) -> Iterator[Row]:
        """Yield each ballot row of the file (line number, serial, struck, unmarked, invalid)."""
        try:
            f, encoding = self._open()
        except _Unreadable:
            return
        lineno = 1
        row = self.row
        with f:
            try:
                for line in f:
                    lineno += 1
                    r = row(line, lineno)
                    if r is not None:
                        yield r
            except UnicodeDecodeError as exc:
                self.issues.add(_decode_error(self.path, encoding, exc))

    def blocks(self) -> Iterator[Block]:
        """The file's lines in blocks of about :data:`BLOCK` characters (see :class:`Block`).

        Raises :class:`Undecodable` on a byte the encoding cannot read (nothing logged): the
        lines read before it depend on how the file is read, so the caller reads the file
        again with :meth:`rows` to report exactly what it reports.
        """
        try:
            f, _ = self._open()
        except _Unreadable:
            return
        with f:
            lineno = 2
            carry = ""
            try:
                while True:
                    chunk = f.read(BLOCK)
                    text = carry + chunk
                    if chunk:
                        cut = text.rfind("\n") + 1
                        if not cut:
                            carry = text
                            continue
                        text, carry = text[:cut], text[cut:]
                    if not text:
                        return
                    block = self._block(text, lineno)
                    lineno += block.size
                    yield block
                    if not chunk:
                        return
            except UnicodeDecodeError:
                raise Undecodable from None

    def _block(self, text: str, first: int) -> Block:
        """A block of whole lines (each ended by a newline, but perhaps the file's last)."""
        # str.count of one character is many times faster than of "\r\n": most files have none.
        cr = text.count("\r")
        crlf = text.count("\r\n") if cr else 0
        if '"' in text or cr != crlf:
            return Block(self, first, _LINES.findall(text))
        if crlf:
            text = text.replace("\r\n", "\n")
        if text.endswith("\n"):
            text = text[:-1]
        # An empty row: its line is kept (EmptyRows), so the block is read row by row. Such a
        # line is empty or starts with a separator, space or tab: only then is it looked for
        # (the search for a line so started is twice as fast, and rarely finds one).
        s = re.escape(self.layout.sep)
        if (
            not text
            or text.endswith("\n")
            or text.startswith(("\n", self.layout.sep, " ", "\t"))
            or re.search(f"\\n[{s} \\t\\n]", text)
        ) and re.search(f"\\n[{s} \\t]*(?:\\n|\\Z)", "\n" + text):
            return Block(self, first, text.split("\n"))
        return Block(self, first, None, text)


class _Unreadable(Exception):
    """The header could not be decoded (logged): the file has no rows."""


class Undecodable(Exception):
    """A byte further down the file that its encoding cannot read (BallotFile.blocks)."""


def read_rows(path: Path) -> Iterator[Row]:
    """Yield each ballot row of ``path``; then raise BallotFileError if any row was malformed.

    Empty rows are skipped; :class:`BallotFile` says which.
    """
    issues = IssueLog(path)
    yield from BallotFile(path, issues).rows()
    issues.raise_if_any()
