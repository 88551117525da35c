"""The interactive graph page: one self-contained HTML file that works offline.

The page gets its data from a small :class:`GraphData` record, built either from
the resolved :class:`~kg.resolve.Corpus` (``kg build``) or from a built RDF file
(``kg viz``), so redrawing never needs the articles again.  Positions are
computed here (:mod:`kg.viz_layout`) so the page appears settled at once; the
browser only draws.  The page is bounded by what it draws, not by how often the
corpus repeats it: an edge quotes at most :data:`QUOTED` of its sentences (with
their number), and the page is written to its file piece by piece.
vis-network's script is read from the installed pyvis package and inlined with
the page's own script and style: no request leaves the page.  Every string from
the articles goes into one JSON block whose ``<``, ``>`` and ``&`` are escaped,
and the page's script inserts text with ``textContent`` only.
"""

from __future__ import annotations

import heapq
import io
import json
import re
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TextIO

import numpy as np
import pyvis
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.graph import entity_iri
from kg.model import KINDS, RELATIONS
from kg.resolve import Corpus

KG_NS = "https://w3id.org/zhgov-kg/ontology#"
SCHEMA_NS = "https://schema.org/"

#: Class name -> (Chinese name, colour, vis-network shape).
CLASS_STYLE: dict[str, tuple[str, str, str]] = {
    "Official": ("官员", "#e4572e", "dot"),
    "Post": ("职务", "#f3a712", "diamond"),
    "Body": ("机构", "#29335c", "square"),
    "Meeting": ("会议", "#3a86c8", "triangle"),
    "Document": ("文件", "#5c9e31", "hexagon"),
}
#: Relation -> Chinese label drawn on the edge (English is shown on hover).
RELATION_ZH = {"holds": "任职", "postIn": "隶属", "subBodyOf": "下级", "held": "召开",
               "discussed": "审议", "presided": "主持", "attended": "出席", "spokeAt": "讲话"}
#: Pixels per unit of layout (one ideal edge length): small graphs get room for their
#: long labels, big ones stay compact enough to read their structure when zoomed out.
PIXELS_PER_UNIT = {"small": 130.0, "big": 90.0}
SMALL_GRAPH = 300
VIS_SCRIPT = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
#: Evidence sentences quoted per edge (and per meeting date): the first by article id,
#: then offset.  A hub of 100k articles is quoted thousands of times; the page gives
#: the number and says how to query the rest, so its size follows the nodes drawn.
QUOTED = 5


class VizError(Exception):
    """The page cannot be drawn as asked; the message says why."""


@dataclass(frozen=True)
class Source:
    """One piece of evidence: the sentence as written and the article it is from."""

    sentence: str
    article: str  # key into GraphData.articles


@dataclass
class ArticleInfo:
    title: str
    date: str = ""
    url: str = ""


@dataclass
class VizNode:
    kind: str
    label: str
    alt_labels: list[str] = field(default_factory=list)
    date: str = ""  # meetings: YYYY-MM-DD or --MM-DD
    date_sources: list[Source] = field(default_factory=list)  # the first QUOTED
    date_count: int = 0  # distinct sources of the date in all (0: just date_sources)


@dataclass
class VizEdge:
    source: str
    target: str
    predicate: str
    sources: list[Source] = field(default_factory=list)  # the first QUOTED
    count: int = 0  # distinct sources in all (0: just the sources listed)


@dataclass
class GraphData:
    """What the page shows: nodes by id, edges with evidence, and the articles cited."""

    nodes: dict[str, VizNode] = field(default_factory=dict)
    edges: list[VizEdge] = field(default_factory=list)
    articles: dict[str, ArticleInfo] = field(default_factory=dict)
    note: str = ""  # said on the page, e.g. when only part of the graph is drawn

    def neighbours(self) -> dict[str, set[str]]:
        adjacent: dict[str, set[str]] = {ident: set() for ident in self.nodes}
        for edge in self.edges:
            adjacent[edge.source].add(edge.target)
            adjacent[edge.target].add(edge.source)
        return adjacent


# ----------------------------------------------------------------- sources


