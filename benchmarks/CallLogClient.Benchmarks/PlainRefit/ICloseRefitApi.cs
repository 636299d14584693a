using CallLogClient.Benchmarks.Raw;
using CallLogClient.Close.Models;
using Refit;

namespace CallLogClient.Benchmarks.PlainRefit;

/// <summary>Close with plain Refit 16.4: the SDK's public models, Basic authentication as a header parameter.</summary>
internal interface ICloseRefitApi
{
    [Get("/activity/call/{id}/")]
    Task<CloseCallActivity> GetAsync(string id, [Header("Authorization")] string authorization, CancellationToken cancellationToken);

    [Get("/activity/call/")]
    Task<RawCloseListResponse> ListAsync(
        [AliasAs("_skip")] int skip, [AliasAs("_limit")] int limit, [Header("Authorization")] string authorization,
        CancellationToken cancellationToken);
}
