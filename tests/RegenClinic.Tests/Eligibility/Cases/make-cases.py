#!/usr/bin/env python3
"""Writes the screening case bundles (NN-name.json) and expected.json.
Expected verdicts are written by hand from shared/clinical-reference.md, in therapy order:
hbot, ozone-injection, ozone-autohemotherapy, ozone-insufflation, prolotherapy, bmac, adipose, allogeneic.
C contraindicated, N not-indicated, P eligible-with-precautions, E eligible. Screening date 2027-01-04 unless given."""
import json, os

ICD = "http://hl7.org/fhir/sid/icd-10-cm"; ATC = "http://www.whocc.no/atc"; LOINC = "http://loinc.org"; SCT = "http://snomed.info/sct"
CLIN = "http://terminology.hl7.org/CodeSystem/condition-clinical"; VER = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
WORDS = {"C": "contraindicated", "N": "not-indicated", "P": "eligible-with-precautions", "E": "eligible"}

def cond(code, status="active", onset=None, stage=None, verification=None):
    r = {"resourceType": "Condition", "code": {"coding": [{"system": ICD, "code": code}]}}
    if status: r["clinicalStatus"] = {"coding": [{"system": CLIN, "code": status}]}
    if verification: r["verificationStatus"] = {"coding": [{"system": VER, "code": verification}]}
    if onset: r["onsetDateTime"] = onset
    if stage: r["stage"] = [{"summary": {"coding": [{"system": "urn:regenclinic:codesystem:arco-2019", "code": stage}]}}]
    return r

def med(atc, status="active", start=None, end=None, request=False):
    if request:
        r = {"resourceType": "MedicationRequest", "status": status, "intent": "order", "medicationCodeableConcept": {"coding": [{"system": ATC, "code": atc}]}}
        if start: r["authoredOn"] = start
        return r
    r = {"resourceType": "MedicationStatement", "status": status, "medicationCodeableConcept": {"coding": [{"system": ATC, "code": atc}]}}
    if start or end:
        r["effectivePeriod"] = {k: v for k, v in (("start", start), ("end", end)) if v}
    return r

