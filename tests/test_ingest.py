"""Reading articles as users have them: encodings, HTML, JSON Lines, folders, stdin, bad files."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract import extract
from kg.ingest import (
    InputError,
    ReadReport,
    decode,
    find_files,
    read_articles,
    read_html,
    sample_corpus,
)
from kg.normalise import normalise

DEV = Path(__file__).resolve().parent / "fixtures" / "dev"
ARTICLES = sorted(sample_corpus().glob("*.txt")) + sorted(DEV.glob("*.txt"))


def facts_of(raw) -> set[tuple]:
    """Every extracted fact with its evidence, comparable across readings."""
    return {(f.subject, f.predicate, f.object, f.evidence.sentence, f.evidence.start,
             f.evidence.end, f.evidence.rule) for f in extract(normalise(raw)).facts}


def read_all(*inputs) -> tuple[list, ReadReport]:
    report = ReadReport()
    return list(read_articles([str(i) for i in inputs], report)), report


# ---------------------------------------------------------------- encodings


@pytest.fixture(scope="module")
def utf8_facts() -> dict[str, set[tuple]]:
    articles, _ = read_all(*ARTICLES)
    return {Path(a.source).name: facts_of(a) for a in articles}


ENCODINGS = {"utf-8-sig": "utf-8-sig", "gb18030": "gb18030", "gbk": "gbk", "big5": "big5",
             "big5hkscs": "big5hkscs", "utf-16": "utf-16", "utf-16-le (no BOM)": "utf-16-le",
             "utf-16-be (no BOM)": "utf-16-be"}


@pytest.mark.parametrize("label", list(ENCODINGS))
def test_every_encoding_gives_the_facts_of_utf8(label: str, tmp_path: Path,
                                                utf8_facts: dict[str, set[tuple]]) -> None:
    encoding, written = ENCODINGS[label], []
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8-sig")
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue  # Big5 has no simplified characters: those articles cannot be written
        (tmp_path / path.name).write_bytes(data)
        written.append(path.name)
    assert len(written) >= 3
    articles, report = read_all(tmp_path)
    assert report.skipped == []
    assert sorted(Path(a.source).name for a in articles) == sorted(written)
    for article in articles:
        name = Path(article.source).name
        assert article.text == (DEV / name if (DEV / name).exists() else sample_corpus() / name
                                ).read_text(encoding="utf-8-sig")
        assert facts_of(article) == utf8_facts[name], name
    assert any(utf8_facts[name] for name in written)  # the comparison is not vacuous


def _snippets(length: int) -> list[str]:
    lines = [line for path in ARTICLES for line in path.read_text(encoding="utf-8").split("\n")]
    return [line[:length] for line in lines if len(line) >= length]


@pytest.mark.parametrize("length", [6, 12, 40])
def test_gbk_and_big5_are_told_apart_even_in_short_texts(length: int) -> None:
    """The classic trap: GBK bytes often decode as Big5 (and back) without error."""
    tried = 0
    for snippet in _snippets(length):
        for encoding in ("gbk", "big5"):
            try:
                data = snippet.encode(encoding)
            except UnicodeEncodeError:
                continue
            tried += 1
            assert decode(data)[0] == snippet, (encoding, snippet)
    assert tried > 50


def test_declared_charset_of_html_is_honoured() -> None:
    html = '<html><head><meta charset="gb2312"><title>统战部召开会议</title></head></html>'
    assert decode(html.encode("gbk"), "gb2312")[1] == "gb18030"


# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>戴庙镇召开县派第一书记对接会_东平县人民政府</title>
{meta}
<script>var s = "市委召开常委会议";</script><style>p {{ color: red }}</style>
</head><body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">政务公开</a>
</li><li><a href="/b">新闻中心</a></li></ul></div>
<div class="location">当前位置:<a href="/">首页</a> &gt; <a href="/n">乡镇动态</a></div>
<div class="main"><div class="left">
<h1>戴庙镇召开县派第一书记对接会</h1>
<div class="info">{dateline}</div>
<div class="TRS_Editor" id="zoom">
<p>7月6日上午9点,戴庙镇召开县派第一书记对接会,县工作专班刘彩凤等同志到会指导。</p>
<p><img src="a.jpg"></p><p style="text-align:center">会议现场</p>
<p>会议由镇党委组织委员<strong>葛冰</strong>主持,共四项议程。</p>
<p>最后镇党委副书记、镇长米厚章讲意见。</p><!-- 旧版
市委召开常委会议 -->
</div>
<div class="share">分享到:<a>微信</a><a>微博</a></div>
</div>
<div class="right"><h3>相关新闻</h3><ul>
<li><a href="/x">东平县召开统战工作会议部署全年工作任务</a></li>
<li><a href="/y">县委统战部召开民主党派座谈会听取意见建议</a></li></ul></div>
</div>
<nav>县委召开常委会</nav>
<div class="footer"><p>版权所有:东平县人民政府 主办单位:东平县人民政府办公室
备案号:鲁ICP备12345号</p></div>
</body></html>"""


