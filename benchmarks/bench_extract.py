"""Extraction against a plain scan, on the 200 MB scanning corpus, in the same run.

Both read the same text already in memory: ``armsref.scanning.mentions.scan(text)`` (the
scanner alone) and ``armsref.extract(text)`` (which scans, finds the unit
words, reads the figures before them and attributes each). Runs alternate
between the two and the best of each is kept, so a busy machine hurts both
alike. A second, dense corpus (the five seeds back to back, a range figure
every few KB) shows the cost where figures are frequent.

Run: ``python benchmarks/bench_extract.py [--megabytes N] [--runs N]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from alternating import best_of

import armsref
from armsref.extraction.pipeline import extract
from armsref.scanning.mentions import scan


def measure(label: str, text: str, runs: int, dataset: armsref.Dataset) -> None:
    megabytes = len(text.encode("utf-8")) / 1e6
    found = extract(text, dataset)
    mentions = scan(text, dataset)
    best = best_of(
        runs, {"scan": lambda: scan(text, dataset), "extract": lambda: extract(text, dataset)}
    )
    scan_rate, extract_rate = megabytes / best["scan"], megabytes / best["extract"]
    print(
        f"{label}: {megabytes:.0f} MB, {len(mentions):,} mentions, {len(found):,} findings\n"
        f"  scan alone  {best['scan']:6.2f} s  {scan_rate:6.1f} MB/s\n"
        f"  extract     {best['extract']:6.2f} s  {extract_rate:6.1f} MB/s\n"
        f"  extract / scan = {best['extract'] / best['scan']:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    dataset = armsref.load()
    warm = corpus.SEEDS[-1].read_text(encoding="utf-8")
    extract(warm, dataset)  # build the matcher, the Hyperscan databases and the unit table
    big = corpus.big_corpus(args.megabytes).read_text(encoding="utf-8")
    measure(f"corpus ({args.megabytes} MB, a seed every 256 KB)", big, args.runs, dataset)
    del big
    seeds = "\n\n".join(path.read_text(encoding="utf-8") for path in corpus.SEEDS)
    dense = seeds * max(1, args.megabytes * 1_000_000 // 4 // len(seeds.encode()))
    measure("dense (the seeds back to back)", dense, args.runs, dataset)


if __name__ == "__main__":
    main()
