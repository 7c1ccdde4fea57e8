"""The labels under which the centre's vocabulary tokens are written in records.

Shared by the writer (606/607 of notice_to_unimarc) and the matcher (which reads
them back first, so a written label always comes back as its own token).
"""

#: Theme token -> French label written in 606$a (the titles of the rt.infodoc.themes vocabulary).
THEME_LABELS = {
    "savoirs-de-base": "Savoirs de base et illettrisme",
    "politique-de-la-ville": "Politique de la ville",
    "education": "Éducation et réussite éducative",
    "prevention-securite": "Sécurité et prévention de la délinquance",
    "sante": "Santé",
    "habitat": "Habitat et cadre de vie",
    "emploi-insertion": "Emploi et insertion",
    "egalite-femmes-hommes": "Égalité femmes-hommes",
    "discriminations": "Lutte contre les discriminations",
    "valeurs-republique-laicite": "Valeurs de la République et laïcité",
    "integration-langue": "Intégration et accès à la langue",
    "parentalite": "Parentalité",
    "participation-citoyenne": "Participation des habitants et citoyenneté",
    "lutte-contre-pauvrete": "Prévention et lutte contre la pauvreté",
    "jeunesse": "Jeunesse",
    "developpement-economique": "Développement économique",
}

#: Territory token -> name written in 607$a.
TERRITORY_NAMES = {
    "09": "Ariège",
    "11": "Aude",
    "12": "Aveyron",
    "30": "Gard",
    "31": "Haute-Garonne",
    "32": "Gers",
    "34": "Hérault",
    "46": "Lot",
    "48": "Lozère",
    "65": "Hautes-Pyrénées",
    "66": "Pyrénées-Orientales",
    "81": "Tarn",
    "82": "Tarn-et-Garonne",
    "occitanie": "Occitanie",
    "national": "France",
}
