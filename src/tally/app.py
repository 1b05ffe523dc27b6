"""The application: what a command asks for, run, and returned as one typed report.

``tally validate``, ``tally count``, ``tally check``, ``tally minutes`` and ``tally recount``
all get their results here, so a batch recount gives each election exactly the report a
single ``tally check`` gives, and no command computes a figure its own way. The reports
(:mod:`tally.report.model`) carry no language; the caller renders them.
"""

from __future__ import annotations

# The engine and the checks by module, looked up at each call: a caller (or a test planting a
# bug) that substitutes one of their functions substitutes it for every command.
from tally import checks, engine
from tally.audit import audit
from tally.config.loader import LoadedElection, not_entered
from tally.fingerprint import input_digests
from tally.report import build
from tally.report.model import CheckReport, CountReport, ValidateReport


def count_report(
    loaded: LoadedElection, contest_id: str | None = None, round_no: int | None = None
) -> CountReport:
    """Count every contest (or one), every round (or up to ``round_no``)."""
    result = engine.count_election(loaded, contest_id, round_no)
    return build.count_report(result, input_digests(loaded))


def check_report(loaded: LoadedElection) -> CheckReport:
    """Count, then check the result against the rules and the approved personnel plan."""
    return build.check_report(audit(loaded), input_digests(loaded))


def validate_report(loaded: LoadedElection) -> ValidateReport:
    """The list and electorate checks before the vote (with any nomination poll counted)."""
    report = checks.validate(
        loaded.election, loaded.rules, engine.counted_polls(loaded), pending=not_entered(loaded)
    )
    return build.validate_report(report, input_digests(loaded))
