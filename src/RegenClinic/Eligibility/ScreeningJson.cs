using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using RegenClinic.Domain.Eligibility;

namespace RegenClinic.Eligibility;

/// <summary>How a screening result and the facts it read are stored (ScreeningRecord.ResultJson/FactsJson): plain JSON with
/// ISO dates, kebab-case enums and ids as strings, so the stored record reads the same years later and round-trips.</summary>
public static class ScreeningJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static ScreeningResult ReadResult(string json) =>
        JsonSerializer.Deserialize<ScreeningResult>(json, Options) ?? throw new JsonException("Empty screening result.");

    public static PatientFacts ReadFacts(string json) =>
        JsonSerializer.Deserialize<PatientFacts>(json, Options) ?? throw new JsonException("Empty patient facts.");

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = false };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        o.Converters.Add(new Text<LocalDate>(LocalDatePattern.Iso.Format, s => LocalDatePattern.Iso.Parse(s).GetValueOrThrow()));
        o.Converters.Add(new Text<Instant>(InstantPattern.ExtendedIso.Format, s => InstantPattern.ExtendedIso.Parse(s).GetValueOrThrow()));
        o.Converters.Add(new Text<TherapyId>(t => t.Value, s => new TherapyId(s)));
        o.Converters.Add(new Text<EvidenceGrade>(g => g.Id, EvidenceGrade.Parse));
        o.Converters.Add(new CodingConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    private sealed class Text<T>(Func<T, string> format, Func<string, T> parse) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            parse(reader.GetString() ?? throw new JsonException($"Expected a {typeof(T).Name} string."));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(format(value));
    }

    /// <summary>{"system": "...", "code": "..."}: written by hand because a positional record struct has no usable default constructor.</summary>
    private sealed class CodingConverter : JsonConverter<Coding>
    {
        public override Coding Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string? system = null, code = null;
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected a coding object.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "system") system = reader.GetString();
                else if (name == "code") code = reader.GetString();
                else reader.Skip();
            }
            return new Coding(system ?? "", code ?? "");
        }

        public override void Write(Utf8JsonWriter writer, Coding value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("system", value.System);
            writer.WriteString("code", value.Code);
            writer.WriteEndObject();
        }
    }
}
