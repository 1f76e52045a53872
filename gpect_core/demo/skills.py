"""The demo's skills (`skills`) and appellations (`occupation_titles`) for its real ROME 4.0 codes.

Both are written for the demo (French, in the style of the ROME 4.0 referential, not copied from it) and
fixed: no random draw, so the other demo tables keep their figures. Skills come in thematic groups shared by
the occupations the ROME mobilities link (welders and pipefitters share the metalwork group, hotel staff and
care assistants share hygiene...), so the passerelles' scores are meaningful: an occupation takes the
competences of its core groups as core, their knowledge and its other groups as non-core, plus a few core
competences of its own and two soft skills (left out of the score).

Tables: `skills` (occupation_code, skill_id, label, kind competence/savoir/savoir_etre, core boolean) and
`occupation_titles` (occupation_code, title_id, label).
"""

from __future__ import annotations

import pandas as pd

# group → ((label, kind), ...): « c » competence, « s » savoir.
GROUPS = {
    "securite": (("Appliquer les consignes de sécurité au poste de travail", "c"),
                 ("Sécurité sur les lieux de travail", "s"),
                 ("Port des équipements de protection individuelle (EPI)", "s")),
    "metal": (("Lire un plan de fabrication ou un schéma d'assemblage", "c"),
              ("Préparer et positionner les pièces métalliques à assembler", "c"),
              ("Caractéristiques des métaux ferreux et non ferreux", "s"),
              ("Contrôler les cotes et l'aspect d'une pièce", "c")),
    "soudage": (("Réaliser une soudure selon un mode opératoire (TIG, MIG-MAG, arc)", "c"),
                ("Régler un poste de soudage", "c"), ("Techniques de soudage", "s"),
                ("Techniques de coupage thermique", "s")),
    "usinage": (("Régler une machine-outil conventionnelle ou à commande numérique", "c"),
                ("Programmer une machine à commande numérique", "c"),
                ("Métrologie et instruments de mesure", "s")),
    "production": (("Conduire une ligne ou une installation de production", "c"),
                   ("Surveiller les paramètres de fabrication et ajuster les réglages", "c"),
                   ("Renseigner les documents de suivi de production", "c"),
                   ("Travail posté (2x8, 3x8)", "s")),
    "qualite": (("Contrôler la conformité d'un produit ou d'un process", "c"),
                ("Normes et démarche qualité (ISO 9001)", "s"),
                ("Analyser une non-conformité et proposer une action corrective", "c")),
    "maintenance": (("Diagnostiquer une panne sur un équipement industriel", "c"),
                    ("Réaliser la maintenance préventive d'un équipement", "c"),
                    ("Mécanique industrielle", "s"), ("Hydraulique et pneumatique", "s")),
    "electricite": (("Câbler et raccorder une installation électrique", "c"),
                    ("Électrotechnique", "s"), ("Habilitation électrique", "s")),
    "encadrement": (("Organiser et planifier l'activité d'une équipe", "c"),
                    ("Animer une équipe", "c"), ("Suivre des indicateurs de performance", "c"),
                    ("Management", "s")),
    "agroalimentaire": (("Respecter les règles d'hygiène en production alimentaire (HACCP)", "c"),
                        ("Règles d'hygiène et de sécurité alimentaire", "s")),
    "conditionnement": (("Conditionner et emballer des produits", "c"),
                        ("Étiqueter et palettiser une production", "c")),
    "logistique": (("Préparer une commande à partir d'un bon de préparation", "c"),
                   ("Réceptionner et contrôler des marchandises", "c"),
                   ("Utiliser un terminal de lecture code-barres", "c"), ("Gestion des stocks", "s")),
    "chariot": (("Conduire un chariot élévateur (CACES R489)", "c"), ("Gestes et postures de manutention", "s")),
    "conduite": (("Conduire un véhicule dans le respect du code de la route", "c"),
                 ("Vérifier l'état du véhicule avant le départ", "c"),
                 ("Réglementation du transport routier", "s"), ("Éco-conduite", "s")),
    "livraison": (("Charger et arrimer des marchandises", "c"), ("Organiser une tournée de livraison", "c")),
    "agricole": (("Préparer les sols et conduire les cultures", "c"),
                 ("Utiliser des produits phytosanitaires (Certiphyto)", "c"),
                 ("Agronomie et cycle des végétaux", "s")),
    "recolte": (("Récolter, trier et calibrer des fruits ou légumes", "c"), ("Tailler des arbres ou arbustes", "c")),
    "engins": (("Conduire un engin agricole ou de chantier", "c"), ("Entretenir un engin ou un matériel", "c")),
    "batiment": (("Lire un plan de bâtiment", "c"), ("Installer et sécuriser un chantier", "c"),
                 ("Techniques de construction du bâtiment", "s")),
    "reseaux": (("Poser des réseaux de fluides (eau, gaz, chauffage)", "c"), ("Cintrer et raccorder des tubes", "c")),
    "hygiene": (("Nettoyer et désinfecter des locaux ou du matériel", "c"),
                ("Produits et protocoles d'entretien", "s"), ("Règles d'hygiène et d'asepsie", "s")),
    "soin": (("Réaliser des soins d'hygiène et de confort", "c"),
             ("Surveiller l'état de santé d'une personne et alerter", "c"),
             ("Règles d'hygiène et d'asepsie en milieu de soins", "s")),
    "aide": (("Accompagner une personne dans les gestes de la vie quotidienne", "c"),
             ("Préparer et servir un repas adapté", "c"), ("Entretenir le logement et le linge", "c")),
    "enfance": (("Accompagner le développement de l'enfant", "c"), ("Développement de l'enfant", "s")),
    "cuisine": (("Préparer des plats selon une fiche technique", "c"), ("Dresser les assiettes", "c"),
                ("Règles d'hygiène et de sécurité alimentaire", "s")),
    "service": (("Accueillir et placer les clients", "c"), ("Prendre une commande et servir", "c"),
                ("Encaisser un paiement", "c")),
    "accueil": (("Accueillir et renseigner un client ou un visiteur", "c"),
                ("Gérer les réservations et le planning", "c"), ("Anglais professionnel", "s")),
    "vente": (("Conseiller un client et conclure une vente", "c"), ("Mettre en rayon et présenter les produits", "c"),
              ("Techniques de vente", "s")),
    "caisse": (("Encaisser un paiement", "c"), ("Tenir et clôturer une caisse", "c")),
    "commerce": (("Suivre les ventes et passer les commandes de réassort", "c"), ("Gestion commerciale", "s")),
    "bureau": (("Saisir et mettre en forme des documents", "c"), ("Classer et archiver des dossiers", "c"),
               ("Outils bureautiques", "s")),
    "gestion": (("Saisir et contrôler des écritures comptables", "c"), ("Établir un budget et le suivre", "c"),
                ("Comptabilité générale", "s")),
    "informatique": (("Développer une application", "c"), ("Tester et corriger un programme", "c"),
                     ("Langages de programmation", "s")),
    "methodes": (("Concevoir ou améliorer un process de fabrication", "c"), ("Établir des gammes de fabrication", "c"),
                 ("Conception assistée par ordinateur (CAO)", "s")),
    "pedagogie": (("Concevoir une séquence pédagogique", "c"), ("Animer une séance de formation", "c"),
                  ("Évaluer les acquis des apprenants", "c"), ("Ingénierie pédagogique", "s")),
    "surveillance": (("Surveiller un site et contrôler les accès", "c"), ("Intervenir en cas d'incident", "c"),
                     ("Sauveteur secouriste du travail (SST)", "s")),
    "composites": (("Mouler et stratifier une pièce en matériau composite", "c"), ("Résines et fibres", "s")),
}
SOFT = ("Travailler en équipe", "Faire preuve de rigueur", "Être à l'écoute", "Faire preuve d'autonomie",
        "Avoir le sens du service", "Faire preuve de réactivité")
