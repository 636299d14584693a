namespace CallLogClient.Calls;

/// <summary>Which way a call went.</summary>
public enum CallDirection
{
    /// <summary>The user was called.</summary>
    Inbound,

    /// <summary>The user placed the call.</summary>
    Outbound,
}
