"""The deterministic zip for DOCX and XLSX: the same contents give the same bytes.

``zipfile`` stamps each member with the clock; every member here carries one fixed time.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import Any

ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # the one timestamp of every member of every package


class FixedTimeZip(zipfile.ZipFile):
    """A zip archive whose members all carry :data:`ZIP_TIME`, deflated, mode 0644."""

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: Any,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if isinstance(zinfo_or_arcname, str):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(
        self,
        filename: str | os.PathLike[str],
        arcname: str | os.PathLike[str] | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        # openpyxl writes each worksheet to a temporary file, then adds it with write()
        name = os.fspath(arcname if arcname is not None else filename).lstrip("/")
        self.writestr(name, Path(filename).read_bytes(), compress_type, compresslevel)


def fixed(data: bytes) -> bytes:
    """A package (python-docx's output) again, every member stamped with :data:`ZIP_TIME`."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        FixedTimeZip(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
    return out.getvalue()
