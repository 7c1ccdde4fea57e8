"""Vocabulary of the demo fund, drawn from the centre's activity reports (2011, 2022).

Titles named in the reports (acquisitions, periodicals, mallettes, Conf'At', fiches
expériences, dossiers) are used as they are; the rest is combined from the report's
themes, publics and actions.  Person names are common French names, not real people.
"""

#: Real titles named in the reports: (title, subtitle, theme, document_type, publisher key).
REPORT_TITLES = [
    ("Le guide du bénévolat pour l'alphabétisation", "", "savoirs-de-base", "guide-methodologique", "chronique"),
    ("Bagages", "", "integration-langue", "outil-pedagogique", "cle"),
    ("Créer des parcours d'apprentissage niveau A1.1", "", "integration-langue", "guide-methodologique", "cle"),
    ("L'histoire du lion qui ne savait pas écrire", "", "savoirs-de-base", "ouvrage", "nathan"),
    ("La France de l'illettrisme", "", "savoirs-de-base", "ouvrage", "harmattan"),
    ("Un autre regard sur les illettrés", "", "savoirs-de-base", "ouvrage", "harmattan"),
    ("Illettrisme", "le dépasser et construire", "savoirs-de-base", "ouvrage", "chronique"),
    ("Chemin faisant 2", "", "emploi-insertion", "outil-pedagogique", "chronique"),
    ("ADVP, emploi et entreprise", "", "emploi-insertion", "ouvrage", "chronique"),
    ("Parlimage", "photolangage", "savoirs-de-base", "outil-pedagogique", "quiplusest"),
    ("Le cerveau et la pensée", "", "savoirs-de-base", "ouvrage", "dunod"),
    ("Un nouvel enjeu pour la formation", "", "savoirs-de-base", "ouvrage", "harmattan"),
    ("Formation et professionnalisation", "", "savoirs-de-base", "ouvrage", "puf"),
    ("Les écrits professionnels des enseignants", "", "education", "ouvrage", "pur"),
    ("Pour une didactique professionnelle de l'enseignement", "", "education", "ouvrage", "pur"),
    ("Dispositif didactique ? Dispositif pédagogique ?", "situations d'apprentissage !", "savoirs-de-base", "ouvrage", "chronique"),
    ("L'évaluation des politiques éducatives", "", "education", "ouvrage", "puf"),
    ("Évaluer l'action éducative", "", "education", "ouvrage", "puf"),
    ("Évaluer les politiques éducatives", "sens, enjeux et pratiques", "education", "ouvrage", "eres"),
    ("Pour un accompagnement éducatif efficace", "", "education", "guide-methodologique", "esf"),
    ("Dictionnaire de l'éducation", "", "education", "ouvrage", "puf"),
    ("École, commune, territoires", "", "education", "ouvrage", "atelier"),
    ("La politique de la ville", "", "politique-de-la-ville", "ouvrage", "decouverte"),
    ("L'urbanisme, c'est notre affaire", "", "politique-de-la-ville", "ouvrage", "atelier"),
    ("La crise des banlieues", "", "politique-de-la-ville", "ouvrage", "puf"),
    ("Vers une citoyenneté urbaine", "", "participation-citoyenne", "ouvrage", "atelier"),
    ("Sociologie des quartiers sensibles", "", "politique-de-la-ville", "ouvrage", "armandcolin"),
    ("Villes à vivre", "", "politique-de-la-ville", "ouvrage", "aube"),
    ("La politique de la ville entre ombres et lumières", "", "politique-de-la-ville", "ouvrage", "harmattan"),
    ("Développement social urbain et politique de la ville", "", "politique-de-la-ville", "ouvrage", "docfr"),
    ("Des enjeux de la politique de la ville", "", "politique-de-la-ville", "ouvrage", "harmattan"),
    ("Dictionnaire de la laïcité", "", "valeurs-republique-laicite", "ouvrage", "armandcolin"),
    ("Entrepreneuriat social", "", "developpement-economique", "ouvrage", "dunod"),
    ("Les mutations du travail social", "", "lutte-contre-pauvrete", "ouvrage", "dunod"),
    ("Réussir la vidéosurveillance urbaine", "", "prevention-securite", "guide-methodologique", "territorial"),
    ("Immigration et sécurité", "", "prevention-securite", "ouvrage", "docfr"),
    ("L'école face au défi de la sécurité", "", "prevention-securite", "ouvrage", "docfr"),
    ("Jeu de cartes symboliques « Maturité coopérative »", "25 cartes pour exercer son geste coopératif", "participation-citoyenne", "outil-pedagogique", "itc"),
    ("Quelques applis téléphone utiles dans l'apprentissage du français et d'autres savoirs de base", "", "integration-langue", "outil-pedagogique", "rt"),
    ("Guide pratique Compétences Clés", "", "savoirs-de-base", "guide-methodologique", "rt"),
    ("Planète alpha", "guide pour le territoire du Gaillacois", "savoirs-de-base", "guide-methodologique", "rt"),
]

