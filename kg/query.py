"""Run SPARQL over a built graph (a local store or a remote endpoint) and format the answer.

Queries see the store's default graph, which is the merge of all article graphs
(see kg.store); each article's own graph stays available with ``GRAPH``.

Timeouts: pyoxigraph cannot cancel a query, so a query with a time limit runs
in a daemon thread (pyoxigraph releases the GIL while it works) that the caller
abandons when the limit passes; the thread also stops itself between result
rows.  Without a limit the query runs in the caller's thread and pays nothing.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import time
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import unquote
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.namespaces import OUTPUT_PREFIXES, PREFIXES

if TYPE_CHECKING:
    import rdflib

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


#: The language tag of every rdfs:label (the contract); bare --param values get it.
LABEL_LANGUAGE = "zh-Hans"
_ERROR_AT = re.compile(r"^error at (\d+):(\d+): ?(.*)$", re.S)
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class QueryError(Exception):
    """A query, parameter or graph that cannot be used; the message names which.

    ``status`` is the exit status the command line should use: 2 for a bad
    query or parameter (the user's text is at fault), 1 for anything else.
    """

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


class QueryTimeout(QueryError):
    """The query ran past its time limit and was abandoned."""


@dataclass
class Answer:
    """A query's answer: rows for SELECT, a boolean for ASK, triples otherwise."""

    variables: list[str]
    rows: list[list[Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None


class Deadline:
    """A point in time after which work should stop (``None``: never)."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.at = None if not seconds else time.monotonic() + seconds

    def check(self, source: str) -> None:
        if self.at is not None and time.monotonic() > self.at:
            raise QueryTimeout(f"{source}: stopped after the {self.seconds:g} s time limit "
                               "(raise it with --timeout SECONDS)")


# --- parameters ---------------------------------------------------------------------------

def parse_param(text: str) -> tuple[str, Term]:
    """``name=value`` into a variable name and an RDF term.

    A bare value is a label as the graph writes them, ``"value"@zh-Hans``, so a query
    can look it up directly (``?official rdfs:label ?name``), which uses an index
    where ``FILTER(STR(?label) = ?name)`` scans every label.  A value written as an
    IRI ``<...>`` or an N-Triples literal (``"plain"``, ``"x"@en``, ``"3"^^<...>``)
    is taken as written.

    >>> parse_param("name=佟桂莉")
    ('name', <Literal value=佟桂莉 language=zh-hans>)
    >>> parse_param('text="主持"')[1]
    <Literal value=主持 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    >>> parse_param("body=<https://w3id.org/zhgov-kg/id/body/x>")[1]
    <NamedNode value=https://w3id.org/zhgov-kg/id/body/x>
    """
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not _PARAM_NAME.match(name):
        raise QueryError(f"--param {text!r}: expected NAME=VALUE with NAME a SPARQL variable "
                         "name", 2)
    if value.startswith("<") and value.endswith(">") or value.startswith('"') and (
            value.endswith('"') or '"@' in value or '"^^<' in value):
        try:
            quad = next(iter(ox.parse(f"<urn:s> <urn:p> {value} .",
                                      format=ox.RdfFormat.N_TRIPLES)))
        except (SyntaxError, StopIteration) as exc:
            raise QueryError(f"--param {text!r}: not a valid IRI or literal: {exc}", 2) from exc
        return name, quad.object
    return name, ox.Literal(value, language=LABEL_LANGUAGE)


def check_params(sparql: str, params: dict[str, Term], source: str) -> None:
    """Refuse a parameter whose variable the query never mentions (a likely typo)."""
    code = _code_only(sparql)
    for name in params:
        if not re.search(rf"[?$]{re.escape(name)}(?![\w])", code):
            raise QueryError(f"{source}: unknown --param {name!r}: the query has no ?{name}", 2)


def named_graph_note(store: ox.Store, sparql: str, source: str = "query") -> str | None:
    """A note for a query that asks for named graphs a store does not keep.

    A build's store has the article graphs only with ``kg build --named-graphs``;
    without them ``GRAPH ?g {}`` matches nothing, which looks like a wrong answer.
    """
    if not re.search(r"\bGRAPH\b", _code_only(sparql), re.IGNORECASE):
        return None
    if next(store.named_graphs(), None) is not None:
        return None
    return (f"note: {source} uses GRAPH, but this graph has no named graphs (kg build keeps "
            "them in kg.trig, and in the store with --named-graphs); the article of a fact "
            "is in the default graph: ?e kg:supports ?statement ; prov:wasDerivedFrom ?article")


def _code_only(sparql: str) -> str:
    """``sparql`` with comments, strings and IRIs blanked out (same length and offsets)."""
    out = list(sparql)
    i, n = 0, len(sparql)
    iri = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
    while i < n:
        c = sparql[i]
        if c == "#":
            end = sparql.find("\n", i)
            end = n if end < 0 else end
        elif c in "\"'":
            quote = c * 3 if sparql.startswith(c * 3, i) else c
            end = i + len(quote)
            while end < n and not sparql.startswith(quote, end):
                end += 2 if sparql[end] == "\\" else 1
            end = min(n, end + len(quote))
        elif c == "<" and (m := iri.match(sparql, i)):
            end = m.end()
        else:
            i += 1
            continue
        for j in range(i, end):
            if out[j] != "\n":
                out[j] = " "
        i = end
    return "".join(out)


def inject_values(sparql: str, params: dict[str, Term]) -> str:
    """Bind ``params`` with a VALUES block at the start of the query's WHERE group.

    The same text runs locally and on any remote endpoint, with the same meaning:
    the variable is bound before the rest of the group, so FILTERs see it.  (pyoxigraph's
    own substitutions need the variable in the SELECT clause.)  Values are written in
    N-Triples syntax, which escapes them, so a value can never change the query's
    structure.

    >>> inject_values('SELECT ?p WHERE { ?p ?q ?name }', {"name": ox.Literal('a"} x')})
    'SELECT ?p WHERE { VALUES ?name { "a\\\\"} x" } ?p ?q ?name }'
    """
    if not params:
        return sparql
    code = _code_only(sparql)
    form = re.search(r"(?i)\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", code)
    if form is None:
        raise QueryError("query has no SELECT, CONSTRUCT, DESCRIBE or ASK", 2)
    skip = 1 if form.group(1).upper() == "CONSTRUCT" and re.match(
        r"\s*\{", code[form.end():]) else 0
    depth, seen = 0, 0
    for i in range(form.end(), len(code)):
        if code[i] == "{":
            if depth == 0:
                if seen == skip:
                    block = " ".join(f"VALUES ?{k} {{ {v} }}" for k, v in params.items())
                    return f"{sparql[:i + 1]} {block}{sparql[i + 1:]}"
                seen += 1
            depth += 1
        elif code[i] == "}":
            depth -= 1
    raise QueryError("query has no WHERE group to bind --param values in", 2)


# --- pages --------------------------------------------------------------------------------

_LIMIT = re.compile(r"(?i)\bLIMIT\s+\d+")
_OFFSET = re.compile(r"(?i)\bOFFSET\s+\d+")


def set_page(sparql: str, limit: int | None = None, offset: int | None = None,
             source: str = "query") -> str:
    """``sparql`` with its page replaced: its one LIMIT and OFFSET clause.

    The library's listings carry a ``LIMIT`` that is their page size, often inside the
    sub-query that picks the page's officials or meetings before their labels are
    looked up (see docs/querying.md), so the page is that clause wherever it stands;
    a query without one gets it at its end.  ``limit=0`` removes the page: the whole
    listing.  Two LIMIT clauses make the page ambiguous, which is refused.

    >>> set_page("SELECT * { { SELECT ?x { ?x ?p ?o } LIMIT 100 } } ORDER BY ?x", 20, 40)
    'SELECT * { { SELECT ?x { ?x ?p ?o } LIMIT 20 OFFSET 40 } } ORDER BY ?x'
    >>> set_page("SELECT * { ?x ?p ?o } LIMIT 100 OFFSET 100", 0)
    'SELECT * { ?x ?p ?o } OFFSET 100'
    """
    if limit is None and offset is None:
        return sparql
    code = _code_only(sparql)
    limits = list(_LIMIT.finditer(code))
    offsets = list(_OFFSET.finditer(code))
    if len(limits) > 1 or len(offsets) > 1:
        raise QueryError(f"{source}: --limit/--offset: the query has several LIMIT or OFFSET "
                         "clauses, so which one is the page is unclear", 2)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
    tail = []
    if limit is not None:
        if limits:
            m = limits[0]
            end = m.end() if limit else m.end() + len(re.match(r"\s*", code[m.end():])[0])
            edits.append((m.start(), end, f"LIMIT {limit}" if limit else ""))
        elif limit:
            tail.append(f"LIMIT {limit}")
    if offset is not None:
        if offsets:
            edits.append((offsets[0].start(), offsets[0].end(), f"OFFSET {offset}"))
        elif limits:
            edits.append((limits[0].end(), limits[0].end(), f" OFFSET {offset}"))
        else:
            tail.append(f"OFFSET {offset}")
    out = sparql
    for start, end, text in sorted(edits, key=lambda e: e[0], reverse=True):
        out = out[:start] + text + out[end:]
    return out.rstrip() + "\n" + " ".join(tail) if tail else out


# --- running ------------------------------------------------------------------------------

T = TypeVar("T")


def with_time_limit(work: Callable[[], T], seconds: float | None, source: str,
                    finished: Callable[[], None] = lambda: None) -> T:
    """Run ``work``; past ``seconds`` raise QueryTimeout and abandon it in a daemon thread.

    ``finished`` is called when the work really ends, even if abandoned: a server uses
    it to count a runaway query against its limit of running queries until it stops.
    """
    if not seconds:
        try:
            return work()
        finally:
            finished()
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the caller's thread below
            box["error"] = exc
        finally:
            finished()

    worker = threading.Thread(target=target, name="kg-query", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise QueryTimeout(f"{source}: stopped after the {seconds:g} s time limit "
                           "(raise it with --timeout SECONDS)")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def _syntax_error(exc: Exception, source: str) -> QueryError:
    m = _ERROR_AT.match(str(exc).strip())
    where, what = (f"{m.group(1)}:{m.group(2)}:", m.group(3)) if m else ("", str(exc))
    what = " ".join(what.split())
    if len(what) > 160:  # the parser lists every expected token, character classes too
        what = what[:160].rsplit(" ", 1)[0] + " …"
    return QueryError(f"{source}:{where} syntax error: {what}", 2)


def run(store: ox.Store, sparql: str, source: str = "query",
        params: dict[str, Term] | None = None, timeout: float | None = None,
        default_graph: list[ox.NamedNode] | None = None,
        finished: Callable[[], None] = lambda: None) -> Answer:
    """Run ``sparql`` on ``store`` (on its default graph, or the ``default_graph`` list).

    Parse errors become a QueryError (status 2) naming ``source``, line and column.
    """
    params = params or {}
    deadline = Deadline(timeout)

    def work() -> Answer:
        check_params(sparql, params, source)
        try:
            result = store.query(
                inject_values(sparql, params), prefixes=PREFIXES, default_graph=default_graph)
        except SyntaxError as exc:
            raise _syntax_error(exc, source) from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"{source}: {' '.join(str(exc).split())}") from exc
        return _collect(result, deadline, source)

    return with_time_limit(work, timeout, source, finished)


def _collect(result: object, deadline: Deadline, source: str) -> Answer:
    """Materialise a pyoxigraph result, checking the deadline between rows."""
    try:
        if isinstance(result, ox.QueryBoolean):
            return Answer([], boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            triples = []
            for triple in result:
                triples.append(triple)
                deadline.check(source)
            return Answer([], triples=triples)
        variables = list(result.variables)  # type: ignore[attr-defined]
        rows = []
        for solution in result:  # type: ignore[attr-defined]
            rows.append([solution[v] for v in variables])
            deadline.check(source)
        return Answer([v.value for v in variables], rows)
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"{source}: {' '.join(str(exc).split())}") from exc


_ACCEPT_REMOTE = ("application/sparql-results+json, application/n-triples;q=0.9, "
                  "text/turtle;q=0.8")


def run_remote(endpoint: str, sparql: str, source: str = "query",
               params: dict[str, Term] | None = None, timeout: float | None = None) -> Answer:
    """Run ``sparql`` on a SPARQL 1.1 Protocol endpoint (POST application/sparql-query)."""
    params = params or {}
    check_params(sparql, params, source)
    request = urllib.request.Request(
        endpoint, data=inject_values(_with_prefixes(sparql), params).encode("utf-8"),
        headers={"Content-Type": "application/sparql-query; charset=utf-8",
                 "Accept": _ACCEPT_REMOTE}, method="POST")

    def work() -> Answer:
        try:
            with urllib.request.urlopen(request, timeout=timeout or None) as response:
                body = response.read()
                ctype = response.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read().decode("utf-8", "replace").split())[:500]
            raise QueryError(f"{source}: {endpoint} answered {exc.code}: {detail}",
                             2 if exc.code == 400 else 1) from exc
        except (urllib.error.URLError, OSError) as exc:
            raise QueryError(f"{endpoint}: cannot reach the endpoint: {exc}") from exc
        return _parse_remote(body, ctype, source)

    return with_time_limit(work, timeout, source)


def _with_prefixes(sparql: str) -> str:
    """Declare the default prefixes a remote server does not know, unless the query does."""
    code = _code_only(sparql)
    missing = [p for p in PREFIXES if not re.search(rf"(?i)PREFIX\s+{p}:", code)]
    if not missing:
        return sparql
    # One line, so the server's error positions are off by exactly one line.
    return " ".join(f"PREFIX {p}: <{PREFIXES[p]}>" for p in missing) + "\n" + sparql


def _parse_remote(body: bytes, ctype: str, source: str) -> Answer:
    try:
        if ctype in ("application/sparql-results+json", "application/json"):
            return _collect(ox.parse_query_results(body, ox.QueryResultsFormat.JSON),
                            Deadline(None), source)
        fmt = ox.RdfFormat.from_media_type(ctype)
        if fmt is None:
            raise QueryError(f"{source}: the endpoint answered with unexpected {ctype}")
        return Answer([], triples=[q.triple for q in ox.parse(body, format=fmt)])
    except SyntaxError as exc:
        raise QueryError(f"{source}: unreadable answer from the endpoint: {exc}") from exc


def load_graph(path: Path) -> rdflib.Graph:
    """Parse any RDF file into one rdflib Graph (quad formats: the union of their graphs).

    For Python users who want rdflib objects, and for ``kg eval``; queries use the
    store.  rdflib is imported here only: it would double ``kg query``'s start-up time.
    """
    import rdflib

    from kg.graph import bind_prefixes

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
    bind_prefixes(g)
    return g


# --- formatting ---------------------------------------------------------------------------

def _display(term: Term | None) -> str:
    """A term as a person reads it: literal text, IRIs shortened by prefix and decoded."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            if term.value.startswith(ns):
                return f"{prefix}:{unquote(term.value[len(ns):])}"
        return term.value
    return str(term)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else
               0 if unicodedata.combining(c) else 1 for c in s)


def _clip(s: str, width: int = 80) -> str:
    """``s`` cut to ``width`` display columns, with an ellipsis when cut."""
    if _width(s) <= width:
        return s
    out, used = [], 1
    for c in s:
        used += _width(c)
        if used > width:
            break
        out.append(c)
    return "".join(out) + "…"


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))


