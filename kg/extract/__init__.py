"""Grammar-based extraction of officials, posts, bodies, meetings and documents.

The rules are small named functions over one sentence; each carries its own
example as a doctest.  They rely on word lists in ``kg/data`` (roles, surnames,
administrative divisions, meeting nouns, verbs) rather than on anything an
article in the sample corpus says, so they carry over to articles nobody here
has read.  ``extract`` runs them over an article, resolves bare places
(市委 -> 宁波市委) against the article's own locale, and turns the matches into
Facts with evidence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache, partial

from kg.extract.bodies import (
    _LEAGUE,
    _WORK_GROUP_END,
    _WORK_GROUPS,
    Body,
    _alt_form,
    league_form,
    parse_body,
)
from kg.extract.lexicon import _GOV_ROLE, _LEVELS, _NUM, HAN, _mentions, lex
from kg.extract.meetings import (
    _CONVENE,
    _HOST_SUBJECT,
    _HOSTED,
    _TITLE_SPAN,
    MeetingHit,
    _by_chair,
    _holder_from_name,
    _study_pattern,
    discussed_here,
    documents,
    find_date,
    meetings_in,
)
from kg.extract.names import (
    _FOLLOW,
    _LEFT_OK,
    _NOTE_AFTER,
    _name_ending_in_connector,
    name_at,
    plausible_name,
)
from kg.extract.places import Locale, _is_han
from kg.extract.state import _Article
from kg.extract.titles import (
    _UNKNOWN_TAIL,
    Mention,
    Title,
    _gov_head,
    name_list,
    parse_titles,
    role_fits,
    title_before,
)
from kg.lexicon import alternation
from kg.model import Article, Entity, Evidence, Extraction, Fact, Sentence

#: Bump whenever a rule changes what it extracts: cached extractions are then redone.
EXTRACTOR_VERSION = "11"


# --------------------------------------------------------------------------- extraction


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


def _add_bare_names(found: dict[int, Mention], m: re.Match) -> None:
    """Add the 、-separated names of group 1 as people without a post, if all look like names."""
    names = m.group(1).split("、")
    if not all(plausible_name(n) for n in names):
        return
    i = m.start(1)
    for name in names:
        if not _covered(found, i):
            found.setdefault(i, Mention(name, i, i + len(name), []))
        i += len(name) + 1


def people_in(text: str, st: _Article, near: dict[str, str]) -> list[Mention]:
    """Every person mention in a sentence, with the titles given to them there.

    >>> from kg.extract.state import _toy
    >>> a = _Article(_toy("杭州市委常委、统战部长佟桂莉主持会议并讲话。"))
    >>> [(m.name, [t.post for t in m.titles]) for m in people_in(a.article.text, a, {})]
    [('佟桂莉', ['杭州市委常委', '杭州市委统战部部长'])]
    """
    lx = lex()
    found: dict[int, Mention] = {}
    context = st.meeting_holder
    last_body: Body | None = None
    # titles + names
    floor = 0  # titles never reach back over a name already read
    roles = list(lx.roles.finditer(text))
    for rm in roles:
        if rm.start() < floor:
            continue
        names = name_list(text, _list_start(text, rm.end()))
        if not names:
            continue
        titles, start = title_before(text, rm.end(), st.locale, last_body or context, near,
                                     floor)
        floor = names[-1][1] + len(names[-1][0])
        if titles:
            last_body = titles[-1].body
        if _FORMER.search(text, max(0, start - 2), start):
            titles = []  # 原市委书记: a post no longer held
        elif "组长" in text:
            titles = _with_known_group(text, titles, start if titles else rm.end(), st)
        titles = [_party_role(t, context, st.locale, near) for t in titles]
        for name, i in names:
            found.setdefault(i, Mention(name, i, i + len(name), titles))
    _after_unknown_role(text, st, near, found, context)
    if "(" in text:
        _titles_in_brackets(text, st, near, found, context)
    # the rules below each need a word of their own (等, 、, 领导 …): a sentence
    # without it is not scanned
    listed = "、" in text
    # a body then names: 县工作专班刘彩凤、李靖等同志
    for m in _NAMES_DENG.finditer(text) if listed and "等" in text else ():
        first = _name_after_body(m.group(1))
        if not first:
            continue
        i = m.start(1) + len(m.group(1)) - len(first)
        if i not in found and not _covered(found, i):
            for name, j in name_list(text, i):
                found.setdefault(j, Mention(name, j, j + len(name), []))
    # leaders named only as 市领导/省领导: people without a post
    for m in _LEADERS.finditer(text) if "领导" in text else ():
        for name, i in name_list(text, _list_start(text, m.end())):
            found.setdefault(i, Mention(name, i, i + len(name), []))
    # 王磊、李婷、张勇等区领导: a list of names closed by who they are
    for m in _LEADERS_AFTER.finditer(text) if listed and "等" in text else ():
        _add_bare_names(found, m)
    # 吴刚、郑丽分别作交流发言, 张华、赵丽列席会议: a list of bare names doing the same
    for m in _IN_TURN.finditer(text) if listed else ():
        _add_bare_names(found, m)
    if "代表" in text:
        _delegates(text, found)
    # 会议由张华主持: a chair named without title
    for m in _CHAIRED_BY.finditer(text) if "由" in text else ():
        name = name_at(text, m.end(), _CHAIR_FOLLOW)
        if name and not _covered(found, m.end()):
            found.setdefault(m.end(), Mention(name, m.end(), m.end() + len(name), []))
    _convening_chair(text, found)
    for m in _AT_MEETING_SPEAKER.finditer(text) if _mentions(text, "会上", "会议上") else ():
        name = name_at(text, m.end())
        if name and _EXPLAINS.match(text, m.end() + len(name)) and not _covered(found, m.end()):
            found.setdefault(m.end(), Mention(name, m.end(), m.end() + len(name), []))
    # name + bare role (葛志发镇长, 习近平总书记)
    for rm in roles:
        if not _FOLLOW.match(text, rm.end()):
            continue  # the same test for every length below
        for n in (4, 3, 2):
            i = rm.start() - n
            if i < 0 or i in found:
                continue
            cand = text[i:rm.start()]
            if plausible_name(cand) and not _covered(found, i):
                elsewhere = _SPEECH_AT.match(text, rm.end())  # 王东书记在全省…会议上的讲话
                found[i] = Mention(cand, i, rm.start(),
                                   [] if elsewhere else _bare_role(rm.group(), cand, st))
                break
    # X同志 (X女士), 任命X为… (选举、增补、补选X为…), and names already met in the article
    for m in _COMRADE.finditer(text):
        for n in (3, 2, 4):
            i = m.start() - n
            if i >= 0 and i not in found and (i == 0 or text[i - 1] in _LEFT_OK or n == 2) \
                    and plausible_name(text[i:m.start()]) and not _covered(found, i):
                found[i] = Mention(text[i:m.start()], i, m.start(), [])
                break
    for m in _APPOINTED.finditer(text) if _mentions(text, "任命", "增补", "补选", "选举") else ():
        name = name_at(text, m.end(), _AS)
        if name:
            tail = _AS_POST.match(text[m.end() + len(name):])
            if tail:
                titles = parse_titles(tail.group(1), st.locale, st.meeting_holder, near)
                _add_titles(found, Mention(name, m.end(), m.end() + len(name), titles))
    for name in st.people:
        i = text.find(name)
        while i >= 0:
            end = i + len(name)
            left_ok = i == 0 or len(name) > 2 or text[i - 1] in _LEFT_OK or text[i - 1] in "上后"
            if left_ok and i not in found and not _covered(found, i) \
                    and (_FOLLOW.match(text, end) or lx.roles.match(text, end)):
                found[i] = Mention(name, i, end, [])
            i = text.find(name, end)
    # elections: 王选同志当选主任委员, 刘朋、郝东文等5名同志当选副主任委员
    for m in _ELECTED.finditer(text) if st.meeting_holder is not None \
            and _mentions(text, "当选", "被选举为", "任") else ():
        role = lx.roles.match(text, m.end())
        holder = st.meeting_holder
        if not role or holder is None or not role_fits(role.group(), holder):
            continue
        for name, i in _names_ending_at(text, m.start()):
            _add_titles(found, Mention(name, i, i + len(name), [Title(holder, role.group())]))
    # a bare name giving a speech at a named meeting: 某某在…会议上的讲话
    for m in _SPEECH_AT.finditer(text) if "讲话" in text else ():
        for n in (3, 2, 4):
            i = m.start() - n
            if i >= 0 and (i == 0 or text[i - 1] in _LEFT_OK) and not _covered(found, i) \
                    and plausible_name(text[i:m.start()]):
                found[i] = Mention(text[i:m.start()], i, m.start(), [])
                break
    return [found[k] for k in sorted(found)]


_CHAIRED_BY = re.compile(r"(?:会议|大会|会|[,,])由")
#: 会上,郑海川就《决定》起草情况作了说明: a bare name explaining a text at the meeting.
_AT_MEETING_SPEAKER = re.compile(r"(?:^|(?<=[,,。;]))(?:会上|会议上|大会上)[,,]?")
_EXPLAINS = re.compile(r"(?:同志)?(?:就《|代表[^,,。;]{1,20}?作|作了?关于)")
_COMRADE = re.compile("同志|女士")
#: 任命X为…, 选举X为…: the name, then what follows it, then the post
_APPOINTED = re.compile(r"任命|(?:增补|补选|选举)(?=[^,,。;]{2,8}?为)")
_AS = re.compile(r"(?:同志)?为")
_AS_POST = re.compile(rf"(?:同志)?为([{HAN}、]+?)(?=[,,。;;]|$)")
#: A clause opening with a bare name that convenes (陈建国主持召开省政府常务会议).
_CLAUSE_OPEN = re.compile(r"(?:^|(?<=[,,。;;::\n]))")
_CONVENES = re.compile(r"(?:同志)?主持召开")


def _convening_chair(text: str, found: dict[int, Mention]) -> None:
    """A name opening a clause then 主持召开 (a headline's 陈建国主持召开省政府常务会议) is
    the chair, titled or not; a name inside a clause (会议听取陈建国主持召开…) is not read.

    >>> found: dict[int, Mention] = {}
    >>> _convening_chair("林海主持召开市政府常务会议", found); [m.name for m in found.values()]
    ['林海']
    >>> found = {}
    >>> _convening_chair("会议主持召开市政府常务会议", found); found
    {}
    """
    # without 主持召开 only a name ending in 和/同/与 can be read, and that test is cheap
    if "主持召开" in text:
        read = partial(name_at, follow=_CONVENES)
    elif _mentions(text, "和", "同", "与"):
        read = _name_ending_in_connector
    else:
        return
    for m in _CLAUSE_OPEN.finditer(text):
        i = m.end()
        name = read(text, i)
        if name and not _covered(found, i):
            found.setdefault(i, Mention(name, i, i + len(name), []))
_CHAIR_FOLLOW = re.compile(r"(?:同志)?主持")


_BARE_GROUP = re.compile(rf"(?:^|(?<=[,,。;;::、\s]))({'|'.join(_WORK_GROUPS)})"
                         rf"((?:常务)?副?组长)(、?)$")


def _with_known_group(text: str, titles: list[Title], start: int, st: _Article) -> list[Title]:
    """Note the work groups the titles name (省委第三督导组组长), and give a bare one
    (督导组副组长、省委组织部副部长) the group of that kind the article named before.

    >>> from kg.extract.state import _toy
    >>> a = _Article(_toy("x"))
    >>> t = "山西省委第三督导组组长"
    >>> _with_known_group(t, parse_titles(t), len(t), a)[0].post
    '山西省委第三督导组组长'
    >>> t = "督导组副组长、省委组织部副部长"
    >>> [x.post for x in _with_known_group(t, parse_titles(t[7:]), 7, a)]
    ['山西省委第三督导组副组长', '省委组织部副部长']
    """
    for t in titles:
        group = _WORK_GROUP_END.search(t.body.label) if t.body.anchored else None
        if group:
            st.groups[group.group()] = t.body
    m = _BARE_GROUP.search(text, 0, start)
    if m and bool(m.group(3)) == bool(titles) and m.group(1) in st.groups:
        return [Title(st.groups[m.group(1)], m.group(2)), *titles]
    return titles


#: 郑海川(市委常委、秘书长): a name, then its titles in brackets.
_BRACKET_TITLES = re.compile(rf"\(([{HAN}、]{{2,40}})\)")
_BRACKET_LEFT = re.compile(r"(?:领导|以及|有|、|^)$")


def _titles_in_brackets(text: str, st: _Article, near: dict[str, str],
                        found: dict[int, Mention], context: Body | None) -> None:
    """Names each followed by their titles in brackets, alone or in a list:
    市领导郑海川(市委常委、秘书长)、丁一鸣(市政协副主席)参加座谈.

    The bracket must hold titles only ((彝族) and (扩大) hold none), and the name must
    stand where a name starts (after punctuation, 、, 领导, 以及, 还有).

    >>> from kg.extract.state import _toy
    >>> a = _Article(_toy("市领导郑海川(福州市委常委、秘书长)、丁一鸣(福州市政协副主席)参加。"))
    >>> found = {}
    >>> _titles_in_brackets(a.article.text, a, {}, found, None)
    >>> [(m.name, [t.post for t in m.titles]) for m in found.values()]
    [('郑海川', ['福州市委常委', '福州市委秘书长']), ('丁一鸣', ['福州市政协副主席'])]
    """
    for m in _BRACKET_TITLES.finditer(text):
        open_ = m.start()
        for n in (3, 2, 4):
            i = open_ - n
            if i < 0 or name_at(text, i) != text[i:open_]:
                continue
            if not (text[i - 1:i] in _LEFT_OK or _BRACKET_LEFT.search(text, 0, i)):
                continue
            titles = parse_titles(m.group(1), st.locale, context, near)
            if titles and len(titles) == len(m.group(1).split("、")):
                _add_titles(found, Mention(text[i:open_], i, open_, titles))
            break


def _list_start(text: str, end: int) -> int:
    """Where the names after a title start: past a space or an opening bracket.

    >>> t = "市委常委(李明、王涛)出席会议"
    >>> t[_list_start(t, 4):]
    '李明、王涛)出席会议'
    """
    if text.startswith("(兼)", end):
        return end + 3  # 组织部部长(兼)张某: the title is held besides another
    return end + (1 if text[end:end + 1] in (" ", "\u3000", "(") else 0)


#: What every unknown item ends in, found faster than the item itself.
_UNKNOWN_HINT = re.compile(r"[组队站所科股团班庭馆]长|总指挥|指挥长|召集人|负责人")
_UNKNOWN_ITEM = re.compile(
    rf"(?:、|^|(?<=[,,。;;::]))([{HAN}()]{{1,24}}?{_UNKNOWN_TAIL})(?=[{HAN}])")


def _after_unknown_role(text: str, st: _Article, near: dict[str, str],
                        found: dict[int, Mention], context: Body | None) -> None:
    """``市委书记、市委理论学习中心组组长刘某某主持``: an unknown last role must not hide
    the person; they keep the known titles before it (the unknown one is dropped).  An
    unknown role alone (驻村工作队队长张立新出席) still names a person, without a post."""
    for m in _UNKNOWN_ITEM.finditer(text) if _UNKNOWN_HINT.search(text) else ():
        names = name_list(text, m.end())
        if not names or _covered(found, m.end()) or lex().roles.match(text, m.end(1) - 2):
            continue
        floor = max((p.end for p in found.values() if p.end <= m.start()), default=0)
        titles, _ = title_before(text, m.start(), st.locale, context, near, floor)
        for name, i in names:
            found.setdefault(i, Mention(name, i, i + len(name), titles))


_ELECTED = re.compile(rf"(?:等[{_NUM}]+名)?(?:同志)?(?:当选|被选举为|任)为?")
_NAME_RUN = re.compile(rf"((?:[{HAN}·]{{2,12}}、)*[{HAN}·]{{2,12}})$")


def _names_ending_at(text: str, end: int) -> list[tuple[str, int]]:
    """Names separated by 、 that end at ``end``: 刘朋、郝东文 -> [(刘朋, i), (郝东文, j)]."""
    m = _NAME_RUN.search(text, 0, end)
    if not m:
        return []
    parts = m.group(1).split("、")
    first = next((parts[0][-n:] for n in (3, 2) if plausible_name(parts[0][-n:])), "")
    if not first or (len(parts[0]) > len(first) and _is_han(parts[0][-len(first) - 1])
                     and not parts[0][:-len(first)].endswith(_NAME_LEAD)):
        return []
    out, pos = [], m.start(1) + len(parts[0]) - len(first)
    for k, part in enumerate([first, *parts[1:]]):
        if k and not plausible_name(part):
            return []
        out.append((part, pos))
        pos += len(part) + 1
    return out


_NAME_LEAD = ("选举", "同意", "决定", "产生", "会议", "大会", "全会")
_NAMES_DENG = re.compile(rf"([{HAN}]{{2,12}})(?:、[{HAN}]{{2,4}})+等(?:同志|人|领导)")
_BODY_END = re.compile(r"(?:班|局|部|委|办|府|院|会|组|中心|室|所|站|联|协)$")


_PARTY_ROLES = {"主委", "副主委", "常务副主委", "专职副主委", "主任委员", "副主任委员"}


def _party_role(title: Title, context: Body | None, locale: Locale,
                near: dict[str, str]) -> Title:
    """A 主委 serves in a 民主党派 committee: 天津市委主委 at a 九三学社 meeting is
    九三学社天津市委主委, not a post in the CPC's 天津市委."""
    if title.role not in _PARTY_ROLES or title.body.party or context is None \
            or not context.party or context.party == _LEAGUE:
        return title
    body = parse_body(context.party + title.body.label, locale, near)
    return replace(title, body=body) if body is not None and body.party else title


def _name_after_body(segment: str) -> str:
    """The name ending ``segment`` when what precedes it is a body: 县工作专班刘彩凤 -> 刘彩凤."""
    for n in (3, 2):
        name, rest = segment[-n:], segment[:-n]
        if plausible_name(name) and _BODY_END.search(rest):
            return name
    return ""


#: 原/前市委书记 held the post once; 此前, 会前 are only "before".
_FORMER = re.compile(r"(?:原|(?<![此之日目以事提当会生年节月其不向面])前)$")
_LEADERS = re.compile(r"(?:[省市区县镇乡]|自治区|州|旗)(?:委|政府)?领导(?:同志)?")
_LEADERS_AFTER = re.compile(
    rf"(?:^|(?<=[,,。;;:: ]))((?:[{HAN}]{{2,4}}、)+[{HAN}]{{2,4}})等"
    r"(?:(?:[省市区县镇乡州旗]|自治区)(?:委|政府)?(?:级)?)?(?:领导|同志)")
_IN_TURN = re.compile(rf"(?:^|(?<=[,,。;;:: ]))((?:[{HAN}]{{2,4}}、)+[{HAN}]{{2,4}})"
                      r"(?:等)?(?:同志)?(?:先后|分别|依次|相继|(?:列席|出席|参加)了?(?:本次|此次)?会议)")
_SPEECH_AT = re.compile(r"(?=在[^,,。;]{2,60}?(?:上|时)[^,,。;]{0,30}?的(?:重要)?讲话)")
#: A speech given on a visit (在福建考察时的重要讲话): at no meeting, neither that one nor the
#: article's.
_SPEECH_ON_VISIT = re.compile(
    r"[^,,。;在]{0,8}?在[^,,。;]{1,30}?(?:考察|调研|视察|看望|慰问|检查)[^,,。;]{0,10}?时"
    r"[^,,。;]{0,30}?的(?:重要)?讲话")


#: 记者代表, 群众代表, 企业代表: a group speaking through people named without a title.
_DELEGATE = re.compile(rf"(?<=[{HAN}])代表(?=[{HAN}])")
_NEXT_DELEGATE = re.compile(rf"[、和及][{HAN}]{{1,6}}?代表")
_DELEGATE_ACTS = re.compile(
    r"(?:等)?(?:同志)?(?:先后|分别|依次|相继|作[^,,。;]{0,8}?发言|发言|讲话|致辞)")


def _delegates(text: str, found: dict[int, Mention]) -> None:
    """``记者代表郝佳、李文博先后发言``: the names after a group's 代表 who then speak.

    >>> found = {}
    >>> _delegates("会上,企业代表郝佳、李文博先后发言", found)
    >>> [m.name for m in found.values()]
    ['郝佳', '李文博']
    >>> found = {}
    >>> _delegates("老干部代表刘文山、教师代表何玉兰先后发言", found)
    >>> [m.name for m in found.values()]
    ['刘文山', '何玉兰']
    >>> found = {}
    >>> _delegates("县委书记王明代表县委讲话", found)
    >>> found
    {}
    """
    waiting: list[tuple[str, int]] = []  # 老干部代表A、教师代表B先后发言: A waits for B's verb
    for m in _DELEGATE.finditer(text):
        names = name_list(text, m.end())
        if not names:
            waiting = []
            continue
        end = names[-1][1] + len(names[-1][0])
        if _NEXT_DELEGATE.match(text, end):
            waiting += names
            continue
        if _DELEGATE_ACTS.match(text, end):
            for name, i in waiting + names:
                if not _covered(found, i):
                    found.setdefault(i, Mention(name, i, i + len(name), []))
        waiting = []


def _add_titles(found: dict[int, Mention], mention: Mention) -> None:
    """Record a mention, or give its titles to the mention already found there."""
    if mention.start in found:
        found[mention.start].titles.extend(mention.titles)
    else:
        found[mention.start] = mention


def _covered(found: dict[int, Mention], i: int) -> bool:
    return any(m.start <= i < m.end for m in found.values())


def _bare_role(role: str, name: str, st: _Article) -> list[Title]:
    """Titles implied by ``name + role`` when the article has not titled the person yet."""
    if name in st.people and st.people[name]:
        return []
    if role == "总书记":
        return parse_titles("总书记", st.locale)
    gov = _GOV_ROLE.match(role)
    if gov and gov.group(1) in st.locale.by_level:
        place = st.locale.by_level[gov.group(1)]
        return [Title(Body(place + _gov_head(gov.group(1)), (), place, gov.group(1), "", True),
                      role)]
    holder = st.meeting_holder
    if role == "书记" and holder is not None and holder.place not in _LEVELS \
            and _PARTY_COMMITTEE_END.search(holder.label) \
            and not any(t.post == holder.label + role for ts in st.people.values() for t in ts):
        return [Title(holder, role)]  # 王军书记 at a 临沧市委 meeting is its 书记 (if none yet)
    if role in ("书记", "副书记"):
        for level in "镇乡":
            if level in st.locale.by_level and not _higher_places(st.locale, level):
                place = st.locale.by_level[level]
                return [Title(Body(place + "党委", (), place, level, "", True), role)]
    return []


#: A comma inside brackets ends no clause: 张某(女,苗族)逐一作对照检查发言.
_CLAUSE_END = re.compile(r"[,,;;:。!?](?![^()。]{0,12}\))")
_PARTY_COMMITTEE_END = re.compile(r"^[^委]{2,12}[省市区县州旗]委$")


def _higher_places(locale: Locale, level: str) -> bool:
    """Whether the article names a city or county more often than its town (a city story)."""
    return any(n > locale.mentions.get(level, 0) for lv, n in locale.mentions.items()
               if lv in "市区县")


def _clauses(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _CLAUSE_END.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


_REPORTS = re.compile(
    r"(?<![工合创协动写制运操著])作(?![出好])(?:了)?[^,,。;]{0,60}?"
    r"(?:报告|说明|讲话|发言|汇报|党课|对照检查|通报|点评|辅导|小结|总结)"
    r"|所作的?[^,,。;]{0,20}报告|[^,,。;]{0,40}的(?:情况)?汇报|^关于[^,,。;]{1,50}?的(?:报告|说明)")
#: 王强在会上强调; with the role after the name too: 林晓峰主席在讲话中指出.
_SPOKE_THERE = re.compile(rf"{alternation('roles')}?(?:同志)?在(?:会上|会议上|大会上|讲话中)"
                          r"(?:强调|指出|要求|表示|提出)")
_ATTEND_OK = re.compile(r"了?(?:本次|此次|今天的|当天的)?(?:会议|大会|会|开幕式|闭幕式|仪式|座谈|"
                        r"开班(?:仪)?式|结业(?:仪)?式|"
                        r"活动|$|[并和及、])|指导|祝贺|讲话")
#: 主持 the meeting, or one session of it (主持第二次全体会议, 主持预备会议: a 全会 or 人代会
#: of several sessions is still the article's meeting).
_PRESIDE_OK = re.compile(
    r"主持(?=$|[,,。;]|会议|召开|了|并|本次|此次|大会|座谈会|开幕|闭幕|全体|学习|集体学习|预备会"
    rf"|(?:全会|大会)?第[{_NUM}]+次(?:全体|主席团)?会议)")


_HEARS = re.compile(r"听取|听了")
_TO_SOMEONE = re.compile(r"^(?:对|向)")


def _roles_after(text: str, start: int, end: int, study: bool = False) -> list[str]:
    """Role predicates of the verbs in text[start:end], stopping at 听取 (others speak then)."""
    lx = lex()
    seg = text[start:end]
    cut = _HEARS.search(seg)
    if cut:  # what others said is theirs; the listener's own acts come after 并
        resume = seg.find("并", cut.end())
        seg = seg[: cut.start()] + ("" if resume < 0 else seg[resume:])
    preds = []
    for m in lx.verbs.finditer(seg):
        verb = m.group()
        if seg.startswith("精神", m.end()) or seg[m.start() - 1:m.start()] == "的":
            continue  # 讲话精神, 他的讲话: the speech as a thing, not the act
        if verb == "主持" and not _PRESIDE_OK.match(seg, m.start()):
            continue
        if verb in ("出席", "参加", "列席") and not _ATTEND_OK.match(seg, m.end()) \
                and not (study and seg.startswith("学习", m.end())):
            continue  # 参加学习 is attendance only at a study session
        preds.append(lx.verb_pred[verb])
    short = _TITLE_SPAN.sub("《》", seg)
    if _REPORTS.search(short) and not _TO_SOMEONE.match(seg):
        preds.append("spokeAt")
    if _SPOKE_THERE.match(seg):
        preds.append("spokeAt")
    return preds


#: When a mentioned meeting was held is no part of its name: 1月5日召开的全省组织工作会议.
_MENTIONED_WHEN = re.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|近日|日前|前不久|此前|上周|昨天|今天)?"
    r"(?:上午|下午)?(?:在[^,,。;]{1,12}?)?(?:召开|举行)的")
