using System.Globalization;
using RegenClinic.Domain.Outcomes;

namespace RegenClinic.Web.Components.Pages.Outcomes;

/// <summary>Form field names of a questionnaire and reading the posted answers back in item order (unanswered → null).</summary>
public static class QuestionnaireAnswers
{
    public static string FieldName(Instrument instrument, InstrumentItem item) => $"answer.{instrument.Id}.{item.Number}";

    public static int?[] Read(IFormCollection form, Instrument instrument) =>
        instrument.Items.Select(item =>
            int.TryParse(form[FieldName(instrument, item)].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (int?)null)
        .ToArray();

    /// <summary>The text key of an answer level, where the scale has named levels (KOOS JR / HOOS JR: none … extreme).</summary>
    public static string? LevelKey(Instrument instrument, InstrumentItem item, int value) => instrument.Id switch
    {
        Instruments.KoosJrId or Instruments.HoosJrId => $"level.{value}",
        Instruments.PgicId => $"pgic.{value}",
        Instruments.PainNrsId when value is 0 or 10 => $"nrs.{value}",
        _ => null,
    };
}
