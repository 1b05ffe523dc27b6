"""Turn pydantic's validation errors into sentences that point at a line."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from pydantic import ValidationError

from tally.errors import Issue, Location
from tally.yamlsrc import PathKey, format_field

# Words that YAML 1.1 read as true/false (and so as 1/0 where a number was due).
_WORDS = frozenset({"yes", "no", "on", "off", "y", "n", "true", "false"})
_MAX_SHOWN = 40


def _got(value: object) -> str:
    if isinstance(value, str):
        if len(value) > _MAX_SHOWN:  # never echo a runaway value back whole
            return f'"{value[:20]}…" ({len(value):,} characters)'
        return f'"{value}"'
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return repr(value) if value is not None else "nothing"


def number_hint(value: object) -> str | None:
    """What to write instead of a figure YAML 1.1 would have read otherwise (``015``, ``yes``)."""
    if isinstance(value, bool) or (isinstance(value, str) and value.strip().lower() in _WORDS):
        return "yes/no/on/off/true/false is a word, not a figure: write the number (e.g. 0 or 1)"
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\+?[0-9][0-9_]*", text, re.ASCII) and not text.endswith("_"):
        digits = text.lstrip("+").replace("_", "").lstrip("0") or "0"
        if len(digits) > 18:
            return "a figure has at most 18 digits"
        if digits != text:  # a leading zero or '+', or '_' between digits
            return f"write {digits}, not {text}"
        return f"write the figure without quotes: {digits}, not '{digits}'"
    return "write the figure with the digits 0-9 only: no ':', '.', letters or other scripts"


def _message(err: dict[str, object]) -> tuple[str, str | None]:
    kind = str(err["type"])
    value = err.get("input")
    ctx = err.get("ctx") or {}
    assert isinstance(ctx, dict)
    if kind == "missing":
        return "is required", None
    if kind == "extra_forbidden":
        return "unknown key", "check the spelling against the file format in the README"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"must be a whole number (got {_got(value)})", number_hint(value)
    if kind == "greater_than" and ctx.get("gt") == 0:
        return f"must be a positive integer (got {_got(value)})", None
    if kind == "greater_than_equal" and ctx.get("ge") == 0:
        return f"must be zero or more (got {_got(value)})", None
    if kind.startswith("date") or kind.startswith("datetime"):
        if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            return (
                f"there is no date {value}",
                "write a date that exists, as YYYY-MM-DD (e.g. 2025-07-20)",
            )
        return f"must be a date written YYYY-MM-DD, e.g. 2025-07-20 (got {_got(value)})", None
    if kind == "bool_parsing" or kind == "bool_type":
        return f"must be true or false (got {_got(value)})", None
    if kind == "string_pattern_mismatch":
        return (
            f"must be a short id of letters, digits, '_', '-', '.' (got {_got(value)})",
            None,
        )
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        return f"must be one of {expected} (got {_got(value)})", None
    if kind == "value_error":
        return str(ctx.get("error", err["msg"])), None
    if kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
        wanted = {"list_type": "a list", "dict_type": "a mapping"}.get(kind, "a mapping of keys")
        return f"must be {wanted} (got {_got(value)})", None
    return f"{err['msg']} (got {_got(value)})", None


def issues_from_validation(
    exc: ValidationError, locate: Callable[[PathKey], Location], known: list[str] | None = None
) -> list[Issue]:
    """One Issue per pydantic error, located with ``locate`` (a path → file:line function)."""
    issues: list[Issue] = []
    for err in exc.errors(include_url=False):
        path: PathKey = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
        # Drop pydantic's internal union/function tags from the location.
        path = tuple(p for p in path if not (isinstance(p, str) and "[" in p and "]" in p))
        message, hint = _message(dict(err))
        if err["type"] == "extra_forbidden" and known and path:
            close = difflib.get_close_matches(str(path[-1]), known, n=1)
            if close:
                hint = f"did you mean '{close[0]}'?"
        loc = locate(path)
        issues.append(
            Issue(message, Location(loc.path, loc.line, loc.column, format_field(path)), hint)
        )
    return issues
