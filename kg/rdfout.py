"""Write the graph as TriG and Turtle without rdflib's serialisers.

rdflib's serialisers need the whole graph in memory and take about 33 s per
million triples.  The quads still come from the layout functions of
``kg.graph``, so the layout lives in one place; this module gives them
``NTRIPLES`` terms, which are N-Triples text, and only joins strings.

Each article's named graph is turned into N-Triples where the article is
extracted (a worker process or a Dask worker), with the statement node of each
of its facts as a Turtle line, so that work runs in parallel and is cached with
the article; the build then only concatenates them, writing each fact and its
statement once.  The entity descriptions need the whole corpus: they are
written once, at the end, as Turtle with prefixes, by pyoxigraph.

pyoxigraph lower-cases language tags (``zh-hans``); tags are case-insensitive in
RDF, but the contract spells ``@zh-Hans`` and SPARQL's ``lang()`` compares
strings, so the Turtle writer puts the original spelling back as it writes
(the N-Triples terms keep it anyway).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, groupby
from operator import itemgetter
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
    node or about a node derived from it (its evidence nodes, with their
    kg:supports links).  ``shared`` lines (the facts) may be in other articles'
    graphs too, so kg.ttl writes each once, and with it, in the default graph,
    the Turtle line of its rdf:Statement.
    """

    name: bytes  # b"<https://...>"
    local: bytes
    shared: list[tuple[bytes, bytes]]  # (a fact's N-Triples line, its statement's Turtle line)


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


#: The prefix declarations ``turtle_lines`` relies on.
TURTLE_PREFIXES = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in OUTPUT_PREFIXES.items()).encode()
_VOCABULARY = re.compile("<(" + "|".join(map(re.escape, OUTPUT_PREFIXES.values()))
                         + r")([A-Za-z][A-Za-z0-9]*)>")
_PREFIX_OF = {ns: prefix for prefix, ns in OUTPUT_PREFIXES.items()}


def _short(term: str) -> str:
    """An N-Triples term with a vocabulary IRI as a prefixed name (``rdf:subject``)."""
    m = _VOCABULARY.fullmatch(term)
    return f"{_PREFIX_OF[m[1]]}:{m[2]}" if m else term


def turtle_lines(quads: Iterable[NTriplesQuad]) -> Iterator[bytes]:
    """Quads made with ``NTRIPLES`` terms as Turtle lines, one per run of quads with
    the same subject, vocabulary IRIs as prefixed names (the graph is dropped).

    For the statement nodes (a quarter of a large build's quads): their four
    triples as N-Triples take about 2.5 times the bytes.  The lines use the
    prefixes of ``TURTLE_PREFIXES``, which a file of them must declare first.

    >>> st, rdf = "<https://example.org/st/1>", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    >>> lines = list(turtle_lines([(st, f"<{rdf}type>", f"<{rdf}Statement>", None),
    ...                            (st, f"<{rdf}subject>", "<https://example.org/a>", None)]))
    >>> print(lines[0].decode(), end="")
    <https://example.org/st/1> a rdf:Statement ; rdf:subject <https://example.org/a> .
    """
    predicates = {f"<{OUTPUT_PREFIXES['rdf']}type>": "a"}  # few: each abbreviated once
    for subject, quads_ in groupby(quads, key=itemgetter(0)):
        pairs = []
        for _, p, o, _ in quads_:
            short = predicates.get(p)
            if short is None:
                short = predicates[p] = _short(p)
            pairs.append(f"{short} {_short(o)}")
        yield f"{subject} {' ; '.join(pairs)} .\n".encode()


_REIFIES = {f"<{OUTPUT_PREFIXES['rdf']}{name}>": name
            for name in ("subject", "predicate", "object")}


def article_graph(quads: Iterable[NTriplesQuad], statements: Iterable[NTriplesQuad]
                  ) -> ArticleGraph:
    """One named graph's quads, made with ``NTRIPLES`` terms, as N-Triples lines.

    All quads have the same graph name.  ``statements`` are the rdf:Statement
    quads of its facts (``kg.graph.statement_quads``); each becomes one Turtle
    line, paired with the fact it reifies.  A fact read from two sentences is
    one line.
    """
    quads = list(quads)
    graph = quads[0][3]
    mine = {graph} | {s for s, _, o, _ in quads if o == graph}
    local, shared = [], {}
    for s, p, o, _ in quads:
        line = f"{s} {p} {o} .\n".encode()
        if s in mine or o in mine:
            local.append(line)
        else:
            shared[line] = None
    reified = {}
    for _, group in groupby(statements, key=itemgetter(0)):
        node = list(group)
        parts = {_REIFIES.get(p): o for _, p, o, _ in node}
        fact = f"{parts['subject']} {parts['predicate']} {parts['object']} .\n".encode()
        reified[fact] = next(turtle_lines(node))
    return ArticleGraph(graph.encode(), b"".join(local),
                        [(line, reified[line]) for line in shared])


