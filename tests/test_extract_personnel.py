"""Recall on personnel and discipline news: forms a held-out set of 领导干部大会, 纪委全会,
巡视/巡察 meetings, 民主生活会, 警示教育大会, 人大 任免 sittings and 任前公示 showed the
grammar missed.

Each test states a form in sentences written for it (people invented; places of other
regions, levels and years than that set), with the facts it must give, next to a near form
that must give nothing of the kind.
"""

from __future__ import annotations

from tests.extract_helpers import facts, people, spoke


def posts(text: str, **meta: str) -> set[str]:
    return {o for _, p, o in facts(text, **meta) if p == "holds"}


def held(text: str, name: str, **meta: str) -> set[str]:
    return {o for s, p, o in facts(text, **meta) if p == "holds" and s == name}


# ------------------------------------------------ 1. how a title is held, in brackets

def test_a_title_held_on_secondment_keeps_its_name():
    text = ("3月5日,漳州市委召开全市领导干部会议。市委常委、副市长(挂职)林志远,"
            "市委常委、秘书长(兼)黄海涛在主席台就座。")
    got = facts(text)
    assert ("林志远", "holds", "漳州市委常委") in got
    assert ("林志远", "holds", "漳州市副市长") in got
    assert ("黄海涛", "holds", "漳州市委秘书长") in got
    assert ("林志远", "attended", "漳州市委全市领导干部会议") in got


def test_a_company_post_held_on_secondment():
    text = ("5月9日,山东高速集团有限公司召开2023年警示教育大会。集团党委委员、副总经理(挂职)"
            "孟庆华参加会议。")
    assert "孟庆华" in people(text)
    assert not any("挂职" in s for s in people(text))


# ------------------------------------------------ 2. names the grammar cut short

def test_a_given_name_with_shu_is_a_name():
    text = ("4月2日,绍兴市纪委召开全体会议。市委常委、市纪委书记、市监委主任钱书敏作工作报告。"
            "市人民检察院检察长丁书阳列席会议。")
    got = facts(text)
    assert ("钱书敏", "holds", "绍兴市纪委书记") in got
    assert ("钱书敏", "spokeAt", "绍兴市纪委全体会议") in got
    assert ("丁书阳", "attended", "绍兴市纪委全体会议") in got


def test_a_role_with_shu_after_a_surname_is_no_name():
    text = "4月2日,绍兴市纪委召开全体会议。向书记汇报了有关情况的同志出席会议。"
    assert not any(s.startswith("向书") for s in people(text))


def test_a_given_name_ending_in_wei_before_a_comma():
    text = ("1月6日,恩施市人大常委会举行第二十次会议。市监委主任严立为,市人民法院院长蒋明"
            "列席会议。")
    got = people(text)
    assert "严立为" in got and "严立" not in got


def test_a_preposition_before_its_object_still_ends_the_name():
    text = ("1月6日,恩施市人大常委会举行第二十次会议。副主任李智作了说明。"
            "主任王明为大家作了讲解。")
    got = people(text)
    assert "李智" in got and "王明" in got
    assert "李智作" not in got and "王明为" not in got


# ------------------------------------------------ 3. a decision announced: X同志任…

DECISION = ("6月12日上午,省委在西宁召开全省领导干部大会,"
            "宣布中央关于青海省委主要领导同志职务调整的决定。"
            "中央组织部副部长王海涛宣布了中央决定:马振华同志任青海省委委员、常委、书记;"
            "周德明同志不再担任青海省委书记、常委、委员职务。")


def test_a_comrade_appointed_by_the_decision_holds_each_post():
    got = held(DECISION, "马振华")
    assert got == {"青海省委委员", "青海省委常委", "青海省委书记"}


def test_a_comrade_no_longer_in_post_holds_none_of_it():
    assert not held(DECISION, "周德明")


def test_a_post_held_since_or_during_is_not_taken_up():
    text = ("6月12日,省委召开全省领导干部大会。周德明同志任青海省长以来,工作扎实。"
            "马振华同志任海东市委书记期间,成绩突出。")
    assert not held(text, "周德明") and not held(text, "马振华")


# ------------------------------------------------ 4. a 任前公示: name, bio, 现任…

NOTICE = ("湖北省委组织部干部任前公示\n"
          "刘晓燕(女,汉族,1972年4月生,湖北孝感人,1994年7月参加工作,研究生学历),现任湖北省"
          "民政厅副厅长(副厅级),拟任湖北省退役军人事务厅厅长。\n"
          "陈建波(男,土家族,1975年2月生,湖北恩施人,大学学历),现任咸宁市委副书记、代市长,"
          "拟提名为咸宁市市长人选。\n"
          "杨帆(男,汉族,1980年9月生),现任武汉市财政局局长,挂职任黄石市委常委、副市长,"
          "拟任正厅级领导职务。")


