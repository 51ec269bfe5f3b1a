"""The name matcher: every name in the dataset, as patterns, and the exact match rules.

Built from ``data/systems.yaml`` alone: every system's name, short name,
designations and aliases becomes one *form*. Adding an alias to the YAML makes
the scanner find it; nothing here knows any system.

How a name written in the data matches text:

- Its words match in any letter case; between two words, any run of 1 to 16
  whitespace characters (line breaks and non-breaking spaces included) or one
  hyphen (``-``, U+2010, U+2011) will do, whichever the data used. Where the
  data puts a hyphen or space between letters and digits (``BGM-109``), the
  text may also write them together (``BGM109``).
- An apostrophe in a name matches a straight or a curly one.
- A plural ``s`` may follow (``Tomahawks``, ``JASSMs``); so may a possessive,
  which is left out of the match (``ATACMS's`` matches ``ATACMS``). A name
  that ends in a digit may carry one capital variant letter (``AGM-158B``).
- The match must start and end at a word boundary: no letter, digit or
  underscore right before or after it, so ``eram`` is not found in ``ceramic``
  nor ``Patriot`` in ``patriotic``. A hyphen is a boundary: ``ATACMS-capable``.
- A name that is also an everyday word must pass the rules of
  :mod:`armsref.scanning.senses` (capitalisation and nearby words).
- Where matches overlap, the one that starts first wins, and of those the
  longest: ``Tomahawk Land Attack Missile`` is one mention, not two.

Each form has two patterns: an exact one over ``str`` that applies all the
rules above, and a *prefilter* over UTF-8 bytes for a fast multi-pattern
engine (:mod:`armsref.scanning.engine`) that matches every place the exact one can,
and a few more: the same words with any run of spaces between them, ASCII
word boundaries, an everyday word only capitalised or in capitals. Case is
handled by explicit classes (``[tT]``), the same in both, so the two agree on
every text; :meth:`Matcher.find` applies the exact rules alone.

Examples:
    >>> import armsref
    >>> m = matcher(armsref.load())
    >>> [(text, m.systems[i].id) for text, i in m.find_names("Two ATACMS-capable launchers")]
    [('ATACMS', 'atacms')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from armsref.scanning import senses

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, System

__all__ = ["Form", "Matcher", "leftmost_longest", "matcher"]

_Span = TypeVar("_Span", bound=tuple[Any, ...])

#: Whitespace a name's words may be separated by, as a ``str`` class and as UTF-8 bytes.
_SPACE = r"[\t\n\x0b\x0c\r \xa0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_SPACE_BYTES = (
    rb"(?:[\t\n\x0b\x0c\r ]|\xc2\xa0|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]|\xe2\x81\x9f|\xe3\x80\x80)"
)
_HYPHEN = r"[-\u2010\u2011]"
_HYPHEN_BYTES = rb"(?:-|\xe2\x80[\x90\x91])"
_APOSTROPHE = r"['\u2019\u02bc]"
_APOSTROPHE_BYTES = rb"(?:'|\xe2\x80\x99|\xca\xbc)"
#: At most this many whitespace characters between two words of a name.
MAX_GAP = 16

_PIECES = re.compile(r"([^\W_]+)|(['\u2019\u02bc])|(\s+|-)|(.)", re.DOTALL)


@dataclass(frozen=True)
class Form:
    """One name of one system, compiled.

    Attributes:
        name: the name as the data writes it.
        system: the position of its system in :attr:`Matcher.systems`.
        everyday: whether it may be an everyday word (see :mod:`armsref.scanning.senses`).
        exact: the exact pattern, over ``str``; group ``core`` is the name itself.
        prefilter: a pattern over UTF-8 bytes that matches wherever ``core`` can.
        longest: the most bytes a ``core`` match can take.
    """

    name: str
    system: int
    everyday: bool
    exact: re.Pattern[str]
    prefilter: bytes
    longest: int


def _char_class(char: str) -> tuple[str, bytes]:
    """A pattern for one character of a name in any letter case, as str and as bytes."""
    variants = dict.fromkeys((char, char.lower(), char.upper()))
    variants = {v: None for v in variants if len(v) == 1}
    text = "[" + "".join(re.escape(v) for v in variants) + "]"
    if all(v.isascii() for v in variants):
        return text, b"[" + b"".join(re.escape(v.encode()) for v in variants) + b"]"
    return text, b"(?:" + b"|".join(re.escape(v.encode()) for v in variants) + b")"


def _compile(name: str) -> tuple[str, bytes, int]:
    """The exact core pattern, the prefilter pattern and the longest match in bytes."""
    text: list[str] = []
    raw: list[bytes] = []
    longest = 0
    previous = ""
    pending_gap = False
    for word, apostrophe, gap, other in _PIECES.findall(name.strip()):
        if gap:
            pending_gap = True
            continue
        if pending_gap and (word or apostrophe or other):
            joinable = gap_letters_digits(previous, word)
            text.append(f"(?:{_SPACE}{{1,{MAX_GAP}}}|{_HYPHEN}){'?' if joinable else ''}")
            # Any run of spaces: a superset of the exact pattern's 1 to MAX_GAP that
            # compiles five times faster.
            raw.append(
                b"(?:" + _SPACE_BYTES + b"+|" + _HYPHEN_BYTES + b")" + (b"?" if joinable else b"")
            )
            longest += 3 * MAX_GAP
            pending_gap = False
        if word:
            for char in word:
                pattern, raw_pattern = _char_class(char)
                text.append(pattern)
                raw.append(raw_pattern)
                longest += 4
            previous = word
        elif apostrophe:
            text.append(_APOSTROPHE)
            raw.append(_APOSTROPHE_BYTES)
            longest += 3
        elif other:
            text.append(re.escape(other))
            raw.append(re.escape(other.encode()))
            longest += len(other.encode())
    return "".join(text), b"".join(raw), longest


def gap_letters_digits(before: str, after: str) -> bool:
    """Whether two words of a name meet letters-to-digits and may be written together.

    Examples:
        >>> gap_letters_digits("BGM", "109"), gap_letters_digits("Tactical", "Missile")
        (True, False)
    """
    if not before or not after:
        return False
    return before[-1].isdigit() != after[0].isdigit()


def _form(name: str, system: int) -> Form:
    core, raw, longest = _compile(name)
    everyday = senses.is_everyday_name(name.strip())
    if everyday:
        # Only a capitalised or all-capitals everyday word can be a mention.
        word = name.strip()
        raw = b"(?:" + re.escape(word.encode()) + b"|" + re.escape(word.upper().encode()) + b")"
    digit = name.strip()[-1:].isdigit()
    variant = "(?P<variant>[A-Z])?" if digit else ""
    exact = re.compile(rf"(?<!\w)(?P<core>{core}){variant}(?P<plural>[sS])?(?!\w)")
    # ASCII word boundaries around a name that starts and ends with an ASCII letter
    # or digit: wherever the exact pattern's Unicode boundaries hold, these do too.
    first, last = name.strip()[:1], name.strip()[-1:]
    before = rb"\b" if first.isascii() and first.isalnum() else b""
    after = rb"\b" if last.isascii() and last.isalnum() else b""
    prefilter = before + raw + (rb"[A-Z]?" if digit else b"") + rb"[sS]?" + after
    return Form(name, system, everyday, exact, prefilter, longest + 2)


class Matcher:
    """Every name of every system in a dataset, compiled; built once per dataset.

    Attributes:
        systems: the dataset's systems; a form's ``system`` indexes this.
        forms: one :class:`Form` per distinct name, longest name first.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.systems: tuple[System, ...] = tuple(dataset.systems)
        self.forms: tuple[Form, ...] = _forms(tuple(system.names for system in self.systems))

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """Every mention in ``text``: ``(start, end, system)`` in document order, no overlaps.

        The exact rules over the whole text, without the engine: what
        :func:`armsref.scanning.mentions.scan` must agree with, and what it falls back to.

        Examples:
            >>> matcher().find("Two PAC-3 MSE and a PAC-3")
            [(4, 13, 4), (20, 25, 4)]
        """
        found: list[tuple[int, int, int]] = []
        for form in self.forms:
            for match in form.exact.finditer(text):
                start, end = match.span()
                if form.everyday and not senses.means_system(text, start, end, match.end("core")):
                    continue
                found.append((start, end, form.system))
        return leftmost_longest(found)

    def find_names(self, text: str) -> Iterator[tuple[str, int]]:
        """The matched text and system position of every mention in ``text``."""
        for start, end, system in self.find(text):
            yield text[start:end], system


