"""What the circulation services share: the JSON body, the desk, French errors."""

import json

import transaction
from plone import api
from plone.restapi.services import Service
from plone.transformchain.interfaces import DISABLE_TRANSFORM_REQUEST_KEY
from zope.i18n import translate
from zope.interface import alsoProvides

from rt.infodoc import _
from rt.infodoc.circulation import settings
from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.texts import texts


class BadInput(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class CirculationService(Service):
    """reply() runs ``self.operation(params)``; a refusal is a 400, nothing written."""

    def params(self):
        if self.request.get("REQUEST_METHOD") == "GET":
            return {k: v for k, v in self.request.form.items() if isinstance(v, str)}
        body = self.request.get("BODY") or b"{}"
        try:
            data = json.loads(body)
        except ValueError:
            raise BadInput(_("Le corps de la requête n'est pas du JSON valide.")) from None
        if not isinstance(data, dict):
            raise BadInput(
                _("Un objet JSON est attendu, par exemple {« barcode » : « RT000001 »}.")
            )
        return data

    def text(self, params, name, required=True):
        value = params.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise BadInput(_("Le champ « ${name} » est obligatoire.", mapping={"name": name}))
            return ""
        if not isinstance(value, (str, int)):
            raise BadInput(_("Le champ « ${name} » doit être un texte.", mapping={"name": name}))
        return str(value).strip()

    def desk(self):
        return settings.desk_for(api.portal.get())

    def store(self):
        return settings.store_of(api.portal.get())

    def _error(self, kind, messages, codes=(), overridable=False):
        transaction.doom()  # whatever happened, this request writes nothing
        self.request.response.setStatus(400)
        return {
            "error": {
                "type": kind,
                "message": " ".join(messages),
                "messages": messages,
                "codes": list(codes),
                "derogeable": overridable,
            }
        }

    def reply(self):
        try:
            from plone.protect.interfaces import IDisableCSRFProtection

            if self.request.get("REQUEST_METHOD") != "GET":
                alsoProvides(self.request, IDisableCSRFProtection)
                # a JSON answer: the transform chain (theme, CSRF forms) has nothing
                # to do with it, and costs a desk operation 3 to 4 % of its time
                self.request.environ[DISABLE_TRANSFORM_REQUEST_KEY] = True
            return self.operation(self.params())
        except BadInput as error:
            return self._error("BadRequest", [translate(error.message, context=self.request)])
        except CirculationError as error:
            return self._error(
                "CirculationError",
                texts(error, self.request),
                error.codes,
                error.overridable,
            )

    def operation(self, params):
        raise NotImplementedError
