using Microsoft.AspNetCore.Identity;

namespace RegenClinic.Staff;

public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>UI language chosen by the user (en or nl); applied at sign-in and by the language switch.</summary>
    public string Culture { get; set; } = "en";
    public Guid? SiteId { get; set; }
}

/// <summary>The clinic's roles and the policies built on them; docs/permissions.md is the written matrix.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Physician = "Physician";
    public const string Nurse = "Nurse";
    public const string ChamberOperator = "ChamberOperator";
    public const string FrontDesk = "FrontDesk";

    public static readonly IReadOnlyList<string> All = [Admin, Physician, Nurse, ChamberOperator, FrontDesk];
}

public static class Policies
{
    /// <summary>Demographics and appointments: every staff role.</summary>
    public const string Demographics = "demographics";
    /// <summary>Clinical notes, conditions, medications, results: clinicians and chamber operators (read).</summary>
    public const string ClinicalRead = "clinical-read";
    /// <summary>Adding and amending clinical entries: physicians and nurses.</summary>
    public const string ClinicalWrite = "clinical-write";
    /// <summary>Registering patients and editing demographics: front desk, nurses, physicians.</summary>
    public const string Registration = "registration";
    /// <summary>Prescribing injection and cell-therapy courses and overriding their dose limits: physicians.</summary>
    public const string Prescribe = "prescribe";
    /// <summary>Editing, copying and retiring protocol presets: physicians and admins.</summary>
    public const string Presets = "presets";
    /// <summary>Screening decisions and overrides, course prescriptions and starts: physicians only.</summary>
    public const string PhysicianDecision = "physician-decision";
    /// <summary>Clinic outcome analytics (aggregates only, suppressed below 5 patients): physicians, nurses and administrators.</summary>
    public const string Analytics = "analytics";
    /// <summary>HBOT prescriptions, daily orders, progress notes, checklist overrides, clearing a paused course: physicians.</summary>
    public const string HbotPhysician = "hbot-physician";
    /// <summary>Pre-dive checklist, dive log, adverse events at the chamber side: chamber operators, nurses, physicians.</summary>
    public const string ChamberOperations = "chamber-operations";
    /// <summary>Travelling-patient enquiries, quotes and acceptance: front desk and physicians (the pre-screen is <see cref="PhysicianDecision"/>).</summary>
    public const string Travel = "travel";
    /// <summary>Scheduling coordinator: proposing, confirming, booking, moving and repairing schedules: front desk, physicians and administrators.</summary>
    public const string Scheduling = "scheduling";
    /// <summary>Adding and retiring treatment tables in the catalogue: physicians and administrators.</summary>
    public const string TreatmentTables = "treatment-tables";
    /// <summary>Audit trail and users.</summary>
    public const string Admin = "admin";
}

/// <summary>Who must sign in with a second factor (an authenticator app): those who can read every record they are granted and change who sees what.</summary>
public static class TwoFactorRules
{
    public static readonly IReadOnlyList<string> RequiredFor = [Roles.Admin, Roles.Physician];

    public static bool Required(IEnumerable<string> roles) => roles.Any(RequiredFor.Contains);
}
