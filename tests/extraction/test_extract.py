"""armsref.extract: every form the issue names, attribution, negatives, the seeds, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import armsref
from armsref.dataset.models import RangeClaim
from armsref.errors import InputError
from armsref.extraction import unitspots
from armsref.extraction.pipeline import Finding, extract, extract_all, regions
from armsref.lengths import figures
from tests.labelled.score_extract import load_cases, score

ROOT = Path(__file__).resolve().parents[2]


def shape(finding: Finding) -> tuple[object, ...]:
    number: object = finding.value if finding.value is not None else (finding.low, finding.high)
    return (finding.system_id, number, finding.unit, finding.qualifier)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine fired ATACMS with a 300-kilometer range.", ("atacms", 300, "kilometer", "exact")),
        (
            "Tomahawks have ranges above 1,500 kilometers.",
            ("tomahawk", 1500, "kilometers", "above"),
        ),
        (
            "The Tomahawk has a range of about 995 miles (1,600 kilometers).",
            ("tomahawk", 995, "miles", "about"),
        ),
        (
            "The ERAM (about 285 miles, or 460 kilometers) is cheap.",
            ("eram", 285, "miles", "about"),
        ),
        ("The JASSM-ER can hit targets up to 1,000 km away.", ("jassm", 1000, "km", "up_to")),
        (
            "The Tomahawk has a range of more than 1,500 kilometres.",
            ("tomahawk", 1500, "kilometres", "above"),
        ),
        (
            "The JASSM has a range of at least 500 nautical miles.",
            ("jassm", 500, "nautical miles", "at_least"),
        ),
        ("The Patriot has a range between 70 and 160 km.", ("patriot", (70, 160), "km", "between")),
        ("The Patriot has a range of 70-160 km.", ("patriot", (70, 160), "km", "between")),
        ("The Patriot has a range of 70–160 km.", ("patriot", (70, 160), "km", "between")),
        ("The ATACMS has a range of 186 mi.", ("atacms", 186, "mi", "exact")),
        ("The Tomahawk has a range of 1.5 thousand km.", ("tomahawk", 1500, "km", "exact")),
        ("The ATACMS has a range of 300km.", ("atacms", 300, "km", "exact")),
        (
            "The ATACMS has a range of three hundred kilometres.",
            ("atacms", 300, "kilometres", "exact"),
        ),
        (
            "The Tomahawk has a range of fifteen hundred miles.",
            ("tomahawk", 1500, "miles", "exact"),
        ),
        ("The JASSM has a range of 500 nmi.", ("jassm", 500, "nmi", "exact")),
        ("The JASSM has a range of 500 NM.", ("jassm", 500, "NM", "exact")),
        ("The ATACMS has a range of 190 mile.", ("atacms", 190, "mile", "exact")),
        ("The ATACMS has a range of 300 kilometer.", ("atacms", 300, "kilometer", "exact")),
        ("The ATACMS has a range of 300 kms.", ("atacms", 300, "kms", "exact")),
        ("The ATACMS has a range of 300 KM.", ("atacms", 300, "KM", "exact")),
        ("The ATACMS has a range of 12,300 km.", ("atacms", 12300, "km", "exact")),
        ("The ERAM has a range of roughly 460 km.", ("eram", 460, "km", "about")),
        ("The PAC-2 has a range of less than 100 miles.", ("patriot", 100, "miles", "below")),
        ("The ATACMS can fly as far as 300 km.", ("atacms", 300, "km", "up_to")),
    ],
)
def test_every_form(text: str, expected: tuple[object, ...]) -> None:
    assert [shape(f) for f in extract(text)] == [expected]


def test_second_unit_is_kept() -> None:
    parenthesis, comma = extract(
        "The Tomahawk, with a range of about 995 miles (1,600 kilometers), outranges "
        "the ERAM (about 285 miles, or 460 kilometers)."
    )
    assert parenthesis.also is not None and comma.also is not None
    assert (parenthesis.also.value, parenthesis.also.unit) == (1600, "kilometers")
    assert (comma.also.value, comma.also.unit) == (460, "kilometers")
    (span,) = extract("The PAC-3 has a range of 35-60 kilometers (22-37 miles).")
    assert span.also is not None and (span.also.low, span.also.high) == (22, 37)


def test_one_sentence_several_systems() -> None:
    text = (
        "The Tomahawk, with a range of about 995 miles (1,600 kilometers), would allow Ukraine "
        "to strike much deeper into Russian territory than the ERAM (about 285 miles, or 460 "
        "kilometers) or the ATACMS (about 186 miles, or 300 kilometers)."
    )
    found = extract(text)
    assert [(f.system_id, f.value) for f in found] == [
        ("tomahawk", 995),
        ("eram", 285),
        ("atacms", 186),
    ]
    assert [f.quote for f in found] == [
        "The Tomahawk, with a range of about 995 miles (1,600 kilometers)",
        "the ERAM (about 285 miles, or 460 kilometers)",
        "the ATACMS (about 186 miles, or 300 kilometers)",
    ]
    for finding in found:
        assert text[finding.start : finding.end] == finding.quote


@pytest.mark.parametrize(
    ("text", "system"),
    [
        ("Kyiv received the Tomahawk. It has a range of 1,600 km.", "tomahawk"),
        ("Kyiv received the Tomahawk. The missile has a range of 1,600 km.", "tomahawk"),
        ("Kyiv received the JASSM. Its range is about 370 km.", "jassm"),
        ("With a range of about 300 km, the ATACMS cannot reach Moscow.", "atacms"),
        ("The Tomahawk, unlike the ATACMS, has a range of 1,600 km.", "tomahawk"),
        ("Kyiv uses the 300-km ATACMS.", "atacms"),
        ("The range of the Tomahawk is about 1,600 km.", "tomahawk"),
        ("Kyiv wants Tomahawks, which fly 1,550 miles.", "tomahawk"),
        ("The ATACMS and its successor, which can hit 500 km, were discussed.", None),
    ],
)
def test_attribution_across_a_reference(text: str, system: str | None) -> None:
    assert [f.system_id for f in extract_all(text).findings or extract_all(text).unattributed] == [
        system
    ]


def test_a_comparison_in_the_same_sentence_follows_the_range() -> None:
    text = "The Tomahawk has a range of 2,500 km, compared with 300 km for the ATACMS."
    assert [(f.system_id, f.value) for f in extract(text)] == [("tomahawk", 2500), ("atacms", 300)]


def test_a_reference_to_two_systems_is_not_guessed() -> None:
    text = "Kyiv wants ATACMS and Tomahawks. It has a range of 500 km."
    assert extract(text) == []
    assert [f.figure for f in extract_all(text).unattributed] == ["500 km"]


@pytest.mark.parametrize(
    "text",
    [
        "Moscow is about 450 km from the border, and ATACMS stocks are low.",
        "ERAM can hit forces several hundred kilometers from the front line.",
        "The ATACMS fleet guards a 1,000-km front.",
        "Ukrainian drones flew 1,800 km, farther than any ATACMS.",
        "The Tomahawk flies at about 880 km/h.",
        "A Tomahawk weighs about 1,500 kg.",
        "The ATACMS has a range of -300 km.",
        "The ATACMS has a range of −300 km.",
        "The ATACMS has a range of 0 km.",
        "The ATACMS has a range of 10^12 km.",
        "The ATACMS has a range of 1e12 km.",
        "The ATACMS has a range of 100,000 km.",
        "The ATACMS has a range of 1,6 km.",
        "The ATACMS has a range of 1 600 km.",
        "The ATACMS has a range of 300 nm.",
        "The ATACMS covers 300 km² of ground.",
        "The PAC-3 reaches 35 km in altitude.",
        "The Patriot can intercept aircraft 24 km high.",
    ],
)
def test_not_range_claims(text: str) -> None:
    assert extract(text) == []


def test_unknown_system_is_reported_apart_never_guessed() -> None:
    text = "The ATACMS is old. The Storm Shadow, from Britain, has a range of about 250 km."
    result = extract_all(text)
    assert result.findings == ()
    assert [(f.system, f.figure) for f in result.unattributed] == [(None, "about 250 km")]
    with pytest.raises(InputError, match="given to no system"):
        result.unattributed[0].to_claim("x")


def test_seeds_give_exactly_the_recorded_claims(dataset: armsref.Dataset) -> None:
    found = []
    for source in dataset.sources:
        for finding in extract(source.text(), dataset):
            also = finding.also and (finding.also.value, finding.also.unit)
            found.append((source.id, *shape(finding), also))
    recorded = [
        (
            c.source,
            c.system,
            c.value if c.value is not None else (c.low, c.high),
            c.unit,
            c.qualifier,
            c.also and (c.also.value, c.also.unit),
        )
        for c in dataset.claims
    ]
    assert sorted(found, key=repr) == sorted(recorded, key=repr)
    assert len(found) == 5


def test_seed_quotes_are_within_the_recorded_ones(dataset: armsref.Dataset) -> None:
    for claim in dataset.claims:
        (finding,) = [
            f
            for f in extract(claim.source_record.text(), dataset)
            if f.system_id == claim.system and f.value == claim.value
        ]
        assert finding.quote in claim.quote


def test_findings_become_valid_claims(dataset: armsref.Dataset) -> None:
    for case in load_cases():
        for finding in extract(case["text"], dataset):
            claim = RangeClaim.model_validate(finding.to_claim("some-source"))
            assert claim.status == "unreviewed"
            assert claim.quote == finding.quote


def test_labelled_set_scores_at_least_095() -> None:
    attributed, unattributed = score()
    assert attributed.cases >= 50 and attributed.claims >= 50
    assert attributed.precision >= 0.95, attributed.misses
    assert attributed.recall >= 0.95, attributed.misses
    assert unattributed.precision >= 0.95 and unattributed.recall >= 0.95


@pytest.mark.parametrize("text", ["", "   \n\t", "No figures at all here.", "ATACMS", "\x00\x01"])
def test_empty_and_figureless_text(text: str) -> None:
    assert extract(text) == []
    assert extract_all(text).unattributed == ()


def test_text_must_be_a_string() -> None:
    with pytest.raises(InputError, match="needs text"):
        extract(b"The ATACMS has a range of 300 km.")  # type: ignore[arg-type]


def test_another_dataset_is_used(dataset_dir: Path) -> None:
    systems = dataset_dir / "data" / "systems.yaml"
    systems.write_text(
        systems.read_text(encoding="utf-8")
        + "\n- id: storm-shadow\n  name: Storm Shadow\n  short: Storm Shadow\n"
        "  kind: cruise missile\n  origin: United Kingdom\n",
        encoding="utf-8",
    )
    text = "The Storm Shadow has a range of about 250 km."
    assert extract(text) == []
    other = armsref.load(dataset_dir)
    assert [f.system_id for f in extract(text, other)] == ["storm-shadow"]


FILLER = (
    "Officials met in the capital on Tuesday to discuss aid, budgets and the winter. "
    "The talks lasted for hours; a military aide said “no comment” to the Times. "
)
SENTENCES = [case["text"] for case in load_cases()]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(SENTENCES), st.integers(0, 3), st.text(max_size=20)),
        max_size=8,
    )
)
def test_reading_only_before_unit_words_loses_nothing(parts: list[tuple[str, int, str]]) -> None:
    text = "".join(FILLER * gap + noise + sentence + " " for sentence, gap, noise in parts)
    near = [f for low, high in regions(text) for f in figures.find(text, low, high)]
    assert near == figures.find(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SENTENCES), st.integers(0, 14)), max_size=8))
def test_reading_only_near_mentions_loses_nothing(parts: list[tuple[str, int]]) -> None:
    text = "".join(FILLER * gap + sentence + " " for sentence, gap in parts)
    assert tuple(extract(text)) == extract_all(text).findings


def test_a_reference_far_from_its_name_is_still_read() -> None:
    name = "The Tomahawk missile was discussed at length. "
    between = "Officials spoke of budgets, winter, aid, the front and the talks " * 8 + "again. "
    reference = "It, officials said " + "many times over " * 28 + "has a range of 1,600 km."
    text = name + between + reference
    assert 1000 < text.index("1,600") - text.index("Tomahawk") < 1310
    assert [f.system_id for f in extract(text)] == ["tomahawk"]
    assert tuple(extract(text)) == extract_all(text).findings


@given(st.text(alphabet="kmiMINlet5 -’éKſ\n", max_size=40))
def test_unit_words_found_alike_with_and_without_hyperscan(text: str) -> None:
    assert unitspots.spots(text) == [m.start() for m in unitspots._PYTHON.finditer(text)]


WORDS = ["ATACMS", "Tomahawk", "It", "range", "of", "about", "up to", "300", "1,500", "km", "miles"]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from([*WORDS, ".", ",", "(", ")", "-", "\n"]), st.text(max_size=6)),
        max_size=40,
    )
)
def test_any_text_extracts_without_error(words: list[str]) -> None:
    text = " ".join(words)
    result = extract_all(text)
    for finding in (*result.findings, *result.unattributed):
        assert text[finding.start : finding.end] == finding.quote
        assert finding.start < finding.end
        if finding.system is not None:
            RangeClaim.model_validate(finding.to_claim("s"))


def test_a_long_spelled_number_is_read_whole() -> None:
    text = "x" * 200 + " The ATACMS has a range of two thousand five hundred and fifty km."
    assert [f.value for f in extract(text)] == [2550]
