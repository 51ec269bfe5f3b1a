"""The annotated reading view as one self-contained HTML page.

Everything the page needs is inside it: its CSS, a few lines of script, and
the range chart as inline SVG. A Content-Security-Policy meta tag forbids
fetching anything (``default-src 'none'``) and lets only the page's own script
run (allowed by its SHA-256 hash), so even text that slipped past escaping
could neither load nor run anything. It opens from disk.

Without colour the page still reads: each of the five has its own underline
style and a letter tag after every mention (the legend says which), other
systems are boxed and tagged "other", and every figure has a number and a label
in words. Printed, labels are shown inline after their figures and the
checklist follows the text.

Examples:
    >>> import armsref
    >>> from armsref.views.annotated import annotate
    >>> doc = annotate("The ATACMS flies up to 300 km.", armsref.load(), name="a.txt")
    >>> html = page([doc], chart=None)
    >>> html.startswith("<!DOCTYPE html>"), "default-src 'none'" in html
    (True, True)
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from typing import TYPE_CHECKING

from armsref.views.chart import CHART_MISSING
from armsref.views.markup import render_document, system_tags

if TYPE_CHECKING:
    from collections.abc import Sequence

    from armsref.dataset.models import System
    from armsref.views.annotated import Annotated

__all__ = ["page"]

#: Colour and underline style of each system, in the dataset's order (cycled past five).
_STYLES = (
    ("#c75000", "solid"),
    ("#127a5e", "dashed"),
    ("#5b54a8", "dotted"),
    ("#c2186b", "double"),
    ("#4d7f12", "wavy"),
)

_CSS = """
:root{color-scheme:light}
body{font:16px/1.55 Georgia,"DejaVu Serif",serif;margin:0 auto;max-width:78rem;padding:1rem 1.5rem;
color:#1a1a1a;background:#fff}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.15rem;border-top:2px solid #444;padding-top:.6rem}
h3{font-size:1rem;margin:.2rem 0 .5rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.1rem;font:14px/1.4 system-ui,sans-serif;
list-style:none;padding:0}
.legend li{white-space:nowrap}
.columns{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:1.5rem;align-items:start}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.checklist{font:14px/1.4 system-ui,sans-serif;position:sticky;top:.5rem;max-height:95vh;
overflow:auto;border-left:3px solid #888;padding-left:.8rem}
.checklist ol{padding-left:1.6rem}.checklist li{margin-bottom:.6rem}
.checklist q{display:block;color:#444;font-style:italic}
.m{padding:0 .05em;text-decoration:underline 2px var(--c);text-underline-offset:3px}
.m::after,.o::after{content:attr(data-tag);font:bold 10px system-ui,sans-serif;
vertical-align:super;margin-left:1px;color:var(--c)}
.o{--c:#555;outline:1px dotted #555;background:#f1f1f1}
.o::after{font-weight:normal;font-style:italic}
.fw{position:relative}
.f{border:2px solid var(--c);border-radius:3px;padding:0 2px;background:#fffbe6;cursor:help}
.f.u{--c:#333;border-style:dashed;background:#eee}
.f:focus{outline:3px solid #0b57d0;outline-offset:1px}
.no{font:bold 11px system-ui,sans-serif;color:var(--c,#333);margin-left:4px}
.given a,.no{text-decoration:none}
.label{display:none;position:absolute;left:0;top:1.6em;z-index:5;width:max-content;max-width:26rem;
white-space:normal;font:13px/1.35 system-ui,sans-serif;background:#fff;color:#111;
border:1px solid #333;border-radius:4px;padding:.35rem .5rem;box-shadow:0 2px 6px #0004}
.f:hover~.label,.f:focus~.label,.label:hover{display:block}
.linked{outline:3px solid #0b57d0}
.st-held{color:#185c1a}.st-lacks{color:#8a4b00}.st-disagrees{color:#a1141b}.st-unattributed{color:#555}
.note,.src{font:14px system-ui,sans-serif;color:#444}
figure.chart{margin:1.5rem 0}figure.chart svg{max-width:100%;height:auto}
@media (max-width:60rem){.columns{grid-template-columns:1fr}.checklist{position:static}}
@media print{body{max-width:none;font-size:11pt}.columns{display:block}
.checklist{position:static;max-height:none;border:0;padding:0}
.label{display:inline;position:static;box-shadow:none;border:0;padding:0;font-size:8pt}
.label::before{content:" ["}.label::after{content:"]"}.f:focus{outline:0}
section.document{break-before:page}section.document:first-of-type{break-before:auto}
a{color:inherit;text-decoration:none}}
"""

_SCRIPT = """
(function(){
  function link(event, on){
    var names = (event.target.getAttribute("data-names") || "").split(" ");
    names.forEach(function(id){
      var name = id && document.getElementById(id);
      if (name) { name.classList.toggle("linked", on); }
    });
  }
  document.querySelectorAll(".f").forEach(function(figure){
    ["focus","mouseenter"].forEach(function(kind){
      figure.addEventListener(kind, function(event){ link(event, true); });
    });
    ["blur","mouseleave"].forEach(function(kind){
      figure.addEventListener(kind, function(event){ link(event, false); });
    });
  });
})();
"""


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _system_css(systems: Sequence[System]) -> str:
    rules = []
    for index, _system in enumerate(systems):
        colour, line = _STYLES[index % len(_STYLES)]
        rules.append(
            f".s{index}{{--c:{colour}}}.m.s{index}{{text-decoration-style:{line};"
            f"background:{colour}14}}"
        )
    return "".join(rules)


def _legend(systems: Sequence[System]) -> str:
    tags = system_tags(tuple(systems))
    items = []
    for system in systems:
        index, tag = tags[system.id]
        line = _STYLES[index % len(_STYLES)][1]
        items.append(
            f'<li><span class="m s{index}" data-tag="{escape(tag)}">'
            f"{escape(system.short or system.id)}</span> {escape(system.name)} "
            f"({line} underline, tag {escape(tag)})</li>"
        )
    items.append('<li><span class="o" data-tag="other">Name</span> another weapon system</li>')
    items.append(
        '<li><span class="f s0">figure</span><sup class="no">[1]</sup> a range figure, '
        "given to a system (focus or hover it for its label)</li>"
    )
    items.append('<li><span class="f u">figure</span><sup class="no">[2?]</sup> unattributed</li>')
    return '<ul class="legend" aria-label="legend">' + "".join(items) + "</ul>"


def page(documents: Sequence[Annotated], chart: str | None, title: str | None = None) -> str:
    """The whole page: legend, one section per document, the range chart (inline SVG).

    Args:
        documents: the annotated documents, in the order to show them.
        chart: the chart as an SVG element, or None when it cannot be drawn
            (the page then says why:
            :data:`armsref.views.chart.CHART_MISSING`).
        title: the page's title (default: the documents' names).
    """
    systems = documents[0].systems if documents else ()
    shown_title = title or "armsref: " + ", ".join(d.name for d in documents)
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src '{_hash(_SCRIPT)}'; base-uri 'none'; form-action 'none'"
    )
    parts = [
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(shown_title)}</title>",
        f"<style>{_CSS}{_system_css(systems)}</style></head><body>",
        f"<header><h1>{escape(shown_title)}</h1>{_legend(systems)}</header><main>",
    ]
    parts += [render_document(doc, f"d{n}") for n, doc in enumerate(documents, 1)]
    parts.append('<section class="chart-section"><h2>Range chart</h2>')
    if chart is None:
        parts.append(f'<p class="note" id="chart-missing">{escape(CHART_MISSING)}</p>')
    else:
        parts.append(f'<figure class="chart">{chart}</figure>')
    parts.append(f"</section></main><script>{_SCRIPT}</script></body></html>\n")
    return "".join(parts)
