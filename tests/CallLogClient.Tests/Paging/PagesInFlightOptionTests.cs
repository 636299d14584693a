using CallLogClient.Close;
using CallLogClient.Pipedrive;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallLogClient.Tests.Paging;

public sealed class PagesInFlightOptionTests
{
    private static readonly Uri Loopback = new("http://127.0.0.1:9/");

    [Fact]
    public void Two_pages_are_in_flight_by_default()
    {
        Assert.Equal(2, new PipedriveClientOptions().PagesInFlight);
        Assert.Equal(2, new CloseClientOptions().PagesInFlight);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(9)]
    [InlineData(int.MaxValue)]
    public void Out_of_range_values_are_refused_naming_the_field(int pagesInFlight)
    {
        var pipedrive = new PipedriveClientOptions
        {
            Credential = PipedriveCredential.FromApiToken("option-test-token"), BaseAddress = Loopback, PagesInFlight = pagesInFlight,
        };
        var close = new CloseClientOptions { Credential = CloseCredential.FromApiKey("option-test-key"), BaseAddress = Loopback, PagesInFlight = pagesInFlight };

        var pipedriveError = Assert.Throws<ArgumentOutOfRangeException>(() => new PipedriveCallLogsClient(pipedrive));
        var closeError = Assert.Throws<ArgumentOutOfRangeException>(() => new CloseCallActivitiesClient(close));

        Assert.Equal(nameof(CallLogClientOptions.PagesInFlight), pipedriveError.ParamName);
        Assert.Equal(nameof(CallLogClientOptions.PagesInFlight), closeError.ParamName);
        Assert.Contains("1 (one page at a time) to 8", pipedriveError.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void The_bounds_are_accepted(int pagesInFlight)
    {
        using var pipedrive = new PipedriveCallLogsClient(new PipedriveClientOptions
        {
            Credential = PipedriveCredential.FromApiToken("option-test-token"), BaseAddress = Loopback, PagesInFlight = pagesInFlight,
        });
        using var close = new CloseCallActivitiesClient(new CloseClientOptions
        {
            Credential = CloseCredential.FromApiKey("option-test-key"), BaseAddress = Loopback, PagesInFlight = pagesInFlight,
        });
    }

    [Fact]
    public async Task An_out_of_range_value_fails_options_validation_at_startup()
    {
        var services = new ServiceCollection();
        services.AddCloseCallActivities(options =>
        {
            options.Credential = CloseCredential.FromApiKey("option-test-key");
            options.PagesInFlight = 0;
        });
        await using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(nameof(CallLogClientOptions.PagesInFlight), exception.Message, StringComparison.Ordinal);
    }
}
