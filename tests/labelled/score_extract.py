"""Score armsref.extract against the labelled sentences in extract_cases.yaml.

Each labelled claim and each finding is reduced to (system, value or low/high,
unit as written, qualifier); precision is the share of findings that are
labelled, recall the share of labelled claims found. Run it to see the scores
and every miss:

    python tests/labelled/score_extract.py
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

try:  # imported as tests.labelled.*, or run as a script from this folder
    from tests.labelled import scoring
except ImportError:  # pragma: no cover - script mode
    import scoring  # type: ignore[no-redef]

CASES = Path(__file__).with_name("extract_cases.yaml")

Key = tuple[object, ...]


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    """The labelled cases: each a mapping with ``text``, ``claims`` and maybe ``unattributed``."""
    cases: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return cases


def label_key(label: Mapping[str, Any], system: str | None = None) -> Key:
    """The comparable key of a labelled claim."""
    numbers = (label.get("value"), label.get("low"), label.get("high"))
    floats = tuple(None if n is None else float(n) for n in numbers)
    return (label.get("system", system), *floats, label["unit"], label["qualifier"])


def finding_key(finding: Any) -> Key:
    """The comparable key of an armsref finding."""
    return (
        finding.system_id,
        finding.value,
        finding.low,
        finding.high,
        finding.unit,
        finding.qualifier,
    )


class Score(scoring.Score):
    """The tally over labelled claims."""

    @property
    def claims(self) -> int:
        """How many claims the labelled set holds."""
        return self.labelled


def score(cases: list[dict[str, Any]] | None = None) -> tuple[Score, Score]:
    """Score extract() on the claims, and extract_all() on the unattributed figures."""
    from armsref.extraction.pipeline import extract_all

    attributed, unattributed = Score(), Score()
    for case in load_cases() if cases is None else cases:
        text = case["text"]
        result = extract_all(text)
        attributed.add(
            text,
            [label_key(c) for c in case["claims"]],
            [finding_key(f) for f in result.findings],
        )
        unattributed.add(
            text,
            [label_key(c, None) for c in case.get("unattributed", [])],
            [finding_key(f) for f in result.unattributed],
        )
    return attributed, unattributed


def main() -> int:
    attributed, unattributed = score()
    for line in attributed.misses + unattributed.misses:
        print(line)
    print(
        f"{attributed.cases} sentences, {attributed.claims} labelled claims: "
        f"precision {attributed.precision:.3f}, recall {attributed.recall:.3f}"
    )
    print(
        f"unattributed figures ({unattributed.claims} labelled): "
        f"precision {unattributed.precision:.3f}, recall {unattributed.recall:.3f}"
    )
    return 0 if min(attributed.precision, attributed.recall) >= 0.95 else 1


if __name__ == "__main__":
    sys.exit(main())
