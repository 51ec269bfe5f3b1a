"""How a name becomes patterns: an exact one over ``str``, a prefilter over UTF-8 bytes.

The rules (see :mod:`armsref.scanning.matcher`): any letter case; between two
words any run of 1 to :data:`MAX_GAP` spaces or one hyphen, or nothing where
letters meet digits (``BGM-109``, ``BGM109``); after a one-letter word
(``S-400``) only a hyphen; a straight or curly apostrophe. Case is written as
explicit classes (``[tT]``), the same in both patterns, so that the prefilter
matches wherever the exact pattern can (and a little more: any run of spaces).

Examples:
    >>> core, raw, longest = compile_name("BGM-109")
    >>> import re
    >>> bool(re.fullmatch(core, "bgm 109")), bool(re.fullmatch(core, "BGM109"))
    (True, True)
"""

from __future__ import annotations

import functools
import re

__all__ = ["MAX_GAP", "compile_name", "gap_letters_digits"]

_SPACE = r"[\t\n\x0b\x0c\r \xa0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_SPACE_BYTES = (
    rb"(?:[\t\n\x0b\x0c\r ]|\xc2\xa0|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]|\xe2\x81\x9f|\xe3\x80\x80)"
)
_HYPHEN = r"[-\u2010\u2011]"
_HYPHEN_BYTES = rb"(?:-|\xe2\x80[\x90\x91])"
_APOSTROPHE = r"['\u2019\u02bc]"
_APOSTROPHE_BYTES = rb"(?:'|\xe2\x80\x99|\xca\xbc)"
#: At most this many whitespace characters between two words of a name.
MAX_GAP = 16

_PIECES = re.compile(r"([^\W_]+)|(['\u2019\u02bc])|(\s+|-)|(.)", re.DOTALL)


@functools.cache
def _char_class(char: str) -> tuple[str, bytes]:
    """A pattern for one character of a name in any letter case, as str and as bytes
    (kept: names are made of few distinct characters)."""
    variants = dict.fromkeys((char, char.lower(), char.upper()))
    variants = {v: None for v in variants if len(v) == 1}
    text = "[" + "".join(re.escape(v) for v in variants) + "]"
    if all(v.isascii() for v in variants):
        return text, b"[" + b"".join(re.escape(v.encode()) for v in variants) + b"]"
    return text, b"(?:" + b"|".join(re.escape(v.encode()) for v in variants) + b")"


def compile_name(name: str) -> tuple[str, bytes, int]:
    """The exact core pattern, the prefilter pattern and the longest match in bytes."""
    text: list[str] = []
    raw: list[bytes] = []
    longest = 0
    previous = ""
    pending_gap = False
    for word, apostrophe, gap, other in _PIECES.findall(name.strip()):
        if gap:
            pending_gap = True
            continue
        if (
            pending_gap
            and (word or apostrophe or other)
            and len(previous) == 1
            and previous.isalpha()
        ):
            # After a one-letter word ("S-400", "R-17") only a hyphen: anything looser
            # after any lone letter makes the engine crawl through every word.
            text.append(_HYPHEN)
            raw.append(_HYPHEN_BYTES)
            longest += 3
            pending_gap = False
        elif pending_gap and (word or apostrophe or other):
            joinable = gap_letters_digits(previous, word)
            text.append(f"(?:{_SPACE}{{1,{MAX_GAP}}}|{_HYPHEN}){'?' if joinable else ''}")
            # Any run of spaces: a superset of the exact pattern's 1 to MAX_GAP that
            # compiles five times faster.
            raw.append(
                b"(?:" + _SPACE_BYTES + b"+|" + _HYPHEN_BYTES + b")" + (b"?" if joinable else b"")
            )
            longest += 3 * MAX_GAP
            pending_gap = False
        if word:
            for char in word:
                pattern, raw_pattern = _char_class(char)
                text.append(pattern)
                raw.append(raw_pattern)
                longest += 4
            previous = word
        elif apostrophe:
            text.append(_APOSTROPHE)
            raw.append(_APOSTROPHE_BYTES)
            longest += 3
        elif other:
            text.append(re.escape(other))
            raw.append(re.escape(other.encode()))
            longest += len(other.encode())
    return "".join(text), b"".join(raw), longest


def gap_letters_digits(before: str, after: str) -> bool:
    """Whether two words of a name meet letters-to-digits and may be written together.

    Examples:
        >>> gap_letters_digits("BGM", "109"), gap_letters_digits("Tactical", "Missile")
        (True, False)
    """
    if not before or not after:
        return False
    return before[-1].isdigit() != after[0].isdigit()
