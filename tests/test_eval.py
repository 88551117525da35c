"""`kg eval` implements GOLD.md: it must agree with the shared scorer on the same graph."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.evaluate import Gold, canonical, load_gold, score_graph

from .conftest import FIXTURES, SHARED

KG = Namespace("https://w3id.org/zhgov-kg/ontology#")
SCORER = SHARED / "eval" / "score.py"


def test_same_numbers_as_the_shared_scorer(sample_build) -> None:
    if not SCORER.exists():
        pytest.skip("shared/eval/score.py is not beside this checkout")
    out, _ = sample_build
    gold_path = FIXTURES / "gold-seeds.json"
    theirs = json.loads(subprocess.run(
        [sys.executable, str(SCORER), str(out / "kg.ttl"), str(gold_path), "--json"],
        capture_output=True, text=True, check=True).stdout)
    from kg.query import load_graph

    mine = score_graph(load_graph(out / "kg.ttl"), load_gold(gold_path))
    assert mine.facts == theirs["facts"]
    assert mine.entities == theirs["entities"]
    assert mine.duplicates == theirs["duplicates"]
    assert sorted(mine.missed) == sorted(theirs["missed"])


def _tiny_gold() -> Gold:
    return Gold({
        "entities": {
            "p:a": {"type": "Official", "label": "佟桂莉"},
            "post:x": {"type": "Post", "label": "杭州市委统战部部长"},
            "m:1": {"type": "Meeting", "label": "杭州市委统战部学习会", "match": [["学习会"]]},
        },
        "facts": [["p:a", "holds", "post:x"], ["m:1", "date", "--07-27"]],
        "optional": [["p:a", "presided", "m:1"]],
    })


def _graph(*triples) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g


def test_traditional_and_abbreviated_labels_match() -> None:
    p, post = URIRef("urn:p"), URIRef("urn:post")
    g = _graph((p, RDF.type, KG.Official), (p, RDFS.label, Literal("佟桂莉")),
               (post, RDFS.label, Literal("中共杭州市委統戰部長")), (p, KG.holds, post))
    score = score_graph(g, _tiny_gold())
    assert score.facts["holds"]["recall"] == 1.0
    assert score.facts["holds"]["precision"] == 1.0


def test_dates_with_a_year_meet_gold_without_one_and_optional_facts_cost_nothing() -> None:
    m, p = URIRef("urn:m"), URIRef("urn:p")
    g = _graph((m, RDFS.label, Literal("某某理论学习会")),
               (m, KG.date, Literal("2017-07-27", datatype=XSD.date)),
               (p, RDFS.label, Literal("佟桂莉")), (p, KG.presided, m))
    score = score_graph(g, _tiny_gold())
    assert score.facts["date"]["recall"] == 1.0
    assert score.facts["all"]["precision"] == 1.0


def test_a_wrong_fact_lowers_precision_and_a_split_is_reported() -> None:
    p1, p2, post = URIRef("urn:p1"), URIRef("urn:p2"), URIRef("urn:post")
    g = _graph((p1, RDF.type, KG.Official), (p1, RDFS.label, Literal("佟桂莉")),
               (p2, RDF.type, KG.Official), (p2, RDFS.label, Literal("佟桂莉")),
               (post, RDFS.label, Literal("杭州市委常委")), (p1, KG.holds, post))
    score = score_graph(g, _tiny_gold())
    assert score.facts["holds"]["precision"] == 0.0
    assert score.duplicates == {"p:a": 2}


def test_canonical_form() -> None:
    assert canonical("中国共产党杭州市委员会") == "杭州市委"
    assert canonical("市委常务副部长") == "市委常务副部长"
    assert canonical("2016—2017") == canonical("2016-2017")


def test_kg_eval_prints_the_table(sample_build) -> None:
    out, _ = sample_build
    proc = subprocess.run([sys.executable, "-m", "kg", "eval", str(FIXTURES / "gold-seeds.json"),
                           "--graph", str(out / "kg.ttl")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].split() == ["predicate", "system", "gold", "P", "R", "F1"]
    assert any(line.startswith("core") for line in proc.stdout.splitlines())


def test_malformed_gold_is_one_line_error(tmp_path: Path, sample_build) -> None:
    out, _ = sample_build
    bad = tmp_path / "gold.json"
    bad.write_text("{not json", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "kg", "eval", str(bad), "--graph",
                           str(out / "kg.ttl")], capture_output=True, text=True)
    assert proc.returncode == 1 and "gold.json" in proc.stderr and "Traceback" not in proc.stderr
