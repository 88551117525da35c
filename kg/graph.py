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

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

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


def _article_meta(g: Graph, node: URIRef, article: Article) -> None:
    g.add((node, RDF.type, KG.Article))
    g.add((node, DCTERMS.identifier, Literal(article.id)))
    g.add((node, DCTERMS.source, Literal(article.source)))
    title = article.meta.get("title") or next(
        (s.text.strip() for s in article.sentences if s.text.strip()), article.id)
    g.add((node, RDFS.label, Literal(title[:120], lang=ZH)))
    g.add((node, SCHEMA.headline, Literal(title[:200], lang=ZH)))
    for key, prop in (("url", SCHEMA.url), ("date", SCHEMA.datePublished),
                      ("publisher", SCHEMA.publisher), ("editor", SCHEMA.editor)):
        if article.meta.get(key):
            g.add((node, prop, Literal(article.meta[key])))


def to_dataset(corpus: Corpus, base: str = DEFAULT_BASE) -> Dataset:
    """Build the dataset: entity descriptions by default, one named graph per article."""
    ds = Dataset()
    _bind(ds)
    default = ds.default_context
    iris = {ident: URIRef(node.iri(base)) for ident, node in corpus.nodes.items()}
    for ident, node in sorted(corpus.nodes.items()):
        iri = iris[ident]
        default.add((iri, RDF.type, KG[node.kind]))
        default.add((iri, RDFS.label, Literal(node.label, lang=ZH)))
        for alt in sorted(node.alt_labels):
            default.add((iri, SKOS.altLabel, Literal(alt)))
    articles = {e.article.id: e.article for e in corpus.extractions}
    graphs: dict[str, Graph] = {}
    for article_id, article in sorted(articles.items()):
        node = article_iri(article, base)
        graphs[article_id] = ds.graph(node)
        _article_meta(graphs[article_id], node, article)
    for (subj, pred, obj), evidence in sorted(corpus.facts.items(), key=lambda kv: str(kv[0])):
        s = iris[subj]
        o = date_literal(obj) if isinstance(obj, str) else iris[obj]
        for ev in evidence:
            g = graphs[ev.article_id]
            g.add((s, KG[pred], o))
            key = f"{s}|{pred}|{o}|{ev.article_id}|{ev.start}|{ev.rule}"
            e = URIRef(f"{base}evidence/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}")
            g.add((e, RDF.type, KG.Evidence))
            g.add((e, RDF.subject, s))
            g.add((e, RDF.predicate, KG[pred]))
            g.add((e, RDF.object, o))
            g.add((e, KG.sentence, Literal(ev.sentence, lang=ZH)))
            g.add((e, KG.start, Literal(ev.start)))
            g.add((e, KG.end, Literal(ev.end)))
            g.add((e, KG.rule, Literal(ev.rule)))
            g.add((e, PROV.wasDerivedFrom, article_iri(articles[ev.article_id], base)))
    return ds


def union(ds: Dataset) -> Graph:
    """All triples of every graph in one Graph (what kg.ttl holds)."""
    g = Graph()
    _bind(g)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
