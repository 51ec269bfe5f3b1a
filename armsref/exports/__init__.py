"""Exports: the dataset as files that spreadsheets, pandas, SQLite and Datasette open.

Every format is built from the same flat rows (:mod:`armsref.views.rows`), of
the tables :mod:`armsref.views.columns` describes (systems, variants, sources,
claims). The modules, in the order an export is made:

- :mod:`~armsref.exports.staging`: a file or folder written beside its target
  and renamed into place, so that a reader never sees half an export, and an
  existing one is replaced only when asked;
- :mod:`~armsref.exports.csvfiles`: spreadsheet-safe CSV, one file per table;
- :mod:`~armsref.exports.jsonlines`: JSON Lines, one object per row with its
  ``table``;
- :mod:`~armsref.exports.sqlitedb`: a SQLite database built with sqlite-utils,
  with keys and full-text search on quotes;
- :mod:`~armsref.exports.datasette`: the Datasette ``metadata.json`` written
  beside the database;
- :mod:`~armsref.exports.datapackage`: a Frictionless data package (CSVs and
  ``datapackage.json`` with their table schemas);
- :mod:`~armsref.exports.writing`: :func:`~armsref.exports.writing.export`,
  which picks the format;
- :mod:`~armsref.exports.frames`: :func:`armsref.frame`, a table as a pandas
  DataFrame.

Only :mod:`~armsref.exports.sqlitedb` imports sqlite-utils, and only
:mod:`~armsref.exports.frames` imports pandas: both are optional extras
(``armsref[datasette]``, ``armsref[pandas]``).
"""
