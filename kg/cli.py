"""The ``kg`` command: parse arguments, call the library, report in one line.

Exit status: 0 success, 1 failure, 2 bad usage (argparse's own convention).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kg import __version__

DEFAULT_GRAPH = Path("output") / "kg.ttl"


def _fail(message: str, status: int = 1) -> int:
    print(f"kg: error: {message}", file=sys.stderr)
    return status


def cmd_build(args: argparse.Namespace) -> int:
    from kg.graph import check_base
    from kg.ingest import InputError
    from kg.pipeline import BuildError, build

    try:
        check_base(args.base)
    except ValueError as exc:
        return _fail(f"--base: {exc}", 2)
    if args.named_graphs and not args.store:
        return _fail("--named-graphs puts the article graphs in the store: drop --no-store", 2)
    try:
        result = build(args.inputs, args.output, base=args.base, validate=args.validate,
                       jobs=args.jobs, quiet=args.quiet, named_graphs=args.named_graphs,
                       store=args.store,
                       cache=False if args.no_cache else args.cache, dask=args.dask)
    except InputError as exc:
        return _fail(str(exc), 2)
    except BuildError as exc:
        return _fail(str(exc))
    print(f"{result.summary()}; wrote {', '.join(str(p) for p in result.outputs)}",
          file=sys.stderr)
    return 0


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return int(text)


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}")
    return int(text)


def _read_query(args: argparse.Namespace) -> tuple[str, str]:
    if args.expression is not None:
        return args.expression, "-e query"
    path = Path(args.file)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: query file not found")
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise FileNotFoundError(f"{path}: cannot read query file: {exc}") from exc


def cmd_query(args: argparse.Namespace) -> int:
    from kg.query import (
        QueryError,
        QueryTimeout,
        check_params,
        format_answer,
        named_graph_note,
        parse_param,
        run,
        run_remote,
        set_page,
    )
    from kg.store import StoreError, default_graph_path, open_graph

    if (args.file is None) == (args.expression is None):
        return _fail("give either a query FILE or -e 'SPARQL'", 2)
    try:
        sparql, source = _read_query(args)
        params = dict(parse_param(p) for p in args.param)
        check_params(sparql, params, source)
        sparql = set_page(sparql, args.limit, args.offset, source)
        if args.endpoint:
            answer = run_remote(args.endpoint, sparql, source, params, args.timeout)
        else:
            store = open_graph(Path(args.graph) if args.graph else default_graph_path())
            if note := named_graph_note(store, sparql, source):
                print(note, file=sys.stderr)
            answer = run(store, sparql, source, params, args.timeout)
    except FileNotFoundError as exc:
        return _fail(str(exc), 2)
    except StoreError as exc:
        return _fail(str(exc))
    except QueryTimeout as exc:
        _fail(str(exc))
        # The abandoned query still runs in a thread pyoxigraph cannot stop; a normal
        # interpreter exit would tear its objects down under it and print noise.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(1)
    except QueryError as exc:
        return _fail(str(exc), exc.status)
    print(format_answer(answer, args.format))
    if answer.boolean is not None:
        return 0 if answer.boolean else 1
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.serve import SparqlServer
    from kg.store import StoreError, default_graph_path, open_graph

    path = Path(args.graph) if args.graph else default_graph_path()
    try:
        store = open_graph(path)
        server = SparqlServer((args.host, args.port), store, path.parent / "graph.html",
                              timeout=args.timeout or None)
    except StoreError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
    print(f"serving {path}: SPARQL at {server.url}/sparql, graph page at {server.url}/ "
          "(Ctrl-C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    from kg.push import PushError, push
    from kg.store import StoreError, default_graph_path

    path = Path(args.graph) if args.graph else default_graph_path()
    try:
        count = push(path, args.endpoint, args.graph_iri)
    except (StoreError, PushError) as exc:
        return _fail(str(exc))
    target = f"graph <{args.graph_iri}>" if args.graph_iri else "the default graph"
    print(f"pushed {count} triples from {path} to {target} of {args.endpoint}", file=sys.stderr)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from kg.evaluate import load_gold, score_graph
    from kg.query import QueryError, load_graph

    try:
        gold = load_gold(Path(args.gold))
        graph = load_graph(Path(args.graph))
    except (ValueError, QueryError) as exc:
        return _fail(str(exc))
    score = score_graph(graph, gold)
    print(score.table())
    if args.show_errors:
        print("missed:", *score.missed, sep="\n  ")
        print("spurious:", *score.spurious, sep="\n  ")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate import ValidationError, load, validate

    path = Path(args.graph) if args.graph else DEFAULT_GRAPH
    try:
        violations = validate(load(path))
    except ValidationError as exc:
        return _fail(str(exc))
    for violation in violations:
        print(violation.line())
    print(f"{path}: {len(violations) or 'no'} SHACL violations", file=sys.stderr)
    return 1 if violations else 0


def cmd_export(args: argparse.Namespace) -> int:
    from kg.export import default_graph_file, export
    from kg.graph import read_dataset

    path = Path(args.graph) if args.graph else default_graph_file()
    try:
        data = export(read_dataset(path), args.format)
    except ValueError as exc:
        return _fail(str(exc))
    if args.output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        return _fail(f"{args.output}: cannot write: {exc.strerror}")
    return 0


def cmd_viz(args: argparse.Namespace) -> int:
    from kg.viz import VizError, write_graph_page

    if args.max_nodes is not None and args.max_nodes < 1:
        return _fail("--max-nodes must be at least 1", 2)
    if args.depth < 0:
        return _fail("--depth must be 0 or more", 2)
    try:
        data = write_graph_page(Path(args.graph), Path(args.output), args.max_nodes,
                                args.focus, args.depth)
    except VizError as exc:
        return _fail(str(exc))
    note = f" ({data.note})" if data.note else ""
    print(f"{len(data.nodes)} nodes, {len(data.edges)} edges{note}; wrote {args.output}",
          file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Chinese government news into a "
                                "knowledge graph you can query.")
    p.add_argument("--version", action="version", version=f"zhgov-kg {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="extract facts from articles and write the graph")
    b.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="article files or folders (default: the bundled sample corpus)")
    b.add_argument("-o", "--output", default="output", metavar="DIR",
                   help="where kg.ttl, kg.trig and graph.html go (default: output/)")
    b.add_argument("--base", default="https://w3id.org/zhgov-kg/id/", metavar="IRI",
                   help="prefix of the data IRIs (default: %(default)s)")
    b.add_argument("--no-validate", dest="validate", action="store_false",
                   help="skip the SHACL check of the graph (faster on big corpora)")
    b.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N",
                   help="extract in N worker processes; same output for any N (default: 1)")
    b.add_argument("--cache", metavar="DIR", help="per-article extraction cache, so a rebuild "
                   "redoes only new or changed articles (default: DIR/.kgcache)")
    b.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    b.add_argument("--dask", metavar="ADDRESS", help="extract on the Dask cluster whose "
                   "scheduler is at ADDRESS (needs zhgov-kg[dask])")
    b.add_argument("--named-graphs", action="store_true",
                   help="also keep each article's named graph in the store, for GRAPH ?article "
                   "queries (kg.trig always has them; the store loads about twice as long)")
    b.add_argument("--no-store", dest="store", action="store_false",
                   help="write no kg.oxigraph store (about a fifth less CPU; kg query then "
                   "reads kg.trig, slower on big graphs)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    b.set_defaults(func=cmd_build)

    graph_help = ("store folder or RDF file (.ttl .trig .nt .nq .jsonld); default: "
                  "output/kg.oxigraph")
    q = sub.add_parser("query", help="run a SPARQL query against the built graph")
    q.add_argument("file", nargs="?", metavar="FILE.rq")
    q.add_argument("-e", "--expression", metavar="SPARQL", help="query text instead of a file")
    q.add_argument("--graph", metavar="PATH", help=graph_help)
    q.add_argument("--endpoint", metavar="URL", help="query a SPARQL 1.1 endpoint instead")
    q.add_argument("--format", choices=("table", "csv", "tsv", "json", "xml"), default="table")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind ?NAME to a label VALUE (\"VALUE\"@zh-Hans), or to an <IRI> or "
                   "\"literal\" written out; repeatable")
    q.add_argument("--limit", type=_count, metavar="N",
                   help="rows per page: replaces the query's LIMIT (0: the whole listing)")
    q.add_argument("--offset", type=_count, metavar="N", help="skip N rows: the next pages")
    q.add_argument("--timeout", type=float, metavar="SECONDS", help="stop the query after this")
    q.set_defaults(func=cmd_query)

    s = sub.add_parser("serve", help="serve the graph as a read-only SPARQL endpoint")
    s.add_argument("--graph", metavar="PATH", help=graph_help)
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (%(default)s)")
    s.add_argument("--port", type=int, default=7878, help="port (%(default)s)")
    s.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="per-query time limit, 0 for none (%(default)s)")
    s.set_defaults(func=cmd_serve)

    u = sub.add_parser("push", help="load the graph into a SPARQL server (Graph Store Protocol)")
    u.add_argument("--endpoint", required=True, metavar="URL",
                   help="the server's graph store URL, e.g. http://localhost:7878/store")
    u.add_argument("--graph-iri", metavar="IRI", help="named graph to replace (default: the "
                   "default graph)")
    u.add_argument("--graph", metavar="PATH", help=graph_help)
    u.set_defaults(func=cmd_push)

    e = sub.add_parser("eval", help="score the built graph against a gold file")
    e.add_argument("gold", metavar="GOLD.json")
    e.add_argument("--graph", default=str(DEFAULT_GRAPH), help="RDF file (default: %(default)s)")
    e.add_argument("--show-errors", action="store_true", help="list missed and spurious facts")
    e.set_defaults(func=cmd_eval)

    v = sub.add_parser("validate", help="check a graph against the SHACL shapes")
    v.add_argument("graph", nargs="?", metavar="PATH",
                   help=f"RDF file, .ttl or .trig (default: {DEFAULT_GRAPH})")
    v.set_defaults(func=cmd_validate)

    from kg.export import FORMATS

    x = sub.add_parser("export", help="write the graph as RDF, CSV, GraphML or GEXF")
    x.add_argument("--format", choices=FORMATS, required=True)
    x.add_argument("--graph", metavar="PATH",
                   help="RDF file (default: output/kg.trig, else output/kg.ttl)")
    x.add_argument("-o", "--output", metavar="FILE", help="where to write (default: stdout)")
    x.set_defaults(func=cmd_export)

    w = sub.add_parser("viz", help="redraw the interactive graph page from the built graph")
    w.add_argument("--graph", default=str(DEFAULT_GRAPH),
                   help="RDF file: .ttl, .trig, .nt, ... (default: %(default)s)")
    w.add_argument("-o", "--output", default=str(Path("output") / "graph.html"), metavar="HTML",
                   help="where to write the page (default: %(default)s)")
    w.add_argument("--max-nodes", type=int, metavar="N",
                   help="draw only the N best-connected nodes (the page says so)")
    w.add_argument("--focus", metavar="NAME",
                   help="draw only the neighbourhood of this entity (either script)")
    w.add_argument("--depth", type=int, default=1, metavar="K",
                   help="with --focus: how many steps out to go (default: %(default)s)")
    w.set_defaults(func=cmd_viz)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
