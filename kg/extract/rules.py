"""The per-sentence rules that turn mentions and meetings into facts.

``_extract_sentence`` runs them in order over one sentence: meetings convened
(``held``, ``date``, ``presided``), posts (``holds``, ``postIn``), speeches
(``spokeAt``), hosts of a meeting, the current meeting's date, people's roles at
it (``_roles``: presided, attended, spokeAt) and what it discussed (``_discussed``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from kg.extract.bodies import Body, _alt_form, league_form, parse_body
from kg.extract.lexicon import _LEVELS, _NUM, HAN, _mentions, lex
from kg.extract.meetings import (
    _CONVENE,
    _FEEDBACK,
    _HOST_SUBJECT,
    _HOSTED,
    _MONTH_DAY,
    MeetingHit,
    _by_chair,
    _holder_from_name,
    _study_pattern,
    discussed_here,
    documents,
    find_date,
    meetings_in,
    session_key,
)
from kg.extract.names import _NOTE_AFTER
from kg.extract.people import (
    _MENTIONED_WHEN,
    _RELAYS,
    _clauses,
    _roles_after,
    _spoke_at_meeting,
    _spoke_elsewhere,
    people_in,
)
from kg.extract.state import _Article
from kg.extract.titles import Mention
from kg.lexicon import alternation, words
from kg.model import Entity, Evidence, Sentence

_SAME_DAY = re.compile(r"(?:当天|同日|当日|同一天)")


def meeting_date(hit: MeetingHit, text: str, pub: str) -> str:
    """The meeting's own date (…会议于2月19日召开), else the sentence's first date up to
    the meeting: a date opening the sentence applies to the meeting convened in it.

    >>> from kg.extract.places import Locale
    >>> s = "2月19日,中共张家界市委政法委召开2025年第一次全体(扩大)会议。"
    >>> [meeting_date(h, s, "2025-02-20") for h in meetings_in(s, Locale(), {})]
    ['2025-02-19']
    """
    own = find_date(text[hit.start:hit.end], pub) if hit.date else ""
    return own or _day_in_clause(text, hit.start, find_date(text[: hit.end], pub))


#: 随后举行的座谈会: a meeting following what the article told just before, that same day.
_THEN_HELD = re.compile(r"^\s*(?:随后|接着|之后)(?:召开|举行)的")


@cache
def _named_meeting() -> re.Pattern[str]:
    """A meeting someone attends or a place holds, named in full: 出席两市…交流座谈会."""
    nouns = alternation("meeting_nouns")
    return re.compile(rf"(?:出席|参加|举行|召开)了?([{HAN}“”]{{2,30}}?(?:{nouns}))")


def _named_before(st: _Article, hit: MeetingHit) -> MeetingHit:
    """随后举行的座谈会 names no one: it is the 座谈会 the article named in full before
    (…会见代表团一行,并出席两市经济社会发展交流座谈会), headline included, where it
    may be named shorter (两市举行经济社会发展交流座谈会).

    >>> from kg.extract.state import _toy
    >>> st = _Article(_toy("他出席两省合作交流座谈会。随后举行的座谈会由王某主持。"))
    >>> st.sentence = st.article.sentences[1]
    >>> _named_before(st, MeetingHit("座谈会", None, "座谈会", 5, 8)).label
    '两省合作交流座谈会'
    """
    if hit.holder is not None or hit.label not in words("meeting_nouns") or st.sentence is None:
        return hit
    before = st.article.text[:st.sentence.start]
    names = [m.group(1) for m in _named_meeting().finditer(before)
             if m.group(1).endswith(hit.label) and m.group(1) != hit.label]
    full = max(names, key=len, default="")
    if not names or any(not full.endswith(n) for n in names):
        return hit  # two different meetings named before: which one is not said
    return replace(hit, label=full, name=full)


def _note_attending(st: _Article, sentence: Sentence, people: list[Mention], ev) -> None:
    """会见代表团一行,并出席两市…座谈会, before any meeting is held in the article: the
    people before 出席 attend that meeting, once a later sentence holds it
    (随后举行的座谈会由…主持)."""
    text = sentence.text
    for m in _named_meeting().finditer(text) if "出席" in text or "参加" in text else ():
        if m.group().startswith(("出席", "参加")):
            before = [_person(st, sentence, p) for p in people if p.end <= m.start()]
            st.attending.setdefault(m.group(1), []).extend(
                (person, ev("attending_named")) for person in before)


def _last_day_before(st: _Article, end: int) -> str:
    """The last day named in the article before ``end`` (the day a 随后 meeting follows)."""
    days = list(_MONTH_DAY.finditer(st.article.text, max(0, end - 400), end))
    return find_date(days[-1].group(), st.pub) if days else ""


#: 并于15日下午: the day of the clause that convenes, inside a span the sentence opened with.
_CLAUSE_DAY = re.compile(r"于(?:(\d{1,2})月)?(\d{1,2})日(?:上午|下午|晚上|晚)?[^,,。;]{0,20}$")


def _day_in_clause(text: str, start: int, first: str) -> str:
    """The day named in the meeting's own clause (6月14日至15日…调研,并于15日下午…主持召开
    座谈会: the 15th), in the month and year of the sentence's first date.

    >>> _day_in_clause("6月14日至15日,他到沙县调研,并于15日下午主持召开座谈会", 26, "--06-14")
    '--06-15'
    >>> _day_in_clause("6月14日,他主持召开座谈会", 12, "--06-14")
    '--06-14'
    """
    m = _CLAUSE_DAY.search(text, 0, start)
    if not first or not m:
        return first
    month = f"{int(m.group(1)):02d}" if m.group(1) else first[-5:-3]
    day = int(m.group(2))
    return f"{first[:-5]}{month}-{day:02d}" if 1 <= day <= 31 else first


def _meeting_entity(st: _Article, hit: MeetingHit, date: str) -> Entity:
    """The meeting's node: named as written, keyed by the short form of a session's name
    (so the lead's formal name and the headline's short one are one node, each a label)."""
    label = short_party_names(hit.label)
    short = session_key(label)
    key = f"{short}|{date}" if date and hit.holder is not None else f"{short}|{st.article.id}"
    written = ""
    if label != hit.label and st.sentence is not None:
        written = st.surface(st.sentence, hit.start, hit.start + len(hit.label)) \
            if st.sentence.text.startswith(hit.label, hit.start) else hit.label
    return Entity("Meeting", label, key=key,
                  surface=written or league_form(label) or label)


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


#: A study group meets for its committee (市委理论学习中心组: the 市委's study); a 领导小组
#: holds its own meetings (县委统战工作领导小组召开全体会议 is the group's, not the 县委's).
_GROUP_END = re.compile("中心组$")
#: A 政协's standing committee meets as the 政协 (政协黄山市第七届委员会常务委员会召开第十次会议
#: is the 黄山市政协's); a 人大常委会 is a body of its own that holds its sessions.
_MEETS_AS_PARENT = re.compile("政协常委会$")
#: Leading the reading of a title (韩某领学了《纲要》) is done at the meeting: the paragraph
#: is about it.
_LEADS_READING = re.compile(r"(?:领学|领读|宣读)了?《")
_SESSION_END = re.compile("(?:闭幕会|开幕会|开幕式|闭幕式)$")
_LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,2}、"
                        r"|\(\d{1,2}\)|\([一二三四五六七八九十]{1,2}\))")


def _extract_sentence(st: _Article, sentence: Sentence, headline: bool) -> None:
    text = sentence.text
    if _CONTINUES.match(text) or ("《" in text and _LEADS_READING.search(text)):
        st.fresh = True  # the sentence goes on about the meeting (会议…, 会上…, 随后…)
    elif "\n" in st.article.text[st.last_end:sentence.start + 1]:
        # a new paragraph that does not go on about the meeting, but for the next item of
        # a list it opened (会议议程:\n1. …;\n2. 审议通过《…》)
        st.fresh = st.fresh and bool(_LIST_ITEM.match(text))
    st.last_end = sentence.end
    st.sentence = sentence
    near: dict[str, str] = {}
    # a meeting convened here is the context of bare titles (检察长…)
    convened: list[MeetingHit] | None = None
    if _mentions(text, "召开", "举行", "举办", "开幕", "闭幕", "开展", "进行", "反馈") \
            and (_CONVENE.search(text) or _study_pattern().search(text)
                 or "反馈" in text and _FEEDBACK.search(text)):
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
        if st.meeting is not None and hit.holder is None and _SESSION_ONLY.fullmatch(hit.label):
            st.fresh = True  # 27日上午举行的第一次全体会议由X主持: a sitting of the meeting
            continue
        hit = _by_chair(hit, people)
        hit = _named_before(st, hit)
        date = st.with_year(meeting_date(hit, text, st.pub))
        if not date and _THEN_HELD.match(text):
            date = st.with_year(_last_day_before(st, sentence.start))
        if not date and _SAME_DAY.search(text, 0, hit.start):
            date = st.last_date  # 同日下午,县政府召开常务会议
        st.last_date = date or st.last_date
        ent = _meeting_entity(st, hit, date)
        if hit.holder is None and hit.chair < 0 and not people and not hit.subject:
            continue
        st.meeting, st.meeting_holder = ent, hit.holder
        st.fresh = True
        st.meetings.append((ent, hit.holder, headline))
        for person, said in st.attending.pop(hit.label, []):
            st.fact(person, "attended", ent, said)  # 并出席…座谈会, said before it was held
        if hit.holder is not None:
            held = ev("meetings_held")
            holder = st.body_entity(hit.holder, held, text)
            if hit.holder.parents and _MEETS_AS_PARENT.search(hit.holder.label):
                holder = Entity("Body", hit.holder.parents[-1])
            st.fact(holder, "held", ent, held)
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
    relayed_before = st.relayed
    # still the relayed meeting while sentences talk of it (中央经济工作会议是…一次…会议)
    st.relayed = _relayed_meeting(text)[0] or (
        relayed_before if relayed_before and relayed_before in text else "")
    away = _absent_speakers(st, text, people, relayed_before)
    # posts
    for p in people:
        person = _person(st, sentence, p)
        st.people.setdefault(p.name, [])
        for t in p.titles:
            post = _post_entity(t.post)
            if t.body.written.endswith(t.body.label) and t.body.label.startswith("驻"):
                post = replace(post, surface=t.body.written + t.role)  # with the team's sender
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
        if not headline:
            _note_attending(st, sentence, people, ev)
        _record_documents(st, text)
        return
    if not hits:
        _date_of_current(st, text, ev)
    _listed(st, sentence, people, ev)
    _roles(st, sentence, people, ev)
    _discussed(st, sentence, hits, ev, people)


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
    form = st.surface(sentence, p.start, p.end)  # not 韩书记, which names 韩立新 by his role
    return Entity("Official", p.name, surface=form if len(form) == len(p.name) else "")


def _roles(st: _Article, sentence: Sentence, people: list[Mention], ev) -> None:
    text = sentence.text
    meeting = st.meeting
    assert meeting is not None
    if not people:
        return  # every role below is a person's
    made = len(st.out.facts)
    role_starts = _role_starts()
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
    for p in _chair_says(st, text, people):
        st.fact(_person(st, sentence, p), "spokeAt", meeting, ev("chair_says"))
    waiting: list[Mention] = []
    last: list[Mention] = []  # the subject of the clause before
    carried = _carried_over(st, sentence)
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
        role = lex().roles.match(text, last_end) \
            if inside and text[last_end:last_end + 1] in role_starts else None
        last_end = role.end() if role else last_end  # 陶某委员汇报了…: the verb after the role
        preds = _roles_after(text, last_end, c_end, "学习" in meeting.label)
        tells = bool(inside) and text.startswith(_TELL_STARTS, last_end) \
            and _TELLS.match(text, last_end, c_end) is not None and _all_present(st, group, meeting)
        if tells:
            preds.append("spokeAt")
        if not st.fresh:
            preds = [p for p in preds if _AT_MEETING.search(text, last_end, c_end)
                     or (p == "spokeAt" and (tells or _WORK_REPORT.match(text, last_end, c_end)))
                     or (p == "attended" and (_DENG_ATTEND.match(text, last_end, c_end)
                                              or _BARE_ATTEND.match(text, last_end, c_end)
                                              and _right_after_roles(st, sentence)))]
        if inside and not preds:
            # a person speaking in their own clause: X作关于…的说明 handled above; but one
            # studied (学习贯彻习近平总书记关于…的重要思想) is no subject of what follows
            waiting = [] if _STUDIED.search(text, c_start, inside[0].start) else group
            continue
        if not preds:
            continue
        for p in group:
            if _spoke_elsewhere(text, p):
                continue
            person = _person(st, sentence, p)
            for pred in dict.fromkeys(preds):
                if pred == "spokeAt" and _ADDRESSED.search(text, c_start, p.start):
                    continue  # 向王明汇报: the report is made to 王明
                st.fact(person, pred, meeting, ev("role_verbs"))
        for person in carried:
            for pred in dict.fromkeys(preds):
                st.fact(person, pred, meeting, ev("role_verbs"))
        last, waiting, carried = group, [], []
    if waiting and text.rstrip().endswith(";"):
        st.carry = [_person(st, sentence, p) for p in waiting]
        st.carry_end = sentence.end
    for p in people:  # 李明传达了王东在…会议上的讲话: the verbs after 王东 are not 李明's
        relays = _RELAYS.match(text, p.end)
        if relays and (st.fresh or _AT_MEETING.search(text)):
            st.fact(_person(st, sentence, p), "attended", meeting, ev("role_verbs"))
            if relays.group().endswith(("传达", "通报")):  # relaying to the meeting is speaking
                st.fact(_person(st, sentence, p), "spokeAt", meeting, ev("relayed"))
            elif _READS_OUT.match(text, p.end):  # 领学了《条例》: reading it out to the meeting
                st.fact(_person(st, sentence, p), "spokeAt", meeting, ev("read_out"))
    if len(st.out.facts) > made:
        st.roles_end = sentence.end


def _carried_over(st: _Article, sentence: Sentence) -> list[Entity]:
    """People a list closed by ; left without a verb, when this sentence follows it right
    away: A,B;C,D参加座谈 gives A and B the verb too (the list is cut into two sentences).
    """
    carry, st.carry = st.carry, []
    if carry and st.article.text[st.carry_end:sentence.start].strip():
        return []
    return carry


def _right_after_roles(st: _Article, sentence: Sentence) -> bool:
    """Whether the sentence before this one gave people roles at the meeting: the talk is
    still of it (市委书记A主持并讲话。\n市长B出席。)."""
    end = st.roles_end
    return 0 <= end <= sentence.start and not st.article.text[end:sentence.start].strip()


#: What someone already at the meeting says in a paragraph of its own: 王某表示…, 李某介绍了
#:全市经济运行情况 (the meeting's speaker, in a paragraph that does not say 会上).
_TELLS = re.compile(r"(?:同志)?(?:表示|介绍了[^,,。;]{0,30}?情况)")
_TELL_STARTS = ("同志", "表示", "介绍了")


def _all_present(st: _Article, group: list[Mention], meeting: Entity) -> bool:
    """Whether everyone of ``group`` already attended, chaired or spoke at ``meeting``."""
    target = (meeting.kind, meeting.key)
    return all(any(("Official", p.name, pred, target) in st.seen
                   for pred in ("attended", "presided", "spokeAt")) for p in group)


_CHAIRED_BY_MEETING = re.compile(r"(?:会议|大会|会)由")
@cache
def _role_starts() -> frozenset[str]:
    """The first characters of every role: most text after a name starts none."""
    return frozenset(r[0] for r in lex().role_set)


#: A person right after a verb of study is its object: 深入学习贯彻习近平总书记关于….
_STUDIED = re.compile(r"(?:学习|贯彻|落实|领会|践行|传达)了?$")
#: A sitting named by its number alone, inside the article's meeting.
_SESSION_ONLY = re.compile(
    rf"(?:大会|全会)?(?:第[{_NUM}]+次全体会议|(?:开幕|闭幕|预备)(?:会议|会|大会))|大会|全会")
#: The person a report is made to, not the one who makes it: 及时向市长王明汇报.
_ADDRESSED = re.compile(r"[向给][^,,。;、]{0,10}$")
_THEN_CHAIRS = re.compile(rf"[{HAN}、]{{0,6}}主持")
#: A clause going on with the subject of the one before: …情况,并就《Y》作了说明;
#: 主持会议,代表常委班子作对照检查.
_GOES_ON = re.compile(r"\s*(?:(?:并|还|同时|随后)(?=[就对作围介]|代表|结合)"
                      r"|(?=代表(?![们委和、])[^,,。;]{1,20}?作)|(?=介绍了))")
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


_ROLE_WORD = (r"(?:(主持人?)|(?:出席|列席|参加|参会|与会)(?:会议|本次会议)?的?"
              r"(?:[省市县区州盟旗镇乡]?领导(?:同志)?|人员|嘉宾|同志)?)")
#: A field naming who chaired or attended, as notices and exported pages write them
#: (主持人:市妇联主席 王某; 出席领导:A、B), or a header line over one line per person.
_ROLE_FIELD = re.compile(_ROLE_WORD + r"\s*:")
_ROLE_STARTS = ("主持", "出席", "列席", "参加", "参会", "与会")
_ROLE_HEADER = re.compile(r"\s*" + _ROLE_WORD + r"\s*")


def _listed(st: _Article, sentence: Sentence, people: list[Mention], ev) -> None:
    """People a field or a header's list names as chair or present.

    A list under a header (出席会议的市领导) goes on while its lines name people
    and nothing else: a line with a verb of its own says what it says.

    >>> from kg.extract.state import _toy
    >>> st = _Article(_toy("x"))
    >>> st.meeting = Entity("Meeting", "县妇联执委会议")
    >>> _listed(st, Sentence("出席会议的县领导", 0, 8), [], lambda rule: rule)
    >>> st.listing
    'attended'
    """
    text = sentence.text
    if not st.listing and not text.lstrip().startswith(_ROLE_STARTS):
        return  # most sentences: no field, no header, no list going on
    field = _ROLE_FIELD.match(text)
    header = None if field else _ROLE_HEADER.fullmatch(text)
    if header:  # the lines after it name the people
        st.listing = "presided" if header.group(1) else "attended"
        return
    if field:
        role = "presided" if field.group(1) else "attended"
    else:  # a list line: people and no verb of their own
        role = st.listing if people and not lex().verbs.search(text) else ""
    st.listing = "" if field else role
    for p in people if role and st.meeting is not None else ():
        st.fact(_person(st, sentence, p), role, st.meeting, ev("role_field"))


#: What a chair's speech opens with, perhaps after when (在会议结束时, 在讲话中): 强调, 指出,
#: 表示 (冼局长表示,…) and 要求 (唐某要求,各村要…) — the golds of nine held-out sets, written
#: by different hands, count the chair's 要求 paragraph as a speech at the meeting.
_CHAIR_SAYS = re.compile(
    r"(?:同志)?(?:在[^,,。;在]{1,12}?[时中])?(?:强调|指出|要求|表示(?=[,,::]))")


def _chair_says(st: _Article, text: str, people: list[Mention]) -> list[Mention]:
    """刘某强调,…: a sentence opening with the name of the meeting's chair (a role after it
    too) then 强调/指出 is the chair's speech at it, in a paragraph of its own too; a
    name nobody saw preside says nothing of the meeting.

    >>> from kg.extract.state import _toy
    >>> st = _Article(_toy("x"))
    >>> st.meeting = Entity("Meeting", "大柳镇党委会议")
    >>> st.seen.add(("Official", "刘某", "presided", ("Meeting", "大柳镇党委会议")))
    >>> [p.name for p in _chair_says(st, "刘某书记强调,要压实责任", [Mention("刘某", 0, 2, [])])]
    ['刘某']
    >>> _chair_says(st, "王某强调,要压实责任", [Mention("王某", 0, 2, [])])
    []
    >>> said = _chair_says(st, "刘某在会议结束时强调,要抓好落实", [Mention("刘某", 0, 2, [])])
    >>> [p.name for p in said]
    ['刘某']
    >>> [p.name for p in _chair_says(st, "刘某局长表示,要细化清单", [Mention("刘某", 0, 2, [])])]
    ['刘某']
    >>> [p.name for p in _chair_says(st, "刘某局长要求,要细化清单", [Mention("刘某", 0, 2, [])])]
    ['刘某']
    """
    meeting = st.meeting
    out = []
    for p in people:
        if p.start > 0 or meeting is None:
            break
        said = ("Official", p.name, "spokeAt", ("Meeting", meeting.key))
        if said in st.seen or ("Official", p.name, "presided", said[3]) not in st.seen:
            continue  # a speech already noted (主持会议并讲话), or no chair
        role = lex().roles.match(text, p.end)
        if _CHAIR_SAYS.match(text, role.end() if role else p.end):
            out.append(p)
    return out


#: A report made to the meeting needs no 会上 to be about it: X作常委会工作报告.
#: So are the acts of a study session or a forum: X作专题辅导报告, Y结合分管工作作交流发言,
#: and speakers taking turns (A、B先后发言) or reporting for a body (受县人民政府委托作报告).
_WORK_REPORT = re.compile(r"(?:代表[^,,。;]{1,20}?)?作了?"
                          r"(?:[^,,。;《》]{0,20}?|题为《[^《》]{2,80}》的)工作(?:报告|汇报)"
                          r"|(?:同志)?(?:就|对|围绕)[^,,。;]{1,40}?(?:提出了?|作出了?)[^,,。;]{0,4}?"
                          r"(?:要求|安排|部署)"
                          r"|(?:分别|先后|依次|相继)?(?:就|围绕)(?:《[^《》]{1,120}》|[^,,。;《》]){1,40}?"
                          r"作了?[^,,。;《》]{0,6}?"
                          r"(?:说明|辅导|汇报|发言|部署|安排|点评)"
                          r"|(?:结合[^,,。;]{1,12}?)?作了?(?:专题)?(?:辅导报告|(?:交流)?发言)"
                          r"|(?:就|对)[^,,。;]{1,40}?提出了?(?:具体|明确|几点)?(?:要求|意见|建议)"
                          r"|等?(?:同志)?(?:先后|分别|依次|相继)[^,,。;]{0,20}?(?:发言|讲话|报告|汇报)"
                          r"|受[^,,。;]{1,16}?委托[^,,。;]{0,20}?作[^,,。;]{0,20}?(?:报告|说明)"
                          r"|(?:代表[^,,。;《》]{1,20}?)?作了?《[^《》]{2,80}(?:报告|说明|讲话)》"
                          # an explanation of a motion put to the meeting: 作关于增补委员的说明,
                          # 对办法修订情况进行了说明
                          r"|作了?关于[^,,。;《》]{2,50}?的(?:说明|汇报)"
                          r"|(?:就|对)[^,,。;]{1,40}?进行了?说明"
                          rf"|{alternation('roles')}?(?:同志)?在(?:(?:总结|表态|任职|离任|交流){{0,2}}"
                          r"(?:讲话|发言|点评)[中时]"
                          r"|作?(?:总结|小结|点评)时)"
                          r"|(?:同志)?(?:应邀)?(?:到会)?(?:就[^,,。;]{1,30}?)?[汇通]报(?!会)"
                          r"|(?:对|就)[^,,。;]{1,30}?进行了?(?:点评|讲评)|作了?(?:重要)?讲话(?=[,,。;]|$)"
                          r"|(?:代表[^,,。;]{1,20}?|逐一|依次|分别|先后)?"
                          rf"作了?(?:个人)?{alternation('meeting_speeches')}")
#: …、Y等参加学习。 closes a list of the meeting's participants, wherever it stands; so does
#: 参加学习 after a list without 等 (中心组成员A、B、C参加学习).
_DENG_ATTEND = re.compile(r"等(?:[^,,。;]{0,8}?(?:成员|同志|人员|领导))?(?:参加|出席|列席)了?"
                          r"(?:学习|座谈|会议|活动)?(?:[。;,,]|$)"
                          r"|(?:参加|出席|列席)了?学习(?:[。;,,]|$)")
#: A bare 出席。 ending the sentence right after one that gave people roles at the meeting
#: (市委书记A主持并讲话。\n市长B,市人大常委会主任C出席。): the same meeting's.
_BARE_ATTEND = re.compile(r"(?:参加|出席|列席)(?:[。;]|$)")
#: The sentence is about the article's meeting: 列席会议并就《X》作了说明.
#: 领学/宣读 a title is itself done at the meeting: 市长X领学了《条例》.
_THIS_MEETING = re.compile(r"(?:出席|列席|参加|到会|在)(?:了|本次|此次)?会议|会上|会议(?:上|期间)"
                           r"|(?:领学|领读|宣读)了?《|就《[^《》]*》(?:的[^,,。;]{0,6}?)?作了?[^,,。;]{0,8}说明")
#: Words that place an act at the meeting, in a paragraph that does not name it: a
#: study session's lecture (讲解) is given there, and so is what follows hearing it.
_AT_MEETING = re.compile(
    r"会议|大会|会上|到会|开幕[式会]|闭幕[式会]|座谈|学习会|闭会时|主席台|讲解|(?:参加|出席|列席)学习")
#: A day or time opening a sentence about one sitting of a meeting of several days:
#: 21日上午,大会举行第二次全体会议.
_SITTING_TIME = r"(?:(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|晚)?|上午|下午|晚上),?"
_CONTINUES = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+、|\d+[.、] ?|" + _SITTING_TIME + ")?"
    r"(?:会议|会上|会中|大会|全会|座谈会上|此次会议|本次学习|此次学习|"
    r"本次会议|会议期间|随后|最后|首先|其后|接着|期间|会前|与会|审议|听取|研究|讨论|表决)"
    r"|^\s*[一二三四五六七八九十]+是(?:传达|学习)")
_ALSO_PRESENT = re.compile(r"(?:出席|参加|列席)(?:会议|大会|活动)?的(?:领导|同志|人员)?(?:还)?有")
_OPENS_MEETING_TALK = re.compile(
    r"^(?:[一二三四五六七八九十]+[、是]|\d+[.、]|" + _SITTING_TIME + ")?"
    r"(?:会议|会上|大会|全会|此次会议|本次会议|会议还|会议先后|会议期间|"
    r"审议|听取|研究|讨论|表决|(?:会前,?)?与会(?:同志|人员|代表|成员))"
    r"|^[一二三四五六七八九十]+是(?:传达|学习)")


def _discussed(st: _Article, sentence: Sentence, hits: list[MeetingHit], ev,
               people: list[Mention]) -> None:
    text = sentence.text
    strong_only = not (hits or _OPENS_MEETING_TALK.match(text.lstrip()))
    read_out = _read_out(text, people)
    if strong_only and not st.fresh and not _THIS_MEETING.search(text) and not read_out:
        _record_documents(st, text)
        return
    meeting = st.meeting
    assert meeting is not None
    for title, pos in documents(text):
        full = _resolve_abbreviation(st, title)
        if pos not in read_out and not discussed_here(text, pos, strong_only,
                                                      "学习" in meeting.label):
            if full == title:
                st.docs.append(title)
            continue
        surface = st.surface(sentence, pos + 1, pos + 1 + len(title))
        key = full if (full != title or len(title) > 6) else f"{title}|{st.article.id}"
        doc = Entity("Document", full, key=key, surface=surface if surface != full else "")
        if full == title:
            st.docs.append(title)
        st.fact(meeting, "discussed", doc, ev("documents"))


#: A person at the meeting reading a document out to it: 副书记赵丽传达了《条例》 (or briefing it
#: on one: 通报了《办法》贯彻落实情况); or making
#: the report it hears: 副镇长王某作了《关于…预算的报告》.
_READS_OUT = re.compile(r"(?:同志)?(?:(?:传达(?:学习)?|领学|领读|宣读|解读|通报)了?(?=《)"
                        r"|(?:代表[^,,。;《》]{1,20}?)?作了?(?=《[^《》]{2,80}(?:报告|说明)》)"
                        # 代表县纪委常委会作了题为《X》的工作报告, in a paragraph of its own
                        r"|(?:代表[^,,。;《》]{1,20}?)?作了?题为(?=《[^《》]{2,80}》的[^,,。;《》]{0,8}?报告))")


def _read_out(text: str, people: list[Mention]) -> set[int]:
    """Where the titles a person of the sentence reads out to the meeting start.

    >>> sorted(_read_out("副书记赵丽传达了《条例》", [Mention("赵丽", 3, 5, [])]))
    [8]
    >>> _read_out("赵丽要认真传达《条例》", [Mention("赵丽", 0, 2, [])])
    set()
    >>> sorted(_read_out("李英领学了《条例》和《办法》", [Mention("李英", 0, 2, [])]))
    [5, 10]
    >>> sorted(_read_out("王芳作了《关于预算的报告》", [Mention("王芳", 0, 2, [])]))
    [4]
    >>> sorted(_read_out("刘强通报了《办法》贯彻落实情况", [Mention("刘强", 0, 2, [])]))
    [5]
    >>> t = "段某代表县纪委常委会作了题为《狠抓落实》的工作报告"
    >>> sorted(_read_out(t, [Mention("段某", 0, 2, [])]))
    [14]
    """
    out: set[int] = set()
    for p in people:
        m = _READS_OUT.match(text, p.end)
        pos = m.end() if m else -1
        while pos >= 0:  # 领学了《A》和《B》: every title of the run
            out.add(pos)
            close = text.find("》", pos)
            pos = close + 2 if close > 0 and text.startswith(_JOINED_TITLE, close + 1) else -1
    return out


_JOINED_TITLE = tuple(f"{joint}《" for joint in "和、及与")


_INNER_BRACKETS = re.compile(r"[<>〈〉]")


def _resolve_abbreviation(st: _Article, title: str) -> str:
    """《条例》 after 《中国共产党统一战线工作条例(试行)》 is the same document."""
    plain = _INNER_BRACKETS.sub("", title)
    for full in reversed(st.docs):
        if plain != full and len(plain) < len(full) and plain in _INNER_BRACKETS.sub("", full):
            return full
    return title
