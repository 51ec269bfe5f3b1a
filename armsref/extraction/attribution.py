"""Which system a range figure belongs to, by the names around it.

:class:`Reader` gives each range figure to the system the text says it
describes, using the scanner's mentions (:func:`armsref.scanning.mentions.scan`):

0. with *respectively*, by position: ``GMLRS and ATACMS reach up to 70 km and
   up to 300 km respectively`` gives the second figure to ATACMS;
1. in parentheses right after a name, to that system:
   ``the ERAM (about 285 miles, or 460 kilometers)``;
2. qualifying a name, to that system: ``the 300-km ATACMS``, ``a range of
   300 km for the ATACMS``;
3. otherwise (when the words around make it a range, see :mod:`armsref.extraction.cues`)
   to the nearest name before it in the same sentence, passing over names that
   are only compared with (``than the ERAM``, ``unlike the Tomahawk``) unless a
   clause of their own follows (``unlike the ERAM, whose range is...``), names
   a *which* clause is not about (``the ATACMS and its successor, which
   can...``) and names that are the object of *can strike* or *can shoot
   down*; names joined by *and* or commas (``ATACMS and ERAM missiles
   can...``) each get it;
4. where the sentence names none before it but says *it*, *its* or *the
   missile*, to the system of the sentence before, if that sentence names
   exactly one system, or else to the one system named later in the same
   sentence (``Its 185-mile range makes the ATACMS...``);
5. to a name right after it: ``With a range of 300 km, the ATACMS...``;
6. where no weapon is named before it in its paragraph and its sentence
   speaks of a weapon ("a weapon with a range of 2,500 km", "missiles able to
   hit targets 450 km away"), to the first weapon the paragraph names after
   it, if that is one of the dataset's systems: ``...450 km away. The weapon,
   the ERAM, ...``.

Every rule reads within the paragraph and never past a nearer name of
another weapon system (``data/others.yaml``: HIMARS, Taurus, PrSM, Storm
Shadow, the Flamingo...): a figure whose nearest name is another system's is
given to none, and so is the range of something else (``the 80-km reach of
HIMARS rockets``). Names only compared with, replaced or taken as a model,
and words that refer back, are read as :mod:`armsref.extraction.references`
says.
A figure that follows a range in the same sentence with its verb left out
(``reaches 300 km and the ERAM 460 km``, ``160 km for aircraft and 20 km for
missiles``) goes the same way. What no rule gives to a known system is given to
none: it is never guessed onto one.

Examples:
    >>> from armsref.extraction import cues, references
    >>> from armsref.extraction.segments import Segments
    >>> from armsref.lengths import figures
    >>> from armsref.scanning.mentions import scan
    >>> def given(text):
    ...     reader = Reader(Segments(text), scan(text))
    ...     for figure in figures.find(text):
    ...         cue = cues.range_cue(text, figure.start, figure.end)
    ...         for g in reader.attribute(figure, cue):
    ...             print(g.system and g.system.id, repr(text[g.start : g.end]))
    >>> given("The ATACMS reaches 300 km and the ERAM 460 km.")
    atacms 'The ATACMS reaches 300 km'
    eram 'the ERAM 460 km'
    >>> given("Ukraine wants ATACMS and Tomahawks. It has a range of 500 km.")
    None 'a range of 500 km'
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from armsref.extraction import cues, references

if TYPE_CHECKING:
    from armsref.dataset.models import System
    from armsref.extraction.segments import Segments
    from armsref.lengths import figures
    from armsref.scanning.mentions import Mention

__all__ = ["Given", "Reader"]

_ANTECEDENT_REACH = 600
#: A name right after a preposition is an object, not the subject a reference points at:
#: "Patriot became famous in the Gulf War against Iraqi Scuds."
_OBJECT = re.compile(
    r"(?<![\w-])(?:against|into|towards?)\s+"
    r"(?:the\s+|an?\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
#: A sentence that speaks of a weapon without naming it (rule 6).
_A_WEAPON = re.compile(
    r"(?<![\w-])(?:weapons?|missiles?|munitions?|rockets?|interceptors?)(?![\w-])", re.IGNORECASE
)
_DETERMINER = re.compile(r"(?:\b(?:the|a|an|its|their)\s+)$", re.IGNORECASE)
_PAREN_AFTER_NAME = re.compile(r"(?:['’]s)?\s*\(\s*$")
_PAREN_CLOSES = re.compile(r"\s*[),;]")
_JOINED = re.compile(r"(?:\s*,\s*|\s*,?\s+and\s+|\s*&\s*)(?:the\s+)?", re.IGNORECASE)
_AFTER_GAP = re.compile(r"[\s,]*(?:(?:the|a|an|US|U\.S\.|American|[\w-]+-made)\s+){0,3}")
_ELLIPSIS = re.compile(r",?\s*")
_SAME_SUBJECT = re.compile(r"(?:\s+[A-Za-z-]+){0,4},?\s+(?:and|or|but|while)\s+", re.IGNORECASE)
_POSSESSIVE_RANGE = re.compile(r"(?:['’]s)?\s+(?:range|reach|out-?ranges)\b", re.IGNORECASE)
#: ", whose range...", ", which has...": a clause about the name right before it.
_OWN_CLAUSE = re.compile(r",\s*(?:whose|which|who)\b", re.IGNORECASE)
#: "a 300-km range of the HIMARS": the range of something named after the figure.
_OF_ANOTHER = re.compile(r"\s+of\s+(?!(?:up\s+to|about|at\s+least)\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Given:
    """A figure given to a system (or to none), and the span of its quote.

    Attributes:
        system: the system, or None when no rule gives the figure to one.
        start: where the words that tie the figure to it start in the text.
        end: where they end.
        name: the mention it was given by, or None.
        carried: where the figure only continues the one before it with its
            verb and hedge left out ("a maximum range of 120 km against aircraft
            and 60 km against missiles"), that figure: its hedge carries over.
    """

    system: System | None
    start: int
    end: int
    name: Mention | None = None
    carried: figures.Figure | None = None


class Reader:
    """Attribution over one text and its mentions, figure after figure in text order.

    The reader remembers the last sentence it found a range in, so that a figure
    whose verb or subject is left out ("...and the ERAM 460 km") can follow it.
    """

    def __init__(
        self, segments: Segments, mentions: list[Mention], others: Sequence[Mention] = ()
    ) -> None:
        self.segments = segments
        self.text = segments.text
        # Another system named as a platform ("fired from HIMARS launchers") is no subject;
        # a weapon-like name the dataset does not list ("Strong Bow missiles") is one,
        # looked for in a figure's paragraph when a figure there is first read.
        subjects = [m for m in others if not references.platform(self.text, m)]
        self.mentions = sorted((*mentions, *subjects), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self._others = {id(m) for m in subjects}
        self._listed = (*mentions, *others)
        self._paragraphs: set[int] = set()
        #: The start of the last sentence a range was found in, what was found, and its figure.
        self.ranged = -1
        self.previous: list[Given] = []
        self.figure: figures.Figure | None = None

    def _unlisted_near(self, position: int) -> None:
        """Add the unlisted weapon-like names of ``position``'s paragraph, once a paragraph."""
        low, high = self.segments.paragraph(position)
        if low in self._paragraphs:
            return
        self._paragraphs.add(low)
        for mention in references.unlisted(self.text, self._listed, low, high):
            at = bisect_left(self.starts, mention.start)
            self.mentions.insert(at, mention)
            self.starts.insert(at, mention.start)
            self._others.add(id(mention))

    def _before(self, position: int, floor: int) -> list[Mention]:
        """The mentions in ``text[floor:position]``, in order."""
        low = bisect_left(self.starts, floor)
        high = bisect_left(self.starts, position)
        return [m for m in self.mentions[low:high] if m.end <= position]

    def _after(self, position: int, ceiling: int) -> list[Mention]:
        """The mentions in ``text[position:ceiling]``, in order."""
        low = bisect_left(self.starts, position)
        high = bisect_left(self.starts, ceiling)
        return [m for m in self.mentions[low:high] if m.end <= ceiling]

    def _inside(self, position: int) -> bool:
        at = bisect_right(self.starts, position) - 1
        return at >= 0 and self.mentions[at].end > position

    def _compared(self, mention: Mention, floor: int) -> bool:
        return references.compared(self.text, mention.start, mention.end, floor)

    def attribute(self, figure: figures.Figure, cue: cues.Cue | None) -> list[Given]:
        """The findings for one figure: one per system it is given to, or one unattributed."""
        self._unlisted_near(figure.start)
        first, last = self.segments.sentence(figure.start)
        found = self._decide(figure, cue, first, last)
        if found:
            self.ranged, self.previous, self.figure = first, found, figure
        return found

    def _decide(
        self, figure: figures.Figure, cue: cues.Cue | None, first: int, last: int
    ) -> list[Given]:
        text = self.text
        before = self._before(figure.start, first)
        after = self._after(figure.end, last)
        # 0. "GMLRS and ATACMS reach 70 km and 300 km respectively": by position.
        if _RESPECTIVELY.search(text, figure.end, last):
            return self._respectively(figure, first, last)
        # 1. In parentheses right after a name.
        if (
            before
            and _PAREN_AFTER_NAME.fullmatch(text, before[-1].end, figure.start)
            and _PAREN_CLOSES.match(text, figure.end)
        ):
            return self._finding(figure, [before[-1]], before[-1].start, figure.end)
        # 2. Qualifying a name: "the 300-km ATACMS", "a range of 300 km for the ATACMS".
        if after:
            gap = cues.AFTER_NAME.fullmatch(text, figure.end, after[0].start)
            if gap and (cue is not None or not gap.group("of")):
                start = min(cue.start, figure.start) if cue else figure.start
                return self._finding(figure, [after[0]], start, after[0].end)
        if cue is None:
            return self._without_cue(figure, before, after, first)
        if self._inside(cue.word):
            return []
        if cue.kind == "after" and _OF_ANOTHER.match(text, cue.end):
            # "the 80-km reach of HIMARS rockets": the range of something not named here.
            return self._finding(figure, [], cue.start, cue.end)
        # 3. The nearest name before it that is not only compared with. After "can
        # strike" or "targets", a name is the object, not the subject: look before it.
        if cue.kind in {"capable", "away"}:
            before = self._before(cue.start, first)
        subjects = [m for m in before if not self._compared(m, first)]
        if before and _OWN_CLAUSE.match(text, before[-1].end):
            subjects = [before[-1]]  # "Unlike the ERAM, whose range is...": its own clause
        elif subjects and references.clause_about_another(text, subjects[-1].end, figure.start):
            subjects = []
        if subjects:
            group = self._group(subjects)
            return self._finding(figure, group, min(group[0].start, cue.start), cue.end)
        # 4. "It", "the missile": the one system the sentence before names.
        if references.refers(text, first, figure.start):
            named = self._antecedent(first) or self._one_named(after, first)
            if named is not None:
                # The quote runs from the name, so that it shows which system it means.
                return self._finding(figure, [named], named.start, cue.end)
        # 5. A name right after it: "With a range of 300 km, the ATACMS".
        if after and _AFTER_GAP.fullmatch(text, cue.end, after[0].start):
            return self._finding(figure, [after[0]], first, after[0].end)
        # 6. "...a weapon with a range of 2,500 km. That weapon is the Tomahawk."
        later = self._named_later(figure, first, last)
        if later is not None:
            return self._finding(figure, [later], cue.start, cue.end)
        return self._finding(figure, [], cue.start, cue.end)

    def _respectively(self, figure: figures.Figure, first: int, last: int) -> list[Given]:
        """Rule 0: the names before the sentence's first figure, paired with its figures."""
        from armsref.lengths.figures import find

        found = [f for f in find(self.text, first, last) if f.end <= last]
        starts = [f.start for f in found]
        if figure.start not in starts:
            return []
        # The last distinct systems named before the first figure, one per figure.
        named: dict[str, Mention] = {}
        floor = first
        if not self._before(found[0].start, first):
            # "The two weapons have ranges of 500 km and 1,000 km, respectively.": the
            # names are in the sentence before, in the same paragraph.
            previous = self.segments.sentence(max(0, first - 2))[0]
            floor = previous if self.segments.same_paragraph(previous, first) else first
        for mention in self._before(found[0].start, floor):
            if not self._compared(mention, floor):
                named.pop(mention.system_id, None)
                named[mention.system_id] = mention
        group = list(named.values())[-len(found) :]
        if len(group) == 1:  # one system, its versions' figures: "370 km and 1,000 km"
            group = group * len(found)
        if len(group) != len(found):
            return self._finding(figure, [], figure.start, figure.end)
        at = starts.index(figure.start)
        name = group[at]
        given = self._finding(figure, [name], name.start, figure.end)
        if at and figure.qualifier == "exact":  # "more than 240 km and 2,500 km, respectively"
            return [dataclasses.replace(g, carried=found[0]) for g in given]
        return given

    def _named_later(self, figure: figures.Figure, first: int, last: int) -> Mention | None:
        """Rule 6: the first weapon named after the figure in its paragraph, if it is ours."""
        low, high = self.segments.paragraph(figure.start)
        if self._before(figure.start, low) or not _A_WEAPON.search(self.text, first, last):
            return None
        for mention in self._after(figure.end, high):
            if not self._compared(mention, self.segments.sentence(mention.start)[0]):
                return None if id(mention) in self._others else mention
        return None

    def _without_cue(
        self, figure: figures.Figure, before: list[Mention], after: list[Mention], first: int
    ) -> list[Given]:
        """A figure with no range word of its own that the sentence still makes a range."""
        text = self.text
        if self.ranged == first and after:
            # "a range of 2,500 km, compared with 300 km for the ATACMS"
            gap = cues.AFTER_NAME.fullmatch(text, figure.end, after[0].start)
            if gap and gap.group("of"):
                return self._finding(figure, [after[0]], figure.start, after[0].end)
        if self.ranged == first:
            # "The ATACMS reaches 300 km and the ERAM 460 km": the verb is left out.
            if before and _ELLIPSIS.fullmatch(text, before[-1].end, figure.start):
                found = self._finding(figure, [before[-1]], before[-1].start, figure.end)
                return [dataclasses.replace(g, carried=self.figure) for g in found]
            # "160 km for aircraft and 20 km for missiles": the same subject goes on.
            previous = self.previous[0]
            if _SAME_SUBJECT.fullmatch(text, previous.end, figure.start):
                named = [m for m in before if m.start >= previous.end]
                if not named:
                    systems = [f.system for f in self.previous]
                    found = self._make(figure, systems, previous.start, figure.end)
                    return [dataclasses.replace(g, carried=self.figure) for g in found]
        # "At 1,000 miles, the Tomahawk's range is...": the range word follows the name.
        if (
            after
            and _AFTER_GAP.fullmatch(text, figure.end, after[0].start)
            and _POSSESSIVE_RANGE.match(text, after[0].end)
        ):
            return self._finding(figure, [after[0]], first, after[0].end)
        return []

    def _one_named(self, after: list[Mention], first: int) -> Mention | None:
        """The name a sentence that opens with "Its..." gives later, if it gives only one."""
        if any(self._compared(m, first) for m in after):
            return None
        return after[0] if len({m.system_id for m in after}) == 1 else None

    def _group(self, subjects: list[Mention]) -> list[Mention]:
        """The nearest name, with the names joined to it by "and" or commas."""
        group = [subjects[-1]]
        for mention in reversed(subjects[:-1]):
            if not _JOINED.fullmatch(self.text, mention.end, group[0].start):
                break
            group.insert(0, mention)
        return group

    def _antecedent(self, first: int) -> Mention | None:
        """The one system the nearest sentence before ``first`` that names a weapon names.

        Only in the same paragraph; a sentence naming another weapon system, or
        two systems, names no antecedent.
        """
        at = bisect_left(self.starts, first) - 1
        if at < 0 or first - self.mentions[at].end > _ANTECEDENT_REACH:
            return None
        last = self.mentions[at]
        if not self.segments.same_paragraph(last.start, first):
            return None
        start, _ = self.segments.sentence(last.start)
        named = [
            m
            for m in self._before(first, start)
            if not self._compared(m, start) and not _OBJECT.search(self.text, start, m.start)
        ]
        if len({m.system_id for m in named}) != 1 or id(named[-1]) in self._others:
            return None
        return named[-1]

    def _finding(
        self,
        figure: figures.Figure,
        named: list[Mention],
        start: int,
        end: int,
    ) -> list[Given]:
        text = self.text
        start, end = min(start, figure.start), max(end, figure.end)
        det = _DETERMINER.search(text, max(0, start - 8), start)
        start = det.start() if det else start
        if text.count("(", start, end) > text.count(")", start, end):
            closing = _PAREN_CLOSES.match(text, end)
            if closing and text[closing.end() - 1] == ")":
                end = closing.end()
        # Another weapon system's name alone: the figure is given to none of ours. Named
        # together with ours ("the Storm Shadow and the ATACMS have ranges around 300 km"),
        # ours keep it.
        ours = [m for m in named if id(m) not in self._others]
        return self._make(figure, [m.system for m in ours], start, end, ours)

    def _make(
        self,
        figure: figures.Figure,
        named: list[System | None],
        start: int,
        end: int,
        mentions: Sequence[Mention] = (),
    ) -> list[Given]:
        systems: list[System | None] = list(dict.fromkeys(named)) or [None]
        by_system = {m.system.id: m for m in reversed(mentions)}
        return [Given(s, start, end, by_system.get(s.id) if s else None) for s in systems]
