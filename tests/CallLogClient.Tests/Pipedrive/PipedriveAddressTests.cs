using CallLogClient.Pipedrive;
using Microsoft.Extensions.DependencyInjection;

namespace CallLogClient.Tests.Pipedrive;

/// <summary>Where requests go for the https addresses WireMock cannot serve, seen at the transport, nothing dialled.</summary>
public sealed class PipedriveAddressTests
{
    private static async Task<Uri> RequestUriAsync(Action<PipedriveClientOptions> configure)
    {
        var transport = new CapturingTransport();
        var services = new ServiceCollection();
        services
            .AddPipedriveCallLogs(options =>
            {
                options.Credential = PipedriveCredential.FromApiToken("address-test-token");
                configure(options);
            })
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IPipedriveCallLogsClient>().GetAsync("CAd92b");

        return Assert.Single(transport.RequestUris);
    }

    [Fact]
    public async Task Calls_go_to_the_public_v1_API_by_default() =>
        Assert.Equal("https://api.pipedrive.com/v1/callLogs/CAd92b", (await RequestUriAsync(_ => { })).AbsoluteUri);

    [Fact]
    public async Task Calls_go_to_the_company_domain_when_set() =>
        Assert.Equal(
            "https://acme.pipedrive.com/api/v1/callLogs/CAd92b",
            (await RequestUriAsync(options => options.CompanyDomain = "acme")).AbsoluteUri);

    [Fact]
    public async Task A_base_address_without_trailing_slash_keeps_its_path() =>
        Assert.Equal(
            "https://api.pipedrive.com/api/v1/callLogs/CAd92b",
            (await RequestUriAsync(options => options.BaseAddress = new Uri("https://api.pipedrive.com/api/v1"))).AbsoluteUri);
}
