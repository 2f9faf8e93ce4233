using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Clinic;

/// <summary>Monoplace: one patient, compressed with oxygen. Multiplace: several seats, compressed with air, oxygen by mask or hood, an inside attendant.</summary>
public enum ChamberKind { Monoplace, Multiplace }

public enum EquipmentStatus { InService, Maintenance, OutOfService }

public sealed class Chamber
{
    private Chamber() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SiteId { get; private set; }
    public string Name { get; private set; } = "";
    public ChamberKind Kind { get; private set; }
    public int Seats { get; private set; }
    public decimal MaxAta { get; private set; }
    public List<string> Tables { get; private set; } = [];
    public EquipmentStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public int CycleCount { get; private set; }

    public static Chamber Create(Guid siteId, string name, ChamberKind kind, int seats, decimal maxAta, IEnumerable<string> tables)
    {
        if (kind == ChamberKind.Monoplace && seats != 1)
            throw new DomainException("chamber.monoplace-seats", "A monoplace chamber has exactly one seat.", "seats");
        if (seats is < 1 or > 30) throw new DomainException("chamber.seats-range", "Seats must be between 1 and 30.", "seats");
        if (maxAta is < 1.4m or > 6m) throw new DomainException("chamber.pressure-range", "Maximum pressure must be between 1.4 and 6.0 ATA.", "maxAta");
        return new Chamber
        {
            SiteId = siteId, Name = Require.Text(name, "name", 100), Kind = kind, Seats = seats, MaxAta = maxAta,
            Tables = [.. tables], Status = EquipmentStatus.InService,
        };
    }

    public void SetStatus(EquipmentStatus status, string? reason)
    {
        if (status != EquipmentStatus.InService && string.IsNullOrWhiteSpace(reason))
            throw new DomainException("chamber.status-reason", "Say why the chamber is not in service.", "reason");
        Status = status;
        StatusReason = status == EquipmentStatus.InService ? null : reason!.Trim();
    }

    public void CountCycle() => CycleCount = checked(CycleCount + 1);
}

public sealed class Room
{
    private Room() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SiteId { get; private set; }
    public string Name { get; private set; } = "";

    public static Room Create(Guid siteId, string name) => new() { SiteId = siteId, Name = Require.Text(name, "name", 100) };
}
