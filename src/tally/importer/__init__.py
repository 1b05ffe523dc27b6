"""``tally import``: the personnel list (danh sách trích ngang) into election.yaml (issue 18).

:mod:`.sheet` reads the spreadsheet or CSV file into rows; :mod:`.people` merges them into the
``people:`` of election.yaml, keeping the rest of the file as written. No click, no rich.
"""
