"""The grid widget of a :class:`~rt.infodoc.content.rows.RowList` field.

collective.z3cform.datagridfield's widget with reordering on (the order of the
authors is the order of the record), its own French templates (``templates/``),
and a title on each cell's input so that it has an accessible name in a table
whose headers are not ``<label>`` elements.
"""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldConverter
from collective.z3cform.datagridfield.datagridfield import DataGridFieldObjectWidget
from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IFormLayer
from z3c.form.widget import FieldWidget
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import implementer

from rt.infodoc.content.rows import IRowList


class IRowsWidget(Interface):
    """The grid of rows of a RowList field."""


class IRowWidget(Interface):
    """One row of the grid."""


@implementer(IRowsWidget)
class RowsWidget(DataGridFieldWidget):
    allow_insert = True
    allow_delete = True
    allow_reorder = True
    auto_append = True
    input_table_css_class = "table table-sm rt-rows-table"
    klass = "datagridfield rt-rows"

    def createObjectWidget(self, idx):
        widget = FieldWidget(self.field.value_type, RowWidget(self.request))
        widget.setErrors = idx not in ("TT", "AA")
        return widget

    def column_labels(self):
        return [translate(c["label"], context=self.request) for c in self.columns]


@implementer(IRowWidget)
class RowWidget(DataGridFieldObjectWidget):
    def updateWidgets(self, *args, **kwargs):
        super().updateWidgets(*args, **kwargs)
        for widget in self.widgets.values():
            widget.title = translate(widget.label, context=self.request)

    def cells(self):
        """(column label, widget) of the row's visible inputs."""
        return [w for w in self.widgets.values() if w.mode != "hidden"]


@adapter(IRowList, IFormLayer)
@implementer(IFieldWidget)
def RowsFieldWidget(field, request):
    return FieldWidget(field, RowsWidget(request))


@adapter(IRowList, IRowsWidget)
class RowsConverter(DataGridFieldConverter):
    """Rows stored by an earlier version (French words where the choice lists hold
    codes, JSON text) are shown in the stored shape, so saving the form keeps them."""

    def toWidgetValue(self, value):
        normalize = getattr(self.field, "normalize", None)
        if normalize is not None and value:
            value = normalize(value)
        return super().toWidgetValue(value)

    def toFieldValue(self, value):
        rows = super().toFieldValue(value)
        return list(rows or [])
