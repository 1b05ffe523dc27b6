"""Turn pydantic's validation errors into sentences that point at a line."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from pydantic import ValidationError

from tally.errors import Issue, Location
from tally.i18n import Msg, MsgError, Param, msg
from tally.textnorm import closest, nfc
from tally.yamlsrc import PathKey, format_field

# Words that YAML 1.1 read as true/false (and so as 1/0 where a number was due).
_WORDS = frozenset({"yes", "no", "on", "off", "y", "n", "true", "false"})
_MAX_SHOWN = 40


def _got(value: object) -> Param:
    if isinstance(value, str):
        if len(value) > _MAX_SHOWN:  # never echo a runaway value back whole
            return msg("got.long", start=value[:20], length=len(value))
        return f'"{value}"'
    if isinstance(value, (dict, list)):
        return msg("got.mapping") if isinstance(value, dict) else msg("got.list")
    return repr(value) if value is not None else msg("got.nothing")


def number_hint(value: object) -> Msg | None:
    """What to write instead of a figure YAML 1.1 would have read otherwise (``015``, ``yes``)."""
    if isinstance(value, bool) or (isinstance(value, str) and value.strip().lower() in _WORDS):
        return msg("v.word_not_figure")
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\+?[0-9][0-9_]*", text, re.ASCII) and not text.endswith("_"):
        digits = text.lstrip("+").replace("_", "").lstrip("0") or "0"
        if len(digits) > 18:
            return msg("v.too_many_digits")
        if digits != text:  # a leading zero or '+', or '_' between digits
            return msg("v.write_digits", digits=digits, text=text)
        return msg("v.unquote", digits=digits)
    return msg("v.digits_only")


def did_you_mean(word: object, known: Iterable[str]) -> Msg | None:
    """The "did you mean" hint for an unknown id, key, body, rule set or file close to one of
    ``known`` (compared without diacritics or case), or None when none is close."""
    close = closest(str(word), known) if isinstance(word, str) and word else None
    return msg("v.did_you_mean", close=close) if close is not None else None


def _either(expected: str) -> Msg | str:
    """pydantic's "'M' or 'F'" (or "'a', 'b' or 'c'") with the "or" from the catalogue."""
    head, sep, last = expected.rpartition(" or ")
    return msg("v.either", head=head, last=last) if sep else expected


def _message(err: dict[str, object]) -> tuple[Msg, Msg | None]:
    kind = str(err["type"])
    value = err.get("input")
    ctx = err.get("ctx") or {}
    assert isinstance(ctx, dict)
    if kind == "missing":
        return msg("v.required"), None
    if kind == "extra_forbidden":
        return msg("v.unknown_key"), msg("v.unknown_key.hint")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return msg("v.whole_number", got=_got(value)), number_hint(value)
    if kind == "greater_than" and ctx.get("gt") == 0:
        return msg("v.positive", got=_got(value)), None
    if kind == "greater_than_equal" and ctx.get("ge") == 0:
        return msg("v.zero_or_more", got=_got(value)), None
    if kind.startswith("date") or kind.startswith("datetime"):
        if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            return msg("v.no_such_date", date=value), msg("v.no_such_date.hint")
        return msg("v.date", got=_got(value)), None
    if kind == "bool_parsing" or kind == "bool_type":
        return msg("v.bool", got=_got(value)), None
    if kind == "string_pattern_mismatch":
        return msg("v.id", got=_got(value)), None
    if kind == "literal_error":
        expected = _either(str(ctx.get("expected", "")))
        # a mistyped body, kind or reason: the close value as the hint ("commitee" → committee)
        values = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return msg("v.one_of", expected=expected, got=_got(value)), did_you_mean(value, values)
    if kind == "value_error":
        error = ctx.get("error")
        if isinstance(error, MsgError):
            return error.msg, None
        return msg("v.detail", detail=str(error or err["msg"])), None
    if kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
        wanted = {"list_type": msg("got.list"), "dict_type": msg("got.mapping")}.get(
            kind, msg("v.mapping_of_keys")
        )
        return msg("v.must_be", wanted=wanted, got=_got(value)), None
    return msg("v.other", detail=str(err["msg"]), got=_got(value)), None


def name_key(name: str) -> str:
    """A person's name as :func:`issues_from_validation` compares it: NFC, case and spacing
    folded."""
    return " ".join(nfc(name).casefold().split())


def issues_from_validation(
    exc: ValidationError,
    locate: Callable[[PathKey], Location],
    known: list[str] | None = None,
    names: Mapping[str, str] | None = None,
) -> list[Issue]:
    """One Issue per pydantic error, located with ``locate`` (a path → file:line function);
    ``known`` keys give a "did you mean" hint, and ``names`` (:func:`name_key` → id) the id
    of a person whose name was typed where an id belongs."""
    issues: list[Issue] = []
    for err in exc.errors(include_url=False):
        path: PathKey = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
        # Drop pydantic's internal union/function tags from the location.
        path = tuple(p for p in path if not (isinstance(p, str) and "[" in p and "]" in p))
        message, hint = _message(dict(err))
        if err["type"] == "extra_forbidden" and known and path:
            hint = did_you_mean(str(path[-1]), known) or hint
        value = err.get("input")
        if names and isinstance(value, str) and name_key(value) in names:
            hint = msg("v.name_not_id", id=names[name_key(value)])
        loc = locate(path)
        issues.append(
            Issue(message, Location(loc.path, loc.line, loc.column, format_field(path)), hint)
        )
    return issues
