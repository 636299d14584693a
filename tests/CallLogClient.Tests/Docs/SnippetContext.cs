using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using Microsoft.Extensions.DependencyInjection;

namespace CallLogClient.Tests.Docs;

/// <summary>
/// The names a documentation snippet may use without declaring them, as a reader's surrounding code would have them
/// (<c>using static</c> in every compiled snippet). Never run: the snippets are compiled, not executed.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "Names as the snippets spell them.")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006", Justification = "Names as the snippets spell them.")]
public static class SnippetContext
{
#pragma warning disable CA1819, CA2211, SA1300, IDE1006
    /// <summary>A Pipedrive API token from the reader's configuration.</summary>
    public static string apiToken = "token";

    /// <summary>A Close API key from the reader's configuration.</summary>
    public static string apiKey = "key";

    /// <summary>A Close lead id from the reader's CRM.</summary>
    public static string leadId = "lead_1";

    /// <summary>The phone call the reader's dialer just finished.</summary>
    public static DialerCall call = new(DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow);

    /// <summary>A create request built earlier.</summary>
    public static PipedriveCreateCallLogRequest request = new();

    /// <summary>The app's service collection.</summary>
    public static IServiceCollection services = new ServiceCollection();

    /// <summary>The app's service provider.</summary>
    public static IServiceProvider serviceProvider = new ServiceCollection().BuildServiceProvider();

    /// <summary>An OAuth token source.</summary>
    public static OAuthTokens tokens = new();

    /// <summary>A Pipedrive client built earlier.</summary>
    public static IPipedriveCallLogsClient pipedrive = null!;

    /// <summary>A Close client built earlier.</summary>
    public static ICloseCallActivitiesClient close = null!;

    /// <summary>A Close call created earlier.</summary>
    public static CloseCallActivity logged = null!;

    /// <summary>The caller's cancellation token.</summary>
    public static CancellationToken cancellationToken = CancellationToken.None;

    /// <summary>An HttpClient of the reader's old code.</summary>
    public static HttpClient httpClient = null!;

    /// <summary>The program's command-line arguments.</summary>
    public static string[] args = [];

    /// <summary>A Pipedrive API token from the reader's configuration.</summary>
    public static string token = "token";

    /// <summary>The app's host builder, made earlier in the reader's Program.cs.</summary>
    public static Microsoft.Extensions.Hosting.HostApplicationBuilder builder = null!;

    /// <summary>The app's configuration.</summary>
    public static Microsoft.Extensions.Configuration.IConfiguration configuration =
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
#pragma warning restore CA1819, CA2211, SA1300, IDE1006

    /// <summary>A call as a dialer knows it.</summary>
    public sealed record DialerCall(DateTimeOffset StartedAt, DateTimeOffset EndedAt);

    /// <summary>The reader's store of OAuth tokens per account.</summary>
    public interface ITokenStore
    {
        /// <summary>The account's current access token.</summary>
        ValueTask<string> GetAccessTokenAsync(string account, CancellationToken cancellationToken);

        /// <summary>Refreshes the account's access token at the token endpoint.</summary>
        ValueTask<string> RefreshAsync(string account, CancellationToken cancellationToken);
    }

    /// <summary>An OAuth token source with a refresh of its own.</summary>
    public sealed class OAuthTokens
    {
        /// <summary>The current access token.</summary>
#pragma warning disable CA1822 // an instance method, as the reader's token source has
        public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult("access-token");
#pragma warning restore CA1822
    }
}
