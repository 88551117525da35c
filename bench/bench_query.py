"""Benchmark the query library on a synthetic graph shaped like a real build.

Generates about a million triples (officials, posts, bodies with sub-bodies,
meetings, documents, articles as named graphs, one rdf:Statement per fact and one
kg:Evidence node per article, sentence and rule that kg:supports it), then runs every
queries/*.rq file with the parameters of its own ``# Run:`` line, as the file stands:
a listing gives its first page, as ``kg query`` does (``--whole`` removes the page,
``--limit 0``, to time whole listings):

* on the Oxigraph store, through ``kg.query.run`` (what ``kg query`` does):
  median of ``--reps`` runs after one warm-up;
* on rdflib in memory (the union graph parsed from N-Triples): ``--rdflib-reps``
  runs (default 1, it is slow), each in a forked child killed after
  ``--rdflib-cap`` seconds.

Usage: python bench/bench_query.py [--triples 1000000] [--reps 7] [--no-rdflib] [--only NAME]
                                   [--whole]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import re
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from kg.query import inject_values, parse_param, run, set_page
from kg.store import write_store

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/zhgov-kg/id/"
KG = "https://w3id.org/zhgov-kg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

CITIES = ["杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州", "丽水",
          "重庆", "武汉", "张掖", "兰州", "成都", "南京", "苏州", "无锡", "合肥"]
DEPTS = ["统战部", "组织部", "宣传部", "政法委", "办公厅", "纪委", "统战工作领导小组"]
ROLES = ["部长", "副部长", "常务副部长", "书记", "副书记", "主任", "副主任", "委员"]
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑"
            "梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏")
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂莉立华红艺群越宝亚沐"
MEETING_KINDS = ["理论学习中心组学习会", "常委会会议", "全体(扩大)会议", "专题会议", "工作会议",
                 "座谈会", "推进会"]
DOC_KINDS = ["实施意见", "工作规则", "重点工作规划", "条例", "工作要点", "职责分工", "通知"]
SENTENCE_VERBS = ["主持会议并讲话", "出席会议", "召开", "审议通过", "传达学习", "参加会议"]
RULES = {"holds": "title_sequences", "postIn": "title_sequences", "subBodyOf": "bodies",
         "held": "meetings_held", "date": "meeting_date", "presided": "role_verbs",
         "spokeAt": "role_verbs", "attended": "attendees", "discussed": "documents"}


def _iri(kind: str, key: str) -> str:
    return f"<{BASE}{kind}/{quote(key, safe='()-_.~')}>"


def _lit(text: str, lang: str | None = None, dtype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{escaped}"@{lang}'
    if dtype:
        return f'"{escaped}"^^<{dtype}>'
    return f'"{escaped}"'


class Writer:
    """Collects N-Quads lines; the default graph holds entity descriptions."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.statements: dict[tuple[str, str, str], str] = {}
        self.evidence: dict[tuple[str, str, str], str] = {}  # (article, sentence, rule) -> node

    def add(self, s: str, p: str, o: str, g: str | None = None) -> None:
        self.lines.append(f"{s} <{p}> {o}{' ' + g if g else ''} .\n")

    def entity(self, kind: str, key: str, rng: random.Random) -> str:
        node = _iri(kind.lower(), key)
        self.add(node, RDF + "type", f"<{KG}{kind}>")
        self.add(node, RDFS + "label", _lit(key, "zh-Hans"))
        if rng.random() < 0.3:
            self.add(node, SKOS + "altLabel", _lit(key + "同志" if kind == "Official" else
                                                   "中共" + key))
        return node

    def fact(self, s: str, pred: str, o: str, article: str, sentence: str,
             rng: random.Random) -> None:
        self.add(s, KG + pred, o, article)
        st = self.statements.get((s, pred, o))
        if st is None:
            st = self.statements[(s, pred, o)] = f"<{BASE}statement/{len(self.statements):x}>"
            for p, v in ((RDF + "type", f"<{RDF}Statement>"), (RDF + "subject", s),
                         (RDF + "predicate", f"<{KG}{pred}>"), (RDF + "object", o)):
                self.add(st, p, v)
        rule = RULES[pred]
        e = self.evidence.get((article, sentence, rule))
        if e is None:
            e = self.evidence[(article, sentence, rule)] = \
                f"<{BASE}evidence/{len(self.evidence):x}>"
            start = rng.randrange(0, 2000)
            for p, v in ((RDF + "type", f"<{KG}Evidence>"),
                         (KG + "sentence", _lit(sentence, "zh-Hans")),
                         (KG + "start", _lit(str(start), dtype=XSD + "integer")),
                         (KG + "end", _lit(str(start + len(sentence)), dtype=XSD + "integer")),
                         (KG + "rule", _lit(rule)), (PROV + "wasDerivedFrom", article)):
                self.add(e, p, v, article)
        self.add(e, KG + "supports", st, article)


