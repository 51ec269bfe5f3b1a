"""Corpora as they come: compressed text, JSON Lines, Parquet, web archives; where mentions sit.

A corpus file holds one document (compressed text) or many (one per JSON
line, Parquet row or web-archive record); each is read as it comes, so memory
holds one document at a time, never the whole corpus. The modules, in
data-flow order:

- :mod:`~armsref.corpora.formats`: what a path holds, by its name, and how to
  open it decompressed;
- :mod:`~armsref.corpora.records`: the documents inside JSON Lines, Parquet
  and WARC files, each with its id;
- :mod:`~armsref.corpora.smallfiles`: many small plain files, counts only,
  at speed, here or in a process pool;
- :mod:`~armsref.corpora.corpusscan`: scanning any mix of files, folders and
  corpus files, one result per document, in order;
- :mod:`~armsref.corpora.lines`: the line, column and context lines of each
  mention, read from the document's text as a stream.

Heavy readers (pyarrow, warcio, zstandard) are imported only when a file needs
them; they come with the ``armsref[corpora]`` extra.
"""
