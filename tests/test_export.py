"""`kg export`: every format loads back in its own tool and says the same thing."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph

from kg.cli import main
from kg.graph import KG, union
from kg.validate import load

TONG = "https://w3id.org/zhgov-kg/id/official/佟桂莉"
TONG_POST = "https://w3id.org/zhgov-kg/id/post/杭州市委统战部部长"


def _export(sample_build, tmp_path: Path, fmt: str, graph: str = "kg.trig") -> Path:
    out, _ = sample_build
    target = tmp_path / f"export.{fmt}"
    assert main(["export", "--format", fmt, "--graph", str(out / graph), "-o", str(target)]) == 0
    return target


@pytest.mark.parametrize("fmt, parser", [("ttl", "turtle"), ("nt", "nt")])
def test_triple_formats_hold_the_whole_graph(sample_build, tmp_path: Path, fmt: str,
                                             parser: str) -> None:
    out, _ = sample_build
    back = Graph().parse(_export(sample_build, tmp_path, fmt), format=parser)
    assert set(back) == set(load(out / "kg.ttl"))


@pytest.mark.parametrize("fmt, parser", [("nq", "nquads"), ("trig", "trig"),
                                         ("jsonld", "json-ld")])
def test_quad_formats_keep_one_graph_per_article(sample_build, tmp_path: Path, fmt: str,
                                                 parser: str) -> None:
    out, result = sample_build
    ds = Dataset()
    ds.parse(_export(sample_build, tmp_path, fmt), format=parser)
    articles = {g.identifier for g in ds.graphs() if (g.identifier, None, KG.Article) in g}
    assert len(articles) == result.report.read == 5
    assert set(union(ds)) == set(load(out / "kg.ttl"))


def test_csv_has_one_row_per_fact_with_its_evidence(sample_build, tmp_path: Path) -> None:
    _, result = sample_build
    rows = list(csv.DictReader(io.StringIO(
        _export(sample_build, tmp_path, "csv").read_text(encoding="utf-8"))))
    evidence = sum(len(ev) for ev in result.corpus.facts.values())
    assert len(rows) == evidence
    row = next(r for r in rows if r["subject"] == TONG and r["object"] == TONG_POST)
    assert (row["subject_label"], row["predicate"], row["object_label"]) == (
        "佟桂莉", "holds", "杭州市委统战部部长")
    assert "佟桂莉" in row["sentence"] and row["rule"]
    assert row["article_id"] == "000_bc4f9075b34aef7d.txt"
    assert row["article"] and row["article_iri"].startswith("https://w3id.org/zhgov-kg/id/article/")
    assert all(r["sentence"] and r["article_iri"] for r in rows)
    dates = [r for r in rows if r["predicate"] == "date"]
    assert dates and all(r["object_label"].startswith(("--", "20")) for r in dates)


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_formats_load_in_networkx(sample_build, tmp_path: Path, fmt: str,
                                          reader) -> None:
    _, result = sample_build
    net = reader(_export(sample_build, tmp_path, fmt))
    assert net.number_of_nodes() == len(result.corpus.nodes)
    assert net.nodes[TONG]["label"] == "佟桂莉"
    assert net.nodes[TONG]["type"] == "Official"
    predicates = {d["predicate"] for u, v, d in net.edges(data=True) if u == TONG}
    assert {"holds", "presided"} <= predicates
    assert any(v == TONG_POST for u, v in net.out_edges(TONG))
    relation_facts = sum(1 for (_, p, o) in result.corpus.facts if p != "date")
    assert net.number_of_edges() == relation_facts
    assert any("date" in d for _, d in net.nodes(data=True))


def test_export_reads_turtle_and_writes_stdout(sample_build, capsysbinary) -> None:
    out, _ = sample_build
    assert main(["export", "--format", "nq", "--graph", str(out / "kg.ttl")]) == 0
    text = capsysbinary.readouterr().out.decode("utf-8")
    assert f"<{TONG}>" in text


def test_export_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["export", "--format", "csv", "--graph", str(tmp_path / "none.ttl")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "none.ttl" in err[0]
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--format", "xls"])
    assert exit_info.value.code == 2
