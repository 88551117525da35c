"""National bodies and their people: ministries, the supreme court and procuratorate,
the NPC Standing Committee, the State Council (a twelfth held-out set, of central news,
showed the grammar read only bodies anchored by a place).

Sentences written for these tests (people invented), each next to a near form that
must give nothing of the kind.
"""

from __future__ import annotations

from kg.extract import extract
from kg.model import RawArticle
from kg.normalise import normalise
from kg.resolve import resolve
from tests.extract_helpers import facts


def holds(text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in facts(text) if p == "holds"}


def test_a_ministry_and_its_party_group_are_bodies_without_a_place():
    got = facts("水利部党组书记、部长陈国华主持召开部党组会议。"
                "部党组成员、副部长刘晓明出席会议。")
    assert ("陈国华", "holds", "水利部党组书记") in got
    assert ("陈国华", "holds", "水利部部长") in got
    assert ("水利部党组书记", "postIn", "水利部党组") in got
    assert ("刘晓明", "holds", "水利部副部长") in got


def test_the_supreme_procuratorate_by_its_full_and_short_names():
    got = holds("最高人民检察院党组书记、检察长孙立平主持会议。"
                "最高检党组副书记、常务副检察长周斌出席。")
    assert {("孙立平", "最高人民检察院党组书记"), ("孙立平", "最高人民检察院检察长"),
            ("周斌", "最高人民检察院党组副书记"),
            ("周斌", "最高人民检察院常务副检察长")} <= got


def test_a_renamed_ministry_and_its_department():
    got = holds("住房城乡建设部副部长黄明出席发布会。"
                "人力资源社会保障部就业促进司司长吴丽介绍情况。")
    assert ("黄明", "住房和城乡建设部副部长") in got
    assert ("吴丽", "人力资源和社会保障部就业促进司司长") in got


def test_a_word_that_starts_like_a_ministry_name_is_no_body():
    assert not holds("国家级新区管委会主任助理王平出席。")


def test_roles_only_one_national_body_has():
    got = holds("国务委员王立新、最高人民法院院长赵岩出席会议。")
    assert {("王立新", "国务院国务委员"), ("赵岩", "最高人民法院院长")} <= got
    got = holds("十届全国人大常委会第五次会议在京举行。委员长吴志远主持会议。"
                "副委员长李刚、陈红出席会议。")
    assert {("吴志远", "全国人大常委会委员长"), ("李刚", "全国人大常委会副委员长"),
            ("陈红", "全国人大常委会副委员长")} <= got


def test_a_provincial_standing_committee_keeps_its_own_chair():
    got = holds("四川省人大常委会第十次会议在成都举行。主任杨明主持会议。副主任刘芳出席会议。")
    assert ("杨明", "四川省人大常委会主任") in got
    assert not any("委员长" in post for _, post in got)


def test_a_session_with_its_full_date_before_where_it_sat():
    got = facts("江西省十四届人大常委会第八次会议2024年3月26日上午在南昌举行第一次全体会议。"
                "主任刘强主持会议。")
    meetings = {o for s, p, o in got if p == "held"}
    assert len(meetings) == 1
    meeting = meetings.pop()
    assert meeting.startswith("江西省十四届人大常委会第八次会议")
    assert (meeting, "date", "2024-03-26") in got
    assert ("刘强", "presided", meeting) in got


def test_a_ministrys_bare_office_and_its_resident_team():
    got = holds("交通运输部党组书记、部长郑伟主持召开部党组会议。中央纪委国家监委驻交通运输部"
                "纪检监察组组长、部党组成员林涛出席会议。会议听取了部办公厅主任高岚的汇报。")
    assert ("林涛", "中央纪委国家监委驻交通运输部纪检监察组组长") in got
    assert ("林涛", "交通运输部党组成员") in got
    assert ("高岚", "交通运输部办公厅主任") in got


def test_an_older_resident_team_of_the_centre_and_a_provincial_one():
    assert ("马骏", "中央纪委驻审计署纪检组组长") in holds("中央纪委驻审计署纪检组组长马骏出席。")
    got = holds("山东省纪委监委驻省财政厅纪检监察组组长刘明出席。")
    assert ("刘明", "驻山东省财政厅纪检监察组组长") in got or \
        ("刘明", "驻省财政厅纪检监察组组长") in got
    assert not any(post.startswith("山东省纪委") for _, post in got)


