"""Bodies beyond party committees and governments, on sentences written for these tests.

共青团 committees, mass organisations (科协, 残联, 侨联, 文联, 社科联, 红十字会), party
organs (政法委, 编办, 网信办, 党校 …), 纪委监委, government departments, 管委会,
villages and the special committees of 人大 and 政协, across regions and levels,
with a traditional-script article and text that must yield no post.
"""

from __future__ import annotations

from kg.model import Entity
from tests.extract_helpers import extract_text, triples


def facts(text: str) -> set[tuple[str, str, str]]:
    return triples(text)


def alt_labels(text: str) -> dict[str, set[str]]:
    """label -> the other forms the extraction gave it (surface forms)."""
    out: dict[str, set[str]] = {}
    for f in extract_text(text):
        for e in (f.subject, f.object):
            if isinstance(e, Entity) and e.surface:
                out.setdefault(e.label, set()).add(e.surface)
    return out


# --------------------------------------------------------------------------- 共青团

def test_league_city_committee_in_a_city_party_meeting_is_not_the_party_committee():
    text = ("3月6日,遵义市委召开常委会会议,遵义市委书记向东主持会议。团市委书记任晓东列席会议。"
            "会议审议了《遵义市青年发展规划》。")
    got = facts(text)
    assert ("任晓东", "holds", "共青团遵义市委书记") in got
    assert ("共青团遵义市委书记", "postIn", "共青团遵义市委") in got
    assert ("任晓东", "attended", "遵义市委常委会会议") in got
    assert not any(s == "任晓东" and o == "遵义市委书记" for s, _, o in got)
    assert ("向东", "holds", "遵义市委书记") in got
    alts = alt_labels(text)
    assert "遵义团市委书记" in alts["共青团遵义市委书记"]
    assert "遵义团市委" in alts["共青团遵义市委"]


def test_league_provincial_committee_holds_its_standing_committee_meeting():
    got = facts("5月6日,共青团浙江省委召开常委会议,团省委书记陈立主持会议,"
                "团省委副书记周敏、沈浩出席会议。")
    meeting = "共青团浙江省委常委会议"
    assert ("共青团浙江省委", "held", meeting) in got
    assert ("陈立", "holds", "共青团浙江省委书记") in got
    assert ("陈立", "presided", meeting) in got
    for name in ("周敏", "沈浩"):
        assert (name, "holds", "共青团浙江省委副书记") in got
        assert (name, "attended", meeting) in got


def test_league_county_committee_in_traditional_script():
    text = ("11月2日,團縣委召開全委(擴大)會議。團縣委書記韋麗華主持會議並講話,"
            "團縣委副書記覃永明出席會議。博白縣委常委、組織部部長劉勇到會指導。")
    got = facts(text)
    meeting = "共青团博白县委全委(扩大)会议"
    assert ("共青团博白县委", "held", meeting) in got
    assert ("韦丽华", "holds", "共青团博白县委书记") in got
    assert ("韦丽华", "presided", meeting) in got
    assert ("覃永明", "holds", "共青团博白县委副书记") in got
    assert ("刘勇", "holds", "博白县委组织部部长") in got


def test_league_city_committee_named_with_its_city_short_name():
    got = facts("4月8日,成都团市委召开十五届三次全委会,团市委书记邱文斌主持会议。")
    assert ("共青团成都市委", "held", "共青团成都市委十五届三次全委会") in got


def test_league_central_secretariat_hangs_from_the_league_centre():
    got = facts("团中央书记处书记王艺出席会议。")
    assert ("王艺", "holds", "共青团中央书记处书记") in got
    assert ("共青团中央书记处", "subBodyOf", "共青团中央") in got


def test_unity_slogans_and_league_members_give_no_body_or_post():
    got = facts("全县各级团组织要团结带领广大团员青年。团结一心,再创佳绩。")
    assert got == set()


# --------------------------------------------------------------------------- mass organisations

def test_science_association_party_group_meeting_in_hunan():
    got = facts("3月14日,株洲市科协召开党组会议。市科协党组书记、常务副主席彭志刚主持会议。"
                "市科协主席颜春生出席会议。")
    meeting = "株洲市科协党组会议"
    assert ("株洲市科协", "held", meeting) in got
    assert ("彭志刚", "holds", "株洲市科协党组书记") in got
    assert ("株洲市科协党组", "subBodyOf", "株洲市科协") in got
    assert ("彭志刚", "holds", "株洲市科协常务副主席") in got
    assert ("颜春生", "holds", "株洲市科协主席") in got
    assert ("颜春生", "attended", meeting) in got


