"""The ``kg`` command: parse arguments, call the library, report in one line.

Exit status: 0 success, 1 failure, 2 bad usage (argparse's own convention).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg import __version__

DEFAULT_GRAPH = Path("output") / "kg.ttl"


def _fail(message: str, status: int = 1) -> int:
    print(f"kg: error: {message}", file=sys.stderr)
    return status


def cmd_build(args: argparse.Namespace) -> int:
    from kg.ingest import InputError
    from kg.pipeline import BuildError, build

    try:
        result = build(args.inputs, args.output, jobs=args.jobs, quiet=args.quiet,
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


def _read_query(args: argparse.Namespace) -> tuple[str, str]:
    if args.expression is not None:
        return args.expression, "-e query"
    path = Path(args.file)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: query file not found")
    return path.read_text(encoding="utf-8"), str(path)


def cmd_query(args: argparse.Namespace) -> int:
    from kg.query import QueryError, format_answer, load_graph, run

    if (args.file is None) == (args.expression is None):
        return _fail("give either a query FILE or -e 'SPARQL'", 2)
    try:
        sparql, source = _read_query(args)
        answer = run(load_graph(Path(args.graph)), sparql, source)
    except FileNotFoundError as exc:
        return _fail(str(exc), 2)
    except QueryError as exc:
        return _fail(str(exc), 2 if "graph file" not in str(exc) else 1)
    print(format_answer(answer, args.format))
    if answer.boolean is not None:
        return 0 if answer.boolean else 1
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
    b.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N",
                   help="extract in N worker processes; same output for any N (default: 1)")
    b.add_argument("--cache", metavar="DIR", help="per-article extraction cache, so a rebuild "
                   "redoes only new or changed articles (default: DIR/.kgcache)")
    b.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    b.add_argument("--dask", metavar="ADDRESS", help="extract on the Dask cluster whose "
                   "scheduler is at ADDRESS (needs zhgov-kg[dask])")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    b.set_defaults(func=cmd_build)

    q = sub.add_parser("query", help="run a SPARQL query against the built graph")
    q.add_argument("file", nargs="?", metavar="FILE.rq")
    q.add_argument("-e", "--expression", metavar="SPARQL", help="query text instead of a file")
    q.add_argument("--graph", default=str(DEFAULT_GRAPH), help="RDF file (default: %(default)s)")
    q.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table")
    q.set_defaults(func=cmd_query)

    e = sub.add_parser("eval", help="score the built graph against a gold file")
    e.add_argument("gold", metavar="GOLD.json")
    e.add_argument("--graph", default=str(DEFAULT_GRAPH), help="RDF file (default: %(default)s)")
    e.add_argument("--show-errors", action="store_true", help="list missed and spurious facts")
    e.set_defaults(func=cmd_eval)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
