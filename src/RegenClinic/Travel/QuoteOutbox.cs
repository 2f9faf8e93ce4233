using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace RegenClinic.Travel;

/// <summary>An outgoing e-mail with one attachment.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, string AttachmentName, string AttachmentType, byte[] Attachment);

/// <summary>
/// There is no SMTP server here: outgoing mail is written as an RFC 5322 message file (.eml, MIME multipart with the
/// attachment in base64) into a pickup folder (<c>Travel:OutboxFolder</c>, default <c>{data}/outbox</c>) that a mail relay
/// collects. A message is written under a temporary name first and only renamed to <c>.eml</c> once the send is recorded
/// (<see cref="Release"/>), so a relay never sends a message the database does not know about.
/// </summary>
public sealed class QuoteOutbox(TravelSettings settings)
{
    public string Folder => settings.OutboxFolder;

    /// <summary>Writes the message under a temporary name; returns the final file name it will have.</summary>
    public async Task<string> StageAsync(OutgoingMail mail, Instant at, CancellationToken ct)
    {
        if (mail.To.Any(char.IsControl) || mail.Subject.Any(char.IsControl)) throw new Domain.Common.DomainException("mail.header", "Address and subject must be one line.", "to");
        Directory.CreateDirectory(Folder);
        var name = $"{InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'").Format(at)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.eml";
        await File.WriteAllTextAsync(Path.Combine(Folder, name + ".tmp"), Mime(mail, at), new UTF8Encoding(false), ct);
        return name;
    }

    public void Release(string name) => File.Move(Path.Combine(Folder, name + ".tmp"), Path.Combine(Folder, name));

    public void Discard(string name)
    {
        var path = Path.Combine(Folder, name + ".tmp");
        if (File.Exists(path)) File.Delete(path);
    }

    private string Mime(OutgoingMail mail, Instant at)
    {
        var boundary = "=_rc_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var b = new StringBuilder();
        b.Append("From: ").Append(settings.MailFrom).Append("\r\n");
        b.Append("To: ").Append(mail.To).Append("\r\n");
        b.Append("Subject: ").Append(Encoded(mail.Subject)).Append("\r\n");
        b.Append("Date: ").Append(at.ToDateTimeOffset().ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)).Append("\r\n");
        b.Append("Message-ID: <").Append(Guid.CreateVersion7().ToString("N")).Append("@regenclinic.invalid>\r\n");
        b.Append("MIME-Version: 1.0\r\n");
        b.Append("Content-Type: multipart/mixed; boundary=\"").Append(boundary).Append("\"\r\n\r\n");
        b.Append("--").Append(boundary).Append("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        b.Append(Base64Lines(Encoding.UTF8.GetBytes(mail.Body)));
        b.Append("--").Append(boundary).Append("\r\nContent-Type: ").Append(mail.AttachmentType).Append("\r\nContent-Transfer-Encoding: base64\r\n");
        b.Append("Content-Disposition: attachment; filename=\"").Append(mail.AttachmentName.Replace("\"", "", StringComparison.Ordinal)).Append("\"\r\n\r\n");
        b.Append(Base64Lines(mail.Attachment));
        b.Append("--").Append(boundary).Append("--\r\n");
        return b.ToString();
    }

    /// <summary>RFC 2047 encoded word when the subject is not plain ASCII.</summary>
    private static string Encoded(string text) => text.All(char.IsAscii) ? text : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}?=";

    /// <summary>Base64 in lines of 76 characters (RFC 2045 §6.8).</summary>
    private static string Base64Lines(byte[] bytes)
    {
        var all = Convert.ToBase64String(bytes);
        var b = new StringBuilder();
        for (var i = 0; i < all.Length; i += 76) b.Append(all.AsSpan(i, Math.Min(76, all.Length - i))).Append("\r\n");
        return b.ToString();
    }
}
