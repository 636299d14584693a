using System.Diagnostics.CodeAnalysis;

namespace CallLogClient.Tests.WireMock;

/// <summary>Tests in this collection share one <see cref="WireMockFixture"/> and run one at a time.</summary>
[CollectionDefinition(Name)]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is an xunit test collection.")]
public sealed class WireMockCollection : ICollectionFixture<WireMockFixture>
{
    public const string Name = "WireMock";
}
