"""Entities and actors: every mention of one participant merged into one actor.

Mentions come from the named-entity parse (people, organisations, countries acting as subjects),
from noun phrases headed by a title or a collective noun ("the prime minister", "Iraq's military",
"pro-Iran Shiite militias") and from a lexicon of news outlets. They are merged — full name,
surname, title + name, "the Iraqi PM", "the prime minister" — into actors with a role, a country
(ISO3, from possessives, demonyms, compounds and the article's focus) and a sector.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tidings.models import Actor, Entity, Span
from tidings.nlp.countries import country_code
from tidings.nlp.roles import GROUPS, OUTLETS, PLATFORMS, TITLES, org_sector
from tidings.text import dateline_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_NAME_PARTICLE = re.compile(r"^(?:al|el| al|bin|ibn|abu|abd|de|van|von|der|da|di|le|la)[-‐]", re.I)
_POSSESSIVE_TAIL = re.compile(r"(?:'s|’s|'|’)$")
_MAX_TITLE_WORDS = 4
_TITLE_KEYS = sorted(TITLES, key=lambda k: -len(k.split()))
_GROUP_KEYS = sorted(GROUPS, key=lambda k: -len(k.split()))
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    name: str
    kind: str  # person | organization | media | country | group | title
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    definite: bool = False


@dataclass(slots=True)
class _Cluster:
    name: str
    kind: str
    mentions: list[_Mention] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    tokens: frozenset[str] = frozenset()


def find_entities(doc: Doc) -> list[Entity]:
    """Named entities of the parse, possessive endings trimmed, blank spans dropped."""
    entities = []
    for ent in doc.ents:
        start, end, text = _trimmed(ent)
        if end > start:
            entities.append(Entity(start, end, text, ent.label_))
    return entities


def find_actors(doc: Doc) -> list[Actor]:
    """The actors of a parsed article, ids ``a1``, ``a2``… in order of first mention."""
    text = doc.text
    mentions = _mentions(doc, text)
    focus = _focus_country(doc)
    clusters = _merge(mentions)
    _propagate(clusters, text)
    actors = []
    for cluster in sorted(clusters, key=lambda c: c.mentions[0].start):
        country = cluster.country
        if country is None and cluster.sector in ("GOV", "MIL", "POL") and cluster.kind != "person":
            country = focus if any(m.definite for m in cluster.mentions) else None
        if country is None and cluster.kind == "person" and cluster.sector in ("GOV", "MIL", "POL"):
            country = focus
        actors.append(
            Actor(
                id=f"a{len(actors) + 1}",
                name=cluster.name,
                mentions=sorted({(m.start, m.end) for m in cluster.mentions}),
                country=country,
                sector=cluster.sector,
                role=cluster.role,
                kind=cluster.kind if cluster.kind != "title" else "person",
            )
        )
    return actors


def actor_at(actors: list[Actor], span: Span) -> Actor | None:
    """The actor with a mention overlapping ``span`` (the tightest one), or ``None``."""
    best: tuple[int, Actor] | None = None
    for actor in actors:
        for start, end in actor.mentions:
            if start < span[1] and span[0] < end:
                size = end - start
                if best is None or size < best[0]:
                    best = (size, actor)
    return best[1] if best else None


def resolve_pronoun(actors: list[Actor], position: int) -> Actor | None:
    """The person actor mentioned last before ``position`` (for "he said" and the like)."""
    best: tuple[int, Actor] | None = None
    for actor in actors:
        if actor.kind != "person":
            continue
        for start, _end in actor.mentions:
            if start < position and (best is None or start > best[0]):
                best = (start, actor)
    return best[1] if best else None


def is_pronoun(text: str) -> bool:
    """True for he/she/him/her/his."""
    return text.strip().lower() in _PERSONAL_PRONOUNS


# -- mentions ------------------------------------------------------------------------------------


def _trimmed(span: SpacySpan) -> tuple[int, int, str]:
    """Character span and text without a trailing possessive or punctuation.

    Never reads ``doc.text``: spaCy rebuilds it on every access, which is quadratic on long texts.
    """
    tokens = list(span)
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_space or tokens[-1].is_punct):
        tokens.pop()
    while tokens and (tokens[0].is_space or tokens[0].is_punct):
        tokens.pop(0)
    if not tokens:
        return span.start_char, span.start_char, ""
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = span.doc[tokens[0].i : tokens[-1].i + 1].text
    tail = _POSSESSIVE_TAIL.search(text)
    if tail and len(tokens) == 1 and tail.start() > 0:
        end = start + tail.start()
        text = text[: tail.start()]
    return start, end, text


def _mentions(doc: Doc, text: str) -> list[_Mention]:
    mentions: list[_Mention] = []
    covered: set[int] = set()
    dateline = dateline_end(text)
    for ent in doc.ents:
        mention = _entity_mention(ent)
        if mention is not None and mention.kind != "media" and mention.end <= dateline:
            continue  # "BAGHDAD (Reuters) - …": where the story was filed, not who acted
        if mention is not None:
            mentions.append(mention)
            covered.update(range(ent.start, ent.end))
    for match in OUTLETS.finditer(text):
        if not any(m.start <= match.start() < m.end for m in mentions):
            mentions.append(_Mention(match.start(), match.end(), match.group(0), "media", sector="MED"))
    for chunk in doc.noun_chunks:
        if any(t.i in covered for t in chunk if t.ent_type_ in ("PERSON", "ORG")):
            continue
        mention = _nominal_mention(chunk)
        if mention is not None:
            mentions.append(mention)
    return sorted(mentions, key=lambda m: (m.start, -m.end))


def _entity_mention(ent: SpacySpan) -> _Mention | None:
    start, end, text = _trimmed(ent)
    if end <= start:
        return None
    if text.lower() in PLATFORMS:
        return None
    label = ent.label_
    if label == "PERSON":
        role, sector, country = _title_context(ent)
        return _Mention(start, end, text, "person", role=role, sector=sector, country=country)
    if label == "ORG":
        sector = org_sector(text)
        kind = "media" if sector == "MED" else "organization"
        country = _modifier_country(ent) or _inner_country(ent) or country_code(_strip_the(text))
        return _Mention(start, end, _strip_the(text), kind, sector=sector, country=country)
    if label in ("GPE", "NORP"):
        code = country_code(text)
        if code and label == "GPE" and _acts(ent):
            return _Mention(start, end, _strip_the(text), "country", sector="GOV", country=code)
    return None


def _acts(ent: SpacySpan) -> bool:
    """A country acts when it is a subject ("the US condemned"), or the agent of a passive."""
    root = ent.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ in _SUBJECT_DEPS:
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def _strip_the(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text)


def _title_context(ent: SpacySpan) -> tuple[str | None, str | None, str | None]:
    """Role, sector and country from the words around a person's name.

    "Iraq's Prime Minister Mustafa al-Kadhimi", "US State Department spokesperson Ned Price",
    "Ned Price, the State Department spokesman", "Price, a spokesman for …".
    """
    doc = ent.doc
    root = ent.root
    context: list[Token] = [t for t in root.subtree if t.i < ent.start]
    for child in root.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            context.extend(child.subtree)
    if root.dep_ == "appos":
        context.extend(t for t in root.head.subtree if t.i < ent.start or t.i >= ent.end)
    text = " ".join(_token_run_texts(doc, sorted(t.i for t in context))).lower()
    role = sector = None
    for key in _TITLE_KEYS:
        if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", text):
            role, sector = TITLES[key]
            break
    country = None
    for ent_span in _entities_starting_in(doc, context):
        # "Iraq's Prime Minister X", "Iraqi President X", "US State Department spokesperson X"
        if ent_span.label_ not in ("GPE", "NORP", "ORG"):
            continue
        if ent_span.root.dep_ == "pobj" and ent_span.root.head.lower_ != "of":
            continue  # "the UN mission in Iraq": a place, not a nationality
        if _is_affiliation(doc, ent_span[0]):
            continue
        country = country_code(_trimmed(ent_span)[2]) or _inner_country(ent_span)
        if country:
            break
    if sector is None and role is not None:
        orgs = [t for t in context if t.ent_type_ == "ORG"]
        if orgs:
            sector = org_sector(" ".join(t.text for t in orgs))
    return role, sector, country


def _entities_starting_in(doc: Doc, tokens: list[Token]) -> list[SpacySpan]:
    """The entities that start at one of ``tokens``, in text order (``doc.ents`` rebuilds every
    entity of the document on each access, so it is not used per mention)."""
    from spacy.tokens import Span

    spans = []
    for token in sorted(tokens, key=lambda t: t.i):
        if token.ent_iob_ != "B":
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        spans.append(Span(doc, token.i, end, label=token.ent_type_))
    return spans


def _token_run_texts(doc: Doc, indices: list[int]) -> list[str]:
    """The text of each run of consecutive tokens, as written ("Secretary-General" stays whole)."""
    runs: list[str] = []
    start = previous = None
    for index in [*indices, None]:
        if start is not None and (index is None or index != previous + 1):
            runs.append(doc[start : previous + 1].text)
            start = None
        if index is not None:
            start = index if start is None else start
            previous = index
    return runs


def _is_affiliation(doc: Doc, token: Token) -> bool:
    """ "pro-Iran", "anti-US": the country is an alignment, not a nationality."""
    if token.lower_.startswith(("pro-", "anti-")):
        return True
    if token.i < 2 or doc[token.i - 1].text not in ("-", "‐", "–"):
        return doc[token.i - 1].lower_ in ("pro-", "anti-") if token.i else False
    return doc[token.i - 2].lower_ in ("pro", "anti")


def _modifier_country(span: SpacySpan) -> str | None:
    """Country from a possessive or demonym modifying the span's head ("Iraq's", "Iraqi")."""
    for child in span.root.children:
        if child.i >= span.start and child.i < span.end:
            continue
        modifier = child.dep_ in ("poss", "amod", "compound", "nmod") and child.ent_type_ in ("GPE", "NORP")
        if modifier and not _is_affiliation(span.doc, child):
            code = country_code(child.text)
            if code:
                return code
    return None


