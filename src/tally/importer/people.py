"""``people:`` of election.yaml updated from a personnel list, comments and all else kept.

The file is read and written with ruamel.yaml's round-trip mode, so its comments, its key
order and its flow-style entries stay as the user wrote them; only the ``people:`` entries the
sheet adds or changes (and, with ``--sort-ballot``, the contests' lists) are touched. People are
matched by id, then by name; a person of the file the sheet no longer lists is kept and said,
never deleted. Pure but for :func:`write_people`, which writes atomically.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tally.errors import ConfigError
from tally.i18n import msg
from tally.importer.sheet import FIELDS, SheetRead, Value
from tally.safefile import written_atomically
from tally.source import read_regular
from tally.textnorm import name_key, nfc, slug

# The order of a new entry's keys, as the template writes them.
_ORDER = ("id", "name", "sex", "born", "ethnicity", "incumbent", "membership", "post")


@dataclass(frozen=True)
class Change:
    """One field of one person that the sheet changes."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Outcome:
    """What an import did (or, with ``--dry-run``, would do) to election.yaml."""

    added: tuple[tuple[str, str, int], ...]  # id, name, sheet row
    changed: tuple[tuple[str, str, tuple[Change, ...]], ...]  # id, name, changes
    not_in_sheet: tuple[tuple[str, str], ...]  # kept in election.yaml, said
    unchanged: int
    sorted_contests: tuple[str, ...]
    text: str  # the new election.yaml


def _yaml() -> Any:
    from ruamel.yaml import YAML  # only here: --help stays fast

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never fold a long flow-style entry
    return y


def _indent(text: str) -> tuple[int, int]:
    """The file's own indentation of a list item under a key (``  - {id: …}``): sequence, offset."""
    m = re.search(r"^[A-Za-z_]\w*:\s*(?:#.*)?\n(?:\s*#.*\n)*( *)- ", text, flags=re.M)
    offset = len(m[1]) if m else 2
    return offset + 2, offset


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def _key(name: str) -> str:
    return " ".join(nfc(name).casefold().split())


def _new_id(name: str, taken: set[str]) -> str:
    """``nguyen-van-an``; a second of that name ``nguyen-van-an-2``, in the sheet's order."""
    base = slug(name)[:60] or "person"
    pid, n = base, 1
    while pid in taken:
        n += 1
        pid = f"{base}-{n}"
    return pid


# A new election folder starts with its people: 'tally init' then asks for the rest and keeps
# them (it accepts an election.yaml holding only version and people).
NEW_ELECTION = """\
# Những người trong danh sách trích ngang, nhập bằng 'tally import people'; chạy 'tally init'
# để khai báo đại hội và các cuộc bầu.
version: 1
people: []
"""


