"""Recall on working meetings of government and party bodies: forms a held-out set of
常务会议, 常委会会议, 党组 study sessions, 视频会议, 调度会, 办公会议 and inspection tours
ending in a 座谈会 showed the grammar missed.

Each test states a form in sentences written for it (people invented; places of other
regions, levels and years than that set), with the facts it must give, next to a near form
that must give nothing of the kind.
"""

from __future__ import annotations

from tests.extract_helpers import attended, facts, held, posts, spoke


def meetings(text: str, **meta: str) -> set[str]:
    return {s for s, p, _ in facts(text, **meta) if p == "date"} \
        | {o for _, p, o in facts(text, **meta) if p in ("presided", "attended", "spokeAt")}


def dates(text: str, **meta: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in facts(text, **meta) if p == "date"}


# ------------------------------------------------ 1. a paper naming itself in the byline

def test_a_paper_naming_itself_before_xun_gives_bare_city_titles_their_city():
    text = ("全市防汛工作视频会议召开\n"
            "开封日报讯 6月2日上午,全市防汛工作视频会议召开。市委副书记、市长赵明远出席会议并讲话。"
            "副市长孙立平主持会议。")
    got = posts(text)
    assert ("赵明远", "开封市长") in got or ("赵明远", "开封市市长") in got
    assert ("孙立平", "开封市副市长") in got


def test_a_byline_of_this_paper_names_no_city():
    text = ("全市防汛工作视频会议召开\n"
            "本报讯 6月2日上午,全市防汛工作视频会议召开。副市长孙立平主持会议。")
    assert ("孙立平", "副市长") in posts(text)


# ------------------------------------------------ 2. 我市 under a city paper's masthead

def test_wo_shi_under_a_city_masthead_is_that_city_though_a_visitor_is_named_more():
    text = ("广东省佛山市委书记欧阳志率佛山市党政代表团来我市考察,"
            "佛山市代表团参观了佛山市援建项目。"
            "市委书记马国庆会见代表团一行。佛山市副市长黄振华、市委副书记、市长刘建新参加会见。"
            "代表团还参观了德州运河文化馆。")
    got = posts(text, source="德州日报")
    assert ("欧阳志", "佛山市委书记") in got
    assert ("马国庆", "德州市委书记") in got


def test_wo_shi_without_a_masthead_keeps_the_city_named_most():
    text = ("广东省佛山市委书记欧阳志率佛山市党政代表团来我市考察,"
            "佛山市代表团参观了佛山市援建项目。"
            "市委书记马国庆会见代表团一行。")
    assert ("马国庆", "佛山市委书记") in posts(text)


# ------------------------------------------------ 3. a 座谈会 chaired on an inspection tour

TOUR = ("发布时间:2019-09-12\n9月10日至11日,省委常委、市委书记、市人大常委会主任、"
        "某军分区党委第一书记周德胜深入建始县调研,并于11日下午在建始县主持召开座谈会。"
        "座谈会上,建始县委书记田兴国汇报了全县工作情况。")


def test_a_tour_forum_is_named_after_the_county_it_met_in_on_its_own_day():
    got = facts(TOUR)
    assert ("周德胜", "presided", "建始县座谈会") in got
    assert ("建始县座谈会", "date", "2019-09-11") in got
    assert ("田兴国", "spokeAt", "建始县座谈会") in got
    assert not any("军分区党委座谈会" in str(f) for f in got)


def test_a_tour_forum_in_no_named_place_is_the_secretarys_committees_not_a_concurrent_posts():
    text = ("发布时间:2019-09-12\n9月11日,省委常委、州委书记、州人大常委会主任、"
            "恩施军分区党委第一书记"
            "周德胜深入建始县调研,并主持召开座谈会。座谈会上,建始县委书记田兴国汇报了全县工作情况。")
    got = facts(text, source="恩施日报")
    assert ("周德胜", "presided", "恩施州委座谈会") in got
    assert ("恩施州委", "held", "恩施州委座谈会") in got


