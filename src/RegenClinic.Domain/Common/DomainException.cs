namespace RegenClinic.Domain.Common;

/// <summary>A broken clinical or business invariant. <see cref="Code"/> is stable and dotted (<c>plan.not-active</c>)
/// so that clients and tests match on it rather than on wording; <see cref="Field"/> names the input at fault, if any.</summary>
public sealed class DomainException(string code, string message, string? field = null) : Exception(message)
{
    public string Code { get; } = code;
    public string? Field { get; } = field;
}
