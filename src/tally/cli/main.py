"""The ``tally`` command: the group of :mod:`tally.cli.base` with every command registered.

The command modules import the group and the shared options from ``base`` and register on
it; importing them here, not from ``base``, keeps the CLI free of import cycles (the import
contract in pyproject.toml).
"""

from __future__ import annotations

from tally.cli import batch as _batch  # noqa: F401  (registers the commands)
from tally.cli import commands as _commands  # noqa: F401
from tally.cli import entry as _entry  # noqa: F401
from tally.cli import importing as _importing  # noqa: F401
from tally.cli import scanning as _scanning  # noqa: F401
from tally.cli.base import cli, main

__all__ = ["cli", "main"]