def test_disabled_persons_federation_chair_of_the_board_in_henan():
    got = facts("2月3日,许昌市残联召开党组会议。市残联党组书记、理事长杜文静主持会议。")
    assert ("杜文静", "holds", "许昌市残联理事长") in got
    assert ("杜文静", "presided", "许昌市残联党组会议") in got


def test_red_cross_overseas_chinese_literary_and_social_science_federations():
    got = facts("市红十字会常务副会长何静、市侨联主席许丽芬、市文联副主席邵雅琴、"
                "市社科联主席闫振华出席会议。")
    assert ("何静", "holds", "市红十字会常务副会长") in got
    assert ("许丽芬", "holds", "市侨联主席") in got
    assert ("邵雅琴", "holds", "市文联副主席") in got
    assert ("闫振华", "holds", "市社科联主席") in got


def test_national_mass_organisation_keeps_its_country():
    assert ("万钢", "holds", "中国科协主席") in facts("中国科协主席万钢出席会议。")


def test_red_cross_is_not_read_into_a_company_or_a_bare_council():
    got = facts("红十字会员张明捐款一万元。公司董事会会长刘洋出席。")
    assert not any(p == "holds" for _, p, _ in got)


# --------------------------------------------------------------------------- party organs

def test_political_legal_committee_written_with_or_without_its_party_committee():
    got = facts("3月2日,县政法委召开全体会议,县委常委、政法委书记吴建国主持会议并讲话。")
    assert ("县委政法委", "held", "县委政法委全体会议") in got
    assert ("吴建国", "holds", "县委政法委书记") in got
    assert ("县委政法委", "subBodyOf", "县委") in got


def test_political_legal_committee_full_name_convenes():
    got = facts("12月3日,中共遂宁市委政法委员会召开全体(扩大)会议。")
    assert ("遂宁市委政法委", "held", "遂宁市委政法委全体(扩大)会议") in got


def test_party_organs_hang_from_their_party_committee():
    got = facts("市委编办主任林峰、市委网信办主任郭勇、市委老干部局局长鲁志强、市委台办主任孟凡超、"
                "市委党史研究室主任蓝天明、市委党校常务副校长许强出席会议。")
    for name, post, body in (("林峰", "市委编办主任", "市委编办"),
                             ("郭勇", "市委网信办主任", "市委网信办"),
                             ("鲁志强", "市委老干部局局长", "市委老干部局"),
                             ("孟凡超", "市委台办主任", "市委台办"),
                             ("蓝天明", "市委党史研究室主任", "市委党史研究室"),
                             ("许强", "市委党校常务副校长", "市委党校")):
        assert (name, "holds", post) in got
        assert (body, "subBodyOf", "市委") in got
        assert (body, "subBodyOf", "市人民政府") not in got


def test_organs_working_committee_in_its_long_form_is_its_everyday_name():
    got = facts("3月5日,中共湖州市直属机关工作委员会召开全体会议,市直机关工委书记沈立新主持会议。")
    assert ("湖州市直机关工委", "held", "湖州市直机关工委全体会议") in got
    assert ("沈立新", "holds", "湖州市直机关工委书记") in got


def test_discipline_plenum_and_the_two_posts_of_its_secretary():
    got = facts("1月10日,中共宁德市纪委五届四次全会召开。"
                "市委常委、市纪委书记、市监委主任林晓东主持会议。")
    meeting = "宁德市纪委五届四次全会"
    assert ("宁德市纪委", "held", meeting) in got
    assert ("林晓东", "holds", "宁德市纪委书记") in got
    assert ("林晓东", "holds", "宁德市监委主任") in got
    assert ("林晓东", "presided", meeting) in got


def test_party_committee_office_written_short():
    got = facts("县委办主任谭卫国、区委办副主任苏敏出席会议。")
    assert ("谭卫国", "holds", "县委办公室主任") in got
    assert ("苏敏", "holds", "区委办公室副主任") in got
    assert ("县委办公室", "subBodyOf", "县委") in got


# --------------------------------------------------------------------------- government departments

def test_departments_hang_from_their_government():
    got = facts("10月9日,蓬安县人民政府召开第36次常务会议,县长罗文斌主持会议。"
                "县财政局局长何明亮、县政府办主任贾晓峰、县卫健委副主任韩梅列席会议。")
    assert ("何明亮", "holds", "蓬安县财政局局长") in got
    assert ("蓬安县财政局", "subBodyOf", "蓬安县人民政府") in got
    assert ("贾晓峰", "holds", "蓬安县政府办主任") in got
    assert ("蓬安县政府办", "subBodyOf", "蓬安县人民政府") in got
    assert ("韩梅", "holds", "蓬安县卫健委副主任") in got
    assert ("蓬安县卫健委", "subBodyOf", "蓬安县人民政府") in got


