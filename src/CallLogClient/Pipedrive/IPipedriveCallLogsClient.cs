using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Pipedrive;

/// <summary>
/// Pipedrive Call Logs (API v1): list, get, create, attach a recording, delete. Every failure is a
/// <see cref="Errors.CallLogApiException"/> subclass; bad input is an <see cref="ArgumentException"/> before anything is sent.
/// </summary>
public interface IPipedriveCallLogsClient
{
    /// <summary>Reads one page of the user's call logs (<c>GET /callLogs</c>, 20 tokens).</summary>
    /// <param name="start">The offset of the first call log, 0 or more.</param>
    /// <param name="limit">The page size, 1 to 50.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call logs and the paging block.</returns>
    Task<PipedriveCallLogPage> ListPageAsync(int start = 0, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="ListPageAsync"/>, with the response's status, request id, rate-limit state
    /// (<c>x-ratelimit-*</c>, <c>x-daily-requests-left</c>) and attempt count.
    /// </summary>
    /// <param name="start">The offset of the first call log, 0 or more.</param>
    /// <param name="limit">The page size, 1 to 50.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and what the response said about the call.</returns>
    Task<CallLogResponse<PipedriveCallLogPage>> ListPageWithResponseAsync(int start = 0, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every call log of the user, in order, fetched page by page as the caller consumes them: while the caller reads
    /// one page, the next <see cref="CallLogClientOptions.PagesInFlight"/> - 1 are fetched ahead (default one), and at
    /// most that many pages are held in memory. Nothing is fetched before the enumeration starts; breaking out of the
    /// loop cancels the pages in flight. A call log that shifts from one page to the next while the
    /// list is read (new call logs arriving) is returned once.
    /// </summary>
    /// <param name="pageSize">The page size, 1 to 50.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The call logs, oldest page first.</returns>
    IAsyncEnumerable<PipedriveCallLog> ListAllAsync(int pageSize = 50, CancellationToken cancellationToken = default);

    /// <summary>Reads one call log (<c>GET /callLogs/{id}</c>, 2 tokens).</summary>
    /// <param name="id">The call log's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call log.</returns>
    /// <exception cref="Errors.CallLogNotFoundException">No call log has that id.</exception>
    Task<PipedriveCallLog> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary><see cref="GetAsync"/>, with the response's status, request id, rate-limit state and attempt count.</summary>
    /// <param name="id">The call log's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call log and what the response said about the call.</returns>
    Task<CallLogResponse<PipedriveCallLog>> GetWithResponseAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a call log (<c>POST /callLogs</c>, 10 tokens). Never retried once the server may have seen it: when the
    /// outcome is unknown, a <see cref="Errors.CallLogOutcomeUnknownException"/> says so.
    /// </summary>
    /// <param name="request">The call log; checked before sending.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created call log, with its id.</returns>
    Task<PipedriveCallLog> CreateAsync(PipedriveCreateCallLogRequest request, CancellationToken cancellationToken = default);

    /// <summary><see cref="CreateAsync"/>, with the response's status, request id, rate-limit state and attempt count.</summary>
    /// <param name="request">The call log; checked before sending.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created call log and what the response said about the call.</returns>
    Task<CallLogResponse<PipedriveCallLog>> CreateWithResponseAsync(PipedriveCreateCallLogRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Attaches an audio recording (<c>POST /callLogs/{id}/recordings</c>, multipart part <c>file</c>, 10 tokens), streamed
    /// from <paramref name="audio"/> without copying it into memory. The stream is not disposed. A failed attempt is
    /// retried only when the stream can seek (it is rewound first).
    /// </summary>
    /// <param name="id">The call log's id.</param>
    /// <param name="audio">The audio, read from its current position.</param>
    /// <param name="fileName">The file name Pipedrive shows, e.g. <c>call.mp3</c>.</param>
    /// <param name="contentType">An audio media type, e.g. <c>audio/mpeg</c> or <c>audio/wav</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Pipedrive has stored the recording.</returns>
    /// <exception cref="Errors.CallLogConflictException">The call log already has a recording.</exception>
    /// <exception cref="Errors.CallLogNotFoundException">No call log has that id.</exception>
    Task AddRecordingAsync(string id, Stream audio, string fileName, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Attaches an audio recording, like <see cref="AddRecordingAsync"/>, and returns what the response said.</summary>
    /// <param name="id">The call log's id.</param>
    /// <param name="audio">The audio, read from its current position.</param>
    /// <param name="fileName">The file name Pipedrive shows, e.g. <c>call.mp3</c>.</param>
    /// <param name="contentType">An audio media type, e.g. <c>audio/mpeg</c> or <c>audio/wav</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, request id, rate-limit state and attempt count of the upload.</returns>
    Task<CallLogResponse> AddRecordingWithResponseAsync(
        string id, Stream audio, string fileName, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Attaches an audio recording from a file, streamed from disk; the media type comes from the extension unless given.</summary>
    /// <param name="id">The call log's id.</param>
    /// <param name="filePath">The audio file (.mp3, .wav, .ogg, .m4a, .webm, .aac, .flac).</param>
    /// <param name="contentType">An audio media type, or <see langword="null"/> to take it from the extension.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Pipedrive has stored the recording.</returns>
    Task AddRecordingFromFileAsync(string id, string filePath, string? contentType = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a call log and its recording (<c>DELETE /callLogs/{id}</c>, 6 tokens); the activity around it stays.
    /// A 404 or 410 on the first attempt throws <see cref="Errors.CallLogNotFoundException"/> (<c>IsGone</c> for 410);
    /// on a retry after an attempt whose response was lost, it means that attempt deleted it, and the call succeeds.
    /// </summary>
    /// <param name="id">The call log's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the call log is gone.</returns>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="DeleteAsync"/>, with the response's status, request id, rate-limit state and attempt count (a status
    /// of 404 or 410 means a retry found the call log already deleted by an earlier attempt).
    /// </summary>
    /// <param name="id">The call log's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the response said about the call.</returns>
    Task<CallLogResponse> DeleteWithResponseAsync(string id, CancellationToken cancellationToken = default);
}
