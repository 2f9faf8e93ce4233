namespace RegenClinic.Domain.Eligibility;

/// <summary>Clinical text in the clinic's two languages. Unknown languages fall back to English.</summary>
public sealed record LocalizedText(string En, string Nl)
{
    public string In(string language) => language.StartsWith("nl", StringComparison.OrdinalIgnoreCase) ? Nl : En;
}
