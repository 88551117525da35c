"""Recall on everyday government and party news as a crawler fetches it: forms a held-out
set of one day's pages (city, county, town, department, 人大, 政协, 纪委 and 统战 sites) showed
the grammar missed.

Each test states a form in sentences written for it (people invented; places of other
regions, levels and years than that set), with the facts it must give, next to a near form
that must give nothing of the kind.
"""

from __future__ import annotations

from kg.extract import extract
from kg.model import RawArticle
from kg.normalise import normalise
from tests.extract_helpers import attended, facts, people, spoke


def posts(text: str, **meta: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s, p, o in facts(text, **meta):
        if p == "holds":
            out.setdefault(s, set()).add(o)
    return out


# ------------------------------------------------ 1. a title run split by a comma

GOV = ("发布时间:2023-04-11 09:20\n4月10日,市委副书记、市长,市政府党组书记龙海川主持召开"
       "桂林市政府第32次常务会议。副市长周立言出席会议。\n"
       "龙市长在讲话中指出,要抓好春耕生产。")


def test_titles_before_a_comma_are_the_same_persons_when_its_party_group_follows():
    got = posts(GOV)["龙海川"]
    assert {"桂林市委副书记", "桂林市市长", "桂林市人民政府党组书记"} <= got


def test_a_surname_and_role_then_names_the_head_of_the_comma_run():
    assert "龙海川" in spoke(GOV)


def test_titles_before_a_comma_without_their_party_group_are_other_peoples():
    text = ("8月2日,大同市委召开常委会会议。市委书记卢东主持会议。"
            "市人大常委会副主任、市政协副主席,市中级人民法院院长冯建列席会议。")
    assert posts(text)["冯建"] == {"大同市中级人民法院院长"}


# ------------------------------------------------ 2. instructions given to the meeting

def test_raising_requirements_and_making_arrangements_are_speeches():
    text = ("6月5日,梧州市委召开常委会会议。市委书记何立明主持会议。\n"
            "市委副书记、市长罗伟就抓好防汛工作提出要求。\n"
            "市委常委、常务副市长蒋红对下一步工作作出具体安排。")
    assert {"罗伟", "蒋红"} <= spoke(text)


def test_deploying_work_after_another_explains_is_a_speech():
    text = ("3月2日,市委组织部召开全市干部工作会议。市委组织部副部长吴磊、郑红参加会议。\n"
            "会议学习了《干部任用条例》。吴磊就《年轻干部培养计划》作了说明,"
            "郑红就做好干部监督工作作了部署。")
    assert {"吴磊", "郑红"} <= spoke(text, source="柳州组工网")
    elsewhere = text.replace("郑红就做好干部监督工作作了部署", "郑红在全市组织工作会议上作了部署")
    assert "郑红" not in spoke(elsewhere, source="柳州组工网")


def test_a_bare_requirement_in_a_paragraph_of_its_own_is_no_speech():
    text = ("6月5日,梧州市委召开常委会会议。市委书记何立明主持会议。\n"
            "市委副书记、市长罗伟要求,各地要抓好防汛工作。")
    assert "罗伟" not in spoke(text)


def test_speakers_in_turn_and_a_long_title_explained_in_a_later_paragraph():
    text = ("3月9日,玉溪市委全面深化改革委员会召开第八次会议。市委书记杨军主持会议。\n"
            "市财政局局长李华、市民政局局长王芸分别就相关文件作了说明。\n"
            "市委政法委副书记陈志就《玉溪市关于加强和改进新时代基层社会治理的实施意见"
            "(征求意见稿)》作说明。")
    assert {"李华", "王芸", "陈志"} <= spoke(text)


def test_a_member_reporting_after_his_role_is_a_speaker():
    text = ("近日,平乐镇召开党委会议。镇党委书记韦强主持会议。镇党委委员覃军、莫丽参加会议。\n"
            "1.研究秋收工作。覃军委员汇报了秋收进展情况。")
    assert "覃军" in spoke(text)
    assert "莫丽" not in spoke(text)


# ------------------------------------------------ 3. the chair's own emphasis

CHAIRED = ("5月14日,镇江市委召开常委会会议。市委书记马国华主持会议。"
           "市委副书记孙明出席会议。\n会议听取了有关情况汇报。\n")


def test_the_chairs_own_emphasis_in_a_paragraph_of_its_own_is_a_speech():
    assert "马国华" in spoke(CHAIRED + "马国华强调,要守牢安全底线。")
    assert "马国华" in spoke(CHAIRED + "马国华书记指出,要守牢安全底线。")


def test_emphasis_by_someone_who_did_not_chair_is_none():
    assert "孙明" not in spoke(CHAIRED + "孙明强调,要守牢安全底线。")
    assert "孙明" not in spoke(CHAIRED + "孙明要求,各部门要守牢安全底线。")


def test_the_chairs_requirements_are_the_chairs_speech():
    # nine held-out sets, annotated by different hands, count it as a speech
    assert "马国华" in spoke(CHAIRED + "马国华要求,各部门要守牢安全底线。")


# ------------------------------------------------ 4. a town convening its committee's meeting

def test_a_town_convening_its_party_committees_meeting_is_that_committee():
    text = "近日,龙泉镇召开党委会议,研究部署近期工作。镇党委书记吴刚主持会议。"
    held = {s for s, p, _ in facts(text) if p == "held"}
    assert held == {"龙泉镇党委"}


def test_a_town_convening_another_meeting_stays_the_towns():
    text = "近日,龙泉镇召开经济工作会议,研究部署近期工作。镇党委书记吴刚主持会议。"
    held = {s for s, p, _ in facts(text) if p == "held"}
    assert "龙泉镇党委" not in held


# ------------------------------------------------ 5. a department's chiefs and divisions

DEPT = ("2月20日,云南省交通运输厅召开党组会议。厅党组书记、厅长赵林主持会议。"
        "厅党组成员、总工程师钱亮参加会议。会议审议了《云南省公路养护管理办法》。"
        "公路处处长孙启明作了汇报。")


def test_a_departments_chief_engineer_and_bare_division_are_its_own():
    got = posts(DEPT)
    assert {"云南省交通运输厅党组成员", "云南省交通运输厅总工程师"} <= got["钱亮"]
    assert got["孙启明"] == {"云南省交通运输厅公路处处长"}


def test_a_bare_division_at_a_party_committees_meeting_is_no_post():
    text = ("2月20日,昆明市委召开常委会会议。市委书记刘洪主持会议。"
            "公路处处长孙启明作了汇报。")
    assert "孙启明" not in posts(text)


# ------------------------------------------------ 6. assemblies' committees and associations

def test_an_assembly_committee_named_bare_after_a_titled_list_is_the_assemblys():
    text = ("6月3日,区政协召开十一届第十次主席会议。区政协主席林涛主持会议。"
            "区政协经济委员会主任周平、社会和法制委员会主任吴军分别作了交流发言。")
    got = posts(text, source="南宁市青秀区政协")
    assert got["吴军"] == {"青秀区政协社会和法制委主任"}
    assert {"周平", "吴军"} <= spoke(text, source="南宁市青秀区政协")


def test_a_work_committee_of_a_peoples_congress_keeps_its_long_form():
    text = ("4月2日,省人大常委会召开第十五次主任会议。"
            "省人大常委会预算工作委员会主任高翔作了说明。")
    ex = extract(normalise(RawArticle("t.txt", "-", text, {"source": "广东人大网"})))
    post = next(f.object for f in ex.facts if f.predicate == "holds")
    assert post.label == "广东省人大常委会预算工委主任"
    assert post.surface == "广东省人大常委会预算工作委员会主任"


def test_a_work_committee_the_lexicon_lacks_keeps_its_long_form_too():
    text = ("4月2日,区人大常委会召开第九次主任会议。"
            "区人大常委会信访工作委员会主任胡强作了说明。")
    ex = extract(normalise(RawArticle("t.txt", "-", text, {"source": "北京市海淀区人大常委会"})))
    post = next(f.object for f in ex.facts if f.predicate == "holds")
    assert post.label == "海淀区人大常委会信访工委主任"
    assert post.surface == "海淀区人大常委会信访工作委员会主任"


def test_a_new_social_class_association_is_a_body_with_its_head():
    text = ("7月8日,市委统战部召开座谈会。市委常委、统战部部长梁红主持会议。"
            "市新的社会阶层人士联合会会长陆明发言。")
    got = posts(text, source="柳州统一战线网")
    assert got["陆明"] == {"柳州市新联会会长"}


# ------------------------------------------------ 7. people read where none are

def test_the_general_secretarys_thought_studied_is_neither_attendance_nor_a_name():
    text = ("3月6日,中共大足区纪律检查委员会第六届委员会第四次全体会议召开。"
            "全会深入学习贯彻习近平总书记关于党的自我革命的重要思想,"
            "传达学习市纪委六届四次全会精神。区委书记周勇出席会议并讲话。")
    got = facts(text)
    assert "关于党" not in people(text)
    assert not [f for f in got if f[0] == "习近平" and f[1] == "attended"]
    assert "周勇" in spoke(text)


def test_briefing_a_document_is_discussing_it():
    text = ("5月6日,市委统战部召开座谈会。市委统战部副部长郑伟通报了"
            "《钦州市民族团结进步示范创建实施方案》落实情况。")
    discussed = {o for _, p, o in facts(text) if p == "discussed"}
    assert discussed == {"钦州市民族团结进步示范创建实施方案"}


# ------------------------------------------------ 8. a bare 出席 ending a list

def test_a_bare_attendance_right_after_the_chair_is_at_the_meeting():
    text = ("9月3日,南通市委理论学习中心组举行2024年第六次集体学习。市委书记吴海主持并讲话。\n"
            "市委副书记、市长王晖,市人大常委会主任陈红出席。")
    assert {"王晖", "陈红"} <= attended(text)


def test_a_bare_attendance_after_a_visit_is_not_at_the_meeting():
    text = ("9月3日,南通市委理论学习中心组举行2024年第六次集体学习。市委书记吴海主持并讲话。\n"
            "9月5日,副市长王晖到市委党校调研。\n"
            "市委党校校长陈红出席。")
    assert "陈红" not in attended(text)
