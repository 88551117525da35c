"""Recall on political-legal (政法) news: forms a held-out set of court, procuratorate,
public-security, justice-bureau, 政法委, 议军会议 and drug-rehabilitation articles showed the
grammar missed.

Each test states a form in sentences written for it (people invented; places of other
regions, levels and years than that set), with the facts it must give, next to a near form
that must give nothing of the kind.
"""

from __future__ import annotations

from tests.extract_helpers import facts, post_in, posts, spoke

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


# ------------------------------ 2. full-time members of a court's or procuratorate's committee

def test_a_full_time_committee_member_is_a_post_of_the_court():
    text = ("发布时间:2017-09-06\n9月5日,贵阳市中级人民法院召开审判委员会会议。院长孔德亮主持"
            "会议,副院长、审判委员会专职委员姚斌,审判委员会专职委员吕晓红出席会议。")
    got = posts(text)
    assert ("姚斌", "贵阳市中级人民法院审判委员会专职委员") in got
    assert ("吕晓红", "贵阳市中级人民法院审判委员会专职委员") in got
    assert ("贵阳市中级人民法院审判委员会专职委员", "贵阳市中级人民法院") in post_in(text)


def test_a_procuratorates_full_time_member_and_a_bare_one_elsewhere():
    text = ("2012年3月2日,宝鸡市人民检察院召开党组会议。检察委员会专职委员马晓东列席会议。")
    assert ("马晓东", "宝鸡市检察院检察委员会专职委员") in posts(text)
    text = ("发布时间:2012-03-02\n3月1日,县委召开常委会会议。检察委员会专职委员马晓东列席会议。")
    assert not {p for _, p in posts(text) if "专职委员" in p}


# -------------------------- 3. a rehabilitation centre or a prison speaks of itself bare

def test_a_rehabilitation_centres_own_news_gives_its_bare_posts_to_it():
    text = ("四川省成都强制隔离戒毒所召开2019年度工作会议\n"
            "1月22日,四川省成都强制隔离戒毒所召开2019年度工作会议。所党委书记、所长陈光荣主持"
            "会议。所党委委员、纪委书记黄丽出席会议。副所长冯涛作工作报告。")
    got = posts(text)
    centre = "四川省成都强制隔离戒毒所"
    assert ("陈光荣", centre + "党委书记") in got
    assert ("陈光荣", centre + "所长") in got
    assert ("黄丽", centre + "纪委书记") in got
    assert ("冯涛", centre + "副所长") in got
    assert (centre + "纪委书记", centre + "纪委") in post_in(text)


def test_a_prisons_own_news_gives_its_warden_and_commissar_to_it():
    text = ("甘肃省天水监狱召开党委会议\n3月3日,甘肃省天水监狱召开党委会议。监狱党委书记、"
            "监狱长杨建华主持会议。监狱党委副书记、政委刘芳出席会议。")
    got = posts(text)
    assert ("杨建华", "甘肃省天水监狱监狱长") in got
    assert ("刘芳", "甘肃省天水监狱政委") in got
    assert ("刘芳", "甘肃省天水监狱党委副书记") in got


def test_a_centre_merely_visited_lends_no_bare_post():
    text = ("市委书记到市强制隔离戒毒所调研\n发布时间:2019-01-22\n1月21日,市委召开常委会会议。"
            "市委书记黄明主持会议。所长陈光荣列席会议。")
    assert not {p for _, p in posts(text, source="泸州日报") if "所长" in p}


# ------------------------------------ 4. a surname that is mostly a word, after a title

def test_a_yi_surname_after_a_title_is_read():
    text = ("发布时间:2021-05-12\n5月11日,楚雄州司法局召开党组会议。局党组书记、局长者国荣主持"
            "会议。副局长代红梅作说明。")
    got = posts(text)
    assert ("者国荣", "楚雄州司法局局长") in got
    assert ("代红梅", "楚雄州司法局副局长") in got


