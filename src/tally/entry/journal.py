"""The entry journal: an append-only, hash-chained, fsync'ed record of everything typed.

Why a text journal and not SQLite: one JSON object per line is readable with any editor,
diffs and copies like any file (a USB stick between laptops), has no partial state to
recover, and its durability needs one rule: a line is confirmed only after ``write`` and
``fsync`` have returned. A crash in the middle of a write leaves at most one torn last line,
which was never confirmed; it is moved aside (never silently dropped) when the journal is
opened again. SQLite in WAL mode would give the same durability, but an opaque file that
a counting board cannot read or print, and a second format to keep tamper-evident.

Tamper evidence: every entry carries ``prev``, the hash of the entry before it, and
``hash``, the SHA-256 of its own canonical JSON without ``hash``. Changing, removing or
reordering any line breaks the chain at that line; the head hash printed in the entry log
commits to the whole journal.

Entries are never rewritten: an undo or a correction is a new entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Literal, get_args

from tally.errors import TallyError
from tally.i18n import Msg, msg, os_reason
from tally.source import read_regular

FORMAT = "tally-journal"
VERSION = 1
GENESIS = "0" * 64

Kind = Literal[
    "open",  # the header: what is being entered (always the first line)
    "start",  # a process began entering (first start or a resume after a stop or a crash)
    "ballot",  # a ballot committed
    "correct",  # a committed ballot replaced by new marks (found by its serial)
    "undo",  # the last ballot or correction taken back
    "pause",
    "resume",
    "show_tally",  # the board let the running per-candidate tally be shown
    "hide_tally",
    "stop",  # the operator closed the entry
    "resolve",  # reconcile: a difference between journals decided by a named person
]
KINDS: frozenset[str] = frozenset(get_args(Kind))

Value = str | int | bool | None | list[str] | list[int] | dict[str, str]


class JournalError(TallyError):
    """A journal that cannot be read, is broken, or is in use (exit 2: bad input)."""


@dataclass(frozen=True)
class Entry:
    seq: int
    kind: Kind
    time: str
    fields: dict[str, Value]
    prev: str
    hash: str
    line: int  # 1-based line in the file

    def str_(self, key: str) -> str:
        value = self.fields.get(key)
        return value if isinstance(value, str) else ""

    def ints(self, key: str) -> list[int]:
        value = self.fields.get(key)
        return [v for v in value if isinstance(v, int)] if isinstance(value, list) else []

    def int_(self, key: str) -> int | None:
        value = self.fields.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None


def canonical(obj: dict[str, Value]) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(obj: dict[str, Value]) -> str:
    body = {k: v for k, v in obj.items() if k != "hash"}
    return hashlib.sha256(canonical(body).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Journal:
    path: Path
    entries: tuple[Entry, ...]
    torn: bytes  # an unconfirmed, half-written last line ("" if none)

    @property
    def header(self) -> Entry:
        return self.entries[0]

    @property
    def head(self) -> str:
        """The hash of the last entry: it commits to the whole journal."""
        return self.entries[-1].hash


HeadStatus = Literal["ends_there", "continues", "not_found"]


@dataclass(frozen=True)
class HeadCheck:
    """Where a head hash written down by the board stands in a journal as it is now.

    The chain alone shows accidental edits, insertions and reordering; it cannot show a
    deliberate editor who recomputes every hash after the edit, nor lines cut off the end.
    Only a head recorded outside the file (on the signed minutes or the entry log) can.
    """

    status: HeadStatus  # ends_there: still the last entry; continues: entries came after it
    seq: int | None  # the entry with that hash
    after: int  # entries after it


def group(digest: str) -> str:
    """A hash in groups of four, to read aloud and compare by eye."""
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def normalise_head(text: str) -> str:
    """A head as written on paper: any case, grouped by spaces or dashes; 12+ hex digits."""
    return "".join(ch for ch in text.lower() if ch not in " -:\t")


def check_head(journal: Journal, head: str) -> HeadCheck:
    """Does the journal still end at ``head`` (or a prefix of it, at least 12 hex digits)?"""
    want = normalise_head(head)
    if len(want) >= 12:
        for entry in reversed(journal.entries):
            if entry.hash.startswith(want):
                after = len(journal.entries) - 1 - entry.seq
                return HeadCheck("ends_there" if after == 0 else "continues", entry.seq, after)
    return HeadCheck("not_found", None, 0)


def _entry(path: Path, lineno: int, text: str, prev: str, seq: int) -> Entry:
    def broken(message: Msg) -> JournalError:
        return JournalError.at(message, path, lineno, hint=msg("journal.changed.hint"))

    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise broken(msg("journal.not_entry", reason=exc.msg)) from None
    if not isinstance(obj, dict):
        raise broken(msg("journal.not_object"))
    for key, typ in (("seq", int), ("kind", str), ("time", str), ("prev", str), ("hash", str)):
        if not isinstance(obj.get(key), typ):
            raise broken(msg("journal.no_key", key=key))
    if obj["kind"] not in KINDS:
        raise broken(msg("journal.kind", kind=str(obj["kind"])))
    if obj["seq"] != seq:
        raise broken(msg("journal.seq", got=str(obj["seq"]), expected=seq))
    if obj["prev"] != prev:
        raise broken(msg("journal.chain"))
    if entry_hash(obj) != obj["hash"]:
        raise broken(msg("journal.hash"))
    fields = {k: v for k, v in obj.items() if k not in ("seq", "kind", "time", "prev", "hash")}
    return Entry(seq, obj["kind"], obj["time"], fields, obj["prev"], obj["hash"], lineno)


def read_journal(path: Path) -> Journal:
    """Read and verify a journal; raise JournalError naming the first broken line."""
    raw = read_regular(path, JournalError, "journal")
    cut = raw.rfind(b"\n") + 1
    body, torn = raw[:cut], raw[cut:]
    entries: list[Entry] = []
    prev = GENESIS
    for lineno, line in enumerate(body.split(b"\n")[:-1], start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            raise JournalError.at(msg("journal.not_utf8"), path, lineno) from None
        entry = _entry(path, lineno, text, prev, len(entries))
        entries.append(entry)
        prev = entry.hash
    if not entries:
        raise JournalError.at(
            msg("journal.empty" if not torn else "journal.no_complete"),
            path,
            1,
            hint=msg("journal.empty.hint"),
        )
    first = entries[0]
    if first.kind != "open" or first.str_("format") != FORMAT:
        raise JournalError.at(msg("journal.no_header"), path, 1)
    if first.int_("version") != VERSION:
        raise JournalError.at(
            msg("journal.version", version=str(first.fields.get("version")), reads=VERSION),
            path,
            1,
        )
    return Journal(path, tuple(entries), torn)


def _fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _cannot_write(exc: OSError, path: Path) -> JournalError:
    """A write failure is the medium's state, not a bug: exit 2 with the path and reason."""
    return JournalError.at(
        msg("journal.cannot_write", reason=os_reason(exc)),
        path,
        hint=msg("journal.cannot_write.hint"),
    )


