"""A Notice object as the field-contract dict the exporters take."""

from zope.schema import getFieldsInOrder

from rt.infodoc.content.notice import INotice
from rt.infodoc.content.notice import schema_to_notice_fields

# Stored on the Notice but not part of the MARC contract dict.
_LOCAL_ONLY = ("file", "local_note", "marc_record")


def _empty(value):
    return value is None or value == "" or value == [] or value == ()


def notice_values(obj):
    """The Notice's field values (schema names), empty ones left out."""
    values = {"title": obj.title}
    for name, _field in getFieldsInOrder(INotice):
        if name in _LOCAL_ONLY:
            continue
        values[name] = getattr(obj, name, None)
    values["themes"] = list(getattr(obj, "themes", None) or [])
    values["territory"] = list(getattr(obj, "territory", None) or [])
    return {key: value for key, value in values.items() if not _empty(value)}


def notice_dict(obj):
    """The dict of docs/notice-fields.md (``language`` instead of ``doc_language``)."""
    values = notice_values(obj)
    if "isbn" in values:
        values["isbn"] = list(values["isbn"])
    if "urls" in values:
        values["urls"] = list(values["urls"])
    return schema_to_notice_fields(values)
