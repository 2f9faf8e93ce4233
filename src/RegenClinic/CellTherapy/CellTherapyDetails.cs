using RegenClinic.Domain.CellTherapy;

namespace RegenClinic.CellTherapy;

/// <summary>What is stored for a cell-therapy procedure: the record, the clinic's regulatory determinations (the app cannot
/// judge homologous use), and, for US clinics, the pathway the classifier gave (clinical-reference §7) with its reasons.</summary>
public sealed record CellTherapyDetails(
    CellTherapyProcedureRecord Record,
    bool HomologousUse,
    bool SameSurgicalProcedure,
    bool CombinedWithOtherArticle,
    string? IndNumber,
    RegulatoryPathway Pathway = RegulatoryPathway.NotApplicable,
    IReadOnlyList<string>? RegulatoryReasons = null);
