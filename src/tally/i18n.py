"""The message catalogue: every sentence a user reads about bad input, by a stable id.

A :class:`Msg` is an id and its parameters; it is worded only when shown, in the language the
user chose (Vietnamese by default). The English is also what ``str()`` gives, for logs and the
JSON documents whose keys are a contract. Parameters are checked against the templates when a
message is built, so a misspelt parameter is a bug found by the first test that meets it, and a
test asserts that both languages of every id take the same parameters.

Standard library only: the lowest layer, imported by the errors, the readers and the CLI.
"""

from __future__ import annotations

import errno
import string
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Literal, Union

from tally.helptext import HELP
from tally.kinds import Lang
from tally.rulenames import RULE_NAMES

# A str is quoted input or a name, never a sentence. A Fraction is a share of a rule set,
# shown as the rule sets write it ("30%", "1/3"); a Ratio is one said in words and digits.
# A Cased is a message in lower case or with a capital where it stands in a sentence.
Param = Union[str, int, Path, Fraction, "Ratio", "Cased", "Msg", "Quoted"]


@dataclass(frozen=True)
class Msg:
    """A message by id with its parameters; :meth:`text` words it in one language."""

    id: str
    params: tuple[tuple[str, Param], ...] = ()

    def text(self, lang: Lang) -> str:
        vi, en = MESSAGES[self.id]
        values = {k: _word(v, lang) for k, v in self.params}
        return (vi if lang == "vi" else en).format(**values)

    def __str__(self) -> str:
        return self.text("en")


class MsgError(ValueError):
    """A ValueError worded by the catalogue: raised in a pydantic validator, its message is
    translated with the rest of the validation errors."""

    def __init__(self, message: Msg) -> None:
        self.msg = message
        super().__init__(str(message))


class Worded:
    """What a finding and a problem share: a catalogue ``message``, worded when shown."""

    message: Msg

    def text(self, lang: Lang) -> str:
        return self.message.text(lang)

    @property
    def vi(self) -> str:
        return self.message.text("vi")

    @property
    def en(self) -> str:
        return self.message.text("en")


def fields(template: str) -> frozenset[str]:
    """The parameter names a template takes (``{limit:,}`` takes ``limit``)."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def msg(id: str, /, **params: Param) -> Msg:
    """The message ``id`` with ``params``; exactly the template's parameters, or a bug."""
    en = MESSAGES[id][1]
    if set(params) != fields(en):
        raise TypeError(f"message {id} takes {sorted(fields(en))}, not {sorted(params)}")
    return Msg(id, tuple(sorted(params.items())))


def _word(value: Param, lang: Lang) -> object:
    if isinstance(value, Msg | Ratio | Cased | Quoted):
        return value.text(lang)
    if isinstance(value, Fraction):
        return share_text(value)
    return value


@dataclass(frozen=True)
class Cased:
    """A name set in the case of running text: ``lower`` in both languages (a target's name
    inside a sentence: "nữ", "women"); ``running``: English lowers a body's first letter ("the
    executive committee"), Vietnamese keeps its capitals ("Ban Chấp hành"); ``capital``: a
    clause that opens a sentence."""

    message: Msg | str
    case: Literal["lower", "running", "capital"]

    def text(self, lang: Lang) -> str:
        words = self.message.text(lang) if isinstance(self.message, Msg) else self.message
        if self.case == "lower":
            return words.lower()
        if self.case == "capital":
            return words[:1].upper() + words[1:]
        return words[:1].lower() + words[1:] if lang == "en" else words


@dataclass(frozen=True)
class Quoted:
    """A text a rule set gives in each language (a citation): quoted as written, not worded by
    the catalogue. ``vi`` is None when the rule set gives one text for both."""

    en: str
    vi: str | None = None

    def text(self, lang: Lang) -> str:
        return self.vi if lang == "vi" and self.vi else self.en


def t(lang: Lang, vi: str, en: str) -> str:
    """The Vietnamese or the English of a phrase."""
    return vi if lang == "vi" else en


# --- shares in words: the rule's own value, exactly ---------------------------------------------


def share_text(share: Fraction) -> str:
    """A share as the rule sets write it: ``Fraction(3, 10)`` → ``"30%"``, ``1/3`` → ``"1/3"``."""
    pct = share * 100
    if pct.denominator == 1:
        return f"{pct.numerator}%"
    if (pct * 10).denominator == 1 or (pct * 100).denominator == 1:
        return f"{float(pct):g}%"  # display only: the value is exact to 2 decimals
    return f"{share.numerator}/{share.denominator}"


_VI_UNITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_ORDINAL = {"one": "first", "two": "second", "three": "third", "five": "fifth"}
_EN_ORDINAL |= {"eight": "eighth", "nine": "ninth", "twelve": "twelfth"}
_WORDED = 1_000_000  # numbers below this are said in words; larger ones in digits


def _vi_below_100(n: int) -> str:
    tens, unit = divmod(n, 10)
    if tens == 0:
        return _VI_UNITS[unit]
    head = "mười" if tens == 1 else f"{_VI_UNITS[tens]} mươi"
    if unit == 0:
        return head
    tail = "lăm" if unit == 5 else "mốt" if unit == 1 and tens > 1 else _VI_UNITS[unit]
    return f"{head} {tail}"


def _vi_below_1000(n: int, full: bool) -> str:
    """``full``: a group after thousands, said with its hundreds (``không trăm linh năm``)."""
    hundreds, rest = divmod(n, 100)
    if hundreds == 0 and not full:
        return _vi_below_100(rest)
    head = f"{_VI_UNITS[hundreds]} trăm"
    if rest == 0:
        return head
    return f"{head} linh {_VI_UNITS[rest]}" if rest < 10 else f"{head} {_vi_below_100(rest)}"


def number_vi(n: int) -> str:
    """A whole number in Vietnamese words: 21 → ``hai mươi mốt``, 105 → ``một trăm linh năm``."""
    if not 0 <= n < _WORDED:
        return str(n)
    thousands, rest = divmod(n, 1000)
    if thousands == 0:
        return _vi_below_1000(rest, full=False)
    head = f"{_vi_below_1000(thousands, full=False)} nghìn"
    return head if rest == 0 else f"{head} {_vi_below_1000(rest, full=True)}"


def _en_below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if rest < 20:
        tail = _EN_UNITS[rest]
    else:
        tens, unit = divmod(rest, 10)
        tail = _EN_TENS[tens] + (f"-{_EN_UNITS[unit]}" if unit else "")
    if hundreds == 0:
        return tail
    head = f"{_EN_UNITS[hundreds]} hundred"
    return head if rest == 0 else f"{head} and {tail}"


def number_en(n: int) -> str:
    """A whole number in English words: 21 → ``twenty-one``, 105 → ``one hundred and five``."""
    if not 0 <= n < _WORDED:
        return str(n)
    thousands, rest = divmod(n, 1000)
    if thousands == 0:
        return _en_below_1000(rest)
    head = f"{_en_below_1000(thousands)} thousand"
    if rest == 0:
        return head
    return f"{head} {'and ' if rest < 100 else ''}{_en_below_1000(rest)}"