#: Relaying or leading a reading: the one who does it is at the meeting (李明传达了…).
_RELAYS = re.compile(r"(?:同志)?(?:传达|通报|领学|领读)")


def _spoke_at_meeting(text: str, mention: Mention) -> str:
    """``X在Y会议上的讲话``, ``X在Y集体学习时的讲话``: the meeting Y where X spoke (a meeting
    only mentioned).

    >>> t = "传达学习习近平总书记在中央政治局第十四次集体学习时的重要讲话精神"
    >>> _spoke_at_meeting(t, Mention("习近平", 4, 7, []))
    '中央政治局第十四次集体学习'
    """
    m = lex().speech_at.match(text, mention.end)
    return m.group(1) if m else ""


def _spoke_elsewhere(text: str, mention: Mention) -> bool:
    """Whether the person's speech is one given elsewhere: at a meeting only mentioned, or on
    a visit (在福建考察时的重要讲话), so the verbs after it are not theirs at this meeting.

    >>> t, wang = "传达学习王东在福建考察时的重要讲话精神", Mention("王东", 4, 6, [])
    >>> _spoke_elsewhere(t, wang), _spoke_at_meeting(t, wang)
    (True, '')
    """
    return bool(_spoke_at_meeting(text, mention)) \
        or _SPEECH_ON_VISIT.match(text, mention.end) is not None


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


