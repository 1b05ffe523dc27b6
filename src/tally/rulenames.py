"""Every rule-set parameter in words, by its dotted key: part of the message catalogue.

A document in Vietnamese names a rule by these words, never by its key (``decision.ranking``),
followed by its citation. The keys are fixed by ``tally.ruleset.models``; a test holds this
list equal to them. Standard library only: :data:`tally.i18n.MESSAGES` takes them in under
``rule.<key>``.
"""

from __future__ import annotations

from collections.abc import Mapping

RULE_NAMES: Mapping[str, tuple[str, str]] = {
    "rule.lists.surplus_required": (
        "Danh sách bầu cử phải có số dư",
        "The list must have more names than seats",
    ),
    "rule.lists.surplus_max": ("Số dư tối đa", "Largest surplus allowed"),
    "rule.lists.slate_surplus": (
        "Số dư của danh sách do cấp ủy giới thiệu",
        "Surplus of the convening committee's slate",
    ),
    "rule.lists.small_body": ("Số dư của cơ quan ít người", "Surplus of a small body"),
    "rule.lists.no_surplus_allowed": (
        "Cơ quan, chức danh bầu không có số dư",
        "Bodies and posts elected without a surplus",
    ),
    "rule.lists.floor_nominee_support": (
        "Số người đồng ý giới thiệu người được đề cử tại đại hội",
        "Support needed by a nominee from the floor",
    ),
    "rule.lists.min_surplus": ("Số dư tối thiểu", "Smallest surplus required"),
    "rule.lists.may_not_stand": ("Người không được ứng cử", "Who may not stand"),
    "rule.lists.max_seats": (
        "Số đại biểu tối đa của một đơn vị bầu cử",
        "The most deputies one constituency elects",
    ),
    "rule.lists.list_targets": (
        "Tỉ lệ phấn đấu trong danh sách chính thức người ứng cử",
        "Target shares of the official list of candidates",
    ),
    "rule.lists.counting_board_not_on_list": (
        "Thành viên Ban kiểm phiếu không có tên trong danh sách bầu cử",
        "Counting board members are not on the election list",
    ),
    "rule.lists.min_surplus_share": (
        "Số dư tối thiểu theo tỉ lệ số lượng cần bầu (làm tròn lên)",
        "Smallest surplus as a share of the seats (rounded up)",
    ),
    "rule.lists.delegates_combined_list": (
        "Đại biểu chính thức và dự khuyết bầu từ một danh sách chung",
        "Official and alternate delegates are elected from one combined list",
    ),
    "rule.ballot.invalid.not_issued": (
        "Phiếu không phải do Ban kiểm phiếu phát ra không hợp lệ",
        "A ballot not issued by the board is invalid",
    ),
    "rule.ballot.invalid.too_many_kept": (
        "Phiếu gạch thừa tên (bầu quá số lượng) không hợp lệ",
        "A ballot keeping more names than seats is invalid",
    ),
    "rule.ballot.invalid.all_struck": (
        "Phiếu gạch hết tên không hợp lệ",
        "A ballot with every name struck is invalid",
    ),
    "rule.ballot.invalid.write_in": (
        "Phiếu ghi thêm tên người ngoài danh sách không hợp lệ",
        "A ballot with a name written in is invalid",
    ),
    "rule.ballot.invalid.marked": (
        "Phiếu có ký tên, đánh dấu hoặc ghi thêm nội dung không hợp lệ",
        "A ballot signed, marked or written on is invalid",
    ),
    "rule.ballot.invalid.no_choice_single": (
        "Phiếu đồng ý/không đồng ý một người không đánh dấu ô nào không hợp lệ",
        "An agree/disagree ballot for one person with no box marked is invalid",
    ),
    "rule.ballot.invalid.no_choice_all_rows": (
        "Phiếu đồng ý/không đồng ý không có dòng nào đánh dấu đúng không hợp lệ",
        "An agree/disagree ballot with no row marked properly is invalid",
    ),
    "rule.ballot.invalid.all_struck_no_surplus": (
        "Phiếu không bầu ai trong danh sách không có số dư (từ hai người) không hợp lệ; "
        "danh sách một người thì vẫn hợp lệ",
        "A ballot voting for nobody on a list without a surplus (two names or more) is invalid; "
        "on a one-name list it stays valid",
    ),
    "rule.ballot.row_both_or_neither": (
        "Dòng đánh dấu cả hai ô hoặc không ô nào",
        "A row with both boxes or neither marked",
    ),
    "rule.decision.majority": ("Đa số cần đạt để trúng cử", "Majority needed to be elected"),
    "rule.decision.base.members_congress": (
        "Căn cứ tính đa số ở đại hội đảng viên",
        "Majority base at a members' congress",
    ),
    "rule.decision.base.delegates_congress": (
        "Căn cứ tính đa số ở đại hội đại biểu",
        "Majority base at a delegates' congress",
    ),
    "rule.decision.base.committee_conference": (
        "Căn cứ tính đa số ở hội nghị cấp ủy",
        "Majority base at a committee conference",
    ),
    "rule.decision.base.constituency": (
        "Căn cứ tính đa số ở đơn vị bầu cử",
        "Majority base in a constituency",
    ),
    "rule.decision.base.not_summoned": (
        "Người không được triệu tập không tính vào căn cứ",
        "Those not summoned are outside the base",
    ),
    "rule.decision.ranking": (
        "Người trúng cử xếp theo số phiếu từ cao đến thấp, vừa đủ số lượng",
        "The elected, by votes from high to low, up to the seats",
    ),
    "rule.decision.tie": ("Khi bằng phiếu ở suất cuối", "A tie at the last seat"),
    "rule.decision.later_rounds": ("Bầu lần tiếp theo", "Later rounds"),
    "rule.decision.turnout": ("Tỉ lệ cử tri đi bầu", "Turnout"),
    "rule.decision.quorum": ("Số có mặt cần thiết", "Quorum"),
    "rule.decision.confirmation": (
        "Kết quả phải được cấp có thẩm quyền chuẩn y",
        "The result needs confirmation by the competent body",
    ),
    "rule.report.percent": ("Cách ghi tỉ lệ phần trăm", "How percentages are written"),
    "rule.plan.elected_from": (
        "Cơ quan được bầu từ cơ quan nào",
        "Which body each body is elected from",
    ),
    "rule.plan.post_not_elected": (
        "Khi người dự kiến giữ chức danh không trúng cử",
        "When a planned post-holder is not elected",
    ),
    "rule.plan.targets": ("Chỉ tiêu cơ cấu", "Structure targets"),
    "rule.plan.age_limits": ("Tuổi tái cử, tham gia lần đầu", "Age limits"),
}
