namespace RegenClinic.Domain.Common;

/// <summary>Guard clauses that raise a <see cref="DomainException"/> naming the field, so every edge reports what and where.</summary>
public static class Require
{
    public static string Text(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) throw new DomainException("field.required", $"{field} is required.", field);
        if (trimmed.Length > maxLength) throw new DomainException("field.too-long", $"{field} must be at most {maxLength} characters.", field);
        return trimmed;
    }

    public static string? OptionalText(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > maxLength) throw new DomainException("field.too-long", $"{field} must be at most {maxLength} characters.", field);
        return trimmed;
    }

    public static T Defined<T>(T value, string field) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new DomainException("field.invalid", $"{field} has an unknown value '{value}'.", field);
}
