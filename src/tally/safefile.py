"""Write a file so that nobody ever sees half of it: beside its name first, then moved in place."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tally.errors import UsageError


def refuse_overwrite(
    path: Path,
    force: bool,
    why: str = "the file already exists; it is not replaced",
    hint: str = "choose another name, or pass --force to replace it",
) -> None:
    """Raise UsageError (exit 2) if ``path`` exists and ``--force`` was not given."""
    if path.exists() and not force:
        raise UsageError.at(why, path, hint=hint)


@contextmanager
def written_atomically(path: Path) -> Iterator[Path]:
    """Yield a fresh temporary path beside ``path``; the block writes it (with the umask's mode).

    When the block succeeds the file replaces ``path`` in one step; when it fails the
    temporary file is removed and ``path`` is untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
