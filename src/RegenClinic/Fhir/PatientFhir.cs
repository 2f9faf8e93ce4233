using System.Globalization;
using Hl7.Fhir.Model;
using RegenClinic.Domain.Patients;
using LocalDate = NodaTime.LocalDate;
using DomainPatient = RegenClinic.Domain.Patients.Patient;
using FhirPatient = Hl7.Fhir.Model.Patient;

namespace RegenClinic.Fhir;

/// <summary>Patient demographics as FHIR R4 Patient. The record number is the identifier; the home physician travels as a
/// contained Practitioner (name, phone, e-mail) and Organization (practice) named by generalPractitioner.</summary>
public static class PatientFhir
{
    public const string RecordNumberSystem = "urn:regenclinic:sid:record-number";
    private const string LanguageSystem = "urn:ietf:bcp:47";
    private const string HomePhysicianId = "home-physician";
    private const string HomePracticeId = "home-practice";

    public static FhirPatient ToFhir(this DomainPatient p)
    {
        var patient = new FhirPatient
        {
            Id = p.Id.ToString(),
            Identifier = [new Identifier(RecordNumberSystem, p.RecordNumber) { Use = Identifier.IdentifierUse.Official }],
            Active = true,
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = p.FamilyName, Given = p.GivenName.Split(' ', StringSplitOptions.RemoveEmptyEntries) }],
            BirthDate = FhirDates.Date(p.BirthDate),
            Gender = p.Sex switch
            {
                Sex.Female => AdministrativeGender.Female,
                Sex.Male => AdministrativeGender.Male,
                Sex.Other => AdministrativeGender.Other,
                _ => AdministrativeGender.Unknown,
            },
            Communication = [new FhirPatient.CommunicationComponent { Language = new CodeableConcept(LanguageSystem, p.PreferredLanguage), Preferred = true }],
        };
        if (p.Phone is { } phone) patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, phone));
        if (p.Email is { } email) patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, email));
        if (p.Address is { } address) patient.Address = [new Address { Text = address }];
        if (p.HomePhysician is { } hp)
        {
            var physician = new Practitioner { Id = HomePhysicianId, Name = [new HumanName { Text = hp.Name }] };
            if (hp.Phone is { } hpPhone) physician.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, hpPhone));
            if (hp.Email is { } hpEmail) physician.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, hpEmail));
            patient.Contained.Add(physician);
            patient.GeneralPractitioner.Add(new ResourceReference("#" + HomePhysicianId, hp.Name));
            if (hp.Practice is { } practice)
            {
                patient.Contained.Add(new Organization { Id = HomePracticeId, Name = practice });
                patient.GeneralPractitioner.Add(new ResourceReference("#" + HomePracticeId, practice));
            }
        }
        return patient;
    }

    /// <summary>The demographics a FHIR Patient carries; the record number is the clinic's to assign and is not read.</summary>
    public static PatientDetails ToDetails(this FhirPatient patient)
    {
        var name = patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official) ?? patient.Name.FirstOrDefault()
            ?? throw FhirException.Required("Patient.name");
        if (string.IsNullOrWhiteSpace(name.Family)) throw FhirException.Required("Patient.name.family");
        var given = string.Join(' ', name.Given.Where(g => !string.IsNullOrWhiteSpace(g)));
        if (given.Length == 0) throw FhirException.Required("Patient.name.given");
        var birth = FhirDates.ParseDate(patient.BirthDate, "Patient.birthDate") ?? throw FhirException.Required("Patient.birthDate");
        var sex = patient.Gender switch
        {
            AdministrativeGender.Female => Sex.Female,
            AdministrativeGender.Male => Sex.Male,
            AdministrativeGender.Other => Sex.Other,
            _ => Sex.Unknown,
        };
        var phone = patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone)?.Value;
        var email = patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Email)?.Value;
        var address = patient.Address.FirstOrDefault() is { } a
            ? a.Text ?? string.Join(", ", a.Line.Concat([a.PostalCode, a.City, a.Country]).Where(s => !string.IsNullOrWhiteSpace(s)))
            : null;
        var language = patient.Communication.OrderByDescending(c => c.Preferred == true)
            .SelectMany(c => c.Language?.Coding ?? []).FirstOrDefault()?.Code?.Split('-')[0] ?? "en";
        return new PatientDetails(name.Family, given, birth, sex, phone, email, string.IsNullOrWhiteSpace(address) ? null : address,
            language.ToLowerInvariant(), HomePhysicianOf(patient));
    }

    private static HomePhysician? HomePhysicianOf(FhirPatient patient)
    {
        var physician = patient.Contained.OfType<Practitioner>().FirstOrDefault(p => p.Id == HomePhysicianId);
        var name = physician?.Name.FirstOrDefault() is { } n ? n.Text ?? string.Join(' ', n.Given.Append(n.Family).Where(s => s is not null)) : null;
        name ??= patient.GeneralPractitioner.FirstOrDefault(r => r.Reference is null || r.Reference == "#" + HomePhysicianId)?.Display;
        if (string.IsNullOrWhiteSpace(name)) return null;
        var practice = patient.Contained.OfType<Organization>().FirstOrDefault(o => o.Id == HomePracticeId)?.Name;
        return new HomePhysician(name, practice,
            physician?.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone)?.Value,
            physician?.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Email)?.Value);
    }

    /// <summary>Domain field names (PatientDetails) → the FHIR element they come from.</summary>
    public static string Element(string? field) => field switch
    {
        "familyName" => "Patient.name.family",
        "givenName" => "Patient.name.given",
        "birthDate" => "Patient.birthDate",
        "sex" => "Patient.gender",
        "phone" => "Patient.telecom",
        "email" => "Patient.telecom",
        "address" => "Patient.address",
        "preferredLanguage" => "Patient.communication.language",
        { } f when f.StartsWith("homePhysician", StringComparison.Ordinal) => "Patient.generalPractitioner",
        _ => "Patient",
    };
}

/// <summary>Dates between NodaTime and FHIR's string forms.</summary>
public static class FhirDates
{
    public static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    public static FhirDateTime DateTime(NodaTime.Instant instant) => new(instant.ToDateTimeOffset());

    /// <summary>A FHIR date or dateTime read as the calendar date written; partial dates are refused (the clinic keeps full dates).</summary>
    public static LocalDate? ParseDate(string? value, string element)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var head = value.Length >= 10 ? value[..10] : value;
        return System.DateTime.TryParseExact(head, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? LocalDate.FromDateTime(parsed)
            : throw FhirException.Invalid(element, $"'{value}' is not a full date (yyyy-mm-dd).");
    }

    public static NodaTime.Instant? ParseInstant(string? value, string element)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var time = value.IndexOf('T', StringComparison.Ordinal) is var t and >= 0 ? value[t..] : "";
        if (time.Length == 0 || !(time.EndsWith('Z') || time.Contains('+', StringComparison.Ordinal) || time.Contains('-', StringComparison.Ordinal)))
            throw FhirException.Invalid(element, $"'{value}' needs a time and a time zone (yyyy-mm-ddThh:mm:ss+zz:zz).");
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? NodaTime.Instant.FromDateTimeOffset(parsed)
            : throw FhirException.Invalid(element, $"'{value}' is not a FHIR dateTime.");
    }
}
