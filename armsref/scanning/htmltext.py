"""The visible text of an HTML page, as a reader would see it.

Markup is dropped, character references are decoded (``&amp;`` becomes
``&``), and the contents of ``<script>``, ``<style>``, ``<template>``,
``<noscript>``, ``<head>`` (the title included), navigation, asides and footers
(``<nav>``, ``<aside>``, ``<footer>``: not article text) and comments are left out,
an unclosed comment or tag at the end of the page too (as a browser does).
Markup waiting for its end is held in at most :data:`PENDING_LIMIT`
characters, so a huge unclosed comment costs no memory. A
block element (paragraph, heading, list item, table cell, ``<br>``...) ends a
line, so words in two paragraphs never run together; inline elements
(``<b>``, ``<a>``, ``<span>``...) add nothing, so ``Toma<b>hawk</b>`` reads
``Tomahawk``. Spaces are kept as written.

Scanning an HTML file reports offsets into this text:
``visible_text(html)[m.start:m.end] == m.surface``.

Examples:
    >>> visible_text("<p>Two <b>ATACMS</b></p><script>var Tomahawk;</script><p>and&nbsp;more")
    'Two ATACMS\\nand\\xa0more'
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["PENDING_LIMIT", "VisibleText", "visible_text"]

#: The most markup held waiting for its end (an unclosed comment, tag or script).
PENDING_LIMIT = 1 << 20
#: Pending input that is markup, not text: a comment, declaration, processing
#: instruction or tag that has not ended yet.
_MARKUP = re.compile(r"<[!?/A-Za-z]")

_HIDDEN = frozenset(
    {"script", "style", "template", "noscript", "head", "title", "svg", "nav", "aside", "footer"}
)
_BLOCKS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "body", "br", "caption", "dd"),
        *("details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer"),
        *("form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main"),
        *("nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td"),
        *("tfoot", "th", "thead", "tr", "ul"),
    )
)


class VisibleText(HTMLParser):
    """An incremental HTML-to-visible-text converter: :meth:`feed` markup, :meth:`take` text.

    Examples:
        >>> page = VisibleText()
        >>> page.feed("<h1>ERAM</h1><p>ext")
        >>> page.take()
        'ERAM\\next'
        >>> page.feed("ended</p>")
        >>> page.close()
        >>> page.take()
        'ended\\n'
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._pieces: list[str] = []
        self._hidden: list[str] = []
        self._at_line_start = True

    def feed(self, data: str) -> None:
        """Parse more markup; an unended comment, tag or script is held in bounded memory."""
        super().feed(data)
        pending = self.rawdata
        if len(pending) > PENDING_LIMIT:
            if self.cdata_elem is not None:  # inside <script> or <style>: keep the end
                self.rawdata = pending[-32:]
            elif pending.startswith("<!--"):
                self.rawdata = "<!--" + pending[-2:]
            elif _MARKUP.match(pending):
                self.rawdata = pending[:2] + pending[-32:]

    def close(self) -> None:
        """End the page: markup never ended (``<!-- ...``, ``<p title="...``) is not text."""
        if self.cdata_elem is None and _MARKUP.match(self.rawdata):
            self.rawdata = ""
        super().close()

    def take(self) -> str:
        """The text produced since the last call."""
        text = "".join(self._pieces)
        self._pieces.clear()
        return text

    def _newline(self) -> None:
        if not self._at_line_start:
            self._pieces.append("\n")
            self._at_line_start = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Enter a hidden element, or end the line at a block."""
        if tag in _HIDDEN:
            self._hidden.append(tag)
        elif tag in _BLOCKS and not self._hidden:
            self._newline()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closing tag (``<br/>``) hides nothing."""
        if tag in _BLOCKS and not self._hidden:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        """Leave a hidden element, or end the line after a block."""
        if tag in _HIDDEN:
            if tag in self._hidden:
                while self._hidden and self._hidden.pop() != tag:
                    pass
        elif tag in _BLOCKS and not self._hidden:
            self._newline()

    def handle_data(self, data: str) -> None:
        """Keep text outside hidden elements."""
        if not self._hidden and data:
            self._pieces.append(data)
            self._at_line_start = data.endswith("\n")


def visible_text(html: str) -> str:
    """The visible text of a whole HTML document (see the module docstring)."""
    page = VisibleText()
    page.feed(html)
    page.close()
    return page.take()
