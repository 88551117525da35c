"""The edge where records become RDF: a Corpus into an rdflib Dataset.

Layout: the default graph holds what is true of the entities (type, labels);
each article is a named graph holding its metadata, the facts it supports and
their evidence.  The union is the whole graph (kg.ttl).

Evidence uses plain RDF reification (rdf:Statement) so every SPARQL engine can
query it: one kg:Evidence node per (fact, sentence) with rdf:subject,
rdf:predicate, rdf:object, kg:sentence, kg:start, kg:end, kg:rule and
prov:wasDerivedFrom the article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import Node as Term

from kg.model import Article
from kg.resolve import DEFAULT_BASE, Corpus

KG = Namespace("https://w3id.org/zhgov-kg/ontology#")
SCHEMA = Namespace("https://schema.org/")
ZH = "zh-Hans"


def _bind(g: Graph) -> None:
    for prefix, ns in (("kg", KG), ("rdfs", RDFS), ("skos", SKOS), ("prov", PROV),
                       ("dcterms", DCTERMS), ("schema", SCHEMA), ("xsd", XSD)):
        g.bind(prefix, ns)


def date_literal(value: str) -> Literal:
    """``2024-09-13`` as xsd:date, ``--09-13`` as xsd:gMonthDay."""
    return Literal(value, datatype=XSD.gMonthDay if value.startswith("--") else XSD.date)


def article_iri(article: Article, base: str = DEFAULT_BASE) -> URIRef:
    digest = hashlib.sha1(article.id.encode("utf-8")).hexdigest()[:16]
    return URIRef(f"{base}article/{digest}")


def _article_meta(node: URIRef, article: Article) -> Iterator[tuple[Term, Term, Term]]:
    yield node, RDF.type, KG.Article
    yield node, DCTERMS.identifier, Literal(article.id)
    yield node, DCTERMS.source, Literal(article.source)
    title = article.meta.get("title") or next(
        (s.text.strip() for s in article.sentences if s.text.strip()), article.id)
    yield node, RDFS.label, Literal(title[:120], lang=ZH)
    yield node, SCHEMA.headline, Literal(title[:200], lang=ZH)
    for key, prop in (("url", SCHEMA.url), ("date", SCHEMA.datePublished),
                      ("publisher", SCHEMA.publisher), ("editor", SCHEMA.editor)):
        if article.meta.get(key):
            yield node, prop, Literal(article.meta[key])


Quad = tuple[Term, Term, Term, "URIRef | None"]


def quads(corpus: Corpus, base: str = DEFAULT_BASE) -> Iterator[Quad]:
    """Every quad of the dataset, graph by graph (``None`` is the default graph).

    The entity descriptions come first, then each article's graph in article
    order, each graph without duplicates.  A generator, so a large corpus can be
    written without ever holding an rdflib Dataset in memory.
    """
    yield from entity_quads(corpus, base)
    yield from _article_quads(corpus, base)


def _iris(corpus: Corpus, base: str) -> dict[tuple[str, str], URIRef]:
    return {ident: URIRef(node.iri(base)) for ident, node in corpus.nodes.items()}


def entity_quads(corpus: Corpus, base: str = DEFAULT_BASE) -> Iterator[Quad]:
    """The default graph (the first quads of ``quads``): each entity's type and labels."""
    iris = _iris(corpus, base)
    for ident, node in sorted(corpus.nodes.items()):
        iri = iris[ident]
        yield iri, RDF.type, KG[node.kind], None
        yield iri, RDFS.label, Literal(node.label, lang=ZH), None
        for alt in sorted(node.alt_labels):
            yield iri, SKOS.altLabel, Literal(alt), None


def _article_quads(corpus: Corpus, base: str) -> Iterator[Quad]:
    """Each article's named graph in turn, without duplicates inside a graph."""
    iris = _iris(corpus, base)
    supported: dict[str, list] = {}
    for (subj, pred, obj), evidence in sorted(corpus.facts.items(), key=lambda kv: str(kv[0])):
        for ev in evidence:
            supported.setdefault(ev.article_id, []).append((subj, pred, obj, ev))
    articles = {e.article.id: e.article for e in corpus.extractions}
    for article_id, article in sorted(articles.items()):
        node = article_iri(article, base)
        seen: set[tuple[Term, Term, Term]] = set()
        for triple in _article_graph(node, article, supported.get(article_id, ()), iris, base):
            if triple not in seen:
                seen.add(triple)
                yield (*triple, node)


def _article_graph(node: URIRef, article: Article, supported, iris, base: str
                   ) -> Iterator[tuple[Term, Term, Term]]:
    """One article's graph: its metadata, the facts it supports and their evidence."""
    yield from _article_meta(node, article)
    for subj, pred, obj, ev in supported:
        s = iris[subj]
        o = date_literal(obj) if isinstance(obj, str) else iris[obj]
        yield s, KG[pred], o
        key = f"{s}|{pred}|{o}|{ev.article_id}|{ev.start}|{ev.rule}"
        e = URIRef(f"{base}evidence/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}")
        yield e, RDF.type, KG.Evidence
        yield e, RDF.subject, s
        yield e, RDF.predicate, KG[pred]
        yield e, RDF.object, o
        yield e, KG.sentence, Literal(ev.sentence, lang=ZH)
        yield e, KG.start, Literal(ev.start)
        yield e, KG.end, Literal(ev.end)
        yield e, KG.rule, Literal(ev.rule)
        yield e, PROV.wasDerivedFrom, node


def to_dataset(corpus: Corpus, base: str = DEFAULT_BASE) -> Dataset:
    """Build the dataset: entity descriptions by default, one named graph per article."""
    ds = Dataset()
    _bind(ds)
    graphs: dict[URIRef | None, Graph] = {None: ds.default_graph}
    for s, p, o, g in quads(corpus, base):
        if g not in graphs:
            graphs[g] = ds.graph(g)
        graphs[g].add((s, p, o))
    return ds


def union(ds: Dataset) -> Graph:
    """All triples of every graph in one Graph (what kg.ttl holds)."""
    g = Graph()
    _bind(g)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
