"""Lengths as people write them: unit names, parsing and conversion.

armsref keeps one pint registry, built on first use from the small definitions
file ``lengths.txt`` beside this module (pint's full default registry takes
far longer to build and knows nothing armsref needs). Unit *names* are checked
against a table of spellings without touching pint at all, so loading the
dataset does not pay for the registry.

Where pint's own string parser misleads, this module is stricter: ``"1,6 km"``
and ``"1 600 km"`` are refused as ambiguous, and lower-case ``"nm"`` (which pint
reads as nanometre) is refused with a hint to write ``nmi``.

How precisely a stated figure is shown and compared lives in
:mod:`armsref.lengths.precision`.

Examples:
    >>> unit_name("Kilometres")
    'kilometer'
    >>> to_unit(995, "mi", "km")
    1601.29728
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from armsref.errors import UnitError

if TYPE_CHECKING:
    import pint

__all__ = [
    "UNIT_SPELLINGS",
    "Quantity",
    "convert",
    "expressible",
    "parse_number",
    "parse_quantity",
    "registry",
    "to_unit",
    "unit_name",
    "unit_symbol",
]

Quantity = Any  # a pint Quantity; pint is imported only when one is made

#: Every spelling of a length armsref accepts (lower case), mapped to the
#: registry's canonical unit name. "NM" is accepted in capitals only: see
#: :func:`unit_name`.
UNIT_SPELLINGS: dict[str, str] = {
    **dict.fromkeys(
        ["km", "kms", "kilometer", "kilometers", "kilometre", "kilometres"], "kilometer"
    ),
    **dict.fromkeys(
        ["mi", "mile", "miles", "statute mile", "statute miles", "statute_mile"], "mile"
    ),
    **dict.fromkeys(
        ["nmi", "nautical mile", "nautical miles", "nautical_mile", "nautical_miles"],
        "nautical_mile",
    ),
    **dict.fromkeys(["m", "meter", "meters", "metre", "metres"], "meter"),
    **dict.fromkeys(["ft", "foot", "feet"], "foot"),
    **dict.fromkeys(["yd", "yard", "yards"], "yard"),
}

_SYMBOLS = {
    "kilometer": "km",
    "mile": "mi",
    "nautical_mile": "nmi",
    "meter": "m",
    "foot": "ft",
    "yard": "yd",
}

_NOT_LENGTHS = {
    "kg": "a mass",
    "g": "a mass",
    "gram": "a mass",
    "grams": "a mass",
    "kilogram": "a mass",
    "kilograms": "a mass",
    "lb": "a mass",
    "lbs": "a mass",
    "pound": "a mass",
    "pounds": "a mass",
    "s": "a time",
    "sec": "a time",
    "second": "a time",
    "seconds": "a time",
    "min": "a time",
    "minute": "a time",
    "minutes": "a time",
    "h": "a time",
    "hr": "a time",
    "hour": "a time",
    "hours": "a time",
}

_EXPECTED = "a length such as km, mi or nmi"

_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+$")


def unit_name(text: str) -> str:
    """Return the canonical unit name for a length as people write it.

    Args:
        text: a unit such as ``"km"``, ``"Kilometres"``, ``"nautical miles"``,
            ``"NM"``. Case, surrounding space and inner runs of space do not matter,
            except that ``"nm"`` in lower case is refused (pint reads it as nanometre).

    Returns:
        The registry's name: ``"kilometer"``, ``"mile"``, ``"nautical_mile"``,
        ``"meter"``, ``"foot"`` or ``"yard"``.

    Raises:
        UnitError: the text is not a length unit armsref knows.

    Examples:
        >>> unit_name("NM")
        'nautical_mile'
        >>> unit_name("nm")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        armsref.errors.UnitError: unit 'nm' is ambiguous (...); write 'nmi' for nautical miles
    """
    if not isinstance(text, str):
        raise UnitError(f"unit must be text, got {type(text).__name__}")
    cleaned = " ".join(text.split())
    if cleaned == "NM":
        return "nautical_mile"
    if cleaned.lower() == "nm":
        raise UnitError(
            f"unit {text!r} is ambiguous (pint reads it as nanometre); "
            "write 'nmi' for nautical miles"
        )
    key = cleaned.lower().replace("-", " ")
    if key in UNIT_SPELLINGS:
        return UNIT_SPELLINGS[key]
    if not cleaned:
        raise UnitError(f"no unit given; expected {_EXPECTED}")
    if key in _NOT_LENGTHS:
        raise UnitError(f"unit {text!r} is {_NOT_LENGTHS[key]}, not a length; expected {_EXPECTED}")
    raise UnitError(f"unknown unit {text!r}; expected {_EXPECTED}")


def unit_symbol(name: str) -> str:
    """Return the short symbol for a unit as people write it.

    Examples:
        >>> unit_symbol("nautical miles")
        'nmi'
    """
    return _SYMBOLS[unit_name(name)]


@cache
def registry() -> pint.UnitRegistry[Any]:
    """Return armsref's pint registry, built on first use and then reused."""
    from importlib import resources

    import pint

    definitions = resources.files("armsref.lengths").joinpath("lengths.txt")
    with resources.as_file(definitions) as path:
        return pint.UnitRegistry(filename=str(path), cache_folder=None)


