namespace CallLogClient;

/// <summary>The CRM whose API a client talks to.</summary>
public enum CallLogProvider
{
    /// <summary>Pipedrive Call Logs (API v1).</summary>
    Pipedrive,

    /// <summary>Close Call activities (API v1).</summary>
    Close,
}
