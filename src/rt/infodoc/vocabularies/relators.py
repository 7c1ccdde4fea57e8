"""UNIMARC relator codes ($4 of 70X/71X) with their French labels (pure Python).

The list is UNIMARC/B Appendix C "Relator codes" (2004-12-01) in the French
translation of the Comité français UNIMARC (2007), as PMB ships it
(``includes/marc_tables/fr_FR/function.xml``): the catalogue of COSOTer, hence
the codes the importer stores in an author's ``function``.  MARC 21 records
carry MARC relator codes ("aut", "edt"...) instead; :data:`MARC21_RELATORS`
says which UNIMARC function each common one means, to name it on a form.
"""

import unicodedata

RELATORS = {
    "005": "Acteur",
    "010": "Adaptateur",
    "018": "Auteur de l'animation",
    "020": "Annotateur",
    "030": "Arrangeur",
    "040": "Artiste",
    "050": "Titulaire des droits",
    "060": "Nom associé",
    "065": "Commissaire-priseur",
    "070": "Auteur",
    "072": "Auteur d'une citation ou d'extraits",
    "075": "Postfacier, auteur du colophon, etc.",
    "080": "Préfacier, etc.",
    "090": "Dialoguiste",
    "100": "Antécédent bibliographique",
    "110": "Relieur",
    "120": "Maquettiste de la reliure",
    "130": "Maquettiste",
    "140": "Concepteur de la jaquette",
    "150": "Concepteur de l'ex-libris",
    "160": "Libraire",
    "170": "Calligraphe",
    "180": "Cartographe",
    "190": "Censeur",
    "195": "Chef de chœur",
    "200": "Chorégraphe",
    "202": "Artiste de cirque",
    "205": "Collaborateur",
    "207": "Humoriste",
    "210": "Commentateur",
    "212": "Auteur du commentaire",
    "220": "Compilateur",
    "230": "Compositeur",
    "240": "Compositeur d'imprimerie",
    "245": "Concepteur",
    "250": "Chef d'orchestre",
    "255": "Consultant de projet",
    "257": "Continuateur",
    "260": "Détenteur du copyright",
    "270": "Correcteur",
    "273": "Commissaire d'exposition",
    "274": "Danseur",
    "280": "Dédicataire",
    "290": "Dédicateur",
    "295": "Organisme de soutenance",
    "300": "Metteur en scène, réalisateur",
    "305": "Candidat",
    "310": "Distributeur",
    "320": "Donateur",
    "330": "Auteur présumé",
    "340": "Éditeur scientifique",
    "350": "Graveur",
    "360": "Aquafortiste",
    "365": "Expert",
    "370": "Monteur",
    "380": "Faussaire",
    "390": "Ancien possesseur",
    "395": "Fondateur",
    "400": "Mécène (obsolète)",
    "410": "Technicien graphique",
    "420": "Personne honorée",
    "430": "Enlumineur",
    "440": "Illustrateur",
    "450": "Auteur de l'envoi",
    "460": "Personne interviewée",
    "470": "Intervieweur",
    "475": "Collectivité éditrice",
    "480": "Librettiste",
    "490": "Détenteur de licence",
    "500": "Concédant de licence",
    "510": "Lithographe",
    "520": "Parolier",
    "530": "Graveur sur métal",
    "535": "Mime",
    "540": "Moniteur",
    "545": "Musicien",
    "550": "Narrateur",
    "555": "Opposant",
    "557": "Organisateur de réunion, de conférence",
    "560": "Instigateur",
    "570": "Autre",
    "580": "Fabricant du papier",
    "582": "Demandeur de brevet",
    "584": "Inventeur de brevet",
    "587": "Titulaire de brevet",
    "590": "Interprète",
    "595": "Directeur de la recherche",
    "600": "Photographe",
    "605": "Présentateur",
    "610": "Imprimeur",
    "620": "Imprimeur de gravures",
    "630": "Producteur",
    "632": "Directeur artistique",
    "633": "Membre de l'équipe de production",
    "635": "Programmeur",
    "637": "Gestionnaire de projet",
    "640": "Correcteur sur épreuves",
    "650": "Éditeur commercial",
    "651": "Directeur de publication, rédacteur en chef",
    "655": "Marionnettiste",
    "660": "Destinataire de lettres",
    "670": "Ingénieur du son",
    "673": "Responsable de l'équipe de recherche",
    "675": "Responsable du compte-rendu critique",
    "677": "Membre de l'équipe de recherche",
    "680": "Rubricateur",
    "690": "Scénariste",
    "695": "Conseiller scientifique",
    "700": "Copiste, scribe",
    "705": "Sculpteur",
    "710": "Secrétaire",
    "720": "Signataire",
    "721": "Chanteur (musique classique)",
    "723": "Parraineur",
    "725": "Organisme de normalisation",
    "726": "Cascadeur",
    "727": "Directeur de thèse",
    "730": "Traducteur",
    "740": "Concepteur de caractères",
    "750": "Typographe",
    "753": "Vendeur",
    "755": "Chanteur, exécutant vocal",
    "760": "Graveur sur bois",
    "770": "Auteur du matériel d'accompagnement",
}

