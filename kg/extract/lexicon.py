"""The extractor's compiled lexicon and the character classes every rule shares.

``lex()`` turns the word lists of ``kg/data`` (read through ``kg.lexicon``) into
the patterns and sets the rules match with, once per process.  ``_mentions`` /
``_any_of`` are the cheap "does this sentence hold any of these words" test that
lets a rule skip its scan.  Nothing here knows about names, places or bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.lexicon import divisions, table, words

HAN = "\u4e00-\u9fff"
_PUNCT = ",,、。;;::!!??\n"
_GOV_ROLE = re.compile(r"^(?:常务副|副|代)?([省市区县州旗盟镇乡])长$")
#: An autonomous region's government is headed by a 主席 (自治区主席, 宁夏回族自治区副主席).
_REGION_ROLES = ("主席", "副主席", "常务副主席", "代主席")
_NUM = "0-9一二三四五六七八九十百零〇两"
_TERM = rf"第?[{_NUM}]+届(?:[{_NUM}]+次)?"
_LEVELS = "省市区县州旗镇乡"


def _mentions(text: str, *words: str) -> bool:
    """Whether ``text`` holds any of ``words``: a cheap test that spares a rule's scan."""
    return _any_of(words).search(text) is not None


@cache
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a set of words: a single scan, faster than one ``in`` per word."""
    return re.compile("|".join(map(re.escape, words)))


def _alt(items) -> str:
    return "|".join(re.escape(w) for w in sorted(set(items), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class _Lex:
    """Every compiled pattern, built once per process."""

    roles: re.Pattern[str]
    role_set: frozenset[str]
    surnames: frozenset[str]
    compound: frozenset[str]
    stop: frozenset[str]
    collective: frozenset[str]  # 班子, 会员: words for groups, inside no name
    dict_words: dict[str, tuple[int, str]]
    place_level: dict[str, str]  # full division name -> level character
    common: dict[str, str]  # 大理白族自治州 -> 大理州, the form labels use
    short_level: dict[str, str]  # short name (杭州) -> level character
    subject_meeting: re.Pattern[str]
    convened_at_end: re.Pattern[str]
    speech_at: re.Pattern[str]
    party: re.Pattern[str]
    party_label: dict[str, str]
    meeting: re.Pattern[str]
    verbs: re.Pattern[str]
    verb_pred: dict[str, str]
    discuss: re.Pattern[str]
    discuss_kind: dict[str, str]
    terms: dict[str, str]
    national: re.Pattern[str]  # a national body's name at the start (最高检, 生态环境部)
    national_label: dict[str, str]  # any of its names -> its label


def _national_bodies() -> dict[str, str]:
    """Every name of a national body (``kg/data/national_bodies.txt``) -> its label."""
    out = {}
    for line in words("national_bodies"):  # label, then its other names
        label, *others = line.split()
        out.update((name, label) for name in (label, *others))
    return out


def _jieba_words() -> dict[str, tuple[int, str]]:
    """jieba's dictionary (word -> (frequency, tag)) for telling names from words."""
    try:
        path = resources.files("jieba") / "dict.txt"
        out: dict[str, tuple[int, str]] = {}
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) == 3 and 2 <= len(parts[0]) <= 3:
                    out[parts[0]] = (int(parts[1]), parts[2])
        return out
    except (ModuleNotFoundError, OSError):
        return {}  # without jieba, names are told from words by the stop list alone


@cache
def lex() -> _Lex:
    roles = tuple(sorted({*words("roles"), *words("institution_roles"),
                          *words("official_grades")}, key=lambda e: (-len(e), e)))
    names = [n for n, *_ in divisions()] + [c for *_, c in divisions() if c]
    level = {n: ("省" if n.endswith(("自治区", "行政区")) else n[-1]) for n in names}
    shorts = {s: level[n] for n, _, s, _ in divisions() if s and len(s) >= 2}
    parties = table("parties")
    nouns = words("meeting_nouns")
    verbs = table("role_verbs")
    discuss = table("discuss_verbs")
    national = _national_bodies()
    return _Lex(
        roles=re.compile(_alt(roles)),
        role_set=frozenset(roles),
        surnames=frozenset(s for s in words("surnames") if len(s) == 1),
        compound=frozenset(s for s in words("surnames") if len(s) == 2),
        stop=frozenset(words("name_stopwords")),
        collective=frozenset(words("collective_words")),
        dict_words=_jieba_words(),
        place_level=level,
        common={n: c for n, _, _, c in divisions() if c},
        short_level=shorts,
        subject_meeting=re.compile(  # 集体学习(扩大)会: the note may stand inside the noun
            rf"((?:[{HAN}0-9()“”]){{2,50}}?(?:{_alt(nouns)}|学习\(扩大\)会)(?:\(扩大\))?)$"),
        # a headline of a meeting held, perhaps where or when (会议在昆明召开, 会议于3日举行)
        convened_at_end=re.compile(
            rf"(?:{_alt(nouns)})(?:\(扩大\))?(?:[在于][^,,。;]{{1,12}})?(?:召开|举行)\s*$"),
        speech_at=re.compile(
            rf"(?:{_alt(roles)})?(?:同志)?在((?:[{HAN}0-9()“”]){{2,50}}?(?:{_alt(nouns)})"
            rf"(?:闭幕会|开幕会|开幕式|闭幕式)?)(?:上|时)(?:[^,,。;]{{0,30}}?)的(?:重要)?讲话"),
        party=re.compile(_alt(parties)),
        party_label=parties,
        meeting=re.compile(
            rf"((?:[{HAN}0-9()“”\"、]|\((?:扩大)\)){{0,40}}?(?:{_alt(nouns)}))"
            rf"议?(?:\(扩大\))?(?:(?:\d{{4}}年度?)?(?:第[{_NUM}]+次)?(?:全体|主任|主席)?会议)?"
            r"(?![室厅中精])"),
        verbs=re.compile(_alt(verbs)),
        verb_pred=verbs,
        discuss=re.compile(_alt(discuss)),
        discuss_kind=discuss,
        terms=table("body_terms"),
        national=re.compile(_alt(national)),
        national_label=national,
    )


#: Field units of the state (消防支队, 派出所, 博物馆): bodies, and never the end of a name.
_UNITS = tuple(sorted(words("unit_words"), key=lambda w: (-len(w), w)))
