"""The page served while the database (ZEO) cannot be reached.

Plain HTML built from constants: it must render with no ZODB, no template and no
Plone tool at hand. French, with what still works and what to do.
"""

from rt.infodoc.security.headers import security_headers
from rt.infodoc.security.settings import DEFAULTS

TITLE = "Portail momentanément indisponible — Ressources & Territoires"

BODY = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0; color: #1d1d1b; background: #fff; }}
main {{ max-width: 40rem; margin: 3rem auto; padding: 0 1.25rem; line-height: 1.5; }}
h1 {{ font-size: 1.6rem; color: #7a1f3d; }}
</style>
</head>
<body>
<main>
<h1>Le portail documentaire est momentanément indisponible</h1>
<p>La base de données du site ne répond pas. Aucune page, recherche ou notice ne
peut être affichée pour l'instant ; rien de ce que vous aviez enregistré n'est
perdu.</p>
<h2>Ce qui fonctionne encore</h2>
<ul>
<li>Le centre de documentation vous accueille et prête aux heures d'ouverture ;
les relais départementaux aussi.</li>
<li>Le catalogue partagé du réseau COSOTer reste consultable sur son propre site.</li>
<li>Vous pouvez écrire ou téléphoner au centre de ressources.</li>
</ul>
<p>Réessayez dans quelques minutes : la page reviendra d'elle-même.</p>
</main>
</body>
</html>
"""

RETRY_AFTER = "60"


def outage_html():
    return BODY.format(title=TITLE).encode("utf-8")


def outage_headers(length):
    return [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(length)),
        ("Retry-After", RETRY_AFTER),
        ("Cache-Control", "no-store"),
        *security_headers(dict(DEFAULTS)),  # the site's defaults: no database to read
    ]
