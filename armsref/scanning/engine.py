"""The fast engine: find the places in UTF-8 bytes where a system name may be.

The names of :mod:`armsref.scanning.matcher` are compiled into one Hyperscan
database, together with one pattern that flags invalid UTF-8: each name by a
plain literal that anchors it (see :mod:`armsref.scanning.anchors`), so that
thousands of names compile in seconds, not hours. A scan reports, for each
place a name may start, the form and the furthest it may end; the exact rules
then run, in Python, on a small window of text around each of these few
places (see :mod:`armsref.scanning.stream`). Hyperscan searches all the
literals at once at several hundred MB/s.

A compiled database is kept on disk (in the user's cache folder, see
:func:`armsref.dataset.usercache.cache_path`), so that a new
process loads it in microseconds instead of compiling it again; it is checked
before use against a digest of what it was built from (see
:mod:`armsref.scanning.dbcache`). Where Hyperscan cannot be imported, RE2 is
used if it can be (see :mod:`armsref.scanning.re2engine`), else each pattern
runs in turn as a Python ``re`` over the bytes: far slower, with the same
results. ``ARMSREF_ENGINE`` (``hyperscan``, ``re2`` or ``re``) chooses one.

Examples:
    >>> import armsref
    >>> from armsref.scanning.matcher import matcher
    >>> engine = prefilter(matcher(armsref.load()))
    >>> spans, invalid = engine.scan(b"two ATACMS and a Tomahawk")
    >>> sorted({start for start, _, _ in spans}), invalid
    ([4, 17], False)
    >>> engine.scan(b"bad \\xff byte")[1]
    True
"""

from __future__ import annotations

import hashlib
import os
import platform
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from armsref.dataset.usercache import cache_path
from armsref.errors import InputError

if TYPE_CHECKING:
    from armsref.scanning.matcher import Matcher

__all__ = ["ENGINES", "INVALID_UTF8", "Buffer", "Prefilter", "cache_path", "prefilter"]

#: What the engines scan: ``bytes``, a ``bytearray`` or a ``memoryview`` of one.
Buffer = bytes | bytearray | memoryview

_CONT = rb"[\x80-\xbf]"
#: Each multi-byte UTF-8 lead byte and the classes of the bytes that must follow it.
_SEQUENCES: tuple[tuple[bytes, tuple[bytes, ...]], ...] = (
    (rb"[\xc2-\xdf]", (_CONT,)),
    (rb"\xe0", (rb"[\xa0-\xbf]", _CONT)),
    (rb"[\xe1-\xec\xee\xef]", (_CONT, _CONT)),
    (rb"\xed", (rb"[\x80-\x9f]", _CONT)),
    (rb"\xf0", (rb"[\x90-\xbf]", _CONT, _CONT)),
    (rb"[\xf1-\xf3]", (_CONT, _CONT, _CONT)),
    (rb"\xf4", (rb"[\x80-\x8f]", _CONT, _CONT)),
)


def _negate(byte_class: bytes) -> bytes:
    return b"[^" + byte_class[1:] if byte_class.startswith(b"[") else b"[^" + byte_class + b"]"


def _invalid_utf8() -> bytes:
    """A byte pattern that matches where a buffer stops being valid UTF-8.

    From the buffer's start or an ASCII byte, any run of valid multi-byte
    characters, then a byte that cannot start one, or a lead byte followed by
    a byte that cannot continue it. A sequence cut short by the end of the
    buffer is not flagged: buffers end on a character boundary, and the end of
    a file is checked apart.
    """
    valid = b"|".join(lead + b"".join(rest) for lead, rest in _SEQUENCES)
    bad = [rb"[\x80-\xc1\xf5-\xff]"]
    for lead, rest in _SEQUENCES:
        for position, byte_class in enumerate(rest):
            bad.append(lead + b"".join(rest[:position]) + _negate(byte_class))
    return rb"(?:^|[\x00-\x7f])(?:" + valid + rb")*(?:" + b"|".join(bad) + b")"


#: The pattern that flags invalid UTF-8.
INVALID_UTF8 = _invalid_utf8()


class Prefilter(Protocol):
    """What the stream scanner needs from an engine."""

    def scan(self, data: Buffer) -> tuple[list[tuple[int, int, int]], bool]:
        """Every place in ``data`` where a form may match, as ``(start, end, form)``
        (``end`` no nearer than where the match would end), and whether ``data``
        holds invalid UTF-8."""
        ...  # pragma: no cover


def _load(hyperscan: Any, path: Path | None, key: str) -> tuple[Any, Any, str] | None:
    """A database stored before, if it is there, was built for ``key`` and works here;
    with its plan and what it answered to the probe when it was compiled."""
    from armsref.scanning.anchors import Plan
    from armsref.scanning.dbcache import load

    found = load(path, key) if path is not None else None
    if found is None:
        return None
    body, answer = found
    plan, newline, compiled = body.partition(b"\n")
    try:
        if not newline:
            raise ValueError("no plan")
        database = hyperscan.loadb(compiled, hyperscan.HS_MODE_BLOCK)
        database.scratch = hyperscan.Scratch(database)
        database.scan(b"probe", match_event_handler=lambda *_: None)
        return database, Plan.loads(plan), answer
    except Exception:  # built for another platform or Hyperscan build, or no plan
        return None


