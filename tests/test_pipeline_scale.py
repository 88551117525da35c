"""Corpus-scale builds: parallel, incremental, streamed output, progress (issue 7)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic

import kg.extract
import kg.lexicon
from kg import cache, pipeline
from kg.cli import main
from kg.extract import extract
from kg.graph import to_dataset, union
from kg.ingest import ReadReport, read_articles
from kg.normalise import normalise
from kg.progress import Progress
from kg.resolve import resolve

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEV = FIXTURES / "dev"


def _build(inputs, out: Path, **kw) -> pipeline.BuildResult:
    kw.setdefault("quiet", True)
    return pipeline.build(inputs, out, **kw)


def _bytes(out: Path) -> tuple[bytes, bytes]:
    return (out / "kg.ttl").read_bytes(), (out / "kg.trig").read_bytes()


@pytest.fixture(scope="module")
def clean_dev(tmp_path_factory) -> Path:
    """The dev corpus built once, single process, without a cache."""
    out = tmp_path_factory.mktemp("clean")
    _build([DEV], out, cache=False)
    return out


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the dev corpus, without its INDEX file."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(DEV.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def test_two_jobs_write_the_same_bytes_as_one(clean_dev: Path, tmp_path: Path) -> None:
    result = _build([DEV], tmp_path, jobs=2, cache=False, batch_size=3)
    assert result.report.read == 12
    assert _bytes(tmp_path) == _bytes(clean_dev)


def test_output_is_the_graph_rdflib_would_build(clean_dev: Path) -> None:
    """Streamed, slimmed, pyoxigraph-written output == to_dataset over full extractions."""
    full = [extract(normalise(raw)) for raw in read_articles([DEV], ReadReport())]
    expected = to_dataset(resolve(full))
    written = Dataset()
    written.parse(clean_dev / "kg.trig", format="trig")
    assert set(written.quads()) == set(expected.quads())
    turtle = Graph().parse(clean_dev / "kg.ttl", format="turtle")
    assert isomorphic(turtle, union(expected))


def test_language_tags_keep_their_spelling(clean_dev: Path) -> None:
    """pyoxigraph lower-cases tags; the contract's @zh-Hans must survive."""
    for name, fmt in (("kg.ttl", "turtle"), ("kg.trig", "trig")):
        text = (clean_dev / name).read_text(encoding="utf-8")
        assert '"@zh-Hans' in text and '"@zh-hans' not in text
        g = Dataset().parse(clean_dev / name, format=fmt)
        tags = {o.language for _, _, o, _ in g.quads() if isinstance(o, Literal) and o.language}
        # labels are @zh-Hans; other surface forms and quoted sentences are @zh
        assert tags == {"zh-Hans", "zh"}


def test_built_corpus_keeps_no_article_text(clean_dev: Path, tmp_path: Path) -> None:
    result = _build([DEV], tmp_path, cache=False)
    articles = [e.article for e in result.corpus.extractions]
    assert len(articles) == 12
    assert all(a.original == "" and a.text == "" and len(a.sentences) <= 1 for a in articles)
    sentences = [ev.sentence for evs in result.corpus.facts.values() for ev in evs]
    assert sentences and all(sentences)  # the evidence is kept


def test_adding_an_article_extracts_only_that_one(corpus_copy: Path, tmp_path: Path) -> None:
    held_back = corpus_copy / "d07.txt"
    text = held_back.read_bytes()
    held_back.unlink()
    out = tmp_path / "out"
    first = _build([corpus_copy], out)
    assert (first.extracted, first.cached) == (11, 0)
    held_back.write_bytes(text)
    second = _build([corpus_copy], out)
    assert (second.extracted, second.cached) == (1, 11)
    _build([corpus_copy], tmp_path / "clean", cache=False)
    assert _bytes(out) == _bytes(tmp_path / "clean")


def test_a_changed_article_is_extracted_again(corpus_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build([corpus_copy], out)
    changed = corpus_copy / "d03.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("赵峻岭", "钱峻岭"),
                       encoding="utf-8")
    again = _build([corpus_copy], out)
    assert (again.extracted, again.cached) == (1, 11)
    labels = {node.label for node in again.corpus.nodes.values()}
    assert "钱峻岭" in labels and "赵峻岭" not in labels


