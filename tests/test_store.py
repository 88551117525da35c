"""The store beside the build: written atomically, complete, and openable from any RDF file."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.store import STORE_NAME, StoreError, open_graph, write_atomically, write_store

KG = "https://w3id.org/zhgov-kg/ontology#"
COUNT_OFFICIALS = f"SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {{ ?o a <{KG}Official> }}"


def _count(store: ox.Store, query: str = COUNT_OFFICIALS) -> int:
    rows = list(store.query(query, use_default_graph_as_union=True))
    return int(rows[0]["n"].value)


def _key(term) -> str:
    return str(term.value) if hasattr(term, "value") else str(term)


def _stored_and_expected(out: Path) -> tuple[set, set, set]:
    """The store's quads, kg.trig's named-graph quads and their merge, as strings."""
    dataset = rdflib.Dataset()
    dataset.parse(out / "kg.trig", format="trig")
    quads = {(str(s), str(p), str(o), str(g)) for s, p, o, g in dataset.quads()}
    default = str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID)
    named = {q for q in quads if q[3] != default}
    merged = {(s, p, o, "") for s, p, o, _ in quads}
    store = open_graph(out / STORE_NAME)
    stored = {(_key(q.subject), _key(q.predicate), _key(q.object),
               "" if q.graph_name == ox.DefaultGraph() else q.graph_name.value) for q in store}
    return stored, named, merged


def test_build_writes_a_store_of_the_merged_graph(sample_build):
    out, _ = sample_build
    stored, named, merged = _stored_and_expected(out)
    assert named  # kg.trig has the article graphs
    assert stored == merged  # the store, by default, only their merge (with the evidence)


def test_build_with_named_graphs_stores_every_quad_and_their_merge(tmp_path):
    from kg.pipeline import build

    build([], tmp_path, named_graphs=True, quiet=True)
    stored, named, merged = _stored_and_expected(tmp_path)
    articles = {s for s, p, o, _ in named if p == str(rdflib.RDF.type) and o == KG + "Article"}
    assert articles and articles <= {g for *_, g in stored}  # one named graph per article
    assert stored == named | merged


def test_merged_default_graph_counts_a_fact_once(tmp_path):
    trig = tmp_path / "two.trig"
    trig.write_text("<urn:g1> { <urn:a> <urn:p> <urn:b> }\n<urn:g2> { <urn:a> <urn:p> <urn:b> }\n")
    store = open_graph(trig)
    rows = list(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    assert rows[0]["n"].value == "1"
    graphs = list(store.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
    assert len(graphs) == 2


def test_store_answers_like_rdflib_on_the_turtle(sample_build):
    out, _ = sample_build
    g = rdflib.Graph().parse(out / "kg.ttl", format="turtle")
    expected = len(set(g.subjects(rdflib.RDF.type, rdflib.URIRef(KG + "Official"))))
    assert expected > 0
    assert _count(open_graph(out / STORE_NAME)) == expected


@pytest.mark.parametrize("fmt,suffix", [("turtle", ".ttl"), ("trig", ".trig"), ("nt", ".nt"),
                                        ("nquads", ".nq"), ("json-ld", ".jsonld")])
def test_any_rdf_file_loads_into_memory(sample_build, tmp_path, fmt, suffix):
    out, _ = sample_build
    dataset = rdflib.Dataset()
    dataset.parse(out / "kg.trig", format="trig")
    target = tmp_path / f"graph{suffix}"
    if fmt in ("turtle", "nt"):
        union = rdflib.Graph()
        for s, p, o, _ in dataset.quads():
            union.add((s, p, o))
        union.serialize(target, format=fmt, encoding="utf-8")
    else:
        dataset.serialize(target, format=fmt, encoding="utf-8")
    assert _count(open_graph(target)) == _count(open_graph(out / STORE_NAME))


def test_bad_graph_paths_raise_one_clear_error(tmp_path):
    with pytest.raises(StoreError, match="graph not found"):
        open_graph(tmp_path / "missing.ttl")
    odd = tmp_path / "graph.xyz"
    odd.write_text("x")
    with pytest.raises(StoreError, match="unknown RDF file type"):
        open_graph(odd)
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n")
    with pytest.raises(StoreError, match=r"broken\.ttl: cannot parse"):
        open_graph(broken)
    with pytest.raises(StoreError, match="not an Oxigraph store"):
        open_graph(tmp_path)


def _store_writer(triples: bytes):
    return lambda p: write_store(triples, p)


def test_store_directory_is_replaced_and_a_failed_build_keeps_the_old(tmp_path):
    old = b'<urn:a> <urn:p> "old" <urn:g> .\n'
    new = b'<urn:a> <urn:p> "new" <urn:g> .\n<urn:b> <urn:p> "new" <urn:g> .\n'
    write_atomically(tmp_path, {STORE_NAME: _store_writer(old), "kg.ttl": lambda p:
                                p.write_text("old")})
    write_atomically(tmp_path, {STORE_NAME: _store_writer(new), "kg.ttl": lambda p:
                                p.write_text("new")})
    assert len(open_graph(tmp_path / STORE_NAME)) == 4  # two quads and their merge

    def fail(_: Path) -> None:
        raise RuntimeError("extraction blew up")

    with pytest.raises(RuntimeError):
        write_atomically(tmp_path, {STORE_NAME: _store_writer(old), "kg.ttl": fail})
    assert len(open_graph(tmp_path / STORE_NAME)) == 4
    assert (tmp_path / "kg.ttl").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".build-")] == []
