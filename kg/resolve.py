"""Merge what the extractors found in each article into one node per entity.

Entities are merged by (kind, key); every surface form seen becomes an
alternative label, and each distinct fact keeps all of its evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

from kg.model import Entity, Evidence, Extraction, Fact

DEFAULT_BASE = "https://w3id.org/zhgov-kg/id/"


@dataclass
class Node:
    """One resolved entity: the node the graph will have."""

    kind: str
    key: str
    label: str
    alt_labels: set[str] = field(default_factory=set)

    def iri(self, base: str = DEFAULT_BASE) -> str:
        """A readable, deterministic IRI from the kind and key."""
        return f"{base}{self.kind.lower()}/{quote(self.key, safe='()-_.~')}"


@dataclass
class Corpus:
    """The resolved corpus: nodes, facts with their evidence, and the articles."""

    nodes: dict[tuple[str, str], Node] = field(default_factory=dict)
    facts: dict[tuple, list[Evidence]] = field(default_factory=dict)  # (s, p, o) -> evidence
    extractions: list[Extraction] = field(default_factory=list)

    def node(self, entity: Entity) -> Node:
        return self.nodes[(entity.kind, entity.key)]


def _add_entity(corpus: Corpus, entity: Entity) -> tuple[str, str]:
    ident = (entity.kind, entity.key)
    node = corpus.nodes.get(ident)
    if node is None:
        node = corpus.nodes[ident] = Node(entity.kind, entity.key, entity.label)
    if entity.surface and entity.surface != node.label:
        node.alt_labels.add(entity.surface)
    return ident


def fact_key(fact: Fact) -> tuple:
    """The identity of a fact once its entities are resolved."""
    obj = fact.object if isinstance(fact.object, str) else (fact.object.kind, fact.object.key)
    return ((fact.subject.kind, fact.subject.key), fact.predicate, obj)


def resolve(extractions: Iterable[Extraction]) -> Corpus:
    """Merge all extractions into one Corpus, in a deterministic order."""
    corpus = Corpus()
    # Evidence names its article, so a repeat can only come from an article with
    # the same id (adjacent once sorted); a lookup in the fact's whole evidence
    # list instead was quadratic in a large corpus.
    seen: set[tuple[tuple, Evidence]] = set()
    article_id = None
    for extraction in sorted(extractions, key=lambda e: e.article.id):
        corpus.extractions.append(extraction)
        if extraction.article.id != article_id:
            seen, article_id = set(), extraction.article.id
        for fact in extraction.facts:
            _add_entity(corpus, fact.subject)
            if isinstance(fact.object, Entity):
                _add_entity(corpus, fact.object)
            key = fact_key(fact)
            evidence = corpus.facts.setdefault(key, [])
            if (key, fact.evidence) not in seen:
                seen.add((key, fact.evidence))
                evidence.append(fact.evidence)
    return corpus
