using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using NodaTime;
using NodaTime.Text;

namespace RegenClinic.Fhir;

/// <summary>Kick-off of <c>$export</c> (Bulk Data Access IG): checks the parameters, queues a job the background worker runs and
/// returns it. The job row's creation is in the audit trail (the interceptor), naming who asked; the patients whose data is
/// exported are audited one by one when the job runs (<see cref="FhirExportRunner"/>).</summary>
public sealed class KickOffFhirExport(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public static readonly IReadOnlyList<string> OutputFormats = ["application/fhir+ndjson", "application/ndjson", "ndjson"];

    /// <summary>The types a level exports: system level every served type, patient level the patient compartment.</summary>
    public static IReadOnlyList<string> Exportable(string level) =>
        [.. FhirRegistry.Types.Where(t => level == "system" || t.PerPatient || t.Name == "Patient").Select(t => t.Name)];

    public async Task<FhirExportJob> HandleAsync(string level, IReadOnlyList<KeyValuePair<string, string>> parameters, string requestUrl, CancellationToken ct = default)
    {
        var exportable = Exportable(level);
        IReadOnlyList<string> types = exportable;
        Instant? since = null;
        foreach (var (key, value) in parameters)
        {
            switch (key)
            {
                case "_outputFormat":
                    if (!OutputFormats.Contains(value)) throw FhirException.NotSupported("_outputFormat", $"Only NDJSON is written ({string.Join(", ", OutputFormats)}).");
                    break;
                case "_type":
                    var asked = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var unknown = asked.Where(t => !exportable.Contains(t)).ToList();
                    if (unknown.Count > 0)
                        throw FhirException.NotSupported("_type", $"Not exported at {level} level: {string.Join(", ", unknown)}; exported: {string.Join(", ", exportable)}.");
                    if (asked.Length == 0) throw FhirException.Invalid("_type", "_type names no resource type.");
                    types = [.. exportable.Where(asked.Contains)];
                    break;
                case "_since":
                    since = ParseInstant(value);
                    break;
                default:
                    throw FhirException.NotSupported(key, $"'{key}' is not supported by $export here; supported: _outputFormat, _type, _since.");
            }
        }
        var scope = actor.Scope;
        var job = FhirExportJob.Queue(level, types, since, requestUrl, actor.UserId, actor.Name, scope.AllSites ? null : scope.Sites, time.Now);
        db.Add(job);
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>A FHIR instant (date, time and zone); anything vaguer is refused rather than guessed.</summary>
    private static Instant ParseInstant(string value)
    {
        if (InstantPattern.ExtendedIso.Parse(value) is { Success: true } utc) return utc.Value;
        if (OffsetDateTimePattern.ExtendedIso.Parse(value) is { Success: true } offset) return offset.Value.ToInstant();
        throw FhirException.Invalid("_since", $"'{value}' is not a FHIR instant (e.g. 2026-01-31T08:00:00Z or 2026-01-31T09:00:00+01:00).");
    }
}
