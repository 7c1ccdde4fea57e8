"""Choice lists of the author rows of a Notice: function, role, kind.

The function list is the UNIMARC relator list (:mod:`.relators`).  A Notice
imported from a MARC 21 record may hold another code ("aut") or a word: the
list bound to that Notice offers its own stored values too, named, so that
editing the Notice keeps them instead of dropping them silently.
"""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from rt.infodoc import _
from rt.infodoc.content.structured import rows_of
from rt.infodoc.vocabularies.relators import relator_label
from rt.infodoc.vocabularies.relators import sorted_relators

ROLE_TERMS = (
    ("main", _("Auteur principal")),
    ("coauthor", _("Autre auteur")),
    ("secondary", _("Auteur secondaire")),
)
KIND_TERMS = (
    ("person", _("Personne")),
    ("corporate", _("Collectivité")),
)


def _token(value):
    """A form token for any stored text (codes are ASCII; words may not be)."""
    return value if value.isascii() and value.isalnum() else "x-" + value.encode("utf-8").hex()


def _stored_functions(context):
    """Function values stored on the Notice being edited (context), in order."""
    found = []
    for row in rows_of(getattr(context, "authors", None)):
        value = row.get("function")
        if isinstance(value, str) and value.strip() and value not in found:
            found.append(value)
    return found


def function_terms(context=None):
    terms = [
        SimpleTerm(value=code, token=code, title=f"{label} ({code})")
        for code, label in sorted_relators()
    ]
    known = {term.value for term in terms}
    for value in _stored_functions(context):
        if value in known:
            continue
        label = relator_label(value)
        title = (
            _("${label} (code d'origine ${code})", mapping={"label": label, "code": value})
            if label
            else _("${word} (mention d'origine)", mapping={"word": value})
        )
        terms.append(SimpleTerm(value=value, token=_token(value), title=title))
        known.add(value)
    return terms


@provider(IVocabularyFactory)
def AuthorFunctionsVocabulary(context=None):
    return SimpleVocabulary(function_terms(context))


@provider(IVocabularyFactory)
def AuthorRolesVocabulary(context=None):
    return SimpleVocabulary([SimpleTerm(v, v, t) for v, t in ROLE_TERMS])


@provider(IVocabularyFactory)
def AuthorKindsVocabulary(context=None):
    return SimpleVocabulary([SimpleTerm(v, v, t) for v, t in KIND_TERMS])
