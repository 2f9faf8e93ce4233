using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Data;

namespace RegenClinic.Tests.TestKit;

/// <summary>
/// Asks the database how it would run every SELECT the app sends, just before it is sent, with the same parameters.
/// PostgreSQL is told to avoid sequential scans, so a scan left in its plan means no usable index exists (on a tiny
/// test table the planner would otherwise scan regardless).
/// </summary>
public sealed class QueryPlans : DbCommandInterceptor
{
    private readonly List<(string Sql, string Plan)> plans = [];

    public IReadOnlyList<(string Sql, string Plan)> Recorded { get { lock (plans) return [.. plans]; } }

    public void Clear() { lock (plans) plans.Clear(); }

    public static void Register(IServiceCollection services, QueryPlans plans)
    {
        services.ConfigureDbContext<SqliteClinicDb>(o => o.AddInterceptors(plans));
        services.ConfigureDbContext<PostgresClinicDb>(o => o.AddInterceptors(plans));
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            await ExplainAsync(command, eventData.Context!.Database.IsNpgsql(), cancellationToken);
        return result;
    }

    private async Task ExplainAsync(DbCommand command, bool postgres, CancellationToken ct)
    {
        await using var explain = command.Connection!.CreateCommand();
        explain.Transaction = command.Transaction;
        explain.CommandText = (postgres ? "SET LOCAL enable_seqscan = off; EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        foreach (DbParameter p in command.Parameters)
        {
            var copy = explain.CreateParameter();
            (copy.ParameterName, copy.Value, copy.DbType) = (p.ParameterName, p.Value, p.DbType);
            explain.Parameters.Add(copy);
        }
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) lines.Add(reader.GetString(reader.FieldCount - 1));
        lock (plans) plans.Add((command.CommandText, string.Join('\n', lines)));
    }

    /// <summary>
    /// Plans that read a table from end to end: PostgreSQL "Seq Scan on t"; SQLite "SCAN alias" without an index, or through
    /// an index in its order without a LIMIT to stop it (SQLite names the alias, not the table).
    /// </summary>
    public IEnumerable<(string Sql, string Plan)> FullScansOf(string table) => Recorded.Where(r =>
    {
        var aliases = Regex.Matches(r.Sql, $"(?:FROM|JOIN)\\s+\"{table}\"\\s+AS\\s+\"?(\\w+)\"?").Select(m => m.Groups[1].Value).ToList();
        var limited = r.Sql.Contains("LIMIT", StringComparison.Ordinal);
        return r.Plan.Split('\n').Select(l => l.Trim()).Any(line =>
            line.Contains($"Seq Scan on \"{table}\"", StringComparison.Ordinal)
            || aliases.Any(a => line.StartsWith($"SCAN {a}", StringComparison.Ordinal) && (!line.Contains("USING", StringComparison.Ordinal) || !limited)));
    });
}
