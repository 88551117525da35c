"""Score the extractor on hand-annotated articles: correct / spurious / missed per article.

    python tools/score_fresh.py [DIR]     # default: tests/fixtures/fresh

DIR holds the articles (fNN.txt, oNN.txt …) and expected.tsv (file, subject, predicate,
object; a predicate written ?p is optional, ``a|b`` accepts either label).
postIn and subBodyOf are not counted: a post's body follows from its label.
Facts are compared per article, straight from ``kg.extract.extract``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.extract import extract
from kg.model import RawArticle
from kg.normalise import normalise

SCORED = ("holds", "held", "discussed", "presided", "attended", "spokeAt", "date")
Key = tuple[str, str, str]


def load_expected(path: Path) -> dict[str, tuple[list[Key], list[Key]]]:
    """file stem -> (required, optional) facts; labels may hold ``a|b`` alternatives."""
    out: dict[str, tuple[list[Key], list[Key]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        stem, subj, pred, obj = line.split("\t")
        required, optional = out.setdefault(stem, ([], []))
        (optional if pred.startswith("?") else required).append((subj, pred.lstrip("?"), obj))
    return out


def system_facts(path: Path) -> set[Key]:
    article = normalise(RawArticle(path.name, str(path), path.read_text(encoding="utf-8"), {}))
    got = set()
    for f in extract(article).facts:
        if f.predicate in SCORED:
            obj = f.object if isinstance(f.object, str) else f.object.label
            got.add((f.subject.label, f.predicate, obj))
    return got


def _matches(fact: Key, want: Key) -> bool:
    return fact[1] == want[1] and fact[0] in want[0].split("|") and fact[2] in want[2].split("|")


def score(folder: Path) -> dict[str, dict[str, list[Key]]]:
    """Per article: the correct, spurious and missed facts."""
    out = {}
    for stem, (required, optional) in sorted(load_expected(folder / "expected.tsv").items()):
        got = system_facts(folder / f"{stem}.txt")
        correct = [f for f in got if any(_matches(f, w) for w in required)]
        spurious = [f for f in got if not any(_matches(f, w) for w in required + optional)]
        missed = [w for w in required if not any(_matches(f, w) for f in got)]
        out[stem] = {"correct": sorted(correct), "spurious": sorted(spurious),
                     "missed": sorted(missed)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=Path("tests/fixtures/fresh"),
                    help="articles and their expected.tsv (default: tests/fixtures/fresh)")
    folder = ap.parse_args(argv).folder
    if not (folder / "expected.tsv").is_file():
        ap.error(f"{folder}: no expected.tsv in this folder")
    totals = [0, 0, 0]
    for stem, res in score(folder).items():
        counts = [len(res[k]) for k in ("correct", "spurious", "missed")]
        totals = [a + b for a, b in zip(totals, counts)]
        print(f"{stem}\tcorrect {counts[0]}\tspurious {counts[1]}\tmissed {counts[2]}")
        for kind in ("spurious", "missed"):
            for fact in res[kind]:
                print(f"\t{kind}\t" + "  ".join(fact))
    c, s, m = totals
    print(f"all\tcorrect {c}\tspurious {s}\tmissed {m}\t"
          f"P {c / max(c + s, 1):.3f}\tR {c / max(c + m, 1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
