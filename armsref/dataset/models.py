"""The dataset's records: sources, systems, range claims, and the dataset itself.

Every model is a frozen pydantic model that forbids unknown keys. Records that
belong to a loaded :class:`Dataset` can walk to their relatives
(``system.claims``, ``claim.source_record``, ``source.systems``); the walk goes
through indices the dataset builds once.

The models know nothing of files or of the command line: :mod:`armsref.dataset.loading`
reads and validates files into them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from armsref.dataset.fields import (
    CLAIM_ID,
    Status,
    check_shape,
    check_status,
    length_unit,
    positive_finite,
    refuse_old_keys,
)
from armsref.dataset.variants import Variant
from armsref.errors import ArmsrefError, UnknownSourceError, UnknownSystemError
from armsref.lengths import units
from armsref.lengths.hedges import HEDGES, Qualifier, describe

if TYPE_CHECKING:
    from armsref.lengths.compare import Disagreement, Span

__all__ = ["AlsoFigure", "Dataset", "Qualifier", "RangeClaim", "Source", "System"]


# defer_build: a model's validator is built when it first validates, so that a dataset
# built from its snapshot (armsref.dataset.snapshot) never pays for building one.
_FROZEN = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False, defer_build=True)
_SLUG = r"^[a-z0-9][a-z0-9_-]*$"


class _Linked(BaseModel):
    """A record that may belong to a dataset and reach its relatives through it."""

    model_config = _FROZEN
    _dataset: Dataset | None = PrivateAttr(default=None)

    def _owner(self) -> Dataset:
        if self._dataset is None:
            raise ArmsrefError(
                f"this {type(self).__name__} is not part of a loaded dataset; "
                "records reach their relatives only through armsref.load()"
            )
        return self._dataset

    def __eq__(self, other: object) -> bool:
        # Compare fields only: the link back to the dataset is not part of a record's value.
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.items()))


class Source(_Linked):
    """A document under ``seeds/`` that the dataset quotes.

    ``outlet``, ``title`` and ``published`` hold what the text itself states, or
    a stored public copy of it confirms, or ``None``; ``url`` is where it was
    published, ``retrieved`` the day it was read there, ``archive_url`` a
    permanent copy.
    """

    id: str = Field(pattern=_SLUG)
    file: str = Field(min_length=1)
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    retrieved: dt.date | None = None
    archive_url: str | None = None
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")

    @property
    def path(self) -> Path:
        """The document's path on disk."""
        return self._owner().root / self.file

    def text(self) -> str:
        """The document's text, decoded as UTF-8."""
        return self.path.read_text(encoding="utf-8")

    @property
    def claims(self) -> tuple[RangeClaim, ...]:
        """The range claims this source makes, in dataset order."""
        return self._owner().claims_for_source(self.id)

    @property
    def systems(self) -> tuple[System, ...]:
        """The systems this source gives a range for, in dataset order."""
        wanted = {claim.system for claim in self.claims}
        return tuple(s for s in self._owner().systems if s.id in wanted)


