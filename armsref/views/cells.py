"""Cells written as CSV or TSV whole, and safe to open in a spreadsheet.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a
formula, and some do after a leading tab or carriage return too. So a *text*
cell that begins with one of those characters is written with a single quote
(``'``) in front, which spreadsheets show as text and never run. A *number*
(``int`` or ``float``) is written as a number, so a negative number in a
numeric column stays a number; text that only looks like a number (``"-5"``)
is text, and is neutralised like any other. Nothing is shortened or padded:
a cell holds its whole value. ``None`` is an empty cell, a boolean ``true`` or
``false``, a whole float without its ``.0``.

Examples:
    >>> safe_cell('=HYPERLINK("http://example.com")')
    '\\'=HYPERLINK("http://example.com")'
    >>> safe_cell("+1 555"), safe_cell("@SUM(A1)"), safe_cell("\\t=1")
    ("'+1 555", "'@SUM(A1)", "'\\t=1")
    >>> safe_cell("-5"), safe_cell(-5), safe_cell(-2.5), safe_cell(1500.0)
    ("'-5", '-5', '-2.5', '1500')
    >>> safe_cell("about 300 km"), safe_cell(None), safe_cell(True)
    ('about 300 km', '', 'true')
    >>> print(delimited(["id", "quote"], [["a-1", "=2+2"], ["a-2", "1,500 km"]]), end="")
    id,quote
    a-1,'=2+2
    a-2,"1,500 km"
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

__all__ = ["FORMULA_STARTS", "cell_text", "delimited", "safe_cell", "write_delimited"]

#: What a text cell must not begin with, lest a spreadsheet run it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value: object) -> str:
    """A value as a cell's text, unchanged: numbers plain, ``None`` empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def safe_cell(value: object) -> str:
    """A value as a cell's text that a spreadsheet cannot run as a formula."""
    text = cell_text(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def write_delimited(
    stream: io.TextIOBase | io.StringIO,
    headers: Sequence[str],
    body: Iterable[Sequence[object]],
    *,
    delimiter: str = ",",
    safe: bool = True,
) -> None:
    """Write a header line and the rows to ``stream``, quoted as the csv module does.

    With ``safe`` (the default) text cells are neutralised as :func:`safe_cell`
    says; without, every value is written exactly (for a data package, whose
    readers take the values as data).
    """
    write = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
    shown = safe_cell if safe else cell_text
    write.writerow([shown(header) for header in headers])
    for row in body:
        write.writerow([shown(value) for value in row])


def delimited(
    headers: Sequence[str], body: Iterable[Sequence[object]], delimiter: str = ","
) -> str:
    """The table as spreadsheet-safe CSV (or TSV, with ``delimiter="\\t"``) text."""
    out = io.StringIO()
    write_delimited(out, headers, body, delimiter=delimiter)
    return out.getvalue()
