using System.Diagnostics;
using RegenClinic.Domain.Common;

namespace RegenClinic.Travel;

/// <summary>
/// Prints a self-contained HTML document to PDF with headless Chromium (<c>--print-to-pdf</c>), the project's PDF path (no
/// PDF library on the copy is both usable and licence-compatible, see dependencies.md). Optional: enabled by
/// <c>Travel:PdfChromium</c> (e.g. <c>/usr/bin/chromium</c>). Chromium starts per document (a few seconds, ~200 MB),
/// runs with a throw-away profile and no network features, and is killed after 60 s.
/// </summary>
public sealed class QuotePdf(string? chromium)
{
    private static readonly string[] Flags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer"];

    public bool Enabled => chromium is { Length: > 0 } && File.Exists(chromium);

    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        if (!Enabled) throw new DomainException("quote.pdf-off", "PDF printing is not configured (Travel:PdfChromium).", "file");
        var work = Directory.CreateTempSubdirectory("rc-quote-pdf-").FullName;
        try
        {
            var input = Path.Combine(work, "quote.html");
            var output = Path.Combine(work, "quote.pdf");
            await File.WriteAllTextAsync(input, html, ct);
            var start = new ProcessStartInfo(chromium!) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var flag in Flags) start.ArgumentList.Add(flag);
            start.ArgumentList.Add($"--user-data-dir={Path.Combine(work, "profile")}");
            start.ArgumentList.Add($"--print-to-pdf={output}");
            start.ArgumentList.Add(new Uri(input).AbsoluteUri);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            var drainOut = process.StandardOutput.ReadToEndAsync(ct);
            var drainErr = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            await Task.WhenAll(drainOut, drainErr);
            var bytes = File.Exists(output) ? await File.ReadAllBytesAsync(output, ct) : [];
            if (bytes.Length < 5 || !bytes.AsSpan().StartsWith("%PDF-"u8))
                throw new InvalidOperationException($"Chromium did not print a PDF (exit {process.ExitCode}).");
            return bytes;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }
}
