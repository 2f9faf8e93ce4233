using System.Globalization;

namespace RegenClinic.Domain.Injections;

/// <summary>Checks an ozone record on entry: invalid entries first, then every configured limit on both sides.</summary>
public static class OzoneChecks
{
    public static IReadOnlyList<ProcedureFinding> CheckOzoneRecord(OzoneProcedureRecord record, OzoneDoseLimits limits)
    {
        var findings = new List<ProcedureFinding>();
        var concentrationValid = record.ConcentrationMicrogramsPerMl > 0;
        var gasValid = record.GasVolumeMl > 0;
        if (!concentrationValid)
        {
            findings.Add(Invalid("ozone.concentration.not-positive", "concentration", "Concentration must be greater than 0 µg/mL."));
        }

        if (!gasValid)
        {
            findings.Add(Invalid("ozone.gas-volume.not-positive", "gasVolume", "Gas volume must be greater than 0 mL."));
        }

        if (string.IsNullOrWhiteSpace(record.GeneratorId))
        {
            findings.Add(Invalid("ozone.generator.missing", "generatorId", "Name the ozone generator used."));
        }

        if (record.GeneratorCalibrationDate > record.ProcedureDate)
        {
            findings.Add(Invalid("ozone.generator.calibration-after-procedure", "generatorCalibrationDate",
                $"The generator's calibration date ({Iso(record.GeneratorCalibrationDate)}) is after the procedure date ({Iso(record.ProcedureDate)})."));
        }

        CheckSite(record, findings);
        var bloodValid = CheckAutohemotherapyEntries(record, findings);

        if (concentrationValid)
        {
            CheckConcentration(record, limits, findings);
        }

        var routeLimit = limits.For(record.Route, record.Region);
        if (routeLimit is not null)
        {
            var volume = routeLimit.VolumeBasis == OzoneVolumeBasis.Blood ? (bloodValid ? record.BloodVolumeMl : null) : (gasValid ? record.GasVolumeMl : (decimal?)null);
            if (volume is { } v)
            {
                var field = routeLimit.VolumeBasis == OzoneVolumeBasis.Blood ? "bloodVolume" : "gasVolume";
                var what = routeLimit.VolumeBasis == OzoneVolumeBasis.Blood ? "Blood volume" : "Gas volume";
                var codePart = routeLimit.VolumeBasis == OzoneVolumeBasis.Blood ? "blood-volume" : "gas-volume";
                if (routeLimit.MaxVolumeMl is { } max && v > max)
                {
                    findings.Add(Breach($"ozone.{codePart}.above-max", field, $"{what} {v} mL is above the {Describe(routeLimit)} maximum of {max} mL.", $"≤ {max} mL", routeLimit.Source));
                }

                if (routeLimit.MinVolumeMl is { } min && v < min)
                {
                    findings.Add(Breach($"ozone.{codePart}.below-min", field, $"{what} {v} mL is below the {Describe(routeLimit)} minimum of {min} mL.", $"≥ {min} mL", routeLimit.Source));
                }
            }
        }

        return findings;
    }

    private static void CheckConcentration(OzoneProcedureRecord record, OzoneDoseLimits limits, List<ProcedureFinding> findings)
    {
        var c = record.ConcentrationMicrogramsPerMl;
        var routeLimit = limits.For(record.Route, record.Region);
        var exempt = routeLimit?.ExemptFromGeneralCap ?? false;
        var cap = limits.MaxConcentrationAnyRouteMicrogramsPerMl;
        if (!exempt && c > cap)
        {
            var routeNote = routeLimit?.MaxConcentrationMicrogramsPerMl is { } routeMax && routeMax > cap
                ? $" The {Describe(routeLimit)} study range reaches {routeMax} µg/mL, but the any-route cap governs unless the clinic exempts this route."
                : string.Empty;
            findings.Add(Breach("ozone.concentration.above-general-cap", "concentration",
                $"Concentration {c} µg/mL is above the any-route maximum of {cap} µg/mL.{routeNote}", $"≤ {cap} µg/mL", OzoneDoseLimits.ReferenceSource));
        }

        if (routeLimit is null)
        {
            return;
        }

        if (routeLimit.MaxConcentrationMicrogramsPerMl is { } max && c > max)
        {
            findings.Add(Breach("ozone.concentration.above-route-max", "concentration",
                $"Concentration {c} µg/mL is above the {Describe(routeLimit)} maximum of {max} µg/mL.", $"≤ {max} µg/mL", routeLimit.Source));
        }

        if (routeLimit.MinConcentrationMicrogramsPerMl is { } min && c < min)
        {
            findings.Add(Breach("ozone.concentration.below-route-min", "concentration",
                $"Concentration {c} µg/mL is below the {Describe(routeLimit)} minimum of {min} µg/mL.", $"≥ {min} µg/mL", routeLimit.Source));
        }
    }

    private static void CheckSite(OzoneProcedureRecord record, List<ProcedureFinding> findings)
    {
        if (!record.Route.IsLocalInjection())
        {
            return;
        }

        if (record.Region is null && string.IsNullOrWhiteSpace(record.SiteDetail))
        {
            findings.Add(Invalid("ozone.site.missing", "site", "A local injection needs its anatomical site."));
        }

        // The knee intra-articular limit is keyed on the region: a free-text "knee" must not slip past it.
        if (record.Route == OzoneRoute.IntraArticular && record.Region is null)
        {
            findings.Add(Invalid("ozone.region.missing", "region", "Choose the joint from the region list for an intra-articular injection."));
        }

        if (record.Route != OzoneRoute.Intradiscal && record.Side == BodySide.NotApplicable)
        {
            findings.Add(Invalid("ozone.side.missing", "side", "Record the side (left, right or bilateral)."));
        }
    }

    /// <returns>Whether a usable blood volume was entered.</returns>
    private static bool CheckAutohemotherapyEntries(OzoneProcedureRecord record, List<ProcedureFinding> findings)
    {
        if (record.Route != OzoneRoute.MajorAutohemotherapy)
        {
            if (record.BloodVolumeMl is not null || record.Anticoagulant is not null)
            {
                findings.Add(Invalid("ozone.blood.not-applicable", "bloodVolume", "Blood volume and anticoagulant belong to major autohemotherapy only."));
            }

            return false;
        }

        if (record.Anticoagulant is null)
        {
            findings.Add(Invalid("ozone.anticoagulant.missing", "anticoagulant", "Record the anticoagulant used for autohemotherapy."));
        }

        if (record.BloodVolumeMl is not { } blood || blood <= 0)
        {
            findings.Add(Invalid("ozone.blood-volume.missing", "bloodVolume", "Record the blood volume (mL, greater than 0) for autohemotherapy."));
            return false;
        }

        return true;
    }

    private static string Describe(OzoneRouteLimit limit) =>
        limit.Region is { } region ? $"{region.Code()} {limit.Route.Code()}" : limit.Route.Code();

    private static string Iso(NodaTime.LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static ProcedureFinding Invalid(string code, string field, string message) =>
        new(code, FindingKind.InvalidEntry, field, message);

    private static ProcedureFinding Breach(string code, string field, string message, string limit, string source) =>
        new(code, FindingKind.LimitBreach, field, message, limit, source);
}
