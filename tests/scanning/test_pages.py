"""Scanning holds up on text rewritten from real pages (tests/labelled/pages/scan_*.yaml).

The batches were collected and labelled by someone who had not read the rules;
their first-seen scores, before any rule was changed for them, are recorded in
benchmarks/README.md. Here the whole development set is held at 0.99 precision
and 0.95 recall (two misses among 166 documents: a lower-case "tomahawks"
meaning the missiles, which the scanner leaves to its everyday sense, and a
page that weighs the axe and the missile evenly).
"""

from __future__ import annotations

from pathlib import Path

from tests.labelled.score_pages import PAGES, load, score_scan


def test_development_set_of_real_pages() -> None:
    cases = [case for path in sorted(PAGES.glob("scan_*.yaml")) for case in load(path)]
    assert len(cases) >= 120
    result = score_scan(cases)
    assert result.precision >= 0.99, result.misses
    assert result.recall >= 0.95, result.misses


def test_every_kind_of_page_is_in_the_set() -> None:
    kinds = {case["kind"] for path in PAGES.glob("scan_*.yaml") for case in load(Path(path))}
    assert {"sports", "recipe", "axe", "town", "aviation", "law", "war", "war-mixed"} <= kinds
