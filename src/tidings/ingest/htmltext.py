"""HTML to article text.

Whole pages go through trafilatura (main-content extraction, title, date, site name). Fragments —
the HTML inside a feed entry or a JSON field — are flattened with lxml, one paragraph per block
element, since they hold no boilerplate to remove.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
from trafilatura import bare_extraction
from trafilatura.settings import use_config

_BLOCK_TAGS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "tr", "table", "section", "article", "header", "footer", "figure", "figcaption", "dd", "dt",
        "hr",
    }
)  # fmt: skip
_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head"}
)
_HTML_HINT = re.compile(r"<(p|br|div|span|a|b|i|em|strong|h[1-6]|li|ul|ol|img|blockquote)\b[^>]*>", re.I)
_CONFIG = use_config()
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal-based timeout: it breaks in threads
#: A page whose main text has fewer words is navigation, a cookie banner or an error page.
MIN_WORDS = 12


@dataclass(frozen=True, slots=True)
class PageText:
    """What is extracted from a web page."""

    text: str
    title: str | None
    date: str | None
    sitename: str | None
    url: str | None
    lang: str | None

    @property
    def is_article(self) -> bool:
        """Enough main text to be an article (not a 404 page, a cookie banner or a menu)."""
        return len(self.text.split()) >= MIN_WORDS


def extract_page(html: str | bytes, url: str | None = None) -> PageText | None:
    """Main text and metadata of a web page, or ``None`` when it cannot be parsed at all."""
    try:
        document = bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            config=_CONFIG,
        )
    except (lxml.etree.LxmlError, ValueError, RecursionError, MemoryError):
        return None
    if document is None:
        return None
    text = getattr(document, "text", None) or ""
    return PageText(
        text=_paragraphs_from_lines(text),
        title=getattr(document, "title", None),
        date=getattr(document, "date", None),
        sitename=getattr(document, "sitename", None),
        url=getattr(document, "url", None) or url,
        lang=getattr(document, "language", None),
    )


def _paragraphs_from_lines(text: str) -> str:
    """trafilatura ends each block with one newline; tidings separates paragraphs with a blank line."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def looks_like_html(text: str) -> bool:
    """True when a text field holds HTML markup rather than plain text."""
    return bool(_HTML_HINT.search(text[:5000]))


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.LxmlError, ValueError):
        return re.sub(r"<[^>]{0,2000}>", " ", fragment)
    parts: list[str] = []
    _flatten(root, parts)
    text = "".join(parts)
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def _flatten(element: lxml.html.HtmlElement, parts: list[str]) -> None:
    """Depth-first text with paragraph breaks around blocks; iterative, so deep nesting is safe."""
    stack: list[tuple[object, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        if closing:
            if tag in _BLOCK_TAGS:
                parts.append("\n\n")
            continue
        if tag in _SKIP_TAGS or not tag:
            if node.tail:
                stack.append((node.tail, False))
            continue
        if tag in _BLOCK_TAGS:
            parts.append("\n\n")
        if node.tail:
            stack.append((node.tail, False))
        stack.append((node, True))
        for child in reversed(node):
            stack.append((child, False))
        if node.text:
            stack.append((node.text, False))
