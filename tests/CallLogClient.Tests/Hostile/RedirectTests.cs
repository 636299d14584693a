using System.Net;
using CallLogClient.Close;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CallLogClient.Tests.Hostile;

/// <summary>A redirect is never followed: the credential and the body stay home, and the call is never a success.</summary>
public sealed class RedirectTests : HostileServerTest
{
    public static TheoryData<int, string> PipedriveCalls => Combine(["list", "get", "create", "recording", "delete"]);

    public static TheoryData<int, string> CloseCalls => Combine(["list", "get", "create", "update", "delete"]);

    [Theory]
    [MemberData(nameof(PipedriveCalls))]
    public async Task A_Pipedrive_call_answered_with_a_redirect_sends_nothing_to_the_other_host(int status, string call)
    {
        var (origin, elsewhere) = RedirectingServers(status);
        var client = Pipedrive(origin);

        var error = await Output.ThrowsAsync<CallLogRedirectException>(call switch
        {
            "list" => client.ListPageAsync(),
            "get" => client.GetAsync("1"),
            "create" => client.CreateAsync(PipedriveCreate()),
            "recording" => client.AddRecordingAsync("1", new MemoryStream([1, 2, 3]), "call.mp3", "audio/mpeg"),
            _ => client.DeleteAsync("1"),
        });

        AssertRedirectRefused(error, status, origin, elsewhere);
    }

    [Theory]
    [MemberData(nameof(CloseCalls))]
    public async Task A_Close_call_answered_with_a_redirect_sends_nothing_to_the_other_host(int status, string call)
    {
        var (origin, elsewhere) = RedirectingServers(status);
        var client = Close(origin);

        var error = await Output.ThrowsAsync<CallLogRedirectException>(call switch
        {
            "list" => client.ListPageAsync(),
            "get" => client.GetAsync("acti_1"),
            "create" => client.CreateAsync(CloseCreate()),
            "update" => client.UpdateAsync("acti_1", new CallLogClient.Close.Models.CloseUpdateCallRequest { Note = TestSecrets.Note }),
            _ => client.DeleteAsync("acti_1"),
        });

        AssertRedirectRefused(error, status, origin, elsewhere);
    }

    [Fact]
    public async Task A_client_from_dependency_injection_follows_no_redirect_either()
    {
        var (origin, elsewhere) = RedirectingServers(307);
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(options =>
        {
            options.Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken);
            options.BaseAddress = new Uri(origin.BaseUri, "v1/");
        });
        services.AddCloseCallActivities(options =>
        {
            options.Credential = CloseCredential.FromApiKey(TestSecrets.CloseApiKey);
            options.BaseAddress = new Uri(origin.BaseUri, "api/v1/");
        });
        using var provider = services.BuildServiceProvider();

        await Output.ThrowsAsync<CallLogRedirectException>(provider.GetRequiredService<IPipedriveCallLogsClient>().CreateAsync(PipedriveCreate()));
        await Output.ThrowsAsync<CallLogRedirectException>(provider.GetRequiredService<ICloseCallActivitiesClient>().CreateAsync(CloseCreate()));

        Assert.Equal(2, origin.Requests.Count);
        Assert.Empty(elsewhere.Requests);
    }

    private (RawHttpServer Origin, RawHttpServer Elsewhere) RedirectingServers(int status)
    {
        var elsewhere = Serve(200, PipedriveOk);
        var location = new Uri(elsewhere.BaseUri, $"v1/callLogs?api_token={TestSecrets.PipedriveApiToken}").ToString();
        var origin = Serve((_, connection) => connection.RespondAsync(status, body: null, ("Location", location)));
        return (origin, elsewhere);
    }

    private static void AssertRedirectRefused(CallLogRedirectException error, int status, RawHttpServer origin, RawHttpServer elsewhere)
    {
        Assert.Empty(elsewhere.Requests);
        Assert.Single(origin.Requests);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(elsewhere.BaseUri.Authority, error.RedirectHost);
        Assert.Contains($"failed with {status} ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"redirected to {elsewhere.BaseUri.Authority};", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("api_token", error.Message, StringComparison.Ordinal);
    }

    private static TheoryData<int, string> Combine(string[] calls)
    {
        var data = new TheoryData<int, string>();
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
        {
            foreach (var call in calls)
            {
                data.Add(status, call);
            }
        }

        return data;
    }
}
