"""Bodies: parsing an expression (宁波市委统战部, 区政府办公室) into a ``Body``.

``parse_body`` resolves bare places against the article's locale and the places
named nearby, splits a body into its chain of parents (宁波市委 > 宁波市委统战部),
and gives the label the contract asks for (short party names, league and CPPCC
forms, autonomous prefectures).  Parsed bodies are memoised in ``_BODY_CACHE``.
"""

from __future__ import annotations

import re
from collections.abc import ItemsView, Iterator, KeysView, ValuesView
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from kg.extract.institutions import (
    INSTITUTION,
    SHORT_NAME,
    institution_prefix,
    institution_self,
    organ_head,
)
from kg.extract.lexicon import _LEVELS, _TERM, _UNITS, HAN, _alt, lex
from kg.extract.places import (
    _LONG_ZONES,
    _STEM_BAD,
    _VILLAGE_HEADS,
    _VILLAGE_START,
    _ZONE,
    _ZONE_BARE,
    Locale,
    _short_prefix,
    _town_match,
    place_prefix,
    plausible_town,
    plausible_village,
    town_level,
)
from kg.lexicon import divisions, table, words


@dataclass(frozen=True)
class Body:
    """A parsed body: label (qualified short form), its parents, place and head."""

    label: str
    parents: tuple[str, ...]  # outermost first, e.g. ('杭州市委',) for 杭州市委统战部
    place: str  # qualified place label ('' when none)
    level: str  # 省/市/区/县/镇/... of the place, '' if none
    party: str  # 民主党派 prefix, '' if none
    anchored: bool  # starts with a place, a party or a well-known head
    #: the formal name as written (黔南布依族苗族自治州第十三届人民代表大会常务委员会), kept as
    #: an alternative label of the short one; '' when the text used the short form
    written: str = field(default="", compare=False)

    @property
    def head(self) -> str:
        return self.label[len(self.parents[-1]):] if self.parents else self.label


_KNOWN_HEADS = ("办事处", "办公室", "办公厅", "党校", "管委会", "人大常委会", "人大", "政协",
                "人民政府", "政府", "党工委", "党委", "党组", "纪委监委", "纪委", "监委",
                "常委会", "高级人民法院", "中级人民法院", "人民法院", "法院", "检察院",
                "工商联", "总商会", "总工会", "主席团", "妇联", "团委", "统战部", "组织部",
                "宣传部", "行署",
                "政法委", "编办", "中央", "中心组",
                "国务院", "全国人大常委会", "全国政协", "党总支", "党支部", "村委会", "居委会",
                "军分区", "警备区", "军区",  # the armed forces' local organs (晋中军分区)
                "公证处")  # a notary office, named by its place (市公证处)
#: Heads from the lexicons: mass organisations (科协, 红十字会) and party organs (网信办).
_LEXICON_HEADS = tuple(sorted({*table("body_roles"), *words("party_organs"),
                               *table("inner_committees")}, key=lambda h: (-len(h), h)))
_KNOWN_HEADS = _LEXICON_HEADS + _KNOWN_HEADS
#: Party organs whose committee the text may leave out: 县政法委 is the 县委政法委.
_ORGANS = frozenset(words("party_organs"))
#: The Communist Youth League prefixes its committees like a 民主党派 (共青团杭州市委),
#: but they have a 书记, not a 主委.
_LEAGUE = "共青团"
_NATIONAL = ("国务院", "全国人大常委会", "全国政协")
_PARTY_DEPTS = (*words("party_organs"), "外办", "党校", "直属机关工委", "办公室", "办公厅")


#: Groups sent out to supervise (督导组, 巡察组): a body, its 组长 a post.
_WORK_GROUPS = tuple(sorted(words("work_groups"), key=lambda w: (-len(w), w)))
_WORK_GROUP_END = re.compile(rf"(?:{'|'.join(_WORK_GROUPS)})$")
_GENERIC = re.compile(
    rf"[{HAN}()]{{1,12}}?(?:{'|'.join(_UNITS)}|{'|'.join(_WORK_GROUPS)}|专门委员会|委员会|领导小组|工委|管委会|办公室|办公厅|分局|公司|集团|"
    rf"爱国会|两会(?<=基督教两会)|协会|联合会|联谊会|联会|促进会|研究会|基金会|商会|学会|大学|学院|医院|党校|"
    rf"部|厅|局|委|办|署|司|馆|站|所|中心组|中心|专班|小组)")