class System(_Linked):
    """A weapon system and every name readers meet it under."""

    id: str = Field(pattern=_SLUG)
    name: str = Field(min_length=1)
    short: str = Field(min_length=1)
    kind: str = Field(min_length=1)
    origin: str = Field(min_length=1)
    designations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    variants: tuple[Variant, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the system: name, short name, designations, aliases, then its variants'."""
        variants = (name for variant in self.variants for name in variant.names)
        return tuple(
            dict.fromkeys((self.name, self.short, *self.designations, *self.aliases, *variants))
        )

    def variant(self, variant_id: str) -> Variant:
        """The variant with this id.

        Raises:
            UnknownSystemError: the system has no variant by that id.
        """
        for variant in self.variants:
            if variant.id == variant_id:
                return variant
        raise UnknownSystemError(f"{self.short} {variant_id}") from None

    @property
    def claims(self) -> tuple[RangeClaim, ...]:
        """The range claims about this system, in dataset order."""
        return self._owner().claims_for_system(self.id)

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources that give a range for this system, in dataset order."""
        wanted = {claim.source for claim in self.claims}
        return tuple(s for s in self._owner().sources if s.id in wanted)

    def range_span(self, unit: str = "km") -> Span | None:
        """The lowest and highest range its accepted claims report (derived, not stated;
        see :mod:`~armsref.lengths.compare`)."""
        from armsref.lengths.compare import range_span

        return range_span([c for c in self.claims if c.status == "accepted"], unit)

    def disagreements(self) -> list[Disagreement[RangeClaim]]:
        """Pairs of its claims, rejected ones aside, that cannot both be true (see
        :mod:`~armsref.lengths.compare`)."""
        from armsref.lengths.compare import disagreements

        return disagreements([c for c in self.claims if c.status != "rejected"])


class AlsoFigure(BaseModel):
    """The same figure stated by the source in a second unit: "(1,600 kilometers)"."""

    model_config = _FROZEN
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str

    _positive = field_validator("value", "low", "high")(positive_finite)
    _unit = field_validator("unit")(length_unit)

    @model_validator(mode="after")
    def _shape(self) -> AlsoFigure:
        check_shape(self.value, self.low, self.high, between=self.value is None)
        return self


class RangeClaim(_Linked):
    """One range figure a source attributes to a system, with its verbatim quote.

    ``id`` is short and stable (kept when the claim is edited); ``status`` says
    whether a curator accepted it, has not reviewed it yet, or rejected it (then
    ``reason`` says why).
    """

    id: str | None = Field(default=None, pattern=CLAIM_ID)
    system: str
    source: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str
    qualifier: Qualifier
    approximate: bool = False
    variant: str | None = None
    condition: str | None = Field(default=None, min_length=1)
    also: AlsoFigure | None = None
    quote: str = Field(min_length=1)
    status: Status = "unreviewed"
    reason: str | None = None

    _positive = field_validator("value", "low", "high")(positive_finite)
    _unit = field_validator("unit")(length_unit)

    _old_keys = model_validator(mode="before")(refuse_old_keys)

    @model_validator(mode="after")
    def _shape(self) -> RangeClaim:
        check_shape(self.value, self.low, self.high, between=self.qualifier == "between")
        check_status(self.status, self.reason)
        if self.also is not None and (self.also.value is None) != (self.value is None):
            raise ValueError("'also' must state the same kind of figure (a value or low/high)")
        return self

    @property
    def key(self) -> tuple[object, ...]:
        """What makes two claims the same claim."""
        return (
            self.system,
            self.source,
            self.qualifier,
            self.variant,
            self.condition,
            self.value,
            self.low,
            self.high,
            units.unit_name(self.unit),
        )

    @property
    def figure(self) -> str:
        """The figure as the source states it, with its hedge: ``up to about 250 miles``."""
        return describe(
            self.qualifier, self.value, self.low, self.high, self.unit, approximate=self.approximate
        )

    @property
    def point(self) -> float:
        """The stated value, or the midpoint of a 'between' range, in the stated unit."""
        if self.value is not None:
            return self.value
        assert self.low is not None and self.high is not None
        return (self.low + self.high) / 2

    @property
    def quantity(self) -> units.Quantity:
        """The stated figure (or a 'between' midpoint) as a pint Quantity."""
        return units.registry().Quantity(self.point, units.unit_name(self.unit))

    def to(self, unit: str) -> units.Quantity:
        """The stated figure converted to ``unit``, exact (not rounded)."""
        return units.convert(self.quantity, unit)

    def figures_in(self, unit: str) -> tuple[tuple[float, str], ...]:
        """Each stated figure (the value, or low and high) in ``unit``: exact, and as shown.

        The shown text is rounded as precisely as the source stated the figure;
        where the source itself gave the figure in ``unit`` (its ``also``), its
        own words are used.

        Examples:
            >>> import armsref
            >>> eram = armsref.get("eram").claims[0]
            >>> eram.figures_in("km")
            ((458.66304, '460'),)
        """
        from armsref.lengths import precision

        target = units.unit_name(unit)
        stated = [self.value] if self.value is not None else [self.low, self.high]
        also = self.also
        own = None
        if also is not None and units.unit_name(also.unit) == target:
            own = [also.value] if also.value is not None else [also.low, also.high]
        shown = []
        for position, number in enumerate(stated):
            assert number is not None
            exact = units.to_unit(number, self.unit, target)
            own_number = own[position] if own is not None else None
            text = (
                precision.format_number(own_number)
                if own_number is not None
                else precision.round_figure(number, self.unit, unit)
            )
            shown.append((exact, text))
        return tuple(shown)

    def shown_in(self, unit: str) -> str:
        """The figure with its hedge in ``unit``, rounded as the source's precision allows.

        Examples:
            >>> import armsref
            >>> armsref.get("tomahawk").claims[1].shown_in("km")
            'about 1,600 km'
        """
        texts = [text for _, text in self.figures_in(unit)]
        body = " and ".join(texts) + f" {units.unit_symbol(unit)}"
        hedge = HEDGES[self.qualifier]
        if self.approximate and self.qualifier != "about":
            hedge = f"{hedge} about".strip()
        return f"{hedge} {body}" if hedge else body

    @property
    def source_record(self) -> Source:
        """The :class:`Source` this claim cites."""
        return self._owner().source(self.source)

    @property
    def system_record(self) -> System:
        """The :class:`System` this claim is about."""
        return self._owner().system(self.system)


class Dataset(BaseModel):
    """A validated dataset: its sources, systems and claims, with indices.

    ``others`` are weapon systems the dataset knows by name only (from
    ``data/others.yaml``): never one of ``systems``, never given a claim.

    Build one with :func:`armsref.load`; constructing it links every record to
    it and builds the indices once.
    """

    model_config = ConfigDict(
        frozen=True, extra="forbid", arbitrary_types_allowed=True, defer_build=True
    )
    root: Path
    sources: tuple[Source, ...]
    systems: tuple[System, ...]
    claims: tuple[RangeClaim, ...]
    others: tuple[System, ...] = ()

    _sources_by_id: dict[str, Source] = PrivateAttr(default_factory=dict)
    _systems_by_id: dict[str, System] = PrivateAttr(default_factory=dict)
    _by_system: dict[str, tuple[RangeClaim, ...]] = PrivateAttr(default_factory=dict)
    _by_source: dict[str, tuple[RangeClaim, ...]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        """Link every record to this dataset and build the indices."""
        self._sources_by_id.update((s.id, s) for s in self.sources)
        self._systems_by_id.update((s.id, s) for s in self.systems)
        by_system: dict[str, list[RangeClaim]] = {}
        by_source: dict[str, list[RangeClaim]] = {}
        for claim in self.claims:
            by_system.setdefault(claim.system, []).append(claim)
            by_source.setdefault(claim.source, []).append(claim)
        self._by_system.update((k, tuple(v)) for k, v in by_system.items())
        self._by_source.update((k, tuple(v)) for k, v in by_source.items())
        for record in (*self.sources, *self.systems, *self.claims):
            record._dataset = self

    def claims_for_system(self, system_id: str) -> tuple[RangeClaim, ...]:
        """The claims about the system with this id, in dataset order."""
        return self._by_system.get(system_id, ())

    def claims_for_source(self, source_id: str) -> tuple[RangeClaim, ...]:
        """The claims the source with this id makes, in dataset order."""
        return self._by_source.get(source_id, ())

    def source(self, source_id: str) -> Source:
        """The source with this id.

        Raises:
            UnknownSourceError: no source has that id.
        """
        try:
            return self._sources_by_id[source_id]
        except KeyError:
            raise UnknownSourceError(source_id, sorted(self._sources_by_id)) from None

    def system(self, system_id: str) -> System:
        """The system with this id (for any of its names, use :func:`armsref.get`).

        Raises:
            UnknownSystemError: no system has that id.
        """
        try:
            return self._systems_by_id[system_id]
        except KeyError:
            raise UnknownSystemError(system_id) from None
