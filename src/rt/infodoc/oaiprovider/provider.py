"""The engine's Provider, telling the repository which format a list is for.

The engine's ``Repository.query`` takes no metadata prefix, but a list in a
MARC format must leave out the productions (oai_dc only): the repository is
told the list's prefix before the engine queries it, from the request's
``metadataPrefix`` or from its (verified) resumption token.
"""

from rt.infodoc.oaiprovider.engine import tokens
from rt.infodoc.oaiprovider.engine.provider import Provider


def _single(pairs, name):
    values = [value for key, value in pairs if key == name]
    return values[0] if len(values) == 1 else None


class PloneProvider(Provider):
    def handle(self, pairs, base_url=None):
        pairs = list(pairs)
        prefix = _single(pairs, "metadataPrefix")
        token = _single(pairs, "resumptionToken")
        if prefix is None and token is not None:
            try:
                prefix = self.read_token(token).prefix
            except tokens.TokenError:
                prefix = None  # the engine answers badResumptionToken
        self.repository.list_prefix = prefix
        return super().handle(pairs, base_url=base_url)
