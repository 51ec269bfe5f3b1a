"""Score armsref.scan against the labelled texts in scan_cases.yaml.

Each case marks every mention a reader would count as ``[[words|system]]``.
The marks are stripped to give the text and the labelled spans; a found
mention is right when its system, start and end are exactly a labelled one's.
Precision is the share of found mentions that are labelled, recall the share
of labelled mentions found. Run it to see the scores and every miss:

    python tests/labelled/score_scan.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

try:  # imported as tests.labelled.*, or run as a script from this folder
    from tests.labelled.scoring import Score
except ImportError:  # pragma: no cover - script mode
    from scoring import Score  # type: ignore[no-redef]

CASES = Path(__file__).with_name("scan_cases.yaml")
_MARK = re.compile(r"\[\[(.+?)\|([a-z0-9_-]+)\]\]", re.DOTALL)

Span = tuple[str, int, int]


def unmark(marked: str) -> tuple[str, list[Span]]:
    """The text without its marks, and the labelled ``(system, start, end)`` spans.

    >>> unmark("a [[Tomahawk|tomahawk]] b")
    ('a Tomahawk b', [('tomahawk', 2, 10)])
    """
    pieces: list[str] = []
    spans: list[Span] = []
    at = 0
    length = 0
    for match in _MARK.finditer(marked):
        before = marked[at : match.start()]
        pieces.append(before)
        length += len(before)
        words, system = match.group(1), match.group(2)
        spans.append((system, length, length + len(words)))
        pieces.append(words)
        length += len(words)
        at = match.end()
    pieces.append(marked[at:])
    return "".join(pieces), spans


def score(path: Path = CASES) -> Score:
    """Scan every labelled text and compare with its marks."""
    from armsref.scanning.mentions import scan

    result = Score()
    for case in yaml.safe_load(path.read_text(encoding="utf-8")):
        text, labelled = unmark(case["text"])
        found = [(m.system_id, m.start, m.end, m.surface) for m in scan(text)]
        marked = [(system, start, end, text[start:end]) for system, start, end in labelled]
        result.add(repr(text), marked, found)
    return result


def main() -> int:
    """Print precision, recall and every miss; exit 1 unless both are 1.0."""
    result = score()
    print(f"{result.cases} texts, {result.labelled} labelled mentions, {result.found} found")
    print(f"precision {result.precision:.3f}  recall {result.recall:.3f}")
    for miss in result.misses:
        print(miss)
    return 0 if result.precision == result.recall == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
