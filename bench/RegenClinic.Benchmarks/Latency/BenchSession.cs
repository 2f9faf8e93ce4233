using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RegenClinic.Benchmarks.Latency;

/// <summary>Signed-in clients (a nurse for clinical pages, front desk for bookings) and a sample of the clinic's patients to ask for.</summary>
public sealed partial class BenchSession
{
    private BenchSession(HttpClient nurse, HttpClient frontDesk, IReadOnlyList<(Guid Id, string FamilyName)> patients) =>
        (Nurse, FrontDesk, Patients) = (nurse, frontDesk, patients);

    public HttpClient Nurse { get; }
    public HttpClient FrontDesk { get; }
    public IReadOnlyList<(Guid Id, string FamilyName)> Patients { get; }

    public static async Task<BenchSession> OpenAsync(Uri baseAddress)
    {
        var nurse = await SignInAsync(baseAddress, "nurse@regenclinic.demo");
        var frontDesk = await SignInAsync(baseAddress, "frontdesk@regenclinic.demo");
        var patients = new List<(Guid, string)>();
        foreach (var letter in "ABCDEFGHIJKLMNOPRSTVW")
        {
            using var page = await nurse.GetFromJsonAsync<JsonDocument>($"/api/patients?q={letter}&pageSize=100")
                ?? throw new InvalidOperationException("patient search returned nothing");
            foreach (var item in page.RootElement.GetProperty("items").EnumerateArray())
                patients.Add((item.GetProperty("id").GetGuid(), item.GetProperty("familyName").GetString()!));
        }
        if (patients.Count == 0) throw new InvalidOperationException("the seeded clinic has no patients to ask for");
        return new BenchSession(nurse, frontDesk, patients);
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string email)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };
        var page = await client.GetStringAsync("/signin");
        var form = Form().Matches(page).Select(m => m.Value).First(f => f.Contains("Posted.Email", StringComparison.Ordinal));
        var fields = HiddenField().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Posted.Email"] = email;
        fields["Posted.Password"] = RegenClinic.Demo.DemoClinic.DemoPassword;
        using var response = await client.PostAsync("/signin", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in as {email} failed: {(int)response.StatusCode}");
        return client;
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[\\s\\S]*?</form>")]
    private static partial Regex Form();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
