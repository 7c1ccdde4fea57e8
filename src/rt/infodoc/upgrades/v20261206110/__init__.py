"""-> 20261206110: no navigation portlet at the site's root.

Plone's navigation box showed, on every record and production page, only the
page being read. The profile's portlets.xml takes it away; this step imports
that file on existing sites. Safe to run twice.
"""
