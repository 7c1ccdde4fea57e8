"""plone.supermodel's handler of a RowList field, as of any list: the types control
panel shows the XML model of a Notice or a Conf'At' (it had no handler: a 500)."""

from plone.supermodel.exportimport import BaseHandler

from rt.infodoc.content.rows import RowList

RowListHandler = BaseHandler(RowList)
