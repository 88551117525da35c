"""A read-only SPARQL 1.1 Protocol endpoint over the built graph, plus the graph page.

``GET /`` serves graph.html from the build folder; ``/sparql`` (alias ``/query``)
answers queries given as ``?query=`` (GET), an ``application/sparql-query``
body or an ``application/x-www-form-urlencoded`` form (POST).  Results come as
SPARQL JSON, XML, CSV or TSV by the Accept header (graphs as Turtle, N-Triples,
RDF/XML or JSON-LD).  Updates are refused with 403.

The standard library's ThreadingHTTPServer is enough here: pyoxigraph releases
the GIL while it evaluates, so concurrent queries really run side by side.
A query past the time limit gets 503 at once; pyoxigraph cannot cancel it, so it
finishes in the background (streamed results stop at the next row) and keeps its
slot until then: at most ``max_running`` queries ever use the CPU at once.
"""

from __future__ import annotations

import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.query import Answer, QueryError, QueryTimeout, format_answer, format_triples, run

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
#: The media type sent for each results format (the first key that maps to it).
MEDIA_OF = {fmt: media for media, fmt in reversed(list(RESULT_TYPES.items()))}
QUERY_PATHS = ("/sparql", "/query")


class SparqlServer(ThreadingHTTPServer):
    """Holds what every request needs: the store, the page, the limits."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: ox.Store, page: Path | None = None,
                 timeout: float | None = 30.0, max_running: int = 4, quiet: bool = False
                 ) -> None:
        super().__init__(address, Handler)
        self.store = store
        self.page = page
        self.query_timeout = timeout
        self.slots = threading.BoundedSemaphore(max_running)
        self.quiet = quiet

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


def _accepted(header: str | None) -> list[str]:
    """Media types of an Accept header, best first (``q=0`` dropped)."""
    ranked = []
    for i, part in enumerate((header or "*/*").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def negotiate(header: str | None, offered: dict[str, object]) -> str | None:
    """The first offered media type the client accepts (``*/*`` takes the first offer)."""
    for media in _accepted(header):
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            kind = media.split("/")[0]
            return next((m for m in offered if kind == "*" or m.startswith(kind)), None)
    return None


class Handler(BaseHTTPRequestHandler):
    """One request: route, read the query, run it, negotiate the format, answer."""

    server: SparqlServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        if url.path in ("/", "/graph.html"):
            self._send_page()
        elif url.path in QUERY_PATHS:
            self._answer(parse_qs(url.query))
        else:
            self._error(HTTPStatus.NOT_FOUND, f"{url.path}: not found; query at /sparql")

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in QUERY_PATHS:
            self._error(HTTPStatus.NOT_FOUND, f"{url.path}: not found; query at /sparql")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query)
        if ctype == "application/sparql-query":
            params["query"] = [body]
        elif ctype == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body).items():
                params.setdefault(key, []).extend(values)
        elif ctype == "application/sparql-update":
            params["update"] = [body]
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        f"Content-Type {ctype or '(none)'}: send application/sparql-query "
                        "or a form")
            return
        self._answer(params)

    def _answer(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
            return
        queries = params.get("query", [])
        if len(queries) != 1:
            self._error(HTTPStatus.BAD_REQUEST, "give exactly one 'query' parameter")
            return
        default_graph = [ox.NamedNode(i) for i in params.get("default-graph-uri", [])] or None
        if not self.server.slots.acquire(timeout=5):
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, "too many queries running; retry later")
            return
        try:  # the slot is freed when the query ends, even one abandoned at its time limit
            answer = run(self.server.store, queries[0], "query",
                         timeout=self.server.query_timeout, default_graph=default_graph,
                         finished=self.server.slots.release)
        except QueryTimeout as exc:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
            return
        except QueryError as exc:
            status = HTTPStatus.BAD_REQUEST if exc.status == 2 else HTTPStatus.INTERNAL_SERVER_ERROR
            self._error(status, str(exc))
            return
        self._send_answer(answer)

    def _send_answer(self, answer: Answer) -> None:
        accept = self.headers.get("Accept")
        if answer.triples is not None:
            media = negotiate(accept, GRAPH_TYPES)
            if media is None:
                self._error(HTTPStatus.NOT_ACCEPTABLE, "graphs come as " + ", ".join(GRAPH_TYPES))
                return
            self._send(HTTPStatus.OK, media, format_triples(answer.triples, GRAPH_TYPES[media]))
            return
        media = negotiate(accept, RESULT_TYPES)
        if media is None:
            self._error(HTTPStatus.NOT_ACCEPTABLE, "results come as " + ", ".join(RESULT_TYPES))
            return
        fmt = RESULT_TYPES[media]
        self._send(HTTPStatus.OK, MEDIA_OF[fmt], format_answer(answer, fmt))

    def _send_page(self) -> None:
        page = self.server.page
        if page is None or not page.is_file():
            self._error(HTTPStatus.NOT_FOUND, "no graph.html beside this graph; run `kg build`"
                        "; SPARQL is at /sparql")
            return
        self._send(HTTPStatus.OK, "text/html", page.read_bytes())

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, "text/plain", message + "\n")

    def _send(self, status: HTTPStatus, media: str, body: str | bytes) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", f"{media}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base signature
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")
