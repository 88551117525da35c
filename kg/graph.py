"""The edge where records become RDF: a Corpus into quads, then an rdflib Dataset.

Layout: the default graph holds what is true of the entities (type, labels)
and one rdf:Statement per distinct fact; each article is a named graph (named
by the article's IRI) holding its metadata, the facts it supports and their
evidence.  The union is the whole graph (kg.ttl).  ``quads`` is the one place
that decides what is written, so a fast serialiser (pyoxigraph) and
``to_dataset`` (rdflib) produce the same RDF.

Evidence uses plain RDF reification so every SPARQL engine can query it, laid
out so that no text is repeated per fact: each fact is reified once, corpus-wide,
by an rdf:Statement (rdf:subject, rdf:predicate, rdf:object) named after the
fact alone; each (article, sentence, rule) is one kg:Evidence node in the
article's graph with kg:sentence, kg:start, kg:end, kg:rule, prov:wasDerivedFrom
the article and kg:supports each statement that rule read in that sentence.  An
article whose 16 facts come from 7 sentences thus quotes 7 sentences, not 16.

IRIs are minted here, from canonical keys only, so they are the same in every
build that contains the entity (see docs/ontology.md, "IRIs").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import numpy as np
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import Node as Term

from kg.model import Article, Evidence
from kg.namespaces import ALIGNED, OUTPUT_PREFIXES
from kg.normalise import to_simplified
from kg.resolve import DEFAULT_BASE, Corpus

KG = Namespace("https://w3id.org/zhgov-kg/ontology#")
SCHEMA = Namespace("https://schema.org/")
ZH_HANS = "zh-Hans"  # labels: simplified Chinese, as the contract requires
ZH = "zh"  # text as the article wrote it, which may be traditional script

#: A quad: subject, predicate, object, graph (an article IRI, or None for the default graph).
Quad = tuple[Term, Term, Term, "URIRef | None"]

_ASCII_SAFE = "()-._~"  # besides letters and digits: what stays readable unencoded
_TITLE_MAX = 80


def bind_prefixes(g: Graph) -> None:
    """Give rdflib output the project's prefixes, so its Turtle reads like ours."""
    for prefix, ns in {**OUTPUT_PREFIXES, **ALIGNED}.items():
        g.bind(prefix, Namespace(ns), replace=True)


def _iri_char_ok(ch: str) -> bool:
    """True for characters an IRI path may hold unencoded (RFC 3987 iunreserved).

    Spaces, controls and invisible or unassigned characters are encoded even
    where RFC 3987 would allow them: an IRI a person reads must show them.
    """
    cp = ord(ch)
    if cp < 0x80:
        return ch.isascii() and ch.isalnum() or ch in _ASCII_SAFE
    if unicodedata.category(ch)[0] in "ZC":
        return False
    if 0xA0 <= cp <= 0xD7FF or 0xF900 <= cp <= 0xFDCF or 0xFDF0 <= cp <= 0xFFEF:
        return True
    if 0xE0000 <= cp <= 0xE0FFF:  # tags and variation selectors: not ucschar in RFC 3987
        return False
    return 0x10000 <= cp <= 0xEFFFF and (cp & 0xFFFF) <= 0xFFFD  # not planes 15-16 (private)


def iri_segment(key: str) -> str:
    """``key`` as one readable IRI path segment: Chinese stays, the rest is %-encoded.

    Injective (``%`` itself is encoded), so distinct keys never share an IRI.

    >>> iri_segment("杭州市委统战部")
    '杭州市委统战部'
    >>> iri_segment("a b/c#d%")
    'a%20b%2Fc%23d%25'
    """
    return "".join(ch if _iri_char_ok(ch) else quote(ch, safe="") for ch in key)


