"""Entity resolution across articles: one node per person, body, document and meeting."""

from __future__ import annotations

from kg.extract import extract
from kg.model import RawArticle
from kg.normalise import normalise
from kg.resolve import resolve


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