@pytest.mark.parametrize("change", ["extractor version", "lexicon"])
def test_new_extractor_or_lexicon_invalidates_the_cache(change: str, corpus_copy: Path,
                                                        tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    assert _build([corpus_copy], out).extracted == 12
    assert _build([corpus_copy], out).cached == 12
    if change == "lexicon":
        monkeypatch.setattr(kg.lexicon, "fingerprint", lambda: "a-changed-lexicon")
    else:
        monkeypatch.setattr(kg.extract, "EXTRACTOR_VERSION", kg.extract.EXTRACTOR_VERSION + "+1")
    redone = _build([corpus_copy], out)
    assert (redone.extracted, redone.cached) == (12, 0)


def test_code_fingerprint_reads_every_module_of_the_extractor(monkeypatch) -> None:
    """The extractor is a package: a change in any of its modules must change the cache key."""
    read: list[Path] = []
    real = Path.read_bytes

    def recording(path: Path) -> bytes:
        read.append(path.resolve())
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", recording)
    cache._code_fingerprint.__wrapped__()
    package = Path(kg.extract.__file__).resolve().parent
    modules = set(package.glob("*.py"))
    assert len(modules) > 5 and modules <= set(read)


def test_cache_folder_option_and_no_cache(corpus_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _build([corpus_copy], tmp_path / "a", cache=cache)
    assert len(list(cache.rglob("*.pickle"))) == 12
    assert _build([corpus_copy], tmp_path / "b", cache=cache).cached == 12
    _build([corpus_copy], tmp_path / "c", cache=False)
    assert not (tmp_path / "c" / pipeline.CACHE_DIRNAME).exists()


def test_a_corrupt_cache_entry_is_redone(corpus_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build([corpus_copy], out)
    entry = next((out / pipeline.CACHE_DIRNAME).rglob("*.pickle"))
    entry.write_bytes(b"not a pickle")
    again = _build([corpus_copy], out)
    assert (again.extracted, again.cached) == (1, 11)
    _build([corpus_copy], tmp_path / "clean", cache=False)
    assert _bytes(out) == _bytes(tmp_path / "clean")


def test_a_failing_article_is_skipped_with_its_reason(corpus_copy: Path, tmp_path: Path,
                                                      monkeypatch) -> None:
    real = pipeline.extract

    def fussy(article):
        if article.id == "d05.txt":
            raise ValueError("rule exploded")
        return real(article)

    monkeypatch.setattr(pipeline, "extract", fussy)
    warnings: list[str] = []
    result = pipeline.build([corpus_copy], tmp_path / "out", warn=warnings.append, quiet=True)
    assert result.report.read == 11
    assert warnings == [f"warning: {corpus_copy / 'd05.txt'}: skipped: "
                        "extraction failed: rule exploded"]


def test_progress_lines_in_a_pipe_and_silence_when_quiet() -> None:
    stream = io.StringIO()
    progress = Progress(4, stream=stream, every=0)
    for _ in range(3):
        progress.update()
    progress.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[-1].startswith("3/4 articles, ") and "/s, ETA " in lines[-1]
    quiet = io.StringIO()
    silent = Progress(4, stream=quiet, every=0, quiet=True)
    silent.update(4)
    silent.close()
    assert quiet.getvalue() == ""


def test_cli_build_with_jobs_and_quiet(tmp_path: Path, capsys, clean_dev: Path) -> None:
    assert main(["build", str(DEV), "-o", str(tmp_path), "-j", "2", "--quiet",
                 "--no-cache"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("12 articles read")
    assert _bytes(tmp_path) == _bytes(clean_dev)


def test_cli_rejects_zero_jobs(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["build", "-j", "0"])
    assert exc.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_dask_cluster_builds_the_same_graph(clean_dev: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        result = _build([DEV], tmp_path, dask=cluster.scheduler_address, cache=False,
                        batch_size=4)
    assert result.report.read == 12
    assert _bytes(tmp_path) == _bytes(clean_dev)


@pytest.mark.parametrize("named", [False, True])
def test_store_filled_chunk_by_chunk_holds_the_built_graph(clean_dev: Path, tmp_path: Path,
                                                           monkeypatch, named: bool) -> None:
    import pyoxigraph as ox

    from kg.rdfout import GraphFiles

    parts: list[str] = []

    def tiny_chunks(folder: Path, sink, named: bool):
        def counted(part: Path) -> None:
            parts.append(part.suffix)
            sink(part)
        return GraphFiles(folder, counted, chunk=1, named=named)

    monkeypatch.setattr(pipeline, "GraphFiles", tiny_chunks)
    _build([DEV], tmp_path, cache=False, named_graphs=named)
    # a segment per article: (its graph,) the triples it adds to the union, their statements
    assert parts == ([".trig", ".nt", ".ttl"] if named else [".nt", ".ttl"]) * 12
    store = ox.Store.read_only(str(tmp_path / "kg.oxigraph"))
    default = ox.DefaultGraph()
    got_default = {q.triple for q in store.quads_for_pattern(None, None, None, default)}
    got_named = {q for q in store if q.graph_name != default}
    turtle = {q.triple for q in ox.parse(path=str(clean_dev / "kg.ttl"),
                                         format=ox.RdfFormat.TURTLE)}
    trig = {q for q in ox.parse(path=str(clean_dev / "kg.trig"), format=ox.RdfFormat.TRIG)
            if q.graph_name != default}
    assert got_default == turtle
    assert got_named == (trig if named else set())
    assert {q.triple for q in trig} < got_default  # the default graph is their union


def test_a_build_without_the_store_writes_the_same_graph_and_drops_an_old_store(
        clean_dev: Path, tmp_path: Path) -> None:
    shutil.copytree(clean_dev / "kg.oxigraph", tmp_path / "kg.oxigraph")  # an earlier build's
    result = _build([DEV], tmp_path, cache=False, store=False)
    assert not (tmp_path / "kg.oxigraph").exists()  # not left behind, stale
    assert tmp_path / "kg.oxigraph" not in result.outputs
    assert _bytes(tmp_path) == _bytes(clean_dev)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")
                and p.name != pipeline.CACHE_DIRNAME]  # no temp folder left


def test_cli_refuses_named_graphs_without_a_store(tmp_path: Path, capsys) -> None:
    from kg.cli import main

    assert main(["build", "--no-store", "--named-graphs", "-o", str(tmp_path), "-q"]) == 2
    assert "--no-store" in capsys.readouterr().err
    assert not (tmp_path / "kg.ttl").exists()


def test_workers_read_cache_and_report_as_one_process_does(corpus_copy: Path, tmp_path: Path,
                                                           monkeypatch) -> None:
    """With -j 2 the workers read the files, fill the cache and report skips: same outcome."""
    (corpus_copy / "a-empty.txt").write_bytes(b"")
    (corpus_copy / "z-english.txt").write_text("Minutes of the meeting.", encoding="utf-8")
    real = pipeline.extract

    def fussy(article):
        if article.id == "d05.txt":
            raise ValueError("rule exploded")
        return real(article)

    monkeypatch.setattr(pipeline, "extract", fussy)  # the workers are forked after this
    runs = {}
    for jobs in (1, 2):
        warnings: list[str] = []
        out = tmp_path / f"j{jobs}"
        first = pipeline.build([corpus_copy], out, jobs=jobs, quiet=True, batch_size=4,
                               warn=warnings.append, validate=False)
        again = pipeline.build([corpus_copy], out, jobs=jobs, quiet=True, batch_size=4,
                               warn=lambda _: None, validate=False)
        runs[jobs] = (warnings, first.report.read, (first.extracted, first.cached),
                      (again.extracted, again.cached), _bytes(out))
    assert runs[2] == runs[1]
    warnings, read, first_counts, again_counts, _ = runs[2]
    assert [w.split(": skipped: ")[1] for w in warnings] == [
        "empty file", "extraction failed: rule exploded", "no Chinese text"]
    assert read == 11 and first_counts == (11, 0) and again_counts == (0, 11)


def test_an_article_on_stdin_with_two_jobs(tmp_path: Path) -> None:
    """Worker processes cannot read the build's stdin: it is read by the build itself."""
    import subprocess
    import sys

    text = (DEV / "d01.txt").read_text(encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "kg", "build", "-", "-o", str(tmp_path), "-j",
                           "2", "--quiet"], input=text, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "1 articles read" in proc.stdout + proc.stderr
    assert "kg:holds" in (tmp_path / "kg.ttl").read_text(encoding="utf-8")
