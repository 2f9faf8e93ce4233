using Hl7.Fhir.Model;

namespace RegenClinic.Web.Tests.Fhir;

internal static class FhirTestBundles
{
    /// <summary>A patient with one condition, medication, allergy and observation, referenced by urn:uuid.</summary>
    public static Bundle PatientWithRecord(string family)
    {
        const string patientUrl = "urn:uuid:8a5c7f0e-1b2c-4d3e-9f40-0123456789ab";
        var subject = new ResourceReference(patientUrl);
        Resource[] resources =
        [
            new Hl7.Fhir.Model.Patient { Name = [new HumanName { Family = family, Given = ["Eva"] }], BirthDate = "1965-02-03", Gender = AdministrativeGender.Female },
            new Condition
            {
                ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
                Code = new CodeableConcept("http://hl7.org/fhir/sid/icd-10-cm", "M87.05", "Idiopathic aseptic necrosis of femur", null),
                Subject = subject,
            },
            new MedicationStatement
            {
                Status = MedicationStatement.MedicationStatusCodes.Active,
                Medication = new CodeableConcept("http://www.whocc.no/atc", "M05BA08", "zoledronic acid", null),
                Subject = subject,
            },
            new AllergyIntolerance { Code = new CodeableConcept { Text = "Penicillin" }, Patient = subject },
            new Observation
            {
                Status = ObservationStatus.Final,
                Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs")],
                Code = new CodeableConcept("http://loinc.org", "8480-6", "Systolic blood pressure", null),
                Subject = subject,
                Effective = new FhirDateTime("2026-01-05T09:30:00+01:00"),
                Value = new Quantity { Value = 128, Unit = "mm[Hg]", System = "http://unitsofmeasure.org", Code = "mm[Hg]" },
            },
        ];
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        for (var i = 0; i < resources.Length; i++)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = i == 0 ? patientUrl : $"urn:uuid:{Guid.NewGuid()}",
                Resource = resources[i],
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resources[i].TypeName },
            });
        }
        return bundle;
    }
}