def test_a_bare_resident_team_in_a_departments_story_and_the_party_group_after_it():
    got = holds("7月2日,河南省委组织部召开部务会。驻部纪检组组长韩冰出席会议。")
    assert ("韩冰", "驻河南省委组织部纪检组组长") in got
    got = holds("审计署党组召开会议。中央纪委驻审计署纪检组组长、党组成员马骏出席会议。")
    assert ("马骏", "审计署党组成员") in got
    assert not any("纪检组党组" in post for _, post in got)


def test_a_press_conference_its_host_and_the_officials_who_brief():
    got = facts("国务院新闻办公室于2023年9月12日(星期二)上午10时在国新办新闻发布厅举行新闻发布会,"
                "请水利部副部长王宁和水利部规划计划司司长张波介绍有关情况,并答记者问。"
                "国务院新闻办新闻局副局长、新闻发言人陈文主持发布会。")
    meeting = "国务院新闻办公室新闻发布会"
    assert ("国务院新闻办公室", "held", meeting) in got
    assert (meeting, "date", "2023-09-12") in got
    assert {("王宁", "spokeAt", meeting), ("张波", "spokeAt", meeting),
            ("陈文", "presided", meeting)} <= got
    assert ("陈文", "holds", "国务院新闻办公室新闻发言人") in got


def test_a_body_meeting_on_a_dated_day_in_the_capital():
    got = facts("全国政协2016年3月11日在京召开第四十七次双周协商座谈会。全国政协主席何平主持会议。")
    assert ("全国政协", "held", "全国政协第四十七次双周协商座谈会") in got
    assert ("全国政协第四十七次双周协商座谈会", "date", "2016-03-11") in got


def test_an_announced_conference_is_not_held():
    got = facts("市政府新闻办定于5月21日举行新闻发布会。")
    assert not any(p == "held" for _, p, _ in got)


def test_a_source_quoted_is_no_briefing():
    got = facts("3月5日,泉州市政府召开第18次常务会议。市长王明主持会议。"
                "据市水利局局长张华介绍,今年全市水利投资增长。")
    assert not any(s == "张华" and p == "spokeAt" for s, p, _ in got)
    got = facts("3月5日,泉州市政府召开第18次常务会议。市长王明主持会议。"
                "市水利局局长张华介绍了防汛工作进展。")
    assert ("张华", "spokeAt", "泉州市政府第18次常务会议") in got


STUDY = ("中共中央政治局5月8日下午就加强生态文明建设进行第四十一次集体学习。"
         "中共中央总书记周明主持学习。")


def test_a_politburo_study_session_its_lecturers_and_the_chairs_closing_speech():
    got = facts(STUDY + "清华大学教授李华、中国科学院院士王强就这个问题进行讲解。"
                "周明在听取讲解和讨论后发表了讲话。")
    meeting = "中共中央政治局第四十一次集体学习"
    assert ("中共中央政治局", "held", meeting) in got
    assert (meeting, "date", "--05-08") in got
    assert {("李华", "spokeAt", meeting), ("王强", "spokeAt", meeting),
            ("周明", "spokeAt", meeting), ("周明", "presided", meeting)} <= got
    assert not any(o.endswith(("教授", "院士")) for _, p, o in got if p == "holds")


def test_one_who_only_listens_does_not_speak():
    got = facts(STUDY + "会议听取了中央组织部部长张林的汇报。周明听取汇报。")
    assert ("周明", "spokeAt", "中共中央政治局第四十一次集体学习") not in got
    assert ("张林", "spokeAt", "中共中央政治局第四十一次集体学习") in got


def test_a_democratic_partys_central_standing_committee_meets_for_its_centre():
    got = facts("2021年6月8日,民进第十四届中央委员会常务委员会第九次会议在京召开。"
                "民进中央主席蔡明主持会议。")
    held = {(s, o) for s, p, o in got if p == "held"}
    assert held and all(s == "民进中央" for s, _ in held)
    assert ("蔡明", "holds", "民进中央主席") in got


def test_a_provincial_committee_of_a_party_keeps_its_place():
    got = facts("九三学社四川省委员会常务委员会第五次会议在成都召开。")
    assert {s for s, p, _ in got if p == "held"} == {"九三学社四川省委"}


