"""Recall on grassroots and frontier-region news: forms a held-out set of town, banner,
地区, zone and county articles showed the grammar missed.

Each test states a form in sentences written for it (people invented; places of other
regions, levels and years than that set), with the facts it must give, next to a near form
that must give nothing of the kind.
"""

from __future__ import annotations

from tests.extract_helpers import facts, people, spoke


def posts(text: str, **meta: str) -> set[str]:
    return {o for _, p, o in facts(text, **meta) if p == "holds"}


# ------------------------------------------------ 1. the newspaper's masthead line

def test_a_masthead_line_names_the_city_and_the_date():
    text = ("市委召开常委会会议\n定西日报  2022年09月07日  第01版\n"
            "本报讯 6日,市委召开常委会会议。市委书记张卫东主持会议。")
    got = facts(text)
    assert ("张卫东", "holds", "定西市委书记") in got
    assert ("定西市委常委会会议", "date", "2022-09-06") in got
    other = facts(text.replace("定西日报  2022年09月07日  第01版",
                               "《酒泉日报》2022-09-07 星期三 第A02版:要闻"))
    assert ("张卫东", "holds", "酒泉市委书记") in other


def test_a_masthead_with_a_gloss_in_another_script_gives_its_date():
    text = ("喀什日报 قەشقەر گېزىتى  2021-08-03 第01版\n地委召开委员会议\n"
            "本报讯 2日,地委召开委员会议。地委书记刘建平主持会议。")
    got = facts(text)
    assert ("刘建平", "holds", "喀什地委书记") in got
    assert ("喀什地委委员会议", "date", "2021-08-02") in got


def test_a_masthead_of_no_place_names_no_place():
    for paper in ("学习时报", "人民日报"):
        text = (f"市委召开常委会会议\n{paper}  2022年09月07日  第01版\n"
                "本报讯 6日,市委召开常委会会议。市委书记张卫东主持会议。")
        assert ("张卫东", "holds", "市委书记") in facts(text)


def test_a_gloss_in_another_script_leaves_the_title_next_to_its_name():
    text = ("9月2日,喀什地委召开委员会议。地委副书记、行署专员(ۋالىي)买买提·吐尔逊出席会议。")
    got = facts(text)
    assert ("买买提·吐尔逊", "holds", "喀什地区行署专员") in got
    assert ("买买提·吐尔逊", "holds", "喀什地委副书记") in got


# ------------------------------------------------ 2. development zones, long and short

ZONE = ("来源:宝鸡高新区管委会网站\n4月8日,宝鸡高新技术产业开发区党工委召开会议。"
        "党工委书记周建华主持会议。党工委副书记、管委会主任吴磊,党工委委员、纪工委书记何平出席会议。"
        "管委会总工程师高强列席会议。")


def test_a_zone_written_long_and_short_is_one_zone():
    got = posts(ZONE)
    assert {"宝鸡高新技术产业开发区党工委书记", "宝鸡高新技术产业开发区管委会主任",
            "宝鸡高新技术产业开发区纪工委书记", "宝鸡高新技术产业开发区管委会总工程师"} <= got
    assert not any(p.startswith(("党工委", "管委会", "纪工委")) for p in got)


def test_a_chief_specialist_is_a_post_of_the_body_named():
    got = posts("3月1日,榆林市政府召开常务会议。市政府总经济师白云峰列席会议。")
    assert "榆林市人民政府总经济师" in got


def test_a_street_story_keeps_its_own_working_committee():
    text = ("5月6日,中共成都市锦江区春熙路街道工作委员会召开会议。街道党工委书记刘洋主持会议。"
            "党工委委员、办事处副主任陈琳出席会议。")
    got = facts(text)
    assert ("春熙路街道党工委", "held", "春熙路街道党工委会议") in got
    assert ("陈琳", "holds", "春熙路街道党工委委员") in got
    assert not any("工委党工委" in o for _, _, o in got)


# ------------------------------------------------ 3. 地区 and 盟: departments of a bare 地委/盟委

def test_a_prefecture_region_department_hangs_from_its_committee():
    text = ("7月3日,阿克苏地委召开委员(扩大)会议。地委常委、统战部部长古丽·艾山,"
            "地委常委、组织部部长王磊出席会议。")
    got = posts(text)
    assert {"阿克苏地委统战部部长", "阿克苏地委组织部部长"} <= got
    assert "统战部部长" not in got and "组织部部长" not in got


