using NodaTime;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class ChamberLifeTests
{
    private static readonly LocalDate Commissioned = new(2020, 1, 1);

    [Theory]
    [InlineData(8_999, ChamberLifeState.WithinLife)]
    [InlineData(9_000, ChamberLifeState.ApproachingEndOfLife)]
    [InlineData(9_999, ChamberLifeState.ApproachingEndOfLife)]
    [InlineData(10_000, ChamberLifeState.BeyondDesignLife)]
    public void Evaluate_MonoplaceCycles_Against10000(int cycles, ChamberLifeState expected) =>
        Assert.Equal(expected, ChamberLife.Evaluate(cycles, Commissioned, new LocalDate(2021, 1, 1), ChamberDesignLife.Monoplace).State);

    [Theory]
    [InlineData(2029, 12, 1, ChamberLifeState.ApproachingEndOfLife)]
    [InlineData(2030, 1, 2, ChamberLifeState.BeyondDesignLife)]
    [InlineData(2028, 1, 1, ChamberLifeState.WithinLife)]
    public void Evaluate_MonoplaceYears_Against10Years(int year, int month, int day, ChamberLifeState expected) =>
        Assert.Equal(expected, ChamberLife.Evaluate(100, Commissioned, new LocalDate(year, month, day), ChamberDesignLife.Monoplace).State);
}
