using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Patients;

public enum Sex { Female, Male, Other, Unknown }

/// <summary>The home physician is kept for continuity of care: complications often appear after a travelling patient returns home.</summary>
public sealed record HomePhysician(string Name, string? Practice, string? Phone, string? Email);

public sealed class Patient
{
    public static readonly IReadOnlyList<string> Languages = ["en", "nl", "de", "fr", "es", "it"];

    private Patient() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string RecordNumber { get; private set; } = "";
    public string FamilyName { get; private set; } = "";
    public string GivenName { get; private set; } = "";
    /// <summary>Upper-cased "FAMILY GIVEN" without diacritics, for indexed prefix search.</summary>
    public string SearchName { get; private set; } = "";
    public LocalDate BirthDate { get; private set; }
    public Sex Sex { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? Address { get; private set; }
    public string PreferredLanguage { get; private set; } = "en";
    public HomePhysician? HomePhysician { get; private set; }
    public Guid SiteId { get; private set; }
    public Instant RegisteredAt { get; private set; }
    public string RegisteredBy { get; private set; } = "";

    public static Patient Register(PatientDetails details, string recordNumber, Guid siteId, string by, Instant at, LocalDate today)
    {
        var patient = new Patient
        {
            RecordNumber = Require.Text(recordNumber, nameof(RecordNumber), 20),
            SiteId = siteId,
            RegisteredBy = Require.Text(by, "by", 200),
            RegisteredAt = at,
        };
        patient.Apply(details, today);
        return patient;
    }

    public void UpdateDemographics(PatientDetails details, LocalDate today) => Apply(details, today);

    private void Apply(PatientDetails d, LocalDate today)
    {
        FamilyName = Require.Text(d.FamilyName, "familyName", 100);
        GivenName = Require.Text(d.GivenName, "givenName", 100);
        if (d.BirthDate > today) throw new DomainException("patient.birth-date-future", "Birth date cannot be in the future.", "birthDate");
        if (d.BirthDate < today.PlusYears(-130)) throw new DomainException("patient.birth-date-implausible", "Birth date is more than 130 years ago.", "birthDate");
        BirthDate = d.BirthDate;
        Sex = Require.Defined(d.Sex, "sex");
        Phone = Require.OptionalText(d.Phone, "phone", 40);
        Email = Require.OptionalText(d.Email, "email", 200);
        if (Email is not null && !Email.Contains('@', StringComparison.Ordinal))
            throw new DomainException("field.invalid", "Email address must contain '@'.", "email");
        Address = Require.OptionalText(d.Address, "address", 300);
        var language = d.PreferredLanguage?.Trim().ToLowerInvariant() ?? "en";
        PreferredLanguage = Languages.Contains(language) ? language
            : throw new DomainException("field.invalid", $"Preferred language must be one of {string.Join(", ", Languages)}.", "preferredLanguage");
        HomePhysician = d.HomePhysician is { Name: var name } hp && !string.IsNullOrWhiteSpace(name)
            ? hp with { Name = Require.Text(hp.Name, "homePhysician.name", 200) }
            : null;
        SearchName = SearchKey(FamilyName + " " + GivenName);
    }

    public int AgeOn(LocalDate date) => Period.Between(BirthDate, date, PeriodUnits.Years).Years;

    /// <summary>Folds case and diacritics so that "Müller" is found by "muller".</summary>
    public static string SearchKey(string text)
    {
        var normalized = text.Trim().Normalize(System.Text.NormalizationForm.FormD);
        var chars = normalized.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark);
        return new string([.. chars]).ToUpperInvariant();
    }
}

public sealed record PatientDetails(
    string FamilyName, string GivenName, LocalDate BirthDate, Sex Sex,
    string? Phone = null, string? Email = null, string? Address = null,
    string? PreferredLanguage = "en", HomePhysician? HomePhysician = null);