def test_a_league_department_hangs_from_its_committee():
    text = ("1月9日,科尔沁右翼前旗委召开全旗组织工作会议。"
            "盟委委员、宣传部部长张海峰出席会议并讲话。兴安盟委有关同志参加会议。")
    assert "兴安盟委宣传部部长" in posts(text)


def test_a_bare_department_at_its_committees_meeting_is_that_committees():
    text = "7月3日,阿克苏地委召开委员会议。地委书记王明主持会议。组织部部长李强出席会议。"
    assert "阿克苏地委组织部部长" in posts(text)
    gov = "7月3日,阿克苏地区行署召开专员办公会议。专员王明主持会议。组织部部长李强出席会议。"
    assert not any(p.endswith("地委组织部部长") for p in posts(gov))


def test_a_department_after_a_city_committee_is_unchanged():
    assert "定西市委组织部部长" in posts("定西市委常委、组织部部长李强出席会议。")


# ------------------------------------------------ 4. 和 joining two titles, 和 of a county

def test_a_county_after_a_joining_he_is_the_articles_county():
    text = ("2月19日,融水苗族自治县第十八届人民代表大会第二次会议在县会议中心开幕。\n"
            "21日上午,大会举行第二次全体会议,"
            "听取县人民法院院长韦明所作的《融水苗族自治县人民法院工作报告》"
            "和县人民检察院检察长梁芳所作的《融水苗族自治县人民检察院工作报告》。")
    got = facts(text)
    assert ("梁芳", "holds", "融水县检察院检察长") in got
    assert ("韦明", "spokeAt", "融水苗族自治县第十八届人民代表大会第二次会议") in got
    assert ("梁芳", "spokeAt", "融水苗族自治县第十八届人民代表大会第二次会议") in got
    assert not any(o.startswith("和县") for _, _, o in got)


def test_he_county_at_the_start_of_a_title_is_still_he_county():
    assert "和县县委书记" in posts("3月2日,和县县委召开常委会会议。和县县委书记许志刚主持会议。")


def test_joining_words_make_no_name():
    text = ("6月4日,柳林镇党委召开会议。镇党委书记赵新主持会议。"
            "各村党组织书记和机关各站所负责人列席会议。")
    assert people(text) == {"赵新"}
    assert people("柳林镇召开驻村第一书记和村党支部书记培训会") == set()


# ------------------------------------------------ 5. sittings of a session on several days

SESSION = ("2月18日至21日,融水苗族自治县第十八届人民代表大会第二次会议在县会议中心召开。\n"
           "18日下午,大会举行预备会议。县人大常委会主任潘明主持预备会议。\n")


def test_a_day_opening_a_sitting_goes_on_about_the_session():
    got = facts(SESSION + "21日上午,大会举行第三次全体会议,"
                "审议通过了《融水苗族自治县2022年财政预算》。")
    meeting = "融水苗族自治县第十八届人民代表大会第二次会议"
    assert (meeting, "discussed", "融水苗族自治县2022年财政预算") in got
    other = facts(SESSION + "\n21日上午,县委召开常委会会议,学习了《条例》。")
    assert (meeting, "discussed", "条例") not in other


def test_a_report_made_by_someone_is_their_speech_and_discussed():
    text = ("1月6日,梅花镇第十九届人民代表大会第三次会议在镇政府召开。镇人大主席吴刚主持会议。\n"
            "副镇长陈亮作了《关于梅花镇2021年财政预算执行情况的报告》。")
    got = facts(text)
    meeting = "梅花镇第十九届人民代表大会第三次会议"
    assert ("梅花镇人大", "held", meeting) in got
    assert ("陈亮", "spokeAt", meeting) in got
    assert (meeting, "discussed", "关于梅花镇2021年财政预算执行情况的报告") in got
    later = facts(text.replace("作了《", "要认真学习《"))
    assert (meeting, "discussed", "关于梅花镇2021年财政预算执行情况的报告") not in later


