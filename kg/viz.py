"""The interactive graph page: one self-contained HTML file that works offline.

The page gets its data from a small :class:`GraphData` record, built either from
the resolved :class:`~kg.resolve.Corpus` (``kg build``) or from a built RDF file
(``kg viz``), so redrawing never needs the articles again.  Positions are
computed here (:mod:`kg.viz_layout`) so the page appears settled at once; the
browser only draws.  vis-network's script is read from the installed pyvis
package and inlined with the page's own script and style: no request leaves
the page.  Every string from the articles goes into one JSON block whose ``<``,
``>`` and ``&`` are escaped, and the page's script inserts text with
``textContent`` only.
"""

from __future__ import annotations

import heapq
import json
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyvis
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

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
    date_sources: list[Source] = field(default_factory=list)


@dataclass
class VizEdge:
    source: str
    target: str
    predicate: str
    sources: list[Source] = field(default_factory=list)


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
    for (subj, pred, obj), evidence in sorted(facts, key=lambda kv: str(kv[0])):
        sources = [Source(ev.sentence, ev.article_id) for ev in evidence]
        if isinstance(obj, tuple) and pred in RELATIONS:
            data.edges.append(VizEdge(ids[subj], ids[obj], pred, sources))
        elif pred == "date" and isinstance(obj, str):
            _set_date(data.nodes[ids[subj]], obj, sources)
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


def _best_connected_in(corpus: Corpus, limit: int) -> set[tuple[str, str]]:
    """``best_connected`` on the corpus itself: the (kind, key) of the ``limit`` nodes drawn."""
    pairs = {(s, o) if s <= o else (o, s) for s, pred, o in corpus.facts
             if isinstance(o, tuple) and pred in RELATIONS}
    degrees = dict.fromkeys(corpus.nodes, 0)
    for s, o in pairs:
        degrees[s] += 1
        if o != s:
            degrees[o] += 1
    del pairs
    nodes = corpus.nodes
    return _top(degrees, lambda ident: (nodes[ident].label, str(entity_iri(*ident))), limit)


def _set_date(node: VizNode, date: str, sources: list[Source]) -> None:
    if not node.date or (node.date.startswith("--") and not date.startswith("--")):
        node.date = date
    node.date_sources.extend(s for s in sources if s not in node.date_sources)


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
    for article in graph.subjects(RDF.type, kg("Article")):
        title = graph.value(article, schema("headline")) or _label(graph, article)
        data.articles[str(article)] = ArticleInfo(
            str(title), str(graph.value(article, schema("datePublished")) or ""),
            str(graph.value(article, schema("url")) or ""))
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
    for evidence, statement in sorted(graph.subject_objects(kg("supports"))):
        _add_rdf_evidence(graph, evidence, statement, data, edges)
    for s, date in sorted(graph.subject_objects(kg("date"))):
        if str(s) in data.nodes and not data.nodes[str(s)].date:
            data.nodes[str(s)].date = str(date)
    return data


def _add_rdf_evidence(graph: Graph, evidence: URIRef, statement: URIRef, data: GraphData,
                      edges: dict[tuple[str, str, str], VizEdge]) -> None:
    s, p, o = (graph.value(statement, term) for term in (RDF.subject, RDF.predicate, RDF.object))
    sentence = graph.value(evidence, URIRef(KG_NS + "sentence"))
    article = graph.value(evidence, PROV.wasDerivedFrom)
    if s is None or p is None or o is None or sentence is None:
        return
    source = Source(str(sentence), str(article) if article is not None else "")
    pred = str(p).removeprefix(KG_NS)
    if pred == "date" and str(s) in data.nodes:
        _set_date(data.nodes[str(s)], str(o), [source])
        return
    edge = edges.get((str(s), pred, str(o)))
    if edge is not None and source not in edge.sources:
        edge.sources.append(source)


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
    """The JSON the page's script reads: compact arrays indexed by position."""
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
        for source in sources:
            flat.append(sentences.setdefault(source.sentence, len(sentences)))
            flat.append(articles.setdefault(source.article, len(articles)))
        return flat

    nodes = [[kinds.index(n.kind), n.label, n.alt_labels, n.date, refs(n.date_sources),
              round(float(x), 1), round(float(y), 1)]
             for n, (x, y) in zip(data.nodes.values(), pos)]
    edges = [[index[e.source], index[e.target], relations.index(e.predicate), refs(e.sources)]
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


def _asset(name: str) -> str:
    return (resources.files("kg") / "viz_assets" / name).read_text(encoding="utf-8")


def render(data: GraphData, title: str = "zhgov-kg 知识图谱") -> str:
    """The whole page as one string: styles, scripts and data inline."""
    vis = re.sub(r"//# sourceMappingURL=\S+", "", VIS_SCRIPT.read_text(encoding="utf-8"))
    if "</script" in vis.lower():
        raise VizError(f"{VIS_SCRIPT}: cannot be inlined (contains </script)")
    page = _asset("page.html")
    parts = {"@@TITLE@@": title, "@@STYLE@@": _asset("page.css"), "@@VIS@@": vis,
             "@@SCRIPT@@": _asset("page.js"), "@@DATA@@": _json_for_script(page_data(data))}
    return re.sub("|".join(parts), lambda m: parts[m.group(0)], page)


#: ``kg build`` draws at most this many nodes (the best-connected; the page says so):
#: beyond it the browser gets slow.  ``kg viz --max-nodes`` draws more or fewer.
BUILD_MAX_NODES = 5000


def write_html(corpus: Corpus, path: Path, max_nodes: int | None = BUILD_MAX_NODES) -> None:
    """Write the page for a freshly built corpus (what ``kg build`` calls)."""
    data = from_corpus(corpus, max_nodes)
    if data.note:
        data.note += "; kg viz --max-nodes N draws more"
    Path(path).write_text(render(data), encoding="utf-8")


def write_graph_page(graph_file: Path, out: Path, max_nodes: int | None = None,
                     focus: str | None = None, depth: int = 1) -> GraphData:
    """Redraw the page from a built graph file with ``kg viz``'s options."""
    data = select(from_rdf(load_rdf(graph_file)), max_nodes, focus, depth)
    if not data.nodes:
        raise VizError(f"{graph_file}: the graph has no entities to draw")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(data), encoding="utf-8")
    return data
