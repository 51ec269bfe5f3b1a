"""The fast engine: find the places in UTF-8 bytes where a system name may be.

The prefilter patterns of :mod:`armsref.scanning.matcher` (one per name, matching
wherever the exact pattern can, and more) are compiled into one Hyperscan
database, together with one pattern that flags invalid UTF-8. A scan reports
where each prefilter match ends; the exact rules then run, in Python, on a
small window of text around each of these few places (see
:mod:`armsref.scanning.stream`). Hyperscan searches all the patterns at once at several
hundred MB/s and reports every match, overlapping ones included, with where it
starts (leftmost) and ends.

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
    >>> sorted((start, end) for start, end, _ in spans), invalid
    ([(4, 10), (17, 25)], False)
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
        """Every prefilter match in ``data`` as ``(start, end, form)``, and whether
        ``data`` holds invalid UTF-8."""
        ...  # pragma: no cover


def _load(hyperscan: Any, path: Path | None, key: str) -> tuple[Any, str] | None:
    """A database stored before, if it is there, was built for ``key`` and works here;
    with what it answered to the probe when it was compiled."""
    from armsref.scanning.dbcache import load

    found = load(path, key) if path is not None else None
    if found is None:
        return None
    body, answer = found
    try:
        database = hyperscan.loadb(body, hyperscan.HS_MODE_BLOCK)
        database.scratch = hyperscan.Scratch(database)
        database.scan(b"probe", match_event_handler=lambda *_: None)
    except Exception:  # built for another platform or Hyperscan build
        return None
    return database, answer


def _store(data: bytes, path: Path | None, key: str, answer: str) -> None:
    """Keep a compiled database for the next run; never fail for want of a cache."""
    from armsref.scanning.dbcache import store

    if path is not None:
        store(path, key, data, answer)


class _Hyperscan:
    """The Hyperscan database of every prefilter pattern plus :data:`INVALID_UTF8`."""

    def __init__(self, found: Matcher) -> None:
        import hyperscan

        patterns = [form.prefilter for form in found.forms]
        self._invalid = len(patterns)
        expressions = [*patterns, INVALID_UTF8]
        flags = [hyperscan.HS_FLAG_SOM_LEFTMOST] * len(patterns) + [hyperscan.HS_FLAG_SINGLEMATCH]
        from armsref.scanning.dbcache import build_key

        built_from = (
            expressions,
            flags,
            platform.machine(),
            platform.system(),
            hyperscan.__file__,
            getattr(hyperscan, "__version__", ""),
        )
        key = build_key(*built_from)
        cached = cache_path(f"hyperscan-{key[:32]}.db")
        self._database: Any = None
        loaded = _load(hyperscan, cached, key)
        if loaded is not None:
            self._database, answer = loaded
            if self._answer(found) != answer:
                self._database = None  # a cached database of other patterns: never used
        if self._database is None:
            self._database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            self._database.compile(
                expressions=expressions,
                ids=list(range(len(expressions))),
                elements=len(expressions),
                flags=flags,
            )
            _store(hyperscan.dumpb(self._database), cached, key, self._answer(found))

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
        spans: list[tuple[int, int, int]] = []
        invalid = self._invalid
        flagged: list[bool] = []

        def on_match(form: int, start: int, end: int, _flags: int, _context: object) -> None:
            if form == invalid:
                flagged.append(True)
            else:
                spans.append((start, end, form))

        if data:
            self._database.scan(data, match_event_handler=on_match)
        return spans, bool(flagged)


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
