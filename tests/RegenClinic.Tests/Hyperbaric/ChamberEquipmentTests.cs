using NodaTime;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class ChamberEquipmentTests
{
    private static readonly LocalDate Today = new(2027, 3, 1);

    private static Chamber Mono() => Chamber.Create(Guid.NewGuid(), "Mono T", Domain.Clinic.ChamberKind.Monoplace, 1, 3.0m, ["2.4-90"]);

    [Fact]
    public void Life_MonoplaceWithoutMakersFigure_UsesTheReferenceTenYearsOrTenThousandCycles()
    {
        var chamber = Mono();
        Assert.Null(chamber.Life(Today)); // no commissioning date yet
        chamber.Configure(3.0m, ["2.4-90"], Today.PlusYears(-10).PlusDays(-1), null, null, Today);

        Assert.Equal(ChamberDesignLife.Monoplace, chamber.DesignLife);
        Assert.Equal(ChamberLifeState.BeyondDesignLife, chamber.Life(Today)!.State);
    }

    [Fact]
    public void Life_MultiplaceWithoutMakersFigure_IsUnknownUntilEntered()
    {
        var chamber = Chamber.Create(Guid.NewGuid(), "Multi T", Domain.Clinic.ChamberKind.Multiplace, 12, 6.0m, ["2.4-90"]);
        chamber.Configure(6.0m, ["2.4-90"], Today.PlusYears(-5), null, null, Today);
        Assert.Null(chamber.Life(Today));

        chamber.Configure(6.0m, ["2.4-90"], Today.PlusYears(-5), 20, 20_000, Today);
        Assert.Equal(ChamberLifeState.WithinLife, chamber.Life(Today)!.State);
    }

    [Fact]
    public void Configure_InvalidData_RefusedWithItsField()
    {
        var chamber = Mono();
        Assert.Equal("chamber.commissioned-future", Assert.Throws<DomainException>(() => chamber.Configure(3.0m, [], Today.PlusDays(1), null, null, Today)).Code);
        Assert.Equal("chamber.life-incomplete", Assert.Throws<DomainException>(() => chamber.Configure(3.0m, [], null, 10, null, Today)).Code);
        Assert.Equal("chamber.pressure-range", Assert.Throws<DomainException>(() => chamber.Configure(1.3m, [], null, null, null, Today)).Code);
        Assert.Equal("chamber.life-years-range", Assert.Throws<DomainException>(() => chamber.Configure(3.0m, [], null, 0, 100, Today)).Code);
        Assert.Equal(3.0m, chamber.MaxAta);
    }
}
