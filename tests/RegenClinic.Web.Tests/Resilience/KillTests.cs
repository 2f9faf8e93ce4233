using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Data;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Resilience;

/// <summary>
/// Issue 10, crash safety: the real app in its own process is killed with SIGKILL at a random moment while writers
/// stream acknowledged writes (patient registrations and chart observations), twenty times, restarting it each time,
/// on one SQLite database. A write counts as acknowledged only when its 2xx answer arrived.
/// </summary>
public sealed class KillTests(ITestOutputHelper output)
{
    private const int Cycles = 20;
    private const int Writers = 3;
    private const string Nurse = "nurse@regenclinic.demo";

    private sealed record Write(string Kind, Guid Id);

    [Fact]
    public async Task App_KilledTwentyTimesDuringAStreamOfWrites_KeepsEveryAcknowledgedWrite_AndPassesIntegrityAndAuditChecks()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("rc-kill-").FullName;
        var random = new Random(20261122);
        var acknowledged = new ConcurrentBag<Write>();
        var refused = new ConcurrentBag<string>();
        var watch = Stopwatch.StartNew();
        var kills = 0;
        try
        {
            using var app = new AppProcess(folder);
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
            using var client = new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            await app.StartAsync(ct);
            output.WriteLine($"first start (migrate + smallest demo seed): {watch.Elapsed.TotalSeconds:0.0} s");
            var signedIn = await client.SubmitFormAsync("/signin", new() { ["Posted.Email"] = Nurse, ["Posted.Password"] = Browserless.Password });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var anchor = await RegisterAsync(client, 0, 0, ct);
            acknowledged.Add(anchor);

            for (var cycle = 1; cycle <= Cycles; cycle++)
            {
                // The sign-in cookie outlives the process: its data-protection keys are rows in the same database.
                // The writers start at once and retry until the new process listens; the kill comes at a random moment
                // after the first write of the cycle was acknowledged, so that it always falls within the stream.
                if (cycle > 1) app.Launch();
                var before = acknowledged.Count;
                var round = cycle;
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(1, Writers)
                    .Select(w => Task.Run(() => StreamAsync(client, anchor.Id, round * 100 + w, acknowledged, refused, stop.Token), ct))
                    .ToArray();
                for (var waited = Stopwatch.StartNew(); acknowledged.Count == before; await Task.Delay(10, ct))
                {
                    if (app.HasExited) throw new InvalidOperationException($"The app exited by itself in cycle {cycle}: {app.Output}");
                    if (waited.Elapsed > TimeSpan.FromSeconds(120)) throw new TimeoutException($"No write acknowledged within 120 s in cycle {cycle}: {app.Output}");
                }
                await Task.Delay(random.Next(0, 700), ct);
                await app.KillAsync();
                kills++;
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }
        }
        finally
        {
            output.WriteLine($"{kills} kills, {acknowledged.Count} acknowledged writes, {watch.Elapsed.TotalSeconds:0.0} s");
        }

        // The app is dead; read its file directly, as the next start would (SQLite replays the WAL).
        SqliteConnection.ClearAllPools();
        var file = Path.Combine(folder, "regenclinic.db");
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync(ct);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", (string?)await check.ExecuteScalarAsync(ct));
        }

        await using var db = new SqliteClinicDb(new DbContextOptionsBuilder<SqliteClinicDb>().UseSqlite($"Data Source={file};Pooling=False").Options);
        var patients = acknowledged.Where(w => w.Kind == "patient").Select(w => w.Id).ToList();
        var observations = acknowledged.Where(w => w.Kind == "observation").Select(w => w.Id).ToList();
        var storedPatients = await db.Patients.IgnoreQueryFilters().Where(p => patients.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var storedObservations = await db.Observations.IgnoreQueryFilters().Where(o => observations.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var lost = patients.Except(storedPatients).Concat(observations.Except(storedObservations)).ToList();
        // Each write's audit entry is in the same transaction: an acknowledged write has its trail too.
        var ids = acknowledged.Select(w => w.Id.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var audited = (await db.AuditEntries.Where(a => a.Action == AuditActions.Create && (a.EntityType == "Patient" || a.EntityType == "ObservationEntry"))
            .Select(a => a.EntityId).ToListAsync(ct)).Where(id => id is not null && ids.Contains(id)).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var chain = await new VerifyAuditChain(db).HandleAsync(ct);
        output.WriteLine($"lost {lost.Count}; patients {patients.Count}, observations {observations.Count}, audited {audited}; chain {chain.Checked} entries, intact {chain.Intact}");

        Assert.Equal(Cycles, kills);
        Assert.Empty(refused);
        Assert.True(acknowledged.Count > Cycles * Writers, $"only {acknowledged.Count} acknowledged writes: the stream barely ran");
        Assert.Empty(lost);
        Assert.Equal(acknowledged.Count, audited);
        Assert.True(chain.Intact, $"audit chain broken at {chain.FirstBrokenSequence}: {chain.Problem}");

        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>One writer: registrations and observations, alternately, until the app is gone and the cycle stops.</summary>
    private static async Task StreamAsync(HttpClient client, Guid anchor, int writer, ConcurrentBag<Write> acknowledged, ConcurrentBag<string> refused, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                acknowledged.Add(n % 2 == 0 ? await RegisterAsync(client, writer, n, CancellationToken.None) : await ObserveAsync(client, anchor, n, CancellationToken.None));
            }
            catch (HttpRequestException) { await Task.Delay(10, CancellationToken.None); }
            catch (TaskCanceledException) { }
            catch (IOException) { }
            catch (UnexpectedAnswerException e) { refused.Add(e.Message); }
        }
    }

    private static async Task<Write> RegisterAsync(HttpClient client, int writer, int n, CancellationToken ct)
    {
        var response = await client.PostAsJsonAsync("/api/patients", new
        {
            familyName = "Durable", givenName = $"Writer {writer.ToString(CultureInfo.InvariantCulture)} {n.ToString(CultureInfo.InvariantCulture)}",
            birthDate = new DateOnly(1950, 1, 1).AddDays(n % 20000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sex = "female",
        }, ct);
        return new Write("patient", await IdOfAsync(response, ct));
    }

    private static async Task<Write> ObserveAsync(HttpClient client, Guid patient, int n, CancellationToken ct)
    {
        var response = await client.PostAsJsonAsync($"/api/patients/{patient}/observations", new
        {
            loincCode = "8310-5", display = "Body temperature", category = "vital-signs", effectiveAt = "2026-11-22T09:00:00Z",
            value = 36.0m + (n % 20) / 10m, unit = "Cel",
        }, ct);
        return new Write("observation", await IdOfAsync(response, ct));
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            // A 2xx with its body read is the acknowledgement; a body cut off by the kill throws and does not count.
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) throw new UnexpectedAnswerException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
            return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        }
    }

    private sealed class UnexpectedAnswerException(string message) : Exception(message);
}