_SAME_DAY = re.compile(r"(?:当天|同日|当日|同一天)")


def meeting_date(hit: MeetingHit, text: str, pub: str) -> str:
    """The meeting's own date (…会议于2月19日召开), else the sentence's first date up to
    the meeting: a date opening the sentence applies to the meeting convened in it.

    >>> s = "2月19日,中共张家界市委政法委召开2025年第一次全体(扩大)会议。"
    >>> [meeting_date(h, s, "2025-02-20") for h in meetings_in(s, Locale(), {})]
    ['2025-02-19']
    """
    own = find_date(text[hit.start:hit.end], pub) if hit.date else ""
    return own or find_date(text[: hit.end], pub)


def _meeting_entity(st: _Article, hit: MeetingHit, date: str) -> Entity:
    label = short_party_names(hit.label)
    key = f"{label}|{date}" if date and hit.holder is not None else f"{label}|{st.article.id}"
    written = ""
    if label != hit.label and st.sentence is not None:
        written = st.surface(st.sentence, hit.start, hit.start + len(hit.label)) \
            if st.sentence.text.startswith(hit.label, hit.start) else hit.label
    return Entity("Meeting", label, key=key, surface=written or league_form(label))


def short_party_names(label: str) -> str:
    """Full names of 民主党派 in a label become their short forms (as in body labels).

    >>> short_party_names("中国国民党革命委员会广州市第十四次代表大会")
    '民革广州市第十四次代表大会'
    """
    lx = lex()
    m = lx.party.match(label)
    if m and len(m.group()) > len(lx.party_label[m.group()]):
        return lx.party_label[m.group()] + label[m.end():]
    return label


