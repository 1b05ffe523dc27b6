"""Opening the files a user gives: regular files only, never blocking, sizes checked first.

Every reader of an input (election.yaml, rule files, ballot CSVs, tally sheets, journals, the
fingerprint) opens it here. A named pipe, a device or a socket is refused instead of read: a
FIFO named ``election.yaml`` would block the reader forever, ``/dev/zero`` would fill the
memory. The kind is checked before opening and again on the open file (the name may be
swapped in between), and the open itself does not block, so a pipe swapped in at the last
moment cannot hang the command either.

Sizes are checked before anything is read, against a limit per kind of file (README: "Input
rules"): a 4 GiB ``election.yaml`` is refused at once, not after taking 4 GB of memory.
Ballot CSVs are streamed a line at a time, so they have no limit.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, Literal

from tally.errors import TallyError
from tally.i18n import Msg, msg, os_reason

Kind = Literal["election.yaml", "rule file", "tally sheet", "journal", "ballot file", "input"]

MiB = 1024 * 1024

# The largest file of each kind that is read whole. A real election.yaml is tens of kilobytes,
# a rule file or a tally sheet a few; a journal holds about 250 bytes per ballot entered.
LIMITS: dict[Kind, int] = {
    "election.yaml": 4 * MiB,
    "rule file": 1 * MiB,
    "tally sheet": 1 * MiB,
    "journal": 256 * MiB,
}

_LABEL: dict[Kind, str] = {
    "election.yaml": "kind.election_yaml",
    "rule file": "kind.rule_file",
    "tally sheet": "kind.tally_sheet",
    "journal": "kind.journal",
    "ballot file": "kind.ballot_file",
    "input": "kind.input",
}

# Not on every platform: Windows has no O_NONBLOCK (and no FIFOs to fear), POSIX no O_BINARY.
_NONBLOCK: int = getattr(os, "O_NONBLOCK", 0)
_FLAGS: int = os.O_RDONLY | _NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def _special(mode: int) -> Msg:
    if stat.S_ISFIFO(mode):
        return msg("kind.pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg("kind.device")
    if stat.S_ISSOCK(mode):
        return msg("kind.socket")
    return msg("kind.special")


def _check(st: os.stat_result, path: Path, error: type[TallyError], kind: Kind) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise error.at(msg("source.is_folder", kind=msg(_LABEL[kind])), path)
    if not stat.S_ISREG(st.st_mode):
        raise error.at(
            msg("source.not_regular", special=_special(st.st_mode)),
            path,
            hint=msg("source.not_regular.hint"),
        )
    limit = LIMITS.get(kind)
    if limit is not None and st.st_size > limit:
        raise error.at(
            msg("source.too_large", kind=msg(_LABEL[kind]), mib=limit // MiB),
            path,
            hint=msg("source.too_large.hint"),
        )


def _cannot_read(exc: OSError, path: Path, error: type[TallyError], kind: Kind) -> TallyError:
    if isinstance(exc, FileNotFoundError):
        return error.at(
            msg("source.journal_not_found" if kind == "journal" else "source.not_found"), path
        )
    return error.at(msg("source.cannot_read", reason=os_reason(exc)), path)


def open_regular(path: Path, error: type[TallyError], kind: Kind = "input") -> BinaryIO:
    """``path`` opened for reading in binary mode, if it is a regular file within its kind's
    size limit; otherwise ``error`` (exit 2) naming the file and why."""
    try:
        _check(os.stat(path), path, error, kind)
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise _cannot_read(exc, path, error, kind) from None
    try:
        _check(os.fstat(fd), path, error, kind)  # the name may have been swapped meanwhile
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def inside(path: Path, folders: Sequence[Path]) -> bool:
    """Is ``path``, once every symbolic link and ``..`` is resolved, inside one of ``folders``
    (themselves resolved)? A path that does not exist yet is resolved as far as it exists."""
    real = Path(os.path.realpath(path))
    return any(real.is_relative_to(os.path.realpath(folder)) for folder in folders)


def read_regular(path: Path, error: type[TallyError], kind: Kind = "input") -> bytes:
    """The whole content of a regular file (see :func:`open_regular`), never more than the
    kind's limit even if the file grows while it is read."""
    limit = LIMITS.get(kind)
    with open_regular(path, error, kind) as f:
        try:
            data = f.read() if limit is None else f.read(limit + 1)
        except OSError as exc:
            raise _cannot_read(exc, path, error, kind) from None
    if limit is not None and len(data) > limit:
        raise error.at(msg("source.too_large", kind=msg(_LABEL[kind]), mib=limit // MiB), path)
    return data
