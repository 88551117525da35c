"""Find and read article files: plain text in any common Chinese encoding, HTML
pages, JSON Lines, folders and standard input.

Reading is forgiving per file (a bad file or JSON line is reported and
skipped) and strict about the inputs themselves (a missing path is a usage
error).  The format is chosen by extension, but the content is sniffed so a
``.txt`` file holding HTML or JSON Lines is still read as what it is.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.model import META_KEYS, RawArticle
from kg.normalise import article_meta, has_content, site_host

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".php", ".asp", ".aspx", ".jsp"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | {".json"}
#: A single article larger than this is not an article (a dump, a log, a mistake).
MAX_ARTICLE_BYTES = 8 * 1024 * 1024
STDIN = "-"

_HAN = re.compile(r"[\u3400-\u9fff]")


class InputError(Exception):
    """An input path that cannot be used at all (missing, empty folder)."""


@dataclass
class ReadReport:
    """What happened to each input, for the build's warnings and summary line."""

    read: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file[:line], reason)
    formats: dict[str, int] = field(default_factory=dict)  # articles read per format
    encodings: dict[str, int] = field(default_factory=dict)  # files read per encoding

    def skip(self, path: str, reason: str) -> None:
        self.skipped.append((path, reason))

    def fail(self, path: str, reason: str) -> None:
        """An article that was read but could not be extracted: skipped, not read."""
        self.read -= 1
        self.skip(path, reason)

    def merge(self, other: ReadReport) -> None:
        """Add the report of a part of the input (a file read by a worker)."""
        self.read += other.read
        self.skipped.extend(other.skipped)
        for mine, theirs in ((self.formats, other.formats), (self.encodings, other.encodings)):
            for key, n in theirs.items():
                mine[key] = mine.get(key, 0) + n

    def count(self, fmt: str, encoding: str = "") -> None:
        self.read += 1
        self.formats[fmt] = self.formats.get(fmt, 0) + 1
        if encoding:
            self.encodings[encoding] = self.encodings.get(encoding, 0) + 1


def sample_corpus() -> Path:
    """The folder of sample articles shipped inside the package."""
    return Path(str(resources.files("kg") / "corpus"))


def find_files(inputs: Iterable[str | Path]) -> list[tuple[Path, Path]]:
    """Expand files and folders (recursively) into (file, root) pairs; ``-`` is stdin."""
    found: list[tuple[Path, Path]] = []
    for item in inputs:
        if str(item) == STDIN:
            found.append((Path(STDIN), Path(".")))
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_file():
            found.append((path, path.parent))
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
        if not files:
            kinds = ", ".join(sorted(SUFFIXES))
            raise InputError(f"{path}: folder holds no article files ({kinds})")
        found.extend((p, path) for p in files)
    return found


# ---------------------------------------------------------------- decoding

_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16")]
_LEGACY = ("gb18030", "big5hkscs")
_WIDE_CHARS = re.compile(r"[^\x00-\x7f\u00c0-\u024f\s]")
_CJK_PUNCT = set("、。“”‘’《》〈〉「」『』【】〔〕()—…·,;:!?")
_ODD = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)""", re.IGNORECASE)
_ENCODING_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
                     "big5": "big5hkscs", "cp950": "big5hkscs", "utf8": "utf-8"}


@lru_cache(maxsize=1)
def _common_han() -> frozenset[str]:
    """The level-1 (most common) hanzi of GB2312 and of Big5: simplified and traditional."""
    chars = set()
    for lead in range(0xB0, 0xD8):
        chars.update(bytes([lead, t]).decode("gb2312", "ignore") for t in range(0xA1, 0xFF))
    for lead in range(0xA4, 0xC7):
        for trail in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            chars.add(bytes([lead, trail]).decode("big5", "ignore"))
    return frozenset(c for c in chars if _HAN.fullmatch(c))  # Big5 row C6 ends in kana


def plausibility(text: str) -> float:
    """Share of characters that real Chinese text is made of, penalising odd ones.

    Decoding with the wrong codec (GBK read as Big5 or the reverse, or as
    UTF-16) often succeeds but yields rare hanzi, kana, hangul and symbols:
    the share of common hanzi and CJK punctuation among all wide characters
    tells the right reading.
    """
    sample = text[:4000]  # plenty to tell codecs apart
    if not _HAN.search(sample):
        return 0.0
    common = _common_han()
    wide = _WIDE_CHARS.findall(sample)  # all but ASCII, Latin letters with tones, spaces
    good = sum(1 for c in wide if c in common or c in _CJK_PUNCT)
    return (good - 2 * len(_ODD.findall(sample))) / len(wide)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL bytes on one side of ASCII characters."""
    if len(data) % 2:
        return None
    best, best_score = None, 0.5
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if score > best_score and "\x00" not in text:
            best, best_score = text, score
    return best


