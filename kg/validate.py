"""Check a graph against ontology/shapes.ttl and say what is wrong, one line a problem.

A line names the node (its label and IRI), the property at fault and what to
do about it, so a person can find the article or rule that produced it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import RDFS, Graph, Literal, Namespace, URIRef
from rdflib.term import Node as Term

from kg.graph import _bind, read_dataset, union

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


def validate(graph: Graph) -> list[Violation]:
    """Every SHACL violation of ``graph``, sorted by label; empty when it conforms."""
    import pyshacl

    _bind(graph)
    _, report, _ = pyshacl.validate(graph, shacl_graph=shapes(), inference="none",
                                    allow_warnings=True)
    out = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        message = report.value(result, SH.resultMessage)
        out.append(Violation(
            label=_label(graph, focus),
            node=str(focus),
            path=_show(graph, report.value(result, SH.resultPath)),
            message=str(message) if message else "constraint failed",
            value=_show(graph, report.value(result, SH.value)),
        ))
    return sorted(set(out))


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
