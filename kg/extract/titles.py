"""Titles: a sequence like 市委常委、统战部长 read into (body, role) pairs.

``parse_titles`` splits a title sequence and lets each item inherit the body of
the one before (市委常委、组织部长 -> 市委组织部部长); ``role_fits`` checks that a
role belongs to its body; ``title_before`` finds the title sequence that ends
where a name starts.  ``Mention`` (a name with its titles) and ``name_list``
(names joined by 、, which end where a title starts) live here because both
depend on reading titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from kg.extract.bodies import (
    _LEAGUE,
    _LEXICON_HEADS,
    _PARTY_DEPTS,
    _WORK_GROUP_END,
    Body,
    parse_body,
)
from kg.extract.institutions import DECLARES, INSTITUTION, institution_head
from kg.extract.lexicon import _GOV_ROLE, _LEVELS, _REGION_ROLES, HAN, lex
from kg.extract.names import _ALL_HAN, _FOLLOW, _GIVEN_BAD, _NOTE_AFTER, name_at
from kg.extract.places import (
    _STEM_BAD,
    _TOWN,
    _ZONE,
    Locale,
    _is_han,
    _place_spans,
    _short_prefix,
    _town_match,
    place_prefix,
)
from kg.lexicon import divisions, table, words


@dataclass(frozen=True)
class Title:
    body: Body
    role: str

    @cached_property
    def post(self) -> str:
        """Post label: body + role; government heads are place + role (副市长 -> 宁波市副市长)."""
        m = _GOV_ROLE.match(self.role) or (self.role in _REGION_ROLES
                                           and self.body.label.endswith("自治区人民政府"))
        head = next((h for h in ("人民政府", "行署") if self.body.label.endswith(h)), "")
        if m and head and (head == "人民政府" or self.body.level == "盟"):
            place = self.body.label[: -len(head)]
            return self.role if place in _LEVELS else place + self.role
        return self.body.label + self.role


#: The longest role (审判委员会专职委员): a title item is read back no further for one.
_LONGEST_ROLE = max(len(w) for w in (*words("roles"), *words("institution_roles"),
                                     *words("official_grades")))
#: Grades of judges, procurators and police (二级高级法官, 一级警监): they end a title run
#: like a role but are no posts.
_GRADES = frozenset(words("official_grades"))


@lru_cache(maxsize=1 << 14)
def _split_role(item: str) -> tuple[str, str]:
    """(body text, role) of a title item: the longest role it ends in (cached: titles
    repeat)."""
    lx = lex()
    for n in range(min(len(item), _LONGEST_ROLE), 1, -1):
        if item[-n:] in lx.role_set:
            return item[:-n], item[-n:]
    return item, ""


def _gov_body(level: str, prev: Body | None, locale: Locale, near: dict[str, str]) -> Body:
    place = prev.place if prev and prev.level == level else locale.resolve(level, near)
    return Body(place + _gov_head(level), (), place, level, "", True)


def _gov_head(level: str) -> str:
    """A 盟's government is its 行政公署 (盟长 heads 锡林郭勒盟行署); elsewhere 人民政府.

    >>> [t.post for t in parse_titles("盟委副书记、盟长", Locale({"盟": "兴安盟"}))]
    ['兴安盟委副书记', '兴安盟盟长']
    >>> [(t.post, t.body.label) for t in parse_titles("盟行政公署副盟长", Locale({"盟": "兴安盟"}))]
    [('兴安盟副盟长', '兴安盟行署')]
    """
    return "行署" if level == "盟" else "人民政府"


_GOVERNMENT_END = re.compile("(?:人民政府|政府)$")


def _region_government(body_text: str, role: str, locale: Locale,
                       near: dict[str, str], prev: Body | None = None) -> Body | None:
    """The government an autonomous region's 主席 heads: 自治区主席, 广西壮族自治区副主席,
    自治区人民政府常务副主席, and a bare 常务副主席 after the region's 党委常委 (自治区政协主席
    is the 政协's; None when not such a head).

    >>> [t.post for t in parse_titles("自治区党委副书记、自治区主席", Locale({"省": "西藏自治区"}))]
    ['西藏自治区党委副书记', '西藏自治区主席']
    >>> [t.post for t in parse_titles("自治区政协副主席", Locale({"省": "西藏自治区"}))]
    ['西藏自治区政协副主席']
    >>> [t.post for t in parse_titles("自治区党委常委、常务副主席", Locale({"省": "西藏自治区"}))]
    ['西藏自治区党委常委', '西藏自治区常务副主席']
    """
    if role not in _REGION_ROLES:
        return None
    if not body_text and prev is not None and prev.place.endswith("自治区") \
            and prev.label == prev.place + "党委":
        body_text = prev.place  # 自治区党委常委、常务副主席: the region's government
    place = _GOVERNMENT_END.sub("", body_text)
    if place == "自治区":
        place = locale.resolve("省", near)
        place = place if place.endswith("自治区") else "自治区"
    elif not (place.endswith("自治区") and lex().place_level.get(place) == "省"):
        return None
    return Body(place + "人民政府", (), place, "省", "", True)


#: A last title item whose role the lexicon lacks: 中心组组长, 工作队队长, 指挥部总指挥.
#: Roles that introduce a person but are no post the graph keeps: a unit's 组长 or 站长,
#: a 召集人, and academic ranks (教授, 研究员) of experts who lecture or speak; the founder
#: or partner of a firm (企业创始人, 律所合伙人) a non-party figure is introduced by.
_UNKNOWN_TAIL = (r"(?:副?(?:[组队站所科股团班庭馆]长)|总指挥|指挥长|召集人|负责人"
                 r"|创始人|创办人|合伙人|副?教授|副?研究员|院士)")
_UNKNOWN_ROLE = re.compile(_UNKNOWN_TAIL + "$")


#: Between title items: 、, a comma, or 兼 (书记兼主任) but not the 兼 of 兼职副主席.
_TITLE_SEP = re.compile("[、,,]|兼(?!职)")
_OWN_COMMITTEE = re.compile("^(?:党组|党委|党工委)")


def parse_titles(text: str, locale: Locale | None = None, context: Body | None = None,
                 near: dict[str, str] | None = None) -> list[Title]:
    """Parse a title sequence; later items inherit the body or party committee before them.

    >>> [t.post for t in parse_titles("杭州市委常委、统战部长")]
    ['杭州市委常委', '杭州市委统战部部长']
    >>> [t.post for t in parse_titles("市委常委、组织部长、统战部长", Locale({"市": "宁波市"}))]
    ['宁波市委常委', '宁波市委组织部部长', '宁波市委统战部部长']
    >>> doumen = Locale({"区": "斗门区"})
    >>> [t.post for t in parse_titles("区委常委、区政府党组副书记、副区长", doumen)]
    ['斗门区委常委', '斗门区人民政府党组副书记', '斗门区副区长']
    >>> [t.post for t in parse_titles("九三学社四川省委副主委、绵阳市委主委、绵阳市政协副主席")]
    ['九三学社四川省委副主委', '九三学社绵阳市委主委', '绵阳市政协副主席']
    >>> [t.post for t in parse_titles("财经工委主任", context=parse_body("江北区人大常委会"))]
    ['江北区人大常委会财经工委主任']
    >>> [t.post for t in parse_titles("宜宾市政府副秘书长、办公室主任")]
    ['宜宾市人民政府副秘书长', '宜宾市政府办公室主任']
    >>> [t.post for t in parse_titles("白沙村第一书记")]
    ['白沙村党支部第一书记']
    >>> [t.post for t in parse_titles("组织部部长", context=parse_body("阿克苏地委"))]
    ['阿克苏地委组织部部长']
    >>> [t.post for t in parse_titles("市侨联兼职副主席", Locale({"市": "江门市"}))]
    ['江门市侨联兼职副主席']
    >>> [t.post for t in parse_titles("苏州市中级人民法院副院长、二级高级法官")]
    ['苏州市中级人民法院副院长']
    """
    locale = locale or Locale()
    near = near if near is not None else {}
    context = _outside_study_group(context)
    out: list[Title] = []
    prev: Body | None = None
    items = [i for i in _TITLE_SEP.split(text) if i]
    for idx, item in enumerate(items):
        resident = _RESIDENT_INSPECTOR.fullmatch(item) if item.endswith("监察专员") else None
        if resident:  # 自治区监委驻集团监察专员: the 监委's post, sent into the company
            title = _resident_inspector(*resident.groups(), locale, near)
            if title is None and idx == 0:
                return []
            out.extend([title] if title else [])
            continue
        body_text, role = _split_role(item)
        if role in _GRADES:
            continue  # 副院长、二级高级法官: a grade, no post
        if role in _GROUP_ROLES and not _in_leading_group(body_text, prev, context):
            role = ""  # a 组长 of no group named: no post
        if role == "成员" and body_text.endswith("中心组"):
            role = ""  # 中心组成员: who studies with the group, no post
        if not role and out and _UNKNOWN_ROLE.search(item):
            continue  # 市委书记、中心组组长、市长: the unknown role goes, the others stay
        if not role:
            return []
        if role in ("部长", "副部长", "常务副部长") and body_text and not body_text.endswith("部"):
            body_text += "部"
        gov = _GOV_ROLE.match(role)
        body: Body | None
        region = _region_government(body_text, role, locale, near, prev)
        if region is not None:
            body = region
        elif not body_text:
            if gov:
                body = _gov_body(gov.group(1), prev, locale, near)
            elif role in table("national_roles"):  # 国务委员, 委员长: one body has them
                body = parse_body(table("national_roles")[role])
            else:
                body = next((b for b in _with_unit_of_committee(_inheritable(prev, context))
                             if role_fits(role, b)), None) or _institution_body(role, locale)
        elif gov and (body_text in _LEVELS or body_text in lex().place_level
                      or _TOWN.match(body_text + "党委")):
            level = body_text[-1] if body_text[-1] in _LEVELS \
                else lex().place_level.get(body_text, "")
            place = body_text if body_text not in _LEVELS else locale.resolve(level, near)
            body = Body(place + _gov_head(level), (), place, level, "", True)
        else:
            body_text = _own_unit(_resident_in(_commission_unit(body_text, prev, context),
                                               prev, context), prev, context)
            body_text = _military_organ(body_text, prev, context)
            body = parse_body(body_text, locale, near)
            # a resident team has no 党组: 驻X纪检组组长、党组成员 sits on the meeting's one
            own = None if prev is not None and _RESIDENT_TEAM.search(prev.label) else prev
            base = own or (context if body_text.startswith("党组")
                           or body_text == "党委" and _has_own_party_committee(context)
                           else None)
            if base is not None and _OWN_COMMITTEE.match(body_text) \
                    and not _institution_organ(body):
                body = base if base.label.endswith(body_text) \
                    else parse_body(base.label + body_text, locale, near)
            elif body is None and (named := _DEPT_DIVISION.fullmatch(body_text)) \
                    and (dept := parse_body(named.group(1), locale, near)) is not None \
                    and dept.anchored and dept.label.endswith(("厅", "局", "部")):
                body = _division(dept, named.group(2))  # 省委组织部干部一处, named in full
            elif (body is None or not body.anchored) \
                    and (dept := _unit_owner(body_text, prev, context)):
                body = _division(dept, body_text)  # 水资源管理处 of the 厅, 立案庭 of the court
            elif body and body_text in table("inner_committees"):  # a court's, or none
                owner = next((b for b in _inheritable(prev, context)
                              if _inner_committee(body_text, b)), None)
                body = parse_body(owner.label + body_text, locale, near) if owner else None
            elif body and not body.anchored and prev is not None \
                    and not _OWN_PLACE.match(body_text):
                root = _party_committee(prev) if body_text.startswith(_PARTY_DEPTS) \
                    or _committee_group(body_text, prev) \
                    else _assembly(prev, body_text) or _place_root(prev)
                unit = _UNIT_COMMITTEE.match(prev.label) if body_text == "纪委" else None
                if unit:  # 山东高速集团党委委员、纪委书记: the company's own 纪委
                    root = unit.group(1)
                if not root and body_text == "办公室" and prev.label.endswith("人民政府"):
                    root = prev.label[:-4] + "政府"  # 市政府副秘书长、办公室主任
                if prev.party == _LEAGUE and body_text.endswith("部"):
                    root = _party_committee(prev) or prev.label  # 团市委常委、学校部部长
                if root:
                    body = parse_body(root + body_text, locale, near)
            elif body and not body.anchored and prev is None and context is not None \
                    and body_text in _COMMITTEE_ORGANS and _party_committee(context):
                # 组织部部长 at the 阿克苏地委's meeting: a department of that committee
                body = parse_body(_party_committee(context) + body_text, locale, near)
            elif body and prev is not None and prev.party and not body.party \
                    and role in ("主委", "副主委", "主任委员", "副主任委员", "常务副主委"):
                body = parse_body(prev.party + body_text, locale, near)
            elif body and not body.party and _PARTY_COMMITTEE.match(body_text):
                party = next((b.party for b in (prev, context) if b and b.party), "")
                if party:  # 省委会副主委 in a 民主党派 story: that party's committee
                    body = parse_body(party + body_text, locale, near)
        if (body is None or not body.anchored) and prev is None and context is not None \
                and body_text.endswith("委员会"):
            owner = next(filter(None, (_assembly(b, body_text) for b in _inheritable(context))), "")
            body = parse_body(owner + body_text, locale, near) if owner else body
        if body is not None and not body.anchored and body.label in _NPC_WORK_COMMITTEES:
            npc = next((b for b in _inheritable(prev, context) if b.label.endswith("人大常委会")),
                       None)  # 财经工委主任 at a 人大常委会 meeting is that committee's
            body = parse_body(npc.label + body.label, locale, near) if npc else body
        if body is not None and idx == 0 and not body.anchored and context is not None \
                and context.label.endswith(body.label):
            body = context  # 党工委书记 in a story about 开发区党工委
        if body is not None and role == "第一书记" and body.level == "村" \
                and body.label == body.place:
            body = parse_body(body.label + "党支部", locale, near)  # 白沙村第一书记: of its 党支部
        if body is not None and body.level != INSTITUTION and role in _INSTITUTION_ROLES:
            body = None  # 福建海丰集团董事长 at a 座谈会: no post outside the company's own story
        if body is None:
            if idx == 0:
                return []
            continue
        if body.place and body.level in _LEVELS:
            near.setdefault(body.level, body.place)
        out.append(Title(body, role))
        prev = body
    return out


#: A party committee's departments (组织部, 统战部 …), which a bare title at its meeting names.
_COMMITTEE_ORGANS = frozenset(words("party_organs"))
#: Roles that are posts only in an institution's own story (its 董事长, 总经理).
_INSTITUTION_ROLES = frozenset(words("institution_roles"))


@lru_cache(maxsize=1)
def _unit_endings() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(owner ending, pattern of its units' names), longest owner ending first
    (``kg/data/inner_units.txt``); a 街道办事处 is no division, a name opening with a level
    (市公证处) is a place's body, and a court's 庭 may be one character (刑庭, 民庭), a
    unit's number too (一大队)."""
    rows = sorted(table("inner_units").items(), key=lambda kv: -len(kv[0]))
    return tuple((owner, re.compile(rf"(?![{_LEVELS}])(?:(?:[{HAN}]{{2,8}}(?<!办事)|{_NUMBERED})"
                                    rf"(?:{_sized(units, 1)})|[{HAN}]{{1,8}}(?:{_sized(units, 2)})"
                                    rf"|[{HAN}]{{0,8}}(?:{_sized(units, 3)})|[{HAN}]庭)"))
                 for owner, units in rows)