_GROUP_END = re.compile("(?:中心组|领导小组)$")
_SESSION_END = re.compile("(?:闭幕会|开幕会|开幕式|闭幕式)$")


def _extract_sentence(st: _Article, sentence: Sentence, headline: bool) -> None:
    text = sentence.text
    if _CONTINUES.match(text):
        st.fresh = True  # the sentence goes on about the meeting (会议…, 会上…, 随后…)
    elif "\n" in st.article.text[st.last_end:sentence.start + 1]:
        st.fresh = False  # a new paragraph that does not go on about the meeting
    st.last_end = sentence.end
    st.sentence = sentence
    near: dict[str, str] = {}
    # a meeting convened here is the context of bare titles (检察长…)
    convened: list[MeetingHit] | None = None
    if _mentions(text, "召开", "举行", "举办", "开幕", "闭幕", "开展", "进行") \
            and (_CONVENE.search(text) or _study_pattern().search(text)):
        convened = meetings_in(text, st.locale, {})
        holders = [h.holder for h in convened if h.holder is not None]
        if holders:
            st.meeting_holder = holders[0]
    people = people_in(text, st, near)
    if convened is not None and not near:
        hits = convened  # the places the titles named change nothing: the same call
    elif convened is None and "主持" not in text:
        hits = []  # nothing convened, chaired or studied here
    else:
        hits = meetings_in(text, st.locale, near)
    ev_cache: dict[str, Evidence] = {}

    def ev(rule: str) -> Evidence:
        if rule not in ev_cache:
            ev_cache[rule] = st.evidence(sentence, rule)
        return ev_cache[rule]

    # meetings
    for hit in hits:
        hit = _by_chair(hit, people)
        date = st.with_year(meeting_date(hit, text, st.pub))
        if not date and _SAME_DAY.search(text, 0, hit.start):
            date = st.last_date  # 同日下午,县政府召开常务会议
        st.last_date = date or st.last_date
        ent = _meeting_entity(st, hit, date)
        if hit.holder is None and hit.chair < 0 and not people and not hit.subject:
            continue
        st.meeting, st.meeting_holder = ent, hit.holder
        st.fresh = True
        st.meetings.append((ent, hit.holder, headline))
        if hit.holder is not None:
            held = ev("meetings_held")
            st.fact(st.body_entity(hit.holder, held, text), "held", ent, held)
            if hit.holder.parents and _GROUP_END.search(hit.holder.label):
                parent = Entity("Body", hit.holder.parents[-1])  # the group meets for its committee
                st.fact(parent, "held", ent, held)
            for co in hit.co_holders:
                st.fact(st.body_entity(co, held, text), "held", ent, held)
        if date:
            st.fact(ent, "date", date, ev("meeting_date"))
        if hit.chair >= 0:
            chair = [p for p in people if p.end <= hit.chair]
            if chair:
                st.fact(_person(st, sentence, chair[-1]), "presided", ent, ev("chair_convened"))
    relayed_before, st.relayed = st.relayed, _relayed_meeting(text)[0]
    away = _absent_speakers(st, text, people, relayed_before)
    # posts
    for p in people:
        person = _person(st, sentence, p)
        st.people.setdefault(p.name, [])
        for t in p.titles:
            post = _post_entity(t.post)
            st.people[p.name].append(t)
            st.fact(person, "holds", post, ev("title_sequence"))
            titled = ev("title_sequence")
            st.fact(post, "postIn", st.body_entity(t.body, titled), titled)
        spoke = _spoke_at_meeting(text, p)
        if spoke:
            holder, rest = _holder_from_name(spoke, st.locale, near)
            label = _MENTIONED_WHEN.sub("", _SESSION_END.sub("", rest))
            st.fact(person, "spokeAt", Entity("Meeting", label), ev("spoke_at_mentioned"))
        if p.start in away:
            _, label = _holder_from_name(away[p.start], st.locale, near)
            st.fact(person, "spokeAt", Entity("Meeting", label), ev("spoke_at_relayed"))
    people = [p for p in people if p.start not in away]
    if st.meeting is not None and (hits or st.fresh):
        _hosts(st, text, near, ev, bool(hits))
    if headline or st.meeting is None:
        _record_documents(st, text)
        return
    if not hits:
        _date_of_current(st, text, ev)
    _roles(st, sentence, people, ev)
    _discussed(st, sentence, hits, ev)


