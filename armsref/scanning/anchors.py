"""What the engine looks for: plain literals that anchor each name, and where a name starts.

A database of a few thousand literal strings compiles in seconds and scans at
memory speed; the same names as patterns with word boundaries, any run of
spaces between words and start-of-match tracking take minutes (and half an
hour at five thousand systems). So each name is searched by its *anchor*, a
literal of known length that every way the exact rules let the name be
written begins with; the name's own exact pattern then decides, at
``end - len(anchor)``, whether it is there. A literal carries no word
boundary, plural or variant letter: it matches everywhere the name can, and
more (``eram`` in ``ceramic``), which the exact rules reject.

- A name without spaces or hyphens (``ATACMS``, ``BGM109``) is its own anchor,
  in any ASCII letter case; an everyday name (``Tomahawk``) only capitalised or
  in capitals, as the exact rules read it.
- A name of several words is anchored by its first two, written with one
  space, one line break or one hyphen between them (or nothing, where letters
  meet digits): ``army tactical``, ``bgm-109``. Where its first word is itself
  a name that is not an everyday word (``JASSM`` of ``JASSM-ER``), that
  name's anchor serves. Where its second word follows many first words in
  the data (``Strike`` in a thousand made-up ``X Strike Missile``), only its
  first two letters are kept (``vaqarelon st``): the literal matcher checks
  every literal that ends as the text does, and a thousand literals ending in
  `` strike`` would make each "strike" in a text cost a thousand comparisons.
- Any other spacing between the first two words (a tab, a run of spaces, a
  non-breaking space, U+2010) is rare: one more pattern finds such a gap after
  a byte a first word can end with, and :func:`odd_gaps` looks up the words on
  either side of it.
- A name with other characters in its first two words (an apostrophe, a full
  stop, a letter outside ASCII) keeps its whole prefilter pattern, compiled
  with start-of-match tracking: there are few of them.

Examples:
    >>> plan = Plan.build([("JASSM", False), ("JASSM-ER", False), ("Army Tactical", False)])
    >>> sorted((literal, owners) for literal, _, owners in plan.literals)[:3]
    [(b'army\\ntactical', (2,)), (b'army tactical', (2,)), (b'army-tactical', (2,))]
    >>> [owners for literal, _, owners in plan.literals if literal == b"jassm"]
    [(0, 1)]
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from armsref.scanning.patterns import _PIECES, gap_letters_digits

__all__ = ["GAP_RUN", "Plan", "odd_gaps"]

#: One gap the exact rules allow between two words: a run of whitespace or one hyphen.
GAP_RUN = re.compile(
    rb"(?:[\t\n\x0b\x0c\r ]|\xc2\xa0|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]|\xe2\x81\x9f|\xe3\x80\x80)+"
    rb"|-|\xe2\x80[\x90\x91]"
)
_WORD = re.compile(rb"[A-Za-z0-9]+")
_WORD_BEFORE = re.compile(rb"[A-Za-z0-9]+$")
#: A gap the literals do not spell (the byte before it comes first, from the plan).
_ODD = (
    rb"(?:[\t\x0b\x0c\r]|[ \n](?:[\t-\r ]|\xc2\xa0|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]|\xe2\x81\x9f"
    rb"|\xe3\x80\x80)|\xc2\xa0|\xe2\x80[\x80-\x8a\x90\x91\xa8\xa9\xaf]|\xe2\x81\x9f|\xe3\x80\x80)"
)
#: A second word that follows more first words than this is not put in a literal.
_COMMON = 16
#: How much of such a shared second word a literal keeps.
_OPENING = 2
#: The longest first word looked up around an odd gap.
_LONGEST_WORD = 64


def _pieces(name: str) -> list[tuple[str, str]]:
    """The name as ``(kind, text)`` pieces: ``word``, ``gap`` or ``other``."""
    pieces = []
    for word, apostrophe, gap, other in _PIECES.findall(name):
        if word:
            pieces.append(("word", word))
        elif gap:
            pieces.append(("gap", gap))
        else:
            pieces.append(("other", apostrophe or other))
    return pieces


def _ascii_word(text: str) -> bool:
    return text.isascii() and text.isalnum()


@dataclass
class Plan:
    """The literals the engine searches, the forms each anchors, and the rest.

    Attributes:
        literals: ``(literal, caseless, forms)``: the literal bytes (lower case
            when ``caseless``) and the positions of the forms it anchors.
        full: forms searched by their whole prefilter pattern.
        pairs: first word (lower case) → ``(second word, form)`` for every name
            anchored by its first two words, for :func:`odd_gaps`.
        ends: the bytes those first words end with, as a byte class.
    """

    literals: list[tuple[bytes, bool, tuple[int, ...]]] = field(default_factory=list)
    full: list[int] = field(default_factory=list)
    pairs: dict[bytes, list[tuple[bytes, int]]] = field(default_factory=dict)
    ends: bytes = b""

    @classmethod
    def build(cls, names: Sequence[tuple[str, bool]]) -> Plan:
        """The plan for each form's ``(name, everyday)``, in form order."""
        plan = cls()
        owners: dict[tuple[bytes, bool], list[int]] = {}
        words = {name.strip().lower().encode(): everyday for name, everyday in names}
        heads: dict[bytes, set[bytes]] = {}  # second word -> the first words before it
        for name, _ in names:
            split = _first_two(_pieces(name.strip()))
            if split is not None:
                heads.setdefault(split[1].lower().encode(), set()).add(split[0].lower().encode())
        common = {tail for tail, before in heads.items() if len(before) > _COMMON}
        ends: set[int] = set()
        for position, (name, everyday) in enumerate(names):
            anchors = _anchors(name.strip(), everyday, words, common)
            if anchors is None:
                plan.full.append(position)
                continue
            literals, pair = anchors
            for literal, caseless in literals:
                owners.setdefault((literal, caseless), []).append(position)
            if pair is not None:
                first, second = pair
                plan.pairs.setdefault(first, []).append((second, position))
                ends.update((first[-1], first[-1:].upper()[0]))
        plan.literals = [(lit, caseless, tuple(forms)) for (lit, caseless), forms in owners.items()]
        if ends:
            plan.ends = b"[" + b"".join(re.escape(bytes([b])) for b in sorted(ends)) + b"]"
        return plan

    def dumps(self) -> bytes:
        """The plan as one line of JSON (bytes as Latin-1 text), to keep beside its database.

        Flat lists, not one small list per literal: a plan of fifty thousand
        literals reads in a few tens of milliseconds.

        Examples:
            >>> plan = Plan.build([("ATACMS", False), ("Army Tactical", False)])
            >>> Plan.loads(plan.dumps()) == plan
            True
        """
        owners = [len(forms) for _, _, forms in self.literals]
        flat = [form for _, _, forms in self.literals for form in forms]
        pairs = [
            [first.decode("latin-1"), second.decode("latin-1"), form]
            for first, entries in self.pairs.items()
            for second, form in entries
        ]
        return json.dumps(
            [
                "\x00".join(lit.decode("latin-1") for lit, _, _ in self.literals),
                "".join("1" if caseless else "0" for _, caseless, _ in self.literals),
                owners,
                flat,
                self.full,
                pairs,
                self.ends.decode("latin-1"),
            ]
        ).encode()

    @classmethod
    def loads(cls, data: bytes) -> Plan:
        """A plan from :meth:`dumps`.

        Raises:
            ValueError: ``data`` is not such a plan.
        """
        try:
            literals, caseless, counts, flat, full, pairs, ends = json.loads(data)
            texts = literals.split("\x00") if literals else []
            if not len(texts) == len(caseless) == len(counts) or sum(counts) != len(flat):
                raise ValueError("the parts of the plan do not agree")
            if not all(type(number) is int for number in (*flat, *full)):
                raise ValueError("form positions must be whole numbers")
            plan = cls(full=full, ends=ends.encode("latin-1"))
            starts = [0, *itertools.accumulate(counts)]
            plan.literals = [
                (text.encode("latin-1"), case == "1", tuple(flat[low:high]))
                for text, case, low, high in zip(texts, caseless, starts, starts[1:], strict=False)
            ]
            for first, second, form in pairs:
                entry = (second.encode("latin-1"), int(form))
                plan.pairs.setdefault(first.encode("latin-1"), []).append(entry)
        except (TypeError, AttributeError, UnicodeError) as error:
            raise ValueError(f"not a plan: {error}") from None
        return plan

    @property
    def odd(self) -> bytes | None:
        """The pattern of a gap after a first word that the literals do not spell."""
        return self.ends + _ODD if self.ends else None


