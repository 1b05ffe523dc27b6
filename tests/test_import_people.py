"""`tally import people` (issue 18): the organisation committee's personnel list into
election.yaml, comments and all else kept; a second import says exactly what changed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl

ELECTION = """\
# Bầu cử thử: chú thích này phải còn nguyên sau khi nhập
version: 1
rules: qd-190-2024
congress:
  name: Đại hội Đảng bộ xã Ví Dụ lần thứ I   # tên đại hội
  kind: members_congress
  date: 2025-07-20
electorate:
  summoned: 100
  present: 95

people:
  - {id: nva, name: Nguyễn Văn An, attributes: [sci_tech]}   # giữ mã cũ

contests:
  - id: bch
    body: committee
    seats: 3
    candidates: [tran-thi-binh, nva, le-van-cuong, pham-thi-dung]  # thứ tự đã in
"""

HEADER = [
    "STT",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Dân tộc",
    "Đảng viên",
    "Tái cử",
    "Chức vụ hiện tại",
]
ROWS: list[list[Any]] = [
    [1, "Nguyễn Văn An", "Nam", "05/07/1972", "Kinh", "Chính thức", "x", "Bí thư"],
    [2, "Trần Thị Bình", "Nữ", dt.datetime(1982, 11, 20), "Tày", "Chính thức", "", "Chủ tịch UBND"],
    [None, None, None, None, None, None, None, None],  # a blank row in the middle
    [3, "Lê Văn Cường", "Nam", "8/7/1979", "Kinh", "Chính thức", "x", "Phó Bí thư"],
    [4, "Phạm Thị Dung", "Nữ", None, "Kinh", "Chính thức", "", "Chủ tịch Hội Phụ nữ"],
]


def write_sheet(path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Trích ngang"
    ws.append(["ĐẢNG BỘ XÃ VÍ DỤ"])
    ws.merge_cells("A1:H1")
    ws.append(["DANH SÁCH TRÍCH NGANG NHÂN SỰ BAN CHẤP HÀNH KHÓA I"])
    ws.merge_cells("A2:H2")
    ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def folder_with_election(tmp_path: Path) -> Path:
    folder = tmp_path / "xa"
    folder.mkdir()
    (folder / "election.yaml").write_text(ELECTION, encoding="utf-8")
    return folder


def test_import_a_personnel_sheet_into_an_election_that_validates(
    tmp_path: Path, tally_cli: Any
) -> None:
    folder = folder_with_election(tmp_path)
    sheet = write_sheet(tmp_path / "nhan-su.xlsx", ROWS)
    result = tally_cli("import", "people", sheet, folder, "--lang", "en")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Read 4 people from sheet 'Trích ngang'" in out
    assert "blank rows skipped: 7" in out
    assert "row 9 (Phạm Thị Dung): no date of birth" in out
    assert "+ tran-thi-binh: Trần Thị Bình (row 6)" in out
    assert "~ nva: Nguyễn Văn An" in out  # matched by name: keeps its id
    text = (folder / "election.yaml").read_text(encoding="utf-8")
    # The comments and the rest of the file are as written.
    for line in ELECTION.splitlines():
        if not line.startswith("  - {id: nva"):
            assert line in text, line
    assert "- {id: nva, name: Nguyễn Văn An, sex: M, born: 1972-07-05" in text
    assert "attributes: [sci_tech]" in text
    assert (
        "{id: tran-thi-binh, name: Trần Thị Bình, sex: F, born: 1982-11-20, ethnicity: Tày" in text
    )
    assert "{id: pham-thi-dung, name: Phạm Thị Dung, sex: F, ethnicity: Kinh" in text
    validated = tally_cli("validate", folder, "--json", "--lang", "en")
    assert validated.exit_code == 0, validated.output
    codes = [f["code"] for f in json.loads(validated.stdout)["findings"]]
    assert "ballot_order" in codes  # Bình before An: not in ballot order

    # A second import of the same sheet changes nothing and writes nothing.
    again = tally_cli("import", "people", sheet, folder, "--lang", "en")
    assert again.exit_code == 0 and "Unchanged: 4" in again.stdout
    assert (folder / "election.yaml").read_text(encoding="utf-8") == text

    # An updated sheet: two rows changed, one person gone. Exactly those are reported.
    rows = [list(r) for r in ROWS]
    rows[1][4] = "Nùng"
    rows[3][6] = ""
    del rows[4]
    updated = write_sheet(tmp_path / "nhan-su-2.xlsx", rows)
    second = tally_cli("import", "people", updated, folder, "--sort-ballot", "--lang", "en")
    assert second.exit_code == 0, second.output
    assert "Changed 2:" in second.stdout
    assert "~ tran-thi-binh: Trần Thị Bình\n      ethnicity: 'Tày' → 'Nùng'\n" in second.stdout
    assert "~ le-van-cuong: Lê Văn Cường\n      incumbent: 'true' → 'false'\n" in second.stdout
    assert "? pham-thi-dung: Phạm Thị Dung" in second.stdout  # kept, said
    assert "Lists sorted into ballot order: bch" in second.stdout
    text = (folder / "election.yaml").read_text(encoding="utf-8")
    assert "candidates: [nva, tran-thi-binh, le-van-cuong, pham-thi-dung]  # thứ tự đã in" in text
    assert "# Bầu cử thử: chú thích này phải còn nguyên sau khi nhập" in text
    validated = tally_cli("validate", folder, "--json")
    assert "ballot_order" not in [f["code"] for f in json.loads(validated.stdout)["findings"]]


def test_a_csv_with_nam_nu_columns_and_the_year_only(tmp_path: Path, tally_cli: Any) -> None:
    folder = folder_with_election(tmp_path)
    csv = tmp_path / "nhan-su.csv"
    csv.write_text(
        "Họ và tên;Nam;Nữ;Dân tộc\nTrần Thị Bình;;1982;Tày\nLê Văn Cường;08/07/1979;;Kinh\n",
        encoding="utf-8-sig",
    )
    result = tally_cli("import", "people", csv, folder, "--dry-run", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "row 2 (Trần Thị Bình): only the year of birth, written as 1982-01-01" in result.stdout
    assert "Dry run" in result.stderr
    assert (folder / "election.yaml").read_text(encoding="utf-8") == ELECTION
    result = tally_cli("import", "people", csv, folder)
    text = (folder / "election.yaml").read_text(encoding="utf-8")
    assert (
        "{id: le-van-cuong, name: Lê Văn Cường, sex: M, born: 1979-07-08, ethnicity: Kinh}" in text
    )


def test_bad_rows_are_located_and_nothing_is_written(tmp_path: Path, tally_cli: Any) -> None:
    folder = folder_with_election(tmp_path)
    rows = [list(r) for r in ROWS]
    rows[0][3] = "31/02/1972"
    rows[3][2] = "Khác"
    sheet = write_sheet(tmp_path / "sai.xlsx", rows)
    result = tally_cli("import", "people", sheet, folder, "--lang", "en")
    assert result.exit_code == 2
    assert (
        "sai.xlsx:5:4: Trích ngang!D5: column 'Ngày sinh': cannot read '31/02/1972'"
        in result.stderr
    )
    assert "Trích ngang!C8: column 'Giới tính': cannot read 'Khác'" in result.stderr
    assert (folder / "election.yaml").read_text(encoding="utf-8") == ELECTION
    vi = tally_cli("import", "people", sheet, folder)
    assert vi.exit_code == 2 and "không đọc được" in vi.stderr


def test_a_new_election_starts_with_its_people_then_init_keeps_them(
    tmp_path: Path, tally_cli: Any
) -> None:
    # Issue 18: import → init → validate. The folder does not exist yet: the import makes it
    # with the people only, and the guided init asks for the rest and keeps them.
    folder = tmp_path / "dai-hoi-moi"
    sheet = write_sheet(tmp_path / "nhan-su.xlsx", ROWS)
    result = tally_cli("import", "people", sheet, folder, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert f"tally init {folder}" in result.stderr
    text = (folder / "election.yaml").read_text(encoding="utf-8")
    assert "{id: nguyen-van-an, name: Nguyễn Văn An, sex: M, born: 1972-07-05" in text
    # members congress, organisation, date, the name as on the minutes, summoned, present,
    # committee of 3 seats, its list by name (among the people), end of list, no other body,
    # secretary at the conference, the four plan targets left empty
    answers = [
        "1", "Chi bộ Ví Dụ", "2025-08-01", "", "20", "19", "1", "3",
        "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "",
        "", "", "", "", "", "",
    ]  # fmt: skip
    stdin = "\n".join(answers) + "\n"
    init = tally_cli("init", folder, "--interactive", "--lang", "en", input=stdin)
    assert init.exit_code == 0, init.output
    text = (folder / "election.yaml").read_text(encoding="utf-8")
    assert "nguyen-van-an" in text and "pham-thi-dung" in text
    validated = tally_cli("validate", folder, "--lang", "en")
    assert validated.exit_code == 0, validated.output


def test_a_dry_run_into_a_new_folder_makes_nothing(tmp_path: Path, tally_cli: Any) -> None:
    folder = tmp_path / "chua-co"
    sheet = write_sheet(tmp_path / "nhan-su.xlsx", ROWS)
    result = tally_cli("import", "people", sheet, folder, "--dry-run", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert not folder.exists()


FOOTER: list[list[Any]] = [
    [None, "Cộng: 4 người"],  # a total right under the table
    [None, None, None, None, None, None, None, None],
    [None, None, None, None, None, None, None, "T/M BAN THƯỜNG VỤ"],
    [None, "Người lập biểu", None, None, None, None, None, "BÍ THƯ"],
    [None, None, None, None, None, None, None, None],
    [None, "Lê Văn Em", None, None, None, None, None, "Nguyễn Văn An"],
]


def test_the_footer_under_the_table_is_not_read_as_people(tmp_path: Path, tally_cli: Any) -> None:
    """A total, "Người lập biểu" and the signers' names under the list are not candidates:
    rows below the table with no row number and nothing a person has (sex, birth, …) are left
    out, and said by row and text; a numbered row after a blank row is still a person."""
    folder = folder_with_election(tmp_path)
    sheet = write_sheet(tmp_path / "nhan-su.xlsx", ROWS + FOOTER)
    result = tally_cli("import", "people", sheet, folder, "--dry-run", "--lang", "en")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Read 4 people" in out
    assert (
        "rows under the table, not people (no row number, sex or birth date): "
        "10 (Cộng: 4 người), 12 (T/M BAN THƯỜNG VỤ), 13 (Người lập biểu), 15 (Lê Văn Em)"
    ) in out
    assert "le-van-em" not in out and "nguoi-lap-bieu" not in out
    # A person with a sex and birth date after the footer is read, number or not.
    late = [[None, "Võ Thị Giang", "Nữ", "03/04/1990", "Kinh", "Chính thức", "", ""]]
    sheet = write_sheet(tmp_path / "nhan-su-2.xlsx", ROWS + FOOTER + late)
    result = tally_cli("import", "people", sheet, folder, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Đã đọc 5 người" in result.stdout and "vo-thi-giang" in result.stdout
    assert "dòng dưới bảng, không phải người" in result.stdout


def test_a_names_only_list_keeps_every_name_but_its_total(tmp_path: Path, tally_cli: Any) -> None:
    """With no row numbers and no person's data a footer cannot be told from a name: every
    name is read (a surname "Công" too), only the total is left out."""
    folder = folder_with_election(tmp_path)
    sheet = tmp_path / "ten.csv"
    sheet.write_text(
        "Họ và tên,Chức vụ\nCông Tằng Tôn Nữ Thị Hà,Bí thư\n,\nLê Văn Bảy,\nCộng: 2 người,\n",
        encoding="utf-8",
    )
    result = tally_cli("import", "people", sheet, folder, "--dry-run", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Read 2 people" in result.stdout
    assert "not people (no row number, sex or birth date): 5 (Cộng: 2 người)" in result.stdout
