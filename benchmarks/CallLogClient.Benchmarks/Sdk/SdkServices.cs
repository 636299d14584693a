using CallLogClient.Close;
using CallLogClient.Pipedrive;
using Microsoft.Extensions.DependencyInjection;

namespace CallLogClient.Benchmarks.Sdk;

/// <summary>
/// The SDK side, registered the way an application registers it: <c>AddPipedriveCallLogs</c> /
/// <c>AddCloseCallActivities</c>, with only the primary handler replaced by the canned transport. The whole chain
/// (Refit client, resilience and authentication handlers, executor, typed models) runs on every call.
/// </summary>
internal static class SdkServices
{
    public const string PipedriveToken = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";

    public const string CloseApiKey = "api_6Z6fyZ0JfsNyzPNJNHAgdD.1Yoc2cM1s1d8dD9UbvwLJR";

    public static ServiceProvider Pipedrive(CannedResponseHandler handler) => new ServiceCollection()
        .AddPipedriveCallLogs(options => options.Credential = PipedriveCredential.FromApiToken(PipedriveToken))
        .ConfigurePrimaryHttpMessageHandler(() => handler)
        .Services.BuildServiceProvider();

    public static ServiceProvider Close(CannedResponseHandler handler) => new ServiceCollection()
        .AddCloseCallActivities(options => options.Credential = CloseCredential.FromApiKey(CloseApiKey))
        .ConfigurePrimaryHttpMessageHandler(() => handler)
        .Services.BuildServiceProvider();
}
