"""Draw the graph as an HTML page (a first pyvis page; see the viz issue for the full one)."""

from __future__ import annotations

from pathlib import Path

from pyvis.network import Network

from kg.resolve import Corpus

COLOURS = {"Official": "#e4572e", "Post": "#f3a712", "Body": "#29335c",
           "Meeting": "#669bbc", "Document": "#8cb369"}
PREDICATE_ZH = {"holds": "任职", "postIn": "属于", "subBodyOf": "下属于", "held": "召开",
                "discussed": "审议", "presided": "主持", "attended": "出席", "spokeAt": "讲话"}


def write_html(corpus: Corpus, path: Path) -> None:
    """Write a self-contained page with one node per entity and one edge per fact."""
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    ids = {ident: i for i, ident in enumerate(sorted(corpus.nodes))}
    for ident, i in ids.items():
        node = corpus.nodes[ident]
        net.add_node(i, label=node.label, title=f"{node.kind}: {node.label}",
                     color=COLOURS[node.kind])
    for (subj, pred, obj), _ in sorted(corpus.facts.items(), key=lambda kv: str(kv[0])):
        if isinstance(obj, tuple):
            net.add_edge(ids[subj], ids[obj], label=PREDICATE_ZH.get(pred, pred), title=pred)
    path.write_text(net.generate_html(), encoding="utf-8")
