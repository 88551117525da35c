"""Write a synthetic corpus of government news articles, any number, deterministic by seed.

The articles look like the real ones the tool reads: a breadcrumb line, a
headline, a dated lead sentence in which a body holds a named meeting, title
sequences (市委常委、统战部部长 + name) with presided/attended/spoke verbs,
《documents》 reviewed or adopted, boilerplate paragraphs, and an editor line.
Some articles are in traditional script and some carry pinyin annotations, as
scraped pages do.  The names are random (real surnames + given-name characters);
the places are real cities and districts.  Used by bench/bench_build.py.

    python bench/synth.py OUT --count 10000 [--seed 7] [--leads-only]
"""

from __future__ import annotations

import argparse
import random
import sys
from functools import cache
from pathlib import Path

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋"
            "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段"
            "雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤") + "|欧阳|司马|上官"
GIVEN = ("建国华明伟芳娜敏静丽强磊军洋勇艳杰涛超秀霞平刚桂英文辉力斌鹏宇浩凯俊峰志新亮林"
         "红玲晓燕海东春雪梅晨阳光荣成德昌永祥瑞庆兴国安宁海波涛鸿飞云天立清正")
PINYIN = {"王": "wáng", "李": "lǐ", "张": "zhāng", "刘": "liú", "陈": "chén", "杨": "yáng",
          "赵": "zhào", "周": "zhōu", "吴": "wú", "徐": "xú", "孙": "sūn", "马": "mǎ",
          "朱": "zhū", "胡": "hú", "郭": "guō", "何": "hé", "高": "gāo", "林": "lín",
          "华": "huá", "明": "míng", "伟": "wěi", "芳": "fāng", "敏": "mǐn", "静": "jìng",
          "强": "qiáng", "军": "jūn", "勇": "yǒng", "杰": "jié", "涛": "tāo", "峰": "fēng"}
#: province -> city -> districts (real places).
PLACES = {
    "浙江省": {"杭州市": ["西湖区", "上城区", "拱墅区", "滨江区"],
            "宁波市": ["海曙区", "鄞州区", "江北区"], "温州市": ["鹿城区", "瓯海区"]},
    "四川省": {"成都市": ["锦江区", "武侯区", "青羊区"], "绵阳市": ["涪城区", "游仙区"]},
    "福建省": {"福州市": ["鼓楼区", "台江区"], "三明市": ["三元区", "沙县区"]},
    "陕西省": {"西安市": ["雁塔区", "碑林区", "未央区"], "宝鸡市": ["渭滨区", "金台区"]},
    "江苏省": {"南京市": ["玄武区", "秦淮区"], "苏州市": ["姑苏区", "吴中区"]},
    "广东省": {"广州市": ["天河区", "越秀区"], "深圳市": ["福田区", "南山区"]},
    "湖北省": {"武汉市": ["江岸区", "武昌区"], "宜昌市": ["西陵区"]},
    "山东省": {"济南市": ["历下区", "市中区"], "青岛市": ["市南区", "崂山区"]},
    "重庆市": {"重庆市": ["渝中区", "江北区", "沙坪坝区"]},
    "内蒙古自治区": {"巴彦淖尔市": ["临河区"], "赤峰市": ["红山区", "松山区"]},
}
#: body suffix -> roles its officials hold there.
BODIES = {
    "委": ["书记", "副书记", "常委"],
    "委统战部": ["部长", "常务副部长", "副部长"],
    "委组织部": ["部长", "副部长"],
    "委宣传部": ["部长", "副部长"],
    "人大常委会": ["主任", "副主任", "秘书长"],
    "政协": ["主席", "副主席", "秘书长"],
    "工商联": ["主席", "副主席"],
}
HEADS = {"市": "市长", "区": "区长"}
#: Article length, calibrated on the sample corpus (five real scraped articles of 4.2-6.7 kB,
#: mean 5.7 kB, 2,100-3,100 characters): most articles go on after the lead with what was
#: said, a few are briefs of the lead alone.  The lead alone is about 1.2 kB.
BRIEFS = 0.2
BODY_PARAGRAPHS = (5, 18)
MEETINGS = ["常委会会议", "理论学习中心组(扩大)学习会", "全体会议", "专题会议", "工作会议",
            "座谈会", "第{n}次常委会会议", "第{n}次全体(扩大)会议", "党组会议"]
DOCS = ["关于加强新时代{topic}工作的意见", "{place}{topic}条例",
        "{place}“十四五”{topic}规划(2021—2025年)", "政府工作报告",
        "{place}{topic}三年行动计划", "关于{topic}的实施方案", "{year}年工作要点"]
