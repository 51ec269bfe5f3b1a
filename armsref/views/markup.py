"""One annotated document as HTML: its text with marked elements, and its checklist.

Every piece of document text goes through :func:`html.escape`, so a page that
holds ``<script>`` shows it as words and runs nothing. Each marked element
carries its span (``data-start``, ``data-end``: offsets into the text the
library read) and its kind (``data-kind``: ``mention``, ``other``,
``figure``); its own text is exactly the words it marks, and what is shown
beside them (a figure's number and label, the numbers of the figures given to
a name) sits in sibling elements, so the words stay the words.

A figure is focusable (``tabindex="0"``) and described by its label
(``aria-describedby``), which the page's CSS shows on hover and on focus; the
label links to the name the figure was given by, and that name shows the
figure's number, linking back.

Examples:
    >>> import armsref
    >>> from armsref.views.annotated import annotate
    >>> doc = annotate("<script>ATACMS</script> flies 300 km", armsref.load(), name="x")
    >>> html = render_document(doc, "d1")
    >>> "<script>" in html, "&lt;script&gt;" in html
    (False, True)
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from armsref.views.annotated import Annotated, Numbered
from armsref.views.marks import Mark, segments

if TYPE_CHECKING:
    from armsref.dataset.models import System

__all__ = ["render_document", "system_tags"]


def system_tags(systems: tuple[System, ...]) -> dict[str, tuple[int, str]]:
    """Each system's colour index and its one- or two-letter tag, unique in the legend.

    Examples:
        >>> import armsref
        >>> system_tags(tuple(armsref.load().systems))["tomahawk"]
        (2, 'T')
    """
    tags: dict[str, tuple[int, str]] = {}
    used: set[str] = set()
    for index, system in enumerate(systems):
        letters = (system.short or system.name or system.id).upper()
        tag = next(
            (c for c in [letters[0], letters[:2], f"{letters[0]}{index}"] if c not in used),
            str(index),
        )
        used.add(tag)
        tags[system.id] = (index, tag)
    return tags


class _Writer:
    """Writes one document's marks as HTML into a list of strings, in one pass."""

    def __init__(self, doc: Annotated, prefix: str) -> None:
        self.doc = doc
        self.prefix = prefix
        self.tags = system_tags(doc.systems)
        self.out: list[str] = []

    def ident(self, kind: str, at: int) -> str:
        return f"{self.prefix}-{kind}{at}"

    def name_id(self, numbered: Numbered) -> str | None:
        f = numbered.finding
        return self.ident("n", f.name_start) if f.name_start >= 0 else None

    def write(self, marks: list[Mark], start: int, end: int) -> None:
        text = self.doc.text
        for piece in segments(text, marks, start, end):
            if isinstance(piece, str):
                self.out.append(escape(piece))
            elif piece.kind == "figure":
                self.figure(piece)
            else:
                self.name(piece)

    def span_attributes(self, mark: Mark) -> str:
        return f'data-kind="{mark.kind}" data-start="{mark.start}" data-end="{mark.end}"'

    def name(self, mark: Mark) -> None:
        system: System = mark.data["system"]  # type: ignore[assignment]
        title = f"{system.short or system.id}: {system.name}"
        if mark.kind == "other":
            title = f"other weapon system: {system.name} (armsref holds no figures for it)"
            classes, tag = "o", "other"
        else:
            index, tag = self.tags.get(system.id, (0, "?"))
            classes = f"m s{index}"
        if mark.data.get("variant"):
            title += f", variant {mark.data['variant']}"
        self.out.append(
            f'<span class="{classes}" {self.span_attributes(mark)} '
            f'data-system="{escape(system.id)}" data-tag="{escape(tag)}" '
            f'id="{self.ident("n", mark.start)}" title="{escape(title)}">'
        )
        self.write(mark.children, mark.start, mark.end)
        self.out.append("</span>")
        given: list[int] = mark.data.get("given", [])  # type: ignore[assignment]
        if given:
            links = ",".join(
                f'<a href="#{self.ident("f", self.figure_at(n))}">{n}</a>' for n in given
            )
            self.out.append(
                f'<sup class="given" title="figures given to this name">&#8594;{links}</sup>'
            )

    def figure_at(self, number: int) -> int:
        return self.doc.numbered[number - 1].finding.figure_start

    def figure(self, mark: Mark) -> None:
        numbered: list[Numbered] = mark.data["numbered"]  # type: ignore[assignment]
        systems = [n.finding.system for n in numbered if n.finding.system is not None]
        classes = f"f s{self.tags[systems[0].id][0]}" if systems else "f u"
        names = " ".join(dict.fromkeys(i for n in numbered if (i := self.name_id(n))))
        label_id = self.ident("l", mark.start)
        self.out.append(
            f'<span class="fw"><span class="{classes}" {self.span_attributes(mark)} '
            f'data-systems="{escape(" ".join(s.id for s in systems))}" '
            f'data-numbers="{" ".join(str(n.number) for n in numbered)}" '
            f'data-names="{names}" id="{self.ident("f", mark.start)}" tabindex="0" '
            f'aria-describedby="{label_id}">'
        )
        self.write(mark.children, mark.start, mark.end)
        numbers = ",".join(f"{n.number}{'' if n.finding.system else '?'}" for n in numbered)
        self.out.append(f'</span><sup class="no" aria-hidden="true">[{numbers}]</sup>')
        self.out.append(f'<span class="label" role="tooltip" id="{label_id}">')
        for position, entry in enumerate(numbered):
            if position:
                self.out.append("<br>")
            self.label(entry)
        self.out.append("</span></span>")

    def label(self, entry: Numbered) -> None:
        f = entry.finding
        self.out.append(escape(entry.label))
        name_id = self.name_id(entry)
        if name_id is not None:
            said = self.doc.text[f.name_start : f.name_end]
            self.out.append(
                f' <a href="#{name_id}">&#8592; given by &#8220;{escape(said)}&#8221;</a>'
            )
        self.out.append(f' <span class="st st-{entry.checked.status}">')
        self.out.append(f"[{escape(entry.checked.text)}]</span>")

    def checklist(self) -> None:
        self.out.append('<aside class="checklist"><h3>Findings: the reviewer&#8217;s list</h3>')
        if not self.doc.numbered:
            self.out.append("<p>No range figures found.</p></aside>")
            return
        self.out.append("<ol>")
        for entry in self.doc.numbered:
            f = entry.finding
            who = f.system.short or f.system.name if f.system else "unattributed"
            self.out.append(
                f'<li value="{entry.number}" class="st-{entry.checked.status}" '
                f'data-status="{entry.checked.status}">'
                f'<a href="#{self.ident("f", f.figure_start)}">{escape(who)}: '
                f"{escape(f.figure)}</a> ({escape(entry.second)}): "
                f'<span class="st">{escape(entry.checked.text)}</span>'
                f"<q>{escape(f.quote)}</q></li>"
            )
        self.out.append("</ol></aside>")


def render_document(doc: Annotated, prefix: str) -> str:
    """The ``<section>`` for one document: its marked text and its checklist.

    ``prefix`` keeps element ids unique when a page holds several documents.
    """
    writer = _Writer(doc, prefix)
    out = writer.out
    out.append(f'<section class="document" id="{prefix}"><h2>{escape(doc.name)}</h2>')
    if doc.source is not None:
        out.append(
            f'<p class="src">In the dataset as source <code>{escape(doc.source)}</code>.</p>'
        )
    if doc.crossing:
        out.append(
            f'<p class="note">{len(doc.crossing)} mark(s) cross another and are not drawn: '
            + "; ".join(escape(doc.text[m.start : m.end]) for m in doc.crossing)
            + "</p>"
        )
    out.append('<div class="columns"><div class="text">')
    writer.write(list(doc.marks), 0, len(doc.text))
    out.append("</div>")
    writer.checklist()
    out.append("</div></section>")
    return "".join(out)
