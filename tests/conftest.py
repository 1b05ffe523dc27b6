"""The tests run against this checkout's ``src/``, never an installed copy of tally.

``pip install '.[test]'`` (CI, the README) installs a copy of the package; without this, the
tests would import that copy, and a broken ``src/`` could pass them. ``src/`` goes first on
``sys.path`` and on ``PYTHONPATH`` (for the tests that start ``python -m tally``), and the
run stops at once if ``tally`` still comes from elsewhere.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"

sys.path.insert(0, str(SRC))
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(SRC), *(p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p)]
)

import tally  # noqa: E402

if not Path(tally.__file__).resolve().is_relative_to(SRC):
    raise RuntimeError(
        f"the tests import tally from {tally.__file__}, not from {SRC}: "
        "a stale installed copy would be tested instead of the source"
    )
