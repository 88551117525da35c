"""Recall on the meetings of sector bodies and public institutions: forms a held-out set of
教育局, 卫健委, university, county-hospital, 文旅局, 科协, 供销社, city-SOE and two-bureau
联席会议 articles showed the grammar missed.

Each test states a form in sentences written for it (people invented; places of other
regions, levels and years than that set), with the facts it must give, next to a near form
that must give nothing of the kind.
"""

from __future__ import annotations

from tests.extract_helpers import extract_text, facts, held, post_in, posts, spoke


def dates(text: str, **meta: str) -> set[str]:
    return {o for _, p, o in facts(text, **meta) if p == "date"}


# ------------------------------------- 1. a short name declared between a body and its act

def test_a_convener_declared_with_a_short_name_is_called_by_it():
    text = ("5月8日上午,昆明市发展和改革委员会(以下简称“市发改委”)召开党组会议。"
            "市发改委党组书记、主任杨立平主持会议。")
    assert held(text) == {("昆明市发改委", "昆明市发改委党组会议")}
    assert ("杨立平", "昆明市发改委党组书记") in posts(text)
    assert "2023-05-08" in dates(text, date="2023-05-09")


def test_two_bureaus_one_declared_with_a_short_name_both_hold_their_joint_meeting():
    text = ("3月2日,湛江市生态环境局与湛江市农业农村局(以下简称“市农业农村局”)在市生态环境局"
            "联合召开农业面源污染防治工作联席会议。市生态环境局局长黎志强、市农业农村局局长梁丽华共同主持"
            "会议。")
    got = facts(text, date="2021-03-03")
    meetings = {o for _, p, o in got if p == "held"}
    assert len(meetings) == 1
    assert {s for s, p, _ in got if p == "held"} == {"湛江市生态环境局", "湛江市农业农村局"}
    assert {s for s, p, _ in got if p == "presided"} == {"黎志强", "梁丽华"}
    assert {o for _, p, o in got if p == "date"} == {"2021-03-02"}


def test_titles_right_after_a_declared_short_name_are_the_declaring_bodys():
    text = ("9月5日,贵阳市工业投资(集团)有限公司(以下简称“贵阳工投集团”)党委书记、董事长"
            "姚振华主持召开集团党委会议。")
    got = posts(text, date="2024-09-06")
    assert ("姚振华", "贵阳市工业投资(集团)有限公司党委书记") in got
    assert ("姚振华", "贵阳市工业投资(集团)有限公司董事长") in got
    assert not {p for _, p in got if p.startswith((")", "有限公司"))}


def test_titles_after_a_declared_short_name_of_a_bureau_are_the_bureaus():
    text = ("4月3日,遵义市供销合作社(以下简称“市供销社”)党组书记、理事会主任付建国主持召开"
            "党组会议。")
    assert ("付建国", "遵义市供销社党组书记") in posts(text, date="2016-04-05")


def test_a_meeting_named_as_subject_before_its_declared_short_name_is_still_the_subject():
    text = ("3月28日上午,宁夏大学第五届教职工代表大会第二次会议(以下简称“教代会”)"
            "在学术交流中心开幕。")
    assert dates(text, date="2019-03-28") == {"2019-03-28"}


def test_a_declared_short_name_that_is_no_body_names_nothing():
    text = ("会议传达学习了《关于加强基层治理体系和治理能力现代化建设的意见》"
            "(以下简称“意见”)。")
    assert not held(text)


# ------------------------------------- 2. a 供销合作社, its 理事会, 监事会 and sections

def test_a_supply_cooperative_its_councils_and_sections():
    text = ("4月3日,遵义市供销合作社(以下简称“市供销社”)党组书记、理事会主任付建国主持召开"
            "党组会议。市供销社党组成员、理事会副主任罗娟,党组成员、监事会主任冉德明出席会议,"
            "合作指导科科长杨帆列席会议。")
    got = posts(text, date="2016-04-05")
    assert {("付建国", "遵义市供销社党组书记"), ("付建国", "遵义市供销社理事会主任"),
            ("罗娟", "遵义市供销社理事会副主任"), ("冉德明", "遵义市供销社党组成员"),
            ("冉德明", "遵义市供销社监事会主任"),
            ("杨帆", "遵义市供销社合作指导科科长")} <= got
    assert ("遵义市供销社理事会主任", "遵义市供销社理事会") in post_in(text, date="2016-04-05")
    assert held(text, date="2016-04-05") == {("遵义市供销社党组", "遵义市供销社党组会议")}