def _store(data: bytes, path: Path | None, key: str, answer: str) -> None:
    """Keep a compiled database for the next run; never fail for want of a cache."""
    from armsref.scanning.dbcache import store

    if path is not None:
        store(path, key, data, answer)


#: Literals shorter than this get a leading word boundary: short ones (``eram``)
#: are often inside longer words (``ceramic``), and a few such patterns compile fast.
_SHORT = 6
#: Bumped when the way patterns are planned changes, so older cached databases go.
_PLAN = "anchors-2"


def _literal(literal: bytes) -> bytes:
    """A Hyperscan pattern for exactly these bytes."""
    body = re.escape(literal)
    return rb"\b" + body if len(literal) < _SHORT and literal[:1].isalnum() else body


class _Hyperscan:
    """One Hyperscan database: every name's anchor literal (see
    :mod:`armsref.scanning.anchors`), the few whole prefilter patterns, the odd-gap
    pattern and :data:`INVALID_UTF8`.

    Literals are compiled without start-of-match tracking: a literal's match
    starts its length before its end. Each anchor hit is reported for every
    form it anchors as ``(start, start + longest, form)`` (clamped to the
    data): where the name may end at most, so that the stream holds it until
    the exact pattern can see all of it.

    The plan is kept in the cache with the database, keyed by the names it
    was made from, so that loading it costs no planning either.
    """

    def __init__(self, found: Matcher) -> None:
        import hyperscan

        from armsref.scanning.anchors import Plan
        from armsref.scanning.dbcache import build_key

        self._longest = found.longest
        key = build_key(
            _PLAN,
            _SHORT,
            INVALID_UTF8,
            [(form.name, form.cased) for form in found.forms],
            platform.machine(),
            platform.system(),
            hyperscan.__file__,
            getattr(hyperscan, "__version__", ""),
        )
        cached = cache_path(f"hyperscan-{key[:32]}.db")
        self._database: Any = None
        loaded = _load(hyperscan, cached, key)
        if loaded is not None:
            self._database, self._plan, answer = loaded
            self._layout(found)
            if self._answer(found) != answer:
                self._database = None  # a cached database of other patterns: never used
        if self._database is None:
            self._plan = Plan.build([(form.name, form.cased) for form in found.forms])
            expressions, flags = self._layout(found, hyperscan)
            self._database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            self._database.compile(
                expressions=expressions,
                ids=list(range(len(expressions))),
                elements=len(expressions),
                flags=flags,
            )
            body = self._plan.dumps() + b"\n" + hyperscan.dumpb(self._database)
            _store(body, cached, key, self._answer(found))

    def _layout(self, found: Matcher, hyperscan: Any = None) -> tuple[list[bytes], list[int]]:
        """Where each kind of pattern starts among the ids, and what each literal
        anchors; with ``hyperscan``, the expressions and flags to compile too.

        A literal anchors some forms whole (``patriot`` of ``Patriot``: what may
        follow it is checked at once, so that ``Patriotic`` goes no further) and
        others by their start; a literal that starts with a letter or digit
        is no match right after one (``eram`` in ``ceramic``).
        """
        plan = self._plan
        forms = found.forms
        names = [form.name.strip().encode().lower() for form in forms]
        self._table = []
        for literal, _, owners in plan.literals:
            low = literal.lower()
            whole = tuple(o for o in owners if names[o] == low)
            start = tuple(o for o in owners if names[o] != low) if whole else owners
            digit = literal[-1:].isdigit()
            self._table.append((len(literal), whole, start, literal[:1].isalnum(), digit))
        self._full = len(plan.literals)
        self._odd = self._full + len(plan.full)
        self._invalid = self._odd + (plan.odd is not None)
        if hyperscan is None:
            return [], []
        expressions = [_literal(literal) for literal, _, _ in plan.literals]
        flags = [hyperscan.HS_FLAG_CASELESS if caseless else 0 for _, caseless, _ in plan.literals]
        expressions += [forms[position].prefilter for position in plan.full]
        flags += [hyperscan.HS_FLAG_SOM_LEFTMOST] * len(plan.full)
        if plan.odd is not None:
            expressions.append(plan.odd)
            flags.append(0)
        expressions.append(INVALID_UTF8)
        flags.append(hyperscan.HS_FLAG_SINGLEMATCH)
        return expressions, flags

    def _answer(self, found: Matcher) -> str:
        """A digest of what the database finds in a probe made of every form's name.

        A database of other patterns answers otherwise, whatever its header claims.
        """
        probe = b"".join(b" " + form.name.encode() + b" .\n" for form in found.forms)
        try:
            spans, invalid = self.scan(probe + b"\xff")
        except Exception:
            return "unusable"
        return hashlib.sha256(repr((sorted(spans), invalid)).encode()).hexdigest()[:32]

    def scan(self, data: Buffer) -> tuple[list[tuple[int, int, int]], bool]:
        """See :class:`Prefilter`."""
        from armsref.scanning.anchors import odd_gaps

        if not data:
            return [], False
        matches: list[tuple[int, int, int]] = []
        self._database.scan(
            data,
            match_event_handler=lambda pattern, start, end, *_: matches.append(
                (pattern, start, end)
            ),
        )
        spans: list[tuple[int, int, int]] = []
        table, longest, size = self._table, self._longest, len(data)
        full, odd, invalid = self._full, self._odd, self._invalid
        ends: list[int] = []
        flagged = False
        for pattern, start, end in matches:
            if pattern < full:
                length, whole, owners, bounded, digit = table[pattern]
                begin = end - length
                if bounded and begin and data[begin - 1] in _WORD_BYTES:
                    continue  # inside a word: "eram" of "ceramic"
                if whole and _may_end(data, end, size, digit):
                    spans += [(begin, min(begin + longest[form], size), form) for form in whole]
                spans += [(begin, min(begin + longest[form], size), form) for form in owners]
            elif pattern < odd:
                spans.append((start, end, self._plan.full[pattern - full]))
            elif pattern < invalid:
                ends.append(end)
            else:
                flagged = True
        for begin, form in odd_gaps(data, ends, self._plan) if ends else ():
            spans.append((begin, min(begin + longest[form], size), form))
        return spans, flagged


