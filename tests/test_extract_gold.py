"""Extraction quality floors on the sample corpus and on the held-out dev corpus.

The sample corpus is what the rules were tuned on, so its floor is high; the dev
corpus was used as a check and for error analysis (each fix is a general rule with
its own test sentence in test_extract.py); its floor sits under the measured
score (core F1 1.00, all facts 1.00 when this floor was set).
"""

from __future__ import annotations

import pytest
import rdflib

from kg.evaluate import load_gold, score_graph
from kg.pipeline import build
from tests.conftest import FIXTURES


def _score(graph_path, gold_path):
    graph = rdflib.Graph()
    graph.parse(graph_path, format="turtle")
    return score_graph(graph, load_gold(gold_path))


def test_sample_corpus_core_f1_stays_high(sample_build):
    out, _ = sample_build
    score = _score(out / "kg.ttl", FIXTURES / "gold-seeds.json")
    assert score.facts["core"]["f1"] >= 0.90, score.table()
    assert score.facts["all"]["f1"] >= 0.85, score.table()
    assert not score.duplicates, score.table()


def test_dev_corpus_scores_above_floor(dev_corpus, tmp_path):
    build([dev_corpus], tmp_path, warn=lambda msg: None)
    score = _score(tmp_path / "kg.ttl", FIXTURES / "gold-dev.json")
    assert score.facts["core"]["f1"] >= 0.95, score.table()
    assert score.facts["all"]["f1"] >= 0.95, score.table()
    assert score.entities["Official"]["precision"] >= 0.95, score.table()
    assert not score.duplicates, score.table()


#: Sets whose floor sits lower, for now: set 17 (congress sessions, elections: 0.926 / 0.929,
#: short of a delegation's deliberation and a 主席团's own meeting as meetings) and set 24
#: (autonomous regions: 0.934 / 0.902, short of the 兵团's 师市 bodies).
LOWER_FLOORS = {"set17": 0.90, "set24": 0.88}


@pytest.mark.parametrize("name", ["set1", "set2", "set3", "set4", "set5", "set6", "set7",
                                  "set8", "set9", "set10", "set11", "set12", "set13",
                                  "set14", "set15", "set16", "set17", "set18", "set19",
                                  "set20", "set21", "set22", "set23", "set24", "set25",
                                  "set26", "set27", "set28", "set29", "set30", "set31",
                                  "set32"])
def test_held_out_sets_score_above_floor(name, tmp_path):
    """338 articles written apart from the rules (see tests/fixtures/heldout/README.md).

    Floors sit under the scores measured when they were set (all-facts F1 0.959–1.000,
    core F1 0.950–1.000, but set 17), so a rule that helps one region at another's cost
    shows here.
    """
    folder = FIXTURES / "heldout" / name
    build([folder / "corpus"], tmp_path, warn=lambda msg: None)
    score = _score(tmp_path / "kg.ttl", folder / "gold.json")
    floor = LOWER_FLOORS.get(name, 0.93)
    assert score.facts["core"]["f1"] >= floor, score.table()
    assert score.facts["all"]["f1"] >= floor, score.table()
    official = 0.93 if name in LOWER_FLOORS else 0.95  # set 17: 0.938 (names in brackets)
    assert score.entities["Official"]["precision"] >= official, score.table()
