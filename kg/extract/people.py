"""People in a sentence, with the titles the sentence gives them.

``people_in`` is the entry point: it finds every person mention (after a title
sequence, in a 、-list, in brackets, after 代表, elected 为 …) and attaches the
titles read by ``kg.extract.titles``.  The helpers after it tell what a person
did at a meeting (spoke there, spoke elsewhere, relayed a speech).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from kg.extract.bodies import _LEAGUE, _WORK_GROUP_END, _WORK_GROUPS, Body, parse_body
from kg.extract.lexicon import _GOV_ROLE, _LEVELS, _NUM, HAN, _mentions, lex
from kg.extract.meetings import _TITLE_SPAN
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
    OWN_UNIT_PART,
    Mention,
    Title,
    _gov_head,
    _party_committee,
    name_list,
    parse_titles,
    role_fits,
    title_before,
    title_note_end,
)
from kg.lexicon import alternation, table


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


def _meetings_unit(text: str, end: int, st: _Article, context: Body, near: dict[str, str],
                   floor: int, read: tuple[list[Title], int]) -> tuple[list[Title], int]:
    """A bare unit opening the next person's titles that the person before does not own
    (派出所所长A、刑侦大队大队长B at a 分局's meeting): the meeting's body may own it.  A
    bare unit's post is never right, so the meeting's reading wins whenever it places all.

    >>> from kg.extract.state import _toy
    >>> a = _Article(_toy("分局召开党委会议。"))
    >>> a.meeting_holder = parse_body("成都市公安局锦江区分局")
    >>> t = "春熙路派出所所长刘某、刑侦大队大队长黄某列席。"
    >>> [x.post for m in people_in(t, a, {}) for x in m.titles][-1]
    '成都市公安局锦江区分局刑侦大队大队长'

    So is a unit nothing before it owns at all (工会主席甄某,医务科科长籍某 at a hospital's):

    >>> a.meeting_holder = parse_body("正定县人民医院")
    >>> t = "党委委员、工会主席甄志刚,医务科科长籍晓峰列席"
    >>> [x.post for m in people_in(t, a, {}) for x in m.titles][-1]
    '正定县人民医院医务科科长'
    """
    titles, start = title_before(text, end, st.locale, context, near, floor)
    return (titles, start) if titles and all(t.body.anchored for t in titles) else read


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
        # 局党委委员、机关党委书记X after another person: the story's own 局, not theirs
        own = context is not None and _OWN_ORGAN_FIRST.search(text, max(floor, 0), rm.end())
        titles, start = title_before(text, rm.end(), st.locale,
                                     context if own else last_body or context, near, floor)
        if not (titles and titles[0].body.anchored) and last_body is not None \
                and context is not None and not own:
            # 工会主席甄某,医务科科长籍某: a unit the last person's body lacks is the meeting's
            titles, start = _meetings_unit(text, rm.end(), st, context, near, floor,
                                           (titles, start))
        floor = names[-1][1] + len(names[-1][0])
        if titles and not titles[-1].body.label.startswith("驻"):  # a resident 驻…纪检监察组
            last_body = titles[-1].body  # stands outside the story's body: no context
        if "原" in text[start:rm.end()]:  # 分公司原党委书记: that post no longer held
            titles = [t for t in titles if not _FORMER_INSIDE.search(t.post)]
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
    # leaders named only as 市领导/省领导: people without a post, unless the titles stand
    # before a duty that ends in 领导 (县委常委、副县长,四合永镇包联县领导巴特尔)
    for m in _LEADERS.finditer(text) if "领导" in text else ():
        for k, (name, i) in enumerate(name_list(text, _list_start(text, m.end()))):
            titles = title_before(text, i, st.locale, context, near)[0] \
                if k == 0 and _LIAISON_BEFORE.search(text, 0, m.end()) else []
            found.setdefault(i, Mention(name, i, i + len(name), titles))
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
        if text.startswith("(", rm.end()) and _list_start(text, rm.end()) in found:
            continue  # 工商联主席(总商会会长)区某: the title of the name after the bracket
        for n in (4, 3, 2):
            i = rm.start() - n
            if i < 0 or i in found:
                continue
            cand = text[i:rm.start()]
            if plausible_name(cand) and not _covered(found, i):
                # 王东书记在全省…会议上的讲话: a 书记 of some other body; but there is one 总书记
                elsewhere = _SPEECH_AT.match(text, rm.end()) and rm.group() != "总书记"
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
            note = _NOTE_AFTER.match(text, m.end() + len(name))  # 任命王某(女,土家族)为…
            tail = _AS_POST.match(text[note.end() if note else m.end() + len(name):])
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
    if st.people:
        _surname_and_role(text, st, found, roles)
    if "同志任" in text or "任" in text and ("决定" in text or "任" in text[2:5]):
        _appointed_comrade(text, st, near, found)
    if "任" in text and _BIO_POSTS.search(text):
        _bio_posts(text, st, near, found)
    # elections: 王选同志当选主任委员, 刘朋、郝东文等5名同志当选副主任委员
    for m in _ELECTED.finditer(text) if st.meeting_holder is not None \
            and _mentions(text, "当选", "被选举为", "任") else ():
        role = lx.roles.match(text, m.end())
        holder = st.meeting_holder
        if role and holder is not None and role_fits(role.group(), holder):
            titles = [Title(holder, role.group())]
        elif "选" in m.group():  # 赵宏亮当选为富平县人民政府县长: a post named in full
            post = _ELECTED_POST.match(text, m.end())
            titles = parse_titles(post.group(), st.locale) if post else []
            if not titles or not lx.roles.search(post.group()[-4:]):
                continue
        else:
            continue
        for name, i in _names_ending_at(text, m.start()):
            _add_titles(found, Mention(name, i, i + len(name), list(titles)))
    # a bare name giving a speech at a named meeting: 某某在…会议上的讲话
    for m in _SPEECH_AT.finditer(text) if "讲话" in text else ():
        for n in (3, 2, 4):
            i = m.start() - n
            if i >= 0 and (i == 0 or text[i - 1] in _LEFT_OK) and not _covered(found, i) \
                    and plausible_name(text[i:m.start()]):
                found[i] = Mention(text[i:m.start()], i, m.start(), [])
                break
    return [found[k] for k in sorted(found)]


def _surname_and_role(text: str, st: _Article, found: dict[int, Mention],
                      roles: list[re.Match]) -> None:
    """韩书记在讲话中强调: a surname and a role name the one person of the article met with
    that surname and that very role (镇党委书记韩立新 before); none when two fit or none.

    >>> from kg.extract.state import _toy
    >>> a = _Article(_toy("x"))
    >>> a.people["韩立新"] = parse_titles("镇党委书记", Locale({"镇": "大河镇"}))
    >>> found: dict[int, Mention] = {}
    >>> t = "会上,韩书记在讲话中强调"
    >>> _surname_and_role(t, a, found, list(lex().roles.finditer(t)))
    >>> [(m.name, t[m.start:m.end]) for m in found.values()]
    [('韩立新', '韩书记')]
    """
    for rm in roles:
        i = rm.start() - 1
        if i < 0 or text[i] not in lex().surnames or (i > 0 and text[i - 1] not in _LEFT_OK) \
                or _covered(found, i) or not _FOLLOW.match(text, rm.end()):
            continue
        known = {name for name, titles in st.people.items()
                 if name[0] == text[i] and any(t.role == rm.group() for t in titles)}
        if len(known) == 1:
            found.setdefault(i, Mention(known.pop(), i, rm.end(), []))


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


_BARE_DEPUTY = re.compile(r"(?<=[,,;;、])((?:常务)?副组长)$")


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
    >>> [x.post for x in _with_known_group("组长王某,副组长", [], 8, a)]
    ['山西省委第三督导组副组长']
    """
    for t in titles:
        group = _WORK_GROUP_END.search(t.body.label) if t.body.anchored else None
        if group:
            st.groups[group.group()] = t.body
        elif t.body.label.endswith("领导小组") and not _bare_leading_group(t.body):
            st.groups["领导小组"] = t.body
    holder = st.meeting_holder
    known = st.groups.get("领导小组") or (
        holder if holder is not None and holder.label.endswith("领导小组")
        and not _bare_leading_group(holder) else None)
    if known is not None:  # 县长、领导小组副组长: the leading group named before
        titles = [Title(known, t.role) if _bare_leading_group(t.body) else t for t in titles]
    if holder is not None and holder.label.endswith("中心组"):  # 书记、中心组组长 at its session
        titles = [Title(holder, t.role) if t.body.label.endswith("中心组") else t for t in titles]
    sender = _party_committee(holder) if holder is not None else ""
    if sender:  # 第一巡察组组长 at a 市委巡察工作动员部署会: the 市委's group
        titles = [Title(parse_body(sender + t.body.label, st.locale), t.role)
                  if not t.body.anchored and _WORK_GROUP_END.search(t.body.label) else t
                  for t in titles]
    m = _BARE_GROUP.search(text, 0, start)
    if m and bool(m.group(3)) == bool(titles) and m.group(1) in st.groups:
        return [Title(st.groups[m.group(1)], m.group(2)), *titles]
    groups = [b for k, b in st.groups.items() if k != "领导小组"]
    m = _BARE_DEPUTY.search(text, 0, start) if not titles and len(groups) == 1 else None
    if m:  # 督导组组长X,副组长Y: the one work group the article named
        return [Title(groups[0], m.group(1))]
    return titles


def _bare_leading_group(body: Body) -> bool:
    """A 领导小组 named by that word alone (its place added by the parser).

    >>> _bare_leading_group(parse_body("县领导小组", Locale({"县": "望奎县"})))
    True
    >>> _bare_leading_group(parse_body("县委农村工作领导小组", Locale({"县": "望奎县"})))
    False
    >>> _bare_leading_group(parse_body("县委领导小组", Locale({"县": "望奎县"})))
    True
    """
    return body.label in ("领导小组", body.place + "领导小组") or body.head == "领导小组"


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
    >>> t = "副局长(正厅长级)蔡振松出席"
    >>> t[_list_start(t, 3):]
    '蔡振松出席'
    >>> t = "市工商联主席(总商会会长)区志明主持"
    >>> t[_list_start(t, 6):]
    '区志明主持'
    >>> t = "副市长(挂职)孙某出席"
    >>> t[_list_start(t, 3):]
    '孙某出席'
    """
    how = _HELD_HOW.match(text, end)
    if how:  # 组织部部长(兼)张某, 副市长(挂职)孙某: how the title is held, no hat of its own
        return how.end()
    rank = _RANK_NOTE.match(text, end)
    if rank:
        return rank.end()  # 副局长(正厅长级)蔡某: the rank is a note on the title
    hat = title_note_end(text, end) if text.startswith("(", end) else end
    if hat > end:
        return hat  # 主席(总商会会长)区某: the same person's second hat in brackets
    return end + (1 if text[end:end + 1] in (" ", "\u3000", "(") else 0)


_HELD_HOW = re.compile(r"\((?:兼|挂职)\)")
_RANK_NOTE = re.compile(
    r"\((?:正|副)?(?:省部|厅局|地厅|县处|乡科|厅|局|处|科|部|省|县|地|司|乡)(?:长)?级\)")


#: What every unknown item ends in, found faster than the item itself.
_UNKNOWN_HINT = re.compile(r"[组队站所科股团班庭馆]长|总指挥|指挥长|召集人|负责人|教授|研究员|院士")
#: A firm's founder or partner (企业创始人): rarer, so looked for only where 创 or 伙 is.
_FOUNDER_HINT = re.compile(r"创始人|创办人|合伙人")
_UNKNOWN_ITEM = re.compile(
    rf"(?:、|^|(?<=[,,。;;::]))([{HAN}()]{{0,24}}?{_UNKNOWN_TAIL})(?=[{HAN}])")


def _after_unknown_role(text: str, st: _Article, near: dict[str, str],
                        found: dict[int, Mention], context: Body | None) -> None:
    """``市委书记、市委理论学习中心组组长刘某某主持``: an unknown last role must not hide
    the person; they keep the known titles before it (the unknown one is dropped).  An
    unknown role alone (驻村工作队队长张立新出席) still names a person, without a post."""
    hint = _UNKNOWN_HINT.search(text) \
        or ("创" in text or "伙" in text) and _FOUNDER_HINT.search(text)
    for m in _UNKNOWN_ITEM.finditer(text) if hint else ():
        names = name_list(text, m.end())
        if not names or _covered(found, m.end()) or lex().roles.match(text, m.end(1) - 2):
            continue
        floor = max((p.end for p in found.values() if p.end <= m.start()), default=0)
        titles, _ = title_before(text, m.start(), st.locale, context, near, floor)
        for name, i in names:
            found.setdefault(i, Mention(name, i, i + len(name), titles))


#: The post one is elected to, named in full up to the end of its clause.
_ELECTED_POST = re.compile(r"[^,,。;;、]{3,30}(?=[,,。;;]|$)")
_ELECTED = re.compile(rf"(?:等[{_NUM}]+名)?(?:同志)?(?:当选|被选举为|任)为?")
_NAME_RUN = re.compile(rf"((?:[{HAN}·]{{2,12}}、)*[{HAN}·]{{2,12}})$")


#: 张某同志任X市委委员、常委、书记: a decision announced, the posts up to the clause's end.
_COMRADE_TAKES = re.compile(r"同志任(?![职命务期])|(?<=[\u4e00-\u9fff])任(?![职命务期何])")
#: Where a bare name opens an item of a decision: 决定:李某任…;王某任…
_DECISION_ITEM = frozenset(":：;；,，\n")
#: A post run up to the end of its clause; notes in brackets inside it (a rank, 挂职,
#: 主持行政工作) are dropped.
_POST_RUN = re.compile(r"[^,,。;;::]{3,60}?(?=[,,。;;]|$)")
_POST_NOTE = re.compile(r"\([^()]{1,12}\)")


def _full_posts(text: str, i: int, st: _Article, near: dict[str, str]) -> list[Title]:
    """The posts named from ``text[i]`` to the end of the clause, when every item is one.

    >>> from kg.extract.state import _toy
    >>> a = _Article(_toy("x"))
    >>> [t.post for t in _full_posts("任延安市委委员、常委、书记;", 1, a, {})]
    ['延安市委委员', '延安市委常委', '延安市委书记']
    >>> [t.post for t in _full_posts("现任临沂市财政局副局长(正处级),拟任", 2, a, {})]
    ['临沂市财政局副局长']
    >>> [t.post for t in _full_posts("任青海省委委员、常委和书记;", 1, a, {})]
    ['青海省委委员', '青海省委常委', '青海省委书记']
    >>> _full_posts("任延安市长以来,", 1, a, {}), _full_posts("任副市长期间,", 1, a, {})
    ([], [])
    """
    m = _POST_RUN.match(text, i)
    if not m:
        return []
    run = _POST_NOTE.sub("", m.group())
    if not any(run[-k:] in lex().role_set for k in (2, 3, 4, 5)):
        return []  # 任延安市长以来: a time since, not the post's own end
    for items in (run, run.replace("和", "、")) if "和" in run else (run,):
        titles = parse_titles(items, st.locale, None, near)  # 委员、常委和书记: 和 joins the last
        if len(titles) == len(items.split("、")):
            return titles
    return []


def _appointed_comrade(text: str, st: _Article, near: dict[str, str],
                       found: dict[int, Mention]) -> None:
    """``李某同志任延安市委委员、常委、书记``: the posts a decision read out gives.

    >>> from kg.extract.state import _toy
    >>> a = _Article(_toy("x"))
    >>> found = {}
    >>> _appointed_comrade("决定:李国华同志任延安市委委员、常委、书记;", a, {}, found)
    >>> [(m.name, [t.post for t in m.titles]) for m in found.values()]
    [('李国华', ['延安市委委员', '延安市委常委', '延安市委书记'])]
    >>> found = {}
    >>> _appointed_comrade("省委决定:王立任榆林市委书记;市委副书记任务繁重", a, {}, found)
    >>> [(m.name, [t.post for t in m.titles]) for m in found.values()]
    [('王立', ['榆林市委书记'])]
    """
    for m in _COMRADE_TAKES.finditer(text):
        comrade = m.group().startswith("同志")
        end = m.start()  # the name ends before 同志, or before 任 itself: 决定:李某任…
        names = [text[i:end] for i in (end - 3, end - 2, end - 4) if i >= 0
                 and (i == 0 or text[i - 1] in (_LEFT_OK if comrade else _DECISION_ITEM))
                 and plausible_name(text[i:end])]
        titles = _full_posts(text, m.end(), st, near) if names else []
        if titles:
            _add_titles(found, Mention(names[0], end - len(names[0]), end, titles))


#: A candidate's bio in a 任前公示: 王某(女,汉族,…),现任X,挂职任Y,拟任Z (拟任 is only proposed).
_BIO_POSTS = re.compile(r"[,,](?:现任|挂职任|现挂职任)")
_ITEM_NUMBER = re.compile(r"\s*(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,2}、|\(\d{1,2}\))?\s*")


def _bio_posts(text: str, st: _Article, near: dict[str, str],
               found: dict[int, Mention]) -> None:
    """``王某(女,汉族,1970年5月生…),现任X市财政局副局长``: the posts of the name opening
    the sentence (a bio in brackets or after a comma between them).

    >>> from kg.extract.state import _toy
    >>> a = _Article(_toy("x"))
    >>> found = {}
    >>> _bio_posts("赵红梅(女,回族,1971年3月生),现任银川市委常委、副市长,拟任正厅级领导职务。",
    ...            a, {}, found)
    >>> [(m.name, [t.post for t in m.titles]) for m in found.values()]
    [('赵红梅', ['银川市委常委', '银川市副市长'])]
    """
    i = _ITEM_NUMBER.match(text).end()  # 2. 李某(…),现任…: a numbered list of candidates
    name = name_at(text, i)
    if not name or text[i + len(name):i + len(name) + 1] not in "(,,":
        return
    titles = [t for m in _BIO_POSTS.finditer(text) for t in _full_posts(text, m.end(), st, near)]
    if titles:
        _add_titles(found, Mention(name, i, i + len(name), titles))


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
#: 原 inside a title, after the body: 钦州分公司原党委书记, 市教育局原局长 (not 太原, 中原).
_FORMER_INSIDE = re.compile("(?:公司|集团|局|厅|委|部|院|大学|学校|办|镇|乡|村)原")
_FORMER = re.compile(r"(?:原|(?<![此之日目以事提当会生年节月其不向面])前)$")
#: 市领导, 省委领导; an institution's own 校领导, 院领导, 集团领导 in its news.
_LEADERS = re.compile(r"(?:[省市区县镇乡校院]|自治区|州|旗|集团|公司)(?:委|政府)?领导(?:同志)?")
#: ... and a bare 党组成员 or 党委委员 opening a run: the meeting's body's (党组成员、监事会主任X).
_OWN_ORGAN_FIRST = re.compile(rf"(?:^|[,,;;])(?:{OWN_UNIT_PART.pattern}|党[组委](?=[成委副书]))"
                              r"[^,,;;]*$")
_LIAISON_BEFORE = re.compile(r"(?:包联|联系|挂点|挂钩|包片|包村)(?:县|市|区|镇|乡)?级?领导$")
_LEADERS_AFTER = re.compile(
    rf"(?:^|(?<=[,,。;;:: ]))((?:[{HAN}]{{2,4}}、)+[{HAN}]{{2,4}})等"
    r"(?:(?:[省市区县镇乡州旗]|自治区)(?:委|政府)?(?:级)?)?(?:领导|同志)")
_IN_TURN = re.compile(rf"(?:^|(?<=[,,。;;:: ]))((?:[{HAN}]{{2,4}}、)+[{HAN}]{{2,4}})"
                      r"(?:等)?(?:同志)?(?:先后|分别|依次|相继|(?:列席|出席|参加)了?(?:本次|此次)?会议)")
_SPEECH_AT = re.compile(r"(?=在[^,,。;]{2,60}?(?:上|时)[^,,。;]{0,30}?的(?:重要)?讲话)")
#: A speech given on a visit (在福建考察时的重要讲话): at no meeting, neither that one nor the
#: article's.
_SPEECH_ON_VISIT = re.compile(
    r"[^,,。;在]{0,8}?在[^,,。;]{1,30}?(?:考察|调研|视察|看望|慰问|检查|审议|座谈|参加|出席)"
    r"[^,,。;]{0,10}?(?:时|期间)[^,,。;]{0,30}?的(?:重要)?讲话")


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
    if role in table("national_roles"):  # 总书记, 国务委员: of one national body
        return parse_titles(role, st.locale)
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
    r"(?<![工合创协动写制运操著])作(?![出好为])(?:了)?[^,,。;]{0,60}?"
    r"(?:报告|说明|讲话|发言|汇报|党课|对照检查|通报|点评|辅导|小结|总结|答复|回应|解读|安排)"
    r"|所作的?[^,,。;]{0,20}报告|[^,,。;]{0,40}的(?:情况)?[汇通]报|^关于[^,,。;]{1,50}?的(?:报告|说明)"
    # 就…提出要求, 对…作出具体安排, 就…作了部署: the person's own instructions to the meeting
    # (在全区…会议上作了部署 was given elsewhere)
    r"|^(?:同志)?(?:就|对|围绕)[^,,。;]{1,40}?(?:提出了?|作出?了?|进行了?)[^,,。;]{0,4}?"
    r"(?:要求|安排|部署)"
    # 反馈了巡察情况: an inspection group's findings told to the meeting
    r"|^(?:同志)?(?:代表[^,,。;]{1,20}?)?反馈了?[^,,。;]{0,10}?(?:情况|意见)"
    # 对民主生活会进行了点评: a comment on the meeting is made to it; 就任务分工作了说明,
    # 对办法修订情况进行了说明: an explanation of a matter (工作 does not hide its 作)
    r"|^(?:同志)?(?:对|就)[^,,。;]{1,30}?进行了?(?:点评|讲评|说明|解读)"
    r"|^(?:同志)?(?:对|就)[^,,。;]{1,40}?作了?(?:说明|解读|汇报)"
    # the person's own verb: 张华汇报了…情况, 李强、赵敏分别汇报, 王芳通报了…情况
    r"|^(?:同志)?(?:应邀)?(?:到会)?(?:分别|先后|依次|相继)?(?:就[^,,。;]{1,30}?)?[汇通]报(?!会)")
#: The person's own act of speaking, right after them: asking things of those present
#: (就做好…工作提出要求, 对…提出了具体要求), advising or giving a view on a matter before the
#: meeting (列席会议并就…提出了建议, 就…量刑问题发表了意见), a department head answering
#: members at a 协商会 (市财政局局长X现场回应).
_ASKS_OR_ANSWERS = re.compile(
    r"(?:[^,,。;]{0,8}?并|在会上|在会议上)?(?:就|对)[^,,。;]{1,40}?"
    r"(?:提出了?(?:具体|明确|几点)?(?:要求|建议|意见)|发表了?(?:个人|具体)?意见)"
    r"|(?:同志)?(?:分别|先后|依次|相继)?(?:现场|当场|逐一)?(?:回应|答复|解答)")
#: how those acts may start: a cheap first test
_ASK_FIRST = frozenset("就对同分先依相现当逐回答解在")
#: Telling the meeting what one has learnt: 结合分管工作谈了学习体会, 谈了认识和建议.
_TALKS_OF = re.compile(r"谈了?[^,,。;]{0,8}?(?:体会|认识|感受|想法|看法)")
#: 王强在会上强调; with the role after the name too: 林晓峰主席在讲话中指出.
_SPOKE_THERE = re.compile(rf"{alternation('roles')}?(?:同志)?在(?:(?:会上|会议上|大会上)"
                          r"(?:强调|指出|要求|表示|提出)|作?(?:总结|小结|点评)时"
                          r"|(?:总结|表态|任职|离任|交流){0,2}(?:讲话|发言|点评)[中时])")
_ATTEND_OK = re.compile(r"了?(?:本次|此次|今天的|当天的)?(?:会议|大会|会|开幕式|闭幕式|仪式|座谈|"
                        r"讨论|开班(?:仪)?式|结业(?:仪)?式|"
                        r"活动|$|[并和及、])|指导|祝贺|讲话"
                        # a meeting named by its kind: 出席反馈会并讲话, 出席动员会
                        rf"|[{HAN}]{{1,4}}?会(?:议)?(?=$|[并和及、,,。;])")
#: 介绍 as a briefing given to the meeting: 介绍了…, 介绍有关情况, 介绍…工作进展.
_BRIEFS = re.compile(r"介绍(?:了|有关|相关|[^,,。;]{0,30}?(?:情况|经验|做法|进展|举措))")
#: 主持 the meeting, or one session of it (主持第二次全体会议, 主持预备会议: a 全会 or 人代会
#: of several sessions is still the article's meeting).
_PRESIDE_OK = re.compile(
    r"主持(?=$|[,,。;]|会议|召开|了|并|本次|此次|大会|座谈会|(?:新闻)?发布会|开幕|闭幕|全体|学习|集体学习|预备会"
    rf"|(?:全会|大会)?第[{_NUM}]+次(?:全体|主席团)?会议)")


_HEARS = re.compile(r"听取|听了")
#: Where the listener acts again: 听取汇报后发表讲话, 听取…并讲话.
_HEARD_THEN = re.compile(r"并|(?<=[^,,。;])后(?=[^,,。;]{0,6}(?:讲话|发言|指出|强调|作))")
#: 作了《关于…的报告》, 听取X作的《…报告》: the title is the report the person makes.
_TITLED_SPEECH = re.compile(r"作[了的]?《[^《》]{2,80}(?:报告|说明|讲话)》")
#: 总书记的重要讲话: a speech spoken of, not made here.
_OF_SPEECH = re.compile(r"的(?:重要|书面|视频|主旨|开幕|总结)?$")
#: 工作报告 holds 作报告, but 作工作部署 is still the act of 作部署.
_WORK_NOUN = re.compile(r"(?:^|[^作])工作$|^工作$")
#: 向市长汇报, 对王明作出批评: the act is aimed at someone; but 对《办法》作了说明 (对X作了解读,
#: 对…工作作了安排) is the person's own explanation of a thing.
_TO_SOMEONE = re.compile(
    r"^(?:向|对(?![^,,。;]{0,50}?(?:作了?[^,,。;]{0,6}?(?:说明|解读|安排|部署|点评)"
    r"|(?:提出了?|作出了?)[^,,。;]{0,4}?(?:要求|安排|部署)|进行了?(?:点评|讲评|说明|解读))))")


def _roles_after(text: str, start: int, end: int, study: bool = False) -> list[str]:
    """Role predicates of the verbs in text[start:end], stopping at 听取 (others speak then).

    >>> _roles_after("出席会议,并结合分管工作谈了学习体会", 0, 18)
    ['attended', 'spokeAt']
    >>> _roles_after("现场回应", 0, 4), _roles_after("就抓好整改提出要求", 0, 9)
    (['spokeAt'], ['spokeAt'])
    >>> _roles_after("谈到了企业困难", 0, 7)
    []
    >>> _roles_after("列席会议并就行业党建工作提出了建议", 0, 17)
    ['attended', 'spokeAt']
    """
    lx = lex()
    seg = text[start:end]
    cut = _HEARS.search(seg)
    if cut:  # what others said is theirs; the listener's own acts come after 并 or 后
        after = _HEARD_THEN.search(seg, cut.end())
        seg = seg[: cut.start()] + ("" if after is None else seg[after.start():])
    short = _TITLE_SPAN.sub("《》", seg)  # no verb inside a title: 《政府工作报告》
    preds = []
    for m in lx.verbs.finditer(short):
        verb = m.group()
        if short.startswith("精神", m.end()) or _OF_SPEECH.search(short, 0, m.start()) \
                or _WORK_NOUN.match(short, max(m.start() - 2, 0), m.start() + 1):
            continue  # 讲话精神, 他的(重要)讲话, 工作报告: the speech as a thing, not the act
        if verb == "主持" and not _PRESIDE_OK.match(short, m.start()):
            continue
        if verb == "介绍" and not _BRIEFS.match(short, m.start()):
            continue  # 据张华介绍, : a source quoted, not a briefing given
        if verb in ("出席", "参加", "列席") and not _ATTEND_OK.match(short, m.end()) \
                and not (study and short.startswith("学习", m.end())):
            continue  # 参加学习 is attendance only at a study session
        preds.append(lx.verb_pred[verb])
    if (_REPORTS.search(short) or _TITLED_SPEECH.search(seg)
            or (short[:1] in _ASK_FIRST or "并" in short) and _ASKS_OR_ANSWERS.match(short)
            or "谈" in short and _TALKS_OF.search(short)) and not _TO_SOMEONE.match(seg):
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
