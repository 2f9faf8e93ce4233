namespace RegenClinic.Scheduling;

/// <summary>An instance or schedule that does not follow its format. <see cref="Path"/> is the JSON path of the
/// field at fault (<c>courses[3].treatment</c>); the message starts with it.</summary>
public sealed class SchedulingFormatException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
    public string Problem { get; } = problem;
}
