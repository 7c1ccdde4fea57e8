"""Errors raised while harvesting; their messages are French (shown to users)."""


class HarvestError(Exception):
    """A harvest could not go on. ``str()`` is a French sentence."""


class OAIProtocolError(HarvestError):
    """The provider answered with one or more OAI-PMH <error> elements."""

    def __init__(self, errors, http_status=200):
        self.errors = list(errors)  # [(code, message)]
        self.http_status = http_status
        self.code = self.errors[0][0] if self.errors else "unknown"
        text = " ; ".join(f"{code}{' : ' + msg if msg else ''}" for code, msg in self.errors)
        super().__init__(f"Erreur OAI-PMH renvoyée par le fournisseur ({text}).")

    @property
    def codes(self):
        return [code for code, _ in self.errors]


class NotXMLError(HarvestError):
    """The body is not well-formed XML."""


class MalformedResponseError(HarvestError):
    """Well-formed XML that is not the OAI-PMH response that was asked for."""


class HTTPStatusError(HarvestError):
    """An HTTP error status without an OAI-PMH error body."""

    def __init__(self, status, message):
        self.status = status
        super().__init__(message)


class TransportError(HarvestError):
    """The provider stayed unreachable (timeouts, connection errors, 5xx)."""
