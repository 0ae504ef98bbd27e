"""What every reader shares: options, the item type readers yield, and size checks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tidings.models import Article, Notice, Rejection

#: What a reader yields for each record of its input.
Item = Article | Rejection | Notice
Items = Iterator[Item]

#: Default ceiling on an article's text, in characters. News articles are rarely over 100,000
#: characters; a 5 MB "article" is a data dump, which is rejected with a hint rather than analysed.
DEFAULT_MAX_CHARS = 5_000_000


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Options every reader honours.

    ``date`` is the publication date (``YYYY-MM-DD``) for inputs that carry none (plain text);
    ``format`` forces a reader instead of detecting one; ``max_chars`` caps an article's text.
    """

    date: str | None = None
    format: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS

    @property
    def max_bytes(self) -> int:
        """Largest whole file read into memory: room for markup around ``max_chars`` of text."""
        return self.max_chars * 8 + 1_000_000


def lang_code(value: Any) -> str | None:
    """An ISO 639-1 code from ``en``, ``EN``, ``en-US`` or ``en_GB``; ``None`` otherwise."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if len(code) == 2 and code.isalpha() else None


def too_long(source: str, n_chars: int, options: ReadOptions) -> Rejection | None:
    """A rejection when a text of ``n_chars`` exceeds the ceiling, else ``None``."""
    if n_chars <= options.max_chars:
        return None
    return Rejection(
        source,
        f"text of {n_chars:,} characters is over the limit of {options.max_chars:,} "
        "(raise it with --max-chars)",
        "too long",
    )
