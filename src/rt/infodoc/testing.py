"""Test layers of rt.infodoc (plone.app.testing)."""

from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.testing.zope import WSGI_SERVER_FIXTURE

import rt.infodoc


class RtInfodocLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import plone.app.dexterity
        import plone.restapi

        self.loadZCML(package=plone.app.dexterity)
        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=rt.infodoc)

    def setUpPloneSite(self, portal):
        # The test site speaks French, like the real one (scripts/create-site).
        portal.portal_registry["plone.default_language"] = "fr"
        portal.portal_registry["plone.available_languages"] = ["fr"]
        applyProfile(portal, "rt.infodoc:default")
        # collective.solr stays off here; RT_INFODOC_SOLR_FIXTURE switches it on
        # against its own Solr, so these layers never talk to a development Solr.
        portal.portal_registry["collective.solr.active"] = False


RT_INFODOC_FIXTURE = RtInfodocLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(RT_INFODOC_FIXTURE,), name="RtInfodocLayer:IntegrationTesting"
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(RT_INFODOC_FIXTURE, WSGI_SERVER_FIXTURE),
    name="RtInfodocLayer:FunctionalTesting",
)


# ------------------------------------------------------------------ real Solr


class SolrProcess:
    """A real Solr (scripts/solr) on a free port, with its own SOLR_VAR."""

    def __init__(self):
        import socket
        import tempfile
        from pathlib import Path

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.var = tempfile.mkdtemp(prefix="rt-infodoc-solr-")
        self.script = Path(__file__).resolve().parents[3] / "scripts" / "solr"
        self.url = f"http://127.0.0.1:{self.port}/solr/plone"

    def _run(self, command, timeout=600):
        import os
        import subprocess

        env = {k: v for k, v in os.environ.items() if not k.startswith("SOLR_")}
        env.update(SOLR_PORT=str(self.port), SOLR_VAR=self.var)
        result = subprocess.run(
            [str(self.script), command], env=env, capture_output=True, text=True, timeout=timeout
        )
        if result.returncode != 0 and command != "stop":
            raise RuntimeError(f"scripts/solr {command}: {result.stdout}{result.stderr}")
        return result

    def start(self):
        self._run("start")

    def stop(self):
        self._run("stop", timeout=120)

    def remove(self):
        import shutil

        shutil.rmtree(self.var, ignore_errors=True)


class RtInfodocSolrLayer(PloneSandboxLayer):
    """rt.infodoc with collective.solr on, against a Solr started for the layer."""

    defaultBases = (RT_INFODOC_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import os

        self.solr = SolrProcess()
        self.solr.start()
        self["solr"] = self.solr
        self._saved_env = {k: os.environ.get(k) for k in ("SOLR_HOST", "SOLR_PORT", "SOLR_BASE")}
        os.environ.update(
            SOLR_HOST="127.0.0.1", SOLR_PORT=str(self.solr.port), SOLR_BASE="/solr/plone"
        )

    def setUpPloneSite(self, portal):
        from rt.infodoc.search.health import HEALTH

        registry = portal.portal_registry
        registry["collective.solr.host"] = "127.0.0.1"
        registry["collective.solr.port"] = self.solr.port
        registry["collective.solr.active"] = True
        HEALTH.forget()

    def tearDownZope(self, app):
        import os

        from rt.infodoc.search.health import HEALTH

        self.solr.stop()
        self.solr.remove()
        for key, value in self._saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        HEALTH.forget()


RT_INFODOC_SOLR_FIXTURE = RtInfodocSolrLayer()

SOLR_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(RT_INFODOC_SOLR_FIXTURE, WSGI_SERVER_FIXTURE),
    name="RtInfodocSolrLayer:FunctionalTesting",
)
