"""Registry settings of the overdue reminders (``rt.infodoc.circulation.reminders.*``)
and the control panel "Relances des retards"."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.registry.interfaces import IRegistry
from plone.z3cform import layout
from zope import schema
from zope.component import queryUtility
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant

from rt.infodoc import _
from rt.infodoc.circulation.reminders.levels import DelayError
from rt.infodoc.circulation.reminders.levels import Delays
from rt.infodoc.circulation.reminders.texts import DEFAULT_BODIES
from rt.infodoc.circulation.reminders.texts import DEFAULT_SUBJECTS

PREFIX = "rt.infodoc.circulation.reminders"
MARKERS = _(
    "Champs remplacés dans le texte : $nom (l'emprunteur), $documents (un document "
    "par ligne, avec sa date de retour et son retard), $site (le nom du centre), "
    "$date (la date du jour)."
)


def _delay(level, default):
    return schema.Int(
        title=_(
            "Délai de la relance ${level} (jours après la date de retour)", mapping={"level": level}
        ),
        min=1,
        max=365,
        default=default,
    )


def _subject(level):
    return schema.TextLine(
        title=_("Objet du courriel de la relance ${level}", mapping={"level": level}),
        default=DEFAULT_SUBJECTS[level],
    )


def _body(level):
    return schema.Text(
        title=_("Texte de la relance ${level}", mapping={"level": level}),
        description=MARKERS,
        default=DEFAULT_BODIES[level],
    )


class IReminderSettings(Interface):
    """Three levels of reminders for loans not returned in time."""

    enabled = schema.Bool(
        title=_("Envoyer les relances automatiquement"),
        description=_("Chaque jour, par le planificateur lancé avec le portail."),
        default=True,
        required=False,
    )
    delay_1 = _delay(1, 7)
    delay_2 = _delay(2, 21)
    delay_3 = _delay(3, 45)
    subject_1 = _subject(1)
    body_1 = _body(1)
    subject_2 = _subject(2)
    body_2 = _body(2)
    subject_3 = _subject(3)
    body_3 = _body(3)

    @invariant
    def increasing_delays(data):
        try:
            Delays(data.delay_1, data.delay_2, data.delay_3)
        except DelayError as exc:
            raise Invalid(exc.args[0]) from None  # a message id, translated by the form
        except AttributeError:
            pass


def _get(name):
    registry = queryUtility(IRegistry)
    field = IReminderSettings[name]
    value = registry.get(f"{PREFIX}.{name}") if registry is not None else None
    return field.default if value is None else value


def delays():
    """The Delays of the registry (the defaults if the records are missing or bad)."""
    try:
        return Delays(_get("delay_1"), _get("delay_2"), _get("delay_3"))
    except DelayError:
        return Delays()


def texts(level):
    return _get(f"subject_{level}"), _get(f"body_{level}")


def enabled():
    return bool(_get("enabled"))


class ReminderSettingsForm(RegistryEditForm):
    schema = IReminderSettings
    schema_prefix = PREFIX
    label = _("Relances des retards")
    description = _(
        "Trois niveaux de relance pour les prêts non rendus : le délai de chacun "
        "après la date de retour et le texte envoyé par courriel. Les emprunteurs "
        "sans adresse électronique figurent sur la page « Relances à imprimer »."
    )


ReminderSettingsControlPanel = layout.wrap_form(ReminderSettingsForm, ControlPanelFormWrapper)
