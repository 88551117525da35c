"""What the extraction tests share: run the extractor on a few sentences, read facts as labels."""

from __future__ import annotations

from collections.abc import Iterable

from kg.extract import extract
from kg.model import Fact, RawArticle
from kg.normalise import normalise

#: The relations the gold scores (subBodyOf is not scored).
SCORED = ("holds", "postIn", "held", "discussed", "presided", "attended", "spokeAt", "date")
#: The relations that name a person.
PERSON_RELATIONS = ("holds", "presided", "attended", "spokeAt")


def extract_text(text: str, meta: dict[str, str] | None = None) -> list[Fact]:
    """The facts of ``text`` read as one article (``meta``: date, source, title …)."""
    return extract(normalise(RawArticle("t.txt", "-", text, dict(meta or {})))).facts


def triples(text: str, meta: dict[str, str] | None = None,
            predicates: Iterable[str] | None = None) -> set[tuple[str, str, str]]:
    """(subject label, predicate, object label or literal) for each fact, optionally filtered."""
    keep = None if predicates is None else set(predicates)
    return {(f.subject.label, f.predicate, f.object if isinstance(f.object, str)
             else f.object.label)
            for f in extract_text(text, meta) if keep is None or f.predicate in keep}


def people(text: str, meta: dict[str, str] | None = None) -> set[str]:
    """Everyone the text names in an official capacity."""
    return {s for s, _, _ in triples(text, meta, PERSON_RELATIONS)}


def facts(text: str, **meta: str) -> set[tuple[str, str, str]]:
    """The scored facts of ``text`` read as one article with metadata ``meta``."""
    return triples(text, meta, SCORED)


def spoke(text: str, **meta: str) -> set[str]:
    """Who spoke at a meeting of ``text``."""
    return {s for s, p, _ in facts(text, **meta) if p == "spokeAt"}


def attended(text: str, **meta: str) -> set[str]:
    """Who attended a meeting of ``text``."""
    return {s for s, p, _ in facts(text, **meta) if p == "attended"}


def posts(text: str, **meta: str) -> set[tuple[str, str]]:
    """(person, post) for each post held in ``text``."""
    return {(s, o) for s, p, o in facts(text, **meta) if p == "holds"}


def post_in(text: str, **meta: str) -> set[tuple[str, str]]:
    """(post, body) for each post of ``text``."""
    return {(s, o) for s, p, o in facts(text, **meta) if p == "postIn"}


def held(text: str, **meta: str) -> set[tuple[str, str]]:
    """(body, meeting) for each meeting of ``text`` and who held it."""
    return {(s, o) for s, p, o in facts(text, **meta) if p == "held"}
