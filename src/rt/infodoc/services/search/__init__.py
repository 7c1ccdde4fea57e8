"""@search (plone.restapi) with its malformed queries refused."""
