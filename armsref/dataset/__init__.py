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
- :mod:`~armsref.dataset.models`: the records (sources, systems, range
  claims, the dataset), frozen pydantic models;
- :mod:`~armsref.dataset.keys`: the key a name is compared by;
- :mod:`~armsref.dataset.loading`: finding a dataset directory, reading and
  validating its YAML into records, caching the result;
- :mod:`~armsref.dataset.lookup`: every name indexed by key; ``get`` and
  ``search``.

Writing to a dataset is :mod:`armsref.curation`'s job. Other packages import
from the module that defines a name, so that importing this package costs
nothing.
"""
