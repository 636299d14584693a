namespace CallLogClient.Tests.Support;

/// <summary>
/// A test that needs a Redis server at <c>CALLLOG_REDIS</c> (host:port; .ci/run starts one). Without it the test is
/// skipped and says why, unless <c>CALLLOG_REQUIRE_REDIS=1</c> (set by CI): then it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    public const string AddressVariable = "CALLLOG_REDIS";

    public const string RequireVariable = "CALLLOG_REQUIRE_REDIS";

    public RedisFactAttribute()
    {
        if (Address is null && Environment.GetEnvironmentVariable(RequireVariable) != "1")
        {
            Skip = $"No Redis server: set {AddressVariable}=host:port (.ci/run installs and starts one on loopback). "
                + $"CI sets {RequireVariable}=1, which fails this test instead of skipping it.";
        }
    }

    /// <summary>The Redis server the tests use, or null.</summary>
    public static string? Address => Environment.GetEnvironmentVariable(AddressVariable) is { Length: > 0 } address ? address : null;

    /// <summary>The address, or a failure saying the server is required but was not given.</summary>
    public static string RequiredAddress => Address
        ?? throw new InvalidOperationException($"{RequireVariable}=1 but {AddressVariable} is not set: .ci/run should have started redis-server.");
}