def generate(target: int, seed: int = 7) -> Writer:
    """About ``target`` triples (quads) of a graph shaped like a build of news articles."""
    rng = random.Random(seed)
    scale = target / 1_000_000
    w = Writer()
    n_articles = int(6000 * scale) or 1
    articles = []
    for i in range(n_articles):
        a = f"<{BASE}article/{i:016x}>"
        articles.append(a)
        city = rng.choice(CITIES)
        title = f"{city}市委{rng.choice(DEPTS)}召开{rng.choice(MEETING_KINDS)}"
        for p, v in ((RDF + "type", f"<{KG}Article>"), (RDFS + "label", _lit(title, "zh-Hans")),
                     (SCHEMA + "headline", _lit(title, "zh-Hans")),
                     (SCHEMA + "url", _lit(f"https://news.example/{i}.html")),
                     (SCHEMA + "datePublished", _lit(f"20{rng.randint(15, 24)}-"
                                                     f"{rng.randint(1, 12):02d}-"
                                                     f"{rng.randint(1, 28):02d}")),
                     (DCT + "identifier", _lit(f"{i:05d}.txt")),
                     (DCT + "source", _lit(f"corpus/{i:05d}.txt"))):
            w.add(a, p, v, a)

    def art() -> str:
        return rng.choice(articles)

    # Bodies: a party committee per city and district, departments under each.
    bodies = []
    for city in CITIES:
        districts = [f"{city}{d}区" for d in "东西南北中新老高"][:rng.randint(3, 8)]
        for place in [f"{city}市", *districts]:
            committee = w.entity("Body", f"{place}委", rng)
            bodies.append((f"{place}委", committee))
            for dept in DEPTS:
                node = w.entity("Body", f"{place}委{dept}", rng)
                bodies.append((f"{place}委{dept}", node))
                w.fact(node, "subBodyOf", committee, art(),
                       f"{place}委{dept}是{place}委的工作部门。", rng)
    # Posts and officials.
    n_officials = int(6000 * scale) or 2
    officials = []
    names = ["佟桂莉", "杨立平"] + [rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
                                for _ in range(n_officials * 2)]
    for name in dict.fromkeys(names):
        if len(officials) >= n_officials:
            break
        officials.append((name, w.entity("Official", name, rng)))
    posts = {}
    for name, official in officials:
        for k in range(1 if rng.random() < 0.6 else rng.randint(2, 3)):
            body_label, body = (("杭州市委", None) if name == "佟桂莉" and k == 0
                                else rng.choice(bodies))
            if body is None:
                body = _iri("body", body_label)
            role = "常委" if body_label.endswith("市委") and k == 0 else rng.choice(ROLES)
            label = body_label + role
            if label not in posts:
                posts[label] = w.entity("Post", label, rng)
                w.fact(posts[label], "postIn", body, art(), f"{label}负责{body_label}工作。", rng)
            sentence = f"{label}{name}{rng.choice(SENTENCE_VERBS)}。"
            w.fact(official, "holds", posts[label], art(), sentence, rng)
    # Documents and meetings.
    docs = [w.entity("Document", f"{rng.choice(CITIES)}{rng.choice(DOC_KINDS)}({i})", rng)
            for i in range(int(6000 * scale) or 1)]
    per_meeting = 95  # 8.5 facts: fact, statement, evidence (~7 sentences) and entity triples
    n_meetings = max(1, int((target - len(w.lines)) / per_meeting))
    for i in range(n_meetings):
        body_label, body = rng.choice(bodies)
        mlabel = f"{body_label}{rng.choice(MEETING_KINDS)}(第{i}次)"
        m = w.entity("Meeting", mlabel, rng)
        a = art()
        year = rng.choice([None, *range(2015, 2025)])
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        date = (_lit(f"--{month:02d}-{day:02d}", dtype=XSD + "gMonthDay") if year is None
                else _lit(f"{year}-{month:02d}-{day:02d}", dtype=XSD + "date"))
        w.fact(m, "date", date, a, f"{month}月{day}日,{body_label}召开{mlabel}。", rng)
        w.fact(body, "held", m, a, f"{body_label}召开{mlabel}。", rng)
        chair_name, chair = rng.choice(officials)
        w.fact(chair, "presided", m, a, f"{chair_name}主持会议并讲话。", rng)
        w.fact(chair, "spokeAt", m, a, f"{chair_name}主持会议并讲话。", rng)
        for name, official in rng.sample(officials, min(3, len(officials))):
            w.fact(official, "attended", m, a, f"{name}出席会议。", rng)
        for doc in rng.sample(docs, min(rng.randint(1, 2), len(docs))):
            w.fact(m, "discussed", doc, a, "会议审议通过了相关文件。", rng)
    return w


