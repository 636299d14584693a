using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallLogClient.Tests.Fleet;

/// <summary>The README's "Several accounts" snippets, as written there (a ServiceCollection in place of the host).</summary>
public sealed class ReadmeSnippetTests
{
    private static IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["CallLogs:Tenants:acme:Pipedrive:CompanyDomain"] = "acme",
        ["CallLogs:Tenants:acme:Pipedrive:ApiToken"] = "readme-acme-token-1",
        ["CallLogs:Tenants:acme:Pipedrive:RequestBudget:Tokens"] = "80",
        ["CallLogs:Tenants:acme:Pipedrive:RequestBudget:Window"] = "00:00:02.200",
        ["CallLogs:Tenants:globex:Pipedrive:CompanyDomain"] = "globex",
        ["CallLogs:Tenants:globex:Pipedrive:ApiToken"] = "readme-globex-token-2",
        ["CallLogs:Tenants:globex:Pipedrive:Retry:MaxRetries"] = "5",
        ["CallLogs:Tenants:globex:Close:ApplicationId"] = "dialer",
        ["CallLogs:Tenants:globex:Close:ApiKey"] = "readme_globex_key_3",
    }).Build();

    private static ServiceCollection Register(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        foreach (var tenant in configuration.GetSection("CallLogs:Tenants").GetChildren())
        {
            services.AddPipedriveCallLogs(tenant.Key, tenant.GetSection("Pipedrive"));
            if (tenant.GetSection("Close").Exists())
            {
                services.AddCloseCallActivities(tenant.Key, tenant.GetSection("Close"));
            }
        }

        services.AddSingleton<AcmeDialer>();
        services.AddSingleton<CallLogWriter>();
        return services;
    }

    [Fact]
    public async Task The_tenant_loop_registers_every_tenant_and_both_ways_of_resolving_work()
    {
        await using var provider = Register(Configuration()).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptionsMonitor<PipedriveClientOptions>>();

        Assert.Same(provider.GetRequiredService<AcmeDialer>().Pipedrive, provider.GetRequiredService<CallLogWriter>().Clients.Get("acme"));
        Assert.Equal(new Uri("https://acme.pipedrive.com/api/v1/"), options.Get("acme").EffectiveBaseAddress);
        Assert.Equal(80, options.Get("acme").RequestBudget!.Tokens);
        Assert.Equal(5, options.Get("globex").Retry.MaxRetries);
        Assert.NotNull(provider.GetRequiredService<CallLogClient.Close.ICloseCallActivitiesClientFactory>().Get("globex"));
        Assert.Throws<ArgumentException>(() => provider.GetRequiredService<CallLogClient.Close.ICloseCallActivitiesClientFactory>().Get("acme"));
    }

    [Fact]
    public async Task The_validation_message_is_the_one_the_README_shows()
    {
        var configuration = new ConfigurationBuilder().AddConfiguration(Configuration()).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CallLogs:Tenants:acme:Pipedrive:CompanyDomain"] = null,
            ["CallLogs:Tenants:acme:Pipedrive:BaseAddress"] = "http://pipedrive.example/v1/",
        }).Build();
        await using var provider = Register(configuration).BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            "CallLogs:Tenants:acme:Pipedrive:BaseAddress: The base address must use https (plain http is allowed only on loopback).",
            exception.Message);
    }

    public sealed class AcmeDialer([FromKeyedServices("acme")] IPipedriveCallLogsClient pipedrive)
    {
        public IPipedriveCallLogsClient Pipedrive { get; } = pipedrive;
    }

    public sealed class CallLogWriter(IPipedriveCallLogsClientFactory clients)
    {
        public IPipedriveCallLogsClientFactory Clients { get; } = clients;

        public Task<PipedriveCallLog> LogAsync(string tenant, PipedriveCreateCallLogRequest call, CancellationToken cancellationToken) =>
            Clients.Get(tenant).CreateAsync(call, cancellationToken);
    }
}
