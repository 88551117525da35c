"""Write the build's outputs atomically, and keep the graph in a persistent SPARQL store.

Every output is first written in full into a temporary folder beside the final
ones; only when all of them are complete are they moved into place with
os.replace, which is atomic on one filesystem.  A directory output (the
Oxigraph store) cannot be renamed over a non-empty directory, so the old one is
first moved aside into the temporary folder and restored if the swap fails.

The store (``DIR/kg.oxigraph/``) is what ``kg query`` and ``kg serve`` read:
opening it costs milliseconds, where parsing the Turtle of a million triples
costs seconds even with a fast parser and half a minute with rdflib.  Its
default graph is the merge of every article graph (what kg.ttl holds), which
says which article gave each fact through the evidence nodes
(``?e kg:supports ?statement; prov:wasDerivedFrom ?article``).  The named
graphs, one per article, are in kg.trig; ``kg build --named-graphs`` also keeps
them in the store, for ``GRAPH ?article {}``.  They are left out by default
because they repeat every quad of the default graph in six more indexes: on
10,000 articles they doubled the store's load (11 -> 20 s) and made it the
largest cost of a build after extraction.

Why a copied default graph rather than pyoxigraph's ``use_default_graph_as_union``:
the union view is a multiset, so a fact stated by three articles matches three
times and ``COUNT(*)``, ``GROUP_CONCAT`` and every join over it are wrong unless
each query adds DISTINCT; a real default graph has SPARQL's set semantics, which
is what kg.ttl gives rdflib and what a server gets from ``kg push``.  It also
answers faster: its own three indexes hold one entry per triple, where the union
view reads the per-graph indexes and meets each shared fact once per article (on
the benchmark's million triples most library queries ran slower on the union, the
listings up to 2-3 times slower).
The price, when the named graphs are kept too, is a store about twice the size
and a longer load (the copy is made once, at build time).
"""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pyoxigraph as ox

Writer = Callable[[Path], None]

#: Name of the store folder that ``kg build`` writes beside kg.ttl.
STORE_NAME = "kg.oxigraph"

#: File suffixes ``open_graph`` accepts, with the pyoxigraph format of each.
RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}


class StoreError(Exception):
    """A graph file or store that cannot be opened; the message names which."""


def write_atomically(outdir: Path, writers: dict[str, Writer | None]) -> list[Path]:
    """Run each writer into a temp path, then move all of them into ``outdir``.

    A writer may create a file or a directory at the path it is given.  A name
    whose writer is None is removed from ``outdir`` with the same move, once
    every writer has succeeded (an output this build does not make must not be
    left behind, stale).
    """
    outdir.mkdir(parents=True, exist_ok=True)
    done: list[tuple[Path, Path]] = []
    with tempfile.TemporaryDirectory(dir=outdir, prefix=".build-") as tmp_root:
        tmpdir = Path(tmp_root)
        for name, writer in writers.items():
            if writer is not None:
                writer(tmpdir / name)
                done.append((tmpdir / name, outdir / name))
        for tmp, final in done:
            _move_into_place(tmp, final, tmpdir / f".old-{final.name}")
        for name in (name for name, writer in writers.items() if writer is None):
            if (outdir / name).exists():  # parked in the temp folder, deleted with it
                os.replace(outdir / name, tmpdir / f".old-{name}")
    return [final for _, final in done]


def _move_into_place(new: Path, final: Path, aside: Path) -> None:
    """Replace ``final`` by ``new``; an old directory is parked at ``aside`` first."""
    if final.is_dir() and not final.is_symlink():
        os.replace(final, aside)
        try:
            os.replace(new, final)
        except OSError:
            os.replace(aside, final)
            raise
    else:
        os.replace(new, final)


