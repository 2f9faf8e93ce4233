using System.Security.Cryptography;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using RegenClinic.Data;

namespace RegenClinic.Backups;

/// <summary>
/// What the source held at the instant of the backup, written beside the backup as <c>FILE.manifest.json</c>: the
/// file's SHA-256, the row count of every table and the head of the audit chain. Verification compares a restored copy
/// with it. The checksum shows accidental or casual change; the audit chain, not this file, is the evidence against a
/// deliberate editor (who could rewrite both).
/// </summary>
public sealed record BackupManifest(
    int Format,
    DatabaseProvider Provider,
    string TakenAt,
    string Sha256,
    long Bytes,
    IReadOnlyDictionary<string, long> Tables,
    AuditHead? AuditHead)
{
    public const int CurrentFormat = 1;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static string PathFor(string backupFile) => backupFile + ".manifest.json";

    public static BackupManifest Describe(string backupFile, DatabaseProvider provider, Instant takenAt, DatabaseCensus census) =>
        new(CurrentFormat, provider, InstantPattern.ExtendedIso.Format(takenAt), Checksum(backupFile), new FileInfo(backupFile).Length,
            census.Tables, census.AuditHead);

    public async Task WriteAsync(string backupFile, CancellationToken ct)
    {
        await using var stream = File.Create(PathFor(backupFile));
        await JsonSerializer.SerializeAsync(stream, this, Json, ct);
    }

    /// <summary>The manifest beside <paramref name="backupFile"/>, or null when there is none.</summary>
    public static async Task<BackupManifest?> ReadAsync(string backupFile, CancellationToken ct)
    {
        var path = PathFor(backupFile);
        if (!File.Exists(path)) return null;
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct)
            ?? throw new BackupException($"{path} is empty.");
    }

    public static string Checksum(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

/// <summary>A backup or restore that cannot proceed (missing file, tool failure, a non-empty target).</summary>
public sealed class BackupException(string message) : Exception(message);
