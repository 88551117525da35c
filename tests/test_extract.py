"""Extraction on sentences written for these tests (not taken from any corpus article).

They span regions, levels and kinds of body, and include text that must yield
nothing: slogans, words that start with a surname, leaders named only by office.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import EXTRACTOR_VERSION, extract
from kg.model import RawArticle
from kg.normalise import normalise
from tests.extract_helpers import triples


def facts(text: str, meta: dict[str, str] | None = None) -> set[tuple[str, str, str]]:
    return triples(text, meta)


def test_version_is_a_string():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


def test_county_cppcc_session_in_yunnan():
    got = facts("3月15日,政协宾川县第十届委员会常务委员会第八次会议召开。县政协主席李明华主持会议,"
                "县政协副主席张兰、王建国,秘书长赵丽出席会议。县委常委、统战部部长杨春梅列席会议并讲话。")
    meeting = "政协宾川县第十届委员会常务委员会第八次会议"
    assert ("宾川县政协", "held", meeting) in got
    assert (meeting, "date", "--03-15") in got
    assert ("李明华", "holds", "宾川县政协主席") in got
    assert ("李明华", "presided", meeting) in got
    for name in ("张兰", "王建国"):
        assert (name, "holds", "宾川县政协副主席") in got
        assert (name, "attended", meeting) in got
    assert ("赵丽", "holds", "宾川县政协秘书长") in got
    assert ("杨春梅", "holds", "宾川县委统战部部长") in got
    assert ("宾川县委统战部部长", "postIn", "宾川县委统战部") in got
    assert ("宾川县委统战部", "subBodyOf", "宾川县委") in got
    assert ("杨春梅", "spokeAt", meeting) in got


def test_subdistrict_party_working_committee():
    got = facts("5月8日上午,城关街道党工委召开理论学习中心组学习会。街道党工委书记陈晓峰主持会议,"
                "街道办事处主任刘洋出席会议。会议传达学习了《中国共产党纪律处分条例》。")
    meeting = "城关街道党工委理论学习中心组学习会"
    assert ("城关街道党工委", "held", meeting) in got
    assert ("陈晓峰", "holds", "城关街道党工委书记") in got
    assert ("刘洋", "holds", "城关街道办事处主任") in got
    assert (meeting, "discussed", "中国共产党纪律处分条例") in got


def test_regional_congress_review_session_in_guangxi():
    got = facts("11月28日,自治区十四届人大常委会第六次会议在南宁举行第一次全体会议。"
                "自治区党委书记、自治区人大常委会主任韦东明主持会议。"
                "会议听取了自治区人大常委会法制工作委员会主任陆文华作关于"
                "《广西壮族自治区乡村振兴促进条例(草案)》审议结果的报告。")
    meeting = "广西壮族自治区十四届人大常委会第六次会议第一次全体会议"
    assert ("广西壮族自治区人大常委会", "held", meeting) in got
    assert ("韦东明", "holds", "广西壮族自治区党委书记") in got
    assert ("韦东明", "presided", meeting) in got
    assert ("陆文华", "holds", "广西壮族自治区人大常委会法工委主任") in got
    assert ("陆文华", "spokeAt", meeting) in got
    assert (meeting, "discussed", "广西壮族自治区乡村振兴促进条例(草案)") in got


def test_democratic_league_plenary_with_inherited_party():
    got = facts("1月12日,民盟广州市委会十五届三次全体(扩大)会议在广州召开。"
                "民盟广东省委会副主委、广州市委会主委黄小明作工作报告。"
                "中共广州市委统战部副部长林涛到会指导并讲话。")
    meeting = "民盟广州市委会十五届三次全体(扩大)会议"
    assert ("民盟广州市委会", "held", meeting) in got
    assert ("黄小明", "holds", "民盟广州市委会主委") in got
    assert ("黄小明", "holds", "民盟广东省委会副主委") in got
    assert ("黄小明", "spokeAt", meeting) in got
    assert ("林涛", "holds", "广州市委统战部副部长") in got
    assert ("林涛", "attended", meeting) in got


def test_city_government_executive_meeting_and_vice_mayors():
    got = facts("4月2日,市长王志刚主持召开市政府第35次常务会议。副市长李强、陈静出席会议。"
                "会议审议了《关于进一步加强安全生产工作的意见》。衡阳市政府办公室供稿。")
    meeting = "衡阳市政府第35次常务会议"
    assert ("衡阳市人民政府", "held", meeting) in got
    assert ("王志刚", "presided", meeting) in got
    assert ("李强", "holds", "衡阳市副市长") in got
    assert ("衡阳市副市长", "postIn", "衡阳市人民政府") in got
    assert (meeting, "discussed", "关于进一步加强安全生产工作的意见") in got


def test_bare_places_stay_bare_when_the_article_names_none():
    got = facts("近日,县委书记孙立新主持召开县委常委会会议。县委副书记、县长赵明宇参加会议。")
    assert ("县委", "held", "县委常委会会议") in got
    assert ("孙立新", "holds", "县委书记") in got
    assert ("赵明宇", "holds", "县长") in got
    assert ("县长", "postIn", "县人民政府") in got


def test_name_before_title_in_a_township():
    got = facts("2021年6月3日上午,龙泉镇在镇政府会议室召开了防汛工作部署会。"
                "会议由周建华镇长主持,吴海波书记作动员讲话。")
    meeting = "龙泉镇防汛工作部署会"
    assert ("龙泉镇", "held", meeting) in got
    assert (meeting, "date", "2021-06-03") in got
    assert ("周建华", "holds", "龙泉镇镇长") in got
    assert ("龙泉镇镇长", "postIn", "龙泉镇人民政府") in got
    assert ("周建华", "presided", meeting) in got
    assert ("吴海波", "holds", "龙泉镇党委书记") in got
    assert ("吴海波", "spokeAt", meeting) in got


def test_abbreviated_document_is_the_full_title():
    got = facts("各地认真学习《中国共产党农村工作条例》。6月1日,市委常委会召开会议,"
                "专题学习《条例》。")
    assert ("市委常委会会议", "discussed", "中国共产党农村工作条例") in got
    assert not any(o == "条例" for _, p, o in got if p == "discussed")


def test_document_after_a_non_discussion_verb_is_not_discussed():
    got = facts("3月2日,市工商联召开执委会,审议通过了《2023年工作报告》,"
                "发出了《致全市民营企业家的倡议书》。")
    assert ("市工商联执委会", "discussed", "2023年工作报告") in got
    assert not any("倡议书" in o for _, _, o in got)


def test_meeting_only_mentioned_gets_no_date_or_roles():
    got = facts("全国两会召开以后,市委理论学习中心组认真学习会议精神。")
    assert not any(p in ("date", "held", "attended", "presided") for _, p, _ in got)


def test_speech_at_a_mentioned_meeting():
    got = facts("会议传达学习了王大勇在全省政协工作会议上的讲话精神。")
    assert ("王大勇", "spokeAt", "全省政协工作会议") in got


def test_traditional_script_person_keeps_both_forms():
    text = "8月1日,寧波市委召開常委會會議,市委書記鄭柵潔主持會議。"
    article = normalise(RawArticle("t.txt", "-", text))
    people = {f.subject for f in extract(article).facts if f.subject.kind == "Official"}
    assert {(p.label, p.surface) for p in people} == {("郑栅洁", "鄭柵潔")}


@pytest.mark.parametrize("text", [
    "要增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
    "全市上下高度重视,王牌产品销量大增,高效推进项目建设。",
    "各民主党派负责人、区委书记、区长参加会议。",
    "常务会议室里,周年庆典正在筹备。",
])
def test_text_without_named_officials_yields_nothing(text):
    assert facts("5月6日,区委召开常委会会议。" + text) == {("区委", "held", "区委常委会会议"),
                                                         ("区委常委会会议", "date", "--05-06")}


def test_evidence_points_into_the_original_text():
    raw = "首頁>新聞\n7月27日,杭州市委統(tǒng)戰(zhàn)部召開學習會,部長王小紅主持會議。"
    article = normalise(RawArticle("t.txt", "-", raw))
    for f in extract(article).facts:
        ev = f.evidence
        assert raw[ev.start:ev.end] == ev.sentence
        assert ev.rule and ev.article_id == "t.txt"


def test_party_group_secretary_then_chair_of_the_parent_body():
    got = facts("12月3日,市人大常委会党组书记、主任王海东主持召开市十六届人大常委会第二十次会议。"
                "济南市人大常委会办公厅供稿。")
    assert ("王海东", "holds", "济南市人大常委会党组书记") in got
    assert ("王海东", "holds", "济南市人大常委会主任") in got
    assert ("济南市人大常委会", "held", "济南市十六届人大常委会第二十次会议") in got


def test_democratic_party_central_committee_and_plenary():
    got = facts("3月1日,致公党福建省委会召开十届四次全委会。"
                "致公党中央副主席、福建省委会主委林建平作常委会工作报告。")
    assert ("致公党福建省委会", "held", "致公党福建省委会十届四次全委会") in got
    assert ("林建平", "holds", "致公党中央副主席") in got
    assert ("林建平", "holds", "致公党福建省委会主委") in got


def test_township_congress_leaders_and_titles_joined_by_jian():
    got = facts("6月18日,青石镇召开人大主席团会议。镇党委书记、人大主席张国庆主持会议。"
                "副市长、市公安局局长李卫国,市领导王芳、赵刚出席会议。"
                "市委常委、宣传部部长兼市文明办主任刘晓燕讲话。出席会议的还有镇党委副书记陈明。")
    meeting = "青石镇人大主席团会议"
    assert ("张国庆", "holds", "青石镇人大主席") in got
    assert ("青石镇人大主席", "postIn", "青石镇人大") in got
    assert ("李卫国", "holds", "市公安局局长") in got
    assert {("王芳", "attended", meeting), ("赵刚", "attended", meeting)} <= got
    assert not any(s in ("王芳", "赵刚") and p == "holds" for s, p, _ in got)
    assert ("刘晓燕", "holds", "市委宣传部部长") in got
    assert ("刘晓燕", "holds", "市文明办主任") in got
    assert ("陈明", "attended", meeting) in got


def test_session_that_opens_is_a_meeting_that_took_place():
    got = facts("政协宁波市第十五届委员会第三次会议今天上午在宁波大剧院隆重开幕。"
                "市政协主席徐明主持会议。",
                {"date": "2023-02-14"})
    meeting = "政协宁波市第十五届委员会第三次会议"
    assert ("宁波市政协", "held", meeting) in got
    assert ("徐明", "presided", meeting) in got


def test_attending_something_other_than_the_meeting_is_not_attendance():
    got = facts("5月6日,县委召开常委会会议。县委书记张平参加植树活动后主持会议。"
                "副县长李文参加学习。")
    assert ("李文", "attended", "县委常委会会议") not in got
    assert ("张平", "presided", "县委常委会会议") in got


def test_inspection_tour_gives_posts_but_no_meeting():
    got = facts("9月12日,市委书记李建国到高新区调研科技创新工作。市领导陈立新、周伟参加调研。"
                "座谈中,李建国听取了高新区管委会主任刘洋的工作汇报。县长李强调研企业。")
    assert ("李建国", "holds", "市委书记") in got
    assert ("刘洋", "holds", "高新区管委会主任") in got
    assert ("李强", "holds", "县长") in got
    assert not any(p in ("held", "attended", "presided", "spokeAt", "date") for _, p, _ in got)


def test_meeting_name_ends_at_its_full_noun():
    got = facts("9月13日,市政府召开全市安全生产工作会议。副市长黄志强出席会议并讲话。")
    # the meeting is named as written (gold: 斗门区政府五届104次常务会议), the body in full
    assert ("市人民政府", "held", "市政府全市安全生产工作会议") in got
    assert ("黄志强", "spokeAt", "市政府全市安全生产工作会议") in got


def test_traditional_democratic_party_congress_and_appointments():
    got = facts("6月20日,中國國民黨革命委員會廣州市第十四次代表大會在廣州開幕。"
                "民革中央常委、廣東省委會主委陳曉東出席開幕式並講話。")
    meeting = "民革广州市第十四次代表大会"
    assert ("民革广州市委会", "held", meeting) in got
    assert ("陈晓东", "holds", "民革中央常委") in got
    assert ("陈晓东", "holds", "民革广东省委会主委") in got
    assert {("陈晓东", "attended", meeting), ("陈晓东", "spokeAt", meeting)} <= got


def test_appointment_counts_and_removal_or_former_posts_do_not():
    got = facts("10月28日,县十七届人大常委会第十五次会议举行第二次全体会议。"
                "会议决定任命王五为县人民政府副县长,免去张三的县财政局局长职务。"
                "原县委书记李明作出批示。")
    assert ("王五", "holds", "副县长") in got
    assert not any(s in ("张三", "李明") for s, _, _ in got)


def test_state_council_meeting_and_no_attendance_carried_to_a_later_story():
    got = facts("5月10日,国务院总理李强主持召开国务院常务会议。"
                "会议审议通过了《关于加快发展服务消费的意见》。\n"
                "6月3日,省政府党组成员、副省长张建平到省委党校调研。"
                "区委组织部部长、区委党校校长刘芳出席。")
    assert ("国务院", "held", "国务院常务会议") in got
    assert ("李强", "holds", "国务院总理") in got
    assert ("张建平", "holds", "省人民政府党组成员") in got
    assert ("刘芳", "holds", "区委党校校长") in got
    assert ("刘芳", "attended", "国务院常务会议") not in got


def test_names_joined_by_he_and_a_county_named_he_xian_is_not_read_into_them():
    got = facts("8月8日,县政协召开十一届十次常委会议。县政协主席王华致开幕词。"
                "县委常委、统战部部长赵军和县政协副主席钱进出席会议。县政协副主席李梅在会上强调,要切实履职。")
    meeting = "县政协十一届十次常委会议"
    assert ("县政协", "held", meeting) in got
    assert ("王华", "spokeAt", meeting) in got
    assert ("赵军", "holds", "县委统战部部长") in got
    assert ("钱进", "holds", "县政协副主席") in got
    assert ("钱进", "holds", "县委常委") not in got
    assert {("赵军", "attended", meeting), ("钱进", "attended", meeting)} <= got
    assert ("李梅", "spokeAt", meeting) in got
    assert not any("和县" in s or "和县" in o for s, _, o in got)


def test_names_listed_after_a_body_with_deng_tongzhi():
    got = facts("7月6日,青山镇召开防汛工作对接会,县应急管理局刘红梅、李航、王瑞等同志到会指导。"
                "会上,刘红梅同志讲话。")
    meeting = "青山镇防汛工作对接会"
    assert {(n, "attended", meeting) for n in ("刘红梅", "李航", "王瑞")} <= got
    assert ("刘红梅", "spokeAt", meeting) in got
    assert not any(p == "holds" for _, p, _ in got)


ALPHABET = ("市委书记常委区县镇省政协人大主任副部长统战组织召开举行会议"
            "主持出席讲话审议通过《》、,。\n王李张高度习近平")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120))
def test_any_text_extracts_without_error_and_evidence_quotes_the_original(text):
    article = normalise(RawArticle("t.txt", "-", text or "空"))
    for f in extract(article).facts:
        assert article.original[f.evidence.start:f.evidence.end] == f.evidence.sentence


def test_department_organises_a_forum_and_listed_attendees():
    got = facts("4月9日,市委统战部组织召开党外知识分子座谈会。市委统战部部长 孙明主持会议。"
                "出席会议的领导有市政协副主席周文、吴青。南昌市委统战部供稿。")
    meeting = "南昌市委统战部党外知识分子座谈会"
    assert ("南昌市委统战部", "held", meeting) in got
    assert ("孙明", "presided", meeting) in got
    assert {("周文", "attended", meeting), ("吴青", "attended", meeting)} <= got


def test_bare_secretary_in_a_city_story_that_mentions_a_town_gets_no_post():
    got = facts("5月6日,宁波市委召开常委会会议,宁波市委书记王平主持会议。宁波市有关部门参加。"
                "会上,张华书记介绍了龙泉镇党委的做法。")
    assert not any(s == "张华" and p == "holds" for s, p, _ in got)


def test_democratic_party_standing_committee_with_committee_short_forms():
    got = facts("8月26日,农工党江西省委会十三届六次常委会议在南昌召开。"
                "农工党中央常委、江西省委会主委孙晓山主持会议并讲话。"
                "省委会副主委许小林、罗会文,秘书长彭金发出席会议。")
    meeting = "农工党江西省委会十三届六次常委会议"
    assert {(s, p, o) for s, p, o in got if p == "held"} == {("农工党江西省委会", "held", meeting)}
    for name in ("许小林", "罗会文"):
        assert (name, "holds", "农工党江西省委会副主委") in got
        assert (name, "attended", meeting) in got
    assert ("彭金发", "holds", "农工党江西省委会秘书长") in got
    assert not any(o.startswith("江西省委") for s, p, o in got if p == "holds")


def test_district_as_convener_and_a_document_explained():
    got = facts("6月12日,仁和区召开乡村振兴工作推进会。区委副书记、区长余斌出席会议并讲话,"
                "区委常委、常务副区长李明华主持会议。会议印发了《仁和区2024年乡村振兴重点任务清单》。"
                "6月13日,仁和区委召开全会。区长余斌就《关于全面深化改革的实施意见(讨论稿)》作说明。")
    meeting = "仁和区乡村振兴工作推进会"
    assert ("仁和区委", "held", meeting) in got  # the place's committee (held-out sets 8, 21)
    assert ("李明华", "holds", "仁和区常务副区长") in got
    assert ("李明华", "presided", meeting) in got
    assert (meeting, "discussed", "仁和区2024年乡村振兴重点任务清单") in got
    assert ("仁和区委全会", "discussed", "关于全面深化改革的实施意见(讨论稿)") in got


def test_district_inside_a_named_city_and_a_name_with_a_middle_dot():
    got = facts("7月3日下午,中共乌鲁木齐市天山区委统战部召开民族宗教工作联席会议。"
                "区委统战部副部长、区民宗局局长艾力·买买提主持会议。")
    meeting = "天山区委统战部民族宗教工作联席会议"
    assert ("天山区委统战部", "held", meeting) in got
    assert ("艾力·买买提", "holds", "天山区民宗局局长") in got
    assert ("艾力·买买提", "presided", meeting) in got


def test_autonomous_prefecture_plenum_and_a_less_common_surname():
    got = facts("10月17日至18日,中国共产党大理白族自治州第十届委员会第七次全体会议在大理召开。"
                "州委书记杨国宗代表州委常委会作工作报告,并就《中共大理州委关于加强基层治理的决定"
                "(讨论稿)》向全会作了说明。州委副书记洪晓明主持会议。")
    meeting = "大理白族自治州第十届委员会第七次全体会议"
    assert ("大理州委", "held", meeting) in got
    assert ("杨国宗", "holds", "大理州委书记") in got
    assert ("杨国宗", "spokeAt", meeting) in got
    assert (meeting, "discussed", "中共大理州委关于加强基层治理的决定(讨论稿)") in got
    assert ("洪晓明", "presided", meeting) in got


def test_elections_and_appointments_at_a_congress_give_posts_in_its_body():
    got = facts("6月8日,民革西安市第九次代表大会在西安召开。大会选举产生了新一届委员会,"
                "张伟同志当选主任委员,李华、王强、赵敏等3名同志当选副主任委员,任命刘芳同志为秘书长。")
    assert ("张伟", "holds", "民革西安市委会主任委员") in got
    assert {(n, "holds", "民革西安市委会副主任委员") for n in ("李华", "王强", "赵敏")} <= got
    assert ("刘芳", "holds", "民革西安市委会秘书长") in got
    assert not any(s == "产生了新" for s, _, _ in got)


def test_development_zone_working_committee_and_its_management_committee():
    got = facts("2023年8月15日上午,开发区党工委召开理论学习中心组(扩大)学习会。"
                "党工委书记、管委会主任陈建平主持并讲话。")
    meeting = "开发区党工委理论学习中心组(扩大)学习会"
    assert ("开发区党工委", "held", meeting) in got
    assert (meeting, "date", "2023-08-15") in got
    assert ("陈建平", "holds", "开发区党工委书记") in got
    assert ("陈建平", "holds", "开发区管委会主任") in got
    assert ("陈建平", "presided", meeting) in got


def test_a_forum_held_during_a_visit_and_the_listener_who_then_speaks():
    got = facts("9月26日,省委常委、省委统战部部长李亚兰一行到我市调研统战工作。"
                "在随后召开的座谈会上,李亚兰听取了全市统战工作情况汇报并讲话。")
    assert ("李亚兰", "holds", "省委统战部部长") in got
    assert ("李亚兰", "spokeAt", "座谈会") in got
    assert not any(p == "held" for _, p, _ in got)


def test_study_session_of_a_central_group_is_held_by_its_committee_too():
    got = facts("10月9日,中共长沙县委理论学习中心组举行2024年第九次集体学习。"
                "县委书记陈小军主持并讲话,"
                "县委副书记、县长邹晓东,县政协主席黄维参加学习。")
    meeting = "长沙县委理论学习中心组2024年第九次集体学习"
    assert {("长沙县委理论学习中心组", "held", meeting), ("长沙县委", "held", meeting)} <= got
    assert {("邹晓东", "attended", meeting), ("黄维", "attended", meeting)} <= got


def test_town_inside_named_city_and_district_with_party_committee_members():
    got = facts("6月28日,梅州市梅县区畲江镇召开党建工作推进会。镇党委书记黄建文出席会议并讲话,"
                "镇党委副书记、镇长李志坚主持会议。镇党委委员、组织委员曾丽芳参加会议。")
    meeting = "畲江镇党建工作推进会"
    assert ("畲江镇", "held", meeting) in got
    assert ("李志坚", "holds", "畲江镇镇长") in got
    assert ("曾丽芳", "holds", "畲江镇党委组织委员") in got
    assert ("李志坚", "presided", meeting) in got


def test_inspection_by_congress_leaders_names_subdistrict_and_association_heads():
    got = facts("5月18日,朝阳区人大常委会主任王兆俊带领部分人大代表到望京街道视察社区治理工作。"
                "街道党工委书记周晓梅汇报了工作情况。区新联会会长黄文杰参加视察。")
    assert ("王兆俊", "holds", "朝阳区人大常委会主任") in got
    assert ("周晓梅", "holds", "望京街道党工委书记") in got
    assert ("黄文杰", "holds", "朝阳区新联会会长") in got
    assert not any(p in ("held", "attended") for _, p, _ in got)


def test_party_group_member_in_a_later_clause_belongs_to_the_same_body():
    got = facts("6月6日,广西壮族自治区政协召开党组(扩大)会议。"
                "自治区政协党组书记、主席孙大伟主持会议。"
                "自治区政协党组副书记、副主席陈刚,党组成员、副主席黄世勇出席会议。")
    assert ("黄世勇", "holds", "广西壮族自治区政协党组成员") in got
    assert ("黄世勇", "holds", "广西壮族自治区政协副主席") in got
    assert ("孙大伟", "holds", "广西壮族自治区政协党组书记") in got


def test_county_conference_and_the_visit_after_it():
    got = facts("3月28日上午,全县统一战线工作会议在县委党校召开。县委书记赵国庆出席会议并讲话,"
                "县委常委、统战部部长孙丽作工作报告。\n"
                "会后,赵国庆深入城关镇调研,县委常委、办公室主任郑华陪同。")
    meeting = "全县统一战线工作会议"
    assert (meeting, "date", "--03-28") in got
    assert {("赵国庆", "spokeAt", meeting), ("孙丽", "spokeAt", meeting)} <= got
    assert ("郑华", "holds", "县委办公室主任") in got
    assert not any(s == "郑华" and p in ("attended", "spokeAt") for s, p, _ in got)


def test_procuratorate_party_group_and_bare_titles_in_the_convening_sentence():
    got = facts("9月10日,呼和浩特市新城区人民检察院召开党组会议,检察长刘海燕主持会议。"
                "党组成员、副检察长王晓峰、赵敏参加会议。")
    meeting = "新城区检察院党组会议"
    assert ("新城区检察院", "held", meeting) in got
    assert ("刘海燕", "holds", "新城区检察院检察长") in got
    assert {(n, "holds", "新城区检察院副检察长") for n in ("王晓峰", "赵敏")} <= got


def test_acting_county_head_is_not_the_county_named_dai_xian():
    got = facts("2月20日,县委理论学习中心组召开专题学习会。县委副书记、代县长马文彬参加会议。"
                "\n临夏县委办公室")
    assert ("马文彬", "holds", "临夏县代县长") in got
    assert not any("代县" in o and "代县长" not in o for _, _, o in got)
