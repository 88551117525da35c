"""Check a graph against ontology/shapes.ttl and say what is wrong, one line a problem.

A line names the node (its label and IRI), the property at fault and what to
do about it, so a person can find the article or rule that produced it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node as Term

from kg.graph import bind_prefixes, read_dataset, union

SH = Namespace("http://www.w3.org/ns/shacl#")
_PACKAGE = Path(__file__).resolve().parent


class ValidationError(Exception):
    """The graph or the shapes could not be read; the message names the file."""


def ontology_file(name: str) -> Path:
    """``ontology/<name>``: inside the package when installed, else beside it in a checkout."""
    for folder in (_PACKAGE / "ontology", _PACKAGE.parent / "ontology"):
        if (folder / name).is_file():
            return folder / name
    raise ValidationError(f"ontology/{name}: not found next to the kg package")


@lru_cache(maxsize=1)
def shapes() -> Graph:
    """The SHACL shapes, parsed once per process."""
    path = ontology_file("shapes.ttl")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises parser-specific types
        raise ValidationError(f"{path}: cannot parse: {exc}") from exc


@lru_cache(maxsize=1)
def _core_shapes() -> Graph:
    """The shapes without their SPARQL constraints (those run once per graph instead)."""
    core = Graph()
    for triple in shapes():
        if triple[1] != SH.sparql:
            core.add(triple)
    return core


@dataclass(frozen=True)
class _SparqlCheck:
    """One sh:SPARQLConstraint, ready to run over the whole graph at once."""

    shape: Term
    query: str
    message: str


@lru_cache(maxsize=1)
def _sparql_checks() -> tuple[_SparqlCheck, ...]:
    """The SPARQL constraints with ``$this`` left unbound, so one query finds every
    violation (pyshacl re-parses the query for each focus node, far too slow at scale).

    The queries in shapes.ttl are written to mean the same either way.
    """
    g = shapes()
    checks = []
    for shape, constraint in g.subject_objects(SH.sparql):
        header = "".join(f"PREFIX {g.value(d, SH.prefix)}: <{g.value(d, SH.namespace)}>\n"
                         for p in g.objects(constraint, SH.prefixes)
                         for d in g.objects(p, SH.declare))
        select = str(g.value(constraint, SH.select)).replace("$this", "?this")
        message = g.value(constraint, SH.message) or g.value(shape, SH.message)
        checks.append(_SparqlCheck(shape, header + select, str(message or "constraint failed")))
    return tuple(checks)


def _targets(graph: Graph, shape: Term) -> set[Term]:
    """The focus nodes of ``shape`` (targetNode, targetClass, targetSubjectsOf/ObjectsOf)."""
    g = shapes()
    nodes: set[Term] = set(g.objects(shape, SH.targetNode))
    for cls in g.objects(shape, SH.targetClass):
        nodes.update(graph.subjects(RDF.type, cls))
    for prop in g.objects(shape, SH.targetSubjectsOf):
        nodes.update(graph.subjects(prop, None))
    for prop in g.objects(shape, SH.targetObjectsOf):
        nodes.update(graph.objects(None, prop))
    return nodes


@dataclass(frozen=True, order=True)
class Violation:
    """One failed constraint, in the terms a person needs to fix it."""

    label: str  # the focus node's rdfs:label ('' when it has none)
    node: str  # the focus node's IRI
    path: str  # the property at fault, compact (kg:postIn), or ''
    message: str
    value: str = ""  # the offending value, when there is one

    def line(self) -> str:
        who = f"{self.label} <{self.node}>" if self.label else f"<{self.node}>"
        where = f" {self.path}" if self.path else ""
        what = f" (value: {self.value})" if self.value else ""
        return f"{who}{where}: {self.message}{what}"


def load(path: Path) -> Graph:
    """Any RDF file as one graph (TriG and N-Quads: the union of their graphs)."""
    try:
        return union(read_dataset(path))
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc


def _show(graph: Graph, term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:  # an IRI with no usable prefix
            return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3(graph.namespace_manager)
    return str(term)


def _label(graph: Graph, node: Term) -> str:
    labels = sorted(str(x) for x in graph.objects(node, RDFS.label))
    return labels[0] if labels else ""


def _violation(graph: Graph, focus: Term, path: str, message: str,
               value: Term | None) -> Violation:
    return Violation(label=_label(graph, focus), node=str(focus), path=path,
                     message=message, value=_show(graph, value))


def _show_path(graph: Graph, report: Graph, path: Term | None) -> str:
    """A result path as its property; an inverse path (a blank node) as ``^property``."""
    inverse = report.value(path, SH.inversePath) if isinstance(path, BNode) else None
    return "^" + _show(graph, inverse) if inverse is not None else _show(graph, path)


def _core_violations(graph: Graph) -> list[Violation]:
    import pyshacl

    _, report, _ = pyshacl.validate(graph, shacl_graph=_core_shapes(), inference="none",
                                    allow_warnings=True, inplace=True)
    return [_violation(graph, report.value(r, SH.focusNode),
                       _show_path(graph, report, report.value(r, SH.resultPath)),
                       str(report.value(r, SH.resultMessage) or "constraint failed"),
                       report.value(r, SH.value))
            for r in report.subjects(SH.resultSeverity, SH.Violation)]


def _to_oxigraph(term: Term):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    return ox.BlankNode(str(term))


def _from_oxigraph(term) -> Term | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return BNode(term.value)


def _sparql_violations(graph: Graph) -> list[Violation]:
    """Run each SPARQL constraint once over the whole graph, in Oxigraph (rdflib's engine
    takes minutes on these queries at a few thousand articles)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_extend(ox.Quad(*map(_to_oxigraph, triple)) for triple in graph)
    out = []
    for check in _sparql_checks():
        focus = _targets(graph, check.shape)
        for row in store.query(check.query):
            this = _from_oxigraph(row["this"])
            if this in focus:
                path = _show(graph, _from_oxigraph(row["path"]))
                out.append(_violation(graph, this, path, check.message,
                                      _from_oxigraph(row["value"])))
    return out


def validate(graph: Graph) -> list[Violation]:
    """Every SHACL violation of ``graph``, sorted by label; empty when it conforms.

    ``graph`` is not modified.
    """
    bind_prefixes(graph)
    return sorted(set(_core_violations(graph) + _sparql_violations(graph)))


def check_build(graph: Graph, warn: Callable[[str], None],
                shown: int = 5) -> list[Violation] | None:
    """Validate during a build: warn about the first few violations, never fail the build.

    Returns None (and warns) when the shapes cannot be read.
    """
    try:
        violations = validate(graph)
    except ValidationError as exc:
        warn(f"warning: {exc}; the graph was not validated")
        return None
    for violation in violations[:shown]:
        warn(f"warning: SHACL: {violation.line()}")
    if len(violations) > shown:
        warn(f"warning: SHACL: {len(violations) - shown} more violations (run `kg validate`)")
    return violations
