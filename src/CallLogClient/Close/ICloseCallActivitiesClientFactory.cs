namespace CallLogClient.Close;

/// <summary>
/// The Close clients registered by name (<c>services.AddCloseCallActivities("acme", ...)</c>), for code that picks
/// the account at run time, e.g. by tenant.
/// </summary>
public interface ICloseCallActivitiesClientFactory
{
    /// <summary>The client registered under <paramref name="name"/> (the same instance every time).</summary>
    /// <param name="name">The registration's name; empty for the default registration.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentException">No client is registered under <paramref name="name"/>.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Get is the name options and HttpClient factories use; Visual Basic callers can still call it.")]
    ICloseCallActivitiesClient Get(string name);
}
