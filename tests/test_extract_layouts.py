"""Articles in odd layouts read as well as ordinary ones: dates in Chinese numerals, lines
spaced out by OCR, text hard-wrapped by a PDF (held-out set 20's forms; sentences our own)."""

from __future__ import annotations

from tests.extract_helpers import facts


def test_a_date_in_chinese_numerals_dates_the_meeting():
    got = facts("二〇一八年十月二十六日,政协黄山市第七届委员会常务委员会召开第十次会议。"
                "市政协主席程丽华主持会议。")
    assert ("黄山市政协常委会第十次会议", "date", "2018-10-26") in got
    got = facts("十二月三日,县委召开常委会会议。县委书记钱卫东主持会议。",
                date="2021-12-05")
    assert ("县委常委会会议", "date", "2021-12-03") in got


def test_numerals_that_are_not_a_date_give_none():
    got = facts("县委召开十四届三次全会。县委书记钱卫东主持会议。", date="2021-12-05")
    assert not [f for f in got if f[1] == "date"]


def test_an_ocr_spaced_article_reads_like_a_clean_one():
    clean = ("2016年4月12日,黔西县人大常委会召开第三十次会议。县人大常委会主任罗永忠主持会议。"
             "县委常委、常务副县长宋德明列席会议并讲话。")
    spaced = ("2016年4月12日 , 黔西县人大常委会召开第三十次会议 。 县人大常委会主任 罗 永 忠 "
              "主 持 会 议 。\n县 委 常 委 、 常 务 副 县 长 宋 德 明 列 席 会 议 并 讲 话 。")
    assert facts(spaced) == facts(clean)
    assert ("宋德明", "holds", "黔西县常务副县长") in facts(clean)


def test_a_hard_wrapped_article_reads_like_a_clean_one():
    clean = ("市政府召开常务会议\n"
             "5月9日,市长吕建国主持召开市政府第十二次常务会议,研究部署安全生产和防汛工作。副市长"
             "韩冰、何立新,市政府秘书长谢文出席会议。市应急管理局局长田野汇报了全市安全生产形势,"
             "市水利局局长范少华汇报了防汛准备情况。会议强调,要压紧压实各方责任,全面排查整治"
             "各类风险隐患,确保全市安全生产形势持续稳定。\n")
    wrapped = ("市政府召开常务会议\n"
               "5月9日,市长吕建国主持召开市政府第十二次常务\n"
               "会议,研究部署安全生产和防汛工作。副市长韩冰、何\n"
               "立新,市政府秘书长谢文出席会议。市应急管理局局\n"
               "长田野汇报了全市安全生产形势,市水利局局长范少\n"
               "华汇报了防汛准备情况。会议强调,要压紧压实各方\n"
               "责任,全面排查整治各类风险隐患,确保全市安全生\n"
               "产形势持续稳定。\n")
    meta = {"source": "淄博日报", "date": "2013-05-10"}
    assert facts(wrapped, **meta) == facts(clean, **meta)
    assert {"韩冰", "何立新"} <= {s for s, p, _ in facts(clean, **meta) if p == "attended"}


def test_surnames_of_the_borderlands_start_names():
    got = facts("3月8日,延吉市政协召开主席会议。市政协主席玄永哲主持会议。"
                "市政协副主席寸丽华出席会议。")
    assert ("玄永哲", "presided", "延吉市政协主席会议") in got
    assert ("寸丽华", "holds", "延吉市政协副主席") in got


NOTICE = ("4月10日,市科协召开九届五次全委会议。\n"
          "主持人:市科协党组书记、常务副主席 许文涛\n"
          "出席会议的市领导\n"
          "副市长 冯佳怡\n"
          "市政协副主席 段立新\n"
          "会议议程\n"
          "1. 市科协主席郝建平作工作报告;\n"
          "2. 审议通过《市科协2022年工作要点》;\n"
          "3. 冯佳怡讲话。\n"
          "会后,段立新调研了科技馆建设。\n")


def test_fields_and_header_lists_name_the_chair_and_those_present():
    got = facts(NOTICE, source="淮安日报", date="2022-04-11")
    meeting = "淮安市科协九届五次全委会议"
    assert {("许文涛", "presided", meeting), ("冯佳怡", "attended", meeting),
            ("段立新", "attended", meeting)} <= got
    assert ("郝建平", "attended", meeting) not in got  # an agenda item, not the list


def test_agenda_items_go_on_about_the_meeting():
    got = facts(NOTICE, source="淮安日报", date="2022-04-11")
    meeting = "淮安市科协九届五次全委会议"
    assert {("郝建平", "spokeAt", meeting), ("冯佳怡", "spokeAt", meeting),
            (meeting, "discussed", "市科协2022年工作要点")} <= got
    assert ("段立新", "spokeAt", meeting) not in got


def test_a_field_outside_any_meeting_names_nobody_present():
    got = facts("主持人:王小丫\n出席嘉宾\n张立\n")
    assert not [f for f in got if f[1] in ("presided", "attended")]


def test_speech_verbs_with_their_objects_apart():
    got = facts("4月2日,县人大常委会召开第五次会议。县人大常委会主任黄国安主持会议。"
                "副县长李卫东代表县政府就秸秆禁烧工作讲了话。黄国安在会议结束时强调,要抓好落实。"
                "县委副书记孙健代表县委向会议表示热烈祝贺。")
    meeting = "县人大常委会第五次会议"
    assert {(n, "spokeAt", meeting) for n in ("李卫东", "黄国安", "孙健")} <= got
