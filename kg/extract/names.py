"""Person names: where a name starts and ends in running text.

``name_at`` reads the name that starts at a position (after a title, before
同志, 出席, a comma …), dotted names (阿不都热依木·艾买提) included;
``plausible_name`` tells a surname + given name from a common word;
``minority_name`` reads Tibetan and Mongolian names written without a Han
surname (洛桑江村).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.extract.lexicon import _PUNCT, _UNITS, HAN, lex
from kg.lexicon import words

_GIVEN_BAD = set("的了在是与及议委部省市区县乡记主任副等各该此"
                 "将把被从对由并也还又已就要协府局厅处组办")
_FOLLOW = re.compile(
    r"(?:[,,、。;;::!!??()“”\s]|$|同志|女士|的|等|和|及|以及|与|主持|出席|参加|列席|到会|与会|讲话|发言|"
    r"致|作|做|讲|代表|在|指出|强调|要求|表示|认为|说|介绍|通报|传达|宣读|总结|提出|就|对|向|为|"
    r"应邀|先后|分别|依次|相继|一行|也|还|首先|随后|最后|专门|认真|亲自|第一时间|深入|带领|率|当选|"
    r"受[^,,。;]{1,16}?委托|"
    r"陪同|同|主动|结合|围绕|希望|宣布|汇报|部署|安排|带头|一同|共同|均|从|关于|所作|听取|"
    r"调研|考察|看望|会见|检查|督导|慰问|走访|视察|一行|率队|带队|"
    + "|".join((*words("name_verbs"), *words("military_ranks"))) + ")")
#: Parts of speech (jieba) of function words, which no name starts with: 关于 (p), 于是 (c),
#: 任何 (r), 所以 (c).
_FUNCTION_POS = frozenset("pcru")
#: A preposition right before punctuation has no object, so it ends the name: 主任严可为,
#: (but 李智作关于 is 李智 + 作, and 王明说, is 王明 + 说).
_NO_OBJECT = re.compile(r"[为作做在对向就从率与及][,,。;;、]")
_DOTTED_NAME = re.compile(rf"[{HAN}]{{2,8}}·[{HAN}]{{2,8}}")  # 阿不都热依木·艾买提
_ALL_HAN = re.compile(f"[{HAN}]+")
_VERB_CHARS = set("作做在和及与等同对向为就说也还均从率")
_LEFT_OK = set(_PUNCT + "()“”\"由和及与请对向为把被了是经据：: ")


@lru_cache(maxsize=1 << 16)
def plausible_name(name: str) -> bool:
    """A surname + one or two given characters that is not a common word.

    Cached: the same few candidates are tried at many positions and by many rules.

    >>> [plausible_name(n) for n in ("佟桂莉", "高度", "王牌", "李在", "班子作", "和会员")]
    [True, False, False, False, False, False]
    >>> plausible_name("关于党"), plausible_name("向东升")
    (False, True)
    >>> plausible_name("单位要")  # 成员单位要各司其职: a modal verb is no given name
    False
    >>> plausible_name("何书敏"), plausible_name("向书"), plausible_name("何书记")
    (True, False, False)
    """
    lx = lex()
    if not _ALL_HAN.fullmatch(name):
        return False
    if name[:2] in lx.compound and len(name) in (3, 4):
        given = name[2:]
    elif name[0] in lx.surnames and len(name) in (2, 3):
        given = name[1:]
    else:
        return False
    if any(c in _GIVEN_BAD for c in given) or "书" in given[-1:] or name in lx.stop \
            or any(name[j:j + 2] in lx.collective for j in range(len(name) - 1)):
        return False  # 班子作, 和会员: a group of people, not a name
    head = lx.dict_words.get(name[:2]) if len(name) == 3 else None
    if head and head[0] >= 1000 and head[1][:1] in _FUNCTION_POS:
        return False  # 关于党, 任何人: a preposition or pronoun, then a word
    known = lx.dict_words.get(name)
    return not (known and known[0] >= 5 and not known[1].startswith("nr"))


#: A note after a name that is no title: (彝族), (女), (回族、女).
_NOTE = r"\((?:[{HAN}]{1,3}族|女|男)(?:[、,,](?:[{HAN}]{1,3}族|女|男))?\)"
_NOTE_AFTER = re.compile(_NOTE.replace("{HAN}", HAN))
_NOTED_NAME = re.compile(rf"([{HAN}]{{2,5}})(?={_NOTE_AFTER.pattern})")


def name_at(text: str, i: int, follow: re.Pattern[str] = _FOLLOW) -> str:
    """The personal name starting at ``text[i]``, judged by what follows it.

    >>> name_at("统战部长佟桂莉主持会议", 4), name_at("副主任李智作关于", 3)
    ('佟桂莉', '李智')
    >>> name_at("书记高度重视", 2), name_at("副主席阿牛木呷(彝族)、李和平", 3)
    ('', '阿牛木呷')
    >>> name_at("政协主席王芳(女)主持", 2)
    ''
    >>> name_at("人大常委会主任艾力·买买提出席", 4), name_at("人大常委会主任艾力·买买提出席", 7)
    ('', '艾力·买买提')
    >>> name_at("党支部书记乌兰作交流发言", 5)
    '乌兰'
    >>> name_at("市监委主任严可为,市人民法院院长", 5), name_at("副主任李智作了说明", 3)
    ('严可为', '李智')
    """
    joined = _name_ending_in_connector(text, i)
    if joined:
        return joined
    dotted = _DOTTED_NAME.match(text, i)
    if dotted and lex().roles.search(text, i, i + dotted.group().index("·")):
        dotted = None  # 会主任艾力·买买提: a title's tail before the name is no part of it
    if dotted:  # 艾力·买买提: try the shortest second part that ends the name
        dot = dotted.group().index("·") if "·" in dotted.group() else 0
        for end in range(i + dot + 3, dotted.end() + 1):
            if follow.match(text, end):
                return text[i:_dotted_end(text, end, dotted.end(), follow)]
    noted = _NOTED_NAME.match(text, i)
    if noted and not lex().roles.search(noted.group(1)) \
            and not any(c in _GIVEN_BAD for c in noted.group(1)):
        return noted.group(1)  # 阿牛木呷(彝族): the note closes the name, whatever its form
    lx = lex()
    found = [text[i:i + n] for n in (4, 3, 2)
             if i + n <= len(text) and _ALL_HAN.fullmatch(text, i, i + n)
             and plausible_name(text[i:i + n]) and follow.match(text, i + n)] \
        if text[i:i + 1] in lx.surnames or text[i:i + 2] in lx.compound else []  # no surname
    minority = minority_name(text, i, follow)
    if minority and (not found or len(minority) > len(found[0])
                     or found[0] == minority + found[0][-1] and found[0][-1] in _VERB_CHARS):
        return minority  # 书记乌兰作交流发言 is 乌兰 + 作, like 李智作
    if len(found) > 1 and found[1] == found[0][:-1] \
            and not _NO_OBJECT.match(text, i + len(found[0]) - 1):
        shorter = follow.match(text, i + len(found[1]))
        if found[0][-1] in _VERB_CHARS or (shorter and len(shorter.group()) >= 2):
            return found[1]  # 李智作关于 is 李智 + 作; 郑华陪同 is 郑华 + 陪同
    if found or follow is not _FOLLOW:
        return found[0] if found else ""
    return _name_by_words(text, i)


#: What follows a name that ends in 和/同/与 (赵庆和出席): a role verb or punctuation,
#: not a second name.
_ACT_AFTER_CONNECTOR = re.compile(
    r"[、,,。;]|(?:同志)?(?:出席|主持|参加|列席|讲话|发言|致辞|强调|指出|在会上|等"
    r"|作了?[^,,。;]{0,30}?(?:报告|说明|讲话|发言)"
    r"|在[^,,。;]{1,40}?(?:上|时)的(?:重要)?(?:讲话|发言))")


_WITH_THOSE = re.compile(r"(?:出席|参加|列席|参会|与会)[^,,。;、]{0,6}?的")


def _name_ending_in_connector(text: str, i: int) -> str:
    """A three-character name whose given name ends in 和, 同 or 与, read as a name only
    when a role verb follows at once (赵庆和出席); 张三和李四出席 is a list of two.

    >>> _name_ending_in_connector("赵庆和出席会议", 0)
    '赵庆和'
    >>> _name_ending_in_connector("张三和李四出席", 0)
    ''
    >>> _name_ending_in_connector("赵庆和在6月28日召开的全省组织工作会议上的讲话精神", 0)
    '赵庆和'
    >>> _name_ending_in_connector("王明同志出席", 0)
    ''
    >>> _name_ending_in_connector("李明同出席会议的代表合影", 0)
    ''
    """
    cand = text[i:i + 3]
    if len(cand) < 3 or cand[2] not in "和同与" or not plausible_name(cand[:2]) \
            or cand[1] in "和同与" or text.startswith("同志", i + 2):
        return ""
    if _WITH_THOSE.match(text, i + 3):
        return ""  # 李明同出席会议的代表合影: 同 joins 李明 to the attendees
    return cand if _ACT_AFTER_CONNECTOR.match(text, i + 3) else ""


def _dotted_end(text: str, end: int, limit: int, follow: re.Pattern[str]) -> int:
    """Where a dotted name ends when what follows could also start one character later.

    阿不都热依木·艾买提出席: 提出 would end the name at 艾买, but 出席 after 艾买提 is
    the verb; a two-character word one step on wins.

    >>> t = "常委阿不都热依木·艾买提出席会议"
    >>> t[2:_dotted_end(t, 11, 13, _FOLLOW)]
    '阿不都热依木·艾买提'
    """
    nxt = follow.match(text, end + 1) if end < limit else None
    return end + 1 if nxt and len(nxt.group()) >= 2 else end


@cache
def _minority_parts() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """(syllables by their first character, one-character endings written ``+太``)."""
    by_first: dict[str, list[str]] = {}
    for e in words("minority_name_parts"):
        if not e.startswith("+"):
            by_first.setdefault(e[0], []).append(e)
    return ({c: tuple(ps) for c, ps in by_first.items()},
            frozenset(e[1:] for e in words("minority_name_parts") if e.startswith("+")))


def minority_name(text: str, i: int, follow: re.Pattern[str] = _FOLLOW) -> str:
    """A Tibetan or Mongolian name written without a Han surname: 洛桑江村, 乌兰其木格.

    Made of the syllables in ``kg/data/minority_name_parts.txt`` (one or more, or one
    with a listed ending: 才让太), followed by what ends a name; it is only tried where
    a name is expected (after a title, in a name list).  The longest reading wins.

    >>> minority_name("书记洛桑江村主持会议", 2), minority_name("州长扎西次仁、", 2)
    ('洛桑江村', '扎西次仁')
    >>> minority_name("书记才让太出席", 2)
    '才让太'
    >>> minority_name("乌云密布", 0), minority_name("书记扎西出席", 2)
    ('', '扎西')
    """
    parts, endings = _minority_parts()
    best = i
    todo = [(i, 0)]
    while todo:
        j, n = todo.pop()
        for part in parts.get(text[j:j + 1], ()):
            k = j + len(part)
            if not text.startswith(part, j) or k - i > 8:
                continue
            if follow.match(text, k):
                best = max(best, k)
            if text[k:k + 1] in endings and follow.match(text, k + 1):
                best = max(best, k + 1)
            todo.append((k, n + 1))
    return text[i:best]


#: Surnames that are also words joining two phrases (和, 同, 与 …).
_JOINING_SURNAMES = frozenset("和同与及")


def _joined_word(given: str, words: dict[str, tuple[int, str]]) -> bool:
    """Whether what follows a joining surname is a word of its own rather than a given name:
    a common noun (机关, 单位) or a place level (村党支部, 县直)."""
    known = words.get(given)
    return given[:1] in "村镇乡县市区省" or bool(
        known and known[0] >= 1000 and not known[1].startswith("nr"))


#: A unit's last character repeated in its head's title (队队长, 所副所长): no name ends there.
_HEAD_TWICE = re.compile(rf"([{HAN}])副?\1长")


def _name_by_words(text: str, i: int) -> str:
    """A name after a title but before an unlisted verb: 市委书记李建国到高新区调研.

    Three characters unless the third starts a common word (李强调研 is 李强 + 调研).

    >>> _name_by_words("李建国到高新区", 0), _name_by_words("李强调研企业", 0)
    ('李建国', '李强')
    >>> _name_by_words("区消防支队支队长", 0), _name_by_words("区消防队队长", 0)
    ('', '')
    >>> _name_by_words("和会员代表列席", 0)
    ''
    >>> _name_by_words("和机关各站所负责人", 0), _name_by_words("和村党支部书记", 0)
    ('', '')
    """
    words = lex().dict_words
    three, two = text[i:i + 3], text[i:i + 2]
    if any(text.startswith(_UNITS, j) or _HEAD_TWICE.match(text, j) for j in (i + 2, i + 3)):
        return ""  # 区消防支队支队长, 区消防队队长: a unit's name, not 区消防 (区 is a surname)
    if any(text[j:j + 2] in lex().collective for j in (i + 1, i + 2)):
        return ""  # 和会员代表: a group of people (和 is a surname), not 和会
    if text[i:i + 1] in _JOINING_SURNAMES and _joined_word(text[i + 1:i + 3], words):
        return ""  # 书记和机关各办公室, 第一书记和村党支部书记: 和 joins, no 和机关
    if len(three) == 3 and plausible_name(three):
        nxt = words.get(text[i + 2:i + 4])
        if not (nxt and nxt[0] >= 100):
            return three
    return two if len(two) == 2 and plausible_name(two) else ""