@cache
def _metres_per_unit() -> dict[str, float]:
    """Metres per unit of every length in ``lengths.txt``, the definitions pint reads too.

    Plain-number conversions (display rounding, comparison) use this table, so a
    command that only shows figures does not pay for importing pint; a test holds
    it equal to the registry's own conversions. The file is read through the
    package's loader (``pkgutil``), which costs a command far less than
    importing ``importlib.resources``.
    """
    import pkgutil

    data = pkgutil.get_data("armsref.lengths", "lengths.txt")
    assert data is not None  # a package imported from files or a zip has a loader that reads
    text = data.decode("utf-8")
    factors: dict[str, float] = {}
    for line in text.splitlines():
        parts = [part.strip() for part in line.split("#", 1)[0].split("=")]
        if len(parts) < 2:
            continue
        name, definition = parts[0], parts[1]
        if definition == "[length]":
            factors[name] = 1.0
        elif "*" in definition:
            number, base = (piece.strip() for piece in definition.split("*", 1))
            if base in factors:
                factors[name] = float(number) * factors[base]
    return factors


def to_unit(value: float, unit: str, to: str) -> float:
    """Convert a plain number between two length units as people write them.

    Examples:
        >>> to_unit(995, "miles", "km")
        1601.29728
    """
    table = _metres_per_unit()
    result = value * table[unit_name(unit)] / table[unit_name(to)]
    if not math.isfinite(result) and math.isfinite(value):
        raise UnitError(f"{value:g} {unit} is too large to express in {to}")
    return result


def expressible(value: float, unit: str) -> bool:
    """Whether ``value`` in ``unit`` is a finite number in every length unit armsref knows.

    Examples:
        >>> expressible(300, "km"), expressible(1e307, "km")
        (True, False)
    """
    table = _metres_per_unit()
    metres = value * table[unit_name(unit)]
    smallest, largest = min(table.values()), max(table.values())
    return all(math.isfinite(x) for x in (metres, metres / smallest, metres / largest))


def _check_magnitude(value: float, shown: str) -> float:
    if math.isnan(value):
        raise UnitError(f"{shown!r} is not a number; expected a positive length")
    if math.isinf(value):
        raise UnitError(f"{shown!r} is infinite; expected a finite length")
    if value < 0:
        raise UnitError(f"{shown!r} is negative; expected a positive length")
    return value


