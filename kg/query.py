"""Run SPARQL over a built graph and format the answer for people or programs."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.query import Result

from kg.graph import _bind


class QueryError(Exception):
    """A query or graph that cannot be used; the message names which."""


@dataclass
class Answer:
    """A query's answer: rows for SELECT, a boolean for ASK, a graph otherwise."""

    variables: list[str]
    rows: list[list[rdflib.term.Node | None]]
    boolean: bool | None = None
    graph: rdflib.Graph | None = None


def load_graph(path: Path) -> rdflib.Graph:
    """Parse any RDF file into one graph (quad formats: the union of their graphs)."""
    if not path.exists():
        raise QueryError(f"{path}: graph file not found (run `kg build` first)")
    fmt = rdflib.util.guess_format(str(path)) or "turtle"
    try:
        if fmt in ("trig", "nquads"):
            ds = rdflib.Dataset()
            ds.parse(path, format=fmt)
            g = rdflib.Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
        else:
            g = rdflib.Graph()
            g.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise QueryError(f"{path}: cannot parse as {fmt}: {exc}") from exc
    _bind(g)
    return g


def run(graph: rdflib.Graph, sparql: str, source: str = "query") -> Answer:
    """Run ``sparql``; parse errors become a QueryError naming ``source``."""
    try:
        result: Result = graph.query(sparql)
    except Exception as exc:
        raise QueryError(f"{source}: {' '.join(str(exc).split())}") from exc
    if result.type == "ASK":
        return Answer([], [], boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        g = rdflib.Graph()
        _bind(g)
        for triple in result.graph or []:
            g.add(triple)
        return Answer([], [], graph=g)
    variables = [str(v) for v in result.vars or []]
    return Answer(variables, [list(row) for row in result])


def _text(term: rdflib.term.Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))


def format_table(answer: Answer) -> str:
    """An aligned text table; wide (CJK) characters count as two columns."""
    header = answer.variables
    rows = [[_text(t) for t in row] for row in answer.rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = [" | ".join(_pad(h, w) for h, w in zip(header, widths)).rstrip(),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _json_term(term: rdflib.term.Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal) and term.language:
        out["xml:lang"] = term.language
    elif isinstance(term, Literal) and term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def format_answer(answer: Answer, fmt: str = "table") -> str:
    """Render an answer as table, csv, tsv or SPARQL 1.1 JSON results."""
    if answer.graph is not None:
        return answer.graph.serialize(format="turtle")
    if answer.boolean is not None:
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": answer.boolean})
        return "true" if answer.boolean else "false"
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(answer.variables, row) if t is not None}
                    for row in answer.rows]
        return json.dumps({"head": {"vars": answer.variables},
                           "results": {"bindings": bindings}}, ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(answer.variables)
        writer.writerows([[_text(t) for t in row] for row in answer.rows])
        return buf.getvalue().rstrip("\n")
    return format_table(answer)
