namespace CallLogClient.Testing;

/// <summary>One emulated API: its credential check, costs, rules and error bodies.</summary>
internal interface IProviderEmulation
{
    EmulatedProvider Provider { get; }

    /// <summary>The path prefix the API is served under, e.g. <c>/pipedrive</c>.</summary>
    string Prefix { get; }

    Misbehaviour Misbehaviour { get; }

    RateLimit? RateLimit { get; }

    bool IsAuthorized(HttpRequest request);

    int CostOf(string method, string path);

    EmulatorResponse Unauthorized();

    EmulatorResponse Error(int status);

    EmulatorResponse RateLimited(RateLimit limit, double resetSeconds);

    void AddRateHeaders(EmulatorResponse response, RateLimit limit, int remaining, double resetSeconds);

    Task<EmulatorResponse> HandleAsync(EmulatorRequest request);
}
