using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <summary>The physician signs the order for one day's sessions of a course (one order per course and day).</summary>
public sealed class SignDailyOrder(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(Guid courseId, NodaTime.LocalDate date, string? note, CancellationToken ct = default)
    {
        var course = await HbotCourses.FindAsync(db, courseId, ct);
        HbotCourses.EnsureOpen(course);
        if (date < time.Today) throw new DomainException("hbot.order-in-past", "A daily order is signed for today or a later day.", "date");
        if (await db.HbotDailyOrders.AnyAsync(o => o.CourseId == courseId && o.Date == date, ct))
            throw new DomainException("hbot.order-exists", "This day already has a signed order.", "date");
        var order = HbotDailyOrder.Sign(course.Id, course.PatientId, date, note, actor.Name, time.Now);
        db.HbotDailyOrders.Add(order);
        await db.SaveChangesAsync(ct);
        return order.Id;
    }
}