def test_a_word_after_a_title_is_no_name():
    text = ("发布时间:2021-05-12\n5月11日,楚雄州司法局召开党组会议。局长代表局党组作工作报告。")
    assert not posts(text)


# ------------------------------------------------ 5. views and advice given to the meeting

HEFEI = ("发布时间:2015-10-14\n10月13日,合肥市中级人民法院召开审判委员会会议。"
         "院长程立新主持会议。")


def test_a_view_or_advice_given_on_a_matter_is_speaking():
    text = (HEFEI +
            "市人民检察院副检察长储晓军列席会议,并就一起职务犯罪案件的定性发表了意见。"
            "市律师协会会长汪海列席会议并就律师参与涉诉信访工作提出了建议。")
    assert spoke(text) >= {"储晓军", "汪海"}


def test_asking_others_for_views_is_not_speaking():
    text = (HEFEI +
            "副院长方红出席会议。")
    assert "方红" not in spoke(text)
    text = (HEFEI +
            "副院长方红出席会议,会议要求各庭就案件质量问题提出意见。")
    assert "方红" not in spoke(text)


def test_each_title_of_a_pair_explained_is_discussed():
    text = ("发布时间:2020-12-30\n12月29日,江北区人民检察院召开党组会议。检察长邓波主持会议。"
            "副检察长彭丽、政治部主任唐军分别就《江北区人民检察院2021年工作要点》和"
            "《关于加强检察官履职监督的办法》的起草情况作了说明。")
    got = {o for _, p, o in facts(text) if p == "discussed"}
    assert got == {"江北区人民检察院2021年工作要点", "关于加强检察官履职监督的办法"}
    text = ("发布时间:2020-12-30\n12月29日,江北区人民检察院召开党组会议。检察长邓波主持会议。"
            "会议要求对照《检察官法》和《检察人员纪律处分条例》的规定抓好整改。")
    assert not {o for _, p, o in facts(text) if p == "discussed"}


# ------------------------------------------- 6. the armed forces' local organs, ranks after names

def test_a_sub_district_commander_with_his_rank_attends_and_speaks():
    text = ("发布时间:2018-01-20\n1月19日,中共宁乡县委召开2018年议军会议。"
            "县委书记、县人武部党委第一书记刘晓明主持会议。长沙警备区副司令员陈军大校到会指导并讲话。县委常委、县人武部政委李强"
            "上校,县人武部部长赵志刚中校出席会议。")
    got = facts(text)
    meeting = "宁乡县委2018年议军会议"
    assert ("陈军", "holds", "长沙警备区副司令员") in got
    assert ("长沙警备区副司令员", "postIn", "长沙警备区") in got
    assert ("陈军", "attended", meeting) in got and ("陈军", "spokeAt", meeting) in got
    assert ("李强", "holds", "宁乡县人武部政委") in got
    assert ("赵志刚", "holds", "宁乡县人武部部长") in got
    assert not {o for s, p, o in got if p == "holds" and ("校" in o or "将" in o)}


def test_a_provincial_military_district_and_a_bare_commander():
    text = ("发布时间:2018-01-20\n1月19日,湖北省委召开议军会议。"
            "湖北省军区司令员张立新少将出席会议。司令员王某出席会议。")
    got = posts(text)
    assert ("张立新", "湖北省军区司令员") in got
    assert not {p for _, p in got if p.endswith("司令员") and not p.startswith("湖北省军区")}


# ---------------------------------------------- 7. a place convening in its own name

def test_a_county_convening_in_its_own_name_is_its_committees_meeting():
    text = ("发布时间:2019-03-06\n3月5日,黔江区召开2019年平安建设工作推进会。区委副书记、区长"
            "张华主持会议。区委书记刘明出席会议并讲话。")
    got = facts(text)
    meeting = "黔江区2019年平安建设工作推进会"
    assert {f for f in got if f[1] == "held"} == {("黔江区委", "held", meeting)}
    assert ("张华", "presided", meeting) in got and (meeting, "date", "2019-03-05") in got
    assert ("刘明", "spokeAt", meeting) in got


