using Hl7.Fhir.Model;
using RegenClinic.Domain.Clinic;

namespace RegenClinic.Fhir;

/// <summary>Where care happens, as FHIR Location: each site, and its chambers and rooms as parts of it (partOf the site's Location).
/// A chamber out of service is served suspended (maintenance) or inactive, so that a scheduler elsewhere does not book it.</summary>
public static class LocationFhir
{
    public const string TypeSystem = "urn:regenclinic:codesystem:location-type";
    public const string PhysicalTypeSystem = "http://terminology.hl7.org/CodeSystem/location-physical-type";
    public const string MaxPressureExtension = "urn:regenclinic:fhir:StructureDefinition:chamber-max-ata";

    public const string SiteType = "site";
    public const string MonoplaceType = "monoplace-chamber";
    public const string MultiplaceType = "multiplace-chamber";
    public const string RoomType = "treatment-room";

    public static Location ToFhir(this Site s) => new()
    {
        Id = s.Id.ToString(),
        Identifier = [new Identifier("urn:regenclinic:sid:site-code", s.Code)],
        Status = Location.LocationStatus.Active,
        Name = s.Name,
        Mode = Location.LocationMode.Instance,
        Type = [new CodeableConcept(TypeSystem, SiteType, "Clinic site")],
        PhysicalType = new CodeableConcept(PhysicalTypeSystem, "si", "Site"),
        Address = s.City.Length > 0 ? new Address { City = s.City, Country = s.Jurisdiction } : new Address { Country = s.Jurisdiction },
    };

    public static Location ToFhir(this Chamber c)
    {
        var location = new Location
        {
            Id = c.Id.ToString(),
            Status = LocationStatus(c.Status),
            OperationalStatus = c.Status == EquipmentStatus.InService ? null
                : new Coding("http://terminology.hl7.org/CodeSystem/v2-0116", c.Status == EquipmentStatus.Maintenance ? "K" : "C",
                    c.Status == EquipmentStatus.Maintenance ? "Contaminated" : "Closed"),
            Name = c.Name,
            Description = c.StatusReason is { } reason ? $"{Describe(c)}; {reason}" : Describe(c),
            Mode = Location.LocationMode.Instance,
            Type = [new CodeableConcept(TypeSystem, TypeCode(c.Kind), c.Kind == ChamberKind.Monoplace ? "Monoplace hyperbaric chamber" : "Multiplace hyperbaric chamber")],
            PartOf = new ResourceReference($"Location/{c.SiteId}"),
        };
        location.Extension.Add(new Extension(MaxPressureExtension, new Quantity(c.MaxAta, "atm", ChartFhir.Ucum)));
        return location;
    }

    public static Location ToFhir(this Room r) => new()
    {
        Id = r.Id.ToString(),
        Status = Location.LocationStatus.Active,
        Name = r.Name,
        Mode = Location.LocationMode.Instance,
        Type = [new CodeableConcept(TypeSystem, RoomType, "Treatment room")],
        PhysicalType = new CodeableConcept(PhysicalTypeSystem, "ro", "Room"),
        PartOf = new ResourceReference($"Location/{r.SiteId}"),
    };

    public static string TypeCode(ChamberKind kind) => kind == ChamberKind.Monoplace ? MonoplaceType : MultiplaceType;

    public static Location.LocationStatus LocationStatus(EquipmentStatus status) => status switch
    {
        EquipmentStatus.InService => Location.LocationStatus.Active,
        EquipmentStatus.Maintenance => Location.LocationStatus.Suspended,
        _ => Location.LocationStatus.Inactive,
    };

    private static string Describe(Chamber c) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Kind} chamber, {c.Seats} seat(s), up to {c.MaxAta} ATA");
}
