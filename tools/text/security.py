"""UI text of SecurityText: key -> Dutch (English is the key)."""
FEATURE = "SecurityText"
TEXT = {
 'Emergency access (break-glass)': 'Noodtoegang (break-glass)',
 'Open a record of a patient outside your sites in an emergency. Your name, the time and the reason are recorded and reported to the administrator; access lasts four hours.':
     'Open in een noodgeval het dossier van een patiënt buiten uw locaties. Uw naam, het tijdstip en de reden worden vastgelegd en aan de beheerder gemeld; de toegang duurt vier uur.',
 'Record number': 'Dossiernummer',
 'Reason': 'Reden',
 'Open the record': 'Dossier openen',
 'Opened by break-glass at {0}: {1}. This access is reported to the administrator and ends at {2}.':
     'Geopend met noodtoegang om {0}: {1}. Deze toegang wordt aan de beheerder gemeld en eindigt om {2}.',
 'Break-glass report': 'Overzicht noodtoegang',
 '{0} emergency openings of records outside the user\'s sites.': '{0} keer noodtoegang tot dossiers buiten de eigen locaties.',
 'When': 'Wanneer',
 'User': 'Gebruiker',
 'Patient': 'Patiënt',
 'Until': 'Tot',
 'Site access': 'Toegang tot locaties',
 'Staff see the patients of their own site. Grant another site for cover; every grant and withdrawal is audited.':
     'Medewerkers zien de patiënten van hun eigen locatie. Geef toegang tot een andere locatie voor waarneming; elke toekenning en intrekking wordt gelogd.',
 'Staff member': 'Medewerker',
 'Site': 'Locatie',
 'Grant access': 'Toegang geven',
 'Own site': 'Eigen locatie',
 'Granted sites': 'Toegekende locaties',
 'none': 'geen',
 'Withdraw': 'Intrekken',
 'Withdraw {0} from {1}': '{0} intrekken voor {1}',
 'break-glass.reason-too-short': ('Say why in at least 10 characters.', 'Geef de reden in minstens 10 tekens.'),
 'patient.not-found': ('No patient with this record number.', 'Geen patiënt met dit dossiernummer.'),
 'site-access.conflict': ('This staff member already sees this site.', 'Deze medewerker ziet deze locatie al.'),
 'field.required': ('This field is required.', 'Dit veld is verplicht.'),
}
