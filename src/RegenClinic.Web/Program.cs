var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "RegenClinic");
app.Run();

/// <summary>Visible to WebApplicationFactory in the web tests.</summary>
public partial class Program;
