namespace RegenClinic.Web.Infrastructure;

/// <summary>
/// One request shares one DbContext, which allows one operation at a time. Server rendering initialises the chart's
/// sections concurrently, so each section loads its data through this gate. (SQLite completes its I/O synchronously and
/// hid the overlap; PostgreSQL refused it: "a command is already in progress".)
/// </summary>
public sealed class RequestDbGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> load)
    {
        await gate.WaitAsync();
        try
        {
            return await load();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