def merge_people(path: Path, read: SheetRead, *, sort_ballot: bool = False) -> Outcome:
    """election.yaml at ``path`` with ``people:`` updated from ``read``; a folder without one
    starts from a file holding only its people (:data:`NEW_ELECTION`)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import YAMLError

    if path.exists() or path.is_symlink():
        source = read_regular(path, ConfigError, "election.yaml").decode("utf-8-sig")
    else:
        source = NEW_ELECTION
    y = _yaml()
    y.indent(mapping=2, sequence=_indent(source)[0], offset=_indent(source)[1])
    try:
        doc = y.load(source)
    except YAMLError as exc:
        raise ConfigError.at(
            msg("import.bad_election", reason=str(exc).splitlines()[0]), path
        ) from None
    if not isinstance(doc, CommentedMap):
        raise ConfigError.at(msg("import.election_not_mapping"), path)
    people = doc.get("people")
    if people is None:
        people = CommentedSeq()
        keys = list(doc.keys())
        at = keys.index("contests") if "contests" in keys else len(keys)
        doc.insert(at, "people", people)
    if not isinstance(people, CommentedSeq):
        raise ConfigError.at(msg("import.people_not_list"), path, field="people")
    flow = (
        bool(people) and all(isinstance(p, CommentedMap) and p.fa.flow_style() for p in people)
    ) or not people
    by_id = {str(p.get("id")): p for p in people if isinstance(p, CommentedMap)}
    by_name: dict[str, list[Any]] = {}
    for p in people:
        if isinstance(p, CommentedMap):
            by_name.setdefault(_key(str(p.get("name", ""))), []).append(p)
    taken = set(by_id)
    seen: set[int] = set()
    added: list[tuple[str, str, int]] = []
    changed: list[tuple[str, str, tuple[Change, ...]]] = []
    unchanged = 0
    for row in read.rows:
        fields = dict(row.fields)
        name = str(fields["name"])
        entry = by_id.get(str(fields["id"])) if "id" in fields else None
        if entry is None:
            entry = next((p for p in by_name.get(_key(name), []) if id(p) not in seen), None)
        if entry is None:
            pid = str(fields.pop("id", "")) or _new_id(name, taken)
            taken.add(pid)
            entry = CommentedMap()
            entry["id"] = pid
            for key in _ORDER[1:]:
                if key in fields:
                    entry[key] = fields[key]
            if flow:
                entry.fa.set_flow_style()
            people.append(entry)
            seen.add(id(entry))
            added.append((pid, name, row.row))
            continue
        seen.add(id(entry))
        fields.pop("id", None)
        changes = _update(entry, fields)
        if changes:
            changed.append((str(entry["id"]), str(entry.get("name", name)), changes))
        else:
            unchanged += 1
    if added and len(people) > len(added):
        _move_tail(people, len(people) - len(added) - 1, len(people) - 1)
    gone = tuple(
        (str(p.get("id")), str(p.get("name", "")))
        for p in people
        if isinstance(p, CommentedMap) and id(p) not in seen
    )
    sorted_ids = _sort_ballots(doc) if sort_ballot else ()
    out = io.StringIO()
    y.dump(doc, out)
    return Outcome(tuple(added), tuple(changed), gone, unchanged, sorted_ids, out.getvalue())


def _move_tail(seq: Any, old_last: int, new_last: int) -> None:
    """Blank lines and comments after the list's old last entry stay after the list: they
    belong to what follows it (``contests:``), not to that entry."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    comment = seq.ca.items.get(old_last)
    token = comment[0] if comment else None
    if token is None:
        return
    if token.value.startswith("\n"):  # no comment on the entry's own line
        del seq.ca.items[old_last]
        rest = token.value
    else:
        head, _, rest = token.value.partition("\n")
        if not rest:
            return
        token.value = head + "\n"
    seq.ca.items[new_last] = [CommentToken("\n" + rest, CommentMark(0), None), None, None, None]


def _update(entry: Any, fields: dict[str, Value]) -> tuple[Change, ...]:
    """Set the fields the sheet gives that differ; a new key goes where _ORDER puts it."""
    changes: list[Change] = []
    for key in FIELDS:
        if key not in fields or key == "id":
            continue
        new, old = fields[key], entry.get(key)
        if key == "name" and old is not None and _key(str(old)) == _key(str(new)):
            continue
        if old == new and type(old) is type(new):
            continue
        if old is None:  # after the last key that comes before it in _ORDER
            keys = list(entry.keys())
            before = [keys.index(k) for k in _ORDER[: _ORDER.index(key)] if k in keys]
            entry.insert(max(before) + 1 if before else 0, key, new)
        else:
            entry[key] = new
        changes.append(Change(key, _show(old), _show(new)))
    return tuple(changes)


def _sort_ballots(doc: Any) -> tuple[str, ...]:
    """Each contest's lists (and its later rounds') in ballot order, unless ``order: as_given``."""
    names = {
        str(p.get("id")): str(p.get("name", ""))
        for p in doc.get("people") or []
        if hasattr(p, "get")
    }
    done: list[str] = []
    for contest in doc.get("contests") or []:
        if not hasattr(contest, "get") or contest.get("order") == "as_given":
            continue
        lists = [contest] + [r for r in contest.get("rounds") or [] if hasattr(r, "get")]
        moved = False
        for holder in lists:
            ids = holder.get("candidates")
            if not isinstance(ids, list):
                continue
            ordered = sorted(ids, key=lambda pid: name_key(names.get(str(pid), str(pid))))
            if ordered != list(ids):
                ids[:] = ordered
                moved = True
        if moved:
            done.append(str(contest.get("id")))
    return tuple(done)


def write_people(path: Path, text: str) -> None:
    """Replace election.yaml in one step (safefile): never half a file; a new election's folder
    is made first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with written_atomically(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
