"""click's own usage errors, as tally shows them: in Vietnamese by default (issue 14), and
click's English words unchanged with --lang en."""

from __future__ import annotations

from pathlib import Path

import pytest

from clirun import invoke
from vietnamese import english_words

XA = str(Path(__file__).resolve().parents[1] / "examples" / "xa-2025")


@pytest.mark.parametrize(
    ("argv", "vi", "en"),
    [
        (
            ["check", "/nowhere/x"],
            "không có đường dẫn /nowhere/x",
            "Path '/nowhere/x' does not exist",
        ),
        # every path a command requires to exist, not only the election (issue 18's import,
        # recount's folders, verify's election, the global --allow-outside)
        (
            ["import", "people", "/nowhere/p.xlsx", XA],
            "không có đường dẫn /nowhere/p.xlsx",
            "Path '/nowhere/p.xlsx' does not exist",
        ),
        (
            ["recount", "/nowhere/d"],
            "không có đường dẫn /nowhere/d",
            "Path '/nowhere/d' does not exist",
        ),
        (
            ["verify", "/nowhere/e", "--fingerprint", "AAAA-AAAA-AAAA-AAAA"],
            "không có đường dẫn /nowhere/e",
            "Path '/nowhere/e' does not exist",
        ),
        (
            ["--allow-outside", "/nowhere/o", "check", XA],
            "không có đường dẫn /nowhere/o",
            "Path '/nowhere/o' does not exist",
        ),
        (["check", XA, "--bogus"], "không có tùy chọn --bogus", "No such option"),
        (["--bogus"], "không có tùy chọn --bogus", "No such option"),  # before any command
        (["nocommand"], "không có lệnh nocommand", "No such command"),
        (["check"], "thiếu", "Missing argument 'ELECTION'"),
        (["count", XA, "--format", "xlsx"], "cần một tên tệp", "an xlsx export needs a file"),
        (["count", XA, "--lang", "fr"], "giá trị không hợp lệ cho", "Invalid value for '--lang'"),
    ],
)
def test_click_errors_follow_the_language(argv: list[str], vi: str, en: str) -> None:
    said = invoke(*argv)
    assert said.exit_code == 2, said.stderr
    assert said.stderr.startswith("lỗi: ") and vi in said.stderr, said.stderr
    assert "gợi ý: chạy 'tally " in said.stderr
    assert english_words(said.stderr) == [], said.stderr
    english = invoke(*argv, lang="en")
    assert english.exit_code == 2
    assert "Usage: tally" in english.stderr and en in english.stderr, english.stderr
