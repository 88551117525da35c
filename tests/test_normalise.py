"""Normalisation of real scrape noise, with the map back to the original text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import sample_corpus
from kg.model import RawArticle
from kg.normalise import (
    _LINE_BREAK,
    _fold_width,
    _read_dictionary,
    article_meta,
    has_content,
    normalise,
    normalise_text,
    split_sentences,
    to_simplified,
)

DEV = Path(__file__).resolve().parent / "fixtures" / "dev"


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


def norm(s: str) -> str:
    return normalise_text(s)[0]


# ---------------------------------------------------------------- pinyin


@pytest.mark.parametrize("noisy, clean", [
    ("統(tǒng)戰(zhàn)部", "统战部"),
    ("學(xué)習(xí)會(huì)", "学习会"),
    ("區(qū)委", "区委"),
    ("鎮(zhèn)長", "镇长"),
    ("統(tong)戰(zhan)部", "统战部"),            # without tone marks
    ("統戰(tǒng zhàn)部", "统战部"),             # two syllables in one annotation
    ("首頁(yè)>黨派", ""),                       # a breadcrumb, once its pinyin is gone
])
def test_pinyin_annotations_are_removed(noisy: str, clean: str) -> None:
    assert norm(noisy) == clean


@pytest.mark.parametrize("kept", [
    "理论学习中心组(扩大)学习会", "《条例(试行)》", "规划(2016—2017年)", "各县(市)区委",
    "(记者 张三)", "《决定(草案)》", "《政府工作报告(讨论稿)》", "《清单(送审稿)》",
    "侨(台)工委", "世界贸易组织(WTO)", "移动应用(app)", "人工智能(AI)", "红山区工商联(总商会)",
])
def test_real_parentheses_are_kept(kept: str) -> None:
    assert norm(f"会议审议{kept}等文件。") == f"会议审议{kept}等文件。"


# ---------------------------------------------------------------- punctuation, width, spaces


@pytest.mark.parametrize("noisy, clean", [
    ("会议,,审议", "会议,审议"),
    ("《甲》,、《乙》", "《甲》、《乙》"),
    ("工作规则》,。市委", "工作规则》。市委"),
    ("市委常委,、组织部长", "市委常委、组织部长"),
    ("任务,;二是", "任务;二是"),
    ("会议,,,审议", "会议,审议"),
    ("会议,,审议", "会议,审议"),            # full-width commas
    ("重要、、工作。。", "重要、工作。"),
    ("会议(扩大):审议", "会议(扩大):审议"),   # full-width forms become ASCII
    ("参加会议。 市各民主党派", "参加会议。市各民主党派"),
    ("\u3000\u3000会议指出,要加强", "会议指出,要加强"),
    ("会议 , 要求", "会议,要求"),
    ("提能善为 着力提高", "提能善为 着力提高"),  # a single separating space stays
    ("周联清  陈冬", "周联清 陈冬"),
])
def test_punctuation_width_and_spaces(noisy: str, clean: str) -> None:
    assert norm(noisy) == clean


def test_doubled_punctuation_in_a_real_article() -> None:
    text = norm(text_of(sample_corpus() / "001_29bd2c50f032fca0.txt"))
    for pair in (",,", ",、", ",。", "、,", "。,"):
        assert pair not in text
    assert "审议《中共宁波市委统战工作领导小组成员单位职责分工》、《贯彻落实" in text


# ---------------------------------------------------------------- script


def test_traditional_becomes_simplified() -> None:
    assert to_simplified("寧波市委統戰工作領導小組") == "宁波市委统战工作领导小组"
    assert norm("會議審議《條例(試行)》") == "会议审议《条例(试行)》"


@pytest.mark.parametrize("simplified", [
    "著名的乾隆皇帝", "於姓干部", "覆盖全市", "一目了然", "征求意见", "宫商角徵羽", "回复意见",
    "后来发展", "余红艺讲话",
])
def test_simplified_text_is_left_alone(simplified: str) -> None:
    assert to_simplified(simplified) == simplified
    assert to_simplified(f"统战部召开会议,{simplified}") == f"统战部召开会议,{simplified}"


def test_ambiguous_characters_convert_on_traditional_lines_only() -> None:
    assert to_simplified("會議於上午舉行,學習乾淨的作風") == "会议于上午举行,学习干净的作风"
    assert to_simplified("會議舉行\n於姓干部发言") == "会议举行\n於姓干部发言"


def test_conversion_keeps_length_so_offsets_stay_one_for_one() -> None:
    for path in sorted(DEV.glob("*.txt")) + sorted(sample_corpus().glob("*.txt")):
        original = text_of(path)
        assert len(to_simplified(original)) == len(original)


# ---------------------------------------------------------------- boilerplate and metadata


def test_boilerplate_lines_become_metadata() -> None:
    original = text_of(sample_corpus() / "002_c0506a55f0690070.txt")
    article = normalise(RawArticle("002", "002", original))
    assert article.meta["date"] == "2017-03-11T22:22"
    assert article.meta["source"] == "荆楚统战"
    assert article.meta["editor"] == "李晨阳"
    assert article.meta["keywords"] == "统战工作 提高 网络 培训"
    assert article.meta["title"] == "提能善为 着力提高湖北统战工作科学化水平"
    for gone in ("首页>", "分享到", "编辑:", "关键词:", "来源:", "\n更多"):
        assert gone not in article.text
    assert article.text.startswith("提能善为 着力提高湖北统战工作科学化水平\n春天里的布局")
    assert article.text.endswith("就看大伙的了!")


def test_traditional_article_metadata() -> None:
    meta = article_meta(text_of(DEV / "d07.txt"))
    assert meta["title"] == "民革西安市委会第八次代表大会召开"
    assert meta["editor"] == "张佳琪"
    assert meta["keywords"] == "西安市 市委 民革"
    meta = article_meta(text_of(sample_corpus() / "003_8c7ef1c8e8c43d29.txt"))
    assert meta["title"] == "把握要求积极作为 推动基层统战工作创新发展"
    assert meta["editor"] == "孙莉姗"


def test_dateline_gives_the_year() -> None:
    article = normalise(RawArticle("d06", "d06", text_of(DEV / "d06.txt")))
    assert article.meta["date"] == "2019-07-10"
    assert article.meta["title"] == "戴庙镇召开县派第一书记对接会"
    assert "2019-07-10" not in article.text
    assert article.text.split("\n")[1].startswith("7月6日上午9点,戴庙镇召开")


def test_bylines_become_authors() -> None:
    d01 = normalise(RawArticle("d01", "d01", text_of(DEV / "d01.txt")))
    assert d01.meta["author"] == "郑昭 朱子微"
    assert d01.text.startswith("28日,省十四届人大常委会第十次会议在福州举行第一次全体会议。")
    d08 = normalise(RawArticle("d08", "d08", text_of(DEV / "d08.txt")))
    assert d08.meta["author"] == "潘柠杏"
    assert d08.text.startswith("1月5日,区人大常委会主任杨国权")


def test_source_in_parentheses_at_the_end() -> None:
    original = text_of(sample_corpus() / "004_d1a781b63b15c682.txt")
    article = normalise(RawArticle("004", "004", original))
    assert article.meta["source"] == "张掖市委统战部"
    assert "来源" not in article.text


@pytest.mark.parametrize("caption", [
    "会议现场", "座谈会现场", "(图为会议现场,张三 摄)", "新华社记者 张三 摄", "▲会议现场"])
def test_photo_captions_are_dropped(caption: str) -> None:
    assert norm(f"统战部召开会议。\n{caption}\n会议要求各部门抓好落实。") == \
        "统战部召开会议。\n会议要求各部门抓好落实。"


@pytest.mark.parametrize("name, gone", [
    ("d05.txt", "会议现场"),
    ("d04.txt", "上一篇"),
    ("d10.txt", "版权所有"),
    ("d10.txt", "备案号"),
    ("d09.txt", "关键词"),
])
def test_page_furniture_is_dropped(name: str, gone: str) -> None:
    assert gone not in norm(text_of(DEV / name))


@pytest.mark.parametrize("line", [
    "会议强调,要把版权所有人的合法权益保护好。",
    "市委编辑出版了学习材料,来源广泛。",
    "会议指出,上一篇章已经翻过,更多工作还在后面。",
    "2019年7月10日,戴庙镇召开县派第一书记对接会。",
    "会议现场气氛热烈,大家纷纷发言。",
    "主办单位负责人在会上作了发言。",
])
def test_content_lines_with_boilerplate_words_stay(line: str) -> None:
    text = f"统战部召开会议。\n{line}\n会议要求各部门抓好落实。"
    assert line in norm(text)


def test_only_boilerplate_has_no_content() -> None:
    assert not has_content("首页>新闻中心\n分享到:\n编辑:王明\n关键词:统战\n更多\n")
    assert has_content("首页>新闻中心\n统战部召开会议。\n编辑:王明")


# ---------------------------------------------------------------- lines and sentences


def test_line_broken_mid_sentence_is_joined() -> None:
    text = norm(text_of(DEV / "d12.txt"))
    assert "召开了全镇村(社区)“两委”换届选举工作会议。" in text


def test_headlines_and_paragraphs_stay_separate() -> None:
    text = norm(text_of(sample_corpus() / "000_bc4f9075b34aef7d.txt"))
    lines = text.split("\n")
    assert lines[0] == "杭州市委统战部召开理论中心组学习会"
    assert lines[1] == "以“四个善于”增强“四个意识”、推进“四个化”"
    assert lines[3].startswith("7月27日,杭州市委统战部召开理论学习中心组(扩大)学习会")


def test_sentences_index_the_normalised_text() -> None:
    article = normalise(RawArticle("d11", "d11", text_of(DEV / "d11.txt")))
    assert article.sentences
    for s in article.sentences:
        assert article.text[s.start:s.end] == s.text
    assert article.sentences[0].text == (
        "5月15日,省十三届人大常委会第十八次会议举行第三次全体会议,完成各项议程后,会议闭幕。")


def test_split_sentences_keeps_closing_quotes() -> None:
    got = [s.text for s in split_sentences("他说:“要抓落实。”会议结束。\n散会")]
    assert got == ["他说:“要抓落实。”", "会议结束。", "散会"]


def test_evidence_quotes_the_original() -> None:
    original = text_of(DEV / "d10.txt")
    article = normalise(RawArticle("d10", "d10", original))
    sentence = next(s for s in article.sentences if "谢义维" in s.text)
    start, end = article.original_span(sentence.start, sentence.end)
    quoted = original[start:end]
    assert quoted.startswith("2024年9月13日下午,區(qū)委常委")
    assert quoted.endswith("常務(wù)會議。")


def test_every_corpus_article_maps_back_exactly() -> None:
    for path in sorted(DEV.glob("*.txt")) + sorted(sample_corpus().glob("*.txt")):
        original = text_of(path)
        text, offsets = normalise_text(original)
        check_offsets(original, text, offsets)
        assert norm(text) == text, path.name


# ---------------------------------------------------------------- properties


@lru_cache(maxsize=1)
def _candidates() -> dict[str, set[str]]:
    return {k: set(v) for k, v in _read_dictionary("TSCharacters.txt").items()}


def check_offsets(original: str, text: str, offsets: list[int]) -> None:
    """Each normalised character is its original one, up to width, script and line ends."""
    assert len(offsets) == len(text) + 1
    assert offsets[-1] == len(original)
    assert all(a < b for a, b in zip(offsets, offsets[1:]))
    for i, ch in enumerate(text):
        source = _LINE_BREAK.sub("\n", _fold_width(original[offsets[i]]))
        assert ch == source or ch in _candidates().get(source, ()), (i, ch, source)


TRAD = "統戰部會議審議條例區委書記學習於乾徵寧波黨組織領導"
SIMP = "统战部会议审议条例区委书记学习于干征宁波党组织领导召开了的"
PUNCT = ",,、。;;::!?“”《》()()—"
NOISE = ["(tǒng)", "(zhàn)", "(xué)", "(tong)", ",,", ",、", ",。", "  ", "\u3000", "\n",
         "\n\n", "首页>新闻>", "\n编辑:王明\n", "\n关键词:统战 会议\n", "\n分享到:\n",
         "\n2019-07-10\n", "本报讯 (记者 张三) ", "\n会议现场\n", "\n来源:某网\n",
         "(扩大)", "(试行)", "(2016—2017年)", "\n上一篇:某会议\n", "\r\n", "\r", "\u2029",
         "(AI)", "来源:新华网 时间:2019-07-10", "\n(tǒng)\n", "(记者 张三)"]
pieces = st.one_of(st.text(alphabet=TRAD + SIMP + PUNCT + " 0123456789", min_size=1,
                           max_size=12), st.sampled_from(NOISE))
noisy_texts = st.lists(pieces, max_size=30).map("".join)
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(noisy_texts)
def test_offsets_map_back_to_the_original(original: str) -> None:
    text, offsets = normalise_text(original)
    check_offsets(original, text, offsets)


@PROPERTY
@given(noisy_texts)
def test_normalisation_is_idempotent(original: str) -> None:
    once = norm(original)
    assert norm(once) == once


HANZI = "".join(c for c in SIMP if c not in "召开了的")
clean_sentence = st.lists(st.text(alphabet=HANZI, min_size=1, max_size=8), min_size=1,
                          max_size=5).map("、".join)


@PROPERTY
@given(st.lists(clean_sentence.map(lambda s: s + "。"), min_size=1, max_size=8))
def test_clean_simplified_text_is_unchanged(sentences: list[str]) -> None:
    """Nothing but annotations, duplicates and boilerplate is removed: clean text survives."""
    original = "\n".join(sentences)
    expected = "\n".join(dict.fromkeys(sentences)) if len(set(sentences)) == len(sentences) \
        else None
    text = norm(original)
    if expected is not None:
        assert text == expected
    else:  # a line repeating the line before it is dropped as a duplicate
        assert set(text.split("\n")) == set(sentences)


def test_a_byline_alone_is_not_content() -> None:
    assert not has_content("本报讯 (记者 张三)\n编辑:王明")
    assert norm("本报讯 (记者 张三)\n编辑:王明") == ""


@pytest.mark.parametrize("line, meta", [
    ("2019年07月10日 星期三", {"date": "2019-07-10"}),
    ("来源:新华网 时间:2019-07-10 10:00", {"source": "新华网", "date": "2019-07-10T10:00"}),
    ("作者:张三 责任编辑:李四", {"author": "张三", "editor": "李四"}),
    ("2019-07-10 来源:新华网 作者:张三 编辑:李四 审核:王五",
     {"date": "2019-07-10", "source": "新华网", "author": "张三", "editor": "李四"}),
    ("发布时间:2019-07-10 来源:戴庙镇 浏览次数:123", {"date": "2019-07-10", "source": "戴庙镇"}),
    ("【字号:大 中 小】【打印】【关闭】", {}),
])
def test_meta_lines(line: str, meta: dict[str, str]) -> None:
    body = "统战部召开会议。"
    assert article_meta(f"{line}\n{body}") == meta
    assert norm(f"{line}\n{body}") == body


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2029"])
def test_any_line_ending(newline: str) -> None:
    original = newline.join(["编辑:王明", "统战部召开会议。", "区委召开常委会。", ""])
    text, offsets = normalise_text(original)
    assert text == "统战部召开会议。\n区委召开常委会。"
    check_offsets(original, text, offsets)


BOILERPLATE = ["首页>新闻中心>统战动态", "分享到:", "编辑:王明", "责任编辑:李四",
               "关键词:统战 会议", "来源:某某网", "2019-07-10",
               "2017年03月11日 22:22 | 来源:荆楚统战", "会议现场",
               "上一篇:某某会议召开", "下一篇:某某会议召开", "更多", "原标题:某某会议召开",
               "版权所有:某某人民政府 主办单位:某某办公室 备案号:京ICP备05026010号"]
content_sentence = st.lists(
    st.tuples(st.text(alphabet=HANZI, min_size=2, max_size=8), st.sampled_from(",、")),
    min_size=1, max_size=4).map(lambda parts: "".join(p + s for p, s in parts)[:-1] + "。")


@PROPERTY
@given(st.lists(content_sentence, min_size=1, max_size=6, unique=True), st.data())
def test_exactly_the_noise_is_removed(sentences: list[str], data: st.DataObject) -> None:
    """Clean lines with scrape noise added come back as the clean lines, mapped exactly."""
    lines = []
    for sentence in sentences:
        for _ in range(data.draw(st.integers(0, 2))):
            lines.append(data.draw(st.sampled_from(BOILERPLATE + [""])))
        noisy = sentence
        if data.draw(st.booleans()):
            i = data.draw(st.integers(0, len(noisy) - 2))
            if noisy[i] in HANZI:
                noisy = noisy[: i + 1] + data.draw(st.sampled_from(["(tǒng)", "(zhàn)", "(xue)"])) \
                    + noisy[i + 1:]
        noisy = noisy.replace(",", data.draw(st.sampled_from([",", ",,", ",", ", "])))
        noisy = noisy.replace("、", data.draw(st.sampled_from(["、", ",、", "、,"])))
        lines.append(data.draw(st.sampled_from(["", "\u3000\u3000", "  "])) + noisy)
    original = "\n".join(lines)
    text, offsets = normalise_text(original)
    assert text == "\n".join(sentences)
    check_offsets(original, text, offsets)


def test_links_to_other_articles_under_a_related_news_header_are_dropped():
    text = ("5月6日,嘉兴市委召开常委会会议。市委书记李明主持会议。\n\n"
            "相关新闻:\n嘉兴市政府召开第十二次常务会议\n市人大常委会举行主任会议\n\n"
            "责任编辑:王芳")
    article = normalise(RawArticle("a", "-", text))
    assert "常务会议" not in article.text and "主任会议" not in article.text
    assert "市委书记李明主持会议" in article.text


# ---------------------------------------------------------------- odd layouts


def test_a_line_spaced_out_character_by_character_is_closed_up():
    """OCR and some typesetting put a space after every hanzi: names and titles break."""
    text = norm("2014年5月8日 ， 县 委 书 记 王 立 军 主 持 召 开 县 委 常 委 会 会 议 。\n"
                "会 议 审 议 了《 关 于 加 强 作 风 建 设 的 意 见 （ 草 案 ）》 。")
    assert text == ("2014年5月8日,县委书记王立军主持召开县委常委会会议。\n"
                    "会议审议了《关于加强作风建设的意见(草案)》。")


def test_spaced_names_only_where_the_line_is_spaced_out():
    # words and names set apart by single spaces stay apart (one name each)
    assert norm("出席会议的有:张立新 李海 王晓明 赵刚") == "出席会议的有:张立新 李海 王晓明 赵刚"
    assert norm("奋进新征程 建功新时代") == "奋进新征程 建功新时代"
    # one line spaced out, the next one not: only the first closes up
    spaced = norm("副县长 刘 明 华 出席。\n会议强调 要抓落实")
    assert spaced == "副县长刘明华出席。\n会议强调 要抓落实"


def test_hard_wrapped_text_is_joined_across_its_line_ends():
    """Text from a PDF or a newspaper page breaks every 30-odd characters, inside names too."""
    lines = ["区委常委会召开会议",
             "3月2日,区委书记孙海波主持召开区委常委会会议,传达学",
             "习全省经济工作会议精神。区委副书记、区长周",
             "立群,区委常委吴敏、郑华出席会议。区人大常委会主任",
             "钱学文,区政协主席冯玉兰列席会议。会议审议了《关于",
             "加快县域经济发展的实施意见》。周立群就贯彻落实作了",
             "具体部署。"]
    text = norm("\n".join(lines))
    assert text.split("\n")[0] == "区委常委会召开会议"  # the headline stays a line of its own
    body = text.split("\n", 1)[1]
    assert "\n" not in body
    for joined in ("传达学习全省", "区长周立群", "区人大常委会主任钱学文", "《关于加快县域",
                   "作了具体部署"):
        assert joined in body


def test_lines_that_end_their_paragraphs_are_not_joined():
    text = norm("区委常委会召开会议\n"
                "3月2日,区委书记孙海波主持召开区委常委会会议。\n"
                "区委副书记、区长周立群,区委常委吴敏出席会议\n"
                "会议审议了《关于加快县域经济发展的实施意见》。\n"
                "会议强调,要狠抓落实。\n")
    assert text.count("\n") == 4


def test_markdown_marks_are_removed_and_its_fields_read():
    original = ("# 市总工会召开十五届三次全委会议\n\n"
                "**发布时间**:2024-02-06 09:30 **来源**:市总工会\n\n"
                "2月5日,市总工会十五届三次全委(扩大)会议召开。\n\n"
                "> 会议强调,要**团结动员**广大职工建功立业。\n\n"
                "- 市委常委、组织部部长 陈永刚\n")
    article = normalise(RawArticle("a", "-", original))
    assert article.meta["title"] == "市总工会召开十五届三次全委会议"
    assert article.meta["date"].startswith("2024-02-06")
    assert "要团结动员广大职工建功立业" in article.text
    assert "市委常委、组织部部长 陈永刚" in article.text.split("\n")
    assert not any(mark in article.text for mark in ("#", "**", ">", "- "))
    check_offsets(original, article.text, article.offsets)


def test_a_dated_agency_byline_gives_the_date():
    meta = article_meta("县委召开常委会会议\n张家口日报2018年6月2日讯 6月1日,县委召开常委会会议。")
    assert meta["date"] == "2018-06-02"
    assert "date" not in article_meta("新华社北京3月5日电 国务院召开常务会议。")


def test_a_bylines_day_is_the_reports_day_under_the_page_date():
    meta = article_meta("湖南日报 2018-06-19 第01版\n省委召开会议\n"
                        "本报6月18日讯 今天上午,省委召开会议。")
    assert meta["date"] == "2018-06-18"
    meta = article_meta("某某日报 2019-01-01 第02版\n县委召开会议\n本报12月31日讯 县委召开会议。")
    assert meta["date"] == "2018-12-31"


def test_a_date_in_brackets_closing_the_text_is_its_date():
    meta = article_meta("州委召开会议\n8月22日,州委召开常委会会议。\n"
                        "会议要求,要抓好落实。(2016年8月23日)")
    assert meta["date"] == "2016-08-23"
    assert "date" not in article_meta("会议要求,2016年8月23日前完成。")