def test_a_council_chair_at_a_party_committees_meeting_is_no_cooperatives():
    text = "6月1日,安顺市委召开常委会会议。市委书记王林主持会议。理事会主任陈某列席会议。"
    assert not {p for _, p in posts(text) if "供销社" in p}


# ------------------------------------- 3. ranks named whole

def test_a_rank_is_named_whole():
    text = ("7月9日,泉州市商务局召开党组会议。市商务局党组书记、局长黄志明主持会议。"
            "市商务局副局长、三级调研员苏丽娟,四级调研员洪文出席会议。")
    got = posts(text)
    assert ("苏丽娟", "泉州市商务局三级调研员") in got
    assert ("洪文", "泉州市商务局四级调研员") in got
    assert not {p for _, p in got if p.endswith("局调研员")}


# ------------------------------------- 4. sections and divisions of a body

def test_a_bureaus_section_named_in_full_after_another_bureaus_head():
    text = ("8月6日,漳州市文化和旅游局召开全市文化旅游工作会议。市文旅局局长陈海主持会议。"
            "长泰区文化体育和旅游局局长林美、市文旅局资源开发科科长郑华作交流发言。")
    got = posts(text)
    assert ("郑华", "漳州市文旅局资源开发科科长") in got
    assert not {p for _, p in got if "旅游局市" in p}


def test_a_commissions_divisions_named_after_its_self_word():
    text = ("10月12日,绍兴市卫生健康委员会召开党委会议。市卫健委党委书记、主任金国强主持会议。"
            "委机关规划发展与信息化处处长宋佳、委办公室主任何平列席会议。")
    got = {(s, p.replace("卫生健康委", "卫健委")) for s, p in posts(text)}
    assert ("宋佳", "绍兴市卫健委规划发展与信息化处处长") in got
    assert ("何平", "绍兴市卫健委办公室主任") in got


def test_a_bureaus_office_named_after_its_self_word():
    text = ("3月4日,株洲市教育局召开党组会议。局党组书记、局长谭峰主持会议。"
            "局办公室主任刘芳通报了有关情况。")
    assert ("刘芳", "株洲市教育局办公室主任") in posts(text)


def test_a_hospitals_own_sections_at_its_own_meeting():
    text = ("5月6日,眉山市人民医院召开院长办公会。院长、党委副书记王健主持会议,党委委员、"
            "工会主席李梅出席会议,医务部主任张伟、护理部主任赵敏、设备科科长钱军列席会议。")
    got = posts(text)
    assert {("张伟", "眉山市人民医院医务部主任"), ("赵敏", "眉山市人民医院护理部主任"),
            ("钱军", "眉山市人民医院设备科科长")} <= got


def test_a_universitys_schools_at_its_own_meeting():
    text = ("11月3日下午,学校党委常委会在行政楼召开。党委书记宋立主持会议。经济与管理学院院长"
            "邱明、药学院院长方芳列席会议。")
    got = posts(text, source="兰州大学新闻网")
    assert ("邱明", "兰州大学经济与管理学院院长") in got
    assert ("方芳", "兰州大学药学院院长") in got


def test_a_companys_departments_at_its_own_meeting():
    text = ("成都城投集团召开党委会议\n6月18日,成都城投集团召开党委会议。"
            "集团党委书记、董事长冯涛主持会议,集团财务部部长曾静、审计部部长罗强列席会议。")
    got = posts(text)
    assert ("曾静", "成都城投集团财务部部长") in got
    assert ("罗强", "成都城投集团审计部部长") in got


def test_a_bare_section_at_a_party_committees_meeting_is_nobodys():
    text = "6月1日,安顺市委召开常委会会议。市委书记王林主持会议。护理部主任陈某列席会议。"
    assert not {p for _, p in posts(text) if "护理部" in p and p != "护理部主任"}


# ------------------------------------- 5. bare party posts of the meeting's body

