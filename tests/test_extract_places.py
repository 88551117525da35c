"""Places, locale evidence, title lists and body names on sentences written for these tests.

Each rule has positive cases from several provinces and levels, a traditional-script
variant, and text that must not yield the fact.
"""

from __future__ import annotations

from kg.extract import extract
from kg.model import RawArticle
from kg.normalise import normalise


def facts(text: str, meta: dict[str, str] | None = None) -> set[tuple[str, str, str]]:
    article = normalise(RawArticle("t.txt", "-", text, dict(meta or {})))
    out = set()
    for f in extract(article).facts:
        obj = f.object if isinstance(f.object, str) else f.object.label
        out.add((f.subject.label, f.predicate, obj))
    return out


def labels(got: set[tuple[str, str, str]]) -> set[str]:
    return {s for s, _, _ in got} | {o for _, _, o in got}


# ---------------------------------------------------------------- town boundaries

def test_three_character_town_keeps_its_first_character_in_a_bare_title():
    got = facts("3月2日,江夏区委书记到白沙洲镇调研。白沙洲镇党委书记王建军陪同。"
                "镇长李卫东汇报了全镇重点项目进展。")
    assert ("王建军", "holds", "白沙洲镇党委书记") in got
    assert ("李卫东", "holds", "白沙洲镇镇长") in got
    assert not any("沙洲镇" in x and "白沙洲镇" not in x for x in labels(got))


def test_town_names_whose_first_characters_are_a_number_or_follow_a_verb():
    got = facts("会议由五里墩街道党工委书记周海涛主持。深入大柳树沟乡调研,乡党委书记韩立新陪同。")
    assert ("周海涛", "holds", "五里墩街道党工委书记") in got
    assert ("韩立新", "holds", "大柳树沟乡党委书记") in got


def test_village_and_community_names_are_not_cut_at_a_county_short_name():
    got = facts("会议由小河口村党支部书记陈志强主持,清水塘社区党委书记刘芳出席会议。")
    assert ("陈志强", "holds", "小河口村党支部书记") in got
    assert ("刘芳", "holds", "清水塘社区党委书记") in got
    assert not any(x.startswith("河口") for x in labels(got))


def test_zone_name_does_not_take_the_word_before_it():
    got = facts("出席会议的有长沙经开区管委会主任黄志明。")
    assert ("黄志明", "holds", "长沙经开区管委会主任") in got
    assert not any(x.startswith("有") for x in labels(got))


def test_town_after_its_district_is_the_innermost_place_in_traditional_script():
    got = facts("出席會議的有江夏區白沙洲鎮黨委書記王建軍。")
    assert ("王建军", "holds", "白沙洲镇党委书记") in got


def test_phrase_ending_in_zhen_is_no_town():
    got = facts("最后镇党委副书记、镇长孙海波讲话。")
    assert not any(x.startswith("最后") for x in labels(got))
