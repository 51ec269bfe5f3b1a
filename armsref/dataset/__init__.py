"""The curated dataset: records, loading them from files, and finding a system by name.

Data flows files → records → indices → answers. The modules, in that order:

- :mod:`~armsref.dataset.variants`: a system's variants and their names;
- :mod:`~armsref.dataset.regular`: reading regular files only, in bounded
  memory, with one clear message;
- :mod:`~armsref.dataset.strictyaml`: strict YAML: duplicate keys, scalars
  YAML cannot build and YAML-only types where they do not belong refused;
- :mod:`~armsref.dataset.journal`: the dataset's lock and write-ahead
  journal, so that readers never see half a change and a killed writer's
  change is completed by the next process;
- :mod:`~armsref.dataset.fields`: the checks one field of a record must pass
  (figures, units, a claim's review status);
- :mod:`~armsref.dataset.models`: the records (sources, systems, range
  claims, the dataset), frozen pydantic models;
- :mod:`~armsref.dataset.keys`: the key a name is compared by;
- :mod:`~armsref.dataset.claimids`: claim ids, checked unique and made for
  new claims;
- :mod:`~armsref.dataset.checks`: the checks across records (unique ids,
  names, files, references, figures every unit can show);
- :mod:`~armsref.dataset.usercache`: the user's cache folder, and private,
  atomically written files in it;
- :mod:`~armsref.dataset.snapshot`: a validated dataset kept in that cache,
  keyed by its files' digests, read back without YAML or validation;
- :mod:`~armsref.dataset.loading`: finding a dataset directory, reading and
  validating its YAML into records (or its snapshot), caching the result;
- :mod:`~armsref.dataset.discovery`: which dataset a command works on (git-like),
  and refusing writes to the shipped one;
- :mod:`~armsref.dataset.candidates`: the keys that can be close to a
  misspelt name, found through the characters they hold;
- :mod:`~armsref.dataset.lookup`: every name indexed by key; ``get`` and
  ``search``.
- :mod:`~armsref.dataset.schemas`: JSON Schemas of the data files, generated
  from the models, for curators' editors (``python3 -m armsref.dataset.schemas``).

Writing to a dataset is :mod:`armsref.curation`'s job. Other packages import
from the module that defines a name, so that importing this package costs
nothing.
"""