@cache
def _relay_pattern() -> re.Pattern[str]:
    return re.compile(rf"传达(?:学习|贯彻)*了?((?:[{HAN}0-9“”]){{2,40}}?"
                      rf"{alternation('meeting_nouns')})(?:重要|主要)?(?:精神|召开情况)")


def _relayed_meeting(text: str) -> tuple[str, int]:
    """The meeting a sentence relays and where its mention ends (('', -1) if none).

    >>> _relayed_meeting("会议传达学习了中央经济工作会议精神。")
    ('中央经济工作会议', 17)
    >>> _relayed_meeting("会议传达学习了《条例》。")
    ('', -1)
    """
    m = _relay_pattern().search(text) if "传达" in text else None
    return (m.group(1), m.end()) if m else ("", -1)


_IN_THAT_MEETING = re.compile(r"(?:同志)?在(?:会上|会议上|大会上)")


def _absent_speakers(st: _Article, text: str, people: list[Mention],
                     relayed_before: str) -> dict[int, str]:
    """People who speak 在会上 of a meeting relayed just before: start -> that meeting.

    会议传达学习了中央经济工作会议精神。习近平总书记在会上发表重要讲话: the 会上 is the
    relayed meeting's, whose speaker is not at this one.  Only someone who is not here
    counts: every post above the article's meeting's body (中央 over 县委), or, untitled,
    never named before in the article; 县委书记王刚在会上强调 stays the article's.
    """
    here, end = _relayed_meeting(text)
    out: dict[int, str] = {}
    for p in people:
        label = here if here and end <= p.start else relayed_before
        role = lex().roles.match(text, p.end)  # 习近平总书记在会上
        if label and _IN_THAT_MEETING.match(text, role.end() if role else p.end) \
                and _not_present(st, p):
            out[p.start] = label
    return out


