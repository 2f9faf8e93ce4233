using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;

namespace RegenClinic.Scheduling;

/// <summary>A staff member as the scheduler sees them: skills from their roles, shifts per weekday (none = the opening
/// hours on weekdays) and dates off from today on.</summary>
public sealed record StaffScheduleView(string Id, string Name, IReadOnlyList<string> Skills, IReadOnlyList<ShiftView> Shifts, IReadOnlyList<LocalDate> Off);

public sealed record ShiftView(IsoDayOfWeek Day, LocalTime Start, LocalTime End);

/// <summary>The staff of a site that the scheduler plans (those with a scheduling skill), with their shifts and days off.</summary>
public sealed class ViewStaffSchedules(ClinicDb db, ClinicTime time)
{
    public async Task<IReadOnlyList<StaffScheduleView>> HandleAsync(Guid siteId, CancellationToken ct = default)
    {
        var users = await ClinicInstance.StaffRolesAsync(db, siteId, ct);
        var shifts = await db.StaffShifts.AsNoTracking().Where(s => s.SiteId == siteId).ToListAsync(ct);
        var today = time.Today;
        var off = await db.StaffOffDays.AsNoTracking().Where(o => o.SiteId == siteId && o.Date >= today).OrderBy(o => o.Date).ToListAsync(ct);
        return [.. users.GroupBy(u => u.Id).Select(g => new StaffScheduleView(g.Key, g.First().DisplayName, ClinicInstance.SkillsOf(g.Select(x => x.Role)),
                [.. shifts.Where(s => s.StaffUserId == g.Key).OrderBy(s => s.Day).ThenBy(s => s.StartMinute)
                    .Select(s => new ShiftView(s.Day, LocalTime.FromMinutesSinceMidnight(s.StartMinute), LocalTime.FromMinutesSinceMidnight(s.EndMinute)))],
                [.. off.Where(o => o.StaffUserId == g.Key).Select(o => o.Date)]))
            .Where(v => v.Skills.Count > 0).OrderBy(v => v.Name, StringComparer.CurrentCulture)];
    }
}

public sealed record StaffScheduleChange(Guid SiteId, string StaffUserId, IReadOnlyList<ShiftView> Shifts, IReadOnlyList<LocalDate> Off);

/// <summary>Replaces a staff member's shifts at a site and their days off from today on (earlier days stay as history).
/// Every row written or removed is audited by the interceptor.</summary>
public sealed class SetStaffSchedule(ClinicDb db, ClinicTime time)
{
    public async Task HandleAsync(StaffScheduleChange change, CancellationToken ct = default)
    {
        if (!await db.Users.AnyAsync(u => u.Id == change.StaffUserId, ct)) throw new DomainException("staff.not-found", "No such staff member.", "staff");
        var today = time.Today;
        if (change.Off.Any(d => d < today)) throw new DomainException("staff.off-past", "Days off are recorded from today on.", "off");
        foreach (var g in change.Shifts.GroupBy(s => s.Day).Where(g => g.Count() > 1))
            throw new DomainException("shift.twice", $"One shift per weekday ({g.Key}).", "shifts");
        var created = change.Shifts.Select(s => StaffShift.Create(change.SiteId, change.StaffUserId, s.Day, s.Start, s.End)).ToList();
        db.StaffShifts.RemoveRange(await db.StaffShifts.Where(s => s.SiteId == change.SiteId && s.StaffUserId == change.StaffUserId).ToListAsync(ct));
        db.StaffShifts.AddRange(created);
        var existing = await db.StaffOffDays.Where(o => o.SiteId == change.SiteId && o.StaffUserId == change.StaffUserId && o.Date >= today).ToListAsync(ct);
        db.StaffOffDays.RemoveRange(existing.Where(o => !change.Off.Contains(o.Date)));
        db.StaffOffDays.AddRange(change.Off.Distinct().Where(d => existing.All(o => o.Date != d)).Select(d => StaffOffDay.Create(change.SiteId, change.StaffUserId, d, null)));
        await db.SaveChangesAsync(ct);
    }
}
