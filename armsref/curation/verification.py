"""The integrity checks: is every figure in the dataset really in its source?

:func:`verify` runs every check in :data:`CHECKS` over a loaded dataset and
reports every problem found, not just the first:

- a source file is missing, not a regular file, too large to search (its
  sha256 is still checked, as a stream), or its bytes changed since its
  ``sha256`` was recorded;
- a file under ``seeds/`` that no source names;
- a quote is not found verbatim in its source (whitespace included);
- a claim's value or unit does not appear in its own quote;
- a second-unit figure disagrees with the first beyond the rounding the source used;
- the same claim is recorded twice;
- a range figure ``armsref extract`` finds in a source is missing from ``data/``.

Claims marked ``status: unreviewed`` are reported as warnings, not problems.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from armsref.curation.documents import document_text
from armsref.errors import DocumentError, UnitError, VerificationError, expect
from armsref.lengths import precision, units

if TYPE_CHECKING:
    from pathlib import Path

    from armsref.dataset.models import Dataset, RangeClaim

__all__ = ["CHECKS", "Report", "verify"]

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Report:
    """What :func:`verify` found.

    Attributes:
        problems: one line per problem; any problem fails verification.
        warnings: one line per warning (unreviewed claims); these do not fail it.
        checked: how many claims were checked.
    """

    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    checked: int = 0

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    def raise_for_problems(self) -> None:
        """Raise :class:`~armsref.errors.VerificationError` listing every problem, if any."""
        if self.problems:
            raise VerificationError(self.problems)


def _name(claim: RangeClaim, position: int) -> str:
    label = f"claim {claim.id}" if claim.id else f"claim {position}"
    return f"{label} ({claim.system} from {claim.source}, {claim.figure!r})"


@dataclass(frozen=True)
class _Document:
    """A source's file as read once for every check: its sha256 and text, or why not."""

    digest: str | None
    text: str | None
    error: str | None


def _read_one(path: Path, shown: str) -> _Document:
    """Hash a source file as a stream; keep its text only if it is not too large to search."""
    from armsref.dataset.regular import MAX_DOCUMENT, open_regular, sha256_of

    try:
        with open_regular(path, shown) as stream:
            digest, size = sha256_of(stream)
            if size > MAX_DOCUMENT:
                reason = f"larger than {MAX_DOCUMENT >> 20} MiB, the most armsref searches"
                return _Document(digest, None, reason)
            stream.seek(0)
            data = stream.read(MAX_DOCUMENT)
    except DocumentError as error:
        return _Document(None, None, str(error).removeprefix(f"{shown}: "))
    except OSError as error:
        return _Document(None, None, error.strerror)
    return _Document(digest, document_text(shown, data, errors="replace"), None)


def _read(dataset: Dataset) -> tuple[dict[str, str | None], dict[str, _Document]]:
    """Read every source's file once: the texts the checks share, and the documents."""
    documents = {source.id: _read_one(source.path, source.file) for source in dataset.sources}
    return {key: doc.text for key, doc in documents.items()}, documents


Check = Callable[["Dataset", dict[str, "str | None"]], Iterator[str]]


def _files_problems(dataset: Dataset, documents: dict[str, _Document]) -> Iterator[str]:
    """A source file missing, not a regular file, too large, or changed since it was recorded."""
    for source in dataset.sources:
        document = documents[source.id]
        if document.digest is None:
            yield f"source {source.id!r}: file {source.file} cannot be read ({document.error})"
            continue
        if document.error is not None:
            yield f"source {source.id!r}: file {source.file} is {document.error}"
        digest = document.digest
        if digest is not None and digest != source.sha256:
            yield (
                f"source {source.id!r}: file {source.file} has changed since it was recorded "
                f"(sha256 {digest[:12]}…, recorded {source.sha256[:12]}…)"
            )


