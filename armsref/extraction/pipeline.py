"""The range figures a text reports, each given to the system it describes.

:func:`extract` reads a text the way a curator would: it finds every length
figure (:mod:`armsref.lengths.figures`), keeps those the words around make a range
(:mod:`armsref.extraction.cues`), and gives each to the system the text says it belongs
to (:mod:`armsref.extraction.attribution`, from the scanner's mentions). A range figure
no rule gives to a known system is *unattributed*: it is never guessed onto
one, and :func:`extract_all` reports it separately. Figures that cannot be a
range a source states (zero, negative, longer than the Earth's circumference)
are dropped.

Only the text near mentions is read (every rule gives a figure to a name at
most two sentences away), in one fast pass for the words every unit contains
(:mod:`armsref.extraction.unitspots`); the figure grammar then runs only on the short
stretch before each, so extraction costs little more than the scan itself.
:func:`extract_all` reads the whole text, to report the unattributed too.

Examples:
    >>> text = ("The Tomahawk, with a range of about 995 miles (1,600 kilometers), goes "
    ...         "deeper than the ERAM (about 285 miles, or 460 kilometers).")
    >>> [(f.system_id, f.figure) for f in extract(text)]
    [('tomahawk', 'about 995 miles'), ('eram', 'about 285 miles')]
    >>> extract(text)[1].written, extract(text)[1].quote
    ('about 285 miles, or 460 kilometers', 'the ERAM (about 285 miles, or 460 kilometers)')
    >>> extract("Moscow is about 450 km from the border.")
    []
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from armsref.errors import InputError
from armsref.extraction import cues, quotes, unitspots
from armsref.extraction.attribution import Given, Reader
from armsref.extraction.segments import Segments
from armsref.lengths import figures

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, System
    from armsref.scanning.mentions import Mention

__all__ = ["Extraction", "Finding", "extract", "extract_all", "extract_scanned"]

#: No range a source states is longer than the Earth's circumference (km).
MAX_KM = 40_075.0
#: How far before a unit word its figure's numbers can start (a spelled number
#: cut at that point is read whole), and how far after it the unit can end.
_BEFORE_UNIT = 72
_AFTER_UNIT = 16
#: How far before and after a mention a figure can be that is given to it.
_REACH_BEFORE = 700
_REACH_AFTER = 1400


@dataclass(frozen=True, slots=True)
class Finding:
    """One range figure a text gives for a system: a candidate claim for ``data/``.

    Attributes:
        system: the system it is given to, or None when unattributed.
        value: the figure, or None for a span (then ``low`` and ``high``).
        low: the low end of a span written ``70-160 km``.
        high: the high end of a span.
        unit: the unit as the text writes it (``kilometer`` in ``300-kilometer``).
        qualifier: ``exact``, ``about``, ``above``, ``at_least``, ``up_to``,
            ``below`` or ``between``.
        also: the same figure in a second unit, where the text gives one.
        quote: the clause or sentence that states it, from its start, verbatim:
            ``text[start:end]``.
        start: where the quote starts in the text.
        end: where the quote ends.
        approximate: an approximation stacked on a bound ("up to about 250 miles").
        variant: the id of the variant the figure is stated for, or ``None``.
        condition: what the figure is stated for, as the text writes it
            ("against aircraft"), or ``None``.
        figure_start: where the figure as written starts (its hedge included).
        figure_end: where it ends (a second unit included).
        name_start: where the name it was given by starts, or -1.
        name_end: where that name ends, or -1.
    """

    system: System | None
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    also: figures.Amount | None
    quote: str
    start: int
    end: int
    approximate: bool = False
    variant: str | None = None
    condition: str | None = None
    figure_start: int = -1
    figure_end: int = -1
    name_start: int = -1
    name_end: int = -1

    @property
    def system_id(self) -> str | None:
        """The id of the system, or None when unattributed."""
        return self.system.id if self.system is not None else None

    @property
    def figure(self) -> str:
        """The figure with its hedge, normalised: ``about 995 miles``, ``above 900 km``."""
        from armsref.lengths.hedges import describe

        return describe(
            self.qualifier, self.value, self.low, self.high, self.unit, approximate=self.approximate
        )

    @property
    def written(self) -> str:
        """The figure as the text writes it: ``more than 900 km``, ``a 300-km``."""
        return self.quote[self.figure_start - self.start : self.figure_end - self.start]

    @property
    def key(self) -> tuple[object, ...]:
        """What a claim in ``data/`` must share to record this finding.

        The system, qualifier, number(s) and unit (by name, not spelling).
        """
        from armsref.lengths.units import unit_name

        return (
            self.system_id,
            self.qualifier,
            self.value,
            self.low,
            self.high,
            unit_name(self.unit),
        )

    def to_claim(self, source: str) -> dict[str, Any]:
        """This finding as a ``data/claims.yaml`` entry from ``source``, unreviewed.

        Raises:
            InputError: the finding is unattributed, so it cannot be a claim.

        Examples:
            >>> finding = extract("The ATACMS has a range of up to 300 km.")[0]
            >>> finding.to_claim("my-source")  # doctest: +NORMALIZE_WHITESPACE
            {'system': 'atacms', 'source': 'my-source', 'value': 300, 'unit': 'km',
             'qualifier': 'up_to', 'quote': 'The ATACMS has a range of up to 300 km',
             'status': 'unreviewed'}
        """
        if self.system is None:
            raise InputError(f"the figure {self.figure!r} is given to no system: not a claim")
        claim: dict[str, Any] = {"system": self.system.id, "source": source}
        claim.update(_numbers(self.value, self.low, self.high))
        claim.update(unit=self.unit, qualifier=self.qualifier)
        if self.approximate:
            claim["approximate"] = True
        if self.variant is not None:
            claim["variant"] = self.variant
        if self.condition is not None:
            claim["condition"] = self.condition
        if self.also is not None:
            a = self.also
            claim["also"] = {**_numbers(a.value, a.low, a.high), "unit": a.unit}
        claim.update(quote=self.quote, status="unreviewed")
        return claim


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything :func:`extract_all` read in a text.

    Attributes:
        findings: the range figures given to a known system, in text order.
        unattributed: the range figures given to none, in text order.
    """

    findings: tuple[Finding, ...]
    unattributed: tuple[Finding, ...]


