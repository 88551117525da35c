"""The graph page in a real headless Chromium: offline, searchable, clickable, filterable.

Skipped when no Chromium (or no playwright) is installed, unless KG_REQUIRE_BROWSER=1,
which CI sets so that a missing browser fails instead of silently skipping.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, Namespace

from kg.viz import ArticleInfo, GraphData, Source, VizEdge, VizNode, load_rdf, render

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
KG = Namespace("https://w3id.org/zhgov-kg/ontology#")
LAUNCH_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync"]


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    reason = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "the playwright package is not installed (pip install -e '.[test]')"
    if reason is None and executable is None:
        reason = "no Chromium found (apt-get install chromium)"
    if reason:
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"KG_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    with sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=executable, headless=True,
                                        args=LAUNCH_FLAGS)
        yield chromium
        chromium.close()


class Loaded:
    """A page opened from file://, with every request and console error it caused."""

    def __init__(self, browser, path: Path):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.page.route("**/*", self._intercept)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"),
                                          d.dismiss()))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_selector("body[data-ready=true]", timeout=60_000)

    def _intercept(self, route) -> None:
        self.requests.append(route.request.url)
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def drawn(self) -> list[str]:
        """Labels of the nodes vis-network draws (not hidden), read from the network."""
        return self.page.evaluate("""() => Object.values(kgView.network.body.nodes)
            .filter((n) => !n.options.hidden && !n.isCluster && n.options.label !== undefined)
            .map((n) => n.options.label)""")

    def selected(self) -> list[str]:
        return self.page.evaluate(
            "() => kgView.network.getSelectedNodes().map((i) => kgView.nodes.get(i).label)")

    def search(self, text: str) -> None:
        self.page.fill("#search", text)
        self.page.press("#search", "Enter")

    def click_node(self, label: str) -> None:
        """A real mouse click on the canvas where the node is drawn."""
        point = self.page.evaluate("""(label) => {
            const id = kgView.nodes.getIds({filter: (n) => n.label === label})[0];
            kgView.network.focus(id, {scale: 1.2, animation: false});
            const p = kgView.network.canvasToDOM(kgView.network.getPositions([id])[id]);
            const box = document.querySelector('#graph').getBoundingClientRect();
            return {x: box.left + p.x, y: box.top + p.y};
        }""", label)
        self.page.mouse.click(point["x"], point["y"])

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def sample_page(browser, sample_build):
    out, result = sample_build
    loaded = Loaded(browser, out / "graph.html")
    yield loaded, out, result
    loaded.close()


def test_page_loads_offline_without_errors_or_requests(sample_page):
    loaded, _, _ = sample_page
    assert loaded.errors == []
    assert loaded.requests == [loaded.url]


def test_every_node_of_the_graph_is_drawn(sample_page):
    loaded, out, _ = sample_page
    graph = load_rdf(out / "kg.ttl")
    typed = {s for kind in ("Official", "Post", "Body", "Meeting", "Document")
             for s in graph.subjects(RDF.type, KG[kind])}
    drawn = loaded.drawn()
    assert len(drawn) == len(typed)
    ARTIFACTS.mkdir(exist_ok=True)
    loaded.page.screenshot(path=str(ARTIFACTS / "viz-sample.png"))


@pytest.mark.parametrize("typed, expected", [
    ("杭州市委統戰部部長", "杭州市委统战部部长"),  # traditional script
    ("桂莉", "佟桂莉"),  # part of a name
    ("杭州市委统战部", "杭州市委统战部"),  # exact beats the longer names containing it
])
def test_search_focuses_the_node(sample_page, typed, expected):
    loaded, _, _ = sample_page
    loaded.search(typed)
    assert loaded.selected() == [expected]
    assert loaded.page.inner_text("#details h2") == expected


def test_clicking_a_node_shows_its_evidence_and_neighbours(sample_page):
    loaded, _, result = sample_page
    loaded.page.click("#close")
    loaded.click_node("佟桂莉")
    assert loaded.selected() == ["佟桂莉"]
    details = loaded.page.inner_text("#details")
    nodes = result.corpus.nodes
    titles = {x.article.id: next(s.text.strip() for s in x.article.sentences if s.text.strip())
              for x in result.corpus.extractions}
    neighbours = set()
    for (subj, _, obj), evidence in result.corpus.facts.items():
        if isinstance(obj, tuple) and nodes[subj].label == "佟桂莉":
            neighbours.add(nodes[obj].label)
            assert nodes[obj].label in details
            for ev in evidence:
                assert ev.sentence in details and titles[ev.article_id][:30] in details
    assert "官员" in details and "Official" in details
    lit = loaded.page.evaluate(
        "() => kgView.highlighted().map((i) => kgView.nodes.get(i).label)")
    assert set(lit) == neighbours | {"佟桂莉"}
    ARTIFACTS.mkdir(exist_ok=True)
    loaded.page.screenshot(path=str(ARTIFACTS / "viz-sample-selected.png"))


def test_class_filter_hides_that_class(sample_page):
    loaded, _, result = sample_page
    officials = {n.label for n in result.corpus.nodes.values() if n.kind == "Official"}
    before = loaded.drawn()
    loaded.page.uncheck('#kinds input[data-kind="0"]')  # Official
    after = loaded.drawn()
    assert set(after) == set(before) - officials and officials
    assert str(len(after)) in loaded.page.inner_text("#status")
    loaded.page.check('#kinds input[data-kind="0"]')
    assert sorted(loaded.drawn()) == sorted(before)


