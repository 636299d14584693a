using CallLogClient.Http;

namespace CallLogClient.Pipedrive;

/// <summary>Resolves the keyed client of a name.</summary>
internal sealed class PipedriveCallLogsClientFactory(IServiceProvider services) : IPipedriveCallLogsClientFactory
{
    public IPipedriveCallLogsClient Get(string name) =>
        ClientRegistration.Resolve<IPipedriveCallLogsClient>(services, name, "AddPipedriveCallLogs");
}