def check_base(base: str) -> str:
    """A base for data IRIs must be an absolute IRI ending in ``/`` or ``#``."""
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S*[/#]$", base) or re.search(r'[<>"{}|\\^`]', base):
        raise ValueError(f"base IRI {base!r} must be absolute and end with '/' or '#'")
    return base


class Terms:
    """How the layout makes RDF terms: rdflib nodes here, N-Triples text in kg.rdfout.

    Every layout function below takes one, so rdflib (``to_dataset``) and the
    fast writer of a build get the same quads from the one place that decides them.
    """

    def iri(self, value: str) -> Term:
        return URIRef(value)

    def literal(self, value: str, lang: str | None = None, datatype: str | None = None) -> Term:
        return Literal(value, lang=lang, datatype=URIRef(datatype) if datatype else None)


RDFLIB = Terms()

_KG = str(KG)
_TYPE, _LABEL, _ALT = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)
_RDF = str(RDF)
_RDF_S, _RDF_P, _RDF_O = str(RDF.subject), str(RDF.predicate), str(RDF.object)
_DERIVED = str(PROV.wasDerivedFrom)
_IDENTIFIER = str(DCTERMS.identifier)
_HEADLINE, _PUBLISHED, _URL = str(SCHEMA.headline), str(SCHEMA.datePublished), str(SCHEMA.url)
_KEYWORDS = str(SCHEMA.keywords)
_META_PROPS = (("source", str(SCHEMA.publisher)), ("editor", str(SCHEMA.editor)),
               ("author", str(SCHEMA.author)))
_DATE, _DATETIME, _MONTHDAY = str(XSD.date), str(XSD.dateTime), str(XSD.gMonthDay)
_INTEGER = str(XSD.integer)


@lru_cache(maxsize=1 << 16)  # a corpus names the same officials and bodies again and again
def _entity_iri(kind: str, key: str, base: str) -> str:
    return f"{base}{kind.lower()}/{iri_segment(key)}"


def entity_iri(kind: str, key: str, base: str = DEFAULT_BASE) -> URIRef:
    """``{base}{kind}/{key}``, e.g. https://w3id.org/zhgov-kg/id/official/佟桂莉."""
    return URIRef(_entity_iri(kind, key, base))


def _digest(text: str, size: int) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:size]


def _article_iri(article: Article, base: str) -> str:
    return f"{base}article/{article.digest[:16]}"


def article_iri(article: Article, base: str = DEFAULT_BASE) -> URIRef:
    """Named after the article's text, not its file: moving or renaming keeps the IRI."""
    return URIRef(_article_iri(article, base))


@lru_cache(maxsize=1 << 14)  # a worker names each of an article's facts three times
def _statement_iri(fact: tuple[str, str, str], base: str) -> str:
    """Named after the fact alone (subject, predicate, object), so every build has the same."""
    return f"{base}statement/{_digest('|'.join(fact), 20)}"


def _evidence_iri(article: str, ev: Evidence, base: str) -> str:
    """Named after the article, the sentence's span and the rule: one per rule and sentence."""
    key = "|".join((article, str(ev.start), str(ev.end), ev.rule))
    return f"{base}evidence/{_digest(key, 20)}"


def date_literal(value: str, t: Terms = RDFLIB) -> Term:
    """``2024-09-13`` as xsd:date, ``--09-13`` as xsd:gMonthDay."""
    return t.literal(value, datatype=_MONTHDAY if value.startswith("--") else _DATE)


def published_literal(value: str, t: Terms = RDFLIB) -> Term:
    """A META_KEYS date (YYYY-MM-DD[THH:MM]) as xsd:date or xsd:dateTime.

    Anything else stays a plain literal, which validation then reports.
    """
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return t.literal(value, datatype=_DATE)
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?", value)
    if m:
        return t.literal(f"{m[1]}T{m[2]}{m[3] or ':00'}", datatype=_DATETIME)
    return t.literal(value)


def _url(value: str) -> str | None:
    value = value.strip()
    if not re.match(r"^https?://", value):
        return None
    return quote(value, safe="".join(chr(c) for c in range(0x21, 0x7f)
                                     if chr(c) not in '<>"{}|\\^`'))


def article_title(article: Article) -> str:
    """The headline, or failing that the start of the first sentence."""
    title = article.meta.get("title", "").strip()
    if title:
        return title
    first = next((s.text.strip() for s in article.sentences if s.text.strip()), "")
    return first[:_TITLE_MAX] or article.id