# code → (core groups, other groups, own core competences, two soft skills by index in SOFT).
OCCUPATION_SKILLS = {
    "H2913": ("soudage metal", "securite qualite", ("Souder des tôles et des tubes en toutes positions",), (1, 3)),
    "H2909": ("metal", "securite qualite soudage", ("Assembler et fixer des éléments par vissage ou rivetage",),
              (0, 1)),
    "I1304": ("maintenance electricite", "securite qualite production",
              ("Mettre en service un équipement après intervention",), (3, 5)),
    "H2301": ("production", "securite qualite maintenance", ("Doser et mélanger des matières chimiques",), (1, 5)),
    "H2102": ("production agroalimentaire", "securite qualite conditionnement",
              ("Approvisionner une ligne en matières premières alimentaires",), (0, 1)),
    "H2903": ("usinage metal", "securite qualite", ("Usiner une pièce par tournage ou fraisage",), (1, 3)),
    "H2502": ("encadrement production", "qualite securite methodes",
              ("Piloter la production d'une unité industrielle",), (0, 5)),
    "I1310": ("maintenance", "securite metal production", ("Remplacer des pièces mécaniques usées",), (3, 5)),
    "H2914": ("soudage reseaux metal", "securite", ("Tracer et façonner des éléments de tuyauterie",), (1, 3)),
    "H3203": ("composites", "securite qualite", ("Préparer un moule et appliquer un agent de démoulage",), (0, 1)),
    "H1502": ("qualite", "encadrement methodes production", ("Conduire un audit qualité",), (1, 2)),
    "H2907": ("production metal", "securite qualite", ("Couler un métal en fusion dans un moule",), (0, 1)),
    "H2912": ("usinage production", "maintenance qualite securite",
              ("Régler un équipement industriel pour un changement de série",), (1, 3)),
    "J1501": ("soin hygiene", "aide", ("Aider aux transferts et à la mobilité d'un patient",), (2, 0)),
    "J1506": ("soin", "hygiene encadrement", ("Administrer des traitements sur prescription médicale",), (2, 5)),
    "K1302": ("aide", "hygiene soin", ("Stimuler l'autonomie d'une personne dépendante",), (2, 4)),
    "K1304": ("aide hygiene", "cuisine", ("Repasser et entretenir le linge d'une famille",), (3, 4)),
    "J1304": ("enfance soin", "hygiene", ("Réaliser les soins d'hygiène d'un nourrisson",), (2, 0)),
    "G1602": ("cuisine", "hygiene agroalimentaire", ("Éplucher, tailler et cuire des produits",), (0, 5)),
    "G1603": ("cuisine service", "hygiene caisse logistique", ("Assembler des produits de restauration rapide",), (0, 5)),
    "G1803": ("service", "accueil hygiene vente", ("Dresser les tables et servir à l'assiette",), (4, 5)),
    "G1501": ("hygiene", "accueil aide", ("Remettre en état une chambre d'hôtel",), (1, 3)),
    "G1703": ("accueil", "caisse bureau", ("Gérer les arrivées et les départs des clients",), (4, 2)),
    "A1414": ("agricole", "recolte engins", ("Multiplier et cultiver des plantes en serre",), (3, 1)),
    "A1401": ("recolte", "agricole conditionnement agroalimentaire logistique", ("Cueillir des fruits à maturité",), (0, 5)),
    "A1405": ("agricole recolte", "engins agroalimentaire conditionnement", ("Conduire un verger",), (3, 1)),
    "A1101": ("engins", "agricole conduite maintenance", ("Atteler et régler un outil agricole",), (3, 1)),
    "A1203": ("recolte", "agricole engins securite", ("Tondre, débroussailler et entretenir des espaces verts",), (3, 0)),
    "F1703": ("batiment", "securite engins", ("Monter des murs en maçonnerie",), (0, 1)),
    "F1603": ("reseaux", "batiment securite", ("Installer des appareils sanitaires",), (3, 1)),
    "F1602": ("electricite batiment", "securite", ("Installer un tableau électrique de logement",), (1, 3)),
    "F1606": ("batiment", "securite", ("Préparer et peindre des surfaces",), (1, 3)),
    "F1104": ("methodes batiment", "bureau", ("Dessiner des plans d'ouvrage en DAO",), (1, 3)),
    "F1301": ("engins", "batiment securite", ("Manœuvrer une grue à tour",), (1, 5)),
    "N4101": ("conduite livraison", "securite", ("Conduire un poids lourd (permis C, CE)",), (3, 1)),
    "N1103": ("logistique", "chariot securite conditionnement", ("Préparer des colis selon une commande",), (0, 5)),
    "N4105": ("conduite livraison", "logistique", ("Livrer et faire signer les bons de livraison",), (3, 4)),
    "N1101": ("chariot", "logistique securite", ("Charger et décharger des camions au chariot",), (0, 1)),
    "K2204": ("hygiene", "securite", ("Nettoyer des équipements industriels",), (1, 3)),
    "K2503": ("surveillance", "accueil securite", ("Effectuer des rondes de surveillance",), (5, 1)),
    "D1507": ("vente", "logistique caisse", ("Approvisionner les rayons en libre-service",), (0, 4)),
    "D1106": ("vente", "caisse agroalimentaire", ("Conseiller sur les produits d'épicerie",), (4, 2)),
    "D1214": ("vente", "caisse logistique", ("Conseiller un client sur l'habillement",), (4, 2)),
    "D1505": ("caisse", "vente accueil", ("Enregistrer les achats en caisse",), (4, 1)),
    "M1607": ("bureau", "accueil gestion", ("Gérer l'agenda et le courrier d'un service",), (1, 3)),
    "M1805": ("informatique", "methodes", ("Concevoir l'architecture d'une application",), (3, 1)),
    "M1203": ("gestion", "bureau", ("Établir les déclarations fiscales et sociales",), (1, 3)),
    "M1302": ("encadrement gestion", "commerce", ("Diriger une petite ou moyenne entreprise",), (3, 5)),
    "C1401": ("bureau", "gestion accueil", ("Instruire un dossier de prêt ou de sinistre",), (1, 4)),
    "H1206": ("methodes", "qualite encadrement informatique", ("Piloter un projet de recherche et développement",),
              (3, 0)),
    "H1404": ("methodes", "qualite production usinage", ("Chiffrer les temps et les coûts de fabrication",), (1, 0)),
    "I1604": ("maintenance", "securite", ("Réparer un véhicule léger",), (1, 3)),
    "I1603": ("maintenance engins", "securite", ("Réparer un matériel agricole",), (3, 1)),
    "I1309": ("electricite maintenance", "securite", ("Dépanner une installation électrique industrielle",),
              (1, 5)),
    "K2111": ("pedagogie", "encadrement bureau", ("Construire un parcours de formation",), (2, 3)),
    "K2107": ("pedagogie", "bureau", ("Enseigner une discipline à des élèves",), (2, 1)),
    "D1502": ("commerce vente encadrement", "agroalimentaire", ("Gérer un rayon de produits alimentaires",), (0, 5)),
    "N4102": ("conduite", "accueil", ("Transporter des personnes en sécurité",), (4, 1)),
    "H3302": ("conditionnement", "production logistique securite", ("Alimenter une machine de conditionnement",),
              (0, 1)),
}
# code → appellations (« | » between them), in the style of ROME 4.0 long appellations.
TITLES = {
    "H2913": "Soudeur / Soudeuse TIG|Soudeur / Soudeuse MIG-MAG|Soudeur / Soudeuse à l'arc|Soudeur / Soudeuse "
             "tuyauteur / tuyauteuse|Braseur / Braseuse",
    "H2909": "Assembleur monteur / Assembleuse monteuse|Monteur / Monteuse en constructions mécaniques|"
             "Ajusteur monteur / Ajusteuse monteuse",
    "I1304": "Technicien / Technicienne de maintenance industrielle|Technicien / Technicienne de maintenance "
             "électromécanique|Responsable de maintenance industrielle",
    "H2301": "Conducteur / Conductrice de ligne en industrie chimique|Opérateur / Opératrice de fabrication en "
             "chimie|Pilote d'installation en industrie chimique",
    "H2102": "Conducteur / Conductrice de ligne en industrie alimentaire|Agent / Agente de fabrication en "
             "industrie alimentaire|Opérateur / Opératrice de production agroalimentaire",
    "H2903": "Tourneur-fraiseur / Tourneuse-fraiseuse|Opérateur / Opératrice sur commande numérique|"
             "Fraiseur / Fraiseuse sur machine-outil|Tourneur / Tourneuse sur commande numérique",
    "H2502": "Responsable d'unité de production industrielle|Chef / Cheffe d'atelier de production|"
             "Responsable de production",
    "I1310": "Mécanicien / Mécanicienne de maintenance industrielle|Agent / Agente de maintenance industrielle|"
             "Mécanicien / Mécanicienne d'entretien industriel",
    "H2914": "Tuyauteur / Tuyauteuse|Tuyauteur / Tuyauteuse industriel / industrielle|Monteur / Monteuse en "
             "tuyauterie",
    "H3203": "Mouleur-stratifieur / Mouleuse-stratifieuse|Stratifieur / Stratifieuse composites|Mouleur / "
             "Mouleuse en matériaux composites",
    "H1502": "Responsable qualité en industrie|Technicien / Technicienne qualité|Contrôleur / Contrôleuse qualité "
             "en industrie",
    "H2907": "Fondeur / Fondeuse en métallurgie|Mouleur / Mouleuse en fonderie|Opérateur / Opératrice de "
             "fonderie",
    "H2912": "Régleur / Régleuse d'équipements industriels|Régleur / Régleuse sur machine de production|"
             "Régleur / Régleuse de presses",
    "J1501": "Aide-soignant / Aide-soignante|Aide-soignant / Aide-soignante en EHPAD|Aide-soignant / "
             "Aide-soignante à domicile",
    "J1506": "Infirmier / Infirmière en soins généraux (IDE)|Infirmier / Infirmière de bloc opératoire|"
             "Infirmier / Infirmière à domicile",
    "K1302": "Assistant / Assistante de vie dépendance|Auxiliaire de vie|Aide à domicile|Accompagnant / "
             "Accompagnante de personnes âgées",
    "K1304": "Employé familial / Employée familiale|Aide ménager / Aide ménagère à domicile|Employé / "
             "Employée de maison",
    "J1304": "Auxiliaire de puériculture|Auxiliaire de puériculture en crèche|Auxiliaire de puériculture en "
             "maternité",
    "G1602": "Commis / Commise de cuisine|Aide de cuisine|Cuisinier / Cuisinière|Chef / Cheffe de partie",
    "G1603": "Equipier polyvalent / Equipière polyvalente de restauration rapide|Employé polyvalent / Employée "
             "polyvalente de restauration|Agent / Agente de restauration",
    "G1803": "Serveur / Serveuse en restauration|Chef / Cheffe de rang|Serveur / Serveuse de bar-brasserie|"
             "Commis / Commise de salle",
    "G1501": "Employé / Employée d'étage|Femme / Valet de chambre|Gouvernant / Gouvernante d'hôtel",
    "G1703": "Réceptionniste|Réceptionniste en hôtellerie|Veilleur / Veilleuse de nuit en hôtellerie",
    "A1414": "Horticulteur / Horticultrice|Ouvrier / Ouvrière horticole|Pépiniériste|Maraîcher / Maraîchère",
    "A1401": "Cueilleur / Cueilleuse de fruits|Ouvrier / Ouvrière agricole saisonnier|Vendangeur / "
             "Vendangeuse",
    "A1405": "Arboriculteur / Arboricultrice|Ouvrier / Ouvrière arboricole|Chef / Cheffe de culture en "
             "arboriculture",
    "A1101": "Conducteur / Conductrice d'engins agricoles|Tractoriste agricole|Chauffeur / Chauffeuse de "
             "machines agricoles",
    "A1203": "Agent / Agente d'entretien des espaces verts|Jardinier / Jardinière d'espaces verts|Paysagiste|"
             "Ouvrier / Ouvrière paysagiste",
    "F1703": "Maçon / Maçonne|Maçon / Maçonne en rénovation|Maçon coffreur / Maçonne coffreuse|Aide-maçon",
    "F1603": "Plombier / Plombière sanitaire|Plombier chauffagiste / Plombière chauffagiste|Installateur / "
             "Installatrice sanitaire",
    "F1602": "Electricien / Electricienne du bâtiment|Electricien / Electricienne d'équipement du bâtiment|"
             "Electricien installateur / Electricienne installatrice",
    "F1606": "Peintre en bâtiment|Peintre décorateur / décoratrice|Peintre applicateur / applicatrice de "
             "revêtements",
    "F1104": "Dessinateur-projeteur / Dessinatrice-projeteuse de la construction|Dessinateur / Dessinatrice en "
             "bâtiment|Projeteur / Projeteuse en bureau d'études BTP",
    "F1301": "Grutier / Grutière|Grutier / Grutière à tour|Conducteur / Conductrice de grue mobile",
    "N4101": "Conducteur / Conductrice de poids lourd|Chauffeur / Chauffeuse poids lourd|Conducteur routier / "
             "Conductrice routière|Conducteur / Conductrice de super poids lourd",
    "N1103": "Préparateur / Préparatrice de commandes|Agent / Agente logistique|Magasinier / Magasinière|"
             "Manutentionnaire",
    "N4105": "Conducteur-livreur / Conductrice-livreuse|Chauffeur-livreur / Chauffeuse-livreuse|Livreur / "
             "Livreuse de colis",
    "N1101": "Cariste|Cariste d'entrepôt|Conducteur / Conductrice de chariot élévateur",
    "K2204": "Agent / Agente de nettoyage industriel|Agent / Agente de propreté|Agent / Agente d'entretien des "
             "locaux|Laveur / Laveuse de vitres",
    "K2503": "Agent / Agente de prévention et de sécurité|Agent / Agente de sécurité|Agent / Agente de "
             "surveillance|Agent / Agente de sécurité incendie (SSIAP)",
    "D1507": "Employé / Employée de rayon libre-service|Employé / Employée commercial / commerciale en "
             "grande surface|Employé / Employée de libre-service",
    "D1106": "Vendeur / Vendeuse en épicerie|Vendeur / Vendeuse en épicerie fine|Vendeur / Vendeuse en "
             "alimentation générale",
    "D1214": "Vendeur / Vendeuse en prêt-à-porter|Vendeur / Vendeuse en habillement|Conseiller / Conseillère "
             "de vente en prêt-à-porter",
    "D1505": "Hôte / Hôtesse de caisse|Caissier / Caissière|Employé / Employée de caisse",
    "M1607": "Secrétaire|Secrétaire administratif / administrative|Assistant / Assistante administratif / "
             "administrative|Secrétaire polyvalent / polyvalente",
    "M1805": "Développeur / Développeuse informatique|Développeur / Développeuse web|Programmeur / "
             "Programmeuse|Analyste développeur / développeuse",
    "M1203": "Comptable|Comptable général / générale|Aide-comptable|Comptable fournisseurs",
    "M1302": "Responsable de Petite ou Moyenne Entreprise -PME-|Dirigeant / Dirigeante de PME|Gérant / "
             "Gérante d'entreprise",
    "C1401": "Agent administratif / Agente administrative banque ou assurance|Gestionnaire de sinistres|"
             "Gestionnaire de contrats d'assurance",
    "H1206": "Ingénieur / Ingénieure R&D en industrie|Ingénieur / Ingénieure de recherche et développement|"
             "Chef / Cheffe de projet R&D",
    "H1404": "Technicien / Technicienne méthodes|Technicien / Technicienne méthodes industrialisation|Agent / "
             "Agente des méthodes",
    "I1604": "Mécanicien / Mécanicienne automobile|Mécanicien / Mécanicienne réparateur / réparatrice "
             "automobile|Mécanicien / Mécanicienne d'entretien automobile",
    "I1603": "Mécanicien-réparateur / Mécanicienne-réparatrice en matériels agricoles|Mécanicien / "
             "Mécanicienne agricole|Technicien / Technicienne de machinisme agricole",
    "I1309": "Electricien / Electricienne de maintenance|Electromécanicien / Electromécanicienne de "
             "maintenance|Electricien / Electricienne de maintenance industrielle",
    "K2111": "Formateur / Formatrice|Formateur / Formatrice d'adultes|Formateur / Formatrice en entreprise|"
             "Formateur / Formatrice technique",
    "K2107": "Professeur / Professeure de collège et de lycée|Professeur / Professeure de lycée professionnel|"
             "Enseignant / Enseignante en lycée",
    "D1502": "Chef / Cheffe de rayon produits alimentaires|Manager de rayon alimentaire|Responsable de rayon "
             "frais",
    "N4102": "Conducteur / Conductrice de transport de particuliers|Chauffeur / Chauffeuse de taxi|"
             "Chauffeur / Chauffeuse VTC|Conducteur / Conductrice de transport de personnes",
    "H3302": "Agent / Agente de conditionnement|Opérateur / Opératrice de conditionnement|Agent / Agente de "
             "fabrication|Conditionneur / Conditionneuse",
}


