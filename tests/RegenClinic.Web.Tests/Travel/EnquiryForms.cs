using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace RegenClinic.Web.Tests.Travel;

/// <summary>Posts the public enquiry form as a browser does: multipart, with the page's hidden fields (antiforgery, handler) and files.</summary>
internal static partial class EnquiryForms
{
    private static readonly NodaTime.LocalDate Today = NodaTime.SystemClock.Instance.GetCurrentInstant().InUtc().Date;
    public static readonly string From = Today.PlusDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public static readonly string To = Today.PlusDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Dictionary<string, string> Valid(string family) => new()
    {
        ["Posted.GivenName"] = "Marie", ["Posted.FamilyName"] = family, ["Posted.BirthDate"] = "1961-04-12", ["Posted.Sex"] = "Female",
        ["Posted.Email"] = "marie@example.org", ["Posted.Country"] = "BE", ["Posted.Language"] = "nl", ["Posted.ConditionGroup"] = "femoral-head-avn",
        ["Posted.Condition"] = "Hip AVN", ["Posted.History"] = "MRI: AVN of the femoral head, ARCO 2.", ["Posted.Medications"] = "Ibuprofen",
        ["Posted.PreferredFrom"] = From, ["Posted.PreferredTo"] = To, ["Posted.HomePhysicianName"] = "Dr. Jan Claes",
        ["Posted.ConsentToContact"] = "true", ["Posted.ConsentToProcessing"] = "true",
    };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields, params (string Name, byte[] Bytes)[] files)
    {
        var page = await client.GetStringAsync("/enquire");
        var form = FormPattern().Match(page).Value;
        var content = new MultipartFormDataContent();
        var values = HiddenPattern().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        if (!fields.ContainsKey("Posted.SiteId")) values["Posted.SiteId"] = SiteOption().Match(form).Groups["id"].Value;
        foreach (var (k, v) in fields) values[k] = v;
        foreach (var (k, v) in values) content.Add(new StringContent(v), k);
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            // The browser's claimed type is ignored by the server; claim PDF to show it does not matter.
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "files", name);
        }
        return await client.PostAsync("/enquire", content);
    }

    [GeneratedRegex("<form[^>]*enctype=\"multipart/form-data\"[\\s\\S]*?</form>")]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("<option value=\"(?<id>[0-9a-f-]{36})\"")]
    private static partial Regex SiteOption();
}
