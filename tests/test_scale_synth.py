"""The synthetic corpus generator behind bench/bench_build.py (issue 7)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from kg.pipeline import build

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def synth():
    spec = importlib.util.spec_from_file_location("synth", BENCH / "synth.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]


def test_same_seed_same_corpus_other_seed_other_corpus(synth, tmp_path: Path) -> None:
    synth.write_corpus(tmp_path / "a", 30, seed=3, per_folder=10)
    synth.write_corpus(tmp_path / "b", 30, seed=3, per_folder=10)
    synth.write_corpus(tmp_path / "c", 30, seed=4, per_folder=10)
    assert len(list((tmp_path / "a").iterdir())) == 3  # folders of 10
    assert _texts(tmp_path / "a") == _texts(tmp_path / "b")
    assert _texts(tmp_path / "a") != _texts(tmp_path / "c")


def test_articles_have_the_variants_real_pages_have(synth) -> None:
    writer = synth.Writer(11)
    articles = [writer.article() for _ in range(200)]
    traditional = [a for a in articles if "責任編輯" in a]
    pinyin = [a for a in articles if re.search(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)", a)]
    assert 10 <= len(traditional) <= 60
    assert pinyin
    crumbs = ("首页", "首頁", "当前位置", "當前位置")
    assert all(a.splitlines()[0].startswith(crumbs) for a in articles)
    assert all("《" in a and re.search(r"\d+月\d+日", a) for a in articles)


def test_a_synthetic_corpus_yields_facts_of_every_kind(synth, tmp_path: Path) -> None:
    synth.write_corpus(tmp_path / "in", 30, seed=5)
    result = build([tmp_path / "in"], tmp_path / "out", quiet=True, cache=False)
    assert result.report.read == 30
    kinds = {kind for kind, _ in result.corpus.nodes}
    assert {"Official", "Post", "Body", "Meeting", "Document"} <= kinds
    predicates = {pred for _, pred, _ in result.corpus.facts}
    assert {"holds", "held", "discussed", "presided"} <= predicates
