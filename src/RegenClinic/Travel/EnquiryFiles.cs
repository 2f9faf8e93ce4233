using System.Security.Cryptography;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Travel;

namespace RegenClinic.Travel;

/// <summary>A file as the web form received it; <see cref="Open"/> is read once.</summary>
public sealed record UploadedFile(string Name, long Length, Func<Stream> Open);

/// <summary>
/// Enquiry attachments on disk under the data folder (never under the web root): random names without extension, owner-only
/// permissions, type decided by content. They are only ever served as downloads to signed-in staff, with the detected type.
/// </summary>
public sealed class EnquiryFiles(string folder)
{
    public string Folder { get; } = folder;

    public async Task<EnquiryFile> SaveAsync(UploadedFile upload, CancellationToken ct)
    {
        var field = "files";
        if (upload.Length > UploadKinds.MaxFileBytes) throw TooLarge();
        if (upload.Length == 0) throw new DomainException("enquiry.file-empty", "The file is empty.", field);
        using var buffer = new MemoryStream();
        await using (var source = upload.Open())
        {
            // Read at most one byte past the limit: a lying Length cannot make us store more.
            var chunk = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > UploadKinds.MaxFileBytes) throw TooLarge();
            }
        }
        var bytes = buffer.ToArray();
        var kind = UploadKinds.Detect(bytes)
            ?? throw new DomainException("enquiry.file-type", "Only PDF, JPEG and PNG files are accepted.", field);
        if (kind == UploadKind.Pdf && UploadKinds.HasActiveContent(bytes))
            throw new DomainException("enquiry.file-active", "PDF files with scripts, launch actions or embedded files are not accepted.", field);
        Directory.CreateDirectory(Folder);
        var stored = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var target = new FileStream(Path.Combine(Folder, stored), options))
        {
            await target.WriteAsync(bytes, ct);
        }
        var name = Path.GetFileName(upload.Name);
        return new EnquiryFile(stored, Require.OptionalText(name, "fileName", 200) ?? "file", kind, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        static DomainException TooLarge() => new("enquiry.file-too-large", $"A file may be at most {UploadKinds.MaxFileBytes / (1024 * 1024)} MB.", "files");
    }

    public void Delete(IEnumerable<EnquiryFile> files)
    {
        foreach (var f in files)
        {
            var path = PathOf(f);
            if (File.Exists(path)) File.Delete(path);
        }
    }

    public string PathOf(EnquiryFile file)
    {
        // Stored names are 32 hex characters; anything else never reaches the file system.
        if (file.StoredName.Length != 32 || !file.StoredName.All(char.IsAsciiHexDigitLower))
            throw new DomainException("enquiry.file-name", "Invalid stored file name.");
        return Path.Combine(Folder, file.StoredName);
    }
}
