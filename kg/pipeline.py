"""Run the stages in order: read, normalise, extract, resolve, write.

``build`` is what ``kg build`` calls; it works the same from Python or a notebook.

Built for corpora of 100,000 articles: articles stream through the extractors in
batches (in worker processes with ``jobs > 1``, or on a Dask cluster), which
also render each article's named graph as N-Triples and its facts' statement
nodes as Turtle; only a slim record of each article is kept once its facts are
out; each article's result is cached by content hash so a rebuild redoes only
what changed; and kg.ttl / kg.trig are the entity descriptions (written by
pyoxigraph) followed by the staged statements and article graphs, so no rdflib
graph of the whole corpus is ever built.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from kg.cache import ExtractionCache, article_key, version_key
from kg.extract import extract
from kg.graph import entity_quads, named_quads, statement_quads
from kg.ingest import STDIN, ReadReport, find_files, read_files, sample_corpus
from kg.model import Article, Extraction, RawArticle
from kg.normalise import normalise
from kg.progress import Progress
from kg.rdfout import NTRIPLES, ArticleGraph, GraphFiles, article_graph
from kg.resolve import DEFAULT_BASE, Corpus, PackedFacts, Resolver, pack, resolve
from kg.store import STORE_NAME, write_atomically, write_store_parts
from kg.validate import Violation, check_build
from kg.viz import BUILD_MAX_NODES, write_html

#: Articles per unit of work sent to a worker: large enough to amortise the
#: transfer, small enough that the articles in flight stay a few megabytes.
BATCH_SIZE = 32
CACHE_DIRNAME = ".kgcache"


class BuildError(Exception):
    """The build could not produce a graph; the previous outputs are untouched."""


@dataclass
class BuildResult:
    """What a build made.  To keep memory low, ``corpus.extractions`` keep only each
    article's slim record and no facts: ``corpus.facts`` has every fact, once,
    with all its evidence."""

    corpus: Corpus
    report: ReadReport
    outputs: list[Path] = field(default_factory=list)
    extracted: int = 0  # articles extracted in this build
    cached: int = 0  # articles whose extraction came from the cache
    # wall time of each stage, and "store (background)": loading the store, which overlaps them
    seconds: dict[str, float] = field(default_factory=dict)
    violations: list[Violation] | None = None  # None: validation was skipped

    def summary(self) -> str:
        reasons: dict[str, int] = {}
        for _, reason in self.report.skipped:
            reasons[reason] = reasons.get(reason, 0) + 1
        why = "; ".join(f"{n} {r}" for r, n in sorted(reasons.items()))
        reuse = f" ({self.cached} from cache)" if self.cached else ""
        return (f"{self.report.read} articles read{reuse}, {len(self.report.skipped)} skipped"
                f"{f' ({why})' if why else ''}; {len(self.corpus.nodes)} entities, "
                f"{len(self.corpus.facts)} facts; "
                + (f"graph.html draws the {BUILD_MAX_NODES} best-connected entities; "
                   if len(self.corpus.nodes) > BUILD_MAX_NODES else "")
                + ("not validated" if self.violations is None
                   else f"{len(self.violations)} SHACL violations"))


def slim(extraction: Extraction) -> Extraction:
    """Keep only what the graph needs of an article once its facts are extracted.

    The facts carry their evidence sentences; of the article itself the graph
    uses the id, source, metadata and (for a missing title) the first sentence,
    so the full text, normalised text and offset map are dropped.
    """
    a = extraction.article
    first = next((s for s in a.sentences if s.text.strip()), None)
    article = Article(a.id, a.source, "", "", [], [first] if first else [], dict(a.meta),
                      a.digest)
    return Extraction(article, list(extraction.facts))


@dataclass
class Extracted:
    """What a worker returns for one article, and what the cache keeps of it."""

    extraction: Extraction  # slimmed, and without its facts: they are in ``facts``
    graph: ArticleGraph  # the article's named graph, ready to write
    facts: PackedFacts  # ready for ``Resolver.add_packed``


def extract_article(raw: RawArticle, base: str = DEFAULT_BASE) -> Extracted | str:
    """Normalise and extract one article and render its graph; a failure becomes its message.

    An article's graph depends only on that article (entity IRIs come from
    kind and key), so it is made here, in parallel, from a one-article corpus.
    """
    try:
        extraction = slim(extract(normalise(raw)))
        one = resolve([extraction])
        graph = article_graph(named_quads(one, base, NTRIPLES),
                              statement_quads(one, base, NTRIPLES))
        return Extracted(Extraction(extraction.article), graph, pack(extraction.facts))
    except Exception as exc:  # one bad article never stops a corpus build
        return f"extraction failed: {exc}"


def extract_batch(raws: list[RawArticle], base: str = DEFAULT_BASE) -> list[Extracted | str]:
    """``extract_article`` over articles read elsewhere: what a Dask worker runs.

    Takes and returns only plain picklable records.
    """
    return [extract_article(raw, base) for raw in raws]


def _lookup(cache: ExtractionCache | None, raw: RawArticle,
            version: str) -> tuple[str, Extracted | None]:
    """The article's cache key and its cached result, if any (no key without a cache)."""
    if cache is None:
        return "", None
    key = article_key(raw, version)
    hit = cache.get(key)
    return key, hit if isinstance(hit, Extracted) else None


