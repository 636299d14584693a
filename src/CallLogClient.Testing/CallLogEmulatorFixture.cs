namespace CallLogClient.Testing;

/// <summary>
/// One emulator for a test class or collection (xunit's <c>IClassFixture&lt;CallLogEmulatorFixture&gt;</c>): started when
/// the fixture is created, stopped when it is disposed. Needs no test framework package.
/// </summary>
public sealed class CallLogEmulatorFixture : IAsyncDisposable, IDisposable
{
    /// <summary>Starts the emulator.</summary>
    public CallLogEmulatorFixture() => Emulator = CallLogEmulator.Start();

    /// <summary>The running emulator; call <see cref="CallLogEmulator.Reset"/> between tests that need a clean one.</summary>
    public CallLogEmulator Emulator { get; }

    /// <summary>Stops the emulator.</summary>
    public ValueTask DisposeAsync() => Emulator.DisposeAsync();

    /// <summary>Stops the emulator.</summary>
    public void Dispose() => Emulator.Dispose();
}
