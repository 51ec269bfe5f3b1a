"""Finding system names in text at speed: which systems a document mentions, and where.

Text flows bytes → candidate places → confirmed mentions → per-document
tallies. The modules, in that order:

- :mod:`~armsref.scanning.htmltext`: the visible text of an HTML page;
- :mod:`~armsref.scanning.senses`: what a name is (plain, acronym, everyday
  word) and what the words right next to it decide;
- :mod:`~armsref.scanning.evidence`: the weapon and other-sense words around it;
- :mod:`~armsref.scanning.acronyms`: acronyms a text spells out;
- :mod:`~armsref.scanning.discourse`: one sense per document, a scored decision;
- :mod:`~armsref.scanning.patterns`: how one name becomes an exact pattern
  and a prefilter;
- :mod:`~armsref.scanning.matcher`: every name in the dataset as forms, the
  candidates they match, and the exact rules over a whole text;
- :mod:`~armsref.scanning.anchors`: the plain literal that anchors each name
  in the engine, and names whose first words meet at an odd gap;
- :mod:`~armsref.scanning.re2engine`: the prefilter with RE2, where Hyperscan
  has no wheel;
- :mod:`~armsref.scanning.engine`: the compiled multi-pattern prefilter
  (Hyperscan, RE2 or Python ``re``);
- :mod:`~armsref.scanning.dbcache`: the engine's on-disk cache, checked
  against what it was built from before use;
- :mod:`~armsref.scanning.stream`: the exact rules over a stream of blocks,
  in bounded memory;
- :mod:`~armsref.scanning.mentions`: ``scan`` and ``systems_in`` over a text
  in memory;
- :mod:`~armsref.scanning.documents`: one file or standard input;
- :mod:`~armsref.scanning.pool`: many documents in several processes;
- :mod:`~armsref.scanning.paths`: files, folders and ``-``, here or in the pool.

Other packages import from the module that defines a name, so that importing
this package costs nothing.
"""
