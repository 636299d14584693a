namespace CallLogClient.Tests.Conventions;

public sealed class TestEnvironmentTests
{
    [Fact]
    public void Tests_run_in_a_time_zone_that_is_not_UTC_so_local_time_mistakes_show()
    {
        Assert.Equal(TimeSpan.FromHours(5.5), TimeZoneInfo.Local.GetUtcOffset(new DateTime(2024, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
    }
}