def parse_number(text: str) -> float:
    """Read a number as people write it, refusing the ambiguous forms.

    A comma separates thousands only in groups of three (``1,600``); a decimal
    point is a full stop. ``"1,6"``, ``"1 600"`` and ``"1.000"`` (a thousands
    point in much of Europe, or one to three decimals) are refused rather
    than guessed at.

    Raises:
        UnitError: the text is not one unambiguous number.

    Examples:
        >>> parse_number("1,600")
        1600.0
        >>> parse_number("1.5e3")
        1500.0
        >>> parse_number("1,6")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        armsref.errors.UnitError: '1,6' is ambiguous: ...; write 1.6 for a decimal
    """
    raw = text.strip()
    lowered = raw.lower().lstrip("+-")
    if lowered in {"nan", "inf", "infinity"}:
        value = float(raw)
        return _check_magnitude(value, text)
    sign, body = ("", raw)
    if raw[:1] in "+-":
        sign, body = raw[0], raw[1:]
    if re.fullmatch(r"\d+(?:\s+\d+)+(?:\.\d+)?", body):
        joined = body.replace(" ", "")
        raise UnitError(
            f"{text!r} is ambiguous: a space does not separate thousands; "
            f"write {joined}" + (f" or {int(joined):,}" if len(joined) <= 40 else "")
        )
    match = re.fullmatch(r"(\d[\d,]*)(\.\d+)?([eE][+-]?\d+)?", body)
    if not match:
        raise UnitError(f"{text!r} is not a number")
    whole = match.group(1)
    decimals = (match.group(2) or "")[1:]
    if re.fullmatch(r"[1-9]\d{0,2}", whole) and len(decimals) == 3:
        raise UnitError(
            f"{text!r} is ambiguous: a point may separate thousands; "
            f"write {whole},{decimals} for thousands, or {float(whole + '.' + decimals):g}"
        )
    if "," in whole and not _GROUPED.match(whole):
        raise UnitError(
            f"{text!r} is ambiguous: a comma separates thousands in groups of three; "
            f"write {whole.replace(',', '.')} for a decimal"
        )
    value = float(sign + whole.replace(",", "") + (match.group(2) or "") + (match.group(3) or ""))
    return _check_magnitude(value, text)


def _split(text: str) -> tuple[str, str]:
    """Split ``"1,600 kilometers"`` or ``"300-kilometer"`` into number and unit text."""
    stripped = text.strip()
    match = re.match(
        r"([+-]?(?:nan|infinity|inf)(?![a-z])|[+-]?\d[\d,]*(?:\s+\d+)*(?:\.\d+)?(?:[eE][+-]?\d+)?)",
        stripped,
        re.IGNORECASE,
    )
    if not match:
        raise UnitError(f"no number in {text!r}; expected a length such as '300 km'")
    number = match.group(1)
    rest = stripped[match.end() :].lstrip(" \t-\u00a0")
    return number, rest


def parse_quantity(text: str) -> Quantity:
    """Parse a length as people write it into a pint Quantity.

    Accepts ``"995 mi"``, ``"1,600 kilometers"``, ``"300-kilometer"``,
    ``"500 nautical miles"``, ``"1.5e3 km"``.

    Raises:
        UnitError: no number, no unit, an ambiguous number, a negative, NaN or
            infinite value, or a unit that is not a length.

    Examples:
        >>> parse_quantity("300-kilometer")
        <Quantity(300.0, 'kilometer')>
    """
    if not isinstance(text, str):
        raise UnitError(f"expected text such as '300 km', got {type(text).__name__}")
    number, rest = _split(text)
    value = parse_number(number)
    if not rest:
        raise UnitError(f"{text.strip()!r} has no unit; expected {_EXPECTED}")
    return registry().Quantity(value, unit_name(rest))


def _as_quantity(value: object) -> Quantity:
    if isinstance(value, str):
        return parse_quantity(value)
    if hasattr(value, "magnitude") and hasattr(value, "to") and hasattr(value, "units"):
        import pint

        try:
            meters = value.to("meter").magnitude
        except (pint.DimensionalityError, pint.UndefinedUnitError) as error:
            raise UnitError(f"{value!s} is not a length; expected {_EXPECTED}") from error
        _check_magnitude(float(meters), str(value))
        return registry().Quantity(float(meters), "meter")
    raise UnitError(f"expected a pint Quantity or text such as '300 km', got {value!r}")


def convert(value: object, to: str) -> Quantity:
    """Convert a length, given as a Quantity or as text, to another unit.

    Args:
        value: a pint Quantity (from armsref's registry or any other) or text
            such as ``"995 mi"``.
        to: the target unit as people write it (``"km"``, ``"nautical miles"``).

    Returns:
        A Quantity in armsref's registry, exact (not rounded).

    Raises:
        UnitError: the value or the target unit is not a usable length.

    Examples:
        >>> convert("995 mi", "km").magnitude
        1601.29728
    """
    target = unit_name(to)
    result = _as_quantity(value).to(target)
    if not math.isfinite(result.magnitude):
        raise UnitError(f"{value!s} is too large to express in {target}; expected a finite length")
    return result
