using CallLogClient.Pipedrive;

namespace CallLogClient.Tests.Pipedrive;

public sealed class PipedriveOptionsTests
{
    private static readonly PipedriveCredential Token = PipedriveCredential.FromApiToken("options-test-token");

    [Fact]
    public void The_default_address_is_the_public_v1_API()
    {
        var options = new PipedriveClientOptions { Credential = Token };

        Assert.Equal(new Uri("https://api.pipedrive.com/v1/"), options.BaseAddress);
        Assert.Equal(options.BaseAddress, options.EffectiveBaseAddress);
        using var client = new PipedriveCallLogsClient(options);
    }

    [Fact]
    public void A_company_domain_routes_to_its_own_API_address()
    {
        var options = new PipedriveClientOptions { Credential = Token, CompanyDomain = "acme-sales" };

        Assert.Equal(new Uri("https://acme-sales.pipedrive.com/api/v1/"), options.EffectiveBaseAddress);
        using var client = new PipedriveCallLogsClient(options);
    }

    [Fact]
    public void A_company_domain_takes_precedence_over_the_base_address()
    {
        var options = new PipedriveClientOptions
        {
            Credential = Token,
            BaseAddress = new Uri("https://api.pipedrive.com/api/v1/"),
            CompanyDomain = "acme",
        };

        Assert.Equal(new Uri("https://acme.pipedrive.com/api/v1/"), options.EffectiveBaseAddress);
    }

    [Theory]
    [InlineData("acme.evil.example")]
    [InlineData("acme/")]
    [InlineData("-acme")]
    [InlineData("ac me")]
    [InlineData("")]
    [InlineData("acme@evil")]
    public void A_company_domain_must_be_a_single_host_label(string companyDomain)
    {
        var options = new PipedriveClientOptions { Credential = Token, CompanyDomain = companyDomain };

        var exception = Assert.ThrowsAny<ArgumentException>(() => new PipedriveCallLogsClient(options));

        Assert.Equal(nameof(PipedriveClientOptions.CompanyDomain), exception.ParamName);
    }

    [Theory]
    [InlineData("https://api.pipedrive.com/v1/")]
    [InlineData("https://api.pipedrive.com/api/v1")]
    [InlineData("https://acme.pipedrive.com/api/v1/")]
    [InlineData("http://127.0.0.1:8089/v1/")]
    [InlineData("http://localhost:8089/")]
    [InlineData("http://[::1]:8089/v1")]
    public void Accepts_https_and_loopback_http(string address)
    {
        var options = new PipedriveClientOptions { Credential = Token, BaseAddress = new Uri(address) };

        using var client = new PipedriveCallLogsClient(options);
    }

    [Theory]
    [InlineData("http://api.pipedrive.com/v1/")] // plain http off loopback would send the token in clear
    [InlineData("http://10.0.0.5/v1/")]
    [InlineData("ftp://api.pipedrive.com/v1/")]
    [InlineData("https://api.pipedrive.com/v1/?api_token=abc")] // no token (or anything) in the URL
    [InlineData("https://user:secret@api.pipedrive.com/v1/")]
    public void Rejects_insecure_or_credential_bearing_addresses(string address)
    {
        var options = new PipedriveClientOptions { Credential = Token, BaseAddress = new Uri(address) };

        var exception = Assert.ThrowsAny<ArgumentException>(() => new PipedriveCallLogsClient(options));

        Assert.Equal(nameof(PipedriveClientOptions.BaseAddress), exception.ParamName);
        Assert.DoesNotContain("secret", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_relative_or_missing_address()
    {
        Assert.ThrowsAny<ArgumentException>(() => new PipedriveCallLogsClient(
            new PipedriveClientOptions { Credential = Token, BaseAddress = new Uri("/v1/", UriKind.Relative) }));
        Assert.ThrowsAny<ArgumentException>(() => new PipedriveCallLogsClient(
            new PipedriveClientOptions { Credential = Token, BaseAddress = null! }));
    }

    [Fact]
    public void A_credential_is_required()
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new PipedriveCallLogsClient(new PipedriveClientOptions()));

        Assert.Equal(nameof(PipedriveClientOptions.Credential), exception.ParamName);
    }

    [Fact]
    public void Null_options_are_rejected() =>
        Assert.Throws<ArgumentNullException>("options", () => new PipedriveCallLogsClient(null!));

    [Fact]
    public void Shared_retry_settings_are_checked_too()
    {
        var options = new PipedriveClientOptions { Credential = Token };
        options.Retry.MaxRetries = -1;

        var exception = Assert.ThrowsAny<ArgumentException>(() => new PipedriveCallLogsClient(options));

        Assert.Equal("Retry.MaxRetries", exception.ParamName);
    }
}