#: A unit known by its number: 一大队, 第三支队, 二科.
_NUMBERED = "第?[一二三四五六七八九十]{1,3}"


def _sized(units: str, size: int) -> str:
    """The alternation of the unit endings of ``size`` characters (3: three or more): a
    single character (处, 科) needs two before it, 学院 one (药学院), and a name such as
    办公室 or 理事会 is a unit alone."""
    picked = [u for u in units.split() if len(u) == size or size == 3 and len(u) > 3]
    return "|".join(picked) or "(?!)"


#: A department's division named after it in full: 省财政厅预算处, 省委组织部干部一处, and a
#: city bureau's section: 市市场监管局产品质量安全监管科.
_DEPT_DIVISION = re.compile(
    rf"(.{{3,20}}?[部厅局])([{HAN}]{{1,10}}[一二三四五六七八九十]?(?<!办事)[处科])")


def _unit_owner(name: str, *around: Body | None) -> Body | None:
    """The body a bare unit belongs to: the body before it or the meeting's, when its kind
    has such units (a 厅's 处, a 公安局's 支队, a court's 庭; None if neither is one).

    >>> [t.post for t in parse_titles("财务处处长", context=parse_body("陕西省交通运输厅党组"))]
    ['陕西省交通运输厅财务处处长']
    >>> [t.post for t in parse_titles("刑侦支队支队长", context=parse_body("常德市公安局党委"))]
    ['常德市公安局刑侦支队支队长']
    >>> [t.post for t in parse_titles("立案庭庭长", context=parse_body("昆明市中级人民法院"))]
    ['昆明市中级人民法院立案庭庭长']
    >>> parse_titles("财务处处长", context=parse_body("陕西省委"))
    []
    >>> court = parse_body("阿荣旗检察院")
    >>> [t.post for t in parse_titles("旗委常委、统战部部长", Locale({"旗": "阿荣旗"}), court)]
    ['阿荣旗委常委', '阿荣旗委统战部部长']
    """
    for body in _with_unit_of_committee(_inheritable(*around)):
        if _TERRITORIAL_COMMITTEE.search(body.label):
            return None  # 旗委常委、统战部部长: the committee's own department, not the court's
        if not body.anchored:
            continue
        for owner, units in _unit_endings():
            if body.label.endswith(owner):
                if units.fullmatch(_unit_name(body.label, name)):
                    return body  # 医政医管处, or 苏州市卫健委医政医管处 from 委机关医政医管处
                break
    return None


