"""Meetings, documents and dates as one sentence states them.

``meetings_in`` finds the meetings a sentence convenes, chairs or studies, with
their holder, chair position and subject (``MeetingHit``); ``documents`` and
``discussed_here`` find the 《documents》 a meeting dealt with; ``find_date``
reads a sentence's date, relative ones (昨天) against the publication date.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from functools import cache

from kg.extract.bodies import (
    _AUTONOMOUS,
    _NATIONAL,
    _TERM_END,
    _TERM_START,
    _WORK_GROUP_END,
    Body,
    _one_char_county,
    parse_body,
)
from kg.extract.institutions import DECLARES, INSTITUTION, institution_prefix, organ_head
from kg.extract.lexicon import _LEVELS, _NUM, _TERM, HAN, _alt, lex
from kg.extract.places import Locale, place_prefix, plausible_town
from kg.extract.titles import OWN_UNIT_PART, Mention, Title, _is_clean
from kg.lexicon import words

_MONTH_DAY = re.compile(r"(?:(\d{4})\s?年\s?)?(\d{1,2})\s?月\s?(\d{1,2})\s?日")
_YEAR_MONTH = re.compile(r"\d{4}-\d\d")
_DAY_ONLY = re.compile(r"(?<![\d月])(\d{1,2})日")
#: 2019.3.5: a date written with dots (a year of four digits, so no version number)
_DOTTED = re.compile(r"(?<![\d.])((?:19|20)\d\d)\.(\d{1,2})\.(\d{1,2})(?![\d.])")
_CN_DIGITS = "〇一二三四五六七八九"
#: 二〇一九年三月十二日: a date in Chinese numerals (official documents, older papers)
_CN_MONTH_DAY = re.compile(r"(?:([〇零一二三四五六七八九]{4})年)?([一二三四五六七八九十]{1,2})月"
                           r"([一二三四五六七八九十]{1,3})日")


def _cn_number(numerals: str) -> int:
    """十二 -> 12, 二十一 -> 21, 三十 -> 30, 二〇一九 -> 2019 (digit by digit); 0 if malformed.

    >>> [_cn_number(n) for n in ("九", "十", "十二", "二十", "二十一", "二〇一九", "十十")]
    [9, 10, 12, 20, 21, 2019, 0]
    """
    numerals = numerals.replace("零", "〇")
    if "十" not in numerals:
        return int("".join(str(_CN_DIGITS.index(c)) for c in numerals))
    tens, _, ones = numerals.partition("十")
    if len(tens) > 1 or "十" in ones or len(ones) > 1 or "〇" in tens + ones:
        return 0
    return (_CN_DIGITS.index(tens) if tens else 1) * 10 + (_CN_DIGITS.index(ones) if ones else 0)


def _cn_date(text: str) -> tuple[int, int, int] | None:
    """(year or 0, month, day) of the first date written in Chinese numerals.

    >>> _cn_date("二〇一九年三月十二日,市政协召开会议"), _cn_date("十月二十六日上午")
    ((2019, 3, 12), (0, 10, 26))
    """
    m = _CN_MONTH_DAY.search(text)
    if not m:
        return None
    return (_cn_number(m[1]) if m[1] else 0), _cn_number(m[2]), _cn_number(m[3])


def find_date(text: str, pub: str = "") -> str:
    """A ``[YYYY年]M月D日`` (or ``D日`` with a publication date) as an ISO date.

    >>> find_date("8月1日,宁波市委召开会议"), find_date("2017年4月13日上午")
    ('--08-01', '2017-04-13')
    >>> find_date("7月6日", "2019-07-10"), find_date("28日", "2024-05-29")
    ('2019-07-06', '2024-05-28')
    >>> find_date("2 月 19 日,市委政法委召开会议", "2025-02-20")
    '2025-02-19'
    >>> find_date("二〇一九年三月十二日,市政协召开常委会议")
    '2019-03-12'
    >>> find_date("2019.3.5下午,民盟市委会召开会议")
    '2019-03-05'
    """
    m = _MONTH_DAY.search(text) or _DOTTED.search(text)
    pub_y, pub_m = (int(pub[:4]), int(pub[5:7])) if _YEAR_MONTH.match(pub) else (0, 0)
    written = (int(m[1] or 0), int(m[2]), int(m[3])) if m else \
        _cn_date(text) if "月" in text else None
    if written:
        year, month, day = written
        year = year or (pub_y - (month > pub_m) if pub_y else 0)
    else:
        m = _DAY_ONLY.search(text)
        if not m and pub_y:
            return _relative_date(text, pub)
        if not m or not pub_y:
            return ""
        day, month, year = int(m.group(1)), pub_m, pub_y
        if len(pub) >= 10 and day > int(pub[8:10]):
            month, year = (month - 1, year) if month > 1 else (12, year - 1)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


_RELATIVE_DAY = re.compile(r"(?<![每当同])(今天|今日|昨天|昨日|前天)(?:上午|下午|晚上|晚)?")
_DAYS_BACK = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}


_ISO_DATE_ONLY = re.compile(r"\d{4}-\d\d-\d\d$")


def _relative_date(text: str, pub: str) -> str:
    """昨天/今天/前天 counted back from the publication date ('' without one).

    日前 and 近日 say only "recently": they give no date.

    >>> _relative_date("昨天,市政府召开会议", "2024-03-01"), _relative_date("日前", "2024-03-01")
    ('2024-02-29', '')
    """
    m = _RELATIVE_DAY.search(text)
    if not m or not _ISO_DATE_ONLY.match(pub[:10]):
        return ""
    day = datetime.date.fromisoformat(pub[:10]) - datetime.timedelta(days=_DAYS_BACK[m.group(1)])
    return day.isoformat()


def documents(sentence: str) -> list[tuple[str, int]]:
    """Titles inside 《》 (nested <> or 〈〉 kept): [(title, start)].

    >>> documents("审议《中共宁波市委工作规则》和《规划(2016—2017年)》")
    [('中共宁波市委工作规则', 2), ('规划(2016—2017年)', 15)]
    """
    if "《" not in sentence:
        return []
    return [(m.group(1), m.start()) for m in _DOCUMENT.finditer(sentence)]


_DOCUMENT = re.compile(r"《([^《》]{2,120})》")


#: 就《X》作说明, 关于《X》的报告; also for each title of a pair (就《X》和《Y》的起草情况作了说明).
_EXPLAINED = re.compile(r"》(?:[和及与、]《[^《》]{2,120}》)*"
                        r"(?:\([^()]*\))?(?:向[^,,。;]{1,8}?)?(?:作了?|的)?"
                        r"(?:[^,,。;《》]{0,6}?情况|审议结果)?的?(?:作了?)?(?:说明|报告|汇报|解读)")


#: A title in 《》, which the verbs around it are read without.
_TITLE_SPAN = re.compile(r"《[^《》]*》")


def discussed_here(sentence: str, pos: int, strong_only: bool = False,
                   study: bool = False) -> bool:
    """Whether the verb governing the title at ``pos`` is a discussion verb.

    >>> s = "审议通过了《报告》,发出了《倡议书》"
    >>> discussed_here(s, 5), discussed_here(s, 13)
    (True, False)
    >>> s = "王强作题为《奋勇争先》的工作报告,作题为《青春》的讲话"
    >>> discussed_here(s, 5), discussed_here(s, 22)
    (True, False)
    >>> discussed_here("副市长王芳作了《关于预算执行情况的报告》", 7)
    True
    >>> discussed_here("分别就《工作要点》和《实施意见》的起草情况作了说明", 3)
    True
    """
    lx = lex()
    close = sentence.find("》", pos)
    if close > 0 and _EXPLAINED.match(sentence, close):
        return True  # 就《X》作说明, 关于《X》的报告
    if close > 0 and sentence.endswith("题为", 0, pos) and _TITLED_REPORT.match(sentence, close):
        return True  # 作题为《X》的工作报告: the report laid before the meeting
    if close > 0 and _MADE.search(sentence, 0, pos) and _REPORT_TITLE.search(sentence, pos, close):
        return True  # 副市长X作了《关于…的报告》: the report itself
    last = ""
    masked = _TITLE_SPAN.sub(lambda m: "□" * len(m.group()), sentence)
    for m in lx.discuss.finditer(masked, 0, pos):
        if masked.startswith("的", m.end()):
            continue  # 中办印发的《X》: who issued it; the governing verb is an earlier one
        last = m.group()
        if _EXHORTED.search(masked, max(0, m.start() - 16), m.start()):
            last = ""  # 要认真学习《X》 asks for study later; the meeting did not study it
    if strong_only and last not in _STRONG_DISCUSS and not (study and last in _STUDY_VERBS):
        return False
    return bool(last) and lx.discuss_kind[last] == "discussed"


_TITLED_REPORT = re.compile(r"》的[^,,。;《》]{0,8}?报告")
_MADE = re.compile(r"作了?$")
_REPORT_TITLE = re.compile(r"(?:报告|说明)$")
_EXHORTED = re.compile(
    r"(?:要|将|应当?|需要?|必须|务必)(?:认真|深入|切实|持续|进一步|全面|继续|及时|扎实)*$")
#: At a study session, what someone 领学 or 解读 is what the session studied.
_STUDY_VERBS = {"学习", "领学", "领读", "解读"}
_STRONG_DISCUSS = {"审议", "通过", "表决", "听取", "审查", "审定", "宣读"}


_CONVENE = re.compile(r"(主持)?(?:召开|举行|举办|(开幕|闭幕))(?:了|的)?\s*")
_NOT_HELD = re.compile(r"(?:审议|提请|关于|决定|筹备|要|将|拟|应|定期|不定期|协助|适时|及时研究|"
                       r"确保|计划|准备|通过|积极|每月|每季度|每年|推动|促请|报请|建议|争取)$")
#: …召开的全省组织工作会议上的讲话: a meeting only named as where a speech was given.
_SPEECH_THERE = re.compile(r"上[^,,。;]{0,30}?的(?:重要)?讲话")
_AFTER_PAST = re.compile(r"(?:以?后|之后|以来|前夕|期间|精神|情况)")


@dataclass
class MeetingHit:
    label: str
    holder: Body | None
    name: str
    start: int
    end: int
    chair: int = -1  # start of the 主持 verb when a person convened it
    co_holders: tuple[Body, ...] = ()  # bodies convening with the holder (县委、县政府召开)
    date: str = ""
    subject: bool = False  # the meeting is the subject: …会议召开


_PRE_ADVERB = re.compile(
    r"(?:组织|牵头|联合|迅速|及时|随即|专门|立即|第一时间|再次|近日|日前|隆重|顺利|"
    r"于[^,,]{1,12}日?)+$")
_PRE_DATE = re.compile(
    r"^(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|晚)?(?:\d+[点时](?:\d+分)?)?")


_EARLIER_CLAUSES = re.compile(r"^.*[,,。;;::]")
_WHERE_END = re.compile(r"在[^,,。;]{1,30}?$")
#: 政治局3月29日, 全国政协2014年10月17日, 国新办于5月21日(星期二)上午10时: the day it met.
_DAY_END = re.compile(r"于?(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:\([^()]{1,4}\))?"
                      r"(?:上午|下午|晚上|晚)?(?:\d{1,2}[时点](?:\d{1,2}分|半)?)?$")
_TEAM_END = re.compile(r"(?:常委|领导)?班子$")


def _strip_pre(pre: str) -> str:
    """The convener before 召开: no clause before it, no place, adverb, date or 班子.

    A 班子 (the committee's leading team) meets for its body: 市委常委班子召开民主生活会
    is the 市委's meeting.

    >>> _strip_pre("1月8日,永康市委常委班子"), _strip_pre("县政府党组领导班子")
    ('永康市委', '县政府党组')
    >>> _strip_pre("中共中央政治局3月29日")
    '中共中央政治局'

    A short name declared in passing stands between the body and 召开:

    >>> _strip_pre("6月30日,佛山市市场监督管理局(以下简称“市市场监管局”)")
    '佛山市市场监督管理局'
    """
    pre = _DECLARATION.sub("", pre) if "称" in pre else pre
    pre = _EARLIER_CLAUSES.sub("", pre)
    pre = _WHERE_END.sub("", pre)
    pre = _PRE_ADVERB.sub("", pre)
    pre = _PRE_DATE.sub("", pre)
    pre = _DAY_END.sub("", pre)  # 政治局3月29日
    return _TEAM_END.sub("", pre)


#: A short name declared before 召开: …(以下简称“市卫健委”)(在市政府)联合召开.
_DECLARED_AT = re.compile(rf"\({DECLARES}[“\"]?([{HAN}]{{2,12}})[”\"]?\)")


def _declared_holder(before: str, locale: Locale, near: dict[str, str]) -> str:
    """The convener called by the short name it is declared to go by, as the article's
    titles will call it (so 温州市卫生健康委员会(以下简称“市卫健委”)召开 and 市卫健委党委书记
    name one body); the full name stays when the short one is no body.

    >>> wenzhou, foshan = Locale({"市": "温州市"}), Locale({"市": "佛山市"})
    >>> _declared_holder("8月16日,温州市卫生健康委员会(以下简称“市卫健委”)", wenzhou, {})
    '8月16日,温州市卫健委'
    >>> _declared_holder("佛山市生态环境局与佛山市市场监督管理局(以下简称“市市场监管局”)在市生态"
    ...                  "环境局联合", foshan, {})
    '佛山市生态环境局与佛山市市场监管局在市生态环境局联合'
    >>> _declared_holder("华夏能源集团有限公司(以下简称“华夏”)", Locale(), {})
    '华夏能源集团有限公司'
    """
    m = next(reversed(list(_DECLARED_AT.finditer(before))), None)
    if not m:
        return before
    head, tail = before[:m.start()], before[m.end():]
    short = parse_body(m.group(1), locale, near)
    for i in range(len(head) - 2):
        if i and head[i - 1] not in "、和与及,,":
            continue
        full = parse_body(head[i:], locale, near)
        if full is not None and full.anchored:
            if short is None or not short.anchored or short.place != full.place \
                    or short.level != full.level:
                return head + tail
            return head[:i] + short.label + tail
    return head + tail


_CPC_START = re.compile(r"^(?:中国共产党|中共)(?!中央)")


def _holder_from_name(name: str, locale: Locale, near: dict[str, str]) -> tuple[Body | None, str]:
    """A body at the start of a meeting's name: 区十九届人大常委会第六次会议 -> 区人大常委会.

    >>> _holder_from_name("省委第二巡视组巡视兰州大学党委工作动员会", Locale(), {})[0].label
    '省委第二巡视组'
    >>> _holder_from_name("区长办公会议", Locale({"区": "武侯区"}), {})
    (None, '区长办公会议')
    """
    as_written = name
    name = _CPC_START.sub("", name)
    stripped = _TERM_START.sub("", name)
    meeting = lex().meeting
    for n in range(min(len(stripped), 40), 1, -1):
        rest = stripped[n:]
        if (rest and not meeting.match(rest)) or _TERM_END.search(stripped, 0, n) \
                or _SESSION.search(stripped, 0, n) or _INSPECTING.search(stripped, 0, n) \
                or stripped.startswith("办公会", n - 1):
            # 区长办公会议 is the 区长's meeting, no 区长办(公室)'s: no cut inside 办公会
            continue  # tested before parsing the body, which costs more
        body = parse_body(stripped[:n], locale, near)
        if body and body.anchored and (body.place or body.party or body.label == "中共中央"
                                       or body.label.startswith(_NATIONAL)) \
                and (body.label != body.place or body.level == INSTITUTION):
            if body.written:  # with the 中国共产党 the name had: 中国共产党X市第十三届委员会
                body = replace(body, written=as_written[:len(as_written) - len(rest)])
            return body, _qualified_name(name, body)
    return None, name


#: A group sent out, then what it inspects: 省委第三巡视组巡视X大学党委 is no one body.
_INSPECTING = re.compile("组(?:巡视|巡察|督导|进驻)")
#: A numbered session belongs to the meeting, never to the body holding it:
#: 政协南充市第八届委员会第十二次常务委员会会议 is held by 南充市政协.
_SESSION = re.compile(rf"第[{_NUM}]+次")

_BARE_LEVEL_START = re.compile(
    rf"^((?:{_TERM})?)(自治区|自治州|自治县|街道|[{_LEVELS}])(?![{_LEVELS}])")


def _qualified_name(name: str, body: Body) -> str:
    """The meeting's own name, its bare leading place (省/市/区…) made explicit.

    >>> body = parse_body("省人大常委会", Locale({"省": "福建省"}))
    >>> _qualified_name("省十四届人大常委会第十次会议", body)
    '福建省十四届人大常委会第十次会议'
    >>> _qualified_name("重庆市渝中区委常委会会议", parse_body("渝中区委"))
    '渝中区委常委会会议'
    >>> dept = Locale({INSTITUTION: "福建省财政厅"})
    >>> _qualified_name("厅党组(扩大)会议", parse_body("厅党组", dept))
    '福建省财政厅党组(扩大)会议'
    """
    if _one_char_county(body.place) and name.startswith(body.place + "委"):
        name = body.place + "县" + name[len(body.place):]  # 涉县委全会 is 涉县县委全会
    outer = place_prefix(name)
    if outer and body.place and outer != body.place and name[len(outer):].startswith(body.place):
        name = name[len(outer):]  # 西宁市城西区委员会…会议 is the 城西区委's: innermost place
    m = _BARE_LEVEL_START.match(name)
    if m and body.place and body.place not in (*_LEVELS, "自治区", "街道") \
            and body.place.endswith(_AUTONOMOUS.get(m.group(2), m.group(2))):
        return m.group(1) + body.place + name[m.end():]
    head = body.label[len(body.place):] if body.label.startswith(body.place) else ""
    if body.level == INSTITUTION and head and not name.startswith((body.place, head)):
        own = institution_prefix(name, Locale({INSTITUTION: body.place}))
        if own and own[1] and name.startswith(head, own[1]):
            name = name[own[1]:]  # 厅党组会议 in a 财政厅 story: 厅 is the department itself
    if body.place and (head.startswith(("党工委", "管委会")) or body.level == INSTITUTION) \
            and name.startswith(head) and not name.startswith(body.place):
        return body.place + name  # 党工委会议 in a 红旗街道 story is 红旗街道党工委会议
    return name


#: A session named with its body's formal name: 嘉兴市第八届人民代表大会第四次会议,
#: 第十一届全国人民代表大会常务委员会…, 九三学社第十四届中央委员会常务委员会….
_FORMAL_SESSION = re.compile(
    rf"^(?P<owner>.*?)第(?P<term>[{_NUM}]+)届(?P<national>全国)?"
    r"(?P<body>人民代表大会常务委员会|人民代表大会|中央委员会常务委员会)(?P<rest>.+)$")
_SHORT_BODY = {"人民代表大会常务委员会": "人大常委会", "人民代表大会": "人大",
               "中央委员会常务委员会": "中央常委会"}
#: A congress's session number, written without 第 in the short form (八届人大四次会议).
_CONGRESS_SESSION = re.compile(rf"(?<=[{_NUM}]届人大)第(?=[{_NUM}]+次)")


def session_key(label: str) -> str:
    """The short form of a session's name, as headlines write it: what tells that the
    lead's formal name and the headline's short one are one meeting.

    >>> session_key("嘉兴市第八届人民代表大会第四次会议"), session_key("嘉兴市八届人大第四次会议")
    ('嘉兴市八届人大四次会议', '嘉兴市八届人大四次会议')
    >>> session_key("第十一届全国人民代表大会常务委员会第二十次会议")
    '十一届全国人大常委会第二十次会议'
    >>> session_key("九三学社第十四届中央委员会常务委员会第十次会议")
    '九三学社十四届中央常委会第十次会议'
    >>> session_key("中国共产党张家界市第十三届委员会第五次全体会议")  # other bodies: as written
    '中国共产党张家界市第十三届委员会第五次全体会议'
    """
    if "届" not in label:
        return label  # no term, no session name to shorten (most meetings)
    m = _FORMAL_SESSION.match(label)
    if m:
        label = (m["owner"] + m["term"] + "届" + (m["national"] or "")
                 + _SHORT_BODY[m["body"]] + m["rest"])
    return _CONGRESS_SESSION.sub("", label)


def meetings_in(sentence: str, locale: Locale, near: dict[str, str]) -> list[MeetingHit]:
    """Meetings that took place: a body (or a person) 召开/举行 a meeting, or a meeting 召开.

    >>> def show(text, locale=Locale()):
    ...     return [(m.label, m.holder.label) for m in meetings_in(text, locale, {})]
    >>> show("7月27日,杭州市委统战部召开理论学习中心组(扩大)学习会,深入学习。")
    [('杭州市委统战部理论学习中心组(扩大)学习会', '杭州市委统战部')]
    >>> show("张掖市委常委会迅速召开专题会议传达学习会议精神")
    [('张掖市委常委会专题会议', '张掖市委')]
    >>> [m.label for m in meetings_in("中央统战工作会议召开后,各区迅速行动", Locale(), {})]
    []
    >>> show("省十三届人大常委会第十八次会议举行第三次全体会议", Locale({"省": "山西省"}))
    [('山西省十三届人大常委会第十八次会议第三次全体会议', '山西省人大常委会')]
    >>> show("昆明市新的社会阶层人士联谊会三届四次理事会在五华区召开")
    [('昆明市新的社会阶层人士联谊会三届四次理事会', '昆明市新的社会阶层人士联谊会')]
    >>> show("要及时汇报,推动省委召开全省统战工作会议"), show("是新时期召开的一次重要会议")
    ([], [])
    """
    lx = lex()
    out: list[MeetingHit] = []
    for conv in _CONVENE.finditer(sentence):
        before = sentence[: conv.start()]
        if _NOT_HELD.search(before):
            continue
        m = lx.meeting.match(sentence, conv.end())
        subject = _subject_meeting(before)
        if subject and not conv.group(1) and not (m and not m.group().startswith("第")):
            sname, sstart = subject
            holder, rest = _holder_from_name(sname, locale, near)
            label = rest
            if m and "会议" in m.group() and m.group().startswith("第"):
                label += m.group()
            end = m.end() if m else conv.end()
            if _AFTER_PAST.match(sentence, conv.end()):
                continue
            out.append(MeetingHit(label, _held_by(holder), label, sstart, end,
                                  date=find_date(sentence[sstart:end]), subject=True))
            continue
        if not m or conv.group(2) or _AFTER_PAST.match(sentence, m.end()) \
                or _SPEECH_THERE.match(sentence, m.end()):
            continue
        name = _DECLARATION.sub("", m.group().strip("“”\""))
        pre = _strip_pre(_declared_holder(before, locale, near) if "称" in before else before)
        if _URGED.match(pre):
            continue  # 推动省委召开…会议: a meeting urged on a body, not held here
        holder: Body | None = None
        label_prefix = ""
        co: tuple[Body, ...] = ()
        if not conv.group(1) and pre:
            holder = parse_body(pre, locale, near)
            if holder is None:
                holder, *rest_of = _joint_holders(pre, locale, near) or [None]
                co = tuple(rest_of)
            if holder is not None and not holder.anchored and not _is_clean(pre):
                holder = None
            if holder is not None:  # the meeting is named as written: 县政府常务会议
                label_prefix = holder.label if "人民政府" in pre \
                    else holder.label.replace("人民政府", "政府")
        own, rest = _holder_from_name(name, locale, near) if holder is not None \
            else _head_office_meeting(name, locale, near)
        if own is not None and holder is None:
            holder, label_prefix, name = own, "", rest
        elif own is not None and holder is not None and own.label.startswith(holder.label):
            label_prefix, name = "", rest
            if holder.label == holder.place:  # 红花岗区召开区委常委会: the 区委's meeting
                holder = own
        if own is None and holder is not None and holder.level == INSTITUTION:
            holder = _organ_in_name(holder, name, locale, near)
        elif own is None and holder is not None and holder.label == holder.place:
            holder = _place_organ(holder, name, locale, near)
        if conv.group(1) and holder is None:
            name = _chaired_where(before, name)
        holder = _committee_of_place(holder, locale, near)
        relative = conv.group().startswith(("召开的", "举行的", "举办的"))  # 在随后召开的座谈会上
        if relative and _ANY_ONE.match(name):
            continue  # 是…召开的一次重要会议: what a meeting was, not one held here
        if holder is None and not conv.group(1) and not relative:
            continue
        hit = MeetingHit(join_label(label_prefix, name), _held_by(holder), name, m.start(), m.end(),
                         chair=conv.start() if conv.group(1) else -1,
                         co_holders=co if holder is not None else ())
        out.append(hit)
    out.extend(_chaired_named(sentence, locale, near))
    out.extend(_study_sessions(sentence, locale, near))
    if "反馈" in sentence:
        out.extend(_feedback_sessions(sentence, locale, near))
    return out


_CHAIRED_AT = re.compile(rf"在([{HAN}]{{2,12}}?)$")


def _chaired_where(before: str, name: str) -> str:
    """A meeting with no body's name that someone 在某县主持召开 on a tour is named
    after the place it met in, not after the visitor's own body.

    >>> _chaired_where("书记王某到沙县调研,并在沙县", "座谈会")
    '沙县座谈会'
    >>> _chaired_where("书记王某在白沙洲镇", "座谈会")
    '白沙洲镇座谈会'
    >>> _chaired_where("书记王某在会议室", "座谈会"), _chaired_where("在沙县", "县委常委会")
    ('座谈会', '县委常委会')
    """
    m = _CHAIRED_AT.search(before)
    if not m or _NOT_OWN_NAME.match(name):
        return name
    place = m.group(1)
    return place + name if place_prefix(place) == place or plausible_town(place) else name


_HEAD_OFFICE = re.compile(r"^([省市区县州旗镇乡])长办公会")


def _head_office_meeting(name: str, locale: Locale,
                         near: dict[str, str]) -> tuple[Body | None, str]:
    """区长办公会议 is the government's meeting its head chairs, named with its place;
    any other name is read for a body at its start (``_holder_from_name``).

    >>> b, label = _head_office_meeting("市长办公会议", Locale({"市": "洛阳市"}), {})
    >>> b.label, label
    ('洛阳市人民政府', '洛阳市市长办公会议')
    >>> _head_office_meeting("市长办公会议", Locale(), {})
    (None, '市长办公会议')
    """
    m = _HEAD_OFFICE.match(name)
    if not m:
        return _holder_from_name(name, locale, near)
    gov = parse_body(m.group(1) + "政府", locale, near)
    if gov is None or not gov.anchored or gov.place in _LEVELS:
        return None, name
    return gov, gov.place + name


#: A body pressed to convene a meeting (推动省委召开, 建议市政府召开): not held yet.
_URGED = re.compile(r"^(?:推动|促请|报请|建议|争取|提请|督促)")
#: A meeting spoken of as one of its kind: 一次重要会议, 这次会议.
_ANY_ONE = re.compile(r"^[一这那][次场]")


_NUMBERED = re.compile(rf"^(?:\d{{4}}年度?)?第[{_NUM}]+次")


def _organ_in_name(holder: Body, name: str, locale: Locale, near: dict[str, str]) -> Body:
    """An institution's organ named in the meeting's name, after its number if any
    (医院召开2025年第6次党委会, 公司召开党委会): the organ holds it, not the institution.

    >>> uni = Locale({INSTITUTION: "复旦大学"})
    >>> _organ_in_name(parse_body("学校", uni), "2024年第3次党委常委会", uni, {}).label
    '复旦大学党委'
    >>> _organ_in_name(parse_body("学校", uni), "党委会", uni, {}).label
    '复旦大学党委'
    >>> _organ_in_name(parse_body("学校", uni), "教学工作会议", uni, {}).label
    '复旦大学'
    """
    m = _NUMBERED.match(name)
    organ = organ_head().match(name[m.end() if m else 0:]) if holder.label == holder.place \
        else None
    if organ is None:
        return holder
    return _held_by(parse_body(holder.label + organ.group(), locale, near)) or holder


#: A place's own party organ opening a meeting's name: 党委会议 of a town that convenes it.
_PLACE_ORGAN = re.compile("^(?:党委|党工委|党总支|党支部)")


def _place_organ(place: Body, name: str, locale: Locale, near: dict[str, str]) -> Body:
    """A place convening its party organ's meeting (大柳镇召开党委会议): the organ holds it,
    not the bare place; a meeting named otherwise stays the place's.

    >>> _place_organ(parse_body("大柳镇"), "党委会议", Locale(), {}).label
    '大柳镇党委'
    >>> _place_organ(parse_body("大柳镇"), "经济工作会议", Locale(), {}).label
    '大柳镇'
    """
    m = _PLACE_ORGAN.match(name)
    organ = parse_body(place.label + m.group(), locale, near) if m else None
    return organ if organ is not None and organ.anchored else place


def _committee_of_place(holder: Body | None, locale: Locale, near: dict[str, str]) -> Body | None:
    """A county or a larger place convening in its own name (凯里市召开…推进会): its party
    committee holds the meeting, the body that leads the place (a town, whose government
    is the town, holds itself: 戴庙镇召开…对接会).

    >>> _committee_of_place(parse_body("凯里市"), Locale(), {}).label
    '凯里市委'
    >>> _committee_of_place(parse_body("戴庙镇"), Locale(), {}).label
    '戴庙镇'
    """
    if holder is None or holder.label != holder.place or holder.level not in _ABOVE_TOWN:
        return holder
    committee = parse_body(holder.label + "委", locale, near)
    return committee if committee is not None and committee.anchored else holder


_ABOVE_TOWN = frozenset("省市区县州旗盟")


_JOINT_SEP = re.compile("、|和|与")
_PARTY_AND_GOVERNMENT = re.compile(
    rf"([{HAN}]{{0,8}}?[省市区县州旗镇乡]党?委)([{HAN}]{{0,8}}?(?:人民)?政府)")


def _joint_holders(pre: str, locale: Locale, near: dict[str, str]) -> list[Body]:
    """Bodies convening together: 余庆县委、县政府 -> [余庆县委, 余庆县人民政府] ([] if any fails).

    >>> [b.label for b in _joint_holders("余庆县委、县政府", Locale(), {})]
    ['余庆县委', '余庆县人民政府']
    >>> _joint_holders("各乡镇、各部门", Locale(), {})
    []
    >>> [b.label for b in _joint_holders("市委市政府", Locale({"市": "荆州市"}), {})]
    ['荆州市委', '荆州市人民政府']
    """
    parts = _JOINT_SEP.split(pre)
    if len(parts) < 2:
        parts = list(_PARTY_AND_GOVERNMENT.fullmatch(pre).groups()) \
            if _PARTY_AND_GOVERNMENT.fullmatch(pre) else []  # 市委市政府, written together
    if len(parts) < 2:
        return []
    out: list[Body] = []
    here = dict(near)
    for part in parts:
        body = parse_body(part, locale, here)
        if body is None or not body.anchored or body.label == body.place:
            return []
        if body.level in _LEVELS and body.place not in _LEVELS:
            here.setdefault(body.level, body.place)
        out.append(body)
    return out


_CHAIRS_NAMED = re.compile(r"主持(?!召开|举行|会议|人)")


def _chaired_named(sentence: str, locale: Locale, near: dict[str, str]) -> list[MeetingHit]:
    """``X主持区委常委会…``: a person chairs a meeting whose name starts with its body.

    >>> hits = _chaired_named("书记王越主持区委常委会专题学习", Locale(), {"区": "沙坪坝区"})
    >>> [(m.label, m.holder.label) for m in hits]
    [('沙坪坝区委常委会', '沙坪坝区委')]
    """
    out = []
    for conv in _CHAIRS_NAMED.finditer(sentence):
        m = lex().meeting.match(sentence, conv.end())
        if not m:
            continue
        holder, rest = _holder_from_name(m.group(), locale, near)
        if holder is None:
            continue
        out.append(MeetingHit(rest, _held_by(holder), rest, m.start(), m.end(),
                              chair=conv.start()))
    return out


@cache
def _study_pattern() -> re.Pattern[str]:
    """开展/进行/举行 + a study noun (``kg/data/study_nouns.txt``) or 第X次学习, not a campaign."""
    nouns = _alt(words("study_nouns"))
    return re.compile(rf"(开展|进行|举行|召开)了?\s*((?:[{HAN}0-9“”]){{0,20}}?"
                      rf"(?:{nouns}|第[{_NUM}]+次学习会?))(?!教育|活动)")


#: The subject a session studied, between its body and the verb: 就推进…现代化(进行).
_STUDY_TOPIC = re.compile(r"(?:就|围绕)[^,,。;]{2,40}?$")


def _study_sessions(sentence: str, locale: Locale, near: dict[str, str]) -> list[MeetingHit]:
    """``X中心组开展/进行/举行集中学习``: a study session convened with no meeting noun.

    Only a body with a place convenes one, and only a study noun makes 开展/进行 convene:
    开展学习教育 and 开展主题教育 are campaigns, 会议进行了集中学习 names no body.  After
    举行/召开 a name the meeting nouns end (举行专题学习会) is ``meetings_in``'s.

    >>> hits = _study_sessions("3月5日,大河镇党委理论学习中心组开展2024年第六次集中学习。",
    ...                        Locale(), {})
    >>> [(h.label, h.holder.label) for h in hits]
    [('大河镇党委理论学习中心组2024年第六次集中学习', '大河镇党委理论学习中心组')]
    >>> _study_sessions("县委理论学习中心组开展主题教育。", Locale(), {})
    []
    >>> [h.label for h in _study_sessions("中共中央政治局5月8日下午就加强生态文明建设进行第四十一"
    ...                                   "次集体学习。", Locale(), {})]
    ['中共中央政治局第四十一次集体学习']
    """
    out = []
    for m in _study_pattern().finditer(sentence):
        if m.group(1) in ("举行", "召开") and lex().meeting.match(sentence, m.start(2)):
            continue
        before = _STUDY_TOPIC.sub("", sentence[:m.start()])  # 政治局就…进行集体学习
        pre = _strip_pre(before)
        if not pre or _NOT_HELD.search(before) or not _is_clean(pre):
            continue
        holder = parse_body(pre, locale, near)
        if holder is None or not holder.anchored or holder.label == holder.place:
            continue
        prefix = holder.label if "人民政府" in pre else holder.label.replace("人民政府", "政府")
        name = m.group(2)
        out.append(MeetingHit(join_label(prefix, name), _held_by(holder), name,
                              m.start(2), m.end(2)))
    return out


#: 县委第二巡察组向X镇党委反馈巡察情况: the feedback session of an inspection, which the
#: news names by what is done, without a meeting noun.
_FEEDBACK = re.compile(rf"向([{HAN}]{{2,30}}?)反馈(巡视|巡察)(?:工作)?(?:情况|意见)")


def _feedback_sessions(sentence: str, locale: Locale, near: dict[str, str]) -> list[MeetingHit]:
    """``X巡察组向Y党委反馈巡察情况``: the session is held by the group and named the way
    such sessions are (X巡察组巡察Y党委情况反馈会).

    >>> hits = _feedback_sessions("9月3日上午,市委第一巡察组向龙泉镇党委反馈巡察情况。",
    ...                           Locale({"市": "丽水市"}), {})
    >>> [(h.label, h.holder.label) for h in hits]
    [('丽水市委第一巡察组巡察龙泉镇党委情况反馈会', '丽水市委第一巡察组')]
    >>> _feedback_sessions("整改情况要及时向县委巡察办反馈巡察情况。", Locale(), {})
    []
    """
    out = []
    for m in _FEEDBACK.finditer(sentence):
        pre = _strip_pre(sentence[:m.start()])
        if not pre or _NOT_HELD.search(sentence, 0, m.start()) or not _is_clean(pre):
            continue
        group = parse_body(pre, locale, near)
        target = parse_body(m.group(1), locale, near)
        if group is None or target is None or not group.anchored \
                or not _WORK_GROUP_END.search(group.label):
            continue
        name = f"{m.group(2)}{target.label}情况反馈会"
        out.append(MeetingHit(group.label + name, group, name, m.start(), m.end()))
    return out


_NOT_OWN_NAME = re.compile(rf"^(?:全|[{HAN}]{{0,6}}?[省市区县州旗镇乡]|各)")


def _by_chair(hit: MeetingHit, people: list[Mention]) -> MeetingHit:
    """A person's own body convenes the meeting they 主持召开 when its name has none.

    市政协主席雷杰主持召开十五届主席会议第十八次会议 is a meeting of the 市政协:
    its label takes the body (济南市政协十五届…), so that it is not a bare name
    shared by every 政协 of the country.  The title next to the name counts
    (县委副书记、县长X主持召开 is the government's meeting).
    """
    if hit.holder is not None or hit.chair < 0 or _NOT_OWN_NAME.match(hit.label):
        return hit
    chair = [p for p in people if p.end <= hit.chair]
    if not chair or not chair[-1].titles:
        return hit
    titles = chair[-1].titles
    name = hit.label
    if any(t.body.label.endswith(name[0]) for t in titles) and OWN_UNIT_PART.match(name):
        name = name[1:]  # 厅长X主持召开厅党组会议: the 厅 is the chair's own department
    own = [t for t in titles if t.body.head and name.startswith(t.body.head)]
    body = _held_by((own or _principal(titles))[-1].body)  # 党组书记、主任X主持召开党组会议
    if body is None or not body.anchored or body.label == body.place:
        return hit
    return replace(hit, holder=body, label=join_label(body.label.replace("人民政府", "政府"),
                                                      name))



#: Posts a party secretary holds besides (州人大常委会主任, 军分区党委第一书记): a meeting
#: they convene under no name of its own is not those bodies'.
_CONCURRENT = re.compile(r"(?:军分区|警备区|武装部|军区)|第一书记$")
_BESIDES_SECRETARY = re.compile(r"(?:人大常委会|政协)(?:党组)?$")


def _principal(titles: list[Title]) -> list[Title]:
    """The titles that say whose meeting a chair convenes: no military post, and no
    人大/政协 chair beside a party secretary's post.

    >>> from kg.extract.titles import parse_titles
    >>> loc = Locale({"州": "黔东南州", "省": "贵州省"})
    >>> ts = parse_titles("省委常委、州委书记、州人大常委会主任、黔东南军分区党委第一书记", loc)
    >>> _principal(ts)[-1].post
    '黔东南州委书记'
    >>> _principal(parse_titles("县委副书记、县长", Locale({"县": "安吉县"})))[-1].post
    '安吉县县长'
    """
    kept = [t for t in titles if not _CONCURRENT.search(t.post)]
    if any(t.role == "书记" and t.body.label.endswith("委") for t in kept):
        kept = [t for t in kept if not _BESIDES_SECRETARY.search(t.body.label)]
    return kept or titles


def join_label(prefix: str, name: str) -> str:
    """Body + meeting name, without saying the body's head twice.

    >>> join_label("敦厚镇党委", "党委会议"), join_label("宁波市委", "常委会会议")
    ('敦厚镇党委会议', '宁波市委常委会会议')
    """
    for n in range(min(len(prefix), len(name)) - 1, 1, -1):
        if name.startswith(prefix[-n:]):
            return prefix + name[n:]
    return prefix + name


_PARENT_COMMITTEE = re.compile(r"[省市区县州旗]委$|党委$")


def _held_by(body: Body | None) -> Body | None:
    """A party committee's 常委会 meets on behalf of the committee itself (a 民主党派's
    central 常委会 for its 中央)."""
    if body is not None and body.label.endswith("常委会") and body.parents \
            and (_PARENT_COMMITTEE.search(body.parents[-1])
                 or body.party and body.parents[-1] == body.party + "中央"):
        parent = body.parents[-1]
        return Body(parent, body.parents[:-1], body.place, body.level, body.party, True)
    return body


_SUBJECT_TAIL = re.compile(
    r"(?:于?(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:至(?:\d{1,2}月)?\d{1,2}日)?|于[^,,]{1,16}?|今天|今日|"
    r"昨天|昨日)?"
    r"(?:上午|下午|晚上|晚)?(?:在[^,,]{1,20}?)?(?:隆重|顺利|胜利)?$")


#: Hosts named with the meeting: 会议由省农业农村厅、临沂市人民政府联合主办; 由…主办的X会.
_HOSTED = re.compile(r"由([^,,。;由]{2,60}?)(?:联合|共同)?(?:主办|举办)(?:的)?")
_HOST_SUBJECT = re.compile(r"(?:会议|大会|本次会议|此次会议|论坛|会)$")
_PLANNED = re.compile(r"决定|拟于|拟在|计划|定于|将于|将在|预计")


#: A short name declared in passing is no part of a meeting's name:
#: 华夏能源集团有限公司(以下简称华夏能源)2024年工作会议.
_DECLARATION = re.compile(rf"\({DECLARES}[^()]{{1,12}}\)")
_DECLARATION_END = re.compile(rf"\({DECLARES}[^()]{{1,12}}\)$")
_LEADING_DAY = re.compile(r"^(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:上午|下午)?,?")


def _subject_meeting(before: str) -> tuple[str, int] | None:
    """The meeting named as the subject right before 召开/举行 (…会议在绵阳召开)."""
    clause_start = max(before.rfind(c) for c in ",,。;;\n") + 1
    clause = before[clause_start:]
    if _PLANNED.search(_TITLE_SPAN.sub("", before)):
        return None  # 会议决定,区…第二十五次会议于9月下旬召开: not yet held
    clause = _SUBJECT_TAIL.sub("", clause)
    clause = _DECLARATION_END.sub("", clause)  # …第三次会议(以下简称“教代会”)在大礼堂开幕
    clause = _LEADING_DAY.sub("", clause)
    hosted = list(_HOSTED.finditer(clause))
    if hosted:  # 由A、B联合主办的X推进会: the name starts after the hosts
        clause = clause[hosted[-1].end():]
    m = lex().subject_meeting.search(clause)
    if not m:
        return None
    return (_DECLARATION.sub("", m.group(1)),
            clause_start + before[clause_start:].find(m.group(1)))
