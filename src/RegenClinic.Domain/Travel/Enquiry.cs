using System.Security.Cryptography;
using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Domain.Travel;

/// <summary>new → pre-screen → quote sent → accepted or declined → booked; withdrawn from any open state.</summary>
public enum EnquiryStatus { New, PreScreen, QuoteSent, Accepted, Declined, Booked, Withdrawn }

/// <summary>A file the enquirer sent, stored under a random name outside the web root; the original name is only shown.
/// <see cref="RemovedAt"/>: when the file itself was deleted after the retention period (its description is kept).</summary>
public sealed record EnquiryFile(string StoredName, string OriginalName, UploadKind Kind, long Bytes, string Sha256, Instant? RemovedAt = null);

/// <summary>What a travelling patient tells us before they come. Self-reported: nothing here is a clinical record until a
/// physician has seen the patient; the pre-screen says what must be checked in person.</summary>
public sealed class Enquiry
{
    private static readonly Dictionary<EnquiryStatus, EnquiryStatus[]> Allowed = new()
    {
        [EnquiryStatus.New] = [EnquiryStatus.PreScreen, EnquiryStatus.Withdrawn],
        [EnquiryStatus.PreScreen] = [EnquiryStatus.QuoteSent, EnquiryStatus.Withdrawn],
        // A changed quote is sent again as a new version: quote sent → quote sent.
        [EnquiryStatus.QuoteSent] = [EnquiryStatus.QuoteSent, EnquiryStatus.Accepted, EnquiryStatus.Declined, EnquiryStatus.Withdrawn],
        [EnquiryStatus.Accepted] = [EnquiryStatus.Booked, EnquiryStatus.Withdrawn],
        [EnquiryStatus.Declined] = [],
        [EnquiryStatus.Booked] = [],
        [EnquiryStatus.Withdrawn] = [],
    };

    private Enquiry() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>What the enquirer quotes on the phone: "TQ-" and 8 characters without look-alikes (no 0/O, 1/I).</summary>
    public string Reference { get; private set; } = "";
    public Guid SiteId { get; private set; }
    public EnquiryStatus Status { get; private set; }
    public string FamilyName { get; private set; } = "";
    public string GivenName { get; private set; } = "";
    public LocalDate BirthDate { get; private set; }
    public Sex Sex { get; private set; }
    public string Email { get; private set; } = "";
    public string? Phone { get; private set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; private set; } = "";
    public string Language { get; private set; } = "en";
    /// <summary>Condition group id from the knowledge base, when the enquirer picked one; null for "something else".</summary>
    public string? ConditionGroup { get; private set; }
    public string Condition { get; private set; } = "";
    public string History { get; private set; } = "";
    public string Medications { get; private set; } = "";
    public LocalDate PreferredFrom { get; private set; }
    public LocalDate PreferredTo { get; private set; }
    public HomePhysician? HomePhysician { get; private set; }
    public bool ConsentToContact { get; private set; }
    public bool ConsentToProcessing { get; private set; }
    public Instant ReceivedAt { get; private set; }
    public List<EnquiryFile> Files { get; private set; } = [];

    public string? PreScreenTherapy { get; private set; }
    public string? PreScreenVerdict { get; private set; }
    /// <summary>The screening result as JSON (rule ids, reasons, rule-set version), kept as the physician saw it.</summary>
    public string? PreScreenResult { get; private set; }
    public string? InPersonChecks { get; private set; }
    public string? PreScreenedBy { get; private set; }
    public Instant? PreScreenedAt { get; private set; }

    public Guid? PatientId { get; private set; }
    public Guid? CourseId { get; private set; }

    public bool IsOpen => Allowed[Status].Length > 0;

