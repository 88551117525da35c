"""Recall on political-legal (政法) news: forms a held-out set of court, procuratorate,
public-security, justice-bureau, 政法委, 议军会议 and drug-rehabilitation articles showed the
grammar missed.

Each test states a form in sentences written for it (people invented; places of other
regions, levels and years than that set), with the facts it must give, next to a near form
that must give nothing of the kind.
"""

from __future__ import annotations

from tests.extract_helpers import facts, spoke


def posts(text: str, **meta: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in facts(text, **meta) if p == "holds"}


def post_in(text: str, **meta: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in facts(text, **meta) if p == "postIn"}


# ------------------------------------- 1. a body's own units, named bare at its meeting

def test_a_public_security_bureau_names_its_detachments_bare():
    text = ("发布时间:2022-04-08\n4月7日,常德市公安局召开党委会议。市公安局党委书记、局长"
            "向东明主持会议。治安支队支队长郭立新、经侦支队副支队长孟佳列席会议。")
    got = posts(text)
    assert ("郭立新", "常德市公安局治安支队支队长") in got
    assert ("孟佳", "常德市公安局经侦支队副支队长") in got
    assert ("常德市公安局治安支队支队长", "常德市公安局治安支队") in post_in(text)


def test_a_court_names_its_divisions_bare():
    text = ("发布时间:2018-11-21\n11月20日,昆明市中级人民法院召开审判委员会会议。院长杜文华主持"
            "会议。民事审判第二庭庭长秦岚、审判管理办公室主任曲志强、执行局副局长段洪列席会议。")
    got = posts(text)
    assert ("秦岚", "昆明市中级人民法院民事审判第二庭庭长") in got
    assert ("曲志强", "昆明市中级人民法院审判管理办公室主任") in got
    assert ("段洪", "昆明市中级人民法院执行局副局长") in got


def test_a_justice_bureau_names_its_sections_and_discipline_chief_bare():
    text = ("2013年5月9日,南阳市司法局召开党组会议。局党组书记、局长褚红军主持会议。"
            "局党组成员、纪检组长许芳,社区矫正科科长文涛出席会议。")
    got = posts(text)
    assert ("许芳", "南阳市司法局纪检组长") in got
    assert ("文涛", "南阳市司法局社区矫正科科长") in got
    assert ("南阳市司法局纪检组长", "南阳市司法局") in post_in(text)


def test_a_bureaus_political_commissar_is_the_bureaus():
    text = ("发布时间:2019-03-02\n3月1日,柳州市公安局召开党委会议。市公安局党委副书记、政委"
            "覃少华出席会议。")
    assert ("覃少华", "柳州市公安局政委") in posts(text)


def test_a_bare_unit_outside_its_owners_meeting_is_nobodys():
    text = ("发布时间:2021-07-15\n7月14日,市委召开常委会会议。市委书记马立新主持会议。"
            "刑侦支队支队长石磊、立案庭庭长包丽列席会议。")
    got = posts(text, source="本溪日报")
    assert ("石磊", "刑侦支队支队长") in got  # bare: a 市委 has no detachments
    assert {p for _, p in got if p.startswith("本溪")} == {"本溪市委书记"}
