"""Behavior ``rt.infodoc.thematic``: the centre's themes and the territory."""

from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import provider

from rt.infodoc import _


@provider(IFormFieldProvider)
class IThematic(model.Schema):
    """Themes and territories, shared by the fund and the productions."""

    model.fieldset(
        "indexation",
        label=_("Indexation"),
        fields=["themes", "territory"],
    )

    directives.widget("themes", CheckBoxFieldWidget)
    themes = schema.List(
        title=_("Thématiques"),
        value_type=schema.Choice(vocabulary="rt.infodoc.themes"),
        required=False,
        default=[],
    )

    directives.widget("territory", CheckBoxFieldWidget)
    territory = schema.List(
        title=_("Territoire"),
        description=_("Départements d'Occitanie concernés, ou échelon régional ou national."),
        value_type=schema.Choice(vocabulary="rt.infodoc.territories"),
        required=False,
        default=[],
    )
