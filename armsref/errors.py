"""The errors armsref raises, and when.

Every error armsref raises on purpose derives from :class:`ArmsrefError`, and
also from the builtin a caller would already catch for that kind of problem::

    ArmsrefError(Exception)
    ├── DataError(ArmsrefError, ValueError)
    │       a dataset file is malformed or inconsistent
    ├── UnknownSystemError(ArmsrefError, LookupError)
    │       no system answers to the name asked for
    ├── UnknownSourceError(ArmsrefError, LookupError)
    │       no source has the id asked for
    ├── UnitError(ArmsrefError, ValueError)
    │       a quantity or unit that is not a usable length
    ├── InputError(ArmsrefError, ValueError)
    │   │   an argument or document armsref cannot work with
    │   ├── DocumentError(InputError)
    │   │       a document cannot be read as text (the CLI exits 1, not 2)
    │   └── ArgumentTypeError(InputError, TypeError)
    │           an argument of the wrong type; the message names the argument
    └── VerificationError(ArmsrefError)
            verify() found problems; ``.problems`` lists them all

This module imports nothing heavy, so catching these errors costs nothing. It
also holds the two argument checks every public function shares,
:func:`expect` and :func:`as_items` (a wrong type is a ``TypeError`` naming the
argument), kept out of ``__all__``, which lists the errors only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = [
    "ArgumentTypeError",
    "ArmsrefError",
    "DataError",
    "DocumentError",
    "InputError",
    "UnitError",
    "UnknownSourceError",
    "UnknownSystemError",
    "VerificationError",
]


class ArmsrefError(Exception):
    """Base class of every error armsref raises on purpose."""


class DataError(ArmsrefError, ValueError):
    """Raised when a dataset file is malformed or inconsistent.

    The message names the file, the entry and the field at fault, for example
    ``data/claims.yaml: entry 3 (tomahawk/cnn): field 'value': must be > 0, got -5``.

    Attributes:
        file: the dataset file at fault, as a display string.
        entry: which entry of the file (an id or a 1-based position), if known.
        field: the field at fault, if known.
        reason: what is wrong, without the location.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        entry: str | None = None,
        field: str | None = None,
    ) -> None:
        self.file = file
        self.entry = entry
        self.field = field
        self.reason = message
        where = [part for part in (file, entry) if part]
        if field:
            where.append(f"field {field!r}")
        super().__init__(": ".join([*where, message]))


class UnknownSystemError(ArmsrefError, LookupError):
    """Raised by :func:`armsref.get` when no system answers to a name.

    Attributes:
        query: the name that was asked for, as given.
        suggestions: the closest known names, best first (may be empty).
        known_other: where the name is one of the other weapon systems the
            dataset knows by name only (``data/others.yaml``), that system's
            name and kind; else ``None``.
    """

    def __init__(
        self,
        query: str,
        suggestions: Sequence[str] = (),
        known_other: tuple[str, str] | None = None,
    ) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        self.known_other = known_other
        shown = query if len(query) <= 80 else f"{query[:60]}...({len(query)} characters)"
        message = f"no system named {shown!r}"
        if known_other is not None:
            name, kind = known_other
            what = (
                f"a known {kind}"
                if name.casefold() == query.strip().casefold()
                else (f"{name}, a known {kind}")
            )
            message = f"{shown!r} is {what}, but the dataset holds no data on it"
        elif self.suggestions:
            quoted = " or ".join(repr(s) for s in self.suggestions)
            message += f"; did you mean {quoted}?"
        super().__init__(message)

    def __str__(self) -> str:
        # LookupError subclasses such as KeyError repr() their message; we want it plain.
        return str(self.args[0])


class UnknownSourceError(ArmsrefError, LookupError):
    """Raised when no source in the dataset has the id asked for.

    Attributes:
        query: the id that was asked for.
        known: the ids the dataset has.
    """

    def __init__(self, query: str, known: Sequence[str] = ()) -> None:
        self.query = query
        self.known = tuple(known)
        message = f"no source with id {query!r}"
        if self.known:
            message += f"; known ids: {', '.join(self.known)}"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class UnitError(ArmsrefError, ValueError):
    """Raised when text or a quantity is not a usable, positive, finite length.

    The message quotes what was given and says what was expected instead.
    """


class InputError(ArmsrefError, ValueError):
    """Raised when an argument or a document cannot be used as given.

    Examples: an empty name, a path that is not a readable text file, an id
    that is already taken.
    """


class DocumentError(InputError):
    """Raised when a document cannot be read as text.

    Missing, not a regular file, unreadable, too large, binary, UTF-16 or
    otherwise not UTF-8. The message names the document. The command line
    exits 1 for it (a document could not be read), not 2 (a usage error).
    """


class ArgumentTypeError(InputError, TypeError):
    """Raised when a public function is given an argument of the wrong type.

    It is a ``TypeError`` (and an :class:`InputError`); the message names the
    argument, what was expected and what was given, for example
    ``name must be text (str), got list (['ATACMS'])``.
    """


class VerificationError(ArmsrefError):
    """Raised by :func:`armsref.verify` with ``strict=True`` when problems are found.

    Attributes:
        problems: every problem found, each a one-line message.
    """

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found in the dataset"
        super().__init__("\n".join([head, *self.problems]))


def expect(value: object, argument: str, types: type | tuple[type, ...], what: str) -> None:
    """Raise :class:`ArgumentTypeError` (a ``TypeError``) naming ``argument`` unless
    ``value`` is one of ``types``.

    ``bool`` is never taken for a number.

    Examples:
        >>> expect(3, "limit", int, "a whole number")
        >>> expect(True, "limit", int, "a whole number")
        Traceback (most recent call last):
        ...
        armsref.errors.ArgumentTypeError: limit must be a whole number, got bool (True)
    """
    wanted = types if isinstance(types, tuple) else (types,)
    if isinstance(value, wanted) and not (isinstance(value, bool) and bool not in wanted):
        return
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    raise ArgumentTypeError(f"{argument} must be {what}, got {type(value).__name__} ({shown})")


def as_items(value: object, argument: str, types: type | tuple[type, ...], what: str) -> list[Any]:
    """A list of items from ``value``: one item if it is one (a ``str`` is one, never letters).

    Raises:
        ArgumentTypeError: ``value`` is neither an item nor an iterable of items (a
            ``TypeError`` naming ``argument``).

    Examples:
        >>> as_items("tomahawk", "systems", str, "names")
        ['tomahawk']
        >>> as_items(("a", "b"), "systems", str, "names")
        ['a', 'b']
    """
    wanted = types if isinstance(types, tuple) else (types,)
    if isinstance(value, wanted):
        return [value]
    if isinstance(value, bytes | bytearray | Mapping) or not isinstance(value, Iterable):
        raise ArgumentTypeError(
            f"{argument} must be {what} or a list of them, got {type(value).__name__}"
        )
    items = list(value)
    for position, item in enumerate(items, 1):
        if not isinstance(item, wanted) or isinstance(item, bool):
            raise ArgumentTypeError(
                f"{argument}: item {position} must be {what}, got {type(item).__name__}"
            )
    return items
