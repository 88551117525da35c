"""Load a build into any SPARQL 1.1 server through the Graph Store Protocol.

The whole graph (the union of the article graphs) is sent as Turtle with one
HTTP PUT, which replaces the target graph: pushing a new build never leaves
facts of an old one behind.  By default the target is the server's default
graph, so the query files in queries/ run there unchanged (``kg query
--endpoint``); ``--graph-iri`` puts it in a named graph instead.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from kg.namespaces import PREFIXES
from kg.store import open_graph


class PushError(Exception):
    """The server refused the data or could not be reached."""


def graph_store_url(endpoint: str, graph_iri: str | None) -> str:
    """The GSP URL of the target graph: ``?default`` or ``?graph=<encoded IRI>``.

    >>> graph_store_url("http://h/store", "https://x/g#1")
    'http://h/store?graph=https%3A%2F%2Fx%2Fg%231'
    >>> graph_store_url("http://h/ds/data?x=1", None)
    'http://h/ds/data?x=1&default'
    """
    sep = "&" if "?" in endpoint else "?"
    if graph_iri is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}graph={quote(graph_iri, safe='')}"


def push(source: Path, endpoint: str, graph_iri: str | None = None,
         timeout: float = 300.0) -> int:
    """PUT every triple of ``source`` (store folder or RDF file); return how many."""
    store = open_graph(source)
    triples = {quad.triple for quad in store}
    body = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    url = graph_store_url(endpoint, graph_iri)
    request = urllib.request.Request(url, data=body, method="PUT",
                                     headers={"Content-Type": "text/turtle; charset=utf-8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
        raise PushError(f"{url}: the server answered {exc.code}: {detail}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise PushError(f"{endpoint}: cannot reach the server: {exc}") from exc
    return len(triples)
