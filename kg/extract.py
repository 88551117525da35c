"""First extractor: title sequences, meetings, documents, roles and dates.

Each rule is a small function taking a sentence's text and returning what it
found; ``extract`` runs them over an article and turns the matches into Facts
with evidence.  Precision comes before recall: a rule fires only on a pattern
that is hard to misread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.lexicon import alternation, table, words
from kg.model import Article, Entity, Evidence, Extraction, Fact, Sentence

_HAN = "\u4e00-\u9fff"

#: Bump whenever a rule changes what it extracts: cached extractions are then redone.
EXTRACTOR_VERSION = "1"


@dataclass(frozen=True)
class Title:
    body: str  # e.g. 杭州市委统战部
    role: str  # e.g. 部长


def _name_pattern() -> str:
    surnames = "|".join(words("surnames"))
    return rf"(?:{surnames})[{_HAN}]{{1,2}}"


def split_titles(titles: str, locale: str = "") -> list[Title]:
    """Split a title list into (body, role) pairs; later items inherit the first's place.

    >>> split_titles("杭州市委常委、统战部长")
    [Title(body='杭州市委', role='常委'), Title(body='杭州市委统战部', role='部长')]
    """
    out: list[Title] = []
    role_re = re.compile(rf"^(.*?)({alternation('roles')})$")
    party = ""
    for part in re.split("[、,,]", titles):
        part = part.strip()
        m = role_re.match(part)
        if not m or not m.group(1):
            continue
        body, role = m.group(1), m.group(2)
        if body.endswith("部") and role == "长" or role.startswith("部") and body.endswith("统战"):
            body += "部"
        if body.endswith(("统战", "组织", "宣传")):  # 统战部长 -> 统战部 + 部长
            body, role = body + "部", "部长" if role == "长" else role
        if re.match(r"^(?:[^、]*?[省市区县])?(?:委|市委|省委|区委|县委)$", body):
            party = body
        elif party and re.match(r"^(统战|组织|宣传)部$", body):
            body = party + body
        out.append(Title(body, role))
    return out


def title_sequences(sentence: str) -> list[tuple[str, str, int]]:
    """Find ``titles + name`` before a role verb: (titles, name, start of name).

    >>> title_sequences("杭州市委常委、统战部长佟桂莉主持会议并讲话。")
    [('杭州市委常委、统战部长', '佟桂莉', 11)]
    """
    verbs = "|".join(table("role_verbs"))
    pattern = re.compile(
        rf"((?:[{_HAN}()]{{1,16}}?{alternation('roles')}、?)+)"
        rf"({_name_pattern()})(?=(?:同志)?(?:{verbs}|在|代表|作|指出|强调|要求))"
    )
    out = []
    for m in pattern.finditer(sentence):
        titles = m.group(1).rstrip("、")
        titles = re.sub(r"^.*?[,,。;:]", "", titles)
        out.append((titles, m.group(2), m.start(2)))
    return out


def meetings_held(sentence: str) -> list[tuple[str, str]]:
    """A body that 召开/举行 a named meeting: (body, meeting name).

    >>> meetings_held("7月27日,杭州市委统战部召开理论学习中心组(扩大)学习会,深入学习。")
    [('杭州市委统战部', '理论学习中心组(扩大)学习会')]
    """
    nouns = alternation("meeting_nouns")
    pattern = re.compile(
        rf"([{_HAN}]{{2,20}}?(?:委|部|政府|政协|常委会|领导小组|工商联))(?:主持)?(?:召开|举行)了?"
        rf"([{_HAN}()\d]{{0,30}}?{nouns})"
    )
    return [(m.group(1), m.group(2)) for m in pattern.finditer(sentence)]


def documents(sentence: str) -> list[str]:
    """Titles inside 《》, with nested <> kept.

    >>> documents("审议《中共宁波市委工作规则》和《规划(2016—2017年)》")
    ['中共宁波市委工作规则', '规划(2016—2017年)']
    """
    return re.findall(r"《([^《》]{2,80})》", sentence)


def meeting_date(sentence: str, year: str = "") -> str:
    """A leading ``M月D日`` as an ISO date (year if known, else ``--MM-DD``).

    >>> meeting_date("8月1日,宁波市委召开会议")
    '--08-01'
    """
    m = re.search(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日", sentence)
    if not m:
        return ""
    y = m.group(1) or year
    return f"{y}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if y else \
        f"--{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def _evidence(article: Article, sentence: Sentence, rule: str) -> Evidence:
    start, end = article.original_span(sentence.start, sentence.end)
    return Evidence(article.id, article.original[start:end], start, end, rule)


def _locale(article: Article) -> str:
    """The city or province an article is about, from its first qualified body."""
    m = re.search(rf"([{_HAN}]{{2,4}}?[省市])(?:委|人大|政协|政府)", article.text)
    return m.group(1) if m else ""


def _qualify(body: str, locale: str) -> str:
    """Resolve a bare 市委/省委/部 to the article's locale: 市委 -> 宁波市委."""
    if locale and re.match(r"^市委", body) and locale.endswith("市"):
        return locale + body[1:] if body.startswith("市") else body
    return body


def extract(article: Article) -> Extraction:
    """Run every rule over every sentence of ``article``."""
    out = Extraction(article)
    locale = _locale(article)
    meeting: Entity | None = None
    for sentence in article.sentences:
        s = sentence.text
        for body, name in meetings_held(s):
            body = _qualify(body, locale)
            b = Entity("Body", body)
            meeting = Entity("Meeting", body + name if not name.startswith(body) else name)
            ev = _evidence(article, sentence, "meetings_held")
            out.facts.append(Fact(b, "held", meeting, ev))
            date = meeting_date(s[: s.find(name)])
            if date:
                out.facts.append(Fact(meeting, "date", date, ev))
        for titles, name, _ in title_sequences(s):
            person = Entity("Official", name)
            ev = _evidence(article, sentence, "title_sequences")
            for t in split_titles(titles):
                body = _qualify(t.body, locale)
                post = Entity("Post", body + t.role)
                out.facts.append(Fact(person, "holds", post, ev))
                out.facts.append(Fact(post, "postIn", Entity("Body", body), ev))
            if meeting is not None:
                after = s[s.find(name) + len(name):]
                for verb, pred in table("role_verbs").items():
                    if re.match(rf"^(?:同志)?(?:[^,,。;]*?){verb}", after):
                        out.facts.append(Fact(person, pred, meeting, ev))
        if meeting is not None and re.search("审议|通过|学习|传达|研究|讨论", s):
            for title in documents(s):
                ev = _evidence(article, sentence, "documents")
                out.facts.append(Fact(meeting, "discussed", Entity("Document", title), ev))
    return out