def _inner_country(span: SpacySpan) -> str | None:
    """Country named inside an organisation's name ("US State Department", "Iraqi Army")."""
    for token in span:
        if token.ent_type_ in ("GPE", "NORP") or token.i == span.start:
            if _is_affiliation(span.doc, token):
                continue
            code = country_code(token.text)
            if code:
                return code
    return None


def _nominal_mention(chunk: SpacySpan) -> _Mention | None:
    """ "the prime minister", "the Iraqi PM", "Iraq's military", "pro-Iran Shiite militias"."""
    words = [t for t in chunk if not t.is_space]
    if not words:
        return None
    head = chunk.root
    if head.pos_ == "PRON" or head.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"):
        return None
    tail_text = " ".join(t.text.lower() for t in words[-_MAX_TITLE_WORDS:] if t.tag_ != "POS")
    definite = words[0].lower_ in ("the", "this", "that") or any(t.dep_ == "poss" for t in words)
    country = None
    for token in words:
        if token.ent_type_ in ("GPE", "NORP") and token.i != head.i and not _is_affiliation(chunk.doc, token):
            country = country_code(token.text) or country
    for key in _GROUP_KEYS:
        if key == "forces" and country is None:  # "all political forces" is no armed force
            continue
        if tail_text == key or tail_text.endswith(" " + key):
            start, end = _chunk_span(chunk)
            return _Mention(start, end, key, "group", sector=GROUPS[key], country=country, definite=definite)
    for key in _TITLE_KEYS:
        if tail_text == key or tail_text.endswith(" " + key):
            role, sector = TITLES[key]
            start, end = _chunk_span(chunk)
            return _Mention(
                start, end, role, "title", role=role, sector=sector, country=country, definite=definite
            )
    return None


