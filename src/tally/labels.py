"""Names of bodies, meetings and figures in the two report languages."""

from __future__ import annotations

from tally.findings import Lang

BODY: dict[str, tuple[str, str]] = {
    "committee": ("Ban Chấp hành", "Executive committee"),
    "standing_committee": ("Ban Thường vụ", "Standing committee"),
    "secretary": ("Bí thư", "Secretary"),
    "deputy_secretary": ("Phó Bí thư", "Deputy secretary"),
    "inspection_committee": ("Ủy ban Kiểm tra", "Inspection committee"),
    "inspection_chair": ("Chủ nhiệm Ủy ban Kiểm tra", "Inspection committee chair"),
    "inspection_vice_chair": ("Phó Chủ nhiệm Ủy ban Kiểm tra", "Inspection committee vice-chair"),
    "delegates": ("Đại biểu chính thức dự đại hội cấp trên", "Delegates to the higher congress"),
    "alternate_delegates": ("Đại biểu dự khuyết dự đại hội cấp trên", "Alternate delegates"),
    "deputies": ("Đại biểu", "Deputies"),
    "nomination_poll": ("Lấy phiếu giới thiệu", "Nomination poll"),
}

MEETING: dict[str, tuple[str, str]] = {
    "members_congress": ("Đại hội đảng viên", "Members' congress"),
    "delegates_congress": ("Đại hội đại biểu", "Delegates' congress"),
    "committee_conference": ("Hội nghị Ban Chấp hành", "Committee conference"),
    "constituency": ("Đơn vị bầu cử", "Constituency"),
}

FIGURE: dict[str, tuple[str, str]] = {
    "summoned": ("Được triệu tập", "Summoned"),
    "conference.summoned": ("Ủy viên được triệu tập", "Members summoned"),
    "absent_all_congress.ex_officio": (
        "Đại biểu đương nhiên vắng mặt suốt đại hội",
        "Ex-officio absent all congress",
    ),
    "absent_all_congress.delegates_unreplaced": (
        "Đại biểu vắng mặt suốt đại hội, không có dự khuyết thay",
        "Delegates absent all congress, unreplaced",
    ),
    "attached_elsewhere": ("Sinh hoạt tạm thời ở đảng bộ khác", "Attached elsewhere"),
    "exempt_absent": ("Miễn sinh hoạt, không có mặt", "Exempted and absent"),
    "suspended_or_prosecuted": (
        "Bị đình chỉ sinh hoạt, khởi tố, truy tố, tạm giam",
        "Suspended or prosecuted",
    ),
    "absent_all_congress_approved": (
        "Vắng mặt suốt đại hội có lý do được đồng ý",
        "Absent all congress (approved)",
    ),
    "valid_ballots": ("Phiếu hợp lệ", "Valid ballots"),
    "collected_ballots": ("Phiếu thu vào", "Ballots collected"),
}

REASON: dict[str, tuple[str, str]] = {
    "not_issued": ("Không do Ban kiểm phiếu phát ra", "Not issued by the board"),
    "too_many_kept": ("Bầu quá số lượng cần bầu", "More names kept than seats"),
    "all_struck": ("Gạch hết tên", "Every name struck"),
    "write_in": ("Ghi thêm tên ngoài danh sách", "Name written in"),
    "marked": ("Có ký tên, đánh dấu, ghi thêm nội dung", "Signed, marked or extra content"),
    "no_choice": ("Không có lựa chọn hợp lệ", "No usable choice"),
}

STATUS: dict[str, tuple[str, str]] = {
    "elected": ("Trúng cử", "Elected"),
    "tie": ("Ngang phiếu", "Tie"),
    "not_elected": ("Không trúng cử", "Not elected"),
    "admitted": ("Được đưa vào danh sách", "Admitted"),  # nomination poll
    "not_admitted": ("Không đủ", "Not admitted"),
}

OUTCOME: dict[str, tuple[str, str]] = {
    "complete": ("Đủ", "Complete"),
    "tie": ("Ngang phiếu, bầu lại", "Tie, re-vote"),
    "shortfall": ("Còn chỗ trống", "Seats open"),
    "rejected": ("Số liệu không khớp", "Figures do not reconcile"),
    "void": ("Phải bầu lại", "Re-run due"),
    "not_counted": ("Chưa kiểm phiếu", "Not counted"),
    "not_entered": ("Chưa nhập phiếu", "Not entered"),
}


def t(lang: Lang, vi: str, en: str) -> str:
    """The Vietnamese or the English of a phrase."""
    return vi if lang == "vi" else en


def tr(table: dict[str, tuple[str, str]], key: str, lang: Lang) -> str:
    vi, en = table.get(key, (key, key))
    return vi if lang == "vi" else en