def _not_present(st: _Article, p: Mention) -> bool:
    """Whether a person cannot be at the article's meeting: every post is higher up than
    its body, or, untitled, they were never named before."""
    if not p.titles:
        return p.name not in st.people
    holder = st.meeting_holder
    return holder is not None and all(_rank(t.body) < _rank(holder) for t in p.titles)


_RANKS = {"省": 1, "市": 2, "州": 2, "盟": 2, "区": 3, "县": 3, "旗": 3, "镇": 4, "乡": 4,
          "街道": 4, "园": 4, "村": 5, "社区": 5}


def _rank(body: Body) -> int:
    """How high a body stands: 0 for the centre, 1 a province … 5 a village (9 unknown).

    >>> _rank(parse_body("中共中央")), _rank(parse_body("浙江省委")), _rank(parse_body("德江县委"))
    (0, 1, 3)
    """
    if body.label.startswith(("中共中央", "国务院", "全国", "中央", "党中央")):
        return 0
    if body.place.endswith("地区"):
        return 2
    return _RANKS.get(body.level, 9)


_HOST_SEP = re.compile("、|和|及")


def _hosts(st: _Article, text: str, near: dict[str, str], ev, convened_here: bool) -> None:
    """会议由省农业农村厅、临沂市人民政府联合主办: each host held the meeting.

    The hosts are the meeting's: 会议由…主办, or 由…主办的 before the meeting this very
    sentence convenes.  Every listed item must be a body with a place or party, or none
    is taken (由各地各部门共同主办 names no one).
    """
    meeting = st.meeting
    assert meeting is not None
    for m in _HOSTED.finditer(text):
        if not (_HOST_SUBJECT.search(text, 0, m.start())
                or (convened_here and m.group().endswith("的"))):
            continue
        bodies = [parse_body(part, st.locale, near) for part in _HOST_SEP.split(m.group(1))]
        if not bodies or any(b is None or not b.anchored or b.label == b.place for b in bodies):
            continue
        held = ev("hosted_by")
        for body in bodies:
            st.fact(st.body_entity(body, held, text), "held", meeting, held)


