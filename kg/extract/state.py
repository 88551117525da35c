"""Per-article state (``_Article``): what the rules remember between sentences.

It holds the article's locale and publication date, the current meeting and its
holder, the people and documents seen so far, and turns matches into ``Fact``s
with ``Evidence`` (deduplicated, with the surface form the original used).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.extract.bodies import _PARTY_DEPTS, Body, _alt_form
from kg.extract.institutions import add_institution
from kg.extract.lexicon import _NUM, HAN, _mentions, lex
from kg.extract.places import (
    add_meta_locale,
    find_locale,
    with_home_city,
    with_named_city,
    with_province,
    with_zone_city,
)
from kg.extract.titles import Title
from kg.model import Article, Entity, Evidence, Extraction, Fact, Sentence
from kg.normalise import split_sentences


class _Article:
    """Per-article state: locale, current meeting, known people and documents."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.out = Extraction(article)
        self.locale = add_institution(
            with_province(with_zone_city(with_named_city(with_home_city(
                add_meta_locale(find_locale(article.text), article.meta),
                article.text, article.meta), article.text))),
            article.text, article.meta)
        self.pub = _publication_date(article)
        self.year = "" if self.pub else _year_of(article.text)
        self.people: dict[str, list[Title]] = {}
        self.docs: list[str] = []
        self.groups: dict[str, Body] = {}  # work groups named so far: 督导组 -> 山西省委第三督导组
        self.meeting: Entity | None = None
        self.meeting_holder: Body | None = None
        self.meetings: list[tuple[Entity, Body | None, bool]] = []  # (entity, holder, headline)
        self.seen: set[tuple] = set()
        self.sentence: Sentence | None = None
        self.fresh = False  # still in the paragraph (or its sequel) that introduced the meeting
        self.last_end = 0
        self.roles_end = -1  # end of the last sentence that gave people roles at a meeting
        self.last_date = ""  # date of the last dated meeting, for 同日/当天
        self.attending: dict[str, list[tuple[Entity, Evidence]]] = {}  # 出席 a meeting not yet held
        self.carry: list[Entity] = []  # people a list cut by ; left for the next sentence
        self.carry_end = 0
        self.relayed = ""  # a meeting the sentence before relayed (传达了…会议精神)
        self.listing = ""  # the role of a header over one line per person (出席会议的市领导)
        self._as_written: dict[tuple[int, int], bool] = {}  # sentence span -> as in the original

    def with_year(self, date: str) -> str:
        """A month and day (--05-20) in the year the article's meetings are numbered in,
        else in the year of the meeting it reported just before, a few days earlier
        (2024年3月20日 a 主席会议, 3月21日 the 常委会议 it prepared).

        >>> st = _Article(_toy("x"))
        >>> st.last_date = "2024-03-20"
        >>> st.with_year("--03-21"), st.with_year("--04-09"), st.with_year("--01-05")
        ('2024-03-21', '2024-04-09', '--01-05')
        """
        if not date.startswith("--"):
            return date
        if self.year:
            return f"{self.year}{date[1:]}"
        prior = self.last_date
        if _ISO_DAY.match(prior) and prior[5:] <= date[2:] \
                and int(date[2:4]) - int(prior[5:7]) <= 1:
            return f"{prior[:4]}{date[1:]}"
        return date

    # evidence and facts
    def evidence(self, sentence: Sentence, rule: str) -> Evidence:
        a = self.article
        start, end = a.original_span(sentence.start, sentence.end)
        return Evidence(a.id, a.original[start:end], start, end, rule)

    def surface(self, sentence: Sentence, start: int, end: int) -> str:
        if self.as_written(sentence):
            return sentence.text[start:end]
        offs = self.article.offsets
        base = sentence.start
        return "".join(self.article.original[offs[base + i]] for i in range(start, end))

    def as_written(self, sentence: Sentence) -> bool:
        """Whether the original has the sentence character for character and in one
        piece (no traditional script, nothing deleted inside): every surface form is
        then the text itself, which most sentences are, so it is not looked up."""
        span = (sentence.start, sentence.end)
        if span not in self._as_written:
            a, start, end = self.article, sentence.start, sentence.end
            first = a.offsets[start]
            self._as_written[span] = end <= start or (
                a.offsets[end - 1] - first == end - 1 - start
                and a.original[first:first + end - start] == sentence.text)
        return self._as_written[span]

    def fact(self, s: Entity, p: str, o: Entity | str, ev: Evidence) -> None:
        key = (s.kind, s.key, p, o if isinstance(o, str) else (o.kind, o.key))
        if key in self.seen:
            return
        self.seen.add(key)
        s = self.with_surface(s)
        o = o if isinstance(o, str) else self.with_surface(o)
        self.out.facts.append(Fact(s, p, o, ev))

    def with_surface(self, entity: Entity) -> Entity:
        """Give an entity the form the original used (traditional script) when it differs."""
        sentence = self.sentence
        if entity.surface or sentence is None or self.as_written(sentence):
            return entity
        i = sentence.text.find(entity.label)
        if i < 0:
            return entity
        form = self.surface(sentence, i, i + len(entity.label))
        return replace(entity, surface=form) if form != entity.label else entity

    def body_entity(self, body: Body, ev: Evidence, text: str = "") -> Entity:
        ent = Entity("Body", body.label,
                     surface=_outer_form(body, text) or body.written or _alt_form(body.label))
        chain = _lineage(body)
        for child, parent in zip(chain[1:], chain[:-1]):
            if ("Body", child, "subBodyOf", ("Body", parent)) not in self.seen:  # as fact() keys it
                self.fact(Entity("Body", child), "subBodyOf", Entity("Body", parent), ev)
        return ent


