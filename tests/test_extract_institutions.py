"""An institution's own news: a university, hospital or company names itself only in its
masthead, source line or headline, then says 学校/医院/公司 and names its organs bare.

Articles of that genre written for these tests (several institutions, kinds and
provinces, one in traditional script), and twins that must not change: a city story
that visits a university, a township story whose headline names one.
"""

from __future__ import annotations

from tests.extract_helpers import SCORED, triples


def labels(got: set[tuple[str, str, str]]) -> set[str]:
    return {s for s, _, _ in got} | {o for _, _, o in got}


UNIVERSITY = """学校召开党委常委会(2024年第15次)
来源:西北农林科技大学新闻网 发布时间:2024-05-21
5月20日下午,学校召开党委常委会。党委书记王建华主持会议。党委副书记、校长李明远,党委副书记张立新,\
党委常委、纪委书记赵海涛,党委常委、副校长钱国强、孙文斌出席会议。党委办公室主任周志刚、\
校长办公室主任吴晓东列席会议。
会议审议通过了《西北农林科技大学本科教育教学改革实施方案》。发展规划处处长郑永清作了汇报。\
研究生院院长冯建军作说明。党委组织部部长陈立平汇报了干部工作情况。
"""


def test_university_news_gives_its_name_to_bare_organs_and_posts():
    got = triples(UNIVERSITY)
    uni = "西北农林科技大学"
    for person, post in (("王建华", "党委书记"), ("李明远", "党委副书记"), ("李明远", "校长"),
                         ("赵海涛", "党委常委"), ("赵海涛", "纪委书记"), ("钱国强", "副校长"),
                         ("孙文斌", "副校长"), ("周志刚", "党委办公室主任"),
                         ("吴晓东", "校长办公室主任"), ("郑永清", "发展规划处处长"),
                         ("冯建军", "研究生院院长"), ("陈立平", "党委组织部部长")):
        assert (person, "holds", uni + post) in got
    assert (uni + "校长", "postIn", uni) in got
    assert (uni + "纪委书记", "postIn", uni + "纪委") in got
    assert (uni + "发展规划处处长", "postIn", uni + "发展规划处") in got
    meeting = uni + "党委常委会"
    assert (uni + "党委", "held", meeting) in got
    assert ("王建华", "presided", meeting) in got
    assert ("吴晓东", "attended", meeting) in got
    assert (meeting, "date", "2024-05-20") in got
    assert not {"党委", "纪委", "党委办公室", "校长办公室"} & labels(got)


def test_university_calling_itself_woxiao_with_numbered_meeting_and_mass_organs():
    got = triples("我校召开2024年第10次党委常委会会议\n"
                  "作者:党委办公室 来源:复旦大学 发布时间:2024-04-02\n"
                  "4月1日上午,我校召开2024年第10次党委常委会会议。校党委书记裘建国主持会议。"
                  "校党委常委、副校长徐红,工会主席何平,团委书记马骏出席会议。"
                  "人事处处长、党委教师工作部部长金晓列席会议。")
    assert ("裘建国", "holds", "复旦大学党委书记") in got
    assert ("徐红", "holds", "复旦大学副校长") in got
    assert ("何平", "holds", "复旦大学工会主席") in got
    assert ("马骏", "holds", "复旦大学团委书记") in got
    assert ("金晓", "holds", "复旦大学人事处处长") in got
    assert ("金晓", "holds", "复旦大学党委教师工作部部长") in got
    meeting = "复旦大学2024年第10次党委常委会会议"
    assert ("复旦大学党委", "held", meeting) in got
    assert (meeting, "date", "2024-04-01") in got


def test_college_named_in_its_headline_calls_itself_xueyuan():
    got = triples("浙江工业职业技术学院召开党委理论学习中心组学习会\n"
                  "2024-06-18 来源:党委宣传部\n"
                  "6月17日,学院党委理论学习中心组召开2024年第五次集中学习会。党委书记徐海平主持会议,"
                  "党委副书记、院长沈国华领学。院党委委员、副院长胡晓明,纪委书记邱红出席会议。"
                  "组织人事处处长潘杰作交流发言。")
    college = "浙江工业职业技术学院"
    assert ("沈国华", "holds", college + "院长") in got
    assert ("胡晓明", "holds", college + "党委委员") in got
    assert ("邱红", "holds", college + "纪委书记") in got
    assert ("潘杰", "holds", college + "组织人事处处长") in got
    assert (college + "党委", "held",
            college + "党委理论学习中心组2024年第五次集中学习会") in got


