"""Write the graph as TriG and Turtle without rdflib's serialisers.

rdflib's serialisers need the whole graph in memory and take about 33 s per
million triples.  The quads still come from the layout functions of
``kg.graph``, so the layout lives in one place; this module gives them
``NTRIPLES`` terms, which are N-Triples text, and only joins strings.

Each article's named graph is turned into N-Triples where the article is
extracted (a worker process or a Dask worker), so that work runs in parallel
and is cached with the article; the build then only concatenates them.  The
entity descriptions (the default graph) are written once, as Turtle with
prefixes, by pyoxigraph.

pyoxigraph lower-cases language tags (``zh-hans``); tags are case-insensitive in
RDF, but the contract spells ``@zh-Hans`` and SPARQL's ``lang()`` compares
strings, so the Turtle writer puts the original spelling back as it writes
(the N-Triples terms keep it anyway).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.graph import Terms
from kg.namespaces import OUTPUT_PREFIXES


class _TagCaseWriter:
    """A binary file wrapper that restores the case of language tags, line by line.

    pyoxigraph writes every literal on one line with ``"`` escaped, so a closing
    quote is one preceded by an even run of backslashes.
    """

    def __init__(self, out: BinaryIO, languages: set[str]) -> None:
        self.out = out
        self.pending = b""
        self.spelled = {f'"@{t.lower()}'.encode(): f'"@{t}'.encode()
                        for t in languages if t != t.lower()}

    def write(self, data: bytes) -> int:
        size = len(data)
        data = self.pending + bytes(data)
        cut = data.rfind(b"\n") + 1
        self.pending = data[cut:]
        self.out.write(self._fix(data[:cut]))
        return size

    def _fix(self, chunk: bytes) -> bytes:
        for lower, spelled in self.spelled.items():
            if lower in chunk:
                chunk = _respell(chunk, lower, spelled)
        return chunk

    def flush(self) -> None:
        self.out.write(self._fix(self.pending))
        self.pending = b""
        self.out.flush()


def _respell(chunk: bytes, lower: bytes, spelled: bytes) -> bytes:
    r"""Replace ``"@zh-hans`` by ``"@zh-Hans`` where the quote closes a literal.

    A quote after an odd run of backslashes is inside a literal; a longer tag
    (``zh-hans-x``) is not this one.

    >>> _respell(rb'"a"@zh-hans . "b\"@zh-hans" . "c\\"@zh-hans ; "d"@zh-hans-x',
    ...          b'"@zh-hans', b'"@zh-Hans')
    b'"a"@zh-Hans . "b\\"@zh-hans" . "c\\\\"@zh-Hans ; "d"@zh-hans-x'
    """
    parts = chunk.split(lower)
    out = [parts[0]]
    for before, part in zip(parts, parts[1:]):
        closes = (len(before) - len(before.rstrip(b"\\"))) % 2 == 0
        ends_tag = not part[:1].isalnum() and part[:1] != b"-"
        out.append((spelled if closes and ends_tag else lower) + part)
    return b"".join(out)


@dataclass
class ArticleGraph:
    """One article's named graph as N-Triples lines, made where the article was extracted.

    ``local`` are the lines no other graph can hold: those about the graph's own
    node or about a node derived from it (its evidence).  ``shared`` lines (the
    facts) may be in other articles' graphs too, so kg.ttl writes each once.
    """

    name: bytes  # b"<https://...>"
    local: bytes
    shared: list[bytes]


#: N-Triples string escapes, as pyoxigraph writes them (so both halves of a file agree).
_ESCAPES = str.maketrans({**{chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
                          "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
                          "\r": "\\r", '"': '\\"', "\\": "\\\\"})
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class NTriplesTerms(Terms):
    r"""Terms as N-Triples text: an article's graph is written without building any node.

    rdflib spends microseconds per node and pyoxigraph's serialiser needs its own
    nodes; a string is all a line of N-Triples needs.

    >>> t = NTriplesTerms()
    >>> t.iri("https://w3id.org/zhgov-kg/id/official/佟桂莉")
    '<https://w3id.org/zhgov-kg/id/official/佟桂莉>'
    >>> print(t.literal('说"好"\n', lang="zh-Hans"), t.literal("7", datatype=XSD_INTEGER))
    "说\"好\"\n"@zh-Hans "7"^^<http://www.w3.org/2001/XMLSchema#integer>
    """

    def iri(self, value: str) -> str:
        return f"<{value}>"

    def literal(self, value: str, lang: str | None = None, datatype: str | None = None) -> str:
        text = f'"{value.translate(_ESCAPES)}"'
        if lang:
            return f"{text}@{lang}"
        if datatype and datatype != _XSD_STRING:
            return f"{text}^^<{datatype}>"
        return text


NTRIPLES = NTriplesTerms()
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


class _TagRecorder(NTriplesTerms):
    """N-Triples terms that remember each language tag's spelling (pyoxigraph lower-cases them)."""

    def __init__(self) -> None:
        self.languages: set[str] = set()

    def literal(self, value: str, lang: str | None = None, datatype: str | None = None) -> str:
        if lang:
            self.languages.add(lang)
        return super().literal(value, lang, datatype)


NTriplesQuad = tuple[str, str, str, "str | None"]