def page(meta: str = "", dateline: str = "") -> str:
    return PAGE.format(meta=meta, dateline=dateline)


def test_html_body_without_scripts_navigation_or_related_links() -> None:
    text, meta = read_html(page())
    lines = text.split("\n")
    assert lines[0] == "戴庙镇召开县派第一书记对接会"
    assert "7月6日上午9点,戴庙镇召开县派第一书记对接会,县工作专班刘彩凤等同志到会指导。" in lines
    assert "会议由镇党委组织委员葛冰主持,共四项议程。" in lines  # inline tags do not break lines
    for gone in ("市委召开常委会议", "color", "政务公开", "当前位置", "东平县召开统战工作会议",
                 "县委召开常委会", "版权所有", "分享到"):
        assert gone not in text
    assert meta["title"] == "戴庙镇召开县派第一书记对接会"


@pytest.mark.parametrize("tag, expected", [
    ('<meta property="article:published_time" content="2019-07-10T09:30:00+08:00">',
     "2019-07-10T09:30"),
    ('<meta name="pubdate" content="2019-07-10">', "2019-07-10"),
    ('<meta name="PubDate" content="2019-07-10 09:30">', "2019-07-10T09:30"),
    ('<meta name="publishdate" content="2019/7/10">', "2019-07-10"),
    ('<meta property="og:release_date" content="2019-07-10">', "2019-07-10"),
    ('<meta itemprop="datePublished" content="2019-07-10">', "2019-07-10"),
    ('<meta name="keywords" content="统战">', ""),
])
def test_html_publication_date_from_meta_tags(tag: str, expected: str) -> None:
    _, meta = read_html(page(meta=tag))
    assert meta.get("date", "") == expected


def test_html_dateline_in_the_page_when_no_meta_tag(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page(dateline="发布时间:2019-07-10 来源:戴庙镇 浏览次数:123"), encoding="utf-8")
    [raw], report = read_all(path)
    article = normalise(raw)
    assert article.meta["date"] == "2019-07-10"
    assert article.meta["source"] == "戴庙镇"
    assert "浏览次数" not in article.text and "会议现场" not in article.text


def test_html_metadata_and_legacy_encoding(tmp_path: Path) -> None:
    meta = ('<meta name="ArticleTitle" content="戴庙镇召开对接会"><meta name="ContentSource" '
            'content="东平县戴庙镇"><meta name="Keywords" content="第一书记,对接会">'
            '<link rel="canonical" href="http://example.org/a.html">')
    html = page(meta=meta).replace('charset="utf-8"', 'charset="gb2312"')
    (tmp_path / "a.htm").write_bytes(html.encode("gbk"))
    [raw], report = read_all(tmp_path)
    assert raw.meta == {"title": "戴庙镇召开对接会", "source": "东平县戴庙镇",
                        "keywords": "第一书记 对接会", "url": "http://example.org/a.html",
                        "host": "东平县人民政府办公室"}  # from the footer the text drops
    assert report.formats == {"html": 1}
    assert report.encodings == {"gb18030": 1}


