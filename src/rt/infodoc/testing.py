"""Test layers of rt.infodoc (plone.app.testing)."""

from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
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
        portal.setLanguage("fr") if hasattr(portal, "setLanguage") else None
        applyProfile(portal, "rt.infodoc:default")


RT_INFODOC_FIXTURE = RtInfodocLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(RT_INFODOC_FIXTURE,), name="RtInfodocLayer:IntegrationTesting"
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(RT_INFODOC_FIXTURE, WSGI_SERVER_FIXTURE),
    name="RtInfodocLayer:FunctionalTesting",
)