def load_into(store: ox.Store, fmt: ox.RdfFormat, data: bytes | None = None,
              path: Path | None = None) -> None:
    """Load RDF into ``store``; for quad formats also put the union of graphs in the default graph.

    pyoxigraph's own union default graph is a multiset: a fact stated by three
    articles would be counted three times.  A real merged default graph gives
    SPARQL's set semantics, while the named graphs still say which article said what.
    The copy is streamed as N-Triples into a second bulk load: a SPARQL
    ``INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }`` inside the store is one
    big transaction and took longer (37 s against 20 s for a million quads).
    """
    if path is not None:
        store.bulk_load(path=str(path), format=fmt)
    else:
        store.bulk_load(input=data, format=fmt)
    if fmt.supports_datasets:
        source = ox.parse(path=str(path), format=fmt) if path is not None else ox.parse(
            data, format=fmt)
        default = ox.DefaultGraph()
        merged = ox.serialize((q.triple for q in source if q.graph_name != default),
                              format=ox.RdfFormat.N_TRIPLES)
        store.bulk_load(input=merged, format=ox.RdfFormat.N_TRIPLES)


def write_store(nquads: bytes | Path, path: Path) -> None:
    """Write a new store at ``path`` from N-Quads bytes, or from a file of any RDF format."""
    store = ox.Store(str(path))
    if isinstance(nquads, Path):
        load_into(store, _format_of(nquads), path=nquads)
    else:
        load_into(store, ox.RdfFormat.N_QUADS, data=nquads)
    store.flush()
    store.optimize()
    del store  # pyoxigraph has no close(): dropping the last reference releases RocksDB
    gc.collect()


def write_store_parts(path: Path, parts: Iterable[Path], lenient: bool = False) -> None:
    """Write a new store at ``path`` from RDF files of any format, in order.

    Unlike ``write_store``, the union of the named graphs is not added to the
    default graph: the parts hold the default graph wanted (a build stages that
    union itself), so nothing goes through Python.  Each part is taken from
    ``parts`` only when the previous one is loaded, so a generator may hand
    them over while they are being made.  ``lenient`` skips pyoxigraph's IRI and
    literal checks (about 10% of the load), for parts a writer of ours made.
    """
    store = ox.Store(str(path))
    for part in parts:  # from a path: pyoxigraph then parses without holding the GIL
        store.bulk_load(path=str(part), format=_format_of(part), lenient=lenient)
    store.flush()
    store.optimize()
    del store  # releases RocksDB, as in write_store
    gc.collect()


def _format_of(path: Path) -> ox.RdfFormat:
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = " ".join(sorted(RDF_FORMATS))
        raise StoreError(f"{path}: unknown RDF file type {path.suffix!r} (known: {known})")
    return fmt


def is_store(path: Path) -> bool:
    """True if ``path`` looks like an Oxigraph store folder (RocksDB keeps a CURRENT file)."""
    return path.is_dir() and (path / "CURRENT").is_file()


def open_graph(path: Path) -> ox.Store:
    """Open a store folder read-only, or load an RDF file into an in-memory store."""
    if not path.exists():
        raise StoreError(f"{path}: graph not found (run `kg build` first, or give --graph FILE)")
    if path.is_dir():
        if not is_store(path):
            raise StoreError(f"{path}: folder is not an Oxigraph store")
        try:
            return ox.Store.read_only(str(path))
        except OSError as exc:
            raise StoreError(f"{path}: cannot open store: {exc}") from exc
    store = ox.Store()
    try:
        load_into(store, _format_of(path), path=path)
    except (SyntaxError, ValueError, OSError) as exc:
        raise StoreError(f"{path}: cannot parse: {' '.join(str(exc).split())}") from exc
    return store


def default_graph_path(outdir: Path = Path("output")) -> Path:
    """The store of the build in ``outdir``, else the TriG or Turtle of an older build."""
    for name in (STORE_NAME, "kg.trig", "kg.ttl"):
        if (outdir / name).exists():
            return outdir / name
    return outdir / STORE_NAME
