using CallLogClient.Close.Models;

namespace CallLogClient.Close;

/// <summary>
/// Close Call activities (API v1): list, read deep ranges, get, log (create), update, delete. Every failure is a
/// <see cref="Errors.CallLogApiException"/> subclass; bad input is an <see cref="ArgumentException"/> naming the field,
/// thrown before anything is sent.
/// </summary>
public interface ICloseCallActivitiesClient
{
    /// <summary>Reads one page of call activities (<c>GET /activity/call/</c>).</summary>
    /// <param name="query">The filters; all calls the credential can see when <see langword="null"/>.</param>
    /// <param name="skip">How many calls to skip (<c>_skip</c>), 0 to 250 000: Close refuses more.</param>
    /// <param name="limit">The page size (<c>_limit</c>), 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The calls, whether more follow, and the skip of the next page.</returns>
    Task<CloseCallActivityPage> ListPageAsync(
        CloseCallQuery? query = null, int skip = 0, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="ListPageAsync"/>, with the response's status, request id, rate-limit state (<c>RateLimit</c>) and
    /// attempt count.
    /// </summary>
    /// <param name="query">The filters; all calls the credential can see when <see langword="null"/>.</param>
    /// <param name="skip">How many calls to skip (<c>_skip</c>), 0 to 250 000.</param>
    /// <param name="limit">The page size (<c>_limit</c>), 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and what the response said about the call.</returns>
    Task<CallLogResponse<CloseCallActivityPage>> ListPageWithResponseAsync(
        CloseCallQuery? query = null, int skip = 0, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every matching call activity, in the server's order, fetched page by page as the caller consumes them: while the
    /// caller reads one page, the next <see cref="CallLogClientOptions.PagesInFlight"/> - 1 are fetched ahead (default
    /// one, never past the <c>_skip</c> cap), and at most that many pages are held in memory. Nothing is fetched before
    /// the enumeration starts; breaking out of the loop cancels the pages in flight. A call that shifts from one page to the next while the
    /// list is read (new calls arriving) is returned once. Close refuses to skip past 250 000 calls: for larger sets use
    /// <see cref="ListAllByDateWindowsAsync"/>, which this method points to with an
    /// <see cref="InvalidOperationException"/> when it reaches the cap.
    /// </summary>
    /// <param name="query">The filters; all calls the credential can see when <see langword="null"/>.</param>
    /// <param name="pageSize">The page size, 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The calls, in the server's order.</returns>
    IAsyncEnumerable<CloseCallActivity> ListAllAsync(
        CloseCallQuery? query = null, int pageSize = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every matching call activity however many there are, read in <c>date_created</c> windows so that no page needs a
    /// <c>_skip</c> past Close's cap (250 000). Each call is returned exactly once; calls come window by window, oldest
    /// window first, and in the server's order within a window (no ordering is assumed).
    /// </summary>
    /// <remarks>
    /// <para>
    /// The range is <c>query.DateCreated</c>; without a lower bound it starts at the Unix epoch, and without an upper
    /// bound it ends at the whole second in which the read starts (the options' clock rounded down to the second,
    /// exclusive), so calls created from that second on, during the read included, are left for the next read: start that
    /// one with <c>date_created__gte</c> at the same instant and every call is returned by exactly one of the two. A window is read only once it is known to fit under the cap: when its first page says more follow, a probe
    /// (<c>_skip</c> = cap, <c>_limit=1</c>, <c>_fields=id</c>) asks whether a call lies past the cap, and if one does
    /// the window is halved at a whole second (<c>date_created__gte</c> / <c>__lt</c>, half-open, so no call falls in two
    /// windows) and each half is handled the same way. If Close answers a probe with its <c>max_skip</c> error, the
    /// cap it names is used from then on.
    /// </para>
    /// <para>
    /// A call is returned only by the window that owns its <c>date_created</c>, and a call seen on the previous page is
    /// not returned again (pages shift when calls arrive); memory holds at most
    /// <see cref="CallLogClientOptions.PagesInFlight"/> pages and the ids of two. Within a window, pages are fetched
    /// ahead as in <see cref="ListAllAsync"/>. When
    /// <see cref="CloseCallQuery.Fields"/> is set, <c>id</c> and <c>date_created</c> are added to it. More than 250 000
    /// calls created within one second cannot be read and end the read with an <see cref="InvalidOperationException"/>.
    /// </para>
    /// </remarks>
    /// <param name="query">The filters and the <c>date_created</c> range; everything when <see langword="null"/>.</param>
    /// <param name="pageSize">The page size, 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The calls, oldest window first.</returns>
    IAsyncEnumerable<CloseCallActivity> ListAllByDateWindowsAsync(
        CloseCallQuery? query = null, int pageSize = 100, CancellationToken cancellationToken = default);

    /// <summary>Reads one call activity (<c>GET /activity/call/{id}/</c>).</summary>
    /// <param name="id">The activity id (<c>acti_…</c>).</param>
    /// <param name="fields">
    /// The fields to return (<c>_fields</c>); all documented fields when <see langword="null"/>. Close returns only the
    /// fields named, and the transcripts only when named: <c>[.. CloseCallFieldNames.Documented,
    /// CloseCallFieldNames.RecordingTranscript]</c> gets the call with its transcript.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call activity.</returns>
    /// <exception cref="Errors.CallLogNotFoundException">No call activity has that id.</exception>
    Task<CloseCallActivity> GetAsync(string id, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default);

    /// <summary><see cref="GetAsync"/>, with the response's status, request id, rate-limit state and attempt count.</summary>
    /// <param name="id">The activity id (<c>acti_…</c>).</param>
    /// <param name="fields">The fields to return (<c>_fields</c>); all documented fields when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call activity and what the response said about the call.</returns>
    Task<CallLogResponse<CloseCallActivity>> GetWithResponseAsync(
        string id, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Logs a call made outside Close (<c>POST /activity/call/</c>). Never retried once the server may have seen it:
    /// when the outcome is unknown, a <see cref="Errors.CallLogOutcomeUnknownException"/> says so.
    /// </summary>
    /// <param name="request">The call; checked before sending.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created call activity, with its id.</returns>
    Task<CloseCallActivity> CreateAsync(CloseCreateCallRequest request, CancellationToken cancellationToken = default);

    /// <summary><see cref="CreateAsync"/>, with the response's status, request id, rate-limit state and attempt count.</summary>
    /// <param name="request">The call; checked before sending.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created call activity and what the response said about the call.</returns>
    Task<CallLogResponse<CloseCallActivity>> CreateWithResponseAsync(CloseCreateCallRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a call activity (<c>PUT /activity/call/{id}/</c>, a partial update): only the properties set on
    /// <paramref name="request"/> are sent, and <c>null</c> only for the fields named in
    /// <see cref="CloseUpdateCallRequest.Clear"/>. Changing or clearing the recording or voicemail of a call made
    /// through Close deletes it for good.
    /// </summary>
    /// <param name="id">The activity id.</param>
    /// <param name="request">The changes; checked before sending, and must change something.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call activity after the update.</returns>
    Task<CloseCallActivity> UpdateAsync(string id, CloseUpdateCallRequest request, CancellationToken cancellationToken = default);

    /// <summary><see cref="UpdateAsync"/>, with the response's status, request id, rate-limit state and attempt count.</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="request">The changes; checked before sending, and must change something.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call activity after the update and what the response said about the call.</returns>
    Task<CallLogResponse<CloseCallActivity>> UpdateWithResponseAsync(
        string id, CloseUpdateCallRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a call activity (<c>DELETE /activity/call/{id}/</c>); a 200 with <c>{}</c> and a 204 with no body both
    /// succeed. A 404 on the first attempt throws <see cref="Errors.CallLogNotFoundException"/>; on a retry after an
    /// attempt whose response was lost, it means that attempt deleted it, and the call succeeds.
    /// </summary>
    /// <param name="id">The activity id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the call activity is gone.</returns>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="DeleteAsync"/>, with the response's status, request id, rate-limit state and attempt count (a status
    /// of 404 means a retry found the call activity already deleted by an earlier attempt).
    /// </summary>
    /// <param name="id">The activity id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the response said about the call.</returns>
    Task<CallLogResponse> DeleteWithResponseAsync(string id, CancellationToken cancellationToken = default);
}
