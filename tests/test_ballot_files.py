"""Ballot files as boards really save them: Excel's empty rows, `;` and tab separators,
UTF-16, the marks grammar shared with entry (`0`, `3,5`, `Marked`), and every mistake of a
file reported in one run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clirun import ENV, invoke
from tally import count
from tally.ballots.csvfile import BallotFile, EmptyRows
from tally.ballots.figures import Tally
from tally.config.loader import load_election
from tally.count import BallotSpec, count_rows
from tally.entry.session import EntryInputError, parse_marks, sheet_for
from tally.errors import BallotFileError
from tally.ruleset.loader import load_ruleset
from test_cli_errors import vietnamese_then_english

ROOT = Path(__file__).resolve().parent.parent
XA = ROOT / "examples" / "xa-2025"
R190 = load_ruleset("qd-190-2024")
STRIKE = BallotSpec.from_rules(18, 15, "strike", R190.ballot.invalid)  # 18 names, 15 seats
AGREE = BallotSpec.from_rules(3, 3, "agree_disagree", R190.ballot.invalid)
HEADER = "ballot,struck,unmarked,invalid"


def run(*args: str | Path, columns: int = 100) -> Result:
    env = {**ENV, "COLUMNS": str(columns)}
    return vietnamese_then_english(invoke(*args, env=env), [str(a) for a in args], env)


@pytest.fixture
def xa(tmp_path: Path) -> Path:
    folder = tmp_path / "xa"
    shutil.copytree(XA, folder)
    return folder


def count_file(path: Path, spec: BallotSpec = STRIKE) -> Tally:
    return count.count_file(path, spec).tally


def count_doc(folder: Path) -> dict[str, Any]:
    result = run("count", folder, "--json", "--lang", "en")
    assert result.exit_code in (0, 4), (result.exit_code, result.stderr)
    doc: dict[str, Any] = json.loads(result.stdout)
    doc.pop("inputs")  # the files' digests differ by construction
    return doc


def rewrite(path: Path, sep: str = ",", encoding: str = "utf-8") -> None:
    """The same ballots saved with another separator and encoding (fields have no quotes)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_bytes("\r\n".join(line.replace(",", sep) for line in lines).encode(encoding))


# --------------------------------------------------------------------------- empty rows


def excel_file(tmp_path: Path) -> Path:
    """109 ballots (2 invalid) and the 2 empty rows Excel leaves after them: 111 rows."""
    rows = [f"{i},1 2 3,," for i in range(1, 108)]
    rows.append("108,1 2,,")  # keeps 16 of 15: invalid from the marks
    rows.append("109,1 2 3,,marked")
    rows += [",,,", ",,,"]
    path = tmp_path / "bch-1.csv"
    path.write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")
    return path


def test_excel_empty_rows_are_not_ballots(tmp_path: Path) -> None:
    tally = count_file(excel_file(tmp_path))
    assert (tally.collected, tally.invalid_total, tally.valid) == (109, 2, 107)
    assert tally.invalid["too_many_kept"] == 1 and tally.invalid["marked"] == 1


def add_empty_rows(xa: Path) -> Path:
    csv = xa / "ballots" / "bch-1.csv"
    text = csv.read_text(encoding="utf-8")
    lines = text.splitlines()
    lines[50:50] = [",,,"]  # line 51
    lines += [",,,", " , , ,", ",,,"]  # lines 111-113
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return csv


def test_empty_rows_warned_in_count(xa: Path) -> None:
    before = count_doc(xa)
    code = run("count", xa).exit_code
    add_empty_rows(xa)
    after = count_doc(xa)
    rd = after["contests"][0]["rounds"][0]
    assert rd["ballots"] == before["contests"][0]["rounds"][0]["ballots"]
    assert [w["code"] for w in rd["warnings"]] == ["empty_rows"]
    message = rd["warnings"][0]["message"]
    assert "4 empty rows" in message and "ballots/bch-1.csv" in message
    assert "lines 51, 111–113" in message

    text = run("count", xa, columns=200)
    assert text.exit_code == code
    assert "Bỏ qua 4 dòng trống" in text.stdout and "dòng 51, 111–113" in text.stdout
    # --json keeps stdout the document and still says it on stderr
    js = run("count", xa, "--json")
    assert "dòng 51, 111–113" in js.stderr


