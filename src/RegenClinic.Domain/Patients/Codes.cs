using System.Text.RegularExpressions;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Patients;

/// <summary>Shape checks for the code systems of clinical-reference §1. Whether a code exists is the code catalogue's job.</summary>
public static partial class Codes
{
    public const string Icd10CmSystem = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string AtcSystem = "http://www.whocc.no/atc";
    public const string LoincSystem = "http://loinc.org";
    public const string SnomedSystem = "http://snomed.info/sct";

    public static string Icd10Cm(string? code, string field)
    {
        var c = Require.Text(code, field, 10).ToUpperInvariant();
        return Icd10Pattern().IsMatch(c) ? c
            : throw new DomainException("code.invalid-icd10cm", $"'{c}' is not an ICD-10-CM code (letter, two characters, optional dot and up to four more).", field);
    }

    public static string Atc(string? code, string field)
    {
        var c = Require.Text(code, field, 7).ToUpperInvariant();
        return AtcPattern().IsMatch(c) ? c
            : throw new DomainException("code.invalid-atc", $"'{c}' is not an ATC code (for example M05BA08).", field);
    }

    public static string Loinc(string? code, string field)
    {
        var c = Require.Text(code, field, 10);
        return LoincPattern().IsMatch(c) ? c
            : throw new DomainException("code.invalid-loinc", $"'{c}' is not a LOINC code (digits, a dash and a check digit).", field);
    }

    [GeneratedRegex(@"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")]
    private static partial Regex Icd10Pattern();

    [GeneratedRegex(@"^[A-Z]([0-9]{2}([A-Z]([A-Z]([0-9]{2})?)?)?)?$")]
    private static partial Regex AtcPattern();

    [GeneratedRegex(@"^[0-9]{1,7}-[0-9]$")]
    private static partial Regex LoincPattern();
}

public static class Dates
{
    public static NodaTime.LocalDate? NotFuture(NodaTime.LocalDate? date, NodaTime.LocalDate today, string field) =>
        date is { } d && d > today ? throw new DomainException("date.future", $"{field} cannot be in the future.", field) : date;
}
