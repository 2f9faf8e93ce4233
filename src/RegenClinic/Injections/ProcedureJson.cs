using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using RegenClinic.CellTherapy;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Injections;

/// <summary>The JSON of a procedure's typed details column: camelCase, enums kebab-case, NodaTime as ISO strings.</summary>
public static class ProcedureJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Serialize(object details) => JsonSerializer.Serialize(details, details.GetType(), Options);

    public static OzoneProcedureRecord Ozone(ProcedureRecord p) => Read<OzoneProcedureRecord>(p, ProcedureFamily.Ozone);

    public static ProlotherapySessionRecord Prolotherapy(ProcedureRecord p) => Read<ProlotherapySessionRecord>(p, ProcedureFamily.Prolotherapy);

    public static CellTherapyDetails CellTherapy(ProcedureRecord p) => Read<CellTherapyDetails>(p, ProcedureFamily.CellTherapy);

    private static T Read<T>(ProcedureRecord p, ProcedureFamily family)
    {
        if (p.Family != family) throw new InvalidOperationException($"Procedure {p.Id} is {p.Family}, not {family}.");
        return JsonSerializer.Deserialize<T>(p.DetailsJson, Options) ?? throw new InvalidOperationException($"Procedure {p.Id} has no details.");
    }

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        o.Converters.Add(new PatternConverter<LocalDate>(LocalDatePattern.Iso));
        o.Converters.Add(new PatternConverter<Instant>(InstantPattern.ExtendedIso));
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    private sealed class PatternConverter<T>(IPattern<T> pattern) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? throw new JsonException($"Expected a {typeof(T).Name} string.");
            var result = pattern.Parse(text);
            return result.Success ? result.Value : throw new JsonException($"'{text}' is not a valid {typeof(T).Name}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(pattern.Format(value));
    }
}
