"""The QR code of a vote's link, made offline with segno."""

from __future__ import annotations

import segno


def qr_svg(url: str, scale: int = 8) -> str:
    """The QR code of `url` as an SVG document (str), black on white with its quiet zone, titled with the URL."""
    return segno.make(url, error="m").svg_inline(scale=scale, dark="#000", light="#fff", title=url)


def qr_png(url: str, scale: int = 10) -> bytes:
    """The QR code of `url` as PNG bytes."""
    import io

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, dark="#000", light="#fff")
    return buffer.getvalue()
