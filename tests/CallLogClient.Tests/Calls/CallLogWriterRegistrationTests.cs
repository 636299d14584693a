using CallLogClient.Calls;
using CallLogClient.Close;
using CallLogClient.Close.Outcomes;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallLogClient.Tests.Calls;

/// <summary><c>AddCallLogWriter</c>: the provider chosen by configuration, over the client registered for it.</summary>
public sealed class CallLogWriterRegistrationTests : EmulatorTest
{
    private ServiceProvider Build(CallLogProvider provider, bool registerClient = true, Action<CallLogWriterOptions>? configure = null)
    {
        var services = new ServiceCollection();
        if (registerClient)
        {
            services.AddPipedriveCallLogs(o =>
            {
                o.Credential = PipedriveCredential.FromApiToken(Emulator.PipedriveApiToken);
                o.BaseAddress = Emulator.PipedriveBaseAddress;
            });
            services.AddCloseCallActivities(o =>
            {
                o.Credential = CloseCredential.FromApiKey(Emulator.CloseApiKey);
                o.BaseAddress = Emulator.CloseBaseAddress;
            });
        }

        services.AddCallLogWriter(o =>
        {
            o.Provider = provider;
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task The_configured_provider_gets_the_call(CallLogProvider provider)
    {
        await using var services = Build(provider);
        var writer = services.GetRequiredService<ICallLogWriter>();

        var result = await writer.LogCallOnceAsync(ExactlyOnceTests.Record(provider), "di-1");

        Assert.Equal(provider, writer.Provider);
        Assert.Same(writer, services.GetRequiredService<ICallLogWriter>());
        Assert.Equal(CallLogStatus.Created, result.Status);
        var request = Assert.Single(Emulator.Requests);
        Assert.Equal(provider == CallLogProvider.Pipedrive ? Testing.EmulatedProvider.Pipedrive : Testing.EmulatedProvider.Close, request.Provider);
    }

    [Fact]
    public async Task The_close_writer_resolves_outcome_names_through_the_registered_close_client()
    {
        var demo = Emulator.Close.AddOutcome("Demo Booked");
        await using var services = Build(CallLogProvider.Close);
        var writer = services.GetRequiredService<ICallLogWriter>();
        var record = ExactlyOnceTests.Record(CallLogProvider.Close);
        await writer.LogCallAsync(new CallRecord
        {
            ToNumber = record.ToNumber, Start = record.Start, End = record.End, Links = record.Links, CustomOutcomeId = demo,
        });

        var read = await writer.ReadCallsAsync(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1)).SingleAsync();

        Assert.Equal("Demo Booked", read.CustomOutcomeName);
        Assert.IsType<CloseOutcomesClient>(services.GetRequiredService<ICloseOutcomesClient>());
        Assert.Equal("Basic ***", Emulator.Requests.Single(r => r.Path == "/api/v1/outcome/").Header("Authorization"));
    }

    [Fact]
    public async Task A_provider_whose_client_is_not_registered_is_named()
    {
        await using var services = Build(CallLogProvider.Close, registerClient: false);

        var missing = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ICallLogWriter>());

        Assert.Contains("AddCloseCallActivities", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_fail_validation()
    {
        await using var services = Build(CallLogProvider.Pipedrive, configure: o => o.MaxCreateAttempts = 0);

        var invalid = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<ICallLogWriter>());

        Assert.Contains("MaxCreateAttempts", invalid.Message, StringComparison.Ordinal);
    }
}