TOPICS = ["统一战线", "民营经济", "基层治理", "生态环境保护", "乡村振兴", "营商环境", "民族团结",
          "宗教工作", "人才发展", "数字经济", "安全生产", "城市更新"]
VERBS = [("主持会议", "presided"), ("出席会议并讲话", "spokeAt"), ("参加会议", "attended"),
         ("列席会议", "attended"), ("出席", "attended"), ("作总结讲话", "spokeAt")]
FILLER = [
    "会议强调,要深入学习贯彻党的二十大精神,切实把思想和行动统一到中央决策部署上来。",
    "会议指出,要坚持稳中求进工作总基调,完整准确全面贯彻新发展理念,推动高质量发展取得新成效。",
    "会议要求,各级各部门要压紧压实责任,细化工作举措,确保各项任务落地见效。",
    "与会同志结合工作实际作了交流发言,大家一致认为,要以更高标准、更实举措抓好贯彻落实。",
    "会议认为,过去一年来,全市上下攻坚克难、砥砺奋进,各项事业取得新的进展。",
    "会议强调,要统筹发展和安全,守牢安全生产底线,切实维护社会大局和谐稳定。",
    "会议指出,要加强调查研究,聚焦群众急难愁盼问题,推动解决一批实际困难。",
    "会议要求,要持续深化作风建设,力戒形式主义、官僚主义,以优良作风保障任务完成。",
]
CRUMBS = ["首页 > 新闻中心 > 要闻", "首页 > 统战要闻", "首页>多党合作>工作动态",
          "当前位置:首页 > 工作动态"]
SOURCES = ["日报", "统战网", "新闻网", "人大网", "政协网"]
#: The body of a full article: what the speakers said, built clause by clause so that
#: no two paragraphs repeat (a repeated paragraph is boilerplate the reader drops).
OPENERS = ["要", "必须", "各级各部门要", "全{level}上下要", "广大党员干部要", "各单位要",
           "要始终", "要进一步", "要更加注重", "要坚持不懈"]
ACTIONS = ["深入贯彻", "坚定不移推进", "着力推进", "持续深化", "切实加强", "统筹推进", "扎实做好",
           "不断完善", "全面落实", "大力推动", "认真谋划", "健全完善", "积极探索", "用心用情做好"]
OBJECTS = ["{topic}工作", "党的建设", "体制机制改革", "干部队伍建设", "基层组织建设",
           "风险防范化解", "民生保障", "招商引资", "项目建设", "政治监督", "调查研究",
           "作风建设", "法治建设",
           "{topic}领域重点任务", "{topic}各项举措", "协商民主", "民主监督", "人才引育",
           "联系服务群众", "统战成员队伍建设", "基层治理体系", "制度建设", "意识形态工作"]
PURPOSES = ["为{place}高质量发展提供坚强保障", "推动各项工作取得新成效", "确保各项任务落地见效",
            "以实际成效检验学习成果", "凝聚起干事创业的强大合力", "切实把制度优势转化为治理效能",
            "不断增强人民群众的获得感、幸福感、安全感", "努力在新征程上展现新作为",
            "奋力谱写{place}现代化建设新篇章", "为全{level}工作大局贡献智慧和力量"]
LEADS = ["会议强调,", "会议指出,", "会议要求,", "{chair}指出,", "{chair}强调,", "{chair}要求,",
         "与会人员一致认为,", "会议认为,", ""]
JOINS = [";", ";", "。", "。同时,", "。此外,"]


