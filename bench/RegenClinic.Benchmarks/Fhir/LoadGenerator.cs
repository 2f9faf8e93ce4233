using System.Diagnostics;
using System.Globalization;

namespace RegenClinic.Benchmarks.Fhir;

public sealed record LoadResult(string Name, int Connections, double Seconds, int Requests, int Failures, double RequestsPerSecond, double Median, double P99)
{
    public string Row(string provider, int patients) => string.Create(CultureInfo.InvariantCulture,
        $"| {provider} | {patients:N0} | {Name} | {Connections} | {Seconds:0} | {Requests:N0} | {Failures} | {RequestsPerSecond:0} | {Median:0.0} | {P99:0.0} |");
}

/// <summary>
/// A closed-loop load generator on loopback: N connections, each sending its next request as soon as the previous answer has been
/// read in full, for a fixed time after a warm-up. Requests per second = completed requests / measured seconds; latencies are
/// from send to the last byte of the body.
/// </summary>
public static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(string name, HttpClient client, Func<int, string> path, int connections, TimeSpan duration, TimeSpan warmUp)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        var (measureFrom, stopAt) = (warmUp, warmUp + duration);
        async Task<(List<double> Millis, int Failures)> Worker()
        {
            var millis = new List<double>(100_000);
            var failures = 0;
            var buffer = new byte[64 * 1024];
            while (clock.Elapsed < stopAt)
            {
                var i = Interlocked.Increment(ref next);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path(i), HttpCompletionOption.ResponseHeadersRead);
                await using (var body = await response.Content.ReadAsStreamAsync())
                {
                    while (await body.ReadAsync(buffer) > 0) { }
                }
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (clock.Elapsed < measureFrom) continue;
                if (!response.IsSuccessStatusCode) failures++;
                millis.Add(elapsed);
            }
            return (millis, failures);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(Worker)));
        var all = results.SelectMany(r => r.Millis).ToList();
        all.Sort();
        double At(double q) => all.Count == 0 ? 0 : all[Math.Clamp((int)Math.Ceiling(q * all.Count) - 1, 0, all.Count - 1)];
        return new LoadResult(name, connections, duration.TotalSeconds, all.Count, results.Sum(r => r.Failures), all.Count / duration.TotalSeconds, At(0.5), At(0.99));
    }
}
