using CallLogClient.Diagnostics;

namespace CallLogClient.Close;

/// <summary>The Close client's public calls, as its spans and metrics name them.</summary>
internal static class CloseOperations
{
    private const string Resource = "call_activities";

    public static readonly CallOperation List = new(CallLogProvider.Close, Resource, "list", "GET");

    public static readonly CallOperation Get = new(CallLogProvider.Close, Resource, "get", "GET");

    public static readonly CallOperation Create = new(CallLogProvider.Close, Resource, "create", "POST");

    public static readonly CallOperation Update = new(CallLogProvider.Close, Resource, "update", "PUT");

    public static readonly CallOperation Delete = new(CallLogProvider.Close, Resource, "delete", "DELETE");
}
