namespace CallLogClient.Pipedrive;

/// <summary>
/// The Pipedrive clients registered by name (<c>services.AddPipedriveCallLogs("acme", ...)</c>), for code that picks
/// the account at run time, e.g. by tenant.
/// </summary>
public interface IPipedriveCallLogsClientFactory
{
    /// <summary>The client registered under <paramref name="name"/> (the same instance every time).</summary>
    /// <param name="name">The registration's name; empty for the default registration.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentException">No client is registered under <paramref name="name"/>.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Get is the name options and HttpClient factories use; Visual Basic callers can still call it.")]
    IPipedriveCallLogsClient Get(string name);
}
