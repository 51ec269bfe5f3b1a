"""Acronyms a text defines: "En Route Automation Modernization (ERAM)".

A document that spells an acronym out tells which thing it means by it, for
the whole document. :func:`defined_as` finds the long form written next to
one occurrence of an acronym, in either order:

- the long form, then the acronym in parentheses:
  ``En Route Automation Modernization (ERAM)``;
- the acronym, then the long form in parentheses:
  ``ERAM (Extended Range Attack Munition)``.

Which words are the long form is decided the way Schwartz and Hearst's
well-known algorithm does: walking back through the acronym's letters and the
words before it, each letter must be found in order, and the first letter
must start a word. So ``the FAA's En Route Automation Modernization (ERAM)``
gives ``En Route Automation Modernization``, and a parenthesis after words
that do not spell the acronym (``a new missile (ERAM)``) defines nothing.

Examples:
    >>> text = "the FAA's En Route Automation Modernization (ERAM) system"
    >>> defined_as(text, 45, 49)
    'En Route Automation Modernization'
    >>> defined_as("ERAM (Extended Range Attack Munition) missiles", 0, 4)
    'Extended Range Attack Munition'
    >>> defined_as("a new missile (ERAM) for Kyiv", 15, 19) is None
    True
"""

from __future__ import annotations

import re

__all__ = ["defined_as", "long_form"]

_OPEN_BEFORE = re.compile(r"\(\s*$")
_CLOSE_AFTER = re.compile(r"\s*\)")
_PAREN_AFTER = re.compile(r"\s*\(\s*([^()]{3,120}?)\s*\)")
#: How far before an acronym its long form may start.
_REACH = 160


def long_form(acronym: str, words: str) -> str | None:
    """The shortest end of ``words`` whose letters spell ``acronym`` (Schwartz–Hearst).

    Examples:
        >>> long_form("ERAM", "a system called En Route Automation Modernization")
        'En Route Automation Modernization'
        >>> long_form("TLAM", "Tomahawk Land Attack Missile")
        'Tomahawk Land Attack Missile'
        >>> long_form("ERAM", "a new air-launched missile") is None
        True
    """
    letters = [c.lower() for c in acronym if c.isalnum()]
    if len(letters) < 2:
        return None
    at = len(words) - 1
    for position in range(len(letters) - 1, -1, -1):
        wanted = letters[position]
        while at >= 0:
            char = words[at].lower()
            starts_word = at == 0 or not words[at - 1].isalnum()
            if char == wanted and (position > 0 or starts_word):
                break
            at -= 1
        if at < 0:
            return None
        at -= 1
    start = at + 1
    found = words[start:].strip()
    # A long form has at least as many words as a third of the acronym's letters.
    return found if len(found.split()) >= max(1, len(letters) // 3) else None


def defined_as(text: str, start: int, end: int) -> str | None:
    """The long form defined next to the acronym at ``text[start:end]``, or ``None``."""
    acronym = text[start:end]
    if _OPEN_BEFORE.search(text, max(0, start - 4), start) and _CLOSE_AFTER.match(text, end):
        opening = text.rfind("(", max(0, start - 4), start)
        before = text[max(0, opening - _REACH) : opening].rstrip()
        return long_form(acronym, before)
    inside = _PAREN_AFTER.match(text, end)
    if inside:
        words = inside.group(1)
        found = long_form(acronym, words)
        # The long form must be the whole parenthesis, not its end.
        return found if found is not None and found == words.strip() else None
    return None
