using Microsoft.EntityFrameworkCore;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Travel;

namespace RegenClinic.Travel;

/// <summary>Takes a public enquiry: the form is validated first, then the files are checked and stored, then the row is saved.
/// If anything fails after a file was written, the files written so far are removed: nothing is left half-saved.</summary>
public sealed class SubmitEnquiry(ClinicDb db, ClinicTime time, EnquiryFiles store)
{
    public async Task<string> HandleAsync(Guid siteId, EnquiryDetails details, IReadOnlyList<UploadedFile> files, CancellationToken ct = default)
    {
        if (!await db.Sites.AnyAsync(s => s.Id == siteId, ct)) throw new DomainException("site.not-found", "Choose a centre.", "siteId");
        if (files.Count > UploadKinds.MaxFiles) throw new DomainException("enquiry.too-many-files", $"At most {UploadKinds.MaxFiles} files.", "files");
        // Validates every field before any byte reaches the disk.
        _ = Enquiry.Submit(details, siteId, [], time.Now, time.Today);
        var saved = new List<EnquiryFile>();
        try
        {
            foreach (var file in files) saved.Add(await store.SaveAsync(file, ct));
            var enquiry = Enquiry.Submit(details, siteId, saved, time.Now, time.Today);
            db.Enquiries.Add(enquiry);
            await db.SaveChangesAsync(ct);
            return enquiry.Reference;
        }
        catch
        {
            store.Delete(saved);
            throw;
        }
    }
}