def format_table(answer: Answer) -> str:
    """An aligned text table; wide (CJK) characters count as two columns.

    Cells longer than 80 columns are cut with an ellipsis (csv/json keep everything).

    >>> print(format_table(Answer(["name", "n"], [[ox.Literal("佟桂莉"), ox.Literal("2")]])))
    name   | n
    -------+--
    佟桂莉 | 2
    (1 row)
    """
    header = answer.variables
    rows = [[_clip(" ".join(_display(t).split())) for t in row] for row in answer.rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = [" | ".join(_pad(h, w) for h, w in zip(header, widths)).rstrip(),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {k: _json_term(getattr(term, k))
                                            for k in ("subject", "predicate", "object")}}
    out: dict[str, object] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _csv_text(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else str(term)


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        parts = "".join(f"<{k}>{_xml_term(getattr(term, k))}</{k}>"
                        for k in ("subject", "predicate", "object"))
        return f"<triple>{parts}</triple>"
    if term.language:
        attr = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        attr = f" datatype={quoteattr(term.datatype.value)}"
    else:
        attr = ""
    return f"<literal{attr}>{escape(term.value)}</literal>"


def _xml(answer: Answer) -> str:
    head = "".join(f"<variable name={quoteattr(v)}/>" for v in answer.variables)
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
           f"<head>{head}</head>"]
    if answer.boolean is not None:
        out.append(f"<boolean>{'true' if answer.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in answer.rows:
            cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                            for v, t in zip(answer.variables, row) if t is not None)
            out.append(f"<result>{cells}</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out)


def _delimited(answer: Answer, fmt: str) -> str:
    """W3C SPARQL CSV (plain values) or TSV (RDF term syntax, lossless)."""
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in answer.variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in answer.rows]
        return "\n".join(lines)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(answer.variables)
    writer.writerows([[_csv_text(t) for t in row] for row in answer.rows])
    return buf.getvalue().rstrip("\r\n")


def format_triples(triples: Iterable[ox.Triple], media: ox.RdfFormat = ox.RdfFormat.TURTLE
                   ) -> str:
    """CONSTRUCT/DESCRIBE output, with the usual prefixes where the format has them."""
    prefixes = (OUTPUT_PREFIXES if media in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None)
    return ox.serialize(triples, format=media, prefixes=prefixes).decode("utf-8")


def format_answer(answer: Answer, fmt: str = "table") -> str:
    """Render an answer as table, csv, tsv, xml or SPARQL 1.1 JSON results."""
    if answer.triples is not None:
        return format_triples(answer.triples).rstrip("\n")
    if fmt == "xml":
        return _xml(answer)
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
        return _delimited(answer, fmt)
    return format_table(answer)
