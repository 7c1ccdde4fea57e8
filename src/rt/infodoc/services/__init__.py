"""REST services (plone.restapi) of rt.infodoc."""
