"""How a source is cited: a "cite as" line, and its fields as plain data.

Examples:
    >>> import armsref
    >>> print(cite(armsref.load().source("sr-trump-asks-zelensky-moscow")))
    SR, “Trump Asks Zelensky Why He Hasn’t Struck Moscow”, n.d., https://srintell.link/trump-asks-zelensky-why-he-hasnt-struck-moscow
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from armsref.dataset.models import Source

__all__ = ["cite", "source_fields"]


def cite(source: Source) -> str:
    """Outlet, title, date and URL, as far as they are known; never guessed.

    An unknown outlet or title is left out, an unknown date is ``n.d.``; with
    no URL, the archived copy's, else the document's file in the dataset.
    """
    parts = []
    if source.outlet:
        parts.append(source.outlet)
    if source.title:
        parts.append(f"“{source.title}”")
    parts.append(source.published.isoformat() if source.published else "n.d.")
    where = source.url or source.archive_url or f"{source.file} (source {source.id})"
    parts.append(where)
    if source.url and source.archive_url:
        parts.append(f"archived at {source.archive_url}")
    return ", ".join(parts)


def source_fields(source: Source) -> dict[str, object]:
    """A source's citation fields as plain data, dates in ISO form, unknown as None."""
    return {
        "outlet": source.outlet,
        "title": source.title,
        "published": source.published.isoformat() if source.published else None,
        "url": source.url,
        "retrieved": source.retrieved.isoformat() if source.retrieved else None,
        "archive_url": source.archive_url,
        "cite": cite(source),
    }
