"""Regenerate the golden files in tests/golden/ — run this ON PURPOSE only.

The golden files pin what `tally count`, `validate`, `check` and `minutes` (Markdown) print for
each example folder; the cases are listed in tests/golden_cases.py, which tests/test_golden.py
reads too. When an output change is intended (new wording, a new JSON key, a layout fix):

    python tests/update_golden.py           # or: python -m pytest tests/test_golden.py --update-golden
    git diff tests/golden/        # review EVERY changed line before committing

Never run it just to make a failing test pass: a golden diff you did not mean is a bug.
tests/test_golden.py also checks the key outcomes of the golden JSON (who is elected, ties,
shortfalls), so a regenerated file that changes a result still fails.

    python tests/update_golden.py --check   # report differences, write nothing
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from golden_cases import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
