namespace CallLogClient.Close.Outcomes;

/// <summary>
/// The organization's call outcomes (Close Outcomes API, <c>GET /outcome/</c>), read once and cached per client for
/// <see cref="CloseOutcomesClient.CacheDuration"/>: resolving many calls' <c>outcome_id</c> costs one read.
/// </summary>
public interface ICloseOutcomesClient
{
    /// <summary>Every outcome of the organization, from the cache or, when it is empty or stale, read page by page.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcomes.</returns>
    Task<IReadOnlyList<CloseOutcome>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The outcome with this id, from the cached list; <see langword="null"/> when the organization has none with it (a
    /// deleted outcome stays referenced by old calls but can no longer be read).
    /// </summary>
    /// <param name="outcomeId">The id (<c>outcome_…</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome, or <see langword="null"/>.</returns>
    Task<CloseOutcome?> FindAsync(string outcomeId, CancellationToken cancellationToken = default);
}
