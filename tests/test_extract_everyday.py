"""Forms of ordinary meeting news that the random days' harvests written at the end of a
session (held-out sets 25-30) showed missing; sentences our own."""

from __future__ import annotations

from tests.extract_helpers import held, spoke


def test_deploying_work_and_discussing_ones_own_are_speeches():
    text = ("10月9日,青口镇召开森林防火工作会议。镇党委书记刘成主持会议。"
            "镇长韩丽对全镇秋冬季森林防火工作进行了具体部署。"
            "副镇长王军、李华分别围绕安全生产作交流研讨。")
    assert spoke(text) >= {"韩丽", "王军", "李华"}


def test_reporting_after_attending_and_advising_at_the_meeting_are_speeches():
    text = ("6月3日,市政协召开主席会议。市政协主席孙立主持会议。"
            "市政协提案委员会主任于江列席会议并汇报了提案办理工作情况。"
            "副主席钱明在会上就做好提案督办提出了具体意见。")
    assert spoke(text) >= {"于江", "钱明"}


def test_the_same_words_without_a_speaker_name_nobody():
    text = ("6月3日,县委召开常委会会议。县委书记孙立主持会议。"
            "各乡镇汇报了防汛准备情况。会议要求各部门开展交流研讨,对重点工作进行了具体部署。")
    assert spoke(text) == set()


def test_a_leading_group_named_at_length_holds_its_meeting():
    got = held("4月2日,省推进长江经济带生态环境保护和绿色发展工作领导小组召开会议。"
               "副省长钱立新主持会议。", source="湖北日报")
    assert got == {("湖北省推进长江经济带生态环境保护和绿色发展工作领导小组",
                    "湖北省推进长江经济带生态环境保护和绿色发展工作领导小组会议")}