def _ids() -> dict[tuple[str, str], str]:
    """(label, kind) → a stable demo skill id, in the order first met (groups, then own skills, then soft)."""
    ids: dict[tuple[str, str], str] = {}
    labels = [(label, "competence" if kind == "c" else "savoir") for group in GROUPS.values()
              for label, kind in group]
    labels += [(label, "competence") for _c, _o, own, _s in OCCUPATION_SKILLS.values() for label in own]
    labels += [(label, "savoir_etre") for label in SOFT]
    for key in labels:
        ids.setdefault(key, f"9{len(ids) + 1:05d}")
    return ids


def skills(codes: list[str]) -> pd.DataFrame:
    """The `skills` table of the demo for the ROME codes `codes` (module docstring); one row per
    (occupation_code, skill_id), the strongest link kept when two groups give the same item."""
    ids = _ids()
    rows = []
    for code in codes:
        core_groups, other_groups, own, soft = OCCUPATION_SKILLS[code]
        for label in own:
            rows.append((code, label, "competence", True))
        for group in core_groups.split():
            rows += [(code, label, "competence" if kind == "c" else "savoir", kind == "c")
                     for label, kind in GROUPS[group]]
        for group in other_groups.split():
            rows += [(code, label, "competence" if kind == "c" else "savoir", False) for label, kind in GROUPS[group]]
        rows += [(code, SOFT[i], "savoir_etre", False) for i in soft]
    frame = pd.DataFrame(rows, columns=["occupation_code", "label", "kind", "core"])
    frame["skill_id"] = [ids[(label, kind)] for label, kind in zip(frame["label"], frame["kind"], strict=True)]
    frame = frame.drop_duplicates(["occupation_code", "skill_id"], keep="first").reset_index(drop=True)
    frame["core"] = frame["core"].astype("boolean")
    return frame[["occupation_code", "skill_id", "label", "kind", "core"]]


def titles(codes: list[str]) -> pd.DataFrame:
    """The `occupation_titles` table of the demo (occupation_code, title_id « 8NNNNN », label) for `codes`."""
    rows = [(code, label) for code in codes for label in TITLES[code].split("|")]
    return pd.DataFrame({"occupation_code": [c for c, _ in rows],
                         "title_id": [f"8{i:05d}" for i in range(1, len(rows) + 1)],
                         "label": [label for _, label in rows]})
