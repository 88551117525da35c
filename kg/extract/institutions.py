"""Institutions: the university, hospital or company whose own news an article is.

Such news names its publisher only in the masthead, source line or headline
(来源:西北农林科技大学新闻网) and then speaks of it as 学校, 我校, 公司, 医院 and
of its organs bare (党委, 纪委, 发展规划处).  ``add_institution`` notes the
institution in the article's ``Locale`` (level ``INSTITUTION``), the way the
masthead gives a bare 市委 its city; ``institution_prefix`` then tells ``parse_body``
which bare expressions are the institution's, and ``institution_head`` which bare
roles (校长, 董事长) head it.  The endings, self-words, head roles and organs are
data (``kg/data/institutions.txt``, ``institution_organs.txt``, ``institution_units.txt``).
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.lexicon import HAN, lex
from kg.extract.places import _STEM_BAD, Locale
from kg.lexicon import table, words
from kg.normalise import to_simplified

#: The Locale level under which the article's institution is kept.
INSTITUTION = "单位"
#: ... and the short name the article declared for it (以下简称…), if any.
SHORT_NAME = "简称"

#: What never ends or fills an institution's name: a newspaper's group (报业集团) is a
#: masthead, not the article's subject; a verb or role means a phrase, not a name.
_NOT_NAME = re.compile(r"日报|晚报|报社|报业|传媒|新闻|广播|电视|融媒|书记|到|赴|来|调研|考察|走访")
_CPC = re.compile(r"^(?:中国共产党|中共)")
#: A group sent to inspect the institution opens the headline (省委第二巡视组巡视兰州大学党委
#: 工作动员会): the news is the inspected one's.
_INSPECTS = re.compile(rf"^[{HAN}]{{2,12}}?(?:巡视|巡察|督导)组(?:巡视|巡察|督导|进驻|对|向)")


@cache
def _kinds() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Name ending -> (self-words, longest first; roles of the head)."""
    out = {}
    for ending, rest in table("institutions").items():
        selves, _, heads = rest.partition("\t")
        out[ending] = (tuple(sorted(selves.split(), key=lambda w: (-len(w), w))),
                       tuple(heads.split()))
    return out


@cache
def _name_at_start() -> re.Pattern[str]:
    endings = "|".join(sorted(_kinds(), key=lambda e: (-len(e), e)))
    branch = rf"[{HAN}]{{0,2}}(?:分院|分公司|附属)"  # 华西医院分院 is not 华西医院's news
    # a 监狱管理局 is the province's prison administration, not a prison
    return re.compile(rf"([{HAN}()]{{2,16}}?(?:{endings}))(?!\)|{branch}|(?<=监狱)管理)")