def test_extension_that_lies_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(page(), encoding="utf-8")
    (tmp_path / "records.txt").write_text(
        json.dumps({"text": "统战部召开会议。", "id": "r1"}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    articles, report = read_all(tmp_path)
    assert report.formats == {"html": 1, "jsonl": 1}
    assert {a.id for a in articles} == {"page.txt", "r1"}
    assert all("<" not in a.text for a in articles)


# ---------------------------------------------------------------- JSON Lines


def test_json_lines_with_bad_lines_reported_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "a1", "text": "8月1日,宁波市委召开会议。", "url": "http://x.cn/1",
         "title": "宁波市委召开会议", "date": "2016年8月1日", "source": "宁波日报"},
        "{not json",
        {"text": "杭州市委统战部召开学习会。"},
        ["a", "list"],
        {"title": "no text here"},
        {"id": 7, "text": "市委常委会召开。", "date": "soon", "keywords": ["统战", "会议"]},
    ]
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)
                              for x in lines) + "\n\n", encoding="utf-8")
    articles, report = read_all(path)
    assert [a.id for a in articles] == ["a1", "feed.jsonl:3", "7"]
    assert articles[0].meta == {"url": "http://x.cn/1", "title": "宁波市委召开会议",
                                "date": "2016-08-01", "source": "宁波日报"}
    assert articles[2].meta == {"keywords": "统战 会议"}  # an unreadable date is dropped
    assert articles[0].source == f"{path}:1"
    assert [where for where, _ in report.skipped] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    reasons = [reason for _, reason in report.skipped]
    assert reasons[0].startswith("invalid JSON") and "not a JSON object" == reasons[1]
    assert reasons[2] == "no 'text' string"
    assert report.read == 3


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "x", "text": "市委召开会议。"},
                                {"id": "y", "text": "区委召开会议。"}], ensure_ascii=False))
    articles, _ = read_all(path)
    assert [a.id for a in articles] == ["x", "y"]


# ---------------------------------------------------------------- folders and stdin


def test_folders_are_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("统战部召开会议。", encoding="utf-8")
    html = "<html><body><p>区委召开会议。</p></body></html>"
    (tmp_path / "a" / "b" / "two.html").write_text(html, encoding="utf-8")
    (tmp_path / "a" / "b" / "skip.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "three.txt").write_text("市委召开会议。", encoding="utf-8")
    articles, _ = read_all(tmp_path)
    assert [a.id for a in articles] == ["a/b/two.html", "a/one.txt"]


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "統戰部召開會議。".encode("big5")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [raw], report = read_all("-")
    assert raw.id == "-" and raw.text == "統戰部召開會議。"
    assert report.encodings == {"big5hkscs": 1}


def test_missing_input_and_empty_folder_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        find_files([tmp_path / "nope"])
    with pytest.raises(InputError, match="no article files"):
        find_files([tmp_path])


# ---------------------------------------------------------------- bad input


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\n \n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "undecodable.txt").write_bytes(b"\x80\xff" * 40)
    (folder / "latin.txt").write_text("Only English text here.", encoding="utf-8")
    (folder / "furniture.txt").write_text(
        "首页>新闻中心>统战动态\n分享到:\n编辑:王明\n关键词:统战 会议\n上一篇:某会议\n更多\n",
        encoding="utf-8")
    with open(folder / "huge.txt", "wb") as out:
        chunk = "统战部召开会议,".encode() * 100_000
        for _ in range(25):  # 25 x 2.2 MB, all on one line
            out.write(chunk)
    return folder


def test_each_bad_file_gets_one_reason(bad_folder: Path) -> None:
    articles, report = read_all(bad_folder)
    assert articles == []
    reasons = {Path(path).name: reason for path, reason in report.skipped}
    assert len(report.skipped) == len(reasons) == 7
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert reasons["binary.txt"].startswith("binary file")
    assert reasons["undecodable.txt"].startswith("cannot decode")
    assert reasons["latin.txt"] == "no Chinese text"
    assert reasons["furniture.txt"].startswith("only boilerplate")
    assert reasons["huge.txt"].startswith("too large for one article (52.5 MB")