def test_empty_rows_warned_in_check_and_minutes(xa: Path, tmp_path: Path) -> None:
    add_empty_rows(xa)
    check = run("check", xa, "--json", "--lang", "en")
    doc = json.loads(check.stdout)
    found = [f for f in doc["findings"] if f["code"] == "empty_rows"]
    assert len(found) == 1 and found[0]["severity"] == "warning"
    assert found[0]["contest"] == "bch" and "lines 51, 111–113" in found[0]["message"]
    shown = run("check", xa, columns=250)
    assert "dòng 51, 111–113" in shown.stdout
    strict = run("check", xa, "--fail-on", "warning")
    assert strict.exit_code == 1
    md = run("minutes", xa, "--contest", "bch", "--round", "1", "-o", "-", "--format", "md")
    assert md.exit_code == 0, md.stderr
    assert "dòng 51, 111–113" in md.stdout


def test_empty_row_lines_compressed_and_bounded() -> None:
    empty = EmptyRows()
    for line in [3, 4, 5, 9, *range(20, 80, 2), 81, 82]:
        empty.add(line)
    assert empty.count == 36
    assert empty.lines_text().startswith("3–5, 9, 20, 22, ")
    assert empty.lines_text().endswith(", …") and len(empty.ranges) == EmptyRows.SHOWN


def test_no_warning_key_without_empty_rows(xa: Path) -> None:
    """The document of a clean file is unchanged: no new key (goldens stay as they are)."""
    doc = count_doc(xa)
    assert all("warnings" not in r for c in doc["contests"] for r in c["rounds"])


# --------------------------------------------------------------------------- separators, encodings


@pytest.mark.parametrize(
    ("sep", "encoding"),
    [(";", "utf-8"), (";", "utf-8-sig"), ("\t", "utf-16"), ("\t", "utf-8"), (",", "utf-16")],
)
def test_excel_separators_and_encodings(xa: Path, sep: str, encoding: str) -> None:
    before = count_doc(xa)
    for csv in (xa / "ballots").glob("*.csv"):
        rewrite(csv, sep, encoding)
    assert count_doc(xa) == before