#: A discipline inspection team resident in a department, named with or without its
#: sender: (省纪委监委)驻省财政厅纪检监察组.
_RESIDENT = re.compile(
    r"^(?:([^驻]{1,12}?(?:纪委监委|纪委国家监委|纪委)))?驻(.{1,20}?)(纪检监察组|纪检组)$")
#: The centre's teams are known by their sender too: 中央纪委国家监委驻水利部纪检监察组.
_CENTRAL_SENDER = re.compile(r"^中央纪委(?:国家监委)?$")
#: A bare 区 department with no district in sight is a development zone's in its story
#: (区招商局, 区经济发展局), but never an organ a zone does not have (区委, 区人大).
_ZONE_DEPARTMENT = re.compile(
    r"^区(?!委|政府|人民政府|人大|政协|纪委|监委|法院|人民法院|检察院|人民检察院)"
    r"[\u4e00-\u9fff]{1,10}(?:局|办|中心)$")
#: A bare 自治州/自治县 stands for the article's prefecture or county, like 州/县.
_AUTONOMOUS = {"自治州": "州", "自治县": "县"}
_TERM_START = re.compile(rf"^{_TERM}")
_TERM_END = re.compile(rf"{_TERM}$")
_CPC_PREFIX = re.compile(r"^(?:中国共产党|中共)(?!中央)|\((?:总商会|扩大)\)")
_CPPCC_LONG = re.compile(rf"^政协(.+?[{_LEVELS}])(?:{_TERM})?委员?会?$")
#: Its standing committee in the long form: 政协黄山市第七届委员会常务委员会.
_CPPCC_STANDING = re.compile(rf"^政协(.+?[{_LEVELS}])(?:{_TERM})?委员会常务委员会")
#: A special committee inside the long form: 政协漳州市委员会提案委员会 (not its 常委会).
_CPPCC_LONG_TAIL = re.compile(rf"^政协(.+?[{_LEVELS}])(?:{_TERM})?委员会(?!常务|常委)(.{{2,}})$")


@cache
def _terms_re() -> re.Pattern[str]:
    return re.compile(_alt(lex().terms))


#: 中共南京西路街道工作委员会, 中共西安高新技术产业开发区工作委员会: the party's working
#: committee of a 街道 or a zone is its 党工委 (a bare 工委 would read as the place's own).
_CPC_WORK_COMMITTEE = re.compile(
    rf"^(?:中国共产党|中共)(.{{2,30}}?(?:街道|开发区|高新区|经开区|新区|园区))(?:{_TERM})?工作委员会")


def _normalise_body_text(expr: str) -> str:
    """The body's text in the forms labels use: no 中共, short terms, CPPCC and league forms.

    >>> _normalise_body_text("中共上海市静安区南京西路街道工作委员会")
    '上海市静安区南京西路街道党工委'
    >>> _normalise_body_text("政协黄山市第七届委员会常务委员会")
    '黄山市政协常委会'
    """
    expr = _CPC_WORK_COMMITTEE.sub(r"\1党工委", expr)
    expr = _league_text(_CPC_PREFIX.sub("", expr))
    m = _CPPCC_STANDING.match(expr)
    if m:
        expr = m.group(1) + "政协常委会" + expr[m.end():]
    expr = _terms_re().sub(lambda m: lex().terms[m.group()], expr)
    m = _CPPCC_LONG.match(expr)
    if m:
        expr = m.group(1) + "政协"
    m = _CPPCC_LONG_TAIL.match(expr)
    if m:
        expr = m.group(1) + "政协" + m.group(2)
    return expr


_LEAGUE_SHORT = re.compile(rf"^([{HAN}]{{2,4}}?)团([省市区县州旗])委")


def _league_text(expr: str) -> str:
    """团市委, 成都团市委 and 团成都市委 are all written 共青团成都市委.

    >>> _league_text("团市委"), _league_text("成都团市委"), _league_text("团结奋进")
    ('共青团市委', '共青团成都市委', '团结奋进')
    """
    if expr.startswith("团"):
        rest = expr[1:]
        place = place_prefix(rest) or rest[:1]
        if (place in lex().place_level or place in _LEVELS) and rest[len(place):].startswith("委"):
            return _LEAGUE + rest
        return expr
    m = _LEAGUE_SHORT.match(expr)
    if m and m.group(1) + m.group(2) in lex().place_level:
        return f"{_LEAGUE}{m.group(1)}{m.group(2)}委{expr[m.end():]}"
    if m and m.group(2) == "区" and m.group(1) in _autonomous_regions():
        return f"{_LEAGUE}{_autonomous_regions()[m.group(1)]}委{expr[m.end():]}"  # 广西团区委
    return expr


