"""PUT, DELETE and the other WebDAV methods sent to ``<site>/oai`` get a 405.

Zope treats any method but GET, POST and HEAD as WebDAV and then insists that the
last name of the path be a real item of its container (so that PUT can create
it): ``oai`` is a view, so ZPublisher raised AttributeError, a 500, before the view
could answer. A request whose path ends with ``/oai`` is flagged as not WebDAV when
publication starts (as plone.rest does for its services), and the view's
``refuse`` answers 405 with ``Allow: GET, POST``. (Nothing in the portal is edited
over WebDAV.)
"""

VIEW_NAME = "oai"


def not_webdav_for_oai(event):
    request = event.request
    path = (request.get("PATH_INFO") or "").rstrip("/")
    if path.endswith((f"/{VIEW_NAME}", f"/@@{VIEW_NAME}")):
        request.maybe_webdav_client = 0