def article_graph(quads: Iterable[NTriplesQuad]) -> ArticleGraph:
    """One named graph's quads, made with ``NTRIPLES`` terms, as N-Triples lines.

    All quads have the same graph name.
    """
    quads = list(quads)
    graph = quads[0][3]
    mine = {graph} | {s for s, _, o, _ in quads if o == graph}
    local, shared = [], []
    for s, p, o, _ in quads:
        (local if s in mine or o in mine else shared).append(f"{s} {p} {o} .\n".encode())
    return ArticleGraph(graph.encode(), b"".join(local), shared)


class GraphFiles:
    """kg.trig and kg.ttl assembled from article graphs streamed in as they are made.

    The article graphs are staged on disk in arrival order, so memory holds only
    one article at a time (plus a digest per shared line, to write each fact once
    in kg.ttl).  They are staged in segments of about ``chunk`` bytes: a TriG
    file of the named graphs and an N-Triples file of the triples new to their
    union.  Each finished segment's two files go to ``sink`` as they are, so the
    store can load them while extraction goes on (the TriG into the named
    graphs, the N-Triples into the default graph); the build's main process
    thus only appends bytes the worker made.  ``set_default`` writes the entity
    descriptions, which need the whole corpus, once as Turtle: that text is
    valid TriG for the default graph too, so both files are that text followed
    by their staged segments.
    """

    def __init__(self, folder: Path, sink: Callable[[Path], None] | None = None,
                 chunk: int = 1 << 26) -> None:
        self.folder = folder
        self.default = folder / "default.ttl"  # the entity descriptions, by set_default
        self.segments: list[tuple[Path, Path]] = []  # (named graphs .trig, union .nt)
        self.seen: set[bytes] = set()
        self.sink, self.chunk = sink, chunk
        self.trig: BinaryIO | None = None
        self.ttl: BinaryIO | None = None
        self.size = 0

    def add(self, graph: ArticleGraph) -> None:
        if self.trig is None or self.ttl is None:
            named, union = (self.folder / f"articles-{len(self.segments) + 1}{suffix}"
                            for suffix in (".trig", ".nt"))
            self.segments.append((named, union))
            self.trig, self.ttl = open(named, "wb"), open(union, "wb")
        self.trig.writelines((graph.name, b" {\n", graph.local, *graph.shared, b"}\n"))
        self.ttl.write(graph.local)
        self.size += 2 * len(graph.local)
        for line in graph.shared:
            self.size += len(line)
            digest = hashlib.blake2b(line, digest_size=16).digest()
            if digest not in self.seen:
                self.seen.add(digest)
                self.ttl.write(line)
                self.size += len(line)
        if self.size >= self.chunk:
            self._end_segment()

    def _end_segment(self) -> None:
        """Close the segment being written and hand its files to ``sink``."""
        if self.trig is None or self.ttl is None:
            return
        self.trig.close()
        self.ttl.close()
        self.trig = self.ttl = None
        self.size = 0
        if self.sink is not None:
            for path in self.segments[-1]:
                self.sink(path)

    def close(self) -> None:
        """Finish the staged files (and hand ``sink`` the last segment)."""
        self._end_segment()
        self.seen = set()  # a digest per fact of the corpus: not needed once all are staged

    def set_default(self, make: Callable[[Terms], Iterable[NTriplesQuad]]) -> None:
        """Write the default graph for both files, as Turtle with prefixes.

        ``make`` gives its quads made with the terms it is handed (N-Triples
        text): pyoxigraph parses them and writes the Turtle, so no term goes
        through Python twice.
        """
        self.close()
        terms = _TagRecorder()
        lines = self.folder / "default.nt"
        with open(lines, "w", encoding="utf-8", newline="\n") as out:
            out.writelines(f"{s} {p} {o} .\n" for s, p, o, _ in make(terms))
        with open(self.default, "wb") as out:
            writer = _TagCaseWriter(out, terms.languages)
            ox.serialize(ox.parse(path=str(lines), format=ox.RdfFormat.N_TRIPLES, lenient=True),
                         writer, ox.RdfFormat.TURTLE, prefixes=OUTPUT_PREFIXES)
            writer.flush()

    def write_trig(self, path: Path) -> None:
        """The default graph, then every staged article graph, as TriG."""
        _concatenate(path, [self.default, *(named for named, _ in self.segments)])

    def write_turtle(self, path: Path) -> None:
        """The default graph, then every staged article triple, as Turtle (the union)."""
        _concatenate(path, [self.default, *(union for _, union in self.segments)])


def _concatenate(path: Path, parts: list[Path]) -> None:
    """Write ``parts`` one after the other to ``path``."""
    with open(path, "wb", buffering=0) as out:
        for name in parts:
            with open(name, "rb", buffering=0) as part:
                _append(part.fileno(), out.fileno())


def _append(src: int, dst: int) -> None:
    """Copy the rest of file ``src`` to ``dst``, in the kernel where it can."""
    try:
        while os.copy_file_range(src, dst, 1 << 30):
            pass
    except (AttributeError, OSError):  # not Linux, or file systems that cannot; offsets are kept
        while chunk := os.read(src, 1 << 20):
            view = memoryview(chunk)
            while view:
                view = view[os.write(dst, view):]
