"""UI text of FhirText: key -> Dutch (English is the key), or key -> (English, Dutch)."""
FEATURE = "FhirText"
TEXT = {
    'FHIR system clients': 'FHIR-systeemkoppelingen',
    'Other systems (registries, hospitals) call /fhir with a token from /fhir/token (grant_type=client_credentials). Each client gets only the scopes you give it.':
        'Andere systemen (registers, ziekenhuizen) gebruiken /fhir met een token van /fhir/token (grant_type=client_credentials). Elke koppeling krijgt alleen de scopes die u toekent.',
    'Client registered': 'Koppeling geregistreerd',
    'Copy the secret now: it is shown only this once and only its hash is kept.': 'Kopieer het geheim nu: het wordt alleen deze keer getoond en alleen de hash wordt bewaard.',
    'Scopes': 'Scopes',
    'Register a client': 'Koppeling registreren',
    'Name': 'Naam',
    'Scopes (separated by spaces)': 'Scopes (gescheiden door spaties)',
    'Register': 'Registreren',
    'Registered clients': 'Geregistreerde koppelingen',
    'Registered': 'Geregistreerd',
    'Status': 'Status',
    'Revoked {0}': 'Ingetrokken {0}',
    'Active': 'Actief',
    'Revoke a client': 'Koppeling intrekken',
    'Client': 'Koppeling',
    'Revoke': 'Intrekken',
    'field.required': ('This field is required.', 'Dit veld is verplicht.'),
    'field.invalid-format': ('This value is not in the expected format.', 'Deze waarde heeft niet de verwachte vorm.'),
}
