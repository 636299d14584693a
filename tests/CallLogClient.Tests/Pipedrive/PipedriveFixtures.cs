namespace CallLogClient.Tests.Pipedrive;

/// <summary>The Pipedrive reference example payloads, copied under Fixtures/pipedrive and next to the test assembly.</summary>
internal static class PipedriveFixtures
{
    public static readonly string[] ErrorFiles =
    [
        "error-400-bad-request.json",
        "error-400-observed-files-endpoint.json",
        "error-401-unauthorized.json",
        "error-403-forbidden.json",
        "error-403-limit-reached-docs.json",
        "error-404-not-found.json",
        "error-409-recording-conflict.json",
        "error-410-gone.json",
        "error-500-internal.json",
    ];

    public static string Read(string fileName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pipedrive", fileName));
}