def test_a_county_head_convenes_for_the_government_though_also_deputy_secretary():
    text = "发布时间:2019-09-12\n9月11日,县委副书记、县长吴明主持召开座谈会。"
    assert held(text, source="安吉新闻网") == {("安吉县人民政府", "安吉县政府座谈会")}


def test_a_forum_chaired_in_a_town_is_named_after_it():
    text = ("发布时间:2019-09-12\n9月11日,区委书记周德胜在白沙洲镇主持召开座谈会。"
            "座谈会上,村党支部书记田兴国汇报了工作。")
    assert ("周德胜", "presided", "白沙洲镇座谈会") in facts(text)


def test_a_forum_chaired_in_a_room_keeps_the_chairs_body():
    text = ("发布时间:2019-09-12\n9月11日,市委书记周德胜在市委会议室主持召开座谈会。"
            "座谈会上,田兴国汇报了工作。")
    assert not any(o.startswith("市委会议室") for _, _, o in facts(text))


# ------------------------------------------------ 4. a department's own 党组 meeting

DEPT = ("厅党组理论学习中心组开展2023年第三次集体学习\n"
        "浙江省交通运输厅 2023-04-14\n"
        "4月13日,厅党组理论学习中心组开展2023年第三次集体学习。厅党组书记、厅长林建国主持学习并讲话。"
        "本次学习邀请省委党校经济学教研部主任、教授何文静作专题辅导报告。\n"
        "厅党组成员、副厅长陈晓东,厅党组成员、总工程师王慧参加学习并作交流发言。"
        "厅机关各处室主要负责同志列席学习。")


def test_a_departments_own_story_gives_its_party_group_and_its_bare_titles_its_name():
    got = facts(DEPT)
    meeting = "浙江省交通运输厅党组理论学习中心组2023年第三次集体学习"
    assert ("浙江省交通运输厅党组", "held", meeting) in got
    assert ("林建国", "holds", "浙江省交通运输厅党组书记") in got
    assert ("林建国", "holds", "浙江省交通运输厅厅长") in got
    assert ("王慧", "holds", "浙江省交通运输厅总工程师") in got
    assert ("陈晓东", "holds", "浙江省交通运输厅党组成员") in got
    assert {"陈晓东", "王慧"} <= attended(DEPT)
    assert {"林建国", "何文静", "陈晓东", "王慧"} <= spoke(DEPT)


def test_a_story_about_a_department_from_elsewhere_leaves_bare_titles_bare():
    text = ("市委召开常委会会议\n宁波日报 2023-04-14\n4月13日,市委召开常委会会议。"
            "厅党组书记林建国出席会议。")
    assert not any("交通运输厅" in o for _, _, o in facts(text))


def test_a_departments_party_group_meeting_and_its_resident_team_take_its_name():
    text = ("厅党组召开扩大会议\n来源:江西省水利厅\n3月2日,厅党组书记、厅长刘志刚主持召开"
            "厅党组(扩大)会议。驻厅纪检监察组组长黄梅列席会议。")
    got = facts(text)
    assert ("江西省水利厅党组", "held", "江西省水利厅党组(扩大)会议") in got
    assert ("黄梅", "holds", "驻江西省水利厅纪检监察组组长") in got


# ------------------------------------------------ 5. 区长办公会议, 市委市政府

def test_a_head_office_meeting_is_the_governments_named_with_its_place():
    text = ("发布时间:2011-05-20\n5月19日,区委副书记、区长杨立新主持召开区长办公会议,"
            "研究旧城改造工作。副区长周敏出席会议。")
    got = facts(text, source="鼓楼区人民政府网")
    assert ("鼓楼区人民政府", "held", "鼓楼区区长办公会议") in got
    assert ("周敏", "attended", "鼓楼区区长办公会议") in got
    assert not any(s.endswith("长办") for s, _, _ in got)


