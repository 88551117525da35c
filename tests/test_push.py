"""``kg push`` and ``kg query --endpoint`` against a real Oxigraph server on loopback."""

from __future__ import annotations

import json
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kg.cli import main
from kg.store import STORE_NAME

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
OXIGRAPH = Path(sys.executable).parent / "oxigraph"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """``oxigraph serve`` on a free loopback port, stopped after the module."""
    if not OXIGRAPH.exists():
        pytest.skip("the oxigraph server (pip install '.[test]') is not installed")
    port = _free_port()
    proc = subprocess.Popen([str(OXIGRAPH), "serve", "--location",
                             str(tmp_path_factory.mktemp("oxigraph")), "--bind",
                             f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.fixture(scope="module")
def pushed(oxigraph_server, sample_build):
    status = main(["push", "--endpoint", f"{oxigraph_server}/store",
                   "--graph", str(sample_build[0] / STORE_NAME)])
    assert status == 0
    return oxigraph_server


def _run_line(path: Path) -> list[str]:
    m = re.search(r"^#\s*Run:\s*kg query\s+(.*)$", path.read_text(encoding="utf-8"), re.M)
    return shlex.split(m.group(1))[1:] if m else []


def _bindings(capsys, *argv: str) -> list[dict]:
    assert main(["query", *argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)["results"]["bindings"]


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_library_queries_answer_the_same_remotely(capsys, pushed, sample_build, path):
    local = _bindings(capsys, str(path), "--graph", str(sample_build[0] / STORE_NAME),
                      *_run_line(path))
    remote = _bindings(capsys, str(path), "--endpoint", f"{pushed}/query", *_run_line(path))
    key = lambda b: json.dumps(b, sort_keys=True, ensure_ascii=False)  # noqa: E731
    assert local and sorted(map(key, remote)) == sorted(map(key, local))


def test_push_to_a_named_graph_replaces_it(capsys, oxigraph_server, sample_build, tmp_path):
    iri = "https://example.org/graphs/kg"
    small = tmp_path / "small.nt"
    small.write_text('<urn:x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n')
    endpoint = f"{oxigraph_server}/store"
    assert main(["push", "--endpoint", endpoint, "--graph-iri", iri, "--graph", str(small)]) == 0
    assert main(["push", "--endpoint", endpoint, "--graph-iri", iri,
                 "--graph", str(sample_build[0] / STORE_NAME)]) == 0
    assert "pushed" in capsys.readouterr().err
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
    stale = f"ASK {{ GRAPH <{iri}> {{ <urn:x> ?p ?o }} }}"
    n = _bindings(capsys, "-e", count, "--endpoint", f"{oxigraph_server}/query")[0]["n"]
    assert int(n["value"]) > 100
    assert main(["query", "-e", stale, "--endpoint", f"{oxigraph_server}/query"]) == 1


def test_remote_errors_are_one_line(capsys, oxigraph_server, sample_build):
    assert main(["query", "-e", "SELECT ?x WHERE {", "--endpoint",
                 f"{oxigraph_server}/query"]) == 2
    err = capsys.readouterr().err
    assert "answered 400" in err and len(err.splitlines()) == 1
    port = _free_port()
    assert main(["query", "-e", "ASK {}", "--endpoint", f"http://127.0.0.1:{port}/q"]) == 1
    assert "cannot reach the endpoint" in capsys.readouterr().err
    assert main(["push", "--endpoint", f"http://127.0.0.1:{port}/store",
                 "--graph", str(sample_build[0] / STORE_NAME)]) == 1
    assert "cannot reach the server" in capsys.readouterr().err