#: The centre's own productions: (title, subtitle, theme, document_type).
PRODUCTIONS = [
    ("Le PAC, Passeport Accueil Jeunes", "fichexpérience n° 1/2011", "emploi-insertion", "dossier-documentaire"),
    ("La Régie de Territoire, Graulhet", "fichexpérience n° 2/2011", "politique-de-la-ville", "dossier-documentaire"),
    ("L'interculturel fait son cinéma, Gindou", "quand un festival de cinéma devient un outil de cohésion sociale", "discriminations", "dossier-documentaire"),
    ("L'insécurité linguistique au travail", "analyse et perspectives de formation", "savoirs-de-base", "actes"),
    ("Orthographe et illettrisme", "comment aborder des écrits très défaillants sur le plan orthographique", "savoirs-de-base", "actes"),
    ("Accompagner les publics en difficulté d'insertion", "quels modèles pour quelles pratiques ?", "emploi-insertion", "actes"),
    ("Gens du voyage, Tsiganes, Manouches, Roms, Gitans…", "des variations terminologiques lourdes de conséquences", "discriminations", "actes"),
    ("Adultes-relais, valoriser un parcours professionnel", "dossier du participant", "politique-de-la-ville", "dossier-documentaire"),
    ("La politique de la ville", "dossier R&T", "politique-de-la-ville", "site-web"),
    ("Éducation et décrochage scolaire", "dossier R&T", "education", "site-web"),
    ("Savoirs de base et illettrisme", "dossier R&T", "savoirs-de-base", "site-web"),
    ("Intégration et apprentissage de la langue", "dossier R&T", "integration-langue", "site-web"),
    ("Égalité femmes/hommes", "dossier R&T", "egalite-femmes-hommes", "site-web"),
    ("Plan régional Valeurs de la République et Laïcité", "dossier R&T", "valeurs-republique-laicite", "site-web"),
    ("Sécurité et prévention de la délinquance", "dossier R&T", "prevention-securite", "site-web"),
    ("Prévention de la radicalisation", "dossier R&T", "prevention-securite", "site-web"),
    ("Mallette pédagogique du formateur n° 1", "lecture, écriture, jeu", "savoirs-de-base", "mallette"),
    ("Mallette pédagogique du formateur n° 2", "éducabilité, interculturalité, FLE", "savoirs-de-base", "mallette"),
    ("Mallette pédagogique numérique R&T n° 1", "apprentissage de la langue", "integration-langue", "mallette"),
    ("Mallette pédagogique numérique R&T n° 2", "apprentissage de la langue", "integration-langue", "mallette"),
    ("La trousse à outils 2.0", "repérer les compétences de base et accompagner les publics", "savoirs-de-base", "outil-pedagogique"),
    ("Cartographie régionale d'accès aux savoirs de base", "", "savoirs-de-base", "etude"),
    ("Cartographie régionale des contrats de ville", "", "politique-de-la-ville", "etude"),
    ("Cartographie régionale des structures porteuses des plateformes linguistiques en Occitanie", "", "integration-langue", "etude"),
    ("Capitalisation des évaluations des contrats de ville en Occitanie", "étude régionale", "politique-de-la-ville", "etude"),
]

