using CallLogClient.RateLimiting;

namespace CallLogClient.Configuration;

/// <summary>
/// The configuration keys every provider shares, bound by the configuration binding source generator (no reflection)
/// and then copied onto the options: a key that is absent leaves the option's default.
/// </summary>
internal abstract class ClientSettings
{
    public string? ApplicationId { get; set; }

    public int? MaxResponseBodyBytes { get; set; }

    public int? MaxConnectionsPerServer { get; set; }

    public RetrySettings? Retry { get; set; }

    public BudgetSettings? RequestBudget { get; set; }

    /// <summary>
    /// Runs <paramref name="bind"/> (the binder's generated code for the concrete settings type); a value that does not
    /// convert becomes the options' configuration problem (the binder's message names the key), reported by validation.
    /// </summary>
    protected static bool TryBind(Action bind, CallLogClientOptions options)
    {
        try
        {
            bind();
            return true;
        }
        catch (InvalidOperationException exception)
        {
            options.ConfigurationProblem = new ArgumentException(exception.Message);
            return false;
        }
    }

    /// <summary>A problem with the value of <paramref name="key"/>; reported by validation under that key.</summary>
    protected static ArgumentException Problem(string message, string key) => new(message, key);

    protected void ApplyTo(CallLogClientOptions options)
    {
        options.ApplicationId = ApplicationId ?? options.ApplicationId;
        options.MaxResponseBodyBytes = MaxResponseBodyBytes ?? options.MaxResponseBodyBytes;
        options.MaxConnectionsPerServer = MaxConnectionsPerServer ?? options.MaxConnectionsPerServer;
        Retry?.ApplyTo(options.Retry);
        if (RequestBudget is { } budget)
        {
            options.RequestBudget ??= new RequestBudget();
            options.RequestBudget.Tokens = budget.Tokens ?? options.RequestBudget.Tokens;
            options.RequestBudget.Window = budget.Window ?? options.RequestBudget.Window;
        }
    }

    /// <summary>An absolute address, or a problem naming <paramref name="key"/>.</summary>
    protected static Uri? ParseAddress(string? value, string key, CallLogClientOptions options)
    {
        if (value is null)
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var address))
        {
            return address;
        }

        options.ConfigurationProblem ??= Problem("Must be an absolute https:// address.", key);
        return null;
    }

    /// <summary>The keys under <c>Retry</c>.</summary>
    internal sealed class RetrySettings
    {
        public int? MaxRetries { get; set; }

        public TimeSpan? BaseDelay { get; set; }

        public TimeSpan? MaxDelay { get; set; }

        public TimeSpan? MaxServerDelay { get; set; }

        public TimeSpan? AttemptTimeout { get; set; }

        public TimeSpan? OverallTimeout { get; set; }

        public void ApplyTo(RetryOptions retry)
        {
            retry.MaxRetries = MaxRetries ?? retry.MaxRetries;
            retry.BaseDelay = BaseDelay ?? retry.BaseDelay;
            retry.MaxDelay = MaxDelay ?? retry.MaxDelay;
            retry.MaxServerDelay = MaxServerDelay ?? retry.MaxServerDelay;
            retry.AttemptTimeout = AttemptTimeout ?? retry.AttemptTimeout;
            retry.OverallTimeout = OverallTimeout ?? retry.OverallTimeout;
        }
    }

    /// <summary>The keys under <c>RequestBudget</c> (a shared limiter is set in code).</summary>
    internal sealed class BudgetSettings
    {
        public int? Tokens { get; set; }

        public TimeSpan? Window { get; set; }
    }
}
