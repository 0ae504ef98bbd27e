"""Clause geometry for the event attribute rules: which tokens belong to a trigger's clause.

A trigger's *clause* is the nearest verb that heads a clause (the trigger itself when it is a
verb; the verb a nominal trigger is an argument of otherwise), with its dependents minus the
clauses embedded in it (complement, adverbial, relative and coordinated clauses). Control verbs
("tried to hit", "plans to attack") are followed upwards as a *chain*, so the rules see the
auxiliaries and modifiers of "tried" when judging "hit". Every walk is bounded, so a sentence of
500 coordinated clauses costs a bounded amount per trigger.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tidings.models import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def words(text: str) -> frozenset[str]:
    """A lexicon written as whitespace-separated words."""
    return frozenset(text.split())


#: Dependency labels of a verb that heads its own clause.
CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "csubj", "csubjpass", "pcomp", "parataxis"}
)
#: Dependents that start an embedded clause: not part of the clause above them.
EMBEDDED_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "csubj", "csubjpass", "parataxis"})
#: Longest walk up the tree, longest clause collected, tokens of a sentence looked at.
MAX_DEPTH = 24
MAX_CLAUSE_TOKENS = 200
WINDOW = 60


def is_verbal(token: Token) -> bool:
    """A verb or auxiliary (the head of a clause)."""
    return token.pos_ in ("VERB", "AUX")


def clause_head(trigger: Token) -> Token:
    """The verb heading the trigger's clause (the trigger itself for a clausal verb)."""
    token = trigger
    for _ in range(MAX_DEPTH):
        if is_verbal(token) and (token.dep_ in CLAUSE_DEPS or token.head.i == token.i):
            return token
        if token.head.i == token.i:
            return token
        token = token.head
    return token


def chain(head: Token, coordinated: bool = True) -> list[Token]:
    """The clause head and the control verbs above it ("tried" for "tried to hit"), nearest first.
    A controlling adjective leads to its verb: "will be able to set" gives set, able, be. A verb
    coordinated without its own subject or auxiliary shares its first conjunct's: "will take off
    and land" gives land, take (unless ``coordinated`` is false: negation does not distribute so,
    "did not comment and referred questions to the ministry")."""
    out = [head]
    token = head
    for _ in range(6):
        if token.head.i == token.i:
            break
        above = token.head
        if coordinated and token.dep_ == "conj" and is_verbal(above) and not _has_own_frame(token):
            token = above
            out.append(token)
            continue
        if token.dep_ != "xcomp":
            break
        if above.pos_ == "ADJ" and above.dep_ in ("acomp", "xcomp") and is_verbal(above.head):
            out.append(above)
            above = above.head
        elif not is_verbal(above):
            break
        token = above
        out.append(token)
    return out


def _has_own_frame(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "neg") for c in verb.children)


def governors(head: Token, depth: int = 4) -> Iterator[Token]:
    """The verbs and nouns above a clause, nearest first ("denied" above "attacked" in "denied that
    it attacked"; "accused" above "attacking" in "accused of attacking")."""
    token = head
    for _ in range(depth):
        if token.head.i == token.i:
            return
        token = token.head
        yield token


#: Relations through which a clause or noun is the content of the word above it ("denied *that it
#: attacked*", "accused of *attacking*", "denied *involvement in the attack*").
ADJUNCT_PREPS = words(
    "after before during since following amid amidst despite until till while when as because"
)
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "pcomp", "pobj", "prep", "dobj", "conj", "acl", "nsubjpass"})


def complement_governors(token: Token, depth: int = 5) -> Iterator[Token]:
    """The words ``token`` is (through complements only) the content of, nearest first."""
    for _ in range(depth):
        if token.dep_ not in COMPLEMENT_DEPS or token.head.i == token.i:
            return
        token = token.head
        if token.dep_ == "prep" and token.lower_ in ADJUNCT_PREPS:
            return
        yield token


def clause_tokens(head: Token, limit: int = MAX_CLAUSE_TOKENS) -> list[Token]:
    """The tokens of the clause headed by ``head``: its dependents, not its embedded clauses."""
    out: list[Token] = []
    stack = [head]
    while stack and len(out) < limit:
        token = stack.pop()
        out.append(token)
        for child in token.children:
            if child.dep_ in EMBEDDED_DEPS and is_verbal(child):
                continue
            if child.dep_ == "conj" and child.i > token.i + 40:
                continue
            stack.append(child)
    out.sort(key=lambda t: t.i)
    return out


def phrase_tokens(token: Token, limit: int = 40) -> list[Token]:
    """A nominal trigger's own phrase: its modifiers and prepositional complements, no clauses."""
    return clause_tokens(token, limit) if not is_verbal(token) else [token]


def sentence(trigger: Token) -> SpacySpan:
    """The trigger's sentence; a doc without sentence boundaries (no parser) is one sentence."""
    try:
        return trigger.sent
    except ValueError:
        return trigger.doc[:]


def window(trigger: Token) -> SpacySpan:
    """The trigger's sentence, cut to ``WINDOW`` tokens on each side."""
    sent = sentence(trigger)
    start = max(sent.start, trigger.i - WINDOW)
    end = min(sent.end, trigger.i + WINDOW + 1)
    return trigger.doc[start:end]


def span_of(tokens: list[Token]) -> Span:
    """The character span covering ``tokens`` (which must not be empty)."""
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return (first.idx, last.idx + len(last.text))


def token_span(token: Token) -> Span:
    """The character span of one token."""
    return (token.idx, token.idx + len(token.text))


def children(token: Token, *deps: str) -> list[Token]:
    """The children of ``token`` with one of the dependency labels ``deps``."""
    return [child for child in token.children if child.dep_ in deps]


def subject(head: Token) -> Token | None:
    """The subject of a clause, if any."""
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            return child
    return None
