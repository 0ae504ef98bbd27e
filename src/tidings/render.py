"""A readable, plain-text view of an analysis: the article with its spans marked, then tables.

Marks: ``[text]{a1}`` an actor mention, ``<text>{2021-11-07}`` a time expression; quotes and
attributions are listed after the text with their speakers and sources.
"""

from __future__ import annotations

from tidings.models import Analysis


def render(analysis: Analysis) -> str:
    """The article text with actor mentions and time expressions marked, then the lists."""
    article = analysis.article
    marks: list[tuple[int, int, str, str]] = []
    for actor in analysis.actors:
        for start, end in actor.mentions:
            marks.append((start, end, "[", f"]{{{actor.id}}}"))
    for timex in analysis.timexes:
        marks.append((timex.start, timex.end, "<", f">{{{timex.value or timex.type}}}"))
    text = article.text
    pieces: list[str] = []
    position = 0
    for start, end, opening, closing in sorted(marks, key=lambda m: (m[0], -m[1])):
        if start < position:  # overlapping marks: keep the first, outermost one
            continue
        pieces.append(text[position:start])
        pieces.append(opening + text[start:end] + closing)
        position = end
    pieces.append(text[position:])
    lines = [
        f"# {article.title or '(no title)'}",
        f"id {article.id[:12]} · {article.published or 'undated'} · {article.outlet or 'unknown outlet'}"
        f" · {article.lang or 'und'}",
        "",
        "".join(pieces),
        "",
        "## Actors",
    ]
    for actor in analysis.actors:
        details = ", ".join(
            f"{key} {value}"
            for key, value in (("role", actor.role), ("country", actor.country), ("sector", actor.sector))
            if value
        )
        lines.append(
            f"{actor.id:>4}  {actor.name} ({actor.kind}; {details or 'no details'}) ×{len(actor.mentions)}"
        )
    lines.append("")
    lines.append("## Time expressions")
    for timex in analysis.timexes:
        mod = f" {timex.mod}" if timex.mod else ""
        lines.append(f"  {timex.text!r} → {timex.type} {timex.value}{mod} ({timex.precision or '-'})")
    lines.append("")
    lines.append("## Quotes")
    for quote in analysis.quotes:
        who = quote.speaker or "?"
        kind = "direct" if quote.direct else "indirect"
        lines.append(f"  {who} {quote.cue or ''} ({kind}, {quote.lang or 'und'}): {_short(quote.text)}")
    lines.append("")
    lines.append("## Attributions")
    for attribution in analysis.attributions:
        claim = text[attribution.claim[0] : attribution.claim[1]]
        lines.append(
            f"  {attribution.source} ({attribution.kind}"
            f"{', ' + attribution.actor if attribution.actor else ''}): {_short(claim)}"
        )
    return "\n".join(lines) + "\n"


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
