"""SHACL validation: the sample build is clean, each broken rule is reported usefully."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from kg.cli import main
from kg.graph import KG
from kg.validate import load, validate


@pytest.fixture()
def graph(sample_build) -> Graph:
    out, _ = sample_build
    return load(out / "kg.ttl")


def test_sample_build_conforms(sample_build) -> None:
    out, result = sample_build
    assert result.violations == []
    assert "0 SHACL violations" in result.summary()
    assert validate(load(out / "kg.trig")) == []


def _only(graph: Graph) -> list[str]:
    return [v.line() for v in validate(graph)]


def test_post_without_body_is_reported_with_label_and_path(graph: Graph) -> None:
    post = URIRef("https://w3id.org/zhgov-kg/id/post/杭州市委统战部部长")
    assert (post, RDF.type, KG.Post) in graph
    graph.remove((post, KG.postIn, None))
    for statement in list(graph.subjects(RDF.subject, post)):
        graph.remove((statement, None, None))
        graph.remove((None, KG.supports, statement))
    lines = _only(graph)
    assert lines == [f"杭州市委统战部部长 <{post}> kg:postIn: a kg:Post must be kg:postIn "
                     "exactly one kg:Body"]


def test_second_or_malformed_meeting_date_is_reported(graph: Graph) -> None:
    meeting, date = next(graph.subject_objects(KG.date))
    graph.add((meeting, KG.date, Literal("2022-07-27", datatype=XSD.date)))
    lines = _only(graph)
    assert any("kg:date: a kg:Meeting has at most one kg:date" in x for x in lines)
    assert any("no kg:Evidence" in x for x in lines)
    graph.remove((meeting, KG.date, Literal("2022-07-27", datatype=XSD.date)))
    graph.set((meeting, KG.date, Literal("July 27")))
    lines = _only(graph)
    assert any('(value: "July 27")' in x and "kg:date" in x for x in lines)


def test_fact_without_evidence_is_reported(graph: Graph) -> None:
    official = URIRef("https://w3id.org/zhgov-kg/id/official/佟桂莉")
    meeting = next(graph.subjects(RDF.type, KG.Meeting))
    graph.add((official, KG.attended, meeting))
    lines = _only(graph)
    assert len(lines) == 1
    assert lines[0].startswith(f"佟桂莉 <{official}> kg:attended: this fact has no kg:Evidence")


def test_statement_of_an_unstated_fact_is_reported(graph: Graph) -> None:
    statement = next(graph.subjects(RDF.type, RDF.Statement))
    fact = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate),
            graph.value(statement, RDF.object))
    graph.remove(fact)
    lines = _only(graph)
    assert any(f"<{statement}> rdf:object: statement reifies a fact the graph does not state"
               in x for x in lines)


def test_statement_no_evidence_supports_is_reported(graph: Graph) -> None:
    statement = next(graph.subjects(RDF.type, RDF.Statement))
    fact = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate),
            graph.value(statement, RDF.object))
    graph.remove((None, KG.supports, statement))
    lines = _only(graph)
    assert any(x.startswith(f"<{statement}> ^kg:supports: no kg:Evidence supports this")
               for x in lines), lines
    assert any(f"<{fact[0]}> {graph.namespace_manager.normalizeUri(fact[1])}: this fact has "
               "no kg:Evidence" in x for x in lines), lines
    evidence = next(graph.subjects(RDF.type, KG.Evidence))
    graph.remove((evidence, KG.supports, None))
    assert any(f"<{evidence}> kg:supports: evidence must kg:supports at least one "
               "rdf:Statement" in x for x in _only(graph))


def test_labels_must_be_one_and_simplified(graph: Graph) -> None:
    official = URIRef("https://w3id.org/zhgov-kg/id/official/佟桂莉")
    graph.add((official, RDFS.label, Literal("佟桂莉", lang="zh-Hant")))
    assert any("exactly one non-empty rdfs:label tagged @zh-Hans" in x for x in _only(graph))
    graph.remove((official, RDFS.label, None))
    assert any(x.startswith(f"<{official}> rdfs:label") for x in _only(graph))


def test_holds_must_point_to_a_post(graph: Graph) -> None:
    official = URIRef("https://w3id.org/zhgov-kg/id/official/佟桂莉")
    post = next(graph.objects(official, KG.holds))
    graph.remove((post, RDF.type, KG.Post))
    graph.add((post, RDF.type, KG.Body))
    lines = _only(graph)
    assert any("kg:holds must point to a kg:Post" in x for x in lines)
    assert any("the subject of kg:postIn must be a kg:Post" in x for x in lines)


def test_cli_exit_codes(sample_build, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out, _ = sample_build
    assert main(["validate", str(out / "kg.ttl")]) == 0
    g = load(out / "kg.ttl")
    g.remove((None, KG.postIn, None))
    broken = tmp_path / "broken.ttl"
    g.serialize(broken, format="turtle")
    capsys.readouterr()
    assert main(["validate", str(broken)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines and all(" kg:postIn: " in x or "statement reifies" in x for x in lines)
    assert "SHACL violations" in captured.err
    assert main(["validate", str(tmp_path / "missing.ttl")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing.ttl" in err[0] and "not found" in err[0]
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.ttl: cannot parse" in err[0]


def test_build_can_skip_validation(tmp_path: Path) -> None:
    from kg.pipeline import build

    result = build([], tmp_path, validate=False)
    assert result.violations is None
    assert "not validated" in result.summary()


def _pyshacl_findings(graph: Graph) -> set[tuple[str, str]]:
    """(focus node, message) of a plain pyshacl run with every constraint, SPARQL included."""
    import pyshacl
    from rdflib import Namespace

    from kg.validate import shapes

    sh = Namespace("http://www.w3.org/ns/shacl#")
    _, report, _ = pyshacl.validate(graph, shacl_graph=shapes(), inference="none")
    return {(str(report.value(r, sh.focusNode)), str(report.value(r, sh.resultMessage)))
            for r in report.subjects(sh.resultSeverity, sh.Violation)}


def test_whole_graph_sparql_checks_agree_with_pyshacl(graph: Graph) -> None:
    official = URIRef("https://w3id.org/zhgov-kg/id/official/佟桂莉")
    meeting = next(graph.subjects(RDF.type, KG.Meeting))
    graph.add((official, KG.attended, meeting))  # a fact without evidence
    statement = next(graph.subjects(RDF.predicate, KG.held))
    graph.remove((graph.value(statement, RDF.subject), KG.held,
                  graph.value(statement, RDF.object)))
    graph.remove((None, KG.supports, next(graph.subjects(RDF.predicate, KG.holds))))
    body = next(graph.subjects(RDF.type, KG.Body))
    graph.add((body, KG.subBodyOf, body))
    ours = {(v.node, v.message) for v in validate(graph)}
    assert len(ours) >= 3
    assert ours == _pyshacl_findings(graph)
