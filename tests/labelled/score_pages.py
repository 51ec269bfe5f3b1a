"""Score scan and extract on the batches of text rewritten from real public pages.

Each batch under ``tests/labelled/pages/`` was collected and labelled by
someone who had not read armsref's rules, and scored before any rule was
changed for it (those first-seen scores are in ``benchmarks/README.md``).

- ``scan_*.yaml``: per document, the systems of the five it means
  (``systems``) and the other weapon systems it names (``others``). A
  document's found systems are the ones :func:`armsref.systems_in` reports.
- ``extract_*.yaml``: per document, every range claim for the five, as
  (system, value or low/high, unit, qualifier, approximate, variant,
  condition). Three keys are scored: **strict** (system, numbers, unit by
  name, qualifier and ``approximate``), **qualifier** (the same without
  ``approximate``) and **loose** (system, numbers and unit: the qualifier not
  counted). A figure recorded as exact where the text says "up to" is a wrong
  claim under strict and qualifier.

Run: ``python tests/labelled/score_pages.py [FILE ...]`` (default: every batch).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

try:  # imported as tests.labelled.*, or run as a script from this folder
    from tests.labelled.scoring import Score
except ImportError:  # pragma: no cover - script mode
    from scoring import Score  # type: ignore[no-redef]

PAGES = Path(__file__).with_name("pages")
LEVELS = ("strict", "qualifier", "loose")


def load(path: Path) -> list[dict[str, Any]]:
    """The labelled documents of one batch."""
    cases: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return cases


def score_scan(cases: list[dict[str, Any]]) -> Score:
    """Per-document precision and recall of the systems found."""
    from armsref.scanning.mentions import systems_in

    result = Score()
    for case in cases:
        found = [s.system_id for s in systems_in(case["text"])]
        result.add(f"{case['id']} ({case.get('kind')})", case["systems"] or [], found)
    return result


def _key(claim: Mapping[str, Any] | Any, level: str) -> tuple[object, ...]:
    from armsref.lengths.units import unit_name

    def field(name: str) -> Any:
        if isinstance(claim, Mapping):
            return claim.get(name)
        return getattr(claim, name, None)

    system = field("system")
    system = getattr(system, "id", system)
    numbers = tuple(None if field(n) is None else float(field(n)) for n in ("value", "low", "high"))
    key: tuple[object, ...] = (system, *numbers, unit_name(str(field("unit"))))
    if level in {"strict", "qualifier"}:
        key += (field("qualifier"),)
    if level == "strict":
        key += (bool(field("approximate")),)
    return key


def score_extract(cases: list[dict[str, Any]]) -> dict[str, Score]:
    """Precision and recall of the claims found, at each level of :data:`LEVELS`."""
    from armsref.extraction.pipeline import extract

    results = {level: Score() for level in LEVELS}
    for case in cases:
        findings = extract(case["text"])
        for level, result in results.items():
            result.add(
                case["id"],
                [_key(c, level) for c in case["claims"] or []],
                [_key(f, level) for f in findings],
            )
    return results


def report(path: Path) -> str:
    """One batch's scores, and its misses, as text."""
    cases = load(path)
    if path.name.startswith("scan_"):
        s = score_scan(cases)
        lines = [
            f"{path.name}: {len(cases)} documents, precision {s.precision:.3f}, "
            f"recall {s.recall:.3f}"
        ]
        return "\n".join(lines + [f"  {m}" for m in s.misses])
    scores = score_extract(cases)
    claims = scores["strict"].labelled
    lines = [f"{path.name}: {len(cases)} documents, {claims} claims"]
    for level, s in scores.items():
        lines.append(f"  {level:9} precision {s.precision:.3f}  recall {s.recall:.3f}")
    return "\n".join(lines + [f"  {m}" for m in scores["strict"].misses])


def main(argv: list[str]) -> int:
    """Print every batch's scores and misses."""
    paths = [Path(a) for a in argv] or sorted(PAGES.glob("*.yaml"))
    for path in paths:
        print(report(path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
