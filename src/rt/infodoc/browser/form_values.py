"""Form parameters as the plain text a view expects, whatever the client sent.

A parameter may come repeated (a list), typed by a ZPublisher suffix (``:int``,
``:record``, ``:list``) or as a file upload: code written for one string then
fails on ``.strip()`` or as a dict key, an HTTP 500. These helpers give the one
string (or the strings) a view works with, and nothing else.
"""

import re

# Control characters, lone surrogates and U+FFFE/U+FFFF: never typed in a form,
# and not representable in XML (feeds) or, for surrogates, in UTF-8.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text):
    return _NOT_TEXT.sub("", text)


def _strings(value):
    values = value if isinstance(value, (list, tuple)) else [value]
    return [clean(str(item)) for item in values if isinstance(item, (str, int))]


def text(form, name, default=""):
    """The first text value of `name` (``default`` when there is none)."""
    values = _strings(form.get(name))
    return values[0] if values else default


def texts(form, name):
    """Every text value of `name`, in order."""
    return _strings(form.get(name))
