"""Merge what the extractors found in each article into one node per entity.

Entities are merged by (kind, key); every surface form seen becomes an
alternative label, and each distinct fact keeps all of its evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.model import Entity, Evidence, Extraction

DEFAULT_BASE = "https://w3id.org/zhgov-kg/id/"


@dataclass(slots=True)
class Node:
    """One resolved entity: the node the graph will have."""

    kind: str
    key: str
    label: str
    alt_labels: set[str] = field(default_factory=set)


@dataclass
class Corpus:
    """The resolved corpus: nodes, facts with their evidence, and the articles."""

    nodes: dict[tuple[str, str], Node] = field(default_factory=dict)
    facts: dict[tuple, list[Evidence]] = field(default_factory=dict)  # (s, p, o) -> evidence
    extractions: list[Extraction] = field(default_factory=list)

    def node(self, entity: Entity) -> Node:
        return self.nodes[(entity.kind, entity.key)]


class Resolver:
    """Merges extractions one at a time, in any order, into the Corpus ``resolve`` gives.

    A build adds each article as it comes back from extraction and can then drop
    its facts, so the whole corpus is never held twice (as facts per article and
    as resolved facts).  The result is that of the articles sorted by id: a
    node's label is the one of its first mention in that order (kept with the
    id of the article that gave it), and each fact's evidence is put in that
    order by ``corpus()``, which also drops repeats (equal evidence names the
    same article).
    """

    def __init__(self) -> None:
        self.nodes: dict[tuple[str, str], Node] = {}
        #: (kind, key) -> (the one tuple every fact about it shares, the id of the
        #: article its label is from)
        self.known: dict[tuple[str, str], tuple[tuple[str, str], str]] = {}
        self.facts: dict[tuple, list[Evidence]] = {}
        self.extractions: list[Extraction] = []

    def _entity(self, entity: Entity, article_id: str) -> tuple[str, str]:
        ident = (entity.kind, entity.key)
        if ident not in self.known:
            self.known[ident] = ident, article_id
            self.nodes[ident] = Node(entity.kind, entity.key, entity.label)
        ident, labelled_by = self.known[ident]
        node = self.nodes[ident]
        if article_id < labelled_by:
            node.label = entity.label
            self.known[ident] = ident, article_id
        if entity.surface:
            node.alt_labels.add(entity.surface)  # the label itself is taken out by corpus()
        return ident

    def add(self, extraction: Extraction) -> None:
        """Merge one article's facts (the extraction is kept in ``corpus().extractions``)."""
        article_id = extraction.article.id
        self.extractions.append(extraction)
        for fact in extraction.facts:
            subject = self._entity(fact.subject, article_id)
            obj = fact.object if isinstance(fact.object, str) else \
                self._entity(fact.object, article_id)
            self.facts.setdefault((subject, fact.predicate, obj), []).append(fact.evidence)

    def corpus(self) -> Corpus:
        """The resolved corpus; the resolver must not be used afterwards."""
        for node in self.nodes.values():
            node.alt_labels.discard(node.label)
        for key, evidence in self.facts.items():
            if len(evidence) > 1:  # a stable sort: articles with one id keep their order
                evidence.sort(key=lambda ev: ev.article_id)
                self.facts[key] = list(dict.fromkeys(evidence))
        self.extractions.sort(key=lambda e: e.article.id)
        return Corpus(self.nodes, self.facts, self.extractions)


def resolve(extractions: Iterable[Extraction]) -> Corpus:
    """Merge all extractions into one Corpus, in a deterministic order."""
    resolver = Resolver()
    for extraction in extractions:
        resolver.add(extraction)
    return resolver.corpus()