def test_lecturers_in_a_paragraph_of_their_own_and_the_league_secretariat():
    got = facts(STUDY.replace("主持学习。", "在主持学习时强调,要坚定制度自信。")
                + "\n\n国防大学教授陈亮就这个问题进行讲解,提出了意见和建议。"
                "\n\n周明在听取讲解和讨论后发表了讲话。")
    meeting = "中共中央政治局第四十一次集体学习"
    assert {("陈亮", "spokeAt", meeting), ("周明", "spokeAt", meeting)} <= got
    got = holds("团中央书记处常务书记林涛,书记处书记王芳出席会议。")
    assert {("林涛", "共青团中央书记处常务书记"), ("王芳", "共青团中央书记处书记")} <= got


def test_a_special_committee_named_after_an_assembly_title_is_the_assemblys():
    got = holds("全国政协常委、经济委员会副主任高立远代表调研组发言。")
    assert ("高立远", "全国政协经济委副主任") in got
    got = holds("市政府副市长、发展和改革委员会主任李东出席。")
    assert not any("政协" in post or "人大" in post for _, post in got)


def test_officials_invited_who_brief_and_a_report_heard_from_a_minister():
    got = facts("全国政协2015年3月2日在京召开双周协商座谈会。"
                "水利部副部长周山应邀出席,介绍了有关工作情况。"
                "会议还听取了水利部部长罗平作的《关于农村饮水工作情况的报告》。")
    meeting = "全国政协双周协商座谈会"
    assert {("周山", "attended", meeting), ("周山", "spokeAt", meeting),
            ("罗平", "spokeAt", meeting)} <= got


def test_a_central_organ_is_one_body_with_or_without_its_party_prefix():
    got = facts("中共中央组织部部长李明出席。中央组织部副部长王红出席。中央纪委副书记赵刚出席。")
    assert ("中共中央组织部部长", "postIn", "中共中央组织部") in got
    assert ("中共中央组织部副部长", "postIn", "中共中央组织部") in got
    assert ("中央纪委副书记", "postIn", "中央纪委") in got


def meetings(text: str) -> list[set[str]]:
    """The meeting nodes of ``text`` once resolved, each as the set of its labels."""
    corpus = resolve([extract(normalise(RawArticle("t.txt", "-", text)))])
    return [{n.label, *n.alt_labels} for (kind, _), n in corpus.nodes.items()
            if kind == "Meeting"]


def test_a_session_named_short_in_the_headline_and_formally_in_the_lead_is_one_meeting():
    got = meetings("十二届全国人大常委会第八次会议在京举行\n\n"
                   "第十二届全国人民代表大会常务委员会第八次会议4月21日在北京举行。"
                   "委员长陈刚主持会议。")
    assert got == [{"十二届全国人大常委会第八次会议",
                    "第十二届全国人民代表大会常务委员会第八次会议"}]
    got = meetings("民进十四届中央常委会第五次会议召开\n\n"
                   "2020年5月6日,民进第十四届中央委员会常务委员会第五次会议在京召开。")
    assert len(got) == 1 and "民进第十四届中央委员会常务委员会第五次会议" in got[0]


def test_a_plenary_of_a_partys_central_committee_keeps_its_written_name():
    got = facts("2023年1月5日,九三学社第十五届中央委员会第二次全体会议在京召开。")
    assert {o for _, p, o in got if p == "held"} == {"九三学社第十五届中央委员会第二次全体会议"}


def test_a_congress_session_named_short_without_the_number_word_is_the_same_meeting():
    got = meetings("海宁市十六届人大三次会议开幕\n\n"
                   "2020年1月8日上午,海宁市第十六届人民代表大会第三次会议隆重开幕。")
    assert len(got) == 1 and "海宁市第十六届人民代表大会第三次会议" in got[0]


def test_people_elected_to_posts_named_in_full_hold_them():
    got = facts("1月12日,宁陵县第十七届人民代表大会第一次会议举行第三次全体会议。经过无记名投票,"
                "周伟当选为宁陵县人民政府县长,孙红、李强当选为宁陵县人民政府副县长。")
    assert {("周伟", "holds", "宁陵县县长"), ("孙红", "holds", "宁陵县副县长"),
            ("李强", "holds", "宁陵县副县长")} <= got
    got = facts("1月12日,宁陵县第十七届人民代表大会第一次会议举行第三次全体会议。"
                "周伟当选为全国劳动模范。")
    assert not any(s == "周伟" and p == "holds" for s, p, _ in got)
