using CallLogClient.Diagnostics;

namespace CallLogClient.Pipedrive;

/// <summary>The Pipedrive client's public calls, as its spans and metrics name them.</summary>
internal static class PipedriveOperations
{
    private const string Resource = "call_logs";

    public static readonly CallOperation List = new(CallLogProvider.Pipedrive, Resource, "list", "GET");

    public static readonly CallOperation Get = new(CallLogProvider.Pipedrive, Resource, "get", "GET");

    public static readonly CallOperation Create = new(CallLogProvider.Pipedrive, Resource, "create", "POST");

    public static readonly CallOperation AttachRecording = new(CallLogProvider.Pipedrive, Resource, "attach_recording", "POST");

    public static readonly CallOperation Delete = new(CallLogProvider.Pipedrive, Resource, "delete", "DELETE");
}