#: Heads of bodies that are not a government's departments (文明办 serves the 宣传部).
_NOT_GOVERNMENT = re.compile(
    r"(?:^委|人大常委会|人大|政协|纪委|监委|党委|党工委|工委|团委|常委会|文明办)$")
_DEPARTMENT = re.compile(rf"^[{HAN}]{{1,10}}(?:局|厅|委|办|办公室)$")


@lru_cache(maxsize=1 << 14)
def _lineage(body: Body) -> tuple[str, ...]:
    """The labels from the outermost body (a department's government) down to ``body``:
    each hangs from the one before.  Cached: the same bodies recur in every sentence."""
    return (*_government_of(body), *body.parents, body.label)


def _government_of(body: Body) -> list[str]:
    """The government a department hangs from: 泉州市教育局 -> ['泉州市人民政府'] ([] if none).

    >>> from kg.extract.bodies import parse_body
    >>> _government_of(parse_body("泉州市教育局")), _government_of(parse_body("泉州市委政法委"))
    (['泉州市人民政府'], [])
    """
    outer = body.parents[0] if body.parents else body.label
    if body.party or body.level not in tuple("省市区县州旗") or not outer.startswith(body.place):
        return []
    head = outer[len(body.place):]
    if not _DEPARTMENT.match(head) or _NOT_GOVERNMENT.search(head) or head in _PARTY_DEPTS:
        return []
    return [body.place + "人民政府"]


def _outer_form(body: Body, text: str) -> str:
    """The body as written with its enclosing place: 南宁市青秀区委 for 青秀区委 ('' if none).

    >>> from kg.extract.bodies import parse_body
    >>> _outer_form(parse_body("青秀区委"), "中共南宁市青秀区委召开常委会")
    '南宁市青秀区委'
    """
    i = text.find(body.label) if body.place and body.place in lex().place_level else -1
    for n in range(2, 9) if i > 0 else ():
        if text[max(0, i - n):i] in lex().place_level:
            return text[i - n:i] + body.label
    return ""


