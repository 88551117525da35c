"""output/ holds the committed build of the sample corpus: it must match a fresh build."""

from __future__ import annotations

import pytest
import rdflib

from .conftest import ROOT

COMMITTED = ROOT / "output"


def _quads(path) -> set:
    ds = rdflib.Dataset()
    ds.parse(path, format="trig")
    return {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))}


def _triples(path) -> set:
    return set(rdflib.Graph().parse(path, format="turtle"))


@pytest.mark.parametrize("name", ["kg.ttl", "kg.trig", "graph.html"])
def test_committed_output_is_fresh(sample_build, name: str) -> None:
    fresh, _ = sample_build
    assert (COMMITTED / name).exists(), f"output/{name} is missing: run `kg build`"
    if name == "kg.ttl":
        same = _triples(COMMITTED / name) == _triples(fresh / name)
    elif name == "kg.trig":
        same = _quads(COMMITTED / name) == _quads(fresh / name)
    else:
        same = (COMMITTED / name).read_bytes() == (fresh / name).read_bytes()
    assert same, f"output/{name} is stale: run `kg build` and commit output/"
