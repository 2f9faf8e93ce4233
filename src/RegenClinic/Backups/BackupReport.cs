using RegenClinic.Audit;

namespace RegenClinic.Backups;

/// <summary>One line of a verification: what the manifest (the source at backup time) says, what the restored copy holds.</summary>
public sealed record BackupCheck(string Subject, string Expected, string Found, bool Ok);

/// <summary>A restored copy, inspected: its census, SQLite's integrity check (null on PostgreSQL) and its audit chain.</summary>
public sealed record RestoredCopy(DatabaseCensus Census, string? Integrity, AuditChainReport Chain);

public sealed record BackupReport(string File, IReadOnlyList<BackupCheck> Checks)
{
    public bool Ok => Checks.Count > 0 && Checks.All(c => c.Ok);

    /// <summary>Every comparison a verified backup must pass; a missing manifest fails, because then nothing says what the copy should hold.</summary>
    public static BackupReport Compare(string file, BackupManifest? manifest, string checksum, RestoredCopy copy)
    {
        var checks = new List<BackupCheck>();
        if (manifest is null)
        {
            checks.Add(new("manifest", BackupManifest.PathFor(file), "missing", false));
        }
        else
        {
            checks.Add(new("file sha-256", Short(manifest.Sha256), Short(checksum), manifest.Sha256 == checksum));
        }
        if (copy.Integrity is { } integrity) checks.Add(new("integrity check", "ok", integrity, integrity == "ok"));

        var expected = manifest?.Tables ?? new Dictionary<string, long>();
        foreach (var table in expected.Keys.Union(copy.Census.Tables.Keys).Order(StringComparer.Ordinal))
        {
            var had = expected.TryGetValue(table, out var e) ? e.ToString(System.Globalization.CultureInfo.InvariantCulture) : "absent";
            var has = copy.Census.Tables.TryGetValue(table, out var f) ? f.ToString(System.Globalization.CultureInfo.InvariantCulture) : "absent";
            checks.Add(new($"rows {table}", had, has, manifest is not null && had == has));
        }

        var chain = copy.Chain;
        checks.Add(new("audit chain", "intact",
            chain.Intact ? $"intact, {chain.Checked} entries" : $"BROKEN at sequence {chain.FirstBrokenSequence}: {chain.Problem}", chain.Intact));
        if (manifest is not null)
        {
            checks.Add(new("audit head", manifest.AuditHead?.ToString() ?? "none", copy.Census.AuditHead?.ToString() ?? "none",
                manifest.AuditHead == copy.Census.AuditHead));
        }
        return new BackupReport(file, checks);
    }

    private static string Short(string hash) => hash.Length > 16 ? hash[..16] : hash;
}
