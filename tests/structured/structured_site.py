"""What the tests of the structured fields share: the rows of the site they make, and
a browser-like form client (requests + lxml) for the edit forms."""

import requests
from lxml import html
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

AUTH = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)

AUTHORS = [
    {"name": "Lahire, Bernard", "kind": "person", "function": "070", "role": "main"},
    {"name": "ANLCI", "kind": "corporate", "function": "651", "role": "secondary"},
]
SPEAKERS = [
    {"name": "Hervé Adami", "title": "Maître de conférences", "affiliation": "ATILF Nancy"},
]


class FormClient:
    """Fills and submits a Plone form as a browser would: every successful control
    of the form is sent (inputs, checked boxes, selected options, text areas)."""

    def __init__(self, auth=AUTH):
        self.session = requests.Session()
        self.session.auth = auth

    def open(self, url):
        response = self.session.get(url, timeout=60)
        assert response.status_code == 200, (url, response.status_code, response.text[:300])
        self.url = response.url
        self.text = response.text
        self.page = html.fromstring(response.content, base_url=response.url)
        return self.page

    def form(self, form_id="form"):
        (form,) = self.page.xpath(f"//form[@id='{form_id}']")
        return form

    @staticmethod
    def values(form):
        data = []
        for element in form.xpath(".//input|.//select|.//textarea"):
            name = element.get("name")
            if not name or element.get("disabled") is not None:
                continue
            if element.tag == "select":
                chosen = element.xpath("./option[@selected]|./optgroup/option[@selected]")
                if not chosen and element.get("multiple") is None:
                    chosen = element.xpath(".//option")[:1]
                data += [(name, option.get("value", option.text or "")) for option in chosen]
            elif element.tag == "textarea":
                data.append((name, element.text or ""))
            elif element.get("type") in ("checkbox", "radio"):
                if element.get("checked") is not None:
                    data.append((name, element.get("value", "on")))
            elif element.get("type") not in ("submit", "button", "file", "image"):
                data.append((name, element.get("value", "")))
        return data

    def submit(self, data, button="form.buttons.save", form_id="form"):
        form = self.form(form_id)
        action = form.get("action") or self.url
        (label,) = form.xpath(f".//*[@name='{button}']/@value")
        response = self.session.post(
            action, data=[*data, (button, label)], allow_redirects=True, timeout=60
        )
        self.page = html.fromstring(response.content, base_url=response.url)
        self.url = response.url
        return response
