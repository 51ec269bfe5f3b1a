"""Keeping the dataset honest: checking it, and growing it from new documents.

Curation sits above extraction, because both checking and adding read what
``extract`` finds in a source. The modules, in the order data flows:

- :mod:`~armsref.curation.documents`: the text a document is read as (an HTML
  page's visible text);
- :mod:`~armsref.curation.workcopy`: ``init_dataset``, a working copy of the
  shipped dataset (which is never written to);
- :mod:`~armsref.curation.intake`: ``add_source``, a new document and its
  figures as unreviewed claims;
- :mod:`~armsref.curation.recorded`: the figures a source gives that no
  claim stands for, respecting the curator's edits and rejections;
- :mod:`~armsref.curation.verification`: ``verify``, every check of the dataset;
- :mod:`~armsref.curation.review`: accepting, rejecting and editing claims;
- :mod:`~armsref.curation.migration`: ids and statuses for a dataset written
  for an older armsref;
- :mod:`~armsref.curation.yamlwrite`: the one writer that changes ``data/``,
  atomically and keeping the curator's formatting (appending entries, or
  changing entries by id).

Other packages import from the module that defines a name, so that importing
this package costs nothing.
"""