def _numbers(value: float | None, low: float | None, high: float | None) -> dict[str, Any]:
    def plain(number: float) -> int | float:
        return int(number) if number.is_integer() else number

    if value is not None:
        return {"value": plain(value)}
    assert low is not None and high is not None
    return {"low": plain(low), "high": plain(high)}


@cache
def _km_in(unit: str) -> float:
    """How many kilometres one ``unit`` (as written) is (from the table: pint is not loaded)."""
    from armsref.lengths.units import to_unit

    return to_unit(1.0, unit, "km")


def _plausible(amount: figures.Amount) -> bool:
    return 0 < max(amount.numbers) * _km_in(amount.unit) <= MAX_KM


def near_mentions(mentions: list[Mention], size: int) -> list[tuple[int, int]]:
    """The stretches of text, merged, in which a figure can be given to a mention.

    A figure is given to a name at most a sentence before it (600 characters),
    or to the one name of the sentence before its own (600 more), or to a name
    right after it; see :mod:`armsref.extraction.attribution`.
    """
    merged: list[tuple[int, int]] = []
    for mention in mentions:
        low, high = max(0, mention.start - _REACH_BEFORE), min(size, mention.end + _REACH_AFTER)
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return merged


def regions(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The stretches of ``text[start:end]`` a figure can be in: before each unit word, merged."""
    stop = len(text) if end is None else end
    part = text if (start, stop) == (0, len(text)) else text[start:stop]
    return merged(text, [start + spot for spot in unitspots.spots(part)])


def merged(text: str, spots: list[int]) -> list[tuple[int, int]]:
    """The stretches before the unit words at ``spots`` (in order), those that touch merged.

    Whether a spot's stretch joins the one before depends only on the spot before it.
    """
    joined: list[tuple[int, int]] = []
    for at in spots:
        low, high = figures.number_start(text, max(0, at - _BEFORE_UNIT)), at + _AFTER_UNIT
        if joined and low <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(high, joined[-1][1]))
        else:
            joined.append((low, high))
    return joined


def _read(
    text: str,
    dataset: Dataset | None,
    *,
    everywhere: bool,
    scanned: tuple[list[Mention], list[Mention]] | None = None,
) -> list[Finding]:
    if not isinstance(text, str):
        raise InputError(f"extract() needs text (str), got {type(text).__name__}")
    from armsref.scanning.mentions import scan_all

    mentions, others = scan_all(text, dataset) if scanned is None else scanned
    reader = Reader(Segments(text), mentions, others)
    found: list[Finding] = []
    spans = [(0, len(text))] if everywhere else near_mentions(mentions, len(text))
    stretches = [region for low, high in spans for region in regions(text, low, high)]
    for low, high in stretches:
        found += findings_in(reader, low, high)
    return found


def findings_in(reader: Reader, low: int, high: int) -> list[Finding]:
    """The findings of the figures in ``reader.text[low:high]``, one stretch, read in order."""
    text = reader.text
    found: list[Finding] = []
    for figure in figures.find(text, low, high):
        if not _plausible(figure.amount):
            continue
        for given in reader.attribute(figure, cues.range_cue(text, figure.start, figure.end)):
            found.append(_finding(reader, figure, given))
    return found


def _finding(reader: Reader, figure: figures.Figure, given: Given) -> Finding:
    """The finding for one figure given to one system (or none), its quote and spans."""
    text, a = reader.text, figure.amount
    name = given.name
    start, end = quotes.span(
        reader.segments, given.start, given.end, figure.start, name.start if name else None
    )
    qualifier, approximate = figure.qualifier, figure.approximate
    if given.carried is not None and qualifier == "exact":
        # "a maximum range of 120 km against aircraft and 60 km against missiles"
        qualifier, approximate = given.carried.qualifier, given.carried.approximate
    return Finding(
        given.system,
        a.value,
        a.low,
        a.high,
        a.unit,
        qualifier,
        figure.also,
        text[start:end],
        start,
        end,
        approximate=approximate,
        variant=quotes.variant(reader, figure, given),
        condition=quotes.condition(text, figure.end),
        figure_start=figure.start,
        figure_end=figure.end,
        name_start=name.start if name is not None else -1,
        name_end=name.end if name is not None else -1,
    )


def extract(text: str, dataset: Dataset | None = None) -> list[Finding]:
    """The range figures ``text`` gives for known systems, in text order.

    Args:
        text: any text; offsets in the findings refer to it unchanged.
        dataset: whose systems to look for (default: :func:`armsref.load`).

    Returns:
        One :class:`Finding` per figure and system; empty when the text names
        no system or gives no range.

    Raises:
        InputError: ``text`` is not a string.

    Examples:
        >>> [f.figure for f in extract("Ukraine has used ATACMS with a 300-kilometer range.")]
        ['300 kilometer']
        >>> [f.system_id for f in extract("It flies. The ATACMS can hit targets 300 km away.")]
        ['atacms']
    """
    return [f for f in _read(text, dataset, everywhere=False) if f.system is not None]


def extract_all(text: str, dataset: Dataset | None = None) -> Extraction:
    """Every range figure in ``text``: those given to a system, and those given to none.

    Examples:
        >>> result = extract_all("The Storm Shadow has a range of about 250 km.")
        >>> result.findings, [f.figure for f in result.unattributed]
        ((), ['about 250 km'])
    """
    found = _read(text, dataset, everywhere=True)
    return _split(found)


def extract_scanned(
    text: str, dataset: Dataset | None = None
) -> tuple[Extraction, list[Mention], list[Mention]]:
    """:func:`extract_all`, and the mentions it read: the dataset's systems', the others'.

    For a view that shows both (``armsref annotate``), so the text is scanned once.

    Examples:
        >>> result, ours, others = extract_scanned("HIMARS fired; the ATACMS flies 300 km.")
        >>> [f.figure for f in result.findings], [m.surface for m in ours], len(others)
        (['300 km'], ['ATACMS'], 1)
    """
    from armsref.scanning.mentions import scan_all

    if not isinstance(text, str):
        raise InputError(f"extract() needs text (str), got {type(text).__name__}")
    mentions, others = scan_all(text, dataset)
    found = _read(text, dataset, everywhere=True, scanned=(mentions, others))
    return _split(found), mentions, others


def _split(found: list[Finding]) -> Extraction:
    return Extraction(
        findings=tuple(f for f in found if f.system is not None),
        unattributed=tuple(f for f in found if f.system is None),
    )
