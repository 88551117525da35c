"""IRIs, provenance layout and article metadata of the RDF the build writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, PROV

from kg.extract import extract
from kg.graph import KG, SCHEMA, article_iri, entity_iri, iri_segment, quads, to_dataset, union
from kg.ingest import ReadReport, read_articles
from kg.model import Article, Entity, Evidence, Extraction, Fact, Sentence
from kg.normalise import normalise
from kg.query import set_page
from kg.resolve import Corpus, resolve

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "dev"
QUERY = ROOT / "queries" / "evidence-of-fact.rq"
BASE = "https://w3id.org/zhgov-kg/id/"


def _article(text: str = "7月27日，杭州市委统战部召开学习会。佟桂莉主持会议并讲话。",
             meta: dict[str, str] | None = None, ident: str = "a.txt") -> Article:
    sentences = [Sentence("7月27日，杭州市委统战部召开学习会。", 0, 19),
                 Sentence("佟桂莉主持会议并讲话。", 19, 30)]
    return Article(ident, f"/somewhere/{ident}", text, text, list(range(len(text) + 1)),
                   sentences, dict(meta or {}))


def _corpus(article: Article) -> Corpus:
    body = Entity("Body", "杭州市委统战部")
    meeting = Entity("Meeting", "杭州市委统战部学习会")
    official = Entity("Official", "佟桂莉", surface="佟桂莉部长")
    facts = [
        Fact(body, "held", meeting, Evidence(article.id, article.text[0:19], 0, 19, "held")),
        Fact(meeting, "date", "--07-27", Evidence(article.id, article.text[0:19], 0, 19, "date")),
        Fact(official, "presided", meeting,
             Evidence(article.id, article.text[19:30], 19, 30, "role_verbs")),
        Fact(official, "spokeAt", meeting,
             Evidence(article.id, article.text[19:30], 19, 30, "role_verbs")),
    ]
    return resolve([Extraction(article, facts)])


# --- IRIs -----------------------------------------------------------------------------

def test_iris_are_readable_chinese() -> None:
    assert str(entity_iri("Official", "佟桂莉")) == BASE + "official/佟桂莉"
    assert str(entity_iri("Body", "杭州市委统战部")) == BASE + "body/杭州市委统战部"
    assert str(entity_iri("Post", "杭州市委统战部部长")) == BASE + "post/杭州市委统战部部长"


@pytest.mark.parametrize("key, expected", [
    ("a b", "a%20b"), ("x/y", "x%2Fy"), ("x#y?z", "x%23y%3Fz"), ("100%", "100%25"),
    ('<"{|}\\^`>', "%3C%22%7B%7C%7D%5C%5E%60%3E"), ("\u3000全角空格", "%E3%80%80全角空格"),
    ("\ue000", "%EE%80%80"), ("(扩大)", "(扩大)"), ("《规划》", "《规划》"), ("\n", "%0A"),
    ("\U000e0100", "%F3%A0%84%80"),
])
def test_forbidden_characters_are_percent_encoded(key: str, expected: str) -> None:
    assert iri_segment(key) == expected


@given(st.text(min_size=1, max_size=30))
def test_every_key_gives_a_valid_iri(key: str) -> None:
    iri = entity_iri("Body", key)
    pyoxigraph.NamedNode(str(iri))  # raises on an invalid IRI
    assert not any(c.isspace() for c in str(iri))


@given(st.text(max_size=12), st.text(max_size=12))
def test_distinct_keys_never_share_an_iri(a: str, b: str) -> None:
    assert (iri_segment(a) == iri_segment(b)) == (a == b)


def extract_all(inputs: list[Path], report: ReadReport) -> list[Extraction]:
    return [extract(normalise(raw)) for raw in read_articles(inputs, report)]


def _build_iris(inputs: list[Path]) -> tuple[set[str], set[str]]:
    """(entity and article IRIs, evidence and statement IRIs) of a build of ``inputs``."""
    corpus = resolve(extract_all(inputs, ReadReport()))
    traces = {KG.Evidence, RDF.Statement}
    nodes = {str(s) for s, p, o, _ in quads(corpus) if p == RDF.type and o not in traces}
    evidence = {str(s) for s, p, o, _ in quads(corpus) if p == RDF.type and o in traces}
    return nodes, evidence


def test_iris_survive_adding_articles_and_moving_folders(tmp_path: Path) -> None:
    files = sorted(DEV.glob("d*.txt"))
    first = tmp_path / "one"
    both = tmp_path / "elsewhere" / "two"
    first.mkdir()
    both.mkdir(parents=True)
    for f in files[:6]:
        shutil.copy(f, first)
    for f in files:
        shutil.copy(f, both)
    nodes_a, evidence_a = _build_iris([first])
    nodes_ab, evidence_ab = _build_iris([both])
    assert len(nodes_ab) > len(nodes_a) > 6
    assert nodes_a <= nodes_ab
    assert evidence_a and evidence_a <= evidence_ab
    nodes_files, _ = _build_iris(sorted(both.glob("*.txt"))[:6])
    assert nodes_files == nodes_a


def test_rebuilds_give_identical_quads() -> None:
    def once() -> set:
        return set(quads(resolve(extract_all([DEV], ReadReport()))))
    assert once() == once()


# --- layout and provenance ------------------------------------------------------------

def test_dataset_holds_exactly_the_quads() -> None:
    corpus = _corpus(_article())
    ds = to_dataset(corpus)
    got = {(s, p, o, None if g == DATASET_DEFAULT_GRAPH_ID else g)
           for s, p, o, g in ds.quads((None, None, None, None))}
    assert got == set(quads(corpus))


def test_each_article_is_a_named_graph_with_its_facts_and_evidence() -> None:
    ds = to_dataset(_corpus(_article()))
    named = [g for g in ds.graphs() if (g.identifier, RDF.type, KG.Article) in g]
    assert len(named) == 1
    g = named[0]
    article = g.identifier
    body = entity_iri("Body", "杭州市委统战部")
    meeting = entity_iri("Meeting", "杭州市委统战部学习会")
    assert (body, KG.held, meeting) in g
    assert (meeting, KG.date, Literal("--07-27", datatype=XSD.gMonthDay)) in g
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    statement = next(default.subjects(RDF.predicate, KG.held))
    assert (statement, RDF.type, RDF.Statement) in default
    assert default.value(statement, RDF.subject) == body
    assert default.value(statement, RDF.object) == meeting
    assert not list(g.triples((statement, None, None)))  # once, in the default graph
    evidence = next(g.subjects(KG.supports, statement))
    assert (evidence, RDF.type, KG.Evidence) in g
    assert str(g.value(evidence, KG.sentence)) == "7月27日，杭州市委统战部召开学习会。"
    assert g.value(evidence, KG.start).toPython() == 0
    assert g.value(evidence, KG.end).toPython() == 19
    assert str(g.value(evidence, KG.rule)) == "held"
    assert g.value(evidence, PROV.wasDerivedFrom) == article
    official = entity_iri("Official", "佟桂莉")
    whole = union(ds)
    assert whole.value(official, RDFS.label) == Literal("佟桂莉", lang="zh-Hans")
    assert {str(x) for x in whole.objects(official, URIRef(
        "http://www.w3.org/2004/02/skos/core#altLabel"))} == {"佟桂莉部长"}


def test_a_sentence_is_quoted_once_per_rule_whatever_it_supports() -> None:
    """presided and spokeAt, read by one rule in one sentence: one evidence node, two
    statements; held and date, read by two rules in another: two nodes."""
    whole = union(to_dataset(_corpus(_article())))
    sentences = sorted(str(s) for s in whole.objects(None, KG.sentence))
    assert sentences == ["7月27日，杭州市委统战部召开学习会。"] * 2 + ["佟桂莉主持会议并讲话。"]
    roles = next(whole.subjects(KG.rule, Literal("role_verbs")))
    supported = {whole.value(st, RDF.predicate) for st in whole.objects(roles, KG.supports)}
    assert supported == {KG.presided, KG.spokeAt}
    assert len(set(whole.subjects(RDF.type, RDF.Statement))) == 4  # one per fact


def test_a_fact_of_two_articles_has_one_statement_and_two_evidence_nodes() -> None:
    first, second = _article(ident="a.txt"), _article(text="另一篇文章。" + "x" * 24, ident="b.txt")
    body, meeting = Entity("Body", "杭州市委统战部"), Entity("Meeting", "杭州市委统战部学习会")
    corpus = resolve([Extraction(a, [Fact(body, "held", meeting,
                                          Evidence(a.id, a.text[0:19], 0, 19, "held"))])
                      for a in (first, second)])
    ds = to_dataset(corpus)
    whole = union(ds)
    statements = set(whole.subjects(RDF.type, RDF.Statement))
    assert len(statements) == 1
    evidence = set(whole.subjects(KG.supports, statements.pop()))
    assert {whole.value(e, PROV.wasDerivedFrom) for e in evidence} == {
        article_iri(first), article_iri(second)}
    alone = union(to_dataset(resolve([Extraction(first, [Fact(
        body, "held", meeting, Evidence("a.txt", first.text[0:19], 0, 19, "held"))])])))
    assert set(alone.subjects(RDF.type, RDF.Statement)) == set(
        whole.subjects(RDF.type, RDF.Statement))  # named after the fact alone


def test_article_iri_depends_on_the_text_not_the_file() -> None:
    one = union(to_dataset(_corpus(_article(ident="x/a.txt"))))
    two = union(to_dataset(_corpus(_article(ident="b.txt"))))
    assert set(one.subjects(RDF.type, KG.Article)) == set(two.subjects(RDF.type, KG.Article))
    other = union(to_dataset(_corpus(_article(text="另一篇文章。" + "x" * 24))))
    assert set(other.subjects(RDF.type, KG.Article)).isdisjoint(one.subjects(RDF.type, KG.Article))


def test_article_metadata_maps_to_schema_org_and_dcterms() -> None:
    meta = {"title": "杭州市委統戰部召開學習會", "date": "2022-07-28T09:30", "source": "杭州日报",
            "editor": "王编辑", "author": "李记者", "keywords": "统战 学习",
            "url": "https://example.org/news/1 2.html"}
    g = union(to_dataset(_corpus(_article(meta=meta))))
    article = next(g.subjects(RDF.type, KG.Article))
    assert g.value(article, RDFS.label) == Literal("杭州市委统战部召开学习会", lang="zh-Hans")
    assert str(g.value(article, SCHEMA.headline)) == meta["title"]
    assert g.value(article, SCHEMA.datePublished) == Literal("2022-07-28T09:30:00",
                                                             datatype=XSD.dateTime)
    assert str(g.value(article, SCHEMA.publisher)) == "杭州日报"
    assert str(g.value(article, SCHEMA.editor)) == "王编辑"
    assert str(g.value(article, SCHEMA.author)) == "李记者"
    assert {str(k) for k in g.objects(article, SCHEMA.keywords)} == {"统战", "学习"}
    assert g.value(article, SCHEMA.url) == URIRef("https://example.org/news/1%202.html")
    assert str(g.value(article, DCTERMS.identifier)) == "a.txt"
    local_names = {str(p).rsplit("/", 1)[-1].rsplit("#", 1)[-1] for p in g.predicates(article)}
    assert "date" not in local_names  # the gold scorer would read it as a meeting date
    assert "/somewhere/" not in g.serialize(format="nt")  # no local paths leak


def test_bad_base_is_refused() -> None:
    with pytest.raises(ValueError, match="must be absolute"):
        list(quads(_corpus(_article()), base="id/"))
    custom = {str(s) for s, *_ in quads(_corpus(_article()), base="https://example.org/kg/")}
    assert "https://example.org/kg/official/佟桂莉" in custom


# --- the evidence query, in two engines -----------------------------------------------

def _check_rows(rows: list[dict[str, str]], sample_dir: Path) -> None:
    originals = {p.name: p.read_text(encoding="utf-8") for p in sample_dir.glob("*.txt")}
    assert rows
    for row in rows:
        text = originals[row["articleId"]]
        assert text[int(row["start"]):int(row["end"])] == row["sentence"]
        assert row["article"].startswith(BASE + "article/")


def test_evidence_query_returns_sentence_and_article_in_rdflib(sample_build) -> None:
    from rdflib import Graph

    out, result = sample_build
    g = Graph().parse(out / "kg.ttl", format="turtle")
    res = g.query(set_page(QUERY.read_text(encoding="utf-8"), 0))
    rows = [{str(k): str(v) for k, v in r.asdict().items()} for r in res]
    facts = {(s, p, o) for s, p, o in g if p in {KG[x] for x in
             ("holds", "postIn", "held", "discussed", "presided", "attended", "spokeAt",
              "date", "subBodyOf")}}
    found = {(r["subjectLabel"], r["predicate"], r["objectLabel"]) for r in rows}
    assert len(found) == len(facts) == len(result.corpus.facts)
    from kg.ingest import sample_corpus
    _check_rows(rows, sample_corpus())


def test_evidence_query_returns_sentence_and_article_in_oxigraph(sample_build) -> None:
    out, result = sample_build
    store = pyoxigraph.Store()
    store.load(path=str(out / "kg.trig"), format=pyoxigraph.RdfFormat.TRIG)
    res = store.query(set_page(QUERY.read_text(encoding="utf-8"), 0),
                      use_default_graph_as_union=True)
    names = [v.value for v in res.variables]
    rows = [{n: sol[n].value for n in names if sol[n] is not None} for sol in res]
    found = {(r["subjectLabel"], r["predicate"], r["objectLabel"]) for r in rows}
    assert len(found) == len(result.corpus.facts)
    from kg.ingest import sample_corpus
    _check_rows(rows, sample_corpus())


def test_cli_build_takes_a_base(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from kg.cli import main

    assert main(["build", "--no-validate", "--base", "https://example.org/kg/",
                 "-o", str(tmp_path)]) == 0
    assert "<https://example.org/kg/official/佟桂莉>" in (tmp_path / "kg.ttl").read_text("utf-8")
    assert main(["build", "--base", "not an iri", "-o", str(tmp_path)]) == 2
    assert "--base" in capsys.readouterr().err