#: Periodicals the centre subscribes to (2011 report): (title, theme, publisher, place).
PERIODICALS = [
    ("Journal de l'alpha", "savoirs-de-base", "Lire et Écrire", "Bruxelles"),
    ("Cahiers pédagogiques", "education", "CRAP-Cahiers pédagogiques", "Paris"),
    ("Diversité ville école intégration", "education", "CNDP", "Chasseneuil-du-Poitou"),
    ("Éducation permanente", "savoirs-de-base", "Éducation permanente", "Arcueil"),
    ("Écarts d'identité", "integration-langue", "Écarts d'identité", "Grenoble"),
    ("Savoirs et formation", "savoirs-de-base", "FEAFTI", "Paris"),
    ("Actualité de la formation permanente", "savoirs-de-base", "Centre Inffo", "Saint-Denis-la-Plaine"),
    ("Fiches pratiques de la formation continue", "savoirs-de-base", "Centre Inffo", "Saint-Denis-la-Plaine"),
    ("Info formation", "emploi-insertion", "Centre Inffo", "Saint-Denis-la-Plaine"),
    ("Territoires", "politique-de-la-ville", "ADELS", "Paris"),
    ("Urbanisme", "habitat", "Publications d'architecture et d'urbanisme", "Paris"),
    ("Les cahiers de la sécurité intérieure", "prevention-securite", "La Documentation française", "Paris"),
    ("Net ressources", "politique-de-la-ville", "Centre de ressources politique de la ville", "Paris"),
]
#: Years of the productions and titles the reports date.
KNOWN_YEARS = {
    "Le PAC, Passeport Accueil Jeunes": 2011, "La Régie de Territoire, Graulhet": 2011,
    "L'interculturel fait son cinéma, Gindou": 2011, "L'insécurité linguistique au travail": 2011,
    "Orthographe et illettrisme": 2011, "Accompagner les publics en difficulté d'insertion": 2011,
    "Gens du voyage, Tsiganes, Manouches, Roms, Gitans…": 2011,
    "Adultes-relais, valoriser un parcours professionnel": 2011, "Parlimage": 2011,
    "Mallette pédagogique du formateur n° 1": 2009, "Mallette pédagogique du formateur n° 2": 2009,
    "Mallette pédagogique numérique R&T n° 1": 2022, "Mallette pédagogique numérique R&T n° 2": 2022,
    "Quelques applis téléphone utiles dans l'apprentissage du français et d'autres savoirs de base": 2022,
    "Capitalisation des évaluations des contrats de ville en Occitanie": 2022,
    "Un autre regard sur les illettrés": 2011,
}

#: Publishers: key -> (name, place, ISBN registrant group or "" when it publishes without ISBN).
PUBLISHERS = {
    "anlci": ("ANLCI", "Lyon", ""),
    "docfr": ("La Documentation française", "Paris", "11"),
    "atelier": ("Éditions de l'Atelier", "Ivry-sur-Seine", "7082"),
    "eres": ("ERES", "Toulouse", "7492"),
    "chronique": ("Chronique sociale", "Lyon", "85008"),
    "harmattan": ("L'Harmattan", "Paris", "296"),
    "retz": ("Retz", "Paris", "7256"),
    "nathan": ("Nathan", "Paris", "09"),
    "cle": ("CLE International", "Paris", "09"),
    "cndp": ("CNDP", "Chasseneuil-du-Poitou", "240"),
    "hachettefle": ("Hachette FLE", "Paris", "01"),
    "puf": ("PUF", "Paris", "13"),
    "decouverte": ("La Découverte", "Paris", "7071"),
    "dunod": ("Dunod", "Paris", "10"),
    "esf": ("ESF éditeur", "Issy-les-Moulineaux", "7101"),
    "pur": ("Presses universitaires de Rennes", "Rennes", "7535"),
    "pum": ("Presses universitaires du Mirail", "Toulouse", "85816"),
    "armandcolin": ("Armand Colin", "Paris", "200"),
    "aube": ("Éditions de l'Aube", "La Tour-d'Aigues", "8159"),
    "territorial": ("Territorial éditions", "Voiron", "35295"),
    "berger": ("Berger-Levrault", "Paris", "7013"),
    "champsocial": ("Champ social éditions", "Nîmes", "35371"),
    "quiplusest": ("Éditions Qui plus Est", "Paris", ""),
    "itc": ("Institut des territoires coopératifs", "Lyon", ""),
    "rt": ("Ressources & Territoires", "Toulouse", ""),
    "vt": ("Villes et Territoires Occitanie", "Montpellier", ""),
    "anct": ("ANCT", "Paris", ""),
    "crpv": ("Réseau national des centres de ressources politique de la ville", "Paris", ""),
    "cnfpt": ("CNFPT", "Paris", ""),
    "carif": ("CARIF-OREF Occitanie", "Toulouse", ""),
}
#: Publishers most used by each family of document types.
TRADE_PUBLISHERS = ["docfr", "atelier", "eres", "chronique", "harmattan", "puf", "decouverte",
                    "dunod", "esf", "pur", "pum", "armandcolin", "aube", "territorial", "berger",
                    "champsocial"]