def _dated_graph() -> GraphData:
    data = GraphData(articles={"a": ArticleInfo("两次会议", "2024-06-02")})
    data.nodes["body"] = VizNode("Body", "宁波市委")
    for key, date in (("m1", "2024-01-05"), ("m2", "2024-06-01"), ("m3", "--07-27")):
        data.nodes[key] = VizNode("Meeting", f"会议{key}", date=date)
        data.edges.append(VizEdge("body", key, "held", [Source(f"{key}召开。", "a")]))
    return data


def test_date_range_hides_meetings_outside_it(browser, tmp_path):
    page_file = tmp_path / "dated.html"
    page_file.write_text(render(_dated_graph()), encoding="utf-8")
    loaded = Loaded(browser, page_file)
    try:
        assert loaded.page.is_visible("#dates")
        loaded.page.fill("#date-from", "2024-03-01")
        loaded.page.dispatch_event("#date-from", "change")
        assert sorted(loaded.drawn()) == ["会议m2", "会议m3", "宁波市委"]
        loaded.page.fill("#date-to", "2024-05-01")
        loaded.page.dispatch_event("#date-to", "change")
        assert sorted(loaded.drawn()) == ["会议m3", "宁波市委"]  # no year: always shown
    finally:
        loaded.close()


def test_scraped_markup_is_shown_as_text_never_run(browser, tmp_path):
    evil = '<img src=x onerror="window.pwned=1;alert(1)"></script><script>window.pwned=2</script>'
    data = GraphData(articles={"a": ArticleInfo(evil, "2024-01-01")})
    data.nodes["x"] = VizNode("Official", "王" + evil, [evil])
    data.nodes["y"] = VizNode("Meeting", "会议")
    data.edges.append(VizEdge("x", "y", "attended", [Source("句子" + evil, "a")]))
    page_file = tmp_path / "evil.html"
    page_file.write_text(render(data), encoding="utf-8")
    loaded = Loaded(browser, page_file)
    try:
        loaded.search("王")
        assert loaded.page.inner_text("#details h2") == "王" + evil
        assert "句子" + evil in loaded.page.inner_text("#details")
        assert loaded.page.evaluate("() => window.pwned") is None
        assert loaded.page.locator("#details img, #details script").count() == 0
        assert loaded.errors == [] and loaded.requests == [loaded.url]
    finally:
        loaded.close()


def test_truncated_page_says_so(browser, sample_build, tmp_path):
    from kg.viz import write_graph_page

    out, _ = sample_build
    page_file = tmp_path / "top5.html"
    write_graph_page(out / "kg.ttl", page_file, max_nodes=5)
    loaded = Loaded(browser, page_file)
    try:
        assert len(loaded.drawn()) == 5
        note = loaded.page.inner_text("#note")
        assert loaded.page.is_visible("#note") and "5" in note and "best-connected" in note
    finally:
        loaded.close()


def test_parallel_facts_are_drawn_apart_and_physics_turns_on(sample_page):
    loaded, _, _ = sample_page
    bent = loaded.page.evaluate("""() => kgView.edges.get({filter: (e) =>
        kgView.nodes.get(e.from).label === '佟桂莉'
        && kgView.nodes.get(e.to).label === '杭州市委统战部理论学习中心组(扩大)学习会'})
        .map((e) => [e.label, Boolean(e.smooth)])""")
    assert sorted(b for _, b in bent) == [False, True]  # 主持 and 讲话: one of them bends
    assert sorted(label for label, _ in bent) == ["主持", "讲话"]
    assert loaded.page.evaluate("() => kgView.network.physics.options.enabled") is False
    loaded.page.check("#physics")
    assert loaded.page.evaluate("() => kgView.network.physics.options.enabled") is True
    loaded.page.uncheck("#physics")
    assert loaded.errors == []


def test_a_much_quoted_fact_shows_its_first_sentences_and_the_count(browser, tmp_path):
    data = GraphData(articles={f"a{k}": ArticleInfo(f"报道{k}", f"2024-03-0{k}")
                               for k in range(1, 10)})
    data.nodes["o"] = VizNode("Official", "王小明")
    data.nodes["m"] = VizNode("Meeting", "全省 工作会议", date="2024-03-01", date_count=40,
                              date_sources=[Source("3月1日召开全省工作会议。", "a1")])
    sources = [Source(f"王小明出席第{k}场。", f"a{k}") for k in range(1, 6)]
    data.edges.append(VizEdge("o", "m", "attended", sources, count=1234))
    page_file = tmp_path / "quoted.html"
    page_file.write_text(render(data), encoding="utf-8")
    loaded = Loaded(browser, page_file)
    try:
        loaded.search("王小明")
        details = loaded.page.inner_text("#details")
        assert all(s.sentence in details for s in sources) and "《报道5》" in details
        assert "1229 more of 1234 sentences" in details
        assert "kg query queries/fact-source.rq --param subject=王小明 " \
               "--param object='全省 工作会议'" in details
        loaded.search("全省")
        details = loaded.page.inner_text("#details")
        assert "39 more of 40 sentences" in details and "《报道1》 · 2024-03-01" in details
        assert "queries/evidence.rq --param subject='全省 工作会议'" in details
        assert loaded.errors == []
    finally:
        loaded.close()