#: The bytes of a word: what the exact patterns' ``\\w`` is in ASCII.
_WORD_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


def _may_end(data: Buffer, end: int, size: int, digit: bool) -> bool:
    """Whether a whole name that ends at ``end`` may end there by the exact rules: at
    no word byte, or after a plural ``s`` (and, after a digit, a capital letter).

    Examples:
        >>> [_may_end(b"Patriots. Patriotic", end, 19, False) for end in (7, 17)]
        [True, False]
        >>> _may_end(b"AGM-158Bs", 7, 9, True), _may_end(b"AGM-158Bx", 7, 9, True)
        (True, False)
    """
    if end >= size or data[end] not in _WORD_BYTES:
        return True
    if digit and 65 <= data[end] <= 90:  # A to Z
        end += 1
        if end >= size or data[end] not in _WORD_BYTES:
            return True
    if data[end] in b"sS":
        return end + 1 >= size or data[end + 1] not in _WORD_BYTES
    return False


class _PythonRe:
    """The same patterns run one by one with Python ``re``: the fallback engine."""

    def __init__(self, found: Matcher) -> None:
        self._patterns = [re.compile(form.prefilter) for form in found.forms]

    def scan(self, data: Buffer) -> tuple[list[tuple[int, int, int]], bool]:
        """See :class:`Prefilter`."""
        spans = [
            (*match.span(), form)
            for form, pattern in enumerate(self._patterns)
            for match in pattern.finditer(data)
        ]
        try:
            str(data, "utf-8")
        except UnicodeDecodeError as error:
            # A character cut short by the end is checked apart, as with Hyperscan.
            return spans, error.reason != "unexpected end of data"
        return spans, False


#: Engines by the forms they were compiled from (kept alive by the entry).
_ENGINES: dict[int, tuple[object, Prefilter]] = {}


#: The engines, in the order they are tried; ``ARMSREF_ENGINE`` names one to use alone.
ENGINES = ("hyperscan", "re2", "re")


def _build(name: str, found: Matcher) -> Prefilter:
    if name == "hyperscan":
        return _Hyperscan(found)
    if name == "re2":
        from armsref.scanning.re2engine import Re2Prefilter

        return Re2Prefilter(found)
    return _PythonRe(found)


def prefilter(found: Matcher) -> Prefilter:
    """The engine for a matcher's forms, compiled on first use: Hyperscan, else RE2, else
    Python ``re``; or the one ``ARMSREF_ENGINE`` names (``hyperscan``, ``re2`` or ``re``).

    Raises:
        InputError: ``ARMSREF_ENGINE`` names no engine, or one that is not installed.
    """
    entry = _ENGINES.get(id(found.forms))
    if entry is None:
        wanted = os.environ.get("ARMSREF_ENGINE", "")
        if wanted and wanted not in ENGINES:
            raise InputError(f"ARMSREF_ENGINE: no engine {wanted!r} (hyperscan, re2 or re)")
        engine: Prefilter | None = None
        for name in [wanted] if wanted else ENGINES:
            try:
                engine = _build(name, found)
            except ImportError:
                if wanted:
                    raise InputError(f"ARMSREF_ENGINE: {wanted} is not installed") from None
                continue
            break
        assert engine is not None  # Python re is always there
        while len(_ENGINES) >= 8:
            del _ENGINES[next(iter(_ENGINES))]
        entry = _ENGINES[id(found.forms)] = (found.forms, engine)
    return entry[1]