DIDACTIC_PUBLISHERS = ["retz", "nathan", "cle", "cndp", "hachettefle", "chronique", "anlci"]
REPORT_PUBLISHERS = ["docfr", "anlci", "rt", "vt", "anct", "crpv", "cnfpt", "carif"]

#: Corporate bodies written in 710/711/712.
CORPORATE_BODIES = [
    "Agence nationale de lutte contre l'illettrisme", "Agence nationale de la cohésion des territoires",
    "Ressources & Territoires", "Villes et Territoires Occitanie", "Centre national de la fonction publique territoriale",
    "Direction régionale de l'économie, de l'emploi, du travail et des solidarités Occitanie",
    "CARIF-OREF Occitanie", "Réseau national des centres de ressources politique de la ville",
    "Observatoire national de la politique de la ville", "Conseil national des villes",
    "Institut national de la statistique et des études économiques", "Défenseur des droits",
    "Haut Conseil à l'intégration", "Fédération des centres sociaux et socioculturels de France",
    "Centre d'information sur les droits des femmes et des familles de la Haute-Garonne",
    "Association de la Fondation étudiante pour la ville", "Université Toulouse Jean Jaurès",
    "Institut d'études politiques de Toulouse", "Comité interministériel de prévention de la délinquance et de la radicalisation",
    "Docenstock", "Centre de ressources illettrisme et analphabétisme",
]

SURNAMES = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert",
    "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin",
    "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier",
    "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen",
    "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Roger", "Roche", "Noël", "Meyer", "Lucas",
    "Meunier", "Pérez", "Marchand", "Dufour", "Blanchard", "Barbier", "Brun", "Dumas", "Brunet",
    "Schmitt", "Leroux", "Colin", "Fernandez", "Renard", "Arnaud", "Rolland", "Caron", "Aubert",
    "Giraud", "Leclerc", "Vidal", "Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard", "Fabre",
    "Dupuis", "Olivier", "Hubert", "Rivière", "Le Gall", "Moulin", "Berger", "Fleury", "Carpentier",
    "Benoît", "Maillard", "Prévost", "Poirier", "Charpentier", "Huet", "Baron", "Dupuy", "Pons",
    "Carré", "Breton", "Rémy", "Marty", "Cousin", "Bonnefoy", "Escande", "Cazals", "Salvaing",
    "Estève", "Bousquet", "Castex", "Vergé", "Delpech", "Lafon", "Bacqué", "Benaïssa", "Diallo",
    "Haddad", "Ferreira", "Da Costa", "Kaya", "Mendy", "Traoré",
]
FORENAMES = [
    "Marie", "Jean", "Nathalie", "Philippe", "Isabelle", "Michel", "Sylvie", "Pierre", "Catherine",
    "Alain", "Françoise", "Patrick", "Christine", "Éric", "Valérie", "Christophe", "Sandrine",
    "Laurent", "Véronique", "Frédéric", "Sophie", "Stéphane", "Céline", "Olivier", "Hélène",
    "Nicolas", "Anne", "David", "Émilie", "Julien", "Claire", "Thomas", "Aurélie", "Mathieu",
    "Élodie", "Sébastien", "Camille", "Jérôme", "Agnès", "Hervé", "Josiane", "Gérard", "Annick",
    "Bérangère", "Maëlle", "Anaïs", "Noémie", "Karim", "Samira", "Yasmina", "Mamadou", "Fatou",
    "Rachid", "Leïla", "Joël", "Régine", "Benoît", "Chloé", "Léa", "Inès",
]