def _en_ordinal(n: int, plural: bool) -> str:
    """The English name of a denominator: third(s), quarter(s), twenty-fifth(s), hundredth(s)."""
    if n == 2:
        return "halves" if plural else "half"
    if n == 4:
        return "quarters" if plural else "quarter"
    words = number_en(n)
    if words == str(n):
        return f"{n}th" + ("s" if plural else "")
    if words in ("one hundred", "one thousand", "one hundred thousand"):
        words = words.removeprefix("one ")  # a hundredth, not a one hundredth
    cut = max(words.rfind(" "), words.rfind("-")) + 1
    head, last = words[:cut], words[cut:]
    if last in _EN_ORDINAL:
        last = _EN_ORDINAL[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return head + last + ("s" if plural else "")


def fraction_words(share: Fraction, lang: Lang) -> str:
    """A fraction in words, exactly (reduced): 2/3 → ``hai phần ba`` / ``two thirds``.

    One half is ``một nửa`` / ``one half``; a quarter ``phần tư`` / ``quarter``; a whole number
    is its cardinal. Numbers of a million or more are written in digits.
    """
    num, den = share.numerator, share.denominator
    if lang == "vi":
        if den == 1:
            return number_vi(num)
        if share == Fraction(1, 2):
            return "một nửa"
        return f"{number_vi(num)} phần {'tư' if den == 4 else number_vi(den)}"
    if den == 1:
        return number_en(num)
    return f"{number_en(num)} {_en_ordinal(den, plural=num != 1)}"


@dataclass(frozen=True)
class Ratio:
    """A rule's share said in a sentence: halves, thirds, quarters and other small fractions in
    words with digits, ``hai phần ba (2/3)``; percentages and large fractions as the rule set
    writes them, ``30%``, ``17/40``."""

    value: Fraction

    def text(self, lang: Lang) -> str:
        shown = share_text(self.value)
        den = self.value.denominator
        if (shown.endswith("%") and den not in (2, 3, 4)) or den > 12:
            return shown
        digits = f"{self.value.numerator}/{self.value.denominator}"
        return f"{fraction_words(self.value, lang)} ({digits})"


def ratio_digits(share: Fraction) -> str:
    """A share in digits for a narrow column: ``1/2``, ``2/3``; a percentage as written."""
    shown = share_text(share)
    if share.denominator <= 12 and not (shown.endswith("%") and share.denominator > 4):
        return f"{share.numerator}/{share.denominator}"
    return shown


def majority_words(share: Fraction, half: str = "share.half") -> Msg:
    """A rule's majority in a sentence: one half in the words the reports have always used
    (``half``: the id of those words), any other share in words and digits (``hai phần ba
    (2/3)``)."""
    if share == Fraction(1, 2):
        return msg(half)
    return msg("share.ratio", share=Ratio(share))


def passed_words(share: Fraction) -> Msg:
    """What was passed, a majority of ``share``: ``quá một nửa`` / ``the threshold`` as the
    reports have always said one half; ``quá hai phần ba (2/3)`` / ``more than two thirds (2/3)``
    for any other share."""
    if share == Fraction(1, 2):
        return msg("passed.half")
    return msg("passed.share", majority=Ratio(share))


def os_reason(exc: OSError | str) -> Msg:
    """Why the operating system refused: in English its own words (as the system prints them),
    in Vietnamese the common cases in words of the catalogue, with the system's words quoted."""
    known = {
        errno.ENOENT: "os.not_found",
        errno.EACCES: "os.denied",
        errno.EPERM: "os.denied",
        errno.ENOSPC: "os.no_space",
        errno.EROFS: "os.read_only",
        errno.EISDIR: "os.is_folder",
        errno.ENOTDIR: "os.not_folder",
        errno.ENAMETOOLONG: "os.name_too_long",
        errno.EEXIST: "os.exists",
        errno.EIO: "os.io",
    }
    if isinstance(exc, str):
        return msg("os.other", reason=exc)
    reason = exc.strerror or str(exc) or type(exc).__name__
    return msg(known.get(exc.errno or 0, "os.other"), reason=reason)


# id: (Vietnamese, English). Parameters in braces; both languages take the same ones.
_MESSAGES: Mapping[str, tuple[str, str]] = {
    # --- the frame of an error on stderr
    "cli.error": ("lỗi: {text}", "error: {text}"),
    "cli.hint": ("gợi ý: {text}", "hint: {text}"),
    "cli.interrupted": ("đã dừng", "interrupted"),
    "cli.internal": (
        "lỗi nội bộ: {kind}: {detail}\n"
        "Đây là lỗi của tally, không phải của tệp của bạn. Chạy lại với --debug để xem chi tiết "
        "và báo lỗi.",
        "internal error: {kind}: {detail}\n"
        "This is a bug in tally, not in your files. Rerun with --debug for details "
        "and report it.",
    ),
    "errors.more.one": (
        "và {more} lỗi nữa trong tệp này",
        "and {more} more mistake in this file",
    ),
    "errors.more": (
        "và {more} lỗi nữa trong tệp này",
        "and {more} more mistakes in this file",
    ),
    "errors.more.hint": (
        "sửa các lỗi trên rồi chạy lại",
        "correct the ones above and run again",
    ),
    # --- what the operating system said (English: the system's own words)
    "os.not_found": ('không tìm thấy (hệ thống: "{reason}")', "{reason}"),
    "os.denied": ('không có quyền (hệ thống: "{reason}")', "{reason}"),
    "os.no_space": ('đĩa đã đầy (hệ thống: "{reason}")', "{reason}"),
    "os.read_only": ('đĩa chỉ cho đọc (hệ thống: "{reason}")', "{reason}"),
    "os.is_folder": ('là một thư mục (hệ thống: "{reason}")', "{reason}"),
    "os.not_folder": (
        'một phần của đường dẫn không phải thư mục (hệ thống: "{reason}")',
        "{reason}",
    ),
    "os.name_too_long": ('tên quá dài (hệ thống: "{reason}")', "{reason}"),
    "os.exists": ('đã có (hệ thống: "{reason}")', "{reason}"),
    "os.io": ('lỗi đọc ghi của thiết bị (hệ thống: "{reason}")', "{reason}"),
    "os.other": ('hệ thống báo "{reason}"', "{reason}"),
    # --- kinds of files
    "kind.election_yaml": ("election.yaml", "election.yaml"),
    "kind.rule_file": ("một tệp quy tắc", "a rule file"),
    "kind.tally_sheet": ("một biên bản kiểm phiếu của tổ", "a tally sheet"),
    "kind.journal": ("một nhật ký nhập phiếu", "a journal"),
    "kind.ballot_file": ("một tệp phiếu bầu", "a ballot file"),
    "kind.input": ("một tệp đầu vào", "an input file"),
    "kind.pipe": ("một đường ống có tên", "a named pipe"),
    "kind.device": ("một thiết bị", "a device"),
    "kind.socket": ("một socket", "a socket"),
    "kind.special": ("một tệp đặc biệt", "a special file"),
    # --- opening a file (source.py)
    "source.is_folder": ("là một thư mục, cần {kind}", "is a folder, expected {kind}"),
    "source.not_regular": (
        "không phải tệp thường ({special}): chỉ đọc tệp thường",
        "not a regular file ({special}): only regular files are read",
    ),
    "source.not_regular.hint": (
        "chép nội dung vào một tệp thường rồi chỉ tên tệp đó",
        "copy the content into an ordinary file and name that one",
    ),
    "source.too_large": (
        "tệp lớn hơn giới hạn cho {kind} ({mib} MiB)",
        "the file is larger than the limit for {kind} ({mib} MiB)",
    ),
    "source.too_large.hint": (
        'có đúng tệp không? Các giới hạn ghi trong README (mục "Input rules")',
        "is it the right file? The limits are in the README (Input rules)",
    ),
    "source.not_found": ("không tìm thấy tệp", "file not found"),
    "source.journal_not_found": ("không tìm thấy nhật ký", "journal not found"),
    "source.cannot_read": ("không đọc được tệp ({reason})", "cannot read the file ({reason})"),
    # --- reading YAML (yamlsrc.py)
    "yaml.too_deep": (
        "các giá trị lồng nhau sâu quá {depth} tầng",
        "the values are nested more than {depth} levels deep",
    ),
    "yaml.too_deep.hint": (
        "tìm dấu ngoặc [ {{ mở ra mà không đóng lại",
        "look for brackets [ {{ that are never closed",
    ),
    "yaml.tag": ("không hỗ trợ thẻ YAML {tag}", "unsupported YAML tag {tag}"),
    "yaml.tag.hint": ("viết giá trị không có thẻ '!'", "write the value without a '!' tag"),
    "yaml.too_many": (
        "tài liệu bung ra hơn {limit:,} giá trị",
        "the document expands to more than {limit:,} values",
    ),
    "yaml.too_many.hint": (
        "không nhận neo và bí danh (&x / *x) lặp lại một phần lớn",
        "anchors and aliases (&x / *x) that repeat a large part are refused",
    ),
    "yaml.key": ("khóa phải là một từ hoặc một số", "a key must be a plain word or number"),
    "yaml.duplicate_key": (
        "khóa '{key}' bị lặp (đã có ở dòng {line})",
        "duplicate key '{key}' (first given on line {line})",
    ),
    "yaml.duplicate_key.hint": (
        "YAML chỉ giữ một trong hai; xóa khóa sai",
        "YAML keeps only one of them; delete the one that is wrong",
    ),
    "yaml.node": ("không hỗ trợ loại nút YAML này", "unsupported YAML node"),
    "yaml.not_utf8": (
        "không phải văn bản UTF-8 (byte 0x{byte} ở vị trí {offset})",
        "is not UTF-8 text (byte 0x{byte} at offset {offset})",
    ),
    "yaml.not_utf8.hint": (
        'lưu tệp dạng UTF-8 (trong Notepad: "Save As" → "Encoding: UTF-8")',
        "save the file as UTF-8 (in Notepad: Save As → Encoding: UTF-8)",
    ),
    "yaml.empty": ("tệp rỗng", "the file is empty"),
    "v.format_version": (
        "phiên bản định dạng là số 1, không phải yes/true",
        "the format version is the number 1, not yes/true",
    ),
    "yaml.control": (
        "giá trị có ký tự điều khiển (U+{code}), không được phép",
        "a control character (U+{code}) is not allowed in a value",
    ),
    "yaml.control.hint": (
        "xóa ký tự đó; giá trị chỉ là chữ thường",
        "delete it; a value is plain text",
    ),
    "yaml.bad_char": (
        "YAML không hợp lệ: không được dùng ký tự U+{code}",
        "not valid YAML: character U+{code} is not allowed",
    ),
    "yaml.bad_char.hint": (
        "tệp bầu cử không chứa ký tự điều khiển: xóa ký tự đó",
        "control characters have no place in an election file: delete it",
    ),
    "yaml.invalid": (
        'YAML không hợp lệ (trình đọc YAML báo: "{problem}")',
        "not valid YAML: {problem}",
    ),
    # --- writing a file (safefile.py and the commands that write)
    "write.blocked": (
        "{blocker} là một tệp, không phải thư mục",
        "{blocker} is a file, not a folder",
    ),
    "write.cannot": ("không ghi được tệp ({reason})", "cannot write the file ({reason})"),
    "write.cannot.hint": (
        "kiểm tra thư mục có tồn tại, ở trên đĩa ghi được và đĩa còn chỗ trống",
        "check that the folder exists, is on a writable disk and that the disk has space",
    ),
    "write.is_folder": (
        "là một thư mục; --force chỉ thay một tệp thường",
        "is a folder; --force replaces only a regular file",
    ),
    "write.is_folder.hint": ("chỉ tên một tệp trong thư mục đó", "name a file inside the folder"),
    "write.not_regular": (
        "không phải tệp thường (một thiết bị, một đường ống có tên hoặc một socket); "
        "--force chỉ thay một tệp thường",
        "is not a regular file (a device, a named pipe or a socket); --force replaces "
        "only a regular file",
    ),
    "write.not_regular.hint": ("chọn tên khác", "choose another name"),
    "write.exists": ("tệp đã có; không ghi đè", "the file already exists; it is not replaced"),
    "write.exists.hint": (
        "chọn tên khác, hoặc thêm --force để thay tệp đó",
        "choose another name, or pass --force to replace it",
    ),
    "write.exists.export": (
        "tệp đã có; tệp xuất không bị ghi đè do sơ ý",
        "the file exists; exports are not overwritten by accident",
    ),
    "write.exists.export.hint": (
        "chọn tên khác hoặc thêm --force",
        "choose another name or pass --force",
    ),
    "write.exists.minutes": (
        "tệp đã có; biên bản không bao giờ bị ghi đè do sơ ý",
        "the file exists; minutes are never overwritten by accident",
    ),
    "write.exists.minutes.hint": (
        "chọn tên khác, xóa tệp, hoặc thêm --force",
        "choose another name, remove the file, or pass --force",
    ),
    # --- rule sets (ruleset/loader.py)
    "outside.hint": (
        "các tệp của một cuộc bầu cử nằm trong thư mục của nó: chép tệp vào, hoặc cho phép "
        "thư mục của tệp bằng 'tally --allow-outside DIR …'",
        "an election's files stay inside its folder: copy the file in, or allow its folder "
        "with 'tally --allow-outside DIR …'",
    ),
    "rules.unknown": ("không có bộ quy tắc '{ref}'", "unknown rule set '{ref}'"),
    "rules.unknown.hint": (
        "dùng mã một bộ quy tắc có sẵn ({known}) hoặc đường dẫn một tệp quy tắc YAML",
        "use a built-in id ({known}) or the path of a rules YAML file",
    ),
    "rules.unknown.hint.close": (  # issue 18: a close built-in id
        "dùng mã một bộ quy tắc có sẵn ({known}) hoặc đường dẫn một tệp quy tắc YAML; có phải ý bạn là '{close}'?",
        "use a built-in id ({known}) or the path of a rules YAML file; did you mean '{close}'?",
    ),
    "rules.outside": (
        "tệp quy tắc '{ref}' nằm ngoài thư mục cuộc bầu cử (nó dẫn tới {real})",
        "the rule file '{ref}' is outside the election folder (it leads to {real})",
    ),
    "rules.not_mapping": (
        "bộ quy tắc phải là một bảng các khóa",
        "a rule set must be a mapping of keys",
    ),
    "rules.extends_type": (
        "phải là mã một bộ quy tắc hoặc một đường dẫn",
        "must be a rule set id or a path",
    ),
    "rules.extends_deep": (
        "'extends' lồng sâu quá {depth} tầng (có vòng lặp?)",
        "'extends' goes more than {depth} levels deep (a loop?)",
    ),
    # --- election.yaml (config/loader.py, config/template.py)
    "config.outside": (
        "'{rel}' nằm ngoài thư mục cuộc bầu cử (nó dẫn tới {real})",
        "'{rel}' is outside the election folder (it leads to {real})",
    ),
    "config.no_yaml": ("không có election.yaml ở đây", "no election.yaml here"),
    "config.no_yaml.hint": (
        "chạy 'tally init DIR' để tạo một thư mục bầu cử mới",
        "run 'tally init DIR' to create a new election folder",
    ),
    "config.not_mapping": (
        "election.yaml phải là một bảng các khóa (version, rules, …)",
        "election.yaml must be a mapping of keys (version, rules, …)",
    ),
    "config.init_exists": (
        "đã có; tally init không bao giờ ghi đè một tệp",
        "already exists; tally init never overwrites a file",
    ),
    "config.init_exists.hint": ("chọn tên thư mục mới", "choose a new folder name"),
    # --- shares and counts (shares.py)
    "share.bad": (
        'phải là một tỉ lệ như "15%" hoặc "1/3" (nhận được "{got}")',
        'must be a share like "15%" or "1/3" (got "{got}")',
    ),
    "share.over": (
        'một tỉ lệ không thể quá 100% (nhận được "{got}")',
        'a share cannot be more than 100% (got "{got}")',
    ),
    "share.not_text": (
        'phải là một tỉ lệ viết dạng chuỗi như "15%" hoặc "1/3" (nhận được {got})',
        'must be a share written as a string like "15%" or "1/3" (got {got})',
    ),
    "quantity.bool": (
        'phải là một số lượng như 2 hoặc một tỉ lệ như "15%"',
        'must be a count like 2 or a share like "15%"',
    ),
    "quantity.negative": (
        "số lượng không thể âm (nhận được {got})",
        "a count cannot be negative (got {got})",
    ),
    # --- validation of election.yaml, rule files and tally sheets (pydantic_errors.py)
    "got.long": ('"{start}…" ({length:,} ký tự)', '"{start}…" ({length:,} characters)'),
    "got.mapping": ("một bảng khóa", "a mapping"),
    "got.list": ("một danh sách", "a list"),
    "got.nothing": ("không có gì", "nothing"),
    "v.word_not_figure": (
        "yes/no/on/off/true/false là một từ, không phải một con số: hãy viết số (vd. 0 hoặc 1)",
        "yes/no/on/off/true/false is a word, not a figure: write the number (e.g. 0 or 1)",
    ),
    "v.too_many_digits": ("một con số có nhiều nhất 18 chữ số", "a figure has at most 18 digits"),
    "v.write_digits": ("viết {digits}, không phải {text}", "write {digits}, not {text}"),
    "v.unquote": (
        "viết con số không có dấu nháy: {digits}, không phải '{digits}'",
        "write the figure without quotes: {digits}, not '{digits}'",
    ),
    "v.digits_only": (
        "viết con số chỉ bằng các chữ số 0-9: không có ':', '.', chữ cái hay chữ viết khác",
        "write the figure with the digits 0-9 only: no ':', '.', letters or other scripts",
    ),
    "v.required": ("bắt buộc phải có", "is required"),
    "v.unknown_key": ("khóa không biết", "unknown key"),
    "v.unknown_key.hint": (
        "kiểm tra chính tả theo định dạng tệp trong README",
        "check the spelling against the file format in the README",
    ),
    "v.did_you_mean": ("có phải ý bạn là '{close}'?", "did you mean '{close}'?"),
    "v.whole_number": (
        "phải là một số nguyên (nhận được {got})",
        "must be a whole number (got {got})",
    ),
    "v.positive": (
        "phải là một số nguyên dương (nhận được {got})",
        "must be a positive integer (got {got})",
    ),
    "v.zero_or_more": ("phải từ 0 trở lên (nhận được {got})", "must be zero or more (got {got})"),
    "v.no_such_date": ("không có ngày {date}", "there is no date {date}"),
    "v.no_such_date.hint": (
        "viết một ngày có thật, dạng YYYY-MM-DD (vd. 2025-07-20)",
        "write a date that exists, as YYYY-MM-DD (e.g. 2025-07-20)",
    ),
    "v.date": (
        "phải là một ngày viết dạng YYYY-MM-DD, vd. 2025-07-20 (nhận được {got})",
        "must be a date written YYYY-MM-DD, e.g. 2025-07-20 (got {got})",
    ),
    "v.bool": ("phải là true hoặc false (nhận được {got})", "must be true or false (got {got})"),
    "v.name_not_id": (
        "đó là họ tên của '{id}': danh sách ghi mã của người, tức {id}",
        "that is the name of '{id}': a list takes the person's id, {id}",
    ),
    "v.id": (
        "phải là một mã ngắn gồm chữ cái, chữ số, '_', '-', '.' (nhận được {got})",
        "must be a short id of letters, digits, '_', '-', '.' (got {got})",
    ),
    "v.one_of": (
        "phải là một trong {expected} (nhận được {got})",
        "must be one of {expected} (got {got})",
    ),
    "v.must_be": ("phải là {wanted} (nhận được {got})", "must be {wanted} (got {got})"),
    "v.mapping_of_keys": ("một bảng các khóa", "a mapping of keys"),
    "v.other": (
        'giá trị không hợp lệ (trình kiểm tra báo: "{detail}"; nhận được {got})',
        "{detail} (got {got})",
    ),
    "v.detail": ('giá trị không hợp lệ (trình kiểm tra báo: "{detail}")', "{detail}"),
    "v.either": ("{head} hoặc {last}", "{head} or {last}"),
    # --- usage of the commands (cli/)
    "usage.operator": ("thiếu --operator", "--operator is required"),
    "usage.operator.hint": (
        "tally enter ELECTION --contest ID --operator 'Trần Thị Bình' (hoặc --journal FILE)",
        "tally enter ELECTION --contest ID --operator 'Trần Thị Bình' (or --journal FILE)",
    ),
    "usage.o_export": ("-o chỉ dùng với --export", "-o is for --export"),
    "usage.o_export.hint": (
        "tệp phiếu CSV: 'tally entry export … -o FILE'; nhật ký nhập phiếu: "
        "'tally entry log … -o FILE'",
        "the ballots CSV: 'tally entry export … -o FILE'; the entry log: "
        "'tally entry log … -o FILE'",
    ),
    "usage.journal_for": (
        "nhật ký này thuộc cuộc bầu '{contest}' lần {round}",
        "this journal is for contest '{contest}' round {round}",
    ),
    "usage.operator_enter": (
        "cần --operator để nhập phiếu",
        "--operator is required to enter ballots",
    ),
    "usage.operator_enter.hint": ("--operator 'Trần Thị Bình'", "--operator 'Trần Thị Bình'"),
    "usage.resolve_form": (
        "--resolve '{text}' không có dạng SERIAL=MARKS",
        "--resolve '{text}' is not SERIAL=MARKS",
    ),
    "usage.resolve_form.hint": (
        "vd. --resolve 17='3 5', --resolve 18='!m' hoặc --resolve 19=absent",
        "e.g. --resolve 17='3 5', --resolve 18='!m' or --resolve 19=absent",
    ),
    "usage.resolve_marks": ('--resolve {serial}: "{detail}"', "--resolve {serial}: {detail}"),
    "usage.resolutions_twice": (
        "có hơn một tệp quyết định",
        "more than one resolutions file given",
    ),
    "usage.resolutions_twice.hint": (
        "mỗi xấp phiếu một tệp quyết định",
        "one resolutions file per ballot pile",
    ),
    "usage.two_or_three": (
        "reconcile nhận hai hoặc ba nhật ký",
        "reconcile takes two or three journals",
    ),
    "usage.two_or_three.hint": (
        "mỗi người nhập hoặc mỗi nhóm một nhật ký",
        "one per operator or team",
    ),
    "usage.heads": (
        "{heads} --head cho {journals} nhật ký",
        "{heads} --head for {journals} journals",
    ),
    "usage.heads.hint": (
        "mỗi nhật ký một --head, theo thứ tự các nhật ký",
        "one --head per journal, in the order the journals are given",
    ),
    "usage.resolve_by": (
        "--resolve cần --by TÊN: người quyết định",
        "--resolve needs --by NAME: who decided",
    ),
    "usage.resolve_by.hint": ("--by 'Nguyễn Văn An'", "--by 'Nguyễn Văn An'"),
    "usage.resolve_same": (
        "--resolve {serial}: phiếu số {serial} giống nhau ở các nhật ký; không có gì để quyết định",
        "--resolve {serial}: ballot #{serial} does not differ between the journals; "
        "nothing to resolve",
    ),
    "usage.journal_head": ("--journal và --head đi cùng nhau", "--journal and --head go together"),
    "usage.journal_head.hint": ("--journal FILE --head HASH", "--journal FILE --head HASH"),
    "usage.election_fingerprint": (
        "ELECTION và --fingerprint đi cùng nhau",
        "ELECTION and --fingerprint go together",
    ),
    "usage.election_fingerprint.hint": (
        "tally verify ELECTION --fingerprint XXXX-XXXX-XXXX-XXXX",
        "tally verify ELECTION --fingerprint XXXX-XXXX-XXXX-XXXX",
    ),
    "usage.verify_one": ("mỗi lần chỉ kiểm một thứ", "verify one thing at a time"),
    "usage.verify_one.hint": (
        "tally verify ELECTION --fingerprint … hoặc tally verify --journal FILE --head …",
        "tally verify ELECTION --fingerprint … or tally verify --journal FILE --head …",
    ),
    "recount.none": ("không có election.yaml nào trong {dirs}", "no election.yaml below {dirs}"),
    "recount.none.hint": (
        "một cuộc bầu cử là một thư mục có election.yaml (xem 'tally init')",
        "an election is a folder with an election.yaml (see 'tally init')",
    ),
    "engine.no_contest": (
        "không có cuộc bầu '{contest}' (các cuộc bầu: {known})",
        "no contest '{contest}' (contests: {known})",
    ),
    # --- names: bodies, meetings, figures, invalid reasons, statuses, outcomes (labels.py)
    "body.committee": ("Ban Chấp hành", "Executive committee"),
    "body.standing_committee": ("Ban Thường vụ", "Standing committee"),
    "body.secretary": ("Bí thư", "Secretary"),
    "body.deputy_secretary": ("Phó Bí thư", "Deputy secretary"),
    "body.inspection_committee": ("Ủy ban Kiểm tra", "Inspection committee"),
    "body.inspection_chair": ("Chủ nhiệm Ủy ban Kiểm tra", "Inspection committee chair"),
    "body.inspection_vice_chair": (
        "Phó Chủ nhiệm Ủy ban Kiểm tra",
        "Inspection committee vice-chair",
    ),
    "body.delegates": (
        "Đại biểu chính thức dự đại hội cấp trên",
        "Delegates to the higher congress",
    ),
    "body.alternate_delegates": ("Đại biểu dự khuyết dự đại hội cấp trên", "Alternate delegates"),
    "body.deputies": ("Đại biểu", "Deputies"),
    "body.nomination_poll": ("Lấy phiếu giới thiệu", "Nomination poll"),
    "meeting.members_congress": ("Đại hội đảng viên", "Members' congress"),
    "meeting.delegates_congress": ("Đại hội đại biểu", "Delegates' congress"),
    "meeting.committee_conference": ("Hội nghị Ban Chấp hành", "Committee conference"),
    "meeting.constituency": ("Đơn vị bầu cử", "Constituency"),
    # --- the meeting that votes a contest (tally.domain.meetings): the first conference's default
    # name, derived from the congress; its heading in the terminal reports
    "conference.first": (
        "Hội nghị lần thứ nhất Ban Chấp hành {organisation} khóa {number}",
        "First meeting of the Executive Committee of {organisation}, tenure {number}",
    ),
    "conference.first.no_number": (
        "Hội nghị lần thứ nhất Ban Chấp hành {organisation}",
        "First meeting of the Executive Committee of {organisation}",
    ),
    "conference.first.bare": (
        "Hội nghị lần thứ nhất Ban Chấp hành khóa mới",
        "First meeting of the new Executive Committee",
    ),
    "conference.heading": ("{name} · {date}", "{name} · {date}"),
    "conference.date": ("{day:02}/{month:02}/{year}", "{year}-{month:02}-{day:02}"),
    "ref.conference_before_congress": (
        "hội nghị ngày {date} lại trước đại hội ({congress})",
        "the conference on {date} is before the congress ({congress})",
    ),
    "ref.session_before_meeting": (
        "phiên bầu ngày {date} lại trước ngày họp ({meeting}) của đại hội hoặc hội nghị bầu cuộc bầu này",
        "the session on {date} is before the meeting that votes this contest ({meeting})",
    ),
    "figure.summoned": ("Được triệu tập", "Summoned"),
    "figure.conference.summoned": ("Ủy viên được triệu tập", "Members summoned"),
    "figure.absent_all_congress.ex_officio": (
        "Đại biểu đương nhiên vắng mặt suốt đại hội",
        "Ex-officio absent all congress",
    ),
    "figure.absent_all_congress.delegates_unreplaced": (
        "Đại biểu vắng mặt suốt đại hội, không có dự khuyết thay",
        "Delegates absent all congress, unreplaced",
    ),
    "figure.attached_elsewhere": ("Sinh hoạt tạm thời ở đảng bộ khác", "Attached elsewhere"),
    "figure.exempt_absent": ("Miễn sinh hoạt, không có mặt", "Exempted and absent"),
    "figure.suspended_or_prosecuted": (
        "Bị đình chỉ sinh hoạt, khởi tố, truy tố, tạm giam",
        "Suspended or prosecuted",
    ),
    "figure.absent_all_congress_approved": (
        "Vắng mặt suốt đại hội có lý do được đồng ý",
        "Absent all congress (approved)",
    ),
    "figure.valid_ballots": ("Phiếu hợp lệ", "Valid ballots"),
    "figure.collected_ballots": ("Phiếu thu vào", "Ballots collected"),
    "reason.not_issued": ("Không do Ban kiểm phiếu phát ra", "Not issued by the board"),
    "reason.too_many_kept": ("Bầu quá số lượng cần bầu", "More names kept than seats"),
    "reason.all_struck": ("Gạch hết tên", "Every name struck"),
    "reason.write_in": ("Ghi thêm tên ngoài danh sách", "Name written in"),
    "reason.marked": ("Có ký tên, đánh dấu, ghi thêm nội dung", "Signed, marked or extra content"),
    "reason.no_choice": ("Không có lựa chọn hợp lệ", "No usable choice"),
    "status.elected": ("Trúng cử", "Elected"),
    "status.tie": ("Ngang phiếu", "Tie"),
    "status.not_elected": ("Không trúng cử", "Not elected"),
    "status.admitted": ("Được đưa vào danh sách", "Admitted"),  # nomination poll
    "status.not_admitted": ("Không đủ", "Not admitted"),
    "outcome.complete": ("Đủ", "Complete"),
    "outcome.tie": ("Ngang phiếu, bầu lại", "Tie, re-vote"),
    "outcome.shortfall": ("Còn chỗ trống", "Seats open"),
    "outcome.rejected": ("Số liệu không khớp", "Figures do not reconcile"),
    "outcome.void": ("Phải bầu lại", "Re-run due"),
    "outcome.additional_due": ("Phải bầu cử thêm", "Additional election due"),
    "outcome.council_decides": (
        "Chờ Hội đồng Bầu cử quốc gia quyết định",
        "For the National Election Council to decide",
    ),
    "outcome.final": ("Kết quả cuối cùng, còn ghế trống", "Final, seats left open"),
    "outcome.not_counted": ("Chưa kiểm phiếu", "Not counted"),
    "outcome.not_entered": ("Chưa nhập phiếu", "Not entered"),
    # ============================================================================================
    # --- report sentences: outcomes, thresholds, findings and problems (report/text.py, checks.py,
    # plan_checks.py, decide.py, engine.py). A rule's share is a typed parameter (Fraction/Ratio):
    # the sentence says the rule set's own value.
    # ============================================================================================
    "share.half": ("1/2", "half"),  # a majority of one half, as the reports have always said it
    "share.half.words": ("một nửa", "half"),
    "share.ratio": ("{share}", "{share}"),
    "report.need": (
        "Cần quá {majority} của {base}, tức ít nhất {threshold} phiếu.",
        "More than {majority} of {base} needed, at least {threshold} votes.",
    ),
    "report.need.short": (
        "cần quá {majority}, tức ít nhất {threshold}",
        "more than {majority} needed, at least {threshold}",
    ),
    "report.need.of_valid": ("> {share} phiếu hợp lệ", "> {share} of valid"),
    "report.need.of_collected": ("> {share} phiếu thu vào", "> {share} of collected"),
    "report.rejected": (
        "Các con số không khớp: kết quả không được công nhận. Ban kiểm phiếu kiểm tra lại.",
        "The figures do not reconcile: no result is accepted. The board must recheck.",
    ),
    "report.void": (
        "Số cử tri đã bỏ phiếu không quá {turnout} tổng số cử tri trong danh sách: "
        "phải bầu cử lại.",
        "Turnout is not above {turnout} of the registered voters: the election must be re-run.",
    ),
    "report.poll": (
        "Cần hơn {share} của {attending} đại biểu dự, tức ít nhất {needed} phiếu đồng ý. "
        "Được đưa vào danh sách: {admitted}.",
        "More than {share} of {attending} attending needed, at least {needed} agree marks. "
        "Admitted to the list: {admitted}.",
    ),
    "report.poll.tied": (
        "Ngang phiếu ở vị trí cuối: {names} — đại hội quyết định.",
        "Tied at the cut: {names} — the congress decides.",
    ),
    "report.nobody": ("không ai", "nobody"),
    "report.tie": (
        "{names} ngang nhau {votes} phiếu cho {seats} chỗ còn lại: "
        "đại hội bầu lại trong số những người này.",
        "{names} are tied on {votes} votes for the {seats} seat(s) left: "
        "the congress votes again among them.",
    ),
    "report.tie.by_age": (
        "{names} ngang nhau {votes} phiếu; người nhiều tuổi hơn ({older}) trúng cử.",
        "{names} are tied on {votes} votes; the older ({older}) is elected.",
    ),
    "report.shortfall": (
        "{open} ghế còn trống: đại hội quyết định bầu tiếp trong số những người chưa trúng cử.",
        "{open} seat(s) open: the congress decides whether to vote again among those not elected.",
    ),
    # --- state law (Luật 85/2015/QH13 as amended by Luật 83/2025/QH15): what follows the count
    "report.additional_due": (
        "{open} ghế còn trống; số người trúng cử chưa đủ hai phần ba số đại biểu được bầu: "
        "phải tổ chức bầu cử thêm, cử tri chỉ chọn trong số những người ứng cử chưa trúng cử "
        "ở lần đầu ({cite}).",
        "{open} seat(s) open and fewer than two thirds of the seats filled: an additional "
        "election must be held, among the first round's candidates not elected ({cite}).",
    ),
    "report.council_decides": (
        "{open} ghế còn trống: Ban bầu cử báo cáo Ủy ban bầu cử ở tỉnh để đề nghị Hội đồng Bầu "
        "cử quốc gia xem xét, quyết định việc bầu cử thêm ({cite}).",
        "{open} seat(s) open: the election board reports to the provincial election committee, "
        "and the National Election Council decides whether to hold an additional election "
        "({cite}).",
    ),
    "report.final.two_thirds": (
        "{open} ghế còn trống; số người trúng cử đã đạt hai phần ba số đại biểu được bầu: "
        "không tổ chức bầu cử thêm ({cite}).",
        "{open} seat(s) open; at least two thirds of the seats are filled: no additional "
        "election is held ({cite}).",
    ),
    "report.final.no_more": (
        "{open} ghế còn trống sau cuộc bầu cử thêm: không tổ chức bầu cử thêm lần thứ hai "
        "({cite}).",
        "{open} seat(s) still open after the additional election: no second additional "
        "election is held ({cite}).",
    ),
    "report.within_days": (
        "Ngày bầu cử chậm nhất là {days} ngày sau ngày bầu cử đầu tiên.",
        "It is held at the latest {days} days after the first election day.",
    ),
    "report.tie.state": (
        "{names} ngang nhau {votes} phiếu cho {seats} chỗ còn lại và không xác định được người "
        "nhiều tuổi hơn ({cite}): báo cáo Ủy ban bầu cử.",
        "{names} are tied on {votes} votes for the {seats} seat(s) left and the older cannot be "
        "told ({cite}): report to the election committee.",
    ),
    "report.complete.national_assembly": (
        "Đã bầu đủ {seats} người; Hội đồng Bầu cử quốc gia xác nhận tư cách người trúng cử.",
        "All {seats} seat(s) filled; the National Election Council confirms the credentials of "
        "those elected.",
    ),
    "report.complete.peoples_council": (
        "Đã bầu đủ {seats} người; Ủy ban bầu cử xác nhận tư cách người trúng cử.",
        "All {seats} seat(s) filled; the election committee confirms the credentials of those "
        "elected.",
    ),
    "report.complete": (
        "Đã bầu đủ {seats} người; kết quả chờ cấp có thẩm quyền chuẩn y.",
        "All {seats} seat(s) filled; the result awaits confirmation by the competent committee.",
    ),
    "report.not_counted": (
        "Chưa kiểm phiếu: election.yaml chưa ghi tệp phiếu bầu (ballots:) hay biên bản của các "
        "tổ (tallies:) cho lần bầu nào.",
        "Not counted: election.yaml names no ballot file (ballots:) or tally sheets (tallies:) "
        "for any of its rounds.",
    ),
    # --- a round not entered yet (config/loader.py NotEntered)
    "report.not_entered.ballots": (
        "Vòng {round}: chưa nhập phiếu ({files}).",
        "Round {round}: the ballots are not entered yet ({files}).",
    ),
    "report.not_entered.tallies": (
        "Vòng {round}: chưa có biên bản kiểm phiếu của các tổ ({files}).",
        "Round {round}: the counting groups' tally sheets are not written yet ({files}).",
    ),
    "report.not_entered.ballots.hint": (
        "nhập phiếu bằng: {command} \"TÊN NGƯỜI NHẬP\", rồi ghi tệp bằng 'tally entry export' "
        "với cùng các tuỳ chọn",
        'enter the ballots with: {command} "NAME", then write the file with '
        "'tally entry export' and the same options",
    ),
    "report.not_entered.tallies.hint": (
        "ghi biên bản kiểm phiếu của từng tổ ('group', 'collected', 'invalid', 'votes') vào các "
        "tệp này",
        "write each counting group's tally sheet (group, collected, invalid, votes) to these files",
    ),
    # --- problems: figures that do not reconcile (decide.py), rows skipped (engine.py)
    "problem.collected_over_issued": (
        "Phiếu thu vào ({collected}) nhiều hơn phiếu phát ra ({issued})",
        "Ballots collected ({collected}) exceed ballots issued ({issued})",
    ),
    "problem.collected_mismatch.file": (
        "Số phiếu thu vào đã khai ({declared}) khác tổng của tệp phiếu ({collected})",
        "Declared ballots collected ({declared}) differ from the ballot file ({collected})",
    ),
    "problem.collected_mismatch.groups": (
        "Số phiếu thu vào đã khai ({declared}) khác tổng của các tổ kiểm phiếu ({collected})",
        "Declared ballots collected ({declared}) differ from the groups’ sum ({collected})",
    ),
    "problem.invalid_over_collected": (
        "Phiếu không hợp lệ ({invalid}) nhiều hơn phiếu thu vào ({collected})",
        "Invalid ballots ({invalid}) exceed ballots collected ({collected})",
    ),
    "problem.votes_over_valid": (
        "Vị trí {position}: {votes} phiếu, nhiều hơn số phiếu hợp lệ ({valid})",
        "Position {position}: {votes} votes, more than the valid ballots ({valid})",
    ),
    "problem.votes_negative": (
        "Vị trí {position}: số phiếu âm ({votes})",
        "Position {position}: negative votes ({votes})",
    ),
    "problem.votes_over_seats": (
        "Tổng số phiếu bầu ({total}) vượt quá {seats} × {valid} phiếu hợp lệ",
        "Total votes ({total}) exceed {seats} × {valid} valid ballots",
    ),
    "problem.kept_mismatch": (
        "Tổng số phiếu bầu ({total}) khác Σ k·n_k ({weighted})",
        "Total votes ({total}) differ from Σ k·n_k ({weighted})",
    ),
    "problem.kept_count_mismatch": (
        "Σ n_k ({ballots}) khác số phiếu hợp lệ ({valid})",
        "Σ n_k ({ballots}) differs from the valid ballots ({valid})",
    ),
    "problem.kept_over_seats": (
        "Có phiếu hợp lệ giữ {kept} tên, nhiều hơn {seats} chỗ",
        "Valid ballots keep {kept} names, more than the {seats} seats",
    ),
    "problem.empty_rows": (
        "Bỏ qua {count} dòng trống trong {file} (dòng {lines}): không phải phiếu, không được tính.",
        "Skipped {count} empty rows in {file} (lines {lines}): not ballots, not counted.",
    ),
    "problem.empty_rows.one": (
        "Bỏ qua {count} dòng trống trong {file} (dòng {lines}): không phải phiếu, không được tính.",
        "Skipped {count} empty row in {file} (line {lines}): not ballots, not counted.",
    ),
    # --- the codes: one line on each finding and problem code, the registry's description
    # (tally.findings.CODES); the README's "Codes" table is tested against the English
    "code.admitted_not_on_list": (
        "một người được hội nghị giới thiệu chấp nhận nhưng không có trong danh sách bầu cử",
        "a nominee the poll admitted is missing from the contest's list",
    ),
    "code.age_limit": (
        "một người ứng cử hoặc trúng cử nằm ngoài mốc ngày sinh của phương án nhân sự",
        "a candidate or an elected person is outside the plan's birth-date cut-offs",
    ),
    "code.alternate_elected_official": (
        "sau kiểm phiếu: một người đã trúng cử đại biểu chính thức có tên trong danh sách đại "
        "biểu dự khuyết (lỗi, một danh sách chung, QĐ 190 Điều 18)",
        "after the count: a person elected an official delegate stands on the alternates' list "
        "(error, one combined list, QĐ 190 Điều 18)",
    ),
    "code.alternate_not_on_combined_list": (
        "một người ứng cử đại biểu dự khuyết không có trong danh sách đại biểu chính thức, là "
        "danh sách chung (lỗi, QĐ 190 Điều 18)",
        "an alternates' candidate is not on the official delegates' list, which is the combined "
        "list (error, QĐ 190 Điều 18)",
    ),
    "code.appointed": (
        "ghi chú (thông tin): cơ quan được chỉ định theo quyết định, ghi số và ngày quyết định; "
        "không bỏ phiếu",
        "a note (info): the body is appointed by decision, with the decision's number and date; "
        "nothing is voted",
    ),
    "code.ballot_order": (
        "một danh sách không theo thứ tự ghi trên phiếu (thứ tự chữ cái của tên) và cuộc bầu không "
        "ghi 'order: as_given': cảnh báo",
        "a list is not in ballot order (Vietnamese alphabetical by given name) and its contest "
        "does not say 'order: as_given': a warning",
    ),
    "code.below_quorum": (
        "số có mặt ít hơn tỷ lệ tối thiểu so với số được triệu tập",
        "fewer present than the quorum of those summoned",
    ),
    "code.board_member_on_list": (
        "một thành viên ban kiểm phiếu có tên trong danh sách bầu cử (lỗi, QĐ 190 Điều 8)",
        "a counting board's member is on an election list (error, QĐ 190 Điều 8)",
    ),
    "code.chain_violation": (
        "trúng cử vào một cơ quan mà không trúng cử vào cơ quan bầu ra cơ quan đó",
        "elected to a body without being elected to the body it is elected from",
    ),
    "code.floor_support": (
        "một người được đề cử tại đại hội hoặc tự ứng cử không đủ số tán thành theo quy định",
        "a floor nominee or self-nominee without the support the rules require",
    ),
    "code.floor_support_unknown": (
        "không ghi số tán thành của một người được đề cử tại đại hội nên không kiểm tra được",
        "a floor nominee's support is not given, so it cannot be checked",
    ),
    "code.issued_over_present": (
        "số phiếu phát ra nhiều hơn số đại biểu có mặt",
        "more ballots issued than delegates present",
    ),
    "code.list_short_after_withdrawal": (
        "phiếu bầu có ít tên hơn quy định chỉ vì một người rút ghi trong `withdrawn` (danh "
        "sách được duyệt đạt quy định): cảnh báo nêu việc rút tên",
        "the ballot has fewer names than the rules require only because of a withdrawal recorded "
        "in `withdrawn` (the approved list met the rule): a warning naming the withdrawal",
    ),
    "code.list_target_short": (
        "danh sách của một đơn vị bầu cử thấp hơn chỉ tiêu của danh sách chính thức (35% nữ; "
        "18% người dân tộc thiểu số đối với Quốc hội): cảnh báo",
        "a constituency's list is below a target of the official lists (35% women; 18% ethnic "
        "minorities for the National Assembly): a warning",
    ),
    "code.list_too_short": (
        "danh sách có ít tên hơn quy định so với số lượng cần bầu",
        "the list has fewer names than the rules require for the seats",
    ),
    "code.may_not_stand": (
        "một người mà quy định không cho ứng cử có tên trong danh sách",
        "a person the rules bar from the list stands",
    ),
    "code.no_majority_possible": (
        "số có mặt quá ít, không ai có thể đạt tỷ lệ trúng cử",
        "too few present for anyone to pass the threshold",
    ),
    "code.nominee_not_admitted": (
        "một người trong danh sách mà hội nghị giới thiệu không chấp nhận",
        "a listed nominee the nomination poll did not admit",
    ),
    "code.not_entered": (
        "một vòng bầu ghi trong election.yaml mà phiếu chưa được nhập",
        "a round named in election.yaml whose ballots are not entered yet",
    ),
    "code.off_plan_elected": (
        "trúng cử nhưng không có trong danh sách dự kiến, hoặc một người khác với người dự kiến "
        "trúng cử vào một chức danh",
        "elected but not on the slate, or someone other than the planned person in a post",
    ),
    "code.person_data_missing": (
        "thiếu `sex`, `born` hoặc `ethnicity` nên không kiểm tra được chỉ tiêu hay mốc tuổi",
        "`sex`, `born` or `ethnicity` missing, so a target or cut-off cannot be checked",
    ),
    "code.plan_member_not_elected": (
        "có trong danh sách dự kiến, không trúng cử",
        "on the slate, not elected",
    ),
    "code.post_not_elected": (
        "người dự kiến giữ một chức danh không trúng cử ở bước trước của chức danh đó",
        "the planned holder of a post is not elected on the way to it",
    ),
    "code.seats_mismatch": (
        "số lượng cần bầu khác với phương án nhân sự",
        "a contest's seats differ from the plan",
    ),
    "code.slate_surplus": (
        "danh sách do cấp ủy triệu tập giới thiệu có số dư nhiều hơn hoặc ít hơn quy định",
        "the convening committee's slate has more or fewer names than the rules allow",
    ),
    "code.structure_over": ("vượt chỉ tiêu `max`", "a `max` target exceeded"),
    "code.structure_short": ("không đạt một chỉ tiêu cơ cấu", "a target missed"),
    "code.surplus_over_cap": (
        "số dư của danh sách so với số lượng cần bầu vượt mức tối đa của quy định",
        "the list's surplus over the seats is above the rule's cap",
    ),
    "code.target_unreachable": (
        "danh sách không thể đạt một chỉ tiêu cơ cấu",
        "a target cannot be reached from the list at all",
    ),
    "code.too_many_seats": (
        "một đơn vị bầu cử bầu nhiều đại biểu hơn luật cho phép (3 đại biểu Quốc hội, 5 đại "
        "biểu Hội đồng nhân dân): cảnh báo",
        "a constituency elects more deputies than the law allows (3 National Assembly, 5 "
        "People's Council): a warning",
    ),
    "code.collected_mismatch": (
        "số phiếu thu vào đã khai khác với các tệp",
        "the declared ballots collected differ from the files",
    ),
    "code.collected_over_issued": (
        "số phiếu thu vào nhiều hơn số phiếu phát ra",
        "more ballots collected than issued",
    ),
    "code.empty_rows": (
        "bỏ qua các dòng trống trong một tệp phiếu bầu (cảnh báo, không bao giờ bác vòng bầu)",
        "empty rows skipped in a ballot file (a warning, never a rejection)",
    ),
    "code.invalid_over_collected": (
        "số phiếu không hợp lệ nhiều hơn số phiếu thu vào",
        "more invalid ballots than collected",
    ),
    "code.kept_count_mismatch": (
        "`Σ n_k` khác với số phiếu hợp lệ",
        "`Σ n_k` differs from the valid ballots",
    ),
    "code.kept_mismatch": (
        "tổng số phiếu bầu khác với `Σ k·n_k`",
        "the total votes differ from `Σ k·n_k`",
    ),
    "code.kept_over_seats": (
        "phiếu hợp lệ giữ lại nhiều tên hơn số lượng cần bầu",
        "valid ballots keep more names than there are seats",
    ),
    "code.rows_mismatch": (
        "trên biên bản tổ kiểm phiếu đồng ý/không đồng ý, số dòng đồng ý, không đồng ý và không "
        "đánh dấu của một người không khớp với số phiếu hợp lệ",
        "an agree/disagree tally sheet's agree, disagree and unmarked rows of a person do not "
        "add up to the valid ballots",
    ),
    "code.votes_over_seats": (
        "tổng số phiếu bầu vượt quá số lượng cần bầu × số phiếu hợp lệ",
        "the total votes exceed seats × valid ballots",
    ),
    "code.votes_over_valid": (
        "một người có số phiếu bầu nhiều hơn số phiếu hợp lệ (hoặc ít hơn không)",
        "a candidate has more votes than valid ballots (or fewer than none)",
    ),
    # --- findings of the list and electorate checks (checks.py); the id is finding.<code>[.case]
    "finding.body": ("{body} ({ids})", "{body} ({ids})"),
    "membership.probationary": ("đảng viên dự bị", "probationary"),
    "membership.attached_elsewhere": ("đảng viên sinh hoạt tạm thời", "attached elsewhere"),
    "finding.list_too_short": (
        "{body}: danh sách bầu cử phải nhiều hơn số lượng cần bầu ({n} người cho {seats} chỗ)",
        "{body}: the list must have more names than seats ({n} names for {seats} seats)",
    ),
    "finding.list_short_after_withdrawal": (
        "{body}: danh sách trên phiếu có {n} người cho {seats} chỗ, ít hơn quy định vì có người "
        "rút sau khi danh sách đã công bố ({withdrawn}); danh sách được duyệt có {approved} người",
        "{body}: the ballot lists {n} names for {seats} seats, fewer than the rules require, "
        "because of a withdrawal after the list was published ({withdrawn}); "
        "the approved list had {approved}",
    ),
    "finding.list_short_after_withdrawal.who": (
        "{name} rút ngày {date}, {approved_by} chấp thuận",
        "{name} withdrew on {date}, approved by {approved_by}",
    ),
    "finding.list_short_after_withdrawal.and": ("{head}; {last}", "{head}; {last}"),
    "ref.withdrawn_on_ballot": (
        "'{id}' được ghi là đã rút nhưng vẫn có tên trong candidates (danh sách trên phiếu)",
        "'{id}' is recorded as withdrawn but is still in candidates (the list on the ballot)",
    ),
    "ref.withdrawn_on_ballot.hint": (
        "người đã rút không có tên trên phiếu: xóa khỏi candidates hoặc khỏi withdrawn",
        "a withdrawn person is not on the ballot: remove them from candidates or from withdrawn",
    ),
    "ref.withdrawn_twice": (
        "'{id}' được ghi là đã rút hai lần",
        "'{id}' is recorded as withdrawn twice",
    ),
    "finding.too_many_seats": (
        "{body}: một đơn vị bầu cử {assembly} được bầu không quá {most} đại biểu ({seats} chỗ)",
        "{body}: a {assembly} constituency elects at most {most} deputies ({seats} seats)",
    ),
    "finding.list_target_short": (
        "{body}: danh sách có {count}/{n} người ứng cử là {group}, dưới tỉ lệ phấn đấu {share} "
        "(cần ít nhất {least}); chỉ là mục tiêu, không ảnh hưởng tính hợp lệ",
        "{body}: the list has {count} of {n} {group}, below the {share} target "
        "(at least {least}); a target only, not a condition of validity",
    ),
    "list_target.women": ("phụ nữ", "women"),
    "assembly.national_assembly": ("đại biểu Quốc hội", "National Assembly"),
    "assembly.peoples_council": ("đại biểu Hội đồng nhân dân", "People's Council"),
    "list_target.ethnic_minorities": ("người dân tộc thiểu số", "from ethnic minorities"),
    "finding.list_too_short.min_surplus": (
        "{body}: danh sách phải nhiều hơn số đại biểu được bầu ít nhất {more} người "
        "({n} người cho {seats} chỗ)",
        "{body}: the list needs at least {more} more names than seats ({n} for {seats})",
    ),
    "finding.list_too_short.min_surplus_share": (
        "{body}: số dư phải ít nhất {share} số lượng cần bầu, làm tròn lên: ít nhất {more} "
        "người, tức danh sách ít nhất {least} người ({n} người cho {seats} chỗ)",
        "{body}: the surplus must be at least {share} of the seats, rounded up: at least {more} "
        "more names, a list of at least {least} ({n} names for {seats} seats)",
    ),
    "finding.surplus_over_cap.small_body": (
        "{body}: cơ quan {seats} người chỉ được dư tối đa {most} (danh sách có {n}, dư {surplus})",
        "{body}: a body of {seats} may have a surplus of at most {most} "
        "(list of {n}, surplus {surplus})",
    ),
    "finding.surplus_over_cap": (
        "{body}: số dư {surplus} vượt quá {cap} của {seats} chỗ "
        "(tối đa {most}, tức danh sách không quá {longest} người)",
        "{body}: surplus {surplus} exceeds {cap} of {seats} seats "
        "(at most {most}: a list of at most {longest})",
    ),
    "finding.may_not_stand": (
        "{body}: {name} là {membership}, không có quyền ứng cử",
        "{body}: {name} is {membership} and may not stand",
    ),
    "finding.slate_surplus.small_body": (
        "{body}: danh sách do cấp ủy giới thiệu có {slate} người cho {seats} chỗ; "
        "cơ quan {seats} người dư 1",
        "{body}: the committee's slate has {slate} for {seats} seats; "
        "a body of {seats} has a surplus of 1",
    ),
    "finding.slate_surplus.no_whole": (
        "{body}: không có số nguyên nào nằm trong {low}–{high} của {seats} chỗ; "
        "danh sách cấp ủy có {slate} người (dư {surplus})",
        "{body}: no whole number lies within {low}–{high} of {seats} seats; "
        "the committee's slate has {slate} (surplus {surplus})",
    ),
    "finding.slate_surplus": (
        "{body}: danh sách do cấp ủy giới thiệu phải dư {low}–{high} "
        "(tức {least}–{most} người), hiện có {slate}",
        "{body}: the committee's slate must carry a {low}–{high} surplus "
        "({least}–{most} names), it has {slate}",
    ),
    "finding.floor_support_unknown": (
        "{body}: {name} được đề cử/ứng cử tại đại hội; chưa có số đại biểu đồng ý giới thiệu",
        "{body}: {name} was nominated from the floor; no 'support' figure to check",
    ),
    "finding.floor_support": (
        "{body}: {name} chỉ được {support}/{attending} đại biểu đồng ý giới thiệu; "
        "cần hơn {share}, tức ít nhất {need}",
        "{body}: {name} has the support of {support} of {attending} attending; "
        "more than {share} is needed, at least {need}",
    ),
    "finding.nominee_not_admitted": (
        "{body}: {name} không được đưa vào danh sách theo kết quả lấy phiếu giới thiệu "
        "({poll}: cần ít nhất {needed}/{attending} phiếu, trong giới hạn số dư)",
        "{body}: {name} was not admitted by the nomination poll ({poll}: at least "
        "{needed} of {attending} needed, within the list's cap)",
    ),
    "finding.admitted_not_on_list": (
        "{body}: {name} được đưa vào danh sách theo kết quả lấy phiếu ({poll}) nhưng chưa có "
        "trong danh sách bầu cử",
        "{body}: {name} was admitted by the poll ({poll}) but is not on the ballot list",
    ),
    "finding.no_majority_possible": (
        "{body}: chỉ có {present} người có mặt, không ai có thể đạt quá {majority} của {base} "
        "(cần {threshold} phiếu)",
        "{body}: only {present} present; nobody can get more than {majority} of {base} "
        "({threshold} votes needed)",
    ),
    "finding.below_quorum": (
        "Có mặt {present}/{summoned}, dưới {quorum} số được triệu tập",
        "Present {present} of {summoned}, below {quorum} of those summoned",
    ),
    "finding.issued_over_present": (
        "{body}, lần {round}: phát ra {issued} phiếu nhưng chỉ có {present} người có mặt",
        "{body}, round {round}: {issued} ballots issued but only {present} present",
    ),
    "finding.not_entered": ("{message} {hint}.", "{message} {hint}."),
    # --- findings of the plan checks (plan_checks.py)
    "text.join": ("{first}{second}", "{first}{second}"),
    "text.comma": ("{head}, {last}", "{head}, {last}"),
    "target.women": ("Nữ", "Women"),
    "target.youth": ("Trẻ", "Young"),
    "target.ethnic_minority": ("Dân tộc thiểu số", "Ethnic minority"),
    "target.renewal": ("Tham gia lần đầu (đổi mới)", "First-time members (renewal)"),
    "target.age_below": ("Dưới {age} tuổi", "Under {age}"),
    "target.attribute": ("Thuộc nhóm '{attr}'", "Attribute '{attr}'"),
    "finding.target_unreachable": (
        "{body}: {label} — đề án cần ít nhất {need} người trong {seats} ({bound}), "
        "danh sách bầu cử chỉ có {able}",
        "{body}: {label} — the plan wants at least {need} of {seats} ({bound}); "
        "the list has only {able}",
    ),
    "finding.seats_mismatch.list": (
        "{body}: bầu {seats} người, đề án được duyệt là {planned}",
        "{body}: {seats} seats are being filled; the approved plan has {planned}",
    ),
    "finding.seats_mismatch": (
        "{body}: trúng cử {n}/{planned} người theo đề án",
        "{body}: {n} of the {planned} planned seats filled",
    ),
    "finding.seats_mismatch.tail": (
        "{body}: trúng cử {n}/{planned} người theo đề án{tail}",
        "{body}: {n} of the {planned} planned seats filled{tail}",
    ),
    "finding.seats_mismatch.open": ("; còn {open} chỗ trống", "; {open} seat(s) open"),
    "finding.seats_mismatch.tied": (
        ", {names} ngang phiếu: bầu lại",
        ", {names} tied: a re-vote is due",
    ),
    "finding.age_limit": (
        "{body}: {name} (sinh {born}) {done}; đề án quy định {what} đối với {sex} phải sinh từ "
        "{cutoff} trở về sau",
        "{body}: {name} (born {born}) {done}; the plan's cut-off for {what} of {sex} is born on "
        "or after {cutoff}",
    ),
    "finding.age_limit.months": (
        "{body}: {name} (sinh {born}) {done}; đề án quy định {what} đối với {sex} phải sinh từ "
        "{cutoff} trở về sau (còn ít nhất {months} tháng công tác)",
        "{body}: {name} (born {born}) {done}; the plan's cut-off for {what} of {sex} is born on "
        "or after {cutoff} (at least {months} months of working time left)",
    ),
    "age.elected": ("trúng cử", "is elected"),
    "age.listed": ("có tên trong danh sách bầu cử", "is on the list"),
    "age.reelection": ("tái cử", "re-election"),
    "age.first_time": ("tham gia lần đầu", "first-time membership"),
    "age.M": ("nam", "men"),
    "age.F": ("nữ", "women"),
    "finding.structure_short": (
        "{body}: {label} {count}/{n}; {plan} {want} — thiếu {short}{close}",
        "{body}: {label} {count} of {n}; {plan} wants {want} — short by {short}{close}",
    ),
    "plan.word.party": ("đề án", "the plan"),
    "plan.word.state": ("dự kiến cơ cấu", "the expected composition"),
    "want.count": ("ít nhất {need} người", "at least {need}"),
    "want.share": ("ít nhất {need} người ({bound})", "at least {need} ({bound})"),
    "close.some": (
        ". Người đạt {passed} nhưng không trúng cử có thể bù: {who}",
        ". Passed {passed} but not elected, and would close it: {who}",
    ),
    "close.none": (
        ". Không có người nào đạt {passed} mà chưa trúng cử để bù",
        ". Nobody who passed {passed} and was not elected would close it",
    ),
    "passed.half": ("quá một nửa", "the threshold"),
    "passed.share": ("quá {majority}", "more than {majority}"),
    "close.who": ("{name} ({votes} phiếu)", "{name} ({votes} votes)"),
    "finding.structure_over": (
        "{body}: {label} {count}/{n}; {plan} tối đa {bound}",
        "{body}: {label} {count} of {n}; {plan} allows at most {bound}",
    ),
    "finding.person_data_missing": (
        "{body}: thiếu thông tin để đối chiếu {plan} — {who}",
        "{body}: the file does not say enough to check {plan} — {who}",
    ),
    "finding.off_plan_elected": (
        "{body}: {name} trúng cử nhưng không có trong danh sách của đề án",
        "{body}: {name} is elected but not on the plan's slate",
    ),
    "finding.off_plan_elected.post": (
        "{post} ({ids}): {name} trúng cử, đề án là {planned}",
        "{post} ({ids}): {name} is elected; the plan names {planned}",
    ),
    "finding.plan_member_not_elected": (
        "{body}: {name} có trong đề án nhưng không trúng cử",
        "{body}: {name} is on the plan's slate but was not elected",
    ),
    "finding.plan_member_not_elected.tied": (
        "{body}: {name} có trong đề án nhưng đang ngang phiếu, chờ bầu lại",
        "{body}: {name} is on the plan's slate but is tied, a re-vote is due",
    ),
    "finding.chain_violation": (
        "{body}: {name} trúng cử nhưng không trúng cử {parent}",
        "{body}: {name} is elected but was not elected to the {parent}",
    ),
    "finding.post_not_elected": ("{head}{tail}", "{head}{tail}"),
    "post.head": (
        "{name}, đề án: {post}, {state} {body}",
        "{name}, planned {post}, {state} the {body}",
    ),
    "post.head.own": (
        "{name}, đề án: {post}, không trúng cử {post} ({ids})",
        "{name}, planned {post}, was not elected ({ids})",
    ),
    "post.state.tied": ("đang ngang phiếu ở", "is tied for the last seat of"),
    "post.state.tied_own": ("đang ngang phiếu ở cuộc bầu", "is tied in the election of"),
    "post.state.passed": (
        "đạt {votes} phiếu ({passed}) nhưng ngoài số cần bầu, không trúng cử",
        "passed {passed} with {votes} votes but ranked below the seats, was not elected to",
    ),
    "post.state.not_elected": ("không trúng cử", "was not elected to"),
    "post.pause": (
        " → cuộc bầu {next} phải tạm dừng, báo cáo Ban Thường vụ cấp ủy cấp trên và chỉ tiếp tục "
        "khi có ý kiến chỉ đạo",
        " → the election of the {next} pauses: report to the higher standing committee "
        "and continue only on its direction",
    ),
    "post.pause.held": (
        " → cuộc bầu {next} phải tạm dừng, báo cáo Ban Thường vụ cấp ủy cấp trên và chỉ tiếp tục "
        "khi có ý kiến chỉ đạo (cuộc bầu này đã tiến hành: hồ sơ cần có ý kiến chỉ đạo đó)",
        " → the election of the {next} pauses: report to the higher standing committee "
        "and continue only on its direction (that election has been held: the direction must "
        "be on file)",
    ),
    "post.report": (
        " → báo cáo Ban Thường vụ cấp ủy cấp trên",
        " → report to the higher standing committee",
    ),
    # ===========================================================================================
    # entry app: the full-screen ballot entry app (tui/app.py): its header, counts, keys,
    # pause and fix screens. A key has three labels, from the longest to the shortest; the
    # footer shows the longest that fits.
    "tui.entered": ("Phiếu đã nhập", "Ballots entered"),
    "tui.collected": ("thu vào", "collected"),
    "tui.issued": ("phát ra", "issued"),
    "tui.valid": ("Hợp lệ", "Valid"),
    "tui.invalid": ("Không hợp lệ", "Invalid"),
    "tui.last": ("Vừa ghi", "Last"),
    "tui.none_yet": ("chưa có phiếu", "none yet"),
    "tui.round": ("Lần", "Round"),
    "tui.seats": ("Cần bầu", "Seats"),
    "tui.operator": ("Người nhập", "Operator"),
    "tui.journal": ("Nhật ký", "Journal"),
    "tui.tally": ("Kết quả tạm tính", "Running tally"),
    "tui.tally_shown": ("đang hiện", "shown"),
    "tui.tally_hidden": ("ẩn", "hidden"),
    "tui.ballot": ("Phiếu", "Ballot"),
    "tui.confirm_prompt": ("⚠ Enter = ghi KHÔNG HỢP LỆ", "⚠ Enter = commit INVALID"),
    "tui.paused": ("TẠM DỪNG", "PAUSED"),
    "tui.paused_hint": (
        "Phiếu và số liệu được che. Ctrl+P, hoặc gõ :resume rồi Enter, để tiếp tục.",
        "Ballots and counts are hidden. Ctrl+P, or type :resume and Enter, to go on.",
    ),
    "tui.paused_refuse": ("đang tạm dừng: Ctrl+P để tiếp tục", "paused: Ctrl+P to go on"),
    "tui.fix_title": ("Sửa phiếu đã nhập", "Correct an entered ballot"),
    "tui.fix_hint": (
        "Số phiếu, Enter: dòng nhập hiện dấu đang ghi để sửa. Esc: thôi.",
        "Its serial, Enter: the input line gets its marks to edit. Esc: cancel.",
    ),
    "tui.fix_placeholder": ("số phiếu", "serial"),
    "tui.write_failed": (
        "LỖI GHI NHẬT KÝ — dòng này CHƯA được ghi",
        "JOURNAL WRITE FAILED — NOT saved",
    ),
    "tui.retry": ("sửa lỗi rồi Enter để thử lại", "fix the cause, then Enter to retry"),
    "tui.halted": (
        "nhật ký có thể có một dòng ghi dở: thoát (Ctrl+Q) rồi mở lại tally enter — dòng dở sẽ được để riêng; đối chiếu phiếu cuối với giấy",
        "the journal may hold a half-written line: quit (Ctrl+Q) and run tally enter again — the half line is moved aside; check the last ballot against the paper",
    ),
    "tui.halted_quit": (
        "Thoát, không ghi thêm vào nhật ký.",
        "Quit without writing to the journal.",
    ),
    "tui.clear_hint": ("Esc: xoá dòng", "Esc: clear the line"),
    "tui.strike_out_ballot": ("Phiếu gạch tên", "Strike-out ballot"),
    "tui.agree_disagree_ballot": ("Phiếu đồng ý / không đồng ý", "Agree / disagree ballot"),
    "tui.no_ballot_yet": ("chưa có phiếu #{serial}", "no ballot #{serial} yet"),
    "tui.ballot_name_struck_out": ("PHIẾU BẦU — ✗ tên bị gạch", "BALLOT — ✗ name struck out"),
    "tui.ballot_disagree_both_boxes": (
        "PHIẾU BẦU — ✗ không đồng ý · ? cả hai ô hoặc không ô nào",
        "BALLOT — ✗ disagree · ? both boxes or neither",
    ),
    "tui.right_running_tally": (" · số bên phải: kết quả tạm tính", " · right: running tally"),
    "tui.ctrl_q_quit_every": (
        "Ctrl+Q để thoát; mỗi phiếu đã ghi vào nhật ký ngay khi nhập",
        "Ctrl+Q to quit; every ballot is in the journal as soon as it is entered",
    ),
    "tui.new_journal": ("Nhật ký mới: ", "New journal: "),
    "tui.last_ballot": ("phiếu cuối", "last"),
    "tui.resumed": (
        "Tiếp tục nhật ký: đã có {n} phiếu{tail}",
        "Resumed: {n} ballots already in the journal{tail}",
    ),
    "tui.resumed_one": (
        "Tiếp tục nhật ký: đã có {n} phiếu{tail}",
        "Resumed: {n} ballot already in the journal{tail}",
    ),
    "tui.key.not_issued": ("Không phát ra", "Not issued"),
    "tui.key.not_issued.short": ("Không phát", "Not issued"),
    "tui.key.not_issued.shortest": ("K.phát", "Not issued"),
    "tui.key.write_in": ("Ghi thêm tên", "Write-in"),
    "tui.key.write_in.short": ("Ghi tên", "Write-in"),
    "tui.key.write_in.shortest": ("Ghi tên", "Write-in"),
    "tui.key.marked": ("Đánh dấu", "Marked"),
    "tui.key.marked.short": ("Đánh dấu", "Marked"),
    "tui.key.marked.shortest": ("Đ.dấu", "Marked"),
    "tui.key.clear": ("Xoá dòng", "Clear line"),
    "tui.key.clear.short": ("Xoá dòng", "Clear"),
    "tui.key.clear.shortest": ("Xoá", "Clear"),
    "tui.key.undo": ("Hoàn tác", "Undo"),
    "tui.key.undo.short": ("Hoàn tác", "Undo"),
    "tui.key.undo.shortest": ("Hoàn tác", "Undo"),
    "tui.key.fix": ("Sửa phiếu", "Fix a ballot"),
    "tui.key.fix.short": ("Sửa", "Fix"),
    "tui.key.fix.shortest": ("Sửa", "Fix"),
    "tui.key.pause": ("Tạm dừng", "Pause"),
    "tui.key.pause.short": ("Dừng", "Pause"),
    "tui.key.pause.shortest": ("Dừng", "Pause"),
    "tui.key.tally": ("Kết quả tạm tính", "Running tally"),
    "tui.key.tally.short": ("Tạm tính", "Tally"),
    "tui.key.tally.shortest": ("Tạm tính", "Tally"),
    "tui.key.quit": ("Thoát", "Quit"),
    "tui.key.quit.short": ("Thoát", "Quit"),
    "tui.key.quit.shortest": ("Thoát", "Quit"),
    "tui.key.resume": ("Tiếp tục", "Resume"),
    "tui.key.resume.short": ("Tiếp tục", "Resume"),
    "tui.key.resume.shortest": ("Tiếp tục", "Resume"),
    "tui.reason.not_issued": ("không phát ra", "not issued"),
    "tui.reason.too_many_kept": ("quá số lượng", "too many kept"),
    "tui.reason.all_struck": ("gạch hết", "all struck"),
    "tui.reason.write_in": ("ghi thêm tên", "write-in"),
    "tui.reason.marked": ("đánh dấu", "marked"),
    "tui.reason.no_choice": ("không lựa chọn", "no choice"),
    # === end of entry app
    # ===========================================================================================
    # entry: the entry session's answers (entry/session.py), the plain mode, reconcile and
    # export (cli/entry.py) and the comparison of journals (entry/reconcile.py)
    "entry.not_position": ("'{token}' không phải số thứ tự", "'{token}' is not a position"),
    "entry.out_of_range_one": (
        "không có số {token}: phiếu có {n} tên",
        "there is no {token}: the ballot has {n} name",
    ),
    "entry.out_of_range": (
        "không có số {token}: phiếu có {n} tên",
        "there is no {token}: the ballot has {n} names",
    ),
    "entry.position_typed_twice": ("số {token} gõ hai lần", "position {token} is typed twice"),
    "entry.not_a_reason": (
        "'{text}' không phải lý do: !n (không do Ban kiểm phiếu phát ra), !w (ghi thêm tên), !m (có đánh dấu)",
        "'{text}' is not a reason: !n (not issued), !w (name written in), !m (marked)",
    ),
    "entry.empty_line": (
        "gõ 0 cho phiếu không gạch tên nào",
        "type 0 for a ballot with nothing struck",
    ),
    "entry.slash_on_strike": (
        "'/' chỉ dùng cho phiếu đồng ý/không đồng ý; phiếu này gạch tên",
        "'/' is for agree/disagree ballots; names on this ballot are struck out",
    ),
    "entry.row_twice": (
        "dòng {both} vừa không đồng ý vừa không hợp lệ",
        "row {both} is both disagree and unusable",
    ),
    "entry.valid_keeps_names": (
        "hợp lệ — giữ {kept}/{n_candidates} tên",
        "valid — keeps {kept} of {n_candidates} names",
    ),
    "entry.valid_agrees_with": ("hợp lệ — đồng ý {kept}", "valid — agrees with {kept}"),
    "entry.invalid": ("KHÔNG HỢP LỆ", "INVALID"),
    "entry.usage_fix_serial_marks": ("cách dùng: :fix SỐ-PHIẾU DẤU", "usage: :fix SERIAL MARKS"),
    "entry.no_command": ("không có lệnh '{text}'", "no command '{text}'"),
    "entry.no_serial_after": ("không có số phiếu sau #", "no serial after #"),
    "entry.not_a_serial": (
        "'{serial}' không phải số phiếu: dùng chữ số 0–9 (và chữ cái không dấu, - . /), tối đa 24 ký tự",
        "'{serial}' is not a serial: use the digits 0–9 (and unaccented letters, - . /), 24 characters at most",
    ),
    "entry.enter_again_commit_invalid": (
        "Enter lần nữa để ghi phiếu không hợp lệ",
        "Enter again to commit it as invalid",
    ),
    "entry.no_ballot_yet": ("chưa có phiếu #{serial}", "no ballot #{serial} yet"),
    "entry.retyped": (
        "phiếu đang chờ ({pending}) không được ghi; ",
        "the pending ballot ({pending}) was not entered; ",
    ),
    "entry.paused_refused": (
        "đang tạm dừng: gõ :resume để tiếp tục",
        "paused: type :resume to go on",
    ),
    "entry.nothing_undo": ("không có gì để hoàn tác", "nothing to undo"),
    "entry.removed_ballot": ("bỏ phiếu #{serial} ({now})", "removed ballot #{serial} ({now})"),
    "entry.ballot_back": ("phiếu #{serial} trở lại {before}", "ballot #{serial} back to {before}"),
    "entry.undone": ("Hoàn tác: ", "Undone: "),
    "entry.already_paused": ("đã tạm dừng", "already paused"),
    "entry.paused_done": ("Tạm dừng. Gõ :resume để tiếp tục.", "Paused. Type :resume to go on."),
    "entry.not_paused": ("không tạm dừng", "not paused"),
    "entry.resumed": ("Tiếp tục.", "Resumed."),
    "entry.running_tally_shown": ("Hiện kết quả tạm tính", "Running tally shown"),
    "entry.running_tally_hidden": ("Ẩn kết quả tạm tính", "Running tally hidden"),
    "entry.entry_stopped_journal_saved": (
        "Đã dừng nhập; nhật ký đã lưu.",
        "Entry stopped; the journal is saved.",
    ),
    "entry.already_entered": (
        "phiếu #{serial} đã nhập ({marks}); sửa bằng :fix {serial} …",
        "ballot #{serial} is already entered ({marks}); correct it with :fix {serial} …",
    ),
    "entry.enter_again_commit_retype": (
        "Enter lần nữa để ghi, hoặc gõ lại",
        "Enter again to commit, or retype it",
    ),
    "entry.corrected": ("✓ sửa", "✓ corrected"),
    "entry.torn_ballot": (" (phiếu #{serial})", " (ballot #{serial})"),
    "entry.torn": (
        "CHÚ Ý: nhật ký kết thúc giữa mục{number}{what}; phần dở đã được chuyển sang {moved_aside}. Mất điện khi đang ghi chỉ để lại điều này cho một mục mà màn hình CHƯA xác nhận (✓). Nếu màn hình đã xác nhận mục này thì nhật ký đã bị cắt: đối chiếu với mã cuối mà Ban kiểm phiếu đã ghi (tally verify --journal … --head …).",
        "ATTENTION: the journal ended inside entry{number}{what}; the fragment was moved aside to {moved_aside}. A power cut while writing leaves this only for an entry the screen had NOT confirmed (✓). If the screen did confirm it, the journal was cut: compare with the head the board wrote down (tally verify --journal … --head …).",
    ),
    "entry.paper.collected": ("thu vào", "collected"),
    "entry.paper.issued": ("phát ra", "issued"),
    "entry.excess": (
        "CẢNH BÁO: đã nhập {entered} phiếu, nhiều hơn {of} phiếu {paper} — tìm phiếu bị nhập hai lần (:undo, :fix)",
        "WARNING: {entered} ballots entered, more than the {of} {paper} — look for a ballot entered twice (:undo, :fix)",
    ),
    "entry.head_note": (
        "Mã cuối nhật ký: {head} · {n} phiếu — ghi vào biên bản; tally verify --journal … --head … kiểm tra nhật ký vẫn kết thúc tại đây",
        "Journal head: {head} · {n} ballots — write it on the minutes; tally verify --journal … --head … checks the journal still ends here",
    ),
    "entry.summary": (
        "Đã nhập {entered} phiếu (hợp lệ {valid}, không hợp lệ {invalid_total})",
        "Entered {entered} ballots (valid {valid}, invalid {invalid_total})",
    ),
    "entry.summary_paper": ("; {paper} {of}.", "; {of} {paper}."),
    "entry.short": (
        "cảnh báo: đã nhập {entered} phiếu, {paper} {of}: còn {missing} phiếu chưa nhập",
        "warning: {entered} ballots entered, {of} {paper}: {missing} not entered",
    ),
    "entry.head_ends_there": (
        "✓ {name} vẫn kết thúc tại mã đã ghi {written} ({now} phiếu).",
        "✓ {name} still ends at the recorded head {written} ({now} ballots).",
    ),
    "entry.head_continues": (
        "✗ {name} có thêm {after} mục sau mã đã ghi {written}: {then} phiếu lúc ghi mã, {now} phiếu bây giờ. Nhật ký đã được ghi tiếp sau khi chép mã; Ban kiểm phiếu xem lại các mục này trong nhật ký nhập phiếu.",
        "✗ {name} has {after} more entries after the recorded head {written}: {then} ballots when it was recorded, {now} now. The journal was written to after the head was copied; the board reviews those entries in the entry log.",
    ),
    "entry.head_missing": (
        "✗ {name} không có mã đã ghi {written}: nhật ký đã bị sửa hoặc cắt bớt sau khi chép mã (hoặc mã chép sai). Bây giờ nhật ký có {now} phiếu, mã cuối {head}.",
        "✗ {name} does not contain the recorded head {written}: the journal was edited or cut short after the head was copied (or the head was miscopied). It now holds {now} ballots, head {head}.",
    ),
    "entry.shared_operator": (
        "{first} và {second} đều do {who} nhập: nhập kép độc lập cần những người nhập khác nhau",
        "{first} and {second} were both entered by {who}: blind double entry needs different operators",
    ),
    "entry.shift.lacking": (
        "{lacking} không có phiếu ứng với phiếu #{serial} của {having}",
        "{lacking} has nothing for {having}'s #{serial}",
    ),
    "entry.shift.one": (
        "; phiếu #{l1} của {lacking} khớp với #{h1} của {having}",
        "; {lacking}'s #{l1} matches {having}'s #{h1}",
    ),
    "entry.shift.range": (
        "; các phiếu #{l1}–#{l2} của {lacking} khớp với #{h1}–#{h2} của {having}",
        "; {lacking}'s #{l1}–#{l2} match {having}'s #{h1}–#{h2}",
    ),
    "entry.method.entry_order": (
        "Số phiếu chỉ là thứ tự nhập (không gõ #số): các nhật ký được so khớp theo dấu trên phiếu, nên một phiếu bị bỏ sót hay nhập hai lần chỉ là một chỗ khác nhau.",
        "The serials are only the entry order (no #serial typed): the journals are aligned by their marks, so a ballot skipped or entered twice is one difference.",
    ),
    "entry.method.typed": (
        "Các nhật ký được so theo số phiếu đã gõ (#số).",
        "The journals are compared by the serials typed (#serial).",
    ),
    "entry.counts": (
        "Khớp: {agreed} phiếu. Khác nhau: {n_differences}.",
        "Identical: {agreed} ballots. Different: {n_differences}.",
    ),
    "entry.strike_out_names": ("gạch tên", "strike out names"),
    "entry.agree_disagree": ("đồng ý / không đồng ý", "agree / disagree"),
    "entry.round_seats": (
        "lần {round}, bầu {seats}, {layout}",
        "round {round}, {seats} seats, {layout}",
    ),
    "entry.plain_counts": (
        "[đã nhập {entered} · hợp lệ {valid} · không hợp lệ {invalid_total}]",
        "[entered {entered} · valid {valid} · invalid {invalid_total}]",
    ),
    "entry.plain_resumed": (
        "Tiếp tục: đã có {n_ballots} phiếu",
        "Resumed: {n_ballots} ballots already entered",
    ),
    "entry.last": ("phiếu cuối", "last"),
    "entry.write_failed": (
        "không ghi được nhật ký ({reason}); phiếu này CHƯA được ghi",
        "could not write the journal ({reason}); this ballot is NOT entered",
    ),
    "entry.namesake": (
        "lưu ý: {name} là nhật ký của người nhập khác ({owner}); nhật ký của {operator} là {journal}",
        "note: {name} is another operator's journal ({owner}); {operator}'s journal is {journal}",
    ),
    "entry.add_ballots_hint": (
        "thêm 'ballots: {path}' vào lần bầu {round_no} của '{contest_id}' trong election.yaml",
        "add 'ballots: {path}' to round {round_no} of '{contest_id}' in election.yaml",
    ),
    "entry.journal": ("nhật ký: {journal}", "journal: {journal}"),
    "entry.reconciling_journals": (
        "Đối chiếu {n_sources} nhật ký",
        "Reconciling {n_sources} journals",
    ),
    "entry.round": ("lần {round}", "round {round}"),
    "entry.ballots": ("{n_ballots} phiếu", "{n_ballots} ballots"),
    "entry.head": ("mã cuối", "head"),
    "entry.missing": ("(không có)", "(missing)"),
    "entry.not_ballot": ("không phải phiếu", "not a ballot"),
    "entry.resolved_by": ("{by} quyết định: {chosen}", "resolved by {by}: {chosen}"),
    "entry.resolution_stale": (
        "quyết định của {by} đã cũ: nhật ký đã thay đổi, cần quyết định lại",
        "{by}'s resolution is stale: a journal changed since; resolve it again",
    ),
    "entry.warning": ("cảnh báo: ", "warning: "),
    "entry.not_reconciled_head": (
        "Không đối chiếu: nhật ký không còn như lúc Ban kiểm phiếu chép mã.",
        "Not reconciled: a journal is not as it was when the board copied its head.",
    ),
    "entry.unsettled": (
        "Chưa ghi tệp phiếu: còn {n_unsettled} chỗ khác nhau. Xem phiếu giấy rồi ghi quyết định, ví dụ: --resolve {serial}='…' --by 'Họ tên'",
        "No ballots file written: {n_unsettled} difference(s) remain. Look at the paper ballot and record the decision, e.g. --resolve {serial}='…' --by 'Full Name'",
    ),
    "entry.agreed_no_output": (
        "Các nhật ký khớp; thêm -o FILE để ghi tệp phiếu.",
        "The journals agree; add -o FILE to write the ballots file.",
    ),
    # === end of entry
    # ===========================================================================================
    # entry log: the board's record of every journal (entry/log.py)
    "entry_log.local": (" (giờ máy)", " (local)"),
    "entry_log.strike_out_names": ("gạch tên", "strike out names"),
    "entry_log.agree_disagree": ("đồng ý / không đồng ý", "agree / disagree"),
    "entry_log.ballot_entry_log": ("NHẬT KÝ NHẬP PHIẾU", "BALLOT ENTRY LOG"),
    "entry_log.contest": ("Cuộc bầu", "Contest"),
    "entry_log.round_heading": ("Lần bầu", "Round"),
    "entry_log.seats": ("Số cần bầu", "Seats"),
    "entry_log.names_ballot": ("Số người trong danh sách", "Names on the ballot"),
    "entry_log.ballot_layout": ("Kiểu phiếu", "Ballot layout"),
    "entry_log.ballots_issued": ("Số phiếu phát ra", "Ballots issued"),
    "entry_log.ballots_collected": ("Số phiếu thu vào", "Ballots collected"),
    "entry_log.clock": (
        "Thời gian theo đồng hồ của máy nhập phiếu.",
        "Times are those of the entry computer's clock.",
    ),
    "entry_log.clock_zone": (
        "Thời gian theo đồng hồ của máy nhập phiếu (UTC{zone}).",
        "Times are those of the entry computer's clock (UTC{zone}).",
    ),
    "entry_log.journal_file": ("Tệp nhật ký", "Journal file"),
    "entry_log.operators": ("Người nhập", "Operator(s)"),
    "entry_log.first_entry": ("Mục đầu tiên", "First entry"),
    "entry_log.last_entry": ("Mục cuối cùng", "Last entry"),
    "entry_log.ballots_entered": ("Số phiếu đã nhập", "Ballots entered"),
    "entry_log.corrections": ("Sửa", "Corrections"),
    "entry_log.undos": ("Hoàn tác", "Undos"),
    "entry_log.pauses": ("Tạm dừng", "Pauses"),
    "entry_log.head_hash": ("Mã băm cuối (SHA-256)", "Head hash (SHA-256)"),
    "entry_log.head_hash_note": (
        "Mã băm cuối là mã SHA-256 của mục cuối cùng, mà mỗi mục lại chứa mã băm của mục trước nó, nên mã này gắn với toàn bộ nhật ký: mọi thay đổi về sau đối với nhật ký (sửa, xóa, thêm hay đổi thứ tự một dòng) đều làm mã này thay đổi.",
        "The head hash is the SHA-256 of the last entry, and every entry holds the hash of the one before it, so this hash commits to the whole journal: any later change to the journal (editing, removing, adding or reordering a line) changes it.",
    ),
    "entry_log.chain_note": (
        "Chuỗi mã băm tự nó chỉ phát hiện sửa đổi vô ý; người cố ý sửa có thể tính lại mọi mã, và các dòng bị cắt khỏi cuối tệp không để lại dấu vết. Vì vậy Ban kiểm phiếu ghi mã cuối và số phiếu vào văn bản đã ký; lệnh tally verify --journal TỆP --head MÃ cho biết nhật ký có còn kết thúc đúng tại mã đó không.",
        "The chain by itself shows accidental changes only: a deliberate editor can recompute every hash, and lines cut off the end leave no trace. So the board writes the head hash and the number of ballots on the signed paper; tally verify --journal FILE --head HASH says whether the journal still ends exactly there.",
    ),
    "entry_log.invalid": ("{ballots} ({invalid} không hợp lệ)", "{ballots} ({invalid} invalid)"),
    "entry_log.no_stop": (
        "Nhật ký không kết thúc bằng lệnh dừng: việc nhập bị gián đoạn hoặc chưa xong.",
        "The journal does not end with a stop: entry was interrupted or is not finished.",
    ),
    "entry_log.torn": (
        "Cuối tệp có một dòng ghi dở ({torn} byte) chưa được xác nhận; dòng này không thuộc nhật ký và không được tính.",
        "The file ends with a half-written line ({torn} bytes) that was never confirmed; it is not part of the journal and is not counted.",
    ),
    "entry_log.seq": ("Mục", "Seq"),
    "entry_log.time": ("Thời gian", "Time"),
    "entry_log.operator_column": ("Người nhập", "Operator"),
    "entry_log.action": ("Thao tác", "Action"),
    "entry_log.serial": ("Số phiếu", "Serial"),
    "entry_log.marks_typed": ("Dấu đã gõ", "Marks typed"),
    "entry_log.judgement": ("Đánh giá", "Judgement"),
    "entry_log.none": ("(chưa có)", "(none)"),
    "entry_log.open": ("Mở nhật ký", "Open"),
    "entry_log.start": ("Bắt đầu", "Start"),
    "entry_log.resumed": ("Tiếp tục sau khi dừng", "Resumed"),
    "entry_log.after_interruption": (
        " (lần trước bị gián đoạn, không có lệnh dừng)",
        " (after an interruption)",
    ),
    "entry_log.ballot": ("Nhập phiếu", "Ballot"),
    "entry_log.ballot_scanned": ("Phiếu đọc từ ảnh quét", "Ballot read from a scan"),
    "entry_log.ballot_reviewed": (
        "Phiếu để riêng, người quyết định",
        "Page set aside, decided by a person",
    ),
    "entry_log.review_start": (
        "Bắt đầu quyết định phiếu để riêng",
        "Start of the decision on pages set aside",
    ),
    "entry_log.scan_times": (
        "Các mục do máy đọc ảnh quét ghi mang ngày đại hội, không phải giờ đồng hồ (đọc lại "
        "cùng các ảnh cho đúng nhật ký ấy); quyết định của người xem phiếu để riêng mang giờ "
        "đồng hồ.",
        "The entries the scan reader wrote carry the congress's date, not a clock's time "
        "(reading the same images again gives the same journal); the decisions on pages set "
        "aside carry the clock's time.",
    ),
    "entry_log.correction": ("Sửa phiếu", "Correction"),
    "entry_log.undo": ("Hoàn tác", "Undo"),
    "entry_log.undoes": (" mục {undoes}", " of entry {undoes}"),
    "entry_log.removed_ballot": (
        ": bỏ phiếu #{serial} ({took})",
        ": removed ballot #{serial} ({took})",
    ),
    "entry_log.ballot_back_from": (
        ": phiếu #{serial} từ {took} trở lại {back}",
        ": ballot #{serial} back from {took} to {back}",
    ),
    "entry_log.pause": ("Tạm dừng", "Pause"),
    "entry_log.resume": ("Tiếp tục", "Resume"),
    "entry_log.tally_shown": ("Hiện kết quả tạm tính", "Tally shown"),
    "entry_log.tally_hidden": ("Ẩn kết quả tạm tính", "Tally hidden"),
    "entry_log.stop": ("Dừng", "Stop"),
    "entry_log.resolution": ("Quyết định", "Resolution"),
    "entry_log.cannot_be_judged": ("không đánh giá được: ", "cannot be judged: "),
    "entry_log.journals_compared": ("So khớp các nhật ký", "The journals compared"),
    "entry_log.difference": ("Chỗ khác nhau", "Difference"),
    "entry_log.note": ("Ghi chú", "Note"),
    "entry_log.identical": ("{count} phiếu khớp", "{count} identical"),
    "entry_log.nothing": ("— (không có)", "— (nothing)"),
    "entry_log.marks_differ": ("dấu khác nhau", "marks differ"),
    "entry_log.versions_entered": ("Các bản đã nhập", "Versions entered"),
    "entry_log.decision": ("Quyết định", "Decision"),
    "entry_log.decided_by": ("Người quyết định", "Decided by"),
    "entry_log.not_entered": ("(không có)", "(not entered)"),
    "entry_log.not_ballot_serial_dropped": (
        "không phải phiếu (bỏ số này)",
        "not a ballot (serial dropped)",
    ),
    "entry_log.replaced_by_entry": (
        " — thay bằng mục {superseded_by}",
        " — replaced by entry {superseded_by}",
    ),
    "entry_log.resolutions_intro": (
        "Những số phiếu mà các nhật ký ghi khác nhau, đã được người có tên đối chiếu với phiếu giấy và quyết định. Một quyết định sau về cùng số phiếu thay cho quyết định trước.",
        "The serials the journals disagree on, checked against the paper ballot and decided by the person named. A later decision on the same serial replaces an earlier one.",
    ),
    "entry_log.imprint": (
        "Nhật ký do {wrote} ghi · Bản in do tally {version} lập",
        "Journals written by {wrote} · Printed by tally {version}",
    ),
    "entry_log.operator": ("NGƯỜI NHẬP", "OPERATOR"),
    "entry_log.head_counting_board": ("TRƯỞNG BAN KIỂM PHIẾU", "HEAD OF THE COUNTING BOARD"),
    "entry_log.journals": ("Tổng hợp các nhật ký", "The journals"),
    "entry_log.every_entry": ("Chi tiết từng nhật ký", "Every entry"),
    "entry_log.resolutions": ("Quyết định về các chênh lệch", "Resolutions"),
    "entry_log.no_resolutions_yet": ("Chưa có quyết định nào.", "No resolutions yet."),
    "entry_log.file": ("Tệp", "File"),
    "entry_log.round": ("lần {round}", "round {round}"),
    # === end of entry log
    # ===========================================================================================
    # tables: terminal and export tables and their headings (report/rich_text.py,
    # report/export.py, cli/)
    "table.strike_out": ("gạch tên", "strike-out"),
    "table.agree_disagree": ("đồng ý/không", "agree/disagree"),
    "table.conference": ("hội nghị", "conference"),
    "table.congress": ("đại hội", "congress"),
    "table.level": ("Mức", "Level"),
    "table.code": ("Mã", "Code"),
    "table.finding": ("Nội dung", "Finding"),
    "table.rule": ("Căn cứ", "Rule"),
    "table.severity.error": ("LỖI", "ERROR"),
    "table.severity.warning": ("CẢNH BÁO", "WARNING"),
    "table.severity.info": ("THÔNG TIN", "INFO"),
    "table.no_problems": ("Không có lỗi.", "No problems found."),
    "table.errors_and_warnings": (
        "{errors} lỗi, {warnings} cảnh báo.",
        "{errors} error(s), {warnings} warning(s).",
    ),
    "table.no_errors": ("Không có lỗi; {warnings} cảnh báo.", "No errors; {warnings} warning(s)."),
    "table.checks_before_vote": ("Kiểm tra trước khi bầu", "Checks before the vote"),
    "table.contest": ("Cuộc bầu", "Contest"),
    "table.seats": ("Cần bầu", "Seats"),
    "table.list": ("Danh sách", "List"),
    "table.surplus": ("Số dư", "Surplus"),
    "table.ballot": ("Phiếu", "Ballot"),
    "table.base": ("Cơ sở tính", "Base"),
    "table.needs": ("Cần ít nhất", "Needs"),
    "table.unverified_rules": (
        "* Quy định có dấu * là cách hiểu chưa được kiểm chứng với văn bản (I: suy luận, U: mặc định).",
        "* Rules marked * rest on a reading not verified in the text (I: inferred, U: default).",
    ),
    "table.title": ("Tên", "Title"),
    "table.family": ("Loại", "Family"),
    "table.family.party": ("Đảng", "party"),
    "table.family.state": ("Nhà nước", "state"),
    "table.family.mass_organisation": ("Tổ chức chính trị - xã hội", "mass organisation"),
    "table.extends": ("mở rộng từ: {base}", "extends: {base}"),
    "table.current": (
        "(giữ cho tệp cũ; hiện hành: {current})",
        "(kept for older files; current: {current})",
    ),
    "table.instruments": ("Văn bản", "Instruments"),
    "table.rules.regulations": (
        "Bộ quy tắc theo văn bản quy định",
        "Rule sets of the regulations",
    ),
    "table.rules.templates": (
        "Mẫu bộ quy tắc cho các tổ chức chính trị - xã hội (chưa kiểm chứng: sao chép rồi sửa "
        "theo quy định của tổ chức mình)",
        "Rule-set templates for the mass organisations (not verified: copy one and correct it "
        "to your organisation's regulation)",
    ),
    "table.template": (
        "Đây là mẫu, không phải văn bản quy định đã kiểm chứng: các tham số dựa trên quy định "
        "địa phương (S) hoặc là mặc định chưa kiểm chứng (U). Sao chép tệp {id}.yaml vào thư mục "
        "cuộc bầu cử, sửa từng tham số theo quy định của tổ chức mình, rồi ghi rules: {id}.yaml.",
        "This is a template, not a verified regulation: its parameters rest on local rules (S) "
        "or are unverified defaults (U). Copy {id}.yaml into the election folder, correct each "
        "parameter to your organisation's regulation, then write rules: {id}.yaml.",
    ),
    "table.parameter": ("Tham số", "Parameter"),
    "table.value": ("Giá trị", "Value"),
    "table.citation": ("Căn cứ", "Citation"),
    "table.provenance_key": (
        "V: đã kiểm chứng trong văn bản · S: kiểm chứng qua nguồn thứ cấp · I: suy luận · U: mặc định chưa kiểm chứng",
        "V verified in the text · S verified from a secondary source · I inferred · U unverified default",
    ),
    "table.round": ("lần", "round"),
    "table.voted": ("Đã bỏ phiếu", "Voted"),
    "table.issued": ("Phát ra", "Issued"),
    "table.collected": ("Thu vào", "Collected"),
    "table.valid": ("Hợp lệ", "Valid"),
    "table.invalid": ("Không hợp lệ", "Invalid"),
    "table.number": ("STT", "No."),
    "table.name": ("Họ và tên", "Name"),
    "table.votes": ("Số phiếu", "Votes"),
    "table.pct_of_base": ("% cơ sở", "% of base"),
    "table.result": ("Kết quả", "Result"),
    "table.elected_by_votes": (
        "Trúng cử (theo số phiếu từ cao đến thấp): ",
        "Elected (by votes, high to low): ",
    ),
    "table.hint": ("gợi ý", "hint"),
    "table.unverified_results": (
        "Kết quả dựa trên các cách hiểu chưa kiểm chứng (I: suy luận, U: mặc định):",
        "Results rest on readings not verified in the text (I: inferred, U: default):",
    ),
    "table.plan_heading": (
        "Đối chiếu kết quả với đề án nhân sự",
        "The result against the personnel plan",
    ),
    "table.no_plan": (
        "Không có đề án nhân sự (plan:) trong election.yaml: chỉ kiểm tra quy chế.",
        "No personnel plan (plan:) in election.yaml: the rules are checked, not a plan.",
    ),
    "table.plan_approved_by": ("Đề án được phê duyệt", "Plan approved by"),
    # A state election (Luật 85/2015 Điều 8, 9): the intended structure and composition of the
    # deputies, not a party personnel plan.
    "table.plan_heading.state": (
        "Đối chiếu kết quả với dự kiến cơ cấu, thành phần đại biểu",
        "The result against the intended structure and composition of the deputies",
    ),
    "table.no_plan.state": (
        "Không có dự kiến cơ cấu, thành phần (plan:) trong election.yaml: chỉ kiểm tra luật bầu cử.",
        "No intended structure and composition (plan:) in election.yaml: the election law is "
        "checked, not a plan.",
    ),
    "table.plan_approved_by.state": (
        "Dự kiến cơ cấu, thành phần của",
        "Intended structure and composition by",
    ),
    "table.elected": ("Trúng cử", "Elected"),
    "table.outcome": ("Kết quả", "Outcome"),
    "table.target": ("Cơ cấu", "Target"),
    "table.plan": ("Đề án", "Plan"),
    "table.plan.state": ("Dự kiến", "Expected"),
    "table.needed": ("Cần", "Needed"),
    "table.met": ("Đạt", "Met"),
    "table.unknown": (" (+{unknown} chưa rõ)", " (+{unknown} unknown)"),
    "table.met_yes": ("đạt", "yes"),
    "table.not_met": ("chưa đạt", "no"),
    "table.general": ("Chung", "General"),
    "table.plan_matches": (
        "Kết quả đúng đề án và quy chế.",
        "The result matches the plan and the rules.",
    ),
    "table.plan_incomplete": (
        "Chưa kiểm phiếu xong ({waiting}): chưa thể đối chiếu đầy đủ với đề án.",
        "Not all counted yet ({waiting}): the check against the plan is incomplete.",
    ),
    "table.plan_not_reconciled": (
        "Số liệu kiểm phiếu không khớp: kết quả không được công nhận, chưa thể đối chiếu đầy đủ.",
        "The figures of the count do not reconcile: no result is accepted, the check is incomplete.",
    ),
    "table.notes": ("{infos} ghi chú.", "{infos} note(s)."),
    "table.summary": ("Tổng hợp", "Summary"),
    "table.seats_long": ("Số cần bầu", "Seats"),
    "table.registered_voters": ("Cử tri trong danh sách", "Registered voters"),
    "table.present": ("Có mặt", "Present"),
    "table.ballots_issued": ("Số phiếu phát ra", "Ballots issued"),
    "table.ballots_collected": ("Số phiếu thu vào", "Ballots collected"),
    "table.valid_ballots": ("Số phiếu hợp lệ", "Valid ballots"),
    "table.invalid_ballots": ("Số phiếu không hợp lệ", "Invalid ballots"),
    "table.votes_needed_be_elected": ("Số phiếu cần để trúng cử", "Votes needed to be elected"),
    "table.round_heading": ("Lần", "Round"),
    "table.pct": ("Tỷ lệ %", "% of base"),
    "table.rules": ("Quy chế", "Rules"),
    "table.tool": ("Công cụ", "Tool"),
    "table.id": ("Mã", "Id"),
    "table.body": ("Cuộc bầu", "Body"),
    "table.elected_count": ("Số trúng cử", "Elected"),
    "table.inputs": ("Dữ liệu đầu vào", "Inputs"),
    "table.file": ("Tệp", "File"),
    "table.warning": ("cảnh báo", "warning"),
    # --- tally verify ELECTION --fingerprint: one fingerprint per round (fingerprint.py)
    "table.verify.matches": (
        "✓ Khớp: {short} là mã kiểm tra của biên bản {contest}, vòng {round} — các tệp của vòng bầu này đúng là các tệp đã dùng để lập biên bản.",
        "✓ Matches: {short} is the fingerprint of the minutes of {contest}, round {round} — that round's files are the ones the minutes were made from.",
    ),
    "table.verify.differs": (
        "✗ Không khớp: {given} không phải mã kiểm tra của vòng bầu nào trong {n} vòng bầu đã nhập phiếu — các tệp đã khác so với khi lập biên bản, hoặc mã bị chép sai. Đã so với:",
        "✗ Does not match: {given} is the fingerprint of none of the {n} rounds whose ballots are entered — the files differ from those the minutes were made from, or the code was copied wrong. Compared with:",
    ),
    "table.verify.differs.one": (
        "✗ Không khớp: {given} không phải mã kiểm tra của vòng bầu duy nhất đã nhập phiếu — các tệp đã khác so với khi lập biên bản, hoặc mã bị chép sai. Đã so với:",
        "✗ Does not match: {given} is not the fingerprint of the one round whose ballots are entered — the files differ from those the minutes were made from, or the code was copied wrong. Compared with:",
    ),
    "table.verify.no_rounds": (
        "✗ Không khớp: chưa vòng bầu nào được nhập phiếu, nên {given} không thể là mã kiểm tra của biên bản nào.",
        "✗ Does not match: no round has its ballots entered yet, so {given} can be the fingerprint of no minutes.",
    ),
    "table.verify.round": ("{short}  {contest}, vòng {round}", "{short}  {contest}, round {round}"),
    "table.verify.typo": (
        "Có phải mã {short} ({contest}, vòng {round})? Mã đã nhập chỉ khác mã đó ở nhóm thứ {group}: có thể một chữ số bị đọc hoặc gõ nhầm.",
        "Did you mean {short} ({contest}, round {round})? The code given differs from it in group {group} only: a digit misread or mistyped?",
    ),
    "table.verify.files": (
        "Các tệp hiện nay và SHA-256 của chúng:",
        "The files as they are now, with their SHA-256:",
    ),
    "table.recounting": ("Kiểm phiếu lại", "Recounting"),
    "table.checked_elections": (
        "Đã kiểm {n} cuộc bầu cử trong {secs} giây.",
        "Checked {n} elections in {secs} s.",
    ),
    "table.bug": ("LỖI CHƯƠNG TRÌNH", "BUG"),
    "table.figures_do_not_reconcile": ("Số liệu không khớp", "Figures do not reconcile"),
    "table.bad_input": ("Lỗi dữ liệu", "Bad input"),
    "table.timed_out": ("Quá thời gian", "Timed out"),
    "table.election": ("Cuộc bầu cử", "Election"),
    "table.contests": ("Số cuộc bầu", "Contests"),
    "table.errors_warnings": ("Lỗi / cảnh báo", "Errors / warnings"),
    "table.exit": ("Mã thoát", "Exit"),
    "table.exit_short": ("mã", "exit"),
    "table.batch_summary": (
        "{elections} cuộc bầu cử · {counts_line} → mã thoát {exit_code} (nặng nhất, theo thứ tự {order})",
        "{elections} elections · {counts_line} → exit code {exit_code} (the most serious, in the order {order})",
    ),
    "table.simulating": ("Mô phỏng", "Simulating"),
    "table.simulated.kind": ("Loại", "Kind"),
    "table.simulated.elections": ("Bầu cử", "Elections"),
    "table.simulated.contests": ("Cuộc bầu", "Contests"),
    "table.simulated.rounds": ("Lần bầu", "Rounds"),
    "table.simulated.ballots": ("Phiếu", "Ballots"),
    "table.simulated.ties": ("Ngang phiếu", "Ties"),
    "table.simulated.shortfalls": ("Thiếu người", "Shortfalls"),
    "table.simulated.vote_due": ("Còn phải bầu", "Vote due"),
    "table.total": ("Cộng", "Total"),
    # === end of tables
    # =========================================================================================
    # documents: the print kit (documents/) and the minutes (minutes/). Every visible word of
    # the minutes, chosen once in minutes/model.py; the three formats only lay them out.
    # --- the kit
    "doc.sign_hint": ("(Ký, ghi rõ họ tên)", "(Signature and full name)"),
    "doc.page": ("Trang ", "Page "),
    "doc.fingerprint": ("Mã kiểm tra", "Fingerprint"),
    "doc.rehearsal": ("DIỄN TẬP", "REHEARSAL"),
    "doc.date": ("{where}ngày {day} tháng {month} năm {year}", "{where}{day} {month} {year}"),
    "doc.date.where": ("{locality}, ", "{locality}, "),
    "doc.month.1": ("1", "January"),
    "doc.month.2": ("2", "February"),
    "doc.month.3": ("3", "March"),
    "doc.month.4": ("4", "April"),
    "doc.month.5": ("5", "May"),
    "doc.month.6": ("6", "June"),
    "doc.month.7": ("7", "July"),
    "doc.month.8": ("8", "August"),
    "doc.month.9": ("9", "September"),
    "doc.month.10": ("10", "October"),
    "doc.month.11": ("11", "November"),
    "doc.month.12": ("12", "December"),
    # --- the minutes: the heading and the title
    "minutes.header.party": ("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM"),
    "minutes.header.state": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
    "minutes.header.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "minutes.title": ("BIÊN BẢN KIỂM PHIẾU", "MINUTES OF THE COUNT"),
    "minutes.contest": ("Bầu {body}", "Election of the {body}"),
    "minutes.election": ("{name} (lần {round})", "{name} (round {round})"),
    "minutes.congress_term": ("{congress}, nhiệm kỳ {term}", "{congress}, term {term}"),
    "minutes.place": ("Địa điểm: {place}", "Place: {place}"),
    # --- the counting board: the party's words, the state's words
    "minutes.board.party": ("BAN KIỂM PHIẾU", "COUNTING BOARD"),
    "minutes.board.state": ("TỔ BẦU CỬ", "ELECTION TEAM"),
    "minutes.board_intro.party": ("Ban kiểm phiếu gồm các đồng chí:", "The counting board:"),
    "minutes.board_intro.state": ("Tổ bầu cử gồm:", "The election team:"),
    "minutes.role.head.party": ("Trưởng ban", "head"),
    "minutes.role.head.state": ("Tổ trưởng", "head"),
    "minutes.role.member": ("Thành viên", "member"),
    "minutes.board_line": ("{name} — {role}", "{name} — {role}"),
    "minutes.sign.head.party": ("TRƯỞNG BAN KIỂM PHIẾU", "HEAD OF THE COUNTING BOARD"),
    "minutes.sign.head.state": ("TỔ TRƯỞNG TỔ BẦU CỬ", "HEAD OF THE ELECTION TEAM"),
    "minutes.sign.members": ("CÁC THÀNH VIÊN", "MEMBERS"),
    # --- the sections
    "minutes.section": ("{number}. {title}", "{number}. {title}"),
    "minutes.section.figures": ("Kết quả kiểm phiếu", "The count"),
    "minutes.section.votes": (
        "Số phiếu bầu cho từng người (theo thứ tự trong danh sách bầu cử)",
        "Votes per candidate (in ballot order)",
    ),
    "minutes.section.elected": (
        "Những người trúng cử (theo số phiếu từ cao đến thấp)",
        "Elected (most votes first)",
    ),
    "minutes.section.rules": ("Căn cứ", "Rules applied"),
    # --- the table heads
    "minutes.head.item": ("Nội dung", "Item"),
    "minutes.head.number": ("Số lượng", "Number"),
    "minutes.head.no": ("STT", "No."),
    "minutes.head.name": ("Họ và tên", "Full name"),
    "minutes.head.votes": ("Số phiếu", "Votes"),
    "minutes.head.pct": ("Tỷ lệ %", "% of base"),
    "minutes.head.result": ("Kết quả", "Result"),
    # --- the figures; who is present is said in the words of the meeting
    "minutes.fig.seats": ("Số lượng cần bầu", "Seats to fill"),
    "minutes.fig.registered": ("Tổng số cử tri", "Registered voters"),
    "minutes.fig.base": ("Số dùng làm cơ sở tính kết quả", "Base for the majority"),
    "minutes.fig.threshold": ("Số phiếu cần để trúng cử", "Votes needed to be elected"),
    "minutes.fig.present.members_congress": ("Số đảng viên có mặt", "Members present"),
    "minutes.fig.present.delegates_congress": ("Số đại biểu có mặt", "Delegates present"),
    "minutes.fig.present.committee_conference": ("Số ủy viên có mặt", "Committee members present"),
    "minutes.fig.present.constituency": ("Số cử tri có mặt", "Voters present"),
    "minutes.fig.issued": ("Số phiếu phát ra", "Ballots issued"),
    "minutes.fig.collected": ("Số phiếu thu vào", "Ballots collected"),
    "minutes.fig.valid": ("Số phiếu hợp lệ", "Valid ballots"),
    "minutes.fig.invalid": ("Số phiếu không hợp lệ", "Invalid ballots"),
    "minutes.fig.reason": ("– {reason}", "– {reason}"),
    # --- the sentences around the figures (the sentences themselves come from the report)
    "minutes.base": ("Cơ sở tính kết quả: {text}.", "Base for the majority: {text}."),
    "minutes.base_equals": ("{label} = {base}", "{label} = {base}"),
    "minutes.outcome": ("Kết luận: {text}", "Outcome: {text}"),
    "minutes.pending": ("Kết quả chưa được chuẩn y.", "Results pending confirmation."),
    "minutes.pending.state": (
        "Tư cách người trúng cử chưa được xác nhận.",
        "The credentials of those elected are not confirmed yet.",
    ),
    "minutes.nobody_elected": ("Không có người trúng cử.", "Nobody was elected."),
    "minutes.no_candidates": ("Không có người ứng cử.", "No candidates."),
    "minutes.legend": (
        "V: đã kiểm chứng trong văn bản · S: kiểm chứng qua nguồn thứ cấp · I: suy luận · "
        "U: mặc định chưa kiểm chứng. * kết quả dựa trên cách hiểu chưa kiểm chứng; "
        "¹ ² …: cách hiểu ấy, xem ghi chú.",
        "V: verified in the text · S: verified from a secondary source · I: inferred · "
        "U: unverified default. * the result rests on a reading not verified in the text; "
        "¹ ² …: that reading, in the notes.",
    ),
    "minutes.imprint": (
        "{tool} · Bộ quy tắc: {rules} ({title}) · Mã kiểm tra:",
        "{tool} · Rule set: {rules} ({title}) · Fingerprint:",
    ),
    "minutes.imprint.full": ("SHA-256 của dữ liệu đầu vào:", "SHA-256 of the inputs:"),
    "minutes.rehearsal.paper": (
        "DIỄN TẬP — bản tập dượt, không phải biên bản chính thức: không ký.",
        "REHEARSAL — a trial print, not the official minutes: do not sign.",
    ),
    "minutes.rehearsal.hall": (
        "DIỄN TẬP — không phải kết quả chính thức.",
        "REHEARSAL — not the official result.",
    ),
    # --- the hall view and the chart
    "minutes.hall.seats": ("Số cần bầu: {seats}", "Seats: {seats}"),
    "minutes.hall.seats_needed": (
        "Số cần bầu: {seats} · Cần ít nhất {threshold} phiếu để trúng cử",
        "Seats: {seats} · {threshold} votes needed to be elected",
    ),
    "minutes.needed": ("Cần {threshold}", "Needed {threshold}"),
    "minutes.chart": (
        "Biểu đồ số phiếu của từng người theo thứ tự trong danh sách bầu cử; "
        "cần ít nhất {threshold} phiếu để trúng cử.",
        "Votes per candidate in ballot order; {threshold} votes needed to be elected.",
    ),
    # --- the minutes laid out like the boards' templates (issue 15): the time of the count,
    # the copies, the notes under the rules, the hall's figures, and the time typed in the file
    "minutes.clock": ("{hours} giờ {minutes} phút", "{hours}:{minutes}"),
    "minutes.clock.blank": ("…… giờ …… phút", "……:……"),
    "minutes.clock.day": ("{clock} {date}", "{clock} on {date}"),
    "minutes.began": ("Việc kiểm phiếu bắt đầu lúc {at}.", "The count began at {at}."),
    "minutes.ended": ("Việc kiểm phiếu kết thúc lúc {at}.", "The count ended at {at}."),
    "minutes.copies": (
        "Biên bản được lập thành {copies} bản.",
        "These minutes are made in {copies} copies.",
    ),
    "minutes.copies.blank": (
        "Biên bản được lập thành …… bản.",
        "These minutes are made in …… copies.",
    ),
    "minutes.notes": ("Ghi chú", "Notes"),
    "minutes.note": ("{reading}.", "{reading}."),
    "minutes.rule": ("{rule}: {cite} — {source}", "{rule}: {cite} — {source}"),
    "minutes.hall.ballots": (
        "Phiếu phát ra {issued} · thu vào {collected} · hợp lệ {valid} · không hợp lệ {invalid}",
        "Ballots issued {issued} · collected {collected} · valid {valid} · invalid {invalid}",
    ),
    "v.clock_time": (
        'giờ viết dạng GG:PP, ví dụ "09:10" (đang là {got})',
        'a time is written HH:MM, e.g. "09:10" (got {got})',
    ),
    # === end of documents
    # --- relations inside election.yaml (config/references.py)
    "ref.duplicate_person": (
        "mã người '{id}' bị lặp (đã có ở people[{other}])",
        "duplicate person id '{id}' (also people[{other}])",
    ),
    "ref.support_floor": (
        "'support' chỉ dành cho người được giới thiệu tại đại hội hoặc tự ứng cử",
        "'support' is for floor nominees and self-nominees only",
    ),
    "ref.duplicate_contest": ("mã cuộc bầu '{id}' bị lặp", "duplicate contest id '{id}'"),
    "ref.deputies_kind": (
        "cuộc bầu 'deputies' chỉ thuộc một đơn vị bầu cử (congress.kind: constituency)",
        "'deputies' contests belong to a constituency (congress.kind: constituency)",
    ),
    "ref.deputies_only": (
        "đơn vị bầu cử chỉ bầu 'deputies'",
        "a constituency elects 'deputies' only",
    ),
    "ref.assembly": (
        "đơn vị bầu cử phải ghi bầu vào cơ quan nào: national_assembly hoặc peoples_council",
        "a constituency must say which assembly: national_assembly or peoples_council",
    ),
    "ref.assembly.hint": (
        "thêm 'assembly: peoples_council' dưới congress",
        "add 'assembly: peoples_council' under congress",
    ),
    "ref.not_for_kind": (
        "không dùng cho {kind} (các khóa của nó: {keys})",
        "does not apply to a {kind} (its keys: {keys})",
    ),
    "ref.required_for": ("bắt buộc phải có với {kind}", "is required for a {kind}"),
    "ref.leave_more": (
        "số người ra khỏi cơ sở tính ({excluded}) nhiều hơn số được triệu tập ({summoned})",
        "those who leave the base ({excluded}) are more than the summoned ({summoned})",
    ),
    "ref.ex_officio_absent": (
        "số đại biểu đương nhiên vắng mặt ({absent}) nhiều hơn số đại biểu đương nhiên "
        "({ex_officio})",
        "more ex-officio delegates absent ({absent}) than ex-officio delegates ({ex_officio})",
    ),
    "ref.ex_officio_more": (
        "số đại biểu đương nhiên ({ex_officio}) nhiều hơn số được triệu tập ({summoned})",
        "ex-officio delegates ({ex_officio}) are more than the summoned ({summoned})",
    ),
    "ref.present_more": (
        "số có mặt khi bầu ({present}) nhiều hơn số được triệu tập ({summoned}) trừ số vắng mặt "
        "cả đại hội hoặc không tính vào cơ sở ({excluded})",
        "present at the vote ({present}) is more than the summoned ({summoned}) minus "
        "those absent all congress or excluded ({excluded})",
    ),
    "ref.present_more.hint": (
        "người vắng mặt cả đại hội không thể có mặt khi bầu",
        "someone absent for the whole congress cannot be present at the vote",
    ),
    "ref.conf_present_more": (
        "số có mặt ({present}) nhiều hơn số được triệu tập ({summoned})",
        "present ({present}) is more than the summoned ({summoned})",
    ),
    "ref.no_person": (
        "không có người nào mã '{id}' trong people",
        "no person with id '{id}' in people",
    ),
    "ref.twice_on_list": (
        "'{id}' có tên hai lần trong danh sách (số thứ tự {first} và {second})",
        "'{id}' is on the list twice (positions {first} and {second})",
    ),
    "ref.poll_for": (
        "nomination_poll cần 'for: <mã cuộc bầu>'",
        "a nomination_poll needs 'for: <contest id>'",
    ),
    "ref.poll_no_contest": (
        "không có cuộc bầu '{contest}' để giới thiệu người vào",
        "no contest '{contest}' to nominate for",
    ),
    "ref.poll_seats": (
        "nomination_poll không ghi số lượng cần bầu (giới hạn của danh sách quyết định)",
        "a nomination_poll has no seats (the list's cap decides)",
    ),
    "ref.for_poll_only": (
        "'for' chỉ dùng cho cuộc bầu nomination_poll",
        "'for' belongs to nomination_poll contests",
    ),
    "ref.no_conference": (
        "đơn vị bầu cử không có hội nghị",
        "a constituency has no conference",
    ),
    "ref.both_files": (
        "ghi 'ballots' hoặc 'tallies', không ghi cả hai",
        "give either 'ballots' or 'tallies', not both",
    ),
    "ref.cannot_use": (
        "không dùng được đường dẫn này ({reason}; {length:,} ký tự)",
        "cannot use this path ({reason}; {length:,} characters)",
    ),
    "ref.not_found": ("không tìm thấy tệp: {rel}", "file not found: {rel}"),
    "ref.not_a_file": ("không phải tệp: {rel}", "not a file: {rel}"),
    "ref.looked": ("đã tìm ở {path}", "looked for {path}"),
    "ref.other_sheets": (
        "đã tìm ở {path}; các biên bản khác của lần bầu này đều có: lập cả biên bản này, "
        "hoặc bỏ nó khỏi danh sách",
        "looked for {path}; the round's other tally sheets are there: "
        "write this one too, or take it off the list",
    ),
    "ref.issued": (
        "phải ghi số phiếu phát ra (issued) khi đã có phiếu để kiểm",
        "ballots issued is required once ballots are counted",
    ),
    "ref.first_round": (
        "lần bầu đầu dùng '{key}' của cuộc bầu; chỉ ghi '{key}' ở các lần bầu sau",
        "the first round uses the contest's {key}; give {key} only in later rounds",
    ),
    "ref.later_seats": (
        "lần bầu sau phải ghi số chỗ còn thiếu (seats)",
        "a later round must say how many seats are open",
    ),
    "ref.more_seats": (
        "số chỗ ({seats}) nhiều hơn số cần bầu của cuộc bầu ({contest_seats})",
        "more seats ({seats}) than the contest has ({contest_seats})",
    ),
    "ref.later_candidates": (
        "lần bầu sau phải liệt kê người ứng cử (candidates)",
        "a later round must list its candidates",
    ),
    "ref.not_candidate_of": (
        "'{id}' không phải người ứng cử của cuộc bầu '{contest}'",
        "'{id}' is not a candidate of contest '{contest}'",
    ),
    "ref.not_candidate_of.hint": (
        "lần bầu sau chỉ bầu trong số người ứng cử của cuộc bầu chưa trúng cử",
        "a later round chooses among the contest's candidates not yet elected",
    ),
    "ref.listed_twice": (
        "một người ứng cử có tên hai lần",
        "a candidate is listed twice",
    ),
    "ref.max_rounds.one": (
        "{rules} chỉ cho bầu thêm tối đa {most} lần ({cite})",
        "{rules} allows at most {most} later round ({cite})",
    ),
    "ref.max_rounds": (
        "{rules} chỉ cho bầu thêm tối đa {most} lần ({cite})",
        "{rules} allows at most {most} later rounds ({cite})",
    ),
    "ref.chain": (
        "'{id}' không có trong danh sách bầu '{parent}' (contests[{index}], '{contest}')",
        "'{id}' is not a candidate for the {parent} (contests[{index}], '{contest}')",
    ),
    "ref.chain.hint": (
        "'{body}' được bầu trong số thành viên '{parent}'",
        "the {body} is elected from the {parent}",
    ),
    "ref.no_bound": (
        "chỉ tiêu '{key}' không ghi 'min' cũng không ghi 'max'",
        "target '{key}' sets neither 'min' nor 'max'",
    ),
    "ref.no_bound.hint": ("vd. {{min: 15%}} hoặc {{min: 2}}", "e.g. {{min: 15%}} or {{min: 2}}"),
    "ref.youth_age": (
        "chỉ tiêu cán bộ trẻ cần 'age_below' (tuổi tính đến congress.date)",
        "the youth target needs 'age_below' (age on congress.date)",
    ),
    "ref.youth_age.hint": (
        "vd. youth: {{min: 10%, age_below: 40}}",
        "e.g. youth: {{min: 10%, age_below: 40}}",
    ),
    "ref.builtin_target": (
        "'{key}' là chỉ tiêu có sẵn, không đếm theo thuộc tính",
        "'{key}' is a built-in target and counts no attribute",
    ),
    "ref.builtin_target.hint": (
        "các chỉ tiêu khác đếm một thuộc tính của người: sci_tech: "
        "{{min: 5%, attribute: sci_tech}}",
        "other targets count a person attribute: sci_tech: {{min: 5%, attribute: sci_tech}}",
    ),
    # --- ballot files and tally sheets (ballots/, count.py)
    "marks.not_a_position": (
        "'{token}' không phải số thứ tự trên phiếu",
        "'{token}' is not a ballot position",
    ),
    "marks.not_a_position.hint": (
        "ghi số thứ tự bằng các chữ số 0-9 (1 = tên đầu tiên trên phiếu), cách nhau bằng dấu "
        "cách, '.', ',' hoặc '+'; 0 khi không gạch tên nào",
        "write the positions in the digits 0-9 (1 = first name on the ballot) separated "
        "by spaces, '.', ',' or '+'; 0 for nothing struck",
    ),
    "marks.out_of_range.one": (
        "không có số thứ tự {token}: phiếu có {names} tên",
        "position {token} is out of range: the ballot has {names} name",
    ),
    "marks.out_of_range": (
        "không có số thứ tự {token}: phiếu có {names} tên",
        "position {token} is out of range: the ballot has {names} names",
    ),
    "marks.twice": ("số thứ tự {token} được ghi hai lần", "position {token} is given twice"),
    "ballots.serial_twice": (
        "số phiếu '{serial}' có hai lần",
        "ballot serial '{serial}' appears twice",
    ),
    "ballots.serial_twice.hint": (
        "mỗi tờ phiếu chỉ nhập một lần; tìm phiếu bị nhập hai lần",
        "each paper ballot is entered once; look for a ballot entered twice",
    ),
    "ballots.unmarked_strike": (
        "cột 'unmarked' chỉ dùng cho phiếu đồng ý/không đồng ý; danh sách này có số dư, "
        "nên phiếu gạch tên",
        "'unmarked' is for agree/disagree ballots; this list has a surplus, "
        "so names are struck out",
    ),
    "ballots.struck_and_unmarked": (
        "dòng {row} vừa ở 'struck' (không đồng ý) vừa ở 'unmarked'",
        "row {row} is both 'struck' (disagree) and 'unmarked'",
    ),
    "ballots.struck_and_unmarked.hint": (
        "dòng đánh dấu không đồng ý ghi vào struck; đánh cả hai ô hoặc không ô nào thì ghi "
        "vào unmarked",
        "a row marked disagree goes in struck; both boxes or none in unmarked",
    ),
    "ballots.reason_unknown": (
        "không có lý do không hợp lệ '{reason}'",
        "unknown invalid reason '{reason}'",
    ),
    "ballots.reason_derived.hint": (
        "chương trình tự suy ra lý do này từ các dấu trên phiếu: để trống cột 'invalid'",
        "the tool derives this from the marks: leave 'invalid' empty",
    ),
    "ballots.reason_unknown.hint": (
        "dùng not_issued, write_in hoặc marked (hoặc n, w, m), hoặc để trống",
        "use not_issued, write_in or marked (or n, w, m), or leave it empty",
    ),
    "csv.unknown_column": ("không có cột '{column}'", "unknown column '{column}'"),
    "csv.not_a_header": (
        "dòng đầu không phải dòng tên cột của tệp phiếu bầu",
        "the first line is not a ballot file header",
    ),
    "csv.columns.hint": (
        "các cột là: `{columns}` (các cột 'ballot', 'unmarked' và 'invalid' không bắt buộc), "
        "cách nhau bằng ',', ';' hoặc dấu tab",
        "the columns are: {columns} (ballot, unmarked and invalid are "
        "optional), separated by ',', ';' or a tab",
    ),
    "csv.missing_column": ("thiếu cột '{column}'", "missing column '{column}'"),
    "csv.missing_column.hint": (
        "dòng đầu phải ghi tên các cột, vd. ballot,struck,unmarked,invalid",
        "the first line must name the columns, e.g. ballot,struck,unmarked,invalid",
    ),
    "csv.column_twice": ("cột '{column}' có hai lần", "column '{column}' appears twice"),
    "csv.excel.hint": (
        "lưu tệp dạng CSV UTF-8 — trong Excel: 'File › Save As › "
        "CSV UTF-8 (Comma delimited) (*.csv)', hoặc 'Unicode Text (*.txt)'",
        "save the file as CSV UTF-8 — in Excel: File › Save As › "
        "'CSV UTF-8 (Comma delimited) (*.csv)', or 'Unicode Text (*.txt)'",
    ),
    "csv.utf16_no_bom": (
        "là văn bản UTF-16 không có dấu thứ tự byte (BOM), không đọc chắc chắn được",
        "is UTF-16 text without a byte-order mark, which cannot be read reliably",
    ),
    "csv.not_utf16": (
        'không phải văn bản UTF-16 (trình giải mã báo: "{reason}")',
        "is not UTF-16 text ({reason})",
    ),
    "csv.not_utf8": (
        "không phải văn bản UTF-8 (byte 0x{byte}): có vẻ được lưu theo bảng mã của Windows "
        "('CSV (Comma delimited)' thường của Excel), tally không đọc loại này",
        "is not UTF-8 text (byte 0x{byte}): it looks saved in a Windows code page "
        "(Excel's plain 'CSV (Comma delimited)'), which tally does not read",
    ),
    "csv.empty": (
        "tệp rỗng; dòng đầu phải ghi tên các cột",
        "the file is empty; the first line must name the columns",
    ),
    "csv.malformed": (
        'CSV không hợp lệ (trình đọc CSV báo: "{reason}")',
        "malformed CSV: {reason}",
    ),
    "csv.width": (
        "cần {width} trường, nhưng có {found}",
        "expected {width} fields, found {found}",
    ),
    "csv.width.hint": (
        "các số thứ tự trong một trường cách nhau bằng dấu cách; "
        'trường có dấu phẩy thì đặt trong ngoặc kép: "3,5"',
        "positions inside a field are separated by spaces; "
        'a field with commas goes in quotes: "3,5"',
    ),
    "sheets.listed_twice": (
        "biên bản {name} được liệt kê hai lần: ở đây và ở {other}",
        "the tally sheet {name} is listed twice: here and at {other}",
    ),
    "sheets.listed_twice.hint": (
        "mỗi biên bản của một tổ kiểm phiếu chỉ liệt kê một lần",
        "list each counting group's sheet once",
    ),
    "sheets.second_sheet": (
        "tổ '{group}' có biên bản thứ hai: biên bản này và {other}",
        "group {group} has a second sheet: this one and {other}",
    ),
    "sheets.second_sheet.hint": (
        "mỗi tổ kiểm phiếu nộp một biên bản; chỉ liệt kê biên bản của chính tổ đó",
        "each counting group hands in one sheet; list only the group's own sheet",
    ),
    "sheets.same_figures": (
        "số liệu giống hệt biên bản của tổ '{group}' ở {other}: một xấp phiếu bị tính hai lần",
        "the same figures as the sheet of group {group} at {other}: a copy of one pile",
    ),
    "sheets.same_figures.hint": (
        "liệt kê biên bản riêng của từng tổ; nếu hai tổ thật sự có số liệu giống nhau, "
        "kiểm lại một xấp phiếu cho chắc",
        "list each group's own sheet; if two groups really counted identical "
        "figures, recount one of the piles to be sure",
    ),
    "sheets.reason": (
        "không có lý do không hợp lệ '{reason}' (các lý do: {known})",
        "unknown invalid reason '{reason}' (known: {known})",
    ),
    "sheets.not_on_ballot": (
        "'{id}' không có tên trên phiếu của lần bầu này",
        "'{id}' is not on this round's ballot",
    ),
    "sheets.no_votes": (
        "chưa ghi số phiếu của '{id}' (ghi 0 nếu không ai bầu)",
        "no votes given for '{id}' (write 0 if nobody voted for them)",
    ),
    "sheets.kept_range": ("n_k với k={k} vượt quá số tên", "n_k for k={k} is out of range"),
    # --- counting the rounds (engine.py)
    "engine.nothing_to_count": (
        "lần bầu này không có tệp phiếu bầu hay biên bản kiểm phiếu nào để kiểm",
        "this round has no ballots or tallies to count",
    ),
    "engine.nothing_to_count.hint": (
        "thêm 'ballots: ballots/<tệp>.csv' hoặc 'tallies: [...]'",
        "add 'ballots: ballots/<file>.csv' or 'tallies: [...]'",
    ),
    "engine.after_final": (
        "lần {round} đi sau một kết quả cuối cùng: không tổ chức bầu cử thêm ({cite})",
        "round {round} follows a final result: no further election is held ({cite})",
    ),
    "engine.rerun_list": (
        "lần {round} là bầu cử lại: bầu đủ {seats} đại biểu, với danh sách người ứng cử của lần "
        "đầu ({cite})",
        "round {round} is a re-run: all {seats} seat(s), with the first election's list of "
        "candidates ({cite})",
    ),
    "engine.rerun_not_after_void": (
        "lần {round} ghi 'rerun: true' nhưng lần trước không phải bầu cử lại do quá ít cử tri đi bầu",
        "round {round} says 'rerun: true' but the round before it is not void for low turnout",
    ),
    "engine.not_after": (
        "lần {round} đi sau một lần bầu có kết quả '{outcome}': chỉ khi bằng phiếu hoặc còn "
        "thiếu người mới bầu thêm",
        "round {round} follows a round whose outcome is '{outcome}': "
        "only a tie or open seats call for another vote",
    ),
    "engine.open_seats": (
        "lần {round} phải bầu đủ {open} chỗ còn thiếu (ở đây ghi {seats})",
        "round {round} must fill the {open} open seat(s) (it says {seats})",
    ),
    "engine.already_elected": ("'{id}' đã trúng cử", "'{id}' is already elected"),
    "engine.not_first_round": (
        "'{id}' không phải người ứng cử ở lần bầu đầu ({cite})",
        "'{id}' was not a candidate in the first round ({cite})",
    ),
    # --- simulate (simulate.py)
    "simulate.is_file": ("là một tệp, không phải thư mục", "is a file, not a folder"),
    "simulate.not_empty": (
        "thư mục không trống; các cuộc bầu cử mô phỏng không bao giờ ghi đè lên tệp đã có",
        "the folder is not empty; simulated elections are never written over existing files",
    ),
    "simulate.not_empty.hint": ("chọn một thư mục mới", "choose a new folder"),
    "simulate.not_empty.force_hint": (
        "chọn một thư mục mới, hoặc thêm --force để thay bộ mô phỏng đã có ở đó",
        "choose a new folder, or pass --force to replace the corpus simulated there",
    ),
    "simulate.not_a_corpus": (
        "--force chỉ thay một bộ mô phỏng do 'tally simulate' ghi (có {manifest}); "
        "thư mục này chứa các tệp khác",
        "--force only replaces a corpus written by 'tally simulate' (with {manifest}); "
        "this folder holds other files",
    ),
    "simulate.not_a_corpus.hint": (
        "chọn một thư mục mới hoặc thư mục trống",
        "choose a new or empty folder",
    ),
    # --- entry journals, resolutions and the entry log (entry/)
    "journal.changed.hint": (
        "nhật ký đã bị sửa ngoài tally; giữ bản này cho Ban kiểm phiếu "
        "và đối chiếu với các nhật ký khác",
        "the journal was changed outside tally; keep this copy for the board "
        "and compare it with the other journals",
    ),
    "journal.not_entry": (
        'không phải một mục nhật ký (trình đọc JSON báo: "{reason}")',
        "not a journal entry ({reason})",
    ),
    "journal.not_object": (
        "không phải một mục nhật ký (không phải một đối tượng JSON)",
        "not a journal entry (not a JSON object)",
    ),
    "journal.no_key": ("mục thiếu '{key}' hợp lệ", "entry without a valid '{key}'"),
    "journal.kind": ("không có loại mục '{kind}'", "unknown entry kind '{kind}'"),
    "journal.seq": (
        "mục số {got} ở chỗ lẽ ra là số {expected}: thiếu một mục",
        "entry number {got} where {expected} was expected: an entry is missing",
    ),
    "journal.chain": (
        "chuỗi bị đứt: 'prev' không phải mã băm của mục trước",
        "the chain is broken: 'prev' is not the hash of the entry before",
    ),
    "journal.hash": (
        "mục không khớp mã băm của nó: đã bị sửa",
        "the entry does not match its hash: it was edited",
    ),
    "journal.not_utf8": (
        "không phải văn bản UTF-8: không phải nhật ký của tally",
        "is not UTF-8 text: not a tally journal",
    ),
    "journal.empty": ("nhật ký rỗng", "the journal is empty"),
    "journal.no_complete": (
        "nhật ký không có mục nào trọn vẹn",
        "the journal has no complete entry",
    ),
    "journal.empty.hint": (
        "nhật ký nhập phiếu bắt đầu bằng dòng 'open' do 'tally enter' ghi",
        "an entry journal starts with its 'open' line, written by 'tally enter'",
    ),
    "journal.no_header": (
        "không phải nhật ký nhập phiếu của tally (không có dòng đầu 'open')",
        "not a tally entry journal (no 'open' header)",
    ),
    "journal.version": (
        "không hỗ trợ nhật ký định dạng phiên bản {version} (bản tally này đọc phiên bản {reads})",
        "journal format version {version} is not supported (this tally reads version {reads})",
    ),
    "journal.cannot_write": (
        "không ghi được nhật ký ({reason})",
        "cannot write the journal ({reason})",
    ),
    "journal.cannot_write.hint": (
        "kiểm tra đĩa hoặc USB ghi được và còn chỗ trống",
        "check that the disk or USB stick is writable and has free space",
    ),
    "journal.folder_is_file": (
        "không phải thư mục: các nhật ký được ghi vào một thư mục có tên này",
        "is not a folder: the journals go into a folder of this name",
    ),
    "journal.folder_is_file.hint": (
        "chuyển tệp có tên này đi chỗ khác",
        "move the file of this name aside",
    ),
    "journal.cannot_mkdir": (
        "không tạo được thư mục cho nhật ký ({reason})",
        "cannot create the folder for journals ({reason})",
    ),
    "journal.cannot_mkdir.hint": (
        "kiểm tra thư mục bầu cử nằm trên đĩa ghi được",
        "check that the election folder is on a writable disk",
    ),
    "journal.exists": ("đã có một nhật ký ở đây", "a journal already exists here"),
    "journal.locked": (
        "nhật ký đang mở trong một 'tally enter' khác",
        "the journal is open in another 'tally enter'",
    ),
    "journal.locked.hint": (
        "mỗi người nhập một nhật ký: đóng cửa sổ kia, hoặc cho người nhập này nhật ký riêng",
        "one operator per journal: close the other window, or give this operator their own journal",
    ),
    "journal.cannot_open": (
        "không mở được nhật ký ({reason})",
        "cannot open the journal ({reason})",
    ),
    "journal.after_failure": (
        "không ghi thêm mục nào được sau một lần ghi hỏng ({reason})",
        "no more entries can be written after a failed write ({reason})",
    ),
    "journal.after_failure.hint": (
        "thoát rồi chạy lại 'tally enter': nhật ký được kiểm tra và nhập tiếp "
        "sau mục cuối đã xác nhận",
        "quit and start 'tally enter' again: the journal is checked and resumed "
        "after its last confirmed entry",
    ),
    "journal.too_many_torn": (
        "có quá nhiều tệp dòng dở dang cạnh nhật ký",
        "too many torn-line files beside the journal",
    ),
    "journal.undo": (
        "lệnh hoàn tác mà trước đó không có gì để hoàn tác",
        "an undo with nothing before it to undo",
    ),
    "journal.changed_ballot": (
        "nhật ký này thuộc cuộc bầu '{contest}' lần {round} với {names} tên và {seats} chỗ, "
        "không phải lá phiếu election.yaml đang mô tả",
        "this journal is for contest '{contest}' round {round} with {names} names and "
        "{seats} seats, which is not the ballot election.yaml now describes",
    ),
    "journal.changed_ballot.hint": (
        "danh sách trên phiếu không được đổi khi đã bắt đầu nhập; dùng nhật ký của lá phiếu "
        "này, hoặc khôi phục election.yaml",
        "the ballot list must not change once entry has begun; "
        "use the journal of this ballot, or restore election.yaml",
    ),
    "entry.no_round": (
        "cuộc bầu '{contest}' không có lần {round} trong election.yaml",
        "contest '{contest}' has no round {round} in election.yaml",
    ),
    "entry.no_round.hint": (
        "thêm lần bầu (số chỗ, người ứng cử và số phiếu phát ra) trước khi nhập phiếu của nó",
        "add the round (its seats, its candidates and the ballots issued) before "
        "entering its ballots",
    ),
    "journal.is_resolutions": (
        "đây là tệp quyết định, không phải nhật ký nhập phiếu",
        "this is a resolutions file, not an entry journal",
    ),
    "journal.is_resolutions.hint": (
        "đưa tệp này vào bằng --resolutions",
        "pass it with --resolutions",
    ),
    "journal.is_resolutions.log_hint": (
        "đưa tệp này làm tệp quyết định của sổ nhập phiếu, không phải làm nhật ký",
        "give it as the resolutions of the log, not as a journal",
    ),
    "journal.not_resolutions": ("không phải tệp quyết định", "not a resolutions file"),
    "journal.not_resolutions.purpose": (
        "không phải tệp quyết định (dòng đầu không có purpose 'resolutions')",
        "not a resolutions file (its header has no purpose 'resolutions')",
    ),
    "journal.not_resolutions.hint": (
        "tệp quyết định là tệp 'tally reconcile' ghi cạnh các nhật ký",
        "the resolutions are the file 'tally reconcile' writes beside the journals",
    ),
    "journal.resolutions_for": (
        "các quyết định này thuộc cuộc bầu '{contest}' lần {round}, còn các nhật ký thuộc "
        "cuộc bầu '{journals_contest}' lần {journals_round}",
        "these resolutions are for contest '{contest}' round {round}, the journals for "
        "contest '{journals_contest}' round {journals_round}",
    ),
    "journal.resolutions_for.hint": (
        "đưa các quyết định của cùng lá phiếu",
        "give the resolutions of the same ballot",
    ),
    "journal.resolutions_other": (
        "các quyết định này thuộc một lá phiếu khác",
        "these resolutions are for another ballot",
    ),
    "journal.none": ("không có nhật ký nào để lập sổ", "no journal to print"),
    "journal.none.hint": (
        "ghi tên các nhật ký nhập phiếu (journals/*.jsonl)",
        "name the entry journals (journals/*.jsonl)",
    ),
    "journal.twice": ("cùng một nhật ký được đưa hai lần", "the same journal is given twice"),
    "journal.twice.hint": (
        "đưa nhật ký riêng của từng người nhập",
        "give each operator's own journal",
    ),
    "journal.other_ballot": (
        "nhật ký này thuộc cuộc bầu '{contest}' lần {round} ({names} tên, {seats} chỗ); "
        "{first} thuộc cuộc bầu '{first_contest}' lần {first_round} ({first_names} tên, "
        "{first_seats} chỗ)",
        "this journal is for contest '{contest}' round {round} ({names} names, {seats} seats); "
        "{first} is for contest '{first_contest}' round {first_round} ({first_names} names, "
        "{first_seats} seats)",
    ),
    "journal.other_ballot.hint": (
        "chỉ đối chiếu các nhật ký của cùng một lá phiếu",
        "reconcile only journals of the same ballot",
    ),
    "journal.other_ballot.log_hint": (
        "mỗi lá phiếu một sổ nhập phiếu: đưa các nhật ký của một cuộc bầu, một lần bầu",
        "one entry log per ballot: give the journals of one contest and round",
    ),
    "reconcile.too_few": (
        "đối chiếu cần hai hoặc ba nhật ký của cùng các phiếu",
        "reconcile needs two or three journals of the same ballots",
    ),
    "log.format": (
        "không biết định dạng của '{name}' theo tên của nó",
        "cannot tell the format of '{name}' from its name",
    ),
    "log.format.hint": (
        "đặt tên sổ nhập phiếu là .html (bản giấy) hoặc .md",
        "name the entry log .html (to print) or .md",
    ),
    "recount.cannot_read": (
        "không đọc được thư mục ({reason})",
        "cannot read the folder ({reason})",
    ),
    "recount.timeout": (
        "không xong trong {seconds} giây: đã dừng",
        "did not finish within {seconds} s: stopped",
    ),
    "recount.timeout.hint": (
        "một tệp không bao giờ kết thúc (một thiết bị, một đường ống) hoặc một ổ đĩa không "
        "còn trả lời; kiểm riêng bằng 'tally check {path}', hoặc cho thêm thời gian bằng "
        "--timeout",
        "a file that never ends (a device, a pipe) or a drive that stopped "
        "answering; check it alone with 'tally check {path}', or give it more time "
        "with --timeout",
    ),
    "recount.internal": ("lỗi nội bộ: {what}", "internal error: {what}"),
    "recount.internal.hint": (
        "lỗi của tally, không phải của các tệp: chạy 'tally --debug check {path}' và báo lỗi",
        "a bug in tally, not in the files: run 'tally --debug check {path}' and report it",
    ),
    # --- what a command wrote (stderr)
    "wrote.file": ("đã ghi {path}", "wrote {path}"),
    "init.next": (
        "Tiếp theo: sửa {path}, rồi chạy 'tally validate {folder}'.",
        "Next: edit {path}, then run 'tally validate {folder}'.",
    ),
    "wrote.entry_log": ("đã ghi nhật ký nhập phiếu: {path}", "wrote the entry log: {path}"),
    "wrote.ballots.one": ("đã ghi {n} phiếu vào {path}", "wrote {n} ballot to {path}"),
    "wrote.ballots": ("đã ghi {n} phiếu vào {path}", "wrote {n} ballots to {path}"),
    "wrote.agreed.one": (
        "Đã ghi {n} phiếu đã đối chiếu vào {path}",
        "Wrote {n} agreed ballot to {path}",
    ),
    "wrote.agreed": (
        "Đã ghi {n} phiếu đã đối chiếu vào {path}",
        "Wrote {n} agreed ballots to {path}",
    ),
    "wrote.elections.one": (
        "đã ghi {n} cuộc bầu cử vào {path}",
        "wrote {n} election to {path}",
    ),
    "wrote.elections": ("đã ghi {n} cuộc bầu cử vào {path}", "wrote {n} elections to {path}"),
    # --- the guided tally init (config/guided.py; issue 18): questions, refusals, comments
    "guided.kind": ("Loại cuộc bầu cử ({options})", "Kind of meeting ({options})"),
    "guided.assembly": ("Bầu đại biểu ({options})", "Deputies of ({options})"),
    "guided.assembly.peoples_council": ("Hội đồng nhân dân", "People's Council"),
    "guided.assembly.national_assembly": ("Quốc hội", "National Assembly"),
    "guided.organisation.members_congress": (
        "Tổ chức đảng (ví dụ: Đảng bộ xã Đông Lâm)",
        "Party organisation (e.g. Đảng bộ xã Đông Lâm)",
    ),
    "guided.organisation.delegates_congress": (
        "Tổ chức đảng (ví dụ: Đảng bộ huyện Yên Sơn)",
        "Party organisation (e.g. Đảng bộ huyện Yên Sơn)",
    ),
    "guided.organisation.committee_conference": (
        "Tổ chức đảng có Ban Chấp hành họp (ví dụ: Đảng bộ xã Đông Lâm)",
        "Party organisation whose committee meets (e.g. Đảng bộ xã Đông Lâm)",
    ),
    "guided.organisation.constituency": (
        "Đơn vị bầu cử (ví dụ: Đơn vị bầu cử số 2, phường Hòa Bình)",
        "Constituency (e.g. Đơn vị bầu cử số 2, phường Hòa Bình)",
    ),
    "guided.date": (
        "Ngày bầu cử (20/07/2025 hoặc 2025-07-20)",
        "Date of the vote (20/07/2025 or 2025-07-20)",
    ),
    "guided.name": ("Tên ghi trên biên bản", "Name as on the minutes"),
    "guided.name.members_congress": ("Đại hội {organisation}", "Đại hội {organisation}"),
    "guided.name.delegates_congress": (
        "Đại hội đại biểu {organisation}",
        "Đại hội đại biểu {organisation}",
    ),
    "guided.name.committee_conference": (
        "Hội nghị Ban Chấp hành {organisation}",
        "Hội nghị Ban Chấp hành {organisation}",
    ),
    "guided.name.constituency": ("Bầu cử tại {organisation}", "Bầu cử tại {organisation}"),
    "guided.rules.party": (
        "Bộ quy tắc: {rules} (chọn theo ngày bầu cử; đổi ở dòng 'rules:' nếu cần)",
        "Rule set: {rules} (chosen from the date; change the 'rules:' line if needed)",
    ),
    "guided.rules.constituency": (
        "Bộ quy tắc: {rules} (Luật Bầu cử hiện hành)",
        "Rule set: {rules} (the current election law)",
    ),
    "guided.figure.summoned": (
        "Số đảng viên chính thức (đại biểu chính thức) được triệu tập",
        "Full members (official delegates) summoned",
    ),
    "guided.figure.ex_officio": ("Số đại biểu đương nhiên", "Ex-officio delegates"),
    "guided.figure.present": ("Số có mặt lúc bầu cử", "Present at the vote"),
    "guided.figure.registered": (
        "Số cử tri trong danh sách cử tri",
        "Voters on the electoral roll",
    ),
    "guided.body.first": ("Bầu gì ({options})", "Which body is elected ({options})"),
    "guided.body": (
        "Bầu thêm ({options}; Enter nếu không còn)",
        "Another body ({options}; Enter when done)",
    ),
    "guided.seats": ("{body}: số lượng cần bầu", "{body}: seats to fill"),
    "guided.candidate": (
        "{body}: người thứ {n} trong danh sách (Enter khi đã đủ)",
        "{body}: candidate {n} (Enter when done)",
    ),
    "guided.sex": ("{name}: nam hay nữ", "{name}: male or female (nam/nữ)"),
    "guided.born": (
        "{name}: ngày sinh (Enter nếu chưa biết)",
        "{name}: date of birth (Enter if not known)",
    ),
    "guided.secretary": (
        "Đại hội bầu trực tiếp Bí thư? (c/k)",
        "Does the congress elect the secretary directly? (y/n)",
    ),
    "guided.target.women": (
        "Đề án: tỷ lệ nữ tối thiểu (15%, 1/3 hoặc số người; Enter nếu không có)",
        "Plan: least share of women (15%, 1/3 or a count; Enter for none)",
    ),
    "guided.target.youth": (
        "Đề án: tối thiểu dưới {below} tuổi (Enter nếu không có)",
        "Plan: least under {below} years of age (Enter for none)",
    ),
    "guided.target.ethnic_minority": (
        "Đề án: tối thiểu người dân tộc thiểu số (Enter nếu không có)",
        "Plan: least from ethnic minorities (Enter for none)",
    ),
    "guided.target.renewal": (
        "Đề án: tối thiểu tham gia lần đầu (Enter nếu không có)",
        "Plan: least elected for the first time (Enter for none)",
    ),
    "guided.bad_date": (
        "'{got}' không phải một ngày: viết 20/07/2025 hoặc 2025-07-20",
        "'{got}' is not a date: write 20/07/2025 or 2025-07-20",
    ),
    "guided.bad_count": (
        "'{got}' không phải một số nguyên không âm",
        "'{got}' is not a whole number of zero or more",
    ),
    "guided.bad_seats": ("số lượng cần bầu phải từ 1 trở lên", "seats must be 1 or more"),
    "guided.bad_yes": ("'{got}': trả lời c (có) hoặc k (không)", "'{got}': answer y or n"),
    "guided.empty": ("cần có câu trả lời", "an answer is needed"),
    "guided.bad_choice": (
        "'{got}' không có trong danh sách: trả lời một số từ 1 đến {count}",
        "'{got}' is not one of the options: answer a number from 1 to {count}",
    ),
    "guided.no_person": (
        "không có '{name}' trong danh sách nhân sự (people:)",
        "no '{name}' among the people (people:)",
    ),
    "guided.no_person.close": (
        "không có '{name}' trong danh sách nhân sự; có phải ý bạn là '{close}'?",
        "no '{name}' among the people; did you mean '{close}'?",
    ),
    "guided.bad_sex": ("'{got}': trả lời nam hoặc nữ", "'{got}': answer nam (male) or nữ (female)"),
    "guided.twice": ("{name} đã có trong danh sách này", "{name} is on this list already"),
    "guided.present_more": (
        "số có mặt {present} lớn hơn số được triệu tập {summoned}",
        "{present} present is more than the {summoned} summoned",
    ),
    "guided.bad_target": ("{reason}", "{reason}"),
    "guided.problem": ("Chưa được: {problem}", "Not accepted: {problem}"),
    "guided.next": (
        "Tiếp theo: chạy 'tally validate {folder}', rồi nhập phiếu: 'tally enter {folder} --contest {contest} --operator \"HỌ TÊN\"'.",
        "Next: run 'tally validate {folder}', then enter the ballots: 'tally enter {folder} --contest {contest} --operator \"NAME\"'.",
    ),
    "guided.c.head": (
        "Tạo bằng 'tally init' theo các câu trả lời. Kiểm tra: tally validate <thư mục>",
        "Written by 'tally init' from the answers. Check it: tally validate <folder>",
    ),
    "guided.c.rules": (
        "quy chế áp dụng: qd-190-2024 | qd-244-2014 | luat-bau-cu-2015-sd-2025",
        "the rule set: qd-190-2024 | qd-244-2014 | luat-bau-cu-2015-sd-2025",
    ),
    "guided.c.electorate.members_congress": (
        "Cơ sở tính kết quả: đảng viên chính thức được triệu tập (thêm attached_elsewhere, exempt_absent, … nếu có)",
        "The majority base: full members summoned (add attached_elsewhere, exempt_absent, … if any)",
    ),
    "guided.c.electorate.delegates_congress": (
        "Cơ sở tính kết quả: đại biểu được triệu tập (thêm absent_all_congress nếu có người vắng suốt đại hội)",
        "The majority base: delegates summoned (add absent_all_congress for those absent throughout)",
    ),
    "guided.c.electorate.committee_conference": (
        "Cơ sở tính kết quả: ủy viên Ban Chấp hành được triệu tập",
        "The majority base: committee members summoned",
    ),
    "guided.c.electorate.constituency": (
        "Số cử tri trong danh sách; số phiếu thu vào là số cử tri đã bỏ phiếu",
        "Voters on the roll; the ballots collected are the turnout",
    ),
    "guided.c.people": (
        "Danh sách nhân sự: id ngắn dùng trong các danh sách bầu cử",
        "The people: short ids used in the lists",
    ),
    "guided.c.contests": ("Các cuộc bầu", "The contests"),
    "guided.c.candidates": (
        "thứ tự trên phiếu bầu (theo vần tên)",
        "ballot order (by given name, Vietnamese alphabet)",
    ),
    "guided.c.at_congress": ("đại hội bầu trực tiếp", "elected directly by the congress"),
    "guided.c.issued": ("số phiếu phát ra", "ballots issued"),
    "guided.c.ballots": (
        "chưa có tệp = chưa nhập phiếu: tally enter <thư mục> --contest {contest}",
        "no file yet = not entered: tally enter <folder> --contest {contest}",
    ),
    "guided.c.plan": (
        "Đề án nhân sự: 'tally check' đối chiếu kết quả với các chỉ tiêu",
        "The personnel plan: 'tally check' compares the result with its targets",
    ),
    # --- click's usage errors, as tally shows them (cli/main.py)
    "click.help.hint": (
        "chạy '{command} --help' để xem cách dùng",
        "run '{command} --help' for help",
    ),
    "click.no_such_option": ("không có tùy chọn {name}", "No such option: {name}"),
    "click.no_such_command": ("không có lệnh {name}", "No such command {name}"),
    "click.missing": ("thiếu {param}", "Missing {param}."),
    "click.bad_value": (
        "giá trị không hợp lệ cho {param}: {text}",
        "Invalid value for {param}: {text}",
    ),
    "click.said": ('trình đọc dòng lệnh báo: "{detail}"', "{detail}"),
    "click.no_path": ("không có đường dẫn {path}", "Path '{path}' does not exist."),
    "click.is_directory": ("{path} là thư mục, không phải tệp", "File '{path}' is a directory."),
    "click.is_file": ("{path} là tệp, không phải thư mục", "Directory '{path}' is a file."),
    "click.not_readable": ("không đọc được {path}", "Path '{path}' is not readable."),
    "usage.json_format": ("--json và --format mâu thuẫn nhau", "--json and --format disagree"),
    "usage.xlsx_file": (
        "tệp xuất xlsx cần một tên tệp: -o ket-qua.xlsx",
        "an xlsx export needs a file: -o result.xlsx",
    ),
    "usage.o_format": ("-o chỉ dùng với --format csv hoặc xlsx", "-o is for --format csv or xlsx"),
    "usage.hall_html": ("bản trình chiếu chỉ có dạng HTML", "the hall view is HTML only"),
    "usage.no_counted": (
        "cuộc bầu '{contest}' chưa có lần bầu nào được kiểm",
        "contest '{contest}' has no counted round yet",
    ),
    "usage.choose_round": (
        "cuộc bầu '{contest}' có {rounds} lần bầu: chọn một lần bầu bằng --round",
        "contest '{contest}' has {rounds} rounds: choose one with --round",
    ),
    "usage.no_counted_round": (
        "cuộc bầu '{contest}' không có lần {round} đã kiểm",
        "contest '{contest}' has no counted round {round}",
    ),
    "usage.docx_stdout": (
        "tệp .docx không thể xuất ra màn hình: hãy đặt tên tệp",
        "a .docx cannot go to stdout: name a file",
    ),
    "usage.minutes_format": (
        "không biết định dạng của '{name}': dùng .docx, .html hoặc .md, hoặc --format",
        "cannot tell the format of '{name}': use .docx, .html or .md, or --format",
    ),
    "usage.output_folder": (
        "khi không có --contest, OUTPUT là một thư mục (mỗi cuộc bầu và mỗi lần bầu một tài liệu)",
        "without --contest, OUTPUT is a folder (one document per contest and round)",
    ),
    "usage.nothing_counted": (
        "không có lần bầu nào đã kiểm để lập biên bản",
        "no counted round to write minutes for",
    ),
    "usage.no_minutes": (
        "không cuộc bầu nào có lần bầu đã kiểm: không có biên bản nào để lập",
        "no contest has a counted round: there are no minutes to write",
    ),
    "usage.no_minutes.hint": (
        "liệt kê các cuộc bầu và các lần bầu của chúng dưới 'contests:', rồi kiểm phiếu",
        "list the contests and their rounds under 'contests:', then count",
    ),
    # --- agree/disagree figures (issue 15): each person's agree, disagree and unmarked rows
    "sheets.rows_strike": (
        "'{key}' chỉ dùng cho phiếu đồng ý/không đồng ý; phiếu của lần bầu này là phiếu gạch tên",
        "'{key}' is for agree/disagree ballots only; this round's ballot strikes names out",
    ),
    "sheets.no_rows": (
        "chưa ghi '{key}' của '{id}' (ghi 0 nếu không có)",
        "no '{key}' figure given for '{id}' (write 0 if none)",
    ),
    "problem.rows_mismatch": (
        "Vị trí {position}: đồng ý {agree} + không đồng ý {disagree} + đánh cả hai ô hoặc bỏ "
        "trống {unmarked} khác số phiếu hợp lệ ({valid})",
        "Position {position}: agree {agree} + disagree {disagree} + both boxes or neither "
        "{unmarked} differ from the valid ballots ({valid})",
    ),
    "problem.rows_mismatch.over": (
        "Vị trí {position}: đồng ý, không đồng ý và đánh cả hai ô hoặc bỏ trống cộng lại "
        "({total}) nhiều hơn số phiếu hợp lệ ({valid})",
        "Position {position}: agree, disagree and both boxes or neither add up to {total}, "
        "more than the valid ballots ({valid})",
    ),
    "table.agree": ("Đồng ý", "Agree"),
    "table.disagree": ("Không đồng ý", "Disagree"),
    "table.unmarked": ("Cả hai ô/bỏ trống", "Both/neither"),
    "minutes.head.agree": ("Đồng ý", "Agree"),
    "minutes.head.disagree": ("Không đồng ý", "Disagree"),
    "minutes.head.unmarked": ("Cả hai ô/bỏ trống", "Both/neither"),
    "minutes.hall.disagree": ("Không đồng ý: {count}", "Disagree: {count}"),
    "minutes.hall.unmarked": ("Cả hai ô/bỏ trống: {count}", "Both/neither: {count}"),
    # Issue 16, party electorate: those not summoned at all; the counting board off the list.
    "figure.roll.members": ("Đảng viên chính thức", "Full members"),
    "figure.roll.delegates": ("Đại biểu chính thức", "Official delegates"),
    "figure.not_summoned": ("Không được triệu tập", "Not summoned"),
    "ref.not_summoned_rules": (
        "quy định {rules} không có mục 'decision.base.not_summoned' (người không được "
        "triệu tập, Hướng dẫn 04-HD/TW)",
        "the rule set {rules} has no 'decision.base.not_summoned' (those not summoned, "
        "Guidance 04-HD/TW)",
    ),
    "finding.board_member_on_list": (
        "{body}: {name} là thành viên Ban kiểm phiếu ({board}) nhưng có tên trong danh sách bầu cử",
        "{body}: {name} is on the counting board ({board}) and on the election list",
    ),
    "board.congress": ("của đại hội", "of the congress"),
    "board.conference": ("của hội nghị", "of the conference"),
    "board.round": ("của vòng bầu {round}", "of round {round}"),
    # Issue 16, party bodies: bodies and delegates appointed by decision; the combined list.
    "outcome.appointed": ("Chỉ định", "Appointed"),
    "report.appointed": (
        "CHỈ ĐỊNH theo Quyết định số {decision} ngày {date}: {n} người; không bầu, không kiểm "
        "phiếu, không có biên bản kiểm phiếu.",
        "APPOINTED by decision {decision} of {date}: {n} member(s); no vote, no count, no "
        "counting minutes.",
    ),
    "report.appointed.by": (
        "CHỈ ĐỊNH theo Quyết định số {decision} ngày {date} của {by}: {n} người; không bầu, "
        "không kiểm phiếu, không có biên bản kiểm phiếu.",
        "APPOINTED by decision {decision} of {date} ({by}): {n} member(s); no vote, no count, "
        "no counting minutes.",
    ),
    "table.appointed_members": ("Thành viên được chỉ định: ", "Members appointed: "),
    "finding.appointed": ("{body}: {sentence}", "{body}: {sentence}"),
    "minutes.appointed_skipped": (
        "{contest}: được chỉ định theo Quyết định số {decision}, không bầu nên không có biên "
        "bản kiểm phiếu",
        "{contest}: appointed by decision {decision}, not elected, so it has no counting minutes",
    ),
    "minutes.all_appointed": (
        "không có cuộc bầu nào để lập biên bản kiểm phiếu: mọi cơ quan đều được chỉ định",
        "no election to write counting minutes for: every body is appointed",
    ),
    "ref.appointed_candidates": (
        "cơ quan được chỉ định không có danh sách bầu cử: ghi những người được chỉ định ở 'members'",
        "an appointed body has no election list: list the people appointed under 'members'",
    ),
    "ref.appointed_rounds": (
        "cơ quan được chỉ định không có vòng bầu, không có phiếu bầu",
        "an appointed body has no rounds and no ballots",
    ),
    "ref.appointed_members": (
        "cơ quan được chỉ định phải ghi những người được chỉ định ('members')",
        "an appointed body lists the people appointed ('members')",
    ),
    "ref.appointed_seats": (
        "số lượng ({seats}) khác số người được chỉ định ({members})",
        "seats ({seats}) differ from the people appointed ({members})",
    ),
    "ref.members_appointed_only": (
        "'members' chỉ dùng cho cơ quan được chỉ định ('appointed'); cuộc bầu ghi 'candidates'",
        "'members' is for an appointed body ('appointed'); an election lists 'candidates'",
    ),
    "ref.appointed_poll": (
        "phiếu giới thiệu (nomination_poll) không thể được chỉ định",
        "a nomination_poll cannot be appointed",
    ),
    "ref.twice_appointed": (
        "{id} có hai lần trong danh sách được chỉ định",
        "{id} is listed twice among those appointed",
    ),
    "ref.appointed_more": (
        "đại biểu đương nhiên ({ex_officio}) và đại biểu được chỉ định ({appointed}) nhiều hơn số "
        "được triệu tập ({summoned})",
        "ex-officio ({ex_officio}) and appointed ({appointed}) delegates are more than those "
        "summoned ({summoned})",
    ),
    "finding.alternate_elected_official": (
        "{body}: {name} đã trúng cử đại biểu chính thức ({official}) nhưng có tên trong danh sách "
        "bầu đại biểu dự khuyết; danh sách chung: bầu đại biểu chính thức trước, số còn lại bầu "
        "dự khuyết",
        "{body}: {name} was elected an official delegate ({official}) and is on the alternates' "
        "list; one combined list: the official delegates are elected first, the rest stand as "
        "alternates",
    ),
    "finding.alternate_not_on_combined_list": (
        "{body}: {name} không có tên trong danh sách chung bầu đại biểu ({official})",
        "{body}: {name} is not on the combined delegates list ({official})",
    ),
    # --- ballot order (issue 18): the list checks' ballot_order (checks.py)
    "finding.ballot_order": (
        "{body}: danh sách không theo thứ tự chữ cái của tên (thứ tự ghi trên phiếu): "
        "{later} đứng trước {earlier}; hãy sắp lại danh sách, hoặc ghi 'order: as_given' "
        "để giữ thứ tự đã ghi",
        "{body}: the list is not in ballot order (Vietnamese alphabetical by given name): "
        "{later} comes before {earlier}; sort the list, or write 'order: as_given' to keep "
        "the order as written",
    ),
    "finding.ballot_order.round": (
        "{body}: danh sách vòng {round} không theo thứ tự chữ cái của tên (thứ tự ghi trên "
        "phiếu): {later} đứng trước {earlier}; hãy sắp lại danh sách, hoặc ghi "
        "'order: as_given' để giữ thứ tự đã ghi",
        "{body}: the list of round {round} is not in ballot order (Vietnamese alphabetical by "
        "given name): {later} comes before {earlier}; sort the list, or write "
        "'order: as_given' to keep the order as written",
    ),
    # --- tally import people (issue 18): importer/sheet.py, importer/people.py, cli/importing.py
    "import.bad_map": (
        "'--map {got}' không đúng dạng CỘT=trường; trường là một trong: {fields}",
        "'--map {got}' is not COLUMN=field; field is one of: {fields}",
    ),
    "import.not_workbook": (
        "không đọc được tệp bảng tính ({reason})",
        "cannot read the spreadsheet ({reason})",
    ),
    "import.no_sheet": (
        "không có trang tính '{sheet}'; tệp có: {sheets}",
        "no sheet '{sheet}'; the file has: {sheets}",
    ),
    "import.no_header": (
        "trang '{sheet}' không có dòng tiêu đề nêu cột 'Họ và tên' và ít nhất một cột khác",
        "sheet '{sheet}' has no header row naming a 'Họ và tên' (name) column and one more",
    ),
    "import.no_header.hint": (
        "đặt tên cột như 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc', hoặc dùng "
        "--map 'TÊN CỘT=name'",
        "name the columns 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc' (or name, sex, "
        "born, ethnicity), or use --map 'HEADING=name'",
    ),
    "import.bad_cell": (
        "cột '{column}': không đọc được '{got}', cần {expected}",
        "column '{column}': cannot read '{got}', expected {expected}",
    ),
    "import.expected.sex": ("'Nam' hoặc 'Nữ'", "'Nam' or 'Nữ' (M or F)"),
    "import.expected.one_sex": (
        "chỉ một trong hai cột 'Nam', 'Nữ'",
        "only one of the columns 'Nam', 'Nữ'",
    ),
    "import.expected.date": (
        "một ngày như 05/07/1972, 5/7/1972 hoặc năm 1972",
        "a date such as 05/07/1972, 5/7/1972 or a year 1972",
    ),
    "import.expected.yes_no": ("'x', 'có' hoặc để trống", "'x', 'có' (yes) or empty"),
    "import.expected.membership": ("'chính thức' hoặc 'dự bị'", "'chính thức' or 'dự bị'"),
    "import.expected.name": ("họ và tên", "a name"),
    "import.bad_election": (
        "không đọc được tệp election.yaml ({reason})",
        "cannot read election.yaml ({reason})",
    ),
    "import.election_not_mapping": (
        "tệp election.yaml không phải một bảng khóa: giá trị",
        "election.yaml is not a mapping of keys to values",
    ),
    "import.people_not_list": (
        "'people' phải là một danh sách",
        "'people' must be a list",
    ),
    "import.next_init": (
        "bước tiếp theo: 'tally init {folder}' khai báo đại hội và các cuộc bầu, giữ những "
        "người vừa nhập",
        "next: 'tally init {folder}' declares the meeting and its elections, keeping the people "
        "just imported",
    ),
    "import.read": (
        "Đã đọc {n} người từ trang '{sheet}' của {path}",
        "Read {n} people from sheet '{sheet}' of {path}",
    ),
    "import.blank_rows": (
        "  bỏ qua dòng trống: {rows}",
        "  blank rows skipped: {rows}",
    ),
    "import.footer_rows": (
        "  dòng dưới bảng, không phải người (không có số thứ tự, giới tính hay ngày sinh): {rows}",
        "  rows under the table, not people (no row number, sex or birth date): {rows}",
    ),
    "import.unread_columns": (
        "  cột không đọc (dùng --map 'CỘT=trường' nếu cần): {columns}",
        "  columns not read (use --map 'COLUMN=field' if needed): {columns}",
    ),
    "import.year_only": (
        "  dòng {row} ({name}): chỉ có năm sinh, ghi là {born}; hãy kiểm tra",
        "  row {row} ({name}): only the year of birth, written as {born}; check it",
    ),
    "import.no_born": (
        "  dòng {row} ({name}): không có ngày sinh",
        "  row {row} ({name}): no date of birth",
    ),
    "import.added": ("Thêm {n} người:", "Added {n}:"),
    "import.added.one": ("  + {id}: {name} (dòng {row})", "  + {id}: {name} (row {row})"),
    "import.changed": ("Sửa {n} người:", "Changed {n}:"),
    "import.changed.one": ("  ~ {id}: {name}", "  ~ {id}: {name}"),
    "import.changed.field": (
        "      {field}: '{old}' → '{new}'",
        "      {field}: '{old}' → '{new}'",
    ),
    "import.unchanged": ("Không đổi: {n} người", "Unchanged: {n}"),
    "import.not_in_sheet": (
        "Có trong election.yaml nhưng không còn trong bảng ({n} người, vẫn giữ nguyên; xóa "
        "bằng tay nếu cần):",
        "In election.yaml but no longer in the sheet ({n}, kept as they are; remove them by "
        "hand if they should go):",
    ),
    "import.not_in_sheet.one": ("  ? {id}: {name}", "  ? {id}: {name}"),
    "import.sorted": (
        "Đã sắp danh sách theo thứ tự chữ cái của tên: {contests}",
        "Lists sorted into ballot order: {contests}",
    ),
    "import.dry_run": (
        "Chạy thử (--dry-run): chưa ghi gì vào {path}",
        "Dry run (--dry-run): nothing written to {path}",
    ),
    "import.wrote": ("Đã ghi {path}", "Wrote {path}"),
    "import.nothing": (
        "Không có gì thay đổi; {path} giữ nguyên",
        "Nothing changed; {path} is left as it was",
    ),
    # --- commands as parse → run → render (issue 17): the old flags of 'tally enter'
    "cli.deprecated.export": (
        "lưu ý: 'tally enter --export' sẽ bị bỏ; hãy dùng 'tally entry export' với cùng các "
        "tuỳ chọn",
        "note: 'tally enter --export' is deprecated; use 'tally entry export' with the same "
        "options",
    ),
    "cli.deprecated.log": (
        "lưu ý: 'tally enter --log FILE' sẽ bị bỏ; hãy dùng 'tally entry log … -o FILE'",
        "note: 'tally enter --log FILE' is deprecated; use 'tally entry log … -o FILE'",
    ),
    # --- printed ballots and the test deck (tally/paper/, issue 20)
    "ballot.title": ("PHIẾU BẦU", "BALLOT"),
    "ballot.title_round": ("PHIẾU BẦU (LẦN {round})", "BALLOT (ROUND {round})"),
    "ballot.which_contest": (
        "cần chọn một cuộc bầu: {known}",
        "choose one contest: {known}",
    ),
    "ballot.term": ("NHIỆM KỲ {term}", "TERM {term}"),
    "ballot.instructions.strike": (
        "Gạch ngang cả họ và tên người không bầu; giữ lại không quá {seats} người.",
        "Strike through the whole name of each person you do not vote for; keep at most {seats}.",
    ),
    "ballot.instructions.agree_disagree": (
        "Mỗi dòng đánh dấu ✗ vào một ô: Đồng ý hoặc Không đồng ý.",
        "On each line mark one box with ✗: Agree or Disagree.",
    ),
    "ballot.col.number": ("STT", "No."),
    "ballot.col.name": ("Họ và tên", "Full name"),
    "ballot.col.agree": ("Đồng ý", "Agree"),
    "ballot.col.disagree": ("Không đồng ý", "Disagree"),
    "ballot.seal": ("Nơi đóng dấu", "Seal here"),
    "ballot.layout_code": ("Bố cục {code}", "Layout {code}"),
    "ballot.deck_page": ("Bộ phiếu thử, phiếu {page}/{pages}", "Test deck, ballot {page}/{pages}"),
    "ballot.too_many_names": (
        "{names} người không vừa một phiếu khổ {paper} (tối đa {most})",
        "{names} names do not fit on one {paper} ballot (at most {most})",
    ),
    "ballot.list_refused": (
        "chưa tạo phiếu bầu: danh sách bầu cử của cuộc bầu {contest} chưa đạt 'tally validate'",
        "no ballots printed: the list of contest {contest} fails 'tally validate'",
    ),
    "ballot.list_refused.hint": (
        "sửa election.yaml cho đến khi 'tally validate' không còn lỗi của cuộc bầu này",
        "fix election.yaml until 'tally validate' shows no error for this contest",
    ),
    "ballot.wrote_deck": (
        "đã ghi bộ phiếu thử ({ballots} phiếu) và nhật ký mà bản quét phải cho lại: {journal}",
        "wrote the test deck ({ballots} ballots) and the journal its scan must reproduce: {journal}",
    ),
    "ballot.copies.issued": (
        "{count} phiếu: số phiếu phát ra của lần bầu",
        "{count} ballots: the round's ballots issued",
    ),
    "ballot.copies.present": (
        "{count} phiếu: số có mặt khi bầu",
        "{count} ballots: those present at the vote",
    ),
    "ballot.copies.summoned": (
        "{count} phiếu: số được triệu tập",
        "{count} ballots: those summoned",
    ),
    "ballot.copies.registered": (
        "{count} phiếu: số cử tri trong danh sách",
        "{count} ballots: the voters on the list",
    ),
    "ballot.copies.unknown": (
        "election.yaml chưa có số phiếu phát ra, số có mặt hay số được triệu tập: "
        "ghi rõ số phiếu bằng --copies N",
        "election.yaml has no ballots issued, present or summoned figure: "
        "say how many ballots to print with --copies N",
    ),
    "ballot.layout_sha": (
        "mã bố cục (nằm trong mã QR): {sha}",
        "layout code (in the QR code): {sha}",
    ),
    # --- scanned ballots read by tally scan (tally/scan/, issue 20)
    "scan.no_extra": (
        "'tally scan' cần các thư viện đọc ảnh (thiếu {module}): pip install 'tally[scan]'",
        "'tally scan' needs the image libraries (missing {module}): pip install 'tally[scan]'",
    ),
    "scan.page": ("trang {page}: {said}", "page {page}: {said}"),
    "scan.file_twice": (
        "cùng một tệp ảnh với {first} (SHA-256 {sha}…): một phiếu sẽ bị tính hai lần; không ghi gì",
        "the same scan twice: this file is {first} (SHA-256 {sha}…), one ballot would count "
        "twice; nothing written",
    ),
    "scan.page_twice": (
        "trang {second} giống hệt trang {first}: một phiếu sẽ bị tính hai lần; không ghi gì",
        "page {second} is the same image as {first}, twice: one ballot would count twice; "
        "nothing written",
    ),
    "scan.file_in_journal": (
        "ảnh này đã được đọc vào nhật ký này ({where}, SHA-256 {sha}…): một phiếu sẽ bị tính "
        "hai lần; không ghi gì",
        "this image was read into this journal already ({where}, SHA-256 {sha}…): one ballot "
        "would count twice; nothing written",
    ),
    "scan.continue_not_scan": (
        "đây không phải nhật ký do 'tally scan' ghi: không đọc tiếp ảnh quét vào đó",
        "not a journal written by 'tally scan': scans are not added to it",
    ),
    "scan.continue_reader": (
        "nhật ký này do bộ đọc {was} ghi, đây là {now}: một nhật ký chỉ do một phiên bản bộ đọc "
        "ghi, để đọc lại cho đúng như vậy",
        "this journal was written by reader {was} and this is {now}: a journal is written by "
        "one reader version, so that reading again gives it back",
    ),
    "scan.continue_other_ballot": (
        "nhật ký này là của một lá phiếu khác, không phải cuộc bầu {contest} lần {round}",
        "this journal is of another ballot, not contest {contest} round {round}",
    ),
    "scan.continue.hint": (
        "quét đợt này vào một nhật ký mới (--journal TỆP_MỚI)",
        "scan this batch into a new journal (--journal NEW_FILE)",
    ),
    "scan.continue_moved": (
        "nhật ký đã thay đổi trong khi đọc ảnh: không ghi gì; hãy chạy lại",
        "the journal changed while the images were read: nothing written; run it again",
    ),
    "scan.of_paper": (
        "đã đọc {pages} trang của lần bầu này, trong {of} phiếu {paper}",
        "{pages} page(s) of this round read so far, of the {of} ballots {paper}",
    ),
    "scan.excess": (
        "CẢNH BÁO: đã đọc {pages} trang, nhiều hơn {of} phiếu {paper} — tìm trang bị quét hai "
        "lần hay tờ không phải phiếu",
        "WARNING: {pages} pages read, more than the {of} ballots {paper} — look for a page "
        "scanned twice or a sheet that is no ballot",
    ),
    "scan.progress": ("đang đọc: đã xong {pages} trang…", "reading: {pages} page(s) done…"),
    "scan.not_image": (
        "không phải ảnh (PNG, JPEG, TIFF) hay tệp PDF đọc được",
        "not an image (PNG, JPEG, TIFF) or a PDF that can be read",
    ),
    "scan.not_tally_qr": (
        "mã QR không phải của phiếu do tally tạo: {text}",
        "the QR code is not one of a ballot printed by tally: {text}",
    ),
    "scan.other_layout": (
        "phiếu của lần bầu khác hoặc cuộc bầu khác (bố cục {found}), không phải cuộc bầu {contest} lần {round}; không ghi gì — hãy tách phiếu này ra",
        "a ballot of another round or election (layout {found}), not contest {contest} round {round}; nothing written — take this ballot out of the pile",
    ),
    "scan.layout_not_round": (
        "tệp bố cục không phải của cuộc bầu {contest} lần {round} (theo election.yaml)",
        "the layout file is not that of contest {contest} round {round} (by election.yaml)",
    ),
    "scan.unplaced.marks": (
        "phiếu {serial} ({where}) để riêng: không tìm thấy bốn dấu góc",
        "ballot {serial} ({where}) set aside: the four corner marks were not found",
    ),
    "scan.unplaced.qr": (
        "phiếu {serial} ({where}) để riêng: không đọc được mã QR",
        "ballot {serial} ({where}) set aside: the QR code could not be read",
    ),
    "scan.review": (
        "phiếu {serial} ({where}) để riêng cho người quyết định: dòng {rows}",
        "ballot {serial} ({where}) set aside for a person to decide: row(s) {rows}",
    ),
    "scan.done": (
        "đã đọc {pages} trang: {ballots} phiếu ghi vào {journal}, {aside} phiếu để riêng; ảnh lưu trong {folder}",
        "read {pages} page(s): {ballots} ballot(s) written to {journal}, {aside} set aside; images kept in {folder}",
    ),
    # --- tally scan --review: a named person decides the pages set aside (tally/scan/review.py)
    "scan.review_needs_images": (
        "cần ít nhất một ảnh hay tệp PDF (IMAGES), hoặc --review để xem các phiếu đã để riêng",
        "give at least one image or PDF (IMAGES), or --review to take up the pages set aside",
    ),
    "scan.review_no_images": (
        "--review làm việc trên nhật ký quét đã có: không nhận thêm ảnh",
        "--review works on the existing scan journal: it takes no images",
    ),
    "scan.review_not_scan": (
        "không phải nhật ký của 'tally scan' (thiếu purpose: scan): không có phiếu để riêng nào để xem",
        "not a journal written by 'tally scan' (no purpose: scan): it has no pages set aside to review",
    ),
    "scan.review_no_journal": (
        "không tìm thấy nhật ký quét của cuộc bầu {contest} lần {round} trong {folder}",
        "no scan journal of contest {contest} round {round} in {folder}",
    ),
    "scan.review_no_journal.hint": (
        "hãy chạy 'tally scan' trước, hoặc chỉ rõ tệp bằng --journal",
        "run 'tally scan' first, or name the file with --journal",
    ),
    "scan.review_many_journals": (
        "có nhiều nhật ký quét của cuộc bầu {contest} lần {round}: {names}",
        "several scan journals of contest {contest} round {round}: {names}",
    ),
    "scan.review_many_journals.hint": (
        "chỉ rõ tệp cần xem bằng --journal",
        "name the one to review with --journal",
    ),
    "scan.review_other_ballot": (
        "nhật ký này là của cuộc bầu {contest} lần {round}, không phải lần bầu đã chọn",
        "this journal is of contest {contest} round {round}, not the round chosen",
    ),
    "scan.review_bad_aside": (
        "phiếu {serial} để riêng không ghi đúng dạng 'lý do ảnh#trang sha256:…'",
        "set-aside page {serial} is not in the form 'why image#page sha256:…'",
    ),
    "scan.review_changed": (
        "ảnh của phiếu {serial} đã bị thay đổi: SHA-256 không còn là {sha}… như nhật ký ghi; không xem",
        "the image of ballot {serial} has changed: its SHA-256 is no longer {sha}… as the journal says; not reviewed",
    ),
    "scan.review_no_page": (
        "ảnh của phiếu {serial} không có trang {page}",
        "the image of ballot {serial} has no page {page}",
    ),
    "scan.review_nothing": (
        "không còn phiếu để riêng nào chờ quyết định trong {journal}",
        "no page set aside is waiting for a decision in {journal}",
    ),
    "scan.review_who": (
        "người quyết định: {reviewer} (máy đọc ghi tên: {scanner}); {pages} phiếu để riêng chờ quyết định",
        "decided by: {reviewer} (the reader's name: {scanner}); {pages} page(s) set aside to decide",
    ),
    "scan.review_same_person": (
        "lưu ý: người quyết định trùng tên với người chạy máy quét ({reviewer})",
        "note: the person deciding has the name of the one who ran the scan ({reviewer})",
    ),
    "scan.review_howto": (
        "gõ các dấu của phiếu như khi nhập (3 5 · 0 · !n !w !m); Enter hoặc skip: để lại sau; :q dừng",
        "type the ballot's marks as in entry (3 5 · 0 · !n !w !m); Enter or skip: leave it for later; :q stops",
    ),
    "scan.review_page": (
        "phiếu {serial} ({where}) — {why}",
        "ballot {serial} ({where}) — {why}",
    ),
    "scan.review_why.rows": ("dòng chưa quyết định: {rows}", "row(s) undecided: {rows}"),
    "scan.review_why.marks": (
        "không tìm thấy bốn dấu góc",
        "the four corner marks were not found",
    ),
    "scan.review_why.qr": ("không đọc được mã QR", "the QR code could not be read"),
    "scan.review_whole": (
        "không đặt được trang lên bố cục: xem cả trang, đọc trên giấy",
        "the page could not be placed on the layout: see the whole page, read the paper",
    ),
    "scan.review_see": ("ảnh từng dòng: {html}", "each row's image: {html}"),
    "scan.review_skipped": (
        "phiếu {serial} vẫn để riêng (xem lại sau)",
        "ballot {serial} stays set aside (for later)",
    ),
    "scan.review_only_marks": (
        "chỉ gõ các dấu của phiếu này (không số phiếu, không :fix/:undo), Enter để lại sau, :q dừng",
        "type only this ballot's marks (no serial, no :fix/:undo), Enter to leave it, :q to stop",
    ),
    "scan.review_contradicts": (
        "khác với cách máy đọc ở dòng {rows}",
        "differs from the reader's reading on rows {rows}",
    ),
    "scan.review_confirm": (
        "gõ lại đúng như vậy để xác nhận, hoặc gõ cách đọc khác",
        "type the same again to confirm, or type another reading",
    ),
    "scan.review_done": (
        "{decided} phiếu đã quyết định, {left} phiếu vẫn để riêng; ghi vào {journal}",
        "{decided} ballot(s) decided, {left} still set aside; written to {journal}",
    ),
    "scan.review_wrote_page": ("trang xem phiếu: {html}", "review page: {html}"),
    "scan.reading.undecided": ("chưa quyết định", "undecided"),
    "scan.reading.struck": ("gạch", "struck"),
    "scan.reading.kept": ("không gạch", "not struck"),
    "scan.reading.agree": ("đồng ý", "agree"),
    "scan.reading.disagree": ("không đồng ý", "disagree"),
    "scan.reading.both": ("đánh cả hai ô", "both boxes"),
    "scan.reading.neither": ("không ô nào", "neither box"),
    "scan.reading.red": ("đỏ", "red"),
    "scan.review_html.title": (
        "Phiếu để riêng — cuộc bầu {contest} lần {round}",
        "Ballots set aside — contest {contest} round {round}",
    ),
    "scan.review_html.journal": ("Nhật ký quét:", "Scan journal:"),
    "scan.review_html.ballot": ("Phiếu {serial}", "Ballot {serial}"),
    "scan.review_html.image": ("Ảnh:", "Image:"),
    "scan.review_html.why": ("Để riêng vì:", "Set aside because:"),
    "scan.review_html.undecided": ("Dòng chưa quyết định", "Undecided rows"),
    "scan.review_html.decided": ("Máy đã đọc", "Read by the reader"),
    "scan.review_html.row": ("Dòng", "Row"),
    "scan.review_html.scanned": ("Phiếu quét", "Scanned ballot"),
    "scan.review_html.blank": ("Phiếu trắng", "Blank ballot"),
    "scan.review_html.scores": ("Điểm (‰)", "Scores (‰)"),
}

# The whole catalogue: the messages above, the words of --help (tally/helptext.py) and the
# rule-set parameters in words (tally/rulenames.py).
MESSAGES: Mapping[str, tuple[str, str]] = {**_MESSAGES, **HELP, **RULE_NAMES}