def from_corpus(corpus: Corpus, max_nodes: int | None = None) -> GraphData:
    """The page's data from a resolved corpus (what ``kg build`` has in hand).

    With ``max_nodes``, only the best-connected nodes are taken (as ``select``
    would take them, saying so in the note): the rest of a large corpus is
    never turned into page records, which would cost more memory than the corpus.
    """
    data = GraphData()
    keep = set(corpus.nodes)
    if max_nodes is not None and len(keep) > max_nodes:
        keep = _best_connected_in(corpus, max_nodes)
        data.note = _shown_note(max_nodes, len(corpus.nodes))
    ids = {ident: str(entity_iri(*ident)) for ident in keep}  # the graph's own IRIs
    for ident in sorted(keep):
        node = corpus.nodes[ident]
        data.nodes[ids[ident]] = VizNode(node.kind, node.label, sorted(node.alt_labels))
    facts = [(key, evidence) for key, evidence in corpus.facts.items()
             if key[0] in ids and (isinstance(key[2], str) or key[2] in ids)]
    dates: dict[str, list[tuple[str, int, str, str]]] = {}
    for (subj, pred, obj), evidence in sorted(facts, key=lambda kv: str(kv[0])):
        found = ((ev.article_id, ev.start, ev.sentence, ev.article_id) for ev in evidence)
        if isinstance(obj, tuple) and pred in RELATIONS:
            edge = VizEdge(ids[subj], ids[obj], pred)
            edge.sources, edge.count = _quoted(found)
            data.edges.append(edge)
        elif pred == "date" and isinstance(obj, str):
            _set_date(data.nodes[ids[subj]], obj)
            dates.setdefault(ids[subj], []).extend(found)
    for ident, found in dates.items():
        node = data.nodes[ident]
        node.date_sources, node.date_count = _quoted(found)
    cited = {s.article for e in data.edges for s in e.sources} | \
        {s.article for n in data.nodes.values() for s in n.date_sources}
    for extraction in corpus.extractions:  # only the cited: the page shows no other
        article = extraction.article
        if article.id in cited:
            title = article.meta.get("title") or next(
                (s.text.strip() for s in article.sentences if s.text.strip()), article.id)
            data.articles[article.id] = ArticleInfo(title[:200], article.meta.get("date", ""),
                                                    article.meta.get("url", ""))
    return data


def _quoted(found: Iterable[tuple[str, int, str, str]]) -> tuple[list[Source], int]:
    """The first ``QUOTED`` distinct sources, and how many there are in all.

    ``found`` gives (article id, offset, sentence, article key): the same
    sentence of the same article counts once (two rules may read it), and the
    order (article id, then offset) is known to both the corpus and kg.ttl, so
    ``kg build`` and ``kg viz`` quote the same sentences.
    """
    first: dict[tuple[str, str], tuple[str, int]] = {}
    for article_id, start, sentence, article in found:
        key = (sentence, article)
        if key not in first or (article_id, start) < first[key]:
            first[key] = (article_id, start)
    chosen = heapq.nsmallest(QUOTED, first, key=lambda k: (*first[k], *k))
    return [Source(sentence, article) for sentence, article in chosen], len(first)


def _best_connected_in(corpus: Corpus, limit: int) -> set[tuple[str, str]]:
    """``best_connected`` on the corpus itself: the (kind, key) of the ``limit`` nodes drawn.

    A node's degree is its number of distinct neighbours (itself too if it has a
    loop), as ``GraphData.neighbours`` counts it; the related pairs are counted in
    numpy arrays of node numbers, since a set of them takes over 100 MB at 100k
    articles.
    """
    nodes = corpus.nodes
    number = {ident: i for i, ident in enumerate(nodes)}
    ends = np.fromiter((number[end] for (s, pred, o) in corpus.facts
                        if isinstance(o, tuple) and pred in RELATIONS for end in (s, o)),
                       dtype=np.int32).reshape(-1, 2)
    del number
    ends.sort(axis=1)
    pairs = np.unique(ends[:, 0].astype(np.int64) * len(nodes) + ends[:, 1])
    low, high = np.divmod(pairs, len(nodes))
    degrees = np.bincount(low, minlength=len(nodes)) + \
        np.bincount(high[high != low], minlength=len(nodes))
    del ends, pairs, low, high
    if limit >= len(nodes):
        return set(nodes)
    # Those above the limit-th degree are in; those at it are chosen as _top would.
    cut = -np.partition(-degrees, limit - 1)[limit - 1]
    idents = list(nodes)
    above = {idents[i] for i in np.flatnonzero(degrees > cut)}
    tied = {idents[i]: int(cut) for i in np.flatnonzero(degrees == cut)}
    return above | _top(tied, lambda ident: (nodes[ident].label, str(entity_iri(*ident))),
                        limit - len(above))


def _set_date(node: VizNode, date: str) -> None:
    """A full date wins over a month-day one; otherwise the first found stays."""
    if not node.date or (node.date.startswith("--") and not date.startswith("--")):
        node.date = date


