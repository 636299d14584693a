using System.Diagnostics.CodeAnalysis;

namespace CallLogClient.Tests.WireMock;

/// <summary>
/// Tests that measure real time: they get a <see cref="WireMockFixture"/> of their own and run after every other test,
/// alone, so the rest of the suite's load on two cores does not stretch what they time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is an xunit test collection.")]
public sealed class TimingCollection : ICollectionFixture<WireMockFixture>
{
    public const string Name = "Timing";
}