_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_DATE_LINE = re.compile(r"(\d{4})[-年/](\d{1,2})[-月/](\d{1,2})日?(?:\s*\d\d:\d\d)?")
_DATE_LINE_NOISE = re.compile(r"[\s|来源::]")


#: 发布时间:2024-05-22 09:30, 发布日期:2024年5月22日: a labelled date, anywhere in the page.
_LABELLED_DATE = re.compile(r"(?:发布|发文|更新)?(?:时间|日期)\s*[::]\s*"
                            r"(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})")
#: 2024年第六次集体学习, 县委常委会2024年第10次会议: a meeting numbered within its year.
#: 2024-01-18 10:21 来源:… 作者:…: a line opening with a date (after the site's name,
#: 江西省人民政府网 2022-12-20) and a time or the page's source is the page's stamp,
#: however long the rest.
_STAMP_LINE = re.compile(rf"\s*(?:[{HAN}A-Za-z0-9.]{{2,24}}\s+)?"
                         r"(\d{4})[-年/](\d{1,2})[-月/](\d{1,2})日?"
                         r"(?:\s*\d\d:\d\d|\s*(?=来源|作者|发布|编辑|浏览|字号))")
#: 2024年第六次集体学习, and a bulletin's or digest's issue (一周政务回顾(2009年第45期))
_NUMBERED_IN_YEAR = re.compile(rf"(\d{{4}})年第[{_NUM}\d]+[次期]")
#: A meeting convened under its year's name: 召开2024年警示教育大会 (not 2023年度…).
_CONVENED_YEAR = re.compile(r"(?:召开|举行)了?(\d{4})年(?!度)[^,,。;]{0,20}?会")


def _publication_date(article: Article) -> str:
    """The article's date: meta['date'], a bare date line among its first lines, or a
    labelled one (发布时间:…) anywhere, as pages put it under the text too.

    >>> _publication_date(_toy("县委召开会议。\\n会议强调…。\\n发布时间:2024-05-22 09:30 浏览:12"))
    '2024-05-22'
    >>> _publication_date(_toy("标题\\n2024-01-18 10:21 来源:青海统战网 作者:宣传处\\n正文。"))
    '2024-01-18'
    >>> _publication_date(_toy("标题\\n江西省人民政府网 2022-12-20 来源:省政府办公厅\\n正文。"))
    '2022-12-20'

    (A date closing the text, (县供销社办公室 2008年7月16日), is the normaliser's ``date``.)
    """
    if _ISO_DAY.match(article.meta.get("date", "")):
        return article.meta["date"][:10]
    for s in article.sentences[:6]:
        m = _DATE_LINE.search(s.text)
        if m and len(_DATE_LINE_NOISE.sub("", s.text)) <= len(m.group()) + 12 \
                or _STAMP_LINE.match(s.text):
            m = m or _STAMP_LINE.match(s.text)
            return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = _LABELLED_DATE.search(article.text) if _mentions(article.text, "时间", "日期") else None
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else ""


def _year_of(text: str) -> str:
    """The year the article's meetings are numbered in (2024年第六次集体学习), when they
    all say the same one; a 2023年度 meeting may be held in 2024, so 年度 says nothing.

    >>> _year_of("开展2024年第六次集体学习"), _year_of("2023年第9次、2024年第1次会议")
    ('2024', '')
    >>> _year_of("一周政务回顾(2009年第45期)")
    '2009'
    >>> _year_of("4月25日,集团召开2024年警示教育大会"), _year_of("召开2023年度民主生活会")
    ('2024', '')
    """
    years = set(_NUMBERED_IN_YEAR.findall(text)) if "年第" in text else set()
    if _mentions(text, "召开", "举行"):
        years.update(_CONVENED_YEAR.findall(text))
    return years.pop() if len(years) == 1 else ""


def _toy(text: str) -> Article:
    """A one-off Article for doctests: no scrape noise, offsets are the identity."""
    return Article("toy", "-", text, text, list(range(len(text) + 1)), split_sentences(text), {})