#: theme token -> topics (definite noun phrases that follow a verb or stand alone).
TOPICS = {
    "savoirs-de-base": [
        "l'illettrisme", "la lutte contre l'illettrisme", "l'accès aux savoirs de base",
        "les compétences clés", "l'apprentissage de l'écrit à l'âge adulte", "la lecture",
        "l'écriture", "les difficultés de lecture et d'écriture", "l'alphabétisation des adultes",
        "le calcul au quotidien", "les savoirs de base en situation professionnelle",
        "l'illectronisme", "les compétences numériques de base", "l'hétérogénéité en formation",
        "l'éducabilité cognitive", "la formation de base des adultes", "l'apprendre à apprendre",
        "les troubles dys à l'âge adulte", "l'évaluation des compétences de base",
        "le socle de connaissances et de compétences professionnelles", "les pratiques de lecture",
        "l'orthographe", "la remédiation cognitive", "la lutte contre l'analphabétisme",
    ],
    "integration-langue": [
        "le français langue étrangère", "le français langue d'intégration",
        "les ateliers sociolinguistiques", "l'apprentissage du français par les migrants",
        "la formation linguistique", "l'intégration par la langue", "l'accueil des primo-arrivants",
        "le français à visée professionnelle", "l'insécurité linguistique",
    ],
    "politique-de-la-ville": [
        "la politique de la ville", "les contrats de ville", "le renouvellement urbain",
        "les quartiers prioritaires", "le développement social urbain", "la cohésion sociale",
        "la gestion urbaine de proximité", "l'évaluation des contrats de ville", "la médiation sociale",
        "les adultes-relais", "la transition écologique dans les quartiers",
    ],
    "education": [
        "la réussite éducative", "le décrochage scolaire", "l'éducation prioritaire",
        "l'accompagnement à la scolarité", "les relations entre l'école et les familles",
        "le projet éducatif territorial", "la continuité éducative",
    ],
    "prevention-securite": [
        "la prévention de la délinquance", "la tranquillité publique", "la prévention de la radicalisation",
        "la délinquance des mineurs", "les conseils locaux de sécurité et de prévention de la délinquance",
        "la vidéoprotection", "l'observation de la délinquance", "le trafic de stupéfiants",
    ],
    "sante": [
        "la santé dans les quartiers", "l'accès aux soins", "la santé mentale", "les ateliers santé ville",
        "les addictions", "la santé des jeunes", "les contrats locaux de santé",
    ],
    "habitat": [
        "l'habitat", "le logement social", "le cadre de vie", "le relogement", "la résidentialisation",
        "les copropriétés dégradées", "la mémoire des quartiers", "l'accueil des gens du voyage",
    ],
    "emploi-insertion": [
        "l'insertion professionnelle", "l'insertion par l'activité économique", "l'emploi des jeunes",
        "l'accompagnement vers l'emploi", "l'orientation professionnelle", "les clauses d'insertion",
        "l'illettrisme en entreprise", "la qualification des salariés", "les parcours d'insertion",
    ],
    "egalite-femmes-hommes": [
        "l'égalité entre les femmes et les hommes", "les violences faites aux femmes",
        "les stéréotypes de genre", "l'égalité professionnelle", "les droits des femmes",
    ],
    "discriminations": [
        "la lutte contre les discriminations", "les discriminations à l'embauche", "le racisme",
        "la diversité", "l'égalité des chances", "les discriminations liées à l'origine",
    ],
    "valeurs-republique-laicite": [
        "la laïcité", "les valeurs de la République", "la citoyenneté", "le fait religieux",
        "la neutralité du service public",
    ],
    "parentalite": [
        "le soutien à la parentalité", "la parentalité", "les familles monoparentales",
        "les relations parents-enfants",
    ],
    "participation-citoyenne": [
        "la participation des habitants", "les conseils citoyens", "la démocratie participative",
        "la coopération", "la vie associative",
    ],
    "lutte-contre-pauvrete": [
        "la pauvreté", "la précarité", "l'accès aux droits", "l'exclusion sociale",
        "la lutte contre la pauvreté",
    ],
    "jeunesse": [
        "la jeunesse", "les jeunes des quartiers", "l'animation socioculturelle", "l'engagement des jeunes",
    ],
    "developpement-economique": [
        "le développement économique des quartiers", "l'économie sociale et solidaire",
        "la création d'entreprise", "le commerce de proximité",
    ],
}