def test_a_candidate_holds_the_posts_named_as_current():
    got = posts(NOTICE)
    assert {"湖北省民政厅副厅长", "咸宁市委副书记", "咸宁市代市长", "武汉市财政局局长",
            "黄石市委常委", "黄石市副市长"} <= got
    assert ("刘晓燕", "holds", "湖北省民政厅副厅长") in facts(NOTICE)


def test_a_proposed_post_is_not_held():
    got = posts(NOTICE)
    assert "湖北省退役军人事务厅厅长" not in got
    assert "咸宁市市长" not in got


def test_current_posts_need_a_name_opening_the_sentence():
    text = "会议要求,现任领导班子成员要带头整改,现任市委常委、副市长要以身作则。"
    assert not people(text)


# ------------------------------------------------ 5. speaking in a paragraph of one's own

PLENUM = ("3月2日,中共赣州市委召开全市领导干部大会。省委组织部副部长刘国强宣读了省委决定,"
          "陈立新同志任赣州市委委员、常委、书记。\n"
          "陈立新在表态发言中说,坚决拥护省委决定。\n")


def test_an_appointee_speaks_in_his_statement():
    assert "陈立新" in spoke(PLENUM)
    assert "陈立新" in spoke(PLENUM.replace("在表态发言中说", "在表态发言时表示"))
    assert "陈立新" in spoke(PLENUM.replace("在表态发言中说", "在任职发言中表示"))
    assert "陈立新" in spoke(PLENUM.replace("在表态发言中说", "在任职表态发言中表示"))


def test_the_outgoing_secretary_speaks_in_his_farewell():
    text = PLENUM + "王永刚同志不再担任赣州市委书记职务。\n王永刚作了离任发言。\n"
    assert "王永刚" in spoke(text)
    assert "王永刚" not in spoke(text.replace("作了离任发言", "将另有任用"))


def test_a_statement_read_of_someone_else_is_no_speech():
    assert "陈立新" not in spoke(PLENUM.replace("在表态发言中说", "的表态发言材料已印发"))


def test_a_comment_on_the_meeting_is_a_speech():
    text = ("1月20日,岳阳市委常委班子召开专题民主生活会。省委第二督导组组长刘建军到会指导。\n"
            "刘建军对民主生活会进行了点评。\n")
    assert "刘建军" in spoke(text)
    assert "刘建军" not in spoke(text.replace("对民主生活会进行了点评", "对民主生活会进行了调研"))


def test_an_address_made_in_its_own_paragraph():
    text = ("2月20日,中共弥渡县第十届纪律检查委员会第三次全体会议在县委礼堂召开。\n"
            "县委书记杨志明作了重要讲话。他要求,各级党组织要严格落实责任。\n")
    assert "杨志明" in spoke(text)
    assert "杨志明" not in spoke(text.replace("作了重要讲话", "作了重要批示"))


# ------------------------------------------------ 6. a work group's deputy named bare

def test_a_bare_deputy_leader_is_of_the_group_named_before():
    text = ("1月18日,株洲市委常委班子召开专题民主生活会。省委第五督导组组长、省政协原副主席"
            "李国强,副组长王丽到会指导。")
    got = facts(text)
    assert ("王丽", "holds", "湖南省委第五督导组副组长") in got
    assert ("李国强", "holds", "湖南省委第五督导组组长") in got
    assert not any(p == "holds" and "政协" in o for _, p, o in got)


def test_a_bare_deputy_without_a_group_named_is_no_post():
    text = "1月18日,株洲市委召开常委会会议。市委书记李国强,副组长王丽出席会议。"
    assert not held(text, "王丽")


# ------------------------------------------------ 7. inspection groups and the inspected

INSPECTION = ("省委第二巡视组巡视兰州大学党委工作动员会召开\n发布时间:2019-04-10 来源:党委宣传部\n"
              "4月9日下午,甘肃省委第二巡视组巡视兰州大学党委工作动员会在城关校区召开。省委第二巡视组"
              "组长(正厅级)王建国作讲话,学校党委书记李华主持会议。校长赵明远,学校党委副书记、"
              "纪委书记孙丽等校领导在主席台就座。")