def _chunk_span(chunk: SpacySpan) -> tuple[int, int]:
    """The chunk's span, starting after any line break inside it (a heading glued to a phrase)."""
    tokens = list(chunk)
    breaks = [i for i, t in enumerate(tokens) if t.is_space and "\n" in t.text]
    if breaks:
        tokens = tokens[breaks[-1] + 1 :]
    tokens = [t for t in tokens if not t.is_space] or [t for t in chunk if not t.is_space]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _focus_country(doc: Doc) -> str | None:
    """The country most mentioned (GPE and NORP), if any: the article's focus."""
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP"):
            code = country_code(_trimmed(ent)[2])
            if code and not _is_affiliation(doc, ent[0]):
                counts[code] += 1
    return counts.most_common(1)[0][0] if counts else None


# -- merging -------------------------------------------------------------------------------------


def name_tokens(name: str) -> frozenset[str]:
    """Lower-case name words without particles ("Mustafa al-Kadhimi" → {"mustafa", "kadhimi"})."""
    words = re.findall(r"[\w][\w'’.-]*", name.lower())
    return frozenset(_NAME_PARTICLE.sub("", w).strip(".'’") for w in words if w not in ("the",))


def _merge(mentions: list[_Mention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    titles: list[_Mention] = []
    for mention in mentions:
        if mention.kind == "title":
            titles.append(mention)
            continue
        target = _find_cluster(clusters, mention)
        if target is None:
            target = _Cluster(mention.name, mention.kind, tokens=name_tokens(mention.name))
            clusters.append(target)
        _absorb(target, mention)
    for mention in titles:
        person = _person_with_role(clusters, mention)
        if person is not None:
            _absorb(person, mention)
            continue
        same = next(
            (
                c
                for c in clusters
                if c.kind == "title" and c.role == mention.role and _compatible(c.country, mention.country)
            ),
            None,
        )
        if same is None:
            same = _Cluster(mention.role or mention.name, "title")
            clusters.append(same)
        _absorb(same, mention)
    return clusters


def _propagate(clusters: list[_Cluster], text: str) -> None:
    """Add the repeats of a person's surname or an organisation's name that the NER missed."""
    taken = sorted((m.start, m.end) for c in clusters for m in c.mentions)
    starts = [start for start, _ in taken]
    reach = list(itertools.accumulate((end for _, end in taken), max))  # furthest end so far

    def free(start: int, end: int) -> bool:
        """No mention overlaps ``[start, end)`` (mentions found here never overlap each other)."""
        index = bisect.bisect_left(starts, end)  # mentions starting before ``end``
        return index == 0 or reach[index - 1] <= start

    for cluster in clusters:
        if cluster.kind == "person":
            words = cluster.name.split()
            needles = {cluster.name, words[-1]} if len(words) > 1 else set()
        elif cluster.kind in ("organization", "media") and len(cluster.name) >= 3:
            needles = {cluster.name}
        else:
            continue
        for needle in sorted(needles, key=len, reverse=True):
            if len(needle) < 3 or not needle[0].isupper():
                continue
            found = [
                match.span()
                for match in re.finditer(rf"(?<![\w-]){re.escape(needle)}(?![\w-])", text)
                if free(*match.span())
            ]
            if not found:
                continue
            kind = cluster.mentions[0].kind
            cluster.mentions.extend(_Mention(start, end, needle, kind) for start, end in found)
            taken = sorted(taken + found)  # later names must not claim these spans
            starts = [start for start, _ in taken]
            reach = list(itertools.accumulate((end for _, end in taken), max))


def _find_cluster(clusters: list[_Cluster], mention: _Mention) -> _Cluster | None:
    tokens = name_tokens(mention.name)
    for cluster in clusters:
        if mention.kind == "country" and cluster.kind == "country":
            if cluster.country == mention.country:
                return cluster
            continue
        if mention.kind == "person" and cluster.kind == "person":
            if tokens and (tokens <= cluster.tokens or cluster.tokens <= tokens):
                return cluster
            continue
        if mention.kind == "group" and cluster.kind == "group":
            # "Iraq's military" … "the military" refer back; "US officials" are not "the officials"
            if cluster.name == mention.name and mention.country in (None, cluster.country):
                return cluster
            continue
        if mention.kind == "organization" and cluster.kind == "person" and mention.sector is None:
            # NER sometimes labels a surname ORG ("al-Kadhimi's home"): same tokens, same person
            if tokens and tokens <= cluster.tokens:
                return cluster
            continue
        orgs = ("organization", "media")
        organizations = mention.kind in orgs and cluster.kind in orgs
        if organizations and (
            tokens == cluster.tokens
            or _acronym(mention.name) == cluster.name
            or _acronym(cluster.name) == mention.name
        ):
            return cluster
    return None


def _acronym(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper()]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _person_with_role(clusters: list[_Cluster], mention: _Mention) -> _Cluster | None:
    """The one person with this role (and a compatible country) mentioned so far, if unique."""
    candidates = [
        c
        for c in clusters
        if c.kind == "person"
        and c.role == mention.role
        and _compatible(c.country, mention.country)
        and c.mentions[0].start < mention.start
    ]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        later = [
            c
            for c in clusters
            if c.kind == "person" and c.role == mention.role and _compatible(c.country, mention.country)
        ]
        return later[0] if len(later) == 1 else None
    return None


def _absorb(cluster: _Cluster, mention: _Mention) -> None:
    cluster.mentions.append(mention)
    if mention.kind == cluster.kind and len(mention.name) > len(cluster.name) and mention.kind != "group":
        cluster.name = mention.name
        cluster.tokens = name_tokens(mention.name)
    cluster.role = cluster.role or mention.role
    cluster.country = cluster.country or mention.country
    if mention.sector and (
        cluster.sector is None
        or (
            mention.role
            and mention.sector != cluster.sector
            and cluster.kind == "person"
            and cluster.sector is None
        )
    ):
        cluster.sector = mention.sector
