"""How long do building the RDF and validating it take as a corpus grows?

Usage: python bench/bench_validate.py [ARTICLES ...]   (default: 50 200 1000)

Makes a synthetic resolved corpus (eight facts an article, fresh entities in
each article, a few shared ones) and times kg.graph.to_dataset + union and
kg.validate.validate on it.  Prints one line per size.
"""

from __future__ import annotations

import sys
import time

from kg.graph import to_dataset, union
from kg.model import Article, Entity, Evidence, Extraction, Fact, Sentence
from kg.resolve import resolve
from kg.validate import validate


def synthetic_article(i: int) -> Extraction:
    """One article: a body holds a meeting; an official with a post presides and speaks."""
    text = f"第{i}次会议。" * 4
    article = Article(f"a{i}.txt", f"a{i}.txt", text, text, list(range(len(text) + 1)),
                      [Sentence(text, 0, len(text))], {"title": f"第{i}篇", "date": "2024-01-02"})
    body = Entity("Body", f"第{i % 50}市委")
    post = Entity("Post", f"第{i % 50}市委书记")
    official = Entity("Official", f"官员{i}")
    meeting = Entity("Meeting", f"第{i % 50}市委第{i}次会议")
    document = Entity("Document", f"文件{i}")
    ev = Evidence(article.id, text, 0, len(text), "bench")
    facts = [Fact(official, "holds", post, ev), Fact(post, "postIn", body, ev),
             Fact(body, "held", meeting, ev), Fact(official, "presided", meeting, ev),
             Fact(official, "spokeAt", meeting, ev), Fact(meeting, "discussed", document, ev),
             Fact(meeting, "date", "2024-01-02", ev),
             Fact(Entity("Official", f"官员{i}b"), "attended", meeting, ev)]
    return Extraction(article, facts)


def main(sizes: list[int]) -> None:
    for n in sizes:
        corpus = resolve(synthetic_article(i) for i in range(n))
        t0 = time.perf_counter()
        graph = union(to_dataset(corpus))
        t1 = time.perf_counter()
        violations = validate(graph)
        t2 = time.perf_counter()
        print(f"{n:6} articles {len(graph):8} triples: rdf {t1 - t0:6.2f}s, "
              f"validate {t2 - t1:6.2f}s, {len(violations)} violations")


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [50, 200, 1000])