@cache
def _autonomous_regions() -> dict[str, str]:
    """Short name -> autonomous region: 广西 -> 广西壮族自治区."""
    return {short: name for name, level, short, _ in divisions()
            if level == "province" and name.endswith("自治区")}


@cache
def _full_to_short() -> dict[str, str]:
    return {n: s for n, _, s, _ in divisions() if s}


@lru_cache(maxsize=1 << 14)
def _alt_form(label: str) -> str:
    """The other everyday form of a body or post label ('' if none).

    >>> _alt_form("共青团杭州市委书记"), _alt_form("白沙村村委会主任"), _alt_form("宁波市委")
    ('杭州团市委书记', '白沙村委会主任', '')
    >>> _alt_form("涉县县委书记")
    '涉县委书记'
    """
    if "村村委会" in label:
        return label.replace("村村委会", "村委会", 1)
    if _one_char_county(label[:2]) and label.startswith("县委", 2):
        return label[:2] + label[3:]  # 涉县县委书记 is also written 涉县委书记
    if "人大常委会" in label and "工委" in label:
        return _long_work_committee(label)
    return league_form(label)


@cache
def _work_committee_longs() -> dict[str, str]:
    """The long form of each working committee's short form in ``body_terms.txt`` (the
    first written: 预算工委 -> 预算工作委员会, 法工委 -> 法制工作委员会)."""
    longs: dict[str, str] = {}
    for long, short in table("body_terms").items():
        if long.endswith("工作委员会") and short.endswith("工委") and len(short) > 2:
            longs.setdefault(short, long)
    return longs


_WORK_COMMITTEE = re.compile(rf"(?<=人大常委会)([{HAN}]{{1,10}}?)工委")


def _long_work_committee(label: str) -> str:
    """A working committee's label written long: the form many pages and annotators use
    (a name the lexicon lacks was shortened from …工作委员会 itself).

    >>> _long_work_committee("青海省人大常委会预算工委主任")
    '青海省人大常委会预算工作委员会主任'
    >>> _long_work_committee("江北区人大常委会人事代表选举工委")
    '江北区人大常委会人事代表选举工作委员会'
    >>> _long_work_committee("青海省人大常委会主任")
    ''
    """
    m = _WORK_COMMITTEE.search(label)
    if not m:
        return ""
    long = _work_committee_longs().get(m.group()) or m.group(1) + "工作委员会"
    return label[:m.start()] + long + label[m.end():]


_LEAGUE_LABEL = re.compile(rf"^{_LEAGUE}([{HAN}]*?)([省市区县州旗])委(?!员)(.*)$")


def league_form(label: str) -> str:
    """The everyday form of a 共青团 label: 共青团成都市委书记 -> 成都团市委书记 ('' if none).

    >>> league_form("共青团成都市委书记"), league_form("共青团市委"), league_form("成都市委")
    ('成都团市委书记', '团市委', '')
    """
    m = _LEAGUE_LABEL.match(label) if label.startswith(_LEAGUE) else None
    if not m:
        return ""
    short = _full_to_short().get(m.group(1) + m.group(2), m.group(1))
    return f"{short}团{m.group(2)}委{m.group(3)}"


def parse_body(expr: str, locale: Locale | None = None,
               near: dict[str, str] | None = None) -> Body | None:
    """Parse a body expression into its label and parents, qualifying bare places.

    >>> parse_body("杭州市委统一战线工作部").label
    '杭州市委统战部'
    >>> parse_body("杭州市委统战部").parents
    ('杭州市委',)
    >>> b = parse_body("省人大常委会预算工委", Locale({"省": "福建省"}))
    >>> b.label, b.parents
    ('福建省人大常委会预算工委', ('福建省人大常委会',))
    >>> parse_body("九三学社四川省委员会").label
    '九三学社四川省委'
    >>> parse_body("中共临河区第十四届委员会").label
    '临河区委'
    >>> parse_body("区政府").label
    '区人民政府'
    >>> parse_body("高度重视") is None
    True
    """
    free = (expr, (locale or Locale()).by_level.get(INSTITUTION, ""),
            (locale or Locale()).by_level.get(SHORT_NAME, ""))
    if free in _PLACE_FREE:
        return _PLACE_FREE[free]
    key = (expr, tuple(sorted((locale or Locale()).by_level.items())),
           tuple(sorted((near or {}).items())))
    if key not in _BODY_CACHE:
        for cache in (_BODY_CACHE, _PLACE_FREE):
            if len(cache) > 100_000:
                cache.clear()
        places, nearby = _Watched((locale or Locale()).by_level), _Watched(near or {})
        body = _parse_body(expr, Locale(places), nearby)
        if body is not None and body.label != expr and formal_form(expr):
            body = replace(body, written=expr)
        if not (places.read or nearby.read):
            _PLACE_FREE[free] = body  # the same in every article (of its institution)
        _BODY_CACHE[key] = body
    return _BODY_CACHE[key]


