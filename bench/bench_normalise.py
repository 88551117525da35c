"""Normalisation throughput on a large generated corpus (default >= 50 MB of UTF-8).

The corpus repeats the sample and dev articles with mutations that keep every
kind of noise in play: traditional/simplified swaps, pinyin annotations,
doubled punctuation, full-width forms, stray spaces, boilerplate lines and
broken lines.  Prints MB/s for ``normalise`` alone and for read + normalise.

    python bench/bench_normalise.py [--mb 50] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ingest import ReadReport, read_articles, sample_corpus  # noqa: E402
from kg.model import RawArticle  # noqa: E402
from kg.normalise import normalise  # noqa: E402

NOISE = ["首页>新闻中心>统战动态", "分享到:", "编辑:王明", "关键词:统战 会议", "来源:某某网",
         "2019-07-10 10:22 | 来源:荆楚统战", "会议现场", "上一篇:某某会议召开",
         "版权所有:某某人民政府 主办单位:某某办公室 备案号:京ICP备05026010号"]


def _sources() -> list[str]:
    dev = ROOT / "tests" / "fixtures" / "dev"
    files = sorted(sample_corpus().glob("*.txt")) + sorted(dev.glob("*.txt"))
    return [p.read_text(encoding="utf-8-sig") for p in files]


def _mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    rng.shuffle(lines[1:]) if rng.random() < 0.3 else None
    out = []
    for line in lines:
        if rng.random() < 0.15:
            out.append(rng.choice(NOISE))
        if rng.random() < 0.2:
            line = line.replace(",", ",,", 2).replace("、", ",、", 1)
        if rng.random() < 0.2:
            line = line.replace(",", ",").replace("(", "(").replace(")", ")")
        if rng.random() < 0.1 and len(line) > 20:
            cut = rng.randrange(5, len(line) - 5)
            line = line[:cut] + "\n" + line[cut:]
        if rng.random() < 0.1:
            line = "\u3000\u3000" + line.replace("。", "。 ", 2)
        out.append(line)
    return "\n".join(out)


def make_corpus(megabytes: float, seed: int) -> list[str]:
    """Mutated copies of the real articles until their UTF-8 size reaches ``megabytes``."""
    rng = random.Random(seed)
    sources, corpus, size = _sources(), [], 0
    while size < megabytes * 1e6:
        text = _mutate(rng.choice(sources), rng)
        corpus.append(text)
        size += len(text.encode("utf-8"))
    return corpus


class Timer:
    """Wall and CPU time of a block: CPU time is the fair figure on a busy machine."""

    def __enter__(self) -> Timer:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu

    def rates(self, megabytes: float) -> str:
        return (f"{megabytes / self.cpu:.2f} MB/s per core by CPU time ({self.cpu:.1f} s), "
                f"{megabytes / self.wall:.2f} MB/s by wall time ({self.wall:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    corpus = make_corpus(args.mb, args.seed)
    size = sum(len(t.encode("utf-8")) for t in corpus) / 1e6
    with Timer() as took:
        for i, text in enumerate(corpus):
            normalise(RawArticle(str(i), "bench", text))
    print(f"normalise: {len(corpus)} articles, {size:.1f} MB: {took.rates(size)}")
    with tempfile.TemporaryDirectory() as tmp:
        part = corpus[: max(1, len(corpus) // 5)]
        for i, text in enumerate(part):
            enc = ("utf-8", "gb18030", "utf-16")[i % 3]
            Path(tmp, f"{i:06d}.txt").write_bytes(text.encode(enc))
        part_mb = sum(len(t.encode("utf-8")) for t in part) / 1e6
        report = ReadReport()
        with Timer() as took:
            for raw in read_articles([tmp], report):
                normalise(raw)
        print(f"read (UTF-8/GB18030/UTF-16 files) + normalise: {report.read} articles, "
              f"{part_mb:.1f} MB: {took.rates(part_mb)}")


if __name__ == "__main__":
    main()