def article_quads(article: Article, base: str = DEFAULT_BASE, t: Terms = RDFLIB
                  ) -> Iterator[Quad]:
    """The article's node and metadata, in its own named graph."""
    node = t.iri(_article_iri(article, base))
    meta = article.meta
    yield node, t.iri(_TYPE), t.iri(_KG + "Article"), node
    yield node, t.iri(_LABEL), t.literal(to_simplified(article_title(article)), lang=ZH_HANS), node
    yield node, t.iri(_IDENTIFIER), t.literal(article.id), node
    if meta.get("title", "").strip():
        yield node, t.iri(_HEADLINE), t.literal(meta["title"].strip(), lang=ZH), node
    if meta.get("date", "").strip():
        yield node, t.iri(_PUBLISHED), published_literal(meta["date"], t), node
    url = _url(meta.get("url", "")) or _url(article.source)
    if url is not None:
        yield node, t.iri(_URL), t.iri(url), node
    for key, prop in _META_PROPS:
        if meta.get(key, "").strip():
            yield node, t.iri(prop), t.literal(meta[key].strip(), lang=ZH), node
    for word in meta.get("keywords", "").split():
        yield node, t.iri(_KEYWORDS), t.literal(word, lang=ZH), node


def entity_quads(corpus: Corpus, base: str = DEFAULT_BASE, t: Terms = RDFLIB) -> Iterator[Quad]:
    """Type, simplified label and other surface forms of every node (default graph)."""
    for (kind, key), node in sorted(corpus.nodes.items()):
        iri = t.iri(_entity_iri(kind, key, base))
        yield iri, t.iri(_TYPE), t.iri(_KG + kind), None
        yield iri, t.iri(_LABEL), t.literal(node.label, lang=ZH_HANS), None
        for alt in sorted(node.alt_labels):
            yield iri, t.iri(_ALT), t.literal(alt, lang=ZH), None


def _fact_iris(key: tuple, iri: Callable[[tuple[str, str]], str]) -> tuple[str, str, str]:
    """A corpus fact key as (subject IRI, predicate IRI, object IRI or date string).

    ``iri`` names a node (its ``(kind, key)``).
    """
    subj, pred, obj = key
    return iri(subj), _KG + pred, obj if isinstance(obj, str) else iri(obj)


def _fact_terms(key: tuple, fact: tuple[str, str, str], t: Terms) -> tuple[Term, Term, Term]:
    obj = key[2]
    return (t.iri(fact[0]), t.iri(fact[1]),
            date_literal(obj, t) if isinstance(obj, str) else t.iri(fact[2]))


def fact_quads(corpus: Corpus, articles: dict[str, str], base: str = DEFAULT_BASE,
               t: Terms = RDFLIB) -> Iterator[Quad]:
    """Each fact in the graph of every article that supports it, then the evidence nodes.

    ``articles`` maps article ids to their IRIs.  Evidence nodes come in the
    order of (article, span, rule), each followed by the statements it supports.
    """
    supports: dict[tuple[str, int, int, str], tuple[Evidence, list[str]]] = {}
    for key, evidence in sorted(corpus.facts.items(), key=lambda kv: str(kv[0])):
        fact = _fact_iris(key, lambda ident: _entity_iri(*ident, base))
        s, p, o = _fact_terms(key, fact, t)
        statement = _statement_iri(fact, base)
        for ev in evidence:
            g_iri = articles[ev.article_id]
            yield s, p, o, t.iri(g_iri)
            node = supports.setdefault((g_iri, ev.start, ev.end, ev.rule), (ev, []))
            if statement not in node[1]:
                node[1].append(statement)
    type_, evidence_, derived = t.iri(_TYPE), t.iri(_KG + "Evidence"), t.iri(_DERIVED)
    sentence, start, end, rule, supports_ = (
        t.iri(_KG + n) for n in ("sentence", "start", "end", "rule", "supports"))
    for (g_iri, *_), (ev, statements) in sorted(supports.items()):
        g = t.iri(g_iri)
        e = t.iri(_evidence_iri(g_iri, ev, base))
        yield e, type_, evidence_, g
        yield e, sentence, t.literal(ev.sentence, lang=ZH), g
        yield e, start, t.literal(str(ev.start), datatype=_INTEGER), g
        yield e, end, t.literal(str(ev.end), datatype=_INTEGER), g
        yield e, rule, t.literal(ev.rule), g
        yield e, derived, g, g
        for statement in statements:
            yield e, supports_, t.iri(statement), g


