"""Private network spaces: a dossier that belongs to one network of members.

A network is a Plone group whose id starts with ``reseau-``; a dossier names its
network (behavior ``rt.infodoc.network``) and, in the workflow state
"Réservé au réseau", is visible to that group only (local roles computed from the
dossier, ``localroles.py``). See docs/networks.md.
"""