#: MARC relator codes of MARC 21 records -> the UNIMARC function they mean.
MARC21_RELATORS = {
    "act": "005",
    "adp": "010",
    "ann": "020",
    "arr": "030",
    "art": "040",
    "aui": "080",
    "aut": "070",
    "aft": "075",
    "bnd": "110",
    "bsl": "160",
    "cll": "170",
    "cmm": "210",
    "cmp": "230",
    "cnd": "250",
    "com": "220",
    "ctb": "205",
    "ctg": "180",
    "cur": "273",
    "dgs": "727",
    "dgg": "295",
    "dnr": "320",
    "drt": "300",
    "dte": "280",
    "edt": "340",
    "egr": "350",
    "fmo": "390",
    "hnr": "420",
    "ill": "440",
    "inv": "584",
    "ive": "460",
    "ivr": "470",
    "lbt": "480",
    "lyr": "520",
    "nrt": "550",
    "orm": "557",
    "oth": "570",
    "pbd": "651",
    "pbl": "650",
    "pht": "600",
    "prf": "590",
    "prg": "635",
    "pro": "630",
    "prt": "610",
    "res": "677",
    "scl": "705",
    "sng": "755",
    "spn": "723",
    "ths": "727",
    "trl": "730",
}


def fold(text):
    """Lower case without accents nor surrounding spaces ("Éditeur " -> "editeur")."""
    text = unicodedata.normalize("NFD", str(text or "").strip().lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("œ", "oe")


#: folded French label (and a few words catalogues use) -> UNIMARC code.
CODE_BY_LABEL = {fold(label): code for code, label in RELATORS.items()}
CODE_BY_LABEL.update(
    {
        "editeur": "340",
        "coordinateur": "340",
        "coordination": "340",
        "directeur": "651",
        "direction": "651",
        "directeur de publication": "651",
        "redacteur en chef": "651",
        "prefacier": "080",
        "postfacier": "075",
        "metteur en scene": "300",
        "realisateur": "300",
        "auteure": "070",
        "traductrice": "730",
        "illustratrice": "440",
    }
)


def relator_label(code):
    """French label of a UNIMARC code (or of a MARC 21 one); None when unknown."""
    code = str(code or "").strip()
    if code in RELATORS:
        return RELATORS[code]
    unimarc = MARC21_RELATORS.get(code.lower())
    return RELATORS[unimarc] if unimarc else None


def relator_code(text):
    """UNIMARC code of a code or a French label ("Traducteur" -> "730"); None if unknown."""
    text = str(text or "").strip()
    if text in RELATORS:
        return text
    return CODE_BY_LABEL.get(fold(text))


def sorted_relators():
    """[(code, label)] in the French alphabetical order of the labels, "Auteur" first."""
    rest = sorted((item for item in RELATORS.items() if item[0] != "070"), key=lambda i: fold(i[1]))
    return [("070", RELATORS["070"])] + rest
