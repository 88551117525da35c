"""``kg serve``: the SPARQL 1.1 Protocol over loopback, with SPARQLWrapper and curl."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper

from kg.query import run
from kg.serve import SparqlServer, negotiate
from kg.store import STORE_NAME, open_graph

ROOT = Path(__file__).resolve().parent.parent
POSTS = (ROOT / "queries" / "officials-posts.rq").read_text(encoding="utf-8")
CURL = ["curl", "-s", "--max-time", "20", "-w", "\\n%{http_code}"]


@pytest.fixture(scope="module")
def server(sample_build):
    out = sample_build[0]
    srv = SparqlServer(("127.0.0.1", 0), open_graph(out / STORE_NAME), out / "graph.html",
                       timeout=5, quiet=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(10)


@pytest.fixture(scope="module")
def expected(sample_build) -> list[tuple[str, ...]]:
    answer = run(open_graph(sample_build[0] / STORE_NAME), POSTS)
    return [tuple("" if t is None else t.value for t in row) for row in answer.rows]


def _wrapper(server: SparqlServer, fmt: str, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery(POSTS)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_json_matches_the_local_answer(server, expected, method):
    data = _wrapper(server, JSON, method).queryAndConvert()
    got = [tuple(b.get(v, {}).get("value", "") for v in data["head"]["vars"])
           for b in data["results"]["bindings"]]
    assert got == expected and got


def test_sparqlwrapper_xml_csv_tsv(server, expected):
    xml = _wrapper(server, XML).queryAndConvert()  # a parsed DOM
    ns = "http://www.w3.org/2005/sparql-results#"
    assert len(xml.getElementsByTagNameNS(ns, "result")) == len(expected)
    raw_csv = _wrapper(server, CSV).queryAndConvert().decode("utf-8")
    assert [tuple(r) for r in csv.reader(io.StringIO(raw_csv))][1:] == expected
    raw_tsv = _wrapper(server, TSV).queryAndConvert()
    rows = ox.parse_query_results(raw_tsv, ox.QueryResultsFormat.TSV)
    assert [tuple(s[v].value if s[v] else "" for v in ("official", "post", "body"))
            for s in rows] == expected


def test_sparqlwrapper_ask_and_construct(server):
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery("ASK { ?o a <https://w3id.org/zhgov-kg/ontology#Official> }")
    client.setReturnFormat(JSON)
    assert client.queryAndConvert()["boolean"] is True
    client.setQuery("PREFIX kg: <https://w3id.org/zhgov-kg/ontology#> "
                    "CONSTRUCT { ?o kg:holds ?p } WHERE { ?o kg:holds ?p }")
    client.setReturnFormat("turtle")
    graph = client.queryAndConvert()
    triples = list(ox.parse(graph, format=ox.RdfFormat.TURTLE))
    assert triples and all(t.predicate.value.endswith("#holds") for t in triples)


def _request(url: str, data: bytes | None = None, headers: dict[str, str] | None = None):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            return resp.status, resp.headers.get_content_type(), resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get_content_type(), exc.read().decode("utf-8")


def test_post_bodies_direct_and_form(server, expected):
    status, ctype, body = _request(f"{server.url}/sparql", POSTS.encode("utf-8"),
                                   {"Content-Type": "application/sparql-query",
                                    "Accept": "text/csv"})
    assert (status, ctype) == (200, "text/csv")
    assert [tuple(r) for r in csv.reader(io.StringIO(body))][1:] == expected
    form = urllib.parse.urlencode({"query": POSTS}).encode("ascii")
    status, ctype, body = _request(f"{server.url}/query", form, {
        "Content-Type": "application/x-www-form-urlencoded"})
    assert (status, ctype) == (200, "application/sparql-results+json")
    assert len(json.loads(body)["results"]["bindings"]) == len(expected)


def test_updates_and_bad_queries_are_refused(server):
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    status, _, body = _request(f"{server.url}/sparql", update.encode("utf-8"),
                               {"Content-Type": "application/sparql-update"})
    assert status == 403 and "read-only" in body
    form = urllib.parse.urlencode({"update": update}).encode("ascii")
    status, _, _ = _request(f"{server.url}/sparql", form,
                            {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403
    bad = urllib.parse.quote("SELECT ?x WHERE {\n ?x ?y }")
    status, _, body = _request(f"{server.url}/sparql?query={bad}")
    assert status == 400 and body.startswith("query:") and "syntax error" in body
    status, _, _ = _request(f"{server.url}/sparql?query=ASK%7B%7D",
                            headers={"Accept": "image/png"})
    assert status == 406


def test_graph_page_is_served_at_root(server, sample_build):
    status, ctype, body = _request(f"{server.url}/")
    assert (status, ctype) == (200, "text/html")
    assert body == (sample_build[0] / "graph.html").read_text(encoding="utf-8")
    assert _request(f"{server.url}/nothing")[0] == 404


def test_negotiation_prefers_the_highest_quality():
    offered = {"application/sparql-results+json": 1, "text/csv": 2}
    assert negotiate("text/csv;q=0.9, application/sparql-results+json", offered) == \
        "application/sparql-results+json"
    assert negotiate("text/html, text/csv;q=0.5", offered) == "text/csv"
    assert negotiate(None, offered) == "application/sparql-results+json"
    assert negotiate("image/png", offered) is None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_kg_serve_command_answers_curl(sample_build):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--port", str(port),
                             "--graph", str(sample_build[0] / STORE_NAME), "--timeout", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            if subprocess.run(["curl", "-s", "-o", "/dev/null", base + "/"]).returncode == 0:
                break
            time.sleep(0.1)
        query = "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a kg:Official }"
        got = subprocess.run(CURL + ["-H", "Accept: text/tab-separated-values",
                                     "--data-urlencode", f"query={query}", base + "/sparql"],
                             capture_output=True, text=True, timeout=30).stdout
        body, status = got.rsplit("\n", 1)
        assert status == "200"
        officials = run(open_graph(sample_build[0] / STORE_NAME), query).rows[0][0]
        assert [s["n"] for s in ox.parse_query_results(body, ox.QueryResultsFormat.TSV)] == [
            officials]
        got = subprocess.run(CURL + ["-G", "--data-urlencode", "query=SELEC nothing",
                                     base + "/sparql"], capture_output=True, text=True,
                             timeout=30).stdout
        assert got.endswith("\n400")
        # A runaway query (killed with the server process below) gets 503 at its limit.
        runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        got = subprocess.run(CURL + ["--data-urlencode", f"query={runaway}", base + "/sparql"],
                             capture_output=True, text=True, timeout=30).stdout
        assert got.endswith("\n503") and "time limit" in got
    finally:
        proc.terminate()
        proc.wait(10)
    assert b"SPARQL at" in proc.stderr.read()
