"""What armsref shows a reader: tables of systems and the ranges sources report.

The modules, in the order a view is built:

- :mod:`~armsref.views.selection`: which systems and claims a view shows, by
  name, source and review status, and how a status is marked;
- :mod:`~armsref.views.citations`: a source's "cite as" line and fields;
- :mod:`~armsref.views.cells`: values as CSV and TSV cells, whole and safe
  to open in a spreadsheet;
- :mod:`~armsref.views.formats`: a table written in csv, tsv, html or a
  tabulate format, nothing cut, text wrapped to a width;
- :mod:`~armsref.views.tables`: the summary and claims views, as rows and as
  tables;
- :mod:`~armsref.views.disagreements`: pairs of claims that cannot both be
  true, with the reason in words;
- :mod:`~armsref.views.cards`: a system's card, with its derived span;
- :mod:`~armsref.views.columns`: the four flat tables every export writes
  (systems, variants, sources, claims): columns, types, keys;
- :mod:`~armsref.views.rows`: the dataset as those tables' flat rows, for
  every export format and :func:`armsref.frame`;
- :mod:`~armsref.views.marks`: spans of a text as nested marked segments;
- :mod:`~armsref.views.checklist`: what the dataset says of a figure a
  document gives (held, lacking, disagreeing);
- :mod:`~armsref.views.annotated`: a document's mentions and figures as marks;
- :mod:`~armsref.views.markup`: one annotated document as escaped HTML;
- :mod:`~armsref.views.chart`: the range chart (matplotlib, optional);
- :mod:`~armsref.views.page`: the self-contained annotated page.
"""
