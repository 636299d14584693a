using CallLogClient.Pipedrive;

namespace CallLogClient.Tests.Pipedrive;

public sealed class PipedriveCredentialTests
{
    private const string Secret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    [Fact]
    public void ToString_names_an_API_token_without_showing_it()
    {
        var text = PipedriveCredential.FromApiToken(Secret).ToString();

        Assert.Equal("PipedriveCredential(ApiToken)", text);
    }

    [Fact]
    public void ToString_names_an_OAuth_token_without_showing_it()
    {
        Assert.Equal("PipedriveCredential(OAuth)", PipedriveCredential.FromAccessToken(Secret).ToString());
        Assert.Equal(
            "PipedriveCredential(OAuth)",
            PipedriveCredential.FromAccessTokenProvider(_ => ValueTask.FromResult(Secret)).ToString());
    }

    [Theory]
    [InlineData("tok\r\nX-Injected: yes")]
    [InlineData("token-read-from-a-file\n")]
    [InlineData("two words")]
    public void Tokens_that_would_break_the_header_are_rejected(string token)
    {
        var error = Assert.Throws<ArgumentException>(() => PipedriveCredential.FromApiToken(token));

        Assert.Equal("apiToken", error.ParamName);
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_tokens_are_rejected(string? token)
    {
        Assert.Equal("apiToken", Assert.ThrowsAny<ArgumentException>(() => PipedriveCredential.FromApiToken(token!)).ParamName);
        Assert.Equal("accessToken", Assert.ThrowsAny<ArgumentException>(() => PipedriveCredential.FromAccessToken(token!)).ParamName);
    }

    [Fact]
    public void A_null_token_provider_is_rejected() =>
        Assert.Throws<ArgumentNullException>("accessTokenProvider", () => PipedriveCredential.FromAccessTokenProvider(null!));
}
