"""``extract``: one normalised article in, its facts out.

It re-joins sentences a line break cut, marks the headline zone, runs the rules
of ``kg.extract.rules`` over each sentence, then merges a headline's meeting into
the body's and unifies meeting nodes that name the same meeting.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.bodies import Body
from kg.extract.lexicon import lex
from kg.extract.meetings import session_key
from kg.extract.rules import _extract_sentence
from kg.extract.state import _Article
from kg.model import Article, Entity, Extraction, Fact, Sentence

_ENDS_CONVENING = re.compile(r"(?:召开|举行)了?\s*$")


def _sentences(article: Article) -> list[Sentence]:
    """The normaliser's sentences, re-joined where a line break cut 召开了 from its object."""
    out: list[Sentence] = []
    for s in article.sentences:
        if out and _ENDS_CONVENING.search(out[-1].text) \
                and not lex().convened_at_end.search(out[-1].text):
            prev = out.pop()
            s = Sentence(article.text[prev.start:s.end], prev.start, s.end)
        out.append(s)
    return out


def _headline_zone(sentences: list[Sentence]) -> int:
    """Index of the first sentence of the body text (before it: headline, kicker lines)."""
    for i, s in enumerate(sentences):
        if s.text.rstrip().endswith(("。", "!", "?", ";")) or len(s.text) > 60:
            return i
    return 0


def extract(article: Article) -> Extraction:
    """Run every rule over every sentence of ``article``."""
    st = _Article(article)
    sentences = _sentences(article)
    body_from = _headline_zone(sentences)
    for idx, sentence in enumerate(sentences):
        _extract_sentence(st, sentence, headline=idx < body_from)
    _merge_headline_meetings(st)
    _unify_meetings(st)
    return st.out


def _merge_headline_meetings(st: _Article) -> None:
    """A headline restating the article's meeting is the same meeting node.

    The body's name wins, unless the body only says 会议 (区委书记X主持召开会议 under
    the headline 区委常委会召开第12次会议): then the meeting takes the headline's name.
    """
    body = [(e, h) for e, h, head in st.meetings if not head]
    if not body:
        return
    mapping: dict[str, Entity] = {}
    for ent, holder, head in st.meetings:
        if not head:
            continue
        target = _closest(ent, holder, body)
        if target is None or target.key == ent.key:
            continue
        if _unnamed(target, body) and target.key not in mapping \
                and ent.label.startswith(target.label[:-2]) and len(ent.label) > len(target.label):
            named = replace(target, label=ent.label, surface=ent.surface,
                            key=f"{session_key(ent.label)}|{target.key.rpartition('|')[2]}")
            mapping[target.key] = mapping[ent.key] = named
        else:
            mapping[ent.key] = replace(target, surface=ent.label)  # the headline's name stays
    if not mapping:
        return
    facts = []
    seen = set()
    headline = {ent.key for ent, _, head in st.meetings if head} & mapping.keys()
    held_in_body: dict[str, set[str]] = {}  # meeting -> who the body text says held it
    for f in st.out.facts:
        if f.predicate == "held" and f.object.key not in headline:
            held_in_body.setdefault(mapping.get(f.object.key, f.object).key, set()).add(
                f.subject.key)
    for f in st.out.facts:
        s = mapping.get(f.subject.key, f.subject) if f.subject.kind == "Meeting" else f.subject
        o = f.object
        if isinstance(o, Entity) and o.kind == "Meeting":
            if f.predicate == "held" and o.key in headline \
                    and s.key not in held_in_body.get(mapping[o.key].key, {s.key}):
                continue  # the body text names the convener better than a headline (乡党委)
            o = mapping.get(o.key, o)
        if s.kind == "Meeting" and f.predicate == "date" and f.subject.key in headline:
            continue
        # the same fact with the headline's name of the meeting is kept: it gives the label
        k = (s.key, f.predicate, o if isinstance(o, str) else o.key,
             s.surface if s.kind == "Meeting" else "",
             o.surface if isinstance(o, Entity) and o.kind == "Meeting" else "")
        if k not in seen:
            seen.add(k)
            facts.append(f if s is f.subject and o is f.object
                         else Fact(s, f.predicate, o, f.evidence))
    st.out.facts = facts


def _unify_meetings(st: _Article) -> None:
    """One meeting, one node: within an article, a mention without a date (key ends in
    the article) is the dated meeting of the same name, when there is exactly one (a
    session's formal and short names are one name: ``session_key``).

    7月3日,县委召开常委会会议 … 县委书记王立主持召开县委常委会会议 is one meeting,
    not one per mention.
    """
    dated: dict[str, set[str]] = {}
    for f in st.out.facts:
        if f.predicate == "date" and f.subject.kind == "Meeting":
            dated.setdefault(session_key(f.subject.label), set()).add(f.subject.key)
    target = {label: keys.pop() for label, keys in dated.items() if len(keys) == 1}
    if not target:
        return  # nothing to re-key, and the facts are unique already

    def same(e: Entity | str) -> Entity | str:
        if isinstance(e, Entity) and e.kind == "Meeting":
            key = target.get(session_key(e.label))
            if key is not None and e.key != key:
                return replace(e, key=key)
        return e

    facts, seen = [], set()
    for f in st.out.facts:
        s, o = same(f.subject), same(f.object)
        k = (s.kind, s.key, f.predicate, o if isinstance(o, str) else (o.kind, o.key))
        if k not in seen:
            seen.add(k)
            facts.append(f if s is f.subject and o is f.object
                         else Fact(s, f.predicate, o, f.evidence))
    st.out.facts = facts


def _unnamed(meeting: Entity, body: list[tuple[Entity, Body | None]]) -> bool:
    """Whether the body text named ``meeting`` only by its holder (X召开会议: 区委会议); the
    headline's name then wins if it is that and more (区委常委会2016年第12次会议)."""
    return any(e is meeting and h is not None and meeting.label == f"{h.label}会议"
               for e, h in body)


def _closest(ent: Entity, holder: Body | None,
             body: list[tuple[Entity, Body | None]]) -> Entity | None:
    def overlap(a: str, b: str) -> float:
        sa, sb = set(a), set(b)
        return len(sa & sb) / max(1, min(len(sa), len(sb)))
    best, score = None, 0.0
    for e, h in body:
        s = overlap(ent.label, e.label) + (0.5 if holder and h and
                                           (holder.label.startswith(h.label) or
                                            h.label.startswith(holder.label)) else 0)
        if s > score:
            best, score = e, s
    return best if score >= 0.8 else None
