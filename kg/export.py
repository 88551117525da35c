"""Write a built graph in the format another tool wants.

RDF formats (ttl, nt, nq, trig, jsonld) go through rdflib; ``csv`` gives one
fact a row with its evidence, for spreadsheets; ``graphml`` and ``gexf`` give
the entity network (nodes with label and type, edges with the predicate) for
Gephi or Cytoscape.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node as Term

from kg.graph import KG, SCHEMA, union
from kg.model import KINDS, RELATIONS

#: ``--format`` value -> rdflib serializer name, for the RDF formats.
RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
FORMATS = (*RDF_FORMATS, "csv", "graphml", "gexf")
CSV_COLUMNS = ("subject_label", "predicate", "object_label", "sentence", "article", "rule",
               "start", "end", "subject", "object", "article_iri", "article_id")
CORE_PREDICATES = (*RELATIONS, "date")


@dataclass(frozen=True)
class FactRow:
    """One fact with one piece of its evidence (evidence fields empty when it has none)."""

    subject_label: str
    predicate: str
    object_label: str
    sentence: str
    article: str  # the article's title (rdfs:label)
    rule: str
    start: str
    end: str
    subject: str
    object: str
    article_iri: str
    article_id: str


def _label(g: Graph, node: Term) -> str:
    if isinstance(node, Literal):
        return str(node)
    labels = sorted(str(x) for x in g.objects(node, RDFS.label))
    return labels[0] if labels else str(node)


def _one(g: Graph, node: Term, prop: URIRef) -> str:
    values = sorted(str(x) for x in g.objects(node, prop))
    return values[0] if values else ""


def _evidence(g: Graph) -> dict[tuple[Term, Term, Term], list[Term]]:
    """Evidence nodes by the (s, p, o) of each statement they kg:supports."""
    out: dict[tuple[Term, Term, Term], list[Term]] = {}
    for e, statement in g.subject_objects(KG.supports):
        key = (g.value(statement, RDF.subject), g.value(statement, RDF.predicate),
               g.value(statement, RDF.object))
        out.setdefault(key, []).append(e)
    return out


def _facts(g: Graph) -> Iterator[tuple[Term, Term, Term]]:
    for name in CORE_PREDICATES:
        yield from ((s, KG[name], o) for s, o in g.subject_objects(KG[name]))


def fact_rows(g: Graph) -> list[FactRow]:
    """Every core fact of ``g``, one row per piece of evidence, in a stable order."""
    evidence = _evidence(g)
    rows = []
    for s, p, o in _facts(g):
        common = dict(subject_label=_label(g, s), predicate=p.removeprefix(str(KG)),
                      object_label=_label(g, o), subject=str(s), object=str(o))
        for e in evidence.get((s, p, o)) or [None]:
            article = g.value(e, PROV.wasDerivedFrom) if e is not None else None
            rows.append(FactRow(
                **common,
                sentence=_one(g, e, KG.sentence) if e is not None else "",
                article=_label(g, article) if article is not None else "",
                rule=_one(g, e, KG.rule) if e is not None else "",
                start=_one(g, e, KG.start) if e is not None else "",
                end=_one(g, e, KG.end) if e is not None else "",
                article_iri=str(article or ""),
                article_id=_one(g, article, DCTERMS.identifier) if article is not None else "",
            ))
    return sorted(rows, key=lambda r: (r.predicate, r.subject_label, r.object_label,
                                       r.article_iri, r.start))


def to_csv(g: Graph) -> str:
    """The facts as CSV with a header row (see CSV_COLUMNS)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in fact_rows(g):
        writer.writerow([getattr(row, c) for c in CSV_COLUMNS])
    return buf.getvalue()


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """Entities as nodes (label, type, iri; meetings also date), facts as predicate edges."""
    net = nx.MultiDiGraph()
    for kind in KINDS:
        for node in g.subjects(RDF.type, KG[kind]):
            net.add_node(str(node), label=_label(g, node), type=kind, iri=str(node))
    for s, date in g.subject_objects(KG.date):
        if str(s) in net:
            net.nodes[str(s)]["date"] = str(date)
    evidence = _evidence(g)
    for s, p, o in _facts(g):
        if isinstance(o, Literal) or str(s) not in net or str(o) not in net:
            continue
        found = evidence.get((s, p, o), [])
        name = p.removeprefix(str(KG))
        net.add_edge(str(s), str(o), key=name, predicate=name, evidence=len(found),
                     sentence=_one(g, found[0], KG.sentence) if found else "")
    return net


def _jsonld_context() -> dict[str, str]:
    return {"kg": str(KG), "rdfs": str(RDFS), "schema": str(SCHEMA), "prov": str(PROV),
            "dcterms": str(DCTERMS), "skos": "http://www.w3.org/2004/02/skos/core#",
            "xsd": "http://www.w3.org/2001/XMLSchema#"}


def export(ds: Dataset, fmt: str) -> bytes:
    """``ds`` in format ``fmt`` (one of FORMATS), as bytes ready to write."""
    if fmt in ("nq", "trig"):
        return ds.serialize(format=RDF_FORMATS[fmt], encoding="utf-8")
    if fmt == "jsonld":
        return ds.serialize(format="json-ld", context=_jsonld_context(), encoding="utf-8")
    g = union(ds)
    if fmt in RDF_FORMATS:
        return g.serialize(format=RDF_FORMATS[fmt], encoding="utf-8")
    if fmt == "csv":
        return to_csv(g).encode("utf-8")
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(to_networkx(g), buf)
    elif fmt == "gexf":
        nx.write_gexf(to_networkx(g), buf)
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    return buf.getvalue()


def default_graph_file(folder: Path = Path("output")) -> Path:
    """The TriG when there is one (it keeps one graph per article), else the Turtle."""
    trig = folder / "kg.trig"
    return trig if trig.is_file() else folder / "kg.ttl"
