"""Recall on unseen articles (issue #3): forms held-out articles showed the grammar missed.

Each test states a form in sentences written for it (people and places invented,
other provinces and levels, some in traditional script) with the facts it must
give, next to a near form that must give nothing of the kind.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.extract import extract
from kg.model import RawArticle
from kg.normalise import normalise
from tests.extract_helpers import SCORED, people, triples

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from score_fresh import load_expected, score  # noqa: E402

RECALL = Path(__file__).parent / "fixtures" / "recall"
RESULTS = score(RECALL)
#: Known miss: 通报 opening a later paragraph that does not say 会上/会议 is not tied to
#: the meeting (a new paragraph needs an explicit object for a role to count).
KNOWN_MISSES = {("r02", ("赵军", "attended", "会泽县委农村工作领导小组2024年第一次会议"))}


def facts(text: str, date: str = "", **meta: str) -> set[tuple[str, str, str]]:
    return triples(text, {**meta, "date": date} if date else meta, SCORED)


@pytest.mark.parametrize("stem", sorted(load_expected(RECALL / "expected.tsv")))
def test_recall_article_has_no_spurious_fact(stem):
    assert RESULTS[stem]["spurious"] == []


@pytest.mark.parametrize("stem", sorted(load_expected(RECALL / "expected.tsv")))
def test_recall_article_misses_only_known_facts(stem):
    assert {(stem, f) for f in RESULTS[stem]["missed"]} <= KNOWN_MISSES


# --------------------------------------------------------------------------- 1. names

def test_given_name_ending_in_he_tong_yu_before_a_role_verb():
    got = facts("3月5日,勐腊县委召开常委会会议,县委书记赵庆和出席会议并讲话,"
                "县委常委陈立和、周平出席。会议由县委副书记王建同主持。")
    assert ("赵庆和", "holds", "勐腊县委书记") in got
    assert ("赵庆和", "spokeAt", "勐腊县委常委会会议") in got
    listed = people("3月5日,勐腊县委召开常委会会议,县委书记赵庆和出席会议,"
                    "县委常委陈立和、周平出席。会议由县委副书记王建同主持。")
    assert {"赵庆和", "陈立和", "周平", "王建同"} <= listed
    assert not {"赵庆", "陈立", "王建"} & listed


def test_traditional_script_name_ending_in_he():
    got = facts("3月5日,中共勐海縣委召開常委會會議。縣委副書記林慶和出席會議並講話。")
    assert ("林庆和", "attended", "勐海县委常委会会议") in got


def test_a_real_list_joined_by_he_stays_two_people():
    got = people("4月2日,梅州市委召开常委会会议,市委常委李建国和王芳出席会议。")
    assert {"李建国", "王芳"} <= got and "李建国和" not in got
    assert people("会议强调,要同与会人员和同事一道落实。") == set()


def test_he_tong_joining_a_person_to_the_attendees_is_no_name():
    got = people("3月5日,县委召开常委会会议。县委书记李明同出席会议的代表合影留念,"
                 "县长王强和参加会议的企业家座谈。")
    assert {"李明", "王强"} <= got and not {"李明同", "王强和"} & got


def test_rare_surnames_after_a_title():
    got = people("6月3日,元阳县委召开常委会会议,副县长字春华、保国强出席会议,"
                 "县委常委萧明远、纳文学出席。")
    assert {"字春华", "保国强", "萧明远", "纳文学"} <= got


def test_rare_surnames_make_no_names_of_phrases():
    assert people("6月3日,县委召开常委会会议。会议要求,要保障民生,纳入规划,确保稳定,"
                  "线上线下同步推进,虎年春节前完成。") == set()


# --------------------------------------------------------------------------- 2. bare 省 titles

def test_bare_province_titles_take_the_province_of_the_city():
    got = facts("3月5日,三亚市委召开常委会会议。副省长林志强出席会议并讲话,"
                "省委常委、宣传部部长王大明出席。")
    assert ("林志强", "holds", "海南省副省长") in got
    assert ("海南省副省长", "postIn", "海南省人民政府") in got
    assert ("王大明", "holds", "海南省委常委") in got


def test_bare_province_titles_take_the_province_of_the_source():
    got = facts("3月5日,区委召开常委会会议。副省长林志强出席会议。\n来源:海南日报\n")
    assert ("林志强", "holds", "海南省副省长") in got


def test_a_district_name_in_several_provinces_gives_no_province():
    got = facts("3月5日,鼓楼区委召开常委会会议。副省长林志强出席会议。")
    assert ("林志强", "holds", "副省长") in got
    assert not any(o.endswith("省副省长") for _, _, o in got)


def test_bare_party_working_committee_in_a_street_story():
    got = facts("3月5日,城关街道召开党工委会议。"
                "党工委书记王建军主持会议,党工委委员李小明出席会议。")
    assert ("城关街道党工委", "held", "城关街道党工委会议") in got
    assert ("李小明", "holds", "城关街道党工委委员") in got
    assert ("王建军", "presided", "城关街道党工委会议") in got


# --------------------------------------------------------------------------- 3. 和 in body names

def test_department_names_holding_he_are_one_body():
    got = facts("3月5日,平江县委召开常委会会议。县住房和城乡建设局局长李文华,"
                "县人力资源和社会保障局局长陈敏,县工业和信息化局局长赵刚,"
                "县自然资源和规划局局长孙丽,县文化和旅游局局长周强,"
                "县农业农村和水利局局长吴军列席会议。")
    for name, post in (("李文华", "平江县住房和城乡建设局局长"),
                       ("陈敏", "平江县人力资源和社会保障局局长"),
                       ("赵刚", "平江县工业和信息化局局长"), ("孙丽", "平江县自然资源和规划局局长"),
                       ("周强", "平江县文化和旅游局局长"), ("吴军", "平江县农业农村和水利局局长")):
        assert (name, "holds", post) in got
        assert (name, "attended", "平江县委常委会会议") in got
    assert not any(o.startswith(("乡建设", "社会保障", "旅游局")) for _, _, o in got)


def test_provincial_department_with_he_in_traditional_script():
    got = facts("4月8日,中共保山市委召開常委會會議。省住房和城鄉建設廳廳長鄭偉列席會議。")
    assert ("郑伟", "holds", "云南省住房和城乡建设厅厅长") in got


def test_two_departments_joined_by_he_stay_two():
    got = facts("3月5日,平江县委召开常委会会议。县财政局局长李文华和县审计局局长陈敏列席会议。")
    assert ("李文华", "holds", "平江县财政局局长") in got
    assert ("陈敏", "holds", "平江县审计局局长") in got
    assert not any("和" in o for _, p, o in got if p == "holds")


# --------------------------------------------------------------------------- 4. leading groups

GROUP = ("3月5日,会泽县委农村工作领导小组召开2024年第一次会议。县委书记、县委农村工作领导小组"
         "组长李建华主持会议并讲话。县委副书记、县委农村工作领导小组副组长王敏出席会议,"
         "县委农村工作领导小组办公室主任赵军出席。")


def test_leading_group_posts_and_meeting():
    got = facts(GROUP)
    meeting = "会泽县委农村工作领导小组2024年第一次会议"
    assert ("李建华", "holds", "会泽县委农村工作领导小组组长") in got
    assert ("李建华", "holds", "会泽县委书记") in got
    assert ("王敏", "holds", "会泽县委农村工作领导小组副组长") in got
    assert ("赵军", "holds", "会泽县委农村工作领导小组办公室主任") in got
    assert ("会泽县委农村工作领导小组", "held", meeting) in got
    assert ("会泽县委", "held", meeting) not in got  # the group holds its own meeting
    assert ("李建华", "presided", meeting) in got


def test_bare_leading_group_roles_belong_to_the_group_that_meets():
    got = facts("3月5日,会泽县委农村工作领导小组召开会议。领导小组组长张立新主持会议,"
                "领导小组副组长王敏、李强出席。")
    assert ("张立新", "holds", "会泽县委农村工作领导小组组长") in got
    assert ("李强", "holds", "会泽县委农村工作领导小组副组长") in got
    got = facts("3月5日,会泽县委召开常委会会议。领导小组组长张立新出席。")
    assert ("张立新", "attended", "会泽县委常委会会议") in got
    assert not any(p == "holds" for _, p, _ in got)  # which group is not said


def test_study_group_leader_holds_the_groups_post():
    # held-out sets 1, 9 and 10 all annotate a named 中心组's 组长 as a post
    got = facts("7月2日,延吉市委理论学习中心组召开学习会。市委理论学习中心组组长朴成浩主持。")
    assert ("朴成浩", "presided", "延吉市委理论学习中心组学习会") in got
    assert ("朴成浩", "holds", "延吉市委理论学习中心组组长") in got
    assert ("延吉市委理论学习中心组组长", "postIn", "延吉市委理论学习中心组") in got


def test_unknown_role_first_in_the_sequence_keeps_the_person():
    got = facts("3月5日,会泽县委召开常委会会议。驻村工作队队长张立新出席会议。")
    assert ("张立新", "attended", "会泽县委常委会会议") in got
    assert not any(p == "holds" for _, p, _ in got)
    assert people("3月5日,会泽县委召开常委会会议。各村小组长带头发言。") == set()


# --------------------------------------------------------------------------- 5. speaker lists

SPEAKERS = ("3月5日,榕江县委召开全县组织工作会议。\n"
            "县委常委、组织部部长李明,副县长王强先后发言。\n"
            "县委办主任张华、县发改局局长刘涛、县财政局局长陈静等先后作交流发言。\n"
            "副县长赵伟受县人民政府委托作报告。\n"
            "吴刚、郑丽分别作交流发言。\n")


def test_every_listed_speaker_spoke_even_in_a_later_paragraph():
    got = facts(SPEAKERS)
    meeting = "榕江县委全县组织工作会议"
    for name in ("李明", "王强", "张华", "刘涛", "陈静", "赵伟", "吴刚", "郑丽"):
        assert (name, "spokeAt", meeting) in got
    assert ("李明", "holds", "榕江县委组织部部长") in got
    assert "赵伟受" not in people(SPEAKERS)


def test_speakers_in_traditional_script():
    got = facts("3月5日,中共三江縣委召開全縣經濟工作會議。\n韋剛、覃麗分別作交流發言。\n")
    assert {("韦刚", "spokeAt", "三江县委全县经济工作会议"),
            ("覃丽", "spokeAt", "三江县委全县经济工作会议")} <= got


def test_bodies_taking_turns_are_no_speakers():
    assert people("3月5日,榕江县委召开全县组织工作会议。\n各乡镇、各部门分别作交流发言。"
                  "产业、就业先后发言。\n") == set()


# --------------------------------------------------------------------------- 6. 领学 / 通报 / 传达

def test_who_leads_the_reading_or_reports_attended():
    got = facts("5月6日,临夏州委召开理论学习中心组学习会。州委常委、宣传部部长马丽领学了"
                "《中国共产党纪律处分条例》,州委副书记韩军通报了近期工作,"
                "州委秘书长喇勇传达了省委全会精神。")
    meeting = "临夏州委理论学习中心组学习会"
    for name in ("马丽", "韩军", "喇勇"):
        assert (name, "attended", meeting) in got


def test_a_body_that_reports_is_no_attendee():
    got = facts("5月6日,临夏州委召开常委会会议。\n"
                "州纪委通报了典型案例。会议要求传达学习全会精神。\n")
    assert not any(p == "attended" for _, p, _ in got)


# ----------------------------------------------------------------- 7. roles to the right person

def test_chair_named_after_others_presides_alone():
    for text in ("县委副书记王强,县委常委赵刚在主席台就座,会议由县委书记李明主持。",
                 "县委副书记王强,县委常委赵刚出席会议,会议由县委书记李明主持。",
                 "会议由县委书记李明主持,县委副书记王强、县委常委赵刚出席。"):
        got = facts("3月5日,兴仁县委召开全县组织工作会议。" + text)
        chairs = {s for s, p, _ in got if p == "presided"}
        assert chairs == {"李明"}, text


def test_co_chairs_in_one_clause_both_preside():
    got = facts("3月5日,兴仁县委召开全县经济工作会议。县委书记李明,县长王强主持会议。")
    assert {s for s, p, _ in got if p == "presided"} == {"李明", "王强"}


def test_attendance_goes_to_the_article_meeting_not_a_relayed_one():
    for relayed in ("会议传达了全省组织工作会议召开情况。",
                    "会议传达了省委书记王东在全省组织工作会议上的讲话精神。",
                    "會議傳達了全省組織工作會議精神。"):
        got = facts("3月5日,兴仁县委召开常委会会议。" + relayed + "张华、赵丽列席会议。")
        assert ("张华", "attended", "兴仁县委常委会会议") in got, relayed
        assert ("赵丽", "attended", "兴仁县委常委会会议") in got, relayed
        assert not any(p == "attended" and "全省" in o for _, p, o in got)


# ---------------------------------------------------------------- 8. speech at a relayed meeting

def test_speech_relayed_at_the_meeting_goes_to_the_mentioned_meeting():
    got = facts("3月5日,榕江县委召开常委会会议。县委书记李明传达了省委副书记王东"
                "在1月5日召开的全省组织工作会议上的讲话精神。")
    assert ("王东", "spokeAt", "全省组织工作会议") in got
    assert ("李明", "attended", "榕江县委常委会会议") in got
    assert not any(s == "王东" and o == "榕江县委常委会会议" for s, _, o in got)


def test_name_and_role_speaking_elsewhere_get_no_local_post():
    got = facts("3月5日,榕江县委召开常委会会议。會議傳達了王東書記在全省組織工作會議上的講話精神。")
    assert ("王东", "spokeAt", "全省组织工作会议") in got
    assert not any(s == "王东" and p == "holds" for s, p, _ in got)


# --------------------------------------------------------------------------- 9. co-hosts

def test_each_co_host_held_the_meeting():
    meeting = "全省高标准农田建设现场推进会"
    for text in ("5月10日,全省高标准农田建设现场推进会在临沂召开。"
                 "会议由省农业农村厅、临沂市人民政府联合主办。",
                 "5月10日,由省农业农村厅、临沂市人民政府共同主辦的"
                 "全省高标准农田建设现场推进会在临沂召开。"):
        got = facts(text)
        assert ("山东省农业农村厅", "held", meeting) in got, text
        assert ("临沂市人民政府", "held", meeting) in got, text
        assert (meeting, "date", "--05-10") in got


def test_hosts_that_are_no_bodies_or_of_another_event_hold_nothing():
    got = facts("5月10日,全省高标准农田建设现场推进会在临沂召开。会议由各地各部门共同主办。")
    assert not any(p == "held" for _, p, _ in got)
    got = facts("5月10日,全省高标准农田建设现场推进会在临沂召开。"
                "由市委宣传部、市文旅局共同主办的读书节已连续举办三届。")
    assert not any(p == "held" for _, p, _ in got)


def test_a_municipality_district_gives_no_province():
    got = facts("3月5日,渝中区委召开常委会会议。副省长王建出席会议。")
    assert ("王建", "holds", "副省长") in got


# ----------------------------------------------------------------- 10. doubled punctuation

def test_doubled_punctuation_after_the_date_keeps_the_date():
    for text in ("1月17日,,昭通市委召开常委会会议。", "1月17日，，昭通市委召开常委会会议。",
                 "1月17日、,昭通市委召开常委会会议。", "1月17日,;昭通市委召开常委会会议。",
                 "1月17日下午；，昭通市委召开常委会会议。"):
        got = facts(text)
        assert ("昭通市委常委会会议", "date", "--01-17") in got, text
        assert ("昭通市委", "held", "昭通市委常委会会议") in got, text


def test_a_list_of_dates_is_left_alone():
    article = normalise(RawArticle("t.txt", "-", "会议定于3月1日、5月2日,分两次召开。", {}))
    assert "3月1日、5月2日," in article.text


# ---------------------------------------------------------------- 11. 民主党派 formal names

def _bodies(text: str) -> dict[str, str]:
    """Body label -> its surface form (the altLabel) for the bodies holding meetings."""
    article = normalise(RawArticle("t.txt", "-", text, {}))
    return {f.subject.label: f.subject.surface for f in extract(article).facts
            if f.predicate == "held"}


def test_term_numbered_democratic_party_committee_is_its_short_body():
    got = _bodies("3月5日,民盟曲靖市第十届委员会第五次全体会议召开。")
    assert got == {"民盟曲靖市委": "民盟曲靖市第十届委员会"}
    got = _bodies("3月5日,中國民主同盟曲靖市第十屆委員會第五次全體會議召開。")
    assert list(got) == ["民盟曲靖市委"]
    assert facts("3月5日,民盟曲靖市委召开十届五次全体会议。民盟曲靖市第十届委员会主委"
                 "李明主持会议。") >= {("李明", "holds", "民盟曲靖市委主委")}


def test_federation_of_industry_and_commerce_meeting_held_by_the_federation():
    got = facts("3月5日,曲靖市工商联(总商会)第十二届执行委员会第三次会议召开。")
    assert {s for s, p, _ in got if p == "held"} == {"曲靖市工商联"}


# --------------------------------------------------------------------------- 13. 地区 and 团区委

def test_prefecture_region_committee_and_administrative_office():
    got = facts("6月11日,大兴安岭地区行署召开专员办公会议,地委副书记、行署专员李振国主持会议,"
                "地委委员、行署副专员王宏出席会议。")
    meeting = "大兴安岭地区行署专员办公会议"
    assert ("大兴安岭地区行署", "held", meeting) in got
    assert ("李振国", "holds", "大兴安岭地委副书记") in got
    assert ("李振国", "holds", "大兴安岭地区行署专员") in got
    assert ("王宏", "holds", "大兴安岭地委委员") in got
    assert ("王宏", "holds", "大兴安岭地区行署副专员") in got
    assert ("大兴安岭地区行署专员", "postIn", "大兴安岭地区行署") in got


def test_bare_region_bodies_outside_a_region_story_stay_unqualified():
    got = facts("6月11日,青秀区委召开常委会会议,地委副书记王宏出席会议。")
    assert {o for _, p, o in got if p == "holds"} == {"地委副书记"}  # no 地区 to qualify it
    assert people("山区、牧区各地区要抓好落实,行署工作人员到场。") == set()


def test_league_district_committee_in_an_autonomous_region_story():
    got = facts("3月8日,共青團廣西壯族自治區委員會召開全體會議。團區委書記韋明主持會議。")
    assert ("韦明", "holds", "共青团广西壮族自治区委书记") in got
    got = facts("3月8日,南宁市青秀区召开会议。团区委书记韦明主持会议。\n来源:广西日报\n")
    assert ("韦明", "holds", "共青团青秀区委书记") in got


# ------------------------------------------------------------------- 12. documents relayed

def test_titled_work_report_and_relayed_document_are_discussed():
    got = facts("1月8日,中共德江县第十四届委员会第七次全体会议召开。县委书记李明代表县委常委会"
                "作题为《凝心聚力 奋勇争先》的工作报告。會上,县委副书记王芳传达了"
                "《中国共产党纪律处分条例》有关要求。")
    meeting = next(o for s, p, o in got if p == "held")
    assert (meeting, "discussed", "凝心聚力 奋勇争先") in got
    assert (meeting, "discussed", "中国共产党纪律处分条例") in got
    assert ("李明", "spokeAt", meeting) in got


def test_a_titled_lecture_or_speech_is_no_document():
    got = facts("1月8日,德江县委召开理论学习中心组学习会。会上,县委书记李明作题为《赓续红色血脉》"
                "的专题党课,县长王芳作题为《青春》的讲话。")
    assert not any(p == "discussed" for _, p, _ in got)
    assert ("李明", "spokeAt", "德江县委理论学习中心组学习会") in got