@dataclass
class FileResult:
    """What a local worker made of one input file: its reading report and its articles."""

    report: ReadReport  # articles read, skipped (unreadable or failing) with reasons
    results: list[Extracted]  # in file order
    cached: int = 0  # how many of them came from the cache


def extract_files(files: list[tuple[Path, Path]], base: str, cache: ExtractionCache | None,
                  version: str) -> list[FileResult]:
    """Read each file, then take each of its articles from the cache or extract (and cache) it.

    The whole job of a local worker: reading (decoding, HTML parsing), hashing
    and pickling are per-article work too, and done here they run in parallel
    instead of in the one main process, which then only merges the results.
    Workers write cache entries atomically, so two writing the same key is harmless.
    """
    out: list[FileResult] = []
    for path, root in files:
        done = FileResult(ReadReport(), [])
        for raw in read_files([(path, root)], done.report):
            key, hit = _lookup(cache, raw, version)
            if hit is not None:
                done.results.append(hit)
                done.cached += 1
                continue
            result = extract_article(raw, base)
            if isinstance(result, str):
                done.report.fail(raw.source, result)
                continue
            if cache:
                cache.put(key, result)
            done.results.append(result)
        out.append(done)
    return out


class _InProcess(Executor):
    """Runs each batch at once in this process (``jobs=1``): no pickling, no workers."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


@contextmanager
def _executor(jobs: int, dask: str | None) -> Iterator[tuple[Executor, int]]:
    """The executor that runs batches, and how many batches to keep in flight."""
    if dask:
        try:
            from distributed import Client
        except ImportError as exc:
            raise BuildError("--dask needs the dask extra: pip install 'zhgov-kg[dask]'") from exc
        try:
            client = Client(dask, timeout="10s")
        except OSError as exc:
            raise BuildError(f"cannot reach the Dask scheduler at {dask}: {exc}") from exc
        with client:
            threads = max(sum(client.nthreads().values()), 1)
            yield client.get_executor(pure=False), 2 * threads
        return
    if jobs <= 1:
        yield _InProcess(), 1
        return
    _warm_up()  # load the lexicon, converters and dictionaries once, before forking
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield pool, 2 * jobs


def _warm_up() -> None:
    extract_batch([RawArticle("warm-up", "-", "7月1日,杭州市委召开常委会会议。")])


Item = tuple[RawArticle, str] | Extracted  # an article to extract (with its key), or a hit
T = TypeVar("T")


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Group files or articles into batches of ``size``, in order."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class _Extractor:
    """Streams the input through the cache and the executor, in input order.

    Results come back in the order the files were given whatever the number
    of workers or cache hits, so every build of the same input writes the same
    bytes.  At most ``window`` batches are in flight.  Local workers are given
    file names and do everything per article themselves (``extract_files``);
    Dask workers may not see this machine's files or cache (and no worker
    can read our stdin), so for them the input is read and looked up here and
    only the misses' text is sent.
    """

    report: ReadReport
    cache: ExtractionCache | None
    progress: Progress
    base: str = DEFAULT_BASE
    read_here: bool = False  # for a Dask cluster, or stdin (a worker process cannot read it)
    extracted: int = 0
    cached: int = 0

    def run(self, files: list[tuple[Path, Path]], executor: Executor, window: int,
            batch_size: int) -> Iterator[Extracted]:
        version = version_key(self.base) if self.cache else ""
        pending: deque[Callable[[], Iterator[Extracted]]] = deque()  # finished batches' readers
        if self.read_here:
            for batch in _batches(self._read(files, version), batch_size):
                misses = [item[0] for item in batch if not isinstance(item, Extracted)]
                future = executor.submit(extract_batch, misses, self.base) if misses else None
                pending.append(partial(self._finish_articles,
                                       [_drop_text(item) for item in batch], future))
                while len(pending) >= window:
                    yield from pending.popleft()()
        else:
            for names in _batches(files, batch_size):
                pending.append(partial(self._finish_files, executor.submit(
                    extract_files, names, self.base, self.cache, version)))
                while len(pending) >= window:
                    yield from pending.popleft()()
        while pending:
            yield from pending.popleft()()

    def _finish_files(self, work: Future) -> Iterator[Extracted]:
        """Yield the articles of a finished batch of files in order, merging their reports."""
        for done in _result(work):
            self.progress.update()
            self.report.merge(done.report)
            self.cached += done.cached
            self.extracted += len(done.results) - done.cached
            yield from done.results

    def _read(self, files: list[tuple[Path, Path]], version: str
              ) -> Iterator[tuple[RawArticle, str] | Extracted]:
        """Each article with its cache key, or its cached result."""
        for raw in read_files(files, self.report):
            key, hit = _lookup(self.cache, raw, version)
            yield hit if hit is not None else (raw, key)

    def _finish_articles(self, batch: list[Item], work: Future | None) -> Iterator[Extracted]:
        """Yield a finished batch's results in order, recording failures."""
        results = iter(_result(work) if work is not None else ())
        for item in batch:
            self.progress.update()
            if isinstance(item, Extracted):
                self.cached += 1
                yield item
                continue
            (raw, key), result = item, next(results)
            if isinstance(result, str):
                self.report.fail(raw.source, result)
                continue
            self.extracted += 1
            if self.cache:
                self.cache.put(key, result)
            yield result


