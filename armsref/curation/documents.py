"""The text a curator's document is read as: its visible text when it is an HTML page.

``extract``, ``add-source`` and ``verify`` read a document the way ``scan``
does (:mod:`armsref.scanning.documents`): a ``.html`` or ``.htm`` file, or one
that starts like an HTML page, is read as the text a reader sees
(:func:`armsref.scanning.htmltext.visible_text`: no markup, no scripts, no
comments, a figure split by ``<em>`` whole again); any other document as it
is. Quotes, offsets and figures then refer to that text, and a quote from an
HTML source is checked against the visible text of the seed.

Examples:
    >>> page = b"<p>The <b>ATACMS</b> flies <em>300</em> km.</p><script>x</script>"
    >>> document_text("a.html", page)
    'The ATACMS flies 300 km.'
    >>> document_text("a.txt", b"<b>as written</b>")
    '<b>as written</b>'
"""

from __future__ import annotations

import os

__all__ = ["document_text", "is_html"]

_HTML_SUFFIXES = frozenset({".html", ".htm"})


def is_html(name: str, data: bytes) -> bool:
    """Whether a document named ``name`` with these bytes is read as an HTML page."""
    from armsref.scanning.documents import looks_like_html

    suffix = os.path.splitext(name)[1].lower()
    if suffix in _HTML_SUFFIXES:
        return True
    return name == "-" and looks_like_html(data)


def document_text(name: str, data: bytes, errors: str = "strict") -> str:
    """The text of a document (UTF-8): its visible text when it is HTML (see the module docstring).

    Raises:
        UnicodeDecodeError: the bytes are not UTF-8 and ``errors`` is ``"strict"``.
    """
    text = data.decode("utf-8", errors)
    if is_html(name, data):
        from armsref.scanning.htmltext import visible_text

        return visible_text(text).strip("\n")
    return text