#: theme token -> descriptors (606) drawn for the records of the theme.
DESCRIPTORS = {
    "savoirs-de-base": ["Illettrisme", "Alphabétisation", "Lecture", "Écriture", "Compétences clés",
                        "Formation des adultes", "Didactique", "Mathématiques", "Apprentissage",
                        "Évaluation des compétences", "Illectronisme", "Pédagogie", "Orthographe",
                        "Éducabilité cognitive", "Dynamique de groupe", "Formateur", "Bénévolat"],
    "integration-langue": ["Français langue étrangère", "Français langue d'intégration", "Migrant",
                           "Ateliers sociolinguistiques", "Intégration", "Plateforme linguistique",
                           "Interculturalité"],
    "politique-de-la-ville": ["Contrat de ville", "Quartier prioritaire", "Renouvellement urbain",
                              "Développement social urbain", "Cohésion sociale", "Évaluation",
                              "Gestion urbaine de proximité", "Adultes-relais", "Médiation sociale"],
    "education": ["Réussite éducative", "Décrochage scolaire", "Éducation prioritaire",
                  "Accompagnement scolaire", "École", "Projet éducatif territorial"],
    "prevention-securite": ["Prévention de la délinquance", "CLSPD", "Sécurité", "Radicalisation",
                            "Vidéoprotection", "Délinquance", "Justice des mineurs"],
    "sante": ["Santé", "Accès aux soins", "Santé mentale", "Atelier santé ville", "Addiction"],
    "habitat": ["Logement social", "Cadre de vie", "Relogement", "Copropriété", "Gens du voyage"],
    "emploi-insertion": ["Insertion professionnelle", "Emploi", "Insertion par l'activité économique",
                         "Mission locale", "Entreprise", "Qualification", "Orientation professionnelle"],
    "egalite-femmes-hommes": ["Violences faites aux femmes", "Genre", "Droits des femmes", "Stéréotype"],
    "discriminations": ["Discrimination", "Racisme", "Diversité", "Égalité des chances"],
    "valeurs-republique-laicite": ["Laïcité", "Citoyenneté", "Fait religieux", "République"],
    "parentalite": ["Famille", "Soutien à la parentalité", "Relations parents-école"],
    "participation-citoyenne": ["Conseil citoyen", "Démocratie participative", "Vie associative", "Coopération"],
    "lutte-contre-pauvrete": ["Pauvreté", "Précarité", "Exclusion sociale", "Accès aux droits"],
    "jeunesse": ["Jeune", "Animation socioculturelle", "Engagement", "Loisirs"],
    "developpement-economique": ["Économie sociale et solidaire", "Création d'entreprise", "Commerce"],
}

#: theme token -> Dewey class and the shelf section written in 995$q.
DEWEY = {
    "savoirs-de-base": ("374.012", "Savoirs de base"), "integration-langue": ("448.24", "FLE - FLI"),
    "politique-de-la-ville": ("307.76", "Politique de la ville"), "education": ("370", "Éducation"),
    "prevention-securite": ("364.4", "Prévention - sécurité"), "sante": ("362.1", "Santé"),
    "habitat": ("363.5", "Habitat"), "emploi-insertion": ("331.1", "Emploi - insertion"),
    "egalite-femmes-hommes": ("305.4", "Égalité femmes-hommes"), "discriminations": ("305.8", "Discriminations"),
    "valeurs-republique-laicite": ("322.1", "Laïcité"), "parentalite": ("306.85", "Parentalité"),
    "participation-citoyenne": ("323.6", "Citoyenneté"), "lutte-contre-pauvrete": ("362.5", "Pauvreté"),
    "jeunesse": ("305.23", "Jeunesse"), "developpement-economique": ("338.9", "Développement économique"),
}

