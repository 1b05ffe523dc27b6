"""The block-wise counting core gives exactly what the row-by-row core gave (issue 19).

tests/reference_count.py is the core as it was (a line read, then counted, at a time); the
property test writes random ballot files with every kind of bad row and checks that
``count.count_file`` gives the same tally and empty rows, or the same located mistakes, with
blocks small enough that every file is read in several, plain and not.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reference_count
from tally import count
from tally.ballots import columns, csvfile
from tally.count import BallotSpec
from tally.errors import BallotFileError
from tally.ruleset.loader import load_ruleset

R190 = load_ruleset("qd-190-2024")
R2015 = load_ruleset("luat-bau-cu-2015")
SPECS = [
    BallotSpec.from_rules(6, 4, "strike", R190.ballot.invalid),
    BallotSpec.from_rules(6, 4, "strike", R2015.ballot.invalid),
    BallotSpec.from_rules(3, 3, "strike", R190.ballot.invalid),
    BallotSpec.from_rules(3, 2, "agree_disagree", R190.ballot.invalid),
]

STRUCK = st.one_of(
    st.sampled_from(["", "1", "2 3", "1 2 3 4", "5 6", "3 1", "1 2 3 4 5 6", "4  5 "]),
    st.lists(st.integers(1, 6), max_size=6, unique=True).map(lambda xs: " ".join(map(str, xs))),
    st.sampled_from(["0", "3,5", "2.4", "2+3", "1 1", "7", "x", "²", "1234567", " 2", "3;4"]),
)
UNMARKED = st.sampled_from(["", "", "", "", "1", "2 3", "0", "1 1", "9", " "])
REASON = st.sampled_from(
    ["", "", "", "", "", "marked", "m", "!n", " W ", "not_issued", "bogus", "too_many_kept", "!"]
)
SERIAL = st.one_of(
    st.just(None),  # numbered in order
    st.sampled_from(["", " ", "1", "2", "007", "A-1", "99999999999", "3 "]),
)
ODD_LINE = st.sampled_from(
    [",,,", "", " ", ";;;", "\t", "1,2", "1,2,3,4,5", '"1","2 3",,', '5,"2,3",,', '9,"2', ",,,,"]
)
COLUMNS = st.sampled_from(
    [
        ("ballot", "struck", "unmarked", "invalid"),
        ("struck", "invalid", "ballot", "unmarked"),
        ("ballot", "struck", "invalid"),
        ("struck",),
        ("invalid", "struck"),
        ("struck", "ballot"),
    ]
)


@st.composite
def ballot_file(draw: st.DrawFn) -> tuple[bytes, int]:
    columns = draw(COLUMNS)
    sep = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    lines = [sep.join(columns)]
    base = draw(st.integers(1, 3))
    repeat = draw(st.sampled_from([1, 1, 5]))  # many identical ballots, or few
    for i in range(draw(st.integers(0, 40))):
        if draw(st.integers(0, 9)) == 0:
            lines.append(draw(ODD_LINE).replace(",", sep))
            continue
        serial = draw(SERIAL)
        fields = {
            "ballot": str(base + i) if serial is None else serial,
            "struck": draw(STRUCK),
            "unmarked": draw(UNMARKED),
            "invalid": draw(REASON),
        }
        lines.extend([sep.join(fields[c] for c in columns)] * repeat)
    text = newline.join(lines) + draw(st.sampled_from(["", newline, newline + sep * 3]))
    if draw(st.integers(0, 15)) == 0:
        text = text.replace(newline, "\r", 1 + draw(st.integers(0, 3)))
    raw = text.encode()
    if draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    if draw(st.integers(0, 15)) == 0:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + b"\xff" + raw[at:]
    return raw, draw(st.integers(0, len(SPECS) - 1))


def outcome(fn, path: Path, spec: BallotSpec) -> object:  # type: ignore[no-untyped-def]
    """What a count gives: the tally and empty rows, or every located mistake."""
    try:
        result = fn(path, spec)
    except BallotFileError as exc:
        return sorted(
            (str(i.location), i.location.field or "", i.message, i.hint or "") for i in exc.issues
        )
    tally, empty = result if isinstance(result, tuple) else (result.tally, result.empty)
    return tally, empty.count, empty.ranges, empty.more


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    case=ballot_file(),
    block=st.sampled_from([16, 64, 1000, 1 << 20]),
    bulk=st.sampled_from([0, 1 << 30]),
)
def test_block_core_equals_reference(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: tuple[bytes, int],
    block: int,
    bulk: int,
) -> None:
    raw, which = case
    spec = SPECS[which]
    path = tmp_path / "ballots.csv"
    path.write_bytes(raw)
    monkeypatch.setattr(csvfile, "BLOCK", block)
    monkeypatch.setattr(count, "BULK_LINES", bulk)  # as arrays (numpy), or by patterns
    expected = outcome(reference_count.count_file, path, spec)
    assert outcome(count.count_file, path, spec) == expected


def test_serials_across_blocks_and_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A serial repeated far away, in runs checked as ranges of the bitmap, is still found."""
    spec = SPECS[0]
    rows = [f"{i},1 2,," for i in range(1, 3001)] + [f"{i},3,," for i in range(2990, 3100)]
    path = tmp_path / "ballots.csv"
    path.write_text("ballot,struck,unmarked,invalid\n" + "\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(csvfile, "BLOCK", 700)
    expected = outcome(reference_count.count_file, path, spec)
    assert outcome(count.count_file, path, spec) == expected
    assert len(expected) == 11  # type: ignore[arg-type]


def loaded(tmp_path: Path, *args: str) -> list[str]:
    """The top-level packages imported by one `tally` command, run in a process, and tally's
    own packages and modules (``tally.minutes``)."""
    code = (
        "import sys\n"
        "from tally.cli.main import main\n"
        f"sys.argv = ['tally', *{list(args)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "names = {m.split('.')[0] for m in sys.modules}\n"
        "names |= {'.'.join(m.split('.')[:2]) for m in sys.modules if m.startswith('tally.')}\n"
        "print('LOADED', sorted(names), file=sys.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    line = [x for x in out.stderr.splitlines() if x.startswith("LOADED ")]
    assert line, out.stderr[-2000:]
    return line[-1].removeprefix("LOADED ").strip("[]").replace("'", "").split(", ")


INTERFACE = {"rich", "textual", "docx", "openpyxl", "traceback"}
# What only other commands use: the print kit (PDF, QR codes), round-trip YAML, the minutes,
# the checks of `tally check`, ballot entry and its screens.
ELSEWHERE = {"fpdf", "segno", "ruamel", "PIL", "fontTools"} | {
    f"tally.{name}"
    for name in ("minutes", "documents", "paper", "checks", "plan_checks", "audit", "entry", "tui")
}


def test_count_json_imports_no_interface_library(tmp_path: Path) -> None:
    """`tally count --json` loads no rich, textual, docx or openpyxl, nor what only another
    command uses (the minutes, the checks, the print kit): start-up (issue 19)."""
    example = Path(__file__).resolve().parents[1] / "examples" / "xa-2025"
    got = set(loaded(tmp_path, "count", str(example), "--json"))
    assert "tally.count" in got  # the names are read as they should be
    assert sorted(got & (INTERFACE | ELSEWHERE)) == []


def test_help_imports_only_the_command_table(tmp_path: Path) -> None:
    """`tally --help` loads neither the models (pydantic, yaml) nor what only a bug or
    ballot entry needs (traceback, secrets)."""
    heavy = INTERFACE | {"pydantic", "yaml", "secrets", "fpdf", "segno", "PIL", "fontTools"}
    assert heavy.isdisjoint(loaded(tmp_path, "--help"))


@pytest.mark.parametrize("mistake", ["", "17 17", "0", "151", "0017", "12 1200"])
def test_bulk_positions_of_several_digits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mistake: str
) -> None:
    """Positions of one to three digits, in any order, counted as arrays as the reference
    counts them; a block with a repeated or impossible position is declined and reported."""
    import random

    rng = random.Random(19)
    spec = BallotSpec.from_rules(150, 140, "strike", R2015.ballot.invalid)
    rows = []
    for i in range(1, 400):
        struck = rng.sample(range(1, 151), rng.choice([0, 1, 5, 10, 30, 150]))
        rows.append(f"{i},{' '.join(map(str, struck))},,{rng.choice(['', '', 'm'])}")
    rows[123] = f"124,{mistake},,"
    path = tmp_path / "ballots.csv"
    path.write_text("ballot,struck,unmarked,invalid\n" + "\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(count, "BULK_LINES", 0)
    counted: list[object] = []
    real = columns.count
    monkeypatch.setattr(columns, "count", lambda *a: counted.append(real(*a)) or counted[-1])
    expected = outcome(reference_count.count_file, path, spec)
    assert outcome(count.count_file, path, spec) == expected
    assert (counted != [None]) == (not mistake)  # as arrays, unless a position is wrong
