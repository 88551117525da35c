"""Turn a raw scraped article into clean simplified text with a map back.

The text goes through a few passes.  Each pass either converts characters one
for one (width forms, traditional to simplified) or deletes
spans found by regular expressions (pinyin annotations, doubled punctuation,
stray spaces, boilerplate lines).  Deleting spans from the text and from the
offset list with slices keeps ``offsets[i]`` the index in the original of
``text[i]`` without any per-character Python loop, so the map back to the
original is exact and normalisation stays fast.

Canonical form of the normalised text (see docs/input.md): NFKC width, i.e.
ASCII ``, ; : ( ) ! ?`` and digits, but CJK ``、 。 “ ” 《 》 〈 〉`` -- the form
the sample corpus and the gold labels (侨(台)工委, 全体(扩大)会议) use.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import chain

from kg.model import Article, RawArticle, Sentence

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff〇"
#: CJK punctuation that never needs a space beside it.
_CJK_PUNCT = "、。“”‘’《》〈〉「」『』【】〔〕…—·"
_SENTENCE_FINAL = "。!?;"

# ---------------------------------------------------------------- one-for-one


def _width_table() -> dict[int, str]:
    """Full-width ASCII variants, ideographic space, compatibility ideographs -> NFKC."""
    table: dict[int, str] = {}
    ranges = [range(0xFF01, 0xFF5F), range(0xF900, 0xFB00), range(0x2F00, 0x2FE0)]
    for code in chain.from_iterable(ranges):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and folded != chr(code):
            table[code] = folded
    for space in "\u3000\u00a0\u2002\u2003\u2009\t\x0b\x0c":
        table[ord(space)] = " "
    table.update({ord("「"): "“", ord("」"): "”", ord("『"): "‘", ord("』"): "’",
                  ord("﹐"): ",", ord("﹑"): "、", ord("﹔"): ";", ord("﹕"): ":"})
    return table


_WIDTH = _width_table()
_WIDE = re.compile("[" + re.escape("".join(map(chr, _WIDTH))) + "]")


def _fold_width(text: str) -> str:
    """Apply the width table; a regex finds the few characters to change (fast)."""
    return _WIDE.sub(lambda m: _WIDTH[ord(m.group())], text)


@dataclass(frozen=True)
class _T2S:
    """Traditional-to-simplified tables built from OpenCC's own dictionaries.

    ``sure`` maps characters that are never simplified (統 -> 统); ``full`` adds
    the few that are also correct simplified (於, 乾, 徵 ...) and is used only
    on text that is clearly traditional, where ``phrases`` (乾隆, 一目瞭然 ...)
    take precedence.  ``no_trad``/``no_simp`` delete the characters that only
    traditional/only simplified text has, so counting them is a C-speed
    ``str.translate``.
    """

    sure: dict[int, str]
    full: dict[int, str]
    phrases: dict[str, str]
    no_trad: dict[int, None]
    no_simp: dict[int, None]


def _read_dictionary(name: str) -> dict[str, list[str]]:
    path = resources.files("opencc") / "dictionary" / name
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if key and values:
            out[key] = values.split(" ")
    return out


@lru_cache(maxsize=1)
def _t2s() -> _T2S:
    ts = _read_dictionary("TSCharacters.txt")
    st = _read_dictionary("STCharacters.txt")
    sure = {ord(k): v[0] for k, v in ts.items() if len(k) == 1 and k not in v and len(v[0]) == 1}
    full = dict(sure)
    full.update({ord(k): v[0] for k, v in ts.items() if len(k) == 1 and len(v[0]) == 1})
    phrases = {k: v[0] for k, v in _read_dictionary("TSPhrases.txt").items()
               if len(v[0]) == len(k) and v[0] != k.translate(full)}
    simp_only = [ord(k) for k, v in st.items() if len(k) == 1 and k not in v and ord(k) not in sure]
    return _T2S(sure, full, phrases, dict.fromkeys(sure), dict.fromkeys(simp_only))


def _phrase_pattern() -> re.Pattern[str]:
    keys = sorted(_t2s().phrases, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys)) or r"(?!)")


_PHRASES = _phrase_pattern()
_AMBIGUOUS = re.compile("[" + "".join(
    chr(c) for c, v in _t2s().full.items() if c not in _t2s().sure and v != chr(c)) + "]")


def _convert_traditional(text: str) -> str:
    """Convert traditional text fully, OpenCC phrases first, one char for one."""
    t = _t2s()
    parts, pos = [], 0
    for m in _PHRASES.finditer(text):
        parts.append(text[pos:m.start()].translate(t.full))
        parts.append(t.phrases[m.group()])
        pos = m.end()
    parts.append(text[pos:].translate(t.full))
    return "".join(parts)


def _script_votes(text: str) -> tuple[int, int]:
    """(characters only traditional text has, characters only simplified text has)."""
    t = _t2s()
    return len(text) - len(text.translate(t.no_trad)), len(text) - len(text.translate(t.no_simp))


def to_simplified(text: str) -> str:
    """Convert traditional text to simplified, one character for one.

    Characters that are already simplified are left alone; the few that are
    both (於, 乾, 徵 ...) change only on lines written in traditional script.

    >>> to_simplified("統一戰線工作部")
    '统一战线工作部'
    >>> to_simplified("著名的乾隆皇帝於是")
    '著名的乾隆皇帝於是'
    >>> to_simplified("乾隆時期的統戰工作於是開始")
    '乾隆时期的统战工作于是开始'
    """
    t = _t2s()
    sure = text.translate(t.sure)
    if sure == text or not (_AMBIGUOUS.search(text) or _PHRASES.search(text)):
        return sure
    out = []
    for line in text.split("\n"):
        trad, simp = _script_votes(line)
        out.append(_convert_traditional(line) if trad > simp else line.translate(t.sure))
    return "\n".join(out)


# ---------------------------------------------------------------- deletions

_LETTERS = "a-zA-Zāáǎàēéěèêīíǐìōóǒòūúǔùüǖǘǚǜ"
_TONED = {"a": "aāáǎà", "e": "eēéěèê", "i": "iīíǐì", "o": "oōóǒò", "u": "uūúǔù",
          "v": "vüǖǘǚǜ"}


def _pinyin_syllable() -> str:
    finals = ("iang iong uang ueng ang eng ing ong ian iao uai uan van ai ao an ei en er ia ie "
              "in iu ou ua uo ui un ue ve vn a e i o u v").split()

    def toned(final: str) -> str:
        return "".join(f"[{_TONED[c]}]" if c in _TONED else c for c in final)

    initials = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    return initials + "(?:" + "|".join(toned(f) for f in finals) + f")(?![{_LETTERS}])"


#: (tǒng), (zhàn xiàn), (tong): lower-case pinyin syllables in parentheses after a hanzi;
#: (AI), (WTO) are acronyms and stay.
_SYLLABLES = re.compile(rf"(?:{_pinyin_syllable()} ?){{1,4}}")
_ANNOTATION = rf"\([{_LETTERS} ]{{1,30}}\)"
#: candidate annotations right after a hanzi; _pinyin_spans keeps the real pinyin ones.
_PINYIN = re.compile(rf"\((?<=[{HAN}]\()[{_LETTERS} ]{{1,30}}\)(?: *{_ANNOTATION})*")
_ANNOTATIONS = re.compile(rf"\(([{_LETTERS} ]{{1,30}})\)")


@lru_cache(maxsize=4096)
def _is_pinyin(annotations: str) -> bool:
    """True when every (...) in ``annotations`` holds 1-4 pinyin syllables (cached: few differ)."""
    return all(_SYLLABLES.fullmatch(m.group(1)) for m in _ANNOTATIONS.finditer(annotations))


def _pinyin_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PINYIN.finditer(text) if _is_pinyin(m.group())]


_ONLY_PINYIN = re.compile(rf"(?: *{_ANNOTATION})+")
#: 行署专员(ۋالىي)艾尔肯: a gloss in Uyghur, Tibetan or Mongolian script after a hanzi, which
#: would otherwise stand between a title and its name.
_SCRIPT_GLOSS = re.compile(
    r"\((?<=[\u4e00-\u9fff]\()[\u0600-\u06ff\u0f00-\u0fff\u1800-\u18af ]{1,40}\)")
#: old Mac \r, NEL and the Unicode line/paragraph separators end lines too
_LINE_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
_INVISIBLE = re.compile("[\r\u200b\u200c\u200d\u2060\ufeff\u00ad]")
#: a comma doubled with other punctuation (,, ,、 ,。 、,): the comma goes.
_DOUBLE_COMMA = re.compile(r"[、。;:!?]( *,[ ,]*)|(,[ ,]*)(?=[,、。;:!?])")
_REPEATED = re.compile(r"、(?=、)|。(?=。)|;(?=;)")
#: after a date, a comma doubled with 、 ; : (1月17日、,X召开; 1月17日,;X) keeps the comma:
#: the other mark would cut the date from its clause (; ends a sentence, 、 lists it).
_DATE_DOUBLE = re.compile(r"[日午晚](?:([、;:;:] *)(?=,)|,( *[、;:;:]))")
#: Markdown's marks (a page exported as Markdown): headings, quotes, bullets at a line's
#: start (after its \n: a literal the search skips to fast), bold anywhere
_MARKDOWN = re.compile(r"\n(#{1,6} +|> ?|[-*+] +)|\*\*|__")
_SPACE_RUN = re.compile(r" +")
_P = re.escape(_CJK_PUNCT)
_CJK = re.compile(rf"[{HAN}{_P}\d]")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span(m.lastindex or 0) for m in pattern.finditer(text)]


def _space_spans(text: str) -> list[tuple[int, int]]:
    """Spaces that are noise: at line ends, beside CJK punctuation, inside brackets, or doubled.

    A single space between two hanzi stays: in headlines and name lists it
    separates words (提能善为 着力提高…), and deleting it would join them.
    """
    spans = []
    for m in _SPACE_RUN.finditer(text):
        start, end = m.span()
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else "\n"
        if (before == "\n" or after == "\n" or before in _CJK_PUNCT or after in _CJK_PUNCT
                or (before in ",;:!?()" and _CJK.match(after))
                or (after in ",;:!?()" and _CJK.match(before))):
            spans.append((start, end))
        elif end - start > 1:
            spans.append((start + 1, end))
    return spans


#: the middle of three lone hanzi between spaces (胡 德 全): OCR or a typesetter spaced the
#: line out character by character. Starts with a space, so the search skips ahead fast.
_SPACED_MIDDLE = re.compile(rf" [{HAN}](?= [{HAN}](?![{HAN}]))")
_HANZI = re.compile(f"[{HAN}]")
_HANZI_SPACE = re.compile(rf"(?<=[{HAN}]) (?=[{HAN}])")


def _spaced_out_spans(text: str) -> list[tuple[int, int]]:
    """In a line spaced out character by character, every space between two hanzi.

    Elsewhere a single space between hanzi separates words or names (张三 李四),
    so it stays; a line with three lone hanzi in a row is spaced throughout, unless
    it has wider gaps too: names padded to one width (王  敏   李小强).

    >>> text = "县人大常委会主任 胡 德 全 主持会议"
    >>> "".join(c for i, c in enumerate(text)
    ...         if not any(a <= i < b for a, b in _spaced_out_spans(text)))
    '县人大常委会主任胡德全主持会议'
    >>> _spaced_out_spans("出席:张三 李四 王五"), _spaced_out_spans("王 敏  李 强  张小明")
    ([], [])
    """
    spans: list[tuple[int, int]] = []
    line_end = -1
    for m in _SPACED_MIDDLE.finditer(text):
        i = m.start()
        if i <= line_end or not _HANZI.match(text, i - 1) or i >= 2 and _HANZI.match(text, i - 2):
            continue  # in a line already done, or the first of the three is not alone
        start = text.rfind("\n", 0, i) + 1
        line_end = text.find("\n", i)
        line_end = len(text) if line_end < 0 else line_end
        if "  " not in text[start:line_end]:
            spans.extend(h.span() for h in _HANZI_SPACE.finditer(text, start, line_end))
    return spans


def _delete(text: str, offsets: list[int], spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """Remove sorted, non-overlapping [start, end) spans from text and offsets alike."""
    if not spans:
        return text, offsets
    parts, maps, pos = [], [], 0
    for start, end in spans:
        parts.append(text[pos:start])
        maps.append(offsets[pos:start])
        pos = end
    parts.append(text[pos:])
    maps.append(offsets[pos:])  # includes the end sentinel
    return "".join(parts), list(chain.from_iterable(maps))


# ---------------------------------------------------------------- lines

_DATE = (r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
         r"(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*(?P<hh>\d{1,2}):(?P<mm>\d\d)(?::\d\d)?)?"
         r"(?:\s*(?:星期|周)[一二三四五六日天])?")
_FIELD = (r"(?:来源|作者|编辑|责任编辑|责编|发布|浏览|点击|阅读|字号|打印|分享|"
          r"【|\[|\||丨|/|信息来源|文章来源)")
_DATELINE = re.compile(
    rf"^(?:(?:发布|发表|更新)?(?:时间|日期)\s*[::]\s*)?{_DATE}\s*(?P<rest>(?:{_FIELD}.*)?)$")
#: a value runs up to a separator, the end, or the next "label:" (浏览次数:, 审核:, ...)
_VALUE = r"\s*[::]\s*([^|丨]+?)\s*(?=[|丨【\[]|$|\s*(?:\s[^\s::|丨]{1,6}|作者|来源|编辑)\s*[::])"
_FIELD_VALUE = {
    "source": re.compile(r"(?:信息来源|文章来源|来源|稿源)" + _VALUE),
    "author": re.compile(r"(?:作者|记者)" + _VALUE),
    "editor": re.compile(r"(?:责任编辑|责编|编辑)" + _VALUE),
}
_BREADCRUMB = re.compile(r"^(?:首页|当前位置|您的位置|你的位置|您现在的位置|位置)"
                         r"\s*[::]?\s*(?:>|»|›|>|首页)"
                         r"|^[^。,]{0,40}>[^。,]{0,40}>[^。,]*$")
_ORIGINAL_TITLE = re.compile(r"^原标题\s*[::]\s*(.+)$")
_KEYWORDS = re.compile(r"^(?:关键词|关键字|标签)\s*[::]\s*(.*)$")
#: a line of "label: value" fields: 来源:… 作者:… 编辑:… 发布时间:… 浏览次数:…
#: 海东日报  2025年04月19日  第A1版: a newspaper's masthead (its name, maybe also in another
#: script, the date and the page) says where and when the article was printed.
_MASTHEAD = re.compile(rf"^《?(?P<paper>[{HAN}]{{2,10}}?(?:日报|晚报|时报|报))》?\s*"
                       rf"(?:[^\s{HAN}\d][^{HAN}\d]*?\s+)?{_DATE}\s*"
                       rf"(?:第?\s*[A-Za-z]?\d+\s*版(?:\s*[::]?\s*[{HAN}]{{1,8}})?)?$")
#: 四川省应急管理厅  2022-05-23 under a headline: the site's owner and the date, the way a
#: paper's masthead is; a department's own news then calls it 厅 (厅党组, 厅长).
_PUBLISHER_LINE = re.compile(rf"^(?P<pub>[{HAN}]{{2,20}}?"
                             r"(?:厅|局|委员会|办公室|人民政府|政府|网|网站))"
                             rf"\s+{_DATE}$")
_META_LINE = re.compile(r"^[(\[【]?\s*(?:信息来源|文章来源|来源|稿源|作者|记者|通讯员|"
                        r"责任编辑|责编|编辑|编审|审核|校对|审校|监制|发布时间|发布日期|发表时间|更新时间|"
                        r"时间|日期|点击数|浏览次数|阅读次数)\s*[::]")
_AUTHOR_LINE = re.compile(r"^[(\[【]?\s*(?:撰稿|摄影|文/图|文|图)\s*[::/]"
                          r"\s*([^)\]】]*?)\s*[)\]】]?$")
_DATE_IN = re.compile(_DATE)
_NAV = re.compile(
    r"^[【\[]?\s*(?:分享到|上一篇|下一篇|上一条|下一条|相关新闻|相关链接|相关阅读|相关文章|推荐阅读|"
    r"点击排行|扫一扫)"
    r"|^[【\[]?\s*(?:分享|更多|返回顶部|返回|打印本页|打印|关闭窗口|关闭|字号|收藏|我要纠错)"
    r"\s*(?:[::】\]]|[大中小\s]*$)")
_FOOTER_WORDS = re.compile(r"版权所有|备案号|ICP备|ICP证|主办单位|主办\s*[::]|承办单位|协办单位|"
                           r"网站地图|联系我们|网站标识码|技术支持|公网安备|Copyright|©|政务邮箱|举报电话|"
                           r"违法和不良信息")
_PHOTO = re.compile(r"^[(\[【]?\s*(?:图为|图片|图:|图/|▲|△)")
_CAPTION = re.compile(rf"^[{HAN} ]{{0,16}}(?:现场|图片|合影|供图|摄)$")
#: 本报讯, 本报北京7月1日电, 新华社北京7月1日电, 人民政协网6月8日电 ...
_AGENCY = (r"(?:本报|本刊|本网|新华社|中新社|中新网|[^\s,(。]{1,10}?(?:网|社|报|台))"
           r"[^\s,(。]{0,12}?(?:讯|电)")
_BYLINE = re.compile(  # used with .match(line, pos): no ^, which would only match at 0
    rf"(?:{_AGENCY}\s*)?"
    r"\(\s*(?:本报)?(?:见习记者|实习记者|特约记者|记者|通讯员|实习生)\s*(?P<author>[^)]{1,40})\)\s*"
    rf"|{_AGENCY}\s+|本报讯\s*")
#: a date in brackets closing the text, as papers date a report at its end, perhaps after
#: the office that signs a unit's own bulletin off: (2014年9月27日), (县供销社办公室 2008年7月16日)
_DATED_END = re.compile(rf"\((?:[{HAN}]{{2,20}} *)?(?:{_DATE})\)$")
_BYLINE_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_BYLINE_ROLE = re.compile(r"见习记者|实习记者|特约记者|记者|通讯员|实习生")
_JOIN_END = set("的了在和与及对把被将向从由为于并或而以之,、(《“·")  # ·: 艾尔肯·\n吐尔洪
_JOIN_START = set(",、。;:!?)》”")
_TITLE_STOP = re.compile(r"[。,;!?]")


@dataclass
class _Lines:
    """Decisions of the line pass: spans to delete and metadata found."""

    delete: list[tuple[int, int]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)

    def note(self, key: str, value: str) -> None:
        value = " ".join(value.split()).strip(" |丨:()[]【】")
        if value and key not in self.meta:
            self.meta[key] = value


def _iso(m: re.Match[str]) -> str:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    iso = f"{y:04d}-{mo:02d}-{d:02d}"
    return iso + (f"T{int(m['hh']):02d}:{m['mm']}" if m["hh"] else "")


def _fields(rest: str, found: _Lines) -> None:
    for key, pattern in _FIELD_VALUE.items():
        m = pattern.search(rest)
        if m:
            found.note(key, m.group(1))


def _boilerplate(line: str, found: _Lines) -> bool:
    """True when ``line`` (stripped, simplified) is page furniture; notes its metadata.

    The verdict and notes are a function of the line alone, cached: the line pass runs
    twice over most articles, and sites repeat their furniture.
    """
    furniture, notes = _judged(line)
    for key, value in notes:
        found.note(key, value)
    return furniture


@dataclass
class _Noted(_Lines):
    """The notes one line gives, kept in order to be replayed."""

    notes: list[tuple[str, str]] = field(default_factory=list)

    def note(self, key: str, value: str) -> None:
        self.notes.append((key, value))


@lru_cache(maxsize=1 << 14)
def _judged(line: str) -> tuple[bool, tuple[tuple[str, str], ...]]:
    noted = _Noted()
    return _judge(line, noted), tuple(noted.notes)


def _judge(line: str, found: _Lines) -> bool:
    if len(line) > 300 or (len(line) > 80 and "。" in line):
        return False  # page furniture is short and has no full stops
    m = _DATELINE.match(line)
    if m and _iso(m):
        found.note("date", _iso(m))
        _fields(m["rest"], found)
        return True
    m = _MASTHEAD.match(line)
    if m and _iso(m):
        found.note("source", m["paper"])
        found.note("date", _iso(m))
        return True
    m = _PUBLISHER_LINE.match(line)
    if m and _iso(m):  # kept as text: the body's name counts towards the locale there too
        found.note("source", m["pub"])
    if _BREADCRUMB.match(line):
        return True
    for key, pattern in (("title", _ORIGINAL_TITLE), ("keywords", _KEYWORDS),
                         ("author", _AUTHOR_LINE)):
        m = pattern.match(line)
        if m:
            found.note(key, m.group(1))
            return True
    if _META_LINE.match(line) and "。" not in line:
        _fields(line.strip("()[]【】"), found)
        m = _DATE_IN.search(line)
        if m and _iso(m):
            found.note("date", _iso(m))
        return True
    if _NAV.match(line) and "。" not in line:
        return True
    host = site_host(line)
    if host:
        found.note("host", host)
    footer = _FOOTER_WORDS.findall(line)
    if footer and ("。" not in line and (len(set(footer)) >= 2 or _FOOTER_WORDS.match(line))):
        return True
    if len(line) <= 80 and _PHOTO.match(line):
        return True
    return len(line) <= 20 and bool(_CAPTION.match(line))


#: 主办:某某市人民政府 in a page footer: who runs the site, a hint of the article's place
_HOST = re.compile(r"(?:网站)?主[办辦](?:单位|單位)?\s*[:\uff1a]\s*"
                   r"([^\s|丨:\uff1a,\uff0c。]{2,40}?)"
                   r"(?=\s|[|丨,,]|承办|协办|版权|技术支持|地址|联系|备案|ICP|网站标识|$)")


def site_host(text: str) -> str:
    """The body named as the site's 主办 (host) in ``text``, '' if none.

    >>> site_host("主办:张家界市人民政府 承办:张家界市人民政府办公室 备案号:湘ICP备")
    '张家界市人民政府'
    >>> site_host("本次活动由市委宣传部主办")
    ''
    """
    m = _HOST.search(text)
    return m.group(1) if m else ""


#: 唐山劳动日报讯: a paper's own name before 讯 says who published the article.
_PAPER_BYLINE = re.compile(rf"(?!本报)([{HAN}]{{2,10}}?(?:日报|晚报|时报|报))讯")


def _byline(line: str, found: _Lines) -> int:
    """Length of the leading 本报讯 (记者 张三) byline(s) to cut from a content line; a
    paper naming itself there (某某日报讯) is the article's source.

    >>> found = _Lines(); _byline("唐山劳动日报讯 1月5日,全市召开会议", found), found.meta
    (8, {'source': '唐山劳动日报'})
    """
    cut = 0
    while m := _BYLINE.match(line, cut):
        if m.end() == cut:
            break
        paper = _PAPER_BYLINE.match(line, cut)
        if paper and paper.end() <= m.end():
            found.note("source", paper.group(1))
        if m.group("author"):
            found.note("author", _BYLINE_ROLE.sub(" ", m.group("author")))
        dated = _DATE_IN.search(line, cut, m.end())  # 长沙晚报2021年3月10日讯: the paper's day
        if dated and _iso(dated):
            found.note("date", _iso(dated))
        day = _BYLINE_DAY.search(line, cut, m.end())  # 本报6月18日讯 under a page of 06-19:
        page = found.meta.get("date", "")  # the report's own day, for its 今天 and 昨天
        if day and not dated and _ISO_DAY.match(page) and 1 <= int(day[1]) <= 12 \
                and 1 <= int(day[2]) <= 31:
            year = int(page[:4]) - (int(day[1]) > int(page[5:7]))  # 12月31日讯 on a 01-01 page
            found.meta["date"] = f"{year}-{int(day[1]):02d}-{int(day[2]):02d}"
        cut = m.end()
    return cut


def _is_headline(line: str) -> bool:
    short = 4 <= len(line) <= 60
    return short and not _TITLE_STOP.search(line) and bool(re.search(f"[{HAN}]", line))


#: A header over links to other articles (相关新闻:), which name other meetings.
_LINKS_HEADER = re.compile(r"^[【\[]?\s*(?:相关新闻|相关链接|相关阅读|相关文章|推荐阅读|延伸阅读|"
                           r"热点推荐|往期回顾)\s*[::】\]]?\s*$")


def _link_title(line: str) -> bool:
    """Whether a line under a links header is one more link: short, no sentence in it.

    >>> _link_title("国资委召开中央企业负责人会议"), _link_title("会议指出,要抓好落实。")
    (True, False)
    """
    return len(line) <= 40 and not re.search("[。!?]", line)


def _line_pass(text: str) -> _Lines:
    """Decide, line by line, what extraction must not see, and collect metadata."""
    found = _Lines()
    kept: list[tuple[int, int, str]] = []  # (start, end, stripped text) of content lines
    pos = 0
    links = False  # under a 相关新闻: header, lines are titles of other articles
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        line = raw.strip()
        if line:
            links = bool(_LINKS_HEADER.match(line)) or links and _link_title(line)
        cut = _byline(line, found) if line else 0
        rest = line[cut:]
        if not rest or links or _boilerplate(rest, found) or (kept and kept[-1][2] == rest):
            found.delete.append((start, min(end + 1, len(text))))
            continue
        if cut:
            found.delete.append((start, start + len(raw) - len(raw.lstrip()) + cut))
        kept.append((start, end, rest))
    _titles(kept, found)
    _joins(kept, found)
    found.delete.sort()
    return found


def _titles(kept: list[tuple[int, int, str]], found: _Lines) -> None:
    """The first headline-like line at the top, when body lines follow, is the title."""
    if len(kept) >= 2 and _is_headline(kept[0][2]):
        found.meta["title"] = kept[0][2]


#: how a paragraph ends, when a line ends there
_PARAGRAPH_END = set(_SENTENCE_FINAL + ":)”’」』】")


def _wrap_width(kept: list[tuple[int, int, str]]) -> int:
    """The column width of text hard-wrapped mid-sentence (from a PDF or a paper), or 0.

    Wrapped text is told by its lines: most body lines end inside a sentence,
    and those are of about one length. Lines of a usual article end their
    paragraph, so it gets 0 and only the joins for broken sentences.

    >>> line = "市委书记张明主持召开市委常委会会议,传达学习省委全会精"
    >>> _wrap_width([(0, 0, "标题")] + [(0, 30, line)] * 4 + [(0, 12, "神,部署工作。")])
    30
    >>> _wrap_width([(0, 0, "标题")] + [(0, 30, line + "神。")] * 5)
    0
    """
    body = [(end - start, rest[-1]) for start, end, rest in kept[1:] if len(rest) >= 10]
    open_ = sorted(width for width, last in body if last not in _PARAGRAPH_END)
    if len(open_) < 4 or 2 * len(open_) < len(body):
        return 0
    width = open_[len(open_) // 2]
    near = sum(abs(n - width) <= width // 5 for n in open_)
    return width if 5 * near >= 4 * len(open_) else 0


def _joins(kept: list[tuple[int, int, str]], found: _Lines) -> None:
    """Delete the line break inside a sentence broken across two lines.

    Decided on the line as joined so far, so a second pass decides the same.
    In hard-wrapped text a line about as long as the others is joined to the
    next whatever it ends with (市长邓\n宏斌), except a headline.
    """
    if not kept:
        return
    wrap = _wrap_width(kept) * 7 // 10
    length, last = len(kept[0][2]), kept[0][2][-1:]
    for k, ((start, end, _), (_, _, nxt)) in enumerate(zip(kept, kept[1:])):
        if _ONLY_PINYIN.fullmatch(nxt) and _is_pinyin(nxt) and re.match(f"[{HAN}]", last):
            found.delete.append((end, end + 1))  # 统\n(tǒng): the annotation goes with 统
            continue
        wrapped = wrap and end - start >= wrap and end == kept[k + 1][0] - 1 and (
            k or "title" not in found.meta)
        if last and nxt and last not in _SENTENCE_FINAL and (wrapped or
                (last in _JOIN_END and length >= 8) or nxt[0] in _JOIN_START):
            found.delete.append((end, end + 1))  # lines between are blank or boilerplate
            length += len(nxt)
        else:
            length = len(nxt)
        last = nxt[-1:] or last


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        elif end > start:
            out.append((start, end))
    return out


# ---------------------------------------------------------------- the passes


def _inline(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Spaces, pinyin, doubled punctuation, spaces: each can uncover the next."""
    text, offsets = _delete(text, offsets, _spaced_out_spans(text))  # 胡 德 全 -> 胡德全
    text, offsets = _delete(text, offsets, _space_spans(text))  # 统 (tǒng) -> 统(tǒng)
    text, offsets = _delete(text, offsets, _pinyin_spans(text))
    text, offsets = _delete(text, offsets, _spans(_SCRIPT_GLOSS, text))
    text, offsets = _delete(text, offsets, _spans(_DATE_DOUBLE, text))
    text, offsets = _delete(text, offsets, _spans(_DOUBLE_COMMA, text))
    text, offsets = _delete(text, offsets, _spans(_REPEATED, text))
    return _delete(text, offsets, _space_spans(text))


