"""Controlled vocabularies kept in the registry, editable by managers."""