def test_numbered_items_of_a_government_meeting_go_on_about_it():
    text = ("4月2日,县长李明主持召开通许县人民政府第十二次常务会议。\n\n"
            "三是传达学习了《河北省人民政府关于做好春季农业生产的通知》。")
    got = facts(text)
    assert ("通许县人民政府第十二次常务会议", "discussed",
            "河北省人民政府关于做好春季农业生产的通知") in got


# ------------------------------------------------ 6. study groups: members, readers

STUDY = ("11日,州委理论学习中心组举行2024年第二次集体学习。州委书记洛桑主持会议。\n\n")


def test_study_group_members_attend_without_a_post():
    got = facts(STUDY + "中心组成员端智、马文华、公保加参加学习。",
                source="甘南日报", date="2024-03-12")
    meeting = "甘南州委理论学习中心组2024年第二次集体学习"
    assert {("端智", "attended", meeting), ("马文华", "attended", meeting),
            ("公保加", "attended", meeting)} <= got
    assert not any(p == "holds" and s in ("端智", "马文华", "公保加") for s, p, _ in got)


def test_amdo_names_after_a_title():
    got = posts(STUDY + "州委常委、宣传部部长久美才让,州委副书记、州长东智加出席会议。",
                source="甘南日报", date="2024-03-12")
    assert {"甘南州委宣传部部长", "甘南州州长"} <= got


def test_reading_a_document_out_is_a_speech():
    got = spoke(STUDY + "会上,州委常委、秘书长杨丽领学了《中国共产党纪律处分条例》。",
                source="甘南日报", date="2024-03-12")
    assert "杨丽" in got
    assert "杨丽" not in spoke(STUDY + "会议要求,杨丽等同志要认真学习《条例》。",
                               source="甘南日报", date="2024-03-12")


# ------------------------------------------------ 7. a discipline commission's own units

CDI = ("8月2日,广安区纪委监委召开2023年上半年工作推进会。区纪委书记、区监委主任刘勇主持会议。"
       "派驻第二纪检监察组组长罗杰,第三纪检监察室主任何敏作交流发言。")


def test_a_commissions_numbered_units_are_its_own():
    got = facts(CDI)
    assert ("罗杰", "holds", "广安区纪委监委派驻第二纪检监察组组长") in got
    assert ("何敏", "holds", "广安区纪委监委第三纪检监察室主任") in got
    assert {"罗杰", "何敏"} <= spoke(CDI)


def test_numbered_units_at_another_bodys_meeting_stay_bare():
    text = "8月2日,广安区委召开常委会会议。第三纪检监察室主任何敏列席会议。"
    assert not any("区委第三" in p for p in posts(text))


def test_explaining_a_thing_is_a_speech_but_reporting_to_someone_is_not():
    text = "会议审议通过了《办法》。区纪委副书记张强对办法作了说明。"
    assert "张强" in spoke(CDI + text)
    assert "刘勇" not in spoke(CDI + "各单位要及时向刘勇汇报。")


# ------------------------------------------------ 8. later references and villages

TOWN = ("3月8日,柳林镇党委召开驻村第一书记工作例会。镇党委书记王立新主持会议。"
        "镇党委副书记、镇长赵敏出席会议。\n\n")


def test_a_surname_and_role_name_the_one_person_met():
    got = spoke(TOWN + "王书记在讲话中强调,要抓好春耕。")
    assert "王立新" in got


def test_a_surname_and_role_fitting_two_people_name_no_one():
    text = ("3月8日,柳林镇党委召开会议。镇党委书记王立新主持会议。"
            "城关镇党委书记王海出席会议。\n\n王书记在讲话中强调,要抓好春耕。")
    assert spoke(text) == set()


def test_a_villages_first_secretary_serves_in_its_party_branch():
    got = facts(TOWN + "会上,小王庄村第一书记郝建军作了发言。")
    assert ("郝建军", "holds", "小王庄村党支部第一书记") in got
    assert ("小王庄村党支部第一书记", "postIn", "小王庄村党支部") in got


def test_a_place_title_the_lexicons_lack_makes_no_name_in_a_list():
    text = (TOWN + "会上,镇党委副书记李刚、查干淖尔苏木宝日嘎查党支部书记乌兰作交流发言。")
    assert "乌兰" in spoke(text)
    assert not any(name.startswith("查干") for name in people(text))
