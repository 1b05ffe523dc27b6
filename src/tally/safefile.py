"""Write a file so that nobody ever sees half of it: beside its name first, then moved in place.

Writing is where the medium answers back: a read-only USB stick, a full disk, ``-o`` naming a
folder or a path under a file. Each is the user's situation, not a bug in tally, so each is a
UsageError (exit 2) naming the path and the system's own reason. ``--force`` replaces a
regular file only: never a folder, a device, a named pipe or a link to one.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from tally.errors import UsageError
from tally.i18n import Msg, msg, os_reason


def cannot_write(exc: OSError, path: Path) -> UsageError:
    """A write failure as bad input: the path and the system's reason (exit 2)."""
    reason = os_reason(exc)
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        # The system says "File exists" when a folder on the way is a file: name that file.
        blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            reason = msg("write.blocked", blocker=blocker)
    return UsageError.at(msg("write.cannot", reason=reason), path, hint=msg("write.cannot.hint"))


def refuse_overwrite(
    path: Path,
    force: bool,
    why: Msg | None = None,
    hint: Msg | None = None,
) -> None:
    """Raise UsageError (exit 2) if ``path`` exists and ``--force`` was not given, or if it is
    anything but a regular file (a folder, a device, a named pipe), even with ``--force``."""
    try:
        st = path.stat()  # follows a link: what it points at is what would be written over
    except OSError:
        return  # nothing there (or a dangling link, which os.replace replaces)
    if stat.S_ISDIR(st.st_mode):
        raise UsageError.at(
            msg("write.is_folder"),
            path,
            hint=msg("write.is_folder.hint"),
        )
    if not stat.S_ISREG(st.st_mode):
        raise UsageError.at(
            msg("write.not_regular"),
            path,
            hint=msg("write.not_regular.hint"),
        )
    if not force:
        raise UsageError.at(why or msg("write.exists"), path, hint=hint or msg("write.exists.hint"))


@contextmanager
def written_atomically(path: Path) -> Iterator[Path]:
    """Yield a fresh temporary path beside ``path``; the block writes it (with the umask's mode).

    When the block succeeds the file replaces ``path`` in one step; when it fails the
    temporary file is removed and ``path`` is untouched. A failure of the disk (its folder
    cannot be made, the disk is full or read-only, ``path`` is a folder) is a UsageError.
    """
    tmp = path.with_name(f".{path.name}.{os.urandom(8).hex()}.tmp")
    try:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise cannot_write(exc, path) from None
        try:
            yield tmp
        except OSError as exc:
            if exc.filename is None or Path(exc.filename) in (tmp, path):
                raise cannot_write(exc, path) from None
            raise  # not the writing of this file: whoever opened that file reports it
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise cannot_write(exc, path) from None
    finally:
        with suppress(OSError):  # no folder to clean (it could not be made): nothing to do
            tmp.unlink(missing_ok=True)