_TERRITORIAL_COMMITTEE = re.compile(r"[省市区县州旗地盟]委$")


#: 与, 和 or 及 joining two fields in a unit's name (人工智能与计算机学院, 规划发展与信息化处),
#: and nouns holding a character that is a verb elsewhere (合作指导科).
_JOINED_FIELDS = re.compile(rf"(?<=[{HAN}]{{2}})[与和及](?=[{HAN}]{{2}})|工作|合作|协作")
#: What a body calls itself before its unit: 局办公室, 委机关医政医管处, 集团财务部.
_SELF_WORDS = ("集团", "公司", "局", "委", "社", "厅", "院")


def _unit_name(owner: str, name: str) -> str:
    """A unit's own name, without its owner's name or self-word before it.

    >>> _unit_name("绍兴市卫健委", "委机关规划处"), _unit_name("成都城投集团", "集团审计部")
    ('规划处', '审计部')
    >>> _unit_name("株洲市教育局", "株洲市教育局办公室"), _unit_name("江南大学", "学生工作处")
    ('办公室', '学生工作处')
    """
    name = name.removeprefix(owner)
    self_word = next((w for w in _SELF_WORDS if owner.endswith(w) and name.startswith(w)), "")
    if self_word and len(name) - len(self_word) >= 2:
        name = name[len(self_word):]
    if name.startswith("机关") and not name.startswith("机关党") and len(name) > 4:
        name = name[2:]
    return name


#: Bodies with no 党委 of their own apart from themselves: a place's committee, its
#: government (a 党组), congress and conference.
_NO_OWN_PARTY_COMMITTEE = re.compile(r"(?:[省市区县州旗]委|党委|党组|政府|人大常委会|政协|工委)$")


def _has_own_party_committee(body: Body | None) -> bool:
    """Whether a bare 党委 at ``body``'s meeting is its own: a 卫健委's, a hospital's,
    a company's (委党委委员 says so; 党委委员 alone at its meeting too).

    >>> [t.post for t in parse_titles("党委委员、副主任", context=parse_body("温州市卫健委"))]
    ['温州市卫健委党委委员', '温州市卫健委副主任']
    >>> _has_own_party_committee(parse_body("温州市委")), _has_own_party_committee(None)
    (False, False)
    """
    return body is not None and body.anchored and not body.party \
        and _NO_OWN_PARTY_COMMITTEE.search(body.label) is None


