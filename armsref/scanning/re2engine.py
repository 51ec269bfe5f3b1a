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

#: What the engine scans (as :data:`armsref.scanning.engine.Buffer`, not imported back).
Buffer = bytes | bytearray | memoryview


class Re2Prefilter:
    """The prefilter patterns as one RE2 set and one RE2 pattern each.

    Raises:
        ImportError: ``re2`` (the ``google-re2`` package) is not installed.
    """

    def __init__(self, found: Matcher) -> None:
        import re2

        options = re2.Options()
        options.encoding = re2.Options.Encoding.LATIN1
        self._set: Any = re2.Set.SearchSet(options)
        self._patterns: list[Any] = []
        for form in found.forms:
            self._set.Add(form.prefilter)
            self._patterns.append(re2.compile(form.prefilter, options))
        self._set.Compile()

    def scan(self, data: Buffer) -> tuple[list[tuple[int, int, int]], bool]:
        """Every prefilter match in ``data`` as ``(start, end, form)``, and whether
        ``data`` holds invalid UTF-8 (a character cut short at the end aside)."""
        data = bytes(data)
        spans = [
            (*match.span(), form)
            for form in sorted(self._set.Match(data) or ())
            for match in self._patterns[form].finditer(data)
        ]
        try:
            str(data, "utf-8")
        except UnicodeDecodeError as error:
            return spans, error.reason != "unexpected end of data"
        return spans, False
