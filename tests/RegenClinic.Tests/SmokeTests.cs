using RegenClinic.Domain.Common;

namespace RegenClinic.Tests;

public sealed class DomainExceptionTests
{
    [Fact]
    public void DomainException_CarriesCodeAndField()
    {
        var ex = new DomainException("patient.birth-date-future", "Birth date is in the future.", "birthDate");
        Assert.Equal("patient.birth-date-future", ex.Code);
        Assert.Equal("birthDate", ex.Field);
    }
}
