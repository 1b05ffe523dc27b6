"""The checks as declared units (issue 17): each a small function over one context object,
registered with the codes it may give and the rule it rests on.

A :class:`Registry` holds the units of one family in the order they run, which is the order
their findings come in (the reports sort them afterwards, but a unit's place is still its
order of registration, i.e. of definition in its module). What a code means, and at which
severities it may be given, is registered once per code in :data:`tally.findings.CODES`; a
unit's description is that of its codes. Running a unit checks that it gave only the codes
it declares, so the declaration cannot drift from the code.

Standard library and :mod:`tally.findings` only: the checks import this, never the reverse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from tally.findings import CODES, Finding
from tally.i18n import Msg
from tally.kinds import FindingCode, ProblemCode, Severity

C = TypeVar("C")
Unit = Callable[[C], list[Finding]]


@dataclass(frozen=True)
class Check(Generic[C]):
    """One registered check: its name, the codes it gives, the rule it rests on."""

    name: str
    codes: tuple[FindingCode | ProblemCode, ...]
    rules: tuple[
        str, ...
    ]  # rule-set parameters (lists.surplus_max), keys of the plan (plan.targets)
    run: Unit[C]

    @property
    def severities(self) -> tuple[Severity, ...]:
        """The severities its findings may carry, as registered for its codes."""
        given = {s for c in self.codes for s in CODES[c.value].severities}
        return tuple(s for s in ("error", "warning", "info") if s in given)

    @property
    def descriptions(self) -> tuple[Msg, ...]:
        """One line per code it gives (the catalogue's ``code.<code>``)."""
        return tuple(CODES[c.value].description for c in self.codes)


class Registry(Generic[C]):
    """The checks of one family over one context type, in the order they run."""

    def __init__(self, family: str) -> None:
        self.family = family
        self.checks: list[Check[C]] = []
        REGISTRIES.append(self)

    def register(
        self, *codes: FindingCode | ProblemCode, rule: str | tuple[str, ...] = ()
    ) -> Callable[[Unit[C]], Unit[C]]:
        """Declare the decorated function a check of this family giving ``codes``, resting on
        ``rule`` (one key or several)."""
        rules = (rule,) if isinstance(rule, str) else rule

        def add(run: Unit[C]) -> Unit[C]:
            self.checks.append(Check(run.__name__, codes, rules, run))
            return run

        return add

    @property
    def codes(self) -> tuple[FindingCode | ProblemCode, ...]:
        """Every code its checks may give, in order (for a unit that runs the family)."""
        return tuple(dict.fromkeys(c for check in self.checks for c in check.codes))

    @property
    def rules(self) -> tuple[str, ...]:
        """Every rule its checks rest on, in order."""
        return tuple(dict.fromkeys(r for check in self.checks for r in check.rules))

    def run(self, context: C) -> list[Finding]:
        """Every check of the family on ``context``, their findings in registration order."""
        out: list[Finding] = []
        for check in self.checks:
            found = check.run(context)
            declared = {c.value for c in check.codes}
            for f in found:
                if f.code not in declared:  # a bug: the unit gives a code it does not declare
                    raise ValueError(f"check {check.name} gave {f.code}, declares {declared}")
            out += found
        return out


# Every family, for the tests and the docs (each holds checks over its own context type).
REGISTRIES: list[Registry[Any]] = []