def test_hospital_news_gives_the_hospital_its_president_and_numbered_party_meeting():
    got = triples("医院召开党委会专题研究学科建设规划\n"
                  "来源:郑州市第一人民医院 发布日期:2025年3月12日\n"
                  "3月11日下午,医院召开2025年第6次党委会。党委书记刘志华主持会议,党委副书记、院长"
                  "高建明,党委副书记、纪委书记孙丽,副院长马振宇出席会议。院长办公室主任袁静列席会议。")
    hospital = "郑州市第一人民医院"
    assert ("高建明", "holds", hospital + "院长") in got
    assert ("马振宇", "holds", hospital + "副院长") in got
    assert ("孙丽", "holds", hospital + "纪委书记") in got
    assert ("袁静", "holds", hospital + "院长办公室主任") in got
    meeting = hospital + "2025年第6次党委会"
    assert (hospital + "党委", "held", meeting) in got
    assert ("刘志华", "presided", meeting) in got
    assert (meeting, "date", "2025-03-11") in got


def test_state_owned_group_with_brackets_in_its_name():
    got = triples("集团公司召开党委理论学习中心组学习会\n"
                  "来源:陕西延长石油(集团)有限责任公司 2024-09-06\n"
                  "9月5日,集团公司党委召开理论学习中心组(扩大)学习会。集团党委书记、董事长杨建国主持"
                  "会议并讲话。党委副书记、总经理何宏伟,党委常委、纪委书记唐峰,党委常委、副总经理"
                  "谢志强出席会议。党委宣传部部长罗文作专题辅导。")
    group = "陕西延长石油(集团)有限责任公司"
    assert ("杨建国", "holds", group + "党委书记") in got
    assert ("杨建国", "holds", group + "董事长") in got
    assert ("何宏伟", "holds", group + "总经理") in got
    assert ("谢志强", "holds", group + "副总经理") in got
    assert ("罗文", "holds", group + "党委宣传部部长") in got
    assert (group + "党委", "held", group + "党委理论学习中心组(扩大)学习会") in got


def test_company_news_in_traditional_script():
    got = triples("公司召開黨委會傳達學習全國兩會精神\n"
                  "來源:國網湖北省電力有限公司 發布時間:2024-03-14\n"
                  "3月13日,公司召開黨委會。黨委書記、董事長陳光明主持會議。黨委副書記、總經理許立新,"
                  "黨委委員、副總經理周鵬出席會議。黨委辦公室主任林靜列席會議。")
    company = "国网湖北省电力有限公司"
    assert ("陈光明", "holds", company + "董事长") in got
    assert ("许立新", "holds", company + "总经理") in got
    assert ("周鹏", "holds", company + "党委委员") in got
    assert ("林静", "holds", company + "党委办公室主任") in got
    assert (company + "党委", "held", company + "党委会") in got
    assert ("陈光明", "presided", company + "党委会") in got


def test_university_news_leaves_national_and_provincial_bodies_their_own():
    got = triples("教育部督导组来我校检查指导工作\n来源:兰州大学新闻网\n"
                  "4月8日,教育部第三督导组来校检查指导。学校党委书记陈明主持反馈会。"
                  "甘肃省教育厅副厅长周强,校长刘海出席会议。")
    assert ("陈明", "holds", "兰州大学党委书记") in got
    assert ("刘海", "holds", "兰州大学校长") in got
    assert ("周强", "holds", "甘肃省教育厅副厅长") in got
    assert not any(x.startswith("兰州大学") and "教育" in x for x in labels(got))


# ---------------------------------------------------------------- must not change

def test_city_story_visiting_a_university_keeps_bare_bodies_its_own():
    got = triples("市委书记王立新到西北农林科技大学调研\n来源:咸阳日报\n"
                  "5月20日,市委书记王立新到西北农林科技大学调研。王立新强调,要加强校地合作。"
                  "随后,市委召开常委会会议。市委常委、秘书长赵建国,党委书记孙伟列席会议。")
    assert ("王立新", "holds", "咸阳市委书记") in got
    assert ("咸阳市委", "held", "咸阳市委常委会会议") in got
    assert ("孙伟", "holds", "党委书记") in got
    assert not any("大学" in x for x in labels(got))


