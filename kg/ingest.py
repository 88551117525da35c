"""Find and read article files.

Reading is forgiving per file (a bad file is reported and skipped) and strict
about the inputs themselves (a missing path is a usage error).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kg.model import RawArticle

SUFFIXES = {".txt", ".text", ".md"}
_HAN = re.compile(r"[\u3400-\u9fff]")


class InputError(Exception):
    """An input path that cannot be used at all (missing, empty folder)."""


@dataclass
class ReadReport:
    """What happened to each input file, for the build's summary line."""

    read: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)

    def skip(self, path: str, reason: str) -> None:
        self.skipped.append((path, reason))


def sample_corpus() -> Path:
    """The folder of sample articles shipped inside the package."""
    return Path(str(resources.files("kg") / "corpus"))


def find_files(inputs: Iterable[str | Path]) -> list[tuple[Path, Path]]:
    """Expand files and folders (recursively) into (file, root) pairs, sorted."""
    found: list[tuple[Path, Path]] = []
    for item in inputs:
        path = Path(item)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_file():
            found.append((path, path.parent))
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            kinds = ", ".join(sorted(SUFFIXES))
            raise InputError(f"{path}: folder holds no article files ({kinds})")
        found.extend((p, path) for p in files)
    return found


def read_file(path: Path, root: Path) -> RawArticle:
    """Read one article file; raises ValueError with a reason when it is unusable."""
    data = path.read_bytes()
    if not data.strip():
        raise ValueError("empty file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    if not _HAN.search(text):
        raise ValueError("no Chinese text")
    article_id = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    return RawArticle(article_id, str(path), text)


def read_articles(inputs: Iterable[str | Path], report: ReadReport) -> Iterator[RawArticle]:
    """Yield every readable article under ``inputs``, recording skips in ``report``."""
    for path, root in find_files(inputs):
        try:
            article = read_file(path, root)
        except (OSError, ValueError) as exc:
            report.skip(str(path), str(exc))
            continue
        report.read += 1
        yield article
