"""The one error of the desk: a list of refusals, nothing written."""

from rt.infodoc.circulation.rules.check import Refusal


class CirculationError(Exception):
    """Raised by circulation.desk before it writes anything.

    ``refusals`` are rules.check.Refusal (code + mapping; the code is also the
    message id, see rules/messages.py); ``overridable`` is True when a reason
    given by a documentaliste would let the operation through."""

    def __init__(self, refusals):
        if isinstance(refusals, Refusal):
            refusals = [refusals]
        self.refusals = list(refusals)
        super().__init__("; ".join(r.code for r in self.refusals))

    @classmethod
    def of(cls, _code, **mapping):
        return cls([Refusal(_code, mapping)])

    @property
    def overridable(self):
        return bool(self.refusals) and all(r.overridable for r in self.refusals)

    @property
    def codes(self):
        return [r.code for r in self.refusals]

    def texts(self):
        return [r.text() for r in self.refusals]
