"""The "Vocabulaires documentaires" control panel."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout

from rt.infodoc import _
from rt.infodoc.vocabularies.settings import REGISTRY_PREFIX
from rt.infodoc.vocabularies.settings import IVocabularySettings


class VocabulariesEditForm(RegistryEditForm):
    schema = IVocabularySettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Vocabulaires documentaires")
    description = _(
        "Les listes de thématiques, types de document, territoires et sites relais "
        "utilisées pour cataloguer et proposées comme facettes de recherche."
    )


VocabulariesControlPanel = layout.wrap_form(VocabulariesEditForm, ControlPanelFormWrapper)
