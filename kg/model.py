"""Plain dataclasses that flow between the pipeline stages.

Nothing here knows about RDF: ``kg.graph`` is the only place where these
records become triples.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

#: The entity classes of the core ontology (kg:Official, kg:Post, ...).
KINDS = ("Official", "Post", "Body", "Meeting", "Document")

#: Predicates between entities, with (subject kind, object kind).
RELATIONS: dict[str, tuple[str, str]] = {
    "holds": ("Official", "Post"),
    "postIn": ("Post", "Body"),
    "subBodyOf": ("Body", "Body"),
    "held": ("Body", "Meeting"),
    "discussed": ("Meeting", "Document"),
    "presided": ("Official", "Meeting"),
    "attended": ("Official", "Meeting"),
    "spokeAt": ("Official", "Meeting"),
}


@dataclass
class RawArticle:
    """An article as read from disk, before any normalisation."""

    id: str  # stable within a corpus: the file's relative path or a JSONL id
    source: str  # where it came from (path, URL or '-')
    text: str  # decoded text, exactly as the source had it
    meta: dict[str, str] = field(default_factory=dict)  # see META_KEYS


#: Keys of ``RawArticle.meta`` / ``Article.meta`` that later stages understand.
META_KEYS = {
    "title": "the headline",
    "date": "publication date, ISO 8601 (YYYY-MM-DD, optionally with THH:MM)",
    "source": "publisher or 来源 named by the article",
    "host": "who runs the site (主办单位 in the page footer)",
    "editor": "责任编辑 / 编辑",
    "author": "reporter byline (记者 ...)",
    "keywords": "关键词, separated by single spaces",
    "url": "where the article was published",
}


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the normalised text; ``start``/``end`` index ``Article.text``."""

    text: str
    start: int
    end: int


@dataclass
class Article:
    """A normalised article: what the extractors see, plus the way back.

    ``text`` is simplified Chinese with scrape noise removed; ``offsets[i]`` is
    the index in ``original`` of ``text[i]`` (one extra entry at the end), so
    evidence can always quote what the article really says.
    """

    id: str
    source: str
    original: str
    text: str
    offsets: list[int]
    sentences: list[Sentence]
    meta: dict[str, str] = field(default_factory=dict)
    #: SHA-1 of ``original``; kept when a large build drops the text, so the
    #: article's IRI (named after its text, not its file) can still be made.
    digest: str = ""

    def __post_init__(self) -> None:
        if not self.digest:
            self.digest = hashlib.sha1(self.original.encode("utf-8")).hexdigest()

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of ``text`` to the matching span of ``original``."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True, slots=True)
class Entity:
    """One thing in the world as the extractor named it.

    ``key`` decides identity (two entities with the same kind and key are one
    node); ``label`` is the simplified display name; ``surface`` is the form the
    article used (kept as an alternative label when it differs).
    """

    kind: str
    label: str
    key: str = ""
    surface: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown entity kind {self.kind!r}")
        if not self.key:
            object.__setattr__(self, "key", self.label)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact came from: the sentence as the article wrote it and the rule."""

    article_id: str
    sentence: str  # the original (un-normalised) sentence text
    start: int  # offsets of the sentence in the article's original text
    end: int
    rule: str  # name of the extraction rule that produced the fact


@dataclass(frozen=True, slots=True)
class Fact:
    """subject -predicate-> object, where object is an Entity or a date string.

    Dates are ``YYYY-MM-DD`` when the year is known, else ``--MM-DD``.
    """

    subject: Entity
    predicate: str
    object: Entity | str
    evidence: Evidence = field(compare=False)


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    facts: list[Fact] = field(default_factory=list)
