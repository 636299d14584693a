using CallLogClient.Http;

namespace CallLogClient.Close;

/// <summary>Resolves the keyed client of a name.</summary>
internal sealed class CloseCallActivitiesClientFactory(IServiceProvider services) : ICloseCallActivitiesClientFactory
{
    public ICloseCallActivitiesClient Get(string name) =>
        ClientRegistration.Resolve<ICloseCallActivitiesClient>(services, name, "AddCloseCallActivities");
}