def _run_line(path: Path) -> dict[str, ox.Literal]:
    """The ``--param`` values of the file's ``# Run: kg query FILE ...`` line."""
    m = re.search(r"^#\s*Run:\s*kg query\s+(.*)$", path.read_text(encoding="utf-8"), re.M)
    args = shlex.split(m.group(1))[1:] if m else []
    return dict(parse_param(v) for k, v in zip(args[::2], args[1::2]) if k == "--param")


def _time_store(store: ox.Store, sparql: str, params: dict, reps: int) -> tuple[float, int]:
    run(store, sparql, "bench", params)  # warm-up
    times, rows = [], 0
    for _ in range(reps):
        t0 = time.perf_counter()
        answer = run(store, sparql, "bench", params)
        times.append(time.perf_counter() - t0)
        rows = len(answer.rows)
    return statistics.median(times), rows


_RDFLIB_GRAPH = None  # set before forking, shared copy-on-write with the children


def _rdflib_child(sparql: str, reps: int, conn) -> None:
    times = []
    rows = 0
    for _ in range(reps):
        t0 = time.perf_counter()
        rows = len(list(_RDFLIB_GRAPH.query(sparql)))
        times.append(time.perf_counter() - t0)
    conn.send((statistics.median(times), rows))


def _time_rdflib(sparql: str, reps: int, cap: float) -> tuple[float | None, int | None]:
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(sparql, reps, child))
    proc.start()
    if parent.poll(cap):
        result = parent.recv()
        proc.join()
        return result
    proc.kill()
    proc.join()
    return None, None


def main(argv: list[str] | None = None) -> int:
    global _RDFLIB_GRAPH
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--reps", type=int, default=7, help="store runs per query (median)")
    ap.add_argument("--rdflib-reps", type=int, default=1)
    ap.add_argument("--rdflib-cap", type=float, default=120.0, help="seconds per rdflib query")
    ap.add_argument("--no-rdflib", action="store_true")
    ap.add_argument("--only", action="append", metavar="NAME", help="run only these queries")
    ap.add_argument("--whole", action="store_true", help="whole listings, not their first page")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    w = generate(args.triples)
    print(f"generated {len(w.lines):,} quads in {time.perf_counter() - t0:.1f} s", flush=True)
    queries = [q for q in sorted((ROOT / "queries").glob("*.rq"))
               if not args.only or q.stem in args.only]
    with tempfile.TemporaryDirectory() as tmp:
        nq = Path(tmp) / "graph.nq"
        nq.write_text("".join(w.lines), encoding="utf-8")
        t0 = time.perf_counter()
        write_store(nq, Path(tmp) / "kg.oxigraph")  # what `kg build` does
        print(f"store written (quads + merged default graph): {time.perf_counter() - t0:.1f} s",
              flush=True)
        t0 = time.perf_counter()
        store = ox.Store.read_only(str(Path(tmp) / "kg.oxigraph"))
        print(f"store open (what each `kg query` pays): {1000 * (time.perf_counter() - t0):.1f}"
              f" ms; {len(store):,} quads", flush=True)
        if not args.no_rdflib:
            import rdflib

            nt = Path(tmp) / "graph.nt"
            quads = ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS)
            ox.serialize((q.triple for q in quads), str(nt), ox.RdfFormat.N_TRIPLES)
            t0 = time.perf_counter()
            _RDFLIB_GRAPH = rdflib.Graph()
            _RDFLIB_GRAPH.parse(nt, format="nt")
            print(f"rdflib parse of the union (N-Triples): {time.perf_counter() - t0:.1f} s; "
                  f"{len(_RDFLIB_GRAPH):,} triples", flush=True)
        print()
        print(f"| query | rows | store median ms (n={args.reps}) | rdflib ms "
              f"(n={args.rdflib_reps}) | speed-up |")
        print("|---|---:|---:|---:|---:|")
        for path in queries:
            params = _run_line(path)
            sparql = path.read_text(encoding="utf-8")
            sparql = set_page(sparql, 0, source=path.name) if args.whole else sparql
            median, rows = _time_store(store, sparql, params, args.reps)
            cell, ratio = "–", "–"
            if not args.no_rdflib:
                slow, slow_rows = _time_rdflib(inject_values(sparql, params), args.rdflib_reps,
                                               args.rdflib_cap)
                if slow is None:
                    cell = f"> {args.rdflib_cap * 1000:,.0f}"
                    ratio = f"> {args.rdflib_cap / median:,.0f}×"
                else:
                    cell = f"{slow * 1000:,.0f}" + ("" if slow_rows == rows else
                                                    f" ({slow_rows} rows)")
                    ratio = f"{slow / median:,.0f}×"
            print(f"| {path.stem} | {rows} | {median * 1000:,.1f} | {cell} | {ratio} |",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
