"""Benchmark `kg build` on synthetic corpora of several sizes and worker counts, in one run.

For every size (articles) and every -j value it builds a fresh output with the
cache off, and reports wall time, MB/s and articles/s of article text, CPU
seconds (the build and its workers), MB per CPU-second, and the peak resident
memory of the whole process tree.  Then, per size, it measures an incremental
rebuild: a cached build, 1% new articles, and the rebuild.  Rerun after any
change to the extractor or normaliser:

    python bench/bench_build.py                       # 1k and 10k, -j 1 and -j 2
    python bench/bench_build.py --sizes 1000,10000,100000 --jobs 1,2

Corpora are generated once per (size, seed) under --workdir and reused.
Figures depend on what else the machine is doing: the load average is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import write_corpus  # noqa: E402


@dataclass
class Run:
    size: int
    jobs: int
    mb: float
    wall: float
    cpu: float
    main_cpu: float
    peak_rss_mb: float
    stages: dict[str, float]
    label: str = "clean"

    def row(self, base: Run | None, one_job: Run | None) -> str:
        per_article = self.wall / self.size * 1000
        flat = f"{per_article / (base.wall / base.size * 1000):.2f}" if base else "-"
        speedup = f"{one_job.wall / self.wall:.2f}" if one_job and one_job is not self else "-"
        return (f"| {self.size} | {self.jobs} | {self.label} | {self.mb:.1f} | {self.wall:.1f} | "
                f"{self.mb / self.wall:.2f} | {self.size / self.wall:.0f} | {per_article:.2f} | "
                f"{flat} | {speedup} | {self.cpu:.1f} | {self.main_cpu:.1f} | "
                f"{self.mb / self.cpu:.2f} | {self.peak_rss_mb:.0f} | {self._stages()} |")

    def _stages(self) -> str:
        return " ".join(f"{k} {v:.1f}" for k, v in self.stages.items())


HEADER = ("| articles | -j | build | MB | wall s | MB/s | articles/s | ms/article | "
          "ms/article vs smallest | speedup vs -j1 | CPU s | main CPU s | MB per CPU-s | "
          "peak RSS MB | stages, wall s |\n" + "|---" * 15 + "|")

#: Runs one build in a fresh interpreter and prints its per-stage times as JSON.
#: With skip_html the page is not drawn (the pyvis page is quadratic in the graph).
BUILD = """
import json, sys
from pathlib import Path
from kg import pipeline
options = json.loads(sys.argv[1])
if options.pop("skip_html"):
    pipeline.write_html = lambda corpus, path: Path(path).write_text("skipped")
result = pipeline.build(options.pop("inputs"), options.pop("outdir"), quiet=True, **options)
print(json.dumps(result.seconds))
"""


def corpus(workdir: Path, size: int, seed: int, full: bool = True) -> tuple[Path, float]:
    """The synthetic corpus of ``size`` articles (made once) and its size in MB."""
    folder = workdir / f"corpus-{'full' if full else 'leads'}-{size}-{seed}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        started = time.monotonic()
        write_corpus(folder, size, seed, full=full)
        done.touch()
        print(f"  generated {size} articles in {time.monotonic() - started:.0f}s", flush=True)
    mb = sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6
    return folder, mb


def timed_build(inputs: list[Path], outdir: Path, skip_html: bool, **options
                ) -> tuple[float, float, float, float, dict[str, float]]:
    """Run ``kg build`` with ``args``: wall seconds, CPU seconds (all processes and of
    the main one alone, which bounds what more workers can gain), peak tree RSS in MB,
    and the build's own time per stage."""
    spec = json.dumps({"inputs": [str(i) for i in inputs], "outdir": str(outdir),
                       "skip_html": skip_html, **options})
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = psutil.Popen([sys.executable, "-c", BUILD, spec], stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE, text=True)
    peak, main_cpu = 0, 0.0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc))
        try:
            times = proc.cpu_times()
            main_cpu = times.user + times.system
        except psutil.Error:
            pass
        time.sleep(0.2)
    wall = time.monotonic() - started
    out, err = proc.stdout.read(), proc.stderr.read()
    if proc.returncode:
        raise SystemExit(f"kg build failed ({proc.returncode}): {err.strip()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = max(peak, after.ru_maxrss * 1024)  # the largest single process, if polling missed it
    return wall, cpu, main_cpu, peak / 1e6, json.loads(out)


def _tree_rss(proc: psutil.Process) -> int:
    try:
        procs = [proc, *proc.children(recursive=True)]
        return sum(p.memory_info().rss for p in procs)
    except psutil.Error:
        return 0


def incremental(workdir: Path, folder: Path, size: int, mb: float, seed: int,
                skip_html: bool, full: bool) -> Run:
    """A cached build, then 1% new articles, then the timed rebuild."""
    out = workdir / f"out-{size}-incremental"
    shutil.rmtree(out, ignore_errors=True)
    extra = workdir / f"extra-{size}-{seed}"
    shutil.rmtree(extra, ignore_errors=True)
    timed_build([folder], out, skip_html)
    new = max(size // 100, 1)
    write_corpus(extra, new, seed + 1, full=full)
    wall, cpu, main_cpu, peak, stages = timed_build([folder, extra], out, skip_html)
    return Run(size, 1, mb, wall, cpu, main_cpu, peak, stages, f"+{new} new, cached")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1000,10000", help="article counts (default: %(default)s)")
    p.add_argument("--jobs", default="1,2", help="-j values (default: %(default)s)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--workdir", default="/tmp/kg-bench", help="corpora and outputs go here")
    p.add_argument("--no-incremental", action="store_true", help="skip the incremental rebuild")
    p.add_argument("--leads-only", action="store_true",
                   help="articles of their lead only (1.2 kB, the densest text; earlier figures)")
    p.add_argument("--skip-html", action="store_true",
                   help="do not draw graph.html (the current pyvis page is quadratic in size)")
    p.add_argument("--no-store", dest="store", action="store_false",
                   help="builds write no Oxigraph store (kg build --no-store)")
    args = p.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    jobs = [int(j) for j in args.jobs.split(",")]
    load = os.getloadavg()
    print(f"{os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}"
          f"{', graph.html skipped' if args.skip_html else ''}"
          f"{', no store' if not args.store else ''}", flush=True)
    runs: list[Run] = []
    for size in sizes:
        folder, mb = corpus(workdir, size, args.seed, full=not args.leads_only)
        for j in jobs:
            out = workdir / f"out-{size}-j{j}"
            shutil.rmtree(out, ignore_errors=True)
            wall, cpu, main_cpu, peak, stages = timed_build([folder], out, args.skip_html,
                                                            cache=False, jobs=j,
                                                            store=args.store)
            runs.append(Run(size, j, mb, wall, cpu, main_cpu, peak, stages))
            print(f"  {size} articles, -j {j}: {wall:.1f}s, {mb / wall:.2f} MB/s, "
                  f"peak {peak:.0f} MB", flush=True)
        if not args.no_incremental:
            runs.append(incremental(workdir, folder, size, mb, args.seed, args.skip_html,
                                    not args.leads_only))
            print(f"  {size} articles, incremental: {runs[-1].wall:.1f}s", flush=True)
    print()
    print(HEADER)
    first = {j: next((r for r in runs if r.jobs == j and r.label == "clean"), None) for j in jobs}
    for r in runs:
        one = next((o for o in runs if o.size == r.size and o.jobs == 1 and o.label == "clean"),
                   None)
        base = first.get(r.jobs) if r.label == "clean" else None
        print(r.row(base if base is not r else None, one if r.label == "clean" else None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
