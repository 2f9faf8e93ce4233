using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Audit;
using RegenClinic.Data;

namespace RegenClinic.Cli.Audit;

/// <summary><c>audit verify</c> (the hash chain; exit 1 and the first broken link when tampered) and <c>audit export --fhir</c>.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var provider = new Option<string?>("--provider") { Description = "Sqlite (default) or Postgres; or Database__Provider", Recursive = true };
        var connection = new Option<string?>("--connection") { Description = "Connection string; or Database__ConnectionString", Recursive = true };
        var folder = new Option<string?>("--data-folder") { Description = "Folder of the SQLite file (default ./data); or Database__DataFolder", Recursive = true };
        var audit = new Command("audit", "The hash-chained audit trail: verify it, export it") { provider, connection, folder };

        var verify = new Command("verify", "Check every link of the chain; report the first broken one (exit 1)");
        verify.SetAction(async (parse, ct) =>
        {
            await using var services = Data.DbCommand.Services(context, parse.GetValue(provider), parse.GetValue(connection), parse.GetValue(folder));
            await using var scope = services.CreateAsyncScope();
            var report = await new VerifyAuditChain(scope.ServiceProvider.GetRequiredService<ClinicDb>()).HandleAsync(ct);
            if (report.Intact)
            {
                await context.Out.WriteLineAsync($"Audit chain intact: {report.Checked} entries checked.");
                return 0;
            }
            await context.Out.WriteLineAsync($"Audit chain BROKEN at sequence {report.FirstBrokenSequence}: {report.Problem} ({report.Checked} entries read).");
            return 1;
        });
        audit.Add(verify);

        var fhir = new Option<bool>("--fhir") { Description = "Export as FHIR R4 AuditEvent (required: the only format)" };
        var bundle = new Option<bool>("--bundle") { Description = "One collection Bundle instead of NDJSON (one AuditEvent per line)" };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var export = new Command("export", "Export the trail as FHIR AuditEvent resources, in sequence order") { fhir, bundle, output };
        export.SetAction(async (parse, ct) =>
        {
            if (!parse.GetValue(fhir))
            {
                await context.Error.WriteLineAsync("audit export: say --fhir (the only export format).");
                return 2;
            }
            await using var services = Data.DbCommand.Services(context, parse.GetValue(provider), parse.GetValue(connection), parse.GetValue(folder));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            if (parse.GetValue(output) is { } path)
            {
                await using var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
                await AuditFhir.WriteAsync(db, file, parse.GetValue(bundle), ct);
            }
            else
            {
                await AuditFhir.WriteAsync(db, context.Out, parse.GetValue(bundle), ct);
            }
            return 0;
        });
        audit.Add(export);
        return audit;
    }
}
