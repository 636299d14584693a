using CallLogClient.Http;
using CallLogClient.Pipedrive.Models;
using Refit;

namespace CallLogClient.Pipedrive;

/// <summary>
/// The Pipedrive Call Logs endpoints, implemented by Refit's source generator. Every method returns the raw response
/// for <see cref="RequestExecutor"/> to classify, and carries the call's <see cref="RequestState"/> in the request
/// options for the handler chain. A JSON body arrives already serialized (<see cref="JsonBody"/>): one exactly-sized
/// array that every attempt re-sends and the call's state keeps for masking without a copy.
/// </summary>
internal interface IPipedriveCallLogsApi
{
    [Get("/callLogs")]
    Task<HttpResponseMessage> ListAsync(
        int start, int limit, [Property(RequestState.OptionKey)] RequestState state, CancellationToken cancellationToken);

    [Get("/callLogs/{id}")]
    Task<HttpResponseMessage> GetAsync(string id, [Property(RequestState.OptionKey)] RequestState state, CancellationToken cancellationToken);

    [Post("/callLogs")]
    Task<HttpResponseMessage> CreateAsync(
        [Body] HttpContent request, [Property(RequestState.OptionKey)] RequestState state, CancellationToken cancellationToken);

    [Multipart(RecordingPart.Boundary)]
    [Post("/callLogs/{id}/recordings")]
    Task<HttpResponseMessage> AddRecordingAsync(
        string id, [AliasAs("file")] RecordingPart file, [Property(RequestState.OptionKey)] RequestState state, CancellationToken cancellationToken);

    [Delete("/callLogs/{id}")]
    Task<HttpResponseMessage> DeleteAsync(string id, [Property(RequestState.OptionKey)] RequestState state, CancellationToken cancellationToken);
}