def _with_unit_of_committee(bodies: list[Body]) -> list[Body]:
    """``bodies``, each party committee or 党组 followed by the unit it leads when it was
    read without it (江南大学党委 of an institution's own story: 江南大学).

    >>> [b.label for b in _with_unit_of_committee([parse_body("江南大学党委")])]
    ['江南大学党委', '江南大学']
    """
    out = []
    for body in bodies:
        out.append(body)
        unit = body.label[:-2]
        if not body.parents and body.label.endswith(("党组", "党委")) and len(unit) >= 4:
            out.append(Body(unit, (), body.place, body.level, body.party, body.anchored))
    return out


def _division(dept: Body, name: str) -> Body | None:
    """The division ``name`` of ``dept`` (None when the name holds a verb: 负责处)."""
    name = _unit_name(dept.label, name)
    if _STEM_BAD.search(_JOINED_FIELDS.sub("", name)):
        return None
    return Body(dept.label + name, (*dept.parents, dept.label), dept.place, dept.level, "", True)


def _institution_body(role: str, locale: Locale) -> Body | None:
    """The institution a bare head role (校长, 董事长) leads in its own story (None if none).

    >>> uni = Locale({INSTITUTION: "西北农林科技大学"})
    >>> [t.post for t in parse_titles("党委副书记、校长", uni)]
    ['西北农林科技大学党委副书记', '西北农林科技大学校长']
    """
    name = institution_head(role, locale)
    return Body(name, (), name, INSTITUTION, "", True) if name else None


def _institution_organ(body: Body | None) -> bool:
    """A bare 党委… in an institution's story is the institution's own, not that of the
    department named before it (人事处处长、党委教师工作部部长).

    >>> uni = Locale({INSTITUTION: "复旦大学"})
    >>> [t.post for t in parse_titles("人事处处长、党委教师工作部部长", uni)]
    ['复旦大学人事处处长', '复旦大学党委教师工作部部长']
    """
    return body is not None and body.level == INSTITUTION


_PARTY_COMMITTEE = re.compile(rf"^(?:[{HAN}]{{0,8}}[省市区县州])委会$")
#: Working committees of a 人大常委会 by their short form (财经工委, 法工委), from body_terms.
_NPC_WORK_COMMITTEES = frozenset(
    v for v in table("body_terms").values()
    if v.endswith("工委") and v not in ("工委", "党工委", "机关工委", "直属机关工委"))


_COMMITTEE_LABEL = re.compile(r"(?:[省市区县州旗地盟]委|党委|党工委)$")


def _assembly(prev: Body, body_text: str) -> str:
    """The 政协 or 人大 whose special committee is named right after its title ('' if none):
    in 政协常委、经济委员会副主任 the committee is the 政协's, not the province's.

    >>> [t.post for t in parse_titles("四川省政协常委、经济委员会副主任")]
    ['四川省政协常委', '四川省政协经济委副主任']
    >>> hunan = Locale({"省": "湖南省"})
    >>> [t.post for t in parse_titles("省人大常委会委员、财政经济委员会副主任", hunan)]
    ['湖南省人大常委会委员', '湖南省人大财政经济委副主任']

    At the assembly's own meeting the committee's title may stand alone:

    >>> [t.post for t in parse_titles("社会和法制委员会主任", context=parse_body("思明区政协"))]
    ['思明区政协社会和法制委主任']
    """
    if not body_text.endswith("委员会") or body_text.endswith("工作委员会"):
        return ""
    for assembly in ("政协", "人大"):
        at = prev.label.rfind(assembly)
        if at >= 0 and prev.label[at:] in (assembly, "人大常委会"):
            return prev.label[:at + len(assembly)]
    return ""


def _committee_group(body_text: str, prev: Body) -> bool:
    """A leading group named right after a party committee's title is that committee's.

    >>> [t.post for t in parse_titles("市委副书记、巡察工作领导小组组长", Locale({"市": "普洱市"}))]
    ['普洱市委副书记', '普洱市委巡察工作领导小组组长']
    >>> [t.post for t in parse_titles("副市长、食品安全工作领导小组组长", Locale({"市": "普洱市"}))]
    ['普洱市副市长', '普洱市食品安全工作领导小组组长']
    """
    return body_text.endswith("领导小组") and _COMMITTEE_LABEL.search(prev.label) is not None


def _inner_committee(body_text: str, prev: Body | None) -> bool:
    """A committee of the body before it (``kg/data/inner_committees.txt``): in
    中级人民法院副院长、审判委员会委员 the 审判委员会 is the court's, not the city's.

    >>> [t.post for t in parse_titles("临沂市中级人民法院副院长、审判委员会委员")]
    ['临沂市中级人民法院副院长', '临沂市中级人民法院审判委员会委员']
    >>> _inner_committee("审判委员会", parse_body("临沂市委"))
    False

    At the court's own meeting the committee may stand first:

    >>> court = parse_body("岳阳市中级人民法院")
    >>> [t.post for t in parse_titles("审判委员会委员、民一庭庭长", context=court)]
    ['岳阳市中级人民法院审判委员会委员', '岳阳市中级人民法院民一庭庭长']
    """
    owner = table("inner_committees").get(body_text)
    return bool(owner) and prev is not None and prev.label.endswith(owner)
_GROUP_ROLES = ("组长", "副组长", "常务副组长")


def _in_leading_group(body_text: str, prev: Body | None, context: Body | None) -> bool:
    """Whether a 组长 is a post: of a 领导小组, a work group or a study group named before it
    (县委农村工作领导小组组长, 市委理论学习中心组组长), or, written bare (组长, 领导小组组长),
    when the body before it or the meeting's convener is a 领导小组.

    >>> _in_leading_group("县委农村工作领导小组", None, None)
    True
    >>> _in_leading_group("市委理论学习中心组", None, None), _in_leading_group("组", None, None)
    (True, False)
    """
    if body_text and body_text != "领导小组":
        return body_text.endswith(("领导小组", "中心组")) \
            or _WORK_GROUP_END.search(body_text) is not None
    return any(b is not None and b.label.endswith("领导小组") for b in (prev, context))



def _resident_in(body_text: str, *around: Body | None) -> str:
    """驻厅纪检监察组 in a department's story is the team resident in that department.

    >>> _resident_in("驻厅纪检监察组", parse_body("福建省财政厅党组"))
    '驻福建省财政厅纪检监察组'
    >>> _resident_in("驻厅纪检监察组", parse_body("福建省委"))
    '驻厅纪检监察组'
    """
    m = _BARE_RESIDENT.match(body_text)
    if not m:
        return body_text
    for body in _inheritable(*around):
        if body.label.endswith(m.group(1)) and body.anchored:
            return f"驻{body.label}{m.group(2)}"
    return body_text


