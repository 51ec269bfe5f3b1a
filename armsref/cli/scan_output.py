"""How ``armsref scan`` prints what it found: summaries, mentions, context lines, names, counts.

:func:`render` gives one document's summary, name or count as text (worker
processes call it too); :class:`ScanPrinter` prints documents, and their
mentions with lines of context. Colour
(ripgrep's: paths magenta, line numbers green, mentions bold red) is used only
when asked for, or when standard output is a terminal and ``NO_COLOR`` is not
set to something (see https://no-color.org). JSON is written without colour,
with keys always all present, in a fixed order.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from armsref.cli.safeoutput import shown
from armsref.corpora.corpusscan import as_row

if TYPE_CHECKING:
    from armsref.corpora.lines import Line
    from armsref.scanning.documents import DocumentScan

__all__ = ["ScanPrinter", "only", "render", "use_colour"]

_PATH, _NUMBER, _MATCH, _RESET = "\033[35m", "\033[32m", "\033[1;31m", "\033[0m"


def use_colour(choice: str) -> bool:
    """Whether to colour: ``always``, ``never``, or ``auto`` (a terminal, and no ``NO_COLOR``)."""
    if choice != "auto":
        return choice == "always"
    return not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def _paint(colour: bool, code: str, text: str) -> str:
    return f"{code}{text}{_RESET}" if colour else text


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
#: The JSON line of a document scanned without mentions, its path (encoded) to fill in.
_NOTHING = (
    '{{"path": {}, "ok": true, "error": null, "warning": null, "mention_count": 0, "systems": [], '
    '"others": []}}\n'
)


def only(document: DocumentScan, chosen: frozenset[str] | None) -> DocumentScan:
    """The document with only the mentions of the ``chosen`` system ids (all for ``None``);
    other systems named are left out too when systems are chosen."""
    if chosen is None:
        return document
    from dataclasses import replace

    return replace(
        document,
        systems=tuple(t for t in document.systems if t.system_id in chosen),
        mentions=tuple(m for m in document.mentions if m.system_id in chosen),
        others=(),
    )


def render(
    document: DocumentScan,
    shape: str,
    colour: bool,
    as_json: bool,
    chosen: frozenset[str] | None = None,
) -> str:
    """One document as printed, in a per-document ``shape``, its systems ``chosen``.

    ``summary``: its systems by first mention, with counts and first positions
    (a JSON line with ``as_json``); ``listed`` (``-l``): its name, if it
    mentions a system; ``counted`` (``-c``): ``NAME:COUNT``, if it does. A
    document that was not scanned is shown only as a JSON line. A plain
    function of plain arguments, so that worker processes can render.
    """
    document = only(document, chosen)
    if not document.ok and not (as_json and shape == "summary"):
        return ""  # said on stderr
    if shape != "summary":
        if not document.count:
            return ""
        path = _paint(colour, _PATH, shown(document.path))
        return f"{path}\n" if shape == "listed" else f"{path}:{document.count}\n"
    if as_json:
        if document.ok and not document.systems and not document.others and not document.warning:
            # The most common line in a corpus, without building the object.
            return _NOTHING.format(_ENCODE(document.path))
        return _ENCODE(as_row(document)) + "\n"
    path = _paint(colour, _PATH, shown(document.path))
    others = ", ".join(f"{t.system.short} ({t.count})" for t in document.others)
    if not document.systems:
        return (
            f"{path}: no mentions" + (f"; other systems named: {others}" if others else "") + "\n"
        )
    count, kinds = document.count, len(document.systems)
    lines = [
        f"{path}: {count} mention{'s' if count != 1 else ''} "
        f"of {kinds} system{'s' if kinds != 1 else ''}\n"
    ]
    width = max(len(tally.system_id) for tally in document.systems)
    for tally in document.systems:
        where = f"{tally.line}:{tally.column}"
        named = f"  ({', '.join(tally.variants)})" if tally.variants else ""
        lines.append(f"  {tally.system_id:<{width}}  {tally.count:>5}  first at {where}{named}\n")
    if others:
        lines.append(f"  other systems named: {others}\n")
    return "".join(lines)


class ScanPrinter:
    """Prints documents on standard output; ``colour`` and ``json`` as the command line says."""

    def __init__(self, *, colour: bool, as_json: bool) -> None:
        self.colour = colour
        self.as_json = as_json
        self._write = sys.stdout.write
        self._encode = _ENCODE
        self._shown = False  # whether context lines were printed for an earlier document

    def _paint(self, code: str, text: str) -> str:
        return _paint(self.colour, code, text)

    def _mark(self, line: Line) -> str:
        """The line's text, its mentions painted."""
        if not self.colour or not line.mentions:
            return line.text
        pieces, at = [], 0
        for mention, column in zip(line.mentions, line.columns(), strict=True):
            begin = max(column - 1, at)
            end = min(begin + len(mention.surface), len(line.text))
            pieces += [line.text[at:begin], self._paint(_MATCH, line.text[begin:end])]
            at = max(at, end)
        return "".join([*pieces, line.text[at:]])

    def mentions(self, document: DocumentScan, lines: Iterable[Line | None]) -> None:
        """``--mentions``: ``PATH:LINE:COLUMN:SYSTEM:WORDS``, one line per mention."""
        path = self._paint(_PATH, shown(document.path))
        out = []
        for line in lines:
            if line is None:
                continue
            number = self._paint(_NUMBER, str(line.number))
            for mention, column in zip(line.mentions, line.columns(), strict=True):
                if self.as_json:
                    entry = {
                        "path": document.path,
                        "line": line.number,
                        "column": column,
                        "offset": mention.start,
                        "system": mention.system_id,
                        "words": mention.surface,
                    }
                    out.append(self._encode(entry) + "\n")
                else:
                    words = self._paint(_MATCH, mention.surface)
                    out.append(f"{path}:{number}:{column}:{mention.system_id}:{words}\n")
        self._write("".join(out))

    def context(self, document: DocumentScan, lines: Iterable[Line | None]) -> None:
        """``-C N``: mention lines ``PATH:LINE:TEXT``, context ``PATH-LINE-TEXT``, ``--`` breaks."""
        path = self._paint(_PATH, shown(document.path))
        out = []
        for line in lines:
            if line is None:
                out.append("--\n" if not self.as_json else "")
            elif self.as_json:
                entry = {
                    "type": "match" if line.mentions else "context",
                    "path": document.path,
                    "line": line.number,
                    "text": line.text,
                    "mentions": [
                        {"column": column, "system": mention.system_id, "words": mention.surface}
                        for mention, column in zip(line.mentions, line.columns(), strict=True)
                    ],
                }
                out.append(self._encode(entry) + "\n")
            else:
                mark = ":" if line.mentions else "-"
                number = self._paint(_NUMBER, str(line.number))
                out.append(f"{path}{mark}{number}{mark}{self._mark(line)}\n")
        if out and self._shown and not self.as_json:
            out.insert(0, "--\n")
        self._shown = self._shown or bool(out)
        self._write("".join(out))