def test_a_bare_party_member_opening_a_run_after_another_person_is_the_meeting_bodys():
    text = ("7月2日,大理州卫生健康委员会召开党委会议。州卫健委党委书记、主任段华主持会议。"
            "委党委委员、副主任杨青,党委委员、州疾病预防控制中心主任李云出席会议。")
    got = posts(text)
    assert ("李云", "大理州卫健委党委委员") in got \
        or ("李云", "大理州卫生健康委党委委员") in got
    assert ("李云", "大理州疾病预防控制中心主任") in got


def test_a_bare_party_member_at_a_place_committees_meeting_makes_no_committee_of_it():
    text = "6月1日,安顺市委召开常委会会议。市委书记王林主持会议。党委委员陈某列席会议。"
    assert not {p for _, p in posts(text) if "市委党委" in p}


def test_a_resident_team_named_with_its_sender_keeps_it_as_its_other_name():
    text = ("2月20日,南宁市教育局召开党组会议。局党组成员、市纪委监委驻市教育局纪检监察组组长"
            "黄敏出席会议。")
    assert ("黄敏", "驻南宁市教育局纪检监察组组长") in posts(text)
    held_post = next(f for f in extract_text(text) if f.predicate == "holds"
                     and f.object.label == "驻南宁市教育局纪检监察组组长")
    assert held_post.object.surface == "南宁市纪委监委驻南宁市教育局纪检监察组组长"


# ------------------------------------- 6. a bulletin's closing stamp dates it

def test_a_closing_office_and_day_give_the_meetings_year():
    text = ("县供销社召开党组会议\n3月2日,武冈市供销社召开党组会议,研究春耕农资供应工作。\n"
            "(武冈市供销社办公室 2009年3月3日)")
    assert dates(text) == {"2009-03-02"}


def test_a_day_in_brackets_inside_the_text_dates_nothing():
    text = ("3月2日,武冈市供销社召开党组会议,研究落实《春耕工作方案》(2009年3月1日印发)。\n"
            "会议要求抓好落实。")
    assert dates(text) == {"--03-02"}


# ------------------------------------- 7. speaking at the meeting

MEETING = ("9月1日,惠州市人民医院召开院长办公会。院长黄涛主持会议,副院长陈静、"
           "副院长吴刚、工会主席周丽出席会议。\n会议听取了有关情况汇报。\n")


def test_explaining_a_matter_to_the_meeting_is_speaking():
    assert "陈静" in spoke(MEETING + "陈静就下一步任务分工作了说明。")
    assert "吴刚" in spoke(MEETING + "吴刚对制度修订情况进行了说明。")
    assert "周丽" in spoke(MEETING + "周丽就加强职工关爱提出了意见。")


def test_criticism_of_someone_or_work_done_is_no_speech():
    assert "陈静" not in spoke(MEETING + "陈静对有关科室进行了批评。")
    assert "吴刚" not in spoke(MEETING + "吴刚在医院工作了十年。")


def test_the_chairs_statement_opening_a_sentence_is_a_speech_but_no_strangers():
    assert "黄涛" in spoke(MEETING + "黄涛表示,要持续改善服务流程。")
    assert "郑宏" not in spoke(MEETING + "郑宏表示,要持续改善服务流程。")


def test_a_report_made_for_a_body_in_a_paragraph_of_its_own():
    text = ("4月20日上午,西南大学第六届教职工代表大会第一次会议开幕。校长张卫国出席。\n"
            "张卫国代表学校作《学校工作报告》,回顾了一年来的工作。")
    got = facts(text, date="2015-04-21")
    assert ("张卫国", "spokeAt") in {(s, p) for s, p, _ in got}
    assert "学校工作报告" in {o for _, p, o in got if p == "discussed"}


def test_a_bare_role_at_a_departments_own_party_group_meeting_is_the_departments():
    text = ("市财政局召开党组会议\n发布时间:2020-06-10\n6月9日,宜昌市财政局党组书记、局长"
            "熊伟主持召开局党组会议。局党组成员、副局长周涛,局党组成员、纪检组长韩丽出席会议。")
    assert ("韩丽", "宜昌市财政局纪检组长") in posts(text)