class GraphFiles:
    """kg.trig and kg.ttl assembled from article graphs streamed in as they are made.

    The article graphs are staged on disk in arrival order, so memory holds only
    one article at a time (plus a digest per shared line, to write each fact once
    in kg.ttl).  They are staged in segments of about ``chunk`` bytes: a TriG
    file of the named graphs, an N-Triples file of the triples new to their
    union, and a Turtle file of the statement nodes of the facts new to it.
    Each finished segment's Turtle and N-Triples files go to ``sink`` as they
    are, so the store can load the default graph while extraction goes on (and,
    with ``named``, its TriG file too, into the named graphs); the build's main
    process thus only appends bytes the worker made.  ``set_default`` writes
    the entity descriptions, which need the whole corpus, once as Turtle: that
    text is valid TriG for the default graph too, so both files are that text
    followed by the statements and their staged article segments.
    """

    def __init__(self, folder: Path, sink: Callable[[Path], None] | None = None,
                 chunk: int = 1 << 26, named: bool = False) -> None:
        self.folder = folder
        self.default = folder / "default.ttl"  # the entity descriptions, by set_default
        # (named graphs .trig, union .nt, statements .ttl)
        self.segments: list[tuple[Path, Path, Path]] = []
        self.seen: set[bytes] = set()
        self.sink, self.chunk, self.named = sink, chunk, named
        self.files: tuple[BinaryIO, BinaryIO, BinaryIO] | None = None
        self.size = 0

    def add(self, graph: ArticleGraph) -> None:
        if self.files is None:
            paths = tuple(self.folder / f"articles-{len(self.segments) + 1}{suffix}"
                          for suffix in (".trig", ".nt", ".ttl"))
            self.segments.append(paths)  # type: ignore[arg-type]
            self.files = tuple(open(path, "wb") for path in paths)  # type: ignore[assignment]
            self.files[2].write(TURTLE_PREFIXES)
        trig, ttl, statements = self.files
        trig.writelines((graph.name, b" {\n", graph.local,
                         *(line for line, _ in graph.shared), b"}\n"))
        new = []
        for line, statement in graph.shared:
            digest = hashlib.blake2b(line, digest_size=16).digest()
            if digest not in self.seen:
                self.seen.add(digest)
                new.append((line, statement))
        ttl.writelines((graph.local, *(line for line, _ in new)))
        statements.writelines(statement for _, statement in new)
        # a statement's line holds four triples: count it as the N-Triples it stands
        # for, since the store's bulk load holds several times that
        self.size += (2 * len(graph.local) + sum(len(line) for line, _ in graph.shared)
                      + sum(len(line) + 2 * len(statement) for line, statement in new))
        if self.size >= self.chunk:
            self._end_segment()

    def _end_segment(self) -> None:
        """Close the segment being written and hand its files to ``sink``."""
        if self.files is None:
            return
        for file in self.files:
            file.close()
        self.files = None
        self.size = 0
        if self.sink is not None:
            named, union, statements = self.segments[-1]
            if self.named:
                self.sink(named)
            self.sink(union)
            self.sink(statements)

    def close(self) -> None:
        """Finish the staged files (and hand ``sink`` the last segment)."""
        self._end_segment()
        self.seen = set()  # a digest per fact of the corpus: not needed once all are staged

    def set_default(self, make: Callable[[Terms], Iterable[NTriplesQuad]]) -> list[Path]:
        """Write the entity descriptions for both files; return their parts for the store.

        ``make`` gives the entity descriptions' quads made with the terms it is
        handed (N-Triples text): pyoxigraph parses them and writes the Turtle,
        so no term goes through Python twice.  They are staged in files of
        about half a segment, which the store loads one by one: a bulk load
        holds several times the file it reads.
        """
        self.close()
        terms = _TagRecorder()
        entities = _pieces(self.folder / "entities", ".nt", b"", self.chunk // 2,
                           (f"{s} {p} {o} .\n".encode() for s, p, o, _ in make(terms)))
        with open(self.default, "wb") as out:
            writer = _TagCaseWriter(out, terms.languages)
            ox.serialize(chain.from_iterable(
                ox.parse(path=str(part), format=ox.RdfFormat.N_TRIPLES, lenient=True)
                for part in entities), writer, ox.RdfFormat.TURTLE, prefixes=OUTPUT_PREFIXES)
            writer.flush()
        return entities

    def write_trig(self, path: Path) -> None:
        """The default graph (entities, statements), then every staged article graph, as TriG."""
        _concatenate(path, [self.default, *(st for *_, st in self.segments),
                            *(named for named, *_ in self.segments)])

    def write_turtle(self, path: Path) -> None:
        """The entities and statements, then every staged article triple, as Turtle (the union)."""
        _concatenate(path, [self.default, *(st for *_, st in self.segments),
                            *(union for _, union, _ in self.segments)])


def _pieces(stem: Path, suffix: str, header: bytes, size: int, lines: Iterable[bytes]
            ) -> list[Path]:
    """Write ``lines`` to files ``stem-1suffix``, ``stem-2suffix``… of about ``size`` bytes,
    each starting with ``header``."""
    paths: list[Path] = []
    out: BinaryIO | None = None
    try:
        for line in lines:
            if out is None or out.tell() >= size:
                if out is not None:
                    out.close()
                paths.append(stem.with_name(f"{stem.name}-{len(paths) + 1}{suffix}"))
                out = open(paths[-1], "wb")
                out.write(header)
            out.write(line)
    finally:
        if out is not None:
            out.close()
    return paths


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