def leftmost_longest(found: list[_Span]) -> list[_Span]:
    """Keep the ``(start, end, ...)`` matches that start first, the longest of them,
    dropping any that overlap one kept.

    Examples:
        >>> leftmost_longest([(4, 9, "b"), (0, 8, "a"), (0, 3, "c"), (8, 10, "d")])
        [(0, 8, 'a'), (8, 10, 'd')]
    """
    found = sorted(found, key=lambda item: (item[0], -item[1]))
    kept: list[_Span] = []
    reached = -1
    for item in found:
        if item[0] >= reached:
            kept.append(item)
            reached = item[1]
    return kept


@functools.lru_cache(maxsize=8)
def _forms(names: tuple[tuple[str, ...], ...]) -> tuple[Form, ...]:
    """The forms for each system's names; shared by datasets that name systems alike."""
    seen: set[str] = set()
    forms: list[Form] = []
    for position, system_names in enumerate(names):
        for name in system_names:
            if name.strip() and name.casefold() not in seen:
                seen.add(name.casefold())
                forms.append(_form(name, position))
    forms.sort(key=lambda form: -len(form.name))
    return tuple(forms)


#: Recently used datasets and their matchers; each entry keeps its dataset alive,
#: so an id cannot be reused while it is cached.
_MATCHERS: dict[int, tuple[Dataset, Matcher]] = {}
_CACHED = 8


def matcher(dataset: Dataset | None = None) -> Matcher:
    """The matcher for ``dataset`` (default: the default dataset), built on first use.

    Examples:
        >>> matcher() is matcher()
        True
        >>> [form.name for form in matcher().forms][:2]
        ['Joint Air-to-Surface Standoff Missiles', 'Joint Air-to-Surface Standoff Missile']
    """
    if dataset is None:
        from armsref.dataset.loading import load

        dataset = load()
    entry = _MATCHERS.get(id(dataset))
    if entry is None:
        while len(_MATCHERS) >= _CACHED:
            del _MATCHERS[next(iter(_MATCHERS))]
        entry = _MATCHERS[id(dataset)] = (dataset, Matcher(dataset))
    return entry[1]
