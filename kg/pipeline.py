"""Run the stages in order: read, normalise, extract, resolve, write.

``build`` is what ``kg build`` calls; it works the same from Python or a notebook.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract import extract
from kg.graph import to_dataset, union
from kg.ingest import ReadReport, read_articles, sample_corpus
from kg.model import Extraction
from kg.normalise import normalise
from kg.resolve import DEFAULT_BASE, Corpus, resolve
from kg.store import STORE_NAME, store_writer, write_atomically
from kg.validate import Violation, check_build
from kg.viz import write_html


class BuildError(Exception):
    """The build could not produce a graph; the previous outputs are untouched."""


@dataclass
class BuildResult:
    corpus: Corpus
    report: ReadReport
    outputs: list[Path] = field(default_factory=list)
    violations: list[Violation] | None = None  # None: validation was skipped

    def summary(self) -> str:
        reasons: dict[str, int] = {}
        for _, reason in self.report.skipped:
            reasons[reason] = reasons.get(reason, 0) + 1
        why = "; ".join(f"{n} {r}" for r, n in sorted(reasons.items()))
        return (f"{self.report.read} articles read, {len(self.report.skipped)} skipped"
                f"{f' ({why})' if why else ''}; {len(self.corpus.nodes)} entities, "
                f"{len(self.corpus.facts)} facts; "
                + ("not validated" if self.violations is None
                   else f"{len(self.violations)} SHACL violations"))


def extract_all(inputs: Iterable[str | Path], report: ReadReport) -> list[Extraction]:
    """Read, normalise and extract every article; a failing article is skipped."""
    out = []
    for raw in read_articles(inputs, report):
        try:
            out.append(extract(normalise(raw)))
        except Exception as exc:  # one bad article never stops a corpus build
            report.read -= 1
            report.skip(raw.source, f"extraction failed: {exc}")
    return out


def build(inputs: Iterable[str | Path] = (), outdir: str | Path = "output",
          base: str = DEFAULT_BASE, warn=lambda msg: print(msg, file=sys.stderr),
          validate: bool = True) -> BuildResult:
    """Build the graph of ``inputs`` (default: the sample corpus) into ``outdir``."""
    inputs = list(inputs) or [sample_corpus()]
    report = ReadReport()
    extractions = extract_all(inputs, report)
    for path, reason in report.skipped:
        warn(f"warning: {path}: skipped: {reason}")
    if not extractions:
        raise BuildError("no article could be read from " + ", ".join(map(str, inputs)))
    corpus = resolve(extractions)
    dataset = to_dataset(corpus, base)
    graph = union(dataset)
    violations = check_build(graph, warn) if validate else None
    outputs = write_atomically(Path(outdir), {
        "kg.ttl": lambda p: graph.serialize(p, format="turtle", encoding="utf-8"),
        "kg.trig": lambda p: dataset.serialize(p, format="trig", encoding="utf-8"),
        "graph.html": lambda p: write_html(corpus, p),
        STORE_NAME: store_writer(dataset),
    })
    return BuildResult(corpus, report, outputs, violations)