def _make_folder(folder: Path) -> None:
    """The journals folder, created durably (its parent fsync'ed) when it is new."""
    if folder.is_dir():
        return
    if folder.exists() or folder.is_symlink():
        raise JournalError.at(
            msg("journal.folder_is_file"),
            folder,
            hint=msg("journal.folder_is_file.hint"),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _fsync_dir(folder.parent)
    except OSError as exc:
        raise JournalError.at(
            msg("journal.cannot_mkdir", reason=os_reason(exc)),
            folder,
            hint=msg("journal.cannot_mkdir.hint"),
        ) from None


def _link_into_place(tmp: Path, path: Path) -> None:
    """Give the finished file its name, never replacing one that appeared meanwhile."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise JournalError.at(msg("journal.exists"), path) from None
    except OSError:  # no hard links (FAT): a rename, after checking once more
        if path.exists():
            raise JournalError.at(msg("journal.exists"), path) from None
        os.rename(tmp, path)


def _lock(f: IO[bytes], path: Path) -> None:
    """Refuse a second writer: two processes appending to one journal would fork the chain.

    The lock belongs to the open file and dies with the process, even under kill -9.
    """
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise JournalError.at(
            msg("journal.locked"), path, hint=msg("journal.locked.hint")
        ) from None


class JournalWriter:
    """Appends entries durably. Use :meth:`create` or :meth:`resume`; close when done."""

    def __init__(self, path: Path, f: IO[bytes], last: Entry) -> None:
        self.path = path
        self._f = f
        self.last = last
        self._size = os.fstat(f.fileno()).st_size  # the end of the last confirmed entry
        self.broken: str | None = None  # why no more entries can be written safely
        self.moved_to: Path | None = None  # where a torn last line was moved on resume

    @classmethod
    def create(cls, path: Path, time: str, header: dict[str, Value]) -> JournalWriter:
        """Start a new journal whose first line is the ``open`` header.

        Atomic: the header is written and fsync'ed under a temporary name, then linked into
        place and the folder fsync'ed. A failure (full disk, read-only medium) leaves
        nothing behind, so it can never leave an empty journal that locks the operator out.
        """
        _make_folder(path.parent)
        if path.exists():
            raise JournalError.at(msg("journal.exists"), path)
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.new")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        except OSError as exc:
            raise _cannot_write(exc, path) from None
        f = os.fdopen(fd, "ab", buffering=0)
        try:
            _lock(f, path)
            fields: dict[str, Value] = {"format": FORMAT, "version": VERSION, **header}
            writer = cls(path, f, Entry(-1, "open", time, {}, GENESIS, GENESIS, 0))
            writer._write("open", time, fields)
            _link_into_place(tmp, path)
            _fsync_dir(path.parent)
        except BaseException as exc:
            f.close()
            tmp.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise _cannot_write(exc, path) from None
            raise
        tmp.unlink(missing_ok=True)
        return writer

    @classmethod
    def resume(cls, path: Path) -> tuple[JournalWriter, Journal]:
        """Open an existing journal for appending; a torn last line is moved aside first."""
        try:
            f = path.open("r+b", buffering=0)
        except FileNotFoundError:
            raise JournalError.at(msg("source.journal_not_found"), path) from None
        except OSError as exc:
            raise JournalError.at(msg("journal.cannot_open", reason=os_reason(exc)), path) from None
        try:
            _lock(f, path)
            journal = read_journal(path)
            aside: Path | None = None
            if journal.torn:
                aside = _aside(path)
                aside.write_bytes(journal.torn)
                size = path.stat().st_size - len(journal.torn)
                os.truncate(path, size)
                os.fsync(f.fileno())
                _fsync_dir(path.parent)
            f.seek(0, os.SEEK_END)
        except BaseException:
            f.close()
            raise
        writer = cls(path, f, journal.entries[-1])
        writer.moved_to = aside
        return writer, journal

    def append(self, kind: Kind, time: str, fields: dict[str, Value]) -> Entry:
        """Write one entry and return only once it is on the disk."""
        return self._write(kind, time, fields)

    def _write(self, kind: Kind, time: str, fields: dict[str, Value]) -> Entry:
        reserved = {"seq", "kind", "time", "prev", "hash"} & fields.keys()
        if reserved:
            raise ValueError(f"reserved entry keys: {sorted(reserved)}")
        seq = self.last.seq + 1
        # Written in a reading order; the hash is over the canonical (sorted) form.
        obj: dict[str, Value] = {"seq": seq, "kind": kind, "time": time, **fields}
        obj["prev"] = self.last.hash
        obj["hash"] = entry_hash(obj)
        data = (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        if self.broken is not None:
            raise JournalError.at(
                msg("journal.after_failure", reason=os_reason(self.broken)),
                self.path,
                hint=msg("journal.after_failure.hint"),
            )
        fd = self._f.fileno()
        try:
            view = memoryview(data)
            while view:  # unbuffered: loop over short writes
                written = self._f.write(view)
                view = view[written or 0 :]
            os.fsync(fd)
        except OSError as exc:
            # Cut back to the last confirmed entry, so a retry cannot follow half a line;
            # if even that fails, refuse every later entry (the next open moves it aside).
            try:
                os.ftruncate(fd, self._size)
                os.fsync(fd)
            except OSError:
                self.broken = exc.strerror or type(exc).__name__
            raise
        self._size += len(data)
        entry = Entry(seq, kind, time, fields, self.last.hash, str(obj["hash"]), self.last.line + 1)
        self.last = entry
        return entry

    def close(self) -> None:
        self._f.close()

    def __enter__(self) -> JournalWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _aside(path: Path) -> Path:
    for n in range(1, 10_000):
        candidate = path.with_name(f"{path.name}.torn-{n}")
        if not candidate.exists():
            return candidate
    raise JournalError.at(msg("journal.too_many_torn"), path)


def entry_span(folder: Path, contest: str, round_no: int) -> tuple[datetime, datetime] | None:
    """When the ballots of one round were entered: the first and the last entry time over the
    entry journals of ``folder`` (``journals/*.jsonl`` of an election) for that contest and
    round; None when there is none.

    The minutes print it as the time the count began and ended. Only journals that read and
    verify count, and only their own entries (not a reconciliation's resolutions): a broken
    journal is reported by ``tally export`` and ``reconcile``, not guessed at here. A time
    without a UTC offset, or not ISO 8601, is left out.
    """
    times: list[datetime] = []
    for path in sorted(folder.glob("*.jsonl")):
        try:
            journal = read_journal(path)
        except JournalError:
            continue
        header = journal.header
        if header.str_("purpose") or header.str_("contest") != contest:
            continue
        if (header.int_("round") or 1) != round_no:
            continue
        for entry in journal.entries:
            try:
                at = datetime.fromisoformat(entry.time)
            except ValueError:
                continue
            if at.utcoffset() is not None:
                times.append(at)
    if not times:
        return None
    return min(times), max(times)
