"""The one YAML writer of the simulator: election models and tally sheets as readable YAML.

A mapping is written in block style, except a mapping of scalars nested in a section, which is
written on one line when it fits in 100 columns, and an item of a top-level list whose values
are scalars or lists of scalars (a row: a person). Lists of scalars are always written on one
line. A blank
line separates the top-level sections and the items of a top-level list; comments are
attached to a path. A scalar is written plain when it reads back as the same text
(:func:`tally.yamlsrc.plain_is_text`), else double-quoted (a JSON string is a valid YAML
double-quoted scalar). Tests load what is written and compare it with the model.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence

from tally.election import Election
from tally.yamlsrc import plain_is_text

Path = tuple[str | int, ...]
Comments = Mapping[Path, Sequence[str]]
WIDTH = 100

# Characters that end or break a plain scalar: in flow context also the separators.
_BLOCK_UNSAFE = frozenset(':#{}[]&*!|>"')
_FIRST_UNSAFE = frozenset("'-?%@`")  # also indicators at the start of a scalar
_FLOW_UNSAFE = _BLOCK_UNSAFE | {","}


def scalar(value: object, *, flow: bool) -> str:
    """One scalar as YAML text that reads back as ``value``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"not a YAML scalar: {value!r}")
    unsafe = _FLOW_UNSAFE if flow else _BLOCK_UNSAFE
    plain = (
        value
        and value[0] not in _FIRST_UNSAFE
        and value == value.strip()
        and not unsafe & set(value)
        and plain_is_text(value)
    )
    return value if plain else json.dumps(value, ensure_ascii=False)


def _is_scalar(value: object) -> bool:
    return not isinstance(value, (dict, list))


def _flat(value: object) -> bool:
    if isinstance(value, dict):
        return all(_is_scalar(v) or _scalars(v) for v in value.values())
    return _scalars(value)


def _scalars(value: object) -> bool:
    return isinstance(value, list) and all(_is_scalar(v) for v in value)


def flow(value: object) -> str:
    """A scalar, a list of scalars or a flat mapping on one line."""
    if isinstance(value, dict):
        items = (f"{scalar(k, flow=True)}: {flow(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value, flow=True)


def _one_line(head: str, value: object, top: bool) -> str | None:
    """``key: value`` on one line, or None when the value is written as a block: a mapping
    of scalars goes on one line when it fits, except a top-level section of a sectioned
    document."""
    if _is_scalar(value):
        return f"{head} {scalar(value, flow=False)}"
    if not value or _scalars(value):
        return f"{head} {flow(value)}"
    if top or not isinstance(value, dict) or not all(map(_is_scalar, value.values())):
        return None
    line = f"{head} {flow(value)}"
    return line if len(line) <= WIDTH else None


class _Writer:
    def __init__(self, comments: Comments, sections: bool) -> None:
        self.comments = comments
        self.sections = sections
        self.lines: list[str] = []

    def comment(self, path: Path, indent: int) -> None:
        for note in self.comments.get(path, ()):
            self.lines.append(f"{' ' * indent}# {note}")

    def mapping(self, data: Mapping[str, object], indent: int, path: Path) -> None:
        for key, value in data.items():
            here = (*path, key)
            head = f"{' ' * indent}{scalar(key, flow=False)}:"
            one_line = _one_line(head, value, self.sections and not path)
            if not path and self.lines and (one_line is None or here in self.comments):
                self.lines.append("")  # a blank line before each section of several lines
            self.comment(here, indent)
            if one_line is not None:
                self.lines.append(one_line)
            elif isinstance(value, dict):
                self.lines.append(head)
                self.mapping(value, indent + 2, here)
            elif isinstance(value, list):
                self.lines.append(head)
                self.sequence(value, indent + 2, here)

    def sequence(self, items: Sequence[object], indent: int, path: Path) -> None:
        for i, item in enumerate(items):
            here = (*path, i)
            row = _is_scalar(item) or (len(path) == 1 and _flat(item))
            if len(path) == 1 and i and not row:
                self.lines.append("")  # a blank line between the blocks of a top-level list
            self.comment(here, indent)
            dash = f"{' ' * indent}- "
            if row:
                self.lines.append(dash + flow(item))
            elif isinstance(item, dict):
                start = len(self.lines)
                self.mapping(item, indent + 2, here)
                self.lines[start] = dash + self.lines[start].lstrip()
            else:
                raise TypeError("a list of lists is not written")


def dump_yaml(
    data: Mapping[str, object], comments: Comments | None = None, *, sections: bool = False
) -> str:
    """``data`` (a mapping of scalars, lists and mappings) as YAML text, ending in a newline.
    With ``sections``, each top-level mapping is a block (a section of election.yaml)."""
    writer = _Writer(comments or {}, sections)
    writer.comment((), 0)
    writer.mapping(data, 0, ())
    return "\n".join(writer.lines) + "\n"


def dump_election(election: Election, comments: Comments | None = None) -> str:
    """``election.yaml`` of an :class:`Election`: the fields that were set, in model order."""
    data = election.model_dump(by_alias=True, exclude_unset=True, exclude_none=True)
    return dump_yaml(data, comments, sections=True)
