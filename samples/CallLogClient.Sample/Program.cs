using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;

// Logs one call into Pipedrive, reads it back, lists the latest page and deletes the call log again.
// Without PIPEDRIVE_API_TOKEN it only prints the plan, so it is safe to run anywhere.
var token = Environment.GetEnvironmentVariable("PIPEDRIVE_API_TOKEN");
var companyDomain = Environment.GetEnvironmentVariable("PIPEDRIVE_COMPANY_DOMAIN");

var options = new PipedriveClientOptions { CompanyDomain = companyDomain, ApplicationId = "sample" };
var endedAt = DateTimeOffset.UtcNow;
var request = new PipedriveCreateCallLogRequest
{
    Subject = "CallLogClient sample call",
    Outcome = PipedriveCallOutcome.Connected,
    ToPhoneNumber = "+15555550100",
    StartTime = endedAt.AddMinutes(-3),
    EndTime = endedAt,
    Duration = TimeSpan.FromMinutes(3),
    Note = "<p>Logged by the CallLogClient sample.</p>",
};

if (string.IsNullOrWhiteSpace(token))
{
    Console.WriteLine("PIPEDRIVE_API_TOKEN is not set: dry run, nothing is sent.");
    Console.WriteLine($"Would send to {options.EffectiveBaseAddress}:");
    Console.WriteLine($"  1. POST callLogs        outcome={request.Outcome}, {request.StartTime:u} → {request.EndTime:u} (UTC), duration {request.Duration}");
    Console.WriteLine("  2. GET  callLogs/{id}   read the new call log back");
    Console.WriteLine("  3. GET  callLogs?start=0&limit=10   the latest page");
    Console.WriteLine("  4. DELETE callLogs/{id} remove the sample call log again");
    Console.WriteLine("Set PIPEDRIVE_API_TOKEN (and optionally PIPEDRIVE_COMPANY_DOMAIN) to run it for real.");
    return 0;
}

options.Credential = PipedriveCredential.FromApiToken(token);
using var client = new PipedriveCallLogsClient(options);

try
{
    var created = await client.CreateAsync(request);
    Console.WriteLine($"Created call log {created.Id} (activity {created.ActivityId}).");

    var read = await client.GetAsync(created.Id);
    Console.WriteLine($"Read back: outcome {read.Outcome}, {read.StartTime:u} → {read.EndTime:u}, recording: {read.HasRecording}.");

    var page = await client.ListPageAsync(start: 0, limit: 10);
    Console.WriteLine($"Latest page: {page.Items.Count} call log(s), more: {page.Pagination.MoreItemsInCollection}.");

    await client.DeleteAsync(created.Id);
    Console.WriteLine($"Deleted call log {created.Id}.");
    return 0;
}
catch (CallLogOutcomeUnknownException unknown)
{
    Console.Error.WriteLine(unknown.Message);
    Console.Error.WriteLine($"Check Pipedrive for a call log sent at {unknown.SentAt:u} before running the sample again.");
    return 2;
}
catch (CallLogApiException failure)
{
    Console.Error.WriteLine(failure.Message);
    return 1;
}
