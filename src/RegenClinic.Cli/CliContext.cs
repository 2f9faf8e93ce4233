using NodaTime;

namespace RegenClinic.Cli;

/// <summary>What every verb needs from its host: where to write, and the clock. Tests pass their own writers and a FakeClock.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, IClock Clock);
