"""``kg query``: the query library, parameters, formats, errors and time limits."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.query import QueryError, inject_values, parse_param, run, set_page
from kg.store import STORE_NAME, open_graph

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
RUN_LINE = re.compile(r"^#\s*Run:\s*kg query\s+(.*)$", re.M)


def kg(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def run_line(path: Path) -> list[str]:
    """The arguments of the file's own ``# Run: kg query FILE ...`` header line."""
    m = RUN_LINE.search(path.read_text(encoding="utf-8"))
    return shlex.split(m.group(1))[1:] if m else []


@pytest.fixture(scope="module")
def store(sample_build) -> Path:
    return sample_build[0] / STORE_NAME


def test_the_library_has_the_promised_queries():
    assert len(QUERIES) >= 12
    for path in QUERIES:
        head = path.read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("# ") and len(head) > 20, f"{path.name}: no header comment"
        assert RUN_LINE.search(path.read_text(encoding="utf-8")), f"{path.name}: no Run line"


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_every_library_query_returns_rows_on_the_sample(capsys, store, path):
    status, out, err = kg(capsys, "query", str(path), "--graph", str(store),
                          "--format", "json", *run_line(path))
    assert status == 0, err
    assert json.loads(out)["results"]["bindings"], f"{path.name} returned no rows"


def _cells(values) -> tuple[str, ...]:
    """Row values, with GROUP_CONCAT lists sorted (their order is unspecified)."""
    return tuple("、".join(sorted(("" if v is None else str(v)).split("、"))) for v in values)


def _rows(answer) -> set[tuple[str, ...]]:
    return {_cells(t.value if t is not None else None for t in row) for row in answer.rows}


@pytest.mark.parametrize("name", ["officials-posts", "meeting-documents", "meetings",
                                  "multi-post-officials", "document-meetings",
                                  "meetings-per-body-month", "articles", "top-presiders",
                                  "graph-health", "evidence-of-fact", "class-counts"])
