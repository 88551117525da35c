"""Places: the article's locale and the towns, villages and zones it names.

A ``Locale`` maps a level character (省, 市, 县 …) to the place an article is
about, found from its text (``find_locale``), its masthead / metadata
(``add_meta_locale``) and the division table (``with_province``).  The locale
is what turns a bare 市委 into 宁波市委 later on.  ``plausible_town`` and
``plausible_village`` tell a place name from a phrase that merely ends in 镇/村.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from kg.extract.lexicon import _LEVELS, _TERM, HAN, _alt, _mentions, lex
from kg.extract.names import _ALL_HAN
from kg.lexicon import divisions, province_of, words
from kg.normalise import to_simplified


@dataclass
class Locale:
    """The places an article is about, one per level (省, 市, 区, 县, 镇 ...)."""

    by_level: dict[str, str] = field(default_factory=dict)
    mentions: dict[str, int] = field(default_factory=dict)  # level -> how often its place is named

    def resolve(self, level: str, near: dict[str, str] | None = None) -> str:
        if near and near.get(level):
            return near[level]
        return self.by_level.get(level, level)


_TOWN_HEADS = "党委|党工委|人民政府|政府|人大|纪委"
_TOWN = re.compile(  # a lookahead, so that 梅县区畲江镇 is tried at 畲 too
    rf"(?=([{HAN}]{{2,4}}?(?:镇|乡|街道))(?:{_TOWN_HEADS}|办事处|召开|举行|举办|开展|在|视察|调研|"
    rf"考察|镇长|乡长|主任))")
_ZONES = "经济技术开发区|高新技术产业开发区|开发区|高新区|经开区|新区"
_ZONE_HEADS = "党工委|管委会|工委"
_ZONE = re.compile(rf"([{HAN}]{{0,4}}?(?:{_ZONES}|工业园区|产业园区|园区))(?={_ZONE_HEADS}|党委|$)")
_ZONE_NAMED = re.compile(rf"(?<![{HAN}])([{HAN}]{{2,4}}?(?:{_ZONES}))(?={_ZONE_HEADS}|召开|在)")
_LONG_ZONES = ("经济技术开发区", "高新技术产业开发区")
_ZONE_BARE = ("开发区", "高新区", "经开区", "新区", "园区", "工业园区", "产业园区")
_VILLAGE_IN_TEXT = re.compile(
    rf"(?=([{HAN}]{{2,3}}?(?:村|社区))(?:党支部|党总支|村委会|居委会|召开|举行))")
#: 大围山镇第十八届人民代表大会: a term number may stand between the town and its head.
_TOWN_START = re.compile(
    rf"([{HAN}]{{2,4}}?(?:镇|乡|街道))(?=(?:{_TERM})?(?:{_TOWN_HEADS})|办事处|$)")
#: What follows a village or 社区 name (小河口村党支部): a title never starts inside it.
_PLACE_HEADS = "党支部|党总支|党委|村委会|居委会"
_NOT_FIRST = set(_LEVELS + "到赴有经")


_STEM_BAD = re.compile(r"听取|召开|主持|出席|参加|会议|审议|通过|"
                       r"[了的在由和与及对向是为将把被从并等也还又已就其作]")


#: What may stand right before a place name: 到白沙洲镇, 由五里墩街道, 有长沙经开区.
_STEM_LEFT = set("在到赴至于和与及的对向从由有是为、等经")


def town_level(name: str) -> str:
    """The level a town or village name stands for (镇, 乡, 街道, 村, 社区)."""
    for level in ("街道", "社区", "镇", "乡", "村"):
        if name.endswith(level):
            return level
    return ""


def _town_match(expr: str) -> str:
    """The town name at the start of ``expr`` ('' if none).

    >>> _town_match("梅花镇第十九届人大"), _town_match("梅花镇第十九届")
    ('梅花镇', '')
    """
    m = _TOWN_START.match(expr)
    return m.group(1) if m else ""


def _left_edge(text: str, i: int) -> bool:
    """Whether a place name can begin at ``text[i]``: after punctuation, a function word
    (到, 由), a division (江夏区|白沙洲镇) or a common word (深入|白沙洲镇)."""
    if i == 0 or not _is_han(text[i - 1]) or text[i - 1] in _STEM_LEFT:
        return True
    names = lex().place_level
    if any(text[i - n:i] in names for n in range(2, min(i, 10) + 1)):
        return True
    known = lex().dict_words.get(text[i - 2:i]) if i >= 2 else None
    return bool(known and known[0] >= 100 and not known[1].startswith(("ns", "nr")))


def stem_start(text: str, end: int, shortest: int = 2, longest: int = 4) -> int:
    """Where the name of a town, village or zone whose stem ends at ``text[end]`` begins.

    The longest plausible stem with a left edge wins, so 白沙洲镇 is not read as 沙洲镇
    and 梅县区畲江镇 is 畲江镇; -1 when no stem is plausible.

    >>> t = "书记到白沙洲镇调研"; t[stem_start(t, t.index("镇")):t.index("镇")]
    '白沙洲'
    >>> t = "梅县区畲江镇党委"; t[stem_start(t, t.index("镇")):t.index("镇")]
    '畲江'
    """
    lx = lex()
    best = fallback = -1
    for n in range(shortest, longest + 1):
        s = end - n
        if s < 0:
            break
        stem = text[s:end]
        if not _ALL_HAN.fullmatch(stem) or _STEM_BAD.search(stem) or stem[0] in _NOT_FIRST \
                or (place_prefix(stem) and stem not in lx.place_level):
            continue
        fallback = s if fallback < 0 else fallback
        if _left_edge(text, s) or stem in lx.short_level:
            best = s
    return best if best >= 0 else fallback


_PLACE_END = re.compile(rf"(?:镇|乡|街道|村|社区)(?={_TOWN_HEADS}|{_PLACE_HEADS}|办事处)"
                        rf"|(?:{_ZONES})(?={_ZONE_HEADS}|党委)")


def _place_spans(clause: str) -> list[tuple[int, int]]:
    """(start, end) of the town, village and zone names in ``clause``: a title never
    starts inside one (小河口村 is not 河口 + 村)."""
    out = []
    for m in _PLACE_END.finditer(clause):
        s = stem_start(clause, m.start())
        if s >= 0 and plausible_town(clause[s:m.start()] + "镇"):  # not 最后镇党委
            out.append((s, m.end()))
    return out


#: 全镇, 各乡, 本街道: a quantifier before the level makes no town (今年全镇 …).
_WHOLE = set("全各本该每此整")


_TOWN_LEVEL_END = re.compile("(?:镇|乡|街道|村|社区)$")


def plausible_town(name: str) -> bool:
    """A 镇/乡/街道 name, not a phrase that happens to end in 镇 (最后镇党委 …).

    >>> plausible_town("高陂镇"), plausible_town("最后镇"), plausible_town("会议由镇")
    (True, False, False)
    >>> plausible_town("五里墩街道"), plausible_town("今年全镇"), plausible_town("南头街道")
    (True, False, True)
    """
    stem = _TOWN_LEVEL_END.sub("", name)
    if _STEM_BAD.search(stem) or len(stem) < 2 or stem[0] in _LEVELS \
            or stem[-1] in _WHOLE:
        return False
    # 五里墩街道 is a town, 最后镇 is not; 街道 are often named by locality words (南头街道)
    for w, tags in ((stem, "dfrtvcpmqu"), (stem[:2], "dfrtvcpu"), (stem[-2:], "dfrtvcpu")):
        known = lex().dict_words.get(w)
        if name.endswith("街道"):
            tags = tags.replace("f", "")
        if known and known[1][0] in tags and known[0] >= 5:
            return False
    return True


_VILLAGE_HEADS = "党支部|党总支|党委|村委会|居委会|委会"
_VILLAGE_START = re.compile(rf"([{HAN}]{{2,3}}?(?:村|社区))(?={_VILLAGE_HEADS}|$)")


_VILLAGE_END = re.compile("(?:村|社区)$")


def plausible_village(name: str) -> bool:
    """A 村/社区 name, not a phrase ending in 村 (各村, 全村, 在村 …).

    >>> plausible_village("白沙村"), plausible_village("每个村"), plausible_village("金桥社区")
    (True, False, True)
    """
    stem = _VILLAGE_END.sub("", name)
    return len(stem) >= 2 and not _STEM_BAD.search(stem) and stem[0] not in _LEVELS + "各全每个" \
        and plausible_town(stem + "镇")


_LEVEL_END = re.compile("[省市区县州旗盟]")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@cache
def _name_lengths() -> dict[str, tuple[int, ...]]:
    """Level character -> the lengths (2 to 10, longest first) of the division names
    ending in it, so that _places_in tries no length no name has."""
    out: dict[str, set[int]] = {c: set() for c in "省市区县州旗盟"}
    for name in lex().place_level:
        if name[-1] in out and 2 <= len(name) <= 10:
            out[name[-1]].add(len(name))
    return {c: tuple(sorted(ns, reverse=True)) for c, ns in out.items()}


def _places_in(text: str) -> list[str]:
    """Full division names in ``text``, found by their last character and a dictionary lookup."""
    names = lex().place_level
    lengths = _name_lengths()
    out = []
    for m in _LEVEL_END.finditer(text):
        end = m.end()
        for n in lengths[m.group()]:
            if n <= end and text[end - n:end] in names:
                alone = end <= 2 or not _is_han(text[end - 3]) or text[end - 4:end - 2] == "中共"
                if n == 2 and (not alone or text[end:end + 1] == "长"):
                    break  # 和县, 赵县 stand alone (or after 中共); 代县长 is a role
                out.append(lex().common.get(text[end - n:end], text[end - n:end]))
                break
    return out


def place_prefix(expr: str) -> str:
    """The longest full division name at the start of ``expr``.

    >>> place_prefix("宁波市委统战部"), place_prefix("市委")
    ('宁波市', '')
    """
    names = lex().place_level
    for n in range(min(len(expr), 10), 1, -1):
        if expr[:n] in names:
            return expr[:n]
    return ""


def _short_prefix(expr: str) -> str:
    """A short place name (杭州) at the start of ``expr``; never one read across a bare
    level (市中级人民法院 is the city's court, not 市中区's; 镇江 stays a place).

    >>> _short_prefix("杭州市委"), _short_prefix("市中级人民法院")
    ('杭州', '')
    """
    shorts = lex().short_level
    if expr[:1] in "省市区县":
        return ""
    for n in range(min(len(expr) - 1, 8), 1, -1):
        if expr[:n] in shorts:
            return expr[:n]
    return ""


def find_locale(text: str) -> Locale:
    """Pick, per level, the place the article names most (and clearly most).

    >>> find_locale("宁波市委召开会议。宁波市委书记出席。杭州市代表").by_level["市"]
    '宁波市'
    """
    lx = lex()
    counts: dict[str, Counter[str]] = {}
    for name in _places_in(text):
        counts.setdefault(lx.place_level[name], Counter())[name] += 1
    for m in _ZONE_NAMED.finditer(text) if _mentions(text, "开发区", "新区", "经开区") else ():
        if not _STEM_BAD.search(m.group(1)) and m.group(1) not in _ZONE_BARE:
            counts.setdefault("园", Counter())[m.group(1)] += 1
    for town in _towns_in(text):
        counts.setdefault(town_level(town), Counter())[town] += 1
    last_end = -1  # 骆驼湾村 is also read at 驼: keep the longest name ending there
    for m in _VILLAGE_IN_TEXT.finditer(text) if _mentions(text, "村", "社区") else ():
        if m.end(1) != last_end and plausible_village(m.group(1)):
            counts.setdefault("村", Counter())[m.group(1)] += 1
            last_end = m.end(1)
    if "园" in counts:
        _merge_zone_forms(counts["园"])
    out = Locale()
    for level, c in counts.items():
        top = c.most_common(2)
        if len(top) == 1 or top[0][1] >= 2 * top[1][1]:
            out.by_level[level] = top[0][0]
            out.mentions[level] = top[0][1]
    return out


_SHORT_ZONES = {"高新区": "高新技术产业开发区", "经开区": "经济技术开发区"}


def _merge_zone_forms(zones: Counter[str]) -> None:
    """Count a zone's short form (西安高新区) as its long one (西安高新技术产业开发区) when
    the article writes both: one zone, not two that tie.

    >>> c = Counter({"西安高新技术产业开发区": 1, "西安高新区": 1})
    >>> _merge_zone_forms(c); dict(c)
    {'西安高新技术产业开发区': 2}
    """
    for name in list(zones):
        for short, long in _SHORT_ZONES.items():
            full = name[:-len(short)] + long if name.endswith(short) else ""
            if full in zones and len(name) > len(short):
                zones[full] += zones.pop(name)


_RANK = {"province": 0, "city": 1, "county": 2}


@cache
def _masthead_places() -> dict[str, str]:
    """Short name -> the division it most likely means in a masthead: the higher level
    (吉林日报 is 吉林省's, 长沙晚报 长沙市's, not 长沙县's)."""
    best: dict[str, tuple[int, str]] = {}
    for name, level, short, common in divisions():
        rank = _RANK.get(level, 3)
        if len(short) >= 2 and (short not in best or rank < best[short][0]):
            best[short] = (rank, common or name)
    return {short: full for short, (_, full) in best.items()}


def _meta_places(value: str) -> dict[str, str]:
    """Places one metadata value names, per level: full names, a masthead's short name
    (张家界日报), a development zone or a town.

    >>> _meta_places("张家界日报"), _meta_places("慈利县人民政府网")
    ({'市': '张家界市'}, {'县': '慈利县'})
    >>> _meta_places("长沙经济技术开发区管委会"), _meta_places("苏州工业园区管委会")
    ({'园': '长沙经济技术开发区'}, {})
    """
    lx = lex()
    out: dict[str, str] = {}
    zone = _ZONE_NAMED.search(value)
    if zone and zone.group(1) not in _ZONE_BARE:
        out["园"] = zone.group(1)
    for town in _towns_in(value):
        out.setdefault(town_level(town), town)
    for name in _places_in(value):
        if not (out.get("园", "").startswith(name)):
            out.setdefault(lx.place_level[name], name)
    short = _short_prefix(value)
    full = _masthead_places().get(short, "")
    if full and not out and not value.startswith(full) \
            and not _ZONE_AFTER.match(value, len(short)):  # 苏州工业园区 is no 苏州市 source
        out[lx.place_level[full]] = full
    return out


_ZONE_AFTER = re.compile(r"(?:市|县|区)?(?:工业园区|产业园区|园区|开发区|高新区|经开区|新区)")


def add_meta_locale(locale: Locale, meta: dict[str, str]) -> Locale:
    """Fill the levels the text leaves open from the article's metadata: its title,
    source (来源:某某日报) and site host (主办:某某市人民政府), in that order.

    Weaker than the text: a level the text resolves is kept; a national outlet
    (``kg/data/national_outlets.txt``) says nothing about the article's place.

    >>> add_meta_locale(Locale(), {"source": "张家界日报"}).by_level
    {'市': '张家界市'}
    >>> add_meta_locale(Locale({"市": "宁波市"}), {"host": "台州市人民政府"}).by_level
    {'市': '宁波市'}
    >>> add_meta_locale(Locale(), {"source": "人民网-湖南频道"}).by_level
    {}
    """
    outlets = words("national_outlets")
    for key in ("title", "source", "host"):
        value = to_simplified(meta.get(key, ""))
        if not value or (key == "source" and value.startswith(outlets)):
            continue
        for level, place in _meta_places(value).items():
            locale.by_level.setdefault(level, place)
    return locale


@cache
def _bare_cities() -> tuple[dict[str, str], re.Pattern[str]]:
    """Short name -> prefecture-level city, for the shorts that one city alone has, no
    province shares (吉林) and jieba's dictionary tags as a place or a rare noun (芜湖, 合肥;
    not 东方, 三明 or 保定, which are words too)."""
    seen: dict[str, list[str]] = {}
    provinces = {short for _, level, short, _ in divisions() if level == "province"}
    for name, level, short, _ in divisions():
        freq, tag = lex().dict_words.get(short, (0, ""))
        if level == "city" and name.endswith("市") and len(short) >= 2 \
                and short not in provinces and (tag == "ns" or tag == "n" and freq < 3000):
            seen.setdefault(short, []).append(name)
    shorts = {s: names[0] for s, names in seen.items() if len(names) == 1}
    return shorts, re.compile(_alt(shorts) + "(?![市县区州盟])")


def with_named_city(locale: Locale, text: str) -> Locale:
    """A city named bare (在服务芜湖…中) is the one of a story whose bodies are bare
    (市委统战部召开…), when no city is named in full and it is the only one named so.

    >>> with_named_city(Locale(), "市委统战部召开会议。要在服务芜湖发展中展现担当。").by_level
    {'市': '芜湖市'}
    >>> with_named_city(Locale(), "市委召开会议,芜湖、合肥两市代表参加").by_level
    {}
    """
    if "市" in locale.by_level or not _mentions(text, "市委", "市政府", "市人民政府",
                                                 "市人大", "市政协"):
        return locale
    shorts, pattern = _bare_cities()
    found = {shorts[m.group()] for m in pattern.finditer(text)}
    if len(found) == 1:
        locale.by_level["市"] = found.pop()
    return locale


def with_home_city(locale: Locale, text: str, meta: dict[str, str]) -> Locale:
    """A city paper's own city is the article's when the text says 我市 and names that
    city too, though another city is named more: 常州市党政代表团来我市考察 under
    来源:鄂尔多斯日报 is a visit to 鄂尔多斯, whose bare 市委 the article's are; the
    province follows the city.

    >>> text = "江苏省常州市委书记率常州市代表团来我市考察,鄂尔多斯市副市长陪同"
    >>> loc = with_home_city(find_locale(text), text, {"source": "鄂尔多斯日报"})
    >>> loc.by_level["市"], "省" in loc.by_level
    ('鄂尔多斯市', False)
    >>> with_home_city(find_locale(text), text, {}).by_level["市"]
    '常州市'
    """
    source = to_simplified(meta.get("source", ""))
    if "我市" not in text or not source or source.startswith(words("national_outlets")):
        return locale
    home = _meta_places(source).get("市", "")
    short = _short_prefix(source)
    if not home or home == locale.by_level.get("市") or not short or short not in text:
        return locale
    locale.by_level["市"] = home
    province = province_of().get(_full_names().get(home, home), "")
    if locale.by_level.get("省") not in (province, lex().common.get(province, province)):
        locale.by_level.pop("省", None)
    return locale


@cache
def _full_names() -> dict[str, str]:
    """Common form -> full division name: 大理州 -> 大理白族自治州."""
    return {c: n for n, c in lex().common.items()}


def with_zone_city(locale: Locale) -> Locale:
    """Fill the city from the article's development zone when the text names no city:
    in a 芜湖经济技术开发区 story a bare 市委常委 is 芜湖市's (the zone is named after it).

    >>> with_zone_city(Locale({"园": "芜湖经济技术开发区"})).by_level["市"]
    '芜湖市'
    >>> with_zone_city(Locale({"园": "璧山高新技术产业开发区"})).by_level.get("市")
    """
    zone = locale.by_level.get("园", "")
    if not zone or "市" in locale.by_level or "州" in locale.by_level:
        return locale
    city = _masthead_places().get(_short_prefix(zone), "")
    if lex().place_level.get(_full_names().get(city, city)) == "市":
        locale.by_level["市"] = city
    return locale


def with_province(locale: Locale) -> Locale:
    """Fill the province from the article's prefecture or county when the text names no
    province: a 三亚 story's 副省长 is 海南省's (the divisions table says where 三亚市 is).
    Only when every place the locale holds points to the same province.

    >>> with_province(Locale({"市": "三亚市"})).by_level["省"]
    '海南省'
    >>> "省" in with_province(Locale({"区": "鼓楼区"})).by_level
    False
    """
    if "省" in locale.by_level:
        return locale
    lx = lex()
    full = _full_names()
    found = {province_of().get(full.get(p, p), "") for lv, p in locale.by_level.items()
             if lv in "市州区县旗盟"}
    found.discard("")
    if len(found) == 1 and next(iter(found)).endswith(("省", "自治区")):  # not 重庆市
        province = found.pop()
        locale.by_level["省"] = lx.common.get(province, province)
    return locale


def _towns_in(text: str) -> list[str]:
    """Every 镇/乡/街道 named in ``text``, each read from its own left edge.

    >>> _towns_in("区委书记到白沙洲镇调研,梅县区畲江镇党委召开会议")
    ['白沙洲镇', '畲江镇']
    """
    if not _mentions(text, "镇", "乡", "街道"):
        return []  # what _TOWN needs
    ends = {m.start() + len(m.group(1)) for m in _TOWN.finditer(text)}
    out = []
    for end in sorted(ends):
        tail = 2 if text.endswith("街道", 0, end) else 1
        s = stem_start(text, end - tail)
        if s >= 0 and plausible_town(text[s:end]):
            out.append(text[s:end])
    return out
