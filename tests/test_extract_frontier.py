"""Autonomous regions and the frontier: prefectures known by one syllable, 州党委 as Xinjiang
writes it, former 地区 with their 地委 and 行署, dotted names broken across lines
(held-out set 24's forms; sentences our own)."""

from __future__ import annotations

from tests.extract_helpers import facts


def test_a_prefecture_known_by_one_syllable_and_its_party_committee_written_two_ways():
    got = facts("9月3日,博尔塔拉蒙古自治州党委召开常委会会议。州委书记马建新主持会议。"
                "州委常委、州纪委书记周立出席会议。")
    assert ("博州委", "held", "博州委常委会会议") in got
    assert {("马建新", "holds", "博州委书记"), ("周立", "holds", "博州纪委书记")} <= got


def test_a_county_party_committee_written_with_dang_is_the_county_committee():
    got = facts("3月1日,阿瓦提县党委召开常委会会议。县党委书记王明主持会议。")
    assert ("阿瓦提县委", "held", "阿瓦提县委常委会会议") in got
    got = facts("3月1日,江口镇党委召开会议。镇党委书记王明主持会议。")
    assert ("江口镇党委", "held", "江口镇党委会议") in got  # a town's stays 党委


def test_a_former_prefecture_has_its_diwei_and_xingshu():
    got = facts("2006年5月9日,昌都地区召开农牧工作会议。地委书记张平主持会议,"
                "地委副书记、行署专员扎西多吉出席会议并讲话。")
    assert {("张平", "holds", "昌都地委书记"),
            ("扎西多吉", "holds", "昌都地区行署专员")} <= got


def test_a_dotted_name_broken_across_a_line_is_one_name():
    got = facts("4月2日,伊犁州委召开常委会会议。州委副书记、州长买买提·\n"
                "艾力出席会议并讲话。")
    assert ("买买提·艾力", "holds", "伊犁州州长") in got


def test_banners_named_after_a_people_take_their_common_form():
    got = facts("6月1日,鄂伦春自治旗人大常委会召开会议。旗人民检察院检察长乌力吉列席会议。")
    assert ("乌力吉", "holds", "鄂伦春旗检察院检察长") in got


def test_an_autonomous_regions_vice_chairman_after_its_party_title_is_in_its_government():
    got = facts("5月8日,西藏自治区党委召开常委会会议。自治区党委常委、常务副主席邓晓峰"
                "通报了全区经济运行情况。")
    assert ("邓晓峰", "holds", "西藏自治区常务副主席") in got
    assert ("西藏自治区常务副主席", "postIn", "西藏自治区人民政府") in got


def test_those_in_charge_are_no_name_and_tibetan_and_mongolian_names_are_whole():
    got = facts("5月8日,甘南州召开宗教工作会议。州委副书记、州长才让东珠主持会议。"
                "各县市委书记、县市长和分管领导参加会议。旗人大常委会主任敖登格日勒作交流发言。")
    people = {s for s, p, _ in got if p in ("presided", "attended", "spokeAt")}
    assert {"才让东珠", "敖登格日勒"} <= people
    assert not any(n.startswith("和") for n in people)


def test_yi_names_of_liangshan_are_read_whole_in_a_list_of_executive_chairs():
    got = facts("1月8日,凉山彝族自治州第十届人民代表大会第五次会议开幕。大会执行主席阿苏木呷、"
                "王红、吉克阿木主持开幕会。州中级人民法院院长毛子拉哈出席会议。")
    chairs = {s for s, p, _ in got if p == "presided"}
    assert chairs == {"阿苏木呷", "王红", "吉克阿木"}
    assert ("毛子拉哈", "holds", "凉山州中级人民法院院长") in got