def _result(work: Future) -> list:
    try:
        return work.result()
    except BrokenProcessPool as exc:
        raise BuildError(f"an extraction worker died ({exc}); try fewer jobs") from exc


def _drop_text(item: Item) -> Item:
    """Keep an article's id and source while it is extracted, not its text."""
    if isinstance(item, Extracted):
        return item
    raw, key = item
    return RawArticle(raw.id, raw.source, ""), key


def _cache_for(cache: str | Path | bool | None, outdir: Path) -> ExtractionCache | None:
    if cache is False:
        return None
    if cache is None or cache is True:
        return ExtractionCache(outdir / CACHE_DIRNAME)
    return ExtractionCache(Path(cache))


#: Above this many facts the build skips SHACL validation: pyshacl and rdflib's
#: parser take about 3 s per 1,000 facts (2.2 s parsing and 4.6 s checking 2,500
#: facts), longer than the rest of such a build.  ``kg validate`` checks any size.
VALIDATE_MAX_FACTS = 1_000


def build(inputs: Iterable[str | Path] = (), outdir: str | Path = "output",
          base: str = DEFAULT_BASE, warn: Callable[[str], None] = lambda msg: print(
              msg, file=sys.stderr), *, jobs: int = 1, cache: str | Path | bool | None = None,
          quiet: bool = False, dask: str | None = None, validate: bool = True,
          named_graphs: bool = False, store: bool = True,
          batch_size: int = BATCH_SIZE) -> BuildResult:
    """Build the graph of ``inputs`` (default: the sample corpus) into ``outdir``.

    ``jobs`` worker processes extract in parallel (the output is the same for
    any number); ``dask`` names a Dask scheduler to extract on instead.
    ``cache`` is the folder of per-article results (default
    ``outdir/.kgcache``; False disables it).  Progress goes to stderr unless
    ``quiet``.  ``validate`` checks the graph against the SHACL shapes (graphs
    of more than VALIDATE_MAX_FACTS facts are left to ``kg validate``).
    ``named_graphs`` also keeps each article's named graph in the store (kg.trig
    always has them): the store then takes about twice as long to load.
    ``store=False`` writes no Oxigraph store (and removes an older one): for
    users who load kg.ttl or kg.trig into tools of their own, it saves about a
    fifth of a build's CPU; ``kg query`` then reads kg.trig.
    """
    inputs = list(inputs) or [sample_corpus()]
    outdir = Path(outdir)
    report = ReadReport()
    found = find_files(inputs)
    progress = Progress(len(found), quiet=quiet)
    runner = _Extractor(report, _cache_for(cache, outdir), progress, base,
                        read_here=bool(dask) or any(str(f) == STDIN for f, _ in found))
    outdir.mkdir(parents=True, exist_ok=True)
    clock = _Stopwatch()
    with (tempfile.TemporaryDirectory(dir=outdir, prefix=".stage-") as stage,
          _StoreLoader(Path(stage) / STORE_NAME, enabled=store) as loader):
        files = GraphFiles(Path(stage), loader.load, named=named_graphs)
        resolver = Resolver()
        try:
            with _executor(jobs, dask) as (executor, window):
                for done in runner.run(found, executor, window, batch_size):
                    files.add(done.graph)
                    resolver.add_packed(done.extraction, done.facts)
        finally:
            progress.close()
            files.close()
        clock.lap("extract")
        for path, reason in report.skipped:
            warn(f"warning: {path}: skipped: {reason}")
        if not resolver.extractions:
            raise BuildError("no article could be read from " + ", ".join(map(str, inputs)))
        corpus = resolver.corpus()
        clock.lap("resolve")
        for part in files.set_default(lambda terms: entity_quads(corpus, base, terms)):
            loader.load(part)
        outputs = write_atomically(outdir, {
            "kg.ttl": files.write_turtle,
            "kg.trig": files.write_trig,
            "graph.html": clock.timed("html", lambda p: write_html(corpus, p)),
            STORE_NAME: loader.move_to if store else None,
        })
        clock.lap("write")
    clock.seconds["store (background)"] = loader.busy
    violations = _validate(outdir / "kg.ttl", len(corpus.facts), warn) if validate else None
    clock.lap("validate")
    return BuildResult(corpus, report, outputs, runner.extracted, runner.cached, clock.seconds,
                       violations)