def test_an_inspection_headline_names_the_inspected_institution():
    got = facts(INSPECTION)
    assert ("李华", "holds", "兰州大学党委书记") in got
    assert ("赵明远", "holds", "兰州大学校长") in got
    assert ("孙丽", "holds", "兰州大学纪委书记") in got
    assert not any("巡视兰州" in o for _, p, o in got if p in ("holds", "postIn"))


def test_the_inspection_meeting_is_held_by_the_group():
    got = facts(INSPECTION)
    meeting = "甘肃省委第二巡视组巡视兰州大学党委工作动员会"
    assert ("甘肃省委第二巡视组", "held", meeting) in got
    assert ("王建国", "holds", "甘肃省委第二巡视组组长") in got
    assert ("王建国", "spokeAt", meeting) in got


FEEDBACK = ("9月3日上午,市委第一巡察组向龙泉镇党委反馈巡察情况。市委常委、市纪委书记周强出席"
            "反馈会并讲话,市委第一巡察组组长(正处级)吴斌反馈了巡察情况。龙泉镇党委书记郑凯"
            "主持会议并作表态发言。")


def test_an_inspection_feedback_is_a_meeting_of_the_group():
    got = facts(FEEDBACK, source="丽水市纪委监委")
    meeting = "丽水市委第一巡察组巡察龙泉镇党委情况反馈会"
    assert ("丽水市委第一巡察组", "held", meeting) in got
    assert (meeting, "date", "--09-03") in got
    assert ("周强", "attended", meeting) in got and ("周强", "spokeAt", meeting) in got
    assert ("吴斌", "spokeAt", meeting) in got
    assert ("郑凯", "presided", meeting) in got


def test_feedback_asked_for_is_no_meeting():
    text = ("会议要求,各镇党委要及时向县委巡察办反馈巡察情况。"
            "县委书记郑凯出席会议。")
    assert not any(p == "held" for _, p, _ in facts(text))


# ------------------------------------------------ 8. a 人大常委会 appointing

SITTING = ("3月28日,来凤县第十八届人民代表大会常务委员会第十五次会议举行。会议任命向春梅(女,土家族)"
           "为来凤县民政局局长;任命田杰为来凤县人民法院审判员;任命覃丽(女,汉族)为来凤县人民代表"
           "大会常务委员会办公室主任;任命彭军为来凤县人民检察院检察员。")


def test_an_appointee_with_a_gloss_takes_the_post():
    got = facts(SITTING)
    assert ("向春梅", "holds", "来凤县民政局局长") in got
    assert ("覃丽", "holds", "来凤县人大常委会办公室主任") in got


def test_judges_and_prosecutors_appointed_hold_their_posts():
    got = facts(SITTING)
    assert ("田杰", "holds", "来凤县人民法院审判员") in got
    assert ("来凤县人民法院审判员", "postIn", "来凤县人民法院") in got
    assert any(s == "彭军" and p == "holds" and o.endswith("检察院检察员") for s, p, o in got)


def test_a_judge_without_a_court_is_no_post():
    text = "3月28日,来凤县人大常委会举行第十五次会议。会议听取了人民陪审员、审判员代表的意见。"
    assert not posts(text)


# ------------------------------------------------ 9. a titled work report in its own paragraph

PLENARY = ("2月21日,中共祥云县第十届纪律检查委员会第四次全体会议在县委礼堂召开。\n"
           "县委常委、县纪委书记罗明代表县纪委常委会作了题为《坚持严的基调 推动全面从严治党向纵深"
           "发展》的工作报告。\n")


def test_a_titled_work_report_in_its_own_paragraph_is_discussed():
    got = facts(PLENARY)
    meeting = "祥云县第十届纪律检查委员会第四次全体会议"
    assert (meeting, "discussed", "坚持严的基调 推动全面从严治党向纵深发展") in got
    assert ("罗明", "spokeAt", meeting) in got


def test_a_titled_speech_in_its_own_paragraph_is_not_discussed():
    text = PLENARY.replace("的工作报告", "的讲话")
    assert not any(p == "discussed" for _, p, _ in facts(text))


# ------------------------------------------------ 10. a warning-education meeting at a company

WARNING = ("山东高速集团召开2023年警示教育大会\n"
           "5月9日,山东高速集团有限公司召开2023年警示教育大会。集团党委书记、董事长王立新出席会议"
           "并讲话。会上,临沂分公司原党委书记孙某某、市交通局原局长赵某某在视频中现身说法。")


def test_a_post_with_former_inside_it_is_not_held():
    got = posts(WARNING)
    assert not any("原" in p for p in got)
    assert "山东高速集团党委书记" in got or any(p.endswith("集团党委书记") for p in got)


