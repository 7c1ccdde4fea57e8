"""Run by `zconsole run CONF scripts/zope/harvest_oai.py ARGS` (see scripts/harvest-oai).

zconsole puts the Zope root in ``app``.  The exit status is also written to
$RT_ZOPE_STATUS_FILE, so that the wrapper tells a finished run from a crash.
"""

import os
import sys
import traceback

from rt.infodoc.harvesting.cli import main

_here = [i for i, arg in enumerate(sys.argv) if arg.endswith("harvest_oai.py")]
_args = sys.argv[_here[0] + 1:] if _here else sys.argv[1:]
try:
    status = main(app, _args)  # noqa: F821 (provided by zconsole)
except SystemExit as exc:      # argparse: --help or bad options
    status = exc.code if isinstance(exc.code, int) else 2
except Exception as exc:
    traceback.print_exc()
    sys.stderr.write(f"Moissonnage interrompu : {exc.__class__.__name__}: {exc}\n")
    status = 2
if os.environ.get("RT_ZOPE_STATUS_FILE"):
    with open(os.environ["RT_ZOPE_STATUS_FILE"], "w") as stream:
        stream.write(str(status))
sys.exit(status)
