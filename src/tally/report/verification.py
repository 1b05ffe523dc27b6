"""The renderers of ``tally verify ELECTION --fingerprint``: the answer as text for the
terminal and as the ``--json`` document (the key names are a contract)."""

from __future__ import annotations

from tally.findings import Lang
from tally.fingerprint import FingerprintCheck
from tally.i18n import msg


def verification_doc(check: FingerprintCheck) -> dict[str, object]:
    """The lookup as ``tally verify --json`` writes it."""
    found, suggestion = check.found, check.suggestion
    return {
        "match": found is not None,
        "given": check.given,
        "contest": found.contest if found else None,
        "round": found.round if found else None,
        "fingerprint": found.digest if found else None,
        "short": found.short if found else None,
        "rounds": [
            {
                "contest": r.contest,
                "round": r.round,
                "fingerprint": r.digest,
                "short": r.short,
                "files": list(r.files),
            }
            for r in check.rounds
        ],
        "suggestion": {
            "contest": suggestion[0].contest,
            "round": suggestion[0].round,
            "short": suggestion[0].short,
            "group": suggestion[1],
        }
        if suggestion
        else None,
        "inputs": check.digests,
    }


def verification_text(check: FingerprintCheck, lang: Lang) -> str:
    """The round the code belongs to; or that it matches none, the rounds it was compared
    with, the likely misread round, and each input file's digest."""
    found, given, rounds = check.found, check.given, check.rounds
    if found is not None:
        return msg(
            "table.verify.matches",
            short=found.short,
            contest=f"{found.name} ({found.contest})" if found.name else found.contest,
            round=found.round,
        ).text(lang)
    if not rounds:
        say = msg("table.verify.no_rounds", given=given)
    elif len(rounds) == 1:
        say = msg("table.verify.differs.one", given=given)
    else:
        say = msg("table.verify.differs", given=given, n=len(rounds))
    lines = [say.text(lang)]
    for r in rounds:
        line = msg("table.verify.round", short=r.short, contest=r.contest, round=r.round)
        lines.append(f"  {line.text(lang)}")
    if check.suggestion is not None:
        r, group = check.suggestion
        hint = msg(
            "table.verify.typo", short=r.short, contest=r.contest, round=r.round, group=group
        )
        lines.append(hint.text(lang))
    lines.append(msg("table.verify.files").text(lang))
    lines += [f"  {digest[:16]}  {path}" for path, digest in sorted(check.digests.items())]
    return "\n".join(lines)
