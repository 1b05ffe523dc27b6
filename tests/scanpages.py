"""Pages for the scan tests: a PDF rendered as a 200-dpi scanner sees it, a page turned,
scaled and given noise, and a page saved as a scanner writes it (JPEG 70, or PNG)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium

DPI = 200
PX = DPI / 25.4  # pixels per millimetre of the layout


def pages(pdf: Path) -> list[object]:
    """Every page of the PDF as an RGB array (writable)."""
    doc = pdfium.PdfDocument(pdf.read_bytes())
    try:
        return [
            np.array(doc[i].render(scale=DPI / 72).to_pil().convert("RGB")) for i in range(len(doc))
        ]
    finally:
        doc.close()


def degrade(rgb: object, seed: int) -> object:
    """Turned by up to 2°, scaled by up to 2 %, with noise: a flat scan."""
    rng = np.random.default_rng(seed)
    h, w = rgb.shape[:2]  # type: ignore[attr-defined]
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-2, 2), rng.uniform(0.98, 1.02))
    out = cv2.warpAffine(rgb, turn, (w, h), borderValue=(255, 255, 255))
    noise = rng.normal(0, 8, out.shape)
    return np.clip(out.astype(np.int16) + noise, 0, 255).astype(np.uint8)


def save(rgb: object, path: Path) -> Path:
    """The page written as an image file: JPEG quality 70 for .jpg, else lossless."""
    bgr = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
    params = [cv2.IMWRITE_JPEG_QUALITY, 70] if path.suffix == ".jpg" else []
    assert cv2.imwrite(str(path), bgr, params)
    return path
