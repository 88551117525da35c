"""Recall on united-front (统战) news: forms a held-out set of 统战部, 工商联, 侨联, 新联会,
religious-circle and 政协 articles showed the grammar missed.

Each test states a form in sentences written for it (people invented; places of other
regions, levels and years than that set), with the facts it must give, next to a near form
that must give nothing of the kind.
"""

from __future__ import annotations

from tests.extract_helpers import attended, facts, held, posts, spoke


def discussed(text: str, **meta: str) -> set[str]:
    return {o for _, p, o in facts(text, **meta) if p == "discussed"}


# ------------------------------------------------ 1. an association's council meets

def test_a_council_session_of_the_new_strata_association_is_its_meeting():
    text = ("发布时间:2024-06-12\n"
            "6月11日,昆明市新的社会阶层人士联谊会(以下简称“市新联会”)三届四次理事会在五华区"
            "召开。市新联会会长、云南某设计院院长周志鹏主持会议。市委统战部副部长刘慧敏出席会议并讲话。"
            "会议审议通过了《昆明市新的社会阶层人士联谊会2024年工作要点》。")
    got = facts(text)
    meeting = "昆明市新的社会阶层人士联谊会三届四次理事会"
    assert ("昆明市新的社会阶层人士联谊会", "held", meeting) in got
    assert (meeting, "date", "2024-06-11") in got
    assert ("周志鹏", "presided", meeting) in got
    assert (meeting, "discussed", "昆明市新的社会阶层人士联谊会2024年工作要点") in got
    assert ("刘慧敏", "spokeAt", meeting) in got


def test_a_standing_council_and_a_presidents_meeting_are_meetings_of_their_association():
    text = ("发布时间:2016-08-24\n8月23日,兰州市欧美同学会召开三届二次常务理事会。"
            "会长陈文杰主持会议。")
    assert held(text) == {("兰州市欧美同学会", "兰州市欧美同学会三届二次常务理事会")}
    text = "发布时间:2016-08-24\n8月23日,兰州市侨商会召开会长会议。会长陈文杰主持会议。"
    assert held(text) == {("兰州市侨商会", "兰州市侨商会会长会议")}


def test_a_council_only_named_is_no_meeting():
    text = ("发布时间:2024-06-12\n"
            "市新联会理事会成员张立平、赵晓雯参加了在五华区举办的公益活动。")
    assert not [f for f in facts(text) if f[1] == "held"]


def test_a_founder_still_names_the_speaker_after_a_known_post():
    text = ("发布时间:2021-09-03\n9月2日,南宁市委统战部召开新的社会阶层人士座谈会。"
            "会上,青秀区新联会会长、跨境电商企业创始人黄俊豪作交流发言。")
    got = facts(text)
    assert ("黄俊豪", "holds", "青秀区新联会会长") in got
    assert ("黄俊豪", "spokeAt", "南宁市委统战部新的社会阶层人士座谈会") in got


# ------------------------------------------------ 2. a 部务会: who relays, studies and speaks

_BUWU = ("发布时间:2020-11-05\n"
         "11月4日,江西省委统战部召开部务会(扩大)会议。省委常委、统战部部长李建华主持会议并讲话。\n"
         "会上,省委统战部常务副部长王晓燕传达了全省组织工作会议精神。与会同志重温了"
         "《中国共产党统一战线工作条例》。省委统战部副部长陈立新、周红梅,一级巡视员孙志强,"
         "省工商联党组书记吴国平出席会议,并结合分管工作谈了学习体会。\n")
_BUWU_MEETING = "江西省委统战部部务会(扩大)会议"


def test_relaying_at_a_department_meeting_is_speaking_there():
    got = facts(_BUWU)
    assert ("王晓燕", "spokeAt", _BUWU_MEETING) in got
    assert ("王晓燕", "attended", _BUWU_MEETING) in got


def test_telling_what_one_learnt_is_speaking_for_everyone_listed():
    assert {"陈立新", "周红梅", "孙志强", "吴国平"} <= spoke(_BUWU)
    assert {"陈立新", "周红梅", "孙志强", "吴国平"} <= attended(_BUWU)


def test_a_rank_in_a_list_after_a_department_post_is_that_departments():
    assert ("孙志强", "江西省委统战部一级巡视员") in posts(_BUWU)
    text = ("发布时间:2017-04-06\n4月5日,贵阳市委统战部召开理论学习中心组学习会。"
            "市委统战部副部长杨帆,二级巡视员罗建军参加学习。")
    assert ("罗建军", "贵阳市委统战部二级巡视员") in posts(text)


def test_reviewing_a_title_again_is_discussing_it():
    assert discussed(_BUWU) == {"中国共产党统一战线工作条例"}


def test_a_speaker_attending_only_is_not_speaking():
    text = _BUWU.replace(",并结合分管工作谈了学习体会", "")
    assert not {"陈立新", "孙志强"} & spoke(text)


def test_a_meeting_urged_on_a_body_is_not_held():
    text = _BUWU + "李建华强调,要及时向省委汇报,推动省委召开全省统战工作会议。"
    assert not [h for h in held(text) if "全省统战工作会议" in h[1]]
    assert ("江西省委统战部", _BUWU_MEETING) in held(text)


