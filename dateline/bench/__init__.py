"""``dateline bench``: measured speed, memory and growth, each printed and as JSON.

- ``pipeline``: the whole run against a bare spaCy parse of the same texts (``pipeline``);
- ``scaling``: the Dask engine with n workers against the local engine with one process;
- ``memory``: peak resident memory of a run, on a corpus and on the corpus grown n times;
- ``incremental``: adding new articles to a small and to a large store, and a rerun;
- ``serve``: the web server under concurrent clients while a run writes (``serve``);
- ``growth``: the cost of one article as it grows (``growth``).
"""
