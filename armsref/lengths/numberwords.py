"""Numbers written in words: "three hundred", "fifteen hundred", "a thousand".

Examples:
    >>> spelled_number("two thousand five hundred and fifty")
    2550.0
"""

from __future__ import annotations

import re

__all__ = ["SCALES", "WORD_VALUES", "spelled_number"]

_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
#: Every number word below a hundred, with its value.
WORD_VALUES: dict[str, int] = {
    **{word: n for n, word in enumerate(_ONES, 1)},
    **{word: n for n, word in enumerate(_TEENS, 10)},
    **{word: 10 * n for n, word in enumerate(_TENS, 2)},
}
#: The words that multiply what comes before them.
SCALES = {"hundred": 100, "thousand": 1000}


def spelled_number(text: str) -> float | None:
    """Read a number written in words, or return None if it is not well formed.

    Examples:
        >>> spelled_number("three hundred"), spelled_number("fifteen hundred")
        (300.0, 1500.0)
        >>> spelled_number("two thousand five hundred and fifty")
        2550.0
        >>> spelled_number("a thousand"), spelled_number("twenty-five")
        (1000.0, 25.0)
        >>> spelled_number("one two") is None, spelled_number("hundred") is None
        (True, True)
    """
    words = [w for w in re.split(r"[\s-]+", text.strip().lower()) if w and w != "and"]
    total, current, last = 0, 0, ""
    for position, word in enumerate(words):
        if word == "a" and position == 0:
            current, last = 1, "a"
        elif word in SCALES:
            if current == 0 or (word == "hundred" and (current >= 100 or last == "hundred")):
                return None
            if word == "hundred":
                current *= 100
            else:
                total, current = total + current * 1000, 0
            last = word
        elif word in WORD_VALUES:
            n = WORD_VALUES[word]
            small_after_small = last in {"ones", "teens", "a"} or (last == "tens" and n >= 10)
            if small_after_small:
                return None
            current += n
            last = "ones" if n < 10 else "teens" if n < 20 else "tens"
        else:
            return None
    if last == "a" or not words:
        return None
    return float(total + current)
