"""Lengths as people write them: units, numbers, figures with their hedges, and comparing them.

This package knows nothing of weapon systems or of the dataset; everything
above it uses it. Its modules, in the order data flows through them:

- :mod:`~armsref.lengths.units`: the length units (defined in
  ``lengths.txt``), parsing a quantity, converting between units;
- :mod:`~armsref.lengths.numberwords`: numbers written in words;
- :mod:`~armsref.lengths.hedges`: qualifiers, and how a figure reads with its hedge;
- :mod:`~armsref.lengths.figures`: the figure grammar shared by ``convert``
  and ``extract``: value, unit, hedge, span and second unit;
- :mod:`~armsref.lengths.precision`: how precisely a figure was stated, and
  showing it in another unit no more precisely than that;
- :mod:`~armsref.lengths.compare`: the span of hedged figures, and which
  pairs cannot both be true.

Other packages import from the module that defines a name, so that importing
this package costs nothing.
"""
