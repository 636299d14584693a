using System.Diagnostics;
using System.Globalization;
using System.Net;
using CallLogClient.Benchmarks.Server;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// Answers like both APIs on a free loopback port, for the benchmarks (CallLogClient.Benchmarks starts and kills it):
//   dotnet CallLogClient.Benchmarks.Server.dll [--total N] [--parent PID]
// Prints "listening on http://127.0.0.1:PORT" once it takes requests. Every path starts with a page delay in
// milliseconds (/0/... for none), applied to list pages only: /{delay}/pipedrive/v1/ and /{delay}/close/api/v1/ are
// the two base addresses. It exits by itself when the process named by --parent ends.
var total = IntOption(args, "--total", 10_000);
var parent = IntOption(args, "--parent", 0);
var payloads = new Payloads(Path.Combine(AppContext.BaseDirectory, "Fixtures"), total);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(IPAddress.Loopback, 0);
    kestrel.Limits.MaxRequestBodySize = null; // the 100 MB recording upload
});
var app = builder.Build();
Routes.Map(app, payloads);
await app.StartAsync();

var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"listening on {address}");

if (parent > 0)
{
    while (IsRunning(parent))
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    await app.StopAsync();
}
else
{
    await app.WaitForShutdownAsync();
}

static bool IsRunning(int pid)
{
    try
    {
        using var process = Process.GetProcessById(pid);
        return !process.HasExited;
    }
    catch (ArgumentException)
    {
        return false;
    }
}

static int IntOption(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