def load_rdf(path: Path) -> Graph:
    """Parse a built graph file (Turtle, TriG, N-Triples, ...) into one graph."""
    from rdflib import Dataset
    from rdflib.util import guess_format

    if not path.is_file():
        raise VizError(f"{path}: graph file not found (run `kg build` first)")
    fmt = guess_format(str(path)) or "turtle"
    try:
        if fmt in ("trig", "nquads"):
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            graph = Graph()
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
            return graph
        return Graph().parse(path, format=fmt)
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        raise VizError(f"{path}: cannot parse as {fmt}: {' '.join(str(exc).split())}") from exc


def _label(graph: Graph, subject: URIRef) -> str:
    labels = [o for o in graph.objects(subject, RDFS.label) if isinstance(o, Literal)]
    labels.sort(key=lambda lit: (lit.language != "zh-Hans", str(lit)))
    return str(labels[0]) if labels else str(subject).rsplit("/", 1)[-1]


def from_rdf(graph: Graph) -> GraphData:
    """The page's data from a built graph (kg.ttl), evidence included."""
    kg = lambda name: URIRef(KG_NS + name)  # noqa: E731
    schema = lambda name: URIRef(SCHEMA_NS + name)  # noqa: E731
    data = GraphData()
    article_ids: dict[str, str] = {}  # IRI -> the article's id, which orders its quotes
    for article in graph.subjects(RDF.type, kg("Article")):
        title = graph.value(article, schema("headline")) or _label(graph, article)
        data.articles[str(article)] = ArticleInfo(
            str(title), str(graph.value(article, schema("datePublished")) or ""),
            str(graph.value(article, schema("url")) or ""))
        article_ids[str(article)] = str(graph.value(article, DCTERMS.identifier) or article)
    for kind in KINDS:
        for subject in sorted(set(graph.subjects(RDF.type, kg(kind)))):
            label = _label(graph, subject)
            alts = sorted({str(o) for o in graph.objects(subject, SKOS.altLabel)} - {label})
            data.nodes[str(subject)] = VizNode(kind, label, alts)
    edges: dict[tuple[str, str, str], VizEdge] = {}
    for pred in RELATIONS:
        for s, o in sorted(graph.subject_objects(kg(pred))):
            if str(s) in data.nodes and str(o) in data.nodes:
                edges[(str(s), pred, str(o))] = VizEdge(str(s), str(o), pred)
    data.edges = list(edges.values())
    found: dict[object, list[tuple[str, int, str, str]]] = {}  # edge key or node id -> sources
    for evidence, statement in sorted(graph.subject_objects(kg("supports"))):
        _add_rdf_evidence(graph, evidence, statement, data, edges, article_ids, found)
    for target, sources in found.items():
        if isinstance(target, tuple):
            edge = edges[target]
            edge.sources, edge.count = _quoted(sources)
        else:
            node = data.nodes[target]
            node.date_sources, node.date_count = _quoted(sources)
    for s, date in sorted(graph.subject_objects(kg("date"))):
        if str(s) in data.nodes and not data.nodes[str(s)].date:
            data.nodes[str(s)].date = str(date)
    return data


def _add_rdf_evidence(graph: Graph, evidence: URIRef, statement: URIRef, data: GraphData,
                      edges: dict[tuple[str, str, str], VizEdge], article_ids: dict[str, str],
                      found: dict[object, list[tuple[str, int, str, str]]]) -> None:
    s, p, o = (graph.value(statement, term) for term in (RDF.subject, RDF.predicate, RDF.object))
    sentence = graph.value(evidence, URIRef(KG_NS + "sentence"))
    article = graph.value(evidence, PROV.wasDerivedFrom)
    if s is None or p is None or o is None or sentence is None:
        return
    start = graph.value(evidence, URIRef(KG_NS + "start"))
    key = str(article) if article is not None else ""
    source = (article_ids.get(key, key), _offset(start), str(sentence), key)
    pred = str(p).removeprefix(KG_NS)
    if pred == "date" and str(s) in data.nodes:
        _set_date(data.nodes[str(s)], str(o))
        found.setdefault(str(s), []).append(source)
        return
    if (str(s), pred, str(o)) in edges:
        found.setdefault((str(s), pred, str(o)), []).append(source)


def _offset(start: object) -> int:
    """kg:start as a number (-1 when missing or not one: such quotes come first)."""
    try:
        return int(str(start)) if start is not None else -1
    except ValueError:
        return -1


# --------------------------------------------------------------- selection


def to_simplified(text: str) -> str:
    """Traditional to simplified Chinese (names typed in either script match)."""
    from opencc import OpenCC

    return OpenCC("t2s").convert(text)