def test_township_story_whose_headline_names_a_university_keeps_its_town():
    got = triples("西北农林科技大学专家团队到白沙洲镇开展技术指导\n来源:江夏区融媒体中心\n"
                  "3月2日,白沙洲镇党委召开党委会议。党委书记王建军主持会议。"
                  "党委委员、副镇长陈海出席会议。")
    assert ("王建军", "holds", "白沙洲镇党委书记") in got
    assert ("陈海", "holds", "白沙洲镇党委委员") in got
    assert ("白沙洲镇党委", "held", "白沙洲镇党委会议") in got
    assert not any("大学" in x for x in labels(got))


def test_a_newspaper_group_masthead_is_no_institution():
    got = triples("公司召开党委会\n来源:杭州日报报业集团\n"
                  "3月5日,市委召开常委会会议。党委书记李强出席会议。")
    assert ("李强", "holds", "党委书记") in got
    assert not any("集团" in x for x in labels(got))


def test_company_chairman_in_a_government_story_holds_no_post():
    got = triples("7月18日,区工商联召开民营企业家座谈会。区工商联主席黄国栋主持会议。"
                  "湖南远大集团董事长周建新、总经理刘明作交流发言。")
    assert ("黄国栋", "holds", "区工商联主席") in got
    assert not any("董事长" in x or "总经理" in x for x in labels(got))


def test_presidents_office_meeting_is_the_universitys_and_its_leaders_attend():
    got = triples("学校召开校长办公会\n来源:湖南大学新闻网 发布时间:2024-03-05\n"
                  "3月4日,学校召开校长办公会。校长段献忠主持会议。校领导李树涛、汪卫斌出席会议。")
    meeting = "湖南大学校长办公会"
    assert ("湖南大学", "held", meeting) in got
    assert ("段献忠", "holds", "湖南大学校长") in got
    assert ("段献忠", "presided", meeting) in got
    assert ("李树涛", "attended", meeting) in got
    assert ("汪卫斌", "attended", meeting) in got
    assert (meeting, "date", "2024-03-04") in got


def test_party_school_news_keeps_the_citys_committee_for_bare_city_bodies():
    got = triples("市委党校召开党委理论学习中心组学习会\n"
                  "来源:中共宁波市委党校 发布时间:2024-07-10\n"
                  "7月9日,学校召开党委理论学习中心组学习会。市委党校常务副校长陈志远主持会议。"
                  "党委委员、副校长林海出席会议。市委组织部副部长王敏到会指导。")
    school = "宁波市委党校"
    assert ("林海", "holds", school + "副校长") in got
    assert ("林海", "holds", school + "党委委员") in got
    assert ("陈志远", "holds", school + "常务副校长") in got
    assert ("王敏", "holds", "宁波市委组织部副部长") in got
    assert (school + "党委", "held", school + "党委理论学习中心组学习会") in got


def test_hospital_named_by_a_bare_level_takes_the_articles_city():
    got = triples("市人民医院召开党委会\n来源:市人民医院 发布时间:2024-08-02\n"
                  "8月1日,医院召开党委会。党委书记谢军主持会议。党委副书记、院长沈波出席会议。"
                  "温州市卫生健康委副主任方芳到会指导。")
    assert ("谢军", "holds", "温州市人民医院党委书记") in got
    assert ("沈波", "holds", "温州市人民医院院长") in got
    assert ("温州市人民医院党委", "held", "温州市人民医院党委会") in got
    assert ("方芳", "holds", "温州市卫生健康委副主任") in got


def test_a_company_known_by_the_short_name_its_story_declares():
    text = ("3月2日,华夏能源投资集团有限公司(以下简称华夏能源)2024年工作会议在北京召开。"
            "华夏能源党委书记、董事长周平作工作报告。华夏能源党委副书记、总经理吴涛主持会议。"
            "党委常委、总会计师刘敏出席会议。")
    got = triples(text, None, SCORED)
    company = "华夏能源投资集团有限公司"
    meeting = company + "2024年工作会议"
    assert (company, "held", meeting) in got
    assert {("周平", "holds", company + "董事长"), ("吴涛", "holds", company + "总经理"),
            ("刘敏", "holds", company + "总会计师"), ("吴涛", "presided", meeting)} <= got
    assert not any("以下简称" in o for _, _, o in got)


def test_a_short_name_declared_for_a_government_body_brings_no_company_roles():
    text = ("3月2日,杭州市人民政府国有资产监督管理委员会(以下简称市国资委)召开会议。"
            "市国资委主任王东主持会议。")
    got = triples(text, None, SCORED)
    assert not any("总会计师" in o or "董事长" in o for _, _, o in got)
