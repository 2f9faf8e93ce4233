using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

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
    /// <summary>The date the chamber went into clinical use; design life counts from it. Null until an administrator enters it.</summary>
    public LocalDate? CommissionedOn { get; private set; }
    /// <summary>The maker's design life in years and cycles; null when not entered (a monoplace then uses the reference's figure).</summary>
    public int? DesignLifeYears { get; private set; }
    public int? DesignLifeCycles { get; private set; }

    /// <summary>The design life to judge against: the maker's when entered, else the reference's for a monoplace (about 10 years or
    /// 10,000 cycles, clinical-reference §4); a multiplace has no reference figure.</summary>
    public ChamberDesignLife? DesignLife => DesignLifeYears is { } y && DesignLifeCycles is { } c
        ? new ChamberDesignLife(y, c)
        : Kind == ChamberKind.Monoplace ? ChamberDesignLife.Monoplace : null;

    /// <summary>Where the chamber stands against its design life on <paramref name="today"/>; null without a commissioning date or a design life.</summary>
    public ChamberLifeStatus? Life(LocalDate today) =>
        CommissionedOn is { } commissioned && DesignLife is { } life ? ChamberLife.Evaluate(CycleCount, commissioned, today, life) : null;

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

    /// <summary>An administrator's change of the chamber's equipment data. Table ids are checked against the catalogue by the caller.</summary>
    public void Configure(decimal maxAta, IEnumerable<string> tables, LocalDate? commissionedOn, int? designLifeYears, int? designLifeCycles, LocalDate today)
    {
        if (maxAta is < 1.4m or > 6m) throw new DomainException("chamber.pressure-range", "Maximum pressure must be between 1.4 and 6.0 ATA.", "maxAta");
        if (commissionedOn is { } c && c > today) throw new DomainException("chamber.commissioned-future", "The commissioning date cannot be in the future.", "commissionedOn");
        if (designLifeYears is < 1 or > 50) throw new DomainException("chamber.life-years-range", "Design life is 1–50 years.", "designLifeYears");
        if (designLifeCycles is < 1 or > 1_000_000) throw new DomainException("chamber.life-cycles-range", "Design life is 1–1,000,000 cycles.", "designLifeCycles");
        if (designLifeYears is null != designLifeCycles is null)
            throw new DomainException("chamber.life-incomplete", "Enter the design life in both years and cycles (whichever comes first), or neither.", "designLifeCycles");
        var list = tables.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        MaxAta = maxAta;
        Tables = list;
        CommissionedOn = commissionedOn;
        DesignLifeYears = designLifeYears;
        DesignLifeCycles = designLifeCycles;
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