def find_node(data: GraphData, name: str) -> str:
    """The id of the node called ``name`` (label or alternative label, either script)."""
    wanted = to_simplified(name.strip())
    exact, partial = [], []
    for ident, node in data.nodes.items():
        names = [to_simplified(n) for n in (node.label, *node.alt_labels)]
        if wanted in names:
            exact.append(ident)
        elif any(wanted in n for n in names):
            partial.append(ident)
    found = exact or partial
    if not found:
        raise VizError(f"no entity named {name!r} in the graph")
    if len(found) > 1 and not exact:
        shown = "、".join(sorted(data.nodes[i].label for i in found)[:5])
        raise VizError(f"{name!r} matches {len(found)} entities ({shown}...); be more precise")
    return sorted(found, key=lambda i: (data.nodes[i].kind, data.nodes[i].label))[0]


def neighbourhood(data: GraphData, centre: str, depth: int) -> set[str]:
    """Nodes at most ``depth`` steps from ``centre``, edges taken in either direction."""
    adjacent = data.neighbours()
    seen = {centre: 0}
    queue = deque([centre])
    while queue:
        ident = queue.popleft()
        if seen[ident] >= depth:
            continue
        for other in sorted(adjacent[ident]):
            if other not in seen:
                seen[other] = seen[ident] + 1
                queue.append(other)
    return set(seen)


def _top(degrees: dict, tie_break: Callable[[object], tuple[str, ...]], limit: int) -> set:
    """The ``limit`` nodes with most neighbours (ties: by label, then id: a stable choice)."""
    return set(heapq.nsmallest(limit, degrees, key=lambda i: (-degrees[i], *tie_break(i))))


def best_connected(data: GraphData, limit: int) -> set[str]:
    """The ``limit`` nodes with most edges (ties: by label, so the choice is stable)."""
    adjacent = data.neighbours()
    degrees = {ident: len(adjacent[ident]) for ident in data.nodes}
    return _top(degrees, lambda ident: (data.nodes[ident].label, ident), limit)


def _shown_note(shown: int, total: int) -> str:
    return (f"只显示连接最多的 {shown} 个节点, 共 {total} 个"
            f" (showing the {shown} best-connected of {total} nodes)")


def subgraph(data: GraphData, keep: set[str], note: str) -> GraphData:
    return GraphData({i: n for i, n in data.nodes.items() if i in keep},
                     [e for e in data.edges if e.source in keep and e.target in keep],
                     data.articles, note)


def select(data: GraphData, max_nodes: int | None = None, focus: str | None = None,
           depth: int = 1) -> GraphData:
    """The part of the graph to draw: a neighbourhood, then the best-connected nodes."""
    notes = []
    if focus:
        centre = find_node(data, focus)
        keep = neighbourhood(data, centre, depth)
        notes.append(f"只显示「{data.nodes[centre].label}」{depth} 步以内的 {len(keep)} 个节点"
                     f" (neighbourhood of depth {depth})")
        data = subgraph(data, keep, "")
    if max_nodes is not None and len(data.nodes) > max_nodes:
        total = len(data.nodes)
        data = subgraph(data, best_connected(data, max_nodes), "")
        notes.append(_shown_note(max_nodes, total))
    data.note = "; ".join(notes)
    return data


# ------------------------------------------------------------------ render


def _t2s_map(data: GraphData) -> dict[str, str]:
    """Traditional -> simplified for the characters the page's names can contain.

    Taken from OpenCC's character table: every traditional form of a simplified
    character that occurs in a label, plus the traditional characters of the
    alternative labels, so the search box converts what users type.
    """
    table = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
    used = set()
    for node in data.nodes.values():
        used.update(node.label)
        for alt in node.alt_labels:
            used.update(alt)
    mapping = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and parts[0] != parts[1][0]:
            if parts[1][0] in used or parts[0] in used:
                mapping[parts[0]] = parts[1][0]
    return mapping


