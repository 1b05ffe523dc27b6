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
from pathlib import Path
from typing import Union

from tally.helptext import HELP
from tally.kinds import Lang
from tally.rulenames import RULE_NAMES

Param = Union[str, int, Path, "Msg"]  # a str is quoted input or a name, never a sentence


@dataclass(frozen=True)
class Msg:
    """A message by id with its parameters; :meth:`text` words it in one language."""

    id: str
    params: tuple[tuple[str, Param], ...] = ()

    def text(self, lang: Lang) -> str:
        vi, en = MESSAGES[self.id]
        values = {k: v.text(lang) if isinstance(v, Msg) else v for k, v in self.params}
        return (vi if lang == "vi" else en).format(**values)

    def __str__(self) -> str:
        return self.text("en")


class MsgError(ValueError):
    """A ValueError worded by the catalogue: raised in a pydantic validator, its message is
    translated with the rest of the validation errors."""

    def __init__(self, message: Msg) -> None:
        self.msg = message
        super().__init__(str(message))


def fields(template: str) -> frozenset[str]:
    """The parameter names a template takes (``{limit:,}`` takes ``limit``)."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def msg(id: str, /, **params: Param) -> Msg:
    """The message ``id`` with ``params``; exactly the template's parameters, or a bug."""
    en = MESSAGES[id][1]
    if set(params) != fields(en):
        raise TypeError(f"message {id} takes {sorted(fields(en))}, not {sorted(params)}")
    return Msg(id, tuple(sorted(params.items())))


def t(lang: Lang, vi: str, en: str) -> str:
    """The Vietnamese or the English of a phrase."""
    return vi if lang == "vi" else en


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
    "errors.more": (
        "và {more} lỗi nữa trong tệp này",
        "and {more} more mistake(s) in this file",
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
        "dùng --log FILE để ghi sổ nhập phiếu",
        "use --log FILE for the entry log",
    ),
    "usage.journal_for": (
        "nhật ký này thuộc cuộc bầu '{contest}' vòng {round}",
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
}

# The whole catalogue: the messages above, the words of --help (tally/helptext.py) and the
# rule-set parameters in words (tally/rulenames.py).
MESSAGES: Mapping[str, tuple[str, str]] = {**_MESSAGES, **HELP, **RULE_NAMES}