def test_a_town_or_a_committee_convening_still_holds():
    text = "发布时间:2019-03-06\n3月5日,龙泉镇召开平安建设工作推进会。镇长张华主持会议。"
    assert ("龙泉镇", "held", "龙泉镇平安建设工作推进会") in facts(text)
    text = "发布时间:2019-03-06\n3月5日,黔江区委召开平安建设工作推进会。区长张华主持会议。"
    assert ("黔江区委", "held", "黔江区委平安建设工作推进会") in facts(text)


def test_a_courts_committee_member_first_in_a_title_run_at_its_meeting():
    text = ("发布时间:2020-06-03\n6月2日,岳阳市中级人民法院召开党组会议。院长李卫东主持会议。"
            "审判委员会委员、民一庭庭长刘芳,诉讼服务中心主任谢军出席会议。")
    got = posts(text)
    assert ("刘芳", "岳阳市中级人民法院审判委员会委员") in got
    assert ("刘芳", "岳阳市中级人民法院民一庭庭长") in got
    assert ("谢军", "岳阳市中级人民法院诉讼服务中心主任") in got
    assert not {p for _, p in got if "判委" in p and not p.startswith("岳阳")}


def test_a_branch_bureau_owns_no_unit_named_after_it():
    text = ("发布时间:2020-06-03\n6月2日,衡阳市公安局召开党委会议。局长黄立主持会议。"
            "雁峰分局局长陈刚、治安支队政委王磊列席会议。")
    assert not {p for _, p in posts(text) if p.startswith("雁峰分局治安支队")}


def test_a_prison_or_detention_house_holding_the_meeting_owns_its_bare_posts():
    text = ("发布时间:2019-04-11\n4月10日,湖南省女子监狱召开2019年工作会议。监狱党委书记、监狱长"
            "周某主持会议。狱政管理科科长王某汇报了一季度工作。")
    got = facts(text)
    assert ("湖南省女子监狱", "held", "湖南省女子监狱2019年工作会议") in got
    assert ("周某", "holds", "湖南省女子监狱监狱长") in got
    assert ("周某", "holds", "湖南省女子监狱党委书记") in got
    assert ("王某", "holds", "湖南省女子监狱狱政管理科科长") in got
    text = ("发布时间:2019-04-11\n4月10日,常德市看守所召开党风廉政建设工作会议。所党委书记、所长"
            "张某主持会议,政委刘某作工作报告。")
    got = posts(text)
    assert {("张某", "常德市看守所党委书记"), ("张某", "常德市看守所所长"),
            ("刘某", "常德市看守所政委")} <= got


def test_a_bare_warden_elsewhere_is_no_post():
    text = "发布时间:2019-04-11\n4月10日,市委召开常委会会议。所长张某、监狱长李某列席会议。"
    assert not posts(text, source="常德日报")


# --------------------------------------- 8. grades of judges and procurators close a title run

def test_a_judges_grade_ends_the_titles_and_is_no_post():
    text = ("发布时间:2021-09-02\n9月1日,株洲市中级人民法院召开党组会议。党组书记、院长、"
            "一级高级法官王某主持会议。党组成员、副院长、二级高级法官李某出席会议。")
    got = posts(text)
    assert {("王某", "株洲市中级人民法院党组书记"), ("王某", "株洲市中级人民法院院长"),
            ("李某", "株洲市中级人民法院副院长")} <= got
    assert not {p for _, p in got if "法官" in p}
    text = "发布时间:2021-09-02\n9月1日,醴陵市人民检察院召开党组会议。四级高级检察官赵某列席会议。"
    got = facts(text)
    assert ("赵某", "attended", "醴陵市检察院党组会议") in got
    assert not {o for s, p, o in got if p == "holds"}


