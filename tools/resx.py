#!/usr/bin/env python3
"""Writes src/RegenClinic.Web/Resources/<Feature>Text(.nl).resx from the tables below.
The tables are the source of the UI text: edit them here and run `python3 tools/resx.py`."""
import os, html

# key: (English, Dutch). Keys that are English sentences map to themselves in English.
COMMON = {
 "Skip to content": "Naar de inhoud", "Main": "Hoofdmenu", "Dashboard": "Overzicht", "Patients": "Patiënten", "Audit trail": "Audittrail",
 "API": "API", "Sign out": "Afmelden", "Sign in": "Aanmelden", "Language": "Taal", "Switch": "Wissel", "Email": "E-mail", "Password": "Wachtwoord",
 "Account locked after repeated failures. Try again later.": "Account geblokkeerd na herhaalde mislukte pogingen. Probeer het later opnieuw.",
 "Email or password is wrong.": "E-mailadres of wachtwoord is onjuist.", "Access denied": "Geen toegang",
 "Your role does not allow this page. Ask an administrator if you need access.": "Uw rol geeft geen toegang tot deze pagina. Vraag een beheerder als u toegang nodig hebt.",
 "Not found": "Niet gevonden", "There is nothing at this address.": "Op dit adres staat niets.",
 "Today": "Vandaag", "Sessions today": "Sessies vandaag", "No sessions booked today.": "Vandaag zijn geen sessies geboekt.",
 "Time": "Tijd", "Patient": "Patiënt", "Therapy": "Therapie", "Chamber or room": "Kamer of ruimte", "Alerts": "Waarschuwingen",
 "No alerts for today's patients.": "Geen waarschuwingen voor de patiënten van vandaag.",
 "therapy.hbot": ("Hyperbaric oxygen", "Hyperbare zuurstof"), "therapy.ozone-injection": ("Ozone injection", "Ozoninjectie"),
 "therapy.ozone-autohemotherapy": ("Ozone autohaemotherapy", "Ozon-autohemotherapie"), "therapy.ozone-insufflation": ("Ozone insufflation", "Ozoninsufflatie"),
 "therapy.prolotherapy": ("Prolotherapy", "Prolotherapie"), "therapy.cell-therapy-bmac": ("Bone-marrow cells (BMAC)", "Beenmergcellen (BMAC)"),
 "therapy.cell-therapy-adipose": ("Adipose-derived cells", "Cellen uit vetweefsel"), "therapy.cell-therapy-allogeneic": ("Allogeneic MSC", "Allogene MSC"),
}
FLAGS = {
 "flag.Antiresorptive": ("On antiresorptive", "Antiresorptieve medicatie"), "flag.Corticosteroid": ("On corticosteroid", "Corticosteroïd"),
 "flag.Anticoagulant": ("On anticoagulant", "Antistolling"), "flag.Chemotherapy": ("Chemotherapy", "Chemotherapie"),
 "flag.Allergy": ("Allergy", "Allergie"), "flag.Pregnancy": ("Pregnancy", "Zwangerschap"), "flag.Pneumothorax": ("Pneumothorax", "Pneumothorax"),
}
PATIENTS = {
 "Patients": "Patiënten", "Register a patient": "Patiënt inschrijven", "Name or record number": "Naam of dossiernummer",
 "e.g. Jansen, Pieter or RC-0000012": "bijv. Jansen, Pieter of RC-0000012", "Birth date": "Geboortedatum", "Search": "Zoeken",
 "Birth date must be a date (yyyy-mm-dd).": "Geboortedatum moet een datum zijn (jjjj-mm-dd).", "{0} patients found": "{0} patiënten gevonden",
 "Search results": "Zoekresultaten", "Record": "Dossier", "Name": "Naam", "Sex": "Geslacht", "Pages": "Pagina's", "Previous": "Vorige",
 "Page {0} of {1}": "Pagina {0} van {1}", "Next": "Volgende", "Demographics": "Persoonsgegevens", "Family name": "Achternaam", "Given name": "Voornaam",
 "Preferred language": "Voorkeurstaal", "Contact": "Contact", "Phone": "Telefoon", "Email": "E-mail", "Address": "Adres", "Home physician": "Huisarts",
 "Practice": "Praktijk", "Register": "Inschrijven", "{0} years": "{0} jaar", "Risk flags": "Risicosignalen", "Problems": "Problemen", "Code": "Code",
 "Condition": "Aandoening", "Status": "Status", "Stage": "Stadium", "Onset": "Begin", "Actions": "Acties", "Medications": "Medicatie",
 "Medication": "Geneesmiddel", "Dose": "Dosering", "Period": "Periode", "Allergies": "Allergieën", "No known allergies recorded.": "Geen allergieën bekend.",
 "Vital signs and labs": "Vitale functies en lab", "When": "Wanneer", "Measure": "Meting", "Value": "Waarde", "Imaging": "Beeldvorming",
 "Assessments": "Beoordelingen", "History": "Anamnese", "Examination": "Onderzoek", "Plan": "Plan", "Timeline": "Tijdlijn",
 "amended or voided": "gewijzigd of vervallen", "Your role sees demographics and appointments only.": "Uw rol ziet alleen persoonsgegevens en afspraken.",
 "Add": "Toevoegen", "Amend": "Wijzigen", "Void": "Laten vervallen", "Back to the chart": "Terug naar het dossier", "Unknown kind of entry.": "Onbekend soort gegeven.",
 "ICD-10-CM code": "ICD-10-CM-code", "Description": "Omschrijving", "Clinical status": "Klinische status", "Body site": "Lichaamsdeel",
 "Resolved on": "Verdwenen op", "ATC code": "ATC-code", "Start": "Start", "End": "Einde", "Substance": "Stof", "ATC code (if a medicine)": "ATC-code (bij een geneesmiddel)",
 "Reaction": "Reactie", "LOINC code": "LOINC-code", "Measured at": "Gemeten op", "Modality": "Modaliteit", "Date": "Datum", "Finding": "Bevinding",
 "Baseline pain (NRS 0–10)": "Pijn bij aanvang (NRS 0–10)", "Reason for the amendment": "Reden van de wijziging", "Save": "Opslaan",
 "Stage system": "Stadiëringssysteem", "None": "Geen", "femoral head": "heupkop", "Void an entry": "Gegeven laten vervallen",
 "A voided entry stays on the record, marked void with your name, the time and the reason.": "Een vervallen gegeven blijft in het dossier, gemarkeerd met uw naam, het tijdstip en de reden.",
 "Reason": "Reden", "Cancel": "Annuleren",
 "Add conditions": ("Add a condition", "Aandoening toevoegen"), "Add medications": ("Add a medication", "Geneesmiddel toevoegen"),
 "Add allergies": ("Add an allergy", "Allergie toevoegen"), "Add observations": ("Add a vital sign or lab value", "Vitale functie of labwaarde toevoegen"),
 "Add imaging": ("Add an imaging study", "Beeldvorming toevoegen"), "Add assessments": ("Add an assessment", "Beoordeling toevoegen"),
 "Amend conditions": ("Amend a condition", "Aandoening wijzigen"), "Amend medications": ("Amend a medication", "Geneesmiddel wijzigen"),
 "Amend allergies": ("Amend an allergy", "Allergie wijzigen"), "Amend observations": ("Amend a measurement", "Meting wijzigen"),
 "Amend imaging": ("Amend an imaging study", "Beeldvorming wijzigen"), "Amend assessments": ("Amend an assessment", "Beoordeling wijzigen"),
 "sex.Female": ("Female", "Vrouw"), "sex.Male": ("Male", "Man"), "sex.Other": ("Other", "Anders"), "sex.Unknown": ("Unknown", "Onbekend"),
 "lang.en": ("English", "Engels"), "lang.nl": ("Dutch", "Nederlands"), "lang.de": ("German", "Duits"), "lang.fr": ("French", "Frans"), "lang.es": ("Spanish", "Spaans"), "lang.it": ("Italian", "Italiaans"),
 "status.Active": ("Active", "Actief"), "status.Recurrence": ("Recurrence", "Recidief"), "status.Relapse": ("Relapse", "Terugval"),
 "status.Inactive": ("Inactive", "Inactief"), "status.Remission": ("Remission", "Remissie"), "status.Resolved": ("Resolved", "Verdwenen"),
 "med.Active": ("Active", "Actief"), "med.Intended": ("Intended", "Gepland"), "med.OnHold": ("On hold", "Gepauzeerd"), "med.Completed": ("Completed", "Afgerond"), "med.Stopped": ("Stopped", "Gestopt"),
 "kind.condition": ("Condition", "Aandoening"), "kind.medication": ("Medication", "Geneesmiddel"), "kind.imaging": ("Imaging", "Beeldvorming"),
 "kind.assessment": ("Assessment", "Beoordeling"), "kind.observation": ("Measurement", "Meting"),
}
ERRORS = {
 "field.required": ("This field is required.", "Dit veld is verplicht."), "field.invalid-format": ("This value is not in the expected format.", "Deze waarde heeft niet het verwachte formaat."),
 "field.too-long": ("This text is too long.", "Deze tekst is te lang."), "date.future": ("This date cannot be in the future.", "Deze datum kan niet in de toekomst liggen."),
 "patient.birth-date-future": ("Birth date cannot be in the future.", "Geboortedatum kan niet in de toekomst liggen."),
 "code.invalid-icd10cm": ("Not an ICD-10-CM code (for example M87.180).", "Geen ICD-10-CM-code (bijvoorbeeld M87.180)."),
 "code.invalid-atc": ("Not an ATC code (for example M05BA08).", "Geen ATC-code (bijvoorbeeld M05BA08)."),
 "medication.end-before-start": ("End cannot be before start.", "Einde kan niet vóór de start liggen."),
 "medication.end-required": ("A completed or stopped medication needs an end date.", "Een afgerond of gestopt geneesmiddel heeft een einddatum nodig."),
 "condition.abatement-before-onset": ("Resolution cannot be before onset.", "Verdwijnen kan niet vóór het begin liggen."),
 "observation.value-required": ("Give a value with its unit.", "Geef een waarde met eenheid."),
 "assessment.pain-range": ("Pain is rated 0 to 10.", "Pijn wordt gescoord van 0 tot 10."),
 "stage.unknown-code": ("This stage does not belong to the chosen system.", "Dit stadium hoort niet bij het gekozen systeem."),
 "stage.unknown-system": ("Choose ARCO 2019 or AAOMS 2022.", "Kies ARCO 2019 of AAOMS 2022."),
 "entry.already-voided": ("This entry is already voided.", "Dit gegeven is al vervallen."),
}
ADMIN = {
 "Audit trail": "Audittrail", "User": "Gebruiker", "Action": "Actie", "Any": "Alle", "Patient id": "Patiënt-id", "From": "Van", "To": "Tot",
 "Verify the hash chain": "Hashketen controleren", "Filter": "Filteren", "Chain intact: {0} entries checked.": "Keten intact: {0} regels gecontroleerd.",
 "Chain broken at entry {0}: {1}": "Keten verbroken bij regel {0}: {1}", "{0} entries": "{0} regels", "When": "Wanneer", "What": "Wat", "Patient": "Patiënt",
 "Details": "Details", "Pages": "Pagina's", "Previous": "Vorige", "Next": "Volgende",
}
FEATURES = {"SharedText": {**COMMON, **FLAGS}, "PatientsText": {**PATIENTS, **ERRORS, **FLAGS}, "AdminText": ADMIN}

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
out = os.path.join(os.path.dirname(__file__), "..", "src", "RegenClinic.Web", "Resources")
for name, table in FEATURES.items():
    for suffix, pick in (("", 0), (".nl", 1)):
        rows = []
        for key, value in sorted(table.items()):
            text = value[pick] if isinstance(value, tuple) else (key if pick == 0 else value)
            rows.append(f'  <data name="{html.escape(key)}" xml:space="preserve"><value>{html.escape(text, quote=False)}</value></data>\n')
        with open(os.path.join(out, f"{name}{suffix}.resx"), "w", encoding="utf-8") as f:
            f.write(HEAD + "".join(rows) + "</root>\n")
print("resx written")