_MEETING_TOOK_PLACE = re.compile(
    r"^\s*((?:\d{4}年)?\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?(?:上午|下午|晚上|晚)?),?"
    r"(?:会议|大会|全会|会)(?:在[^,,。;]{1,20}?)?(?:隆重|顺利)?(?:召开|举行|开幕)")


def _date_of_current(st: _Article, text: str, ev) -> None:
    """``6月18日,会议在市会议中心举行``: the date of the meeting named just before.

    Only for a meeting still without a date (召开了全市组织工作会议。6月18日,会议在…举行).
    """
    m = _MEETING_TOOK_PLACE.match(text)
    meeting = st.meeting
    if not m or meeting is None or not st.fresh \
            or any(k[:3] == ("Meeting", meeting.key, "date") for k in st.seen):
        return
    day = st.with_year(find_date(m.group(1), st.pub))
    if day:
        st.fact(meeting, "date", day, ev("meeting_date_later"))


def _record_documents(st: _Article, text: str) -> None:
    for title, _ in documents(text):
        if _resolve_abbreviation(st, title) == title:
            st.docs.append(title)


_HEAD_POST = re.compile(rf"^(.+)([{_LEVELS}])(\2长)$")


@lru_cache(maxsize=1 << 14)
def _post_entity(label: str) -> Entity:
    """A post's node, with its everyday form as the surface (cached: posts recur)."""
    return Entity("Post", label, surface=_short_post(label) or _alt_form(label))


def _short_post(label: str) -> str:
    """The everyday form of a government head's post: 宁波市市长 -> 宁波市长 ('' if none).

    >>> _short_post("宁波市市长"), _short_post("戴庙镇镇长"), _short_post("宁波市委书记")
    ('宁波市长', '戴庙镇长', '')
    """
    m = _HEAD_POST.match(label) if label.endswith("长") else None
    return m.group(1) + m.group(3) if m else ""


def _person(st: _Article, sentence: Sentence, p: Mention) -> Entity:
    return Entity("Official", p.name, surface=st.surface(sentence, p.start, p.end))


def _roles(st: _Article, sentence: Sentence, people: list[Mention], ev) -> None:
    text = sentence.text
    meeting = st.meeting
    assert meeting is not None
    if not people:
        return  # every role below is a person's
    m = _CHAIRED_BY_MEETING.search(text)
    if m:
        for p in people:
            if p.start >= m.end() and _THEN_CHAIRS.match(text, p.end):
                st.fact(_person(st, sentence, p), "presided", meeting, ev("chaired_by"))
    m = _ALSO_PRESENT.search(text)
    if m:
        for p in people:
            if p.start >= m.end():
                st.fact(_person(st, sentence, p), "attended", meeting, ev("also_present"))
    for p in _speakers_at_meeting(text, people):
        st.fact(_person(st, sentence, p), "spokeAt", meeting, ev("said_at_meeting"))
    waiting: list[Mention] = []
    last: list[Mention] = []  # the subject of the clause before
    for c_start, c_end in _clauses(text):
        if _NEW_SUBJECT.match(text, c_start):
            waiting = []  # …赵刚在主席台就座,会议由李明主持: the chair is 李明 alone
        inside = [p for p in people if c_start <= p.start < c_end]
        going_on = _GOES_ON.match(text, c_start)
        if going_on and not inside and not waiting:
            waiting = last  # X通报了…情况,并就《Y》作了说明: X goes on
        if not inside and not waiting:
            continue
        group = waiting + inside
        last_end = inside[-1].end if inside else going_on.end() if going_on else c_start
        note = _NOTE_AFTER.match(text, last_end) if inside else None
        last_end = note.end() if note else last_end  # 张某(女,苗族)逐一作…发言
        preds = _roles_after(text, last_end, c_end, "学习" in meeting.label)
        if not st.fresh:
            preds = [p for p in preds if _AT_MEETING.search(text, last_end, c_end)
                     or (p == "spokeAt" and _WORK_REPORT.match(text, last_end, c_end))
                     or (p == "attended" and _DENG_ATTEND.match(text, last_end, c_end))]
        if inside and not preds:
            # a person speaking in their own clause: X作关于…的说明 handled above
            waiting = group
            continue
        if not preds:
            continue
        for p in group:
            if _spoke_elsewhere(text, p):
                continue
            person = _person(st, sentence, p)
            for pred in dict.fromkeys(preds):
                st.fact(person, pred, meeting, ev("role_verbs"))
        last, waiting = group, []
    for p in people:  # 李明传达了王东在…会议上的讲话: the verbs after 王东 are not 李明's
        if _RELAYS.match(text, p.end) and (st.fresh or _AT_MEETING.search(text)):
            st.fact(_person(st, sentence, p), "attended", meeting, ev("role_verbs"))


_CHAIRED_BY_MEETING = re.compile(r"(?:会议|大会|会)由")
_THEN_CHAIRS = re.compile(rf"[{HAN}、]{{0,6}}主持")
#: A clause going on with the subject of the one before: …情况,并就《Y》作了说明;
#: 主持会议,代表常委班子作对照检查.
_GOES_ON = re.compile(r"\s*(?:(?:并|还|同时|随后)(?=[就对作围]|代表)"
                      r"|(?=代表(?![们委和、])[^,,。;]{1,20}?作))")
#: A clause with a subject of its own: people waiting from the clauses before are not its.
_NEW_SUBJECT = re.compile(r"\s*(?:会议|大会|会上|会)?由")
_AT_MEETING_OPEN = re.compile(r"^\s*在?(?:会上|会议上|大会上|座谈会上|会议中)[,,]?")
_SAYS = re.compile(r"(?:同志)?(?:强调|指出|要求|表示|提出)")


def _speakers_at_meeting(text: str, people: list[Mention]) -> list[Mention]:
    """会上,区委副书记王强强调…: people who speak in a sentence set at the meeting.

    >>> people = [Mention("王强", 8, 10, [])]
    >>> [p.name for p in _speakers_at_meeting("会上,区委副书记王强强调,要抓好落实", people)]
    ['王强']
    >>> _speakers_at_meeting("区委副书记王强强调,要抓好落实", [Mention("王强", 5, 7, [])])
    []
    """
    if not _AT_MEETING_OPEN.match(text):
        return []
    return [p for p in people if _SAYS.match(text, p.end)]


