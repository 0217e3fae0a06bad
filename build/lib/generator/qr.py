"""QR codes of permanent links for printed worksheets, made at build time without a network."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str) -> str:
    """An SVG image (a file's content) of a QR code that reads as `url`."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="svg", scale=4, border=4,
                                                  xmldecl=True, title="QR code", dark="#000",
                                                  light="#fff")
    return buffer.getvalue().decode("utf-8")
