using System.Text;
using RegenClinic.Domain.Travel;

namespace RegenClinic.Tests.Travel;

public sealed class UploadKindsTests
{
    [Fact]
    public void Detect_PdfJpegPngMagicBytes_Recognised()
    {
        Assert.Equal(UploadKind.Pdf, UploadKinds.Detect("%PDF-1.7\n%âãÏÓ"u8));
        Assert.Equal(UploadKind.Jpeg, UploadKinds.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46]));
        Assert.Equal(UploadKind.Png, UploadKinds.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]));
    }

    [Theory]
    [InlineData("MZ\u0090\u0000\u0003")]          // Windows PE executable renamed to .pdf
    [InlineData("\u007FELF\u0002\u0001\u0001")]  // Linux ELF executable
    [InlineData("#!/bin/sh\nrm -rf /")]         // script
    [InlineData("<html><script>")]              // HTML
    [InlineData("PDF-1.7")]                     // almost a PDF: the % is missing
    [InlineData("")]
    public void Detect_AnythingElse_IsRefused(string head) =>
        Assert.Null(UploadKinds.Detect(Encoding.Latin1.GetBytes(head)));

    [Fact]
    public void Detect_TruncatedPngSignature_IsRefused() =>
        Assert.Null(UploadKinds.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A]));

    [Theory]
    [InlineData("%PDF-1.4 1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>", true)]
    [InlineData("%PDF-1.4 1 0 obj << /Type /Action /S /Launch /F (cmd.exe) >>", true)]
    [InlineData("%PDF-1.4 1 0 obj << /Type /EmbeddedFile >>", true)]
    [InlineData("%PDF-1.4 1 0 obj << /Type /Page /Contents 2 0 R >>", false)]
    public void HasActiveContent_ScriptsLaunchEmbedded_Found(string pdf, bool active) =>
        Assert.Equal(active, UploadKinds.HasActiveContent(Encoding.ASCII.GetBytes(pdf)));
}