def test_a_brigades_political_instructor_is_its_post():
    text = ("发布时间:2021-09-02\n9月1日,醴陵市公安局召开党委会议。局长周某主持会议。"
            "治安大队教导员吴某列席会议。")
    assert ("吴某", "醴陵市公安局治安大队教导员") in posts(text)


def test_a_political_legal_committees_sections_at_its_meeting():
    text = ("发布时间:2021-09-02\n9月1日,株洲市委政法委召开全体会议。市委常委、政法委书记王某主持"
            "会议。执法监督科科长刘某汇报了有关情况。")
    assert ("刘某", "株洲市委政法委执法监督科科长") in posts(text)
    text = ("发布时间:2021-09-02\n9月1日,株洲市委召开常委会会议。市委书记王某主持会议。"
            "督查科科长刘某列席会议。")
    assert not {p for s, p in posts(text) if s == "刘某"}


def test_a_prison_administration_bureau_is_no_prison():
    text = ("云南省监狱管理局召开党委会议\n发布时间:2022-03-02\n"
            "3月1日,云南省监狱管理局召开党委会议。党委书记、局长杨某主持会议,要求全省监狱系统抓好安全稳定。")
    got = posts(text)
    assert ("杨某", "云南省监狱管理局局长") in got
    assert not {p for _, p in got if p.startswith("云南省监狱") and "管理局" not in p}


def test_one_character_divisions_of_a_court_and_a_place_named_notary_office():
    text = ("发布时间:2018-07-02\n7月1日,红塔区人民法院召开党组会议。院长李某主持会议。"
            "刑庭庭长张某、民庭庭长王某列席会议。")
    got = posts(text)
    assert {("张某", "红塔区人民法院刑庭庭长"), ("王某", "红塔区人民法院民庭庭长")} <= got
    text = ("发布时间:2018-07-02\n7月1日,玉溪市司法局召开党组会议。局长李某主持会议。"
            "市公证处主任张某列席会议。")
    assert ("张某", "玉溪市公证处主任") in posts(text)


def test_numbered_brigades_and_a_branch_bureaus_units():
    text = ("四川省成都强制隔离戒毒所召开党委会议\n发布时间:2020-11-02\n11月1日,四川省成都强制隔离"
            "戒毒所召开党委会议。所长陈某主持会议。一大队大队长刘某、教育矫治科科长黄某列席会议。")
    got = posts(text)
    assert ("刘某", "四川省成都强制隔离戒毒所一大队大队长") in got
    assert ("黄某", "四川省成都强制隔离戒毒所教育矫治科科长") in got
    text = ("发布时间:2020-11-02\n11月1日,成都市公安局锦江区分局召开党委会议。分局党委书记、局长"
            "陈某主持会议。春熙路派出所所长刘某、刑侦大队大队长黄某列席会议。")
    got = posts(text)
    assert ("陈某", "成都市公安局锦江区分局党委书记") in got
    assert ("黄某", "成都市公安局锦江区分局刑侦大队大队长") in got
    assert ("刘某", "春熙路派出所所长") in got


def test_bare_military_organs_at_a_committees_military_meeting():
    text = ("发布时间:2023-02-10\n2月9日,上饶市委召开议军会议。市委书记、军分区党委第一书记陈某"
            "主持会议。军分区司令员刘某大校、政委黄某大校出席会议。")
    got = posts(text)
    assert {("陈某", "上饶军分区党委第一书记"), ("刘某", "上饶军分区司令员"),
            ("黄某", "上饶军分区政委")} <= got
    text = ("发布时间:2023-02-10\n2月9日,宁都县委召开议军会议。县委书记王某主持会议。"
            "人武部部长赵某上校汇报了工作。")
    assert ("赵某", "宁都县人武部部长") in posts(text)
    text = ("发布时间:2023-02-10\n2月9日,宁都县委统战部召开部务会议。部长王某主持会议。"
            "人武部部长赵某列席会议。")
    assert not {p for _, p in posts(text) if "人武部" in p and p.startswith("宁都县")}
