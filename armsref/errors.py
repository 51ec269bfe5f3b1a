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
    ├── UnknownClaimError(ArmsrefError, LookupError)
    │       no claim has the id asked for
    ├── UnitError(ArmsrefError, ValueError)
    │       a quantity or unit that is not a usable length
    ├── InputError(ArmsrefError, ValueError)
    │   │   an argument or document armsref cannot work with
    │   ├── DocumentError
    │   │       a document is missing, unreadable, binary or not UTF-8
    │   └── DuplicateError
    │           a document or id already in the dataset; nothing was changed
    └── VerificationError(ArmsrefError)
            verify() found problems; ``.problems`` lists them all

This module imports nothing heavy, so catching these errors costs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "ArmsrefError",
    "DataError",
    "DocumentError",
    "DuplicateError",
    "InputError",
    "UnitError",
    "UnknownClaimError",
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
        message = f"no system named {query!r}"
        if known_other is not None:
            name, kind = known_other
            what = (
                f"a known {kind}"
                if name.casefold() == query.strip().casefold()
                else (f"{name}, a known {kind}")
            )
            message = f"{query!r} is {what}, but the dataset holds no data on it"
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
    """Raised when a document is missing, unreadable, binary or not UTF-8 text.

    The message starts with the document's path.
    """


class DuplicateError(InputError):
    """Raised when a write is refused because what it adds is already there.

    A document already recorded as a source, or an id already taken; nothing
    is changed.
    """


class UnknownClaimError(ArmsrefError, LookupError):
    """Raised when no claim in the dataset has the id asked for.

    Attributes:
        query: the id that was asked for.
        suggestions: the closest known ids, best first (may be empty).
    """

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        message = f"no claim with id {query!r}"
        if self.suggestions:
            message += f"; did you mean {' or '.join(repr(s) for s in self.suggestions)}?"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


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