class _Watched(dict[str, str]):
    """A mapping that notes whether it was read: a body parsed without looking at the
    article's places (杭州市委统战部, 理论学习 -> None) is the same in every article.
    Its institution and the short name declared for it alone are part of the place-free
    key (a bare 党委 is the same in every article without one), so reading them does
    not count."""

    read = False

    def __getitem__(self, key: str) -> str:
        self.read = True
        return super().__getitem__(key)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        self.read = self.read or key not in (INSTITUTION, SHORT_NAME)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self.read = True
        return super().__contains__(key)

    def __len__(self) -> int:  # also asked by bool(): an empty map is read too
        self.read = True
        return super().__len__()

    def __iter__(self) -> Iterator[str]:
        self.read = True
        return super().__iter__()

    def keys(self) -> KeysView[str]:
        self.read = True
        return super().keys()

    def values(self) -> ValuesView[str]:
        self.read = True
        return super().values()

    def items(self) -> ItemsView[str, str]:
        self.read = True
        return super().items()


def formal_form(expr: str) -> bool:
    """Whether ``expr`` is a body's formal name (term number, full autonomous place or
    party name, long terms) that labels write short: such a form becomes an altLabel.

    >>> formal_form("中国共产党张家界市第十三届委员会"), formal_form("民进张家界市第九届委员会")
    (True, True)
    >>> formal_form("黔南布依族苗族自治州人民政府"), formal_form("市人民代表大会常务委员会")
    (True, False)
    >>> formal_form("中共张家界市委")
    False
    """
    lx = lex()
    core = re.sub(r"^(?:中国共产党|中共|政协|共青团)", "", expr)
    party = lx.party.match(core)
    if party:
        core = core[party.end():]
    place = place_prefix(core)
    if not place:
        return False
    return bool(re.search(_TERM, core) or place in lx.common or _terms_re().search(core)
                or expr.startswith("中国共产党")
                or (party and len(party.group()) > len(lx.party_label[party.group()])))


_BODY_CACHE: dict[tuple, Body | None] = {}
#: Bodies whose parse read no place of the article, by their text and institution.
_PLACE_FREE: dict[tuple[str, str], Body | None] = {}


_CENTRE = re.compile(r"^(?:中共中央|党中央)")
#: The Central Committee's own organs written without 中共 (中央组织部, 中央政治局); not
#: the bodies the Party Congress or the state elects beside it (中央纪委, 中央军委).
_CENTRE_ORGAN = re.compile(r"^中央(?!纪委|纪律|军委|军事|和国家|人民|电视|广播|国家|企业|$)")
_PARTY_ABBREV = re.compile(rf"^([{''.join(table('party_abbrev'))}])(?=[省市区县]委|中央)")
_MENG_HEAD = re.compile("^盟(?:委|行政公署|行署)")
#: A party's central committee, 中央委员会, is its 中央 (民进中央); its 常务委员会 the 常委会.
_PARTY_CENTRAL = re.compile(r"^中央委员?会(?=常务委员会|常委会|$|[^员])")
_PARTY_STANDING = re.compile(r"(委员会|中央)常务委员会")
_VILLAGE_COMMITTEE = re.compile("^委会")


def _sender(sender: str, locale: Locale, near: dict[str, str] | None) -> str:
    """A place's commission a resident team is named with, placed (市纪委监委 -> 长沙市纪委
    监委): the team's label goes without it (驻长沙市教育局纪检监察组, as the centre's teams
    alone keep theirs), the form written with it is the team's other name.

    >>> _sender("市纪委监委", Locale({"市": "长沙市"}), {})
    '长沙市纪委监委'
    >>> team = parse_body("市纪委监委驻市教育局纪检监察组", Locale({"市": "长沙市"}))
    >>> team.label, team.written
    ('驻长沙市教育局纪检监察组', '长沙市纪委监委驻长沙市教育局纪检监察组')
    """
    body = _parse_body(sender, locale, near)
    return body.label if body is not None and body.anchored else ""