def test_a_meeting_spoken_of_as_one_of_its_kind_is_none():
    text = _BUWU + ("李建华指出,全国统战工作会议是在新征程开启之际召开的一次重要会议,"
                    "大会重要讲话为做好新时代统战工作提供了根本遵循。")
    assert {o for s, p, o in facts(text) if s == "李建华" and p == "spokeAt"} == {_BUWU_MEETING}


# ------------------------------------------------ 3. a study session read out in a later paragraph

def test_leading_the_reading_in_a_paragraph_of_its_own_is_at_the_meeting():
    text = ("发布时间:2023-03-09\n3月8日,厦门市委统战部召开理论学习中心组学习会。"
            "市委常委、统战部部长林志刚主持会议并讲话。\n"
            "市委统战部副部长郑美玲领学了《条例》有关内容,并结合工作实际作了辅导。"
            "市委统战部副部长许文斌参加学习。市台联会长陈国栋应邀参加。\n")
    meeting = "厦门市委统战部理论学习中心组学习会"
    got = facts(text)
    assert ("郑美玲", "spokeAt", meeting) in got
    assert {"郑美玲", "许文斌", "陈国栋"} <= attended(text)


def test_a_later_paragraph_without_a_reading_stays_off_the_meeting():
    text = ("发布时间:2023-03-09\n3月8日,厦门市委统战部召开理论学习中心组学习会。"
            "市委常委、统战部部长林志刚主持会议并讲话。\n"
            "此前,市委统战部副部长郑美玲到思明区调研,并结合工作实际作了辅导。\n")
    assert "郑美玲" not in spoke(text)


# ------------------------------------------------ 4. religious associations, 侨联, 工商联

def test_religious_associations_give_their_own_posts():
    text = ("发布时间:2019-10-16\n10月15日,西宁市委统战部召开宗教界人士座谈会。"
            "会上,市伊斯兰教协会会长韩德明、副会长马国祥,市天主教爱国会主任赵恩德,"
            "市基督教两会主席刘恩光先后发言。")
    got = posts(text)
    assert ("马国祥", "西宁市伊斯兰教协会副会长") in got
    assert ("赵恩德", "西宁市天主教爱国会主任") in got
    assert ("刘恩光", "西宁市基督教两会主席") in got
    assert not [p for p in got if p[1].endswith("协会主席") or p[1].endswith("协会主任")]


def test_a_part_time_vice_chair_is_a_post_of_its_own():
    text = ("发布时间:2021-12-30\n12月29日,江门市侨联召开九届三次全委会议。"
            "市侨联副主席李惠芳,兼职副主席黄志勇(印尼江门同乡会会长)、林美华出席会议。")
    got = posts(text)
    assert ("黄志勇", "江门市侨联兼职副主席") in got
    assert ("林美华", "江门市侨联兼职副主席") in got
    assert ("李惠芳", "江门市侨联副主席") in got


def test_a_second_title_in_brackets_leaves_the_chair_to_the_name_after_it():
    text = ("发布时间:2019-01-22\n1月21日,中山市工商联(总商会)召开十二届四次执委会议。"
            "会议由市工商联主席(总商会会长)区志明主持,副市长何建文出席会议。")
    got = facts(text)
    chairs = {s for s, p, _ in got if p == "presided"}
    assert chairs == {"区志明"}
    assert ("区志明", "holds", "中山市工商联主席") in got


# ------------------------------------------------ 5. a 政协 协商会: answers, demands, remarks

_CONSULT = ("发布时间:2025-05-21\n"
            "5月20日,宁波市政协召开专题协商会。市政协主席张立群主持会议并讲话,副市长陈建平出席会议。"
            "市发展改革委主任王海涛、市财政局局长李春燕现场回应。\n")


def test_department_heads_answering_on_the_spot_speak_there():
    assert {"王海涛", "李春燕"} <= spoke(_CONSULT)


def test_asking_things_of_the_meeting_is_speaking_there():
    text = _CONSULT + "陈建平就抓好问题整改提出要求。\n"
    assert "陈建平" in spoke(text)


def test_remarks_in_a_paragraph_of_their_own_are_a_present_persons_speech():
    text = _CONSULT + "陈建平表示,市政府将认真研究吸纳委员们的意见。\n"
    assert "陈建平" in spoke(text)
    absent = _CONSULT + "市人大常委会副主任赵国强表示,要持续关注营商环境。\n"
    assert "赵国强" not in spoke(absent)


def test_what_the_participants_studied_before_the_meeting_is_discussed():
    text = _CONSULT + "会前,与会人员集中学习了《宁波市优化营商环境条例》。\n"
    assert "宁波市优化营商环境条例" in discussed(text)


# ------------------------------------------------ 6. a leading group and its member units

def test_a_leading_group_holds_its_meeting_and_its_units_are_no_person():
    text = ("发布时间:2022-02-18\n17日上午,德清县委统战工作领导小组召开2022年第一次全体会议。"
            "县委书记、领导小组组长王建国主持会议并讲话。王建国强调,领导小组成员单位要各司其职。")
    got = facts(text)
    meeting = "德清县委统战工作领导小组2022年第一次全体会议"
    assert held(text) == {("德清县委统战工作领导小组", meeting)}
    assert not [f for f in got if f[0].startswith("单位")]
