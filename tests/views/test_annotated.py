"""The annotated reading view: marks at the library's spans, the checklist, escaping, the page."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import armsref
from armsref.curation.intake import read_document
from armsref.extraction.pipeline import extract_all
from armsref.scanning.mentions import scan_all
from armsref.views.annotated import annotate, source_of
from armsref.views.checklist import check
from armsref.views.marks import Mark, nest, segments
from armsref.views.markup import render_document
from armsref.views.page import page

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").iterdir())


class Elements(HTMLParser):
    """Every element with a data-kind: its attributes and its text (children's words too)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[dict[str, str | None], list[str]]] = []
        self.open: list[tuple[str, list[str] | None]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in {"br", "meta"}:
            return
        values = dict(attrs)
        words: list[str] | None = None
        if "data-kind" in values and values.get("data-start") is not None:
            words = []
            self.found.append((values, words))
        self.open.append((tag, words))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"br", "meta"}:
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        for _, words in self.open:
            if words is not None:
                words.append(data)


def elements(html: str) -> tuple[Elements, list[tuple[dict[str, str | None], str]]]:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser, [(attrs, "".join(words)) for attrs, words in parser.found]


def test_nest_keeps_inner_marks_inside_and_sets_crossing_ones_apart() -> None:
    outer, inner, crossing = Mark(0, 10, "figure"), Mark(2, 4, "mention"), Mark(8, 12, "other")
    placed, apart = nest([inner, crossing, outer, Mark(5, 5, "mention")])
    assert placed == [outer] and outer.children == [inner] and apart == [crossing]
    assert list(segments("0123456789ab", placed)) == [outer, "ab"]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_every_mention_and_figure_is_marked_at_the_library_s_spans(
    seed: Path, dataset: armsref.Dataset
) -> None:
    raw, text = read_document(seed)
    doc = annotate(text, dataset, name=seed.name, source=source_of(raw, dataset))
    assert doc.crossing == ()
    _, marked = elements(render_document(doc, "d1"))
    shown = {
        (attrs["data-kind"], int(attrs["data-start"] or -1), int(attrs["data-end"] or -1)): words
        for attrs, words in marked
    }
    mentions, others = scan_all(text, dataset)
    result = extract_all(text, dataset)
    expected = {("mention", m.start, m.end): m.surface for m in mentions}
    expected |= {("other", m.start, m.end): m.surface for m in others}
    expected |= {
        ("figure", f.figure_start, f.figure_end): text[f.figure_start : f.figure_end]
        for f in (*result.findings, *result.unattributed)
    }
    assert shown == expected
    assert source_of(raw, dataset) is not None


def test_a_figure_links_to_the_name_it_was_given_by(dataset: armsref.Dataset) -> None:
    text = "The ATACMS has a range of about 186 miles. The Storm Shadow has a range of 250 km."
    html = render_document(annotate(text, dataset, name="a.txt"), "d1")
    _, marked = elements(html)
    figure = next(a for a, words in marked if words == "about 186 miles")
    name = next(a for a, words in marked if words == "ATACMS")
    assert figure["data-names"] == name["id"] == "d1-n4"
    assert figure["tabindex"] == "0" and figure["aria-describedby"] == "d1-l26"
    label = re.search(r'id="d1-l26">(.*?)</span></span>', html)
    assert label is not None
    assert "given to ATACMS; qualifier: about; about 186 miles = about 299 km" in label.group(1)
    assert 'href="#d1-n4"' in label.group(1) and "in the dataset: atacms-2" in label.group(1)
    assert '&#8594;<a href="#d1-f26">1</a>' in html  # the name shows the figure's number
    unattributed = next(a for a, words in marked if words == "250 km")
    assert unattributed["class"] == "f u" and unattributed["data-systems"] == ""


def test_the_checklist_says_held_lacking_disagreeing_and_unattributed(
    dataset: armsref.Dataset,
) -> None:
    def status(text: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        entry = check(extract_all(text, dataset).findings[0], dataset)
        return entry.status, entry.held, tuple(d[0] for d in entry.disagrees)

    assert status("The Tomahawk has a range of about 995 miles.") == (
        "held",
        ("tomahawk-2",),
        (),
    )
    assert status("The ERAM has a range of up to 500 km.") == ("lacks", (), ())
    assert status("The Tomahawk has a range of 300 km.") == (
        "disagrees",
        (),
        ("tomahawk-1", "tomahawk-2"),
    )
    unattributed = extract_all("The Storm Shadow flies about 250 km.", dataset).unattributed
    assert check(unattributed[0], dataset).status == "unattributed"


def test_a_held_figure_from_its_own_source_names_that_claim_first(
    dataset: armsref.Dataset,
) -> None:
    raw, text = read_document(ROOT / "seeds" / "004_0e120a5187f68c70.txt")
    doc = annotate(text, dataset, name="seed", source=source_of(raw, dataset))
    assert doc.source == "trump-putin-call-tomahawks"
    assert [(n.finding.system_id, n.checked.status, n.checked.held) for n in doc.numbered] == [
        ("tomahawk", "held", ("tomahawk-2",)),
        ("eram", "held", ("eram-1",)),
        ("atacms", "held", ("atacms-2",)),
    ]


HOSTILE = (
    '<p>The ATACMS <script>alert("x")</script> has a range of about 186 miles.</p>'
    "<p>&lt;script&gt;document.title='pwned'&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"
    " The Tomahawk &amp; the <b>ERAM</b> \"quoted\" 'single'.</p>"
)


def test_a_hostile_document_stays_inert(tmp_path: Path, dataset: armsref.Dataset) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(HOSTILE, encoding="utf-8")
    _, text = read_document(path)
    assert "<script>document.title='pwned'</script>" in text  # visible text, as a reader sees it
    html = page([annotate(text, dataset, name='"><script>alert(2)</script>')], chart=None)
    parser, marked = elements(html)
    assert parser.tags.count("script") == 1  # the page's own, nothing from the document
    assert "img" not in parser.tags and "onerror=" not in html.replace("onerror=alert", "")
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert {words for _, words in marked} >= {"ATACMS", "Tomahawk", "ERAM", "about 186 miles"}


def test_the_page_fetches_nothing_and_allows_only_its_own_script(
    dataset: armsref.Dataset,
) -> None:
    html = page([annotate("The ATACMS flies 300 km.", dataset, name="a")], chart="<svg></svg>")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy is not None and "default-src 'none'" in policy.group(1)
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", policy.group(1))
    assert not re.search(r"(src|href)=\"(https?:|//)", html)
    assert "@media print" in html and '<figure class="chart"><svg></svg></figure>' in html


def test_without_the_chart_the_page_says_why(dataset: armsref.Dataset) -> None:
    html = page([annotate("The ATACMS flies 300 km.", dataset, name="a")], chart=None)
    assert "The range chart needs matplotlib: pip install &#x27;armsref[plot]&#x27;." in html


def test_several_documents_get_a_section_each_with_their_own_ids(
    dataset: armsref.Dataset,
) -> None:
    docs = [annotate("The ATACMS flies 300 km.", dataset, name=n) for n in ("one", "two")]
    html = page(docs, chart=None)
    assert html.count('<section class="document"') == 2
    assert 'id="d1-f17"' in html and 'id="d2-f17"' in html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_a_claim_a_curator_edited_or_rejected_still_holds_its_figure(
    dataset_dir: Path,
) -> None:
    armsref.reject_claim("atacms-2", "a test of the checklist", data=dataset_dir)
    armsref.edit_claim("eram-1", qualifier="up_to", data=dataset_dir)
    curated = armsref.load(dataset_dir)
    raw, text = read_document(dataset_dir / "seeds" / "004_0e120a5187f68c70.txt")
    doc = annotate(text, curated, name="seed", source=source_of(raw, curated))
    assert [n.checked.held for n in doc.numbered] == [
        ("tomahawk-2",),
        ("eram-1 (edited: up to 285 miles)",),
        ("atacms-2 (rejected: a test of the checklist)",),
    ]
    assert [n.checked.disagrees for n in doc.numbered] == [(), (), ()]