def decode(data: bytes, declared: str = "") -> tuple[str, str]:
    """Decode article bytes: BOM, then UTF-16/UTF-8, then the likelier of GB18030 and Big5.

    Returns (text, encoding); raises ValueError naming the reason otherwise.

    >>> decode("統戰部召開會議".encode("big5"))
    ('統戰部召開會議', 'big5hkscs')
    >>> decode("统战部召开会议".encode("gbk"))
    ('统战部召开会议', 'gb18030')
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise ValueError(f"bad {enc} text ({exc.reason} at byte {exc.start})") from exc
    if b"\x00" in data[:65536]:
        text = _utf16_without_bom(data)
        if text is None:
            raise ValueError("binary file (NUL bytes), not text")
        return text, "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _ENCODING_ALIASES.get(declared.lower(), declared.lower())
    candidates = []
    # UTF-16 of text without any ASCII has no NUL bytes: it competes with the legacy codecs
    utf16 = ("utf-16-le", "utf-16-be") if len(data) % 2 == 0 else ()
    for enc in dict.fromkeys([declared, *_LEGACY, *utf16] if declared else [*_LEGACY, *utf16]):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        candidates.append((plausibility(text) + (0.05 if enc == declared else 0), enc, text))
    if not candidates:
        raise ValueError("cannot decode: not UTF-8, UTF-16, GB18030/GBK or Big5 text")
    score, enc, text = max(candidates)
    if score < 0.5:
        raise ValueError("cannot decode: no encoding gives Chinese text (binary file?)")
    return text, enc.replace("-le", "").replace("-be", "")


# ---------------------------------------------------------------- formats

_HTML_SNIFF = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)|"
                         r"<(?:html|body|div|p|meta|title)\b[^>]*>", re.IGNORECASE)


def sniff(text: str, suffix: str) -> str:
    """The article format of ``text``: 'html', 'jsonl', 'json' or 'text'."""
    head = text[:4096]
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            if suffix == ".json":
                return "json"
    if stripped.startswith("[") and suffix in {".json", *JSONL_SUFFIXES}:
        return "json"
    if suffix in JSONL_SUFFIXES or suffix == ".json":
        return "jsonl" if suffix in JSONL_SUFFIXES else "json"
    if stripped.startswith("<") and _HTML_SNIFF.search(head):
        return "html"
    return "text"


_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]?\s*(\d{1,2})\s*[-/.月]?\s*(\d{1,2})\s*日?"
                   r"(?:[T\s]*(\d{1,2}):(\d\d))?")


def iso_date(value: str) -> str:
    """A date as ISO 8601 (YYYY-MM-DD, with THH:MM when given), or '' when unreadable.

    >>> iso_date("2019/7/10 08:30:00"), iso_date("2017年03月11日"), iso_date("soon")
    ('2019-07-10T08:30', '2017-03-11', '')
    """
    m = _DATE.search(value or "")
    if not m:
        return ""
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    time = f"T{int(m.group(4)):02d}:{m.group(5)}" if m.group(4) else ""
    return f"{y:04d}-{mo:02d}-{d:02d}{time}"


def clean_meta(values: dict[str, object]) -> dict[str, str]:
    """Keep the META_KEYS that have a usable string value; dates become ISO."""
    out: dict[str, str] = {}
    for key in META_KEYS:
        value = values.get(key)
        if isinstance(value, list):
            value = " ".join(str(v) for v in value)
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            continue
        text = " ".join(str(value).split())
        if key == "date":
            text = iso_date(text)
        elif key == "keywords":
            text = " ".join(re.split(r"[\s,,;;、]+", text)).strip()
        if text:
            out[key] = text
    return out


# ---------------------------------------------------------------- HTML

#: Meta tags (name, property or itemprop, lower case) giving each metadata key, best first.
_META_TAGS = {
    "title": ("articletitle", "og:title", "twitter:title", "title", "dc.title", "headline"),
    "date": ("article:published_time", "pubdate", "publishdate", "publish_date",
             "og:published_time", "og:release_date", "datepublished", "dc.date",
             "dc.date.issued", "date",
             "firstpublishedtime", "article:modified_time", "og:updated_time", "lastmodifiedtime"),
    "source": ("contentsource", "source", "article:publisher", "og:site_name", "sitename"),
    "author": ("author", "article:author", "dc.creator"),
    "editor": ("editor",),
    "keywords": ("keywords", "news_keywords", "article:tag"),
    "url": ("og:url", "url"),
}
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "nav", "header", "footer",
              "aside", "form", "button", "select", "input", "textarea", "svg", "canvas", "head",
              "object", "embed", "map")
_BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
               "table", "section", "article", "blockquote", "pre", "dd", "dt", "figure",
               "figcaption", "center", "hr", "main", "td", "th")
_FURNITURE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumb|crumb|footer|foot|header|"
                        r"sidebar|side|share|copyright|comment|related|recommend|banner|ad|ads|"
                        r"toolbar|pagination|pager|location|position|login|search)(?:$|[\s_-])",
                        re.IGNORECASE)


def _meta_tags(soup) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        name = (tag.get("name") or tag.get("property") or tag.get("itemprop") or "").strip().lower()
        content = tag.get("content")
        if name and isinstance(content, str) and content.strip() and name not in found:
            found[name] = content.strip()
    out: dict[str, str] = {}
    for key, names in _META_TAGS.items():
        for name in names:
            if found.get(name) and (key != "date" or iso_date(found[name])):
                out[key] = found[name]
                break
    for tag in soup.find_all(attrs={"itemprop": "datePublished"}):
        out.setdefault("date", tag.get("content") or tag.get("datetime") or tag.get_text())
    link = soup.find("link", rel="canonical")
    if link and link.get("href"):
        out.setdefault("url", link["href"])
    return out


def _page_title(soup) -> str:
    """<h1> when there is one, else <title> without its ``_site name`` tail."""
    h1 = soup.find("h1")
    if h1 and _HAN.search(h1.get_text()):
        return " ".join(h1.get_text().split())
    if soup.title and soup.title.string:
        return re.split(r"\s*(?:_|\||-{1,2}|—)\s*", soup.title.string.strip())[0]
    return ""


def _han_count(node) -> int:
    return len(_HAN.findall(node.get_text()))


def _own_han(node) -> int:
    """Hanzi of ``node`` outside links: what an article block is made of."""
    return _han_count(node) - sum(_han_count(a) for a in node.find_all("a"))


def _drop_link_lists(soup) -> None:
    """Remove lists and boxes that are mostly links (menus, related news, pagers)."""
    for tag in soup.find_all(["ul", "ol", "div", "table", "dl", "p", "span"]):
        if tag.decomposed:
            continue
        links = tag.find_all("a")
        total = _han_count(tag)
        if len(links) >= 2 and total and sum(_han_count(a) for a in links) >= 0.7 * total:
            tag.decompose()


def _main_block(body):
    """The element holding the article: the one whose paragraphs carry the most hanzi.

    Each paragraph-like element credits its hanzi (link text excluded) to its
    parent; the best parent wins.  Navigation, footers and link lists lose
    because their text is in links or in elements we already dropped.
    """
    scores: dict[int, tuple[int, object]] = {}
    for para in body.find_all(["p", "br", "td", "div", "li", "span", "font"]):
        if para.name in ("div", "td", "span", "font") and para.find(["p", "div", "table"]):
            continue
        text = len(_HAN.findall(para.get_text()))
        links = sum(len(_HAN.findall(a.get_text())) for a in para.find_all("a"))
        parent = para.parent if para.name in ("p", "br", "li", "span", "font") else para
        if parent is None or text - links <= 0:
            continue
        old = scores.get(id(parent), (0, parent))[0]
        scores[id(parent)] = (old + text - links, parent)
    if not scores:
        return body
    best = max(scores.values(), key=lambda item: item[0])[1]
    # climb while the parent adds little but wrappers (keeps sibling paragraphs together)
    while best.parent is not None and best.parent.name not in ("body", "[document]", "html"):
        if _own_han(best.parent) > 1.5 * _own_han(best):
            break
        best = best.parent
    return best


_WIDE = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’"
#: a line break in the HTML source between two wide characters is no space (CSS Text 3)
_SEGMENT_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r]*\n\s*(?=[{_WIDE}])")


def _block_text(node) -> str:
    """Text of ``node`` with a line break at every block element (and nowhere else)."""
    from bs4 import NavigableString

    for string in node.find_all(string=True):
        if type(string) is NavigableString and "\n" in string:  # not comments, CDATA ...
            string.replace_with(_SEGMENT_BREAK.sub("", string).replace("\n", " "))
    for br in node.find_all("br"):
        br.replace_with("\n")
    for block in node.find_all(_BLOCK_TAGS):
        block.insert_before("\n")
        block.insert_after("\n")
    lines = (" ".join(line.split()) for line in node.get_text().split("\n"))
    return "\n".join(line for line in lines if line)


_DATELINE_KEYS = ("date", "source", "author", "editor")


def read_html(html: str) -> tuple[str, dict[str, str]]:
    """(article text, metadata) of an HTML page: headline + body, no scripts or navigation."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    meta = _meta_tags(soup)
    headline = _page_title(soup)
    title = meta.get("title") or headline
    host = site_host(soup.get_text("\n"))  # the footer naming it is dropped below
    if host:
        meta["host"] = host
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(attrs={"class": True}) + soup.find_all(attrs={"id": True}):
        if tag.decomposed:
            continue
        marks = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
        if _FURNITURE.search(marks) and _han_count(tag) < 200:
            tag.decompose()
    _drop_link_lists(soup)
    body = soup.body or soup
    text = _block_text(_main_block(body))
    if "date" not in meta:  # a dateline outside the article block (a table cell of its own)
        found = article_meta(_block_text(body))
        meta.update({k: v for k, v in found.items() if k in _DATELINE_KEYS and k not in meta})
    headline = headline or title
    if headline and text.split("\n", 1)[0].strip() != headline:
        text = f"{headline}\n{text}"
    if title:
        meta["title"] = title
    return text, clean_meta(meta)


