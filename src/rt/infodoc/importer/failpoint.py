"""Crash on purpose at a named point, for the tests that prove a crash loses nothing.

``RT_INFODOC_FAILPOINT=after-batch-commit:2`` makes the import process die
(``os._exit``, as a SIGKILL would: no cleanup, no finally) right after the
commit of its second batch, before that batch reaches Solr. Unset, it costs one
dictionary lookup per batch.
"""

import os

ENV = "RT_INFODOC_FAILPOINT"


def failpoint(name, count):
    wanted = os.environ.get(ENV)
    if wanted and wanted == f"{name}:{count}":
        os._exit(137)
