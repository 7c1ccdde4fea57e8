"""The Python process of a Zope server: its garbage collector, set once Zope has
started, and its stop signals.

After start-up a Zope process holds about 270,000 objects the collector tracks
(Plone's modules, the component registries, the ZCML), which live as long as the
process. Each full collection walks all of them, and the ZODB cache's objects
besides: measured under the desk bench, each took 150 to 210 ms, during which no
thread of the process runs (docs/BENCHMARKS.md). Once the application is built,
this filter collects what start-up left as garbage, then moves everything left
into the collector's permanent generation (``gc.freeze()``): full collections
then walk only what came after start-up (15 to 30 ms in the same bench).

Declared in the instance's pipeline (instance/zope.ini.in, buildout.cfg):

    [filter:interpreter]
    use = egg:rt.infodoc#interpreter

It also makes SIGTERM and Ctrl-C a graceful stop: the requests under way end,
then what the process's threads hold is written (graceful_stop.py). Requests go
through unchanged; the filter only counts those under way.
"""

import gc
import logging

from rt.infodoc.publication import graceful_stop

logger = logging.getLogger(__name__)


def freeze():
    """Free start-up's garbage, then freeze what remains; how many objects."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def make_filter(global_conf, **local_conf):
    """PasteDeploy's filter factory. PasteDeploy builds the application (Zope's
    start-up: the configuration, the database) before the pipeline's filters,
    so this runs once start-up is over."""
    logger.info("garbage collector: %d objects of start-up frozen", freeze())
    return graceful_stop.install