#: A discipline commission's own units, named by their number: 派驻第三纪检监察组,
#: 第一纪检监察室, 第二监督检查室.
_COMMISSION_UNIT = re.compile(
    r"^(?:派驻(?:第[一二三四五六七八九十\d]+)?|第[一二三四五六七八九十\d]+)"
    r"(?:纪检监察组|纪检组|纪检监察室|监督检查室|审查调查室)$")
_COMMISSION = re.compile("(?:纪委监委|纪委|纪工委)$")


def _commission_unit(body_text: str, *around: Body | None) -> str:
    """派驻第三纪检监察组 and 第一纪检监察室 at a 纪委监委's meeting are that commission's.

    >>> _commission_unit("第一纪检监察室", parse_body("广安区纪委监委"))
    '广安区纪委监委第一纪检监察室'
    >>> _commission_unit("第一纪检监察室", parse_body("广安区委"))
    '第一纪检监察室'
    """
    if not _COMMISSION_UNIT.match(body_text):
        return body_text
    for body in _inheritable(*around):
        if body.anchored and _COMMISSION.search(body.label):
            return body.label + body_text
    return body_text


def _military_organ(body_text: str, *around: Body | None) -> str:
    """A bare 人武部 or 军分区 is that of the place whose committee or government is named
    before it or holds the meeting (a 议军会议): the county's 人武部, the prefecture's
    军分区, which is called by the prefecture's short name (晋中军分区).

    >>> _military_organ("军分区党委", parse_body("上饶市委"))
    '上饶军分区党委'
    >>> _military_organ("人武部", parse_body("宁都县委"))
    '宁都县人武部'
    >>> _military_organ("人武部", parse_body("宁都县委统战部")), _military_organ("人武部", None)
    ('人武部', '人武部')
    """
    organ = _MILITARY_BARE.match(body_text)
    if not organ:
        return body_text
    for body in around:
        if body is None or not body.anchored or not _PLACE_LEADER.search(body.label) \
                or not body.label.startswith(body.place) or body.place not in lex().place_level:
            continue
        if organ.group() == "人武部":
            return body.place + body_text
        if lex().place_level[body.place] in "市州盟" and _short_name(body.place):
            return _short_name(body.place) + body_text
    return body_text


_MILITARY_BARE = re.compile("^(?:人武部|军分区)")
#: The bodies that lead a place (its party committee, its government), whose 议军会议 or
#: titles name the place's military organs bare.
_PLACE_LEADER = re.compile("(?:[省市区县州旗盟]委|人民政府)$")


def _short_name(place: str) -> str:
    """A prefecture's short name (上饶市 -> 上饶), '' if the divisions give none."""
    return next((short for name, _, short, _ in divisions() if name == place and short), "")


_BARE_RESIDENT = re.compile(r"^驻([厅局委办署院部])(纪检监察组|纪检组)$")
_RESIDENT_TEAM = re.compile(r"驻.+(?:纪检监察组|纪检组)$")


def _own_unit(body_text: str, *around: Body | None) -> str:
    """局党委, 厅党组 and 机关党委 in a department's story are that department's own.

    >>> bureau = parse_body("辽宁省市场监管局")
    >>> _own_unit("局党委", bureau), _own_unit("机关党委", bureau), _own_unit("局党委", None)
    ('辽宁省市场监管局党委', '辽宁省市场监管局机关党委', '局党委')
    >>> _own_unit("部办公室", parse_body("湖北省委宣传部"))
    '湖北省委宣传部办公室'
    >>> _own_unit("所党委", parse_body("常德市看守所"))
    '常德市看守所党委'

    A division of the 机关 is the department's: 委机关医政医管处 at a 卫健委's meeting.

    >>> _own_unit("委机关规划处", parse_body("苏州市卫健委"))
    '苏州市卫健委规划处'
    """
    m = OWN_UNIT_PART.fullmatch(body_text)
    if not m:
        return body_text
    unit = m.group(1) or ""
    for body in _inheritable(*around):
        if body.anchored and (body.label.endswith(unit) if unit
                              else _DEPARTMENT_END.search(body.label) is not None):
            rest = body_text[len(unit):]
            return body.label + (rest[2:] if _OFFICE_DIVISION.match(rest) else rest)
    return body_text


_OFFICE_DIVISION = re.compile(r"机关(?!党)[\u4e00-\u9fff]{1,6}[处司]")


#: A department's own organ named by the department's last character (所党委 of a 看守所;
#: a prison's 监狱党委), or 机关党委 alone;
#: and its offices and divisions (部办公室, 厅文艺处).  One pattern for titles (局党委委员),
#: meeting names (厅党组(扩大)会议) and a title run that opens with one (people.py).
OWN_UNIT_PART = re.compile(
    r"(分局|[厅局委办署院部所]|监狱)(?:党组|党委|机关党委|机关|办公室|办公厅|[\u4e00-\u9fff]{1,6}[处司])"
    r"|机关党委")
_DEPARTMENT_END = re.compile(r"[厅局]$")


def _outside_study_group(context: Body | None) -> Body | None:
    """A study group (党组理论学习中心组) holds no organs: a bare 党组书记 at its session is
    its 党组's, so the context is the group's parent.

    >>> body = parse_body("甘肃省自然资源厅党组理论学习中心组")
    >>> _outside_study_group(body).label
    '甘肃省自然资源厅党组'
    """
    if context is None or not context.label.endswith("中心组") or not context.parents:
        return context
    parents = context.parents
    return Body(parents[-1], parents[:-1], context.place, context.level, context.party, True)


def _inheritable(*bodies: Body | None) -> list[Body]:
    """Bodies a bare role may belong to: each given body, then its parents (nearest first)."""
    out: list[Body] = []
    for body in bodies:
        if body is None:
            continue
        out.append(body)
        for i in range(len(body.parents) - 1, -1, -1):
            out.append(Body(body.parents[i], body.parents[:i], body.place, body.level,
                            body.party, True))
        if body.level == "街道" and body.label.endswith("党工委") and body.place != "街道":
            # 街道党工委委员、副主任: a 街道's 主任 heads its 办事处
            out.append(Body(body.place + "办事处", (), body.place, body.level, "", True))
    return out


#: Ranks without a post of command, held in a department: 一级巡视员王东 in the 厅's meeting.
_RANKS = ("巡视员 副巡视员 一级巡视员 二级巡视员 调研员 一级调研员 二级调研员 三级调研员"
          " 四级调研员")