def statement_quads(corpus: Corpus, base: str = DEFAULT_BASE, t: Terms = RDFLIB
                    ) -> Iterator[Quad]:
    """One rdf:Statement per distinct fact of the corpus (default graph), in IRI order.

    A build makes each article's in its worker (``kg.rdfout.article_graph``);
    ``to_dataset`` makes a whole corpus's, so they stay cheap: the terms made
    once and each node's IRI minted once, and the order found by sorting one
    64-bit number per fact (the start of its IRI's digest) rather than a list
    of IRIs, which took 300 MB at 1.6 million facts.
    """
    type_, statement_ = t.iri(_TYPE), t.iri(_RDF + "Statement")
    subject, predicate, object_ = t.iri(_RDF_S), t.iri(_RDF_P), t.iri(_RDF_O)
    iri = {ident: _entity_iri(*ident, base) for ident in corpus.nodes}.__getitem__  # once each
    keys = list(corpus.facts)
    digest_starts = (int(_statement_iri(_fact_iris(key, iri), base)[-20:-4], 16) for key in keys)
    prefixes = np.fromiter(digest_starts, dtype=np.uint64, count=len(keys))
    for i in np.argsort(prefixes, kind="stable"):
        key = keys[i]
        fact = _fact_iris(key, iri)
        st = t.iri(_statement_iri(fact, base))
        s, p, o = _fact_terms(key, fact, t)
        yield st, type_, statement_, None
        yield st, subject, s, None
        yield st, predicate, p, None
        yield st, object_, o, None


def quads(corpus: Corpus, base: str = DEFAULT_BASE, t: Terms = RDFLIB) -> Iterator[Quad]:
    """Every quad of the build, in a deterministic order (may repeat a quad)."""
    yield from named_quads(corpus, base, t, entities=True)


def named_quads(corpus: Corpus, base: str = DEFAULT_BASE, t: Terms = RDFLIB,
                entities: bool = False) -> Iterator[Quad]:
    """The quads in the articles' graphs (with ``entities``, the default graph's too)."""
    check_base(base)
    ordered = sorted(corpus.extractions, key=lambda e: e.article.id)
    articles = {e.article.id: _article_iri(e.article, base) for e in ordered}
    for extraction in ordered:
        yield from article_quads(extraction.article, base, t)
    if entities:
        yield from entity_quads(corpus, base, t)
        yield from statement_quads(corpus, base, t)
    yield from fact_quads(corpus, articles, base, t)


def to_dataset(corpus: Corpus, base: str = DEFAULT_BASE) -> Dataset:
    """The build as an rdflib Dataset: entities by default, one named graph per article."""
    ds = Dataset()
    bind_prefixes(ds)
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    graphs: dict[URIRef, Graph] = {}
    for s, p, o, g in quads(corpus, base):
        if g is None:
            default.add((s, p, o))
        else:
            if g not in graphs:
                graphs[g] = ds.graph(g)
            graphs[g].add((s, p, o))
    return ds


def union(ds: Dataset) -> Graph:
    """All triples of every graph in one Graph (what kg.ttl holds)."""
    g = Graph()
    bind_prefixes(g)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def read_dataset(path: Path) -> Dataset:
    """Read any RDF file back; quad formats keep their named graphs.

    Raises ValueError naming the file when it is missing or cannot be parsed.
    """
    from rdflib.util import guess_format

    if not path.is_file():
        raise ValueError(f"{path}: graph file not found (run `kg build` first)")
    fmt = guess_format(str(path)) or "turtle"
    ds = Dataset()
    bind_prefixes(ds)
    try:
        if fmt in ("trig", "nquads"):
            ds.parse(path, format=fmt)
        else:
            ds.graph(DATASET_DEFAULT_GRAPH_ID).parse(path, format=fmt)
    except Exception as exc:  # rdflib raises parser-specific types
        raise ValueError(f"{path}: cannot parse as {fmt}: {' '.join(str(exc).split())}") \
            from exc
    return ds
