"""Streaming reader of per-ballot CSV files (design.md): structure only, one row at a time.

Columns: ``ballot`` (optional serial), ``struck``, ``unmarked``, ``invalid``. UTF-8 with or
without BOM. The reader checks the header and the number of fields; what the fields mean
(positions, reasons) is checked by :mod:`tally.count`, which knows the contest.

Memory does not grow with the file: rows are produced one at a time.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from tally.errors import BallotFileError
from tally.source import open_regular

COLUMNS = ("ballot", "struck", "unmarked", "invalid")
REQUIRED = ("struck",)

# (line number, serial, struck, unmarked, invalid): raw text, stripped.
Row = tuple[int, str, str, str, str]


def _header(path: Path, line: str) -> tuple[int, int, int, int, int]:
    names = [h.strip().lower() for h in next(csv.reader([line]))]
    unknown = [n for n in names if n not in COLUMNS]
    if unknown:
        # Quote a column name, never a line of some other file (ballots: /etc/passwd).
        looks_like_a_name = len(unknown[0]) <= 24 and re.fullmatch(r"[\w .-]*", unknown[0])
        raise BallotFileError.at(
            f"unknown column '{unknown[0]}'"
            if looks_like_a_name
            else "the first line is not a ballot file header",
            path,
            1,
            hint=f"the columns are: {', '.join(COLUMNS)} (ballot, unmarked and invalid are optional)",
        )
    for required in REQUIRED:
        if required not in names:
            raise BallotFileError.at(
                f"missing column '{required}'",
                path,
                1,
                hint="the first line must name the columns, e.g. ballot,struck,unmarked,invalid",
            )
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise BallotFileError.at(f"column '{sorted(dupes)[0]}' appears twice", path, 1)
    index = {n: i for i, n in enumerate(names)}
    return (
        len(names),
        index.get("ballot", -1),
        index["struck"],
        index.get("unmarked", -1),
        index.get("invalid", -1),
    )


def _bad_byte_line(path: Path) -> int | None:
    """The line of the first byte that is not UTF-8 (the decoder reads ahead in blocks)."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return raw[: exc.start].count(b"\n") + 1
    return None


def read_rows(path: Path) -> Iterator[Row]:
    """Yield each ballot row of ``path``; raise BallotFileError naming the line if malformed."""
    # A regular file only (a pipe would block), opened without blocking: tally.source.
    f = io.TextIOWrapper(
        open_regular(path, BallotFileError, "ballot file"), encoding="utf-8-sig", newline=""
    )
    lineno = 0
    with f:
        try:
            first = f.readline()
            lineno = 1
            if not first.strip():
                raise BallotFileError.at(
                    "the file is empty; the first line must name the columns",
                    path,
                    1,
                    hint="ballot,struck,unmarked,invalid",
                )
            width, i_serial, i_struck, i_unmarked, i_invalid = _header(path, first.rstrip("\r\n"))
            for line in f:
                lineno += 1
                # Fields keep a trailing newline at most; every field is stripped or split later.
                fields = next(csv.reader([line])) if '"' in line else line.split(",")
                if len(fields) != width:
                    if len(fields) == 1 and not fields[0].strip():
                        continue  # a blank line
                    raise BallotFileError.at(
                        f"expected {width} fields, found {len(fields)}",
                        path,
                        lineno,
                        hint="positions inside a field are separated by spaces, not commas",
                    )
                yield (
                    lineno,
                    fields[i_serial].strip() if i_serial >= 0 else "",
                    fields[i_struck].rstrip(),
                    fields[i_unmarked].rstrip() if i_unmarked >= 0 else "",
                    fields[i_invalid].strip() if i_invalid >= 0 else "",
                )
        except UnicodeDecodeError as exc:
            raise BallotFileError.at(
                f"is not UTF-8 text ({exc.reason})",
                path,
                _bad_byte_line(path),
                hint="save the file as CSV UTF-8",
            ) from None
        except csv.Error as exc:
            raise BallotFileError.at(f"malformed CSV: {exc}", path, lineno) from None