def _parse_body(expr: str, locale: Locale, near: dict[str, str] | None) -> Body | None:
    lx = lex()
    national = _national(_CPC_PREFIX.sub("", expr))  # before 人民检察院 is cut to 检察院
    if national is not None:
        return national
    resident = _RESIDENT.match(expr)
    if resident:  # 省纪委监委驻省财政厅纪检监察组: a team sent into the department
        sender, host, team = resident.groups()
        inner = _parse_body(host, locale, near)
        if inner is None and (own := institution_self(host, locale)):
            inner = Body(own, (), own, INSTITUTION, "", True)  # 驻厅 in the 厅's own story
        if inner is None or not inner.anchored:
            return None  # 驻厅纪检监察组 with no department in sight
        central = sender if sender and _CENTRAL_SENDER.match(sender) else ""
        label = f"{central}驻{inner.label}{team}"
        named = _sender(sender, locale, near) if sender and not central else ""
        return Body(label, (), inner.place, inner.level, "", True, named and named + label)
    expr = _normalise_body_text(expr)
    if not expr or expr.startswith("各"):
        return None  # 各巡察组, 各单位: every one of them, no body
    if _CENTRE_ORGAN.match(expr):
        expr = "中共" + expr  # 中央组织部 is the 中共中央组织部: one body, one node
    if _CENTRE.match(expr):
        rest = _CENTRE.sub("", expr)
        return _chain("中共中央", rest, "", "", "", True)
    party = ""
    m = lx.party.match(expr)
    if m:
        party, expr = lx.party_label[m.group()], expr[m.end():]
    else:
        m = _PARTY_ABBREV.match(expr)
        if m:
            party, expr = table("party_abbrev")[m.group(1)], expr[1:]
    if party:  # 九三学社第十四届中央委员会常务委员会 is the 九三学社中央常委会
        expr = _PARTY_CENTRAL.sub("中央", _TERM_START.sub("", expr), 1)
        expr = _PARTY_STANDING.sub(lambda m: ("委" if m.group(1) == "委员会" else m.group(1))
                                   + "常委会", expr, 1)
    region = _prefecture_region(expr, locale, near)
    if region is not None:
        return region
    place, level, used = "", "", 0
    full = place_prefix(expr)
    town = _town_match(expr)
    zone = _ZONE.match(expr)
    if zone and (_STEM_BAD.search(zone.group(1)) or len(zone.group(1)) > 8
                 and not zone.group(1).endswith(_LONG_ZONES)):
        zone = None
    if zone and not full:
        place, used, level = zone.group(1), zone.end(1), "园"
        if place in _ZONE_BARE and locale.resolve("园", near) != "园":
            place = locale.resolve("园", near)
    elif full:
        place, used = lx.common.get(full, full), len(full)
        level = lx.place_level[place]
    elif town and plausible_town(town):
        place, used, level = town, len(town), town_level(town)
    elif _village(expr, locale, near):
        place, used = _village(expr, locale, near)
        level = "村"
    elif expr.startswith(("全国", "中央")) or _national_head(expr):
        place = level = expr[:2]
        used = 2
    elif own := institution_prefix(expr, locale):  # 党委, 学校, 发展规划处 in a university's story
        place, used = own
        level = INSTITUTION
    else:
        short = "" if _level_before_head(expr) else _short_prefix(expr)
        if short:
            place, used = short, len(short)
        elif expr.startswith(("自治区", "街道")) and len(expr) > 3:
            level = "省" if expr.startswith("自治区") else "街道"
            place = locale.resolve(level, near)
            if level == "省" and not place.endswith("自治区"):
                place = "自治区"
            used = 3 if level == "省" else 2
        elif expr.startswith(tuple(_AUTONOMOUS)) and len(expr) > 3:
            level = _AUTONOMOUS[expr[:3]]  # 自治州党委 in a 伊犁州 story is 伊犁州党委
            place = locale.resolve(level, near)
            used = 3
        elif _MENG_HEAD.match(expr):  # 盟委 in a 锡林郭勒盟 story
            level, used = "盟", 1
            place = locale.resolve(level, near)
        elif expr[0] in _LEVELS and len(expr) > 1:
            level = expr[0]
            place = locale.resolve(level, near)
            used = 1
            zone_place = locale.resolve("园", near)
            if place == "区" and zone_place != "园" and _ZONE_DEPARTMENT.match(expr):
                place, level = zone_place, "园"  # 区招商局 in a 经开区 story
            region = locale.resolve("省", near)
            if party == _LEAGUE and level == "区" and region.endswith("自治区") \
                    and (place == "区" or place.endswith("地区")):
                place, level = region, "省"  # 团区委 in a 广西 story with no district
        elif _zone_of_bare_head(expr, locale, near):
            place, level = _zone_of_bare_head(expr, locale, near), "园"
        elif expr.startswith("党工委") and locale.resolve("街道", near) != "街道":
            place = locale.resolve("街道", near)  # 党工委委员 in a 红旗街道 story
            level = town_level(place)
    rest = expr[used:]
    inner = place_prefix(rest) if place and place not in _LEVELS else ""
    while inner and len(rest) > len(inner):  # 重庆市渝中区委 is labelled 渝中区委
        place, level, rest = inner, lx.place_level[inner], rest[len(inner):]
        inner = place_prefix(rest)
    town = _town_match(rest) if place and place not in _LEVELS else ""
    if town and plausible_town(town):  # 梅县区畲江镇 is labelled 畲江镇
        place, rest, level = town, rest[len(town):], town_level(town)
    rest = _TERM_START.sub("", rest)
    if place.endswith(("州", "县")) and rest.startswith("党委") and not party:
        rest = rest[1:]  # 巴州党委, as Xinjiang writes it, is the 巴州委: one committee
    if place.endswith("县") and not party:  # 涉县县委, 融水苗族自治县县委: the county's own 县
        rest = _COUNTY_AGAIN.sub("", rest)
    if level == "村":
        rest = _VILLAGE_COMMITTEE.sub("村委会", rest)  # 白沙村委会 is the 白沙村村委会
        if place in ("村", "社区") and rest.startswith(place):  # a bare 村委会, 社区居委会
            return _chain("", rest, place, level, "", True)
    if not rest and place and place not in _LEVELS and (party or place[-1] in "镇乡道"
                                                        or level in ("村", INSTITUTION)
                                                        or place in lx.place_level):
        if party:
            tail = "" if place == "中央" else "委" if party == _LEAGUE else "委会"
            label = party + place + tail
            return Body(label, (), place, level, party, True)
        return Body(place, (), place, level, "", True)
    return _chain(party + place, rest, place, level, party, bool(party or place))


