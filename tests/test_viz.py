"""The graph page's data, selection, layout and escaping (no browser needed)."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys

import numpy as np
import pytest

from kg.graph import entity_iri, to_dataset, union
from kg.model import Evidence
from kg.resolve import Corpus, Node
from kg.viz import (
    QUOTED,
    ArticleInfo,
    GraphData,
    Source,
    VizEdge,
    VizError,
    VizNode,
    _best_connected_in,
    _json_for_script,
    best_connected,
    find_node,
    from_corpus,
    from_rdf,
    load_rdf,
    page_data,
    render,
    select,
    write_html,
)
from kg.viz_layout import EDGE_LENGTH, layout


def star_chain() -> GraphData:
    """A hub with five officials, and a chain hub-a-b-c hanging off it."""
    data = GraphData()
    data.nodes["hub"] = VizNode("Body", "杭州市委")
    for i in range(5):
        data.nodes[f"o{i}"] = VizNode("Official", f"官员{i}")
        data.edges.append(VizEdge(f"o{i}", "hub", "attended"))
    for name, prev in (("a", "hub"), ("b", "a"), ("c", "b")):
        data.nodes[name] = VizNode("Body", f"机构{name}")
        data.edges.append(VizEdge(name, prev, "subBodyOf"))
    return data


def _triples(data: GraphData) -> set[tuple[str, str, str]]:
    label = {i: n.label for i, n in data.nodes.items()}
    return {(label[e.source], e.predicate, label[e.target]) for e in data.edges}


def test_rdf_and_corpus_give_the_same_page_data(sample_build):
    out, result = sample_build
    direct = from_corpus(result.corpus)
    reread = from_rdf(load_rdf(out / "kg.ttl"))
    assert {(n.kind, n.label) for n in direct.nodes.values()} == \
        {(n.kind, n.label) for n in reread.nodes.values()}
    assert _triples(direct) == _triples(reread)
    assert len(direct.edges) == sum(1 for (_, p, o) in result.corpus.facts if isinstance(o, tuple))
    for data in (direct, reread):
        label = {i: n.label for i, n in data.nodes.items()}
        sentences = {(label[e.source], e.predicate, label[e.target]):
                     sorted(s.sentence for s in e.sources) for e in data.edges}
        for (subj, pred, obj), evidence in result.corpus.facts.items():
            if isinstance(obj, tuple):
                key = (result.corpus.nodes[subj].label, pred, result.corpus.nodes[obj].label)
                assert sentences[key] == sorted(ev.sentence for ev in evidence)
        dated = {n.label: n.date for n in data.nodes.values() if n.date}
        expected = {result.corpus.nodes[s].label: o for (s, p, o) in result.corpus.facts
                    if p == "date"}
        assert dated == expected


def test_evidence_cites_the_article_title(sample_build):
    out, result = sample_build
    reread = from_rdf(load_rdf(out / "kg.trig"))
    cited = {reread.articles[s.article].title for e in reread.edges for s in e.sources}
    firsts = {next(s.text.strip() for s in x.article.sentences if s.text.strip())[:200]
              for x in result.corpus.extractions}
    assert cited and cited <= firsts | {x.article.meta.get("title") for x in
                                        result.corpus.extractions}


def test_alt_labels_survive_the_rdf_round_trip(sample_build, tmp_path):
    _, result = sample_build
    corpus = copy.deepcopy(result.corpus)
    node = next(n for n in corpus.nodes.values() if n.label == "杭州市委统战部")
    node.alt_labels |= {"杭州市委統戰部", "杭州市委统一战线工作部"}
    union(to_dataset(corpus)).serialize(tmp_path / "kg.ttl", format="turtle", encoding="utf-8")
    seen = []
    for data in (from_corpus(corpus), from_rdf(load_rdf(tmp_path / "kg.ttl"))):
        alts = {n.label: set(n.alt_labels) for n in data.nodes.values() if n.alt_labels}
        assert {"杭州市委統戰部", "杭州市委统一战线工作部"} <= alts["杭州市委统战部"]
        seen.append(alts)
    assert seen[0] == seen[1]


def test_focus_keeps_the_neighbourhood_only():
    data = star_chain()
    one = select(star_chain(), focus="机构a", depth=1)
    assert {n.label for n in one.nodes.values()} == {"机构a", "杭州市委", "机构b"}
    two = select(data, focus="机构a", depth=2)
    assert len(two.nodes) == 9 and "机构a" in two.note
    assert all(e.source in two.nodes and e.target in two.nodes for e in two.edges)


def test_focus_accepts_traditional_script_and_rejects_unknown_names():
    data = star_chain()
    assert find_node(data, "杭州市委") == "hub"
    assert find_node(data, "機構a") == find_node(data, "机构a") == "a"
    with pytest.raises(VizError, match="no entity"):
        find_node(data, "温州市委")
    with pytest.raises(VizError, match="matches 5"):
        find_node(data, "官员")


def test_max_nodes_keeps_the_best_connected_and_says_so():
    data = select(star_chain(), max_nodes=2)
    assert {n.label for n in data.nodes.values()} == {"杭州市委", "机构a"}
    assert "2" in data.note and "9" in data.note
    assert select(star_chain(), max_nodes=50).note == ""


def test_page_data_indexes_nodes_edges_and_evidence():
    data = star_chain()
    data.articles["art"] = ArticleInfo("标题", "2024-05-01")
    data.edges[0].sources.append(Source("官员0出席会议。", "art"))
    page = page_data(data)
    assert len(page["nodes"]) == 9 and len(page["edges"]) == 8
    first = page["edges"][0]
    assert page["nodes"][first[0]][1] == "官员0" and page["nodes"][first[1]][1] == "杭州市委"
    assert page["sentences"][first[3][0]] == "官员0出席会议。"
    assert page["articles"][first[3][1]] == ["标题", "2024-05-01", ""]


def test_traditional_map_covers_the_labels_characters(sample_build):
    _, result = sample_build
    page = page_data(from_corpus(result.corpus))
    assert page["t2s"]["統"] == "统" and page["t2s"]["戰"] == "战"
    assert "统" not in page["t2s"]  # only traditional -> simplified entries


def test_scraped_text_cannot_break_out_of_the_page():
    evil = '</script><script>window.pwned=1</script><img src=x onerror="alert(1)">&amp;'
    data = GraphData({"x": VizNode("Official", evil, [evil + "别名"])})
    data.nodes["y"] = VizNode("Meeting", "会议")
    data.articles["a"] = ArticleInfo(evil, "2024-01-01")
    data.edges.append(VizEdge("x", "y", "attended", [Source(evil, "a")]))
    html = render(data)
    assert "window.pwned" in html  # the text is there ...
    assert html.count("</script>") == 3  # ... but only the page's own three scripts end
    assert "<img" not in html and "onerror=\"" not in html
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert json.loads(block.group(1))["nodes"][0][1] == evil


def test_page_is_self_contained(sample_build):
    out, _ = sample_build
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html) is None
    assert "bootstrap" not in html.lower()
    assert "default-src 'none'" in html  # the browser itself refuses any request


@pytest.mark.parametrize("n", [40, 1500])
def test_layout_spreads_nodes_and_keeps_neighbours_close(n):
    rng = np.random.default_rng(5)
    edges = [(i, int(rng.integers(0, i))) for i in range(1, n)]  # a random tree ...
    edges += [(int(a), int(b)) for a, b in rng.integers(0, n, size=(n // 4, 2)) if a != b]
    edges += [(n, n + 1)]  # ... and a separate pair
    pos = layout(n + 2, edges)
    assert pos.shape == (n + 2, 2) and np.isfinite(pos).all()
    gaps = np.linalg.norm(pos[:, None, :] - pos[None, :, :], axis=2)
    np.fill_diagonal(gaps, np.inf)
    assert gaps.min() > 0.5 * EDGE_LENGTH  # no two nodes drawn on top of each other
    src, dst = np.array(edges).T
    edge_length = np.median(np.linalg.norm(pos[src] - pos[dst], axis=1))
    assert edge_length < 0.5 * np.median(gaps[np.isfinite(gaps)])


def test_layout_of_an_empty_or_edgeless_graph():
    assert layout(0, []).shape == (0, 2)
    pos = layout(3, [])
    assert len({tuple(p) for p in pos.round(6)}) == 3


def _kg(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_kg_viz_redraws_from_the_built_graph(sample_build, tmp_path):
    out, result = sample_build
    page = tmp_path / "focus.html"
    done = _kg("viz", "--graph", str(out / "kg.ttl"), "-o", str(page), "--focus", "佟桂莉",
               "--depth", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    block = re.search(r'id="kg-data">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
    shown = {n[1] for n in json.loads(block.group(1))["nodes"]}
    nodes = result.corpus.nodes
    expected = {"佟桂莉"}
    for (subj, _, obj) in result.corpus.facts:
        if isinstance(obj, tuple) and "佟桂莉" in (nodes[subj].label, nodes[obj].label):
            expected |= {nodes[subj].label, nodes[obj].label}
    assert shown == expected
    assert "佟桂莉" in done.stderr and f"{len(expected)} nodes" in done.stderr


@pytest.mark.parametrize("args, message", [
    (["--graph", "missing.ttl"], "missing.ttl: graph file not found"),
    (["--focus", "不存在的人"], "no entity named"),
])
def test_kg_viz_reports_bad_input_in_one_line(sample_build, tmp_path, args, message):
    out, _ = sample_build
    if args[0] != "--graph":
        args = ["--graph", str(out / "kg.ttl"), *args]
    done = _kg("viz", *args, "-o", str(tmp_path / "x.html"), cwd=tmp_path)
    assert done.returncode == 1
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_build_page_caps_the_node_count_and_says_so(sample_build, tmp_path):
    _, result = sample_build
    page = tmp_path / "capped.html"
    write_html(result.corpus, page, max_nodes=10)
    block = re.search(r'id="kg-data">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
    shown = json.loads(block.group(1))
    assert len(shown["nodes"]) == 10
    assert f"of {len(result.corpus.nodes)} nodes" in shown["note"]
    assert "kg viz --max-nodes" in shown["note"]


def test_a_class_or_relation_added_later_is_still_drawn():
    data = GraphData({"p": VizNode("Place", "杭州"), "b": VizNode("Body", "杭州市委")})
    data.edges.append(VizEdge("b", "p", "locatedIn"))
    page = page_data(data)
    kinds = [k[0] for k in page["kinds"]]
    assert kinds[page["nodes"][0][0]] == "Place" and "Official" in kinds
    assert page["relations"][page["edges"][0][2]] == ["locatedIn", "locatedIn"]


def test_the_build_page_selects_the_nodes_kg_viz_would(sample_build):
    """from_corpus picks the best-connected nodes itself (a large corpus is never drawn whole)."""
    _, result = sample_build
    for limit in (1, 7, 40, len(result.corpus.nodes) - 1, len(result.corpus.nodes)):
        direct = from_corpus(result.corpus, max_nodes=limit)
        selected = select(from_corpus(result.corpus), max_nodes=limit)
        assert len(direct.nodes) == min(limit, len(result.corpus.nodes))
        assert (direct.nodes, direct.edges, direct.note) == \
            (selected.nodes, selected.edges, selected.note)


def _quoted_often(corpus: Corpus) -> tuple:
    """One relation fact of ``corpus`` given 3 sentences in each article, one read twice."""
    key = next(k for k in sorted(corpus.facts, key=str) if isinstance(k[2], tuple))
    ids = sorted(x.article.id for x in corpus.extractions)
    extra = [Evidence(a, f"第{n}句:{a}报道。", 900 - 100 * n, 910 - 100 * n, "r")
             for a in reversed(ids) for n in range(3)]
    extra.append(Evidence(ids[0], f"第0句:{ids[0]}报道。", 900, 910, "another_rule"))
    corpus.facts[key] = corpus.facts[key] + extra
    return key


def test_an_edge_quotes_its_first_sentences_and_counts_all(sample_build, tmp_path):
    _, result = sample_build
    corpus = copy.deepcopy(result.corpus)
    subj, pred, obj = _quoted_often(corpus)
    distinct = {(ev.sentence, ev.article_id) for ev in corpus.facts[(subj, pred, obj)]}
    first = list(dict.fromkeys(ev.sentence for ev in sorted(
        corpus.facts[(subj, pred, obj)], key=lambda ev: (ev.article_id, ev.start))))
    union(to_dataset(corpus)).serialize(tmp_path / "kg.ttl", format="turtle", encoding="utf-8")
    label = corpus.nodes[subj].label, corpus.nodes[obj].label
    quoted = []
    for data in (from_corpus(corpus), from_rdf(load_rdf(tmp_path / "kg.ttl"))):
        edge = next(e for e in data.edges if e.predicate == pred and
                    (data.nodes[e.source].label, data.nodes[e.target].label) == label)
        assert edge.count == len(distinct) > QUOTED == len(edge.sources)
        assert [s.sentence for s in edge.sources] == first[:QUOTED]
        quoted.append([data.articles[s.article].title for s in edge.sources])
        page = page_data(data)
        record = page["edges"][data.edges.index(edge)]
        assert len(record[3]) == 2 * QUOTED and record[4] == len(distinct)
    assert quoted[0] == quoted[1]  # kg build and kg viz quote the same articles


def test_the_page_is_written_as_one_json_block(sample_build):
    _, result = sample_build
    data = from_corpus(result.corpus)
    block = re.search(r'id="kg-data">(.*?)</script>', render(data), re.S).group(1)
    assert block == _json_for_script(page_data(data))


def test_ranking_counts_neighbours_not_facts():
    """Two facts between one pair count once; a loop counts its node once; ties by label."""
    corpus = Corpus()
    for key, label in (("a", "甲"), ("b", "乙"), ("c", "丙"), ("d", "丁"), ("e", "戊")):
        corpus.nodes[("Official", key)] = Node("Official", key, label)
    a, b, c, d, e = (("Official", k) for k in "abcde")
    ev = [Evidence("x", "句。", 0, 2, "r")]
    for fact in ((a, "presided", b), (a, "attended", b), (b, "attended", a), (c, "attended", c),
                 (d, "attended", e), (d, "date", "2024-01-01")):
        corpus.facts[fact] = ev
    data = from_corpus(corpus)
    for limit in range(1, 6):
        assert _best_connected_in(corpus, limit) == \
            {ident for ident in corpus.nodes if str(entity_iri(*ident)) in
             best_connected(data, limit)}
    # all five have one neighbour; by label (code points) 甲 U+7532 comes last
    assert _best_connected_in(corpus, 4) == {b, c, d, e}
