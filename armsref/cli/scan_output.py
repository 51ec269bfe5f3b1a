"""How ``armsref scan`` prints what it found: summaries, mentions, context lines, names, counts.

Each :class:`ScanPrinter` method prints one document in one shape. Colour
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

from armsref.corpora.corpusscan import as_row

if TYPE_CHECKING:
    from armsref.corpora.lines import Line
    from armsref.scanning.documents import DocumentScan

__all__ = ["ScanPrinter", "use_colour"]

_PATH, _NUMBER, _MATCH, _RESET = "\033[35m", "\033[32m", "\033[1;31m", "\033[0m"


def use_colour(choice: str) -> bool:
    """Whether to colour: ``always``, ``never``, or ``auto`` (a terminal, and no ``NO_COLOR``)."""
    if choice != "auto":
        return choice == "always"
    return not os.environ.get("NO_COLOR") and sys.stdout.isatty()


class ScanPrinter:
    """Prints documents on standard output; ``colour`` and ``json`` as the command line says."""

    def __init__(self, *, colour: bool, as_json: bool) -> None:
        self.colour = colour
        self.as_json = as_json
        self._write = sys.stdout.write
        self._encode = json.JSONEncoder(ensure_ascii=False).encode
        self._shown = False  # whether context lines were printed for an earlier document

    def _paint(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.colour else text

    def summary(self, document: DocumentScan) -> None:
        """Per document: the systems by first mention, with counts and first positions."""
        if self.as_json:
            self._write(self._encode(as_row(document)) + "\n")
            return
        path = self._paint(_PATH, document.path)
        if not document.systems:
            self._write(f"{path}: no mentions\n")
            return
        count, kinds = document.count, len(document.systems)
        lines = [
            f"{path}: {count} mention{'s' if count != 1 else ''} "
            f"of {kinds} system{'s' if kinds != 1 else ''}\n"
        ]
        width = max(len(tally.system_id) for tally in document.systems)
        for tally in document.systems:
            where = f"{tally.line}:{tally.column}"
            lines.append(f"  {tally.system_id:<{width}}  {tally.count:>5}  first at {where}\n")
        self._write("".join(lines))

    def listed(self, document: DocumentScan) -> None:
        """``-l``: the document's name, if it mentions a system."""
        if document.count:
            self._write(self._paint(_PATH, document.path) + "\n")

    def counted(self, document: DocumentScan) -> None:
        """``-c``: ``NAME:COUNT``, if it mentions a system."""
        if document.count:
            self._write(f"{self._paint(_PATH, document.path)}:{document.count}\n")

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
        path = self._paint(_PATH, document.path)
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
        path = self._paint(_PATH, document.path)
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
