using System.Text;

namespace RegenClinic.Tests.Fuzz;

/// <summary>
/// A small deterministic mutation fuzzer (fixed seed, bounded by count and time): each case takes a valid seed input and
/// applies 1–4 edits — delete, duplicate or swap a span, replace a character, insert a token that readers treat specially.
/// </summary>
public static class Mutator
{
    private static readonly string[] Tokens =
    [
        "\"", "{", "}", "[", "]", ",", ":", "null", "true", "-1", "0", "1e309", "-9223372036854775809", "NaN", "\"\"", "\\u0000",
        "\n", "\r\n", ";", "2027-02-30T25:61:00Z", "9999-12-31T23:59:59Z", "\uFFFD", "💥", "\"resourceType\":\"Bundle\"", "\"entry\":[]",
        "\"resource\":{}", "0.000000000000000000001", "99999999999999999999", " ", "\t", "#", "=cmd|' /C calc'!A0",
    ];

    public static string Mutate(Random random, string input)
    {
        var text = new StringBuilder(input);
        var edits = random.Next(1, 5);
        for (var i = 0; i < edits; i++)
        {
            var at = text.Length == 0 ? 0 : random.Next(text.Length);
            var span = text.Length == 0 ? 0 : random.Next(1, Math.Min(16, text.Length - at) + 1);
            switch (random.Next(6))
            {
                case 0: if (text.Length > 0) text.Remove(at, span); break;
                case 1: if (text.Length > 0) text.Insert(at, text.ToString(at, span)); break;
                case 2: if (text.Length > 0) text[at] = (char)random.Next(0x20, 0x7f); break;
                case 3: text.Insert(at, Tokens[random.Next(Tokens.Length)]); break;
                case 4: if (text.Length > 0) text.Length = at; break;
                default:
                    if (text.Length > 2)
                    {
                        var other = random.Next(text.Length);
                        (text[at], text[other]) = (text[other], text[at]);
                    }
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>Runs <paramref name="check"/> on mutants until <paramref name="cases"/> or <paramref name="budget"/>; returns the count run.
    /// Any exception other than <typeparamref name="TDocumented"/> fails, naming the input.</summary>
    public static int Run<TDocumented>(int seed, IReadOnlyList<string> seeds, int cases, TimeSpan budget, Action<string> check) where TDocumented : Exception
    {
        var random = new Random(seed);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = 0;
        for (; run < cases && watch.Elapsed < budget; run++)
        {
            var input = Mutate(random, seeds[random.Next(seeds.Count)]);
            try
            {
                check(input);
            }
            catch (TDocumented)
            {
                // the documented rejection: a clear error, not a crash
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {run} (seed {seed}): {ex.GetType().Name}: {ex.Message}\ninput:\n{input}");
            }
        }
        return run;
    }
}
