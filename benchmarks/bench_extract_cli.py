"""``armsref extract FILE`` against ``armsref scan FILE``: whole processes, the same run.

Issue 13's target for a streamed ``extract``: on the 300 MB generated corpus
(:func:`corpus.big_corpus`, a seed every 256 KB) at most 1.5x the time of
``armsref scan`` on the same file, and under 150 MB peak memory on a 1 GB one.
Each command runs as its own process, output to ``/dev/null``; runs alternate
between the commands and the best of each is kept, both its wall time and its
CPU time (user + system, from ``os.wait4``), with its peak resident memory
(``ru_maxrss``). The load average is printed before and after: the machine may
be shared, and wall times then swing more than CPU times do.

The corpora are made the way the scanning benchmark makes its 200 MB one, in
``--folder`` (default ``benchmarks/corpus/``, ignored by git), and reused; a
dense one too (``--dense-megabytes``, the seeds back to back, as
``bench_extract.py`` makes its dense text), the worst case for extraction.

Run: ``python benchmarks/bench_extract_cli.py [--megabytes 300] [--memory-megabytes 1000]
[--dense-megabytes 100] [--runs 3] [--folder /tmp/corpus]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

#: What one run of a command measured: wall seconds, CPU seconds, peak RSS in MB.
Measure = tuple[float, float, float]


def once(command: list[str]) -> Measure:
    """Run ``command`` once, its output thrown away; what it took."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def best_of(runs: int, commands: dict[str, list[str]]) -> dict[str, Measure]:
    """The best wall and CPU time of each command, and its largest peak memory."""
    best = {name: (float("inf"), float("inf"), 0.0) for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            wall, cpu, peak = once(command)
            old = best[name]
            best[name] = (min(old[0], wall), min(old[1], cpu), max(old[2], peak))
    return best


def armsref(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "armsref", *arguments]


def report(label: str, path: Path, runs: int) -> None:
    size = path.stat().st_size / 1e6
    found = best_of(
        runs, {"scan": armsref("scan", str(path)), "extract": armsref("extract", str(path))}
    )
    print(f"{label}: {path.name}, {size:.0f} MB, best of {runs}")
    for name, (wall, cpu, peak) in found.items():
        print(f"  {name:8} {wall:6.2f} s wall  {cpu:6.2f} s CPU  {peak:6.0f} MB peak")
    (scan_wall, scan_cpu, scan_peak), (wall, cpu, peak) = found["scan"], found["extract"]
    print(
        f"  extract / scan: {wall / scan_wall:.2f}x wall, {cpu / scan_cpu:.2f}x CPU, "
        f"{peak / scan_peak:.2f}x memory"
    )


def dense(megabytes: int, folder: Path) -> Path:
    """The seeds back to back, about ``megabytes`` MB of them (a range figure every few KB)."""
    path = folder / f"dense-{megabytes}mb.txt"
    if not path.exists():
        seeds = "\n\n".join(seed.read_text(encoding="utf-8") for seed in corpus.SEEDS) + "\n\n"
        times = max(1, megabytes * 1_000_000 // len(seeds.encode()))
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_text(seeds * times, encoding="utf-8")
        partial.rename(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=300)
    parser.add_argument("--memory-megabytes", type=int, default=1000)
    parser.add_argument("--dense-megabytes", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=corpus.CORPUS)
    args = parser.parse_args()
    timed = corpus.big_corpus(args.megabytes, folder=args.folder)
    large = corpus.big_corpus(args.memory_megabytes, folder=args.folder)
    once(armsref("extract", str(corpus.SEEDS[0])))  # the matcher compiled and cached
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    report("time", timed, args.runs)
    report("memory", large, 1)
    report("dense", dense(args.dense_megabytes, args.folder), 1)
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
