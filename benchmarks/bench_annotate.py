"""The annotated page on a 10,000-word article, against extraction alone, in the same run.

The article is the five seeds back to back, repeated until it has the words
asked for (a range figure every few hundred words, many more than news
has). Measured, best of N, alternating:

- ``extract_all``: the baseline, what any review of the text must do anyway;
- ``annotate``: scan and extraction, every figure checked against the dataset;
- ``page``: that, and the whole HTML page written (no chart);
- ``chart``: the range chart as inline SVG (matplotlib), where installed.

The page is built in one pass over sorted marks, so it should grow in step
with the text: the same is measured at four times the words.

Run: ``python benchmarks/bench_annotate.py [--words N] [--runs N]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from alternating import best_of

import armsref
from armsref.extraction.pipeline import extract_all
from armsref.views.annotated import annotate
from armsref.views.chart import chart_svg_element, plot_available
from armsref.views.page import page


def article(words: int) -> str:
    """The seeds back to back, cut at ``words`` words."""
    seeds = "\n\n".join(path.read_text(encoding="utf-8") for path in corpus.SEEDS).split(" ")
    return " ".join((seeds * (words // len(seeds) + 1))[:words])


def measure(words: int, runs: int, dataset: armsref.Dataset) -> dict[str, float]:
    text = article(words)
    doc = annotate(text, dataset, name="bench")
    html = page([doc], None)
    jobs: dict[str, Callable[[], object]] = {
        "extract_all": lambda: extract_all(text, dataset),
        "annotate": lambda: annotate(text, dataset, name="bench"),
        "page": lambda: page([annotate(text, dataset, name="bench")], None),
    }
    if plot_available():
        jobs["chart"] = lambda: chart_svg_element(dataset, list(doc.named))
    best = best_of(runs, jobs)
    print(
        f"{words:,} words ({len(text.encode()) / 1e3:.0f} KB), {len(doc.numbered)} figures, "
        f"page {len(html) / 1e3:.0f} KB"
    )
    for name, seconds in best.items():
        ratio = seconds / best["extract_all"]
        print(f"  {name:12s} {seconds * 1000:8.1f} ms  {ratio:5.2f}x extract_all")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    dataset = armsref.load()
    annotate(article(200), dataset, name="warm")  # build the matcher and the unit table
    small = measure(args.words, args.runs, dataset)
    large = measure(args.words * 4, args.runs, dataset)
    print(f"page at 4x the words: {large['page'] / small['page']:.2f}x the time")


if __name__ == "__main__":
    main()
