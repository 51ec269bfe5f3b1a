"""The RE2 engine: the prefilter patterns over UTF-8 bytes with Google's RE2.

Where Hyperscan has no wheel (see the ``armsref`` install markers), RE2 does
(``google-re2``, for Linux aarch64 among others). One RE2 *set* of every
prefilter pattern says, in one pass, which patterns match a buffer at all;
only those are then searched one by one for their places, as the Python ``re``
engine does with every pattern. The patterns are bytes (UTF-8 sequences
spelled out), so RE2 reads them as Latin-1: one byte, one character. Places
and forms come out as the Python ``re`` engine gives them (RE2 and ``re``
agree on these patterns: classes, alternations, ``\\b`` on ASCII word bytes).

Example (needs the ``re2`` extra, so it is not a doctest: the engine tests in
``tests/`` run it where ``google-re2`` is installed, and CI installs it)::

    import armsref
    from armsref.scanning.matcher import matcher
    engine = Re2Prefilter(matcher(armsref.load()))
    spans, invalid = engine.scan(b"two ATACMS and a Tomahawk")
    sorted((start, end) for start, end, _ in spans), invalid  # ([(4, 10), (17, 25)], False)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from armsref.scanning.matcher import Matcher

__all__ = ["Re2Prefilter"]

#: The memory one RE2 set may take: RE2's default, 8 MB, holds the names of a few
#: hundred systems; at thousands the names are split over as many sets as need be.
_SET_MEMORY = 256 << 20

#: What the engine scans (as :data:`armsref.scanning.engine.Buffer`, not imported back).
Buffer = bytes | bytearray | memoryview


class Re2Prefilter:
    """The prefilter patterns as RE2 sets (one, unless thousands of names need more)
    and one RE2 pattern each, compiled when first needed.

    Raises:
        ImportError: ``re2`` (the ``google-re2`` package) is not installed.
    """

    def __init__(self, found: Matcher) -> None:
        import re2

        self._re2 = re2
        self._options = re2.Options()
        self._options.encoding = re2.Options.Encoding.LATIN1
        self._prefilters = [form.prefilter for form in found.forms]
        self._patterns: dict[int, Any] = {}
        roomy = re2.Options()
        roomy.encoding = re2.Options.Encoding.LATIN1
        roomy.max_mem = _SET_MEMORY
        self._sets = _sets(re2, roomy, self._prefilters)

    def _pattern(self, form: int) -> Any:
        """One form's pattern, compiled the first time a set says it matches."""
        pattern = self._patterns.get(form)
        if pattern is None:
            pattern = self._patterns[form] = self._re2.compile(
                self._prefilters[form], self._options
            )
        return pattern

    def scan(self, data: Buffer) -> tuple[list[tuple[int, int, int]], bool]:
        """Every prefilter match in ``data`` as ``(start, end, form)``, and whether
        ``data`` holds invalid UTF-8 (a character cut short at the end aside)."""
        data = bytes(data)
        matched = sorted(
            low + form for low, chosen in self._sets for form in chosen.Match(data) or ()
        )
        spans = [
            (*match.span(), form)
            for form in matched
            for match in self._pattern(form).finditer(data)
        ]
        try:
            str(data, "utf-8")
        except UnicodeDecodeError as error:
            return spans, error.reason != "unexpected end of data"
        return spans, False


def _sets(re2: Any, options: Any, patterns: list[bytes]) -> list[tuple[int, Any]]:
    """RE2 sets of all ``patterns``, each with the position of its first: one set if
    they fit in the memory ``options`` allow, else halves, and halves of those."""
    pending = [(0, len(patterns))]
    sets = []
    while pending:
        low, high = pending.pop(0)
        chosen = re2.Set.SearchSet(options)
        for pattern in patterns[low:high]:
            chosen.Add(pattern)
        try:
            chosen.Compile()
        except re2.error:
            if high - low <= 1:
                raise
            middle = (low + high) // 2
            pending[:0] = [(low, middle), (middle, high)]
            continue
        sets.append((low, chosen))
    return sets
