using System.Text;

namespace RegenClinic.Scheduling.Tests;

/// <summary>Mutated instances never escape <see cref="InstanceJson.Read"/> as anything but <see cref="SchedulingFormatException"/>.</summary>
public sealed class InstanceJsonFuzzTests
{
    private static readonly string[] Tokens = ["\"", "{", "}", "[", "]", ",", ":", "null", "true", "-1", "0", "1e309", "-9223372036854775809", "\"\"", "2147483648", "[]", "{}"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void InstanceJson_MutatedInstances_OnlyEverRefuseWithSchedulingFormatException(int seed)
    {
        var valid = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "small-clinic.json"));
        var random = new Random(seed);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = 0;
        for (; run < 3000 && watch.Elapsed < TimeSpan.FromSeconds(6); run++)
        {
            var input = Mutate(random, valid);
            try
            {
                InstanceJson.Read(input);
            }
            catch (SchedulingFormatException)
            {
                // the documented rejection
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {run} (seed {seed}): {ex.GetType().Name}: {ex.Message}\ninput:\n{input}");
            }
        }
        Assert.True(run >= 100, $"only {run} cases ran within the budget");
    }

    private static string Mutate(Random random, string input)
    {
        var text = new StringBuilder(input);
        for (var i = random.Next(1, 4); i > 0 && text.Length > 0; i--)
        {
            var at = random.Next(text.Length);
            var span = random.Next(1, Math.Min(12, text.Length - at) + 1);
            switch (random.Next(4))
            {
                case 0: text.Remove(at, span); break;
                case 1: text.Insert(at, text.ToString(at, span)); break;
                case 2: text.Insert(at, Tokens[random.Next(Tokens.Length)]); break;
                default: text[at] = (char)random.Next(0x20, 0x7f); break;
            }
        }
        return text.ToString();
    }
}
