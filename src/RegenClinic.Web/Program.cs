using RegenClinic;
using RegenClinic.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddClinic(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddClinicWeb(builder.Configuration);

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseClinicWeb();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the web tests.</summary>
public partial class Program;
