"""The command line as a user runs it: exit codes and one-line errors, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

KG = [sys.executable, "-m", "kg"]


def run(*args: str, cwd: Path | None = None, stdin: str | None = None):
    return subprocess.run([*KG, *args], capture_output=True, text=True, cwd=cwd, input=stdin,
                          timeout=300)


def assert_one_line_error(proc: subprocess.CompletedProcess, status: int, names: str) -> None:
    assert proc.returncode == status, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert "Traceback" not in proc.stderr
    assert any(names in line for line in lines), proc.stderr


def test_build_sample_corpus_writes_the_three_outputs(tmp_path: Path) -> None:
    proc = run("build", "-o", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    for name in ("kg.ttl", "kg.trig", "graph.html"):
        assert (tmp_path / "out" / name).stat().st_size > 0
    assert "5 articles read" in proc.stderr


def test_build_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    proc = run("build", str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert_one_line_error(proc, 2, "nope")


def test_build_empty_folder_names_the_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    proc = run("build", str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert proc.returncode in (1, 2)
    assert_one_line_error(proc, proc.returncode, "empty")


def test_file_without_chinese_is_skipped_with_a_warning(tmp_path: Path) -> None:
    bad = tmp_path / "english.txt"
    bad.write_text("Just an English sentence.\n", encoding="utf-8")
    proc = run("build", str(bad), "-o", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert "english.txt" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out" / "kg.ttl").exists()


def test_failed_build_keeps_the_previous_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", "-o", str(out)).returncode == 0
    before = (out / "kg.ttl").read_bytes()
    bad = tmp_path / "english.txt"
    bad.write_text("no Chinese here", encoding="utf-8")
    assert run("build", str(bad), "-o", str(out)).returncode == 1
    assert (out / "kg.ttl").read_bytes() == before


def test_query_on_missing_graph_names_the_file(tmp_path: Path) -> None:
    proc = run("query", "-e", "SELECT * WHERE { ?s ?p ?o }", "--graph", str(tmp_path / "x.ttl"))
    assert proc.returncode in (1, 2)
    assert_one_line_error(proc, proc.returncode, "x.ttl")


def test_unparsable_query_file_names_the_file(tmp_path: Path, sample_build) -> None:
    out, _ = sample_build
    rq = tmp_path / "broken.rq"
    rq.write_text("SELECT ?x WHERE { ?x kg:holds ", encoding="utf-8")
    proc = run("query", str(rq), "--graph", str(out / "kg.ttl"))
    assert_one_line_error(proc, 2, "broken.rq")


def test_ask_sets_the_exit_status(sample_build) -> None:
    out, _ = sample_build
    graph = str(out / "kg.ttl")
    prefix = "PREFIX kg: <https://w3id.org/zhgov-kg/ontology#> "
    yes = run("query", "-e", prefix + "ASK { ?p kg:holds ?post }", "--graph", graph)
    no = run("query", "-e", prefix + "ASK { ?p kg:holds ?p }", "--graph", graph)
    assert (yes.returncode, yes.stdout.strip()) == (0, "true")
    assert (no.returncode, no.stdout.strip()) == (1, "false")


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_query_formats_carry_the_same_rows(sample_build, fmt: str) -> None:
    out, _ = sample_build
    sparql = ("PREFIX kg: <https://w3id.org/zhgov-kg/ontology#> PREFIX rdfs: "
              "<http://www.w3.org/2000/01/rdf-schema#> SELECT ?name WHERE { ?p a kg:Official ; "
              "rdfs:label ?name } ORDER BY ?name")
    proc = run("query", "-e", sparql, "--graph", str(out / "kg.ttl"), "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    assert "佟桂莉" in proc.stdout and "杨立平" in proc.stdout


def test_bad_usage_exits_2() -> None:
    assert run("query").returncode == 2
    assert run("frobnicate").returncode == 2


def test_graph_query_on_a_store_without_article_graphs_says_where_they_are(sample_build) -> None:
    out, _ = sample_build
    by_graph = ("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?a { ?a a "
                "<https://w3id.org/zhgov-kg/ontology#Article> } }")
    store = run("query", "-e", by_graph, "--graph", str(out / "kg.oxigraph"), "--format", "csv")
    trig = run("query", "-e", by_graph, "--graph", str(out / "kg.trig"), "--format", "csv")
    assert store.returncode == trig.returncode == 0
    assert store.stdout.split() == ["n", "0"] and "--named-graphs" in store.stderr
    assert trig.stdout.split() == ["n", "5"] and trig.stderr == ""
    # the word in a string or comment is not a GRAPH query
    plain = run("query", "-e", 'SELECT ?x WHERE { BIND("GRAPH" AS ?x) } # GRAPH',
                "--graph", str(out / "kg.oxigraph"))
    assert plain.returncode == 0 and plain.stderr == ""