def test_department_party_group_and_the_civilisation_office_is_not_a_department():
    got = facts("县住建局党组书记冯亮、市文明办主任雷鸣远出席会议。")
    assert ("冯亮", "holds", "县住建局党组书记") in got
    assert ("县住建局党组", "subBodyOf", "县住建局") in got
    assert ("县住建局", "subBodyOf", "县人民政府") in got
    assert not any(s == "市文明办" and p == "subBodyOf" for s, p, _ in got)


def test_economic_development_zone_with_its_full_long_name():
    got = facts("泉州经济技术开发区党工委书记、管委会主任吴建华出席会议。")
    assert ("吴建华", "holds", "泉州经济技术开发区党工委书记") in got
    assert ("吴建华", "holds", "泉州经济技术开发区管委会主任") in got


# --------------------------------------------------------------------------- towns and villages

def test_village_party_branch_and_village_committee_in_a_township_meeting():
    text = ("近日,金寨县花石乡党委召开党委会议,乡党委书记余小平主持会议,乡长杨春出席会议。"
            "大湾村党支部书记、村委会主任方涛列席会议。")
    got = facts(text)
    assert ("余小平", "holds", "花石乡党委书记") in got
    assert ("杨春", "holds", "花石乡乡长") in got
    assert ("方涛", "holds", "大湾村党支部书记") in got
    assert ("方涛", "holds", "大湾村村委会主任") in got
    assert ("方涛", "attended", "花石乡党委会议") in got
    assert "大湾村委会主任" in alt_labels(text)["大湾村村委会主任"]


def test_bare_village_branch_in_a_village_story():
    got = facts("4月1日,大湾村党总支召开党员大会,村党总支书记方涛主持会议。")
    assert ("大湾村党总支", "held", "大湾村党总支党员大会") in got
    assert ("方涛", "holds", "大湾村党总支书记") in got


def test_village_convenes_and_its_bare_titles_are_its_own():
    got = facts("7月12日,白沙村召开村民代表大会,村党支部书记、村委会主任夏立军主持会议。")
    assert ("白沙村", "held", "白沙村村民代表大会") in got
    assert ("夏立军", "holds", "白沙村党支部书记") in got
    assert ("夏立军", "holds", "白沙村村委会主任") in got


def test_a_bare_community_is_not_the_village_of_the_story():
    got = facts("白沙村党支部书记夏立军、社区党委书记杨丽出席会议。")
    assert ("杨丽", "holds", "社区党委书记") in got


def test_every_village_is_no_village():
    got = facts("各村党支部书记、村委会主任参加培训。每个村要明确一名联络员。")
    assert not any(p == "holds" for _, p, _ in got)


# --------------------------------------------------------------------------- 人大 and 政协

def test_special_committees_of_the_congress_and_the_cppcc():
    got = facts("8月12日,漳州市政协召开提案工作座谈会。市政协提案委员会主任沈国栋、"
                "市政协社会和法制委员会副主任戴文涛、市人大常委会法工委主任曾华出席会议。")
    assert ("沈国栋", "holds", "漳州市政协提案委主任") in got
    assert ("戴文涛", "holds", "漳州市政协社会和法制委副主任") in got
    assert ("漳州市政协社会和法制委", "subBodyOf", "漳州市政协") in got
    assert ("曾华", "holds", "漳州市人大常委会法工委主任") in got


def test_cppcc_special_committee_in_the_long_form_and_its_standing_committee():
    got = facts("政协漳州市委员会提案委员会主任沈国栋出席会议。")
    assert ("沈国栋", "holds", "漳州市政协提案委主任") in got
    got = facts("3月9日,政协通山县第十一届委员会常务委员会第十五次会议召开。")
    assert ("通山县政协", "held", "政协通山县第十一届委员会常务委员会第十五次会议") in got


def test_congress_standing_committee_party_group_meeting():
    got = facts("8日,省人大常委会党组召开会议,省人大常委会党组书记、主任韦国栋主持会议。")
    assert ("省人大常委会党组", "held", "省人大常委会党组会议") in got
    assert ("韦国栋", "holds", "省人大常委会党组书记") in got
    assert ("韦国栋", "holds", "省人大常委会主任") in got