VERBS = ["Comprendre", "Agir contre", "Repenser", "Évaluer", "Observer", "Interroger", "Penser",
         "Mieux connaître", "Décrypter", "Renouveler", "Accompagner", "Questionner"]
VERB_FITS = {"Agir contre": ("l'illettrisme", "l'illectronisme", "le décrochage scolaire", "la pauvreté",
                             "la précarité", "le racisme", "les violences faites aux femmes",
                             "l'exclusion sociale", "l'insécurité linguistique", "la délinquance des mineurs")}
CONTEXTS = [" en entreprise", " en milieu rural", " dans les quartiers prioritaires", " à l'âge adulte",
            " au travail", " en Occitanie", " en Midi-Pyrénées", " en France", " dans les territoires",
            " en Europe", " au quotidien", " depuis 1990"]
SUBTITLES = ["guide pratique", "repères et outils", "enjeux et pratiques", "démarches et outils pour les professionnels",
             "méthodes, outils, expériences", "retours d'expériences en Occitanie", "un état des lieux",
             "éléments de méthode", "guide à l'usage des bénévoles", "guide à l'usage des formateurs",
             "approches et pratiques", "état des lieux et perspectives", "regards croisés",
             "actes de la journée régionale", "recueil d'expériences", "quelles réponses ?",
             "dix ans d'action publique", "pour une approche intégrée"]
TOOL_KINDS = ["Jeu de cartes pour travailler", "Fichier d'activités pour travailler", "Imagier pour travailler",
              "Cahier d'exercices pour travailler", "Méthode pour travailler", "Photolangage pour aborder",
              "Coffret pédagogique pour aborder", "Livret didactique pour travailler"]
SKILLS = ["la lecture", "l'écriture", "le calcul", "l'expression orale", "le vocabulaire du quotidien",
          "la compréhension orale", "les repères dans le temps et l'espace", "le raisonnement logique",
          "la gestion du budget", "les écrits professionnels", "la découverte des métiers",
          "les démarches administratives", "l'usage du numérique", "la santé au quotidien"]
LEVELS = ["niveau A1.1", "niveau A1", "niveau A2", "niveau B1", "débutants", "grands débutants",
          "public non lecteur", "adultes en reprise de formation"]
REPORT_KINDS = ["Diagnostic local de sécurité", "Évaluation finale du contrat de ville",
                "Évaluation à mi-parcours du contrat de ville", "Rapport annuel de la délinquance constatée",
                "Diagnostic territorial", "Bilan d'activité de la plateforme linguistique",
                "Tableau de bord de la politique de la ville", "Étude sur les besoins de formation linguistique",
                "Diagnostic partagé de la réussite éducative", "Plan local de lutte contre les discriminations"]

#: Towns of the relay sites and the politique de la ville, with their département token.
TOWNS = [
    ("Toulouse", "31"), ("Colomiers", "31"), ("Saint-Gaudens", "31"), ("Muret", "31"),
    ("Foix", "09"), ("Pamiers", "09"), ("Lavelanet", "09"), ("Rodez", "12"), ("Millau", "12"),
    ("Decazeville", "12"), ("Auch", "32"), ("Cahors", "46"), ("Figeac", "46"), ("Tarbes", "65"),
    ("Lourdes", "65"), ("Albi", "81"), ("Castres", "81"), ("Carmaux", "81"), ("Graulhet", "81"),
    ("Gaillac", "81"), ("Montauban", "82"), ("Moissac", "82"), ("Narbonne", "11"),
    ("Carcassonne", "11"), ("Nîmes", "30"), ("Montpellier", "34"), ("Perpignan", "66"), ("Mende", "48"),
]
#: Relay sites (995$b tokens) and the département they serve.
RELAYS = [("foix", "09"), ("rodez", "12"), ("saint-gaudens", "31"), ("auch", "32"), ("cahors", "46"),
          ("tarbes", "65"), ("albi", "81"), ("montauban", "82")]

