"""The name matcher: every name in the dataset, as patterns, and the exact match rules.

Built from the dataset alone: every name, short name, designation and alias
of each system and of each of its variants (``data/systems.yaml``), and of
each other weapon system known by name (``data/others.yaml``), becomes one
*form*. Adding an alias to the YAML makes the scanner find it; nothing here
knows any system.

How a name written in the data matches text:

- Its words match in any letter case; between two words, any run of 1 to 16
  whitespace characters (line breaks and non-breaking spaces included) or one
  hyphen (``-``, U+2010, U+2011) will do, whichever the data used. Where the
  data puts a hyphen or space between letters and digits (``BGM-109``), the
  text may also write them together (``BGM109``). After a one-letter word
  (``S-400``, ``R-17``) only a hyphen may come.
- An apostrophe in a name matches a straight or a curly one.
- A plural ``s`` may follow (``Tomahawks``, ``JASSMs``); so may a possessive,
  which is left out of the match (``ATACMS's`` matches ``ATACMS``). A name
  that ends in a digit may carry one capital variant letter (``AGM-158B``).
- The match must start and end at a word boundary: no letter, digit or
  underscore right before or after it, so ``eram`` is not found in ``ceramic``
  nor ``Patriot`` in ``patriotic``. A hyphen is a boundary: ``ATACMS-capable``.
- Where matches overlap, the one that starts first wins, and of those the
  longest: ``Tomahawk Land Attack Missile`` is one mention, not two, and so is
  ``Patriot PAC-3``. Of two as long, a name as written beats one that took a
  variant letter: ``AGM-158C`` is LRASM's designation, not the AGM-158's.
- An acronym or an everyday name is only a *candidate*: whether it means the
  system is decided per document (:mod:`armsref.scanning.discourse`) from what
  :mod:`armsref.scanning.senses`, :mod:`armsref.scanning.evidence` and
  :mod:`armsref.scanning.acronyms` read around it.

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

import dataclasses
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from armsref.dataset.keys import name_key
from armsref.scanning import acronyms, evidence, senses
from armsref.scanning.discourse import Candidate, Discourse
from armsref.scanning.patterns import compile_name

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset, System

__all__ = ["Form", "Matcher", "leftmost_longest", "matcher", "rank"]

_Span = TypeVar("_Span", bound=tuple[Any, ...])


#: Whitespace a name's words may be separated by, as a ``str`` class and as UTF-8 bytes.
@dataclass(frozen=True)
class Form:
    """One name of one system, compiled.

    Attributes:
        name: the name as the data writes it.
        system: the position of its system in :attr:`Matcher.systems`.
        sense: ``plain``, ``acronym`` or ``everyday`` (see :func:`senses.name_sense`).
        variant: the id of the variant the name belongs to, or ``None``.
        source: the exact pattern's text (see :attr:`exact`).
        prefilter: a pattern over UTF-8 bytes that matches wherever ``core`` can.
        longest: the most bytes a ``core`` match can take.
        shares: for a family designation that another system's designation
            extends by a letter (``AGM-158``, whose ``AGM-158C`` is LRASM), that
            system's position; its sense is then ``shared``.
        cased: whether the prefilter takes the name only as written or in
            capitals (an everyday word), not in any letter case.
    """

    name: str
    system: int
    sense: str
    variant: str | None
    source: str
    prefilter: bytes
    longest: int
    shares: int | None = None
    key: str = ""
    cased: bool = False

    @functools.cached_property
    def exact(self) -> re.Pattern[str]:
        """The exact pattern, over ``str``; group ``core`` is the name itself.

        Compiled on first use: a process compiles only the names its texts hold
        candidates for, not every name of a dataset of thousands.
        """
        return re.compile(self.source)

    @property
    def everyday(self) -> bool:
        """Whether the name may be an everyday word."""
        return self.sense == "everyday"


def _form(name: str, system: int, variant: str | None) -> Form:
    core, raw, longest = compile_name(name)
    sense = senses.name_sense(name.strip())
    cased = senses.is_everyday_name(name.strip())
    if cased:
        # Only a capitalised or all-capitals everyday word can be a mention.
        word = name.strip()
        raw = b"(?:" + re.escape(word.encode()) + b"|" + re.escape(word.upper().encode()) + b")"
    digit = name.strip()[-1:].isdigit()
    letter = "(?P<variant>[A-Z])?" if digit else ""
    exact = rf"(?<!\w)(?P<core>{core}){letter}(?P<plural>[sS])?(?!\w)"
    # ASCII word boundaries around a name that starts and ends with an ASCII letter
    # or digit: wherever the exact pattern's Unicode boundaries hold, these do too.
    first, last = name.strip()[:1], name.strip()[-1:]
    before = rb"\b" if first.isascii() and first.isalnum() else b""
    after = rb"\b" if last.isascii() and last.isalnum() else b""
    prefilter = before + raw + (rb"[A-Z]?" if digit else b"") + rb"[sS]?" + after
    return Form(
        name, system, sense, variant, exact, prefilter, longest + 2, key=name_key(name), cased=cased
    )


class Matcher:
    """Every name of every system in a dataset, compiled; built once per dataset.

    Attributes:
        systems: the dataset's systems, then the other systems it knows by
            name; a form's ``system`` indexes this.
        covered: how many of :attr:`systems` are the dataset's own: a position
            at or past it is another system.
        forms: one :class:`Form` per distinct name, longest name first.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.systems: tuple[System, ...] = (*dataset.systems, *dataset.others)
        self.covered = len(dataset.systems)
        self.forms: tuple[Form, ...] = _forms(
            tuple(
                tuple((name, _variant_of(system, name)) for name in system.names)
                for system in self.systems
            )
        )
        self._words = [_content_words(" ".join(s.names)) for s in self.systems]
        #: Each form's :attr:`Form.longest`, and the most of them: what every
        #: document's scanner reads, built once here.
        self.longest: tuple[int, ...] = tuple(form.longest for form in self.forms)
        self.widest = max(self.longest, default=0)
        #: The ids of the dataset's own systems.
        self.covered_ids = frozenset(s.id for s in self.systems[: self.covered])

    def candidate(self, text: str, match: re.Match[str], form: Form) -> Candidate | None:
        """What one exact match of ``form`` is, read from the ``text`` around it.

        ``text`` may be a window of the document: it must hold
        :data:`senses.LOOKBEHIND` characters before the match and
        :data:`senses.LOOKAHEAD` after it, where the document has them.
        An everyday name not written with its capitals (``patriots``) is no
        candidate at all: ``None``. The words around it are weighed apart
        (:meth:`weigh`), only while its document's decision is open.
        """
        start, end = match.span()
        if form.sense == "everyday" and not senses.written_like(match.group("core"), form.name):
            return None
        found = Candidate(form.system, start, end, match.group(), form.sense, "", form.variant)
        if form.sense == "plain":
            return found
        if form.sense == "shared":
            found.group, found.shares = form.key, form.shares
            return found
        found.group = form.key
        if form.sense == "everyday":
            found.local = senses.reading(text, start, end, match.end("core"), form.name)
        else:
            long_form = acronyms.defined_as(text, start, match.end("core"))
            if long_form is not None:
                # Spelt out in words of its own names ("extended-range missiles (ERAM)"),
                # the acronym is the system; in other words, something else.
                own = _content_words(long_form) & self._words[form.system]
                found.defined = "self" if own else "other"
        return found

    @staticmethod
    def weigh(candidate: Candidate, text: str, start: int, end: int) -> None:
        """Count the sense words around ``text[start:end]`` into ``candidate``."""
        around = evidence.context(text, start, end)
        candidate.weapon, candidate.other = around.weapon, around.other

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """Every mention in ``text``: ``(start, end, system)`` in document order, no overlaps.

        The exact rules over the whole text, without the engine: what
        :func:`armsref.scanning.mentions.scan` must agree with, and what it falls back to.
        Other systems' mentions are included (their positions are :attr:`covered` or more).

        Examples:
            >>> matcher().find("Two PAC-3 MSE and a PAC-3")
            [(4, 13, 4), (20, 25, 4)]
        """
        return [(c.start, c.end, c.system) for c in self.find_candidates(text)]

    def find_candidates(self, text: str) -> list[Candidate]:
        """The mentions in ``text`` as decided :class:`Candidate` records, in document order."""
        found: list[tuple[int, int, int, Candidate]] = []
        anchors: list[Candidate] = []
        for form in self.forms:
            for match in form.exact.finditer(text):
                candidate = self.candidate(text, match, form)
                if candidate is None:
                    continue
                if candidate.local == "other":
                    anchors.append(candidate)
                else:
                    found.append((match.start(), match.end(), rank(match, form), candidate))
        found.sort(key=lambda item: item[2])
        document = Discourse()
        kept: list[Candidate] = []
        chosen = [c for *_, c in leftmost_longest(found)]
        for candidate in sorted((*anchors, *chosen), key=lambda c: c.start):
            if document.open(candidate):
                self.weigh(candidate, text, candidate.start, candidate.end)
            kept += document.add(candidate)
        kept += document.finish()
        return sorted(kept, key=lambda c: c.start)

    def find_names(self, text: str) -> Iterator[tuple[str, int]]:
        """The matched text and system position of every mention in ``text``."""
        for start, end, system in self.find(text):
            yield text[start:end], system


