"""Real ROME 4.0 codes, labels and mobilities used by the demo territory (a tiny excerpt of the
referential, France Travail, v460, Licence Ouverte 2.0). The figures attached to them in the demo are fictional."""

# ROME 4.0 (v460, France Travail, Licence Ouverte): the demo's occupations — real codes and labels.
ROME_OCCUPATIONS = (
    ('H2913', 'Soudeur / Soudeuse', False, False, False),
    ('H2909', 'Assembleur monteur / Assembleuse monteuse', False, False, False),
    ('I1304', 'Technicien / Technicienne de maintenance industrielle', True, False, False),
    ('H2301', 'Conducteur / Conductrice de ligne en industrie chimique', False, False, False),
    ('H2102', 'Conducteur / Conductrice de ligne en industrie alimentaire', False, False, False),
    ('H2903', 'Tourneur-fraiseur / Tourneuse-fraiseuse', False, False, False),
    ('H2502', "Responsable d'unité de production industrielle", True, False, False),
    ('I1310', 'Mécanicien / Mécanicienne de maintenance industrielle', True, False, False),
    ('H2914', 'Tuyauteur / Tuyauteuse', False, False, False),
    ('H3203', 'Mouleur-stratifieur / Mouleuse-stratifieuse', False, False, False),
    ('H1502', 'Responsable qualité en industrie', True, False, False),
    ('H2907', 'Fondeur / Fondeuse en métallurgie', True, False, False),
    ('H2912', "Régleur / Régleuse d'équipements industriels", False, False, False),
    ('J1501', 'Aide-soignant / Aide-soignante', False, False, True),
    ('J1506', 'Infirmier / Infirmière en soins généraux (IDE)', False, False, True),
    ('K1302', 'Assistant / Assistante de vie dépendance', False, False, True),
    ('K1304', 'Employé familial / Employée familiale', False, False, True),
    ('J1304', 'Auxiliaire de puériculture', False, False, True),
    ('G1602', 'Commis / Commise de cuisine', False, False, False),
    ('G1603', 'Equipier polyvalent / Equipière polyvalente de restauration rapide', False, False, False),
    ('G1803', 'Serveur / Serveuse en restauration', False, False, False),
    ('G1501', "Employé / Employée d'étage", False, False, False),
    ('G1703', 'Réceptionniste', False, False, False),
    ('A1414', 'Horticulteur / Horticultrice', True, False, False),
    ('A1401', 'Cueilleur / Cueilleuse de fruits', True, False, False),
    ('A1405', 'Arboriculteur / Arboricultrice', True, False, False),
    ('A1101', "Conducteur / Conductrice d'engins agricoles", False, False, False),
    ('A1203', "Agent / Agente d'entretien des espaces verts", True, False, False),
    ('F1703', 'Maçon / Maçonne', True, False, False),
    ('F1603', 'Plombier / Plombière sanitaire', True, False, False),
    ('F1602', 'Electricien / Electricienne du bâtiment', True, False, False),
    ('F1606', 'Peintre en bâtiment', False, False, False),
    ('F1104', 'Dessinateur-projeteur / Dessinatrice-projeteuse de la construction', True, False, False),
    ('F1301', 'Grutier / Grutière', False, False, False),
    ('N4101', 'Conducteur / Conductrice de poids lourd', False, False, False),
    ('N1103', 'Préparateur / Préparatrice de commandes', False, False, False),
    ('N4105', 'Conducteur-livreur / Conductrice-livreuse', False, False, False),
    ('N1101', 'Cariste', False, False, False),
    ('K2204', 'Agent / Agente de nettoyage industriel', True, False, False),
    ('K2503', 'Agent / Agente de prévention et de sécurité', False, False, False),
    ('D1507', 'Employé / Employée de rayon libre-service', False, False, False),
    ('D1106', 'Vendeur / Vendeuse en épicerie', False, False, False),
    ('D1214', 'Vendeur / Vendeuse en prêt-à-porter', False, False, False),
    ('D1505', 'Hôte / Hôtesse de caisse', False, False, False),
    ('M1607', 'Secrétaire', False, False, False),
    ('M1805', 'Développeur / Développeuse informatique', False, True, False),
    ('M1203', 'Comptable', False, False, False),
    ('M1302', 'Responsable de Petite ou Moyenne Entreprise -PME-', False, False, False),
    ('C1401', 'Agent administratif / Agente administrative banque ou assurance', False, False, False),
    ('H1206', 'Ingénieur / Ingénieure R&D en industrie', True, False, False),
    ('H1404', 'Technicien / Technicienne méthodes', False, False, False),
    ('I1604', 'Mécanicien / Mécanicienne automobile', True, False, False),
    ('I1603', 'Mécanicien-réparateur / Mécanicienne-réparatrice en matériels agricoles', False, False, False),
    ('I1309', 'Electricien / Electricienne de maintenance', True, False, False),
    ('K2111', 'Formateur / Formatrice', False, False, False),
    ('K2107', 'Professeur / Professeure de collège et de lycée', False, False, False),
    ('D1502', 'Chef / Cheffe de rayon produits alimentaires', False, False, False),
    ('N4102', 'Conducteur / Conductrice de transport de particuliers', False, False, False),
    ('H3302', 'Agent / Agente de conditionnement', False, False, False),
)
ROME_FAMILIES = {
    'A': 'Agriculture et Pêche, Espaces naturels et Espaces verts, Soins aux animaux',
    'B': "Arts et Façonnage d'ouvrages d'art",
    'C': 'Banque, Assurance, Immobilier',
    'D': 'Commerce, Vente et Grande distribution',
    'E': 'Communication, Média et Multimédia',
    'F': 'Construction, Bâtiment et Travaux publics',
    'G': 'Hôtellerie-Restauration, Tourisme, Loisirs et Animation',
    'H': 'Industrie',
    'I': 'Installation et Maintenance',
    'J': 'Santé',
    'K': 'Services à la personne et à la collectivité',
    'L': 'Spectacle',
    'M': "Support à l'entreprise",
    'N': 'Transport et Logistique',
}
# ROME 4.0 « mobilités » between the demo's occupations (code_rome → code_rome_cible).
ROME_MOBILITIES = (
    'A1101>A1414 A1101>I1603 A1101>I1604 A1101>N4101 A1203>A1414 A1203>H2102 A1203>N1101 A1401>D1507 '
    'A1401>G1602 A1401>H2102 A1401>H3302 A1401>N1103 A1405>A1101 A1405>A1414 A1405>D1502 A1405>H2102 '
    'A1414>K2111 C1401>M1607 D1106>D1502 D1106>D1505 D1106>D1507 D1106>G1603 D1214>D1505 D1214>D1507 '
    'D1214>N1103 D1502>H1502 D1505>D1507 D1505>G1703 D1505>M1607 D1507>D1502 D1507>G1703 F1104>K2111 '
    'F1603>H2914 F1703>A1203 F1703>F1301 G1501>G1602 G1501>J1501 G1501>K1302 G1501>K1304 G1602>D1106 '
    'G1602>D1502 G1602>G1603 G1602>G1803 G1602>H2102 G1603>D1505 G1603>G1602 G1603>G1803 G1603>N1103 '
    'G1603>N4105 G1803>D1507 G1803>G1602 G1803>G1603 H1206>H1502 H1206>H2502 H1206>M1302 H1404>H1206 '
    'H1404>K2111 H2102>H1404 H2102>H2301 H2102>H2912 H2102>I1304 H2102>N1103 H2301>H1502 H2301>H2102 '
    'H2301>I1304 H2502>H1206 H2502>H1404 H2502>H1502 H2502>M1302 H2903>H2909 H2903>H2912 H2907>H2102 '
    'H2907>H2909 H2907>I1304 H2912>H2903 H2912>H2909 H2912>I1304 H2912>I1310 H2913>H2914 H2914>H2909 '
    'H2914>H2913 H3203>H2909 H3302>A1401 H3302>H2909 H3302>N1103 I1304>H2912 I1309>F1602 I1309>I1304 '
    'I1310>H1404 I1310>H2912 I1310>I1304 I1310>I1603 I1603>I1304 I1603>I1604 I1604>I1603 J1304>J1501 '
    'J1501>J1304 J1501>J1506 J1501>K2111 J1506>K2111 K1302>J1501 K1304>G1501 K1304>J1501 K1304>K1302 '
    'K2204>K2503 K2503>G1703 M1607>C1401 N1101>F1301 N1101>N1103 N1103>D1507 N1103>N1101 N4101>A1101 '
    'N4101>K2111 N4101>N4102 N4101>N4105 N4105>N4101 N4105>N4102 '
).split()
