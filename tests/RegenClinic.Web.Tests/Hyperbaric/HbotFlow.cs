using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Domain.Clinic;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Hyperbaric;

/// <summary>Walks the hyperbaric pages as staff would, building each test's own patient and chamber.</summary>
public static partial class HbotFlow
{
    public const string Physician = "physician@regenclinic.demo";
    public const string Operator = "operator@regenclinic.demo";

    public static Dictionary<string, string> PassingChecklist() => new()
    {
        ["Posted.Systolic"] = "125", ["Posted.Diastolic"] = "80", ["Posted.HeartRate"] = "72", ["Posted.SpO2"] = "98", ["Posted.VitalsOk"] = "yes",
        ["Posted.Temperature"] = "36.8", ["Posted.Ears"] = "yes", ["Posted.Glucose"] = "150", ["Posted.Searched"] = "yes", ["Posted.Cotton"] = "yes",
        ["Posted.Consent"] = "true",
    };

    /// <summary>Posts the form whose Blazor handler is <paramref name="formName"/> on <paramref name="path"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitNamedFormAsync(this HttpClient client, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var form = FormPattern().Matches(page).Select(m => m.Value)
            .FirstOrDefault(f => f.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form {formName} on {path}");
        var values = HiddenPattern().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (k, v) in fields) values[k] = v;
        return await client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts the form <paramref name="formName"/> as multipart/form-data with one file part, as a browser does for an upload.</summary>
    public static async Task<HttpResponseMessage> SubmitNamedMultipartAsync(this HttpClient client, string path, string formName, Dictionary<string, string> fields,
        string fileField, string fileName, byte[] content)
    {
        var page = await client.GetStringAsync(path);
        var form = FormPattern().Matches(page).Select(m => m.Value)
            .FirstOrDefault(f => f.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form {formName} on {path}");
        Assert.Contains("enctype=\"multipart/form-data\"", form, StringComparison.Ordinal);
        var values = HiddenPattern().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (k, v) in fields) values[k] = v;
        using var multipart = new MultipartFormDataContent();
        foreach (var (k, v) in values) multipart.Add(new StringContent(v), k);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        multipart.Add(file, fileField, fileName);
        return await client.PostAsync(path, multipart);
    }

    public static async Task<Guid> NewPatientAsync(this HttpClient physician, string family)
    {
        var created = await physician.PostAsJsonAsync("/api/patients", new
        {
            familyName = family, givenName = "Hugo", birthDate = "1958-03-14", sex = "male", preferredLanguage = "nl",
            homePhysician = new { name = "Dr. Huisarts" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A chamber of the test's own, so no other test's dive occupies it.</summary>
    public static async Task<Guid> NewChamberAsync(this ClinicAppFactory app, string name, ChamberKind kind = ChamberKind.Monoplace)
    {
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var site = await db.Sites.FirstAsync();
            var chamber = kind == ChamberKind.Monoplace
                ? Chamber.Create(site.Id, name, kind, 1, 3.0m, ["2.4-90", "2.0-90", "2.5-90-mono"])
                : Chamber.Create(site.Id, name, kind, 12, 6.0m, ["2.4-90", "2.0-90", "marx-20-10", "usn-tt6"]);
            db.Chambers.Add(chamber);
            await db.SaveChangesAsync();
            return chamber.Id;
        }
    }

    public static Guid IdFromLocation(HttpResponseMessage response, string prefix)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            var errors = string.Join(" | ", ErrorPattern().Matches(body).Select(m => m.Value));
            Assert.Fail($"expected a redirect to {prefix}…, got {(int)response.StatusCode}: {errors}");
        }

        var location = response.Headers.Location?.OriginalString ?? "";
        var match = Regex.Match(location, Regex.Escape(prefix) + "(?<id>[0-9a-f-]{36})");
        Assert.True(match.Success, $"expected a redirect to {prefix}…, got {location}");
        return Guid.Parse(match.Groups["id"].Value);
    }

    /// <summary>Prescribes 2.4-90 × <paramref name="sessions"/> and signs today's order; returns the course.</summary>
    public static async Task<Guid> PrescribedCourseAsync(this HttpClient physician, Guid patientId, int sessions = 20, bool signOrder = true)
    {
        var response = await physician.SubmitFormAsync($"/patients/{patientId}/hbot/new", new()
        {
            ["Posted.TableId"] = "2.4-90", ["Posted.Sessions"] = sessions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Posted.Frequency"] = "once", ["Posted.Goals"] = "Wound closure of the left heel ulcer within 8 weeks",
        });
        var courseId = IdFromLocation(response, "/hyperbaric/courses/");
        if (signOrder)
        {
            var signed = await physician.SubmitNamedFormAsync($"/hyperbaric/courses/{courseId}", "daily-order", new() { ["OrderForm.Note"] = "2.4-90 today" });
            Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        }

        return courseId;
    }

    public static async Task<Guid> ChecklistAsync(this HttpClient client, Guid courseId, Dictionary<string, string> fields)
    {
        var response = await client.SubmitFormAsync($"/hyperbaric/courses/{courseId}/checklist", fields);
        return IdFromLocation(response, "/hyperbaric/checklists/");
    }

    public static async Task<Guid> StartDiveAsync(this HttpClient client, Guid checklistId, Guid chamberId, string? attendant = null)
    {
        var response = await client.SubmitNamedFormAsync($"/hyperbaric/checklists/{checklistId}", "start-dive", new()
        {
            ["StartForm.ChamberId"] = chamberId.ToString(), ["StartForm.Attendant"] = attendant ?? "",
        });
        return IdFromLocation(response, "/hyperbaric/dives/");
    }

    public static Task<HttpResponseMessage> TapAsync(this HttpClient client, Guid diveId, string phase) =>
        client.SubmitNamedFormAsync($"/hyperbaric/dives/{diveId}", "dive-phase", new() { ["PhaseForm.Phase"] = phase });

    [GeneratedRegex("<[^>]*class=\"[^\"]*error[^\"]*\"[^>]*>[^<]+")]
    private static partial Regex ErrorPattern();

    [GeneratedRegex("<form[^>]*method=\"post\"[\\s\\S]*?</form>")]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenPattern();
}
