using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace RegenClinic.Web.Infrastructure;

/// <summary>ISO-8601 on the wire: dates as 2027-01-04, instants as 2027-01-04T08:00:00Z.</summary>
public static class NodaJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(new PatternConverter<LocalDate>(LocalDatePattern.Iso));
        options.Converters.Add(new PatternConverter<Instant>(InstantPattern.ExtendedIso));
        options.Converters.Add(new PatternConverter<LocalTime>(LocalTimePattern.CreateWithInvariantCulture("HH:mm")));
    }

    private sealed class PatternConverter<T>(IPattern<T> pattern) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? throw new JsonException($"Expected a {typeof(T).Name} string.");
            var result = pattern.Parse(text);
            return result.Success ? result.Value : throw new JsonException($"'{text}' is not a valid {typeof(T).Name}: {result.Exception.Message}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(pattern.Format(value));
    }
}
