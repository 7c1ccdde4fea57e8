"""The import run as its batches' subscribers see it, and the batch event (Zope)."""

import logging

from zope.interface import implementer

from .interfaces import IBatchWritten
from .interfaces import IImportRun
from .interfaces import IImportRunHelper

logger = logging.getLogger("rt.infodoc.importer")


@implementer(IBatchWritten)
class BatchWritten:
    def __init__(self, site, run, created, updated):
        self.site = site
        self.run = run
        self.created = list(created)
        self.updated = list(updated)


@implementer(IImportRun)
class ImportRun:
    def __init__(self, site, run_id):
        self.site = site
        self.run_id = run_id
        self._helpers = {}

    def helper(self, name, factory):
        helper = self._helpers.get(name)
        if helper is None:
            helper = self._helpers[name] = IImportRunHelper(factory())
        return helper

    def before_commit(self):
        for helper in list(self._helpers.values()):
            helper.before_commit()

    def after_commit(self):
        for helper in list(self._helpers.values()):
            helper.after_commit()

    def abort(self):
        for helper in list(self._helpers.values()):
            helper.abort()

    def close(self):
        """The run ended: each helper closes, in the run's last transaction."""
        for helper in self._ended():
            helper.close()

    def stop(self):
        """The run failed: each helper stops; one failing does not keep the others
        from stopping (the run's own error is the one raised)."""
        for helper in self._ended():
            try:
                helper.stop()
            except Exception:  # noqa: B902
                logger.exception("stopping %r after a failed import failed", helper)

    def _ended(self):
        helpers, self._helpers = list(self._helpers.values()), {}
        return helpers
