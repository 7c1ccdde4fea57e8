"""Refusals as translated French text (Plone i18n, domain rt.infodoc)."""

from zope.i18n import translate

from rt.infodoc import _
from rt.infodoc.circulation.rules.messages import MESSAGES


def message(refusal):
    return _(MESSAGES[refusal.code], mapping={k: str(v) for k, v in refusal.mapping.items()})


def texts(error, request=None):
    return [translate(message(r), context=request) for r in error.refusals]
