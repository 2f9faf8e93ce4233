using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Injections;

/// <summary>A logged room-air ozone reading (US clinics, clinical-reference §7). <paramref name="OzonePpm"/> is parts
/// per million by volume.</summary>
public sealed record RoomAirOzoneCheck(string Room, Instant MeasuredAt, decimal OzonePpm, string MeasuredBy, string? InstrumentId = null)
{
    /// <summary>The ambient limit of 21 CFR 801.415: 0.05 ppm by volume. A reading equal to it is within the limit.</summary>
    public const decimal AmbientLimitPpm = 0.05m;

    public bool ExceedsLimit => OzonePpm > AmbientLimitPpm;

    /// <summary>Validates the entry (room and measurer named, reading not negative, not in the future) and returns it.</summary>
    public static RoomAirOzoneCheck Create(string room, Instant measuredAt, decimal ozonePpm, string measuredBy, Instant now, string? instrumentId = null)
    {
        if (string.IsNullOrWhiteSpace(room))
        {
            throw new DomainException("ozone.room-air.room-missing", "Name the room measured.", "room");
        }

        if (string.IsNullOrWhiteSpace(measuredBy))
        {
            throw new DomainException("ozone.room-air.measured-by-missing", "Record who measured.", "measuredBy");
        }

        if (ozonePpm < 0)
        {
            throw new DomainException("ozone.room-air.negative", "An ozone reading cannot be negative.", "ozonePpm");
        }

        if (measuredAt > now)
        {
            throw new DomainException("ozone.room-air.future", "The reading's time is in the future.", "measuredAt");
        }

        return new RoomAirOzoneCheck(room, measuredAt, ozonePpm, measuredBy, instrumentId);
    }
}
