"""The ontology is a proper, parseable OWL ontology that states the contract's terms."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV

import kg
from kg.graph import KG, SCHEMA

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
ORG = Namespace("http://www.w3.org/ns/org#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

# The contract's core-terms table (shared/CONTRACT.md), written out by hand.
CORE_CLASSES = {
    "Official": {FOAF.Person, SCHEMA.Person},
    "Post": {ORG.Post},
    "Body": {ORG.Organization},
    "Meeting": {SCHEMA.Event},
    "Document": {FOAF.Document},
    "Article": {SCHEMA.NewsArticle, PROV.Entity},
}
CORE_PROPERTIES = {  # name: (domain, range)
    "holds": ("Official", "Post"),
    "postIn": ("Post", "Body"),
    "held": ("Body", "Meeting"),
    "discussed": ("Meeting", "Document"),
    "presided": ("Official", "Meeting"),
    "attended": ("Official", "Meeting"),
    "spokeAt": ("Official", "Meeting"),
    "date": ("Meeting", None),
    "subBodyOf": ("Body", "Body"),
}
SUBPROPERTY_ALIGNMENTS = {"holds": ORG.holds, "postIn": ORG.postIn,
                          "subBodyOf": ORG.subOrganizationOf, "discussed": SCHEMA.about,
                          "date": SCHEMA.startDate}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def _kg_terms(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects(RDF.type, None)
            if isinstance(s, URIRef) and s.startswith(str(KG))}


def test_header_has_version_licence_and_description(onto: Graph) -> None:
    node = URIRef("https://w3id.org/zhgov-kg/ontology")
    assert (node, RDF.type, OWL.Ontology) in onto
    assert str(onto.value(node, OWL.versionInfo)) == kg.__version__
    assert str(onto.value(node, OWL.versionIRI)).endswith(f"/ontology/{kg.__version__}")
    assert isinstance(onto.value(node, DCTERMS.license), URIRef)
    langs = {d.language for d in onto.objects(node, DCTERMS.description)}
    assert {"en", "zh-Hans"} <= langs


def test_every_term_has_labels_in_both_languages_and_a_comment(onto: Graph) -> None:
    terms = _kg_terms(onto)
    assert len(terms) >= 15
    for term in terms:
        langs = [x.language for x in onto.objects(term, RDFS.label)]
        assert sorted(langs) == ["en", "zh-Hans"], term
        assert any(c.language == "en" for c in onto.objects(term, RDFS.comment)), term


def test_core_classes_are_aligned_as_the_contract_says(onto: Graph) -> None:
    for name, supers in CORE_CLASSES.items():
        assert (KG[name], RDF.type, OWL.Class) in onto
        assert supers <= set(onto.objects(KG[name], RDFS.subClassOf)), name


def test_core_properties_have_the_contract_domains_and_ranges(onto: Graph) -> None:
    for name, (domain, rng) in CORE_PROPERTIES.items():
        assert onto.value(KG[name], RDFS.domain) == KG[domain], name
        if rng:
            assert (KG[name], RDF.type, OWL.ObjectProperty) in onto
            assert onto.value(KG[name], RDFS.range) == KG[rng], name
    for name, target in SUBPROPERTY_ALIGNMENTS.items():
        assert (KG[name], RDFS.subPropertyOf, target) in onto, name


def test_date_ranges_over_date_or_month_day(onto: Graph) -> None:
    assert (KG.date, RDF.type, OWL.DatatypeProperty) in onto
    union = onto.value(onto.value(KG.date, RDFS.range), OWL.unionOf)
    assert set(onto.items(union)) == {XSD.date, XSD.gMonthDay}


def test_held_is_the_inverse_of_organizer_not_an_equivalent(onto: Graph) -> None:
    assert (KG.held, OWL.inverseOf, SCHEMA.organizer) in onto
    for prop in (OWL.equivalentProperty, RDFS.subPropertyOf):
        assert (KG.held, prop, SCHEMA.organizer) not in onto
    assert not list(onto.triples((None, OWL.equivalentProperty, None)))
    assert not list(onto.triples((None, OWL.equivalentClass, None)))


def test_no_term_uses_a_date_named_property_for_article_metadata(onto: Graph) -> None:
    """The gold scorer reads any predicate named `date` as a meeting date."""
    dated = {p for p in onto.subjects(RDF.type, None)
             if isinstance(p, URIRef) and str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1] == "date"}
    assert dated == {KG.date}


def test_ontology_and_shapes_parse_in_oxigraph() -> None:
    for path in (ONTOLOGY, SHAPES):
        quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
        assert len(quads) == len(Graph().parse(path, format="turtle"))


def _rapper() -> str:
    path = shutil.which("rapper")
    if path is None:
        if os.environ.get("KG_REQUIRE_RAPPER") == "1":
            pytest.fail("rapper (Debian raptor2-utils) is required but not installed")
        pytest.skip("rapper not installed (apt-get install raptor2-utils)")
    return path


def _rapper_count(path: Path, syntax: str) -> int:
    done = subprocess.run([_rapper(), "-i", syntax, "-o", "nquads", str(path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr and "Warning" not in done.stderr, done.stderr
    return len(done.stdout.splitlines())


def test_ontology_and_shapes_parse_with_rapper() -> None:
    for path in (ONTOLOGY, SHAPES):
        assert _rapper_count(path, "turtle") == len(Graph().parse(path, format="turtle"))


def test_built_graphs_parse_in_rapper_and_oxigraph(sample_build) -> None:
    out, _ = sample_build
    triples = len(Graph().parse(out / "kg.ttl", format="turtle"))
    assert _rapper_count(out / "kg.ttl", "turtle") == triples
    oxi = pyoxigraph.parse(path=str(out / "kg.trig"), format=pyoxigraph.RdfFormat.TRIG)
    assert len({(q.subject, q.predicate, q.object) for q in oxi}) == triples
    quads = Dataset()
    quads.parse(out / "kg.trig", format="trig")
    assert _rapper_count(out / "kg.trig", "trig") == len(list(quads.quads((None, None, None))))


def test_every_kg_term_the_sample_build_uses_is_declared(onto: Graph, sample_build) -> None:
    out, _ = sample_build
    data = Graph().parse(out / "kg.ttl", format="turtle")
    used = {p for _, p, _ in data if p.startswith(str(KG))}
    used |= {o for o in data.objects(None, RDF.type) if o.startswith(str(KG))}
    used |= {o for o in data.objects(None, RDF.predicate) if o.startswith(str(KG))}
    assert used, "the sample build uses no kg: term"
    assert used <= _kg_terms(onto)


def test_sample_build_states_core_facts_with_exactly_the_contract_terms(sample_build) -> None:
    out, _ = sample_build
    data = Graph().parse(out / "kg.ttl", format="turtle")
    entity_classes = {KG[c] for c in ("Official", "Post", "Body", "Meeting", "Document")}
    entities = {s for s, c in data.subject_objects(RDF.type) if c in entity_classes}
    between = {p for s, p, o in data if s in entities and (o in entities or p == KG.date)}
    assert between <= {KG[name] for name in CORE_PROPERTIES}
    assert {KG.holds, KG.held, KG.discussed, KG.date} <= between
    literal_preds = {p for s, p, o in data if s in entities and isinstance(o, Literal)}
    assert literal_preds <= {RDFS.label, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"),
                             KG.date}
