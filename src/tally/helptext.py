"""The words of ``--help``: every command's text, every option's, and click's own, by id.

Part of the message catalogue (:data:`tally.i18n.MESSAGES` takes them in): the CLI's click
decorators carry no text of their own; ``tally.cli.helpfmt`` looks each text up when help is
shown, in the language of the command line (Vietnamese by default, ``--lang en`` or
``TALLY_LANG=en`` for English).

Ids: ``help.<command path>`` (``help.tally`` for the group, ``help.rules.show``), its options
``help.<command path>.opt.<long option>`` (``help.count.opt.format``), options every command
shares ``help.opt.<long option>``, and click's own words ``help.click.*``. A paragraph that
starts with ``\\b`` is printed as written (click's no-rewrap mark). Standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping

HELP: Mapping[str, tuple[str, str]] = {
    # --- click's own words
    "help.click.usage": ("Cách dùng:", "Usage:"),
    "help.click.options": ("Tuỳ chọn", "Options"),
    "help.click.commands": ("Lệnh", "Commands"),
    "help.click.arguments": ("Tham số", "Positional arguments"),
    "help.click.options_metavar": ("[TUỲ_CHỌN]", "[OPTIONS]"),
    "help.click.command_metavar": ("LỆNH [THAM_SỐ]...", "COMMAND [ARGS]..."),
    "help.click.default": ("mặc định: {default}", "default: {default}"),
    "help.click.required": ("bắt buộc", "required"),
    # the placeholders click writes for an option's value, by its type
    "help.click.metavar.TEXT": ("CHUỖI", "TEXT"),
    "help.click.metavar.INTEGER": ("SỐ", "INTEGER"),
    "help.click.metavar.INTEGER RANGE": ("SỐ", "INTEGER RANGE"),
    "help.click.metavar.FILE": ("TỆP", "FILE"),
    "help.click.metavar.PATH": ("ĐƯỜNG_DẪN", "PATH"),
    "help.click.metavar.DIRECTORY": ("THƯ_MỤC", "DIRECTORY"),
    # --- options every command shares
    "help.opt.help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    "help.opt.version": ("Hiện phiên bản rồi thoát.", "Show the version and exit."),
    "help.opt.lang": ("Ngôn ngữ của báo cáo.", "Language of the report."),
    "help.opt.lang.default": ("vi, hoặc $TALLY_LANG", "vi, or $TALLY_LANG"),
    "help.opt.json": ("Xuất một tài liệu JSON.", "Print one JSON document."),
    # --- the group
    "help.tally": (
        "Kiểm phiếu và kiểm tra quy định bầu cử cho đại hội Đảng và bầu cử Quốc hội, "
        "Hội đồng nhân dân.\n\n"
        "Mỗi cuộc bầu cử là một thư mục có tệp election.yaml (xem 'tally init'). Kết quả cần\n"
        "cấp ủy có thẩm quyền chuẩn y: tally kiểm phiếu và kiểm tra, không bao giờ sửa một\n"
        "lá phiếu.",
        "Ballot tallying and election-rule checking for Party congresses and state elections.\n\n"
        "An election is a folder with an election.yaml (see 'tally init'). Results need\n"
        "confirmation (chuẩn y) by the competent committee: tally counts and checks, it never\n"
        "changes a vote.",
    ),
    "help.tally.epilog": (
        "Mã thoát: 0 đã quyết định hết và mọi kiểm tra đạt · 1 vi phạm một quy định hoặc "
        "phương án nhân sự · 2 dữ liệu hoặc cách gọi sai · 3 các con số không khớp · 4 đã kiểm "
        "phiếu, nhưng bằng phiếu hoặc còn thiếu người cần bầu tiếp · 70 lỗi nội bộ (lỗi của "
        "tally: chạy lại với --debug).",
        "Exit codes: 0 all decided and all checks pass · 1 a rule or plan check failed · "
        "2 bad input or usage · 3 the figures do not reconcile · 4 counted, but a tie or open "
        "seats need another vote · 70 internal error (a bug: rerun with --debug).",
    ),
    "help.tally.opt.debug": (
        "Hiện chi tiết (traceback) của một lỗi nội bộ.",
        "Show the traceback of an internal error.",
    ),
    "help.tally.opt.allow-outside": (
        "Cho phép đường dẫn dữ liệu của cuộc bầu cử (phiếu, biên bản tổ, tệp quy chế riêng) "
        "trỏ vào DIR, ngoài thư mục bầu cử (lặp lại cho nhiều thư mục).",
        "Let an election's data paths (ballots, tallies, a local rule file) lead into DIR, "
        "outside the election folder (repeat for several).",
    ),
    # --- tally recount
    "help.recount": (
        "Kiểm lại phiếu và kiểm tra lại mọi cuộc bầu cử trong DIR... (validate, count, check "
        "từng cuộc).\n\n"
        "Tìm mọi tệp election.yaml trong các thư mục (bỏ qua thư mục ẩn), kiểm tra từng cuộc\n"
        "như 'tally check', song song nhiều tiến trình, rồi hiện một bảng theo thứ tự thư mục:\n"
        "cuộc bầu cử, số cuộc bầu, kết quả, lỗi / cảnh báo, mã thoát. Với --json, một tài liệu:\n"
        "mỗi cuộc bầu cử một mục, có tài liệu 'tally check --json' của nó ở khóa \"check\", hoặc\n"
        'lỗi của nó (tệp, dòng, thông báo) ở khóa "error". Một thư mục hỏng có dòng và mã\n'
        "thoát riêng, không làm dừng các thư mục khác. Trên màn hình, một thanh tiến độ đếm các\n"
        "cuộc bầu cử trên stderr.\n\n"
        "\b\n"
        "Mã thoát: mã nghiêm trọng nhất trong các cuộc bầu cử, theo thứ tự\n"
        "  70 › 2 › 3 › 1 › 4 › 0\n"
        "70 lỗi của tally · 2 dữ liệu sai · 3 các con số không khớp · 1 một kiểm tra không đạt ·\n"
        "4 bằng phiếu hoặc còn thiếu người cần bầu tiếp · 0 mọi thứ đều ổn. Cũng là 2 khi không\n"
        "tìm thấy election.yaml nào, và cho cuộc bầu cử bị dừng vì --timeout (một tệp không có\n"
        "điểm kết thúc, một ổ đĩa không còn trả lời).",
        "Recount and re-check every election below DIR... (validate, count, check each).\n\n"
        "Finds every election.yaml below the folders (hidden folders are skipped), checks each "
        "one\nas 'tally check' does, in parallel processes, and prints a table sorted by "
        "folder:\nelection, contests, outcome, errors / warnings, exit code. With --json, one "
        "document: an\nentry per election with its 'tally check --json' document under "
        '"check", or its error\n(file, line, message) under "error". A broken folder gets '
        "its own line and exit code and\ndoes not stop the others. On a terminal, a progress "
        "bar counts the elections on stderr.\n\n"
        "\b\n"
        "Exit code: the most serious among the elections, in the order\n"
        "  70 › 2 › 3 › 1 › 4 › 0\n"
        "70 a bug in tally · 2 bad input · 3 figures that do not reconcile · 1 a check failed ·\n"
        "4 a tie or open seats need another vote · 0 all well. 2 also when no election.yaml is\n"
        "found, and for an election stopped by --timeout (a file that never ends, a drive that\n"
        "stopped answering).",
    ),
    "help.recount.opt.jobs": (
        "Số tiến trình chạy song song  [mặc định: số lõi của máy]",
        "Worker processes  [default: the number of cores]",
    ),
    "help.recount.opt.fail-on": (
        "Như 'tally check': thoát với mã 1 chỉ khi có lỗi, hoặc cả khi có cảnh báo.",
        "As for 'tally check': exit 1 on errors only, or on warnings too.",
    ),
    "help.recount.opt.timeout": (
        "Dừng một cuộc bầu cử chạy quá thời gian này (giây): nó nhận một mục lỗi (mã 2).",
        "Stop an election still running after this long: it gets an error entry (exit 2).",
    ),
    # --- tally simulate
    "help.simulate": (
        "Ghi các thư mục bầu cử giả lập vào OUT: để Ban kiểm phiếu tập dượt, để kiểm thử và đo "
        "tốc độ.\n\n"
        "Đại hội đảng viên và đại hội đại biểu (kèm hội nghị lần thứ nhất của cấp ủy mới),\n"
        "hội nghị cấp ủy và đơn vị bầu cử Quốc hội, Hội đồng nhân dân, với họ tên người Việt hư\n"
        "cấu; danh sách theo đúng bộ quy tắc và một phương án nhân sự đã duyệt; phiếu bầu rút\n"
        "ngẫu nhiên từng lá, vài phần trăm không hợp lệ; bằng phiếu ở suất cuối và thiếu người\n"
        "trúng cử với tỉ lệ sát thực tế, phần lớn có bầu lần 2; đơn vị bầu cử lớn kiểm phiếu\n"
        "theo biên bản của các tổ bầu cử. Mỗi tệp được ghi trọn vẹn một lần; kết quả dự kiến của\n"
        "mỗi cuộc bầu nằm trong OUT/.tally-simulate.json. Cùng hạt giống cho cùng các tệp. OUT\n"
        "phải mới hoặc trống (--force thay bộ dữ liệu đã giả lập ở đó trước đây, ngoài ra không\n"
        "thay gì khác). Mã thoát 0 đã ghi · 2 OUT không trống.",
        "Write synthetic election folders into OUT: for board drills, tests and benchmarks.\n\n"
        "Members' and delegates' congresses (with the first conference of the new committee),\n"
        "committee conferences and state constituencies, with fictional Vietnamese names; lists\n"
        "that obey the rule set and an approved personnel plan; ballots drawn one by one with a "
        "few\npercent invalid; ties at the last seat and shortfalls at realistic rates, mostly "
        "followed\nby a second round; large constituencies counted on polling areas' tally "
        "sheets. Each file\nis written atomically; the expected outcome of every contest is in "
        "OUT/.tally-simulate.json.\nThe same seed gives the same files. OUT must be new or "
        "empty (--force replaces a corpus\nsimulated there before, and nothing else). Exit 0 "
        "written · 2 OUT is not empty.",
    ),
    "help.simulate.opt.elections": (
        "Số thư mục bầu cử cần ghi.",
        "How many election folders to write.",
    ),
    "help.simulate.opt.seed": ("Cùng hạt giống, cùng các tệp.", "Same seed, same files."),
    "help.simulate.opt.kind": (
        "Chỉ các cuộc bầu cử loại này (lặp lại cho nhiều loại)  [mặc định: cơ cấu của một tỉnh]",
        "Only elections of this kind (repeat for several)  [default: a province's mix]",
    ),
    "help.simulate.opt.force": (
        "Thay bộ dữ liệu mà 'tally simulate' đã ghi vào OUT trước đây.",
        "Replace a corpus that 'tally simulate' wrote in OUT before.",
    ),
    # --- tally validate
    "help.validate": (
        "Kiểm tra danh sách bầu cử và số đại biểu (cử tri) trước khi bỏ phiếu.\n\n"
        "Hiện cách trình bày phiếu bầu của mỗi cuộc bầu, căn cứ tính đa số và ngưỡng trúng cử, và\n"
        "mọi quy định mà danh sách vi phạm (số dư, danh sách của cấp ủy giới thiệu, số người\n"
        "đồng ý giới thiệu người được đề cử tại đại hội, ai được ứng cử).\n"
        "Mã thoát 0 đạt, 1 vi phạm một quy định, 2 dữ liệu sai.",
        "Check the election list and electorate before the vote.\n\n"
        "Prints each contest's ballot layout, majority base and threshold, and every rule the\n"
        "lists break (surplus, the committee's slate, floor nominees' support, who may stand).\n"
        "Exit 0 fine, 1 a rule is broken, 2 bad input.",
    ),
    # --- tally rules
    "help.rules": (
        "Các bộ quy tắc: các quy chế có sẵn, kèm căn cứ và nguồn gốc của từng quy định.",
        "The rule sets: built-in regulations with their citations and provenance.",
    ),
    "help.rules.list": ("Liệt kê các bộ quy tắc có sẵn.", "List the built-in rule sets."),
    "help.rules.show": (
        "Hiện mọi quy định của RULE_SET (mã một bộ quy tắc có sẵn, hoặc đường dẫn một tệp "
        "YAML quy tắc).\n\n"
        "Mỗi quy định có căn cứ và nguồn gốc: V đã kiểm chứng trong văn bản, S kiểm chứng qua\n"
        "nguồn thứ cấp, I suy luận, U mặc định chưa kiểm chứng.",
        "Show every parameter of RULE_SET (a built-in id or a rules YAML path).\n\n"
        "Each parameter carries its citation and provenance: V verified in the text, S verified\n"
        "from a secondary source, I inferred, U an unverified default.",
    ),
    # --- tally schema, tally init
    "help.schema": (
        "Xuất JSON Schema của election.yaml (cho trình soạn thảo: yaml-language-server).",
        "Print the JSON Schema of election.yaml (for editors: yaml-language-server).",
    ),
    "help.init": (
        "Tạo thư mục FOLDER với một tệp election.yaml sẵn để sửa (chú thích bằng tiếng Việt).",
        "Create FOLDER with a ready-to-edit election.yaml (comments in Vietnamese).",
    ),
    "help.init.opt.rules": (
        "Mã bộ quy tắc ghi vào tệp election.yaml mới (mặc định: chọn theo ngày và loại cuộc bầu "
        "cử khi hỏi từng bước, qd-190-2024 với tệp mẫu).",
        "Rule set id written into the new election.yaml (default: chosen from the date and the "
        "meeting when guided, qd-190-2024 in the template).",
    ),
    # --- issue 18: the guided init and the schema file
    "help.init.opt.interactive": (
        "Hỏi từng bước (loại cuộc bầu cử, ngày, số liệu, danh sách, đề án) rồi ghi election.yaml; "
        "mặc định khi chạy trong cửa sổ dòng lệnh. --no-interactive: ghi tệp mẫu có chú thích.",
        "Ask step by step (meeting, date, figures, lists, plan) and write election.yaml; the "
        "default on a terminal. --no-interactive: write the commented template.",
    ),
    "help.schema.opt.output": (
        "Ghi (hoặc làm mới) tệp schema này, ví dụ election.schema.json cạnh election.yaml.",
        "Write (or refresh) this schema file, e.g. election.schema.json next to election.yaml.",
    ),
    # --- tally import people (issue 18)
    "help.import": (
        "Nhập dữ liệu có sẵn vào election.yaml.",
        "Import existing data into election.yaml.",
    ),
    "help.import.people": (
        "Nhập danh sách trích ngang (FILE .xlsx hoặc .csv) vào mục people: của ELECTION.\n\n"
        "Tìm dòng tiêu đề dưới các dòng tên bảng, đọc các cột Họ và tên, Giới tính (hoặc Nam /\n"
        "Nữ), Ngày sinh, Dân tộc, Đảng viên chính thức / dự bị, Tái cử, Chức vụ; tạo mã từ họ\n"
        "tên. Nhập lại bảng đã sửa thì cập nhật đúng những người đó (theo mã hoặc họ tên) và\n"
        "nói rõ thay đổi; người không còn trong bảng được giữ và được nêu tên. Chú thích và mọi\n"
        "phần khác của election.yaml giữ nguyên. Ô không đọc được: nêu trang, dòng, cột; không\n"
        "ghi gì; mã thoát 2.",
        "Import the personnel list (FILE, .xlsx or .csv) into people: of ELECTION.\n\n"
        "Finds the header row below the title rows, reads the columns Họ và tên, Giới tính (or\n"
        "Nam / Nữ), Ngày sinh, Dân tộc, Đảng viên chính thức / dự bị, Tái cử, Chức vụ (or their\n"
        "English names); makes ids from the names. Importing an updated sheet again updates the\n"
        "same people (by id or name) and says what changed; people no longer in the sheet are\n"
        "kept and named. Comments and the rest of election.yaml stay as written. A cell it\n"
        "cannot read: sheet, row, column; nothing is written; exit code 2.",
    ),
    "help.import.people.opt.sheet": (
        "Trang tính cần đọc (mặc định: trang đầu).",
        "The sheet to read (default: the first).",
    ),
    "help.import.people.opt.map": (
        "Cột có tiêu đề khác: 'TIÊU ĐỀ=trường' (id, name, sex, born, ethnicity, incumbent,\n"
        "membership, post, ignore); lặp lại được.",
        "A column headed otherwise: 'HEADING=field' (id, name, sex, born, ethnicity, incumbent,\n"
        "membership, post, ignore); may be repeated.",
    ),
    "help.import.people.opt.sort-ballot": (
        "Sắp danh sách các cuộc bầu theo thứ tự chữ cái của tên (trừ cuộc bầu ghi\n"
        "'order: as_given').",
        "Sort the contests' lists into ballot order, Vietnamese alphabetical by given name\n"
        "(except contests that say 'order: as_given').",
    ),
    "help.import.people.opt.dry-run": (
        "Chỉ nói sẽ thay đổi gì, không ghi.",
        "Say what would change; write nothing.",
    ),
    # --- tally count
    "help.count": (
        "Kiểm phiếu và xác định người trúng cử.\n\n"
        "Với mỗi cuộc bầu và mỗi lần bầu: căn cứ tính và ngưỡng trúng cử, số phiếu phát ra, thu\n"
        "vào, hợp lệ và không hợp lệ theo lý do, số phiếu và tỉ lệ % trên căn cứ của từng người,\n"
        "người trúng cử và kết quả.\n"
        "Mã thoát 0 đã quyết định hết · 3 các con số không khớp · 4 bằng phiếu hoặc còn thiếu\n"
        "người cần bầu tiếp, hoặc phiếu của một lần bầu chưa được nhập (tệp đã khai nhưng chưa\n"
        "ghi: báo cáo nói tệp nào và cách nhập).",
        "Count the ballots and decide who is elected.\n\n"
        "For each contest and round: the base and threshold, ballots issued, collected, valid "
        "and\ninvalid by reason, votes and % of the base per candidate, the elected, and the "
        "outcome.\nExit 0 all decided · 3 the figures do not reconcile · 4 a tie or open seats "
        "need a vote,\nor a round's ballots are not entered yet (its file is named but not "
        "written: the report\nsays which file and how to enter it).",
    ),
    "help.count.opt.contest": (
        "Chỉ kiểm phiếu cuộc bầu này (mã của nó).",
        "Count only this contest (its id).",
    ),
    "help.count.opt.round": (
        "Chỉ kiểm phiếu đến lần bầu thứ N.",
        "Count rounds up to N only.",
    ),
    "help.count.opt.format": (
        "text (mặc định), json (như --json), csv (mỗi người mỗi lần bầu một dòng) hoặc xlsx "
        "(mỗi cuộc bầu một trang tính, như Ban kiểm phiếu vẫn lưu; cần -o).",
        "text (default), json (as --json), csv (one row per candidate and round) or xlsx "
        "(one sheet per contest, as boards keep them; needs -o).",
    ),
    "help.count.opt.output": (
        "Ghi tệp xuất csv/xlsx vào tệp này thay vì stdout.",
        "Write the csv/xlsx export to this file instead of stdout.",
    ),
    "help.count.opt.force": (
        "Thay tệp kết quả nếu tệp đã có.",
        "Replace the output file if it exists.",
    ),
    # --- tally check
    "help.check": (
        "Kiểm phiếu, rồi đối chiếu kết quả với các quy định và phương án nhân sự đã duyệt.\n\n"
        "Các phát hiện, theo từng cơ quan: số lượng theo phương án (seats_mismatch), cơ cấu\n"
        "(structure_short: ai đã đạt ngưỡng và có thể bù phần thiếu), người dự kiến giữ chức\n"
        "danh không trúng cử (post_not_elected: tạm dừng cuộc bầu tiếp theo), người trúng cử\n"
        "ngoài phương án (off_plan_elected), trình tự cấp ủy → ban thường vụ → bí thư\n"
        "(chain_violation), tuổi (age_limit), và các quy định về danh sách của 'tally validate'.\n"
        "Mã thoát 0 không có lỗi · 1 có lỗi (hoặc cảnh báo, với --fail-on warning) · 2 dữ liệu\n"
        "sai · 3 các con số không khớp · 4 bằng phiếu hoặc còn thiếu người cần bầu tiếp, hoặc\n"
        "phiếu chưa được nhập.",
        "Count, then check the result against the rules and the approved personnel plan.\n\n"
        "Findings, grouped by body: planned seats (seats_mismatch), structure targets\n"
        "(structure_short: who passed the threshold and would close the gap), planned "
        "post-holders\nnot elected (post_not_elected: the next election pauses), elected off "
        "the plan\n(off_plan_elected), the chain committee → standing committee → secretary\n"
        "(chain_violation), age cut-offs (age_limit), and the list rules of 'tally validate'.\n"
        "Exit 0 no error · 1 an error (or a warning with --fail-on warning) · 2 bad input ·\n"
        "3 the figures do not reconcile · 4 a tie or open seats need a vote, or ballots are "
        "not\nentered yet.",
    ),
    "help.check.opt.fail-on": (
        "Thoát với mã 1 chỉ khi có lỗi, hoặc cả khi có cảnh báo (cho CI trên các cuộc bầu cử mẫu).",
        "Exit 1 on errors only, or on warnings too (for CI on sample elections).",
    ),
    # --- tally minutes
    "help.minutes": (
        "Ghi biên bản kiểm phiếu: DOCX, HTML hoặc Markdown.\n\n"
        "Với --contest, một văn bản cho cuộc bầu và lần bầu đó (cần --round khi cuộc bầu có hơn\n"
        "một lần bầu); không có --contest, mỗi cuộc bầu và lần bầu một văn bản trong thư mục\n"
        "OUTPUT, tên CONTEST-ROUND.EXT. '-o -' xuất Markdown (hoặc HTML) ra stdout. Mỗi văn bản\n"
        "ghi phiên bản của công cụ, bộ quy tắc và mã kiểm tra của lần bầu ('tally verify' kiểm\n"
        "tra mã này). Tệp đã có không bao giờ bị thay nếu không có --force. Mã thoát 0 đã ghi ·\n"
        "2 dữ liệu sai · 3 các con số của một lần bầu không khớp (biên bản ghi rõ và không được\n"
        "ký) · 4 phiếu của lần bầu chưa được nhập (không có --contest: các văn bản khác vẫn được\n"
        "ghi, các lần bầu đó được nêu tên).",
        "Write the minutes of the count (biên bản kiểm phiếu): DOCX, HTML or Markdown.\n\n"
        "With --contest, one document for that contest and round (--round is needed when the\n"
        "contest had more than one); without it, one document per contest and round into the\n"
        "folder OUTPUT, named CONTEST-ROUND.EXT. '-o -' prints Markdown (or HTML) to stdout. "
        "Each document carries the tool version, the rule\nset and the fingerprint of its "
        "round ('tally verify' checks it). Existing files are\nnever replaced without "
        "--force. Exit 0 written · 2 bad input · 3 a round's figures do\nnot reconcile (its "
        "minutes say so and must not be signed) · 4 the round's ballots are not\nentered yet "
        "(without --contest: the others are written, those rounds named).",
    ),
    "help.minutes.opt.contest": (
        "Cuộc bầu (mã của nó); không có tuỳ chọn này: mọi cuộc bầu.",
        "The contest (its id); without it, every contest.",
    ),
    "help.minutes.opt.round": ("Lần bầu (1 là lần đầu).", "The round (1 is the first)."),
    "help.minutes.opt.output": (
        "Tệp cần ghi (với --contest) hoặc thư mục để ghi vào.",
        "The file (with --contest) or the folder to write into.",
    ),
    "help.minutes.opt.format": (
        "Định dạng; mặc định theo đuôi tên tệp, hoặc docx cho một thư mục.",
        "The format; by default from the file's extension, or docx for a folder.",
    ),
    "help.minutes.opt.view": (
        "Chỉ cho html: biên bản trên giấy, hoặc bản chữ lớn để chiếu trong hội trường.",
        "html only: the printable minutes, or a large-type view to project in the hall.",
    ),
    "help.minutes.opt.rehearsal": (
        "Đánh dấu DIỄN TẬP trên mọi trang.",
        "Mark every page DIỄN TẬP (a drill).",
    ),
    "help.minutes.opt.force": ("Thay các tệp đã có.", "Replace files that already exist."),
    # --- tally ballots
    "help.ballots": (
        "Tạo phiếu bầu của một lần bầu: một tệp PDF khổ A5 hoặc A4, làm bản in.\n\n"
        "Tên theo thứ tự trên danh sách, có dấu (phông chữ nằm trong tệp PDF); kiểu gạch tên\n"
        "hoặc đồng ý/không đồng ý theo bộ quy tắc. Bên cạnh tệp PDF là tệp bố cục\n"
        "(FILE.layout.json: vị trí bốn dấu góc, từng dòng và từng tên, tính bằng mm); mã SHA-256\n"
        "của nó nằm trong mã QR, giống nhau trên mọi phiếu của lần bầu (không đánh số từng phiếu).\n"
        "Chạy hai lần cho cùng một tệp. Từ chối khi danh sách chưa đạt 'tally validate' (mã\n"
        "thoát 1). --test-deck tạo bộ phiếu thử (phiếu trắng, gạch hết, gạch từng người) và\n"
        "ghi FILE.journal.jsonl: nhật ký mà bản quét bộ phiếu đó phải cho lại.",
        "Print the ballots of a round as a print-ready PDF (A5 or A4).\n\n"
        "Names in ballot order with their diacritics (the font is embedded); the strike-out or\n"
        "agree/disagree layout by the rule set. Beside the PDF goes the layout document\n"
        "(FILE.layout.json: the four corner marks, every row and every name, in mm); its SHA-256\n"
        "is printed in a QR code, the same on every ballot of the round (no per-ballot number).\n"
        "Printing twice gives the same file. Refused when the list fails 'tally validate' (exit\n"
        "1). --test-deck prints the test deck (blank, every name struck, each name struck alone)\n"
        "and writes FILE.journal.jsonl: the journal a scan of that deck must reproduce.",
    ),
    "help.ballots.opt.contest": (
        "Cuộc bầu (mã của nó); không cần khi chỉ có một cuộc bầu.",
        "The contest (its id); not needed when there is only one.",
    ),
    "help.ballots.opt.round": ("Lần bầu (1 là lần đầu).", "The round (1 is the first)."),
    "help.ballots.opt.output": ("Tệp PDF cần ghi.", "The PDF file to write."),
    "help.ballots.opt.paper": ("Khổ giấy.", "The paper size."),
    "help.ballots.opt.copies": (
        "Số phiếu (số trang) của tệp; mặc định: số phiếu phát ra của lần bầu, "
        "nếu chưa có thì số có mặt, rồi số được triệu tập.",
        "How many ballots (pages) to print; by default the round's ballots issued, else "
        "those present, else those summoned.",
    ),
    "help.ballots.opt.rehearsal": (
        "Đánh dấu DIỄN TẬP ngang mỗi phiếu.",
        "Print DIỄN TẬP (a drill) across each ballot.",
    ),
    "help.ballots.opt.test-deck": (
        "Tạo bộ phiếu thử và nhật ký mà bản quét phải cho lại.",
        "Print the test deck and the journal its scan must reproduce.",
    ),
    "help.ballots.opt.force": ("Thay các tệp đã có.", "Replace files that already exist."),
    "help.scan": (
        "Đọc phiếu bầu đã quét hay chụp như một người nhập nữa (phiếu gạch tên hay đồng ý).\n\n"
        "Đọc ảnh PNG, JPEG, TIFF và trang PDF; tìm bốn dấu góc, đối chiếu mã QR với bố cục của\n"
        "lần bầu (phiếu lần bầu khác, hay cùng một ảnh hai lần, bị từ chối, mã thoát 2), xoay phiếu\n"
        "ngược, so từng tên hay "
        "từng ô đồng ý/không đồng ý với phiếu trắng. Phiếu có dòng không chắc chắn được để riêng\n"
        "cho người quyết định, không bao giờ ghi đoán. Ghi một nhật ký nhập phiếu (so với người\n"
        "nhập bằng 'tally reconcile') và lưu ảnh trong scans/ của thư mục bầu cử. Sau đó\n"
        "--review (không cần ảnh): một người có tên quyết định các phiếu để riêng.\n"
        "Cần: pip install 'tally[scan]'.",
        "Read scanned or photographed ballots as one more operator (strike-out or agree).\n\n"
        "Reads PNG, JPEG, TIFF images and PDF pages; finds the four corner marks, checks the QR\n"
        "code against the round's layout (a ballot of another round, or one image twice, is\n"
        "refused, exit 2), turns "
        "upside-down pages, compares each name or agree/disagree box with the blank ballot. A\n"
        "ballot with an undecided row is set aside for a person, never guessed. Writes an entry\n"
        "journal (compare it with a person's entry with 'tally reconcile') and keeps the images\n"
        "under scans/ in the election folder. Then --review (no images): a named person decides\n"
        "the pages set aside. Needs: pip install 'tally[scan]'.",
    ),
    "help.scan.opt.contest": ("Cuộc bầu (mã của nó).", "The contest (its id)."),
    "help.scan.opt.round": ("Lần bầu (1 là lần đầu).", "The round (1 is the first)."),
    "help.scan.opt.operator": (
        "Tên ghi vào nhật ký cho người đọc máy (ví dụ: máy quét 1); với --review: họ tên người\n"
        "quyết định các phiếu để riêng.",
        "The name the journal gives the reader (for example: scanner 1); with --review: the full\n"
        "name of the person deciding the pages set aside.",
    ),
    "help.scan.opt.layout": (
        "Tệp bố cục (FILE.layout.json) của phiếu đã tạo: chỉ nhận phiếu có bố cục này.",
        "The printed ballots' layout file (FILE.layout.json): accept only that layout.",
    ),
    "help.scan.opt.rehearsal": (
        "Đọc phiếu diễn tập (DIỄN TẬP), và chỉ phiếu diễn tập.",
        "Read the drill's ballots (DIỄN TẬP), and only those.",
    ),
    "help.scan.opt.journal": (
        "Tệp nhật ký cần ghi (mặc định trong journals/ của thư mục bầu cử; nhật ký quét đã có\n"
        "của lần bầu thì được ghi tiếp: quét theo đợt); với --review: nhật ký quét cần xem\n"
        "(mặc định: nhật ký quét duy nhất của lần bầu trong journals/).",
        "The journal to write (by default in the election folder's journals/; a scan journal\n"
        "of the round that exists is continued: the pile in batches); with --review: the scan\n"
        "journal to review (by default the round's only scan journal in journals/).",
    ),
    "help.scan.opt.review": (
        "Người có tên (--operator) quyết định các phiếu máy đã để riêng, không cần ảnh: ghi\n"
        "trang HTML có ảnh từng dòng cạnh phiếu trắng, rồi hỏi từng phiếu và ghi vào nhật ký.",
        "A named person (--operator) decides the pages the reader set aside, without IMAGES:\n"
        "writes an HTML page with each row beside the blank ballot's, then asks each ballot's\n"
        "marks and writes them to the journal.",
    ),
    "help.scan.opt.html": (
        "Trang HTML cần ghi với --review (mặc định cạnh nhật ký: ….review.html).",
        "The HTML page --review writes (by default beside the journal: ….review.html).",
    ),
    "help.scan.opt.plain": (
        "Với --review: từng dòng thay cho màn hình đầy đủ (tự dùng khi không có terminal).",
        "With --review: one line per page instead of the full screen (used without a terminal).",
    ),
    # --- tally verify
    "help.verify": (
        "Kiểm tra các tệp có đúng là các tệp đã dùng để lập văn bản đã ký.\n\n"
        "\b\n"
        "tally verify ELECTION --fingerprint XXXX-XXXX-XXXX-XXXX\n"
        "  Tính lại mã kiểm tra của từng lần bầu (những gì kết quả và biên bản của lần bầu đó\n"
        "  dựa vào: đại hội, ban kiểm phiếu, số đại biểu, danh sách, bộ quy tắc, tệp phiếu của\n"
        "  nó) và cho biết mã ghi trên biên bản là của cuộc bầu nào, lần bầu nào.\n"
        "tally verify --journal FILE --head HASH\n"
        "  Cho biết nhật ký nhập phiếu có còn kết thúc ở mã cuối mà Ban kiểm phiếu đã chép khi\n"
        "  dừng nhập: cách kiểm tra duy nhất phát hiện sửa chữa cố ý hoặc các dòng bị cắt ở cuối.\n"
        "Mã thoát 0 khớp · 1 không khớp · 2 dữ liệu sai.",
        "Check that files are the ones a signed paper was made from.\n\n"
        "\b\n"
        "tally verify ELECTION --fingerprint XXXX-XXXX-XXXX-XXXX\n"
        "  Recomputes each round's fingerprint (what its result and its minutes rest on: the\n"
        "  meeting, the board, the electorate, the list, the rule set, its ballot files) and\n"
        "  says which contest and round the code printed on the minutes belongs to.\n"
        "tally verify --journal FILE --head HASH\n"
        "  Says whether an entry journal still ends at the head hash the board wrote down when\n"
        "  entry stopped: the one check that shows a deliberate edit or lines cut off the end.\n"
        "Exit 0 it matches · 1 it does not · 2 bad input.",
    ),
    "help.verify.opt.fingerprint": (
        "Mã kiểm tra ghi trên biên bản (dạng ngắn là đủ).",
        "The fingerprint printed on the minutes (the short form is enough).",
    ),
    "help.verify.opt.journal": (
        "Nhật ký nhập phiếu cần kiểm tra mã cuối đã chép (với --head).",
        "An entry journal whose recorded head to check (with --head).",
    ),
    "help.verify.opt.head": (
        "Mã cuối của nhật ký như Ban kiểm phiếu đã chép (16 chữ số hệ 16 trở lên; được có "
        "dấu cách).",
        "The journal's head hash as the board wrote it down (16 hex digits or more; spaces "
        "allowed).",
    ),
    # --- tally enter
    "help.enter": (
        "Nhập phiếu giấy của một lần bầu, mỗi phiếu một dòng, vào một nhật ký bền vững.\n\n"
        "\b\n"
        "Gõ số thứ tự của các tên bị gạch rồi nhấn Enter:\n"
        "  3 5 12      gạch tên 3, 5 và 12 (0: không gạch tên nào)\n"
        "  2 4 / 7     phiếu đồng ý/không đồng ý: dòng 2, 4 không đồng ý; dòng 7 đánh cả hai\n"
        "              ô hoặc không ô nào\n"
        "  !n !w !m    không hợp lệ trên giấy: không phải phiếu phát ra, ghi thêm tên, có dấu\n"
        "              hiệu riêng\n"
        "  #17 3 5     số sêri của phiếu này là 17\n"
        "  :undo  :fix 17 3 5  :pause  :resume  :tally  :quit\n"
        "Phiếu mà việc kiểm phiếu thấy không hợp lệ theo cách gạch cần nhấn Enter lần nữa.\n\n"
        "Mỗi phiếu được ghi xuống đĩa trước khi được xác nhận; có thể tắt chương trình bất cứ\n"
        "lúc nào rồi chạy lại để tiếp tục. Nhập xong: 'tally entry export' ghi tệp phiếu CSV\n"
        "cho lệnh đếm phiếu (tally count); 'tally entry log' ghi nhật ký nhập phiếu để lưu hồ\n"
        "sơ. Nhiều người cùng nhập một tập phiếu: xem 'tally reconcile'.",
        "Enter the paper ballots of one round, one ballot per line, into a durable journal.\n\n"
        "\b\n"
        "Type the positions of the struck names and press Enter:\n"
        "  3 5 12      names 3, 5 and 12 struck out (0: nothing struck)\n"
        "  2 4 / 7     agree/disagree ballot: rows 2, 4 disagree; row 7 both boxes or neither\n"
        "  !n !w !m    invalid on paper: not issued, name written in, marked\n"
        "  #17 3 5     this ballot's serial is 17\n"
        "  :undo  :fix 17 3 5  :pause  :resume  :tally  :quit\n"
        "A ballot the count finds invalid from its marks needs a second Enter.\n\n"
        "Each ballot is on the disk before it is confirmed; kill the program at any time and\n"
        "start it again to resume. Once entered: 'tally entry export' writes the ballots CSV "
        "for\n'tally count', 'tally entry log' the printable entry log. Several operators "
        "entering the\nsame pile: see 'tally reconcile'.",
    ),
    "help.enter.opt.contest": (
        "Cuộc bầu có phiếu đang nhập (mã của nó).",
        "The contest whose ballots are entered (its id).",
    ),
    "help.enter.opt.round": ("Lần bầu.", "The round."),
    "help.enter.opt.operator": (
        "Người nhập phiếu (ghi kèm mọi lần nhập; đặt tên cho nhật ký).",
        "Who is entering (recorded with every entry; names the journal).",
    ),
    "help.enter.opt.journal": (
        "Tệp nhật ký. Mặc định: journals/<contest>-r<round>-<operator>-<digest>.jsonl trong "
        "thư mục bầu cử.",
        "The journal file. Default: journals/<contest>-r<round>-<operator>-<digest>.jsonl in "
        "the election folder.",
    ),
    "help.enter.opt.plain": (
        "Chế độ dòng: đọc mỗi phiếu một dòng từ stdin (cũng dùng khi stdin không phải màn hình).",
        "Line mode: read one line per ballot from stdin (also used when stdin is not a terminal).",
    ),
    "help.enter.opt.export": (
        "Sẽ bị bỏ: dùng 'tally entry export'. Ghi tệp phiếu CSV từ nhật ký thay vì nhập phiếu.",
        "Deprecated: use 'tally entry export'. Write the ballots CSV from the journal instead "
        "of entering.",
    ),
    "help.enter.opt.output": (
        "Với --export: tệp CSV cần ghi. Mặc định: tệp 'ballots' của lần bầu trong election.yaml.",
        "With --export: the CSV to write. Default: the round's 'ballots' file in election.yaml.",
    ),
    "help.enter.opt.log": (
        "Sẽ bị bỏ: dùng 'tally entry log'. Ghi Nhật ký nhập phiếu của nhật ký dưới dạng .html "
        "hoặc .md, thay vì nhập phiếu.",
        "Deprecated: use 'tally entry log'. Write the entry log (Nhật ký nhập phiếu) of the "
        "journal as .html or .md, instead of entering.",
    ),
    "help.enter.opt.force": (
        "Thay tệp CSV hoặc tệp nhật ký nếu đã có.",
        "Replace the CSV or log file if it exists.",
    ),
    # --- tally entry export|log: what is made from a journal once the paper is entered
    "help.entry": (
        "Từ nhật ký nhập phiếu của một lần bầu: tệp phiếu CSV và nhật ký nhập phiếu để lưu hồ sơ.",
        "From a round's entry journal: the ballots CSV and the printable entry log.",
    ),
    "help.entry.export": (
        "Ghi tệp phiếu CSV của một lần bầu từ nhật ký nhập phiếu, cho 'tally count'.\n\n"
        "Nhật ký là của người nhập (--operator) hoặc tệp --journal. Tệp được ghi vào -o, nếu\n"
        "không thì vào tệp 'ballots' mà election.yaml ghi cho lần bầu; không bao giờ ghi đè\n"
        "nếu thiếu --force.",
        "Write a round's ballots CSV from its entry journal, for 'tally count'.\n\n"
        "The journal is the operator's (--operator) or the file --journal. The CSV goes to -o,\n"
        "else to the round's 'ballots' file in election.yaml; an existing file is never\n"
        "replaced without --force.",
    ),
    "help.entry.export.opt.contest": (
        "Cuộc bầu có phiếu đã nhập (mã của nó).",
        "The contest whose ballots were entered (its id).",
    ),
    "help.entry.export.opt.round": ("Lần bầu.", "The round."),
    "help.entry.export.opt.operator": (
        "Người đã nhập phiếu (chọn nhật ký của người đó trong journals/).",
        "Who entered the ballots (chooses their journal in journals/).",
    ),
    "help.entry.export.opt.journal": (
        "Tệp nhật ký, thay cho --operator.",
        "The journal file, instead of --operator.",
    ),
    "help.entry.export.opt.output": (
        "Tệp CSV cần ghi. Mặc định: tệp 'ballots' của lần bầu trong election.yaml.",
        "The CSV to write. Default: the round's 'ballots' file in election.yaml.",
    ),
    "help.entry.export.opt.force": (
        "Thay tệp CSV nếu đã có.",
        "Replace the CSV if it exists.",
    ),
    "help.entry.log": (
        "Ghi Nhật ký nhập phiếu của một nhật ký (.html hoặc .md) để lưu hồ sơ.\n\n"
        "Chuỗi mã băm của nhật ký được kiểm tra trước; mọi lần nhập, sửa, tạm dừng được ghi\n"
        "kèm thời điểm và người nhập. Nhật ký của nhiều người cùng các quyết định: xem\n"
        "'tally reconcile --log'.",
        "Write the entry log (Nhật ký nhập phiếu) of a journal (.html or .md), to print and "
        "file.\n\n"
        "The journal's hash chain is verified first; every entry, correction and pause is "
        "listed\nwith its time and operator. Several operators' journals with their "
        "resolutions: see\n'tally reconcile --log'.",
    ),
    "help.entry.log.opt.contest": (
        "Cuộc bầu có phiếu đã nhập (mã của nó).",
        "The contest whose ballots were entered (its id).",
    ),
    "help.entry.log.opt.round": ("Lần bầu.", "The round."),
    "help.entry.log.opt.operator": (
        "Người đã nhập phiếu (chọn nhật ký của người đó trong journals/).",
        "Who entered the ballots (chooses their journal in journals/).",
    ),
    "help.entry.log.opt.journal": (
        "Tệp nhật ký, thay cho --operator.",
        "The journal file, instead of --operator.",
    ),
    "help.entry.log.opt.output": (
        "Tệp nhật ký nhập phiếu cần ghi: .html hoặc .md.",
        "The entry log to write: .html or .md.",
    ),
    "help.entry.log.opt.force": (
        "Thay tệp nhật ký nhập phiếu nếu đã có.",
        "Replace the entry log if it exists.",
    ),
    # --- tally reconcile
    "help.reconcile": (
        "So sánh hai hoặc ba nhật ký của cùng một tập phiếu, từng phiếu một.\n\n"
        "Liệt kê mọi phiếu khác nhau hoặc thiếu trong một nhật ký. Tệp phiếu CSV đã thống nhất\n"
        "chỉ được ghi khi mọi nhật ký khớp nhau, hoặc mỗi chỗ khác nhau đã được một người có\n"
        "tên quyết định (--resolve SERIAL=MARKS --by NAME, ghi vào tệp quyết định có chuỗi mã\n"
        "băm).\n\n"
        "Nhật ký có gõ số sêri (#17 3 5) được so theo số sêri. Nếu không, số sêri chỉ là thứ\n"
        "tự nhập: các nhật ký được dóng theo cách gạch, và một phiếu bị bỏ sót hoặc nhập hai\n"
        "lần là một chỗ khác nhau, gọi theo số thứ tự của nhật ký thứ nhất (40, hoặc 39+1 cho\n"
        "phiếu mà nhật ký thứ nhất không có, sau số 39 của nó): --resolve 40='3 5' nếu có\n"
        "phiếu giấy đó, --resolve 40=absent nếu không có.\n\n"
        "Mã thoát 0 đã thống nhất và đã ghi, 1 còn chỗ khác nhau, 2 dữ liệu sai.",
        "Compare two or three journals of the same ballots, ballot by ballot.\n\n"
        "Lists every ballot that differs or is missing from a journal. The agreed ballots CSV "
        "is\nwritten only when all journals agree, or each difference has been resolved by a "
        "named\nperson (--resolve SERIAL=MARKS --by NAME, recorded in a hash-chained "
        "resolutions file).\n\n"
        "Journals with typed serials (#17 3 5) are compared by serial. Otherwise the serial "
        "is\nonly the entry order: the journals are aligned by their marks, and a paper "
        "skipped or\nentered twice is one difference, named on the first journal's numbering "
        "(40, or 39+1\nfor a ballot the first journal has nothing for after its #39): "
        "--resolve 40='3 5' if\nthe paper is there, --resolve 40=absent if it is not.\n\n"
        "Exit 0 agreed and written, 1 differences remain, 2 bad input.",
    ),
    "help.reconcile.opt.resolve": (
        "Quyết định một phiếu khác nhau theo phiếu giấy: 17='3 5', 18='!m', 19=absent, "
        "39+1=absent. Cần --by.",
        "Decide a differing ballot from the paper: 17='3 5', 18='!m', 19=absent, "
        "39+1=absent. Needs --by.",
    ),
    "help.reconcile.opt.by": (
        "Người quyết định --resolve (ghi kèm quyết định).",
        "Who decided the --resolve (recorded with it).",
    ),
    "help.reconcile.opt.note": (
        "Ghi chú kèm theo --resolve.",
        "A note recorded with the --resolve.",
    ),
    "help.reconcile.opt.resolutions": (
        "Tệp quyết định. Mặc định: <contest>-r<round>.resolutions.jsonl cạnh nhật ký thứ nhất.",
        "The resolutions file. Default: <contest>-r<round>.resolutions.jsonl beside the first "
        "journal.",
    ),
    "help.reconcile.opt.output": (
        "Tệp phiếu CSV đã thống nhất. Mặc định: tệp 'ballots' của lần bầu trong election.yaml, "
        "khi các nhật ký nằm trong <election>/journals/.",
        "The agreed ballots CSV. Default: the round's 'ballots' file in election.yaml, when the "
        "journals are in <election>/journals/.",
    ),
    "help.reconcile.opt.log": (
        "Ghi thêm nhật ký nhập phiếu của mọi nhật ký và quyết định (.html hoặc .md).",
        "Also write the entry log of every journal and resolution (.html or .md).",
    ),
    "help.reconcile.opt.head": (
        "Mã cuối mà Ban kiểm phiếu đã chép cho mỗi nhật ký, theo thứ tự các nhật ký: không ghi "
        "gì trừ khi mọi nhật ký vẫn kết thúc ở đó.",
        "The head hash the board wrote down for each journal, in the order of the journals: "
        "nothing is written unless every journal still ends there.",
    ),
    "help.reconcile.opt.force": (
        "Thay tệp CSV hoặc tệp nhật ký nếu đã có.",
        "Replace the CSV or log if it exists.",
    ),
}
