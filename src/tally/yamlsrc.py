"""Safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` silently keeps the last of two equal keys — a board that typed
``seats`` twice would count with whichever came last. Here a duplicate key is an error with
both line numbers, aliases cannot expand into a huge document, and every value's position
is kept in a :class:`SourceMap` so that a validation error can name the line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tally.errors import ConfigError, Location, TallyError
from tally.source import Kind, read_regular
from tally.textnorm import nfc

# A legitimate election file has a few thousand nodes; a "billion laughs" file has billions.
MAX_NODES = 200_000

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
        line, column = self.marks.get(key, (None, None)) if key else (None, None)
        return Location(self.path, line, column, format_field(path) or None)


# libyaml's parser when PyYAML has it (about 4× faster: a batch recount reads thousands of
# files); the nodes, marks and errors are the same, and everything above them is ours.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    pass


class _Walker:
    def __init__(self, loader: _Loader, source: SourceMap, error: type[TallyError]) -> None:
        self.loader = loader
        self.source = source
        self.error = error
        self.count = 0

    def fail(self, message: str, node: Node, path: PathKey, hint: str | None = None) -> TallyError:
        mark = node.start_mark
        return self.error.at(
            message, self.source.path, mark.line + 1, mark.column + 1, format_field(path), hint
        )

    def walk(self, node: Node, path: PathKey) -> object:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(
                f"the document expands to more than {MAX_NODES:,} values",
                node,
                path,
                "anchors and aliases (&x / *x) that repeat a large part are refused",
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
                    raise self.fail("a key must be a plain word or number", key_node, path)
                if key in first_seen:
                    raise self.fail(
                        f"duplicate key '{key}' (first given on line {first_seen[key]})",
                        key_node,
                        (*path, str(key)),
                        "YAML keeps only one of them; delete the one that is wrong",
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
            value = self.loader.construct_object(node, deep=True)
            return nfc(value) if isinstance(value, str) else value
        raise self.fail("unsupported YAML node", node, path)  # pragma: no cover


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
                f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                path,
                line,
                hint="save the file as UTF-8 (in Notepad: Save As → Encoding: UTF-8)",
            ) from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise error.at("the file is empty", path)
        data = _Walker(loader, source, error).walk(node, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed YAML"
        raise error.at(
            f"not valid YAML: {problem}",
            path,
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise error.at(f"not valid YAML: {exc}", path) from None
    finally:
        loader.dispose()
    return data, source
