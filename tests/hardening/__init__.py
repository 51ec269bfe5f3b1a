"""Hostile inputs, one module per area, each case with the message and exit code it must get.

- ``test_writes``: kill -9, SIGTERM and a second curator during ``add-source``;
- ``test_cache``: a poisoned or planted scanner cache;
- ``test_files``: FIFOs, devices, folders and huge files wherever a file is read;
- ``test_signals``: SIGINT/SIGTERM, worker processes, ``--jobs``;
- ``test_yaml``: hostile dataset YAML (and hypothesis-generated documents);
- ``test_output``: closed stdout, a full disk, broken pipes, unprintable names;
- ``test_arguments``: wrong types for the public API (and hypothesis-generated values);
- ``test_exit_codes``: the one exit-code table, for every command.
"""
