"""Send a batch of objects to Solr in one request, beside a bulk write (Zope).

collective.solr indexes each object through the indexing queue at commit, one
atomic update per object, and its commit rebuilds the title suggester each time.
Objects written in bulk never enter that queue (see ``values.py``); this
module builds the same documents as collective.solr's ``getData`` (its rules
applied from a per-schema plan, ``FieldPlan``, with its own type handlers) and
``prepareData`` (``allowedRolesAndUsers`` with ``$``),
posts a whole batch as one JSON request from a background thread while the next
batch is prepared, and commits once at the end of the run (the suggester is built
on that one commit).

Documents are full documents (not atomic ``set`` updates): for a new Notice the
result is the same; for an updated one, a field that became empty leaves Solr too.
"""

import json
import logging
import queue
import threading

import requests
from collective.solr.indexer import handlers as solr_handlers
from collective.solr.utils import prepareData
from collective.solr.utils import translation_map

from rt.infodoc.search import config

logger = logging.getLogger("rt.infodoc.search")

POST_TIMEOUT = 120


class FieldPlan:
    """collective.solr's ``getData`` rules, looked up once per schema field.

    For each field of the Solr schema: its type handler (dates, numbers), or the
    separator that joins a list sent to a single-valued field.  ``data(values)``
    then applies them to an ``IndexValues`` as ``getData`` would: a name the
    values do not have is left out, as is a value the handler refuses; sets become
    lists, bytes text, ``image_scales`` JSON.  tests/search/bulk/test_solr.py
    compares the documents with the ones collective.solr sends itself.
    """

    def __init__(self, schema):
        self.fields = []
        for name, field in schema.items():
            if not isinstance(field, dict) or "class_" not in field:
                continue  # requiredFields, uniqueKey...: not fields
            handler = solr_handlers.get(field.class_)
            separator = None
            if handler is None and not field.get("multiValued", False):
                separator = getattr(field, "separator", " ")
            self.fields.append((name, handler, separator))
        self.required = tuple(schema.get("requiredFields") or ())

    def data(self, values):
        """(field data, names of required fields without a value)."""
        data = {}
        for name, handler, separator in self.fields:
            try:
                value = getattr(values, name)
                if callable(value):
                    value = value()
            except AttributeError:
                continue
            if isinstance(value, set):
                value = list(value)
            if handler is not None:
                try:
                    value = handler(value)
                except AttributeError:
                    continue
            elif separator is not None and isinstance(value, (list, tuple)):
                value = separator.join(value)
            if isinstance(value, bytes):
                value = value.decode("utf-8")
            if name == "image_scales":
                value = json.dumps(dict(value))
            data[name] = value
        return data, [name for name in self.required if name not in data]


def _text(value):
    return str(value).translate(translation_map)


def to_json_doc(data):
    """collective.solr's field data as a JSON document (values as its XML sends them)."""
    doc = {}
    for name, value in data.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            if not value:
                continue
            doc[name] = [_text(v) for v in value]
        else:
            doc[name] = _text(value)
    return doc


def solr_manager():
    """collective.solr's connection manager when it is on and Solr answers, else None."""
    from collective.solr.interfaces import ISolrConnectionManager
    from zope.component import queryUtility

    if not config.solr_active():
        return None
    manager = queryUtility(ISolrConnectionManager)
    if manager is None:
        return None
    try:
        if manager.getSchema() is None:
            return None
    except Exception:  # Solr down: the documents wait for the catch-up
        logger.warning("Solr schema unavailable, bulk indexing disabled", exc_info=True)
        return None
    return manager


class DocumentBuilder:
    """Solr documents of indexed values, as collective.solr would send them."""

    def __init__(self, manager):
        schema = manager.getSchema()
        self.plan = FieldPlan(schema)
        self.unique_key = schema.get("uniqueKey", None) or "UID"

    def document(self, values):
        """The JSON document of an ``IndexValues``, or None (collective.solr skips it)."""
        data, missing = self.plan.data(values)
        if not data or missing:
            return None
        prepareData(data)
        data.pop("links", None)  # collective.solr's DefaultAdder drops it too
        if data.get(self.unique_key) is None:
            return None
        return to_json_doc(data)


class SolrPoster:
    """Posts JSON batches to ``<core>/update`` one after the other in a thread.

    ``send(docs, token)`` returns at once; ``done()`` gives the tokens of the batches
    Solr accepted since the last call; ``finish(commit=True)`` waits for every post
    and commits once.  A failed post is logged and its token never reported done.
    """

    def __init__(self, core_url, session=None):
        self.core_url = core_url
        self.session = session or requests.Session()
        self._queue = queue.Queue()
        self._done = []
        self._failed = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._work, name="rt-solr-bulk", daemon=True)
        self._thread.start()
        self.posted = 0

    def _work(self):
        while True:
            job = self._queue.get()
            if job is None:
                self._queue.task_done()
                return
            docs, token = job
            try:
                self.post(docs)
            except Exception as exc:  # noqa: B902 - Solr may be down: the catch-up will send
                logger.warning("Solr bulk post failed (%s documents): %s", len(docs), exc)
                with self._lock:
                    self._failed.append(token)
            else:
                with self._lock:
                    self._done.append(token)
                    self.posted += len(docs)
            finally:
                self._queue.task_done()

    def post(self, docs, **params):
        body = json.dumps(docs, ensure_ascii=False).encode("utf-8")
        response = self.session.post(
            f"{self.core_url}/update",
            params={"wt": "json", **params},
            data=body,
            headers={"Content-Type": "application/json; charset=utf-8"},
            timeout=POST_TIMEOUT,
        )
        response.raise_for_status()

    def send(self, docs, token=None):
        self._queue.put((docs, token))

    def done(self):
        with self._lock:
            done, self._done = self._done, []
        return done

    def failed(self):
        with self._lock:
            failed, self._failed = self._failed, []
        return failed

    def wait(self):
        self._queue.join()

    def commit(self):
        """One hard commit: the documents become searchable, the suggester is built."""
        self.post([], commit="true")

    def close(self):
        self._queue.put(None)
        self._thread.join(timeout=POST_TIMEOUT)