#: A department's chief specialists: 厅党组成员、总工程师王某 serves the 厅.
_CHIEFS = "总工程师 总经济师 总会计师 总规划师"
_FITS = tuple((re.compile(pattern), roles) for pattern, roles in (
    (r"党组$", "书记 副书记"),
    (r"检察院$", "检察长 副检察长 常务副检察长 检察员 纪检组长 检察委员会专职委员"),
    (r"行署$", "专员 副专员 常务副专员 秘书长 副秘书长"),
    (r"法院$", "院长 副院长 常务副院长 审判员 助理审判员 纪检组长 审判委员会专职委员"),
    (r"人大常委会$", "主任 副主任 常务副主任 秘书长 副秘书长 委员"),
    (r"政协$", "主席 副主席 秘书长 副秘书长 常委 委员"),
    (r"(?:[省市区县州旗地]委|党委|党工委|党总支|党支部|中共中央)$",
     "书记 副书记 常务副书记 常委 委员 秘书长 组织委员 宣传委员 纪检委员 统战委员"),
    (r"(?:工商联|总商会|总工会|妇联)$",
     "主席 副主席 常务副主席 专职副主席 兼职副主席 会长 副会长 秘书长"),
    (r"部$", f"部长 副部长 常务副部长 部务委员 {_RANKS}"),
    (r"(?:支队|大队)$", "支队长 副支队长 大队长 副大队长 政委 副政委 教导员 副教导员"),
    (r"(?:戒毒所|看守所|拘留所|监狱)$", "所长 副所长 监狱长 副监狱长 政委 副政委"),
    (r"(?:军分区|警备区|军区)$", "司令员 副司令员 政委 副政委 政治委员 副政治委员"),
    (r"局$", f"局长 副局长 政委 副政委 纪检组长 {_RANKS} {_CHIEFS}"),
    (r"厅$", f"厅长 副厅长 纪检组长 {_RANKS} {_CHIEFS}"),
    # associations, religious ones too (伊斯兰教协会); a 天主教爱国会, a 三自爱国运动委员会
    # or a 基督教两会 is headed by a 主席 or 主任
    (r"(?:爱国会|爱国运动委员?会?|基督教两会)$", "主席 副主席 主任 副主任 秘书长 副秘书长"),
    (r"(?:协会|联谊会|联会|同学会|商会|促进会)$",
     "会长 副会长 常务副会长 专职副会长 秘书长 副秘书长"),
))


def role_fits(role: str, body: Body) -> bool:
    """Whether a bare role (副主任, 秘书长) can belong to ``body`` (inherited from context).

    >>> b = parse_body("福建省人大常委会")
    >>> role_fits("副主任", b), role_fits("副主席", b)
    (True, False)
    >>> role_fits("一级巡视员", parse_body("贵阳市委统战部"))
    True
    >>> role_fits("副会长", parse_body("西宁市伊斯兰教协会"))
    True
    >>> role_fits("主席", parse_body("西宁市佛教协会"))
    False
    >>> role_fits("主任", parse_body("西宁市天主教爱国会"))
    True
    """
    if role == "新闻发言人":  # any body may name one: the body itself, not one of its parts
        return not body.parents
    if body.party == _LEAGUE:
        return role in _LEAGUE_ROLES
    own = _lexicon_roles(body)
    if own:
        return role in own
    if body.party and body.label == body.party + "中央":  # 民革中央 has a 主席, not a 主委
        return role in ("主席", "副主席", "常务副主席", "秘书长", "副秘书长")
    if body.party and not body.head.endswith("部"):
        return role in ("主委", "副主委", "常务副主委", "专职副主委", "主任委员", "副主任委员",
                        "秘书长")
    for pattern, roles in _FITS:
        if pattern.search(body.label):
            return role in roles.split()
    return role in ("主任", "副主任", "常务副主任", "秘书长", "副秘书长")


_LEAGUE_ROLES = ("第一书记", "书记", "副书记", "常务书记", "常务副书记", "常委", "委员")


def _lexicon_roles(body: Body) -> tuple[str, ...]:
    """The roles ``kg/data/body_roles.txt`` gives the body's head (科协: 主席, 副主席 …).

    >>> _lexicon_roles(parse_body("广东省红十字会"))[:2], _lexicon_roles(parse_body("宁波市委"))
    (('会长', '副会长'), ())
    """
    for head in _LEXICON_HEADS:
        if body.label.endswith(head) and head in table("body_roles"):
            return tuple(table("body_roles")[head].split())
    return ()


_OWN_PLACE = re.compile(rf"^[{HAN}]{{1,4}}[省市区县州旗镇乡](?![委长])")


#: A unit's party committee, whose 纪委 is the unit's too: X集团党委, X大学党委.
_UNIT_COMMITTEE = re.compile(r"^(.{2,30}?(?:集团|公司|大学|学院|医院|学校))党委$")


def _place_root(body: Body) -> str:
    """The place a sibling body hangs from: 宁波市人民政府 -> 宁波市; '' for national bodies."""
    if body.party or not body.place or body.place == "中央":
        return ""
    return body.place if body.place not in _LEVELS else body.level


_PARTY_COMMITTEE_LABEL = re.compile(r"(?:[省市区县州旗地盟]委|党委|党工委|中共中央)$")


def _party_committee(body: Body) -> str:
    """The party committee a department label hangs from: 宁波市委统战部 -> 宁波市委."""
    for label in (body.label, *reversed(body.parents)):
        if _PARTY_COMMITTEE_LABEL.search(label):
            return label
    return ""


#: What ends the clause a title sequence is read back to.
_CLAUSE_MARKS = "".join(dict.fromkeys(",,。;;::!!??\n“”"))


#: A 监委's commissioner resident in a company or university: 省监委驻某集团监察专员.
_RESIDENT_INSPECTOR = re.compile(r"([^驻]{1,12}?监委)(?:派)?驻([^驻]{1,20}?)监察专员")


def _resident_inspector(sender: str, host: str, locale: Locale,
                        near: dict[str, str]) -> Title | None:
    """The post of a commissioner a 监委 sends into a body: held in the 监委, named with
    the body it watches.

    >>> t = _resident_inspector("省监委", "山东高速集团", Locale({"省": "山东省"}), {})
    >>> t.post, t.body.label
    ('山东省监委驻山东高速集团监察专员', '山东省监委')
    >>> _resident_inspector("省监委", "集团", Locale({"省": "山东省"}), {}) is None
    True
    """
    body, inner = parse_body(sender, locale, near), parse_body(host, locale, near)
    if body is None or inner is None or not body.anchored or not inner.anchored:
        return None  # 驻集团 with no company in sight
    return Title(body, f"驻{inner.label}监察专员")


