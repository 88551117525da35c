"""Score a graph against hand-annotated gold facts (the rules of GOLD.md).

A graph node stands for a gold entity when one of its labels, put in canonical
form, equals the gold label or an alias (meetings may also match by a list of
substrings).  Facts are then compared as (gold id, predicate, gold id) triples.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import SKOS

from kg.normalise import to_simplified

SCORED = ("holds", "postIn", "held", "discussed", "presided", "attended", "spokeAt", "date")
CORE = ("holds", "held", "discussed")
EXPECTED = {"holds": ("Official", "Post"), "postIn": ("Post", "Body"),
            "held": ("Body", "Meeting"), "discussed": ("Meeting", "Document"),
            "presided": ("Official", "Meeting"), "attended": ("Official", "Meeting"),
            "spokeAt": ("Official", "Meeting"), "date": ("Meeting", "")}
CLASS_NAMES = {"Official": "Official", "Person": "Official", "Post": "Post", "Body": "Body",
               "Organization": "Body", "Meeting": "Meeting", "Event": "Meeting",
               "Document": "Document"}
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def canonical(label: str) -> str:
    """The comparison form of a label.

    >>> canonical("中共杭州市委統一戰線工作部")
    '杭州市委统战部'
    >>> canonical("《統(tǒng)戰(zhàn)部長》")
    '统战部部长'
    """
    s = _PINYIN.sub("", unicodedata.normalize("NFKC", label))
    s = re.sub(r"\s+", "", to_simplified(s)).strip("《》<>〈〉“”\"'「」")
    s = re.sub(r"[—–－‐-]+", "-", s)
    s = re.sub(r"^(中国共产党|中共)", "", s)
    s = s.replace("统一战线工作部", "统战部").replace("委员会", "委")
    return re.sub(r"(?<![副部])部长$", "部部长", s)


def _local(term: object) -> str:
    return re.split(r"[#/]", str(term))[-1]


def _month_day(value: str) -> tuple[str | None, str | None]:
    m = re.search(r"(\d{4})?-?-?(\d{2})-(\d{2})", value)
    return (m.group(1), f"{m.group(2)}-{m.group(3)}") if m else (None, None)


class Gold:
    """A gold file: entities with their labels, required and optional facts."""

    def __init__(self, data: dict) -> None:
        self.entities: dict[str, dict] = data["entities"]
        self.by_label: dict[str, dict[str, str]] = defaultdict(dict)
        self.meeting_patterns: list[tuple[str, list[str]]] = []
        for gid, ent in self.entities.items():
            for name in [ent["label"], *ent.get("aliases", [])]:
                self.by_label[ent["type"]][canonical(name)] = gid
            for pattern in ent.get("match", []):
                self.meeting_patterns.append((gid, [canonical(x) for x in pattern]))
        self.required = {self._norm(f) for f in data["facts"]}
        self.optional = {self._norm(f) for f in data.get("optional", [])}

    @staticmethod
    def _norm(fact: list) -> tuple:
        s, p, o = fact
        return (s, p, _month_day(o)) if p == "date" else (s, p, o)

    def identify(self, kind: str, labels: list[str]) -> str | None:
        """The gold id a node with these labels stands for, if any."""
        forms = [canonical(x) for x in labels]
        for form in forms:
            if form in self.by_label.get(kind, {}):
                return self.by_label[kind][form]
        if kind != "Meeting":
            return None
        best, best_size = None, 0
        for gid, pattern in self.meeting_patterns:
            size = sum(len(x) for x in pattern)
            if pattern and size > best_size and any(all(x in f for x in pattern) for f in forms):
                best, best_size = gid, size
        return best


def _date_matches(system: tuple, gold: tuple) -> bool:
    (sy, smd), (gy, gmd) = system[2], gold[2]
    return system[0] == gold[0] and smd == gmd and (gy is None or gy == sy)


def _in(fact: tuple, pool: set[tuple]) -> bool:
    if fact[1] != "date":
        return fact in pool
    return any(g[1] == "date" and _date_matches(fact, g) for g in pool)


@dataclass
class Score:
    """Per-predicate rows, entity rows, splits and the errors behind them."""

    facts: dict[str, dict[str, float]] = field(default_factory=dict)
    entities: dict[str, dict[str, float]] = field(default_factory=dict)
    duplicates: dict[str, int] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def table(self) -> str:
        """The score as a text table, in the layout of the shared scorer."""
        lines = [f"{'predicate':10} {'system':>6} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}"]
        for name, r in self.facts.items():
            lines.append(f"{name:10} {r['system']:6} {r['gold']:5} {r['precision']:6.3f} "
                         f"{r['recall']:6.3f} {r['f1']:6.3f}")
        for kind, r in self.entities.items():
            lines.append(f"entities {kind}: system {r['system']} gold {r['gold']} "
                         f"P {r['precision']:.3f} R {r['recall']:.3f}")
        if self.duplicates:
            lines.append(f"gold entities split over several nodes: {self.duplicates}")
        return "\n".join(lines)


def score_graph(graph: rdflib.Graph, gold: Gold) -> Score:
    """Compare ``graph`` with ``gold``."""
    labels: dict[object, list[str]] = defaultdict(list)
    for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
        for node, label in graph.subject_objects(prop):
            labels[node].append(str(label))
    ident: dict[tuple[object, str], str] = {}
    nodes_of: dict[str, set[object]] = defaultdict(set)

    def key(node: object, kind: str) -> str:
        if (node, kind) not in ident:
            names = labels.get(node) or [_local(node)]
            gid = gold.identify(kind, names)
            if gid:
                nodes_of[gid].add(node)
            ident[(node, kind)] = gid or f"?{kind}:{canonical(names[0])}"
        return ident[(node, kind)]

    system: set[tuple] = set()
    for s, p, o in graph:
        pred = _local(p)
        if pred not in SCORED:
            continue
        skind, okind = EXPECTED[pred]
        if pred == "date":
            if isinstance(o, Literal):
                system.add((key(s, skind), "date", _month_day(str(o))))
        else:
            system.add((key(s, skind), pred, key(o, okind)))
    typed: dict[str, set[str]] = defaultdict(set)
    for node, cls in graph.subject_objects(RDF.type):
        kind = CLASS_NAMES.get(_local(cls))
        if kind:
            typed[kind].add(key(node, kind))

    result = Score()
    accepted = gold.required | gold.optional
    for name in (*SCORED, "all", "core"):
        preds = SCORED if name == "all" else CORE if name == "core" else (name,)
        mine = {f for f in system if f[1] in preds}
        theirs = {f for f in gold.required if f[1] in preds}
        right = sum(_in(f, accepted) for f in mine)
        found = sum(_in(f, system) if f[1] != "date" else
                    any(x[1] == "date" and _date_matches(x, f) for x in system) for f in theirs)
        p = right / len(mine) if mine else (0.0 if theirs else 1.0)
        r = found / len(theirs) if theirs else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        result.facts[name] = {"system": len(mine), "gold": len(theirs), "precision": round(p, 3),
                              "recall": round(r, 3), "f1": round(f1, 3)}
    for kind in ("Official", "Document"):
        ids = {g for g, e in gold.entities.items() if e["type"] == kind}
        needed = {x for f in gold.required for x in (f[0], f[2]) if x in ids}
        mine = typed.get(kind, set())
        p = len(mine & ids) / len(mine) if mine else 0.0
        r = len(needed & mine) / len(needed) if needed else 1.0
        result.entities[kind] = {"system": len(mine), "gold": len(needed),
                                 "precision": round(p, 3), "recall": round(r, 3)}
    result.duplicates = {g: len(n) for g, n in nodes_of.items() if len(n) > 1}
    result.missed = sorted(str(f) for f in gold.required
                           if not (_in(f, system) if f[1] != "date" else
                                   any(x[1] == "date" and _date_matches(x, f) for x in system)))
    result.spurious = sorted(str(f) for f in system if not _in(f, accepted))
    return result


def load_gold(path: Path) -> Gold:
    """Read a gold file; a malformed one raises ValueError naming the file."""
    try:
        return Gold(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a gold file ({exc})") from exc