class Writer:
    """One article at a time from a seeded random source."""

    def __init__(self, seed: int, full: bool = True) -> None:
        self.rng = random.Random(seed)
        self.full = full
        self.surnames = [c for c in SURNAMES.split("|")[0]] + SURNAMES.split("|")[1:]

    def name(self) -> str:
        r = self.rng
        return r.choice(self.surnames) + "".join(r.choices(GIVEN, k=r.choice((1, 2, 2))))

    def place(self) -> tuple[str, str, str]:
        province = self.rng.choice(list(PLACES))
        city = self.rng.choice(list(PLACES[province]))
        return province, city, self.rng.choice(PLACES[province][city])

    def titled(self, locale: str, level: str) -> tuple[str, str]:
        """A title sequence and a name: 杭州市委常委、统战部部长张伟."""
        r = self.rng
        body = r.choice(list(BODIES))
        titles = [f"{locale}{body}{r.choice(BODIES[body])}"]
        if body.startswith("委") and r.random() < 0.5:
            dept = r.choice(["委统战部", "委组织部", "委宣传部"])
            titles = [f"{locale}委常委", f"{dept[1:]}{r.choice(BODIES[dept])}"]
        elif r.random() < 0.2:
            titles.append(f"{level}{HEADS.get(level, '市长')}" if r.random() < 0.5 else
                          f"{locale}政府副{HEADS.get(level, '市长')}")
        return "、".join(titles), self.name()

    def paragraph(self, place: str, level: str, chair: str) -> str:
        """One paragraph of what the meeting said: 3-7 policy clauses, different each time."""
        r = self.rng
        text = r.choice(LEADS).format(chair=chair)
        for i in range(r.randint(3, 7)):
            clause = "".join((r.choice(OPENERS), r.choice(ACTIONS), r.choice(OBJECTS), ",",
                              r.choice(PURPOSES)))
            text += (r.choice(JOINS) if i else "") + clause.format(
                topic=r.choice(TOPICS), place=place, level=level)
        return text + "。"

    def document(self, place: str, year: int) -> str:
        r = self.rng
        return "《" + r.choice(DOCS).format(place=place, topic=r.choice(TOPICS), year=year) + "》"

    def article(self) -> str:
        r = self.rng
        province, city, district = self.place()
        level = r.choice(("市", "市", "区"))
        locale = city if level == "市" else district
        year, month, day = r.randint(2016, 2025), r.randint(1, 12), r.randint(1, 28)
        date = f"{year}年{month}月{day}日" if r.random() < 0.6 else f"{month}月{day}日"
        body = locale + r.choice(["委", "委统战部", "人大常委会", "政协", "政府", "工商联"])
        meeting = r.choice(MEETINGS).format(n=r.randint(2, 40))
        lines = [r.choice(CRUMBS), f"{body}召开{meeting}"]
        chair_titles, chair = self.titled(locale, level)
        lead = f"{date},{body}召开{meeting}。{chair_titles}{chair}主持会议并讲话。"
        lines.append(lead)
        docs = [self.document(locale, year) for _ in range(r.randint(1, 3))]
        lines.append(f"会议传达学习了{docs[0]},审议通过了{'、'.join(docs[1:]) or docs[0]}。")
        attendees = [self.titled(locale, level) for _ in range(r.randint(2, 5))]
        for titles, person in attendees:
            lines.append(f"{titles}{person}{r.choice(VERBS)[0]}。")
        lines.append("".join(r.sample(FILLER, r.randint(2, 4))))
        lines.extend(r.sample(FILLER, r.randint(1, 3)))
        if self.full and r.random() >= BRIEFS:
            lines.extend(self.paragraph(locale, level, chair)
                         for _ in range(r.randint(*BODY_PARAGRAPHS)))
        lines.append(f"{province}{r.choice(['委', '人大常委会', '政协'])}有关负责同志应邀出席。")
        lines.append(f"责任编辑:{self.name()}")
        lines.append(f"来源:{city[:-1]}{r.choice(SOURCES)}")
        text = "\n".join(lines) + "\n"
        roll = r.random()
        if roll < 0.15:
            return _traditional(text)
        if roll < 0.25:
            return self.pinyin(text)
        return text

    def pinyin(self, text: str) -> str:
        """Annotate some characters with pinyin in brackets, as some pages do."""
        out = []
        for ch in text:
            out.append(ch)
            if ch in PINYIN and self.rng.random() < 0.3:
                out.append(f"({PINYIN[ch]})")
        return "".join(out)


@cache
def _s2t():
    from opencc import OpenCC

    return OpenCC("s2t")


def _traditional(text: str) -> str:
    return _s2t().convert(text)


def write_corpus(outdir: str | Path, count: int, seed: int = 7, per_folder: int = 1000,
                 full: bool = True) -> list[Path]:
    """Write ``count`` articles under ``outdir`` (folders of ``per_folder`` files).

    ``full=False`` writes only each article's lead (about 1.2 kB, as dense in facts as
    text gets): the corpus earlier benchmarks used.
    """
    outdir = Path(outdir)
    writer = Writer(seed, full)
    paths = []
    for i in range(count):
        path = outdir / f"{i // per_folder:04d}" / f"{i:07d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(writer.article(), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("outdir")
    p.add_argument("--count", type=int, default=1000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--leads-only", action="store_true",
                   help="only each article's lead (1.2 kB; the densest text, as earlier runs)")
    args = p.parse_args(argv)
    paths = write_corpus(args.outdir, args.count, args.seed, full=not args.leads_only)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} articles, {size / 1e6:.1f} MB, to {args.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
