"""Per-article build cache: an article whose text has not changed is not extracted again.

Each entry is the pickled result of one article (its slimmed Extraction and its
rendered named graph), filed under a hash of everything that result depends
on: the article itself (id, source, text, metadata),
``kg.extract.EXTRACTOR_VERSION``, the lexicon's fingerprint, the base IRI and
the source code of the normaliser, extractor (every module of the
``kg/extract`` package) and graph writer.  Changing any of them
gives every article a new key, so stale entries are never read; they are only
left behind (delete the folder to reclaim the space).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path

from kg.model import RawArticle

#: Bump when the cache's own format changes.
FORMAT = "3"


@cache
def _code_fingerprint() -> str:
    """A hash of the code that makes a cached result: its records (pickled), normaliser,
    extractor, graph layout."""
    digest = hashlib.sha256()
    root = resources.files("kg")
    for name in ("model", "normalise", "extract", "resolve", "graph", "rdfout"):
        entry = root / name
        files = sorted(Path(str(entry)).rglob("*.py")) if entry.is_dir() else \
            [Path(str(root / f"{name}.py"))]
        for path in files:
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def version_key(base: str) -> str:
    """What every cached result depends on besides the article itself."""
    from kg.extract import EXTRACTOR_VERSION
    from kg.lexicon import fingerprint

    return f"{FORMAT}|{EXTRACTOR_VERSION}|{fingerprint()}|{_code_fingerprint()}|{base}"


def article_key(raw: RawArticle, version: str) -> str:
    """The cache key of one article under one extractor version."""
    digest = hashlib.sha256(version.encode())
    for part in (raw.id, raw.source, json.dumps(raw.meta, sort_keys=True, ensure_ascii=False)):
        digest.update(b"\0" + part.encode("utf-8"))
    digest.update(b"\0" + raw.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ExtractionCache:
    """A folder of pickled per-article results, one file per key, written atomically."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> object | None:
        """The cached result, or None when absent or unreadable (it is then redone)."""
        try:
            with open(self._path(key), "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, key: str, value: object) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
