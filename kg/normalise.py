"""Turn a raw scraped article into clean simplified text with a map back.

Every step works on a list of (character, original index) pairs, so whatever
is dropped or converted, each character of the result still knows where it
stood in the original.  Evidence quotes the original through that map.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from opencc import OpenCC

from kg.model import Article, RawArticle, Sentence

_HAN = r"\u3400-\u9fff"
_PINYIN = re.compile(rf"(?<=[{_HAN}])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{{1,7}}\)")
_DOUBLED = re.compile(r"[,,]+(?=[,,、。;;!?!?])|(?<=[、。;;])[,,]+")
_BOILERPLATE = re.compile(
    r"^\s*(首页\s*>|首頁\s*>|分享到|更多\s*$|(责任)?编辑\s*[::]|(責任)?編輯\s*[::]|关键词\s*[::]"
    r"|關鍵詞\s*[::]|上一篇|下一篇|原标题\s*[::]|原標題\s*[::])"
)
_SENTENCE_END = "。!?!?;;"


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert traditional characters to simplified, character by character.

    >>> to_simplified("統一戰線工作部")
    '统一战线工作部'
    """
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_t2s().convert(c) if len(_t2s().convert(c)) == 1 else c for c in text)


def _drop(chars: list[tuple[str, int]], pattern: re.Pattern[str]) -> list[tuple[str, int]]:
    text = "".join(c for c, _ in chars)
    keep = [True] * len(chars)
    for m in pattern.finditer(text):
        for i in range(m.start(), m.end()):
            keep[i] = False
    return [p for p, k in zip(chars, keep) if k]


def _clean_lines(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Drop boilerplate lines (breadcrumbs, editor, keywords) from what extraction sees."""
    out: list[tuple[str, int]] = []
    line: list[tuple[str, int]] = []
    for pair in chars + [("\n", -1)]:
        if pair[0] != "\n":
            line.append(pair)
            continue
        text = "".join(c for c, _ in line)
        if text.strip() and not _BOILERPLATE.match(text):
            out.extend(line)
            if pair[1] >= 0:
                out.append(pair)
        line = []
    return out


def normalise_text(original: str) -> tuple[str, list[int]]:
    """Return (normalised text, offsets) for ``original``.

    >>> text, offsets = normalise_text("統(tǒng)戰(zhàn)部,,召開會議")
    >>> text
    '统战部,召开会议'
    >>> offsets[:3]
    [0, 7, 14]
    """
    chars = [(unicodedata.normalize("NFKC", c) if len(unicodedata.normalize("NFKC", c)) == 1
              else c, i) for i, c in enumerate(original)]
    chars = [(",", i) if c == "," else (c, i) for c, i in chars]
    chars = _drop(chars, _PINYIN)
    chars = _clean_lines(chars)
    chars = _drop(chars, _DOUBLED)
    text = to_simplified("".join(c for c, _ in chars))
    offsets = [i for _, i in chars] + [len(original)]
    return text, offsets


def split_sentences(text: str) -> list[Sentence]:
    """Split on sentence-final punctuation and line breaks, keeping offsets.

    >>> [s.text for s in split_sentences("会议召开。王明主持\\n散会")]
    ['会议召开。', '王明主持', '散会']
    """
    out: list[Sentence] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END or ch == "\n":
            end = i if ch == "\n" else i + 1
            if text[start:end].strip():
                out.append(Sentence(text[start:end], start, end))
            start = i + 1
    if text[start:].strip():
        out.append(Sentence(text[start:], start, len(text)))
    return out


def normalise(raw: RawArticle) -> Article:
    """Normalise one raw article."""
    text, offsets = normalise_text(raw.text)
    return Article(raw.id, raw.source, raw.text, text, offsets, split_sentences(text),
                   dict(raw.meta))