def _normalise(original: str) -> tuple[str, list[int], dict[str, str]]:
    offsets = list(range(len(original) + 1))
    text = _LINE_BREAK.sub("\n", to_simplified(_fold_width(original)))  # one for one
    text, offsets = _delete(text, offsets, _spans(_INVISIBLE, text))  # the \r of \r\n
    marks = [(a - 1, b - 1) for a, b in _spans(_MARKDOWN, "\n" + text)]  # the first line too
    text, offsets = _delete(text, offsets, marks)  # **来源**: -> 来源:
    text, offsets = _inline(text, offsets)
    meta: dict[str, str] = {}
    for _ in range(5):  # a second pass rarely finds anything: stop as soon as it doesn't
        lines = _line_pass(text)
        meta = {**lines.meta, **meta}
        spans = _merge(lines.delete)
        if not spans:
            break
        text, offsets = _delete(text, offsets, spans)
        text, offsets = _inline(text, offsets)  # joins bring ",\n。" or "于\n(tǒng)" together
    trail = len(text) - len(text.rstrip("\n "))
    if trail:
        text, offsets = _delete(text, offsets, [(len(text) - trail, len(text))])
    dated = _DATED_END.search(text, max(0, len(text) - 45))  # …抱在一起。(2014年9月27日)
    if dated and "date" not in meta and _iso(dated):
        meta["date"] = _iso(dated)
    return text, offsets, meta


