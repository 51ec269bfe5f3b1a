"""Keeping the dataset honest: checking it, and growing it from new documents.

Curation sits above extraction, because both checking and adding read what
``extract`` finds in a source. The modules, in the order data flows:

- :mod:`~armsref.curation.documents`: the text a document is read as (an HTML
  page's visible text);
- :mod:`~armsref.curation.intake`: ``add_source``, and the figures a source
  gives that no claim records;
- :mod:`~armsref.curation.verification`: ``verify``, every check of the dataset;
- :mod:`~armsref.curation.yamlwrite`: new entries appended to ``data/`` files
  keeping the curator's formatting (the files themselves are written as one
  change through :mod:`armsref.dataset.journal`).

Other packages import from the module that defines a name, so that importing
this package costs nothing.
"""