GENERAL_KEYWORDS = ["professionnalisation", "partenariat", "territoire", "accompagnement", "formation",
                    "public adulte", "méthodologie", "outil", "bonnes pratiques", "capitalisation",
                    "expérimentation", "réseau", "acteurs de terrain", "diagnostic", "évaluation",
                    "numérique", "bénévole", "travailleur social", "collectivité territoriale", "État"]

PUBLICS = ["formateurs et bénévoles", "travailleurs sociaux", "chefs de projet politique de la ville",
           "élus locaux", "coordonnateurs de CLSPD", "référents de parcours des PRE",
           "conseillers en insertion professionnelle", "acteurs de la cohésion sociale",
           "coordonnateurs FLE-FLI", "professionnels des ESAT", "médiateurs sociaux",
           "enseignants", "animateurs socioculturels", "agents d'accueil des services publics"]
SECOND_SENTENCES = [
    "Il s'appuie sur des expériences conduites dans plusieurs départements.",
    "Des fiches pratiques et une bibliographie complètent l'ensemble.",
    "Les auteurs croisent les approches sociologique et pédagogique.",
    "Des témoignages d'acteurs de terrain illustrent chaque chapitre.",
    "Une partie est consacrée à l'évaluation des actions.",
    "Il propose des pistes pour construire des partenariats durables.",
    "Il rend compte des échanges de pratiques entre professionnels.",
    "Des outils de repérage et d'orientation sont présentés en annexe.",
    "Il dresse un état des lieux des dispositifs existants.",
    "Il met en perspective les politiques publiques nationales et leur déclinaison locale.",
]
COLLECTIONS = {
    "chronique": ["Savoir communiquer", "Pédagogie formation", "Comprendre la société"],
    "esf": ["Pédagogies", "Actions sociales"], "eres": ["Trajets", "Questions vives"],
    "decouverte": ["Repères"], "puf": ["Que sais-je ?"], "docfr": ["Études de la Documentation française"],
    "atelier": ["Questions de société"], "harmattan": ["Savoir et formation", "Logiques sociales"],
    "territorial": ["Dossiers d'experts"], "retz": ["Pédagogie pratique"], "cle": ["Techniques et pratiques de classe"],
}

#: Heads announcing an action (title pattern "Repères pour accompagner ...").
ACTION_HEADS = ["Repères pour", "Guide pour", "Dix fiches pour", "Outils pour", "Pistes pour",
                "Cent activités pour", "Apprendre à", "Des clés pour"]
#: theme token -> actions (infinitive phrases) of its professionals; "default" for the others.
ACTIONS = {
    "savoirs-de-base": [
        "accompagner les adultes en difficulté avec l'écrit", "former les bénévoles de l'alphabétisation",
        "repérer les situations d'illettrisme", "évaluer les compétences de base",
        "animer un atelier d'écriture", "construire un parcours de formation individualisé",
        "gérer l'hétérogénéité en formation", "introduire des activités théâtrales en formation",
        "accompagner l'apprentissage de l'écrit à l'âge adulte", "former à distance",
        "mobiliser les employeurs contre l'illettrisme", "lire et écrire au travail",
        "enseigner les mathématiques aux adultes", "accompagner les personnes présentant des troubles dys",
        "utiliser le numérique en formation de base", "orienter les publics en situation d'illettrisme",
        "prévenir l'illettrisme dès l'école", "concevoir des supports pédagogiques adaptés",
    ],
    "integration-langue": [
        "animer un atelier sociolinguistique", "accueillir les primo-arrivants",
        "enseigner le français aux migrants", "coordonner des ateliers de français",
        "évaluer le niveau en français", "préparer le DELF",
    ],
    "default": [
        "conduire un diagnostic partagé", "évaluer une action publique", "animer un réseau de professionnels",
        "mobiliser les habitants", "construire un partenariat local", "conduire un projet de territoire",
        "monter un projet associatif", "accompagner le changement",
    ],
}