def test_utf16_big_endian(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(b"\xfe\xff" + f"{HEADER}\n1,1 2 3,,\n".encode("utf-16-be"))
    assert count_file(path).valid == 1


def test_windows_code_page_named_with_excel_hint(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(f"{HEADER}\n1,1 2 3,,\n2,4,,Lê Đê\n".encode("cp1258"))
    with pytest.raises(BallotFileError) as info:
        count_file(path)
    issue = info.value.issues[0]
    assert (issue.location.path, issue.location.line) == (path, 3)
    assert "is not UTF-8 text" in issue.message and "code page" in issue.message
    assert issue.hint is not None and "CSV UTF-8 (Comma delimited)" in issue.hint
    assert "Unicode Text" in issue.hint


def test_utf16_without_bom_named(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(f"{HEADER}\n1,1 2 3,,\n".encode("utf-16-le"))
    with pytest.raises(BallotFileError) as info:
        count_file(path)
    issue = info.value.issues[0]
    assert "UTF-16" in issue.message and "byte-order mark" in issue.message
    assert issue.location.line == 1
    assert issue.hint is not None and "CSV UTF-8 (Comma delimited)" in issue.hint


# --------------------------------------------------------------------------- the marks grammar


def write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "b.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_zero_is_nothing_struck(tmp_path: Path) -> None:
    assert count_file(write(tmp_path, "1,0,,")).kept == count_file(write(tmp_path, "1,,,")).kept
    assert count_file(write(tmp_path, "1,0,0,"), AGREE).votes == [1, 1, 1]


def test_zero_among_positions_refused(tmp_path: Path) -> None:
    with pytest.raises(BallotFileError, match="position 0 is out of range"):
        count_file(write(tmp_path, "1,0 3,,"))


@pytest.mark.parametrize("token", ["²", "３", "٣", "1²"])
def test_digits_other_than_ascii_are_not_positions(tmp_path: Path, token: str) -> None:
    """'²' was exit 70 (int() refuses it), '３' silently position 3: both are typos."""
    with pytest.raises(BallotFileError, match=f"'{token}' is not a ballot position") as err:
        count_file(write(tmp_path, "1,2,,", f"2,{token},,"))
    assert err.value.issues[0].location.line == 3
    with pytest.raises(BallotFileError, match=f"'{token}' is not a ballot position"):
        count_file(write(tmp_path, f"1,,{token},"), AGREE)


def test_a_position_of_thousands_of_digits_is_out_of_range(tmp_path: Path) -> None:
    with pytest.raises(BallotFileError, match="out of range: the ballot has 18 names") as err:
        count_file(write(tmp_path, "1,2,,", f"2,{'9' * 5000},,"))
    assert err.value.issues[0].location.line == 3
    assert len(str(err.value)) < 300  # the token is not echoed in full


@pytest.mark.parametrize("serial", ["²", "٣", "9" * 5000])
def test_serials_of_any_digits_are_counted_or_refused_never_a_crash(
    tmp_path: Path, serial: str
) -> None:
    """A serial is any text; one of non-ASCII or thousands of digits is just another serial."""
    for rows in ([f"{serial},1,,", "2,1,,"], ["1,1,,", f"{serial},1,,"]):
        assert count_file(write(tmp_path, *rows)).collected == 2
    with pytest.raises(BallotFileError, match="appears twice"):
        count_file(write(tmp_path, f"{serial},1,,", f"{serial},2,,"))


@pytest.mark.parametrize("struck", ['"3,5,7"', "3.5.7", "3+5+7", '" 3 , 5 ,7 "', "7 5 3"])
def test_keypad_separators_in_the_file(tmp_path: Path, struck: str) -> None:
    tally = count_file(write(tmp_path, f"1,{struck},,"))
    assert tally.valid == 1 and tally.votes[2] == tally.votes[4] == tally.votes[6] == 0
    assert tally.votes[0] == 1


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("Marked", "marked"),
        ("MARKED", "marked"),
        ("m", "marked"),
        ("!m", "marked"),
        ("N", "not_issued"),
        ("Not_Issued", "not_issued"),
        ("w", "write_in"),
        ("Write_In", "write_in"),
    ],
)
def test_reason_codes_case_insensitive_and_short(tmp_path: Path, typed: str, reason: str) -> None:
    tally = count_file(write(tmp_path, f"1,1 2 3,,{typed}"))
    assert tally.invalid[reason] == 1  # type: ignore[index]


@pytest.mark.parametrize(
    "text", ["0", "3 5", "3,5", "5.3", "3+5", "1 2 3", "1.2.3.4.5.6.7.8.9.10.11", "!m", "!N"]
)
def test_entry_and_file_read_marks_alike(tmp_path: Path, text: str) -> None:
    """What the entry app accepts, the ballot file accepts with the same meaning."""
    sheet = sheet_for(load_election(XA), "bch", 1)
    marks = parse_marks(text, sheet, "en")
    entered = count_rows([marks.row("1", 2)], sheet.spec)
    reason = text[1:] if text.startswith("!") else ""
    struck = "" if reason else text
    path = write(tmp_path, f'1,"{struck}",,{reason}')
    assert count_file(path, sheet.spec) == entered


def test_entry_refuses_what_the_file_refuses(tmp_path: Path) -> None:
    sheet = sheet_for(load_election(XA), "bch", 1)
    for text in ("0 3", "3 3", "x", "12"):
        with pytest.raises(EntryInputError):
            parse_marks(text, sheet, "en")
        with pytest.raises(BallotFileError):
            count_file(write(tmp_path, f'1,"{text}",,'), sheet.spec)


# --------------------------------------------------------------------------- all mistakes at once


SIX = [
    "1,1 2 3,,",
    "2,1 2 19,,",  # line 3: out of range
    "3,1 1,,",  # line 4: twice
    "4,1 2 3,,spoiled",  # line 5: unknown reason
    "5,1,2,3,",  # line 6: five fields
    "1,4 5 6,,",  # line 7: serial 1 again
    "6,1 2 3,,",
    "7,a,,",  # line 9: not a position
]


def test_six_mistakes_in_one_run(tmp_path: Path) -> None:
    path = write(tmp_path, *SIX)
    with pytest.raises(BallotFileError) as info:
        count_file(path)
    assert [i.location.line for i in info.value.issues] == [3, 4, 5, 6, 7, 9]


def test_six_mistakes_in_one_cli_run(xa: Path) -> None:
    csv = xa / "ballots" / "bch-1.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    lines[2] = "2,1 2 19,,"
    lines[3] = "3,1 1,,"
    lines[4] = "4,1 2 3,,spoiled"
    lines[5] = "5,1,2,3,"
    lines[6] = "1,4 5 6,,"
    lines[8] = "8,a,,"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("count", xa)
    assert result.exit_code == 2 and result.stdout == ""
    errors = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert [int(e.split(":")[2]) for e in errors] == [3, 4, 5, 6, 7, 9], result.stderr


def test_mistakes_of_every_ballot_file_in_one_run(xa: Path) -> None:
    bch, bt = xa / "ballots" / "bch-1.csv", xa / "ballots" / "bt-1.csv"
    with bch.open("a", encoding="utf-8") as f:
        f.write("999,1 2 99,,\n")
    with bt.open("ab") as g:
        g.write("110,,,Lê\n".encode("cp1258"))  # one line saved in a Windows code page
    result = run("count", xa)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{bch}:110: struck: position 99" in result.stderr
    assert f"{bt}:110: is not UTF-8 text" in result.stderr


def test_at_most_fifty_then_how_many_more(tmp_path: Path) -> None:
    path = write(tmp_path, *[f"{i},1 2 99,," for i in range(1, 81)])
    with pytest.raises(BallotFileError) as info:
        count_file(path)
    issues = info.value.issues
    assert len(issues) == 51
    assert [i.location.line for i in issues[:50]] == list(range(2, 52))
    assert "30 more" in issues[50].message


def test_nothing_counted_from_a_file_with_errors(xa: Path) -> None:
    csv = xa / "ballots" / "bt-1.csv"
    with csv.open("a", encoding="utf-8") as f:
        f.write("999,7,,\n")
    result = run("count", xa, "--json")
    assert result.exit_code == 2 and result.stdout == ""


def test_readme_ballot_file_example(tmp_path: Path) -> None:
    """The README's example file reads as the README says."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Ballot files (CSV)") :]
    example = section[
        section.index("```csv\n") + 7 : section.index("```", section.index("```csv") + 6)
    ]
    path = tmp_path / "bch-1.csv"
    path.write_text(example, encoding="utf-8")
    reader = BallotFile(path)
    assert list(reader.rows()) == [
        (2, "1", "0", "", ""),
        (3, "2", "3,5", "", ""),
        (4, "3", "2.7", "", "Marked"),
    ]
    assert not reader.issues and (reader.empty.count, reader.empty.lines_text()) == (1, "5")
    spec = BallotSpec.from_rules(7, 5, "strike", R190.ballot.invalid)
    tally = count.count_file(path, spec).tally
    assert (tally.collected, tally.valid) == (3, 1)
    assert (tally.invalid["too_many_kept"], tally.invalid["marked"]) == (1, 1)
    assert tally.votes == [1, 1, 0, 1, 0, 1, 1]


# --------------------------------------------------------------------------- property


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"]


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le-bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(encoding)


CANONICAL = {"": "", "marked": "marked", "Write_In": "write_in", "n": "not_issued"}
ballot = st.tuples(
    st.lists(st.integers(1, 18), unique=True, max_size=18),
    st.sampled_from(["", "", "", "marked", "Write_In", "n"]),
    st.sampled_from([" ", ".", ",", "+", " , "]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    ballots=st.lists(ballot, min_size=1, max_size=40),
    sep=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(ENCODINGS),
    newline=st.sampled_from(["\n", "\r\n"]),
    trailing=st.integers(0, 3),
)
def test_any_separator_and_encoding_counts_the_same(
    tmp_path: Path,
    ballots: list[tuple[list[int], str, str]],
    sep: str,
    encoding: str,
    newline: str,
    trailing: int,
) -> None:
    """The same ballots, saved with any separator, encoding, line end and mark separator,
    and followed by Excel's empty rows, count exactly as the rows given directly."""
    expected = count_rows(
        [
            (i + 2, str(i + 1), " ".join(map(str, struck)), "", CANONICAL[reason])
            for i, (struck, reason, _) in enumerate(ballots)
        ],
        STRIKE,
    )
    rows = [
        sep.join([str(i), f'"{mark.join(map(str, struck)) or "0"}"', "", reason])
        for i, (struck, reason, mark) in enumerate(ballots, 1)
    ]
    rows += [sep * 3] * trailing
    text = newline.join([sep.join(HEADER.split(",")), *rows]) + newline
    path = tmp_path / "property.csv"
    path.write_bytes(encode(text, encoding))
    assert count_file(path) == expected
