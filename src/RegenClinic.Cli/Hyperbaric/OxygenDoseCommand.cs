using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Hyperbaric;

namespace RegenClinic.Cli.Hyperbaric;

/// <summary><c>oxygen-dose PROFILE.csv</c>: the exact pulmonary oxygen dose of a profile (docs/formats/oxygen-dose.md).
/// Exit 0 with one JSON line; exit 2 with a message naming the line for bad input.</summary>
internal static class OxygenDoseCommand
{
    public static Command Create(CliContext context)
    {
        var profileArgument = new Argument<FileInfo>("PROFILE.csv") { Description = "CSV with header minute,ata,fio2" };
        var command = new Command("oxygen-dose", "Pulmonary oxygen dose (OTU, Bardin & Lambertsen 1970) of a chamber profile");
        command.Add(profileArgument);
        command.SetAction(parseResult => Run(context, parseResult.GetValue(profileArgument)!));
        return command;
    }

    private static int Run(CliContext context, FileInfo file)
    {
        DiveProfile profile;
        try
        {
            using var reader = new StreamReader(file.FullName);
            profile = ProfileCsv.Read(reader);
        }
        catch (DomainException ex)
        {
            context.Error.WriteLine($"oxygen-dose: {file.Name}: {ex.Message}");
            return 2;
        }
        catch (IOException ex)
        {
            context.Error.WriteLine($"oxygen-dose: cannot read {file.Name}: {ex.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException ex)
        {
            context.Error.WriteLine($"oxygen-dose: cannot read {file.Name}: {ex.Message}");
            return 2;
        }

        context.Out.WriteLine(Format(OxygenDose.Summarise(profile)));
        return 0;
    }

    /// <summary>The output line. Rounding (half away from zero): otu and minutesAbove0_5 to 1 decimal, maxPo2 to 3 decimals
    /// (ata × fio2 such as 2.8 × 0.21 = 0.588 stays exact).</summary>
    internal static string Format(OxygenDoseSummary summary)
    {
        var otu = Math.Round(summary.Otu.Value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
        var maxPo2 = Math.Round(summary.MaxPo2, 3, MidpointRounding.AwayFromZero).ToString("0.0##", CultureInfo.InvariantCulture);
        var minutes = Math.Round(summary.MinutesAboveHalfAta, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
        var note = JsonSerializer.Serialize(summary.CnsRisk.Text);
        return $"{{\"otu\": {otu}, \"maxPo2\": {maxPo2}, \"minutesAbove0_5\": {minutes}, \"riskNote\": {note}}}";
    }
}
