import pytest


@pytest.fixture
def notice():
    """A French notice with accents, guillemets and LaTeX/HTML special characters."""
    return {
        "title": "L'illettrisme en entreprise",
        "subtitle": "repérer, accompagner, former",
        "authors": [
            {
                "name": "Dupré, Jeanne",
                "role": "Directeur de publication",
                "kind": "person",
                "function": "651",
            },
            {"name": "Adami, Hervé", "role": "Auteur", "kind": "person", "function": "070"},
            {
                "name": "Agence nationale de lutte contre l'illettrisme",
                "role": "Auteur",
                "kind": "corporate",
                "function": "070",
            },
        ],
        "edition": "2e éd.",
        "place": "Lyon",
        "publisher": "Chronique sociale",
        "year": 2015,
        "collation": "187 p. : ill. ; 24 cm",
        "collection": "Savoir communiquer",
        "collection_number": "12",
        "isbn": ["978-2-85008-123-4"],
        "language": "fre",
        "notes": "Bibliogr. p. 180-185\nGlossaire",
        "summary": "50 % des salariés & 10 $ : « coûts cachés » #1 de l'illettrisme_x {ici} ~ ^ \\ fin",
        "descriptors": ["Illettrisme -- Entreprise", "Formation professionnelle"],
        "keywords": ["compétences de base"],
        "dewey": "374.012",
        "document_type": "guide-methodologique",
        "territory": ["31"],
        "cosoter_id": "12345",
        "urls": ["https://cosoter-ressources.info/doc_num.php?explnum_id=7&x=<y>"],
    }


@pytest.fixture
def portal_url():
    return "https://infodoc.example/notices/l-illettrisme-en-entreprise"