def title_before(text: str, end: int, locale: Locale, context: Body | None,
                 near: dict[str, str], floor: int = 0) -> tuple[list[Title], int]:
    """The longest title sequence ending at ``text[end]`` (where a name starts).

    >>> fujian = Locale({"省": "福建省"})
    >>> ts, start = title_before("会议先后听取省人大法制委委员李智作", 14, fujian, None, {})
    >>> [t.post for t in ts], start
    (['福建省人大法制委委员'], 6)
    >>> t = "听取《法院工作报告》和县人民检察院检察长梁芳"
    >>> [x.post for x in title_before(t, 20, Locale({"县": "融水县"}), None, {})[0]]
    ['融水县检察院检察长']
    """
    start = max(floor, max(text.rfind(c, floor, end) for c in _CLAUSE_MARKS) + 1)
    if start > floor and text[start - 1] in ",," and _LIAISON.fullmatch(text, start, end):
        # 县委常委、副县长,四合永镇包联县领导巴特尔: the titles stand before the comma
        end = start - 1
        start = max(floor, max(text.rfind(c, floor, end) for c in _CLAUSE_MARKS) + 1)
    start = _comma_run_start(text, start, end, floor)
    declared = _declared_short(text, start, end, floor)
    if declared:
        titles = parse_titles(declared[0] + text[declared[2]:end], locale, context, near)
        if titles and titles[0].body.anchored:
            return titles, declared[1]
    clause = text[start:end]
    if not clause:
        return [], end
    clean = -1
    roles = lex().role_set
    inside = _not_title_starts(clause)
    for k in range(0, len(clause)):
        cand = clause[k:]
        first = k == 0 or k == 1 and clause[0] == "、"  # a list's next item: 、社会和法制委员会主任
        if cand[0] == "、" or any(clause[j:] in roles for j in range(max(0, k - 3), k)) \
                or k in inside:
            continue  # 书记 inside 第一书记 is not a title of its own, nor 河口 in 小河口村
        anchorable = _could_anchor(cand)
        if anchorable and len(place_prefix(cand)) == 2 and (
                start + k > 0 and _is_han(text[start + k - 1])
                or k > 0 and cand[0] in _JOINERS):
            continue  # 《…报告》和县人民检察院检察长: 和 joins, the 县 is the article's
        if not anchorable and (clean >= 0 or (not first and not _is_clean(cand))):
            continue
        places = dict(near)
        titles = parse_titles(cand, locale, context, places)
        if titles and titles[0].body.anchored:
            near.update(places)  # what parsing them for real would have noted
            return titles, start + k
        bare = cand.split("、")[0] in lex().role_set
        if titles and clean < 0 and (first or _is_clean(cand)) and not (
                bare and k > 0 and not _CONNECTOR.search(clause[:k])):
            clean = k
    if clean >= 0:
        return parse_titles(clause[clean:], locale, context, near), start + clean
    return [], end


#: A short name declared for the body just named: 新乡市供销合作社(以下简称“市供销社”).
_DECLARED = re.compile(rf"\({DECLARES}[“\"]?([{HAN}]{{2,12}})[”\"]?\)")


def _declared_short(text: str, start: int, end: int, floor: int) -> tuple[str, int, int] | None:
    """(short name, where it stands, where its bracket closes) when the titles ending at
    ``end`` follow a body's declared short name: the titles are the short name's, as
    the article goes on to call it (市供销社党组书记), and the full name may not parse
    (青岛城市建设投资(集团)有限责任公司).

    >>> t = "新乡市供销合作社(以下简称“市供销社”)党组书记、理事会主任聂长山"
    >>> _declared_short(t, t.index(")"), t.index("聂"), 0)
    ('市供销社', 14, 20)
    >>> _declared_short("市供销社党组书记聂长山", 0, 8, 0) is None
    True
    """
    if "称" not in text[max(floor, start - 20):start + 1]:
        return None
    m = next(reversed(list(_DECLARED.finditer(text, max(floor, start - 24), end))), None)
    if m is None or m.end() < start or any(c in _CLAUSE_MARKS for c in text[m.end():end]):
        return None
    return m.group(1), m.start(1), m.end()


def _comma_run_start(text: str, start: int, end: int, floor: int) -> int:
    """Where a title run split by a comma starts: in 市委副书记、市长,市政府党组书记彭某 the
    titles before the comma are the same person's, as the 党组 after it is that of a body
    named before it (the 市长's government).

    Other titles before a comma are other people's: 市人大常委会副主任、市政协副主席,
    市中级人民法院院长杨某 names three people, two of them not by name.

    >>> t = "市委副书记、市长,市政府党组书记彭某主持"
    >>> t[_comma_run_start(t, 9, 16, 0):16]
    '市委副书记、市长,市政府党组书记'
    >>> t = "市人大常委会副主任、市政协副主席,市中级人民法院院长杨某列席"
    >>> t[_comma_run_start(t, 17, 26, 0):26]
    '市中级人民法院院长'
    >>> t = "省纪委副书记,省监委驻山东高速集团监察专员孙某通报"
    >>> t[_comma_run_start(t, 7, 21, 0):21]
    '省纪委副书记,省监委驻山东高速集团监察专员'
    """
    if start <= floor or text[start - 1] not in ",," \
            or "党组" not in text[start:end] and "监察专员" not in text[start:end]:
        return start
    before = max(floor, max(text.rfind(c, floor, start - 1) for c in _CLAUSE_MARKS) + 1)
    if before < start - 1 and _RESIDENT_INSPECTOR.fullmatch(text, start, end) \
            and _all_titles(text[before:start - 1]):
        return before  # 集团纪委书记,省监委驻集团监察专员: a commissioner holds both
    after = _all_titles(text[start:end])
    bodies = {t.body.label for t in _all_titles(text[before:start - 1])} \
        if after and before < start - 1 else set()
    own = any(t.body.label.endswith("党组") and t.body.parents and t.body.parents[-1] in bodies
              for t in after)
    return before if own else start


def _all_titles(run: str) -> list[Title]:
    """The titles of ``run`` when every item of it is one (市委副书记、市长), else none."""
    items = [i for i in _TITLE_SEP.split(run) if i]
    if not items or not all(_split_role(i)[1] for i in items):
        return []
    titles = parse_titles(run)
    return titles if len(titles) == len(items) else []


#: A duty named between a person's titles and the name (四合永镇包联县领导): no post.
_LIAISON = re.compile(rf"[{HAN}]{{0,8}}?(?:包联|联系|挂点|挂钩|包片|包村)"
                      r"(?:县|市|区|镇|乡)?级?领导")


@lru_cache(maxsize=4096)
def _not_title_starts(clause: str) -> frozenset[int]:
    """Offsets where no title starts: inside a town, village or zone name (河口 in
    小河口村) or glued to its left (有 in 有长沙经开区), unless that is a division (江夏区)."""
    out: set[int] = set()
    for s, e in _place_spans(clause):
        out.update(range(s + 1, e))
        out.update(k for k in range(max(0, s - 4), s)
                   if _ALL_HAN.fullmatch(clause, k, s) and clause[k:s] not in lex().place_level)
    return frozenset(out)