_SURER = {"plain": 0, "shared": 1, "acronym": 2, "everyday": 3}


def rank(match: re.Match[str], form: Form) -> int:
    """Which of two matches of one span wins: lower first (see the module docstring).

    A name as written beats one that took a variant letter (``AGM-158C`` is
    LRASM's, not an AGM-158's); then the surer sense: ``SCALP EG`` (plain)
    before ``SCALP-EG`` (an acronym) when both match the same words.
    """
    return 10 * bool(match.groupdict().get("variant")) + _SURER[form.sense]


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


_WORDS = re.compile(r"[^\W\d_]{3,}")


def _content_words(text: str) -> frozenset[str]:
    """The words of three letters or more that do not only name a kind of weapon."""
    words = {word.casefold() for word in _WORDS.findall(text)}
    return frozenset(words - senses.KIND_WORDS)


def _variant_of(system: System, name: str) -> str | None:
    """The id of the variant ``name`` belongs to, or ``None`` for the system's own names."""
    for variant in system.variants:
        if name in variant.names:
            return variant.id
    return None


@functools.lru_cache(maxsize=8)
def _forms(names: tuple[tuple[tuple[str, str | None], ...], ...]) -> tuple[Form, ...]:
    """The forms for each system's ``(name, variant)`` pairs; shared by datasets alike."""
    seen: set[str] = set()
    forms: list[Form] = []
    for position, system_names in enumerate(names):
        for name, variant in system_names:
            if name.strip() and name.casefold() not in seen:
                seen.add(name.casefold())
                forms.append(_form(name, position, variant))
    forms = _shared(forms)
    forms.sort(key=lambda form: -len(form.name))
    return tuple(forms)


def _shared(forms: list[Form]) -> list[Form]:
    """The forms, each marked ``shared`` if another system's name extends it by one letter."""
    extended: dict[str, list[int]] = {}  # a key less its final letter -> systems, in form order
    for form in forms:
        if form.key[-1:].isalpha():
            extended.setdefault(form.key[:-1], []).append(form.system)
    marked = []
    for form in forms:
        other = None
        if form.sense == "plain" and form.name[-1:].isdigit():
            other = next((s for s in extended.get(form.key, ()) if s != form.system), None)
        marked.append(
            form if other is None else dataclasses.replace(form, sense="shared", shares=other)
        )
    return marked


#: Recently used datasets and their matchers; each entry keeps its dataset alive,
#: so an id cannot be reused while it is cached.
_MATCHERS: dict[int, tuple[Dataset, Matcher]] = {}
_CACHED = 8


def matcher(dataset: Dataset | None = None) -> Matcher:
    """The matcher for ``dataset`` (default: the default dataset), built on first use.

    Examples:
        >>> matcher() is matcher()
        True
        >>> [form.name for form in matcher().forms][0]
        'National Advanced Surface-to-Air Missile System'
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
