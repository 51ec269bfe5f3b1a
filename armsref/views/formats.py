"""How a table's rows are written in each format: whole in machine formats, wrapped on screen.

- ``csv`` and ``tsv``: the csv module's quoting, every value whole and
  unpadded, cells safe to open in a spreadsheet (:mod:`armsref.views.cells`);
- ``html`` (and ``unsafehtml``): one ``<td>`` per value, whole, unpadded,
  escaped (``unsafehtml`` too: the cells are plain text);
- the text formats a terminal shows (``github``, ``grid``, ``simple``...,
  those tabulate can draw with a cell over several lines): given a width,
  the long column (a quote, the list of ranges) is wrapped so that the table
  fits it, then if need be the widest other ones, never cut (a table too
  wide to fit even so, the claims view under about 120 columns, is as narrow
  as :data:`MIN_WRAP` and :data:`FLOOR` allow, its columns still aligned).
  The command line gives the terminal's width (:func:`terminal_width`); the
  library wraps nothing unless given a width;
- any other tabulate format (``latex``, ``mediawiki``...): tabulate's
  rendering, every value whole.

Examples:
    >>> print(render(["Id", "Quote"], [["a-1", "a long quote " * 3]], "github", width=30))
    | Id   | Quote               |
    |------|---------------------|
    | a-1  | a long quote a long |
    |      | quote a long quote  |
    >>> print(render(["Id", "Quote"], [["a-1", "<b> & it"]], "html"))
    <table>
    <thead>
    <tr><th>Id</th><th>Quote</th></tr>
    </thead>
    <tbody>
    <tr><td>a-1</td><td>&lt;b&gt; &amp; it</td></tr>
    </tbody>
    </table>
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from armsref.errors import InputError

__all__ = ["FLOOR", "MIN_WRAP", "check_format", "formats", "render", "terminal_width"]

#: The narrowest the long column (a quote) is made, however narrow the terminal.
MIN_WRAP = 20
#: The narrowest another column is made, if the table is still too wide.
FLOOR = 10
_OWN = ("csv", "tsv", "html", "unsafehtml")


def formats() -> list[str]:
    """Every format a table can be written in, sorted: tabulate's and ``csv``."""
    from tabulate import tabulate_formats

    return sorted({*tabulate_formats, *_OWN})


def check_format(fmt: str) -> str:
    """Refuse an unknown format, naming the known ones."""
    if fmt not in formats():
        raise InputError(f"unknown table format {fmt!r}; choose one of {', '.join(formats())}")
    return fmt


def _html(headers: Sequence[str], body: Sequence[Sequence[object]]) -> str:
    def line(tag: str, values: Sequence[object]) -> str:
        cells = "".join(
            f"<{tag}>{html.escape(str(value), quote=False)}</{tag}>" for value in values
        )
        return f"<tr>{cells}</tr>"

    return "\n".join(
        [
            "<table>",
            "<thead>",
            line("th", headers),
            "</thead>",
            "<tbody>",
            *(line("td", row) for row in body),
            "</tbody>",
            "</table>",
        ]
    )


def _natural(column: Sequence[object]) -> int:
    return max((len(line) for cell in column for line in str(cell).splitlines()), default=0)


def _limits(
    headers: Sequence[str], body: Sequence[Sequence[object]], wrap: int, room: int
) -> list[int]:
    """Column widths that add up to ``room`` if they can: the long column gives way first
    (down to :data:`MIN_WRAP`), then the widest of the others, never below their heading
    or :data:`FLOOR` characters."""
    natural = [_natural([h, *(row[i] for row in body)]) for i, h in enumerate(headers)]
    limits = list(natural)
    limits[wrap] = max(min(natural[wrap], MIN_WRAP), natural[wrap] - (sum(natural) - room))
    floors = [max(len(h), min(n, FLOOR)) for h, n in zip(headers, natural, strict=True)]
    floors[wrap] = limits[wrap]
    while sum(limits) > room:
        shrinkable = [i for i, limit in enumerate(limits) if limit > floors[i]]
        if not shrinkable:
            break
        limits[max(shrinkable, key=lambda i: limits[i])] -= 1
    return limits


def _wrapped(
    headers: Sequence[str], body: Sequence[Sequence[object]], fmt: str, wrap: int, width: int
) -> str:
    from tabulate import tabulate

    whole = tabulate(body, headers=headers, tablefmt=fmt)
    widest = max(len(line) for line in whole.splitlines())
    if widest <= width:
        return whole
    natural = [_natural([h, *(row[i] for row in body)]) for i, h in enumerate(headers)]
    room = width - (widest - sum(natural))
    limits = _limits(headers, body, wrap, room)
    wrapped: list[int | None] = [
        limit if limit < full and isinstance(body[0][i], str) else None
        for i, (limit, full) in enumerate(zip(limits, natural, strict=True))
    ]
    return tabulate(body, headers=headers, tablefmt=fmt, maxcolwidths=wrapped)


def terminal_width() -> int | None:
    """The width of the terminal output goes to: ``COLUMNS`` if set, else the terminal's,
    else ``None`` (output to a file or a pipe is not wrapped)."""
    import shutil

    return shutil.get_terminal_size((0, 0)).columns or None


def render(
    headers: Sequence[str],
    body: Sequence[Sequence[object]],
    fmt: str,
    *,
    wrap: int | None = None,
    width: int | None = None,
) -> str:
    """The table in ``fmt``, nothing cut.

    Args:
        headers: the column headings.
        body: the rows, each a value per heading.
        fmt: ``csv``, ``tsv``, ``html`` or any tabulate format.
        wrap: which column may be wrapped in a text format (default the last).
        width: the width a text format is fitted to by wrapping; ``None``
            (the default) wraps nothing.

    Raises:
        InputError: an unknown format.
    """
    check_format(fmt)
    if fmt in ("csv", "tsv"):
        from armsref.views.cells import delimited

        return delimited(headers, body, "," if fmt == "csv" else "\t").removesuffix("\n")
    if fmt in ("html", "unsafehtml"):
        return _html(headers, body)
    from tabulate import multiline_formats, tabulate

    if fmt in multiline_formats and body and width:
        return _wrapped(headers, body, fmt, len(headers) - 1 if wrap is None else wrap, width)
    return tabulate(body, headers=headers, tablefmt=fmt)