def _first_two(pieces: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The first two words of a name of several, if both are plain ASCII words."""
    gaps = [at for at, (kind, _) in enumerate(pieces) if kind == "gap"]
    if not gaps:
        return None
    first, second = pieces[: gaps[0]], pieces[gaps[0] + 1 : gaps[0] + 2]
    if len(first) != 1 or len(second) != 1 or first[0][0] != "word" or second[0][0] != "word":
        return None
    head, tail = first[0][1], second[0][1]
    return (head, tail) if _ascii_word(head) and _ascii_word(tail) else None


def _anchors(
    name: str, everyday: bool, words: dict[bytes, bool], common: set[bytes]
) -> tuple[list[tuple[bytes, bool]], tuple[bytes, bytes] | None] | None:
    """A name's literals (with whether each is caseless) and its first-word pair, or
    ``None`` if it needs its whole pattern.

    ``words`` holds every name in lower case, with whether it is an everyday
    word; ``common`` the second words that follow many first words.
    """
    if everyday:
        if not _ascii_word(name):
            return None
        return [(name.encode(), False), (name.upper().encode(), False)], None
    pieces = _pieces(name)
    if not any(kind == "gap" for kind, _ in pieces):
        if not all(text.isascii() for _, text in pieces):
            return None
        return [(name.lower().encode(), True)], None
    split = _first_two(pieces)
    if split is None:
        return None
    head, tail = split
    low_head, low_tail = head.lower().encode(), tail.lower().encode()
    if words.get(low_head) is False:
        return [(low_head, True)], None  # a name of its own, found in any case already
    if len(head) == 1 and head.isalpha():
        joins = [b"-"]  # after a one-letter word only a hyphen
    else:
        joins = [b" ", b"\n", b"-"] + ([b""] if gap_letters_digits(head, tail) else [])
    if low_tail in common:
        # "Vaqarelon Strike Missile", "Boqixen Strike Missile"...: the literal stops two
        # letters into the shared word, so that it still ends on letters of its own.
        low_tail = low_tail[:_OPENING]
    return [(low_head + join + low_tail, True) for join in joins], (low_head, low_tail)


def odd_gaps(
    data: bytes | bytearray | memoryview, ends: Sequence[int], plan: Plan
) -> list[tuple[int, int]]:
    """The ``(start, form)`` of each name whose first two words meet at an odd gap.

    ``ends`` are where the plan's :attr:`Plan.odd` pattern matched in ``data``.
    """
    found: list[tuple[int, int]] = []
    seen = -1
    for end in ends:
        at = end - 1
        while at >= 0 and data[at] not in _WORD_BYTES:
            at -= 1  # back over the gap to the first word's last byte
        if at <= seen:
            continue
        seen = at
        low = max(0, at + 1 - _LONGEST_WORD)
        before = _WORD_BEFORE.search(bytes(data[low : at + 1]))
        if before is None:
            continue
        entries = plan.pairs.get(before.group().lower())
        if not entries:
            continue
        gap = GAP_RUN.match(data, at + 1)
        after = _WORD.match(data, gap.end()) if gap is not None else None
        if after is None:
            continue
        word = after.group().lower()
        start = at + 1 - len(before.group())
        found += [(start, form) for second, form in entries if word.startswith(second)]
    return found


_WORD_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