class _StoreLoader:
    """Fills the Oxigraph store in a background thread while the build goes on.

    pyoxigraph's bulk loader releases the GIL, so with -j 1 the store is loaded
    on the second core while this thread extracts: ``load`` takes the staged
    files as ``GraphFiles`` finishes them (the article graphs' union as
    N-Triples, and with ``named_graphs`` the article graphs as TriG), then the
    default graph's pieces once they are written.  The
    files stay on disk for kg.trig and kg.ttl anyway, so a queue of them costs
    no memory and extraction never waits for the store.  The thread starts with
    the first part, after any worker processes were forked (RocksDB's threads
    do not belong in a fork); leaving the ``with`` block always stops and joins it.
    """

    def __init__(self, path: Path, enabled: bool = True) -> None:
        self.path, self.enabled = path, enabled
        self.queue: queue.Queue[Path | None] = queue.Queue()
        self.busy = 0.0  # seconds spent loading parts, overlapping the other stages
        self.error: BaseException | None = None
        self.started = self.done = self.cancelled = False
        self.thread = threading.Thread(target=self._run, name="store-loader", daemon=True)

    def __enter__(self) -> _StoreLoader:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.cancelled = kind is not None  # a failed build: do not load what is queued
        self._finish()

    def load(self, part: Path) -> None:
        """Queue an RDF file for the store (a disabled loader drops it)."""
        if not self.enabled:
            return
        if not self.started:
            self.started = True
            self.thread.start()
        if self.error is None:
            self.queue.put(part)

    def _parts(self) -> Iterator[Path]:
        while (part := self.queue.get()) is not None:
            if self.cancelled:
                raise BuildError("build stopped")
            started = time.perf_counter()
            yield part  # resumed once the part is loaded
            self.busy += time.perf_counter() - started

    def _run(self) -> None:
        try:
            write_store_parts(self.path, self._parts(), lenient=True)  # our own files
        except BaseException as exc:  # re-raised in the build's thread by move_to
            self.error = exc

    def _finish(self) -> None:
        if not self.done:
            self.done = True
            if self.started:  # the thread takes parts until None or an error
                self.queue.put(None)
                self.thread.join()

    def move_to(self, path: Path) -> None:
        """The ``write_atomically`` writer: wait for the store, then move it to ``path``."""
        self._finish()
        if self.error is not None:
            raise BuildError(f"cannot write the store: {self.error}") from self.error
        os.replace(self.path, path)


def _validate(ttl: Path, facts: int, warn: Callable[[str], None]) -> list[Violation] | None:
    """SHACL-check the written graph; a large one is left to `kg validate` (pyshacl is slow)."""
    if facts > VALIDATE_MAX_FACTS:
        warn(f"note: {facts} facts: not validated during the build (run `kg validate {ttl}`)")
        return None
    import rdflib

    return check_build(rdflib.Graph().parse(ttl, format="turtle"), warn)


class _Stopwatch:
    """Wall time per stage, for the benchmark and for users wondering where time goes."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self.last
        self.last = now

    def timed(self, stage: str, fn: Callable[[Path], None]) -> Callable[[Path], None]:
        """``fn`` timed on its own, its time taken out of the enclosing stage."""
        def run(path: Path) -> None:
            started = time.perf_counter()
            fn(path)
            spent = time.perf_counter() - started
            self.seconds[stage] = spent
            self.seconds["write"] = self.seconds.get("write", 0.0) - spent
        return run
