"""The portal's site-wide feeds and the feed links in every page's <head>.

Plone's syndication titled the portal's feed links "b'RSS 1.0'" and "b'Atom'" (a
``safe_bytes`` in plone.app.layout's viewlet) and served an empty feed at the site
root. Here the root's ``RSS``, ``rss.xml`` and ``atom.xml`` are the newest records
of the portal (rt.infodoc.browser.feeds), and the links are titled in French with
the right media type.
"""
