using System.Diagnostics;

namespace RegenClinic.Benchmarks.Latency;

public sealed record ScenarioResult(string Name, int Count, double Median, double P95, double P99, string? Note = null)
{
    public bool Measured => Note is null;

    public static ScenarioResult From(string name, List<double> millis)
    {
        millis.Sort();
        double At(double q) => millis[Math.Clamp((int)Math.Ceiling(q * millis.Count) - 1, 0, millis.Count - 1)];
        return new ScenarioResult(name, millis.Count, At(0.5), At(0.95), At(0.99));
    }
}

/// <summary>One hot path: how to make the i-th request. Requests go one at a time after a warm-up, so the figures are latencies, not throughput.</summary>
public sealed record Scenario(string Name, Func<BenchSession, int, HttpRequestMessage> Request, Func<BenchSession, HttpClient> Client)
{
    private const int WarmUp = 20;

    public async Task<ScenarioResult> RunAsync(BenchSession session, int requests)
    {
        var client = Client(session);
        var millis = new List<double>(requests);
        for (var i = -WarmUp; i < requests; i++)
        {
            using var request = Request(session, i + WarmUp);
            var watch = Stopwatch.StartNew();
            // First byte: headers plus the first chunk of the body, as the issue measures the chart page.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            _ = await body.ReadAsync(new byte[1]);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
                return new ScenarioResult(Name, 0, 0, 0, 0, $"{request.RequestUri} answered {(int)response.StatusCode}");
            await body.CopyToAsync(Stream.Null);
            if (i >= 0) millis.Add(elapsed);
        }
        return ScenarioResult.From(Name, millis);
    }
}

public static class Scenarios
{
    private static string Prefix(BenchSession s, int i)
    {
        var family = s.Patients[(i * 7919) % s.Patients.Count].FamilyName;
        return Uri.EscapeDataString(family[..Math.Min(3, family.Length)]);
    }

    private static Guid PatientId(BenchSession s, int i) => s.Patients[(i * 104729) % s.Patients.Count].Id;

    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("patient search (API, name prefix)", (s, i) => new(HttpMethod.Get, $"/api/patients?q={Prefix(s, i)}"), s => s.Nurse),
        new("patient chart page (first byte)", (s, i) => new(HttpMethod.Get, $"/patients/{PatientId(s, i)}"), s => s.Nurse),
        new("patient chart (API)", (s, i) => new(HttpMethod.Get, $"/api/patients/{PatientId(s, i)}"), s => s.Nurse),
        new("schedule board, today (page)", (_, _) => new(HttpMethod.Get, "/scheduling"), s => s.FrontDesk),
        new("schedule board, this week (page)", (_, _) => new(HttpMethod.Get, "/scheduling?view=week"), s => s.FrontDesk),
        new("FHIR Patient read", (s, i) => new(HttpMethod.Get, $"/fhir/Patient/{PatientId(s, i)}"), s => s.Nurse),
    ];
}