def _national(expr: str) -> Body | None:
    """A national body named without a place (``kg/data/national_bodies.txt``), or a part of it.

    >>> b = parse_body("最高检党组")
    >>> b.label, b.parents, b.place
    ('最高人民检察院党组', ('最高人民检察院',), '中央')
    >>> parse_body("住房城乡建设部").label, parse_body("生态环境部办公厅").parents
    ('住房和城乡建设部', ('生态环境部',))
    >>> _national("国家级新区") is None
    True
    """
    m = lex().national.match(expr)
    if not m:
        return None
    label = lex().national_label[m.group()]
    rest = _normalise_body_text(_TERM_START.sub("", expr[m.end():]))
    if not rest:
        return Body(label, (), "中央", "中央", "", True)
    part = _chain(label, rest, "中央", "中央", "", True)
    if part is None:
        return None
    return replace(part, parents=(label, *part.parents))


_REGION_HEAD = re.compile(r"(地委|行署|地区(?=[\u4e00-\u9fff]{2}))")


def _prefecture_region(expr: str, locale: Locale, near: dict[str, str] | None) -> Body | None:
    """A 地区's bodies: its party committee 地委 (和田地委), its 行署 (和田地区行署) and,
    written bare, those of the 地区 the article is about (地委副书记 in a 和田 story).

    >>> parse_body("地委组织部", Locale({"区": "阿里地区"})).label
    '阿里地委组织部'
    >>> parse_body("和田地区行署").label, parse_body("大兴安岭地委").label
    ('和田地区行署', '大兴安岭地委')
    >>> _prefecture_region("地委", Locale({"区": "青秀区"}), None) is None
    True
    """
    m = _REGION_HEAD.search(expr, 0, 12)
    if not m:
        return None
    stem = expr[:m.start()]
    if stem:
        place = stem if stem.endswith("地区") else stem + "地区"
        if lex().place_level.get(place) != "区":
            return None
    else:
        place = next((p for p in ((near or {}).get("区", ""), locale.by_level.get("区", ""))
                      if p.endswith("地区")), "")
        if not place:
            return None
    if m.group(1) == "地委":
        return _chain(place[:-2] + "地", expr[m.start() + 1:], place, "区", "", True)
    rest = expr[m.start():]
    return _chain(place, rest[2:] if rest.startswith("地区") else rest, place, "区", "", True)


