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


# --- shared fixtures ---------------------------------------------------------------------------
# Imported after the check above, so they use this checkout's tally.

from collections.abc import Callable  # noqa: E402

import pytest  # noqa: E402
from click.testing import Result  # noqa: E402

from clirun import invoke  # noqa: E402
from elections import ElectionBuilder  # noqa: E402


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from today's output instead of comparing (on purpose only; "
        "review git diff tests/golden/ afterwards)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite the golden files (``--update-golden``)."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def tally_cli() -> Callable[..., Result]:
    """``tally_cli(*args, lang=, input=, env=, columns=)``: run tally in-process (see clirun)."""
    return invoke


@pytest.fixture
def election_builder(tmp_path: Path) -> ElectionBuilder:
    """``election_builder(data, files={}, name="election")``: an election folder in tmp_path,
    written from election.yaml data (see tests/elections.py for its conveniences)."""
    return ElectionBuilder(tmp_path)
