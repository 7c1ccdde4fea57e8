"""REST (plone.restapi): a RowList field reads and writes a JSON list of objects.

GET gives the stored rows as they are (the default list serializer).  PATCH and
POST go through :class:`RowsDeserializer`: every row is checked and a bad one is
named in French ("Auteurs, ligne 2 : le nom est obligatoire."), the request then
answers 400 and nothing is written.  French words are accepted where codes are
stored ("Collectivité", "Auteur principal", "Traducteur").
"""

from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces.browser import IBrowserRequest
from zope.schema.interfaces import ValidationError

from rt.infodoc import _
from rt.infodoc.content import structured
from rt.infodoc.content.rows import IRowList
from rt.infodoc.content.rows import ISpeakerRow
from rt.infodoc.vocabularies.rows import function_terms

MESSAGES = {
    structured.NOT_A_LIST: _("${field} : une liste de lignes est attendue."),
    structured.NOT_AN_OBJECT: _(
        "${field}, ligne ${row} : un objet {« name » : …} est attendu, pas ${detail}."
    ),
    structured.UNKNOWN_KEY: _(
        "${field}, ligne ${row} : la clé « ${detail} » est inconnue (clés possibles : ${keys})."
    ),
    structured.NOT_TEXT: _("${field}, ligne ${row} : « ${detail} » doit être un texte."),
    structured.NO_NAME: _("${field}, ligne ${row} : le nom est obligatoire."),
    structured.BAD_KIND: _(
        "${field}, ligne ${row} : type « ${detail} » inconnu "
        "(person pour une personne, corporate pour une collectivité)."
    ),
    structured.BAD_ROLE: _(
        "${field}, ligne ${row} : responsabilité « ${detail} » inconnue "
        "(main : auteur principal, coauthor : autre auteur, secondary : auteur secondaire)."
    ),
    structured.BAD_FUNCTION: _(
        "${field}, ligne ${row} : fonction « ${detail} » inconnue : un code de fonction "
        "UNIMARC est attendu (070 : auteur, 340 : éditeur scientifique, 730 : traducteur…)."
    ),
}


@implementer(IFieldDeserializer)
@adapter(IRowList, IDexterityContent, IBrowserRequest)
class RowsDeserializer(DefaultFieldDeserializer):
    def __call__(self, value):
        if value is None:
            value = []
        if self.field.value_type.schema is ISpeakerRow:
            rows, problems = structured.check_speakers(value)
            keys = structured.SPEAKER_KEYS
        else:
            known = [t.value for t in function_terms(self.context)]
            rows, problems = structured.check_authors(value, known)
            keys = structured.AUTHOR_KEYS
        if problems:
            raise ValueError(" ".join(self._say(problem, keys) for problem in problems))
        try:
            self.field.bind(self.context).validate(rows)
        except ValidationError as exc:  # a row the checks above let through
            raise ValueError(
                translate(
                    _("${field} : valeur refusée (${error}).", mapping=self._mapping(exc)),
                    context=self.request,
                )
            ) from exc
        return rows

    def _mapping(self, error):
        return {"field": translate(self.field.title, context=self.request), "error": str(error)}

    def _say(self, problem, keys):
        row, code, detail = problem
        mapping = {
            "field": translate(self.field.title, context=self.request),
            "row": row,
            "detail": detail,
            "keys": ", ".join(keys),
        }
        return translate(_(MESSAGES[code], mapping=mapping), context=self.request)