def _kind(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The self-words and head roles of an institution, by its longest ending."""
    for ending in sorted(_kinds(), key=lambda e: -len(e)):
        if name.endswith(ending):
            return _kinds()[ending]
    return (), ()


def institution_name(value: str) -> str:
    """The institution a masthead, source line or headline starts with ('' if none).

    >>> institution_name("西北农林科技大学新闻网"), institution_name("中共浙江省委党校")
    ('西北农林科技大学', '浙江省委党校')
    >>> institution_name("市委书记到西北大学调研"), institution_name("杭州日报报业集团")
    ('', '')
    >>> institution_name("省委第二巡视组巡视兰州大学党委工作动员会召开")
    '兰州大学'
    >>> institution_name("湖南省女子监狱召开会议"), institution_name("云南省监狱管理局召开会议")
    ('湖南省女子监狱', '云南省监狱管理局')
    """
    value = _CPC.sub("", to_simplified(value).strip())
    value = _INSPECTS.sub("", value, count=1)
    m = _name_at_start().match(value)
    if not m or _NOT_NAME.search(m.group(1)) or _STEM_BAD.search(m.group(1)) \
            or lex().roles.search(m.group(1)):
        return ""
    return m.group(1)


def speaks_of_itself(name: str, text: str) -> bool:
    """Whether ``text`` calls the institution by a word of its own (学校, 我校, 公司),
    outside its full name: a story that merely names a university does not.

    >>> speaks_of_itself("西北大学", "5月20日,学校召开党委常委会。")
    True
    >>> speaks_of_itself("西北大学", "市委书记到西北大学调研,听取西北大学工作汇报。")
    False
    >>> speaks_of_itself("市第一人民医院", "院党委书记张明主持会议。")
    True
    >>> speaks_of_itself("福建省水利厅", "厅党组书记林某主持会议。")
    True
    """
    selves, _ = _kind(name)
    rest = text.replace(name, "")
    return any((w in rest) if len(w) > 1 else any(w + o in rest for o in ("党委", "纪委", "党组"))
               for w in selves)


def add_institution(locale: Locale, text: str, meta: dict[str, str]) -> Locale:
    """Note the institution whose own news the article is: named at the start of its
    source, site host, byline or headline, and called by a self-word in the text.

    >>> add_institution(Locale(), "学校召开党委常委会。", {"source": "西北大学新闻网"}).by_level
    {'单位': '西北大学'}
    >>> add_institution(Locale(), "市委召开常委会。", {"title": "西北大学举行校庆"}).by_level
    {}
    """
    for key in ("source", "host", "author", "title"):
        name = institution_name(meta.get(key, ""))
        if name and speaks_of_itself(name, text):
            locale.by_level[INSTITUTION] = _with_place(name, locale)
            break
    else:
        declared = _DECLARED_SHORT.search(text, 0, 600) if "称" in text[:600] else None
        if declared and institution_name(declared.group(1)) == declared.group(1):
            locale.by_level[INSTITUTION] = declared.group(1)
            locale.by_level[SHORT_NAME] = declared.group(2)
    return locale


#: A name the article declares it will use for the institution it opens with:
#: 中国电子信息产业集团有限公司(以下简称中国电子), read in the lead only.
#: The words that declare a short name in brackets: (以下简称中国电子).
DECLARES = "(?:以下简称|以下称|下称|简称)"
_DECLARED_SHORT = re.compile(
    rf"([{HAN}]{{2,30}}\([{HAN}]{{2,4}}\)[{HAN}]{{2,12}}|[{HAN}]{{4,30}})"  # …投资(集团)有限公司
    rf"\({DECLARES}[“\"]?([{HAN}]{{2,8}})[”\"]?\)")


def _with_place(name: str, locale: Locale) -> str:
    """The name with its bare level made explicit (市人民医院 in a 郑州 story is
    郑州市人民医院), as a bare 市委 is; left as it is when the article names no such place.

    >>> _with_place("市第一人民医院", Locale({"市": "郑州市"})), _with_place("县委党校", Locale())
    ('郑州市第一人民医院', '县委党校')
    """
    level = name[0]
    place = locale.by_level.get(level, "") if level in "省市区县州旗" else ""
    return place + name[1:] if place.endswith(level) else name


@cache
def _bare_organ() -> re.Pattern[str]:
    organs = "|".join(words("institution_organs"))
    units = "|".join(words("institution_units"))
    return re.compile(rf"^(?:{organs}|[{HAN}]{{1,8}}?(?:{units})$)")


@cache
def organ_head() -> re.Pattern[str]:
    """An institution's own organ or department at the start of the rest of a body
    expression (工会, 发展规划处), which the general heads do not know."""
    organs = "|".join(words("institution_organs"))
    units = "|".join(words("institution_units"))
    return re.compile(rf"^(?:{organs}|[{HAN}]{{1,8}}?(?:{units}))")


def institution_prefix(expr: str, locale: Locale) -> tuple[str, int] | None:
    """(institution, characters of ``expr`` naming it) when ``expr`` is the article's
    institution's: its name, a self-word (学校, 校党委, 公司党委) or a bare organ
    (党委, 纪委, 发展规划处, 研究生院) that takes the institution as its place.

    >>> uni = Locale({INSTITUTION: "西北农林科技大学"})
    >>> institution_prefix("学校", uni), institution_prefix("校党委", uni)
    (('西北农林科技大学', 2), ('西北农林科技大学', 1))
    >>> institution_prefix("发展规划处", uni), institution_prefix("市委", uni)
    (('西北农林科技大学', 0), None)
    >>> institution_prefix("党委", Locale()) is None
    True
    >>> declared = add_institution(Locale(), "华夏能源集团有限公司(以下简称华夏能源)召开会议。", {})
    >>> institution_prefix("华夏能源党委", declared)
    ('华夏能源集团有限公司', 4)
    """
    short = locale.by_level.get(SHORT_NAME, "")
    if short and expr.startswith(short) \
            and not locale.by_level[INSTITUTION].startswith(expr[:len(short) + 1]):
        return locale.by_level[INSTITUTION], len(short)  # 中国电子党委 when so declared
    bare = _bare_organ().match(expr) is not None
    if not bare and not _could_be_self(expr):
        return None  # the locale is not looked at: the parse stays the same in every article
    name = locale.by_level.get(INSTITUTION, "")
    if not name:
        return None
    if expr.startswith(name):
        return name, len(name)
    selves, _ = _kind(name)
    for w in selves:
        if expr.startswith(w) and (len(w) > 1 or _bare_organ().match(expr[1:])):
            return name, len(w)
    return (name, 0) if bare else None


@cache
def _self_starts() -> tuple[str, ...]:
    return tuple({w[0] for selves, _ in _kinds().values() for w in selves})


def _could_be_self(expr: str) -> bool:
    """Cheap test before the locale is read: could ``expr`` start with a self-word or a name?"""
    return expr.startswith(_self_starts()) or _name_at_start().match(expr) is not None


def institution_self(word: str, locale: Locale) -> str:
    """The article's institution when ``word`` is what it calls itself ('' if not):
    驻厅纪检监察组 in a department's story is resident in that department.

    >>> institution_self("厅", Locale({INSTITUTION: "福建省财政厅"}))
    '福建省财政厅'
    >>> institution_self("厅", Locale())
    ''
    """
    name = locale.by_level.get(INSTITUTION, "")
    return name if name and word in _kind(name)[0] else ""


def institution_head(role: str, locale: Locale) -> str:
    """The institution a bare role heads in its own story ('' if none): a university's
    校长, a company's 董事长, a hospital's 院长.

    >>> institution_head("副校长", Locale({INSTITUTION: "复旦大学"}))
    '复旦大学'
    >>> institution_head("院长", Locale({INSTITUTION: "复旦大学"}))
    ''
    """
    name = locale.by_level.get(INSTITUTION, "")
    return name if name and role in _kind(name)[1] else ""