def allergy(text=None, atc=None):
    code = {}
    if atc: code["coding"] = [{"system": ATC, "code": atc}]
    if text: code["text"] = text
    return {"resourceType": "AllergyIntolerance", "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "code": "active"}]}, "code": code}

def obs(loinc, value=None, unit=None, when="2027-01-03", coded=None):
    r = {"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": LOINC, "code": loinc}]}, "effectiveDateTime": when}
    if value is not None: r["valueQuantity"] = {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": unit}
    if coded: r["valueCodeableConcept"] = {"coding": [{"system": SCT, "code": coded}]}
    return r

def proc(snomed, when):
    return {"resourceType": "Procedure", "status": "completed", "code": {"coding": [{"system": SCT, "code": snomed}]}, "performedDateTime": when}

PHYSIO_LONG_AGO = proc("91251008", "2026-01-10")
KNEE = cond("M17.11"); FIBRO = cond("M79.7"); MRONJ = cond("M87.180")

CASES = [
    ("empty-patient", [], "NNNNNNNN"),
    ("mronj", [MRONJ], "EENNNNNN"),
    ("mronj-untreated-pneumothorax", [MRONJ, cond("J93.9", onset="2026-12-30")], "CENNNNNN"),
    ("mronj-pneumothorax-drained-after-onset", [MRONJ, cond("J93.9", onset="2026-12-30"), proc("264957007", "2026-12-31")], "PENNNNNN"),
    ("mronj-pneumothorax-drain-before-onset", [MRONJ, cond("J93.9", onset="2026-12-30"), proc("264957007", "2026-12-29")], "CENNNNNN"),
    ("fibromyalgia", [FIBRO], "ENEENNNN"),
    ("fibromyalgia-pregnant-z33", [FIBRO, cond("Z33.1")], "PCCCNCCC"),
    ("fibromyalgia-pregnant-loinc", [FIBRO, obs("82810-3", coded="77386006", when="2026-12-20")], "PCCCNCCC"),
    ("fibromyalgia-latest-loinc-not-pregnant", [FIBRO, obs("82810-3", coded="77386006", when="2026-10-01"), obs("82810-3", coded="60001007", when="2026-12-20")], "ENEENNNN"),
    ("knee-oa-no-conservative-care", [KNEE], "NENNNEEE"),
    ("knee-oa-physio-exactly-3-months", [KNEE, proc("91251008", "2026-10-04")], "NENNEEEE"),
    ("knee-oa-physio-one-day-short", [KNEE, proc("91251008", "2026-10-05")], "NENNNEEE"),
    ("knee-oa-nsaid-statement", [KNEE, med("M01AE01", start="2026-09-01")], "NENNEEEE"),
    ("lbp-physio-exactly-6-weeks", [cond("M54.50"), proc("91251008", "2026-11-23")], "EENNNNNN"),
    ("lbp-physio-one-day-short", [cond("M54.50"), proc("91251008", "2026-11-24")], "NENNNNNN"),
    ("disc-herniation-analgesic", [cond("M51.16"), med("N02BE01", start="2026-06-01")], "EENNNNNN"),
    ("thoracic-disc-not-lumbar", [cond("M51.14"), PHYSIO_LONG_AGO], "NNNNNNNN"),
    ("avn-arco-ii", [cond("M87.051", stage="II")], "ENNNNEEE"),
    ("avn-arco-iiib", [cond("M87.051", stage="IIIB")], "ENNNNNNN"),
    ("avn-unstaged", [cond("M87.051")], "ENNNNPPP"),
    ("avn-with-active-cancer", [cond("M87.051", stage="II"), cond("C50.911")], "ENNNNCCC"),
    ("knee-oa-warfarin", [KNEE, PHYSIO_LONG_AGO, med("B01AA03", start="2025-01-01")], "NPNNPPPP"),
    ("knee-oa-platelets-45", [KNEE, PHYSIO_LONG_AGO, obs("777-3", 45, "10*9/L", "2027-01-02")], "NCCCEPPP"),
    ("knee-oa-platelets-50", [KNEE, PHYSIO_LONG_AGO, obs("777-3", 50, "10*9/L", "2027-01-02")], "NENNEEEE"),
    ("fibromyalgia-g6pd", [FIBRO, cond("D55.0")], "ENCCNNNN"),
    ("knee-oa-g6pd", [KNEE, PHYSIO_LONG_AGO, cond("D55.0")], "NPCCEEEE"),
    ("knee-oa-mi-exactly-6-months", [KNEE, PHYSIO_LONG_AGO, cond("I21.9", status="resolved", onset="2026-07-04")], "NCCCEEEE"),
    ("knee-oa-mi-6-months-and-a-day", [KNEE, PHYSIO_LONG_AGO, cond("I21.9", status="resolved", onset="2026-07-03")], "NENNEEEE"),
    ("fibromyalgia-fever-today", [FIBRO, obs("8310-5", 38.2, "Cel", "2027-01-04T08:30:00+01:00")], "PNEENNNN"),
    ("fibromyalgia-fever-two-days-ago", [FIBRO, obs("8310-5", 38.2, "Cel", "2027-01-02")], "ENEENNNN"),
    ("fibromyalgia-heart-failure-lvef-25", [FIBRO, cond("I50.22"), obs("10230-1", 25, "%", "2026-12-01")], "PNPPNNNN"),
    ("fibromyalgia-heart-failure-no-lvef", [FIBRO, cond("I50.9")], "PNPPNNNN"),
    ("fibromyalgia-heart-failure-lvef-35", [FIBRO, cond("I50.9"), obs("10230-1", 35, "%", "2026-12-01")], "ENPPNNNN"),
    ("knee-oa-lidocaine-allergy", [KNEE, PHYSIO_LONG_AGO, allergy(atc="N01BB02")], "NENNCEEE"),
    ("knee-oa-corn-allergy", [KNEE, PHYSIO_LONG_AGO, allergy(text="Corn")], "NENNPEEE"),
    ("knee-oa-ozone-allergy", [KNEE, PHYSIO_LONG_AGO, allergy(text="Ozone (O3)")], "NCCCEEEE"),
    ("knee-oa-cellulitis", [KNEE, PHYSIO_LONG_AGO, cond("L03.115")], "NENNCCCC"),
    ("tendinopathy-diabetes-on-insulin", [cond("M77.11"), proc("91251008", "2026-09-01"), cond("E11.9"), med("A10AE04", start="2024-01-01")], "NENNPNNN"),
    ("osteoradionecrosis-after-radiotherapy", [cond("M27.2"), cond("Z92.3", status="resolved")], "ENNNNNNN"),
    ("osteoradionecrosis-without-radiotherapy", [cond("M27.2")], "NNNNNNNN"),
    ("mronj-bleomycin-long-ago", [MRONJ, med("L01DC01", status="completed", start="2020-01-01", end="2020-03-01")], "PENNNNNN"),
    ("mronj-doxorubicin-stopped-yesterday", [MRONJ, med("L01DB01", status="stopped", start="2026-10-01", end="2027-01-03")], "PENNNNNN"),
    ("mronj-doxorubicin-stopped-two-days-ago", [MRONJ, med("L01DB01", status="stopped", start="2026-10-01", end="2027-01-02")], "EENNNNNN"),
    ("knee-oa-fracture-exactly-3-months", [KNEE, PHYSIO_LONG_AGO, cond("S82.101A", status="resolved", onset="2026-10-04")], "NENNPEEE"),
    ("knee-oa-fracture-3-months-and-a-day", [KNEE, PHYSIO_LONG_AGO, cond("S82.101A", status="resolved", onset="2026-10-03")], "NENNEEEE"),
    ("knee-oa-entered-in-error", [cond("M17.11", verification="entered-in-error"), PHYSIO_LONG_AGO], "NNNNNNNN"),
    ("knee-oa-resolved", [cond("M17.11", status="resolved"), PHYSIO_LONG_AGO], "NNNNNNNN"),
    ("knee-oa-rivaroxaban-request", [KNEE, PHYSIO_LONG_AGO, med("B01AF01", request=True, start="2026-11-01")], "NPNNPPPP"),
    ("mronj-transaction", [MRONJ], "EENNNNNN", "transaction"),
    ("mronj-pacemaker-searchset", [MRONJ, cond("Z95.0")], "PENNNNNN", "searchset"),
    ("knee-oa-hyperthyroid", [cond("M17.0"), PHYSIO_LONG_AGO, cond("E05.00")], "NCCCEEEE"),
    ("fibromyalgia-claustrophobia", [FIBRO, cond("F40.240")], "PNEENNNN"),
    ("mronj-copd", [MRONJ, cond("J44.9")], "PPNNNNNN"),
    ("knee-oa-mi-active-undated", [KNEE, PHYSIO_LONG_AGO, cond("I21.4")], "NCCCEEEE"),
    ("lbp-old-code-m54-5-physio", [cond("M54.5"), proc("91251008", "2026-06-01")], "EENNENNN"),
]

# Rule ids that must appear among the findings (in any therapy) for a case, from the reference.
RULES = {
    "mronj-untreated-pneumothorax": ["HBOT-ABS-001"],
    "mronj-pneumothorax-drained-after-onset": ["HBOT-REL-PTX-HX"],
    "mronj-pneumothorax-drain-before-onset": ["HBOT-ABS-001"],
    "fibromyalgia-pregnant-z33": ["HBOT-REL-PREG", "OZONE-ABS-PREG", "PROLO-REL-PREG", "CELL-ABS-PREG"],
    "fibromyalgia-pregnant-loinc": ["HBOT-REL-PREG", "OZONE-ABS-PREG", "CELL-ABS-PREG"],
    "knee-oa-no-conservative-care": ["PROLO-PRQ-CONSERVATIVE"],
    "knee-oa-physio-one-day-short": ["PROLO-PRQ-CONSERVATIVE"],
    "lbp-physio-one-day-short": ["HBOT-PRQ-CONSERVATIVE", "PROLO-PRQ-CONSERVATIVE"],
    "avn-arco-iiib": ["CELL-PRQ-ARCO"],
    "avn-unstaged": ["CELL-PRE-ARCO-MISSING"],
    "avn-with-active-cancer": ["CELL-ABS-MALIG"],
    "knee-oa-warfarin": ["OZONE-REL-ANTICOAG", "PROLO-REL-ANTICOAG", "CELL-REL-ANTICOAG"],
    "knee-oa-platelets-45": ["OZONE-ABS-PLT", "CELL-REL-BLEED"],
    "fibromyalgia-g6pd": ["OZONE-ABS-G6PD", "OZONE-REL-G6PD"],
    "knee-oa-g6pd": ["OZONE-ABS-G6PD", "OZONE-REL-G6PD"],
    "knee-oa-mi-exactly-6-months": ["OZONE-ABS-MI"],
    "fibromyalgia-fever-today": ["HBOT-REL-FEVER"],
    "fibromyalgia-heart-failure-lvef-25": ["HBOT-REL-HF", "OZONE-REL-HF"],
    "fibromyalgia-heart-failure-no-lvef": ["HBOT-PRE-HF-LVEF", "OZONE-REL-HF"],
    "knee-oa-lidocaine-allergy": ["PROLO-ABS-ALLERGY"],
    "knee-oa-corn-allergy": ["PROLO-PRE-CORN"],
    "knee-oa-ozone-allergy": ["OZONE-ABS-ALLERGY"],
    "knee-oa-cellulitis": ["PROLO-ABS-CELLULITIS", "CELL-ABS-INFECTION"],
    "tendinopathy-diabetes-on-insulin": ["HBOT-PRE-GLUCOSE", "PROLO-REL-DIABETES"],
    "mronj-bleomycin-long-ago": ["HBOT-REL-BLEO"],
    "mronj-doxorubicin-stopped-yesterday": ["HBOT-REL-DOXO"],
    "knee-oa-fracture-exactly-3-months": ["PROLO-REL-FRACTURE"],
    "knee-oa-rivaroxaban-request": ["OZONE-REL-ANTICOAG", "PROLO-REL-ANTICOAG", "CELL-REL-ANTICOAG"],
    "mronj-pacemaker-searchset": ["HBOT-PRE-DEVICE"],
    "knee-oa-hyperthyroid": ["OZONE-ABS-HYPERTHY"],
    "fibromyalgia-claustrophobia": ["HBOT-REL-CLAUS"],
    "mronj-copd": ["HBOT-REL-COPD", "OZONE-REL-RESP"],
    "knee-oa-mi-active-undated": ["OZONE-ABS-MI"],
}

def bundle(index, name, resources, kind):
    pid = f"p{index:02d}"
    entries = [{"fullUrl": f"https://example.org/fhir/Patient/{pid}", "resource": {"resourceType": "Patient", "id": pid}}]
    counters = {}
    for r in resources:
        r = json.loads(json.dumps(r))
        prefix = {"Condition": "c", "MedicationStatement": "m", "MedicationRequest": "mr", "AllergyIntolerance": "a", "Observation": "o", "Procedure": "pr"}[r["resourceType"]]
        counters[prefix] = counters.get(prefix, 0) + 1
        r["id"] = f"{prefix}{counters[prefix]}"
        if r["resourceType"] == "AllergyIntolerance": r["patient"] = {"reference": f"Patient/{pid}"}
        else: r["subject"] = {"reference": f"Patient/{pid}"}
        entry = {"fullUrl": f"https://example.org/fhir/{r['resourceType']}/{r['id']}", "resource": r}
        if kind == "transaction": entry["request"] = {"method": "PUT", "url": f"{r['resourceType']}/{r['id']}"}
        if kind == "searchset": entry["search"] = {"mode": "match"}
        entries.append(entry)
    if kind == "transaction": entries[0]["request"] = {"method": "PUT", "url": f"Patient/{pid}"}
    if kind == "searchset": entries[0]["search"] = {"mode": "match"}
    return {"resourceType": "Bundle", "type": kind, "entry": entries}

here = os.path.dirname(os.path.abspath(__file__))
expected = {}
for i, case in enumerate(CASES, 1):
    name, resources, verdicts = case[0], case[1], case[2]
    kind = case[3] if len(case) > 3 else "collection"
    assert len(verdicts) == 8, name
    file = f"{i:02d}-{name}.json"
    with open(os.path.join(here, file), "w") as f:
        json.dump(bundle(i, name, resources, kind), f, indent=1)
        f.write("\n")
    expected[file] = {"date": "2027-01-04", "verdicts": [WORDS[v] for v in verdicts], "rules": RULES.get(name, [])}
with open(os.path.join(here, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
    f.write("\n")
assert not set(RULES) - {c[0] for c in CASES}, "RULES names an unknown case"
print(len(CASES), "cases")
