namespace CallLogClient.Http;

/// <summary>
/// A call's or an attempt's deadline: a token cancelled when its timeout passes or when the token it is linked to (the
/// caller's, or the call's deadline) is. Disposing it unlinks it and gives its source back to
/// <see cref="DeadlineSources"/>.
/// </summary>
internal readonly struct Deadline : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly CancellationTokenRegistration link;
    private readonly TimeProvider timeProvider;

    private Deadline(CancellationTokenSource source, CancellationTokenRegistration link, TimeProvider timeProvider)
    {
        this.source = source;
        this.link = link;
        this.timeProvider = timeProvider;
    }

    public CancellationToken Token => source.Token;

    /// <summary>Starts a deadline <paramref name="timeout"/> from now, on <paramref name="timeProvider"/>'s clock.</summary>
    public static Deadline Start(TimeSpan timeout, TimeProvider timeProvider, CancellationToken linkedTo)
    {
        var source = DeadlineSources.Start(timeout, timeProvider);
        var link = linkedTo.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), source);
        return new Deadline(source, link, timeProvider);
    }

    /// <summary>
    /// The timeout itself ended <paramref name="failure"/>: it is a cancellation, this deadline fired and
    /// <paramref name="linkedTo"/> (the token it was started with) was not cancelled.
    /// </summary>
    public bool Ended(Exception? failure, CancellationToken linkedTo) =>
        failure is OperationCanceledException && source.IsCancellationRequested && !linkedTo.IsCancellationRequested;

    public void Dispose()
    {
        link.Dispose();
        DeadlineSources.Return(source, timeProvider);
    }
}
