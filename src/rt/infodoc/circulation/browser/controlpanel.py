"""The "Circulation" control panel: loan rules, categories, closed days, holds, RGPD delay."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout

from rt.infodoc import _
from rt.infodoc.circulation.settings import PREFIX
from rt.infodoc.circulation.settings import ICirculationSettings


class CirculationEditForm(RegistryEditForm):
    schema = ICirculationSettings
    schema_prefix = PREFIX
    label = _("Circulation")
    description = _(
        "Règles de prêt par catégorie d'emprunteur, type de document et site ; jours de "
        "fermeture ; durée de mise de côté des réservations ; délai d'anonymisation de "
        "l'historique des prêts."
    )


CirculationControlPanel = layout.wrap_form(CirculationEditForm, ControlPanelFormWrapper)
