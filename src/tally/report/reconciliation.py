"""The renderers of ``tally reconcile``: the comparison of two or three entry journals as
text for the terminal and as the ``--json`` document.

The sentences (how the ballots were paired, the counts, a skipped paper) are the entry
module's, shared with the printed entry log, so the terminal and the paper cannot disagree.
"""

from __future__ import annotations

from pathlib import Path

from tally.entry.reconcile import (
    ABSENT,
    Reconciliation,
    counts_text,
    method_text,
    shift_text,
)
from tally.entry.reconcile_run import ReconcileRun
from tally.entry.session import Marks
from tally.findings import Lang
from tally.i18n import msg


def comparison_text(result: Reconciliation, lang: Lang) -> str:
    """The comparison as the terminal shows it: the journals (A, B, C), how their ballots were
    paired, the counts, and each difference with its resolution and its shifts."""
    sheet = result.sheet
    letters = "ABCDEFGHIJ"
    lines = [
        msg("entry.reconciling_journals", n_sources=len(result.sources)).text(lang)
        + f" — {sheet.title} ({sheet.contest}), "
        + msg("entry.round", round=sheet.round).text(lang),
    ]
    for letter, src in zip(letters, result.sources, strict=False):
        lines.append(
            f"  {letter}  {src.label}  {', '.join(src.operators) or '—'}  "
            + msg("entry.ballots", n_ballots=len(src.state.ballots)).text(lang)
            + f"  {msg('entry.head').text(lang)} {src.head[:16]}"
        )
    label_of = {src.label: letter for letter, src in zip(letters, result.sources, strict=False)}
    lines.append(method_text(result.method, lang))
    lines.append(counts_text(result, lang))
    missing = msg("entry.missing").text(lang)
    for diff in result.differences:
        versions = "   ".join(
            f"{label_of[k]}: {v.text() if v is not None else missing}"
            for k, v in diff.versions.items()
        )
        line = f"  #{diff.serial}  {versions}"
        res = diff.resolution
        if res is not None and not diff.stale:
            chosen = (
                res.marks.text() if res.marks is not None else msg("entry.not_ballot").text(lang)
            )
            line += "  → " + msg("entry.resolved_by", by=res.by, chosen=chosen).text(lang)
        elif res is not None:
            line += "  → " + msg("entry.resolution_stale", by=res.by).text(lang)
        lines.append(line)
        lines += [f"        {shift_text(shift, label_of, lang)}" for shift in diff.shifts]
    for warning in result.warnings:
        lines.append(msg("entry.warning").text(lang) + warning.text(lang))
    return "\n".join(lines)


def comparison_doc(
    result: Reconciliation, written: Path | None, res_path: Path, lang: Lang
) -> dict[str, object]:
    """The comparison as ``tally reconcile --json`` writes it (the key names are a contract):
    the journals, the alignment, each difference and its resolution, the file written."""

    def marks(m: Marks | None) -> str | None:
        return m.text() if isinstance(m, Marks) else None

    return {
        "contest": result.sheet.contest,
        "round": result.sheet.round,
        "journals": [
            {
                "path": str(s.path),
                "label": s.label,
                "operators": list(s.operators),
                "ballots": len(s.state.ballots),
                "head": s.head,
            }
            for s in result.sources
        ],
        "ballots": len(result.serials),
        "identical": result.agreed,
        "aligned_by": result.method,
        "alignment": [
            {
                "identical": seg.count if seg.difference is None else 0,
                "difference": None if seg.difference is None else seg.difference.serial,
                "serials": {k: list(v) if v is not None else None for k, v in seg.spans.items()},
            }
            for seg in result.segments
        ],
        "differences": [
            {
                "serial": d.serial,
                "kind": d.kind,
                "serials": d.serials,
                "shifts": [
                    {
                        "lacking": x.lacking,
                        "having": x.having,
                        "serial": x.serial,
                        "then": None
                        if x.lacking_run is None or x.having_run is None
                        else {x.lacking: list(x.lacking_run), x.having: list(x.having_run)},
                    }
                    for x in d.shifts
                ],
                "versions": {k: marks(v) for k, v in d.versions.items()},
                "resolution": None
                if d.resolution is None
                else {
                    "marks": d.resolution.marks.text()
                    if d.resolution.marks is not None
                    else ABSENT,
                    "by": d.resolution.by,
                    "time": d.resolution.time,
                    "note": d.resolution.note,
                    "stale": d.stale,
                },
            }
            for d in result.differences
        ],
        "unresolved": len(result.unsettled),
        "resolutions": str(res_path) if res_path.exists() else None,
        "written": str(written) if written is not None else None,
        "warnings": [w.text(lang) for w in result.warnings],
    }


def reconciliation_text(run: ReconcileRun, lang: Lang) -> str:
    """What ``tally reconcile`` prints: the head checks, then the comparison and what became
    of the agreed CSV — or, when a journal no longer ends at its head, why nothing was done."""
    lines = [sentence for _, sentence in run.heads]
    result = run.result
    if result is None:
        return "\n".join([*lines, msg("entry.not_reconciled_head").text(lang)])
    lines.append(comparison_text(result, lang))
    if run.written is not None:
        n = len(result.rows())
        lines.append(
            msg("wrote.agreed.one" if n == 1 else "wrote.agreed", n=n, path=run.written).text(lang)
        )
    elif result.unsettled:
        first = result.unsettled[0]
        said = msg("entry.unsettled", n_unsettled=len(result.unsettled), serial=first.serial)
        lines.append(said.text(lang))
    else:
        lines.append(msg("entry.agreed_no_output").text(lang))
    return "\n".join(lines)


def reconciliation_doc(run: ReconcileRun, lang: Lang) -> dict[str, object]:
    """What ``tally reconcile --json`` writes: the comparison with the head checks, or only
    the head checks when a journal no longer ends at its head."""
    heads = [{"match": m, "message": t} for m, t in run.heads]
    if run.result is None or run.resolutions is None:
        return {"heads": heads}
    doc = comparison_doc(run.result, run.written, run.resolutions, lang)
    if heads:
        doc["heads"] = heads
    return doc
