"""How long a big graph page takes to write and to become usable in headless Chromium.

    .venv/bin/python bench/bench_viz.py [--nodes 5000] [--keep page.html]

The graph is synthetic but shaped like the real one: bodies in a hierarchy, posts
in bodies, officials holding one to three posts, meetings held by bodies with
officials presiding, attending and speaking, documents discussed; who gets linked
follows a heavy-tailed (Zipf-like) popularity, so a few bodies and officials have
hundreds of edges and most have one or two.  Every edge carries an evidence
sentence from one of a thousand articles.

"Usable" means: the page has drawn (its first frame) and a search typed in the box
has focused a node and filled the side panel.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from kg.viz import ArticleInfo, GraphData, Source, VizEdge, VizNode, render

SHARE = {"Body": 0.10, "Post": 0.30, "Official": 0.40, "Meeting": 0.14, "Document": 0.06}
CHARS = "国务院省市区县委员会政府人大政协统战组织宣传部办公厅发展改革财政教育科技工业信息"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红"
ROLES = ["书记", "副书记", "部长", "副部长", "主任", "副主任", "常委", "秘书长"]


def _popular(rng: random.Random, items: list[str], skew: float = 1.1) -> str:
    """An item picked with Zipf-like weights: the first ones are picked far more often."""
    weights = _popular.cache.setdefault((id(items), len(items), skew),
                                        [1.0 / (i + 1) ** skew for i in range(len(items))])
    return rng.choices(items, weights)[0]


_popular.cache = {}


def synthetic_graph(n: int = 5000, seed: int = 7) -> GraphData:
    """A graph of about ``n`` nodes with a realistic, heavy-tailed degree distribution."""
    rng = random.Random(seed)
    data = GraphData()
    data.articles = {f"a{i}": ArticleInfo(f"第{i}号新闻：{_name(rng, CHARS, 8, 20)}",
                                          f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
                     for i in range(1000)}
    ids: dict[str, list[str]] = {kind: [] for kind in SHARE}

    def node(kind: str, label: str, date: str = "") -> str:
        ident = f"{kind}/{len(data.nodes)}"
        data.nodes[ident] = VizNode(kind, label, date=date)
        ids[kind].append(ident)
        return ident

    def edge(source: str, predicate: str, target: str) -> None:
        article = f"a{rng.randrange(1000)}"
        sentence = (f"{data.nodes[source].label}{predicate}{data.nodes[target].label}，"
                    f"{_name(rng, CHARS, 10, 40)}。")
        data.edges.append(VizEdge(source, target, predicate, [Source(sentence, article)]))

    counts = {kind: max(1, round(n * share)) for kind, share in SHARE.items()}
    for i in range(counts["Body"]):
        body = node("Body", _name(rng, CHARS, 3, 8) + f"{i}")
        if i:
            edge(body, "subBodyOf", _popular(rng, ids["Body"][:-1]))
    for i in range(counts["Post"]):
        body = _popular(rng, ids["Body"])
        post = node("Post", data.nodes[body].label + rng.choice(ROLES) + f"{i}")
        edge(post, "postIn", body)
    posts = list(ids["Post"])
    for i in range(counts["Official"]):
        official = node("Official", _name(rng, SURNAMES, 1, 1) + _name(rng, GIVEN, 1, 2) + f"{i}")
        for post in rng.sample(posts, min(len(posts), rng.choice((1, 1, 1, 2, 2, 3)))):
            edge(official, "holds", post)
    for i in range(counts["Meeting"]):
        date = f"20{rng.randint(22, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        meeting = node("Meeting", _name(rng, CHARS, 4, 10) + f"会议{i}", date)
        edge(_popular(rng, ids["Body"]), "held", meeting)
        edge(_popular(rng, ids["Official"]), "presided", meeting)
        for official in {_popular(rng, ids["Official"]) for _ in range(rng.randint(0, 6))}:
            edge(official, "attended", meeting)
        if rng.random() < 0.5:
            edge(_popular(rng, ids["Official"]), "spokeAt", meeting)
    meetings = list(ids["Meeting"])
    for i in range(n - len(data.nodes)):
        document = node("Document", _name(rng, CHARS, 6, 16) + f"规划{i}")
        for meeting in rng.sample(meetings, rng.choice((1, 1, 2, 3))):
            edge(meeting, "discussed", document)
    return data


def _name(rng: random.Random, chars: str, low: int, high: int) -> str:
    return "".join(rng.choice(chars) for _ in range(rng.randint(low, high)))


def time_in_browser(page_file: Path, query: str, screenshot: Path | None) -> dict[str, float]:
    """Seconds from navigation to first drawn frame, and to a finished search."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=executable, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        start = time.perf_counter()
        page.goto(page_file.resolve().as_uri(), timeout=300_000)
        page.wait_for_selector("body[data-ready=true]", timeout=300_000)
        drawn = time.perf_counter() - start
        page.fill("#search", query)
        page.press("#search", "Enter")
        page.wait_for_function("q => document.querySelector('#details h2')?.textContent === q",
                               arg=query, timeout=60_000)
        usable = time.perf_counter() - start
        shown = page.evaluate("() => kgView.visibleNodeIds().length")
        if screenshot:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot))
        browser.close()
    return {"drawn_s": drawn, "usable_s": usable, "nodes_drawn": shown,
            "requests_other_than_page": len(requests) - 1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--keep", type=Path, help="also save the page here")
    parser.add_argument("--screenshot", type=Path,
                        default=Path("test-artifacts") / "bench-viz.png",
                        help="where to save a screenshot after the search (default: %(default)s)")
    args = parser.parse_args(argv)

    data = synthetic_graph(args.nodes)
    degrees = sorted((len(v) for v in data.neighbours().values()), reverse=True)
    print(f"graph: {len(data.nodes)} nodes, {len(data.edges)} edges; degree max {degrees[0]}, "
          f"median {degrees[len(degrees) // 2]}, top 1% >= {degrees[len(degrees) // 100]}")
    start = time.perf_counter()
    html = render(data)
    written = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "graph.html"
        page_file.write_text(html, encoding="utf-8")
        size = page_file.stat().st_size
        if args.keep:
            shutil.copy(page_file, args.keep)
        query = data.nodes[next(iter(data.nodes))].label
        timing = time_in_browser(page_file, query, args.screenshot)
    print(f"python: layout + page in {written:.2f} s; file size {size / 1e6:.2f} MB")
    print(f"browser: first frame after {timing['drawn_s']:.2f} s, usable (search focused a "
          f"node, panel filled) after {timing['usable_s']:.2f} s; "
          f"{timing['nodes_drawn']} nodes drawn; "
          f"{timing['requests_other_than_page']} requests besides the page")
    print(f"total from data to usable page: {written + timing['usable_s']:.2f} s "
          f"(target: under 10 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
