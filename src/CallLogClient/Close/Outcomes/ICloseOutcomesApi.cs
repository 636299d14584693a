using CallLogClient.Http;
using Refit;

namespace CallLogClient.Close.Outcomes;

/// <summary>The Close Outcomes endpoint the client reads (<c>GET /outcome/</c>), implemented by Refit's source generator.</summary>
internal interface ICloseOutcomesApi
{
    [Get("/outcome/")]
    Task<HttpResponseMessage> ListAsync(
        [AliasAs("_skip")] int skip,
        [AliasAs("_limit")] int limit,
        [Property(RequestState.OptionKey)] RequestState state,
        CancellationToken cancellationToken);
}
