"""Range figures in a text and the system each belongs to, as a one-way pipeline.

Text flows text → segments → mentions → figures → cues → findings; each stage
is one module that takes what the stages before it made and never calls back
up. The modules, in that order:

- :mod:`~armsref.extraction.segments`: the text's paragraphs and sentences,
  found once;
- (mentions come from :func:`armsref.scanning.mentions.scan`);
- :mod:`~armsref.extraction.unitspots`: where a unit word is written, in one
  fast pass;
- (figures come from :mod:`armsref.lengths.figures`, read near those spots);
- :mod:`~armsref.extraction.cues`: whether the words around a figure make it
  a range;
- :mod:`~armsref.extraction.references`: names only compared with, and words
  that refer back to a system;
- :mod:`~armsref.extraction.attribution`: which system the paragraph gives it
  to;
- :mod:`~armsref.extraction.quotes`: the quote, the variant and the condition
  of each finding;
- :mod:`~armsref.extraction.pipeline`: ``extract`` and ``extract_all``, which
  run the stages and make the findings.

A document too large to hold is read in two passes with the same results:

- :mod:`~armsref.extraction.mentionindex`: its mentions (senses decided for
  the whole document) and unit words, from one scan of its bytes;
- :mod:`~armsref.extraction.streaming`: the text near the unit words read
  again block by block, each stretch once, through the same stages.
"""
