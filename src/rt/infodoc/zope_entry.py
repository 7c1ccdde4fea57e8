"""Run by ``zconsole run CONF <this file> MODULE:FUNCTION ARGS`` (``launcher.run_in_zope``).

zconsole puts the Zope root in ``app``; ``FUNCTION(app, ARGS)`` runs through
``launcher.zope_script``, which writes its exit status for the launcher.
"""

import importlib
import os
import sys

from rt.infodoc.launcher import zope_script

_here = [i for i, arg in enumerate(sys.argv) if arg.endswith("zope_entry.py")]
_target = sys.argv[_here[0] + 1] if _here else sys.argv[1]
_module, _function = _target.split(":")
_main = getattr(importlib.import_module(_module), _function)
zope_script(_main, app, _target, os.environ.get("RT_ZOPE_LABEL", "Commande"))  # noqa: F821 (app: zconsole)
