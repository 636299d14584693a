namespace CallLogClient.Sample;

/// <summary>
/// Where each provider's run goes: the local emulator unless the environment names a real account.
/// PIPEDRIVE_API_TOKEN (optional PIPEDRIVE_COMPANY_DOMAIN or PIPEDRIVE_BASE_URL); CLOSE_API_KEY and CLOSE_LEAD_ID
/// (optional CLOSE_BASE_URL).
/// </summary>
internal sealed record SampleSettings(
    string? PipedriveToken, string? PipedriveCompanyDomain, Uri? PipedriveBaseUrl, string? CloseApiKey, string? CloseLeadId, Uri? CloseBaseUrl)
{
    public bool PipedriveIsReal => PipedriveToken is not null;

    public bool CloseIsReal => CloseApiKey is not null;

    /// <summary>Reads the environment; a setting that cannot work is one line for stderr.</summary>
    /// <param name="read">Reads one environment variable.</param>
    /// <param name="requireCloseLead">Whether a real Close account needs CLOSE_LEAD_ID (the walkthrough logs its call there; an export reads every call).</param>
    public static (SampleSettings? Settings, string? Problem) FromEnvironment(Func<string, string?> read, bool requireCloseLead = true)
    {
        static string? Value(Func<string, string?> read, string name) => read(name) is { Length: > 0 } value ? value.Trim() : null;

        var pipedriveUrl = Value(read, "PIPEDRIVE_BASE_URL");
        var closeUrl = Value(read, "CLOSE_BASE_URL");
        if (pipedriveUrl is not null && !IsHttpUrl(pipedriveUrl))
        {
            return (null, $"PIPEDRIVE_BASE_URL is not an absolute http(s) URL: '{pipedriveUrl}'.");
        }

        if (closeUrl is not null && !IsHttpUrl(closeUrl))
        {
            return (null, $"CLOSE_BASE_URL is not an absolute http(s) URL: '{closeUrl}'.");
        }

        var settings = new SampleSettings(
            Value(read, "PIPEDRIVE_API_TOKEN"),
            Value(read, "PIPEDRIVE_COMPANY_DOMAIN"),
            pipedriveUrl is null ? null : new Uri(WithSlash(pipedriveUrl)),
            Value(read, "CLOSE_API_KEY"),
            Value(read, "CLOSE_LEAD_ID"),
            closeUrl is null ? null : new Uri(WithSlash(closeUrl)));
        if (!settings.PipedriveIsReal && (settings.PipedriveBaseUrl is { IsLoopback: false } || settings.PipedriveCompanyDomain is not null))
        {
            return (null, "PIPEDRIVE_API_TOKEN is required to call a Pipedrive account (PIPEDRIVE_BASE_URL or PIPEDRIVE_COMPANY_DOMAIN is set).");
        }

        if (!settings.CloseIsReal && settings.CloseBaseUrl is { IsLoopback: false })
        {
            return (null, "CLOSE_API_KEY is required to call a Close account (CLOSE_BASE_URL is set).");
        }

        if (requireCloseLead && settings.CloseIsReal && settings.CloseLeadId is null)
        {
            return (null, "CLOSE_LEAD_ID is required with CLOSE_API_KEY: the sample logs its call on that lead and deletes it again.");
        }

        return (settings, null);
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string WithSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
