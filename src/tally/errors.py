"""One error tree for everything a user can get wrong.

Each error carries where it happened (file, line, column, field) and a hint, so the CLI can
print ``election.yaml:12:5: contests[0].seats: must be a positive integer (got "mười lăm")``.
Exit codes are the contract of design.md: 2 bad input, 3 figures that do not reconcile.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from tally.i18n import Msg, msg
from tally.kinds import Lang

EXIT_OK = 0
EXIT_RULE_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_NOT_RECONCILED = 3
EXIT_NEEDS_VOTE = 4
EXIT_INTERNAL = 70
MAX_ISSUES = 50  # mistakes of one file reported in one run; then "and N more"


@dataclass(frozen=True)
class Location:
    """A place in an input file; every part is optional, the more the better."""

    path: Path | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    field: str | None = None  # dotted path of the key, e.g. contests[0].seats

    def __str__(self) -> str:
        parts: list[str] = []
        if self.path is not None:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            parts.append(where)
        if self.field:
            parts.append(self.field)
        return ": ".join(parts)


@dataclass(frozen=True, init=False)
class Issue:
    """One problem found in an input: where, what, and what to do about it.

    Built from catalogue messages (:class:`~tally.i18n.Msg`), worded in the reader's language
    when shown (:meth:`text`). ``message`` and ``hint`` keep the English, for ``str()``, logs
    and the JSON documents; a plain ``str`` is a text not in the catalogue yet, shown as is.
    """

    message: str
    location: Location
    hint: str | None
    said: Msg | str  # the message as the catalogue words it
    said_hint: Msg | str | None

    def __init__(
        self, message: Msg | str, location: Location | None = None, hint: Msg | str | None = None
    ) -> None:
        object.__setattr__(self, "message", str(message))
        object.__setattr__(self, "location", location or Location())
        object.__setattr__(self, "hint", None if hint is None else str(hint))
        object.__setattr__(self, "said", message)
        object.__setattr__(self, "said_hint", hint)

    def moved(self, location: Location) -> Issue:
        """The same issue at another place."""
        return Issue(self.said, location, self.said_hint)

    def head(self, lang: Lang) -> str:
        """The place and the message, without the hint."""
        where = str(self.location)
        what = self.said if isinstance(self.said, str) else self.said.text(lang)
        return f"{where}: {what}" if where else what

    def text(self, lang: Lang) -> str:
        """The place, the message and (on its own line) the hint, in ``lang``."""
        if self.said_hint is None:
            return self.head(lang)
        hint = msg("cli.hint", text=self.said_hint).text(lang)
        return f"{self.head(lang)}\n  {hint}"

    def __str__(self) -> str:
        return self.text("en")


class TallyError(Exception):
    """Base of every error the tool reports to a user (never a bug)."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, issues: Issue | list[Issue]) -> None:
        self.issues = [issues] if isinstance(issues, Issue) else list(issues)
        super().__init__("\n".join(str(i) for i in self.issues))

    @classmethod
    def at(
        cls,
        message: Msg | str,
        path: Path | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        hint: Msg | str | None = None,
    ) -> Self:
        return cls(Issue(message, Location(path, line, column, field), hint))


class ConfigError(TallyError):
    """election.yaml (or a tally sheet) is malformed or inconsistent."""


class RuleSetError(TallyError):
    """A rule set file is malformed, or names a rule set that does not exist."""


class BallotFileError(TallyError):
    """A ballot CSV or tally sheet has a malformed row."""


class UsageError(TallyError):
    """Options that cannot work together, or a file that would be overwritten (exit 2)."""


class OptionError(UsageError):
    """One command-line option's value is refused by the application (a contest the election
    does not have, a format its output cannot take). The CLI shows it as click shows a bad
    option value, naming the option; the application never imports click."""

    def __init__(self, said: Msg, option: str) -> None:
        super().__init__(Issue(said))
        self.said = said
        self.option = option


class NotReconciledError(TallyError):
    """The counting board's figures do not add up."""

    exit_code = EXIT_NOT_RECONCILED


class NotEnteredError(TallyError):
    """Asked for a round whose ballots (or tally sheets) are not entered yet: a vote still due."""

    exit_code = EXIT_NEEDS_VOTE


class IssueLog:
    """The mistakes found while reading one file, so that one run reports them all.

    Keeps the first ``limit`` by line (mistakes may be found out of order: duplicate serials
    are checked in batches) and counts the rest, so memory does not grow with the file.
    """

    def __init__(self, path: Path | None = None, limit: int = MAX_ISSUES) -> None:
        self.path = path
        self.limit = limit
        self.total = 0
        self._heap: list[tuple[int, int, Issue]] = []  # (-line, -order, issue): largest first

    def add(self, issue: Issue) -> None:
        self.total += 1
        heapq.heappush(self._heap, (-(issue.location.line or 0), -self.total, issue))
        if len(self._heap) > self.limit:
            heapq.heappop(self._heap)

    def extend(self, error: TallyError) -> None:
        for issue in error.issues:
            self.add(issue)

    def __bool__(self) -> bool:
        return self.total > 0

    def issues(self) -> list[Issue]:
        """The kept mistakes by line, and one more line saying how many were left out."""
        kept = [issue for _, _, issue in sorted(self._heap, reverse=True)]
        more = self.total - len(kept)
        if more:
            said = msg("errors.more.one" if more == 1 else "errors.more", more=more)
            kept.append(Issue(said, Location(self.path), msg("errors.more.hint")))

        return kept

    def raise_if_any(self, error: type[TallyError] = BallotFileError) -> None:
        if self.total:
            raise error(self.issues())
