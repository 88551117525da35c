"""Entity resolution across articles: one node per person, body, document and meeting."""

from __future__ import annotations

import itertools

from kg.extract import extract
from kg.model import Article, Entity, Evidence, Extraction, Fact, RawArticle
from kg.normalise import normalise
from kg.resolve import Resolver, pack, resolve


def _corpus(*texts: str):
    return resolve(extract(normalise(RawArticle(f"a{i}.txt", "-", t))) for i, t in enumerate(texts))


def _nodes(corpus, kind: str) -> dict[str, set[str]]:
    return {n.label: n.alt_labels for n in corpus.nodes.values() if n.kind == kind}


def test_traditional_and_simplified_person_are_one_node_with_both_labels():
    corpus = _corpus("5月6日,寧波市委召開常委會會議,市委書記鄭柵潔主持會議。",
                     "6月2日,宁波市委召开常委会会议,市委书记郑栅洁主持会议。")
    people = _nodes(corpus, "Official")
    assert people == {"郑栅洁": {"鄭柵潔"}}
    bodies = _nodes(corpus, "Body")
    assert "宁波市委" in bodies and "寧波市委" in bodies["宁波市委"]


def test_a_person_in_several_articles_without_jurisdiction_is_one_node():
    corpus = _corpus("会议学习了习近平总书记在中央统战工作会议上的重要讲话。",
                     "7月1日,市委召开常委会会议,学习习近平总书记重要讲话精神。")
    assert [n.label for n in corpus.nodes.values() if n.kind == "Official"] == ["习近平"]


def test_meetings_on_different_dates_stay_apart_and_the_same_meeting_merges():
    corpus = _corpus("5月6日,宁波市委召开常委会会议。", "6月2日,宁波市委召开常委会会议。",
                     "6月2日,宁波市委召开常委会会议,市委书记王平主持会议。")
    meetings = [n for n in corpus.nodes.values() if n.kind == "Meeting"]
    keys = sorted(n.key for n in meetings)
    assert keys == ["宁波市委常委会会议|--05-06", "宁波市委常委会会议|--06-02"]


def test_an_unresolved_abbreviated_document_does_not_merge_across_articles():
    corpus = _corpus("5月6日,宁波市委召开常委会会议,审议《条例》。",
                     "6月2日,温州市委召开常委会会议,审议《条例》。")
    docs = [n for n in corpus.nodes.values() if n.kind == "Document"]
    assert len(docs) == 2


def test_every_fact_keeps_its_evidence():
    corpus = _corpus("5月6日,宁波市委召开常委会会议。", "5月6日,宁波市委召开常委会会议。")
    for evidence in corpus.facts.values():
        assert evidence and all(e.rule for e in evidence)
    held = [k for k in corpus.facts if k[1] == "held"]
    assert len(held) == 1 and len(corpus.facts[held[0]]) == 2


def _mention(article: str, label: str, surface: str, sentence: str) -> Extraction:
    """One article saying that ``label`` (written ``surface``) holds a post."""
    official = Entity("Official", label, key="王建国|杭州市", surface=surface)
    post = Entity("Post", "杭州市委书记")
    evidence = Evidence(article, sentence, 0, len(sentence), "title_then_name")
    article_record = Article(article, "-", sentence, sentence, list(range(len(sentence) + 1)), [])
    return Extraction(article_record, [Fact(official, "holds", post, evidence)] * 2)


def test_the_order_articles_arrive_in_does_not_change_the_corpus():
    extractions = [_mention("c.txt", "王建國", "王建國", "杭州市委書記王建國"),
                   _mention("a.txt", "王建国", "王建国", "杭州市委书记王建国"),
                   _mention("b.txt", "王建囯", "王建囯", "杭州市委书记王建囯"),
                   _mention("a.txt", "王建国", "王建國", "杭州市委书记王建國")]
    for order in itertools.permutations(extractions):
        corpus = resolve(order)  # as if sorted by id (stably: a.txt's two keep their order)
        expected = resolve(sorted(order, key=lambda e: e.article.id))
        assert [(n.label, n.alt_labels) for n in corpus.nodes.values()] == \
            [(n.label, n.alt_labels) for n in expected.nodes.values()]
        assert corpus.facts == expected.facts
        assert [e.article.id for e in corpus.extractions] == ["a.txt", "a.txt", "b.txt", "c.txt"]
    # the label is from the first article by id; evidence is in article order, once each
    official = next(n for n in expected.nodes.values() if n.kind == "Official")
    assert official.label == "王建国" and official.alt_labels == {"王建國", "王建囯"}
    [evidence] = expected.facts.values()
    assert [e.article_id for e in evidence] == ["a.txt", "a.txt", "b.txt", "c.txt"]


def test_packed_facts_name_each_entity_and_evidence_once_and_resolve_alike():
    """What a build's worker sends: every entity and evidence once, facts by number."""
    text = "3月2日,成都市委召开常委会会议,市委书记曹立军主持会议,市委副书记王凤朝出席。"
    extraction = extract(normalise(RawArticle("p.txt", "-", text)))
    packed = pack(extraction.facts)
    assert len(packed.facts) == len(extraction.facts) > 2
    assert len(set(packed.entities)) == len(packed.entities) < 2 * len(packed.facts)
    assert len(set(packed.evidence)) == len(packed.evidence)
    # every fact from one sentence quotes the very same sentence string
    assert len({id(sentence) for _, sentence, *_ in packed.evidence}) == 1
    resolver = Resolver()
    resolver.add_packed(Extraction(extraction.article), packed)
    by_pack, whole = resolver.corpus(), resolve([extraction])
    assert (by_pack.nodes, by_pack.facts) == (whole.nodes, whole.facts)
