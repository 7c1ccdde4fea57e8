"""Search backend of the portal: Solr first, the Plone catalog as a fallback.

`query` and `results` are pure Python (no Zope imports); `engine` is the entry point.
"""