def normalise_text(original: str) -> tuple[str, list[int]]:
    """Return (normalised text, offsets) for ``original``.

    >>> text, offsets = normalise_text("統(tǒng)戰(zhàn)部,,召開會議")
    >>> text
    '统战部,召开会议'
    >>> normalise_text("行署专员(ۋالىي)买买提出席")[0]
    '行署专员买买提出席'
    >>> offsets[:3]
    [0, 7, 14]
    """
    text, offsets, _ = _normalise(original)
    return text, offsets


def article_meta(original: str) -> dict[str, str]:
    """Metadata found in the text itself: title, date, source, editor, author, keywords.

    >>> article_meta("定西日报  2022年09月07日  第01版\\n市委召开会议。")
    {'source': '定西日报', 'date': '2022-09-07'}
    >>> article_meta("标题\\n7月15日,社召开会议。\\n(市供销社办公室 2008年7月16日)")["date"]
    '2008-07-16'
    """
    return _normalise(original)[2]


def has_content(original: str) -> bool:
    """True when some line of ``original`` is more than page furniture (cheap: stops early)."""
    found = _Lines()
    for raw in _LINE_BREAK.sub("\n", original).split("\n"):
        line = to_simplified(_fold_width(raw)).strip()
        line = _delete(line, list(range(len(line) + 1)), _pinyin_spans(line))[0].strip()
        rest = line[_byline(line, found):]
        if rest and not _boilerplate(rest, found):
            return True
    return False


_SENTENCE = re.compile(r"[^\n。!?;]*(?:[。!?;]+[”’)]*|(?=\n)|$)")


def split_sentences(text: str) -> list[Sentence]:
    """Split on sentence-final punctuation and line breaks, keeping offsets.

    >>> [s.text for s in split_sentences("会议召开。王明说:“好!”\\n散会")]
    ['会议召开。', '王明说:“好!”', '散会']
    """
    out: list[Sentence] = []
    for m in _SENTENCE.finditer(text):
        start, end = m.span()
        while start < end and text[start] == " ":
            start += 1
        if start < end:
            out.append(Sentence(text[start:end], start, end))
    return out


def normalise(raw: RawArticle) -> Article:
    """Normalise one raw article; metadata the reader found wins over what the text says."""
    text, offsets, meta = _normalise(raw.text)
    meta.update({k: v for k, v in raw.meta.items() if v})
    return Article(raw.id, raw.source, raw.text, text, offsets, split_sentences(text), meta)
