"""Safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` silently keeps the last of two equal keys — a board that typed
``seats`` twice would count with whichever came last. Here a duplicate key is an error with
both line numbers, aliases cannot expand into a huge document, nesting has a depth limit,
and every value's position is kept in a :class:`SourceMap` so that a validation error can
name the line.

Plain scalars are read by the YAML 1.2 core schema, not PyYAML's YAML 1.1 rules, under which
``015`` is octal 13, ``1:48`` is 108 (base 60), ``1_000`` is 1000 and ``yes``/``on`` are true:
a zero-padded box on a tally sheet would change a figure without a word. Stricter still
than the core schema, an integer is plain decimal only (``-?`` then ``0`` or ``[1-9][0-9]*``,
at most 18 digits); ``015``, ``0x0f``, ``+15`` stay text, so a model that expects a number
refuses them with a hint instead of guessing. A date is ``YYYY-MM-DD``; one that does not
exist (``1984-02-30``) stays text, which a date field refuses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tally.errors import ConfigError, Location, TallyError
from tally.i18n import Msg, msg
from tally.source import Kind, read_regular
from tally.textnorm import nfc

# A legitimate election file has a few thousand nodes; a "billion laughs" file has billions.
MAX_NODES = 200_000
# election.yaml needs about 7 levels (contests → rounds → tallies → …); 64 leaves room for
# any honest file and keeps the walk far from Python's recursion limit.
MAX_DEPTH = 64
# A figure in an election has a few digits; 18 keep every int64 and stay far from the
# 4,300-digit limit of int() (a longer run of digits stays text, refused where a number is due).
MAX_INT_DIGITS = 18
_TOO_DEEP = msg("yaml.too_deep", depth=MAX_DEPTH)
_TOO_DEEP_HINT = msg("yaml.too_deep.hint")

PathKey = tuple[str | int, ...]


def format_field(path: Sequence[str | int]) -> str:
    """``('contests', 0, 'seats')`` → ``contests[0].seats``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class SourceMap:
    """Positions (1-based line, column) of every key and value of one YAML file."""

    path: Path
    marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def location(self, path: Sequence[str | int]) -> Location:
        """The location of ``path``, or of its nearest ancestor that has one."""
        key = tuple(path)
        while key and key not in self.marks:
            key = key[:-1]
        line, column = self.marks.get(key, (None, None))  # () is the document itself
        return Location(self.path, line, column, format_field(path) or None)


# libyaml's parser when PyYAML has it (about 4× faster: a batch recount reads thousands of
# files); the nodes, marks and errors are the same, and everything above them is ours.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
# C0 controls but tab and line ends, DEL, C1 controls, NUL: what no name, figure or path holds
# (and what Word's XML refuses).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_STR = "tag:yaml.org,2002:str"
_DATE = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

