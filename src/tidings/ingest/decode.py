"""Bytes to text, for inputs whose encoding is not declared or is declared wrongly.

UTF-8 (with or without BOM) and UTF-16 with a BOM are taken as they are. Anything else is handed
to charset-normalizer, which recognises legacy encodings such as cp1256 Arabic; when nothing fits,
undecodable bytes become U+FFFD and the caller is told.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the encoding used, and whether bytes had to be replaced."""

    text: str
    encoding: str
    lossy: bool = False

    @property
    def note(self) -> str | None:
        """A message for the user when the input was not plain UTF-8, else ``None``."""
        if self.lossy:
            return "not valid UTF-8 and no encoding fits; undecodable bytes replaced with U+FFFD"
        if self.encoding not in ("utf-8", "utf-8-sig", "ascii"):
            return f"not UTF-8; decoded as {self.encoding}"
        return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` as UTF-8 when it is, else as the best-guessed encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                break
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding not in ("utf_8", "utf-8"):
        try:
            return Decoded(data.decode(best.encoding), best.encoding.replace("_", "-"))
        except (UnicodeDecodeError, LookupError):
            pass
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8", lossy=True)


def looks_binary(head: bytes) -> bool:
    """True when the first bytes of a file are not text in any encoding tidings reads.

    NUL bytes (outside UTF-16/32 with a BOM) or more than 10% control characters mean binary.
    """
    if not head or any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27, 8))
    return controls > len(head) // 10