def _zone_of_bare_head(expr: str, locale: Locale, near: dict[str, str] | None) -> str:
    """The article's development zone for a bare 管委会, 党工委 or 纪工委 ('' if none): in a
    株洲经开区 story, 管委会主任 is the zone's.  A 街道 story keeps its 党工委.

    >>> zone = Locale({"园": "株洲经济技术开发区"})
    >>> _zone_of_bare_head("管委会", zone, {}), _zone_of_bare_head("管委会", Locale(), {})
    ('株洲经济技术开发区', '')
    >>> _zone_of_bare_head("纪工委", zone, {})
    '株洲经济技术开发区'
    """
    if not expr.startswith(("管委会", "党工委", "纪工委")) or "街道" in locale.by_level:
        return ""
    zone = locale.resolve("园", near)
    return "" if zone == "园" else zone


def _level_before_head(expr: str) -> bool:
    """A bare level then a known head (市中级人民法院) is not a short place name (市中).

    >>> _level_before_head("市中级人民法院"), _level_before_head("市中区委")
    (True, False)
    """
    return expr[:1] in _LEVELS and expr[1:].startswith(_KNOWN_HEADS)


_COMMITTEE_NOT_MEMBER = re.compile(r"^(?:委员会|委会|委)(?![员])")
_COMMITTEE_WORD = re.compile(r"^(?:委员会|委会|委)")
_COMMITTEE_END = re.compile("委员会$")


def _chain(prefix: str, rest: str, place: str, level: str, party: str,
           anchored: bool) -> Body | None:
    labels: list[str] = []
    cur = prefix
    first = True
    after_term = False
    while rest:
        tok = ""
        if first and prefix and _COMMITTEE_NOT_MEMBER.match(rest):
            tok = _COMMITTEE_WORD.match(rest).group()
            norm = "委" if tok != "委会" or not party else "委会"
            if not party and _one_char_county(place):
                norm = "县委"  # 涉县委 is written 涉县县委
        else:
            for head in _KNOWN_HEADS:
                if rest.startswith(head):
                    tok = head
                    break
            if tok:
                norm = "人民政府" if tok == "政府" else tok
                if first and prefix and tok == "直属机关工委":
                    norm = "直机关工委"  # 湖州市直属机关工委 is called 湖州市直机关工委
                anchored = anchored or (first and tok in _NATIONAL)
                if first and tok in _ORGANS and not party and level in "省市区县州旗" and level:
                    labels.append(cur)  # 县政法委 is the 县委政法委
                    cur += "县委" if _one_char_county(place) else "委"
            elif _committee_office(labels, cur, rest):
                tok, norm = "办", "办公室"  # 县委办 is the 县委办公室
            elif level == INSTITUTION and organ_head().match(rest):
                tok = norm = organ_head().match(rest).group()  # a university's 发展规划处
            elif (group := _long_group(rest)):
                tok = norm = group  # 黄河流域生态保护和高质量发展领导小组
            else:
                m = _GENERIC.match(rest)
                tok = _special_committee(cur, rest)
                if not tok and (not m or after_term or _bad_stem(m.group(), level)):
                    return None
                tok = tok or m.group()
                norm = _COMMITTEE_END.sub("委", tok)
        if labels or prefix:
            labels.append(cur)
        cur += norm
        rest = rest[len(tok):]
        stripped = _TERM_START.sub("", rest)
        after_term, rest = stripped != rest, stripped
        first = False
    if cur == prefix and not (prefix == "中共中央"):
        return None
    # a place is no body, but 中共中央 and 民革中央 are (中共中央书记处 hangs from 中共中央)
    parents = tuple(p for p in labels
                    if p and (p != prefix or prefix.endswith("中央") and prefix != "中央"))
    return Body(cur, parents, place, level, party, anchored)


#: A leading group's name may be long and join its fields with 和, 同 or 与 (巩固拓展脱贫攻坚
#: 成果同乡村振兴有效衔接工作领导小组), which no other body's name does.
_LONG_GROUP = re.compile(rf"[{HAN}]{{13,32}}?领导小组")


def _long_group(rest: str) -> str:
    """A leading group named at length at the start of ``rest`` ('' if none).

    >>> _long_group("黄河流域生态保护和高质量发展领导小组办公室")
    '黄河流域生态保护和高质量发展领导小组'
    >>> _long_group("乡村振兴工作领导小组"), _long_group("市委召开全市乡村振兴工作领导小组")
    ('', '')
    """
    m = _LONG_GROUP.match(rest)
    if not m or _VERB_IN_NAME.search(m.group()) or re.search("[的了在由对向是为将把被]",
                                                             m.group()):
        return ""
    return m.group()


#: Verbs that end a body's name, even a ministry department's (就业促进司 has 就, 与 joins
#: 职业教育与成人教育司: function characters no local department name holds).
_VERB_IN_NAME = re.compile(r"听取|召开|主持|出席|参加|会议|审议|通过")