_NULL_RE = re.compile(r"~|null|Null|NULL|")
_BOOL_RE = re.compile(r"true|True|TRUE|false|False|FALSE")
_INT_RE = re.compile(rf"-?(?:0|[1-9][0-9]{{0,{MAX_INT_DIGITS - 1}}})")
# Core-schema floats that are not integers: a point or an exponent ("015" is not 15.0).
_FLOAT_RE = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?=[eE]))(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def _resolve_plain(value: str) -> str:
    """The tag of a plain (unquoted, untagged) scalar: YAML 1.2 core, decimal integers only."""
    first = value[:1]
    if first in "-+.0123456789":  # also "": the empty scalar is null
        if not value:
            return _NULL
        if _INT_RE.fullmatch(value):
            return _INT
        if _DATE_RE.fullmatch(value):
            return _DATE
        if _FLOAT_RE.fullmatch(value):
            return _FLOAT
        return _STR
    if first in "nN~" and _NULL_RE.fullmatch(value):
        return _NULL
    if first in "tTfF" and _BOOL_RE.fullmatch(value):
        return _BOOL
    if value == "<<":
        return _MERGE
    return _STR


def plain_is_text(value: str) -> bool:
    """Does ``value`` written plain (unquoted) read back as this text? (for YAML writers)"""
    return _resolve_plain(value) == _STR


class _Loader(_Base):  # type: ignore[valid-type,misc]
    def resolve(self, kind: type[Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        """Replaces PyYAML's YAML 1.1 implicit resolvers (libyaml calls this for every node)."""
        if kind is ScalarNode:
            return _resolve_plain(value or "") if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP


class _Walker:
    def __init__(self, loader: _Loader, source: SourceMap, error: type[TallyError]) -> None:
        self.loader = loader
        self.source = source
        self.error = error
        self.count = 0

    def fail(self, message: Msg, node: Node, path: PathKey, hint: Msg | None = None) -> TallyError:
        mark = node.start_mark
        return self.error.at(
            message, self.source.path, mark.line + 1, mark.column + 1, format_field(path), hint
        )

    def scalar(self, node: ScalarNode, path: PathKey) -> object:
        """A scalar's value by its tag; an explicit tag cannot bring back YAML 1.1 readings.

        ``!!int 015`` or ``!!bool yes`` are kept as text, which a model expecting a number
        refuses (with a hint) exactly as it refuses ``015`` without the tag; so is a date
        that does not exist, so that it is reported with every other mistake of the file.
        """
        tag, text = node.tag, node.value
        if control := _CONTROL.search(text):  # "\a" as an escape: never a name, figure or path
            raise self.fail(
                msg("yaml.control", code=f"{ord(control[0]):04X}"),
                node,
                path,
                hint=msg("yaml.control.hint"),
            )
        if tag == _STR:
            return nfc(text)
        if tag == _INT and _INT_RE.fullmatch(text):
            return int(text)
        if tag == _NULL and _NULL_RE.fullmatch(text):
            return None
        if tag == _BOOL and _BOOL_RE.fullmatch(text):
            return text in ("true", "True", "TRUE")
        if tag == _FLOAT and _FLOAT_RE.fullmatch(text):
            # ".inf", "-.Inf", ".NaN": Python spells them without the point
            return float(text.replace(".", "", 1) if text[-1] in "fFnN" else text)
        if tag == _DATE and (m := _DATE_RE.fullmatch(text)):
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:  # 1984-02-30: text, which a date field refuses with its line
                return text
        if tag in (_INT, _NULL, _BOOL, _FLOAT, _DATE, _MERGE):
            return nfc(text)
        raise self.fail(
            msg("yaml.tag", tag=tag),
            node,
            path,
            msg("yaml.tag.hint"),
        )

    def walk(self, node: Node, path: PathKey) -> object:
        self.count += 1
        if len(path) > MAX_DEPTH:
            raise self.fail(_TOO_DEEP, node, path[:MAX_DEPTH], _TOO_DEEP_HINT)
        if self.count > MAX_NODES:
            raise self.fail(
                msg("yaml.too_many", limit=MAX_NODES),
                node,
                path,
                msg("yaml.too_many.hint"),
            )
        self.source.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, MappingNode):
            self.loader.flatten_mapping(node)  # resolves '<<' merge keys
            result: dict[object, object] = {}
            first_seen: dict[object, int] = {}
            for key_node, value_node in node.value:
                key = self.walk(key_node, (*path, "<key>"))
                if isinstance(key, str):
                    key = nfc(key)
                if not isinstance(key, (str, int, bool)) and key is not None:
                    raise self.fail(msg("yaml.key"), key_node, path)
                if key in first_seen:
                    raise self.fail(
                        msg("yaml.duplicate_key", key=str(key), line=first_seen[key]),
                        key_node,
                        (*path, str(key)),
                        msg("yaml.duplicate_key.hint"),
                    )
                first_seen[key] = key_node.start_mark.line + 1
                child = (*path, key if isinstance(key, (str, int)) else str(key))
                # A scalar is pointed at where it stands; a block value starts on the line
                # after its key, so a mistake about it is pointed at the key.
                at = value_node if isinstance(value_node, ScalarNode) else key_node
                self.source.marks[child] = (at.start_mark.line + 1, at.start_mark.column + 1)
                result[key] = self.walk(value_node, child)
            self.source.marks.pop((*path, "<key>"), None)
            return result
        if isinstance(node, SequenceNode):
            return [self.walk(item, (*path, i)) for i, item in enumerate(node.value)]
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        raise self.fail(msg("yaml.node"), node, path)  # pragma: no cover


def load_yaml(
    path: Path,
    error: type[TallyError] = ConfigError,
    text: str | None = None,
    kind: Kind = "election.yaml",
) -> tuple[object, SourceMap]:
    """Read one YAML document safely; return the data and where each value came from.

    The file is read only if it is a regular file within the size limit of its ``kind``
    (:mod:`tally.source`)."""
    source = SourceMap(path)
    if text is None:
        raw = read_regular(path, error, kind)  # a regular file, its size checked first
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise error.at(
                msg("yaml.not_utf8", byte=f"{raw[exc.start]:02x}", offset=exc.start),
                path,
                line,
                hint=msg("yaml.not_utf8.hint"),
            ) from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise error.at(msg("yaml.empty"), path)
        data = _Walker(loader, source, error).walk(node, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed YAML"
        deep = "nesting depth" in problem  # libyaml stops at 1,000 levels, before our walk
        raise error.at(
            _TOO_DEEP if deep else msg("yaml.invalid", problem=problem),
            path,
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
            hint=_TOO_DEEP_HINT if deep else None,
        ) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses: say where it is
        before = text[: exc.position]
        code = (
            exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        )
        raise error.at(
            msg("yaml.bad_char", code=f"{code:04X}"),
            path,
            before.count("\n") + 1,
            len(before) - before.rfind("\n"),
            hint=msg("yaml.bad_char.hint"),
        ) from None
    except yaml.YAMLError as exc:
        raise error.at(msg("yaml.invalid", problem=str(exc)), path) from None
    except RecursionError:  # PyYAML's pure-Python composer, when libyaml is not installed
        raise error.at(_TOO_DEEP, path, hint=_TOO_DEEP_HINT) from None
    finally:
        loader.dispose()
    return data, source
