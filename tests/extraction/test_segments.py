"""Paragraphs and sentences: where extraction's reading stops."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from armsref.extraction.segments import Segments


def test_sentences_end_at_full_stops_not_abbreviations() -> None:
    text = "Sen. Graham spoke. U.S. officials met in Washington, D.C. on Monday.\nNext line"
    segments = Segments(text)
    assert segments.sentence(5) == (0, 18)
    assert segments.sentence(25) == (19, 68)
    assert segments.sentence(len(text) - 1) == (69, len(text))


def test_a_line_break_ends_a_paragraph_but_a_soft_wrap_does_not() -> None:
    text = "The ATACMS has a range\nof 300 km.\nThe ERAM is new."
    segments = Segments(text)
    assert segments.paragraph(5) == (0, 33)
    assert segments.sentence(25) == (0, 33)
    assert not segments.same_paragraph(5, 40)
    assert segments.same_paragraph(5, 30)


def test_each_paragraph_is_split_into_sentences_once() -> None:
    text = "One. Two. Three.\n" * 3
    segments = Segments(text)
    for position in range(len(text)):
        segments.sentence(position)
    assert sorted(segments._read) == [0, 17, 34]


@given(st.text(alphabet="ab. \nA?!", max_size=300), st.data())
def test_every_position_is_inside_its_sentence_and_paragraph(
    text: str, data: st.DataObject
) -> None:
    if not text:
        return
    position = data.draw(st.integers(0, len(text) - 1))
    segments = Segments(text)
    start, end = segments.sentence(position)
    low, high = segments.paragraph(position)
    assert low <= start <= position <= end <= high or text[position] in "\n .!?"
