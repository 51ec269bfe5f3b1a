"""What armsref shows a reader: tables of systems and the ranges sources report.

- :mod:`~armsref.views.tables`: the summary and claims views, as rows and as
  tabulate tables.
"""
