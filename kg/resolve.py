"""Merge what the extractors found in each article into one node per entity.

Entities are merged by (kind, key); every surface form seen becomes an
alternative label, and each distinct fact keeps all of its evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from kg.model import Entity, Evidence, Extraction, Fact

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


class PackedFacts(NamedTuple):
    """An article's facts as the resolver takes them: each entity and evidence once.

    A build's workers send this rather than Fact and Entity records: plain
    tuples unpickle several times faster in the build's main process, which
    then resolves each entity once per article instead of once per mention.
    """

    entities: list[tuple[str, str, str, str]]  # (kind, key, label, surface), by first mention
    #: each distinct evidence once, as Evidence's fields (article id, sentence, start, end,
    #: rule): the resolver makes the records, sharing rule names across the corpus
    evidence: list[tuple[str, str, int, int, str]]
    facts: list[tuple[int, str, int | str, int]]  # (subject, predicate, object or date, evidence)


def pack(facts: Iterable[Fact]) -> PackedFacts:
    """Number each entity and evidence of ``facts`` (in order) and refer to them by number.

    Facts from one sentence share one sentence string, which pickling keeps shared.
    """
    entities: dict[tuple[str, str, str, str], int] = {}
    evidence: dict[Evidence, int] = {}
    sentences: dict[str, str] = {}
    shared: list[tuple[str, str, int, int, str]] = []
    packed: list[tuple[int, str, int | str, int]] = []
    for f in facts:
        ev = f.evidence
        number = evidence.get(ev)
        if number is None:
            number = evidence[ev] = len(shared)
            shared.append((ev.article_id, sentences.setdefault(ev.sentence, ev.sentence),
                           ev.start, ev.end, ev.rule))
        s = f.subject
        subject = entities.setdefault((s.kind, s.key, s.label, s.surface), len(entities))
        o = f.object
        obj = o if isinstance(o, str) else \
            entities.setdefault((o.kind, o.key, o.label, o.surface), len(entities))
        packed.append((subject, f.predicate, obj, number))
    return PackedFacts(list(entities), shared, packed)


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
        self.rules: dict[str, str] = {}  # one string per rule name, for the whole corpus

    def _entity(self, kind: str, key: str, label: str, surface: str,
                article_id: str) -> tuple[str, str]:
        ident = (kind, key)
        if ident not in self.known:
            self.known[ident] = ident, article_id
            self.nodes[ident] = Node(kind, key, label)
        ident, labelled_by = self.known[ident]
        node = self.nodes[ident]
        if article_id < labelled_by:
            node.label = label
            self.known[ident] = ident, article_id
        if surface:
            node.alt_labels.add(surface)  # the label itself is taken out by corpus()
        return ident

    def add(self, extraction: Extraction) -> None:
        """Merge one article's facts (the extraction is kept in ``corpus().extractions``)."""
        self.add_packed(extraction, pack(extraction.facts))

    def add_packed(self, extraction: Extraction, packed: PackedFacts) -> None:
        """Merge one article's facts, packed by ``pack`` (``extraction.facts`` is not read)."""
        article_id = extraction.article.id
        self.extractions.append(extraction)
        idents = [self._entity(*entity, article_id) for entity in packed.entities]
        rules = self.rules  # one string per rule name: unpickling makes a copy per article
        evidence = [Evidence(article, sentence, start, end, rules.setdefault(rule, rule))
                    for article, sentence, start, end, rule in packed.evidence]
        for subject, predicate, obj, ev in packed.facts:
            key = (idents[subject], predicate, obj if isinstance(obj, str) else idents[obj])
            self.facts.setdefault(key, []).append(evidence[ev])

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
