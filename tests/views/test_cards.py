"""Cards, citations and disagreements a reader can follow; status shown, rejected hidden."""

from __future__ import annotations

from pathlib import Path

import armsref
from armsref.views.cards import card, render_card
from armsref.views.citations import cite
from armsref.views.disagreements import disagreement_rows, reason, render
from armsref.views.tables import rows, table
from tests.editing import edit


def _atacms_twice(root: Path) -> None:
    """Give eram-1 (285 miles) to ATACMS: two claims of one source that disagree."""
    edit(root, "claims.yaml", lambda entries: entries[3].update(system="atacms"))


def test_cite_as_line_says_only_what_is_known(dataset: armsref.Dataset) -> None:
    assert cite(dataset.source("trump-asked-can-you-hit-moscow")) == (
        "n.d., seeds/000_bc19e693dffa449a.txt (source trump-asked-can-you-hit-moscow)"
    )
    assert cite(dataset.source("cnn-longer-range-missiles")) == (
        "CNN, “Trump hasn’t ruled out funneling longer-range missiles to Ukraine”, n.d., "
        "https://kinstranews.com/trump-hasnt-ruled-out-funneling-longer-range-missiles-to-ukraine"
    )


def test_the_span_is_said_to_be_derived(dataset: armsref.Dataset) -> None:
    data = card(dataset.system("tomahawk"), "km")
    assert data["span"] == {
        "converted_low": 1500.0,
        "converted_high": data["span"]["converted_high"],  # type: ignore[index]
        "description": "1,500–1,600 km across 2 sources",
        "derived": True,
        "claim_ids": ["tomahawk-1", "tomahawk-2"],
    }
    assert "span (derived, not stated by a source): 1,500–1,600 km across 2 sources" in (
        render_card(data)
    )


def test_unreviewed_claims_are_marked_and_rejected_hidden(dataset_dir: Path) -> None:
    def change(entries: list[dict[str, object]]) -> None:
        entries[0].update(status="unreviewed")
        entries[4].update(status="rejected", reason="a test rejection")

    edit(dataset_dir, "claims.yaml", change)
    dataset = armsref.load(dataset_dir)
    text = render_card(card(dataset.system("atacms"), "km"))
    assert "300 km           atacms-1 [unreviewed]" in text
    edit(dataset_dir, "claims.yaml", lambda entries: entries[0].update(variant="block-ia"))
    armsref.clear_cache()
    shown = render_card(card(armsref.load(dataset_dir).system("atacms"), "km"))
    assert "300 km           atacms-1 (variant block-ia) [unreviewed]" in shown
    assert "atacms-2" not in text
    # No accepted claim left: no span, rather than one from unchecked output.
    assert "span (derived, not stated by a source): none (no accepted claim)" in text
    everything = render_card(card(dataset.system("atacms"), "km", "all"))
    assert "atacms-2 [rejected: a test rejection]" in everything
    summary = table(systems=["atacms"], dataset=dataset)
    assert "300 km (trump-asked-can-you-hit-moscow) [unreviewed]" in summary
    assert "about 300 km" not in summary
    assert rows("claims", dataset=dataset, include="accepted", systems=["atacms"]) == []
    everything_summary = table(systems=["atacms"], dataset=dataset, include="all")
    assert "about 300 km (trump-putin-call-tomahawks) [rejected: a test rejection]" in (
        everything_summary
    )
    assert [r["id"] for r in rows("claims", dataset=dataset, include="all")][:2] == [
        "atacms-1",
        "atacms-2",
    ]


def test_disagreements_read_as_sentences(dataset_dir: Path) -> None:
    _atacms_twice(dataset_dir)
    dataset = armsref.load(dataset_dir)
    found = disagreement_rows(dataset, ["ATACMS"])
    assert [(r["first"]["id"], r["second"]["id"]) for r in found] == [  # type: ignore[index]
        ("atacms-1", "eram-1"),
        ("eram-1", "atacms-2"),
    ]
    second = found[1]
    assert second["why"] == (
        "'about 285 miles' allows 271–299 mi; 'about 186 miles' allows 177–195 mi: no range is both"
    )
    text = render([second])
    assert "eram-1: about 285 miles\n    “the ERAM (about 285 miles, or 460 kilometers)”" in text
    assert "vs atacms-2: about 186 miles" in text and text.count("cite as: Technical News") == 2
    assert "why: 'about 285 miles' allows 271–299 mi" in text


def test_reason_for_open_figures() -> None:
    from armsref.dataset.models import RangeClaim

    def claim(qualifier: str, value: float) -> RangeClaim:
        return RangeClaim(
            system="x", source="s", qualifier=qualifier, value=value, unit="km", quote="q"
        )

    assert reason(claim("at_least", 2000), claim("below", 1000)) == (
        "'at least 2,000 km' allows at least 2,000 km; "
        "'below 1,000 km' allows less than 1,000 km: no range is both"
    )
