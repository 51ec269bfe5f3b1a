"""The sense words around a name: reading only the words that can count gives what
reading every word gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from armsref.scanning import evidence
from armsref.scanning.evidence import LEXICONS, WINDOW, Context, context

_TOKEN = re.compile(r"[A-Za-z][A-Za-z-]*|\d[\d,.]*")
_SCALES = {"hundred", "thousand"}
_UNITS = {"km", "kilometer", "kilometers", "kilometre", "kilometres", "mile", "miles"}


def every_word(text: str, start: int, end: int, window: int = WINDOW) -> Context:
    """Each word read in turn: the plain statement of the rule, to check against."""
    words = _TOKEN.findall(text, max(0, start - window), start)
    words.append("")
    words += _TOKEN.findall(text, end, min(len(text), end + window))
    lowers = [word.lower() for word in words]
    pairs, any_case, as_written = {}, {}, {}
    for sense, entries in LEXICONS.items():
        for entry in entries:
            parts = entry.split()
            if len(parts) == 2:
                pairs[(parts[0].lower(), parts[1].lower())] = sense
            elif entry.islower():
                any_case[entry] = sense
            else:
                as_written[entry] = sense
    counts: dict[str, int] = {}
    at = 0
    while at < len(words):
        word, lower = words[at], lowers[at]
        following = lowers[at + 1] if at + 1 < len(words) else ""
        step = 1
        sense = pairs.get((lower, following)) if following else None
        if sense is not None:
            step = 2
        elif following in _UNITS and word and (word[0].isdigit() or lower in _SCALES):
            sense, step = "weapon", 2
        elif word:
            sense = as_written.get(word) or any_case.get(lower)
        if sense is not None:
            counts[sense] = counts.get(sense, 0) + 1
        at += step
    return Context(counts.pop("weapon", 0), counts)


_VOCABULARY = sorted(
    {part for entries in LEXICONS.values() for entry in entries for part in entry.split()}
    | {word.upper() for entries in LEXICONS.values() for word in entries if " " not in word}
    | _UNITS
    | {"hundred", "thousand", "300", "1,500", "fifteen", "the", "a", "İstanbul", "\u212aM"}
)
#: Pieces where the rules meet: a figure, a phrase, a word in the other case.
_MEETINGS = ["300 miles", "fifteen hundred miles", "1,500 km", "air traffic", "FAA", "faa", "Act"]
_PIECES = st.lists(
    st.one_of(st.sampled_from(_VOCABULARY), st.sampled_from(_MEETINGS), st.text(max_size=6)),
    min_size=0,
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(_PIECES, _PIECES, st.sampled_from([" ", "  ", "-", "\n", ", "]), st.integers(5, 600))
def test_reading_only_words_that_can_count_changes_nothing(
    before: list[str], after: list[str], gap: str, window: int
) -> None:
    head = gap.join(before) + " "
    text = head + "Patriot" + " " + gap.join(after)
    start, end = len(head), len(head) + len("Patriot")
    assert context(text, start, end, window) == every_word(text, start, end, window)


def test_a_phrase_a_figure_and_words_of_either_case() -> None:
    text = "The FAA said air traffic slowed; a 300 mile Patriot, fifteen hundred miles, the Act"
    start = text.index("Patriot")
    found = context(text, start, start + len("Patriot"))
    assert found == every_word(text, start, start + len("Patriot"))
    assert found.weapon == 2 and found.senses.get("aviation", 0) >= 2


def test_lookouts_hold_every_word_that_can_start_a_sense() -> None:
    for entries in LEXICONS.values():
        for entry in entries:
            assert entry.split()[0].lower() in evidence._LOOKOUTS, entry
