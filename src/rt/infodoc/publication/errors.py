"""The exception a check raises for a parameter the site cannot use."""

from zExceptions import BadRequest


class InvalidParameter(BadRequest):
    """HTTP 400 whose message (French, without the refused value) is shown as is
    by bad_form.BadFormView."""
