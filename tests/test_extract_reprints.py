"""Meeting news as it is republished and digested: wires, reprints, digests, headlines
that alone name the meeting (held-out set 22's forms; sentences our own)."""

from __future__ import annotations

from tests.extract_helpers import facts


def test_a_meeting_the_body_only_calls_meeting_takes_the_headlines_name():
    got = facts("县委常委会召开2021年第8次会议\n"
                "5月6日上午,县委书记刘海峰主持召开会议,传达学习省委全会精神。"
                "县委副书记、县长宋立新出席会议。", source="泾县人民政府", date="2021-05-07")
    meeting = "泾县县委常委会2021年第8次会议"
    assert {("刘海峰", "presided", meeting), ("宋立新", "attended", meeting),
            (meeting, "date", "2021-05-06")} <= got
    assert not [f for f in got if "泾县县委会议" in (f[0], f[2])]


def test_a_body_that_names_its_meeting_keeps_its_name():
    got = facts("刘海峰主持召开乡党委会议\n"
                "3月1日,泾县榔桥镇党委召开党委会议。镇党委书记刘海峰主持会议。")
    assert ("刘海峰", "presided", "榔桥镇党委会议") in got


def test_dates_with_dots_and_a_digests_issue_year():
    got = facts("2021.6.8上午,民建泉州市委会召开十届五次常委会议。主委陈立平主持会议。")
    assert ("民建泉州市委会十届五次常委会议", "date", "2021-06-08") in got
    got = facts("县政务一周回顾(2012年第8期)\n"
                "本周二(2月21日),县长黄旭东主持召开县政府第十次常务会议。")
    assert ("黄旭东", "presided", "县政府第十次常务会议") in got
    assert ("县政府第十次常务会议", "date", "2012-02-21") in got


def test_a_headline_saying_where_the_meeting_met_stays_a_headline():
    got = facts("全市农村工作会议在城关召开\n"
                "1月9日,市委、市政府在城关召开全市农村工作会议。市委书记卢文斌出席会议并讲话。",
                source="陇南日报", date="2015-01-10")
    held = {s for s, p, _ in got if p == "held"}
    assert {"陇南市委", "陇南市人民政府"} <= held
    assert any(p == "date" and o == "2015-01-09" for _, p, o in got)


def test_rarer_surnames_and_mongolian_names_in_lists():
    got = facts("3月5日,市政协召开主席会议。市政协主席孙立主持会议,副主席冒海燕、"
                "额尔德木图出席。", source="呼伦贝尔日报", date="2020-03-06")
    assert {s for s, p, _ in got if p == "attended"} >= {"冒海燕", "额尔德木图"}