def _orphan_problems(dataset: Dataset) -> Iterator[str]:
    """A file under ``seeds/`` that no source names (hidden files aside)."""
    seeds = dataset.root / "seeds"
    named = {os.path.normpath(source.file) for source in dataset.sources}
    try:
        entries = sorted(os.scandir(seeds), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        relative = os.path.normpath(f"seeds/{entry.name}")
        if not entry.name.startswith(".") and relative not in named:
            yield f"{relative} is in the dataset but no source names it"


def check_quotes(dataset: Dataset, texts: dict[str, str | None]) -> Iterator[str]:
    """A quote not found verbatim in its source."""
    for position, claim in enumerate(dataset.claims, 1):
        text = texts.get(claim.source)
        if text is not None and claim.quote not in text:
            yield (
                f"{_name(claim, position)}: quote not found verbatim in {claim.source}: "
                f"{claim.quote!r}"
            )


def _numbers(quote: str) -> set[float]:
    """Every number the quote states: in digits, or as the figure grammar reads it
    ("three hundred kilometres", "1.5 thousand km")."""
    from armsref.lengths.figures import find

    found = set()
    for match in _NUMBER.finditer(quote):
        try:
            found.add(units.parse_number(match.group().rstrip(",")))
        except UnitError:
            continue
    for figure in find(quote):
        found.update(figure.amount.numbers)
        if figure.also is not None:
            found.update(figure.also.numbers)
    return found


def _unit_in(unit: str, quote: str) -> bool:
    pattern = rf"(?<![A-Za-z]){re.escape(unit)}(?![A-Za-z])"
    return re.search(pattern, quote, re.IGNORECASE) is not None


def check_figures(dataset: Dataset, texts: dict[str, str | None]) -> Iterator[str]:
    """A claim's value or unit (or its second-unit figure) missing from its own quote."""
    del texts
    for position, claim in enumerate(dataset.claims, 1):
        numbers = _numbers(claim.quote)
        figures = [("value", claim.value), ("low", claim.low), ("high", claim.high)]
        if claim.also is not None:
            figures += [
                ("also.value", claim.also.value),
                ("also.low", claim.also.low),
                ("also.high", claim.also.high),
            ]
        for label, value in figures:
            if value is not None and value not in numbers:
                shown = precision.format_number(value)
                yield f"{_name(claim, position)}: {label} {shown} is not in its quote"
        for label, unit in (("unit", claim.unit), ("also.unit", claim.also and claim.also.unit)):
            if unit and not _unit_in(unit, claim.quote):
                yield f"{_name(claim, position)}: {label} {unit!r} is not in its quote"


def check_second_units(dataset: Dataset, texts: dict[str, str | None]) -> Iterator[str]:
    """A second-unit figure that disagrees with the first beyond the source's rounding."""
    del texts
    for position, claim in enumerate(dataset.claims, 1):
        also = claim.also
        if also is None:
            continue
        pairs = [(claim.value, also.value), (claim.low, also.low), (claim.high, also.high)]
        for first, second in pairs:
            if first is None or second is None:
                continue
            if not precision.agrees(first, claim.unit, second, also.unit):
                converted = precision.round_figure(first, claim.unit, also.unit)
                yield (
                    f"{_name(claim, position)}: second figure {precision.format_number(second)} "
                    f"{also.unit} disagrees with the first ({precision.format_number(first)} "
                    f"{claim.unit} is {converted} {also.unit})"
                )


def check_duplicates(dataset: Dataset, texts: dict[str, str | None]) -> Iterator[str]:
    """The same claim recorded twice."""
    del texts
    seen: dict[tuple[object, ...], tuple[int, str]] = {}
    for position, claim in enumerate(dataset.claims, 1):
        first, label = seen.setdefault(claim.key, (position, claim.id or str(position)))
        if first != position:
            yield f"{_name(claim, position)}: the same claim is recorded already as claim {label}"


def check_unrecorded(dataset: Dataset, texts: dict[str, str | None]) -> Iterator[str]:
    """A range figure extract finds in a source that no claim from that source stands for
    (see :mod:`armsref.curation.recorded`: a claim a curator edited or rejected still does)."""
    from armsref.curation.recorded import unrecorded

    for source in dataset.sources:
        text = texts.get(source.id)
        for finding in unrecorded(text, source.id, dataset) if text else ():
            yield (
                f"source {source.id!r}: extract finds {finding.system_id} "
                f"{finding.figure!r} that data/ lacks: {finding.quote!r}"
            )


#: The checks :func:`verify` runs after the files' own check, in order. Each takes
#: the dataset and the sources' texts and yields one line per problem.
CHECKS: tuple[Check, ...] = (
    check_quotes,
    check_figures,
    check_second_units,
    check_duplicates,
    check_unrecorded,
)


def verify(
    path: str | os.PathLike[str] | None = None,
    *,
    strict: bool = False,
    require_review: bool = False,
) -> Report:
    """Check a dataset and report every problem found.

    Args:
        path: a dataset directory; ``None`` for the default dataset.
        strict: raise instead of returning a report with problems.
        require_review: count unreviewed claims as problems, not warnings
            (``armsref verify --strict``, for a newsroom's CI).

    Returns:
        A :class:`Report`; ``report.ok`` is True when nothing is wrong.

    Raises:
        DataError: the dataset cannot be loaded at all.
        VerificationError: ``strict`` is set and problems were found.

    Examples:
        >>> verify().ok
        True
    """
    from armsref.dataset.loading import load_validated

    expect(path, "path", (str, os.PathLike, type(None)), "a dataset directory or None")
    dataset = load_validated(path)
    texts, documents = _read(dataset)
    problems = list(_files_problems(dataset, documents))
    problems += _orphan_problems(dataset)
    problems += [problem for check in CHECKS for problem in check(dataset, texts)]
    warnings = [
        f"{_name(claim, position)}: not reviewed yet"
        for position, claim in enumerate(dataset.claims, 1)
        if claim.status == "unreviewed"
    ]
    if require_review:
        problems += warnings
        warnings = []
    report = Report(problems=tuple(problems), warnings=tuple(warnings), checked=len(dataset.claims))
    if strict:
        report.raise_for_problems()
    return report
