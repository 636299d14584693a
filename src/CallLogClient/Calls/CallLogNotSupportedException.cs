namespace CallLogClient.Calls;

/// <summary>
/// The provider cannot do what was asked at all (an upload to Close, a recording URL to Pipedrive, or a field it cannot
/// hold when <see cref="CallLogWriterOptions.RejectUnstorableFields"/> is on). Thrown before anything is sent.
/// </summary>
public sealed class CallLogNotSupportedException : NotSupportedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider that cannot do it.</param>
    /// <param name="field">The <see cref="CallRecord"/> property concerned.</param>
    /// <param name="message">What cannot be done and what to do instead.</param>
    public CallLogNotSupportedException(CallLogProvider provider, string field, string message)
        : base(message)
    {
        Provider = provider;
        Field = field;
    }

    /// <summary>The provider that cannot do it.</summary>
    public CallLogProvider Provider { get; }

    /// <summary>The <see cref="CallRecord"/> property concerned, e.g. <c>Recording</c>.</summary>
    public string Field { get; }
}