    public static Enquiry Submit(EnquiryDetails d, Guid siteId, IReadOnlyList<EnquiryFile> files, Instant at, LocalDate today)
    {
        if (!d.ConsentToContact) throw new DomainException("enquiry.consent-contact", "We can only answer if you agree to be contacted.", "consentToContact");
        if (!d.ConsentToProcessing) throw new DomainException("enquiry.consent-processing", "We can only read your health information if you agree to its processing.", "consentToProcessing");
        if (d.BirthDate > today || d.BirthDate < today.PlusYears(-130)) throw new DomainException("enquiry.birth-date", "Birth date is not plausible.", "birthDate");
        if (d.PreferredFrom < today) throw new DomainException("enquiry.dates-past", "Preferred dates must be in the future.", "preferredFrom");
        if (d.PreferredTo < d.PreferredFrom) throw new DomainException("enquiry.dates-order", "The last date must be after the first.", "preferredTo");
        if (Period.Between(d.PreferredFrom, d.PreferredTo, PeriodUnits.Days).Days > 366) throw new DomainException("enquiry.dates-long", "Preferred dates span at most a year.", "preferredTo");
        if (files.Count > UploadKinds.MaxFiles) throw new DomainException("enquiry.too-many-files", $"At most {UploadKinds.MaxFiles} files.", "files");
        var email = Require.Text(d.Email, "email", 200);
        if (!email.Contains('@', StringComparison.Ordinal)) throw new DomainException("field.invalid", "Email address must contain '@'.", "email");
        var country = Require.Text(d.Country, "country", 2).ToUpperInvariant();
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)) throw new DomainException("enquiry.country", "Country is a two-letter code.", "country");
        var language = (d.Language ?? "").Trim().ToLowerInvariant();
        if (!Patient.Languages.Contains(language)) throw new DomainException("field.invalid", "Unknown language.", "language");
        return new Enquiry
        {
            Reference = NewReference(),
            SiteId = siteId,
            Status = EnquiryStatus.New,
            FamilyName = Require.Text(d.FamilyName, "familyName", 100),
            GivenName = Require.Text(d.GivenName, "givenName", 100),
            BirthDate = d.BirthDate,
            Sex = Require.Defined(d.Sex, "sex"),
            Email = email,
            Phone = Require.OptionalText(d.Phone, "phone", 40),
            Country = country,
            Language = language,
            ConditionGroup = Require.OptionalText(d.ConditionGroup, "conditionGroup", 40),
            Condition = Require.Text(d.Condition, "condition", 200),
            History = Require.Text(d.History, "history", 4000),
            Medications = Require.OptionalText(d.Medications, "medications", 2000) ?? "",
            PreferredFrom = d.PreferredFrom,
            PreferredTo = d.PreferredTo,
            HomePhysician = d.HomePhysician is { Name: var n } hp && !string.IsNullOrWhiteSpace(n) ? hp with { Name = Require.Text(n, "homePhysician.name", 200) } : null,
            ConsentToContact = true,
            ConsentToProcessing = true,
            ReceivedAt = at,
            Files = [.. files],
        };
    }

    /// <summary>Moves the enquiry on; a move the pipeline does not allow (for example new → booked) is refused.</summary>
    public EnquiryEvent MoveTo(EnquiryStatus to, string by, Instant at, string? note)
    {
        if (!Allowed[Status].Contains(to))
            throw new DomainException("enquiry.invalid-transition", $"An enquiry cannot go from {Status} to {to}.", "status");
        if (to == EnquiryStatus.PreScreen && PreScreenedAt is null)
            throw new DomainException("enquiry.no-prescreen", "Record the physician's remote pre-screen first.", "status");
        if (to == EnquiryStatus.Booked && CourseId is null)
            throw new DomainException("enquiry.not-registered", "The patient must be registered with a course before booking.", "status");
        var from = Status;
        Status = to;
        return EnquiryEvent.Transition(Id, from, to, by, at, note);
    }

    /// <summary>The physician's remote pre-screen on self-reported data; it never replaces the in-person screening.</summary>
    public void RecordPreScreen(string therapy, string verdict, string resultJson, string inPersonChecks, string by, Instant at)
    {
        if (Status is not (EnquiryStatus.New or EnquiryStatus.PreScreen))
            throw new DomainException("enquiry.prescreen-closed", "The pre-screen can only be recorded before a quote is sent.", "status");
        PreScreenTherapy = Require.Text(therapy, "therapy", 40);
        PreScreenVerdict = Require.Text(verdict, "verdict", 40);
        PreScreenResult = resultJson;
        InPersonChecks = Require.Text(inPersonChecks, "inPersonChecks", 4000);
        PreScreenedBy = Require.Text(by, "by", 200);
        PreScreenedAt = at;
    }

    /// <summary>When the enquiry was closed without treatment (declined or withdrawn): the start of the file retention period.</summary>
    public bool ClosedWithoutTreatment => Status is EnquiryStatus.Declined or EnquiryStatus.Withdrawn;

    /// <summary>Marks the stored files as removed (the caller deletes the bytes); returns the files marked now.</summary>
    public IReadOnlyList<EnquiryFile> MarkFilesRemoved(Instant at)
    {
        if (!ClosedWithoutTreatment) throw new DomainException("enquiry.files-in-use", "Only the files of a declined or withdrawn enquiry are removed.", "status");
        var now = Files.Where(f => f.RemovedAt is null).ToList();
        Files = [.. Files.Select(f => f.RemovedAt is null ? f with { RemovedAt = at } : f)];
        return now;
    }

    public void LinkPatient(Guid patientId, Guid courseId)
    {
        if (Status != EnquiryStatus.Accepted) throw new DomainException("enquiry.not-accepted", "Only an accepted enquiry becomes a patient.", "status");
        PatientId = patientId;
        CourseId = courseId;
    }

    private static string NewReference()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "TQ-" + RandomNumberGenerator.GetString(alphabet, 8);
    }
}

public sealed record EnquiryDetails(
    string FamilyName, string GivenName, LocalDate BirthDate, Sex Sex, string Email, string? Phone, string Country, string? Language,
    string? ConditionGroup, string Condition, string History, string? Medications, LocalDate PreferredFrom, LocalDate PreferredTo,
    HomePhysician? HomePhysician, bool ConsentToContact, bool ConsentToProcessing);

public enum EnquiryEventKind { Transition, Note, PreScreen, Quote, Sent, FileRemoved }

/// <summary>Who did what to an enquiry and when, shown as its history (the audit trail holds the same, chained).</summary>
public sealed class EnquiryEvent
{
    private EnquiryEvent() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid EnquiryId { get; private set; }
    public EnquiryEventKind Kind { get; private set; }
    public EnquiryStatus? From { get; private set; }
    public EnquiryStatus? To { get; private set; }
    public string? Note { get; private set; }
    public string By { get; private set; } = "";
    public Instant At { get; private set; }

    public static EnquiryEvent Transition(Guid enquiryId, EnquiryStatus from, EnquiryStatus to, string by, Instant at, string? note) =>
        new() { EnquiryId = enquiryId, Kind = EnquiryEventKind.Transition, From = from, To = to, Note = Require.OptionalText(note, "note", 2000), By = by, At = at };

    public static EnquiryEvent Of(Guid enquiryId, EnquiryEventKind kind, string note, string by, Instant at) =>
        new() { EnquiryId = enquiryId, Kind = kind, Note = Require.Text(note, "note", 2000), By = by, At = at };
}