def test_a_place_name_with_yuan_is_no_former_post():
    text = "5月9日,太原市委召开常委会会议。太原市委书记李明、中原区委书记张强出席会议。"
    assert {"太原市委书记", "中原区委书记"} <= posts(text)


def test_a_meeting_named_with_its_year_dates_the_article():
    meeting = "山东高速集团有限公司2023年警示教育大会"
    assert (meeting, "date", "2023-05-09") in facts(WARNING)


def test_a_meeting_of_a_year_before_says_nothing_of_the_year():
    text = WARNING.replace("2023年警示教育大会", "2022年度民主生活会")
    assert not any(p == "date" and o.startswith("2022") for _, p, o in facts(text))


# ------------------------------------------------ 11. a commissioner sent by a 监委

def test_a_resident_commissioner_holds_both_sides_of_the_comma():
    text = ("6月18日,山东省委召开全省国有企业警示教育大会。山东高速集团党委委员、纪委书记,"
            "省监委驻山东高速集团监察专员孙立平通报了典型案件。")
    got = held(text, "孙立平")
    assert {"山东高速集团党委委员", "山东高速集团纪委书记",
            "山东省监委驻山东高速集团监察专员"} <= got
    assert ("山东省监委驻山东高速集团监察专员", "postIn", "山东省监委") in facts(text)


def test_titles_before_a_comma_stay_other_peoples_without_a_commissioner():
    text = ("6月18日,山东省委召开全省国有企业警示教育大会。省人大常委会副主任、省政协副主席,"
            "省高级人民法院院长孙立平出席会议。")
    assert held(text, "孙立平") == {"山东省高级人民法院院长"}


# ------------------------------------------------ 12. a department's division named in full

def test_a_division_named_after_its_department_is_a_post():
    got = posts(NOTICE.replace("现任武汉市财政局局长", "现任湖北省委组织部干部二处处长"))
    assert "湖北省委组织部干部二处处长" in got
    assert "湖北省财政厅预算处处长" in posts(
        NOTICE.replace("现任武汉市财政局局长", "现任湖北省财政厅预算处处长"))


def test_a_division_of_no_department_is_no_post():
    text = NOTICE.replace("现任武汉市财政局局长", "现任武汉市好处处长")
    assert not any("好处" in p for p in posts(text))


def test_a_numbered_candidate_or_a_bio_after_commas_holds_the_current_posts():
    text = ("干部任前公示\n1. 张建国,男,汉族,1970年5月生,河北保定人,研究生学历,现任保定市委常委、"
            "副市长,拟任正厅级领导职务。\n2. 李梅(女,回族,1975年3月生),现任唐山市财政局局长,"
            "拟任唐山市副市长。")
    got = facts(text)
    assert ("张建国", "holds", "保定市副市长") in got
    assert ("李梅", "holds", "唐山市财政局局长") in got
    assert ("李梅", "holds", "唐山市副市长") not in got


def test_a_group_leader_reporting_findings_keeps_his_whole_name():
    text = ("8月19日,省委第五巡视组向宜章县委反馈巡视情况。省委第五巡视组组长王建平反馈了巡视情况,"
            "宜章县委书记陈立军主持会议。")
    assert "王建平" in spoke(text) and "王建" not in people(text)


def test_a_decision_naming_bare_names_gives_their_posts():
    text = ("3月20日,省委召开全省领导干部会议。省委决定:王立任榆林市委委员、常委和书记;"
            "张华任榆林市委副书记,提名为榆林市市长候选人。")
    assert held(text, "王立") == {"榆林市委委员", "榆林市委常委", "榆林市委书记"}
    assert held(text, "张华") == {"榆林市委副书记"}


def test_a_bare_name_in_post_during_or_a_task_is_no_appointment():
    text = ("3月20日,省委召开全省领导干部会议。张明任榆林市委常委期间,成绩突出。"
            "会议指出,市委副书记任务繁重。")
    assert not held(text, "张明") and not any(p.endswith("任务") for p in people(text))


def test_a_county_rank_after_a_title_is_a_note():
    text = ("3月5日,旌德县委召开全县领导干部会议。县委常委、副县长(正县级)王立新,"
            "县政协副主席(正科级)李强出席会议。")
    assert held(text, "王立新") == {"旌德县委常委", "旌德县副县长"}
    assert held(text, "李强") == {"旌德县政协副主席"}
    assert not held(text.replace("(正县级)", "(正在发言)"), "王立新")
