"""What armsref shows a reader: tables of systems and the ranges sources report.

The modules, in the order a view is built:

- :mod:`~armsref.views.selection`: which claims a view shows, by review
  status, and how a status is marked;
- :mod:`~armsref.views.citations`: a source's "cite as" line and fields;
- :mod:`~armsref.views.tables`: the summary and claims views, as rows and as
  tabulate tables;
- :mod:`~armsref.views.disagreements`: pairs of claims that cannot both be
  true, with the reason in words;
- :mod:`~armsref.views.cards`: a system's card, with its derived span.
"""