def run_kg(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_build_warns_per_bad_file_and_goes_on(bad_folder: Path, tmp_path: Path) -> None:
    good = bad_folder / "good.txt"
    good.write_bytes((DEV / "d02.txt").read_text(encoding="utf-8").encode("gb18030"))
    done = run_kg("build", str(bad_folder), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 7
    assert all(str(bad_folder) in line for line in warnings)
    assert "Traceback" not in done.stderr
    summary = done.stderr.strip().splitlines()[-1]
    assert summary.startswith("1 articles read, 7 skipped (")
    assert "2 empty file" in summary
    assert (tmp_path / "out" / "kg.ttl").exists()


def test_build_fails_only_when_nothing_could_be_read(bad_folder: Path, tmp_path: Path) -> None:
    (bad_folder / "huge.txt").unlink()
    done = run_kg("build", str(bad_folder), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("kg: error: no article could be read")
    assert "Traceback" not in done.stderr


def test_json_lines_holding_html_pages(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jsonl"
    record = {"url": "http://example.org/a.html", "text": page(
        meta='<meta name="PubDate" content="2019-07-10 09:30">')}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [raw], _ = read_all(path)
    assert raw.meta["url"] == "http://example.org/a.html"
    assert raw.meta["date"] == "2019-07-10T09:30"
    assert "<p>" not in raw.text and "葛冰主持" in raw.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_or_any_ascii(encoding: str) -> None:
    for text in ("统战部召开会议", "統戰部召開會議。", "会议"):
        assert decode(text.encode(encoding)) == (text, "utf-16")


def test_json_lines_with_a_line_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"text": "统战部召开会议。"}, ensure_ascii=False).encode("utf-8")
    bad = json.dumps({"text": "统战部召开会议。"}, ensure_ascii=False).encode("gbk")
    path.write_bytes(b"\n".join([good, bad, good]))
    articles, report = read_all(path)
    assert [a.id for a in articles] == ["mixed.jsonl:1", "mixed.jsonl:3"]
    # 统战 in GBK (CD B3 D5 BD) happen to be valid UTF-8; 部 (B2 BF) at byte 14 is not
    assert report.skipped == [(f"{path}:2", "not UTF-8 (invalid start byte at byte 14)")]


def test_html_table_layout_with_the_dateline_in_another_cell() -> None:
    html = """<html><head><title>区委召开常委会_某某区政府网</title></head><body><table>
<tr><td><a href="/">首页</a> | <a href="/x">新闻</a> | <a href="/y">公开</a></td></tr>
<tr><td class="title">区委召开常委会</td></tr>
<tr><td>时间:2020-01-05 来源:区委办</td></tr>
<tr><td class="bt_content">1月5日,区委书记赵峻岭主持召开区委常委会。<br>会议研究讨论了
《政府工作报告(讨论稿)》。<br>区委副书记安文哲参加会议。</td></tr>
<tr><td>版权所有:某某区人民政府 备案号:蒙ICP备123号</td></tr></table></body></html>"""
    text, meta = read_html(html)
    assert text.split("\n") == [  # the source line break inside a sentence is no break
        "区委召开常委会", "1月5日,区委书记赵峻岭主持召开区委常委会。",
        "会议研究讨论了《政府工作报告(讨论稿)》。", "区委副书记安文哲参加会议。"]
    assert meta == {"title": "区委召开常委会", "date": "2020-01-05", "source": "区委办"}


def test_empty_json_lines_file(tmp_path: Path) -> None:
    (tmp_path / "none.jsonl").write_text("\n\n", encoding="utf-8")
    _, report = read_all(tmp_path / "none.jsonl")
    assert report.skipped == [(str(tmp_path / "none.jsonl"), "empty file")]
