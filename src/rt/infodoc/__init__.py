"""rt.infodoc: the documentary information system of Ressources & Territoires."""

from zope.i18nmessageid import MessageFactory

PACKAGE_NAME = "rt.infodoc"

_ = MessageFactory(PACKAGE_NAME)