def test_party_and_government_written_together_convene_jointly():
    text = "发布时间:2021-07-20\n7月19日,市委市政府召开全市防汛工作会议。市委书记王刚主持会议。"
    got = held(text, source="新乡日报")
    assert {b for b, _ in got} == {"新乡市委", "新乡市人民政府"}


def test_a_government_alone_is_no_joint_convener():
    text = "发布时间:2021-07-20\n7月19日,市政府召开全市防汛工作会议。市长李华主持会议。"
    assert {b for b, _ in held(text, source="新乡日报")} == {"新乡市人民政府"}


# ------------------------------------------------ 6. 随后举行的座谈会, a list cut by ;

VISIT = ("两市举行合作交流座谈会\n发布时间:2025-05-21\n"
         "5月20日,湖北省宜昌市委书记钱志华率宜昌市党政代表团来我市考察。"
         "市委书记韩东会见代表团一行,并出席两市合作交流座谈会。\n"
         "随后举行的座谈会由市委副书记、市长孔亮主持。钱志华介绍了宜昌市发展情况。\n"
         "宜昌市委常委、秘书长马骏,宜昌市副市长孟雪;市委常委、秘书长齐峰,市政协副主席吕红参加座谈。")


def test_a_forum_held_afterwards_is_the_one_named_in_full_before_that_day():
    got = facts(VISIT, source="绍兴日报")
    meeting = "两市合作交流座谈会"
    assert ("孔亮", "presided", meeting) in got
    assert (meeting, "date", "2025-05-20") in got
    assert {"马骏", "孟雪", "齐峰", "吕红"} <= attended(VISIT, source="绍兴日报")
    assert "韩东" in attended(VISIT, source="绍兴日报")  # 并出席…, before it was held


def test_signing_at_the_forum_is_attending_it():
    text = ("发布时间:2022-08-10\n8月9日,市政府召开校企合作座谈会。市长王军主持会议。\n"
            "座谈会上,双方签署了《战略合作框架协议》。副市长李东和某大学副校长张华分别代表双方签约。")
    assert {"李东", "张华"} <= attended(text, source="襄阳日报")


def test_signing_in_a_paragraph_about_something_else_is_not_attending():
    text = ("发布时间:2022-08-10\n8月9日,市政府召开校企合作座谈会。市长王军主持会议。\n"
            "今年以来,副市长李东代表市政府与多家企业签约。")
    assert "李东" not in attended(text, source="襄阳日报")


def test_a_bare_forum_stays_bare_when_two_forums_were_named_before():
    text = ("发布时间:2025-05-21\n5月20日,他出席青年企业家座谈会,又出席老干部座谈会。"
            "随后举行的座谈会由市长孔亮主持。")
    assert "青年企业家座谈会" not in meetings(text)


# ------------------------------------------------ 7. the speeches of a working meeting

def test_arrangements_made_and_a_briefing_heard_are_speeches():
    text = ("发布时间:2016-04-12\n4月11日,县委召开常委会会议。县委书记杨光主持会议。"
            "会议听取了县应急管理局局长罗斌关于一季度安全生产形势的通报。\n"
            "县委副书记、县长邓华就做好防汛工作作了具体安排。")
    assert {"罗斌", "邓华"} <= spoke(text)


def test_a_briefing_received_by_someone_else_is_no_speech_of_theirs():
    text = ("发布时间:2016-04-12\n4月11日,县委召开常委会会议。县委书记杨光主持会议。"
            "县长邓华收到了群众关于道路的来信。")
    assert "邓华" not in spoke(text)


def test_a_yi_surname_after_a_title_is_a_name():
    text = ("发布时间:2013-03-09\n3月8日,县委召开常委会会议。县委书记杨光主持会议。"
            "县政协主席者文昌出席会议。")
    assert "者文昌" in attended(text)