#: 新的社会阶层 (the new social strata of united-front work) is a set term with its 的.
_NEW_STRATA = "新的社会阶层"


def _bad_stem(unit: str, level: str) -> bool:
    """Whether a generic unit's name holds a verb or function word, so it is no body.

    >>> _bad_stem("就业促进司", "中央"), _bad_stem("就业促进局", "市")
    (False, True)
    >>> _bad_stem("审议通过司", "中央"), _bad_stem("新的社会阶层人士联谊会", "市")
    (True, False)
    """
    unit = _joined_department(unit).replace("工作", "").replace(_NEW_STRATA, "")
    if level == "中央" and unit.endswith("司"):
        return bool(_VERB_IN_NAME.search(unit))
    return bool(_STEM_BAD.search(unit))


_COUNTY_AGAIN = re.compile(
    r"^县(?=委|政府|人民政府|人大|政协|纪委|监委|人民法院|法院|人民检察院|检察院)")


def _one_char_county(place: str) -> bool:
    """A county named by one character (涉县, 沛县, 易县), whose committee is written
    涉县县委: 涉县委 would read as 涉 + 县委.

    >>> parse_body("涉县委").label, parse_body("中共涉县县委宣传部").parents
    ('涉县县委', ('涉县县委',))
    >>> parse_body("沛县县政府").label, parse_body("大名县委").label
    ('沛县人民政府', '大名县委')
    """
    return len(place) == 2 and place[1] == "县" and place in lex().place_level


_JOINED = re.compile(rf"^[{HAN}]{{2,6}}和[{HAN}]{{2,8}}(?:局|厅|委|办|部)$")


_DEPARTMENT_AND = re.compile(r"[局厅委办部]和")


def _joined_department(name: str) -> str:
    """A department named for two fields joined by 和 (住房和城乡建设局, 人力资源和社会保障局,
    农业农村和水利局) read without the 和, so that the 和 is not taken for a list.

    >>> _joined_department("住房和城乡建设局"), _joined_department("财政局和审计局")
    ('住房城乡建设局', '财政局和审计局')
    >>> parse_body("县人力资源和社会保障局").label
    '县人力资源和社会保障局'
    """
    if not _JOINED.match(name) or _DEPARTMENT_AND.search(name):
        return name
    return name.replace("和", "", 1)


def _committee_office(labels: list[str], cur: str, rest: str) -> bool:
    """``办`` right after a party committee (县委办, 市委办主任) is its 办公室.

    >>> parse_body("县委办").label, parse_body("区委办").parents
    ('县委办公室', ('区委',))
    """
    return len(labels) <= 1 and cur.endswith("委") and rest.startswith("办") \
        and not rest.startswith("办公")


_COMMITTEE = re.compile(rf"[{HAN}]{{2,14}}?(?:委员会|委)(?![员会])")


def _special_committee(cur: str, rest: str) -> str:
    """A 人大/政协 special committee, whose name may hold 和 (社会和法制委员会); '' if none.

    >>> _special_committee("漳州市政协", "社会和法制委员会副主任"), _special_committee("市委", "和")
    ('社会和法制委员会', '')
    """
    if not cur.endswith(("人大", "人大常委会", "政协")):
        return ""
    m = _COMMITTEE.match(rest)
    return m.group() if m and not _STEM_BAD.search(m.group().replace("和", "")) else ""


_BARE_VILLAGE = re.compile(rf"^(村|社区)(?={_VILLAGE_HEADS})")


def _village(expr: str, locale: Locale, near: dict[str, str] | None) -> tuple[str, int] | None:
    """A village (or 社区) at the start of ``expr``: (place, characters used).

    A bare 村/社区 is the one the article names most (村党支部书记 in a story about
    白沙村); left bare when the article names none.

    >>> _village("白沙村党总支", Locale(), None), _village("村委会", Locale({"村": "白沙村"}), None)
    (('白沙村', 3), ('白沙村', 1))
    """
    m = _VILLAGE_START.match(expr)
    if m and plausible_village(m.group(1)):
        return m.group(1), m.end(1)
    bare = _BARE_VILLAGE.match(expr)
    if bare:
        named = locale.resolve("村", near)
        return named if named.endswith(bare.group(1)) else bare.group(1), bare.end()
    return None


def _national_head(expr: str) -> bool:
    """中国科协, 中国残联: a national mass organisation (place 中国)."""
    return expr.startswith("中国") and expr[2:].startswith(_LEXICON_HEADS)
