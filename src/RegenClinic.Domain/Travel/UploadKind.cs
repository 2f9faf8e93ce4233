namespace RegenClinic.Domain.Travel;

/// <summary>The file types an enquiry accepts, recognised by their first bytes (magic numbers), never by name or extension:
/// a renamed executable ("scan.pdf" starting with "MZ" or "\x7FELF") is refused.</summary>
public enum UploadKind { Pdf, Jpeg, Png }

public static class UploadKinds
{
    /// <summary>Per file; an MRI report or a few phone photos fit, a DICOM series does not (ask for a report or key images).</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 5;

    /// <summary>PDF "%PDF-" (ISO 32000-1 §7.5.2), JPEG SOI FF D8 FF (ITU-T T.81), PNG 89 50 4E 47 0D 0A 1A 0A (RFC 2083 §3.1).</summary>
    public static UploadKind? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return UploadKind.Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return UploadKind.Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return UploadKind.Png;
        return null;
    }

    /// <summary>PDF name objects that run or carry something (ISO 32000-1 §12.6.4 Launch, §12.6.4.16 JavaScript, §7.11.4
    /// embedded files). Found anywhere in the bytes, the file is refused: a report or scan does not need them.</summary>
    public static bool HasActiveContent(ReadOnlySpan<byte> pdf) =>
        pdf.IndexOf("/JavaScript"u8) >= 0 || pdf.IndexOf("/JS"u8) >= 0 || pdf.IndexOf("/Launch"u8) >= 0 || pdf.IndexOf("/EmbeddedFile"u8) >= 0;

    public static string ContentType(this UploadKind kind) => kind switch
    {
        UploadKind.Pdf => "application/pdf",
        UploadKind.Jpeg => "image/jpeg",
        _ => "image/png",
    };
}
