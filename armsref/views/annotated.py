"""A document read for review: its mentions, other systems named, and figures, as marks.

:func:`annotate` reads a text once with the scanner and the extractor
(:func:`armsref.extraction.pipeline.extract_scanned`: ``extract_all`` and
the mentions ``scan_all`` reports, from one scan) and checks each figure against
the dataset (:mod:`armsref.views.checklist`). The spans come from the
library itself: a mention's ``start``/``end``, a finding's ``figure_start``/
``figure_end`` (the words of the figure, hedge and second unit included) and
``name_start``/``name_end`` (the name it was given by). Each figure is numbered
in text order; one figure given to two systems is one mark with two numbers.

Examples:
    >>> import armsref
    >>> doc = annotate("The ATACMS has a range of about 186 miles. The Storm Shadow has a "
    ...                "range of about 250 km.", armsref.load(), name="a.txt")
    >>> [(m.kind, doc.text[m.start:m.end]) for m in doc.marks]  # doctest: +NORMALIZE_WHITESPACE
    [('mention', 'ATACMS'), ('figure', 'about 186 miles'), ('other', 'Storm Shadow'),
     ('figure', 'about 250 km')]
    >>> [(n.number, n.finding.system_id, n.checked.status) for n in doc.numbered]
    [(1, 'atacms', 'held'), (2, None, 'unattributed')]
    >>> doc.numbered[0].label
    '1: given to ATACMS; qualifier: about; about 186 miles = about 299 km'
    >>> doc.numbered[1].label
    '2: unattributed (given to no system); about 250 km = about 160 mi'
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from armsref.views.checklist import Checked, as_claim, check_all, second_unit
from armsref.views.marks import Mark, nest

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, System
    from armsref.extraction.pipeline import Finding
    from armsref.scanning.mentions import Mention

__all__ = ["Annotated", "Numbered", "annotate", "source_of"]


@dataclass(frozen=True)
class Numbered:
    """One finding, its number in the document, and what the dataset says of it.

    Attributes:
        number: 1, 2, ... in text order.
        finding: the finding.
        checked: the dataset's verdict (:class:`armsref.views.checklist.Checked`).
        second: the figure in a second unit (``up to 190 mi``).
    """

    number: int
    finding: Finding
    checked: Checked
    second: str

    @property
    def label(self) -> str:
        """The label a figure's mark shows, in words."""
        f = self.finding
        figure = f"{f.figure} = {self.second}"
        if f.system is None:
            return f"{self.number}: unattributed (given to no system); {figure}"
        qualifier = f.qualifier.replace("_", " ") + (", approximate" if f.approximate else "")
        words = f"{self.number}: given to {f.system.short or f.system.name}; "
        words += f"qualifier: {qualifier}; {figure}"
        if f.variant:
            words += f"; variant {f.variant}"
        if f.condition:
            words += f"; {f.condition}"
        return words


@dataclass(frozen=True)
class Annotated:
    """A document with its marks, ready to draw.

    Attributes:
        name: the document's name as shown (its path).
        text: the text the offsets refer to (an HTML page's visible text).
        source: the id of the dataset's source with these bytes, or None.
        marks: the marks that nest, top level first (children inside each).
        crossing: marks that cross the edge of another and are not drawn.
        numbered: every figure finding, numbered in text order.
        systems: the dataset's systems, in its order (for the legend).
        named: the ids of the dataset's systems the text names, in dataset order.
    """

    name: str
    text: str
    source: str | None
    marks: tuple[Mark, ...]
    crossing: tuple[Mark, ...]
    numbered: tuple[Numbered, ...]
    systems: tuple[System, ...]
    named: tuple[str, ...] = ()


def source_of(raw: bytes, dataset: Dataset) -> str | None:
    """The id of the dataset's source whose file has exactly these bytes, or None."""
    digest = hashlib.sha256(raw).hexdigest()
    return next((s.id for s in dataset.sources if s.sha256 == digest), None)


def _mention_mark(mention: Mention, kind: str) -> Mark:
    return Mark(
        mention.start,
        mention.end,
        kind,
        {"system": mention.system, "variant": mention.variant, "given": []},
    )


def annotate(text: str, dataset: Dataset, *, name: str, source: str | None = None) -> Annotated:
    """Read ``text`` for review: see the module docstring."""
    from armsref.extraction.pipeline import extract_scanned

    extraction, mentions, others = extract_scanned(text, dataset)
    found = sorted(
        (*extraction.findings, *extraction.unattributed),
        key=lambda f: (f.figure_start, f.figure_end, f.system_id or "~"),
    )
    names: dict[tuple[int, int], Mark] = {}
    marks: list[Mark] = []
    for mention in mentions:
        names[(mention.start, mention.end)] = mark = _mention_mark(mention, "mention")
        marks.append(mark)
    marks += [_mention_mark(other, "other") for other in others]
    figures: dict[tuple[int, int], Mark] = {}
    numbered = []
    checked = check_all(found, dataset, text, source)
    for number, (finding, verdict) in enumerate(zip(found, checked, strict=True), 1):
        entry = Numbered(number, finding, verdict, second_unit(as_claim(finding)))
        numbered.append(entry)
        span = (finding.figure_start, finding.figure_end)
        if span not in figures:
            figures[span] = Mark(*span, "figure", {"numbered": []})
            marks.append(figures[span])
        figure_numbers = figures[span].data["numbered"]
        assert isinstance(figure_numbers, list)
        figure_numbers.append(entry)
        named = names.get((finding.name_start, finding.name_end))
        if named is not None:
            given = named.data["given"]
            assert isinstance(given, list)
            given.append(number)
    placed, crossing = nest(marks)
    return Annotated(
        name=name,
        text=text,
        source=source,
        marks=tuple(placed),
        crossing=tuple(crossing),
        numbered=tuple(numbered),
        systems=tuple(dataset.systems),
        named=tuple(s.id for s in dataset.systems if s.id in {m.system.id for m in mentions}),
    )
