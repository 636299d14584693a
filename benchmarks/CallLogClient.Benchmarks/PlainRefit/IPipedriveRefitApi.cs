using System.Text.Json;
using CallLogClient.Benchmarks.Raw;
using CallLogClient.Pipedrive.Models;
using Refit;

namespace CallLogClient.Benchmarks.PlainRefit;

/// <summary>
/// What a caller writes with plain Refit 16.4: the endpoints, the SDK's public models in the same envelopes as the raw
/// side, the credential as a header parameter. Refit checks the status (an <see cref="ApiException"/> otherwise).
/// </summary>
internal interface IPipedriveRefitApi
{
    [Get("/callLogs/{id}")]
    Task<RawPipedriveResponse<PipedriveCallLog>> GetAsync(string id, [Header("x-api-token")] string token, CancellationToken cancellationToken);

    [Get("/callLogs")]
    Task<RawPipedriveResponse<List<PipedriveCallLog>>> ListAsync(
        int start, int limit, [Header("x-api-token")] string token, CancellationToken cancellationToken);

    [Post("/callLogs")]
    Task<RawPipedriveResponse<PipedriveCallLog>> CreateAsync(
        [Body] PipedriveCreateCallLogRequest request, [Header("x-api-token")] string token, CancellationToken cancellationToken);

    [Multipart]
    [Post("/callLogs/{id}/recordings")]
    Task<RawPipedriveResponse<JsonElement>> AddRecordingAsync(
        string id, [AliasAs("file")] StreamPart file, [Header("x-api-token")] string token, CancellationToken cancellationToken);
}