def _article_id(path: Path, root: Path) -> str:
    if str(path) == STDIN:
        return STDIN
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name


def _check_text(text: str) -> None:
    if not text.strip():
        raise ValueError("no text")
    if not _HAN.search(text):
        raise ValueError("no Chinese text")
    if not has_content(text):
        raise ValueError("only boilerplate (navigation, bylines, footers), no article text")


def _read_bytes(path: Path) -> bytes:
    return sys.stdin.buffer.read() if str(path) == STDIN else path.read_bytes()


def _parse_json_line(line: str) -> tuple[str, dict[str, str], str]:
    """(text, meta, id) of one JSON Lines record; ValueError says what is wrong."""
    try:
        obj = json.loads(line)
    except ValueError as exc:
        raise ValueError(f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no 'text' string")
    ident = obj.get("id")
    usable = isinstance(ident, (str, int)) and not isinstance(ident, bool) and ident != ""
    return text, clean_meta(obj), str(ident) if usable else ""


def _json_records(text: str | Iterable[bytes],
                  fmt: str) -> Iterator[tuple[int, str | ValueError]]:
    """(line number, JSON text) of each record of a JSON Lines file or a JSON array.

    JSON Lines given as byte lines (a file being read) are decoded one by one
    (UTF-8, as the format says), so one bad line is reported by number instead
    of spoiling the file, and a file of any size streams.
    """
    if not isinstance(text, str):
        for lineno, raw in enumerate(text, 1):
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield lineno, ValueError(f"not UTF-8 ({exc.reason} at byte {exc.start})")
                continue
            if line.strip():
                yield lineno, line
        return
    if fmt == "json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            yield exc.lineno, text  # reported as invalid JSON at its line
            return
        for i, obj in enumerate(data if isinstance(data, list) else [data], 1):
            yield i, json.dumps(obj, ensure_ascii=False)
        return
    for lineno, line in enumerate(text.split("\n"), 1):
        if line.strip():
            yield lineno, line


def _read_json(text: str | Iterable[bytes], fmt: str, name: str, ident: str,
               report: ReadReport) -> Iterator[RawArticle]:
    for lineno, record in _json_records(text, fmt):
        where = f"{name}:{lineno}"
        try:
            if isinstance(record, ValueError):
                raise record
            if len(record) > MAX_ARTICLE_BYTES:
                raise ValueError(f"record too large ({len(record) / 2**20:.1f} MB)")
            body, meta, rec_id = _parse_json_line(record)
            if sniff(body, "") == "html":  # a crawler that stored the page itself
                body, page_meta = read_html(body)
                meta = {**page_meta, **meta}
            _check_text(body)
        except ValueError as exc:
            report.skip(where, str(exc))
            continue
        report.count(fmt)
        yield RawArticle(rec_id or f"{ident}:{lineno}", where, body, meta)


def read_file(path: Path, root: Path) -> RawArticle:
    """Read a file holding one article (text or HTML); ValueError says why it is unusable."""
    report = ReadReport()
    articles = list(_read_path(path, root, report))
    if len(articles) != 1 or report.skipped:
        raise ValueError(report.skipped[0][1] if report.skipped else "not one article")
    return articles[0]


def _stream_json_lines(path: Path, name: str, ident: str,
                       report: ReadReport) -> Iterator[RawArticle]:
    before = len(report.skipped) + report.read
    with open(path, "rb") as lines:
        yield from _read_json(lines, "jsonl", name, ident, report)
    if len(report.skipped) + report.read == before:
        raise ValueError("empty file")


def _read_path(path: Path, root: Path, report: ReadReport) -> Iterator[RawArticle]:
    name, ident = str(path), _article_id(path, root)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _stream_json_lines(path, name, ident, report)
        return
    data = _read_bytes(path)
    if not data.strip():
        raise ValueError("empty file")
    if suffix != ".json" and len(data) > MAX_ARTICLE_BYTES:
        raise ValueError(f"too large for one article ({len(data) / 2**20:.1f} MB, limit "
                         f"{MAX_ARTICLE_BYTES // 2**20} MB; split it or use JSON Lines)")
    m = _CHARSET.search(data[:4096])
    text, encoding = decode(data, m.group(1).decode("ascii") if m else "")
    fmt = sniff(text, suffix)
    if fmt in ("jsonl", "json"):
        yield from _read_json(text, fmt, name, ident, report)
        return
    meta: dict[str, str] = {}
    if fmt == "html":
        text, meta = read_html(text)
    _check_text(text)
    report.count(fmt, encoding)
    yield RawArticle(ident, name, text, meta)


def read_articles(inputs: Iterable[str | Path], report: ReadReport) -> Iterator[RawArticle]:
    """Yield every readable article under ``inputs``, recording skips in ``report``."""
    return read_files(find_files(inputs), report)


def read_files(files: Iterable[tuple[Path, Path]], report: ReadReport) -> Iterator[RawArticle]:
    """``read_articles`` over (file, root) pairs already found by ``find_files``: a
    build counts them first for its progress bar, and a folder of 100,000 files is
    not walked twice."""
    for path, root in files:
        try:
            yield from _read_path(path, root, report)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            report.skip(str(path), reason)