def page_data(data: GraphData) -> dict:
    """The JSON the page's script reads: compact arrays indexed by position.

    A node is [kind, label, alternative labels, date, date refs, x, y, date
    sources in all]; an edge is [from, to, relation, refs, sources in all]; refs
    are (sentence, article) index pairs of the first ``QUOTED`` sources.
    """
    from kg.viz_layout import layout

    ids = list(data.nodes)
    index = {ident: i for i, ident in enumerate(ids)}
    pos = layout(len(ids), [(index[e.source], index[e.target]) for e in data.edges])
    pos = pos * PIXELS_PER_UNIT["small" if len(ids) <= SMALL_GRAPH else "big"]
    kinds = list(KINDS) + sorted({n.kind for n in data.nodes.values()} - set(KINDS))
    relations = list(RELATIONS) + sorted({e.predicate for e in data.edges} - set(RELATIONS))
    sentences: dict[str, int] = {}
    articles: dict[str, int] = {}

    def refs(sources: list[Source]) -> list[int]:
        flat = []
        for source in sources[:QUOTED]:
            flat.append(sentences.setdefault(source.sentence, len(sentences)))
            flat.append(articles.setdefault(source.article, len(articles)))
        return flat

    nodes = [[kinds.index(n.kind), n.label, n.alt_labels, n.date, refs(n.date_sources),
              round(float(x), 1), round(float(y), 1), max(n.date_count, len(n.date_sources))]
             for n, (x, y) in zip(data.nodes.values(), pos)]
    edges = [[index[e.source], index[e.target], relations.index(e.predicate), refs(e.sources),
              max(e.count, len(e.sources))]
             for e in data.edges]
    cited = []
    for key in articles:
        info = data.articles.get(key, ArticleInfo(key.rsplit("/", 1)[-1]))
        cited.append([info.title, info.date, info.url])
    return {
        "kinds": [[k, *CLASS_STYLE.get(k, (k, "#888888", "dot"))] for k in kinds],
        "relations": [[r, RELATION_ZH.get(r, r)] for r in relations],
        "nodes": nodes, "edges": edges, "sentences": list(sentences), "articles": cited,
        "t2s": _t2s_map(data), "note": data.note,
    }


def _json_for_script(value: object) -> str:
    """JSON that cannot end the <script> element it sits in, whatever the strings hold."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _write_json(value: dict, out: TextIO) -> None:
    """``_json_for_script(value)``, written list item by list item.

    The same text, but never the whole of it in memory as one string (nor its
    escaped copies): the page's data is the largest part of the page.
    """
    out.write("{")
    for n, (key, item) in enumerate(value.items()):
        out.write(("," if n else "") + _json_for_script(key) + ":")
        if isinstance(item, list):
            out.write("[")
            for k, element in enumerate(item):
                out.write(("," if k else "") + _json_for_script(element))
            out.write("]")
        else:
            out.write(_json_for_script(item))
    out.write("}")


def _asset(name: str) -> str:
    return (resources.files("kg") / "viz_assets" / name).read_text(encoding="utf-8")


def write_page(data: GraphData, out: TextIO, title: str = "zhgov-kg 知识图谱") -> None:
    """Write the whole page to ``out``: styles, scripts and data inline."""
    vis = re.sub(r"//# sourceMappingURL=\S+", "", VIS_SCRIPT.read_text(encoding="utf-8"))
    if "</script" in vis.lower():
        raise VizError(f"{VIS_SCRIPT}: cannot be inlined (contains </script)")
    parts = {"@@TITLE@@": title, "@@STYLE@@": _asset("page.css"), "@@VIS@@": vis,
             "@@SCRIPT@@": _asset("page.js")}
    page = page_data(data)
    for piece in re.split(r"(@@[A-Z]+@@)", _asset("page.html")):
        if piece == "@@DATA@@":
            _write_json(page, out)
        else:
            out.write(parts.get(piece, piece))


def render(data: GraphData, title: str = "zhgov-kg 知识图谱") -> str:
    """The whole page as one string (``write_page`` into memory)."""
    out = io.StringIO()
    write_page(data, out, title)
    return out.getvalue()


#: ``kg build`` draws at most this many nodes (the best-connected; the page says so):
#: beyond it the browser gets slow.  ``kg viz --max-nodes`` draws more or fewer.
BUILD_MAX_NODES = 5000


def write_html(corpus: Corpus, path: Path, max_nodes: int | None = BUILD_MAX_NODES) -> None:
    """Write the page for a freshly built corpus (what ``kg build`` calls)."""
    data = from_corpus(corpus, max_nodes)
    if data.note:
        data.note += "; kg viz --max-nodes N draws more"
    with open(path, "w", encoding="utf-8") as out:
        write_page(data, out)


def write_graph_page(graph_file: Path, out: Path, max_nodes: int | None = None,
                     focus: str | None = None, depth: int = 1) -> GraphData:
    """Redraw the page from a built graph file with ``kg viz``'s options."""
    data = select(from_rdf(load_rdf(graph_file)), max_nodes, focus, depth)
    if not data.nodes:
        raise VizError(f"{graph_file}: the graph has no entities to draw")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as page:
        write_page(data, page)
    return data