#: A report made to the meeting needs no 会上 to be about it: X作常委会工作报告.
#: So are the acts of a study session or a forum: X作专题辅导报告, Y结合分管工作作交流发言,
#: and speakers taking turns (A、B先后发言) or reporting for a body (受县人民政府委托作报告).
_WORK_REPORT = re.compile(r"(?:代表[^,,。;]{1,20}?)?作了?[^,,。;《》]{0,20}?工作(?:报告|汇报)"
                          r"|(?:就|围绕)[^,,。;]{1,40}?作了?(?:专题)?(?:说明|辅导)"
                          r"|(?:结合[^,,。;]{1,12}?)?作了?(?:专题)?(?:辅导报告|交流发言)"
                          r"|等?(?:同志)?(?:先后|分别|依次|相继)[^,,。;]{0,20}?(?:发言|讲话|报告|汇报)"
                          r"|受[^,,。;]{1,16}?委托[^,,。;]{0,20}?作[^,,。;]{0,20}?(?:报告|说明)"
                          rf"|{alternation('roles')}?(?:同志)?在(?:总结)?讲话中(?:强调|指出|要求|表示|提出)"
                          r"|(?:代表[^,,。;]{1,20}?|逐一|依次|分别|先后)?"
                          rf"作了?(?:个人)?{alternation('meeting_speeches')}")
#: …、Y等参加学习。 closes a list of the meeting's participants, wherever it stands.
_DENG_ATTEND = re.compile(r"等(?:同志)?(?:参加|出席|列席)了?(?:学习|座谈|会议|活动)?(?:[。;,,]|$)")
#: The sentence is about the article's meeting: 列席会议并就《X》作了说明.
#: 领学/宣读 a title is itself done at the meeting: 市长X领学了《条例》.
_THIS_MEETING = re.compile(r"(?:出席|列席|参加|到会|在)(?:了|本次|此次)?会议|会上|会议(?:上|期间)"
                           r"|(?:领学|领读|宣读)了?《|就《[^《》]*》(?:的[^,,。;]{0,6}?)?作了?[^,,。;]{0,8}说明")
_AT_MEETING = re.compile(r"会议|大会|会上|到会|开幕式|闭幕式|座谈|学习会")
_CONTINUES = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+、|\d+[.、])?(?:会议|会上|会中|大会|全会|此次会议|"
    r"本次会议|会议期间|随后|最后|首先|其后|接着|期间|会前|与会|审议|听取|研究|讨论|表决)")
_ALSO_PRESENT = re.compile(r"(?:出席|参加|列席)(?:会议|大会|活动)?的(?:领导|同志|人员)?(?:还)?有")
_OPENS_MEETING_TALK = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\d+[.、])?(?:会议|会上|大会|全会|此次会议|本次会议|会议还|会议先后|会议期间|"
    r"审议|听取|研究|讨论|表决)")


def _discussed(st: _Article, sentence: Sentence, hits: list[MeetingHit], ev) -> None:
    text = sentence.text
    strong_only = not (hits or _OPENS_MEETING_TALK.match(text.lstrip()))
    if strong_only and not st.fresh and not _THIS_MEETING.search(text):
        _record_documents(st, text)
        return
    meeting = st.meeting
    assert meeting is not None
    for title, pos in documents(text):
        full = _resolve_abbreviation(st, title)
        if not discussed_here(text, pos, strong_only, "学习" in meeting.label):
            if full == title:
                st.docs.append(title)
            continue
        surface = st.surface(sentence, pos + 1, pos + 1 + len(title))
        key = full if (full != title or len(title) > 6) else f"{title}|{st.article.id}"
        doc = Entity("Document", full, key=key, surface=surface if surface != full else "")
        if full == title:
            st.docs.append(title)
        st.fact(meeting, "discussed", doc, ev("documents"))


_INNER_BRACKETS = re.compile(r"[<>〈〉]")


def _resolve_abbreviation(st: _Article, title: str) -> str:
    """《条例》 after 《中国共产党统一战线工作条例(试行)》 is the same document."""
    plain = _INNER_BRACKETS.sub("", title)
    for full in reversed(st.docs):
        if plain != full and len(plain) < len(full) and plain in _INNER_BRACKETS.sub("", full):
            return full
    return title


def _merge_headline_meetings(st: _Article) -> None:
    """A headline restating the article's meeting is the same meeting node."""
    body = [(e, h) for e, h, head in st.meetings if not head]
    if not body:
        return
    mapping: dict[str, Entity] = {}
    for ent, holder, head in st.meetings:
        if not head:
            continue
        target = _closest(ent, holder, body)
        if target is not None and target.key != ent.key:
            mapping[ent.key] = target
    if not mapping:
        return
    facts = []
    seen = set()
    held_in_body = {f.object.key for f in st.out.facts
                    if f.predicate == "held" and f.object.key not in mapping}
    for f in st.out.facts:
        s = mapping.get(f.subject.key, f.subject) if f.subject.kind == "Meeting" else f.subject
        o = f.object
        if isinstance(o, Entity) and o.kind == "Meeting":
            if f.predicate == "held" and o.key in mapping \
                    and mapping[o.key].key in held_in_body:
                continue  # the body text names the convener better than a headline (乡党委)
            o = mapping.get(o.key, o)
        if s.kind == "Meeting" and f.predicate == "date" and f.subject.key in mapping:
            continue
        k = (s.key, f.predicate, o if isinstance(o, str) else o.key)
        if k not in seen:
            seen.add(k)
            facts.append(f if s is f.subject and o is f.object
                         else Fact(s, f.predicate, o, f.evidence))
    st.out.facts = facts


def _unify_meetings(st: _Article) -> None:
    """One meeting, one node: within an article, a mention without a date (key ends in
    the article) is the dated meeting of the same label, when there is exactly one.

    7月3日,县委召开常委会会议 … 县委书记王立主持召开县委常委会会议 is one meeting,
    not one per mention.
    """
    dated: dict[str, set[str]] = {}
    for f in st.out.facts:
        if f.predicate == "date" and f.subject.kind == "Meeting":
            dated.setdefault(f.subject.label, set()).add(f.subject.key)
    target = {label: keys.pop() for label, keys in dated.items() if len(keys) == 1}
    if not target:
        return  # nothing to re-key, and the facts are unique already

    def same(e: Entity | str) -> Entity | str:
        if isinstance(e, Entity) and e.kind == "Meeting" and e.label in target \
                and e.key != target[e.label]:
            return replace(e, key=target[e.label])
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
