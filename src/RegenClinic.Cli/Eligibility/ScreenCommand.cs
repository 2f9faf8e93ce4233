using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Fhir;

namespace RegenClinic.Cli.Eligibility;

/// <summary><c>screen BUNDLE.json [--date YYYY-MM-DD] [--format json|table] [--zone IANA]</c>: screens the bundle's patient for
/// every therapy and prints <c>regenclinic-screening/1</c> (shared/formats/screening-and-dose.md). Bad input → exit 2.</summary>
internal static class ScreenCommand
{
    public const string Format = "regenclinic-screening/1";

    public static Command Create(CliContext context)
    {
        var bundle = new Argument<FileInfo>("bundle") { Description = "FHIR R4 Bundle JSON holding one Patient" };
        var date = new Option<string?>("--date") { Description = "Screening date YYYY-MM-DD (default: today in the clinic's zone)" };
        var format = new Option<string>("--format") { Description = "json (default) or table", DefaultValueFactory = _ => "json" };
        var zone = new Option<string>("--zone") { Description = "Clinic time zone (IANA) for the default date", DefaultValueFactory = _ => "Europe/Amsterdam" };
        var command = new Command("screen", "Screen a patient's FHIR bundle for every therapy") { bundle, date, format, zone };
        command.SetAction(parseResult => Run(context, parseResult.GetValue(bundle)!, parseResult.GetValue(date), parseResult.GetValue(format)!, parseResult.GetValue(zone)!));
        return command;
    }

    private static int Run(CliContext context, FileInfo file, string? dateText, string format, string zoneId)
    {
        LocalDate date;
        if (dateText is not null)
        {
            var parsed = LocalDatePattern.Iso.Parse(dateText);
            if (!parsed.Success) return Fail(context, $"--date: '{dateText}' is not a date (YYYY-MM-DD)");
            date = parsed.Value;
        }
        else
        {
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
            if (zone is null) return Fail(context, $"--zone: unknown time zone '{zoneId}'");
            date = context.Clock.GetCurrentInstant().InZone(zone).Date;
        }
        if (format is not ("json" or "table")) return Fail(context, $"--format: '{format}' is not json or table");
        if (!file.Exists) return Fail(context, $"{file.FullName}: no such file");

        PatientFacts facts;
        try
        {
            facts = ScreeningBundleReader.Read(File.ReadAllText(file.FullName));
        }
        catch (DomainException ex)
        {
            return Fail(context, $"{file.Name}: {ex.Message}");
        }

        var results = Screening.ScreenAll(facts, date, ScreeningSettings.Default);
        context.Out.Write(format == "table" ? Table(facts, date, results) : Json(facts, date, results));
        return 0;
    }

    private static int Fail(CliContext context, string message)
    {
        context.Error.WriteLine($"screen: {message}");
        return 2;
    }

    public static string Json(PatientFacts facts, LocalDate date, IReadOnlyList<ScreeningResult> results)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("patient", facts.PatientReference);
            w.WriteString("date", LocalDatePattern.Iso.Format(date));
            w.WriteString("ruleSetVersion", KnowledgeBase.Default.RuleSetVersion);
            w.WriteStartArray("results");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("therapy", r.Therapy.Value);
                w.WriteString("verdict", r.Verdict.ToWire());
                w.WriteStartArray("indications");
                foreach (var i in r.Indications)
                {
                    w.WriteStartObject();
                    w.WriteString("condition", i.ConditionCode);
                    w.WriteString("group", i.Group);
                    w.WriteString("evidence", i.Evidence.Grade.Id);
                    w.WriteString("citation", i.Evidence.Citation);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("findings");
                foreach (var f in r.Findings)
                {
                    w.WriteStartObject();
                    w.WriteString("ruleId", f.RuleId);
                    w.WriteString("kind", f.Kind.ToWire());
                    w.WriteString("reason", f.Reason.En);
                    w.WriteStartArray("facts");
                    foreach (var fact in f.Facts) w.WriteStringValue(fact);
                    w.WriteEndArray();
                    w.WriteString("source", f.Source);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Table(PatientFacts facts, LocalDate date, IReadOnlyList<ScreeningResult> results)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{facts.PatientReference} screened {LocalDatePattern.Iso.Format(date)} (rule set {KnowledgeBase.Default.RuleSetVersion})\n");
        foreach (var r in results)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{r.Therapy.Value,-24} {r.Verdict.ToWire()}\n");
            foreach (var i in r.Indications)
            {
                text.Append(CultureInfo.InvariantCulture, $"  indication {i.ConditionCode} ({i.Group}): {i.Evidence.Grade.Id} - {i.Evidence.Citation}\n");
            }
            foreach (var f in r.Findings)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {f.Kind.ToWire()} {f.RuleId}: {f.Reason.En} [{string.Join("; ", f.Facts)}]\n");
            }
        }
        return text.ToString();
    }
}
