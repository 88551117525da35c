"""Extraction throughput (CPU time, so a busy machine does not skew it).

    python bench/bench_extract.py [INPUT ...]     # default: sample and dev corpora

Prints MB of normalised text per CPU second for extract() alone, with the
memo of parsed bodies emptied before each pass (a cold start on new text).
"""

from __future__ import annotations

import argparse
import time

from kg.extract import extract, lex
from kg.extract.bodies import _BODY_CACHE
from kg.ingest import ReadReport, read_articles
from kg.normalise import normalise


def main(inputs: list[str]) -> None:
    lex()
    articles = [normalise(r) for r in read_articles(inputs, ReadReport())]
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    best = float("inf")
    for _ in range(5):
        _BODY_CACHE.clear()
        start = time.process_time()
        for article in articles:
            extract(article)
        best = min(best, time.process_time() - start)
    rate = size / best / 1e6
    print(f"{len(articles)} articles, {size / 1e6:.3f} MB: {rate:.2f} MB per CPU second")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        default=["kg/corpus", "tests/fixtures/dev"],
                        help="article files or folders (default: the sample and dev corpora)")
    main(parser.parse_args().inputs)
