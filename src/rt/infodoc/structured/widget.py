"""The grid widget of a :class:`~rt.infodoc.content.rows.RowList` field.

collective.z3cform.datagridfield's widget with reordering on (the order of the
authors is the order of the record), its own French templates (``templates/``),
and a title on each cell's input so that it has an accessible name in a table
whose headers are not ``<label>`` elements.
"""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldConverter
from collective.z3cform.datagridfield.datagridfield import DataGridFieldObjectWidget
from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from z3c.form import field
from z3c.form.interfaces import NO_VALUE
from z3c.form.interfaces import IDataConverter
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IFormLayer
from z3c.form.widget import FieldWidget
from zope.component import adapter
from zope.component import getMultiAdapter
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
    input_table_css_class = "table table-sm rt-rows-table rt-keep-table"  # reflows itself
    klass = "datagridfield rt-rows"

    def createObjectWidget(self, idx):
        widget = FieldWidget(self.field.value_type, RowWidget(self.request))
        widget.setErrors = idx not in ("TT", "AA")
        widget.context = self.context  # its cells are validated against the content
        return widget


@implementer(IRowWidget)
class RowWidget(DataGridFieldObjectWidget):
    def setupWidgets(self):
        """ObjectWidget's, the cells bound to the form's content (the Notice being
        edited, the folder of an add form) instead of None: their choice lists are
        that content's (rt.infodoc.author_functions offers the Notice's own codes).
        The cells still read nothing from it (ignoreContext)."""
        self.setupFields()
        self.prefix = self.name
        content = getattr(getattr(self, "form", None), "context", None)
        self.widgets = field.FieldWidgets(self, self.request, content)
        self.widgets.mode = self.mode
        self.widgets.ignoreContext = True
        self.widgets.ignoreRequest = self.ignoreRequest
        self.widgets.update()

    def updateWidgets(self, *args, **kwargs):
        super().updateWidgets(*args, **kwargs)
        for widget in self.widgets.values():
            widget.title = translate(widget.label, context=self.request)

    def cells(self):
        """The row's visible cells (their widgets), in the order of the columns."""
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
        if not value:
            return []
        normalize = getattr(self.field, "normalize", None)
        rows = normalize(value) if normalize is not None else value
        # The rows' converter works through a row widget of this grid (its cells
        # bound to the content, so that a Notice's own function codes are tokens);
        # datagridfield's would use a bare widget whose cells know no content.
        probe = self.widget.getWidget("probe")
        converter = getMultiAdapter((self.field.value_type, probe), IDataConverter)
        return [converter.toWidgetValue(row) for row in rows]

    def toFieldValue(self, value):
        # a row posted without its marker (never by the page) is no row, not an error
        value = [row for row in value or () if row is not NO_VALUE]
        rows = list(super().toFieldValue(value) or [])
        normalize = getattr(self.field, "normalize", None)
        return normalize(rows) if normalize is not None and rows else rows