def _could_anchor(cand: str) -> bool:
    """Cheap test: can a body expression starting here have a place or a party?"""
    return (cand[0] in _LEVELS or cand.startswith(_ANCHOR_WORDS) or bool(place_prefix(cand))
            or bool(_short_prefix(cand)) or bool(lex().party.match(cand))
            or bool(_town_match(cand)) or bool(_ZONE.match(cand))
            or cand[0] in table("party_abbrev") or bool(lex().national.match(cand)))


#: Words that join two titles and also begin a county's name (和县, 与县 is none).
_JOINERS = "和与及同"
_ANCHOR_WORDS = ("中共", "中国共产党", "自治区", "街道", "全国", "中央", "党中央", "政协")
_CONNECTOR = re.compile(r"(?:由|听取了?|以及|和|及|还有|会上|最后|随后|首先|其中|会议|大会)$")


def _is_clean(cand: str) -> bool:
    """No verb or function word in the first item (工作 of 预算工作委员会 is none)."""
    return not _STEM_BAD.search(cand.split("、")[0].replace("工作", ""))


@dataclass
class Mention:
    name: str
    start: int
    end: int
    titles: list[Title]


_LIST_SEP = re.compile("、|和(?=[^和]{2,4}(?:等|同志|[,,、。]|出席|参加|列席))")


#: A title of the same person in brackets: 主席(总商会会长), 黄某(印尼同乡会会长).
_TITLE_NOTE = re.compile(rf"\(([{HAN}]{{2,24}})\)")


def title_note_end(text: str, j: int) -> int:
    """Past a bracket at ``text[j]`` that holds a title (it ends in a role), else ``j``.

    >>> t = "主席(总商会会长)区志明"
    >>> title_note_end(t, 2), title_note_end(t, 0), title_note_end("李明(扩大)", 2)
    (9, 0, 2)
    """
    m = _TITLE_NOTE.match(text, j)
    if m and any(m.group(1)[-k:] in lex().role_set for k in (2, 3, 4, 5)):
        return m.end()
    return j


def name_list(text: str, i: int) -> list[tuple[str, int]]:
    """Names separated by 、 starting at ``text[i]``: [(name, start)].

    >>> name_list("副主任周联清、陈冬、庄稼汉出席会议", 3)
    [('周联清', 3), ('陈冬', 7), ('庄稼汉', 10)]
    >>> name_list("副主席马明(回族)、李和平出席", 3)
    [('马明', 3), ('李和平', 10)]
    >>> name_list("兼职副主席黄志勇(印尼福清同乡会会长)、林美华出席", 5)
    [('黄志勇', 5), ('林美华', 20)]
    """
    out = []
    while True:
        name = name_at(text, i) or (_listed_name(text, i) if out else _rare_surname(text, i))
        if not name:
            return out
        out.append((name, i))
        j = i + len(name)
        note = _NOTE_AFTER.match(text, j)  # 阿牛木呷(彝族)、李和平: the list goes on
        j = note.end() if note else title_note_end(text, j) if text.startswith("(", j) else j
        sep = _LIST_SEP.match(text, j)
        if sep and not title_ahead(text, sep.end()) and not _place_title_ahead(text, sep.end()) \
                and (name_at(text, sep.end()) or _listed_name(text, sep.end())):
            i = sep.end()
            continue
        return out


_LIST_ITEM_END = re.compile(r"[、,,。;;)]|等")


def _listed_name(text: str, i: int) -> str:
    """A name with a rare surname inside a list of names: 李卫宁、姒健敏、史济锡.

    Only a three-character item closed by 、 , 等 or a bracket, and no common word.

    >>> _listed_name("姒健敏、史济锡,秘书长", 0), _listed_name("专家代表、群众", 0)
    ('姒健敏', '')
    """
    item = text[i:i + 3]
    if len(item) < 3 or not _ALL_HAN.fullmatch(item) or not _LIST_ITEM_END.match(text, i + 3):
        return ""
    if any(c in _GIVEN_BAD for c in item) or item in lex().stop or item in lex().dict_words \
            or item[:2] in lex().dict_words or lex().roles.search(item):
        return ""
    return item


def _rare_surname(text: str, i: int) -> str:
    """A three-character name whose surname is mostly a common word (者, 代: ``kg/data/
    rare_surnames.txt``), where a name is expected and what follows ends one.

    >>> _rare_surname("者丽芬作了工作报告", 0), _rare_surname("代表局党组作报告", 0)
    ('者丽芬', '')
    """
    item = text[i:i + 3]
    if item[:1] not in _RARE_SURNAMES or len(item) < 3 or not _ALL_HAN.fullmatch(item) \
            or not _FOLLOW.match(text, i + 3):
        return ""
    words = lex().dict_words
    if any(c in _GIVEN_BAD for c in item[1:]) or lex().roles.search(item) \
            or any(w in words and not words[w][1].startswith("nr")
                   for w in (item[:2], item[1:], item)):
        return ""
    return item


_RARE_SURNAMES = frozenset(words("rare_surnames"))


def _place_title_ahead(text: str, i: int) -> bool:
    """Whether what starts at ``text[i]`` is a title of a place the lexicons do not know, then
    a name: 包金山、那仁宝拉格苏木巴彦乌拉嘎查党支部书记斯琴高娃 (a name read by words, 那仁宝,
    that nothing closes, and a role then a name further on in the same run of hanzi).

    >>> _place_title_ahead("那仁宝拉格苏木巴彦乌拉嘎查党支部书记斯琴高娃作交流发言", 0)
    True
    >>> _place_title_ahead("王芳出席会议", 0), _place_title_ahead("庄稼汉到县里调研", 0)
    (False, False)
    """
    name = name_at(text, i)
    if not name or _FOLLOW.match(text, i + len(name)):
        return False
    m = lex().roles.search(text, i + len(name), i + 24)
    return bool(m) and _ALL_HAN.fullmatch(text, i, m.start()) is not None \
        and bool(name_at(text, m.end()))


def title_ahead(text: str, i: int) -> bool:
    """Whether a title of its own starts at ``text[i]``, so that it is no name in a list:
    局长程亮、区招商局局长章宏宇 gives 区招商局局长 to 章宏宇 (区 is also a surname).

    >>> title_ahead("区招商局局长章宏宇", 0), title_ahead("陈冬、庄稼汉出席", 0)
    (True, False)
    """
    m = lex().roles.search(text, i, i + 20)
    if not m or not _ALL_HAN.fullmatch(text, i, m.start()) or m.start() - i < 1:
        return False
    if name_at(text, i) and _FOLLOW.match(text, i + len(name_at(text, i))):
        return False  # 王局长 is a name and a role, the name reads first
    return bool(name_at(text, m.end())) and bool(parse_titles(text[i:m.end()]))