def test_store_agrees_with_rdflib(sample_build, store, name):
    sparql = (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    mine = _rows(run(open_graph(store), sparql, name))
    graph = rdflib.Graph().parse(sample_build[0] / "kg.ttl", format="turtle")
    theirs = {_cells(row) for row in graph.query(sparql)}
    assert mine == theirs and mine


def test_param_is_bound_not_pasted(store):
    sparql = (ROOT / "queries" / "official-posts.rq").read_text(encoding="utf-8")
    hostile = '佟桂莉" || true) } UNION { ?o ?p ?q . FILTER("" = "'
    assert run(open_graph(store), sparql, "q", dict([parse_param(f"name={hostile}")])).rows == []
    assert run(open_graph(store), sparql, "q", dict([parse_param("name=佟桂莉")])).rows


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_any_param_value_round_trips_exactly(value):
    answer = run(ox.Store(), "SELECT ?v WHERE { }", "q", {"v": ox.Literal(value)})
    assert [row[0].value for row in answer.rows] == [value]


def test_values_go_into_the_where_group_not_a_construct_template():
    query = 'CONSTRUCT { ?s <urn:p> "{" } WHERE { ?s ?p ?name } # {'
    bound = inject_values(query, {"name": ox.Literal("x")})
    assert bound.startswith('CONSTRUCT { ?s <urn:p> "{" } WHERE { VALUES ?name { "x" }')


def test_unknown_param_and_bad_param(capsys, store):
    query = str(ROOT / "queries" / "official-posts.rq")
    status, _, err = kg(capsys, "query", query, "--graph", str(store), "--param", "nmae=佟桂莉")
    assert status == 2 and "unknown --param 'nmae'" in err and len(err.splitlines()) == 1
    status, _, err = kg(capsys, "query", query, "--graph", str(store), "--param", "佟桂莉")
    assert status == 2 and "NAME=VALUE" in err and "Traceback" not in err


def test_syntax_error_names_file_line_and_column(capsys, store, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("# comment\nSELECT ?x WHERE {\n  ?x ?y\n}\n", encoding="utf-8")
    status, out, err = kg(capsys, "query", str(bad), "--graph", str(store))
    assert status == 2 and out == ""
    where = re.match(rf"kg: error: {re.escape(str(bad))}:(\d+):(\d+): syntax error: \w", err)
    assert where and int(where.group(1)) >= 3, err  # the parser stops at or after line 3
    assert len(err.splitlines()) == 1


def test_missing_files_give_one_line(capsys, tmp_path, store):
    status, _, err = kg(capsys, "query", "-e", "ASK {}", "--graph", str(tmp_path / "no.ttl"))
    assert status == 1 and "no.ttl: graph not found" in err and len(err.splitlines()) == 1
    status, _, err = kg(capsys, "query", str(tmp_path / "no.rq"), "--graph", str(store))
    assert status == 2 and "no.rq: query file not found" in err


def test_ask_prints_and_sets_the_exit_status(capsys, store):
    assert kg(capsys, "query", "-e", "ASK { ?o a kg:Official }", "--graph", str(store))[:2] == (
        0, "true\n")
    assert kg(capsys, "query", "-e", "ASK { ?o a kg:Nothing }", "--graph", str(store))[:2] == (
        1, "false\n")


def test_construct_prints_turtle(capsys, store):
    status, out, _ = kg(capsys, "query", "-e", "CONSTRUCT { ?o kg:holds ?p } WHERE "
                        "{ ?o kg:holds ?p }", "--graph", str(store))
    holds = rdflib.URIRef("https://w3id.org/zhgov-kg/ontology#holds")
    g = rdflib.Graph().parse(data=out, format="turtle")
    assert status == 0 and len(g) == len(list(g.triples((None, holds, None)))) > 0


def _display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def test_table_columns_line_up_in_display_width(capsys, store):
    status, out, _ = kg(capsys, "query", str(ROOT / "queries" / "officials-posts.rq"),
                        "--graph", str(store))
    lines = out.splitlines()
    assert status == 0 and re.fullmatch(r"\(\d+ rows?\)", lines[-1])
    body = [ln for ln in lines[:-1] if not set(ln) <= set("-+")]
    bars = {tuple(_display_width(ln[:i]) for i, c in enumerate(ln) if c == "|") for ln in body}
    assert len(bars) == 1 and any(_display_width(ln) > len(ln) for ln in body)


def test_csv_tsv_and_json_carry_the_same_rows(capsys, store):
    query = str(ROOT / "queries" / "officials-posts.rq")
    outs = {f: kg(capsys, "query", query, "--graph", str(store), "--format", f)[1]
            for f in ("csv", "tsv", "json")}
    from_csv = [tuple(r) for r in csv.reader(io.StringIO(outs["csv"]))][1:]
    data = json.loads(outs["json"])
    from_json = [tuple(b.get(v, {}).get("value", "") for v in data["head"]["vars"])
                 for b in data["results"]["bindings"]]
    from_tsv = [tuple(s[v].value if s[v] else "" for v in ("official", "post", "body"))
                for s in ox.parse_query_results(outs["tsv"], ox.QueryResultsFormat.TSV)]
    assert from_csv == from_json == from_tsv and len(from_csv) > 3
    lang = data["results"]["bindings"][0]["official"]["xml:lang"]
    assert lang.lower() == "zh-hans"


def test_default_graph_is_the_store_of_the_build(capsys, sample_build, tmp_path, monkeypatch):
    shutil.copytree(sample_build[0] / STORE_NAME, tmp_path / "output" / STORE_NAME)
    monkeypatch.chdir(tmp_path)  # no kg.ttl nor kg.trig here: only the store can answer
    status, out, _ = kg(capsys, "query", "-e", "ASK { ?o kg:holds ?p }")
    assert (status, out) == (0, "true\n")


def test_a_runaway_query_is_stopped(sample_build):
    cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    proc = subprocess.run([sys.executable, "-m", "kg", "query", "-e", cartesian, "--graph",
                           str(sample_build[0] / STORE_NAME), "--timeout", "0.5"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.startswith("kg: error: -e query: stopped after the 0.5 s time limit")
    assert len(proc.stderr.splitlines()) == 1, proc.stderr


def test_a_quick_query_with_a_limit_still_answers(store):
    answer = run(open_graph(store), "SELECT ?o WHERE { ?o a kg:Official }", "q", timeout=30)
    assert answer.rows


def test_query_error_status_for_bad_text():
    with pytest.raises(QueryError) as info:
        run(ox.Store(), "SELEKT * WHERE {}", "x.rq")
    assert info.value.status == 2 and re.match(r"x\.rq:1:\d+: syntax error: ", str(info.value))


def test_graph_health_finds_what_is_wrong(tmp_path):
    kg_ns = "https://w3id.org/zhgov-kg/ontology#"
    broken = tmp_path / "broken.ttl"
    broken.write_text(f"""@prefix kg: <{kg_ns}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:o1> a kg:Official .
<urn:p1> a kg:Post ; rdfs:label "甲市委书记"@zh-Hans .
<urn:o2> a kg:Official ; rdfs:label "乙"@zh-Hans, "丙"@zh-Hans ; kg:holds <urn:p1> .
""", encoding="utf-8")
    sparql = (ROOT / "queries" / "graph-health.rq").read_text(encoding="utf-8")
    counts = {row[0].value: int(row[1].value)
              for row in run(open_graph(broken), sparql, "graph-health").rows}
    assert counts == {"node without label": 1, "node with several labels": 1,
                      "post without body": 1, "meeting without body": 0,
                      "relation with facts lacking evidence": 1, "statement without evidence": 0}


def test_set_page_replaces_the_one_limit_wherever_it_stands():
    inner = "SELECT ?n WHERE { { SELECT ?o WHERE { ?o a kg:Official } LIMIT 100 } ?o ?p ?n }"
    assert set_page(inner, 5, 10) == inner.replace("LIMIT 100", "LIMIT 5 OFFSET 10")
    assert set_page(inner, 0) == inner.replace("LIMIT 100 ", "")
    assert set_page(inner) == inner
    plain = "SELECT ?o WHERE { ?o a kg:Official } # LIMIT 3 in a comment is not a clause"
    assert set_page(plain, 7).endswith("clause\nLIMIT 7")
    assert set_page(plain, None, 2).endswith("clause\nOFFSET 2")
    with pytest.raises(QueryError) as info:
        set_page("SELECT * { { SELECT * { ?s ?p ?o } LIMIT 2 } } LIMIT 1", 5, source="q.rq")
    assert info.value.status == 2 and str(info.value).startswith("q.rq: --limit/--offset")


def _page(capsys, store: Path, name: str, *argv: str) -> list[tuple[str, ...]]:
    status, out, err = kg(capsys, "query", str(ROOT / "queries" / f"{name}.rq"), "--graph",
                          str(store), "--format", "csv", *argv)
    assert status == 0, err
    return [tuple(r) for r in csv.reader(io.StringIO(out))][1:]


@pytest.mark.parametrize("name,key", [("officials-posts", 0), ("meetings", 1),
                                      ("meeting-documents", 1), ("articles", 1)])
def test_pages_split_the_listing_without_gaps_or_overlaps(capsys, store, name, key):
    everything = _page(capsys, store, name, "--limit", "0")
    units = list(dict.fromkeys(row[key] for row in everything))  # officials, meetings ...
    assert len(units) >= 2
    pages = [_page(capsys, store, name, "--limit", "1", "--offset", str(start))
             for start in range(len(units) + 1)]
    assert [{row[key] for row in page} for page in pages] == [{u} for u in units] + [set()]
    assert [row for page in pages for row in page] == everything


def test_a_page_is_the_start_of_the_full_listing_in_rdflib(sample_build, store):
    sparql = (ROOT / "queries" / "officials-posts.rq").read_text(encoding="utf-8")
    full = set_page(sparql, 0)
    graph = rdflib.Graph().parse(sample_build[0] / "kg.ttl", format="turtle")
    assert [_cells(r) for r in graph.query(full)] == [
        _cells(t.value for t in row) for row in run(open_graph(store), full, "q").rows]
    first = run(open_graph(store), set_page(sparql, 2), "q").rows
    officials = list(dict.fromkeys(row[0].value for row in first))
    everyone = sorted({str(r[0]) for r in graph.query(full)})
    assert officials == everyone[:2]


def test_co_attendance_names_everyone_met_at_the_officials_meetings(sample_build, store):
    kg_ns = rdflib.Namespace("https://w3id.org/zhgov-kg/ontology#")
    graph = rdflib.Graph().parse(sample_build[0] / "kg.ttl", format="turtle")
    roles = (kg_ns.presided, kg_ns.attended, kg_ns.spokeAt)
    label = {s: str(o) for s, o in graph.subject_objects(rdflib.RDFS.label)}
    person = next(s for s, name in label.items() if name == "杨立平")
    met = {m for r in roles for m in graph.objects(person, r)}
    others = {label[s] for r in roles for m in met for s in graph.subjects(r, m) if s != person}
    sparql = (ROOT / "queries" / "co-attendance.rq").read_text(encoding="utf-8")
    rows = run(open_graph(store), sparql, "q", dict([parse_param("name=杨立平")])).rows
    assert others and {r[1].value for r in rows} == others
    assert {r[0].value for r in rows} == {"杨立平"} and all(int(r[2].value) >= 1 for r in rows)
